// Scores passages for weighted terms straight from lunr's index data, without lunr.Index.query.
//
// lunr scores a document as Σ over fields of (query vector · field vector) / |query vector|,
// where the query vector has the same boosts in every field. That sum is linear in the terms,
// so a term's contribution to a document can be summed over the fields once and cached:
// scoring becomes one pass over each term's cached posting. Same scores as lunr (checked in
// test/search/engine.test.ts) at a fraction of the cost: lunr.Index.query builds a token set,
// lunr.Set objects and MatchData for every clause and field of every query.
import type { lunr } from './lunr-de.ts';
import { LruCache } from './lru.ts';

type Posting = Record<string, Record<string, unknown>> & { _index: number };
type IndexData = {
  invertedIndex: Record<string, Posting>;
  fieldVectors: Record<string, { elements: number[] }>;
  fields: string[];
};

/** A term's documents (lunr refs) and its field-summed weight in each. */
export type TermPosting = { refs: string[]; weights: number[] };

export type TermQuery = { term: string; boost: number };
export type ScoredRef = { ref: string; score: number; matchedTerms: string[] };

const EMPTY: TermPosting = { refs: [], weights: [] };

export class TermScorer {
  private readonly data: IndexData;
  private readonly postings = new LruCache<string, TermPosting>(20_000);
  private termsByIndex: string[] | undefined;

  constructor(index: lunr.Index) {
    this.data = index as unknown as IndexData;
  }

  has(term: string): boolean {
    return Object.hasOwn(this.data.invertedIndex, term);
  }

  posting(term: string): TermPosting {
    let posting = this.postings.get(term);
    if (!posting) {
      posting = this.computePosting(term);
      this.postings.set(term, posting);
    }
    return posting;
  }

  /** Documents matching any term, best first, scored exactly as lunr.Index.query would. */
  score(terms: TermQuery[]): ScoredRef[] {
    let squares = 0;
    const byRef = new Map<string, ScoredRef>();
    for (const { term, boost } of terms) {
      if (!this.has(term)) continue;
      squares += boost * boost;
      const { refs, weights } = this.posting(term);
      for (let i = 0; i < refs.length; i++) {
        let hit = byRef.get(refs[i]);
        if (!hit) {
          hit = { ref: refs[i], score: 0, matchedTerms: [] };
          byRef.set(refs[i], hit);
        }
        hit.score += boost * weights[i];
        hit.matchedTerms.push(term);
      }
    }
    const norm = Math.sqrt(squares);
    const results = [...byRef.values()];
    for (const r of results) r.score /= norm;
    return results.sort((a, b) => b.score - a.score);
  }

  /** The index terms of one field of a document (e.g. a passage's analysed heading). */
  fieldTerms(ref: string, field: string): Set<string> {
    const vector = this.data.fieldVectors[`${field}/${ref}`];
    const terms = new Set<string>();
    if (!vector) return terms;
    const byIndex = this.termIndex();
    for (let i = 0; i < vector.elements.length; i += 2) terms.add(byIndex[vector.elements[i]]);
    return terms;
  }

  private computePosting(term: string): TermPosting {
    const posting = this.data.invertedIndex[term];
    if (!posting) return EMPTY;
    const weightByRef = new Map<string, number>();
    for (const field of this.data.fields) {
      const docs = posting[field];
      if (!docs) continue;
      for (const ref in docs) {
        const weight = componentOf(this.data.fieldVectors[`${field}/${ref}`]?.elements, posting._index);
        weightByRef.set(ref, (weightByRef.get(ref) ?? 0) + weight);
      }
    }
    return { refs: [...weightByRef.keys()], weights: [...weightByRef.values()] };
  }

  private termIndex(): string[] {
    if (!this.termsByIndex) {
      const byIndex: string[] = [];
      for (const term in this.data.invertedIndex) byIndex[this.data.invertedIndex[term]._index] = term;
      this.termsByIndex = byIndex;
    }
    return this.termsByIndex;
  }
}

/** The value stored for `termIndex` in a sparse vector [index, value, index, value, …] (sorted). */
function componentOf(elements: number[] | undefined, termIndex: number): number {
  if (!elements) return 0;
  let low = 0;
  let high = elements.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = elements[mid * 2];
    if (at === termIndex) return elements[mid * 2 + 1];
    if (at < termIndex) low = mid + 1;
    else high = mid - 1;
  }
  return 0;
}
