// Node-only adapter: the SqlDriver on node:sqlite (embedded, no native addon).
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunResult, SqlDriver, SqlValue, Statement } from './driver.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

// The write-ahead log (WAL) is kept small by a worker thread with its own connection, so the event
// loop that answers requests never waits for a checkpoint (copying the WAL into the database file
// is what makes a write occasionally take 10–30 ms). Every intervalMs:
// - a PASSIVE checkpoint copies what was written; it never blocks writers. Under sustained writes
//   it never quite catches up with the end of the log, so the log would never start over and the
//   file would grow without bound (1 GB in 4 minutes at 50 answers/s);
// - so once the log holds more than half of limitBytes, further PASSIVE passes copy what arrived
//   during the previous one until little is left, and a RESTART checkpoint copies that rest while
//   it holds the write lock (a few milliseconds); the next commit writes the log from its start;
// - when nothing was committed for idleMs, a TRUNCATE checkpoint cuts the file to zero.
// A RESTART has to wait for the write lock, which a busy writer may hold nearly all the time. So
// when the file still reaches limitBytes, the main thread holds further writes back (without
// blocking its event loop) and asks for the RESTART at once: that is the hard bound.
// On request the worker also copies what it can without blocking anyone (CATCHUP), truncates, or
// rewrites the whole file (VACUUM) and then truncates.
const CHECKPOINT_WORKER = `
const { DatabaseSync } = require('node:sqlite');
const { statSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const { path, intervalMs, limitBytes, idleMs } = workerData;
const db = new DatabaseSync(path);
db.exec('PRAGMA busy_timeout = 2000; PRAGMA secure_delete = ON');
const checkpoint = (mode) => db.prepare('PRAGMA wal_checkpoint(' + mode + ')').get();
const frameBytes = db.prepare('PRAGMA page_size').get().page_size + 24;
const dataVersion = db.prepare('PRAGMA data_version');
const walBytes = () => { try { return statSync(path + '-wal').size; } catch { return 0; } };
// A RESTART holds the write lock while it copies what PASSIVE has not copied yet, and the main
// thread's writes wait for that lock without yielding. So PASSIVE passes first copy what arrived
// during the previous one; the RESTART follows once little is left. When writes are held back
// (patient: the main thread asked), it waits for the lock and restarts in any case; otherwise it
// takes the lock only if it is free at once (a busy handler would sleep past the short gaps
// between writes and starve) and only when the passes have caught up.
function catchUp() {
  let last = checkpoint('PASSIVE');
  for (let pass = 0; pass < 8; pass++) {
    const next = checkpoint('PASSIVE');
    const fresh = next.log - last.log;
    last = next;
    if (fresh < 0) return { last, caughtUp: true, restarted: true }; // the log has started over by itself
    if (fresh <= 256) return { last, caughtUp: true };
  }
  return { last, caughtUp: false };
}
function restart(patient) {
  const { last, caughtUp, restarted } = catchUp();
  if (restarted) return last;
  if (patient) return checkpoint('RESTART');
  if (!caughtUp) return last;
  db.exec('PRAGMA busy_timeout = 0');
  try { return checkpoint('RESTART'); } finally { db.exec('PRAGMA busy_timeout = 2000'); }
}
function vacuum() {
  // Also turns a file from before auto_vacuum into one that a purge can shrink.
  db.exec('PRAGMA auto_vacuum = INCREMENTAL; VACUUM');
  return checkpoint('TRUNCATE');
}
let version = -1;
let changedAt = Date.now();
const timer = setInterval(() => {
  try {
    const v = dataVersion.get().data_version;
    if (v !== version) { version = v; changedAt = Date.now(); }
    if (walBytes() === 0) return;
    if (Date.now() - changedAt >= idleMs) { checkpoint('TRUNCATE'); return; }
    if (checkpoint('PASSIVE').log * frameBytes > limitBytes / 2) restart(false);
  } catch {}
}, intervalMs);
parentPort.on('message', ({ id, op }) => {
  let reply;
  try {
    if (op === 'CLOSE') { clearInterval(timer); db.close(); reply = {}; }
    else reply = { ...(op === 'VACUUM' ? vacuum() : op === 'TRUNCATE' ? checkpoint('TRUNCATE') : op === 'CATCHUP' ? catchUp().last : restart(true)), walBytes: walBytes() };
  } catch (error) { reply = { error: String(error) }; }
  parentPort.postMessage({ id, ...reply });
  if (op === 'CLOSE') parentPort.close();
});
`;

export type SqliteDriverOptions = {
  /** The WAL starts over once it holds more than this (default 64 MiB); the file stays about this size. */
  walLimitBytes?: number;
  /** How often the background checkpoint runs (default 200 ms). */
  checkpointIntervalMs?: number;
  /** After this long without a commit the WAL is truncated to zero (default 2 s). */
  idleTruncateMs?: number;
  /** After a purge the whole file is rewritten (VACUUM) once no write came for this long (default 10 s). */
  vacuumQuietMs?: number;
};

/** What a checkpoint reports: busy 1 if it could not finish (a reader or writer was in the way). */
export type CheckpointResult = { busy: number; log: number; checkpointed: number; walBytes: number };
type WorkerOp = 'CATCHUP' | 'RESTART' | 'TRUNCATE' | 'VACUUM' | 'CLOSE';
type WorkerReply = Partial<CheckpointResult> & { error?: string };

const MIB = 1024 * 1024;
const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class SqliteDriver implements SqlDriver {
  readonly db: DatabaseSync;
  readonly path: string;
  readonly walLimitBytes: number;
  /** Every statement runs on the calling thread, which is the one that answers requests. */
  readonly synchronous = true;
  /** True from a purge until the file has been rewritten without the deleted rows. */
  vacuumDue = false;
  private readonly vacuumQuietMs: number;
  private vacuumTimer?: ReturnType<typeof setInterval>;
  private lastWriteAt = 0;
  private walCheckedAt = 0;
  /** Set while the worker rewrites the file or restarts the WAL: writes wait (asynchronously), reads go on. */
  private writeGate?: Promise<void>;
  private checkpointer?: Worker;
  private checkpointerAlive = false;
  private readonly pending = new Map<number, (reply: WorkerReply) => void>();
  private nextRequest = 0;
  // Preparing is a large part of a small query's cost; the store uses a fixed set of statements.
  private readonly statements = new Map<string, StatementSync>();

  constructor(path: string, options: SqliteDriverOptions = {}) {
    this.path = path;
    this.walLimitBytes = options.walLimitBytes ?? 64 * MIB;
    this.vacuumQuietMs = options.vacuumQuietMs ?? 10_000;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    // A new file can give the pages a purge frees back at once (incremental_vacuum in reclaim());
    // this can only be chosen before the first table exists. Older files change at their first VACUUM.
    if (this.pragma<{ page_count: number }>('page_count').page_count === 0) this.db.exec('PRAGMA auto_vacuum = INCREMENTAL');
    // secure_delete: deleted rows are overwritten with zeros, in their pages and in freed pages.
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;');
    if (path !== ':memory:') this.startCheckpointer(path, options);
  }

  private pragma<T>(name: string): T {
    return this.db.prepare(`PRAGMA ${name}`).get() as T;
  }

  private startCheckpointer(path: string, options: SqliteDriverOptions): void {
    this.db.exec('PRAGMA wal_autocheckpoint = 0');
    // When the log starts over, the first commit cuts what lies beyond the limit off the file.
    this.db.exec(`PRAGMA journal_size_limit = ${Math.floor(this.walLimitBytes)}`);
    this.checkpointer = new Worker(CHECKPOINT_WORKER, {
      eval: true,
      workerData: { path, limitBytes: this.walLimitBytes, intervalMs: options.checkpointIntervalMs ?? 200, idleMs: options.idleTruncateMs ?? 2000 },
    });
    this.checkpointerAlive = true;
    this.checkpointer.unref();
    this.checkpointer.on('message', (reply: WorkerReply & { id: number }) => this.settle(reply.id, reply));
    // If the worker dies, fall back to SQLite's own checkpoints rather than growing the WAL forever.
    const fallBack = () => {
      if (!this.checkpointerAlive) return;
      this.checkpointerAlive = false;
      if (this.db.isOpen) this.db.exec('PRAGMA wal_autocheckpoint = 1000');
      this.settleAll();
    };
    this.checkpointer.on('error', fallBack);
    this.checkpointer.on('exit', fallBack);
  }

  /** False when the checkpoint thread has died and SQLite's own checkpoints keep the WAL bounded. */
  get checkpointsInWorker(): boolean {
    return this.checkpointerAlive || this.path === ':memory:';
  }

  private ask(op: WorkerOp): Promise<WorkerReply> {
    const id = this.nextRequest++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.checkpointer!.ref();
      this.checkpointer!.postMessage({ id, op });
    });
  }

  private settle(id: number, reply: WorkerReply): void {
    this.pending.get(id)?.(reply);
    this.pending.delete(id);
    // The worker keeps the process alive only while the main thread waits for it.
    if (this.pending.size === 0) this.checkpointer?.unref();
  }

  private settleAll(): void {
    for (const id of [...this.pending.keys()]) this.settle(id, { error: 'checkpoint worker stopped' });
  }

  /**
   * A checkpoint in the worker thread (on this thread only when there is no worker). TRUNCATE
   * copies the whole WAL into the database file and cuts it to zero: afterwards no frame of the
   * log holds a page as it was before the last commits, for example before a purge. RESTART lets
   * the log start over (the file keeps its size).
   */
  async checkpoint(mode: 'TRUNCATE' | 'RESTART' = 'TRUNCATE'): Promise<CheckpointResult> {
    if (this.path === ':memory:') return { busy: 0, log: 0, checkpointed: 0, walBytes: 0 };
    if (!this.checkpointerAlive) {
      return { ...(this.db.prepare(`PRAGMA wal_checkpoint(${mode})`).get() as Omit<CheckpointResult, 'walBytes'>), walBytes: walSize(this.path) };
    }
    const reply = await this.ask(mode);
    if (reply.error !== undefined) throw new Error(`WAL checkpoint failed: ${reply.error}`);
    return reply as CheckpointResult;
  }

  /**
   * After a purge, so that no copy of the deleted rows stays in the files:
   * - gives the freed pages back to the file system in small steps (incremental vacuum, at most
   *   maxStepMs each, with pauses), so no free page keeps old content;
   * - truncates the WAL, whose older frames still hold the pages as they were before the purge;
   * - rewrites the whole file (VACUUM) at the next quiet moment, because a page that is still in
   *   use can keep a stale copy of a row that was moved off it before it was deleted; secure_delete
   *   does not reach those bytes.
   */
  async reclaim(signal?: AbortSignal, maxStepMs = 20): Promise<void> {
    if (this.pragma<{ auto_vacuum: number }>('auto_vacuum').auto_vacuum === 2) {
      // Small steps first: a step of 1,024 pages took 70 ms on a busy machine.
      let pages = 16;
      while (!signal?.aborted && this.db.isOpen && this.pragma<{ freelist_count: number }>('freelist_count').freelist_count > 0) {
        await this.writable(); // a step is a write like any other: it keeps to the WAL's bound
        const started = performance.now();
        this.db.exec(`PRAGMA incremental_vacuum(${pages})`);
        const ms = performance.now() - started;
        if (ms > maxStepMs) pages = Math.max(4, Math.floor((pages * maxStepMs) / ms / 1.25));
        else if (ms < maxStepMs / 4 && pages < 256) pages *= 2;
        await macrotask();
      }
    }
    if (signal?.aborted || !this.db.isOpen) return;
    // What the purge wrote to the WAL is copied first while writes go on, so that the TRUNCATE
    // below, for which writes wait (without blocking the event loop), has little left to copy.
    if (this.checkpointerAlive) await this.ask('CATCHUP');
    for (let attempt = 0; attempt < 5; attempt++) {
      let busy = 0;
      await this.gated(async () => void (busy = (await this.checkpoint()).busy));
      if (busy === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.scheduleVacuum();
  }

  private scheduleVacuum(): void {
    this.vacuumDue = true;
    if (this.vacuumTimer || this.path === ':memory:') return;
    this.vacuumTimer = setInterval(() => {
      if (this.writeGate || Date.now() - this.lastWriteAt < this.vacuumQuietMs) return;
      // A failure (for example too little disk space for the copy) is tried again after the next quiet period.
      void this.vacuum().catch(() => (this.lastWriteAt = Date.now()));
    }, Math.max(10, Math.min(1000, this.vacuumQuietMs / 4)));
    this.vacuumTimer.unref();
  }

  /**
   * Rewrites the whole file without free space (VACUUM) in the worker thread, then truncates the
   * WAL. Reads go on meanwhile; writes wait for it without blocking the event loop. It takes
   * about 6 ms per MB of data on a small server, so it runs at a quiet moment after a purge.
   */
  async vacuum(): Promise<void> {
    await this.gated(async () => {
      if (this.checkpointerAlive) {
        const reply = await this.ask('VACUUM');
        if (reply.error !== undefined) throw new Error(`VACUUM failed: ${reply.error}`);
      } else {
        this.db.exec('PRAGMA auto_vacuum = INCREMENTAL; VACUUM');
        if (this.path !== ':memory:') this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      }
    });
    this.vacuumDue = false;
    clearInterval(this.vacuumTimer);
    this.vacuumTimer = undefined;
  }

  private prepare(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      if (this.statements.size < 500) this.statements.set(text, statement);
    }
    return statement;
  }

  async all<T>(text: string, params: SqlValue[] = []): Promise<T[]> {
    return this.prepare(text).all(...(params as SQLInputValue[])) as T[];
  }

  async first<T>(text: string, params: SqlValue[] = []): Promise<T | undefined> {
    return this.prepare(text).get(...(params as SQLInputValue[])) as T | undefined;
  }

  /** Before a write: waits while the file is rewritten, or while the WAL at its limit starts over. */
  private async writable(): Promise<void> {
    while (this.writeGate) await this.writeGate;
    const now = Date.now();
    this.lastWriteAt = now;
    if (!this.checkpointerAlive || now - this.walCheckedAt < 10) return;
    this.walCheckedAt = now;
    if (walSize(this.path) < this.walLimitBytes) return;
    await this.gated(async () => {
      await this.ask('RESTART');
    });
  }

  /** Runs work in the worker while writes wait for it (reads go on). */
  private async gated(work: () => Promise<void>): Promise<void> {
    while (this.writeGate) await this.writeGate;
    let open!: () => void;
    this.writeGate = new Promise<void>((resolve) => (open = resolve));
    try {
      await work();
    } finally {
      this.writeGate = undefined;
      open();
    }
  }

  async run(text: string, params: SqlValue[] = []): Promise<RunResult> {
    await this.writable();
    return { changes: Number(this.prepare(text).run(...(params as SQLInputValue[])).changes) };
  }

  async batch(statements: Statement[]): Promise<RunResult[]> {
    await this.writable();
    // node:sqlite is synchronous, so nothing else can interleave between BEGIN and COMMIT.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const results = statements.map((s) => ({ changes: Number(this.prepare(s.sql).run(...(s.params as SQLInputValue[])).changes) }));
      this.db.exec('COMMIT');
      return results;
    } catch (error) {
      // SQLite has already rolled back after some errors (a full disk at COMMIT): a second
      // ROLLBACK would throw "no transaction is active" and hide the real cause.
      try {
        if (this.db.isTransaction) this.db.exec('ROLLBACK');
      } catch {
        // the original error is the one worth reporting
      }
      throw error;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.vacuumTimer);
    this.vacuumTimer = undefined;
    // The worker closes its connection itself (after what it is doing), so it never dies holding a lock.
    if (this.checkpointerAlive) await this.ask('CLOSE');
    this.checkpointerAlive = false;
    this.settleAll();
    await this.checkpointer?.terminate();
    this.statements.clear();
    if (this.db.isOpen) this.db.close();
  }

  /**
   * PRAGMA quick_check: every page and b-tree of the file is read and checked (about a second per
   * few hundred MB). Damage in the middle of the file would otherwise show only when a request
   * touches it. Throws an error SQLite would give for a malformed file (code 11).
   */
  verify(): void {
    if (this.path === ':memory:') return;
    const rows = this.db.prepare('PRAGMA quick_check(5)').all() as Array<{ quick_check: string }>;
    if (rows.length === 1 && rows[0]!.quick_check === 'ok') return;
    const error = new Error(`database disk image is malformed: ${rows.map((r) => r.quick_check).join('; ').slice(0, 200)}`) as Error & { errcode: number };
    error.errcode = 11;
    throw error;
  }

  /** Applies the numbered .sql files not yet applied, each in its own transaction. */
  migrate(dir = MIGRATIONS_DIR): string[] {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
    const done = new Set((this.db.prepare('SELECT name FROM schema_migrations').all() as Array<{ name: string }>).map((r) => r.name));
    const pending = readdirSync(dir).filter((f) => /^\d+_.*\.sql$/.test(f) && !done.has(f)).sort();
    for (const name of pending) {
      this.db.exec('BEGIN');
      try {
        this.db.exec(readFileSync(join(dir, name), 'utf8'));
        this.db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(name, Date.now());
        this.db.exec('COMMIT');
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw new Error(`Migration ${name} fehlgeschlagen: ${(error as Error).message}`);
      }
    }
    return pending;
  }
}

function walSize(path: string): number {
  try {
    return statSync(`${path}-wal`).size;
  } catch {
    return 0;
  }
}

/** Opens, checks and migrates the database; a damaged file is refused here, before any request. */
export function openSqliteStoreDriver(path: string, options: SqliteDriverOptions = {}): SqliteDriver {
  const driver = new SqliteDriver(path, options);
  try {
    driver.verify();
    driver.migrate();
  } catch (error) {
    void driver.close();
    throw error;
  }
  return driver;
}
