// What the SQLite files on disk do under load (security drill D-1): the WAL stays bounded under
// sustained writes and is truncated when idle. Bounds are bytes, not timings.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqlStore } from '../../src/store/sql-store.ts';
import { openSqliteStoreDriver, SqliteDriver, type SqliteDriverOptions } from '../../src/store/sqlite-driver.ts';

const DAY = 24 * 3600 * 1000;
const MIB = 1024 * 1024;
const ANSWER = 'Sprechen Sie zuerst mit einer insoweit erfahrenen Fachkraft und dokumentieren Sie Ihre Beobachtungen. '.repeat(16);

const dirs: string[] = [];
const drivers: SqliteDriver[] = [];
afterEach(async () => {
  for (const driver of drivers.splice(0)) await driver.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function open(options: SqliteDriverOptions = {}, dir = mkdtempSync(join(tmpdir(), 'lotse-files-'))) {
  dirs.push(dir);
  const path = join(dir, 'lotse.sqlite');
  const driver = openSqliteStoreDriver(path, options);
  drivers.push(driver);
  return { path, driver, store: new SqlStore(driver) };
}

const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

/** One conversation with `exchanges` question/answer pairs, their events, a rating and the last query. */
async function converse(store: SqlStore, at: number, question: string, exchanges: number): Promise<string> {
  const id = randomUUID();
  await store.createConversation({ id, tokenHash: 'h', channel: 'web', role: null, region: null, context: {}, privacyNoticeShown: false, createdAt: at, lastActivityAt: at });
  for (let n = 0; n < exchanges; n++) {
    const user = { id: randomUUID(), conversationId: id, author: 'user' as const, text: `${question} (${n})`, reply: null, clientId: null, replyTo: null, createdAt: at };
    const answer = { id: randomUUID(), conversationId: id, author: 'assistant' as const, text: ANSWER, reply: { text: ANSWER }, clientId: null, replyTo: user.id, createdAt: at };
    await store.saveExchange({
      conversationId: id, now: at, messages: [user, answer],
      events: [user, answer].map((m) => ({ conversationId: id, caseId: null, type: 'message', payload: m })),
      conversation: { context: { lastQuery: user.text } },
    });
    if (n === 0) await store.saveFeedback({ id: randomUUID(), conversationId: id, messageId: answer.id, rating: 'down', comment: `${question} – unklar`, createdAt: at });
  }
  return id;
}

describe('the write-ahead log under sustained writes', () => {
  it('stays near its limit while writes go on, and is truncated to zero once they stop', async () => {
    const limit = 1 * MIB;
    const { path, store, driver } = open({ walLimitBytes: limit, checkpointIntervalMs: 20, idleTruncateMs: 300 });
    let maxWal = 0;
    const now = Date.now();
    // 1,500 exchanges write about 40 MB of WAL frames: without a bound the log holds all of it.
    for (let i = 0; i < 1500; i++) {
      await converse(store, now, `Frage ${i}`, 1);
      if (i % 10 === 9) {
        maxWal = Math.max(maxWal, size(`${path}-wal`));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    const pages = (await driver.first<{ page_count: number }>('PRAGMA page_count'))!.page_count;
    expect(pages * 4096).toBeGreaterThan(8 * limit); // the data written is many times the limit
    expect(maxWal).toBeGreaterThan(0);
    expect(maxWal).toBeLessThan(8 * limit);
    expect(await until(() => size(`${path}-wal`) === 0, 5000)).toBe(true);
  });
});
