// The SqlDriver on a Cloudflare D1 binding. D1 speaks the same SQLite dialect, so SqlStore and
// its migrations run unchanged; only the calling convention differs.
import type { RunResult, SqlDriver, SqlValue, Statement } from '../store/driver.ts';
import type { D1Database } from './bindings.ts';

/** A D1 failure, with the message kept intact so isUniqueViolation() recognises constraint errors. */
export class D1DriverError extends Error {
  constructor(message: string, cause: unknown) {
    super(message, { cause });
    this.name = 'D1DriverError';
  }
}

// D1 reports constraint failures as e.g. "D1_ERROR: UNIQUE constraint failed: t.c: SQLITE_CONSTRAINT",
// sometimes only in `cause`. Collect every message in the chain so nothing the store matches on is lost.
function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const message = e instanceof Error ? e.message : String(e);
    if (message && !parts.includes(message)) parts.push(message);
  }
  return parts.join(' <- ') || 'D1 error';
}

async function mapErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new D1DriverError(describe(error), error);
  }
}

export class D1Driver implements SqlDriver {
  readonly db: D1Database;

  constructor(db: D1Database) {
    this.db = db;
  }

  private prepare(text: string, params: SqlValue[]) {
    const statement = this.db.prepare(text);
    return params.length > 0 ? statement.bind(...params) : statement;
  }

  all<T>(text: string, params: SqlValue[] = []): Promise<T[]> {
    return mapErrors(async () => (await this.prepare(text, params).all<T>()).results);
  }

  first<T>(text: string, params: SqlValue[] = []): Promise<T | undefined> {
    return mapErrors(async () => (await this.prepare(text, params).first<T>()) ?? undefined);
  }

  run(text: string, params: SqlValue[] = []): Promise<RunResult> {
    return mapErrors(async () => ({ changes: (await this.prepare(text, params).run()).meta.changes }));
  }

  /** D1 runs a batch as one implicit transaction: a failing statement rolls back the whole batch. */
  batch(statements: Statement[]): Promise<RunResult[]> {
    if (statements.length === 0) return Promise.resolve([]);
    return mapErrors(async () => {
      const results = await this.db.batch(statements.map((s) => this.prepare(s.sql, s.params)));
      return results.map((r) => ({ changes: r.meta.changes }));
    });
  }
}
