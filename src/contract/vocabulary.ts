// The public vocabulary: every list of ids that crosses the HTTP contract, defined once. Types are
// derived from the arrays, and the zod enums in the schemas are built from them, so adding a role
// or a case state is one line here and the compiler shows every place that must handle it.
// Nothing here imports from the rest of src: the contract is the bottom layer that the service,
// the Matrix bot and the generated web-chat contract all read from.

/** Where professionals work; the asker's role steers the legal basis (§ 8a SGB VIII or § 4 KKG). */
export const ROLES = ['kita', 'schule', 'gesundheit', 'jugendhilfe', 'verein', 'andere'] as const;
export type Role = (typeof ROLES)[number];

/** The roles in German, as staff and askers read them. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  kita: 'Kita oder Kindertagespflege', schule: 'Schule', gesundheit: 'Gesundheitswesen', jugendhilfe: 'Kinder- und Jugendhilfe',
  verein: 'Verein oder Ehrenamt', andere: 'anderes Arbeitsfeld',
};

/** The districts and district-free cities of Mecklenburg-Vorpommern; names and contacts are in knowledge/regions.yaml. */
export const REGION_IDS = [
  'nordwestmecklenburg', 'ludwigslust-parchim', 'rostock-landkreis', 'mecklenburgische-seenplatte',
  'vorpommern-ruegen', 'vorpommern-greifswald', 'rostock', 'schwerin',
] as const;
export type RegionId = (typeof REGION_IDS)[number];

/** Where a conversation comes from. */
export const CHANNELS = ['web', 'matrix'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How soon the asker wants a person. */
export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** The tiers of the safety assessment: none → concern → urgent (act today) → acute (110/112 now). */
export const TRIAGE_LEVELS = ['none', 'concern', 'urgent', 'acute'] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];

/** The states of an escalation case (the transitions are in src/escalation/lifecycle.ts). */
export const CASE_STATUSES = ['open', 'claimed', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** 👍 / 👎 on an answer or on the help of the Kontaktstelle. */
export const RATINGS = ['up', 'down'] as const;
export type Rating = (typeof RATINGS)[number];

/** draft → approved (by a named person) → changed (since approval); see src/knowledge/editorial.ts. */
export const EDITORIAL_STATUSES = ['draft', 'approved', 'changed'] as const;
export type EditorialStatus = (typeof EDITORIAL_STATUSES)[number];

/** Who wrote a message of a conversation. */
export const MESSAGE_AUTHORS = ['user', 'assistant', 'staff', 'system'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

/** Which kind of answer a reply is, for reports and the UI. */
export const REPLY_KINDS = ['answer', 'fallback', 'navigator', 'smalltalk', 'handover', 'relayed'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** The buttons a reply offers; web chat and Matrix render each their own way. */
export const ACTION_TYPES = ['quick_reply', 'escalate', 'call', 'link', 'navigator', 'download_summary'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** The events of the staff feed (GET /api/staff/feed); each carries its case summary or message. */
export const FEED_EVENT_TYPES = [
  'case.opened', 'case.claimed', 'case.released', 'case.transferred', 'case.closed', 'case.reopened', 'case.reminder',
  'message', 'message.corrected', 'message.withdrawn', 'staff.digest',
] as const;
export type FeedEventType = (typeof FEED_EVENT_TYPES)[number];

/**
 * The events of a conversation's SSE stream (GET /api/conversations/{id}/events). `typing` is
 * state, not part of the log: it has no id, so it never moves Last-Event-ID.
 */
export const CONVERSATION_EVENT_TYPES = ['ready', 'message', 'message.corrected', 'message.withdrawn', 'case', 'conversation', 'typing'] as const;
export type ConversationEventType = (typeof CONVERSATION_EVENT_TYPES)[number];

/** A case number as staff read and type it: KS-2026-0001 (year, then a counter of at least four digits). */
export function caseNumber(year: number, counter: number): string {
  return `KS-${year}-${String(counter).padStart(4, '0')}`;
}
/** The pattern of a case number (also accepts the three-digit numbers of early cases), without anchors. */
export const CASE_NUMBER_SOURCE = 'KS-\\d{4}-\\d{3,}';
