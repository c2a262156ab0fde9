// Control characters (line breaks and tabs stay), zero-width and bidi controls, the soft hyphen,
// word joiner and invisible operators, the Mongolian vowel separator and the byte order mark:
// none of them is visible, and inside a name or number they only serve to hide it.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u034F\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Removes invisible characters, composes accents (NFC) and trims; what the user sees stays as it was. */
export function cleanInput(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFC').trim();
}

/** Length in characters as a reader counts them (code points; an emoji is one, not two UTF-16 units). */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** 2026-11-24 → 24.11.2026 */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
