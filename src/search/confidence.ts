// How sure the search is that its best hit answers the query, as a number in 0..1.
//
// Three signals: coverage — the share of the query's IDF-weighted words the best passage
// matches, exact matches counting fully and fuzzy/part/synonym ones partly —, the lead of the
// best hit over the runner-up, and how much information the matched words carry (specificity.ts:
// "Wer berät mich?" is fully covered by one word found in nearly every article, "Wetter" by an
// incidental word in one body text). Calibration: see /work/notes/search3.md.
export type GroupEvidence = { weight: number; matched: number /* 0..1, best match quality */ };

/**
 * `headingMatch` (0..1): the share of the query found in the best passage's heading. A heading
 * that restates the question is as good a sign as a clear lead, so it can stand in for the lead.
 */
export function confidenceOf(evidence: GroupEvidence[], topScore: number, secondScore: number, headingMatch = 0, informationFactor = 1): number {
  if (evidence.length === 0 || topScore <= 0) return 0;
  const total = evidence.reduce((sum, e) => sum + e.weight, 0);
  if (total <= 0) return 0;
  const covered = evidence.reduce((sum, e) => sum + e.weight * e.matched, 0) / total;
  const lead = secondScore > 0 ? Math.min(1, (topScore - secondScore) / topScore) : 1;
  const value = covered * (0.8 + 0.2 * Math.max(lead, headingMatch)) * informationFactor;
  return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000;
}
