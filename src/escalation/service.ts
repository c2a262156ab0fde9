// The escalation service: opens cases, lets staff claim, answer, release and close them, routes
// the asker's messages to the staff member while a case is claimed (the Lotse stays silent), and
// reminds staff when someone waits. Every change writes its events in the same transaction.
import { sql } from '../store/driver.ts';
import type { SqlDriver } from '../store/driver.ts';
import type { Contacts } from '../knowledge/types.ts';
import { CaseStore, GuardedBatch } from './case-store.ts';
import { isOutcome, isTopic } from './close-options.ts';
import { DEFAULT_OFFICE_HOURS, describeOpening, isOpen, nextOpening, openMillisBetween, type OfficeHours } from './office-hours.ts';
import { askerTexts, routes24h } from './texts.ts';
import { DEFAULT_SETTINGS, toPublicCase, toSummary, type CaseRecord, type EscalationSettings, type Urgency } from './types.ts';

/** Wakes SSE streams and feed long-polls; same shape as the assistant's LiveEvents. */
export type Notifier = { notify(channel: string): void };
export const FEED_CHANNEL = '__staff_feed__';

export type EscalationDeps = {
  db: SqlDriver;
  live: Notifier;
  contacts?: Contacts;
  officeHours?: OfficeHours;
  settings?: Partial<EscalationSettings>;
  now?: () => number;
  newId?: () => string;
};

export type EscalateInput = { consent: true; contact?: string; urgency?: Urgency; role?: string; region?: string; topic?: string; channel?: string };
export type EscalateResult = { case: CaseRecord; created: boolean; officeOpen: boolean; nextOpening?: number; message: string };

export type Failure = { error: 'not_found' | 'already_claimed' | 'closed' | 'not_holder' | 'not_claimed' | 'invalid' | 'no_message'; case?: CaseRecord; message?: string };

const token = () => crypto.randomUUID();

export class EscalationService {
  readonly cases: CaseStore;
  private readonly deps: EscalationDeps;
  readonly hours: OfficeHours;
  readonly settings: EscalationSettings;

  constructor(deps: EscalationDeps) {
    this.deps = deps;
    this.cases = new CaseStore(deps.db);
    this.hours = deps.officeHours ?? DEFAULT_OFFICE_HOURS;
    this.settings = { ...DEFAULT_SETTINGS, ...deps.settings };
  }

  now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private id(): string {
    return this.deps.newId?.() ?? crypto.randomUUID();
  }

  private notify(conversationId: string | null): void {
    if (conversationId) this.deps.live.notify(conversationId);
    this.deps.live.notify(FEED_CHANNEL);
  }

  private routes(): string {
    return routes24h(this.deps.contacts);
  }

  private year(ms: number): number {
    return Number(new Intl.DateTimeFormat('en', { timeZone: this.hours.timeZone, year: 'numeric' }).format(ms));
  }

  /** The SSE `case` event and the feed's `case.*` event of one change. */
  private caseEvents(batch: GuardedBatch, c: CaseRecord, feedType: string, extra: Record<string, unknown> = {}): GuardedBatch {
    batch.event({ conversationId: c.conversationId, type: 'case', payload: { case: toPublicCase(c) } });
    return batch.event({ conversationId: null, type: feedType, payload: { case: toSummary(c), ...extra } });
  }

  private systemMessage(batch: GuardedBatch, c: CaseRecord, text: string): GuardedBatch {
    return batch.message(c.conversationId, { id: this.id(), author: 'system', text, clientId: null });
  }

  // --- opening --------------------------------------------------------------------------------

  async escalate(conversationId: string, input: EscalateInput): Promise<EscalateResult> {
    const now = this.now();
    const officeOpen = isOpen(this.hours, now);
    const opening = officeOpen ? now : nextOpening(this.hours, now);
    const existing = await this.cases.activeForConversation(conversationId);
    if (existing) return this.result(existing, false, officeOpen, opening, now);
    const c: CaseRecord = {
      id: this.id(), number: await this.cases.nextNumber(this.year(now)), conversationId, status: 'open',
      urgency: input.urgency ?? 'normal', role: input.role ?? null, region: input.region ?? null, topic: input.topic ?? null,
      channel: input.channel ?? 'web', contact: input.contact?.trim() || null, consentAt: now, staffId: null, staffName: null,
      createdAt: now, claimedAt: null, firstResponseAt: null, lastStaffMessageAt: null, lastUserMessageAt: null, closedAt: null,
      closedBy: null, outcome: null, note: null, rating: null, unclaimedReminders: 0, silentReminders: 0, lastReminderAt: null,
      writeToken: token(), updatedAt: now,
    };
    const message = askerTexts.opened(c.number, officeOpen, opening ? describeOpening(this.hours, opening, now) : undefined, this.routes());
    const batch = new GuardedBatch(c.id, c.writeToken, now).audit('opened', 'asker', `urgency=${c.urgency}${c.contact ? ', contact' : ''}`);
    this.caseEvents(batch, c, 'case.opened', { officeOpen });
    this.systemMessage(batch, c, message).touchConversation(conversationId);
    if ((await this.cases.insert(c, batch)) === 'duplicate') {
      const winner = await this.cases.activeForConversation(conversationId);
      if (winner) return this.result(winner, false, officeOpen, opening, now);
      throw new Error('case insert conflicted but no active case found');
    }
    this.notify(conversationId);
    return { case: c, created: true, officeOpen, nextOpening: opening, message };
  }

  private result(c: CaseRecord, created: boolean, officeOpen: boolean, opening: number | undefined, now: number): EscalateResult {
    const message = askerTexts.opened(c.number, officeOpen, opening ? describeOpening(this.hours, opening, now) : undefined, this.routes());
    return { case: c, created, officeOpen, nextOpening: opening, message };
  }

  // --- staff actions --------------------------------------------------------------------------

  async claim(idOrNumber: string, staffId: string, staffName: string): Promise<CaseRecord | Failure> {
    const c = await this.cases.get(idOrNumber);
    if (!c) return { error: 'not_found' };
    if (c.status === 'closed') return { error: 'closed', case: c };
    if (c.status === 'claimed') return c.staffId === staffId ? c : { error: 'already_claimed', case: c };
    const now = this.now();
    const next: CaseRecord = { ...c, status: 'claimed', staffId, staffName, claimedAt: now, silentReminders: 0, writeToken: token(), updatedAt: now };
    const batch = new GuardedBatch(c.id, next.writeToken, now).audit('claimed', staffId);
    this.caseEvents(batch, next, 'case.claimed');
    this.systemMessage(batch, next, askerTexts.claimed(staffName)).touchConversation(c.conversationId);
    const won = await this.cases.change(
      sql("UPDATE cases SET status = 'claimed', staff_id = ?, staff_name = ?, claimed_at = ?, silent_reminders = 0, write_token = ?, updated_at = ? WHERE id = ? AND status = 'open'",
        staffId, staffName, now, next.writeToken, now, c.id),
      batch,
    );
    if (!won) {
      const current = (await this.cases.get(c.id))!;
      if (current.status === 'claimed' && current.staffId === staffId) return current;
      return { error: current.status === 'closed' ? 'closed' : 'already_claimed', case: current };
    }
    this.notify(c.conversationId);
    return next;
  }

  async release(idOrNumber: string, staffId: string): Promise<CaseRecord | Failure> {
    const c = await this.cases.get(idOrNumber);
    if (!c) return { error: 'not_found' };
    if (c.status !== 'claimed') return { error: c.status === 'closed' ? 'closed' : 'not_claimed', case: c };
    if (c.staffId !== staffId) return { error: 'not_holder', case: c };
    const now = this.now();
    const next: CaseRecord = { ...c, status: 'open', staffId: null, staffName: null, unclaimedReminders: 0, writeToken: token(), updatedAt: now };
    const batch = new GuardedBatch(c.id, next.writeToken, now).audit('released', staffId);
    this.caseEvents(batch, next, 'case.released', { previousStaffId: staffId });
    this.systemMessage(batch, next, askerTexts.released).touchConversation(c.conversationId);
    const won = await this.cases.change(
      sql("UPDATE cases SET status = 'open', staff_id = NULL, staff_name = NULL, unclaimed_reminders = 0, last_reminder_at = NULL, write_token = ?, updated_at = ? WHERE id = ? AND status = 'claimed' AND staff_id = ?",
        next.writeToken, now, c.id, staffId),
      batch,
    );
    if (!won) return { error: 'not_holder', case: (await this.cases.get(c.id))! };
    this.notify(c.conversationId);
    return next;
  }

  async close(idOrNumber: string, input: { staffId: string; topic?: string; outcome?: string; note?: string }): Promise<CaseRecord | Failure> {
    if (input.topic && !isTopic(input.topic)) return { error: 'invalid', message: `Unbekanntes Thema: ${input.topic}` };
    if (input.outcome && !isOutcome(input.outcome)) return { error: 'invalid', message: `Unbekanntes Ergebnis: ${input.outcome}` };
    const c = await this.cases.get(idOrNumber);
    if (!c) return { error: 'not_found' };
    if (c.status === 'closed') return { error: 'closed', case: c };
    // An open case may be closed by any staff member (e.g. a test or a duplicate); a claimed one only by its holder.
    if (c.status === 'claimed' && c.staffId !== input.staffId) return { error: 'not_holder', case: c };
    const now = this.now();
    const next: CaseRecord = {
      ...c, status: 'closed', closedAt: now, closedBy: input.staffId, topic: input.topic ?? c.topic, outcome: input.outcome ?? null,
      note: input.note?.trim() || null, writeToken: token(), updatedAt: now,
    };
    const batch = new GuardedBatch(c.id, next.writeToken, now).audit('closed', input.staffId, [next.topic, next.outcome].filter(Boolean).join(', ') || null);
    this.caseEvents(batch, next, 'case.closed');
    this.systemMessage(batch, next, askerTexts.closed).touchConversation(c.conversationId);
    const won = await this.cases.change(
      sql('UPDATE cases SET status = \'closed\', closed_at = ?, closed_by = ?, topic = ?, outcome = ?, note = ?, write_token = ?, updated_at = ? WHERE id = ? AND status = ? AND COALESCE(staff_id, \'\') = ?',
        now, input.staffId, next.topic, next.outcome, next.note, next.writeToken, now, c.id, c.status, c.staffId ?? ''),
      batch,
    );
    if (!won) {
      const current = (await this.cases.get(c.id))!;
      return { error: current.status === 'closed' ? 'closed' : 'not_holder', case: current };
    }
    this.notify(c.conversationId);
    return next;
  }

  /** A staff member's message to the asker; idempotent per clientId (the Matrix event id). */
  async staffMessage(idOrNumber: string, input: { staffId: string; staffName: string; text: string; clientId: string; corrects?: string }): Promise<{ messageId: string; duplicate: boolean; corrected?: boolean } | Failure> {
    const c = await this.cases.get(idOrNumber);
    if (!c) return { error: 'not_found' };
    if (c.status !== 'claimed') return { error: c.status === 'closed' ? 'closed' : 'not_claimed', case: c };
    const now = this.now();
    const id = this.id();
    // A Matrix edit: the asker gets the new text marked as a correction of the earlier message.
    const original = input.corrects ? await this.cases.messageByClientId(c.conversationId, input.corrects) : undefined;
    const corrects = original?.author === 'staff' ? original.id : undefined;
    const text = corrects ? askerTexts.correction(input.text) : input.text;
    // Guarded on "still claimed": a reminder or rating changing the token must not drop a message.
    const batch = new GuardedBatch(c.id, null, now)
      .message(c.conversationId, { id, author: 'staff', text, clientId: input.clientId, extra: { staffName: input.staffName, staffId: input.staffId, ...(corrects ? { corrects } : {}) } })
      .touchConversation(c.conversationId);
    const result = await this.cases.changeOnce(
      sql("UPDATE cases SET first_response_at = COALESCE(first_response_at, ?), last_staff_message_at = ?, silent_reminders = 0 WHERE id = ? AND status = 'claimed'",
        now, now, c.id),
      batch,
    );
    if (result === 'duplicate') {
      const earlier = await this.deps.db.first<{ id: string }>('SELECT id FROM messages WHERE conversation_id = ? AND client_id = ?', [c.conversationId, input.clientId]);
      return { messageId: earlier?.id ?? '', duplicate: true };
    }
    if (!result) return { error: 'not_claimed', case: (await this.cases.get(c.id))! };
    this.notify(c.conversationId);
    return { messageId: id, duplicate: false, ...(corrects ? { corrected: true } : {}) };
  }

  /**
   * A staff member deleted (redacted) a message in Matrix: its text is replaced in the stored
   * conversation (a reload no longer shows it) and the asker gets a note that it was withdrawn.
   * Repeating it changes nothing.
   */
  async withdrawStaffMessage(idOrNumber: string, clientId: string): Promise<{ messageId: string; duplicate: boolean } | Failure> {
    const c = await this.cases.get(idOrNumber);
    if (!c) return { error: 'not_found' };
    const m = await this.cases.messageByClientId(c.conversationId, clientId);
    if (!m || m.author !== 'staff') return { error: 'no_message', case: c };
    if (m.text === askerTexts.withdrawnText) return { messageId: m.id, duplicate: true };
    const now = this.now();
    const t = token();
    const batch = new GuardedBatch(c.id, t, now)
      .replaceMessageText(m.id, askerTexts.withdrawnText)
      .event({ conversationId: c.conversationId, type: 'message.withdrawn', payload: { id: m.id, text: askerTexts.withdrawnText } })
      .audit('message.withdrawn', null, m.id);
    this.systemMessage(batch, c, askerTexts.withdrawn(m.createdAt, this.hours.timeZone)).touchConversation(c.conversationId);
    await this.cases.change(sql('UPDATE cases SET write_token = ? WHERE id = ?', t, c.id), batch);
    this.notify(c.conversationId);
    return { messageId: m.id, duplicate: false };
  }

  /**
   * Called by the conversation service before the Lotse answers: while a staff member holds the
   * conversation's case, the (already redacted) message goes to them and the Lotse stays silent.
   * Returns undefined when no case is claimed, so the Lotse answers as usual.
   */
  async relayUserMessage(conversationId: string, text: string, clientId: string | null): Promise<{ messageId: string; caseId: string; duplicate: boolean } | undefined> {
    const c = await this.cases.activeForConversation(conversationId);
    if (!c || c.status !== 'claimed') return undefined;
    const now = this.now();
    const id = this.id();
    const batch = new GuardedBatch(c.id, null, now)
      .message(conversationId, { id, author: 'user', text, clientId })
      .touchConversation(conversationId);
    const result = await this.cases.changeOnce(
      sql("UPDATE cases SET last_user_message_at = ? WHERE id = ? AND status = 'claimed'", now, c.id),
      batch,
    );
    if (result === 'duplicate') {
      const earlier = await this.deps.db.first<{ id: string }>('SELECT id FROM messages WHERE conversation_id = ? AND client_id = ?', [conversationId, clientId]);
      return { messageId: earlier?.id ?? '', caseId: c.id, duplicate: true };
    }
    if (!result) return undefined; // closed or released in the meantime: the Lotse answers
    this.notify(conversationId);
    return { messageId: id, caseId: c.id, duplicate: false };
  }

  /** True while a staff member holds the conversation (the Lotse must not answer). */
  async isHeld(conversationId: string): Promise<boolean> {
    return (await this.cases.activeForConversation(conversationId))?.status === 'claimed';
  }

  async publicCase(conversationId: string) {
    const c = await this.cases.latestForConversation(conversationId);
    return c ? toPublicCase(c) : undefined;
  }

  async rate(conversationId: string, rating: 'up' | 'down', comment?: string): Promise<'ok' | 'not_found' | 'not_closed'> {
    const c = await this.cases.latestForConversation(conversationId);
    if (!c) return 'not_found';
    if (c.status !== 'closed') return 'not_closed';
    const now = this.now();
    const t = token();
    const batch = new GuardedBatch(c.id, t, now).audit('rated', 'asker', rating);
    await this.cases.change(sql('UPDATE cases SET rating = ?, write_token = ?, updated_at = ? WHERE id = ?', comment ? `${rating}: ${comment.slice(0, 500)}` : rating, t, now, c.id), batch);
    return 'ok';
  }

  // --- reminders ------------------------------------------------------------------------------

  /** Writes due reminders; run every minute (Node timer or Workers cron). Returns how many. */
  async tick(): Promise<number> {
    const now = this.now();
    if (!isOpen(this.hours, now)) return 0;
    let sent = 0;
    const minute = 60_000;
    for (const c of await this.cases.list('open', 500)) {
      if (c.unclaimedReminders >= this.settings.maxUnclaimedReminders) continue;
      const factor = c.urgency === 'urgent' ? 0.5 : 1;
      const since = c.lastReminderAt ?? c.createdAt;
      const waited = openMillisBetween(this.hours, since, now);
      if (waited < this.settings.remindUnclaimedMinutes * minute * factor) continue;
      const minutes = Math.round((now - c.createdAt) / minute);
      if (await this.remind(c, 'unclaimed', 'queue', minutes, c.unclaimedReminders === 0)) sent++;
    }
    for (const c of await this.cases.list('claimed', 500)) {
      if (c.silentReminders >= 2) continue;
      const staffLast = c.lastStaffMessageAt ?? 0;
      const waitingSince = c.lastUserMessageAt && c.lastUserMessageAt > staffLast ? c.lastUserMessageAt : c.lastStaffMessageAt ? undefined : c.claimedAt!;
      if (waitingSince === undefined) continue;
      const since = c.silentReminders > 0 && c.lastReminderAt ? c.lastReminderAt : waitingSince;
      if (openMillisBetween(this.hours, since, now) < this.settings.remindSilentMinutes * minute) continue;
      const minutes = Math.round((now - waitingSince) / minute);
      if (await this.remind(c, 'silent', c.silentReminders === 0 ? 'staff' : 'queue', minutes, false)) sent++;
    }
    return sent;
  }

  private async remind(c: CaseRecord, kind: 'unclaimed' | 'silent', target: 'queue' | 'staff', minutes: number, tellAsker: boolean): Promise<boolean> {
    const now = this.now();
    const t = token();
    const column = kind === 'unclaimed' ? 'unclaimed_reminders' : 'silent_reminders';
    const count = kind === 'unclaimed' ? c.unclaimedReminders : c.silentReminders;
    const batch = new GuardedBatch(c.id, t, now).audit(`reminder.${kind}`, null, target);
    batch.event({ conversationId: null, type: 'case.reminder', payload: { case: toSummary(c), kind, target, minutes } });
    if (tellAsker) this.systemMessage(batch, c, askerTexts.stillWaiting(this.routes()));
    const won = await this.cases.change(
      sql(`UPDATE cases SET ${column} = ${column} + 1, last_reminder_at = ?, write_token = ?, updated_at = ? WHERE id = ? AND status = ? AND ${column} = ?`,
        now, t, now, c.id, c.status, count),
      batch,
    );
    if (won) this.notify(tellAsker ? c.conversationId : null);
    return won;
  }
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as Failure).error === 'string';
}
