// Ranking weights in one place. Tuned on the "train" split of test/eval/questions.jsonl only.
import type { Role } from '../contract/vocabulary.ts';
export const FIELD_BOOSTS = { title: 3, heading: 2.5, tags: 2, body: 1, questions: 1 } as const;

export const TERM_BOOSTS = {
  exact: 1,
  law: 1.2,
  part: 0.35, // a part of a compound the user typed ("Schweigepflicht" in "Schweigepflichtentbindung")
  // A word the user typed, found only as a part of an indexed compound: by stem length (query.ts).
  insideCompound: { short: 0.35, shortLength: 5, long: 1, longLength: 12 },
  synonym: 0.4,
  fuzzy: [1, 0.3, 0.12], // by edit distance
} as const;

export const QUERY_LIMITS = {
  maxGroups: 10, // long inputs are reduced to this many informative words
  maxFuzzyExpansions: 6,
  fuzzyKnownWords: false, // fuzzy variants only for words the index does not contain (train: hit@1 −0.005, 2× faster planning)
  candidates: 60,
  maxDocumentFraction: 0.5, // terms in more passages than this are dropped (speed; IDF ≈ 0)
  topSize: 3,
  maxPerArticleOnTop: 1,
} as const;

export const ROLE_BOOST = 1.2;
export const DEFAULT_LIMIT = 5;

/** Second-stage ranking (rerank.ts). Tuned on the train split only. */
export const RERANK = {
  headingMatch: 1, // score × (1 + headingMatch × share of query information in the heading)
  catchAllPrior: 0.5, // glossary-like articles, unless the query asks what a word means
  inferredRoleBoost: 1.1, // role named in the query text, when the client sent none
};

/**
 * Confidence damping for queries that carry little information (specificity.ts). Set on train
 * (correct vs wrong top hits) and the negative split (off-topic and vague questions).
 */
export const SPECIFICITY = {
  nonKeyword: 0.1, // a term only in body text: an incidental match
  headingOnly: 0.5, // a term in headings but in no title or tags
  spreadExponent: 1.5, // specificity = (1 − share of articles holding the term) ^ exponent
  saturation: 0.6, // query information at which confidence is no longer damped
  floor: 0.1, // factor for a query whose matched words carry no information
  // × (1 − IDF share of words the index does not know, not even as a typo) ^ exponent. Off: coverage
  // already counts such words as unmatched; 0.5 / 1 cut off-topic ≥ 0.25 from 0.18 to 0.14 / 0.11 but
  // also cost 2–3 % of correct answers (chat words like "ans", "doku", "Stiefvater" are unknown too).
  unknownExponent: 0,
};

/**
 * Long case descriptions (several sentences) hold many narrative words ("kommen", "Jahr", "Abend")
 * that no article is about; their rare words get a high IDF, drown the topic words in the
 * coverage and win the long-input reduction. From `fromGroups` query words on, a word's weight is
 * scaled by its topicality (its best term's specificity, specificity.ts): × (floor + (1 − floor) × τ),
 * reaching the full effect at `fullAt` words. Short questions are left as they were.
 * Tuned on train (and the negatives, which must not rise).
 */
export const LONG_INPUT = {
  fromGroups: 5,
  fullAt: 10,
  floor: 0.3,
  reduceByTopic: true, // the long-input reduction keeps the most topical informative words
  // Coverage (confidence) weighted the same way: off — train+heldout at 0.25 kept +3 correct but passed
  // +2 wrong answers (search4 notes), not a clear gain.
  confidenceByTopic: false as boolean,
};

/** A query that is essentially a law citation prefers the article about that norm (rerank.ts). */
export const LAW_SUBJECT = {
  title: 1, // the article's title names the norm: its short answer × (1 + 1)
  firstLegal: 0.5, // the norm is the first entry of the article's `legal` list
};

/** Articles that briefly list many terms; they answer definition questions only. */
export const CATCH_ALL_ARTICLES: ReadonlySet<string> = new Set(['glossar']);

/**
 * Folded word beginnings that name the asker's role. Person nouns ("Lehrerin", "Erzieher") count
 * anywhere; places ("Kita", "Verein") only after a possessive ("in unserer Kita"), since
 * "Schutzkonzept Kita" asks about a topic, not from a role.
 */
export const ROLE_WORDS: ReadonlyArray<[Role, { persons: string[]; places: string[] }]> = [
  ['schule', { persons: ['lehrer', 'lehrkraft', 'lehrkrafte', 'klassenlehr', 'schulleit', 'schulsozialarbeit', 'schulpsycholog', 'referendar'], places: ['schule', 'klasse', 'grundschule', 'gymnasium'] }],
  ['kita', { persons: ['erzieher', 'kitaleit', 'tagesmutter', 'tagesvater', 'tagespflegeperson'], places: ['kita', 'krippe', 'kindergarten', 'hort', 'kindertagesstatte', 'gruppe'] }],
  ['gesundheit', { persons: ['arzt', 'arztin', 'kinderarzt', 'kinderarztin', 'hebamme', 'familienhebamme', 'padiater', 'kinderkrankenpfleger', 'pflegekraft'], places: ['praxis', 'arztpraxis', 'klinik', 'kinderklinik', 'station'] }],
  ['verein', { persons: ['trainer', 'ubungsleiter', 'ehrenamtlich', 'jugendleiter', 'betreuer'], places: ['verein', 'sportverein', 'mannschaft', 'jugendgruppe'] }],
  ['jugendhilfe', { persons: ['sozialpadagog', 'sozialarbeiter', 'familienhelfer', 'heimerzieher'], places: ['wohngruppe', 'einrichtung', 'jugendzentrum', 'jugendclub'] }],
];

/** Words after which a place names the asker's own workplace ("unserer Kita", "meiner Klasse"). */
export const POSSESSIVES: ReadonlySet<string> = new Set(['unser', 'unsere', 'unserer', 'unserem', 'unseren', 'meine', 'meiner', 'meinem', 'meinen']);
