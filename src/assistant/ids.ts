// Identifiers and secrets from Web Crypto, which both Node and Workers provide.

export function newId(): string {
  return crypto.randomUUID();
}

export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Every token newToken makes: 32 random bytes in base64url, 43 characters. */
export function tokenShaped(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

// Web Crypto's digest is asynchronous (a thread hop per call); a conversation sends many
// messages with one token, so the hashes of tokens that proved right are kept. Only those: a
// presented wrong token is hashed and forgotten, so nobody can fill memory with guesses.
// Bounded: the oldest entry goes first.
const recentHashes = new Map<string, string>();
const RECENT_HASHES_MAX = 10_000;

export async function hashToken(token: string): Promise<string> {
  const known = recentHashes.get(token);
  if (known) return known;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Keeps the hash of a token that is known to be right (just made, or just matched). */
export function rememberToken(token: string, hash: string): void {
  if (recentHashes.has(token)) return;
  if (recentHashes.size >= RECENT_HASHES_MAX) recentHashes.delete(recentHashes.keys().next().value!);
  recentHashes.set(token, hash);
}

/** For tests: how many token hashes are kept. */
export function rememberedTokenCount(): number {
  return recentHashes.size;
}

/** Compares two strings in time independent of where they differ. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
