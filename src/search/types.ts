// Public types of the search part (fixed in BRIEF-interfaces.md).
//
import type { Passage } from '../knowledge/types.ts';

export type { Passage };
export type SearchOptions = { limit?: number; role?: string };
export type SearchHit = { passage: Passage; score: number };
export type SearchResult = { hits: SearchHit[]; confidence: number /* 0..1 */ };
export interface SearchEngine {
  search(query: string, options?: SearchOptions): SearchResult;
}
