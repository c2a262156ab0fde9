// Builds the serialisable search index from passages.
import { lunr } from './lunr-de.ts';
import { Analyzer, vocabularyWords } from './analyzer.ts';
import type { AnalyzerConfig } from './analyzer.ts';
import { foldUmlautsStep, markPartStep, normalizeStep, lawReferenceStep, stemStep, stopWordStep } from './steps.ts';
import { tokenizeForLunr } from './tokenize.ts';
import { stripMarkdown } from './normalize.ts';
import { SEED_VOCABULARY } from './seed-vocabulary.ts';
import { FIELD_BOOSTS } from './config.ts';
import type { Passage } from './types.ts';

export const INDEX_FORMAT = 'kinderschutz-lotse/search-index';
export const INDEX_VERSION = 3; // 2: compound parts indexed with PART_MARK; 3: typical questions field

export type SerializedSearchIndex = {
  format: typeof INDEX_FORMAT;
  version: number;
  /** Folded words compounds are split into; the same list must be used at query time. */
  vocabulary: string[];
  /** Passage ids; lunr refs are positions in this list (base 36), which keeps the index small. */
  refs: string[];
  /** Hash of the passages and synonyms it was built from: a prebuilt index is used only if it matches. */
  fingerprint: string;
  lunr: object;
};

/** FNV-1a over everything the index depends on; cheap enough to check at every start. */
export function indexFingerprint(passages: Passage[], synonyms: string[][]): string {
  let hash = 0x811c9dc5;
  const mix = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const p of passages) mix(`${p.id}\u0000${p.articleTitle}\u0000${p.heading}\u0000${p.tags.join(',')}\u0000${p.legal.join(',')}\u0000${p.audience.join(',')}\u0000${p.text}\u0000${(p.answers?.questions ?? []).join('|')}\u0001`);
  for (const group of synonyms) mix(`${group.join('|')}\u0002`);
  return `${INDEX_VERSION}-${passages.length}-${hash.toString(16)}`;
}

export type BuildConfig = AnalyzerConfig & { legalOnEveryPassage?: boolean };

export function buildSearchIndex(passages: Passage[], synonyms: string[][], config: BuildConfig = {}): SerializedSearchIndex {
  const vocabulary = collectVocabulary(passages, synonyms);
  const analyzer = new Analyzer(vocabulary, synonyms, config);
  const index = buildLunrIndex(passages, analyzer, config.legalOnEveryPassage === true);
  return { format: INDEX_FORMAT, version: INDEX_VERSION, vocabulary, refs: passages.map((p) => p.id), fingerprint: indexFingerprint(passages, synonyms), lunr: index.toJSON() };
}

export function buildLunrIndex(passages: Passage[], analyzer: Analyzer, legalOnEveryPassage = false): lunr.Index {
  const builder = new lunr.Builder();
  builder.tokenizer = tokenizeForLunr as unknown as typeof builder.tokenizer;
  builder.pipeline.add(...(analyzer.pipeline as unknown as { _stack: lunr.PipelineFunction[] })._stack, markPartStep);
  // Stored with the index for completeness; queries are analysed by the Analyzer, not by this.
  builder.searchPipeline.add(normalizeStep, lawReferenceStep, stopWordStep, foldUmlautsStep, stemStep);
  builder.metadataWhitelist = [];
  builder.ref('id');
  builder.field('title', { boost: FIELD_BOOSTS.title });
  builder.field('heading', { boost: FIELD_BOOSTS.heading });
  builder.field('tags', { boost: FIELD_BOOSTS.tags });
  builder.field('body', { boost: FIELD_BOOSTS.body });
  builder.field('questions', { boost: FIELD_BOOSTS.questions });
  const seenArticles = new Set<string>();
  passages.forEach((passage, position) => {
    const first = legalOnEveryPassage || !seenArticles.has(passage.articleId);
    seenArticles.add(passage.articleId);
    builder.add(documentOf(passage, position, first));
  });
  return builder.build();
}

export function refOf(position: number): string {
  return position.toString(36);
}

/**
 * Legal references describe the whole article, so they are indexed once, with the article's
 * first passage (its short answer): repeated on every passage they made "§ 8a SGB VIII" occur
 * in nearly all passages, which flattened its weight and slowed queries. Tags stay on every
 * passage: measured, that ranks the right article higher (train hit@3 0.892 → 0.916).
 */
function documentOf(passage: Passage, position: number, firstOfArticle: boolean): Record<string, string> {
  return {
    id: refOf(position),
    title: passage.articleTitle,
    heading: passage.heading,
    tags: [...passage.tags, ...(firstOfArticle ? passage.legal : [])].join(' ; '),
    body: stripMarkdown(passage.text),
    // Typical questions in the words professionals use (knowledge/answers): the bridge from how
    // people ask to how the article is written.
    questions: (passage.answers?.questions ?? []).join(' ; '),
  };
}

/** Distinct folded words of all passages and synonyms, plus a small seed of domain words. */
export function collectVocabulary(passages: Passage[], synonyms: string[][]): string[] {
  const words = new Set<string>(SEED_VOCABULARY);
  const texts = [
    ...passages.flatMap((p) => [p.articleTitle, p.heading, p.tags.join(' '), stripMarkdown(p.text), ...(p.answers?.questions ?? [])]),
    ...synonyms.flat(),
  ];
  for (const text of texts) for (const word of vocabularyWords(text)) words.add(word);
  return [...words].sort();
}
