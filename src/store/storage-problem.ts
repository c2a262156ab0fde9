// What went wrong with the storage underneath the store, read from an error of either driver
// (node:sqlite gives errcode and message, D1 only a message). Used to answer honestly: a full
// disk is not an "internal error" of the Lotse but a fault that passes once space is back.

export type StorageProblem = 'full' | 'readonly' | 'corrupt' | 'io';

// SQLite's primary result codes (the low byte of an extended code).
const BY_CODE: Record<number, StorageProblem> = { 13: 'full', 8: 'readonly', 11: 'corrupt', 26: 'corrupt', 10: 'io' };
const BY_MESSAGE: Array<[RegExp, StorageProblem]> = [
  [/database or disk is full|SQLITE_FULL|no space left|ENOSPC/i, 'full'],
  [/readonly database|read-only|SQLITE_READONLY|EROFS/i, 'readonly'],
  [/disk image is malformed|file is not a database|SQLITE_CORRUPT|SQLITE_NOTADB/i, 'corrupt'],
  [/disk I\/O error|SQLITE_IOERR|EIO\b/i, 'io'],
];

export function storageProblem(error: unknown): StorageProblem | undefined {
  const code = (error as { errcode?: unknown } | null)?.errcode;
  if (typeof code === 'number' && BY_CODE[code & 0xff]) return BY_CODE[code & 0xff];
  const message = String((error as Error | null)?.message ?? error);
  return BY_MESSAGE.find(([pattern]) => pattern.test(message))?.[1];
}

/** For the operator (health check, log): what the problem means, in German. */
export const STORAGE_PROBLEM_TEXT: Record<StorageProblem, string> = {
  full: 'Der Speicherplatz für die Datenbank ist erschöpft; neue Nachrichten können nicht gespeichert werden.',
  readonly: 'Die Datenbank ist schreibgeschützt; neue Nachrichten können nicht gespeichert werden.',
  corrupt: 'Die Datenbank ist beschädigt; bitte eine Sicherung einspielen.',
  io: 'Beim Schreiben der Datenbank ist ein Ein-/Ausgabefehler aufgetreten.',
};
