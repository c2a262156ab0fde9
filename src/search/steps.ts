// The German analysis chain as lunr pipeline functions. Each step is a small named function
// registered with lunr, so an index serialised with these labels can be loaded again.
// Order: normalise → law references → stop words → umlaut folding → compounds → stem.
import { lunr, germanStemmer, germanStopWordFilter } from './lunr-de.ts';
import { foldUmlauts, hasDigit, normalizeWord } from './normalize.ts';
import { extraStopWords } from './stopwords.ts';
import { bookNumeralAt, isCitationNoise, lawCodeAt, lawTermsAt } from './law.ts';
import type { Decompounder } from './decompound.ts';

/** Metadata our steps attach to tokens (lunr keeps only whitelisted keys in the index). */
export type TokenMeta = {
  wordIndex?: number;
  law?: boolean; // a citation term: never folded, split, stemmed or fuzzed
  part?: boolean; // a compound part, not the word the user wrote
  surface?: string; // the folded word before stemming
};

function meta(token: lunr.Token): TokenMeta {
  return (token as unknown as { metadata: TokenMeta }).metadata;
}

/** A new token with its own metadata object (lunr's clone() shares the object). */
function derive(token: lunr.Token, str: string, extra: TokenMeta): lunr.Token {
  return new lunr.Token(str, { ...meta(token), ...extra });
}

export const normalizeStep: lunr.PipelineFunction = (token) => token.update((s) => normalizeWord(s));

// Words of the whole token list, computed once per list (steps see the list for context).
const wordsOfList = new WeakMap<lunr.Token[], string[]>();
function wordsOf(tokens: lunr.Token[]): string[] {
  let words = wordsOfList.get(tokens);
  if (!words) {
    words = tokens.map((t) => t.toString());
    wordsOfList.set(tokens, words);
  }
  return words;
}

export const lawReferenceStep: lunr.PipelineFunction = (token, i, tokens) => {
  const words = wordsOf(tokens);
  if (isCitationNoise(words, i)) return null;
  const book = bookNumeralAt(words, i);
  if (book) return derive(token, book, { law: true });
  const lawTerms = lawTermsAt(words, i);
  if (lawTerms.length > 0) {
    return [derive(token, token.toString(), { law: true }), ...lawTerms.map((t) => derive(token, t, { law: true }))];
  }
  const code = lawCodeAt(words, i);
  if (code && code !== words[i]) return [token, derive(token, code, { law: true })];
  return token;
};

export const stopWordStep: lunr.PipelineFunction = (token, i, tokens) => {
  if (meta(token).law) return token;
  const word = token.toString();
  if (word.length < 2 && !hasDigit(word)) return null;
  if (extraStopWords.has(word)) return null;
  return germanStopWordFilter(token, i, tokens);
};

export const foldUmlautsStep: lunr.PipelineFunction = (token) =>
  meta(token).law || hasDigit(token.toString()) ? token : token.update((s) => foldUmlauts(s));

/** Compound splitting needs the vocabulary, so each index gets its own instance of the step. */
export function createDecompoundStep(decompounder: Decompounder): lunr.PipelineFunction {
  const step: lunr.PipelineFunction = (token) => {
    if (meta(token).law) return token;
    const parts = decompounder.split(token.toString());
    if (parts.length === 0) return token;
    return [token, ...parts.map((p) => derive(token, p, { part: true }))];
  };
  return labelled(step, 'ksl-decompound');
}

/**
 * Marks compound parts in the index ("Tagesmütter" → tagesmutt, ~tag, ~mutt), so that a query
 * word can match a whole indexed word fully and a mere part of a compound only weakly:
 * "Mutter" should not find the heading about Tagesmütter as if it said "Mutter". Index time only.
 */
export const PART_MARK = '~';
export const markPartStep: lunr.PipelineFunction = (token) => (meta(token).part ? token.update((s) => PART_MARK + s) : token);

export function isMarkedPart(term: string): boolean {
  return term.startsWith(PART_MARK);
}

export const stemStep: lunr.PipelineFunction = (token, i, tokens) => {
  const word = token.toString();
  if (meta(token).law || hasDigit(word)) return token;
  meta(token).surface ??= word;
  return germanStemmer(token, i, tokens);
};

/** Stems one folded word (used to stem the vocabulary for compound matching). */
export function stemWord(word: string): string {
  return String(germanStemmer(new lunr.Token(word, {}), 0, []));
}

/**
 * A stemmer that keeps its results (bounded). Compound splitting stems many substrings of the
 * same words; one memo per analyzer, so a fresh engine starts cold (as the bench measures it).
 */
export function memoizedStemmer(limit = 100_000): (word: string) => string {
  const memo = new Map<string, string>();
  return (word) => {
    let stem = memo.get(word);
    if (stem === undefined) {
      stem = stemWord(word);
      if (memo.size >= limit) memo.clear();
      memo.set(word, stem);
    }
    return stem;
  };
}

function labelled(fn: lunr.PipelineFunction, label: string): lunr.PipelineFunction {
  (fn as lunr.PipelineFunction & { label: string }).label = label;
  return fn;
}

// Registration. The decompound placeholder only lets lunr.Index.load resolve the label: the
// engine analyses queries itself (with the index's vocabulary) and never runs the loaded pipeline.
const registry = lunr.Pipeline as unknown as { registeredFunctions: Record<string, unknown> };
function register(fn: lunr.PipelineFunction, label: string): void {
  if (registry.registeredFunctions[label] === fn) return;
  if (registry.registeredFunctions[label]) {
    labelled(fn, label);
    registry.registeredFunctions[label] = fn; // re-import (test isolation): replace silently
    return;
  }
  lunr.Pipeline.registerFunction(fn, label);
}
register(normalizeStep, 'ksl-normalize');
register(lawReferenceStep, 'ksl-law-reference');
register(stopWordStep, 'ksl-stop-words');
register(foldUmlautsStep, 'ksl-fold-umlauts');
register((token) => token, 'ksl-decompound');
register(stemStep, 'ksl-stem');
register(markPartStep, 'ksl-mark-parts');

/** Steps before compound splitting: used to collect the vocabulary. */
export const preCompoundSteps: lunr.PipelineFunction[] = [normalizeStep, lawReferenceStep, stopWordStep, foldUmlautsStep];
