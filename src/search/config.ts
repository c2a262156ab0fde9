// Ranking weights in one place. Tuned on the "train" split of test/eval/questions.jsonl only.
export const FIELD_BOOSTS = { title: 3, heading: 2.5, tags: 2, body: 1 } as const;

export const TERM_BOOSTS = {
  exact: 1,
  law: 1.2,
  part: 0.35,
  synonym: 0.4,
  fuzzy: [1, 0.3, 0.12], // by edit distance
} as const;

export const QUERY_LIMITS = {
  maxGroups: 10, // long inputs are reduced to this many informative words
  maxFuzzyExpansions: 6,
  candidates: 60,
  maxDocumentFraction: 0.5, // terms in more passages than this are dropped (speed; IDF ≈ 0)
  topSize: 3,
  maxPerArticleOnTop: 1,
} as const;

export const ROLE_BOOST = 1.2;
export const DEFAULT_LIMIT = 5;
