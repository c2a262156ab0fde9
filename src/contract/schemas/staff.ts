import { z } from '@hono/zod-openapi';
import { CASE_STATUSES, EDITORIAL_STATUSES, FEED_EVENT_TYPES, MESSAGE_AUTHORS } from '../vocabulary.ts';
import { EpochMs } from './common.ts';
import { UrgencySchema } from './conversation.ts';

// The staff side of the contract (bearer STAFF_TOKEN): the case feed, case actions, canned
// replies, knowledge search and reports. The Matrix bot uses exactly these.

/** Longest staff message; longer ones are refused with both numbers, so staff know how much to cut. */
export const MAX_STAFF_MESSAGE_CHARS = 8000;

export const CaseStatusSchema = z.enum(CASE_STATUSES).openapi('CaseStatus');

export const CaseParams = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, description: 'id des Falls oder seine Nummer (KS-2026-0001)' }),
});
export const ReplyNameParams = z.object({
  name: z.string().min(1).max(100).openapi({ param: { name: 'name', in: 'path' }, description: '1–40 Buchstaben, Ziffern oder Bindestriche' }),
});

const StaffId = z.string().min(1).max(255);
const Name = z.string().min(1).max(100);
// An empty or blank field counts as not given (it used to be stored and counted as its own bucket "").
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined);

export const ClaimSchema = z.object({ staffId: StaffId, staffName: Name, staffAlias: Name.optional() }).openapi('Claim');
export const TransferSchema = z.object({
  staffId: StaffId, toStaffId: StaffId, toStaffName: Name, toStaffAlias: Name.optional(), lead: z.boolean().optional(),
}).openapi('Transfer');
export const NoteSchema = z.object({ staffId: StaffId, text: z.string().trim().min(1).max(2000) }).openapi('Note');
export const CannedReplyInputSchema = z.object({ staffId: StaffId, text: z.string().trim().min(1).max(MAX_STAFF_MESSAGE_CHARS) }).openapi('CannedReplyInput');
export const ReleaseSchema = z.object({ staffId: StaffId }).openapi('Release');
export const StaffMessageSchema = z.object({
  staffId: StaffId, staffName: Name,
  text: z.string().trim().min(1).openapi({ description: `Über ${MAX_STAFF_MESSAGE_CHARS} Zeichen: 400 too_long mit beiden Zahlen.` }),
  clientId: z.string().min(1).max(255),
  /** clientId of the earlier message this one corrects (a Matrix edit). */
  corrects: z.string().min(1).max(255).optional().openapi({ description: 'clientId der früheren Nachricht, die diese berichtigt' }),
}).openapi('StaffMessage');
export const WithdrawSchema = z.object({ staffId: StaffId, clientId: z.string().min(1).max(255) }).openapi('Withdraw');
export const TypingSchema = z.object({
  staffId: StaffId,
  typing: z.boolean().openapi({ description: 'true: schreibt gerade (gilt höchstens 30 s, erneuern); false: hat aufgehört' }),
}).openapi('Typing');
export const CloseSchema = z.object({ staffId: StaffId, topic: optionalText(50), outcome: optionalText(50), note: optionalText(1000) }).openapi('Close');
export const AckSchema = z.object({ consumer: z.string().min(1).max(200), cursor: z.number().int().min(0) }).openapi('Ack');

// Query values stay strings: out-of-range numbers are clamped, not refused (a long poll must not
// fail because a client asked for 30 s).
export const FeedQuery = z.object({
  after: z.string().optional().openapi({ description: 'Cursor: nur Ereignisse mit größerer id' }),
  limit: z.string().optional().openapi({ description: '1–500, Standard 100' }),
  wait: z.string().optional().openapi({ description: 'Sekunden (≤ 25), die die Anfrage auf ein Ereignis wartet' }),
});
export const CursorQuery = z.object({ consumer: z.string().min(1).max(200) });
export const CasesQuery = z.object({ status: CaseStatusSchema.optional() });
export const SearchQuery = z.object({ q: z.string().trim().min(1).openapi({ description: 'Suchfrage (höchstens 500 Zeichen werden verwendet)' }) });
export const GapsQuery = z.object({ days: z.string().optional().openapi({ description: '1–365, Standard 14' }) });
export const StatsQuery = z.object({
  from: z.string().openapi({ description: 'erster Tag, JJJJ-MM-TT' }),
  to: z.string().openapi({ description: 'Tag nach dem letzten, JJJJ-MM-TT, nach from' }),
});

const Labels = z.object({ role: z.string().nullable(), region: z.string().nullable(), topic: z.string().nullable() });

/** What may leave the service in events and lists: no contact, no note. */
export const CaseSummarySchema = z.object({
  id: z.string(), number: z.string(), conversationId: z.string(), status: CaseStatusSchema, urgency: UrgencySchema,
  role: z.string().nullable(), region: z.string().nullable(), topic: z.string().nullable(), channel: z.string(),
  staffId: z.string().nullable(), staffName: z.string().nullable(),
  createdAt: EpochMs, claimedAt: EpochMs.nullable(), closedAt: EpochMs.nullable(), outcome: z.string().nullable(),
  hasContact: z.boolean(), openedOutsideHours: z.boolean(),
  question: z.string().nullable().openapi({ description: 'Die letzte Frage vor der Anfrage, geschwärzt und kurz' }),
  reopenedAt: EpochMs.nullable(),
  labels: Labels.openapi({ description: 'Deutsche Bezeichnungen für Rolle, Region und Thema' }),
}).openapi('CaseSummary');

export const CaseEnvelopeSchema = z.object({ case: CaseSummarySchema }).openapi('CaseEnvelope');

export const TranscriptMessageSchema = z.object({ id: z.string(), author: z.enum(MESSAGE_AUTHORS), text: z.string(), createdAt: EpochMs });

export const CaseDetailSchema = CaseSummarySchema.extend({
  contact: z.string().nullable(), note: z.string().nullable(), firstResponseAt: EpochMs.nullable(), rating: z.string().nullable(),
  closedBy: z.string().nullable(),
  transcript: z.array(TranscriptMessageSchema),
  audit: z.array(z.object({ action: z.string(), actor: z.string().nullable(), detail: z.string().nullable(), at: EpochMs })),
  notes: z.array(z.object({ by: z.string().nullable(), text: z.string(), at: EpochMs })),
}).openapi('CaseDetail');

export const FeedEventSchema = z.object({
  id: z.number().int(),
  type: z.enum(FEED_EVENT_TYPES),
  conversationId: z.string().nullable(),
  caseId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).openapi({
    description: 'case.*: {case: CaseSummary, …} (case.opened mit officeOpen, case.reminder mit kind, target, minutes); message: die Nachricht wie im SSE-Strom; message.corrected: die Nachricht in der aktuellen Fassung mit editedAt; message.withdrawn: {id, text, withdrawnAt}; staff.digest: {day, cases}',
  }),
  createdAt: EpochMs,
}).openapi('FeedEvent');
export const FeedSchema = z.object({ events: z.array(FeedEventSchema), cursor: z.number().int() }).openapi('Feed');
export const CursorSchema = z.object({ cursor: z.number().int() }).openapi('Cursor');
export const CasesSchema = z.object({ cases: z.array(CaseSummarySchema) }).openapi('Cases');

const CloseOption = z.object({ id: z.string(), label: z.string() });
export const CloseOptionsSchema = z.object({ topics: z.array(CloseOption), outcomes: z.array(CloseOption) }).openapi('CloseOptions');

export const NoteAddedSchema = z.object({ at: EpochMs }).openapi('NoteAdded');
export const CannedReplySchema = z.object({ name: z.string(), text: z.string(), updatedBy: z.string().nullable(), updatedAt: EpochMs }).openapi('CannedReply');
export const CannedRepliesSchema = z.object({ replies: z.array(CannedReplySchema) }).openapi('CannedReplies');
export const CannedReplyEnvelopeSchema = z.object({ reply: CannedReplySchema }).openapi('CannedReplyEnvelope');

export const StaffMessageSentSchema = z.object({ messageId: z.string(), duplicate: z.boolean(), corrected: z.boolean().optional() }).openapi('StaffMessageSent');
export const WithdrawnSchema = z.object({ messageId: z.string(), duplicate: z.boolean() }).openapi('Withdrawn');

export const SearchResultSchema = z.object({
  confidence: z.number(),
  hits: z.array(z.object({ id: z.string(), title: z.string(), heading: z.string(), url: z.string(), score: z.number(), excerpt: z.string() })),
}).openapi('SearchResult');

export const EditorialQueueSchema = z.object({
  total: z.number().int(), approved: z.number().int(), awaitingApproval: z.number().int(), overdue: z.number().int(),
  articles: z.array(z.object({
    id: z.string(), title: z.string(), url: z.string(), status: z.enum(EDITORIAL_STATUSES), label: z.string(), stand: z.string(),
    reviewDue: z.string(), overdue: z.boolean(), changedSinceApproval: z.boolean(),
    approval: z.object({ name: z.string(), function: z.string(), date: z.string() }).optional(),
  })),
}).openapi('EditorialQueue');

export const GapsReportSchema = z.object({
  days: z.number().int(), total: z.number().int(),
  groups: z.array(z.object({ example: z.string(), count: z.number().int(), reasons: z.array(z.string()), lastAt: EpochMs, questions: z.array(z.string()) })),
  editorial: EditorialQueueSchema.optional(),
}).openapi('GapsReport');

/** A count that could point to a single case (1–4) is null. */
const Cell = z.number().int().nullable();
const Counts = z.record(z.string(), Cell);
export const StatsReportSchema = z.object({
  from: z.string(), to: z.string(), minCell: z.number().int(),
  conversations: Cell, escalations: Cell, urgent: Cell, closed: Cell,
  claimMinutesMedian: z.number().nullable(), responseMinutesMedian: z.number().nullable(),
  byOutcome: Counts, byRole: Counts, byRegion: Counts, byTopic: Counts,
}).openapi('StatsReport');
