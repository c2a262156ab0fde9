// How sure the search is that its best hit answers the query, as a number in 0..1.
//
// Two signals: coverage — the share of the query's information (IDF-weighted words) the best
// passage matches, exact matches counting fully and fuzzy/part/synonym ones partly — and the
// lead of the best hit over the runner-up. Calibration: see /work/notes/search.md.
export type GroupEvidence = { weight: number; matched: number /* 0..1, best match quality */ };

/**
 * `headingMatch` (0..1): the share of the query found in the best passage's heading. A heading
 * that restates the question is as good a sign as a clear lead, so it can stand in for the lead.
 */
export function confidenceOf(evidence: GroupEvidence[], topScore: number, secondScore: number, headingMatch = 0): number {
  if (evidence.length === 0 || topScore <= 0) return 0;
  const total = evidence.reduce((sum, e) => sum + e.weight, 0);
  if (total <= 0) return 0;
  const covered = evidence.reduce((sum, e) => sum + e.weight * e.matched, 0) / total;
  const lead = secondScore > 0 ? Math.min(1, (topScore - secondScore) / topScore) : 1;
  const value = covered * (0.8 + 0.2 * Math.max(lead, headingMatch));
  return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000;
}
