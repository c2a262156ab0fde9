// The bot's memory between restarts: where the sync stopped, which events it has handled, and
// which Matrix objects belong to which case. Written atomically (temp file + rename) so a crash
// leaves either the old or the new state, never half of one.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DeadLetter } from './failures.ts';
import type { Urgency } from '../../src/contract/vocabulary.ts';

export type CaseLink = {
  number: string;
  /** The queue notice that is edited in place as the case changes. */
  noticeEventId?: string;
  /** The room the notice is in (the queue room at the time it was posted). */
  noticeRoomId?: string;
  /** The case's posts in an earlier queue room (after MATRIX_QUEUE_ROOM changed), for retention. */
  elsewhere?: Array<{ roomId: string; eventId: string }>;
  roomId?: string;
  claimedBy?: string;
  staffName?: string;
  closed?: boolean;
  /** Events the bot posted in the case room, redacted after the retention period. */
  posted?: string[];
  /** The bot's other events about this case in the queue room: notice edits, reminders, replies naming it. */
  queuePosted?: string[];
  /** The professional's direct chat, when the case came from one, and what the bot posted there for the case. */
  directRoomId?: string;
  dmPosted?: string[];
  /** The bot's reminders about this case in the queue room: ✋ or „!übernehmen“ on one acts on the case. */
  reminders?: string[];
  /** Service message id → the bot's copy of that staff message in the direct chat (to withdraw it). */
  dmMessages?: Record<string, string>;
  closedAt?: number;
};

export type DirectChat = {
  userId: string;
  conversationId?: string;
  token?: string;
  /** Matrix event id of a Lotse answer → id of that answer in the service (for 👍/👎 feedback). */
  answers?: Record<string, string>;
  /** Set when the bot asked for consent to hand over; a plain "ja" then opens the case. */
  consentAsked?: { at: number; urgency: Urgency };
  /** Matrix event id of the closing message → case id (for the 👍/👎 rating of the help). */
  ratingPrompts?: Record<string, string>;
};

export type BotStateData = {
  version: 1;
  syncToken?: string;
  /** Recently handled Matrix event ids (bounded). */
  handled: string[];
  queueRoomId?: string;
  cases: Record<string, CaseLink>;
  /** room id → case id, for case rooms. */
  caseRooms: Record<string, string>;
  /** room id → direct chat with a professional. */
  directChats: Record<string, DirectChat>;
  /** Feed events that could not be delivered and were set aside (see failures.ts). */
  deadLetters?: DeadLetter[];
  nextDeadLetter?: number;
  /** Staff on duty (`!dienst an`): urgent cases mention them. Matrix ids only. */
  roster?: string[];
};

const MAX_HANDLED = 2000;

const empty = (): BotStateData => ({ version: 1, handled: [], cases: {}, caseRooms: {}, directChats: {} });

export class BotState {
  readonly file: string | undefined;
  data: BotStateData;
  private handledSet: Set<string>;

  /** `file` undefined keeps the state in memory only (tests that need no restart). */
  constructor(file?: string) {
    this.file = file;
    this.data = file ? BotState.read(file) : empty();
    this.handledSet = new Set(this.data.handled);
  }

  private static read(file: string): BotStateData {
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as BotStateData;
      return { ...empty(), ...parsed };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty();
      throw new Error(`Zustandsdatei des Matrix-Bots ist beschädigt: ${file} (${(error as Error).message})`);
    }
  }

  hasHandled(eventId: string): boolean {
    return this.handledSet.has(eventId);
  }

  markHandled(eventId: string): void {
    if (this.handledSet.has(eventId)) return;
    this.handledSet.add(eventId);
    this.data.handled.push(eventId);
    while (this.data.handled.length > MAX_HANDLED) this.handledSet.delete(this.data.handled.shift()!);
  }

  caseLink(caseId: string, number: string): CaseLink {
    return (this.data.cases[caseId] ??= { number });
  }

  /** Remembers a bot event that belongs to a case, so the retention job can redact it later. */
  recordPost(caseId: string, where: 'posted' | 'queuePosted' | 'dmPosted', eventId: string): void {
    const link = this.data.cases[caseId];
    if (!link) return;
    const list = (link[where] ??= []);
    if (!list.includes(eventId)) list.push(eventId);
  }

  onDuty(): string[] {
    return [...(this.data.roster ?? [])];
  }

  setOnDuty(userId: string, on: boolean): void {
    const roster = new Set(this.data.roster ?? []);
    if (on) roster.add(userId);
    else roster.delete(userId);
    this.data.roster = [...roster];
  }

  caseIdForRoom(roomId: string): string | undefined {
    return this.data.caseRooms[roomId];
  }

  save(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.file);
  }
}
