// Second-stage ranking on top of lunr's BM25 scores: features lunr cannot express.
//
// - Heading match: the share of the query's information (IDF-weighted word groups) found in the
//   passage heading. Headings are phrased as the questions people ask, so a heading that holds
//   most of the query's content words is strong evidence that the passage answers it.
// - Catch-all prior: articles that list many terms briefly (the glossary) match nearly every
//   abbreviation; they are demoted unless the query asks what a word means.
// - Role from the text: "als Lehrerin", "in unserer Kita" name a role even when the client sent none.
import { foldUmlauts, normalizeWord } from './normalize.ts';
import { splitWords } from './tokenize.ts';
import { CATCH_ALL_ARTICLES, LAW_SUBJECT, POSSESSIVES, RERANK, ROLE_WORDS } from './config.ts';
import { isLawCode } from './law.ts';
import type { QueryGroup } from './analyzer.ts';
import type { Passage } from './types.ts';

/** The index terms that stand for one word of the query, each with its match quality (0..1). */
export type GroupTerms = { weight: number; terms: Map<string, number> };

/** IDF-weighted share of the query's word groups that the heading's terms contain. */
export function headingShare(groups: GroupTerms[], headingTerms: ReadonlySet<string>): number {
  let total = 0;
  for (const group of groups) total += group.weight;
  if (total <= 0) return 0;
  // Headings have a handful of terms; walking them is cheaper than walking every query term.
  const best = new Array<number>(groups.length).fill(0);
  for (const term of headingTerms) {
    for (let g = 0; g < groups.length; g++) {
      const quality = groups[g].terms.get(term);
      if (quality !== undefined && quality > best[g]) best[g] = quality;
    }
  }
  let matched = 0;
  for (let g = 0; g < groups.length; g++) matched += groups[g].weight * best[g];
  return matched / total;
}

/**
 * How an article relates to a cited norm: `title` when its title names it ("§ 4 KKG: …"),
 * `firstLegal` when the norm heads its `legal` list; the short answer carries the subject boost.
 */
export type LawSubject = { isFirstPassage: boolean; title: ReadonlySet<string>; firstLegal: ReadonlySet<string> };

export type RerankContext = {
  groups: GroupTerms[];
  definitionQuery: boolean;
  role?: string;
  inferredRole?: string;
  /** Citation terms ("4-kkg", else "§4") when the query is essentially a law reference. */
  citation?: string[];
};

/** Multiplier for a passage's lunr score. */
export function rerankFactor(passage: Passage, headingTerms: ReadonlySet<string>, context: RerankContext, weights: RerankWeights = RERANK, subject?: LawSubject): number {
  let factor = 1 + weights.headingMatch * headingShare(context.groups, headingTerms);
  if (context.citation && subject?.isFirstPassage) factor *= 1 + lawSubjectStrength(context.citation, subject);
  if (!context.definitionQuery && CATCH_ALL_ARTICLES.has(passage.articleId)) factor *= weights.catchAllPrior;
  if (!context.role && context.inferredRole && passage.audience.includes(context.inferredRole)) factor *= weights.inferredRoleBoost;
  return factor;
}

function lawSubjectStrength(citation: string[], subject: LawSubject): number {
  if (citation.some((t) => subject.title.has(t))) return LAW_SUBJECT.title;
  if (citation.some((t) => subject.firstLegal.has(t))) return LAW_SUBJECT.firstLegal;
  return 0;
}

/**
 * The citation a query consists of, or undefined: every word is part of a law reference
 * ("§", number, code) apart from at most the words of a definition question ("Was heißt … genau?").
 * A sub-paragraph ("Abs. 2") asks about one part of the norm, which the heading match finds.
 */
export function citationOf(text: string, groups: QueryGroup[], definitionQuery: boolean): string[] | undefined {
  if (/\b(abs|absatz|satz|nr)\b/u.test(normalizeWord(text))) return undefined;
  const cited = groups.filter((g) => g.terms.some((t) => t.kind === 'law') || g.terms.some((t) => isLawCode(t.term)));
  const others = groups.length - cited.length;
  if (cited.length === 0 || others > (definitionQuery ? 1 : 0)) return undefined;
  const terms = cited.flatMap((g) => g.terms.filter((t) => t.kind === 'law').map((t) => t.term));
  // The most specific form: number with code ("4-kkg"), else the paragraph ("§4").
  const withCode = terms.filter((t) => t.includes('-') && /^\d/.test(t));
  const paragraphs = terms.filter((t) => t.startsWith('§'));
  const chosen = withCode.length > 0 ? withCode : paragraphs;
  return chosen.length > 0 ? chosen : undefined;
}

export type RerankWeights = { headingMatch: number; catchAllPrior: number; inferredRoleBoost: number };

const DEFINITION_WORDS = /\b(wof(ue|ü|u)r\s+steh(t|en)|hei(ss|ß)t|bedeutet|bedeuten|bedeutung|abk(ue|ü|u)rzung|steht\s+f(ue|ü|u)r|stehen\s+f(ue|ü|u)r|definition|meint\s+man)\b/u;
const WHAT_IS = /^\s*(was|wer)\s+(ist|sind)\b/u;

/**
 * A question about what a word means: "Was heißt ASD?", "wofür steht SPFH", "Was ist ein HPG?",
 * or a lone abbreviation ("NZFH", "KWG?"). Such queries may be answered by the glossary.
 */
export function isDefinitionQuery(text: string): boolean {
  const lower = normalizeWord(text);
  if (DEFINITION_WORDS.test(lower)) return true;
  const words = splitWords(text);
  if (WHAT_IS.test(lower) && words.length <= 5) return true;
  return words.length <= 2 && words.some((w) => isAbbreviation(w.text));
}

function isAbbreviation(word: string): boolean {
  return word.length >= 2 && word.length <= 6 && /\p{Lu}.*\p{Lu}/u.test(word) && word === word.toUpperCase();
}

/** The one role the query's words name ("als Lehrerin" → schule); undefined if none or several. */
export function inferRole(text: string): string | undefined {
  const words = splitWords(text).map((w) => foldUmlauts(normalizeWord(w.text)));
  const found = new Set<string>();
  words.forEach((word, i) => {
    const ownPlace = i > 0 && POSSESSIVES.has(words[i - 1]);
    for (const [role, { persons, places }] of ROLE_WORDS) {
      if (persons.some((p) => word.startsWith(p)) || (ownPlace && places.includes(word))) found.add(role);
    }
  });
  return found.size === 1 ? [...found][0] : undefined;
}
