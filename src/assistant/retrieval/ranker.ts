// Picks the section that answers a turn: a logistic model over the candidate features
// (features.ts), with weights learned from labelled questions and dialogue turns by
// scripts/train-ranker.ts and stored in ranker-weights.json. Its probability for the best
// candidate is the answer's confidence; the thresholds below which the Lotse hedges or says
// it has no answer were set by the same script on labelled data (the off-topic questions
// included), not by hand.
import weights from './ranker-weights.json' with { type: 'json' };
import { FEATURES, type Candidate, type FeatureName } from './features.ts';

export type RankerWeights = { bias: number; weights: Record<FeatureName, number>; answerThreshold: number; sureThreshold: number };

export const RANKER = weights as RankerWeights;

export function probability(candidate: Candidate, model: RankerWeights = RANKER): number {
  let z = model.bias;
  for (const name of FEATURES) z += (model.weights[name] ?? 0) * candidate.features[name];
  return 1 / (1 + Math.exp(-z));
}

export type Ranked = { candidate: Candidate; probability: number };

/** Candidates best first; at most one section per article. */
export function rank(candidates: Candidate[], model: RankerWeights = RANKER): Ranked[] {
  const scored = candidates.map((candidate) => ({ candidate, probability: probability(candidate, model) })).sort((a, b) => b.probability - a.probability);
  const seen = new Set<string>();
  return scored.filter((r) => !seen.has(r.candidate.passage.articleId) && (seen.add(r.candidate.passage.articleId), true));
}
