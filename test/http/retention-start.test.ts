// A start after a long downtime finds a large backlog for the retention purge (security drill
// D-2): the service listens and answers at once, and the purge runs beside the requests.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startLotse, type RunningLotse } from '../../src/node/start.ts';
import { openSqliteStoreDriver } from '../../src/store/sqlite-driver.ts';

let running: RunningLotse | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await running?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  running = dataDir = undefined;
});

it('listens before the purge has finished, answers while it runs, and the purge completes', async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'lotse-start-'));
  const old = Date.now() - 400 * 24 * 3600 * 1000;
  const driver = openSqliteStoreDriver(join(dataDir, 'lotse.sqlite'));
  driver.db.exec('BEGIN');
  const conversation = driver.db.prepare("INSERT INTO conversations (id, token_hash, channel, created_at, last_activity_at) VALUES (?, 'h', 'web', ?, ?)");
  const message = driver.db.prepare("INSERT INTO messages (id, conversation_id, author, text, created_at) VALUES (?, ?, 'user', 'Frage', ?)");
  for (let c = 0; c < 2000; c++) {
    const id = randomUUID();
    conversation.run(id, old, old);
    for (let m = 0; m < 5; m++) message.run(randomUUID(), id, old);
  }
  driver.db.exec('COMMIT');
  await driver.close();

  running = await startLotse({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0' });
  const left = async () => (await running!.store.db.first<{ n: number }>('SELECT COUNT(*) AS n FROM conversations'))!.n;
  // The first purge transaction may have run; the rest waits for the event loop.
  expect(await left()).toBeGreaterThan(1000);
  const health = await fetch(`${running.url}/healthz`);
  expect(health.status).toBe(200);
  const deadline = Date.now() + 20_000;
  while ((await left()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await left()).toBe(0);
});
