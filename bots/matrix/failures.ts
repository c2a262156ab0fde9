// What the bot does with a failure it cannot retry away: one line for the operator's log, a
// German reason for staff, and the dead-letter book — feed events set aside so that the feed can
// move on, kept in the bot's state file until staff retry or discard them (!fehler, !erneut,
// !verwerfen). The book holds ids, the case number and the reason, never message text: a retry
// reads the event again from the service.
import { failureKind } from './backoff.ts';
import type { BotState } from './state.ts';

type ErrorLike = { errcode?: string; httpStatus?: number; error?: string; code?: string; name?: string; message?: string; cause?: unknown };

/** One line, no stack: `M_FORBIDDEN 403: You don't have permission …`. */
export function describeError(error: unknown): string {
  if (error === null || typeof error !== 'object') return String(error);
  const e = error as ErrorLike;
  if (e.errcode || typeof e.httpStatus === 'number') {
    const code = [e.errcode, e.httpStatus].filter((v) => v !== undefined && v !== '').join(' ');
    // MatrixError's message repeats status and URL; its `error` field is the homeserver's words.
    const text = e.error ?? (e.name === 'LotseError' ? `${e.code}: ${e.message}` : e.message);
    return oneLine(`${e.name === 'LotseError' ? 'service ' : ''}${code}: ${text ?? ''}`);
  }
  // Network errors hide the reason in their causes (ConnectionError → TypeError → ECONNREFUSED …).
  let text = `${e.name ?? 'Error'}: ${e.message ?? ''}`;
  for (let c = e.cause as ErrorLike | undefined, depth = 0; c && typeof c === 'object' && depth < 4; c = c.cause as ErrorLike | undefined, depth++) {
    for (const part of [c.code, c.message]) if (typeof part === 'string' && part && !text.includes(part)) text += ` (${part})`;
  }
  return oneLine(text);
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}…` : flat;
}

/** A short code for lists: the Matrix errcode, else the HTTP status, else the error's name. */
export function errorCode(error: unknown): string {
  const e = error as ErrorLike;
  if (e?.errcode) return e.errcode;
  if (typeof e?.httpStatus === 'number') return `HTTP ${e.httpStatus}`;
  return e?.name ?? 'Error';
}

/** Why it failed, in German, for staff (and the health endpoint). */
export function reasonDe(error: unknown): string {
  const e = error as ErrorLike;
  const status = e?.httpStatus;
  if (failureKind(error) === 'transient') {
    if (e?.errcode === 'M_LIMIT_EXCEEDED' || status === 429) return 'der Homeserver bremst den Bot (Rate-Limit)';
    if (typeof status === 'number') return e?.name === 'LotseError' ? `der Lotse-Dienst hat einen Fehler gemeldet (${status})` : `der Homeserver hat einen Fehler gemeldet (${status})`;
    return 'keine Verbindung (Homeserver oder Lotse-Dienst nicht erreichbar)';
  }
  if (e?.name === 'LotseError') {
    if (status === 404) return 'den Fall gibt es im Lotse-Dienst nicht (mehr)';
    if (status === 401 || status === 403) return 'der Lotse-Dienst lehnt den Bot ab (STAFF_TOKEN prüfen)';
    return `der Lotse-Dienst lehnt die Anfrage ab (${status} ${e.code ?? ''})`.replace(/ \)$/, ')');
  }
  switch (e?.errcode) {
    case 'M_FORBIDDEN':
      return 'der Bot darf dort nicht schreiben oder ist kein Mitglied (mehr) (M_FORBIDDEN)';
    case 'M_NOT_FOUND':
      return 'den Raum oder die Nachricht gibt es nicht (mehr) (M_NOT_FOUND)';
    case 'M_UNKNOWN_TOKEN':
    case 'M_MISSING_TOKEN':
      return `die Anmeldung des Bots gilt nicht mehr (${e.errcode})`;
    case 'M_USER_DEACTIVATED':
      return 'das Konto des Bots ist deaktiviert (M_USER_DEACTIVATED)';
    case 'M_TOO_LARGE':
      return 'die Nachricht ist für den Homeserver zu groß (M_TOO_LARGE)';
  }
  if (/same room/i.test(e?.error ?? '')) return `die zu bearbeitende Meldung liegt in einem anderen Raum — wurde der Warteraum gewechselt? (${errorCode(error)})`;
  if (typeof status === 'number') return `der Homeserver lehnt die Anfrage ab (${errorCode(error)}${e.error ? `: ${oneLine(e.error).slice(0, 120)}` : ''})`;
  return `interner Fehler des Bots (${e?.name ?? 'Error'})`;
}

// --- dead letters --------------------------------------------------------------------------------

export type DeliveryTarget = 'queue' | 'case' | 'direct';

export type DeadLetter = {
  /** The number staff type: `!erneut 3`. */
  n: number;
  /** The service's feed event id. */
  eventId: number;
  type: string;
  caseId: string | null;
  /** KS-… when known. */
  number?: string;
  /** Where the post should have gone. */
  target?: DeliveryTarget;
  roomId?: string;
  code: string;
  /** German, for staff. */
  reason: string;
  attempts: number;
  firstAt: number;
  lastAt: number;
  /** The room in which staff were told, when they could be. */
  reportedIn?: string;
};

export type DeadLetterFailure = Pick<DeadLetter, 'eventId' | 'type' | 'caseId' | 'number' | 'target' | 'roomId' | 'code' | 'reason'>;

/** Oldest entries beyond this are dropped (and logged): the state file must not grow without end. */
export const MAX_DEAD_LETTERS = 1000;

export class DeadLetterBook {
  private readonly state: BotState;

  constructor(state: BotState) {
    this.state = state;
  }

  private get letters(): DeadLetter[] {
    return (this.state.data.deadLetters ??= []);
  }

  get count(): number {
    return this.letters.length;
  }

  /** Oldest first. */
  list(): DeadLetter[] {
    return [...this.letters].sort((a, b) => a.eventId - b.eventId);
  }

  get(n: number): DeadLetter | undefined {
    return this.letters.find((l) => l.n === n);
  }

  forEvent(eventId: number): DeadLetter | undefined {
    return this.letters.find((l) => l.eventId === eventId);
  }

  /**
   * Records a failure: a new letter for an event not set aside before, else the existing one
   * with one more attempt and the latest reason. `dropped` is an old letter pushed out by the cap.
   */
  record(failure: DeadLetterFailure, now = Date.now()): { letter: DeadLetter; isNew: boolean; dropped?: DeadLetter } {
    const existing = this.forEvent(failure.eventId);
    if (existing) {
      Object.assign(existing, { ...failure, number: failure.number ?? existing.number, attempts: existing.attempts + 1, lastAt: now });
      return { letter: existing, isNew: false };
    }
    const n = (this.state.data.nextDeadLetter ??= 1);
    this.state.data.nextDeadLetter = n + 1;
    const letter: DeadLetter = { n, ...failure, attempts: 1, firstAt: now, lastAt: now };
    this.letters.push(letter);
    const dropped = this.letters.length > MAX_DEAD_LETTERS ? this.letters.shift() : undefined;
    return { letter, isNew: true, dropped };
  }

  remove(n: number): DeadLetter | undefined {
    const i = this.letters.findIndex((l) => l.n === n);
    return i < 0 ? undefined : this.letters.splice(i, 1)[0];
  }
}
