// Cases in SQL over the shared SqlDriver (node:sqlite or D1, same statements). Every change of a
// case and every event it causes go into one batch, i.e. one transaction. Races (two claims at
// once) are settled by a fresh write token per change: the dependent inserts select on it, so
// only the statement that actually changed the row writes its events and audit entry.
import { isUniqueViolation, sql, type SqlDriver, type SqlValue, type Statement } from '../store/driver.ts';
import type { AuditEntry, CaseRecord, CaseStatus, Urgency } from './types.ts';
import { caseNumber, type MessageAuthor } from '../contract/vocabulary.ts';
import { eventPayload, MESSAGE_COLUMNS, MESSAGE_JOIN, storedReply, type JoinedMessage } from '../store/message-events.ts';

type CaseRow = {
  id: string; number: string; conversation_id: string; status: CaseStatus; urgency: Urgency; role: string | null;
  region: string | null; topic: string | null; channel: string; contact: string | null; consent_at: number; staff_id: string | null;
  staff_name: string | null; created_at: number; claimed_at: number | null; first_response_at: number | null;
  last_staff_message_at: number | null; last_user_message_at: number | null; closed_at: number | null; closed_by: string | null;
  outcome: string | null; note: string | null; rating: string | null; unclaimed_reminders: number; silent_reminders: number;
  last_reminder_at: number | null; acute_at: number | null; acute_reminded: number; staff_alias: string | null;
  opened_outside_hours: number; question: string | null; reopened_at: number | null; write_token: string; updated_at: number;
  typing_until?: number | null;
};

const toCase = (r: CaseRow): CaseRecord => ({
  id: r.id, number: r.number, conversationId: r.conversation_id, status: r.status, urgency: r.urgency, role: r.role, region: r.region,
  topic: r.topic, channel: r.channel, contact: r.contact, consentAt: r.consent_at, staffId: r.staff_id, staffName: r.staff_name,
  createdAt: r.created_at, claimedAt: r.claimed_at, firstResponseAt: r.first_response_at, lastStaffMessageAt: r.last_staff_message_at,
  lastUserMessageAt: r.last_user_message_at, closedAt: r.closed_at, closedBy: r.closed_by, outcome: r.outcome, note: r.note,
  rating: r.rating, unclaimedReminders: r.unclaimed_reminders, silentReminders: r.silent_reminders, lastReminderAt: r.last_reminder_at,
  acuteAt: r.acute_at, acuteReminded: r.acute_reminded === 1, staffAlias: r.staff_alias, openedOutsideHours: r.opened_outside_hours === 1,
  question: r.question, reopenedAt: r.reopened_at, writeToken: r.write_token, updatedAt: r.updated_at, typingUntil: r.typing_until ?? null,
});

/** A stored message as the escalation service needs it to correct or withdraw it. */
export type StoredMessage = { id: string; author: string; text: string; createdAt: number; editedAt: number | null; editClientId: string | null; withdrawnAt: number | null };

export type NewEventRow = { conversationId: string | null; type: string; payload: unknown; messageId?: string };
export type NewMessageRow = {
  id: string; author: MessageAuthor; text: string; clientId: string | null; extra?: Record<string, unknown>;
  /** An assistant message's full reply (the emergency block), and the message it answers. */
  reply?: unknown; replyTo?: string;
};

/** Statements that only take effect when the case row carries `token` (i.e. our change won). */
export class GuardedBatch {
  readonly statements: Statement[] = [];
  private readonly caseId: string;
  private readonly token: string | null;
  private readonly now: number;

  /** `token` null guards on "still claimed" instead (messages must not fail on unrelated changes). */
  constructor(caseId: string, token: string | null, now: number) {
    this.caseId = caseId;
    this.token = token;
    this.now = now;
  }

  insert(table: string, columns: string[], values: SqlValue[]): this {
    const marks = columns.map(() => '?').join(', ');
    const guard = this.guard();
    this.statements.push(sql(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${marks} WHERE ${guard.sql}`, ...values, ...guard.params));
    return this;
  }

  event(e: NewEventRow): this {
    return this.insert('events', ['conversation_id', 'case_id', 'type', 'payload', 'created_at', 'message_id'], [e.conversationId, this.caseId, e.type, JSON.stringify(e.payload), this.now, e.messageId ?? null]);
  }

  audit(action: string, actor: string | null, detail: string | null = null): this {
    return this.insert('case_audit', ['case_id', 'action', 'actor', 'detail', 'created_at'], [this.caseId, action, actor, detail, this.now]);
  }

  /** A message in the conversation plus its SSE event (which the feed also carries, by case id). */
  message(conversationId: string, m: NewMessageRow): this {
    // The assistant's reply comes a millisecond after the message it answers, as in a normal exchange.
    const at = m.replyTo ? this.now + 1 : this.now;
    this.insert('messages', ['id', 'conversation_id', 'author', 'text', 'reply', 'client_id', 'reply_to', 'created_at'],
      [m.id, conversationId, m.author, m.text, m.reply === undefined ? null : storedReply(m.reply, m.text), m.clientId, m.replyTo ?? null, at]);
    // The event refers to the message; only what the row lacks (the staff member's name) is its own.
    return this.event({ conversationId, type: 'message', messageId: m.id, payload: m.extra ?? {} });
  }

  /** The condition every statement of the batch carries (see the constructor). */
  private guard(): Statement {
    return this.token === null
      ? sql("EXISTS (SELECT 1 FROM cases WHERE id = ? AND status = 'claimed')", this.caseId)
      : sql('EXISTS (SELECT 1 FROM cases WHERE id = ? AND write_token = ?)', this.caseId, this.token);
  }

  /** Withdraws a stored staff message: its text becomes the note; guarded like every other statement. */
  withdrawMessage(messageId: string, text: string): this {
    const guard = this.guard();
    this.statements.push(sql(`UPDATE messages SET text = ?, withdrawn_at = ? WHERE id = ? AND ${guard.sql}`, text, this.now, messageId, ...guard.params));
    return this;
  }

  /** Corrects a stored staff message in place (a Matrix edit); `editClientId` is the edit's own id. */
  correctMessage(messageId: string, text: string, editClientId: string): this {
    const guard = this.guard();
    this.statements.push(sql(`UPDATE messages SET text = ?, edited_at = ?, edit_client_id = ? WHERE id = ? AND ${guard.sql}`, text, this.now, editClientId, messageId, ...guard.params));
    return this;
  }

  touchConversation(conversationId: string): this {
    this.statements.push(sql('UPDATE conversations SET last_activity_at = MAX(last_activity_at, ?) WHERE id = ?', this.now, conversationId));
    return this;
  }
}

export class CaseStore {
  readonly db: SqlDriver;

  constructor(db: SqlDriver) {
    this.db = db;
  }

  async get(idOrNumber: string): Promise<CaseRecord | undefined> {
    const row = await this.db.first<CaseRow>('SELECT * FROM cases WHERE id = ? OR number = ?', [idOrNumber, idOrNumber.toUpperCase()]);
    return row && toCase(row);
  }

  async activeForConversation(conversationId: string): Promise<CaseRecord | undefined> {
    const row = await this.db.first<CaseRow>("SELECT * FROM cases WHERE conversation_id = ? AND status <> 'closed'", [conversationId]);
    return row && toCase(row);
  }

  async latestForConversation(conversationId: string): Promise<CaseRecord | undefined> {
    const row = await this.db.first<CaseRow>('SELECT * FROM cases WHERE conversation_id = ? ORDER BY created_at DESC LIMIT 1', [conversationId]);
    return row && toCase(row);
  }

  /** The asker's latest message before the escalation (redacted, as stored). */
  async lastUserText(conversationId: string): Promise<string | undefined> {
    const row = await this.db.first<{ text: string }>("SELECT text FROM messages WHERE conversation_id = ? AND author = 'user' ORDER BY created_at DESC LIMIT 1", [conversationId]);
    return row?.text;
  }

  async conversationExists(conversationId: string): Promise<boolean> {
    return (await this.db.first<{ id: string }>('SELECT id FROM conversations WHERE id = ?', [conversationId])) !== undefined;
  }

  /**
   * The one statement of every lifecycle change: writes the lifecycle columns of `next` when the
   * row still carries `expectedToken` (nobody changed it since it was read). Message timestamps
   * and the acute flag are left alone; they change without a new token.
   */
  lifecycleUpdate(next: CaseRecord, expectedToken: string): Statement {
    return sql(
      `UPDATE cases SET status = ?, staff_id = ?, staff_name = ?, staff_alias = ?, claimed_at = ?, closed_at = ?, closed_by = ?, topic = ?,
        outcome = ?, note = ?, unclaimed_reminders = ?, silent_reminders = ?, last_reminder_at = ?, reopened_at = ?, write_token = ?, updated_at = ?,
        typing_until = NULL
       WHERE id = ? AND write_token = ?`,
      next.status, next.staffId, next.staffName, next.staffAlias, next.claimedAt, next.closedAt, next.closedBy, next.topic,
      next.outcome, next.note, next.unclaimedReminders, next.silentReminders, next.lastReminderAt, next.reopenedAt, next.writeToken, next.updatedAt,
      next.id, expectedToken,
    );
  }

  /** A message of the conversation by the client's id for it (the Matrix event id of a staff message). */
  async messageByClientId(conversationId: string, clientId: string): Promise<StoredMessage | undefined> {
    const row = await this.db.first<{ id: string; author: string; text: string; created_at: number; edited_at: number | null; edit_client_id: string | null; withdrawn_at: number | null }>(
      'SELECT id, author, text, created_at, edited_at, edit_client_id, withdrawn_at FROM messages WHERE conversation_id = ? AND client_id = ?', [conversationId, clientId],
    );
    return row && { id: row.id, author: row.author, text: row.text, createdAt: row.created_at, editedAt: row.edited_at, editClientId: row.edit_client_id, withdrawnAt: row.withdrawn_at };
  }

  async list(status?: CaseStatus, limit = 200): Promise<CaseRecord[]> {
    const rows = status
      ? await this.db.all<CaseRow>('SELECT * FROM cases WHERE status = ? ORDER BY created_at LIMIT ?', [status, limit])
      : await this.db.all<CaseRow>('SELECT * FROM cases ORDER BY created_at DESC LIMIT ?', [limit]);
    return rows.map(toCase);
  }

  async inRange(from: number, to: number): Promise<CaseRecord[]> {
    return (await this.db.all<CaseRow>('SELECT * FROM cases WHERE created_at >= ? AND created_at < ?', [from, to])).map(toCase);
  }

  async audit(caseId: string): Promise<AuditEntry[]> {
    const rows = await this.db.all<{ action: string; actor: string | null; detail: string | null; created_at: number }>(
      'SELECT action, actor, detail, created_at FROM case_audit WHERE case_id = ? ORDER BY id', [caseId],
    );
    return rows.map((r) => ({ action: r.action, actor: r.actor, detail: r.detail, at: r.created_at }));
  }

  /** Next number of the year; numbers may skip when a later step fails, never repeat. */
  async nextNumber(year: number): Promise<string> {
    const row = await this.db.first<{ last: number }>(
      'INSERT INTO case_counters (year, last) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last', [year],
    );
    return caseNumber(year, row!.last);
  }

  /** Inserts the case and the batch; 'duplicate' when the conversation already has an active case. */
  async insert(c: CaseRecord, batch: GuardedBatch): Promise<'ok' | 'duplicate'> {
    const cols = ['id', 'number', 'conversation_id', 'status', 'urgency', 'role', 'region', 'topic', 'channel', 'contact', 'consent_at', 'created_at', 'opened_outside_hours', 'question', 'write_token', 'updated_at'];
    const insert = sql(`INSERT INTO cases (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      c.id, c.number, c.conversationId, c.status, c.urgency, c.role, c.region, c.topic, c.channel, c.contact, c.consentAt, c.createdAt,
      c.openedOutsideHours ? 1 : 0, c.question, c.writeToken, c.updatedAt);
    try {
      await this.db.batch([insert, ...batch.statements]);
      return 'ok';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  /**
   * Runs `update` (which must set write_token = batch's token and carry the expected-state
   * condition) with the batch; true when the update changed the row, i.e. this change won.
   */
  async change(update: Statement, batch: GuardedBatch): Promise<boolean> {
    const [result] = await this.db.batch([update, ...batch.statements]);
    return result.changes === 1;
  }

  /** Like change(), but a unique violation (a message with this clientId exists) → 'duplicate'. */
  async changeOnce(update: Statement, batch: GuardedBatch): Promise<boolean | 'duplicate'> {
    try {
      return await this.change(update, batch);
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  // --- the feed ------------------------------------------------------------------------------

  async feed(after: number, limit: number) {
    const rows = await this.db.all<{ id: number; conversation_id: string | null; case_id: string | null; type: string; payload: string; created_at: number } & JoinedMessage>(
      `SELECT e.*, ${MESSAGE_COLUMNS} FROM events e ${MESSAGE_JOIN} WHERE e.id > ? AND (e.case_id IS NOT NULL OR e.type = 'staff.digest') AND e.type <> 'case' ORDER BY e.id LIMIT ?`, [after, limit],
    );
    return rows.map(({ m_id: _i, m_author: _a, m_text: _t, m_reply: _r, m_created_at: _c, m_edited_at: _e, m_withdrawn_at: _w, ...row }) => ({
      ...row, payload: JSON.stringify(eventPayload(row.payload, { m_id: _i, m_author: _a, m_text: _t, m_reply: _r, m_created_at: _c, m_edited_at: _e, m_withdrawn_at: _w })),
    }));
  }

  async digestDone(day: string): Promise<boolean> {
    return (await this.db.first<{ day: string }>('SELECT day FROM staff_digests WHERE day = ?', [day])) !== undefined;
  }

  /** Claims the day's digest; its feed event (if any) is written only by the claim that won. */
  async recordDigest(day: string, now: number, payload: unknown | undefined): Promise<boolean> {
    const token = crypto.randomUUID();
    const statements = [sql('INSERT INTO staff_digests (day, token, created_at) VALUES (?, ?, ?) ON CONFLICT (day) DO NOTHING', day, token, now)];
    if (payload !== undefined) {
      statements.push(sql("INSERT INTO events (conversation_id, case_id, type, payload, created_at) SELECT NULL, NULL, 'staff.digest', ?, ? WHERE EXISTS (SELECT 1 FROM staff_digests WHERE day = ? AND token = ?)",
        JSON.stringify(payload), now, day, token));
    }
    const [claimed] = await this.db.batch(statements);
    return claimed.changes === 1;
  }

  async ack(consumer: string, cursor: number, now: number): Promise<void> {
    await this.db.run(
      'INSERT INTO feed_cursors (consumer, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT (consumer) DO UPDATE SET cursor = MAX(cursor, excluded.cursor), updated_at = excluded.updated_at',
      [consumer, cursor, now],
    );
  }

  async cursor(consumer: string): Promise<number> {
    return (await this.db.first<{ cursor: number }>('SELECT cursor FROM feed_cursors WHERE consumer = ?', [consumer]))?.cursor ?? 0;
  }
}
