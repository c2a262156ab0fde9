// The smallest SQL surface that both node:sqlite and Cloudflare D1 offer. The store is written
// once against it, so the same SQL and the same migrations run on both.

export type SqlValue = string | number | null;
export type Statement = { sql: string; params: SqlValue[] };
export type RunResult = { changes: number };

export interface SqlDriver {
  all<T>(sql: string, params?: SqlValue[]): Promise<T[]>;
  first<T>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: SqlValue[]): Promise<RunResult>;
  /** Runs the statements in order inside one transaction: all take effect or none. */
  batch(statements: Statement[]): Promise<RunResult[]>;
  close?(): Promise<void>;
  /**
   * True when a statement runs on the caller's thread (node:sqlite): long work must then be cut
   * into short transactions with pauses between them, or every request waits for it.
   */
  readonly synchronous?: boolean;
  /**
   * After rows were deleted: give their space back and leave no copy of them in the driver's
   * files (node:sqlite: incremental vacuum and a WAL truncation). D1 manages its own storage.
   */
  reclaim?(signal?: AbortSignal): Promise<void>;
}

export function sql(text: string, ...params: SqlValue[]): Statement {
  return { sql: text, params };
}

/** True when an error is a UNIQUE constraint violation, on either runtime. */
export function isUniqueViolation(error: unknown): boolean {
  return /UNIQUE constraint failed/i.test(String((error as Error)?.message ?? error));
}
