// Typo tolerance: which terms are within a few edits of a query term.
import { lunr } from './lunr-de.ts';

/** No fuzziness for short words (they would match everything), one edit up to 8 letters, then two. */
export function editDistanceFor(surface: string): number {
  if (surface.length <= 4) return 0;
  if (surface.length <= 8) return 1;
  return 2;
}

export type NearWord = { term: string; distance: number };

/** Index terms within `distance` edits of `term` (excluding the term), closest first. */
export function fuzzyExpansions(index: lunr.Index, term: string, distance: number, max: number): NearWord[] {
  return nearWords((index as unknown as { tokenSet: lunr.TokenSet }).tokenSet, term, distance, max);
}

type TrieNode = { final: boolean; edges: Record<string, TrieNode> };

/** Typos are rare in the first letter; requiring it prunes most of the search (as Lucene's prefixLength). */
const EXACT_PREFIX = 1;

/**
 * Words of a token set within `distance` edits of `term` (excluding it), closest first.
 * Walks lunr's token set (a trie) with one Levenshtein row per node and prunes a branch as
 * soon as every cell of its row exceeds the distance; much cheaper than intersecting with
 * lunr.TokenSet.fromFuzzyString, whose automaton grows quickly with word length and distance.
 */
export function nearWords(tokenSet: lunr.TokenSet, term: string, distance: number, max: number): NearWord[] {
  const found: NearWord[] = [];
  let node = tokenSet as unknown as TrieNode;
  for (let i = 0; i < EXACT_PREFIX; i++) {
    const next = node.edges[term[i]];
    if (!next) return [];
    node = next;
  }
  const prefix = term.slice(0, EXACT_PREFIX);
  const rest = term.slice(EXACT_PREFIX);
  const firstRow = Array.from({ length: rest.length + 1 }, (_, j) => j);
  const walk = (current: TrieNode, word: string, previous: number[]): void => {
    for (const char in current.edges) {
      const row = new Array<number>(rest.length + 1);
      row[0] = previous[0] + 1;
      let smallest = row[0];
      for (let j = 1; j <= rest.length; j++) {
        const value = Math.min(row[j - 1] + 1, previous[j] + 1, previous[j - 1] + (rest.charCodeAt(j - 1) === char.charCodeAt(0) ? 0 : 1));
        row[j] = value;
        if (value < smallest) smallest = value;
      }
      if (smallest > distance) continue;
      const child = current.edges[char];
      const candidate = word + char;
      if (child.final && row[rest.length] <= distance && candidate !== rest) found.push({ term: prefix + candidate, distance: row[rest.length] });
      walk(child, candidate, row);
    }
  };
  walk(node, '', firstRow);
  return found.sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term)).slice(0, max);
}

export function levenshtein(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length];
}
