// Post-processing of lunr's results: role boost, article diversity, confidence.
import type { Passage, SearchHit } from './types.ts';
import { QUERY_LIMITS, ROLE_BOOST } from './config.ts';

export type ScoredPassage = { passage: Passage; score: number; matchedTerms: string[] };

export function applyRoleBoost(results: ScoredPassage[], role: string | undefined): ScoredPassage[] {
  if (!role) return results;
  return results
    .map((r) => (r.passage.audience.includes(role) ? { ...r, score: r.score * ROLE_BOOST } : r))
    .sort((a, b) => b.score - a.score);
}

/**
 * Within the first `topSize` places an article may hold at most `perArticle` passages, so one
 * long article cannot fill the top three; the passages it displaces follow by score.
 */
export function diversify(results: ScoredPassage[], topSize: number = QUERY_LIMITS.topSize, perArticle: number = QUERY_LIMITS.maxPerArticleOnTop): ScoredPassage[] {
  const top: ScoredPassage[] = [];
  const rest: ScoredPassage[] = [];
  const count = new Map<string, number>();
  for (const result of results) {
    const used = count.get(result.passage.articleId) ?? 0;
    if (top.length < topSize && used < perArticle) {
      count.set(result.passage.articleId, used + 1);
      top.push(result);
    } else {
      rest.push(result);
    }
  }
  return [...top, ...rest];
}

export function toHits(results: ScoredPassage[], limit: number): SearchHit[] {
  return results.slice(0, limit).map((r) => ({ passage: r.passage, score: round(r.score) }));
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
