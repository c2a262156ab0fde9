import type { z } from '@hono/zod-openapi';
import type * as C from './schemas/conversation.ts';
import type * as S from './schemas/staff.ts';
import type * as K from './schemas/service.ts';

// The contract's types, derived from its schemas (never written twice by hand). What a response
// carries is the schema's output; what a request may send is its input.

export type CreateConversation = z.input<typeof C.CreateConversationSchema>;
export type Reply = z.output<typeof C.ReplySchema>;
export type Action = Reply['actions'][number];
export type ReplySource = z.output<typeof C.SourceSchema>;
export type MessageReply = z.output<typeof C.MessageReplySchema>;
export type History = z.output<typeof C.HistorySchema>;
export type Message = z.output<typeof C.MessageSchema>;
export type PublicCase = z.output<typeof C.PublicCaseSchema>;
export type Escalated = z.output<typeof C.EscalatedSchema>;

export type CaseSummary = z.output<typeof S.CaseSummarySchema>;
export type CaseDetail = z.output<typeof S.CaseDetailSchema>;
export type TranscriptMessage = z.output<typeof S.TranscriptMessageSchema>;
export type FeedEvent = z.output<typeof S.FeedEventSchema>;
export type CannedReply = z.output<typeof S.CannedReplySchema>;
export type EditorialQueue = z.output<typeof S.EditorialQueueSchema>;
export type GapsReport = z.output<typeof S.GapsReportSchema>;
export type StatsReport = z.output<typeof S.StatsReportSchema>;
export type SearchResult = z.output<typeof S.SearchResultSchema>;
export type CloseOptions = z.output<typeof S.CloseOptionsSchema>;

export type Health = z.output<typeof K.HealthSchema>;
export type Articles = z.output<typeof K.ArticlesSchema>;
