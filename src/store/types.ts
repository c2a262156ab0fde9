// What the service keeps. Only redacted text ever reaches these records.

import type { MessageAuthor, Rating } from '../contract/vocabulary.ts';

export type Author = MessageAuthor;

export type ConversationRecord = {
  id: string;
  tokenHash: string;
  channel: string;
  role: string | null;
  region: string | null;
  context: Record<string, unknown>;
  privacyNoticeShown: boolean;
  createdAt: number;
  lastActivityAt: number;
};

export type MessageRecord = {
  id: string;
  conversationId: string;
  author: Author;
  text: string;
  /** The structured reply (sources, triage, actions) for assistant messages. */
  reply: unknown | null;
  clientId: string | null;
  replyTo: string | null;
  createdAt: number;
  /** A staff message corrected (Matrix edit) or withdrawn (redaction) later. */
  editedAt?: number | null;
  withdrawnAt?: number | null;
};

export type EventRecord = {
  id: number;
  conversationId: string | null;
  caseId: string | null;
  type: string;
  payload: unknown;
  createdAt: number;
};

/** With `messageId` the event refers to that message (same exchange) and `payload` holds only what the message lacks. */
export type NewEvent = Omit<EventRecord, 'id' | 'createdAt'> & { messageId?: string };

export type Exchange = {
  conversationId: string;
  now: number;
  messages: MessageRecord[];
  events: NewEvent[];
  /** Conversation fields to update with the exchange (context, role, region, notice flag). */
  conversation?: Partial<Pick<ConversationRecord, 'role' | 'region' | 'context' | 'privacyNoticeShown'>>;
};

export type FeedbackRecord = {
  id: string;
  conversationId: string;
  messageId: string;
  rating: Rating;
  comment: string | null;
  createdAt: number;
};

export type RetentionPolicy = {
  /** Conversations (with messages, feedback, events) idle for longer than this are deleted. */
  conversationMs: number;
  /** Closed cases (with audit trail and feed events) older than this are deleted. */
  caseMs?: number;
  /** Conversations that never got a message, feedback or case go after this much idle time. */
  emptyConversationMs?: number;
};

export type PurgeOptions = {
  /** At most this many rows per table in one transaction (default 1000). */
  batchRows?: number;
  /**
   * On node:sqlite, where a transaction holds up every request, the size adapts (starting at
   * 10 rows) so that one transaction takes at most about this long (default 20 ms).
   */
  maxBatchMs?: number;
  /** Awaited between two transactions (default: a macrotask, so that waiting requests run first). */
  pause?: () => Promise<void>;
  /** Stops the purge after the current transaction (at shutdown); what is left goes next time. */
  signal?: AbortSignal;
};

export type PurgeCounts = { conversations: number; messages: number; events: number; feedback: number; cases?: number };

export interface Store {
  ping(): Promise<void>;
  /** One real write of about 64 KiB (the health probe's row): throws when the store cannot write. */
  probeWrite(now: number): Promise<void>;
  createConversation(record: ConversationRecord): Promise<void>;
  getConversation(id: string): Promise<ConversationRecord | undefined>;
  /** Writes the messages, the events and the conversation update in one transaction. */
  saveExchange(exchange: Exchange): Promise<void>;
  findMessageByClientId(conversationId: string, clientId: string): Promise<MessageRecord | undefined>;
  findReplyTo(messageId: string): Promise<MessageRecord | undefined>;
  getMessage(conversationId: string, messageId: string): Promise<MessageRecord | undefined>;
  listMessages(conversationId: string): Promise<MessageRecord[]>;
  listEvents(conversationId: string, afterId: number, limit?: number): Promise<EventRecord[]>;
  latestEventId(conversationId: string): Promise<number>;
  saveFeedback(record: FeedbackRecord): Promise<boolean>;
  /**
   * Changes the rating of an answer's feedback and, when one is given, sets its comment (the web
   * chat records 👍/👎 on the tap and the optional comment afterwards). False if there is none.
   */
  updateFeedback(conversationId: string, messageId: string, rating: Rating, comment: string | null): Promise<boolean>;
  /** Deletes what the retention periods allow, in short transactions (see PurgeOptions). */
  purge(policy: RetentionPolicy, now: number, options?: PurgeOptions): Promise<PurgeCounts>;
}
