// The bot's failure handling without a homeserver: which failures are retried and how long it
// waits, what the operator's log line and the staff's reason say, and the dead-letter book.
// Errors are the SDK's own (MatrixError as the SDK builds it from a response, ConnectionError
// from a real request to a closed port); nothing is mocked.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatrixError } from 'matrix-js-sdk';
import { describe, expect, it } from 'vitest';
import { AbortedError, backoffDelay, failureKind, withRetry } from '../../bots/matrix/backoff.ts';
import { DeadLetterBook, describeError, MAX_DEAD_LETTERS, reasonDe } from '../../bots/matrix/failures.ts';
import { loadBotConfig } from '../../bots/matrix/config.ts';
import { createLogger } from '../../bots/matrix/log.ts';
import { MatrixApi } from '../../bots/matrix/matrix-api.ts';
import { LotseError } from '../../bots/matrix/lotse-api.ts';
import { BotState } from '../../bots/matrix/state.ts';
import { freePort } from '../setup/synapse.ts';

const forbidden = () => new MatrixError({ errcode: 'M_FORBIDDEN', error: "You don't have permission to post that to the room. user_level (0) < send_level (50)" }, 403, 'http://hs/_matrix/client/v3/rooms/!q/send/m.room.message/lotse-abc');
const otherRoom = () => new MatrixError({ errcode: 'M_UNKNOWN', error: 'Relations must be in the same room' }, 400);
const limited = (ms: number) => new MatrixError({ errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', retry_after_ms: ms }, 429);

/** A real ConnectionError: the bot's SDK client asking a port nobody listens on. */
async function connectionError(): Promise<unknown> {
  const port = await freePort();
  const config = loadBotConfig({ MATRIX_HOMESERVER_URL: `http://127.0.0.1:${port}`, MATRIX_ACCESS_TOKEN: 'x', MATRIX_USER_ID: '@bot:localhost', MATRIX_QUEUE_ROOM: '!q', MATRIX_STAFF_USERS: '@a:localhost', STAFF_TOKEN: 'staff-token-for-tests-only-0123456789' });
  const api = await MatrixApi.connect(config, createLogger('silent'));
  return api.sync(undefined, 0).then(() => undefined, (e: unknown) => e);
}

describe('back-off', () => {
  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n))).toEqual([250, 500, 1000, 2000, 4000]);
    expect(backoffDelay(20)).toBe(30_000);
    expect([1, 2, 3, 6, 7].map((n) => backoffDelay(n, { baseMs: 2000, maxMs: 60_000 }))).toEqual([2000, 4000, 8000, 60_000, 60_000]);
  });

  it('retries network errors, 5xx and rate limits; gives up at once on other refusals and on the bot’s own errors', async () => {
    expect(failureKind(await connectionError())).toBe('transient');
    expect(failureKind(new MatrixError({ errcode: 'M_UNKNOWN', error: 'Internal server error' }, 502))).toBe('transient');
    expect(failureKind(limited(100))).toBe('transient');
    expect(failureKind(new LotseError(503, 'unavailable', 'x'))).toBe('transient');
    expect(failureKind(forbidden())).toBe('permanent');
    expect(failureKind(new MatrixError({ errcode: 'M_NOT_FOUND', error: 'Unknown room' }, 404))).toBe('permanent');
    expect(failureKind(otherRoom())).toBe('permanent');
    expect(failureKind(new LotseError(404, 'not_found', 'Fall nicht gefunden'))).toBe('permanent');
    expect(failureKind(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe('permanent');
    expect(failureKind(Object.assign(new Error('aborted'), { name: 'AbortError' }))).toBe('aborted');
  });

  it('waits base, 2×base … between tries and returns the first success', async () => {
    let calls = 0;
    const delays: number[] = [];
    const value = await withRetry(async () => {
      if (++calls < 4) throw new MatrixError({ errcode: 'M_UNKNOWN', error: 'Bad gateway' }, 502);
      return 'posted';
    }, { baseDelayMs: 5, onRetry: (_e, ms) => delays.push(ms) });
    expect(value).toBe('posted');
    expect(calls).toBe(4);
    expect(delays).toEqual([5, 10, 20]);
  });

  it('honours retry_after_ms of a rate limit', async () => {
    let calls = 0;
    const started = Date.now();
    await withRetry(async () => {
      if (++calls === 1) throw limited(120);
    }, { baseDelayMs: 1 });
    expect(calls).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('does not retry M_FORBIDDEN, and stops after the allowed attempts of a transient failure', async () => {
    let calls = 0;
    const error = forbidden();
    await expect(withRetry(async () => { calls++; throw error; }, { baseDelayMs: 1 })).rejects.toBe(error);
    expect(calls).toBe(1);
    calls = 0;
    await expect(withRetry(async () => { calls++; throw await connectionError(); }, { baseDelayMs: 1, attempts: 3 })).rejects.toMatchObject({ name: 'ConnectionError' });
    expect(calls).toBe(3);
  });

  it('ends a wait at once when the bot stops', async () => {
    const abort = new AbortController();
    const pending = withRetry(async () => { throw limited(60_000); }, { signal: abort.signal });
    setTimeout(() => abort.abort(), 20);
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
  });
});

describe('what the operator and staff are told', () => {
  it('gives the operator one line with code and the homeserver’s words, no stack and no URL', async () => {
    const line = describeError(forbidden());
    expect(line).toBe("M_FORBIDDEN 403: You don't have permission to post that to the room. user_level (0) < send_level (50)");
    expect(describeError(await connectionError())).toMatch(/^ConnectionError: fetch failed.*ECONNREFUSED/);
    expect(describeError(new LotseError(404, 'not_found', 'Fall nicht gefunden'))).toBe('service 404: not_found: Fall nicht gefunden');
    const written: string[] = [];
    createLogger('info', 'matrix-bot', (l) => written.push(l)).error('feed:', new TypeError('boom'));
    expect(written).toEqual(['[matrix-bot] error: feed: TypeError: boom']);
  });

  it('tells staff in German why, including the room that changed', () => {
    expect(reasonDe(forbidden())).toContain('darf dort nicht schreiben');
    expect(reasonDe(otherRoom())).toContain('anderen Raum');
    expect(reasonDe(new MatrixError({ errcode: 'M_NOT_FOUND', error: 'x' }, 404))).toContain('gibt es nicht (mehr)');
    expect(reasonDe(limited(10))).toContain('Rate-Limit');
    expect(reasonDe(new RangeError('x'))).toBe('interner Fehler des Bots (RangeError)');
  });
});

describe('dead-letter book', () => {
  const failure = (eventId: number) => ({ eventId, type: 'case.opened', caseId: `c${eventId}`, number: `KS-2026-000${eventId}`, target: 'queue' as const, roomId: '!q', code: 'M_FORBIDDEN', reason: 'r' });

  it('numbers letters for staff, counts repeated failures of one event on its letter, never reuses a number', () => {
    const book = new DeadLetterBook(new BotState());
    const first = book.record(failure(7), 1000);
    expect(first).toMatchObject({ isNew: true, letter: { n: 1, eventId: 7, attempts: 1 } });
    const again = book.record({ ...failure(7), code: 'M_NOT_FOUND' }, 2000);
    expect(again).toMatchObject({ isNew: false, letter: { n: 1, attempts: 2, code: 'M_NOT_FOUND', firstAt: 1000, lastAt: 2000 } });
    book.record(failure(9));
    expect(book.list().map((l) => l.n)).toEqual([1, 2]);
    expect(book.remove(1)?.eventId).toBe(7);
    expect(book.remove(1)).toBeUndefined();
    expect(book.record(failure(11)).letter.n).toBe(3);
    expect(book.count).toBe(2);
  });

  it('survives a restart in the state file, without message text', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lotse-dl-')), 'state.json');
    const state = new BotState(file);
    new DeadLetterBook(state).record(failure(4));
    state.save();
    const reloaded = new DeadLetterBook(new BotState(file));
    expect(reloaded.list()).toEqual([expect.objectContaining({ n: 1, eventId: 4, number: 'KS-2026-0004', target: 'queue' })]);
    expect(reloaded.record(failure(5)).letter.n).toBe(2);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')).deadLetters[0]).sort()).toEqual(['attempts', 'caseId', 'code', 'eventId', 'firstAt', 'lastAt', 'n', 'number', 'reason', 'roomId', 'target', 'type']);
  });

  it('keeps at most the maximum, dropping the oldest', () => {
    const book = new DeadLetterBook(new BotState());
    let dropped;
    for (let i = 1; i <= MAX_DEAD_LETTERS + 1; i++) dropped = book.record(failure(i)).dropped ?? dropped;
    expect(book.count).toBe(MAX_DEAD_LETTERS);
    expect(dropped?.eventId).toBe(1);
  });
});
