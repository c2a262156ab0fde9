// Typing of the holder in a case room → "Die Fachkraft schreibt …" in the asker's chat. Synapse
// reports typing only when it changes (m.typing with the room's typing users), so the bot keeps
// the service's short-lived state alive while the holder types (every RENEW_MS, for at most
// MAX_MS) and ends it when Synapse says the holder stopped. Starts closer together than
// MIN_GAP_MS are merged into one request; a stop always goes out. Typing is a courtesy: a failed
// request is logged at debug level and never retried.
import { describeError } from './failures.ts';
import type { BotServices } from './services.ts';

const RENEW_MS = 20_000;
const MIN_GAP_MS = 3_000;
const MAX_MS = 5 * 60_000;

type RoomTyping = { caseId: string; holder: string; since: number; lastStart: number; timer?: ReturnType<typeof setTimeout> };

export class TypingRelay {
  private readonly s: BotServices;
  private readonly rooms = new Map<string, RoomTyping>();
  /** Requests sent to the service, for tests and the log. */
  sent = 0;

  constructor(services: BotServices) {
    this.s = services;
  }

  /** One m.typing event of a room: `userIds` are the users typing there now. */
  onTyping(roomId: string, userIds: string[]): void {
    const caseId = this.s.state.caseIdForRoom(roomId);
    const link = caseId ? this.s.state.data.cases[caseId] : undefined;
    const holder = link && !link.closed ? link.claimedBy : undefined;
    const typing = holder !== undefined && userIds.includes(holder);
    const current = this.rooms.get(roomId);
    if (typing && !current) {
      const now = Date.now();
      this.rooms.set(roomId, { caseId: caseId!, holder: holder!, since: now, lastStart: 0 });
      this.start(roomId);
    } else if (!typing && current) {
      this.stop(roomId, true);
    }
  }

  /**
   * The holder sent a message: the service ended the typing state with it, so the renewals stop
   * too (clients report the stop themselves; a new start after it is a new m.typing event).
   */
  messageSent(roomId: string, sender: string): void {
    if (this.rooms.get(roomId)?.holder === sender) this.stop(roomId, false);
  }

  /** Sends "typing" now, or at the end of the gap after the last start, then renews it. */
  private start(roomId: string): void {
    const room = this.rooms.get(roomId);
    if (!room) return;
    const now = Date.now();
    if (now - room.since > MAX_MS) return this.stop(roomId, true);
    const wait = room.lastStart + MIN_GAP_MS - now;
    if (wait <= 0) {
      room.lastStart = now;
      this.send(room, true);
    }
    clearTimeout(room.timer);
    room.timer = setTimeout(() => this.start(roomId), wait > 0 ? wait : RENEW_MS);
    room.timer.unref?.();
  }

  private stop(roomId: string, tellService: boolean): void {
    const room = this.rooms.get(roomId);
    if (!room) return;
    clearTimeout(room.timer);
    this.rooms.delete(roomId);
    if (tellService && room.lastStart) this.send(room, false);
  }

  private send(room: RoomTyping, typing: boolean): void {
    this.sent++;
    this.s.lotse.staffTyping(room.caseId, { staffId: room.holder, typing }).catch((error) => {
      this.s.log.debug(`typing for case ${room.caseId} not passed on: ${describeError(error)}`);
    });
  }

  /** Ends every renewal (bot stops); the service lets the state run out by itself. */
  close(): void {
    for (const roomId of [...this.rooms.keys()]) this.stop(roomId, false);
  }
}
