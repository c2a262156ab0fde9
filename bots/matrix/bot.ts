// The Matrix bot: one sync loop that turns homeserver events into router dispatches, and (when
// the service offers it) one feed loop that turns service events into Matrix posts. Both resume
// from persisted positions: the sync token in the state file, the feed cursor acked to the service.
import { join } from 'node:path';
import { AbortedError, isTransient, sleep, withRetry } from './backoff.ts';
import { retentionMs, type BotConfig } from './config.ts';
import { FeedDelivery } from './feed.ts';
import { RetentionJob, type RetentionOptions } from './retention.ts';
import { powerOf, roomPower, type RoomPower } from './power.ts';
import { registerHandlers } from './handlers/index.ts';
import { createLogger, type BotLogger } from './log.ts';
import { LotseApi, LotseError, type FetchLike } from './lotse-api.ts';
import { localpart, MatrixApi, txnIdFor, type RawEvent, type SyncResponse } from './matrix-api.ts';
import { Router, type RoomKind } from './router.ts';
import type { BotServices } from './services.ts';
import { BotState } from './state.ts';
import { CASE_NUMBER, t } from './texts.ts';
import { staffMessageText } from './format.ts';

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
};

const POWER_CACHE_MS = 30_000;

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
  private readonly options: MatrixBotOptions;
  private markReady!: () => void;
  /** Resolves after the first completed sync: from then on, new events are handled. */
  readonly ready: Promise<void> = new Promise((r) => (this.markReady = r));

  constructor(options: MatrixBotOptions) {
    this.options = options;
    this.config = options.config;
    this.log = options.log ?? createLogger((process.env.LOG_LEVEL as never) || 'info');
    this.lotse = new LotseApi(this.config.LOTSE_URL, this.config.STAFF_TOKEN, options.fetch);
    const file = options.stateFile === undefined ? join(this.config.DATA_DIR, 'matrix-bot-state.json') : options.stateFile ?? undefined;
    this.state = new BotState(file);
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

  async start(): Promise<void> {
    const signal = this.abort.signal;
    const onRetry = (error: unknown, ms: number) => this.log.warn(`homeserver not reachable (${describe(error)}), retry in ${ms} ms`);
    this.matrix = await withRetry(() => MatrixApi.connect(this.config, this.log, this.options.matrixFetch), { signal, onRetry });
    this.queueRoom = await withRetry(() => this.matrix.join(this.config.MATRIX_QUEUE_ROOM), { signal, onRetry }).catch((error) => {
      if (error instanceof AbortedError) throw error;
      throw new Error(`Der Bot kann den Warteraum ${this.config.MATRIX_QUEUE_ROOM} nicht betreten (${describe(error)}). Bitte den Bot dorthin einladen.`);
    });
    this.state.data.queueRoomId = this.queueRoom;
    registerHandlers(this.services());
    this.loops.push(this.syncLoop());
    if (this.options.deliverFeed !== false) {
      this.feed = new FeedDelivery(this.services(), signal);
      this.loops.push(this.feed.run());
    }
    // Once now, then on schedule: cases whose retention ran out while the bot was down go first.
    this.retentionJob = new RetentionJob(this.services(), this.retention);
    this.loops.push(this.retentionJob.run(signal));
    this.log.info(`started as ${this.userId}, queue room ${this.queueRoom}`);
  }

  async stop(): Promise<void> {
    this.abort.abort();
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
      retentionMs: this.retention.afterMs,
      displayName: (userId) => this.displayName(userId),
      isStaff: (userId) => this.isStaff(userId),
      resolveCaseRef: (ref) => this.resolveCaseRef(ref),
    };
  }

  // --- sync ---------------------------------------------------------------------------------

  private async syncLoop(): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      try {
        const since = this.state.data.syncToken;
        const res = await withRetry(() => this.matrix.sync(since, since ? this.config.MATRIX_SYNC_TIMEOUT_MS : 0, signal), {
          signal,
          onRetry: (error, ms) => this.log.warn(`sync failed (${describe(error)}), retry in ${ms} ms`),
        });
        // On the very first start there is no position yet: the past is not ours to answer.
        await this.handleSync(res, since === undefined);
        this.state.data.syncToken = res.next_batch;
        this.state.save();
        this.markReady();
      } catch (error) {
        if (signal.aborted || error instanceof AbortedError) return;
        this.log.error('sync loop', error);
        await sleep(1000, signal).catch(() => {});
      }
    }
  }

  private async handleSync(res: SyncResponse, firstStart: boolean): Promise<void> {
    for (const [roomId, invited] of Object.entries(res.rooms?.invite ?? {})) {
      await this.handleInvite(roomId, invited.invite_state?.events ?? []);
    }
    for (const [roomId, room] of Object.entries(res.rooms?.join ?? {})) {
      for (const event of room.timeline?.events ?? []) {
        if (event.type === 'm.room.power_levels' && roomId === this.queueRoom) this.power = undefined;
        if (firstStart || event.sender === this.userId || this.state.hasHandled(event.event_id)) continue;
        if (this.abort.signal.aborted) return;
        await this.handleEvent(roomId, event);
        this.state.markHandled(event.event_id);
      }
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
      this.log.warn(`invite to ${roomId}`, describe(error));
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
    const isStaff = await this.isStaff(event.sender);
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
        if (event.type === 'm.room.message') await this.handleMessage(base, event);
        else if (event.type === 'm.reaction') await this.handleReaction(base, event);
      }, { signal: this.abort.signal, attempts: 4, onRetry: (e, ms) => this.log.warn(`handler failed (${describe(e)}), retry in ${ms} ms`) });
    } catch (error) {
      if (error instanceof AbortedError) throw error;
      this.log.error(`handling ${event.event_id}`, error);
      if (isTransient(error) || error instanceof LotseError) await reply(t.serviceDown).catch(() => {});
    }
  }

  private async handleMessage(base: { roomId: string; roomKind: RoomKind; eventId: string; sender: string; isStaff: boolean; reply: (t: string, h?: string) => Promise<string> }, event: RawEvent): Promise<void> {
    const content = event.content;
    if (content.msgtype !== 'm.text' && content.msgtype !== 'm.emote') return;
    if (content['m.relates_to']?.rel_type === 'm.replace') return; // edits cannot be taken back on the web
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
    const numbers = new Set((text.match(/KS-\d{4}-\d{3,}/g) ?? []).map((n) => n.toUpperCase()));
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
      for (const [caseId, link] of Object.entries(this.state.data.cases)) if (link.noticeEventId === ref.inReplyTo) return caseId;
    }
    return undefined;
  }
}

export function describe(error: unknown): string {
  const e = error as { errcode?: string; httpStatus?: number; message?: string; cause?: { code?: string } };
  return [e?.errcode, e?.httpStatus, e?.cause?.code, e?.message].filter(Boolean).join(' ') || String(error);
}
