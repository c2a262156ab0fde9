// Delivers the service's durable event log to Matrix: read after the acknowledged cursor,
// post, then acknowledge, one event at a time. Every post's transaction id is derived from the
// event id, so an event delivered again after a crash is deduplicated by the homeserver; a
// homeserver outage (or a rate limit, or a 5xx) holds the loop on that event, backing off, until
// it passes, keeping the order. A failure no retry can cure (M_FORBIDDEN, M_NOT_FOUND, a room
// that is gone, an error in the bot) sets the event aside as a dead letter, tells staff, and the
// feed moves on: one bad event never stops the feed, and never the process.
import { AbortedError, backoffDelay, failureKind, sleep, withRetry, type RetryOptions } from './backoff.ts';
import { DeadLetterBook, describeError, errorCode, reasonDe, type DeadLetter, type DeliveryTarget } from './failures.ts';
import { textToHtml } from './format.ts';
import { LotseError, type CaseSummary, type FeedEvent } from './lotse-api.ts';
import { CASE_STATE_TYPE, txnIdFor } from './matrix-api.ts';
import type { BotServices } from './services.ts';
import type { CaseLink } from './state.ts';
import { esc, t } from './texts.ts';
import { linksAsText } from './links.ts';
import type { MessageAuthor } from '../../src/contract/vocabulary.ts';

type Message = { id: string; author: MessageAuthor; text: string; staffName?: string; clientId?: string | null; triage?: string };

/** What `!erneut` achieved for one dead letter. */
export type RetryOutcome =
  | { kind: 'unknown'; n: number }
  | { kind: 'delivered'; letter: DeadLetter }
  | { kind: 'gone'; letter: DeadLetter }
  | { kind: 'failed'; letter: DeadLetter; transient: boolean };

/** Where a failed Matrix call was going; attached to the error on its way up. */
const failedAt = new WeakMap<object, { target: DeliveryTarget; roomId: string }>();

/** Attempts of one `!erneut` before it reports a transient failure back instead of waiting on. */
const RETRY_COMMAND_ATTEMPTS = 5;

export class FeedDelivery {
  private readonly s: BotServices;
  private readonly signal: AbortSignal;
  private readonly book: DeadLetterBook;
  private wake: (() => void) | undefined;
  private pending = false;
  private lock: Promise<unknown> = Promise.resolve();
  /** Why the feed is held right now (a transient failure it keeps retrying), for /healthz. */
  problem: string | undefined;
  lastDeliveredAt: number | undefined;

  constructor(services: BotServices, signal: AbortSignal, book: DeadLetterBook) {
    this.s = services;
    this.signal = signal;
    this.book = book;
  }

  get consumer(): string {
    return `matrix:${this.s.matrix.userId}`;
  }

  nudge(): void {
    this.pending = true;
    this.wake?.();
  }

  private retryOptions(what: string): RetryOptions {
    return {
      signal: this.signal,
      onRetry: (e: unknown, ms: number) => {
        this.problem = reasonDe(e);
        this.s.log.warn(`feed: ${what}: ${describeError(e)}, retry in ${ms} ms`);
      },
    };
  }

  /** Never rejects: whatever escapes one round is logged in one line and the loop starts again after a pause. */
  async run(): Promise<void> {
    for (let failures = 0; !this.signal.aborted;) {
      try {
        await this.loop();
        return;
      } catch (error) {
        if (error instanceof AbortedError || this.signal.aborted) return;
        failures++;
        const delay = backoffDelay(failures, { baseMs: 1000, maxMs: 60_000 });
        this.problem = reasonDe(error);
        this.s.log.error(`feed: ${describeError(error)}; the web chat is not affected, feed restarts in ${delay} ms`);
        await sleep(delay, this.signal).catch(() => {});
      }
    }
  }

  private async loop(): Promise<void> {
    let cursor = await withRetry(() => this.s.lotse.cursor(this.consumer), this.retryOptions('reading the cursor'));
    while (!this.signal.aborted) {
      const asked = Date.now();
      const batch = await withRetry(() => this.s.lotse.feed(cursor, 50, this.pending ? 0 : 20, this.signal), this.retryOptions('reading the feed'));
      // A service without long-poll answers at once: then poll at the configured pace instead of spinning.
      if (batch.events.length === 0 && !this.pending && Date.now() - asked < 200) await this.idle();
      this.problem = undefined; // the service answered; a delivery that still fails says so again
      for (const event of batch.events) {
        await this.deliverOrSetAside(event);
        await withRetry(() => this.s.lotse.ack(this.consumer, event.id), this.retryOptions('acknowledging'));
        cursor = event.id;
      }
      cursor = Math.max(cursor, batch.cursor);
      this.pending = false;
    }
  }

  /** Delivers one event, retrying while a retry can help; otherwise records it as a dead letter. */
  private async deliverOrSetAside(event: FeedEvent): Promise<void> {
    try {
      await withRetry(() => this.exclusive(() => this.deliver(event)), this.retryOptions(`event ${event.id} ${event.type}`));
      this.problem = undefined;
      this.lastDeliveredAt = Date.now();
    } catch (error) {
      if (error instanceof AbortedError || this.signal.aborted) throw new AbortedError();
      this.problem = undefined;
      await this.setAside(event, error);
    }
    this.s.state.save();
  }

  /** One delivery at a time: the feed and a staff member's `!erneut` never work on a case at once. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lock.then(fn, fn);
    this.lock = run.catch(() => {});
    return run;
  }

  private async setAside(event: FeedEvent, error: unknown): Promise<DeadLetter> {
    const where = error && typeof error === 'object' ? failedAt.get(error) : undefined;
    const c = event.payload?.case as CaseSummary | undefined;
    const number = c?.number ?? (event.caseId ? this.s.state.data.cases[event.caseId]?.number : undefined);
    const { letter, isNew, dropped } = this.book.record({
      eventId: event.id, type: event.type, caseId: event.caseId, number, target: where?.target, roomId: where?.roomId,
      code: errorCode(error), reason: reasonDe(error),
    });
    this.s.state.save();
    const told = isNew ? await this.report(letter) : letter.reportedIn;
    this.s.state.save();
    const what = `feed event ${event.id} ${event.type}${number ? ` ${number}` : ''}${where ? ` → ${where.target} room ${where.roomId}` : ''}`;
    const staff = told ? `staff told in ${told === this.s.queueRoomId() ? 'the queue room' : `room ${told}`}` : 'staff NOT told in Matrix (no room usable)';
    this.s.log.error(`dead letter #${letter.n}: ${what}: ${describeError(error)}; ${staff}; "!erneut ${letter.n}" retries it`);
    if (dropped) this.s.log.warn(`dead letter #${dropped.n} (feed event ${dropped.eventId}) dropped: more than the maximum of dead letters`);
    return letter;
  }

  /** Tells staff about a new dead letter: in the queue room, else in the case's room. Returns the room, if any. */
  private async report(letter: DeadLetter): Promise<string | undefined> {
    const link = letter.caseId ? this.s.state.data.cases[letter.caseId] : undefined;
    const rooms = [this.s.queueRoomId(), link && !link.closed ? link.roomId : undefined]
      .filter((r): r is string => Boolean(r) && r !== letter.roomId);
    const body = t.deadLetterReport(letter);
    for (const roomId of new Set(rooms)) {
      try {
        const id = await withRetry(() => this.s.matrix.send(roomId, { msgtype: 'm.text', body }, txnIdFor(`dead-letter:${letter.n}:${roomId}`)), { signal: this.signal, attempts: 3 });
        if (letter.caseId) this.s.state.recordPost(letter.caseId, roomId === this.s.queueRoomId() ? 'queuePosted' : 'posted', id);
        letter.reportedIn = roomId;
        return roomId;
      } catch (error) {
        if (error instanceof AbortedError) throw error;
        this.s.log.debug(`dead letter #${letter.n}: cannot tell staff in ${roomId}: ${describeError(error)}`);
      }
    }
    return undefined;
  }

  // --- dead letters, for the staff commands ------------------------------------------------------

  /** `!erneut <n>`: reads the event again from the service and delivers it (with the case as it is now). */
  async retry(n: number): Promise<RetryOutcome> {
    const letter = this.book.get(n);
    if (!letter) return { kind: 'unknown', n };
    const attempt = { signal: this.signal, attempts: RETRY_COMMAND_ATTEMPTS };
    try {
      const batch = await withRetry(() => this.s.lotse.feed(letter.eventId - 1, 1), attempt);
      const event = batch.events.find((e) => e.id === letter.eventId);
      if (!event) return this.gone(letter);
      // The notice shows the case as it is now, not as it was when the event failed.
      const current = event.caseId && event.type.startsWith('case.') ? await withRetry(() => this.s.lotse.case(event.caseId!), attempt) : undefined;
      await withRetry(() => this.exclusive(() => this.deliver(event, current)), attempt);
    } catch (error) {
      if (error instanceof AbortedError || this.signal.aborted) throw new AbortedError();
      if (error instanceof LotseError && error.httpStatus === 404) return this.gone(letter);
      const transient = failureKind(error) === 'transient';
      const where = error && typeof error === 'object' ? failedAt.get(error) : undefined;
      const { letter: updated } = this.book.record({ ...letter, target: where?.target ?? letter.target, roomId: where?.roomId ?? letter.roomId, code: errorCode(error), reason: reasonDe(error) });
      this.s.state.save();
      this.s.log.warn(`dead letter #${n}: retry failed again: ${describeError(error)}`);
      return { kind: 'failed', letter: updated, transient };
    }
    this.book.remove(n);
    this.s.state.save();
    this.lastDeliveredAt = Date.now();
    this.s.log.info(`dead letter #${n} (feed event ${letter.eventId} ${letter.type}${letter.number ? ` ${letter.number}` : ''}) delivered on retry`);
    return { kind: 'delivered', letter };
  }

  private gone(letter: DeadLetter): RetryOutcome {
    this.book.remove(letter.n);
    this.s.state.save();
    this.s.log.info(`dead letter #${letter.n}: the service no longer has feed event ${letter.eventId} or its case; removed`);
    return { kind: 'gone', letter };
  }

  /** `!verwerfen <n>`: a person decided it need not be delivered. */
  discard(n: number): DeadLetter | undefined {
    const letter = this.book.remove(n);
    if (letter) {
      this.s.state.save();
      this.s.log.info(`dead letter #${n} (feed event ${letter.eventId} ${letter.type}) discarded by staff`);
    }
    return letter;
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.signal.removeEventListener('abort', done);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.s.config.MATRIX_FEED_POLL_MS);
      this.signal.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
  }

  /** `current`: the case as the service has it now (a retry renders the notice from it). */
  async deliver(event: FeedEvent, current?: CaseSummary): Promise<void> {
    this.s.log.debug(`feed event ${event.id} ${event.type}`);
    const c = event.payload?.case as CaseSummary | undefined;
    if (event.type.startsWith('case.') && !c?.id) return; // nothing to show without the case
    switch (event.type) {
      case 'case.opened': return this.onOpened(event, c!, current);
      case 'case.claimed':
      case 'case.transferred':
      case 'case.reopened': return this.onHeld(event, c!, current);
      case 'case.released': return this.onReleased(event, c!, current);
      case 'case.closed': return this.onClosed(event, c!, current);
      case 'case.reminder': return this.onReminder(event, c!);
      case 'message': return this.onMessage(event);
      case 'message.withdrawn': return this.onWithdrawn(event);
      case 'message.corrected': return this.onCorrected(event);
      case 'staff.digest': return this.onDigest(event);
      default: return; // other event kinds are for the web chat only
    }
  }

  /** Runs a Matrix call and, when it fails, remembers where it was going (for the dead letter). */
  private async at<T>(target: DeliveryTarget, roomId: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      if (error && typeof error === 'object' && !failedAt.has(error)) failedAt.set(error, { target, roomId });
      throw error;
    }
  }

  /**
   * The parts of one event, each tried even when an earlier one failed for good: a queue room the
   * bot may not post in must not keep the claimer out of the case room. The first permanent
   * failure is thrown at the end; a transient one at once (the whole event is then tried again,
   * which is safe: every part is idempotent).
   */
  private async steps(...parts: Array<() => Promise<unknown>>): Promise<void> {
    let failure: { error: unknown } | undefined;
    for (const part of parts) {
      try {
        await part();
      } catch (error) {
        if (failureKind(error) !== 'permanent' || error instanceof AbortedError) throw error;
        failure ??= { error };
      }
    }
    if (failure) throw failure.error;
  }

  private link(c: CaseSummary): CaseLink {
    const link = this.s.state.caseLink(c.id, c.number);
    // A case opened from a direct chat: its status and staff messages go back there.
    link.directRoomId ??= this.directRoomFor(c.conversationId);
    return link;
  }

  private async postNotice(event: FeedEvent, c: CaseSummary): Promise<void> {
    const link = this.link(c);
    const queue = this.s.queueRoomId();
    const { body, html } = t.notice(c);
    if (link.noticeEventId && link.noticeRoomId && link.noticeRoomId !== queue) {
      // MATRIX_QUEUE_ROOM was changed while the case was open: an edit cannot reach into the old
      // room, so the case gets a fresh notice in the new one; the old posts stay known for retention.
      const old = link.noticeRoomId;
      (link.elsewhere ??= []).push(...[link.noticeEventId, ...(link.queuePosted ?? [])].map((eventId) => ({ roomId: old, eventId })));
      link.noticeEventId = undefined;
      link.noticeRoomId = undefined;
      link.queuePosted = [];
      this.s.state.save();
    }
    if (!link.noticeEventId) {
      const key = link.elsewhere?.length ? `notice:${c.id}:${queue}` : `notice:${c.id}`;
      // m.text, not m.notice: default push rules mute notices, and a new case must ring. An
      // urgent one mentions the staff on duty (or, with nobody on the roster, every staff member here).
      const mentioned = c.urgency === 'urgent' && c.status === 'open' ? await this.s.urgentMentions() : [];
      const ping = mentioned.length ? t.mentionLine(mentioned) : undefined;
      const content = {
        msgtype: 'm.text', format: 'org.matrix.custom.html',
        body: ping ? `${ping.body}\n${body}` : body,
        formatted_body: ping ? `${ping.html}<br>${html}` : html,
        'm.mentions': mentioned.length ? { user_ids: mentioned.map((m) => m.userId) } : {},
      };
      link.noticeEventId = await this.at('queue', queue, () => this.s.matrix.send(queue, content, txnIdFor(key)));
      link.noticeRoomId = queue;
    } else {
      const id = await this.at('queue', queue, () => this.s.matrix.edit(queue, link.noticeEventId!, { body, formatted_body: html }, txnIdFor(`edit:${event.id}`)));
      link.noticeRoomId ??= queue;
      this.s.state.recordPost(c.id, 'queuePosted', id);
    }
  }

  private async onOpened(event: FeedEvent, c: CaseSummary, current?: CaseSummary): Promise<void> {
    // Delivered before a crash that came ahead of the ack: the notice is there already.
    const link = this.link(c);
    if (link.noticeEventId && (link.noticeRoomId ?? this.s.queueRoomId()) === this.s.queueRoomId()) return;
    await this.postNotice(event, current ?? c);
  }

  /**
   * Someone holds the case now: by a claim, a hand-over (transfer, a lead taking over) or a
   * reopening. The notice shows who; the holder is invited to the case room and gets the whole
   * transcript as it is now, so a new holder misses nothing the asker wrote in between. When the
   * room already existed, it says first who has the case from now on.
   */
  private async onHeld(event: FeedEvent, c: CaseSummary, current?: CaseSummary): Promise<void> {
    const link = this.link(c);
    // Decided by the event alone, so that a delivery repeated after a crash posts exactly the same.
    const first = event.type === 'case.claimed' && (event.payload as { handOver?: boolean }).handOver !== true;
    const handOver = !first;
    link.claimedBy = c.staffId ?? undefined;
    link.staffName = c.staffName ?? undefined;
    if (event.type === 'case.reopened') {
      link.closed = false;
      link.closedAt = undefined;
    }
    await this.steps(
      () => this.postNotice(event, current ?? c),
      async () => {
        const roomId = await this.ensureCaseRoom(event, c);
        if (c.staffId) await this.inviteIfNeeded(roomId, c.staffId);
        if (handOver) {
          const previous = (event.payload as { previousStaffName?: string | null }).previousStaffName ?? undefined;
          await this.post(link, roomId, t.nowHeldBy(c.number, c.staffName ?? 'eine Fachkraft', event.type, previous), `held:${event.id}`, 'm.text', undefined, c.staffId ? [c.staffId] : []);
        }
        await this.postTranscript(event, c, roomId);
      },
    );
  }

  private async onReleased(event: FeedEvent, c: CaseSummary, current?: CaseSummary): Promise<void> {
    const link = this.link(c);
    link.claimedBy = undefined;
    await this.steps(
      () => this.postNotice(event, current ?? c),
      async () => {
        if (link.roomId) await this.post(link, link.roomId, t.released(c.number), `released:${event.id}`);
      },
    );
  }

  private async onClosed(event: FeedEvent, c: CaseSummary, current?: CaseSummary): Promise<void> {
    const link = this.link(c);
    // Closed is closed, even when Matrix does not take the posts: relays stop, retention starts.
    link.closed = true;
    link.closedAt ??= event.createdAt;
    await this.steps(
      () => this.postNotice(event, current ?? c),
      // The bot stays in the room until the retention period ends: only a member can redact its
      // posts then, and the room is private, so a bot that left could not come back.
      async () => {
        if (link.roomId) await this.post(link, link.roomId, t.caseRoomClosed(c.number, this.s.retentionMs), `closed:${event.id}`);
      },
    );
  }

  private async onReminder(event: FeedEvent, c: CaseSummary): Promise<void> {
    const { kind, minutes, target } = event.payload as { kind: 'unclaimed' | 'silent' | 'acute'; minutes: number; target: 'queue' | 'staff' };
    const link = this.link(c);
    if (kind === 'acute') {
      // The holder did not answer an acute message: the queue room hears of it, and the staff on duty are mentioned.
      const queue = this.s.queueRoomId();
      const people = await this.s.urgentMentions();
      const text = t.reminderAcute(c.number, c.staffName ?? 'niemand', minutes, people);
      const id = await this.at('queue', queue, () => this.s.matrix.send(queue, {
        msgtype: 'm.text', body: text.body, format: 'org.matrix.custom.html', formatted_body: text.html,
        'm.mentions': { user_ids: people.map((p) => p.userId) }, ...(link.noticeEventId ? { 'm.relates_to': { 'm.in_reply_to': { event_id: link.noticeEventId } } } : {}),
      }, txnIdFor(`reminder:${event.id}`)));
      this.s.state.recordPost(c.id, 'queuePosted', id);
      return;
    }
    const text = kind === 'unclaimed' ? t.reminderUnclaimed(c.number, c.urgency, minutes) : t.reminderSilent(c.number, c.urgency, minutes);
    // The holder by a real mention (a pill that rings), in the case room only once they have joined it:
    // a reminder in a room they never entered would reach nobody, so it goes to the queue room instead.
    const holder = kind === 'silent' && c.staffId ? { userId: c.staffId, name: c.staffName ?? c.staffId } : undefined;
    const mention = holder ? t.mention(holder) : undefined;
    const holderInRoom = target === 'staff' && link.roomId && !link.closed && holder ? await this.hasJoined(link.roomId, holder.userId) : false;
    if (holderInRoom) {
      await this.post(link, link.roomId!, `${mention!.body}: ${text}`, `reminder:${event.id}`, 'm.text', `${mention!.html}: ${esc(text)}`, [holder!.userId]);
    } else {
      const queue = this.s.queueRoomId();
      // A reply to the case's notice, so that ✋ or „!übernehmen“ on it act on this case.
      const content = {
        msgtype: 'm.text', body: mention ? `${mention.body}: ${text}` : text, format: 'org.matrix.custom.html', formatted_body: mention ? `${mention.html}: ${esc(text)}` : esc(text),
        'm.mentions': holder ? { user_ids: [holder.userId] } : {},
        ...(link.noticeEventId && (link.noticeRoomId ?? queue) === queue ? { 'm.relates_to': { 'm.in_reply_to': { event_id: link.noticeEventId } } } : {}),
      };
      const id = await this.at('queue', queue, () => this.s.matrix.send(queue, content, txnIdFor(`reminder:${event.id}`)));
      (link.reminders ??= []).includes(id) || link.reminders.push(id);
      this.s.state.recordPost(c.id, 'queuePosted', id);
    }
  }

  private async onMessage(event: FeedEvent): Promise<void> {
    // The payload is the message itself (the same object the web chat gets over SSE).
    const m = event.payload as Message | undefined;
    if (!m?.author || !event.caseId) return;
    const link = this.s.state.data.cases[event.caseId];
    // The asker's words go into the case room, escaped: they are never HTML.
    if (m.author === 'user' && link?.roomId && !link.closed) {
      const label = t.authorLabel.user;
      if (m.triage === 'acute') {
        // Flagged at once, with a mention that rings for the holder; the queue room follows if nobody answers.
        const holder = link.claimedBy ? { userId: link.claimedBy, name: link.staffName ?? link.claimedBy } : undefined;
        const flag = t.acuteFlag(holder);
        await this.post(link, link.roomId, `${flag.body}\n${label}: ${m.text}`, `relay:${event.id}`, 'm.text',
          `${flag.html}<br><b>${esc(label)}:</b> ${textToHtml(m.text)}`, holder ? [holder.userId] : undefined);
        return;
      }
      await this.post(link, link.roomId, `${label}: ${m.text}`, `relay:${event.id}`, 'm.text', `<b>${esc(label)}:</b> ${textToHtml(m.text)}`);
      return;
    }
    // Staff words and the case's status texts reach a professional who asked through a direct chat.
    const room = event.conversationId ? this.directRoomFor(event.conversationId) : undefined;
    if (!room || (m.author !== 'staff' && m.author !== 'system')) return;
    if (m.author === 'staff') {
      const id = await this.at('direct', room, () => this.s.matrix.send(room, { msgtype: 'm.text', body: `${m.staffName ?? t.defaultStaffName}: ${m.text}` }, txnIdFor(`dm:${event.id}`)));
      this.s.state.recordPost(event.caseId, 'dmPosted', id);
      if (link) (link.dmMessages ??= {})[m.id] = id;
      return;
    }
    // The closing text (it follows case.closed in the same transaction) invites a 👍/👎 rating.
    const closing = link?.closed === true;
    const body = closing ? `${m.text}\n${t.dmRateHint}` : m.text;
    const id = await this.at('direct', room, () => this.s.matrix.send(room, { msgtype: 'm.notice', body }, txnIdFor(`dm:${event.id}`)));
    this.s.state.recordPost(event.caseId, 'dmPosted', id);
    if (closing) {
      const chat = this.s.state.data.directChats[room];
      if (chat) (chat.ratingPrompts ??= {})[id] = event.caseId;
    }
  }

  /** The morning overview of what waited while the office was closed, in the queue room. */
  private async onDigest(event: FeedEvent): Promise<void> {
    const cases = ((event.payload as { cases?: CaseSummary[] } | undefined)?.cases ?? []);
    if (!cases.length) return;
    const queue = this.s.queueRoomId();
    const people = this.s.state.onDuty().length ? await this.s.urgentMentions() : [];
    const text = t.digest(cases, Date.now(), people);
    const id = await this.at('queue', queue, () => this.s.matrix.send(queue, {
      msgtype: 'm.text', body: text.body, format: 'org.matrix.custom.html', formatted_body: text.html, 'm.mentions': { user_ids: people.map((p) => p.userId) },
    }, txnIdFor(`digest:${event.id}`)));
    for (const c of cases) this.s.state.recordPost(c.id, 'queuePosted', id);
  }

  /** A withdrawn staff message disappears from the professional's direct chat too (the note follows as a system message). */
  private async onWithdrawn(event: FeedEvent): Promise<void> {
    const link = event.caseId ? this.s.state.data.cases[event.caseId] : undefined;
    const messageId = (event.payload as { id?: string } | undefined)?.id;
    const posted = messageId ? link?.dmMessages?.[messageId] : undefined;
    if (!link?.directRoomId || !posted) return;
    await this.at('direct', link.directRoomId, () => this.s.matrix.redact(link.directRoomId!, posted, txnIdFor(`withdraw:${event.id}`), 'Von der Kontaktstelle zurückgezogen'));
  }

  /** A corrected staff message is edited in the professional's direct chat too (Matrix shows it as edited). */
  private async onCorrected(event: FeedEvent): Promise<void> {
    const link = event.caseId ? this.s.state.data.cases[event.caseId] : undefined;
    const m = event.payload as Message | undefined;
    const posted = m?.id ? link?.dmMessages?.[m.id] : undefined;
    if (!link?.directRoomId || !posted || typeof m?.text !== 'string') return;
    const body = `${m.staffName ?? t.defaultStaffName}: ${m.text}`;
    const id = await this.at('direct', link.directRoomId, () => this.s.matrix.edit(link.directRoomId!, posted, { body }, txnIdFor(`correct:${event.id}`)));
    this.s.state.recordPost(event.caseId!, 'dmPosted', id);
  }

  // --- case rooms -------------------------------------------------------------------------------

  private async ensureCaseRoom(event: FeedEvent, c: CaseSummary): Promise<string> {
    const link = this.link(c);
    if (link.roomId) return link.roomId;
    // Creating a room has no transaction id. A crash between create and save would leave the
    // room unknown; find it again by the case marker in its state before creating another.
    const found = await this.findRoomByMarker(c.id);
    link.roomId = found ?? await this.at('case', '(new)', () => this.s.matrix.createPrivateRoom({
      name: t.caseRoomName(c.number),
      topic: t.caseRoomTopic(c.number),
      invite: c.staffId ? [c.staffId] : [],
      caseState: { caseId: c.id, number: c.number, eventId: event.id },
    }));
    this.s.log.debug(`case room ${link.roomId} for ${c.number}, invite ${c.staffId}`);
    this.s.state.data.caseRooms[link.roomId] = c.id;
    this.s.state.save();
    return link.roomId;
  }

  private async findRoomByMarker(caseId: string): Promise<string | undefined> {
    for (const roomId of await this.s.matrix.joinedRooms()) {
      const marker = await this.s.matrix.stateEvent<{ caseId?: string }>(roomId, CASE_STATE_TYPE).catch(() => undefined);
      if (marker?.caseId === caseId) return roomId;
    }
    return undefined;
  }

  private async hasJoined(roomId: string, userId: string): Promise<boolean> {
    const member = await this.s.matrix.stateEvent<{ membership?: string }>(roomId, 'm.room.member', userId).catch(() => undefined);
    return member?.membership === 'join';
  }

  private async inviteIfNeeded(roomId: string, userId: string): Promise<void> {
    const member = await this.s.matrix.stateEvent<{ membership?: string }>(roomId, 'm.room.member', userId).catch(() => undefined);
    if (member?.membership === 'join' || member?.membership === 'invite') return;
    await this.at('case', roomId, () => this.s.matrix.invite(roomId, userId));
  }

  private async postTranscript(event: FeedEvent, c: CaseSummary, roomId: string): Promise<void> {
    const link = this.link(c);
    const detail = await this.s.lotse.case(c.id);
    const lines = detail.transcript.map((m) => ({ label: t.authorLabel[m.author] ?? m.author, text: linksAsText(m.text, this.s.linkBase) }));
    const body = [t.transcriptIntro(c.number), ...lines.map((l) => `${l.label}: ${l.text}`), '', t.relayIntro].join('\n');
    const html = `<p>${esc(t.transcriptIntro(c.number))}</p>${lines.map((l) => `<blockquote><b>${esc(l.label)}:</b> ${textToHtml(l.text)}</blockquote>`).join('')}<p>${esc(t.relayIntro)}</p>`;
    const first = event.type === 'case.claimed' && (event.payload as { handOver?: boolean }).handOver !== true;
    await this.post(link, roomId, body, first ? `transcript:${c.id}` : `transcript:${c.id}:${event.id}`, 'm.notice', html);
  }

  private async post(link: CaseLink, roomId: string, body: string, key: string, msgtype = 'm.notice', html?: string, mentions?: string[]): Promise<string> {
    const content: Record<string, unknown> = { msgtype, body, ...(mentions ? { 'm.mentions': { user_ids: mentions } } : {}) };
    if (html) Object.assign(content, { format: 'org.matrix.custom.html', formatted_body: html });
    const id = await this.at('case', roomId, () => this.s.matrix.send(roomId, content, txnIdFor(key)));
    (link.posted ??= []).includes(id) || link.posted.push(id);
    return id;
  }

  private directRoomFor(conversationId: string): string | undefined {
    for (const [roomId, chat] of Object.entries(this.s.state.data.directChats)) if (chat.conversationId === conversationId) return roomId;
    return undefined;
  }
}

