// Turns analysed query groups into a lunr query via the programmatic API; user text never
// reaches lunr's query parser, so "title:foo", "^", "~", "*" or quotes are plain characters.
import { lunr } from './lunr-de.ts';
import { editDistanceFor, nearWords } from './fuzzy.ts';
import type { NearWord } from './fuzzy.ts';
import { LruCache } from './lru.ts';
import { TermScorer } from './scorer.ts';
import type { ScoredRef } from './scorer.ts';
import { QUERY_LIMITS, TERM_BOOSTS } from './config.ts';
import { PART_MARK } from './steps.ts';
import type { QueryGroup } from './analyzer.ts';

/** `quality` says how well a match on this term stands for the word typed (for confidence). */
export type WeightedTerm = { term: string; boost: number; group: number; quality: number };

const QUALITY = { exact: 1, law: 1, synonym: 0.9, part: 0.5 } as const;
const FUZZY_QUALITY = [1, 0.7, 0.5];

/**
 * Boost of a query word found only inside an indexed compound. Short stems are common heads and
 * modifiers ("Mutter" in "Tagesmütter", "Tag", "Kind"): weak evidence. Long ones name the topic
 * ("Datenschutz" in "Sozialdatenschutz"): nearly as good as the word itself.
 */
export function insideCompoundShare(term: string): number {
  const { short, shortLength, long, longLength } = TERM_BOOSTS.insideCompound;
  if (term.length <= shortLength) return short;
  if (term.length >= longLength) return long;
  return short + ((long - short) * (term.length - shortLength)) / (longLength - shortLength);
}

export type QueryOptions = { fuzzy: boolean; reduce: boolean };

export class QueryPlanner {
  readonly scorer: TermScorer;
  private readonly fuzzyCache = new LruCache<string, NearWord[]>(4000);
  private readonly documentCount: number;

  private readonly vocabularySet: lunr.TokenSet;
  private readonly stem: (word: string) => string;

  /**
   * `vocabulary`: the folded, unstemmed words of the index. Typos sit in the surface form
   * ("entbindnug"), where stemming cannot strip a suffix, so they are matched against it too.
   */
  constructor(index: lunr.Index, documentCount: number, vocabulary: string[], stem: (word: string) => string) {
    this.scorer = new TermScorer(index);
    this.documentCount = Math.max(1, documentCount);
    this.vocabularySet = (lunr.TokenSet as unknown as { fromArray(words: string[]): lunr.TokenSet }).fromArray([...new Set(vocabulary)].sort());
    this.stem = stem;
  }

  /** Keeps the most informative groups of a long input (highest inverse document frequency). */
  reduce(groups: QueryGroup[], topicality?: (group: QueryGroup) => number): QueryGroup[] {
    if (groups.length <= QUERY_LIMITS.maxGroups) return groups;
    const ranked = groups
      .map((group) => ({ group, informative: this.informativeness(group) * (topicality ? topicality(group) : 1) }))
      .sort((a, b) => b.informative - a.informative)
      .slice(0, QUERY_LIMITS.maxGroups)
      .map((entry) => entry.group);
    return ranked.sort((a, b) => a.position - b.position);
  }

  /** Weighted index terms for the groups, fuzzy variants included. */
  plan(groups: QueryGroup[], options: QueryOptions): WeightedTerm[] {
    return this.withoutUbiquitousTerms(this.expand(groups, options));
  }

  /** All weighted terms of the groups (ubiquitous ones included; the heading match uses them). */
  expand(groups: QueryGroup[], options: QueryOptions): WeightedTerm[] {
    const weighted = new Map<string, WeightedTerm>();
    const add = (term: string, boost: number, group: number, quality: number) => {
      const existing = weighted.get(term);
      if (!existing || existing.boost < boost) weighted.set(term, { term, boost, group, quality });
    };
    groups.forEach((group, g) => {
      for (const t of group.terms) {
        const boost = TERM_BOOSTS[t.kind] * t.weight;
        add(t.term, boost, g, QUALITY[t.kind]);
        // The index keeps compound parts apart (PART_MARK): a query word or part found only
        // inside an indexed compound counts as a part match, never as the whole word.
        if (t.kind === 'exact') {
          const share = insideCompoundShare(t.term);
          add(PART_MARK + t.term, share * t.weight, g, Math.max(QUALITY.part, share));
        }
        if (t.kind === 'part') add(PART_MARK + t.term, boost, g, QUALITY.part);
        if (!options.fuzzy || t.kind === 'law' || t.kind === 'part') continue;
        // Synonyms come from the knowledge base's own list, and a word the index knows is no
        // typo: walking the trie for them cost time and added only near-miss noise.
        if (t.kind === 'synonym' || (!QUERY_LIMITS.fuzzyKnownWords && this.documentFrequency(t.term) > 0)) continue;
        const distance = editDistanceFor(t.surface);
        if (distance === 0) continue;
        for (const variant of this.fuzzy(t.term, t.surface, distance)) {
          add(variant.term, boost * TERM_BOOSTS.fuzzy[variant.distance], g, QUALITY[t.kind] * FUZZY_QUALITY[variant.distance]);
        }
      }
    });
    return [...weighted.values()];
  }

  /**
   * Terms found in most passages ("Kind", "SGB VIII") barely change the ranking (their IDF is
   * near zero) but make lunr score almost every passage; they are left out unless nothing
   * else of the query is in the index.
   */
  withoutUbiquitousTerms(terms: WeightedTerm[]): WeightedTerm[] {
    const limit = QUERY_LIMITS.maxDocumentFraction * this.documentCount;
    const informative = terms.filter((t) => this.documentFrequency(t.term) <= limit);
    return informative.some((t) => this.documentFrequency(t.term) > 0) ? informative : terms;
  }

  /** Passages scored for the terms (as lunr would score them), best first. */
  run(terms: WeightedTerm[]): ScoredRef[] {
    return terms.length === 0 ? [] : this.scorer.score(terms);
  }

  documentFrequency(term: string): number {
    return this.scorer.posting(term).refs.length;
  }

  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.documentCount - df + 0.5) / (df + 0.5));
  }

  private informativeness(group: QueryGroup): number {
    if (group.terms.some((t) => t.kind === 'synonym' || t.kind === 'law')) return Number.POSITIVE_INFINITY;
    let best = 0;
    for (const t of group.terms) {
      if (t.kind === 'part') continue;
      if (this.documentFrequency(t.term) > 0) {
        best = Math.max(best, this.idf(t.term));
        continue;
      }
      // An unknown word counts only if it is a typo of a known one, and then a little less.
      const distance = editDistanceFor(t.surface);
      if (distance === 0) continue;
      for (const variant of this.fuzzy(t.term, t.surface, distance)) best = Math.max(best, 0.8 * this.idf(variant.term));
    }
    return best;
  }

  /**
   * Index terms for words near the surface form. Typos sit in the surface ("entbindnug"), where
   * stemming cannot strip a suffix, so near vocabulary words are found first and then stemmed.
   */
  private fuzzy(term: string, surface: string, distance: number): NearWord[] {
    const key = `${distance}:${surface}`;
    let variants = this.fuzzyCache.get(key);
    if (!variants) {
      const byTerm = new Map<string, number>();
      for (const v of nearWords(this.vocabularySet, surface, distance, 4 * QUERY_LIMITS.maxFuzzyExpansions)) {
        const stem = this.stem(v.term);
        if (stem === term || this.documentFrequency(stem) === 0) continue;
        byTerm.set(stem, Math.min(byTerm.get(stem) ?? v.distance, v.distance));
      }
      variants = [...byTerm].map(([t, d]) => ({ term: t, distance: d })).sort((a, b) => a.distance - b.distance).slice(0, QUERY_LIMITS.maxFuzzyExpansions);
      this.fuzzyCache.set(key, variants);
    }
    return variants;
  }

}
