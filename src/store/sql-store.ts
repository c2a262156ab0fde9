import { isUniqueViolation, sql, type SqlDriver, type Statement } from './driver.ts';
import type { Rating } from '../contract/vocabulary.ts';
import { eventPayload, MESSAGE_COLUMNS, MESSAGE_JOIN, readReply, storedReply, type JoinedMessage } from './message-events.ts';
import type {
  ConversationRecord, EventRecord, Exchange, FeedbackRecord, MessageRecord, PurgeCounts, PurgeOptions, RetentionPolicy, Store,
} from './types.ts';


type ConversationRow = {
  id: string; token_hash: string; channel: string; role: string | null; region: string | null;
  context: string; privacy_notice_shown: number; created_at: number; last_activity_at: number;
};
type MessageRow = {
  id: string; conversation_id: string; author: MessageRecord['author']; text: string; reply: string | null;
  client_id: string | null; reply_to: string | null; created_at: number; edited_at?: number | null; withdrawn_at?: number | null;
};
type EventRow = { id: number; conversation_id: string | null; case_id: string | null; type: string; payload: string; created_at: number } & JoinedMessage;

const toConversation = (row: ConversationRow): ConversationRecord => ({
  id: row.id,
  tokenHash: row.token_hash,
  channel: row.channel,
  role: row.role,
  region: row.region,
  context: JSON.parse(row.context),
  privacyNoticeShown: row.privacy_notice_shown === 1,
  createdAt: row.created_at,
  lastActivityAt: row.last_activity_at,
});

const toMessage = (row: MessageRow): MessageRecord => ({
  id: row.id,
  conversationId: row.conversation_id,
  author: row.author,
  text: row.text,
  reply: readReply(row.reply, row.text),
  clientId: row.client_id,
  replyTo: row.reply_to,
  createdAt: row.created_at,
  ...(row.edited_at ? { editedAt: row.edited_at } : {}),
  ...(row.withdrawn_at ? { withdrawnAt: row.withdrawn_at } : {}),
});

export const toEvent = (row: EventRow): EventRecord => ({
  id: row.id,
  conversationId: row.conversation_id,
  caseId: row.case_id,
  type: row.type,
  payload: eventPayload(row.payload, row),
  createdAt: row.created_at,
});

export function insertMessage(m: MessageRecord): Statement {
  return sql(
    'INSERT INTO messages (id, conversation_id, author, text, reply, client_id, reply_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    m.id, m.conversationId, m.author, m.text, storedReply(m.reply, m.text), m.clientId, m.replyTo, m.createdAt,
  );
}

/** An event with `messageId` stores only the reference (and a payload the message lacks, if any). */
export function insertEvent(e: Omit<EventRecord, 'id'> & { messageId?: string }): Statement {
  return sql(
    'INSERT INTO events (conversation_id, case_id, type, payload, created_at, message_id) VALUES (?, ?, ?, ?, ?, ?)',
    e.conversationId, e.caseId, e.type, JSON.stringify(e.payload ?? {}), e.createdAt, e.messageId ?? null,
  );
}

function updateConversation(exchange: Exchange): Statement {
  const c = exchange.conversation ?? {};
  return sql(
    `UPDATE conversations SET last_activity_at = ?,
       role = COALESCE(?, role), region = COALESCE(?, region),
       context = COALESCE(?, context), privacy_notice_shown = MAX(privacy_notice_shown, ?)
     WHERE id = ?`,
    exchange.now, c.role ?? null, c.region ?? null, c.context ? JSON.stringify(c.context) : null,
    c.privacyNoticeShown ? 1 : 0, exchange.conversationId,
  );
}

/** The Store over any SqlDriver: node:sqlite on a server, D1 on Workers. */
export class SqlStore implements Store {
  readonly db: SqlDriver;

  constructor(db: SqlDriver) {
    this.db = db;
  }

  async ping(): Promise<void> {
    await this.db.first('SELECT 1 AS ok');
  }

  async probeWrite(now: number): Promise<void> {
    await this.db.run('INSERT INTO health_probe (id, at, pad) VALUES (1, ?, zeroblob(65536)) ON CONFLICT(id) DO UPDATE SET at = excluded.at, pad = excluded.pad', [now]);
  }

  async createConversation(r: ConversationRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO conversations (id, token_hash, channel, role, region, context, privacy_notice_shown, created_at, last_activity_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [r.id, r.tokenHash, r.channel, r.role, r.region, JSON.stringify(r.context), r.privacyNoticeShown ? 1 : 0, r.createdAt, r.lastActivityAt],
    );
  }

  async getConversation(id: string): Promise<ConversationRecord | undefined> {
    const row = await this.db.first<ConversationRow>('SELECT * FROM conversations WHERE id = ?', [id]);
    return row && toConversation(row);
  }

  async saveExchange(exchange: Exchange): Promise<void> {
    await this.db.batch([
      ...exchange.messages.map(insertMessage),
      ...exchange.events.map((e) => insertEvent({ ...e, createdAt: exchange.now })),
      updateConversation(exchange),
    ]);
  }

  async findMessageByClientId(conversationId: string, clientId: string): Promise<MessageRecord | undefined> {
    const row = await this.db.first<MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = ? AND client_id = ?', [conversationId, clientId],
    );
    return row && toMessage(row);
  }

  async findReplyTo(messageId: string): Promise<MessageRecord | undefined> {
    const row = await this.db.first<MessageRow>('SELECT * FROM messages WHERE reply_to = ? ORDER BY created_at LIMIT 1', [messageId]);
    return row && toMessage(row);
  }

  async getMessage(conversationId: string, messageId: string): Promise<MessageRecord | undefined> {
    const row = await this.db.first<MessageRow>('SELECT * FROM messages WHERE conversation_id = ? AND id = ?', [conversationId, messageId]);
    return row && toMessage(row);
  }

  async listMessages(conversationId: string): Promise<MessageRecord[]> {
    const rows = await this.db.all<MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid', [conversationId],
    );
    return rows.map(toMessage);
  }

  async listEvents(conversationId: string, afterId: number, limit = 200): Promise<EventRecord[]> {
    const rows = await this.db.all<EventRow>(
      `SELECT e.*, ${MESSAGE_COLUMNS} FROM events e ${MESSAGE_JOIN} WHERE e.conversation_id = ? AND e.id > ? ORDER BY e.id LIMIT ?`, [conversationId, afterId, limit],
    );
    return rows.map(toEvent);
  }

  async latestEventId(conversationId: string): Promise<number> {
    const row = await this.db.first<{ id: number | null }>('SELECT MAX(id) AS id FROM events WHERE conversation_id = ?', [conversationId]);
    return row?.id ?? 0;
  }

  async saveFeedback(r: FeedbackRecord): Promise<boolean> {
    try {
      await this.db.run(
        'INSERT INTO feedback (id, conversation_id, message_id, rating, comment, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [r.id, r.conversationId, r.messageId, r.rating, r.comment, r.createdAt],
      );
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async updateFeedback(conversationId: string, messageId: string, rating: Rating, comment: string | null): Promise<boolean> {
    const result = await this.db.run(
      'UPDATE feedback SET rating = ?, comment = COALESCE(?, comment) WHERE conversation_id = ? AND message_id = ?',
      [rating, comment, conversationId, messageId],
    );
    return result.changes > 0;
  }

  /**
   * Deletes what the retention periods allow, in short transactions with a pause in between, so
   * that requests keep being served however much is due (one transaction for 120,000 messages
   * froze the service for 9.8 s). Each transaction deletes at most `batchRows` rows per table; on
   * a driver that runs on the caller's thread the size adapts so that one takes about maxBatchMs.
   * Then the driver reclaims the space, so that no copy of the deleted rows stays in its files.
   */
  async purge(policy: RetentionPolicy, now: number, options: PurgeOptions = {}): Promise<PurgeCounts> {
    const counts: PurgeCounts = { conversations: 0, messages: 0, events: 0, feedback: 0 };
    const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
    const batches = new Batches(this.db.synchronous === true, { ...options, pause });
    // Closed cases first: a conversation is kept as long as a case still refers to it, so an
    // open or recently closed case never loses its transcript.
    if (policy.caseMs !== undefined) {
      const closedBefore = now - policy.caseMs;
      const stale = "SELECT id FROM cases WHERE status = 'closed' AND closed_at < ? LIMIT ?";
      let deletedCases = 0;
      await batches.run(async (limit) => {
        const [audit, events, cases] = await this.db.batch([
          sql(`DELETE FROM case_audit WHERE rowid IN (SELECT rowid FROM case_audit WHERE case_id IN (${stale}) LIMIT ?)`, closedBefore, limit, limit),
          sql(`DELETE FROM events WHERE rowid IN (SELECT rowid FROM events WHERE case_id IN (${stale}) LIMIT ?)`, closedBefore, limit, limit),
          sql(
            `DELETE FROM cases WHERE id IN (${stale})
               AND NOT EXISTS (SELECT 1 FROM case_audit WHERE case_id = cases.id) AND NOT EXISTS (SELECT 1 FROM events WHERE case_id = cases.id)`,
            closedBefore, limit,
          ),
        ]);
        counts.events += events.changes;
        deletedCases += cases.changes;
        return audit.changes + events.changes + cases.changes;
      });
      counts.cases = deletedCases;
    }
    const cutoff = now - policy.conversationMs;
    const withCase = policy.caseMs !== undefined ? ' AND id NOT IN (SELECT conversation_id FROM cases)' : '';
    const stale = `SELECT id FROM conversations WHERE last_activity_at < ?${withCase} ORDER BY last_activity_at LIMIT ?`;
    // Rows of the oldest idle conversations first; a conversation goes once nothing refers to it.
    const rowsOf = (table: string, limit: number) =>
      sql(`DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE conversation_id IN (${stale}) LIMIT ?)`, cutoff, limit, limit);
    await batches.run(async (limit) => {
      const [events, feedback, messages, conversations] = await this.db.batch([
        rowsOf('events', limit),
        rowsOf('feedback', limit),
        rowsOf('messages', limit),
        sql(
          `DELETE FROM conversations WHERE id IN (${stale})
             AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = conversations.id)
             AND NOT EXISTS (SELECT 1 FROM events WHERE conversation_id = conversations.id)
             AND NOT EXISTS (SELECT 1 FROM feedback WHERE conversation_id = conversations.id)`,
          cutoff, limit,
        ),
      ]);
      counts.events += events.changes;
      counts.feedback += feedback.changes;
      counts.messages += messages.changes;
      counts.conversations += conversations.changes;
      return events.changes + feedback.changes + messages.changes + conversations.changes;
    });
    if (policy.emptyConversationMs !== undefined && policy.emptyConversationMs < policy.conversationMs) {
      counts.conversations += await this.purgeEmpty(now - policy.emptyConversationMs, batches);
    }
    const deleted = counts.conversations + counts.messages + counts.events + counts.feedback + (counts.cases ?? 0);
    if (deleted > 0 && !options.signal?.aborted) await this.db.reclaim?.(options.signal);
    return counts;
  }

  /** Conversations created and never used (no message, feedback, event or case): a flood of creates stays small. */
  private async purgeEmpty(cutoff: number, batches: Batches): Promise<number> {
    let deleted = 0;
    await batches.run(async (limit) => {
      const [result] = await this.db.batch([
        sql(
          `DELETE FROM conversations WHERE id IN (
             SELECT id FROM conversations WHERE last_activity_at < ? AND id NOT IN (SELECT conversation_id FROM cases)
               AND NOT EXISTS (SELECT 1 FROM messages WHERE conversation_id = conversations.id)
               AND NOT EXISTS (SELECT 1 FROM events WHERE conversation_id = conversations.id)
               AND NOT EXISTS (SELECT 1 FROM feedback WHERE conversation_id = conversations.id)
             LIMIT ?)`,
          cutoff, limit,
        ),
      ]);
      deleted += result!.changes;
      return result!.changes;
    });
    return deleted;
  }
}

/**
 * Runs delete steps until one deletes nothing, sizing them by time on a synchronous driver: it
 * starts small (a step of 100 rows per table took over 100 ms on a busy 2-core machine, which is
 * what every waiting request then waited), scales down in proportion to an overshoot and grows
 * while steps stay well under the budget.
 */
class Batches {
  private limit: number;
  private readonly maxRows: number;
  private readonly maxMs: number;
  private readonly pause: () => Promise<void>;
  private readonly signal?: AbortSignal;

  constructor(synchronous: boolean, options: PurgeOptions & { pause: () => Promise<void> }) {
    this.maxRows = Math.max(1, options.batchRows ?? 1000);
    this.maxMs = options.maxBatchMs ?? (synchronous ? 20 : Infinity);
    this.limit = Number.isFinite(this.maxMs) ? Math.min(10, this.maxRows) : this.maxRows;
    this.pause = options.pause;
    this.signal = options.signal;
  }

  async run(step: (limit: number) => Promise<number>): Promise<void> {
    while (!this.signal?.aborted) {
      const started = performance.now();
      const deleted = await step(this.limit);
      const ms = performance.now() - started;
      if (deleted === 0) return;
      this.limit = nextLimit(this.limit, ms, this.maxMs, this.maxRows);
      await this.pause();
    }
  }
}

/** The next step size after one of `limit` took `ms`: proportional when over the budget. */
export function nextLimit(limit: number, ms: number, maxMs: number, maxRows: number): number {
  if (ms > maxMs) return Math.max(1, Math.floor((limit * maxMs) / ms / 1.25));
  if (ms < maxMs / 4) return Math.min(maxRows, limit * 2);
  if (ms < maxMs / 2) return Math.min(maxRows, Math.ceil(limit * 1.25));
  return limit;
}
