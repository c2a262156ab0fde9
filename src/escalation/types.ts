// Cases: a conversation handed to a person of the Kontaktstelle.

import type { CaseStatus, Urgency } from '../contract/vocabulary.ts';
export type { CaseStatus, Urgency };

export type CaseRecord = {
  id: string;
  number: string;
  conversationId: string;
  status: CaseStatus;
  urgency: Urgency;
  role: string | null;
  region: string | null;
  topic: string | null;
  channel: string;
  /** Callback number or e-mail; only on the case, never in events. */
  contact: string | null;
  consentAt: number;
  staffId: string | null;
  staffName: string | null;
  createdAt: number;
  claimedAt: number | null;
  firstResponseAt: number | null;
  lastStaffMessageAt: number | null;
  lastUserMessageAt: number | null;
  closedAt: number | null;
  closedBy: string | null;
  outcome: string | null;
  note: string | null;
  rating: string | null;
  unclaimedReminders: number;
  silentReminders: number;
  lastReminderAt: number | null;
  /** An acute message arrived while the case was claimed (reset when staff answer). */
  acuteAt: number | null;
  acuteReminded: boolean;
  /** The name the asker sees ("Fachkraft der Kontaktstelle" or a first name), never the Matrix name. */
  staffAlias: string | null;
  openedOutsideHours: boolean;
  /** The asker's last question before the escalation, redacted and short, for the queue notice. */
  question: string | null;
  reopenedAt: number | null;
  /** While the holder types in Matrix: until when the asker sees it (not part of any event). */
  typingUntil?: number | null;
  writeToken: string;
  updatedAt: number;
};

/** What may leave the service in events and lists: no contact, no note. */
export type CaseSummary = Pick<CaseRecord,
  'id' | 'number' | 'conversationId' | 'status' | 'urgency' | 'role' | 'region' | 'topic' | 'channel' | 'staffId' | 'staffName'
  | 'createdAt' | 'claimedAt' | 'closedAt' | 'outcome' | 'openedOutsideHours' | 'question' | 'reopenedAt'> & {
    hasContact: boolean;
    /** German words for role, region and topic (the ids stay beside them). */
    labels: { role: string | null; region: string | null; topic: string | null };
  };

/** German names of the vocabulary a case carries; the service fills them from the knowledge base. */
export type CaseLabels = { role(id: string): string | undefined; region(id: string): string | undefined; topic(id: string): string | undefined };

export type AuditEntry = { action: string; actor: string | null; detail: string | null; at: number };

export type EscalationSettings = {
  /** Minutes an unclaimed case waits (in office hours) before staff are reminded; repeated as often. */
  remindUnclaimedMinutes: number;
  /** Minutes a claimed case may leave the asker without an answer (in office hours) before a reminder. */
  remindSilentMinutes: number;
  /** How many unclaimed reminders at most. */
  maxUnclaimedReminders: number;
  /** Minutes (round the clock) a holder may leave an acute message unanswered before the queue room is told. */
  remindAcuteMinutes: number;
  /** How long a closed case is kept (RETENTION_CASE_DAYS); it can be reopened only within this time. */
  retentionCaseMs: number;
};

export const DEFAULT_SETTINGS: EscalationSettings = {
  remindUnclaimedMinutes: 15, remindSilentMinutes: 20, maxUnclaimedReminders: 3, remindAcuteMinutes: 2, retentionCaseMs: 90 * 86_400_000,
};

export function toSummary(c: CaseRecord, labels?: CaseLabels): CaseSummary {
  const label = (kind: keyof CaseLabels, id: string | null) => (id ? labels?.[kind](id) ?? id : null);
  return {
    id: c.id, number: c.number, conversationId: c.conversationId, status: c.status, urgency: c.urgency, role: c.role,
    region: c.region, topic: c.topic, channel: c.channel, staffId: c.staffId, staffName: c.staffName,
    createdAt: c.createdAt, claimedAt: c.claimedAt, closedAt: c.closedAt, outcome: c.outcome, hasContact: c.contact !== null,
    openedOutsideHours: c.openedOutsideHours, question: c.question, reopenedAt: c.reopenedAt,
    labels: { role: label('role', c.role), region: label('region', c.region), topic: label('topic', c.topic) },
  };
}

/** What the asker may read as the staff member's name. */
export const DEFAULT_STAFF_ALIAS = 'Fachkraft der Kontaktstelle';

/** The part the web chat sees (SSE `case` event, conversation history). */
export function toPublicCase(c: CaseRecord) {
  // Only a configured alias is sent as a name; without one the chat says "Eine Fachkraft der Kontaktstelle".
  return { id: c.id, number: c.number, status: c.status, ...(c.status === 'claimed' && c.staffAlias ? { staffName: c.staffAlias } : {}) };
}
