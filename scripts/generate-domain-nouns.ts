// Prints the capitalised words of the knowledge articles that the name detector must not take
// for surnames (after weak cues such as "Familie X"). Paste the output into DOMAIN_NOUNS in
// src/assistant/safety/common-words.ts after larger changes to knowledge/articles.
// A stale list only makes redaction stricter (a new noun may be taken for a name), never laxer.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMON_WORDS } from '../src/assistant/safety/common-words.ts';
import { FIRST_NAMES } from '../src/assistant/safety/first-names.ts';
import { isSurname } from '../src/assistant/safety/pii-surnames.ts';

// Real names that occur in the articles (institutions, a historical case); never list them as nouns.
const PROPER_NAMES = new Set(['leitner', 'kollwitz', 'käthe', 'start', 'hansa']);
const dir = join(import.meta.dirname, '..', 'knowledge', 'articles');
const words = new Set<string>();
for (const file of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
  const body = readFileSync(join(dir, file), 'utf8').replace(/^---[\s\S]*?---/, '').replace(/\]\([^)]*\)/g, ']');
  for (const match of body.matchAll(/([\p{Ll},;]\s+)(\p{Lu}\p{Ll}{2,}(?:-\p{Lu}?\p{Ll}+)*)(?=[\s,.;:!?)])/gu)) {
    const word = match[2].toLowerCase();
    if (!FIRST_NAMES.has(word) && !isSurname(word) && !COMMON_WORDS.has(word) && !PROPER_NAMES.has(word)) words.add(word);
  }
}
console.log([...words].sort().join(' '));
