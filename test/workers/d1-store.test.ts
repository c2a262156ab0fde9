// The Store contract on Cloudflare D1: SqlStore over D1Driver, talking (through Miniflare's
// binding proxy) to workerd's real D1 with the migrations wrangler applies. Same cases as node:sqlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/store/driver.ts';
import { SqlStore } from '../../src/store/sql-store.ts';
import { D1Driver } from '../../src/workers/d1-driver.ts';
import type { D1Database } from '../../src/workers/bindings.ts';
import { storeCases } from '../helpers/store-cases.ts';
import { startTestWorker, type TestWorker } from './worker-harness.ts';

let worker: TestWorker;
let db: D1Database;

beforeAll(async () => {
  worker = await startTestWorker();
  db = (await worker.server.getWorker().getEnv()).DB as D1Database;
});
afterAll(async () => {
  await worker?.close();
});

/** Empties every table the migrations created, so each case starts from a fresh store. */
async function emptyStore(): Promise<SqlStore> {
  const driver = new D1Driver(db);
  const tables = await driver.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
  );
  // Children first, so foreign keys never object.
  const order = (name: string) => (name === 'conversations' ? 1 : 0);
  for (const { name } of tables.sort((a, b) => order(a.name) - order(b.name))) await driver.run(`DELETE FROM "${name}"`);
  return new SqlStore(driver);
}

describe('D1', () => {
  storeCases(emptyStore, async () => {});

  it('maps a D1 constraint failure so isUniqueViolation recognises it, in run and in batch', async () => {
    const driver = new D1Driver(db);
    await driver.run('INSERT INTO conversations (id, token_hash, channel, created_at, last_activity_at) VALUES (?, ?, ?, ?, ?)', ['dup', 'h', 'web', 1, 1]);
    const again = () => driver.run('INSERT INTO conversations (id, token_hash, channel, created_at, last_activity_at) VALUES (?, ?, ?, ?, ?)', ['dup', 'h', 'web', 1, 1]);
    const single = await again().catch((e: unknown) => e);
    expect(isUniqueViolation(single)).toBe(true);
    const inBatch = await driver.batch([{ sql: 'INSERT INTO conversations (id, token_hash, channel, created_at, last_activity_at) VALUES (?, ?, ?, ?, ?)', params: ['dup', 'h', 'web', 1, 1] }]).catch((e: unknown) => e);
    expect(isUniqueViolation(inBatch)).toBe(true);
    const syntax = await driver.run('SELEKT 1').catch((e: unknown) => e);
    expect(isUniqueViolation(syntax)).toBe(false);
    expect((syntax as Error).message).toMatch(/syntax/i);
  });
});
