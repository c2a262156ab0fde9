// Retention in Matrix: once a case has been closed for the retention period, the bot removes
// what it posted about it (queue notice and its edits, reminders and replies naming the case,
// transcript and relays in the case room, status and staff messages in a professional's direct
// chat). In the case room, where the bot is admin, it also redacts everyone's messages, hides
// the history from future members, removes the members and leaves; a bot that is a Synapse
// server admin has the room deleted and purged on the server as well.
import { AbortedError, failureKind, sleep } from './backoff.ts';
import { describeError } from './failures.ts';
import { txnIdFor, type MatrixApi } from './matrix-api.ts';
import { powerOf, roomPower } from './power.ts';
import type { BotServices } from './services.ts';
import type { CaseLink } from './state.ts';

export type RetentionOptions = {
  /** Time after close until a case's posts are removed. */
  afterMs: number;
  /** How often the job looks for expired cases. */
  everyMs: number;
  /** Try the Synapse admin API to delete and purge expired case rooms. */
  purgeRooms: boolean;
};

export type RetentionResult = { cases: number; redacted: number; roomsCleared: number; roomsPurged: number };

const REASON = 'Aufbewahrungsfrist abgelaufen';
/** Timeline events whose content is worth removing; state events stay (they carry no case text). */
const CONTENT_TYPES = new Set(['m.room.message', 'm.reaction', 'm.sticker']);

export class RetentionJob {
  private readonly s: BotServices;
  private readonly options: RetentionOptions;
  /** Learned once: false after the homeserver refused the admin API. */
  private adminApi: boolean;

  constructor(services: BotServices, options: RetentionOptions) {
    this.s = services;
    this.options = options;
    this.adminApi = options.purgeRooms;
  }

  /** Runs at once, then every `everyMs`, until the signal aborts. */
  async run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const result = await this.runOnce();
        if (result.cases) this.s.log.info(`retention: ${result.cases} case(s) cleared, ${result.redacted} event(s) redacted, ${result.roomsCleared} room(s) closed`);
      } catch (error) {
        if (signal.aborted) return;
        this.s.log.error(`retention run failed: ${describeError(error)}; next run on schedule`);
      }
      try {
        await sleep(this.options.everyMs, signal);
      } catch (error) {
        if (error instanceof AbortedError) return;
        throw error;
      }
    }
  }

  /** Clears every case whose retention has run out. */
  async runOnce(now = Date.now()): Promise<RetentionResult> {
    const result: RetentionResult = { cases: 0, redacted: 0, roomsCleared: 0, roomsPurged: 0 };
    for (const [caseId, link] of Object.entries(this.s.state.data.cases)) {
      if (!this.expired(link, now)) continue;
      try {
        await this.clearCase(caseId, link, result);
        result.cases++;
      } catch (error) {
        // One case Matrix refuses to clear must not keep the others: it is tried again next run.
        if (error instanceof AbortedError || failureKind(error) !== 'permanent') throw error;
        this.s.log.error(`retention: case ${link.number} not cleared: ${describeError(error)}; tried again next run`);
      }
    }
    return result;
  }

  private expired(link: CaseLink, now: number): boolean {
    return Boolean(link.closed && link.closedAt !== undefined && now - link.closedAt >= this.options.afterMs);
  }

  private async clearCase(caseId: string, link: CaseLink, result: RetentionResult): Promise<void> {
    const queue = this.s.queueRoomId();
    result.redacted += await this.redactEach(link.noticeRoomId ?? queue, [link.noticeEventId, ...(link.queuePosted ?? [])]);
    // Posts in a queue room used before MATRIX_QUEUE_ROOM was changed.
    for (const roomId of new Set((link.elsewhere ?? []).map((e) => e.roomId))) {
      result.redacted += await this.redactEach(roomId, link.elsewhere!.filter((e) => e.roomId === roomId).map((e) => e.eventId));
    }
    if (link.directRoomId) result.redacted += await this.redactEach(link.directRoomId, link.dmPosted ?? []);
    if (link.roomId) {
      const cleared = await this.clearCaseRoom(link.roomId, link.posted ?? []);
      result.redacted += cleared.redacted;
      if (cleared.closed) result.roomsCleared++;
      if (cleared.purged) result.roomsPurged++;
      delete this.s.state.data.caseRooms[link.roomId];
    }
    // Forget the case: nothing of it is left in the bot's memory either.
    delete this.s.state.data.cases[caseId];
    for (const chat of Object.values(this.s.state.data.directChats)) {
      for (const [eventId, ratedCase] of Object.entries(chat.ratingPrompts ?? {})) if (ratedCase === caseId) delete chat.ratingPrompts![eventId];
    }
    this.s.state.save();
    this.s.log.debug(`retention: case ${link.number} cleared`);
  }

  /** Redacts the given events; ones already gone or out of reach are skipped. Returns how many. */
  private async redactEach(roomId: string, eventIds: Array<string | undefined>): Promise<number> {
    let count = 0;
    for (const id of new Set(eventIds.filter((e): e is string => Boolean(e)))) {
      if (await this.redact(roomId, id)) count++;
    }
    return count;
  }

  private async redact(roomId: string, eventId: string): Promise<boolean> {
    try {
      // The txn id is derived from the event id: a retry after a crash redacts once.
      await this.s.matrix.redact(roomId, eventId, txnIdFor(`redact:${eventId}`), REASON);
      return true;
    } catch (error) {
      if (!isGone(error)) throw error;
      this.s.log.debug(`retention: ${eventId} not redactable (${(error as { errcode?: string }).errcode})`);
      return false;
    }
  }

  private async clearCaseRoom(roomId: string, posted: string[]): Promise<{ redacted: number; closed: boolean; purged: boolean }> {
    const m = this.s.matrix;
    const members = await m.members(roomId).catch((error) => {
      if (isGone(error)) return undefined;
      throw error;
    });
    if (!members || members[m.userId] !== 'join') {
      // Not in the room any more: only the server admin API can still reach it.
      return { redacted: 0, closed: false, purged: await this.adminPurge(roomId) };
    }
    const power = await roomPower(m, roomId);
    const levels = power.levels;
    const mine = powerOf(power, m.userId);
    // With redact rights the whole conversation goes, not only the bot's part of it.
    const redacted = mine >= (levels.redact ?? 50)
      ? await this.redactEach(roomId, await this.contentEvents(m, roomId))
      : await this.redactEach(roomId, posted);
    if (mine >= (levels.events?.['m.room.history_visibility'] ?? levels.state_default ?? 50)) {
      await m.setState(roomId, 'm.room.history_visibility', { history_visibility: 'joined' });
    }
    if (mine >= (levels.events?.['m.room.join_rules'] ?? levels.state_default ?? 50)) {
      await m.setState(roomId, 'm.room.join_rules', { join_rule: 'invite' });
    }
    if (mine >= (levels.kick ?? 50)) {
      for (const [userId, membership] of Object.entries(members)) {
        if (userId === m.userId || (membership !== 'join' && membership !== 'invite')) continue;
        if (powerOf(power, userId) >= mine) continue; // cannot kick an equal
        await m.kick(roomId, userId, REASON).catch((error) => this.s.log.warn(`retention: kick ${userId}`, (error as Error).message));
      }
    }
    const purged = await this.adminPurge(roomId);
    if (!purged) {
      await m.leave(roomId);
      await m.forget(roomId).catch(() => {});
    }
    return { redacted, closed: true, purged };
  }

  private async contentEvents(m: MatrixApi, roomId: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const event of m.history(roomId)) {
      const redactedAlready = event.unsigned?.redacted_because !== undefined || Object.keys(event.content ?? {}).length === 0;
      if (CONTENT_TYPES.has(event.type) && event.state_key === undefined && !redactedAlready) ids.push(event.event_id);
    }
    return ids;
  }

  private async adminPurge(roomId: string): Promise<boolean> {
    if (!this.adminApi) return false;
    const outcome = await this.s.matrix.adminDeleteRoom(roomId);
    if (outcome === 'refused') {
      this.adminApi = false; // not a server admin: do not ask again for every room
      this.s.log.info('retention: the bot is no Synapse server admin; case rooms are emptied and left, not purged on the server');
    }
    return outcome === 'purged';
  }
}

function isGone(error: unknown): boolean {
  const e = error as { errcode?: string; httpStatus?: number };
  return e?.errcode === 'M_NOT_FOUND' || e?.errcode === 'M_FORBIDDEN' || e?.httpStatus === 404 || e?.httpStatus === 403;
}
