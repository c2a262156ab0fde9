// What the SQLite files on disk do under load and after a purge (security drill D-1, D-2, D-6):
// the WAL stays bounded under sustained writes and is truncated when idle, a large purge leaves
// the event loop free between short transactions, and purged text is gone from the raw bytes of
// the database file and the WAL. Bounds are bytes, counts and ratios, not absolute timings.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { SqlStore } from '../../src/store/sql-store.ts';
import { fileSize, occurrences } from '../helpers/files.ts';
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


const inFiles = (path: string, text: string) => occurrences(path, text) + occurrences(`${path}-wal`, text);

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
        maxWal = Math.max(maxWal, fileSize(`${path}-wal`));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    const pages = (await driver.first<{ page_count: number }>('PRAGMA page_count'))!.page_count;
    expect(pages * 4096).toBeGreaterThan(8 * limit); // the data written is many times the limit
    expect(maxWal).toBeGreaterThan(0);
    expect(maxWal).toBeLessThan(8 * limit);
    expect(await until(() => fileSize(`${path}-wal`) === 0, 5000)).toBe(true);
  });
});

describe('the retention purge', () => {
  it('deletes a large backlog in short transactions and leaves the event loop free in between', async () => {
    const { store, driver } = open();
    const now = Date.now();
    // 1,000 idle conversations with 15 messages and 15 events each (15,000 + 15,000 rows), written directly.
    driver.db.exec('BEGIN');
    const conversation = driver.db.prepare("INSERT INTO conversations (id, token_hash, channel, created_at, last_activity_at) VALUES (?, 'h', 'web', ?, ?)");
    const message = driver.db.prepare("INSERT INTO messages (id, conversation_id, author, text, created_at) VALUES (?, ?, 'assistant', ?, ?)");
    const event = driver.db.prepare("INSERT INTO events (conversation_id, type, payload, created_at) VALUES (?, 'message', ?, ?)");
    for (let c = 0; c < 1000; c++) {
      const id = randomUUID();
      conversation.run(id, now - 40 * DAY, now - 40 * DAY);
      for (let m = 0; m < 15; m++) {
        message.run(randomUUID(), id, ANSWER, now - 40 * DAY);
        event.run(id, ANSWER, now - 40 * DAY);
      }
    }
    driver.db.exec('COMMIT');
    const kept = await converse(store, now, 'Noch aktuell', 2);

    let last = performance.now();
    let longestWait = 0;
    const probe = setInterval(() => {
      const t = performance.now();
      longestWait = Math.max(longestWait, t - last);
      last = t;
    }, 1);
    let transactions = 0;
    const batch = driver.batch.bind(driver);
    driver.batch = async (statements) => (transactions++, batch(statements));
    const started = performance.now();
    const counts = await store.purge({ conversationMs: 30 * DAY }, now);
    const took = performance.now() - started;
    longestWait = Math.max(longestWait, performance.now() - last);
    clearInterval(probe);

    expect(counts).toEqual({ conversations: 1000, messages: 15000, events: 15000, feedback: 0 });
    expect(await store.listMessages(kept)).toHaveLength(4);
    expect(transactions).toBeGreaterThanOrEqual(20);
    // One transaction for everything made the longest wait the whole purge (9.8 s in the drill);
    // now no timer waits for more than a small part of it.
    expect(longestWait).toBeLessThan(Math.max(100, took / 5));
  });
});

describe('deleted means deleted on disk', () => {
  it('leaves no purged text in the raw bytes of the database file and the WAL', async () => {
    const { path, store, driver } = open({ vacuumQuietMs: 50 });
    expect((await driver.first<{ auto_vacuum: number }>('PRAGMA auto_vacuum'))!.auto_vacuum).toBe(2);
    const gone = `Purgemarke-${randomUUID()}`;
    const stays = `Bleibemarke-${randomUUID()}`;
    const now = Date.now();
    // Purged and kept conversations interleaved, so that pages hold both and get rebalanced.
    for (let i = 0; i < 300; i++) await converse(store, i % 3 === 0 ? now : now - 40 * DAY, i % 3 === 0 ? stays : gone, 3);
    await driver.checkpoint();
    expect(inFiles(path, gone)).toBeGreaterThan(1000);

    const counts = await store.purge({ conversationMs: 30 * DAY }, now);
    expect(counts.conversations).toBe(200);
    expect(driver.vacuumDue).toBe(true);
    // No free page is left to hold old content, and the WAL was truncated.
    expect((await driver.first<{ freelist_count: number }>('PRAGMA freelist_count'))!.freelist_count).toBe(0);
    // The file is rewritten at the next quiet moment, which also removes stale copies of moved rows.
    expect(await until(() => !driver.vacuumDue, 10_000)).toBe(true);

    expect(inFiles(path, gone)).toBe(0);
    expect(occurrences(`${path}-shm`, gone)).toBe(0);
    expect(inFiles(path, stays)).toBeGreaterThan(0);
    expect(await driver.first<{ n: number }>("SELECT COUNT(*) AS n FROM messages WHERE text LIKE 'Bleibemarke-%'")).toEqual({ n: 300 });
  });

  it('also for a file created before auto_vacuum, which the first rewrite converts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-files-'));
    const old = new DatabaseSync(join(dir, 'lotse.sqlite'));
    old.exec('PRAGMA journal_mode = WAL; CREATE TABLE earlier (x); DROP TABLE earlier');
    old.close();
    const { path, store, driver } = open({ vacuumQuietMs: 50 }, dir);
    expect((await driver.first<{ auto_vacuum: number }>('PRAGMA auto_vacuum'))!.auto_vacuum).toBe(0);
    const gone = `Altmarke-${randomUUID()}`;
    const now = Date.now();
    for (let i = 0; i < 150; i++) await converse(store, i % 3 === 0 ? now : now - 40 * DAY, i % 3 === 0 ? 'bleibt' : gone, 3);
    await store.purge({ conversationMs: 30 * DAY }, now);
    expect(await until(() => !driver.vacuumDue, 10_000)).toBe(true);
    expect(inFiles(path, gone)).toBe(0);
    const reader = new DatabaseSync(path, { readOnly: true });
    expect(reader.prepare('PRAGMA auto_vacuum').get()).toEqual({ auto_vacuum: 2 });
    reader.close();
  });
});
