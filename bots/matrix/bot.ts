// The Matrix bot: one sync loop that turns homeserver events into router dispatches, and (when
// the service offers it) one feed loop that turns service events into Matrix posts. Both resume
// from persisted positions: the sync token in the state file, the feed cursor acked to the service.
// Nothing in here may end the process: every loop catches what it cannot handle, logs one line,
// backs off and goes on; a start that fails (queue room not reachable, login refused) is tried
// again in the background while the service keeps answering the web chat.
import { join } from 'node:path';
import { AbortedError, backoffDelay, failureKind, isTransient, sleep, withRetry } from './backoff.ts';
import { retentionMs, type BotConfig } from './config.ts';
import { DeadLetterBook, describeError, reasonDe } from './failures.ts';
import { FeedDelivery } from './feed.ts';
import { RetentionJob, type RetentionOptions } from './retention.ts';
import { powerOf, roomPower, type RoomPower } from './power.ts';
import { registerHandlers } from './handlers/index.ts';
import { createLogger, type BotLogger } from './log.ts';
import { LotseApi, LotseError, type FetchLike } from './lotse-api.ts';
import { CASE_NUMBER_SOURCE } from '../../src/contract/vocabulary.ts';
import { localpart, MatrixApi, txnIdFor, type RawEvent, type SyncResponse } from './matrix-api.ts';
import { Router, type RoomKind } from './router.ts';
import type { BotServices } from './services.ts';
import { BotState } from './state.ts';
import { CASE_NUMBER, t } from './texts.ts';
import { staffMessageText } from './format.ts';
import { relayCorrection, withdrawFromAsker } from './handlers/relay.ts';
import { TypingRelay } from './typing.ts';
import { publicBase } from './links.ts';
import { guardCaseRoom } from './handlers/room-guard.ts';

export type MatrixBotOptions = {
  config: BotConfig;
  /** How the bot reaches the service: `app.fetch` in one process, global fetch apart. */
  fetch?: FetchLike;
  /** How matrix-js-sdk reaches the homeserver (default: global fetch). */
  matrixFetch?: typeof fetch;
  log?: BotLogger;
  /** State file; defaults to DATA_DIR/matrix-bot-state.json; null keeps state in memory. */
  stateFile?: string | null;
  /** Off for tests of the command router alone. */
  deliverFeed?: boolean;
  /** Overrides of the retention schedule (tests shorten the period to seconds). */
  retention?: Partial<RetentionOptions>;
  /** Check every answer of the service against the contract (tests). */
  validateResponses?: boolean;
};

const POWER_CACHE_MS = 30_000;
const ATTACHMENTS = new Set(['m.image', 'm.file', 'm.video', 'm.audio', 'm.sticker']);

/** The event a redaction removes (top level before room version 11, in content from 11 on). */
function redactedEventId(event: RawEvent): string | undefined {
  const id = (event as { redacts?: unknown }).redacts ?? event.content.redacts;
  return typeof id === 'string' ? id : undefined;
}
/** Back-off of a failed start: 2 s, 4 s … at most one minute between tries. */
const START_RETRY = { baseMs: 2000, maxMs: 60_000 };

/** What /healthz reports about the bot. */
export type MatrixHealth = {
  /** delivering: connected and posting; degraded: running, but something does not reach Matrix; off: not running. */
  state: 'delivering' | 'degraded' | 'off';
  /** Feed events set aside because they could not be delivered (`!fehler` in Matrix). */
  deadLetters: number;
  /** Why it is degraded or off (German, one line). */
  reason?: string;
  lastSyncAt?: string;
  lastDeliveryAt?: string;
};

export class MatrixBot {
  readonly config: BotConfig;
  readonly log: BotLogger;
  readonly lotse: LotseApi;
  readonly state: BotState;
  readonly router = new Router();
  matrix!: MatrixApi;
  private queueRoom = '';
  private readonly abort = new AbortController();
  private loops: Promise<void>[] = [];
  private readonly names = new Map<string, string>();
  private power: { at: number; room: RoomPower } | undefined;
  private feed: FeedDelivery | undefined;
  readonly retention: RetentionOptions;
  private retentionJob: RetentionJob | undefined;
  private typing: TypingRelay | undefined;
  private readonly options: MatrixBotOptions;
  readonly deadLetterBook: DeadLetterBook;
  private started = false;
  private handlersRegistered = false;
  /** Why the bot is not (yet) running, while launch() keeps trying. */
  private startProblem: string | undefined = 'startet';
  /** Why the last /sync failed, until one succeeds. */
  private syncProblem: string | undefined;
  /** Why the queue room cannot take the bot's posts (not a member, power level too low). */
  private queueProblem: string | undefined;
  private lastSyncAt: number | undefined;
  private markReady!: () => void;
  /** Resolves after the first completed sync: from then on, new events are handled. */
  readonly ready: Promise<void> = new Promise((r) => (this.markReady = r));

  constructor(options: MatrixBotOptions) {
    this.options = options;
    this.config = options.config;
    this.log = options.log ?? createLogger((process.env.LOG_LEVEL as never) || 'info');
    this.lotse = new LotseApi(this.config.LOTSE_URL, this.config.STAFF_TOKEN, options.fetch, { validateResponses: options.validateResponses });
    const file = options.stateFile === undefined ? join(this.config.DATA_DIR, 'matrix-bot-state.json') : options.stateFile ?? undefined;
    this.state = new BotState(file);
    this.deadLetterBook = new DeadLetterBook(this.state);
    this.retention = {
      afterMs: retentionMs(this.config),
      everyMs: this.config.MATRIX_RETENTION_INTERVAL_MINUTES * 60_000,
      purgeRooms: this.config.MATRIX_PURGE_ROOMS === 'auto',
      ...options.retention,
    };
  }

  get userId(): string {
    return this.matrix.userId;
  }

  queueRoomId(): string {
    return this.queueRoom;
  }

  /**
   * Connects, joins the queue room and starts the loops. Throws when that fails for good (login
   * refused, queue room not joinable); `launch()` is the variant that never throws.
   */
  async start(): Promise<void> {
    const signal = this.abort.signal;
    const onRetry = (error: unknown, ms: number) => {
      this.startProblem = `Homeserver nicht erreichbar (${reasonDe(error)})`;
      this.log.warn(`homeserver not reachable (${describeError(error)}), retry in ${ms} ms`);
    };
    if (!this.matrix) this.matrix = await withRetry(() => MatrixApi.connect(this.config, this.log, this.options.matrixFetch), { signal, onRetry });
    this.queueRoom = await withRetry(() => this.matrix.join(this.config.MATRIX_QUEUE_ROOM), { signal, onRetry }).catch((error) => {
      if (error instanceof AbortedError) throw error;
      throw new Error(`Der Bot kann den Warteraum ${this.config.MATRIX_QUEUE_ROOM} nicht betreten (${describeError(error)}). Bitte den Bot dorthin einladen.`);
    });
    this.adoptQueueRoom(this.queueRoom);
    if (!this.handlersRegistered) registerHandlers(this.services());
    this.handlersRegistered = true;
    this.typing ??= new TypingRelay(this.services());
    await this.checkQueueRoom();
    this.loops.push(this.guarded('sync', this.syncLoop()));
    if (this.options.deliverFeed !== false) {
      this.feed = new FeedDelivery(this.services(), signal, this.deadLetterBook);
      this.loops.push(this.guarded('feed', this.feed.run()));
    }
    // Once now, then on schedule: cases whose retention ran out while the bot was down go first.
    this.retentionJob = new RetentionJob(this.services(), this.retention);
    this.loops.push(this.guarded('retention', this.retentionJob.run(signal)));
    this.started = true;
    this.startProblem = undefined;
    if (!publicBase(this.config)) this.log.warn('PUBLIC_URL is not set: links in Matrix show their titles only (the service listens on a local address no one else can open)');
    const pending = this.deadLetterBook.count;
    this.log.info(`started as ${this.userId}, queue room ${this.queueRoom}${pending ? `, ${pending} dead letter(s) waiting (!fehler)` : ''}`);
  }

  /**
   * Starts the bot without ever throwing: a failed start is logged in one line and tried again
   * in the background (2 s, 4 s … every minute) until it succeeds or stop() is called. Resolves
   * after the first try, so the service can go on either way.
   */
  async launch(): Promise<void> {
    try {
      await this.start();
    } catch (error) {
      if (error instanceof AbortedError || this.abort.signal.aborted) return;
      this.startProblem = (error as Error).message?.startsWith('Der Bot') ? (error as Error).message : `Start fehlgeschlagen: ${reasonDe(error)}`;
      this.log.error(`not started: ${describeError(error)}; the web chat keeps running, next try in ${backoffDelay(1, START_RETRY)} ms`);
      this.loops.push(this.guarded('start', this.retryStart()));
    }
  }

  private async retryStart(): Promise<void> {
    const signal = this.abort.signal;
    for (let attempt = 1; !signal.aborted; attempt++) {
      try {
        await sleep(backoffDelay(attempt, START_RETRY), signal);
        await this.start();
        return;
      } catch (error) {
        if (error instanceof AbortedError || signal.aborted) return;
        this.startProblem = (error as Error).message?.startsWith('Der Bot') ? (error as Error).message : `Start fehlgeschlagen: ${reasonDe(error)}`;
        this.log.error(`not started (try ${attempt + 1}): ${describeError(error)}; next try in ${backoffDelay(attempt + 1, START_RETRY)} ms`);
      }
    }
  }

  /** A loop's promise with a handler attached: should one ever reject, that is one log line, not the end of the process. */
  private guarded(name: string, loop: Promise<void>): Promise<void> {
    return loop.catch((error) => {
      if (error instanceof AbortedError || this.abort.signal.aborted) return;
      this.log.error(`${name} loop ended: ${describeError(error)}`);
    });
  }

  /**
   * Remembers the queue room. When MATRIX_QUEUE_ROOM was changed, the notices of earlier cases
   * stay where they are: their links learn which room that was, so that the next change of such
   * a case gets a fresh notice in the new room instead of an edit that cannot reach the old one.
   */
  private adoptQueueRoom(roomId: string): void {
    const previous = this.state.data.queueRoomId;
    if (previous && previous !== roomId) {
      for (const link of Object.values(this.state.data.cases)) if (link.noticeEventId && !link.noticeRoomId) link.noticeRoomId = previous;
      this.log.warn(`queue room changed from ${previous} to ${roomId}: open cases get a new notice there at their next change`);
    }
    this.state.data.queueRoomId = roomId;
    this.state.save();
  }

  /** Can the bot post in the queue room? Checked at start and whenever its power levels change. */
  private async checkQueueRoom(before = this.queueProblem): Promise<void> {
    try {
      const power = await roomPower(this.matrix, this.queueRoom);
      this.power = { at: Date.now(), room: power };
      const mine = powerOf(power, this.userId);
      const needed = power.levels.events?.['m.room.message'] ?? power.levels.events_default ?? 0;
      this.queueProblem = mine < needed ? `Der Bot darf im Warteraum nicht schreiben (Berechtigungsstufe ${mine}, nötig ${needed})` : undefined;
      if (this.queueProblem && this.queueProblem !== before) this.log.warn(`queue room ${this.queueRoom}: the bot may not post there (power level ${mine} < ${needed}); new cases are set aside as dead letters until this is fixed`);
      if (!this.queueProblem && before) this.log.info(`queue room ${this.queueRoom}: the bot may post again${this.deadLetterBook.count ? `; ${this.deadLetterBook.count} dead letter(s) wait for "!erneut alle"` : ''}`);
      if (!this.queueProblem) await this.announceUnreported();
    } catch (error) {
      if (error instanceof AbortedError) throw error;
      if (failureKind(error) === 'permanent') this.queueProblem = `Der Bot kann den Warteraum nicht lesen (${reasonDe(error)})`;
      this.log.warn(`queue room ${this.queueRoom}: power levels not readable: ${describeError(error)}`);
    }
  }

  /**
   * Dead letters staff were never told about (no room took the report) are announced in the
   * queue room as soon as the bot can post there again, so that no missed case stays unseen.
   */
  private async announceUnreported(): Promise<void> {
    const unreported = this.deadLetterBook.list().filter((l) => !l.reportedIn);
    if (!unreported.length) return;
    try {
      const body = t.deadLettersPending(unreported);
      const id = await withRetry(() => this.matrix.send(this.queueRoom, { msgtype: 'm.text', body }, txnIdFor(`dead-letters-pending:${unreported.map((l) => l.n).join(',')}`)), { signal: this.abort.signal, attempts: 3 });
      for (const letter of unreported) {
        letter.reportedIn = this.queueRoom;
        if (letter.caseId) this.state.recordPost(letter.caseId, 'queuePosted', id);
      }
      this.state.save();
    } catch (error) {
      if (error instanceof AbortedError) throw error;
      this.log.warn(`queue room ${this.queueRoom}: could not announce ${unreported.length} dead letter(s): ${describeError(error)}`);
    }
  }

  /** The bot's state for /healthz; cheap, never throws. */
  health(): MatrixHealth {
    const deadLetters = this.deadLetterBook.count;
    const times = {
      ...(this.lastSyncAt ? { lastSyncAt: new Date(this.lastSyncAt).toISOString() } : {}),
      ...(this.feed?.lastDeliveredAt ? { lastDeliveryAt: new Date(this.feed.lastDeliveredAt).toISOString() } : {}),
    };
    if (!this.started || this.abort.signal.aborted) {
      return { state: 'off', deadLetters, reason: this.abort.signal.aborted ? 'Bot gestoppt' : this.startProblem ?? 'Bot läuft nicht', ...times };
    }
    const reason = this.syncProblem
      ?? this.queueProblem
      ?? (this.feed?.problem ? `Zustellung hängt: ${this.feed.problem}` : undefined)
      ?? (deadLetters ? `${deadLetters} ${deadLetters === 1 ? 'Ereignis' : 'Ereignisse'} nicht zugestellt (!fehler in Matrix)` : undefined);
    return reason ? { state: 'degraded', deadLetters, reason, ...times } : { state: 'delivering', deadLetters, ...times };
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.typing?.close();
    await Promise.allSettled(this.loops);
    this.state.save();
  }

  /** Clears expired cases now (the schedule does this on its own; tests and operators may ask). */
  runRetention(now?: number) {
    return this.retentionJob!.runOnce(now);
  }

  /** Wakes the feed loop now instead of at its next poll (the service calls this after a commit). */
  nudge(): void {
    this.feed?.nudge();
  }

  services(): BotServices {
    return {
      config: this.config,
      lotse: this.lotse,
      matrix: this.matrix,
      state: this.state,
      log: this.log,
      router: this.router,
      queueRoomId: () => this.queueRoom,
      linkBase: publicBase(this.config),
      retentionMs: this.retention.afterMs,
      displayName: (userId) => this.displayName(userId),
      isStaff: (userId) => this.isStaff(userId),
      urgentMentions: () => this.urgentMentions(),
      isLead: (userId) => this.config.MATRIX_LEAD_USERS.includes(userId),
      aliasFor: (userId) => this.config.MATRIX_STAFF_ALIASES[userId],
      resolveCaseRef: (ref) => this.resolveCaseRef(ref),
      deadLetters: {
        list: () => this.deadLetterBook.list(),
        available: () => this.feed !== undefined,
        retry: (n) => (this.feed ? this.feed.retry(n) : Promise.resolve({ kind: 'unknown', n })),
        discard: (n) => (this.feed ? this.feed.discard(n) : undefined),
      },
    };
  }

  // --- sync ---------------------------------------------------------------------------------

  private async syncLoop(): Promise<void> {
    const signal = this.abort.signal;
    for (let failures = 0; !signal.aborted;) {
      try {
        const since = this.state.data.syncToken;
        const res = await withRetry(() => this.matrix.sync(since, since ? this.config.MATRIX_SYNC_TIMEOUT_MS : 0, signal), {
          signal,
          onRetry: (error, ms) => {
            this.syncProblem = `Homeserver nicht erreichbar (${reasonDe(error)})`;
            this.log.warn(`sync failed (${describeError(error)}), retry in ${ms} ms`);
          },
        });
        this.syncProblem = undefined;
        this.lastSyncAt = Date.now();
        failures = 0;
        // On the very first start there is no position yet: the past is not ours to answer.
        await this.handleSync(res, since === undefined);
        this.state.data.syncToken = res.next_batch;
        this.state.save();
        this.markReady();
      } catch (error) {
        if (signal.aborted || error instanceof AbortedError) return;
        // A refused sync (token revoked, account deactivated) or a failure in the bot: back off, do not spin.
        failures++;
        const delay = backoffDelay(failures, { baseMs: 1000, maxMs: 60_000 });
        this.syncProblem = `Synchronisierung mit dem Homeserver fehlgeschlagen (${reasonDe(error)})`;
        this.log.error(`sync loop: ${describeError(error)}; retry in ${delay} ms`);
        await sleep(delay, signal).catch(() => {});
      }
    }
  }

  private async handleSync(res: SyncResponse, firstStart: boolean): Promise<void> {
    if (res.rooms?.leave?.[this.queueRoom]) {
      this.queueProblem = 'Der Bot ist nicht mehr Mitglied des Warteraums (entfernt oder gesperrt) — bitte wieder einladen';
      this.log.warn(`queue room ${this.queueRoom}: the bot was removed; new cases are set aside as dead letters until it is invited again`);
    }
    for (const [roomId, invited] of Object.entries(res.rooms?.invite ?? {})) {
      await this.contained(`invite to ${roomId}`, () => this.handleInvite(roomId, invited.invite_state?.events ?? []));
    }
    for (const [roomId, room] of Object.entries(res.rooms?.join ?? {})) {
      for (const event of room.ephemeral?.events ?? []) {
        if (event.type === 'm.typing' && this.state.data.caseRooms[roomId]) this.typing?.onTyping(roomId, Array.isArray(event.content.user_ids) ? event.content.user_ids : []);
      }
      for (const event of room.timeline?.events ?? []) {
        if (event.type === 'm.room.power_levels' && roomId === this.queueRoom) {
          this.power = undefined;
          await this.checkQueueRoom();
        }
        if (firstStart || event.sender === this.userId || this.state.hasHandled(event.event_id)) continue;
        if (this.abort.signal.aborted) return;
        // One event that cannot be handled must not hold up the others (nor the sync position).
        await this.contained(`event ${event.event_id} (${event.type}) in ${this.roomKind(roomId)} room`, () => this.handleEvent(roomId, event));
        this.state.markHandled(event.event_id);
      }
    }
  }

  /** Runs one piece of sync handling; a failure is logged in one line and the sync goes on. */
  private async contained(what: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (error) {
      if (error instanceof AbortedError || this.abort.signal.aborted) throw new AbortedError();
      this.log.error(`${what} not handled: ${describeError(error)}`);
    }
  }

  private async handleInvite(roomId: string, events: RawEvent[]): Promise<void> {
    const own = events.find((e) => e.type === 'm.room.member' && e.state_key === this.userId);
    if (!own || this.state.hasHandled(`invite:${roomId}:${own.sender}`)) return;
    const inviter = own.sender;
    const staff = await this.isStaff(inviter);
    const direct = own.content.is_direct === true && this.acceptsDirectChatFrom(inviter, staff);
    try {
      if (roomId === this.queueRoom || staff || direct) {
        await withRetry(() => this.matrix.join(roomId), { signal: this.abort.signal, attempts: 5 });
        if (roomId === this.queueRoom) {
          await this.checkQueueRoom(this.queueProblem);
        }
        if (direct && !this.state.data.caseRooms[roomId]) {
          this.state.data.directChats[roomId] = { userId: inviter };
          // An end-to-end encrypted chat is unreadable for the bot: say so in plain text instead of staying silent.
          const encrypted = events.some((e) => e.type === 'm.room.encryption');
          await this.matrix.send(roomId, { msgtype: 'm.notice', body: encrypted ? t.dmEncrypted : t.dmWelcome }, txnIdFor(`welcome:${roomId}`));
        }
        this.log.info(`joined ${roomId} on invite from ${inviter}`);
      } else {
        await this.matrix.leave(roomId);
        this.log.info(`declined invite to ${roomId} from ${inviter}`);
      }
    } catch (error) {
      if (error instanceof AbortedError) throw error;
      this.log.warn(`invite to ${roomId}: ${describeError(error)}`);
    }
    this.state.markHandled(`invite:${roomId}:${own.sender}`);
  }

  private acceptsDirectChatFrom(userId: string, staff: boolean): boolean {
    switch (this.config.MATRIX_DM_POLICY) {
      case 'anyone': return true;
      case 'staff': return staff;
      case 'off': return false;
      default: return staff || userId.endsWith(`:${this.matrix.serverName}`);
    }
  }

  private roomKind(roomId: string): RoomKind {
    if (roomId === this.queueRoom) return 'queue';
    if (this.state.data.caseRooms[roomId]) return 'case';
    if (this.state.data.directChats[roomId]) return 'direct';
    return 'other';
  }

  private async handleEvent(roomId: string, event: RawEvent): Promise<void> {
    const roomKind = this.roomKind(roomId);
    this.log.debug(`event ${event.type} from ${event.sender} in ${roomKind} room`);
    if (roomKind === 'other') return;
    // Whoever invites or lets in a non-staff member, the case room is for staff only.
    if (roomKind === 'case' && event.type === 'm.room.member') return guardCaseRoom(this.services(), roomId, event);
    const isStaff = await withRetry(() => this.isStaff(event.sender), { signal: this.abort.signal, attempts: 4 });
    // Only the direct chat is open to non-staff; elsewhere their events are not even looked at.
    if (roomKind !== 'direct' && !isStaff) return;
    let replies = 0;
    const reply = async (text: string, html?: string): Promise<string> => {
      const content: Record<string, unknown> = { msgtype: 'm.notice', body: text, 'm.relates_to': { 'm.in_reply_to': { event_id: event.event_id } } };
      if (html) Object.assign(content, { format: 'org.matrix.custom.html', formatted_body: html });
      const id = await withRetry(() => this.matrix.send(roomId, content, txnIdFor(`reply:${event.event_id}:${replies++}`)), { signal: this.abort.signal, attempts: 8 });
      this.recordReplyAboutCases(roomKind, text, id);
      return id;
    };
    const base = { roomId, roomKind, eventId: event.event_id, sender: event.sender, isStaff, reply };
    try {
      await withRetry(async () => {
        replies = 0;
        if (event.type === 'm.room.message') {
          if (roomKind === 'case') this.typing?.messageSent(roomId, event.sender);
          await this.handleMessage(base, event);
        }
        else if (event.type === 'm.reaction') await this.handleReaction(base, event);
        else if (event.type === 'm.room.redaction' && roomKind === 'case') await withdrawFromAsker(this.services(), base, redactedEventId(event));
      }, { signal: this.abort.signal, attempts: 4, onRetry: (e, ms) => this.log.warn(`handler failed (${describeError(e)}), retry in ${ms} ms`) });
    } catch (error) {
      if (error instanceof AbortedError) throw error;
      this.log.error(`handling ${event.event_id} (${event.type} in ${roomKind} room) failed: ${describeError(error)}`);
      // Staff hear of it when the room still takes a reply (a Matrix refusal usually means it does not).
      const matrixRefusal = !(error instanceof LotseError) && typeof (error as { httpStatus?: unknown })?.httpStatus === 'number' && !isTransient(error);
      // The service refused the request for good (4xx): its German reason says what is wrong;
      // "not reachable" would send staff into retrying what can never pass.
      const refusedForGood = error instanceof LotseError && error.httpStatus >= 400 && error.httpStatus < 500;
      if (refusedForGood) await reply(t.refused(error.message)).catch(() => {});
      else if (!matrixRefusal) await reply(t.serviceDown).catch(() => {});
    }
  }

  private async handleMessage(base: { roomId: string; roomKind: RoomKind; eventId: string; sender: string; isStaff: boolean; reply: (t: string, h?: string) => Promise<string> }, event: RawEvent): Promise<void> {
    const content = event.content;
    if (ATTACHMENTS.has(content.msgtype)) {
      // Files never cross: the asker's chat is text only, and a file can hold what redaction cannot see.
      if (base.roomKind === 'case') await base.reply(t.attachmentRefused);
      else if (base.roomKind === 'direct' && !base.isStaff) await base.reply(t.attachmentRefusedDirect);
      return;
    }
    if (content.msgtype !== 'm.text' && content.msgtype !== 'm.emote') return;
    if (content['m.relates_to']?.rel_type === 'm.replace') {
      // A staff member's correction in a case room reaches the asker, marked as such; other edits are not relayed.
      if (base.roomKind === 'case') await relayCorrection(this.services(), base, content);
      return;
    }
    const body = staffMessageText(content);
    const inReplyTo = content['m.relates_to']?.['m.in_reply_to']?.event_id as string | undefined;
    await this.router.dispatchMessage({ ...base, body, inReplyTo });
  }

  private async handleReaction(base: { roomId: string; roomKind: RoomKind; eventId: string; sender: string; isStaff: boolean; reply: (t: string, h?: string) => Promise<string> }, event: RawEvent): Promise<void> {
    const rel = event.content['m.relates_to'];
    if (rel?.rel_type !== 'm.annotation' || typeof rel.key !== 'string') return;
    await this.router.dispatchReaction({ ...base, key: rel.key, targetEventId: rel.event_id });
  }

  // --- helpers --------------------------------------------------------------------------------

  /** A reply naming a case (`!fall`, claim answers) is removed with that case's other posts. */
  private recordReplyAboutCases(roomKind: RoomKind, text: string, eventId: string): void {
    const numbers = new Set((text.match(new RegExp(CASE_NUMBER_SOURCE, 'g')) ?? []).map((n) => n.toUpperCase()));
    if (!numbers.size) return;
    const where = roomKind === 'case' ? 'posted' : roomKind === 'direct' ? 'dmPosted' : 'queuePosted';
    for (const [caseId, link] of Object.entries(this.state.data.cases)) if (numbers.has(link.number)) this.state.recordPost(caseId, where, eventId);
  }

  async isStaff(userId: string): Promise<boolean> {
    if (userId === this.matrix?.userId) return false;
    if (this.config.MATRIX_STAFF_USERS.includes(userId)) return true;
    const min = this.config.MATRIX_STAFF_MIN_POWER;
    if (min === undefined || !this.queueRoom) return false;
    if (!this.power || Date.now() - this.power.at > POWER_CACHE_MS) {
      this.power = { at: Date.now(), room: await roomPower(this.matrix, this.queueRoom) };
    }
    return powerOf(this.power.room, userId) >= min;
  }

  async urgentMentions(): Promise<Array<{ userId: string; name: string }>> {
    let ids = this.state.onDuty();
    if (!ids.length) {
      const members = await this.matrix.members(this.queueRoom);
      ids = [];
      for (const [userId, membership] of Object.entries(members)) if (membership === 'join' && (await this.isStaff(userId))) ids.push(userId);
    }
    return Promise.all(ids.map(async (userId) => ({ userId, name: await this.displayName(userId) })));
  }

  async displayName(userId: string): Promise<string> {
    let name = this.names.get(userId);
    if (!name) {
      name = await this.matrix.displayName(userId).catch(() => localpart(userId));
      this.names.set(userId, name);
    }
    return name;
  }

  resolveCaseRef(ref: { arg?: string; roomId: string; inReplyTo?: string }): string | undefined {
    if (ref.arg && CASE_NUMBER.test(ref.arg)) return ref.arg.toUpperCase();
    if (ref.arg && /^[0-9a-f-]{16,}$/i.test(ref.arg)) return ref.arg;
    const fromRoom = this.state.data.caseRooms[ref.roomId];
    if (fromRoom) return fromRoom;
    if (ref.inReplyTo) {
      for (const [caseId, link] of Object.entries(this.state.data.cases)) if (link.noticeEventId === ref.inReplyTo || link.reminders?.includes(ref.inReplyTo)) return caseId;
    }
    return undefined;
  }
}
