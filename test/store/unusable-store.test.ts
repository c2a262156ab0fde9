// `npm start` with a database it cannot use, or a port already taken, ends with one German line
// that says what is wrong and where, with exit code 1 and no stack trace. A file damaged in the
// middle is found at the start (PRAGMA quick_check), not by the first request that touches it.
import { execFileSync, spawn } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqlStore } from '../../src/store/sql-store.ts';
import { openSqliteStoreDriver } from '../../src/store/sqlite-driver.ts';
import { PROJECT_ROOT } from '../../src/node/paths.ts';

const root = mkdtempSync(join(tmpdir(), 'lotse-unusable-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'src/main.ts')], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env },
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    // A start that succeeds would keep running: stop it, the test then fails on the exit code.
    const timer = setTimeout(() => child.kill('SIGTERM'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr: stderr.trim(), stdout });
    });
  });
}

function expectOneLine(result: { code: number | null; stderr: string }, ...patterns: RegExp[]) {
  expect(result.code).toBe(1);
  expect(result.stderr.split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at |Error:|errcode/);
  for (const p of patterns) expect(result.stderr).toMatch(p);
}

async function databaseWithRows(dir: string, rows: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'lotse.sqlite');
  const store = new SqlStore(openSqliteStoreDriver(path));
  for (let i = 0; i < rows; i++) {
    await store.createConversation({ id: `c${i}`, tokenHash: 'h', channel: 'web', role: null, region: null, context: { filler: 'x'.repeat(400) }, privacyNoticeShown: false, createdAt: i, lastActivityAt: Date.now() });
  }
  await store.db.close?.();
  return path;
}

describe('an unusable store at start', () => {
  it('random bytes instead of a database', async () => {
    const dir = join(root, 'random');
    mkdirSync(dir);
    writeFileSync(join(dir, 'lotse.sqlite'), randomFillSync(Buffer.alloc(64 * 1024)));
    expectOneLine(await start({ DATA_DIR: dir }), /keine SQLite-Datei|beschädigt/, new RegExp(join(dir, 'lotse.sqlite').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), /Sicherung/);
  });

  it('a database cut in half', async () => {
    const dir = join(root, 'truncated');
    const path = await databaseWithRows(dir, 2000);
    const size = statSync(path).size;
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    expectOneLine(await start({ DATA_DIR: dir }), /beschädigt/, /lotse\.sqlite/);
  });

  it('pages overwritten in the middle of the file are found before any request', async () => {
    const dir = join(root, 'mid-file');
    const path = await databaseWithRows(dir, 4000);
    const pages = Math.floor(statSync(path).size / 4096);
    const fd = openSync(path, 'r+');
    writeSync(fd, randomFillSync(Buffer.alloc(64 * 4096)), 0, 64 * 4096, Math.floor(pages / 2) * 4096);
    closeSync(fd);
    expectOneLine(await start({ DATA_DIR: dir }), /beschädigt/, /Sicherung/);
  });

  it('a data directory that cannot be created', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, '');
    expectOneLine(await start({ DATA_DIR: join(blocker, 'data') }), /Datenverzeichnis/, /DATA_DIR/);
  });

  it('a port already in use', async () => {
    const busy: Server = createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
    const port = (busy.address() as { port: number }).port;
    try {
      expectOneLine(await start({ DATA_DIR: join(root, 'port'), PORT: String(port) }), new RegExp(`Port ${port}`), /belegt/);
    } finally {
      busy.close();
    }
  });
});

// Root writes anywhere regardless of file modes; a read-only mount is refused even to root.
function mountReadOnly(dir: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    return undefined;
  } catch (error) {
    return `cannot mount a read-only tmpfs here (${(error as Error).message.split('\n')[0]})`;
  }
}
const readOnlyDir = join(root, 'read-only');
mkdirSync(readOnlyDir, { recursive: true });
const cannotMount = process.platform === 'linux' ? mountReadOnly(readOnlyDir) : 'not Linux';
afterAll(() => {
  if (!cannotMount) execFileSync('umount', [readOnlyDir], { stdio: 'ignore' });
});

describe.skipIf(Boolean(cannotMount))(`a read-only data directory${cannotMount ? ` — skipped: ${cannotMount}` : ''}`, () => {
  it('says it is read-only and where', async () => {
    expectOneLine(await start({ DATA_DIR: readOnlyDir }), /schreibgeschützt/, new RegExp(readOnlyDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });
});
