// Node-only adapter: the SqlDriver on node:sqlite (embedded, no native addon).
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunResult, SqlDriver, SqlValue, Statement } from './driver.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

// Checkpointing the WAL into the database file is what makes a write occasionally take 10–30 ms.
// A worker thread with its own connection does it in the background (PASSIVE never blocks
// writers), so the event loop that answers requests never waits for it.
const CHECKPOINT_WORKER = `
const { DatabaseSync } = require('node:sqlite');
const { workerData } = require('node:worker_threads');
const db = new DatabaseSync(workerData.path);
db.exec('PRAGMA busy_timeout = 1000');
setInterval(() => { try { db.exec('PRAGMA wal_checkpoint(PASSIVE)'); } catch {} }, workerData.intervalMs);
`;

export class SqliteDriver implements SqlDriver {
  readonly db: DatabaseSync;
  private checkpointer?: Worker;
  // Preparing is a large part of a small query's cost; the store uses a fixed set of statements.
  private readonly statements = new Map<string, StatementSync>();

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
    if (path !== ':memory:') this.startCheckpointer(path);
  }

  private startCheckpointer(path: string): void {
    this.db.exec('PRAGMA wal_autocheckpoint = 0');
    this.checkpointer = new Worker(CHECKPOINT_WORKER, { eval: true, workerData: { path, intervalMs: 1000 } });
    this.checkpointer.unref();
    // If the worker dies, fall back to SQLite's own checkpoints rather than growing the WAL forever.
    this.checkpointer.on('error', () => this.db.isOpen && this.db.exec('PRAGMA wal_autocheckpoint = 1000'));
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

  async run(text: string, params: SqlValue[] = []): Promise<RunResult> {
    return { changes: Number(this.prepare(text).run(...(params as SQLInputValue[])).changes) };
  }

  async batch(statements: Statement[]): Promise<RunResult[]> {
    // node:sqlite is synchronous, so nothing else can interleave between BEGIN and COMMIT.
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const results = statements.map((s) => ({ changes: Number(this.prepare(s.sql).run(...(s.params as SQLInputValue[])).changes) }));
      this.db.exec('COMMIT');
      return results;
    } catch (error) {
      this.db.exec('ROLLBACK');
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.checkpointer?.terminate();
    this.statements.clear();
    if (this.db.isOpen) this.db.close();
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

export function openSqliteStoreDriver(path: string): SqliteDriver {
  const driver = new SqliteDriver(path);
  driver.migrate();
  return driver;
}
