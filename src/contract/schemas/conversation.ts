import { z } from '@hono/zod-openapi';
import {
  ACTION_TYPES, CASE_STATUSES, CHANNELS, EDITORIAL_STATUSES, MESSAGE_AUTHORS, RATINGS, REGION_IDS, REPLY_KINDS, ROLES, TRIAGE_LEVELS, URGENCIES,
} from '../vocabulary.ts';

// The asker's side of the contract: conversations, messages and replies, feedback, escalation.

export const RoleSchema = z.enum(ROLES).openapi('Role');
export const RegionSchema = z.enum(REGION_IDS).openapi('Region');
export const UrgencySchema = z.enum(URGENCIES).openapi('Urgency');
export const RatingSchema = z.enum(RATINGS).openapi('Rating');

export const ConversationParams = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }),
});

export const CreateConversationSchema = z.object({
  channel: z.enum(CHANNELS),
  role: RoleSchema.optional(),
  region: RegionSchema.optional(),
}).openapi('CreateConversation');

export const ConversationCreatedSchema = z.object({ id: z.string(), token: z.string() }).openapi('ConversationCreated');

export const PostMessageSchema = z.object({
  text: z.string().openapi({
    description: 'Leer (nach dem Entfernen unsichtbarer Zeichen) ergibt 400 empty_text, über MAX_MESSAGE_CHARS Zeichen 413 text_too_long.',
    example: 'Muss ich bei einem Verdacht zuerst mit den Eltern sprechen?',
  }),
  clientId: z.string().min(1).max(100).optional().openapi({ description: 'Eine Wiederholung mit derselben clientId gibt die erste Antwort zurück und speichert nichts doppelt.' }),
  /** The quick reply or navigator button that produced this text, if any. */
  action: z.object({ type: z.string().max(40), step: z.number().int().min(0).max(50).optional() }).passthrough().optional(),
}).openapi('PostMessage');

const ActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('quick_reply'), label: z.string(), value: z.string() }),
  z.object({ type: z.literal('escalate'), label: z.string(), urgency: UrgencySchema.optional() }),
  z.object({ type: z.literal('call'), label: z.string(), phone: z.string() }),
  z.object({ type: z.literal('link'), label: z.string(), url: z.string() }),
  z.object({ type: z.literal('navigator'), label: z.string(), step: z.number() }),
  z.object({ type: z.literal('download_summary'), label: z.string() }),
]).openapi('Action');

// Every action type of the vocabulary has its shape above, and no other.
type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _everyActionType: SameSet<z.infer<typeof ActionSchema>['type'], (typeof ACTION_TYPES)[number]> = true;
void _everyActionType;

export const SourceSchema = z.object({
  id: z.string(), title: z.string(), url: z.string(),
  reviewed: z.string().optional().openapi({ description: 'Stand des Artikels' }),
  status: z.enum(EDITORIAL_STATUSES).optional(),
}).openapi('Source');

export const ReplySchema = z.object({
  text: z.string().openapi({ description: 'Die Antwort selbst (Markdown): wer nur text liest, hat die Fakten.' }),
  sources: z.array(SourceSchema),
  triage: z.object({ level: z.enum(TRIAGE_LEVELS), signals: z.array(z.string()).optional() }),
  confidence: z.number(),
  actions: z.array(ActionSchema),
  kind: z.enum(REPLY_KINDS),
  redacted: z.object({ count: z.number(), types: z.array(z.string()) }).optional(),
  summary: z.string().optional(),
}).openapi('Reply');

export const MessageReplySchema = z.object({
  reply: ReplySchema, messageId: z.string(), replyId: z.string(),
  /** The asker's field of work as the Lotse assumes it after this message (null: not known). */
  role: z.string().nullable().optional().openapi({ description: 'Das Arbeitsfeld, von dem der Lotse nach dieser Nachricht ausgeht (null: unbekannt)' }),
}).openapi('MessageReply');

export const ROLE_REQUIRED = 'Bitte wählen Sie eines der genannten Arbeitsfelder.';
export const SetRoleSchema = z.object({ role: RoleSchema }).openapi('SetRole');

/** The part of a case the asker sees (history, SSE `case` event, escalation answer). */
export const PublicCaseSchema = z.object({
  id: z.string(), number: z.string().openapi({ example: 'KS-2026-0001' }), status: z.enum(CASE_STATUSES),
  staffName: z.string().optional().openapi({ description: 'Nur ein eingetragener Alias der Fachkraft, nie ihr Matrix-Name.' }),
}).openapi('PublicCase');

export const MessageSchema = z.object({
  id: z.string(), author: z.enum(MESSAGE_AUTHORS), text: z.string(), reply: ReplySchema.optional(), createdAt: z.string(),
  // A staff message corrected (Matrix edit) or withdrawn (redaction) after it was sent.
  editedAt: z.string().optional().openapi({ description: 'Nachricht der Fachkraft nachträglich korrigiert (text ist die aktuelle Fassung)' }),
  withdrawnAt: z.string().optional().openapi({ description: 'Nachricht der Fachkraft zurückgezogen (text ist der Hinweis)' }),
}).openapi('Message');

export const HistorySchema = z.object({
  id: z.string(),
  role: z.string().nullable(),
  region: z.string().nullable(),
  lastEventId: z.number(),
  messages: z.array(MessageSchema),
  case: PublicCaseSchema.optional(),
}).openapi('History');

export const FeedbackSchema = z.object({
  messageId: z.string().min(1).max(100),
  rating: RatingSchema,
  comment: z.string().max(1000).optional(),
}).openapi('Feedback');

export const EventsQuery = z.object({
  token: z.string().optional().openapi({ description: 'Zugangsschlüssel, wenn er nicht als Bearer gesendet werden kann' }),
  after: z.string().optional().openapi({ description: 'Nur Ereignisse nach dieser id (sonst Last-Event-ID)' }),
});

// Letters, digits and . _ % + - only: no markup or "javascript:" reaches a staff client as an address.
export const ContactSchema = z.string().trim().max(200).refine(
  (v) => /^[+()\d\s/-]{6,30}$/.test(v) || /^[\p{L}\d._%+-]{1,64}@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}$/u.test(v),
  'eine Telefonnummer oder E-Mail-Adresse',
).openapi({ description: 'Telefonnummer oder E-Mail-Adresse für den Rückruf' });

export const CONSENT_REQUIRED = 'Ohne Ihr Einverständnis kann die Anfrage nicht weitergegeben werden.';

export const EscalateSchema = z.object({
  consent: z.literal(true, { message: CONSENT_REQUIRED }),
  contact: ContactSchema.optional(),
  urgency: UrgencySchema.optional(),
  role: RoleSchema.optional(),
  region: RegionSchema.optional(),
}).openapi('Escalate');

export const EscalatedSchema = z.object({
  case: PublicCaseSchema,
  created: z.boolean().openapi({ description: 'false, wenn das Gespräch schon eine offene Anfrage hatte (nichts geändert)' }),
  officeHours: z.object({ open: z.boolean(), nextOpening: z.string().optional() }),
  message: z.string(),
}).openapi('Escalated');

/** Office hours as the form that asks for a person shows them, before anything is sent. */
export const OfficeHoursSchema = z.object({
  open: z.boolean(), hours: z.string(), holidaysClosed: z.boolean(),
  nextOpening: z.string().optional(), nextOpeningText: z.string().optional(),
  message: z.string(),
}).openapi('OfficeHours');

/** A barrier reported from the accessibility statement (BITV 2.0 § 7): a case in the staff queue. */
export const ACCESSIBILITY_TEXT_REQUIRED = 'Bitte beschreiben Sie die Barriere.';
export const ACCESSIBILITY_CONTACT_INVALID = 'Bitte geben Sie eine Telefonnummer oder E-Mail-Adresse an – oder lassen Sie das Feld leer.';
export const AccessibilityFeedbackSchema = z.object({
  text: z.string({ message: ACCESSIBILITY_TEXT_REQUIRED }).openapi({ description: 'Leer ergibt 400 empty_text, über 2000 Zeichen 413 text_too_long.' }),
  contact: ContactSchema.optional(),
}).openapi('AccessibilityFeedback');
export const AccessibilityFeedbackReceivedSchema = z.object({ number: z.string(), message: z.string() }).openapi('AccessibilityFeedbackReceived');

export const CurrentCaseSchema = z.object({ case: PublicCaseSchema }).openapi('CurrentCase');

export const CaseRatingSchema = z.object({ rating: RatingSchema, comment: z.string().max(1000).optional() }).openapi('CaseRating');
