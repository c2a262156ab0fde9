import { z } from '@hono/zod-openapi';

// The public contract as zod schemas: they validate requests and generate /api/openapi.json.

export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
}).openapi('Error');

export const RoleSchema = z.enum(['kita', 'schule', 'gesundheit', 'jugendhilfe', 'verein', 'andere']);
const role = RoleSchema;
const region = z.enum([
  'nordwestmecklenburg', 'ludwigslust-parchim', 'rostock-landkreis', 'mecklenburgische-seenplatte',
  'vorpommern-ruegen', 'vorpommern-greifswald', 'rostock', 'schwerin',
]);

export const CreateConversationSchema = z.object({
  channel: z.enum(['web', 'matrix']),
  role: role.optional(),
  region: region.optional(),
}).openapi('CreateConversation');

export const ConversationCreatedSchema = z.object({ id: z.string(), token: z.string() }).openapi('ConversationCreated');

export const PostMessageSchema = z.object({
  text: z.string().openapi({ example: 'Muss ich bei einem Verdacht zuerst mit den Eltern sprechen?' }),
  clientId: z.string().min(1).max(100).optional(),
  /** The quick reply or navigator button that produced this text, if any. */
  action: z.object({ type: z.string().max(40), step: z.number().int().min(0).max(50).optional() }).passthrough().optional(),
}).openapi('PostMessage');

const ActionSchema = z.object({
  type: z.enum(['quick_reply', 'escalate', 'call', 'link', 'navigator', 'download_summary']),
  label: z.string(),
  value: z.string().optional(),
  urgency: z.enum(['normal', 'urgent']).optional(),
  phone: z.string().optional(),
  url: z.string().optional(),
  step: z.number().optional(),
}).openapi('Action');

export const ReplySchema = z.object({
  text: z.string(),
  sources: z.array(z.object({ id: z.string(), title: z.string(), url: z.string(), reviewed: z.string().optional(), status: z.enum(['draft', 'approved', 'changed']).optional() })),
  triage: z.object({ level: z.enum(['none', 'concern', 'urgent', 'acute']), signals: z.array(z.string()).optional() }),
  confidence: z.number(),
  actions: z.array(ActionSchema),
  kind: z.string(),
  redacted: z.object({ count: z.number(), types: z.array(z.string()) }).optional(),
  summary: z.string().optional(),
}).openapi('Reply');

export const MessageReplySchema = z.object({
  reply: ReplySchema, messageId: z.string(), replyId: z.string(),
  /** The asker's field of work as the Lotse assumes it after this message (null: not known). */
  role: z.string().nullable().optional(),
}).openapi('MessageReply');

export const HistorySchema = z.object({
  id: z.string(),
  role: z.string().nullable(),
  region: z.string().nullable(),
  lastEventId: z.number(),
  messages: z.array(z.object({
    id: z.string(), author: z.string(), text: z.string(), reply: ReplySchema.optional(), createdAt: z.string(),
    /** A staff message corrected (Matrix edit) or withdrawn (redaction) after it was sent. */
    editedAt: z.string().optional(), withdrawnAt: z.string().optional(),
  })),
}).passthrough().openapi('History');

export const FeedbackSchema = z.object({
  messageId: z.string().min(1).max(100),
  rating: z.enum(['up', 'down']),
  comment: z.string().max(1000).optional(),
}).openapi('Feedback');

export const ConversationParams = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }),
});

export const errorResponses = {
  400: { description: 'Ungültige Anfrage', content: { 'application/json': { schema: ErrorSchema } } },
  401: { description: 'Zugangsschlüssel fehlt', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Zugangsschlüssel falsch', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'Unbekannt', content: { 'application/json': { schema: ErrorSchema } } },
  413: { description: 'Zu groß', content: { 'application/json': { schema: ErrorSchema } } },
  415: { description: 'Kein JSON', content: { 'application/json': { schema: ErrorSchema } } },
  429: { description: 'Zu viele Anfragen', content: { 'application/json': { schema: ErrorSchema } } },
};
