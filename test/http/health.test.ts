// /healthz on Node tells how the store's files and the disk are now: sizes against the WAL's
// bound, the checkpoint thread, the last retention purge, free space. A fault in any of them is
// reported beside the web chat's state (which stays 200 while it can answer).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteDriver } from '../../src/store/sqlite-driver.ts';
import { apiClient, startTestServer, type TestServer } from '../helpers/server.ts';

const DAY = 24 * 3600 * 1000;
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('/healthz on Node', () => {
  it('reports the store files, the disk and the last purge with their real figures', async () => {
    server = await startTestServer({ RETENTION_CONVERSATION_DAYS: '1' });
    const api = apiClient(server.url);
    const driver = server.store.db as SqliteDriver;
    // Old conversations written straight into the file, so the next purge has something to do.
    const old = Date.now() - 3 * DAY;
    const insert = driver.db.prepare("INSERT INTO conversations (id, token_hash, channel, created_at, last_activity_at) VALUES (?, 'h', 'web', ?, ?)");
    const message = driver.db.prepare("INSERT INTO messages (id, conversation_id, author, text, created_at) VALUES (?, ?, 'user', 'Frage', ?)");
    for (let i = 0; i < 30; i++) {
      const id = randomUUID();
      insert.run(id, old, old);
      message.run(randomUUID(), id, old);
    }
    await server.retention.runNow();

    const res = await api('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.json.status).toBe('ok');
    const { store, disk } = res.json;
    expect(store.state).toBe('ok');
    expect(store.walLimitMB).toBeCloseTo(driver.walLimitBytes / 1e6, 1);
    expect(store.dbMB).toBeGreaterThan(0);
    expect(store.walMB).toBeGreaterThanOrEqual(0);
    expect(store.lastPurge.deleted).toBe(60); // 30 conversations and their 30 messages
    expect(store.lastPurge.loopDelayMaxMs).toBeGreaterThanOrEqual(0);
    expect(store.lastPurge.loopDelayMaxMsBefore).toBeGreaterThanOrEqual(0);
    expect(Date.parse(store.lastPurge.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(disk.freeMB).toBeGreaterThan(0);
    expect(['ok', 'low']).toContain(disk.state);
    expect(JSON.stringify(res.json)).not.toContain(server.dataDir);
  });

  it('says so when the checkpoint thread has died, and keeps answering', async () => {
    server = await startTestServer();
    const api = apiClient(server.url);
    const driver = server.store.db as SqliteDriver;
    expect((await api('GET', '/healthz')).json.store.state).toBe('ok');
    await (driver as unknown as { checkpointer: { terminate(): Promise<number> } }).checkpointer.terminate();
    const res = await api('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.json.store.state).toBe('degraded');
    expect(res.json.store.reason).toMatch(/Checkpoint/);
    const { json: c } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    expect((await api('POST', `/api/conversations/${c.id}/messages`, { token: c.token, body: { text: 'Was tun bei blauen Flecken?' } })).status).toBe(200);
  });

  it('says so when the last purge failed', async () => {
    server = await startTestServer();
    const api = apiClient(server.url);
    // A real SQLite error: a table the purge deletes from is gone.
    (server.store.db as SqliteDriver).db.exec('DROP TABLE feedback');
    await server.retention.runNow();
    const res = await api('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.json.store.state).toBe('degraded');
    expect(res.json.store.lastPurge.failed).toBe(true);
    expect(JSON.stringify(res.json)).not.toContain('no such table');
  });
});
