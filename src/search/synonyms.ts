// Synonyms and abbreviations from knowledge/synonyms.yaml, expanded at query time.
import { foldUmlauts, normalizeWord } from './normalize.ts';
import { splitWords } from './tokenize.ts';
import { extraStopWords } from './stopwords.ts';
import { germanStopWordFilter, lunr } from './lunr-de.ts';

export type SynonymMember = {
  words: string[]; // normalised, folded words to find in a query
  caseSensitive: boolean; // "JA" (Jugendamt) must not match "ja" (yes)
  text: string;
};
export type SynonymGroup = SynonymMember[];

export function compileSynonyms(groups: string[][]): SynonymGroup[] {
  return groups
    .map((group) => group.filter((m) => typeof m === 'string' && m.trim() !== '').map(compileMember))
    .filter((group) => group.length >= 2);
}

function compileMember(text: string): SynonymMember {
  const words = splitWords(text).map((t) => foldUmlauts(normalizeWord(t.text)));
  const single = words.length === 1 ? words[0] : '';
  const isUpperAbbreviation = single.length > 0 && text.trim() === text.trim().toUpperCase() && single.length <= 4;
  return { words, caseSensitive: isUpperAbbreviation && isStopWord(single), text };
}

function isStopWord(word: string): boolean {
  return extraStopWords.has(word) || !germanStopWordFilter(new lunr.Token(word, {}), 0, []);
}

export type SynonymMatch = { group: SynonymGroup; member: SynonymMember; start: number; length: number };

/** Finds synonym members in the query's words (folded) — raw words are used for case checks. */
export function findSynonyms(groups: SynonymGroup[], folded: string[], raw: string[]): SynonymMatch[] {
  const byFirstWord = membersByFirstWord(groups);
  const matches: SynonymMatch[] = [];
  for (let start = 0; start < folded.length; start++) {
    for (const { group, member } of byFirstWord.get(folded[start]) ?? []) {
      const n = member.words.length;
      if (start + n > folded.length || !sameWords(member.words, folded, start)) continue;
      if (member.caseSensitive && raw[start] !== raw[start].toUpperCase()) continue;
      matches.push({ group, member, start, length: n });
    }
  }
  return matches;
}

type Candidate = { group: SynonymGroup; member: SynonymMember };
const firstWordIndex = new WeakMap<SynonymGroup[], Map<string, Candidate[]>>();

/** Members by their first word, built once per compiled list (a query looks up only its words). */
function membersByFirstWord(groups: SynonymGroup[]): Map<string, Candidate[]> {
  let index = firstWordIndex.get(groups);
  if (!index) {
    index = new Map();
    for (const group of groups) {
      for (const member of group) {
        if (member.words.length === 0) continue;
        const list = index.get(member.words[0]) ?? [];
        list.push({ group, member });
        index.set(member.words[0], list);
      }
    }
    firstWordIndex.set(groups, index);
  }
  return index;
}

function sameWords(words: string[], folded: string[], start: number): boolean {
  for (let k = 0; k < words.length; k++) if (folded[start + k] !== words[k]) return false;
  return true;
}
