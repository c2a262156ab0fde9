// Splits text into word tokens. Letters and digits make words; "§" becomes a token of its own
// so that "§8a", "§ 8a" and "§§ 61" all yield the same sequence. Everything else separates.
import { lunr } from './lunr-de.ts';

const WORD_OR_PARAGRAPH = /§+|[\p{L}\p{N}]+/gu;

export type RawToken = { text: string; index: number };

export function splitWords(text: string): RawToken[] {
  const normalized = text.normalize('NFKC');
  const tokens: RawToken[] = [];
  let index = 0;
  for (const match of normalized.matchAll(WORD_OR_PARAGRAPH)) {
    tokens.push({ text: match[0], index: index++ });
  }
  return tokens;
}

/** A lunr-compatible tokenizer (used by the builder in place of `lunr.tokenizer`). */
export function tokenizeForLunr(value: unknown, metadata?: object): lunr.Token[] {
  if (value === null || value === undefined) return [];
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  return splitWords(text).map(
    (raw) => new lunr.Token(raw.text, { ...(metadata ?? {}), wordIndex: raw.index }),
  );
}
