// The compiled lexicon (lexicon.json, built from lexicon.yaml by scripts/build-lexicon.ts) as
// regular expressions, compiled once at load. Matched against folded text (safety/fold.ts).
import data from './lexicon.json' with { type: 'json' };
import { typoCorrector } from '../safety/triage-spelling.ts';

type Patterns = Record<string, RegExp>;

/** One expression per id: the id's patterns joined as alternatives. */
function table(entries: Record<string, string[]>): Patterns {
  return Object.fromEntries(Object.entries(entries).map(([id, sources]) => [id, new RegExp(sources.map((s) => `(?:${s})`).join('|'))]));
}

export const KIND_PATTERNS = table(data.kinds);
export const YES_NO_START = new RegExp(data['yes-no-start']);
export const QUESTION_START = new RegExp(data['question-start']);
export const ACT_PATTERNS = table(data.acts);
export const CONCERN_PATTERNS = table(data.concerns);
export const ABOUT_PATTERNS = table(data.about);
export const WHEN_PATTERNS = table(data.when);
export const AGE_PATTERNS = table(data.age);
export const WHERE_PATTERNS = table(data.where);
export const DONE_PATTERNS = table(data.done);
export const DOMAIN = new RegExp(data.domain.map((s) => `(?:${s})`).join('|'));
export const OUTSIDE = new RegExp(data.outside.map((s) => `(?:${s})`).join('|'));
export const CIRCUMSTANCE = table(data.circumstance) as Record<keyof typeof data.circumstance, RegExp>;
/** Long domain words typed with one slip read as meant (folded text in, folded text out). */
export const correctDomainTypos = typoCorrector(data.spelling);

/** The ids of a table whose expression matches, in table order. */
export function matching(patterns: Patterns, folded: string): string[] {
  return Object.entries(patterns).filter(([, re]) => re.test(folded)).map(([id]) => id);
}
