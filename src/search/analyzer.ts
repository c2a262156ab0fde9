// Analysis at index and query time: one chain of lunr pipeline steps (steps.ts) used for both;
// queries additionally get synonym expansion and are grouped per word the user typed.
import { lunr } from './lunr-de.ts';
import { Decompounder } from './decompound.ts';
import { createDecompoundStep, foldUmlautsStep, lawReferenceStep, memoizedStemmer, normalizeStep, preCompoundSteps, stemStep, stopWordStep } from './steps.ts';
import type { TokenMeta } from './steps.ts';
import { splitWords, tokenizeForLunr } from './tokenize.ts';
import { foldUmlauts, hasDigit, normalizeWord } from './normalize.ts';
import { compileSynonyms, findSynonyms } from './synonyms.ts';
import type { SynonymGroup } from './synonyms.ts';

export type TermKind = 'exact' | 'part' | 'law' | 'synonym';
/** `weight` scales the kind's boost: a term of a three-word synonym counts a third. */
export type QueryTerm = { term: string; kind: TermKind; surface: string; weight: number };
/** All terms that stand for one word of the query (the word, its parts, its synonyms). */
export type QueryGroup = { position: number; word: string; terms: QueryTerm[] };

/** Synonym groups can be long; the first members (the closest ones, by convention) are enough. */
const MAX_SYNONYM_TERMS = 8;

export type AnalyzerConfig = {
  /** Steps switched off for the evaluation ablation table; all on in production. */
  disable?: Partial<Record<'fold' | 'decompound' | 'synonyms' | 'law', boolean>>;
};

export class Analyzer {
  readonly decompounder: Decompounder;
  readonly pipeline: lunr.Pipeline;
  private readonly synonyms: SynonymGroup[];
  private readonly expansionCache = new Map<string, string[]>();

  constructor(vocabulary: Iterable<string>, synonyms: string[][], config: AnalyzerConfig = {}) {
    const off = config.disable ?? {};
    this.decompounder = new Decompounder(vocabulary, memoizedStemmer());
    this.pipeline = new lunr.Pipeline();
    const steps = [
      normalizeStep,
      off.law ? undefined : lawReferenceStep,
      stopWordStep,
      off.fold ? undefined : foldUmlautsStep,
      off.decompound ? undefined : createDecompoundStep(this.decompounder),
      stemStep,
    ];
    for (const step of steps) if (step) this.pipeline.add(step);
    this.synonyms = off.synonyms ? [] : compileSynonyms(synonyms);
  }

  /** Index-time analysis of a field value: the terms lunr stores. */
  analyze(text: string): string[] {
    return this.pipeline.run(tokenizeForLunr(text)).map(String);
  }

  /** Query analysis: terms grouped by the word of the query they came from. */
  analyzeQuery(text: string): QueryGroup[] {
    const raw = splitWords(text);
    const tokens = this.pipeline.run(tokenizeForLunr(text));
    const groups = new Map<number, QueryGroup>();
    for (const token of tokens) {
      const m = (token as unknown as { metadata: TokenMeta }).metadata;
      const position = m.wordIndex ?? 0;
      let group = groups.get(position);
      if (!group) {
        group = { position, word: raw[position]?.text ?? '', terms: [] };
        groups.set(position, group);
      }
      const kind: TermKind = m.part ? 'part' : m.law ? 'law' : 'exact';
      const term = token.toString();
      if (!group.terms.some((t) => t.term === term)) group.terms.push({ term, kind, surface: m.surface ?? term, weight: 1 });
    }
    this.addSynonyms(raw.map((r) => r.text), groups);
    return [...groups.values()].sort((a, b) => a.position - b.position);
  }

  private addSynonyms(rawWords: string[], groups: Map<number, QueryGroup>): void {
    if (this.synonyms.length === 0) return;
    const folded = rawWords.map((w) => foldUmlauts(normalizeWord(w)));
    for (const match of findSynonyms(this.synonyms, folded, rawWords)) {
      let group = groups.get(match.start);
      if (!group) {
        // The matched word was a stop word ("JA"): it still stands for its synonyms.
        group = { position: match.start, word: rawWords[match.start], terms: [] };
        groups.set(match.start, group);
      }
      let added = 0;
      for (const other of match.group) {
        if (other === match.member || added >= MAX_SYNONYM_TERMS) continue;
        const terms = this.expand(other.text);
        for (const term of terms) {
          if (group.terms.some((t) => t.term === term)) continue;
          group.terms.push({ term, kind: 'synonym', surface: term, weight: 1 / terms.length });
          added++;
        }
      }
    }
  }

  /** The whole-word terms of a synonym member (compound parts are left out: too loose). */
  private expand(text: string): string[] {
    let terms = this.expansionCache.get(text);
    if (!terms) {
      terms = [];
      for (const token of this.pipeline.run(tokenizeForLunr(text))) {
        if ((token as unknown as { metadata: TokenMeta }).metadata.part) continue;
        terms.push(token.toString());
      }
      this.expansionCache.set(text, terms);
    }
    return terms;
  }
}

/** Folded words of a text before compound splitting: the vocabulary compounds are split into. */
export function vocabularyWords(text: string): string[] {
  const pipeline = new lunr.Pipeline();
  for (const step of preCompoundSteps) pipeline.add(step);
  return pipeline
    .run(tokenizeForLunr(text))
    .map(String)
    .filter((w) => w.length >= 3 && !hasDigit(w) && /^\p{L}+$/u.test(w));
}
