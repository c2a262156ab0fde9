// Public entry of the search part. Runs on Node and on Cloudflare Workers (no node: imports).
import { buildSearchIndex as build } from './build.ts';
import { loadSearchEngine as load } from './engine.ts';
import type { Passage, SearchEngine } from './types.ts';

export type { Passage, SearchEngine, SearchHit, SearchOptions, SearchResult } from './types.ts';
export type { SerializedSearchIndex } from './build.ts';
export { indexFingerprint } from './build.ts';
export { LunrSearchEngine } from './engine.ts';
export type { EngineConfig } from './engine.ts';

/** Builds the JSON-serialisable index (lunr index plus the vocabulary for compound splitting). */
export function buildSearchIndex(passages: Passage[], synonyms: string[][]): object {
  return build(passages, synonyms);
}

/** Loads a serialised index; `passages` and `synonyms` must be those the index was built from. */
export function loadSearchEngine(serialized: object, passages: Passage[], synonyms: string[][]): SearchEngine {
  return load(serialized, passages, synonyms);
}
