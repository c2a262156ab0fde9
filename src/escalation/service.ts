// The escalation service: opens cases, lets staff claim, answer, release and close them, routes
// the asker's messages to the staff member while a case is claimed (the Lotse stays silent), and
// reminds staff when someone waits. Every change writes its events in the same transaction.
import { sql } from '../store/driver.ts';
import type { SqlDriver } from '../store/driver.ts';
import type { Contacts } from '../knowledge/types.ts';
import { CaseStore, GuardedBatch, type StoredMessage } from './case-store.ts';
import { isOutcome, isTopic } from './close-options.ts';
import { DEFAULT_OFFICE_HOURS, describeOfficeHours, describeOpening, isOpen, nextOpening, openMillisBetween, type OfficeHours } from './office-hours.ts';
import { askerTexts, routes24h } from './texts.ts';
import { checkTransition, type Actor, type CaseAction, type TransitionError } from './lifecycle.ts';
import { DEFAULT_SETTINGS, DEFAULT_STAFF_ALIAS, toPublicCase, toSummary, type CaseLabels, type CaseRecord, type CaseSummary, type EscalationSettings, type Urgency } from './types.ts';

/** Wakes SSE streams and feed long-polls; same shape as the assistant's LiveEvents. */
export type Notifier = { notify(channel: string): void };
export const FEED_CHANNEL = '__staff_feed__';

export type EscalationDeps = {
  db: SqlDriver;
  live: Notifier;
  contacts?: Contacts;
  officeHours?: OfficeHours;
  settings?: Partial<EscalationSettings>;
  /** German names for the ids a case carries (role, region, topic), from the knowledge base. */
  labels?: CaseLabels;
  now?: () => number;
  newId?: () => string;
};

export type EscalateInput = { consent: true; contact?: string; urgency?: Urgency; role?: string; region?: string; topic?: string; channel?: string };
export type EscalateResult = { case: CaseRecord; created: boolean; officeOpen: boolean; nextOpening?: number; message: string };

export type Availability = { open: boolean; hours: string; holidaysClosed: boolean; nextOpening?: number; nextOpeningText?: string; message: string };

export type Failure = {
  error: 'not_found' | 'invalid' | 'no_message' | TransitionError;
  case?: CaseRecord;
  message?: string;
};

/** Who acts on a case, and the name the asker will see for them. */
export type StaffActor = Actor & { staffName: string; staffAlias?: string };

/** What one lifecycle change writes besides the new row: audit, feed event, a line for the asker. */
type Change = { next: CaseRecord; audit: string; detail?: string | null; feedType: string; extra?: Record<string, unknown>; askerText?: string };

const token = () => crypto.randomUUID();
const QUESTION_CHARS = 240;
const MINUTE = 60_000;
/** Longest the asker sees "Die Fachkraft schreibt …" without a renewal from Matrix. */
export const TYPING_MS = 30_000;
const TYPING_REFRESH_MS = 5_000;

/** The question for the queue notice: whole words, at most QUESTION_CHARS, an ellipsis when cut. */
export function shortQuestion(text: string | undefined): string | null {
  const flat = text?.replace(/\s+/g, ' ').trim();
  if (!flat) return null;
  if (flat.length <= QUESTION_CHARS) return flat;
  const cut = flat.slice(0, QUESTION_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), QUESTION_CHARS / 2))} …`;
}

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

  /** The case as staff lists and feed events show it (labels in German, no contact, no note). */
  summary(c: CaseRecord): CaseSummary {
    return toSummary(c, this.deps.labels);
  }

  /** The SSE `case` event and the feed's `case.*` event of one change. */
  private caseEvents(batch: GuardedBatch, c: CaseRecord, feedType: string, extra: Record<string, unknown> = {}): GuardedBatch {
    batch.event({ conversationId: c.conversationId, type: 'case', payload: { case: toPublicCase(c) } });
    return batch.event({ conversationId: null, type: feedType, payload: { case: this.summary(c), ...extra } });
  }

  private systemMessage(batch: GuardedBatch, c: CaseRecord, text: string): GuardedBatch {
    return batch.message(c.conversationId, { id: this.id(), author: 'system', text, clientId: null });
  }

  // --- opening --------------------------------------------------------------------------------

  /** Whether a person is there now, the office hours in words and what happens outside them. */
  availability(): Availability {
    const now = this.now();
    const open = isOpen(this.hours, now);
    const opening = open ? undefined : nextOpening(this.hours, now);
    const hours = describeOfficeHours(this.hours);
    const openingText = opening === undefined ? undefined : describeOpening(this.hours, opening, now);
    return {
      open, hours, holidaysClosed: this.hours.mvHolidays, nextOpening: opening, nextOpeningText: openingText,
      message: askerTexts.beforeEscalation(open, hours, this.hours.mvHolidays, openingText, this.routes()),
    };
  }

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
      acuteAt: null, acuteReminded: false, staffAlias: null, openedOutsideHours: !officeOpen,
      question: shortQuestion(await this.cases.lastUserText(conversationId)), reopenedAt: null,
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

  // --- lifecycle (the rules are in lifecycle.ts) ------------------------------------------------

  /**
   * Checks `action` against the lifecycle table and writes the change with its audit entry and
   * events, guarded by the row's write token. A concurrent change (a reminder, a rival claim)
   * makes the guard fail; then the case is read again and checked again, so the table decides.
   */
  private async transition(idOrNumber: string, action: CaseAction, actor: Actor, change: (c: CaseRecord, now: number) => Change, target?: string): Promise<CaseRecord | Failure> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const c = await this.cases.get(idOrNumber);
      if (!c) return { error: 'not_found' };
      const now = this.now();
      const check = checkTransition(c, action, actor, { now, retentionMs: this.settings.retentionCaseMs, target });
      if (!check.ok) return { error: check.error, case: c };
      if (check.unchanged) return c;
      const made = change(c, now);
      const next: CaseRecord = { ...made.next, status: check.to, writeToken: token(), updatedAt: now };
      const batch = new GuardedBatch(c.id, next.writeToken, now).audit(made.audit, actor.staffId, made.detail ?? null);
      this.caseEvents(batch, next, made.feedType, made.extra);
      if (made.askerText) this.systemMessage(batch, next, made.askerText);
      batch.touchConversation(c.conversationId);
      const won = await this.cases.changeOnce(this.cases.lifecycleUpdate(next, c.writeToken), batch);
      if (won === 'duplicate') return { error: 'invalid', case: c, message: 'Zu diesem Gespräch läuft schon eine andere Anfrage.' };
      if (won) {
        this.notify(c.conversationId);
        return next;
      }
    }
    return { error: 'invalid', message: 'Der Fall wurde gerade mehrfach gleichzeitig geändert; bitte noch einmal versuchen.' };
  }

  claim(idOrNumber: string, actor: StaffActor): Promise<CaseRecord | Failure> {
    return this.transition(idOrNumber, 'claim', actor, (c, now) => {
      const next = { ...c, staffId: actor.staffId, staffName: actor.staffName, staffAlias: actor.staffAlias ?? null, claimedAt: now, silentReminders: 0 };
      // handOver: the case was held before (released, now claimed again), so its room already exists.
      return { next, audit: 'claimed', feedType: 'case.claimed', extra: { previousStaffId: null, handOver: c.claimedAt !== null }, askerText: askerTexts.claimed(aliasOf(next)) };
    });
  }

  release(idOrNumber: string, staffId: string): Promise<CaseRecord | Failure> {
    return this.transition(idOrNumber, 'release', { staffId }, (c) => ({
      next: { ...c, staffId: null, staffName: null, staffAlias: null, unclaimedReminders: 0, lastReminderAt: null },
      audit: 'released', feedType: 'case.released', extra: { previousStaffId: staffId }, askerText: askerTexts.released,
    }));
  }

  /** The holder hands the case to a colleague, or (`lead`) a lead takes it from an absent holder. */
  transfer(idOrNumber: string, actor: Actor, to: { staffId: string; staffName: string; staffAlias?: string }): Promise<CaseRecord | Failure> {
    // Taking a case to oneself is a take-over (leads only); giving it to someone else a transfer (holder only).
    const action: CaseAction = actor.staffId === to.staffId ? 'take_over' : 'transfer';
    return this.transition(idOrNumber, action, actor, (c, now) => {
      const next = { ...c, staffId: to.staffId, staffName: to.staffName, staffAlias: to.staffAlias ?? null, claimedAt: now, silentReminders: 0 };
      return {
        next, audit: action === 'take_over' ? 'taken_over' : 'transferred', detail: `${c.staffId} → ${to.staffId}`, feedType: 'case.transferred',
        extra: { previousStaffId: c.staffId, previousStaffName: c.staffName, by: actor.staffId }, askerText: askerTexts.handedOver(aliasOf(next)),
      };
    }, to.staffId);
  }

  async close(idOrNumber: string, input: { staffId: string; topic?: string; outcome?: string; note?: string }): Promise<CaseRecord | Failure> {
    if (input.topic && !isTopic(input.topic)) return { error: 'invalid', message: `Unbekanntes Thema: ${input.topic}` };
    if (input.outcome && !isOutcome(input.outcome)) return { error: 'invalid', message: `Unbekanntes Ergebnis: ${input.outcome}` };
    return this.transition(idOrNumber, 'close', { staffId: input.staffId }, (c, now) => {
      const next = { ...c, closedAt: now, closedBy: input.staffId, topic: input.topic ?? c.topic, outcome: input.outcome ?? null, note: input.note?.trim() || c.note };
      return { next, audit: 'closed', detail: [next.topic, next.outcome].filter(Boolean).join(', ') || null, feedType: 'case.closed', askerText: askerTexts.closed };
    });
  }

  /** A closed case taken up again (within the retention period) by the staff member who reopens it. */
  async reopen(idOrNumber: string, actor: StaffActor): Promise<CaseRecord | Failure> {
    const c = await this.cases.get(idOrNumber);
    if (c && !(await this.cases.conversationExists(c.conversationId))) {
      return { error: 'expired', case: c, message: 'Das Gespräch zu diesem Fall ist schon gelöscht.' };
    }
    return this.transition(idOrNumber, 'reopen', actor, (k, now) => {
      const next = {
        ...k, staffId: actor.staffId, staffName: actor.staffName, staffAlias: actor.staffAlias ?? null, claimedAt: now, closedAt: null, closedBy: null,
        outcome: null, reopenedAt: now, silentReminders: 0,
      };
      return { next, audit: 'reopened', feedType: 'case.reopened', extra: { previousStaffId: null }, askerText: askerTexts.reopened(k.number, aliasOf(next)) };
    });
  }

  /** An internal note: kept with the case (audit trail, deleted with it), never shown to the asker. */
  async addNote(idOrNumber: string, staffId: string, text: string): Promise<{ at: number } | Failure> {
    const c = await this.cases.get(idOrNumber);
    if (!c) return { error: 'not_found' };
    const now = this.now();
    const t = token();
    const batch = new GuardedBatch(c.id, t, now).audit('note', staffId, text.trim().slice(0, 2000));
    await this.cases.change(sql('UPDATE cases SET write_token = ? WHERE id = ?', t, c.id), batch);
    return { at: now };
  }

  /** A staff member's message to the asker; idempotent per clientId (the Matrix event id). */
  async staffMessage(idOrNumber: string, input: { staffId: string; staffName: string; text: string; clientId: string; corrects?: string }): Promise<{ messageId: string; duplicate: boolean; corrected?: boolean } | Failure> {
    const c = await this.cases.get(idOrNumber);
    if (!c) return { error: 'not_found' };
    if (c.status !== 'claimed') return { error: c.status === 'closed' ? 'closed' : 'not_claimed', case: c };
    // Only the holder speaks to the asker: after a hand-over the previous holder can no longer.
    if (c.staffId !== input.staffId) return { error: 'not_holder', case: c };
    // A Matrix edit of a message the asker got: that message is corrected in place. An edit of
    // something that never reached the asker (a refused line) goes out as a new message.
    const original = input.corrects ? await this.cases.messageByClientId(c.conversationId, input.corrects) : undefined;
    if (original?.author === 'staff') return this.correctStaffMessage(c, original, input.text, input.clientId);
    const now = this.now();
    const id = this.id();
    // Guarded on "still claimed": a reminder or rating changing the token must not drop a message.
    const batch = new GuardedBatch(c.id, null, now)
      .message(c.conversationId, { id, author: 'staff', text: input.text, clientId: input.clientId, extra: c.staffAlias ? { staffName: c.staffAlias } : undefined })
      .touchConversation(c.conversationId);
    const result = await this.cases.changeOnce(
      sql("UPDATE cases SET first_response_at = COALESCE(first_response_at, ?), last_staff_message_at = ?, silent_reminders = 0, typing_until = NULL WHERE id = ? AND status = 'claimed' AND staff_id = ?",
        now, now, c.id, input.staffId),
      batch,
    );
    if (result === 'duplicate') {
      const earlier = await this.deps.db.first<{ id: string }>('SELECT id FROM messages WHERE conversation_id = ? AND client_id = ?', [c.conversationId, input.clientId]);
      return { messageId: earlier?.id ?? '', duplicate: true };
    }
    if (!result) return { error: 'not_claimed', case: (await this.cases.get(c.id))! };
    this.notify(c.conversationId);
    return { messageId: id, duplicate: false };
  }

  /**
   * The holder edited a message in Matrix: the stored text is replaced (a reload shows the new
   * one, marked as corrected), the web chat replaces the bubble (SSE `message.corrected`), and
   * the first correction of a message adds a note at the end of the chat, so that an asker who
   * already read the old text notices. Repeating the same edit changes nothing.
   */
  private async correctStaffMessage(c: CaseRecord, original: StoredMessage, text: string, editClientId: string): Promise<{ messageId: string; duplicate: boolean; corrected: true } | Failure> {
    if (original.withdrawnAt) return { error: 'invalid', case: c, message: 'Diese Nachricht ist schon zurückgezogen; eine Korrektur geht nicht mehr an die anfragende Person.' };
    if (original.editClientId === editClientId) return { messageId: original.id, duplicate: true, corrected: true };
    const now = this.now();
    const batch = new GuardedBatch(c.id, null, now)
      .correctMessage(original.id, text, editClientId)
      .event({ conversationId: c.conversationId, type: 'message.corrected', messageId: original.id, payload: c.staffAlias ? { staffName: c.staffAlias } : {} })
      .audit('message.corrected', c.staffId, original.id);
    if (!original.editedAt) this.systemMessage(batch, c, askerTexts.corrected(original.createdAt, this.hours.timeZone));
    batch.touchConversation(c.conversationId);
    // The statement only checks that the case is still held by this person; it changes nothing else.
    const held = await this.cases.change(sql("UPDATE cases SET typing_until = NULL WHERE id = ? AND status = 'claimed' AND staff_id = ?", c.id, c.staffId), batch);
    if (!held) return { error: 'not_claimed', case: (await this.cases.get(c.id))! };
    this.notify(c.conversationId);
    return { messageId: original.id, duplicate: false, corrected: true };
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
    if (m.withdrawnAt || m.text === askerTexts.withdrawnText) return { messageId: m.id, duplicate: true };
    const now = this.now();
    const t = token();
    const batch = new GuardedBatch(c.id, t, now)
      .withdrawMessage(m.id, askerTexts.withdrawnText)
      .event({ conversationId: c.conversationId, type: 'message.withdrawn', payload: { id: m.id, text: askerTexts.withdrawnText, withdrawnAt: new Date(now).toISOString() } })
      .audit('message.withdrawn', null, m.id);
    this.systemMessage(batch, c, askerTexts.withdrawn(m.createdAt, this.hours.timeZone)).touchConversation(c.conversationId);
    await this.cases.change(sql('UPDATE cases SET write_token = ? WHERE id = ?', t, c.id), batch);
    this.notify(c.conversationId);
    return { messageId: m.id, duplicate: false };
  }

  /**
   * The holder types in the case room: the asker sees "Die Fachkraft schreibt …" for at most
   * TYPING_MS (the bot renews it while typing goes on, and ends it when it stops). Nothing goes
   * into the event log; the SSE streams are only woken and read the current state. A renewal
   * within TYPING_REFRESH_MS of the last one is not written (throttle against a chatty client).
   */
  async staffTyping(idOrNumber: string, staffId: string, typing: boolean): Promise<{ typing: boolean } | Failure> {
    const c = await this.cases.get(idOrNumber);
    if (!c) return { error: 'not_found' };
    if (c.status !== 'claimed') return { error: c.status === 'closed' ? 'closed' : 'not_claimed', case: c };
    if (c.staffId !== staffId) return { error: 'not_holder', case: c };
    const now = this.now();
    const until = c.typingUntil ?? 0;
    if (typing && until - now > TYPING_MS - TYPING_REFRESH_MS) return { typing: true };
    if (!typing && until <= now) return { typing: false };
    await this.deps.db.run("UPDATE cases SET typing_until = ? WHERE id = ? AND status = 'claimed' AND staff_id = ?", [typing ? now + TYPING_MS : null, c.id, staffId]);
    this.deps.live.notify(c.conversationId);
    return { typing };
  }

  /** Until when the holder of the conversation's case types (ms), or undefined; read by the SSE stream. */
  async typingUntil(conversationId: string): Promise<number | undefined> {
    const row = await this.deps.db.first<{ typing_until: number | null }>("SELECT typing_until FROM cases WHERE conversation_id = ? AND status = 'claimed'", [conversationId]);
    const until = row?.typing_until ?? 0;
    return until > this.now() ? until : undefined;
  }

  /**
   * Called by the conversation service before the Lotse answers: while a staff member holds the
   * conversation's case, the (already redacted) message goes to them and the Lotse stays silent.
   * Returns undefined when no case is claimed, so the Lotse answers as usual.
   */
  async relayUserMessage(conversationId: string, text: string, clientId: string | null, acute?: { reply: unknown; text: string }): Promise<{ messageId: string; replyId: string; caseId: string; duplicate: boolean } | undefined> {
    const c = await this.cases.activeForConversation(conversationId);
    if (!c || c.status !== 'claimed') return undefined;
    const now = this.now();
    const id = this.id();
    const replyId = acute ? this.id() : '';
    // An acute message is flagged on the way to the holder, and the emergency block the asker saw
    // is stored as the Lotse's reply, so that a reload still shows it.
    const batch = new GuardedBatch(c.id, null, now)
      .message(conversationId, { id, author: 'user', text, clientId, extra: acute ? { triage: 'acute' } : undefined });
    if (acute) batch.message(conversationId, { id: replyId, author: 'assistant', text: acute.text, clientId: null, reply: acute.reply, replyTo: id });
    batch.touchConversation(conversationId);
    const result = await this.cases.changeOnce(
      acute
        ? sql("UPDATE cases SET last_user_message_at = ?, acute_at = ?, acute_reminded = 0 WHERE id = ? AND status = 'claimed'", now, now, c.id)
        : sql("UPDATE cases SET last_user_message_at = ? WHERE id = ? AND status = 'claimed'", now, c.id),
      batch,
    );
    if (result === 'duplicate') {
      const earlier = await this.cases.messageByClientId(conversationId, clientId ?? '');
      return { messageId: earlier?.id ?? '', replyId: '', caseId: c.id, duplicate: true };
    }
    if (!result) return undefined; // closed or released in the meantime: the Lotse answers
    this.notify(conversationId);
    return { messageId: id, replyId, caseId: c.id, duplicate: false };
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
    let sent = isOpen(this.hours, now) ? (await this.morningDigest(now)) + (await this.officeReminders(now)) : 0;
    for (const c of await this.cases.list('claimed', 500)) {
      // Acute danger does not wait for office hours: the queue room hears of it when the holder has not answered.
      if (!c.acuteAt || c.acuteReminded || (c.lastStaffMessageAt ?? 0) >= c.acuteAt) continue;
      if (now - c.acuteAt < this.settings.remindAcuteMinutes * MINUTE) continue;
      if (await this.remind(c, 'acute', 'queue', Math.round((now - c.acuteAt) / MINUTE), false)) sent++;
    }
    return sent;
  }

  /**
   * The first tick of an office day: one overview of the cases that came in while the office was
   * closed and still wait, so that the morning starts with a list instead of single reminders.
   */
  private async morningDigest(now: number): Promise<number> {
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: this.hours.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    if (await this.cases.digestDone(day)) return 0;
    const waiting = (await this.cases.list('open', 500)).filter((c) => c.openedOutsideHours);
    // This event belongs to no case, so no case purge removes it: it carries numbers and labels only, never the question.
    const payload = waiting.length
      ? { day, cases: waiting.map((c) => { const k = this.summary(c); return { id: k.id, number: k.number, urgency: k.urgency, createdAt: k.createdAt, labels: k.labels }; }) }
      : undefined;
    const won = await this.cases.recordDigest(day, now, payload);
    if (won && payload) this.notify(null);
    return won && payload ? 1 : 0;
  }

  /** Unclaimed and silent cases; these count office time only. */
  private async officeReminders(now: number): Promise<number> {
    let sent = 0;
    for (const c of await this.cases.list('open', 500)) {
      if (c.unclaimedReminders >= this.settings.maxUnclaimedReminders) continue;
      const factor = c.urgency === 'urgent' ? 0.5 : 1;
      const since = c.lastReminderAt ?? c.createdAt;
      const waited = openMillisBetween(this.hours, since, now);
      if (waited < this.settings.remindUnclaimedMinutes * MINUTE * factor) continue;
      const minutes = Math.round((now - c.createdAt) / MINUTE);
      if (await this.remind(c, 'unclaimed', 'queue', minutes, c.unclaimedReminders === 0)) sent++;
    }
    for (const c of await this.cases.list('claimed', 500)) {
      if (c.silentReminders >= 2) continue;
      const staffLast = c.lastStaffMessageAt ?? 0;
      const waitingSince = c.lastUserMessageAt && c.lastUserMessageAt > staffLast ? c.lastUserMessageAt : c.lastStaffMessageAt ? undefined : c.claimedAt!;
      if (waitingSince === undefined) continue;
      const since = c.silentReminders > 0 && c.lastReminderAt ? c.lastReminderAt : waitingSince;
      if (openMillisBetween(this.hours, since, now) < this.settings.remindSilentMinutes * MINUTE) continue;
      const minutes = Math.round((now - waitingSince) / MINUTE);
      if (await this.remind(c, 'silent', c.silentReminders === 0 ? 'staff' : 'queue', minutes, false)) sent++;
    }
    return sent;
  }

  private async remind(c: CaseRecord, kind: 'unclaimed' | 'silent' | 'acute', target: 'queue' | 'staff', minutes: number, tellAsker: boolean): Promise<boolean> {
    const now = this.now();
    const t = token();
    const column = kind === 'unclaimed' ? 'unclaimed_reminders' : kind === 'silent' ? 'silent_reminders' : 'acute_reminded';
    const count = kind === 'unclaimed' ? c.unclaimedReminders : kind === 'silent' ? c.silentReminders : 0;
    const batch = new GuardedBatch(c.id, t, now).audit(`reminder.${kind}`, null, target);
    batch.event({ conversationId: null, type: 'case.reminder', payload: { case: this.summary(c), kind, target, minutes } });
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

/** The name the asker sees for the holder. */
function aliasOf(c: CaseRecord): string {
  return c.staffAlias ?? DEFAULT_STAFF_ALIAS;
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as Failure).error === 'string';
}
