// A store that cannot write (no space left) must be reported truthfully: a German 503 that still
// names 110/112, /healthz says what is wrong, and the service recovers by itself once writing
// works again. Two ways to run out of space, both real SQLite:
// - a page limit on the writing connection (PRAGMA max_page_count), which runs everywhere;
// - a 2 MiB tmpfs filled up, where the test may mount one (root on Linux), else skipped.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startLotse } from '../../src/node/start.ts';
import type { SqliteDriver } from '../../src/store/sqlite-driver.ts';
import { apiClient, startTestServer } from '../helpers/server.ts';

const NOISE = 'Ich mache mir Sorgen um ein Kind aus meiner Gruppe, es wirkt sehr verängstigt. '.repeat(45); // ~3.6 KB

async function postUntil503(api: ReturnType<typeof apiClient>, id: string, token: string, max = 200) {
  for (let i = 0; i < max; i++) {
    const res = await api('POST', `/api/conversations/${id}/messages`, { token, body: { text: `${NOISE} ${i}`, clientId: `k${i}` } });
    if (res.status !== 200) return { res, sent: i };
  }
  throw new Error('the store never ran full');
}

async function healthy(api: ReturnType<typeof apiClient>, tries = 30) {
  for (let i = 0; i < tries; i++) {
    const h = await api('GET', '/healthz');
    if (h.status === 200) return h;
    await new Promise((r) => setTimeout(r, 1100));
  }
  return api('GET', '/healthz');
}

describe('store full (page limit)', () => {
  it('answers 503 with 110/112, reports it in /healthz and recovers without a restart', async () => {
    const server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '0' });
    try {
      const api = apiClient(server.url);
      const { json: c } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
      const db = (server.store.db as SqliteDriver).db;
      const pages = (db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count;
      db.exec(`PRAGMA max_page_count = ${pages + 2}`);
      const { res } = await postUntil503(api, c.id, c.token);
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe('unavailable');
      expect(res.json.error.message).toMatch(/Speicher/);
      expect(res.json.error.message).toMatch(/110/);
      expect(res.json.error.message).toMatch(/112/);
      expect(res.headers.get('retry-after')).toBeTruthy();
      const health = await api('GET', '/healthz');
      expect(health.status).toBe(503);
      expect(health.json.error.code).toBe('storage_full');
      // Reading still works while writing does not.
      expect((await api('GET', `/api/conversations/${c.id}`, { token: c.token })).status).toBe(200);
      db.exec('PRAGMA max_page_count = 1073741823');
      expect((await healthy(api)).status).toBe(200);
      const after = await api('POST', `/api/conversations/${c.id}/messages`, { token: c.token, body: { text: 'Und jetzt?' } });
      expect(after.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

// Mounting needs root and a kernel that allows it in this container.
function mountTmpfs(dir: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
    return undefined;
  } catch (error) {
    return `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]})`;
  }
}

const mountPoint = mkdtempSync(join(tmpdir(), 'lotse-full-'));
const cannotMount = process.platform === 'linux' ? mountTmpfs(mountPoint) : 'not Linux';
afterAll(() => {
  if (!cannotMount) execFileSync('umount', [mountPoint], { stdio: 'ignore' });
  rmSync(mountPoint, { recursive: true, force: true });
});

describe.skipIf(Boolean(cannotMount))(`disk full on a 2 MiB tmpfs${cannotMount ? ` — skipped: ${cannotMount}` : ''}`, () => {
  it('answers 503 with 110/112 while the disk is full, health says so, and it recovers once space is back', async () => {
    const dataDir = join(mountPoint, 'data');
    const server = await startLotse({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0' });
    const filler = join(mountPoint, 'filler');
    try {
      const api = apiClient(server.url);
      const { json: c } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
      const free = statfsSync(mountPoint).bavail * statfsSync(mountPoint).bsize;
      writeFileSync(filler, Buffer.alloc(Math.max(0, free - 300 * 1024)));
      const { res, sent } = await postUntil503(api, c.id, c.token);
      expect(sent).toBeGreaterThan(0);
      expect(res.status).toBe(503);
      expect(res.json.error.message).toMatch(/110/);
      const health = await api('GET', '/healthz');
      expect(health.status).toBe(503);
      expect(health.json.error.code).toBe('storage_full');
      rmSync(filler);
      expect((await healthy(api)).status).toBe(200);
      expect((await api('POST', `/api/conversations/${c.id}/messages`, { token: c.token, body: { text: 'Geht es wieder?' } })).status).toBe(200);
      // Nothing half-written: every stored user message has its reply.
      const history = await api('GET', `/api/conversations/${c.id}`, { token: c.token });
      const authors = history.json.messages.map((m: { author: string }) => m.author);
      expect(authors.filter((a: string) => a === 'user').length).toBe(authors.filter((a: string) => a === 'assistant').length);
    } finally {
      rmSync(filler, { force: true });
      await server.close();
    }
  });
});

/**
 * Fills the disk with `filler` until less than `leaveBytes` are free. The server may write at the
 * same moment, so the disk can run full before the last chunk: that is the goal, not an error.
 */
function fillUntil(mount: string, filler: string, leaveBytes: number): void {
  const fd = openSync(filler, 'w');
  try {
    for (;;) {
      const fs = statfsSync(mount);
      const free = fs.bavail * fs.bsize;
      if (free < leaveBytes) return;
      try {
        writeSync(fd, Buffer.alloc(Math.min(256 * 1024, free - leaveBytes / 2)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return;
        throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}

const earlyMount = mkdtempSync(join(tmpdir(), 'lotse-low-'));
const cannotMountEarly = process.platform === 'linux' ? mountTmpfs(earlyMount) : 'not Linux';
afterAll(() => {
  if (!cannotMountEarly) execFileSync('umount', [earlyMount], { stdio: 'ignore' });
  rmSync(earlyMount, { recursive: true, force: true });
});

describe.skipIf(Boolean(cannotMountEarly))(`a disk that fills while nobody writes${cannotMountEarly ? ` — skipped: ${cannotMountEarly}` : ''}`, () => {
  it('turns /healthz to 503 before the first message fails, names the free space, and clears once space is back', async () => {
    const server = await startLotse({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(earlyMount, 'data'), LOG_LEVEL: 'silent', RATE_LIMIT_IP_PER_MINUTE: '0' });
    const filler = join(earlyMount, 'filler');
    try {
      const api = apiClient(server.url);
      const before = await api('GET', '/healthz');
      expect(before.status).toBe(200);
      expect(before.json.disk.state).toBe('low'); // 2 MiB is far below what a rewrite needs
      expect(before.json.disk.reason).toMatch(/MB frei/);
      // Another program fills the disk; the Lotse has not written since.
      fillUntil(earlyMount, filler, 16 * 1024);
      await new Promise((resolve) => setTimeout(resolve, 1100)); // the probe runs at most once a second
      const full = await api('GET', '/healthz');
      expect(full.status).toBe(503);
      expect(full.json.error.code).toBe('storage_full');
      expect(full.json.disk.freeMB).toBeLessThan(0.1);
      rmSync(filler);
      expect((await healthy(api)).status).toBe(200);
    } finally {
      rmSync(filler, { force: true });
      await server.close();
    }
  });
});
