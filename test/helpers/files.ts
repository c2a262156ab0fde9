// Raw file bytes, for checks that deleted text is gone from the database files.
import { existsSync, readFileSync, statSync } from 'node:fs';

export const fileSize = (path: string) => (existsSync(path) ? statSync(path).size : 0);

/** How often `text` occurs in the bytes of the file (0 when it does not exist). */
export function occurrences(path: string, text: string): number {
  if (!existsSync(path)) return 0;
  const bytes = readFileSync(path);
  const needle = Buffer.from(text);
  let n = 0;
  for (let i = bytes.indexOf(needle); i !== -1; i = bytes.indexOf(needle, i + 1)) n++;
  return n;
}
