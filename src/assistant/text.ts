/** Removes control characters (but keeps line breaks and tabs) and trims. */
export function cleanInput(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u2028-\u202E\u2066-\u2069]/g, '').trim();
}

/** 2026-11-24 → 24.11.2026 */
export function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
