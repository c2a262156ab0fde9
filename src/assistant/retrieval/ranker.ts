// Picks the section that answers a turn: a logistic model over the candidate features
// (features.ts), with weights learned from labelled questions and dialogue turns by
// scripts/train-ranker.ts and stored in ranker-weights.json. Its probability for the best
// candidate is the answer's confidence; the thresholds below which the Lotse hedges or says
// it has no answer were set by the same script on labelled data (the off-topic questions
// included), not by hand.
import weights from './ranker-weights.json' with { type: 'json' };
import { FEATURES, type Candidate, type FeatureName } from './features.ts';

/**
 * `weights` score candidates against each other (trained listwise: the labelled section should
 * win among the candidates of its turn); `calibration` turns the score into the probability that
 * the top candidate is right (fitted on the training turns and the off-topic questions).
 */
export type RankerWeights = {
  weights: Record<FeatureName, number>;
  calibration: { scale: number; bias: number };
  answerThreshold: number;
  sureThreshold: number;
};

export const RANKER = weights as unknown as RankerWeights;

export function score(candidate: Candidate, model: RankerWeights = RANKER): number {
  let z = 0;
  for (const name of FEATURES) z += (model.weights[name] ?? 0) * candidate.features[name];
  return z;
}

export function probability(candidate: Candidate, model: RankerWeights = RANKER): number {
  return 1 / (1 + Math.exp(-(model.calibration.scale * score(candidate, model) + model.calibration.bias)));
}

export type Ranked = { candidate: Candidate; probability: number };

/** Candidates best first; at most one section per article. */
export function rank(candidates: Candidate[], model: RankerWeights = RANKER): Ranked[] {
  const scored = candidates.map((candidate) => ({ candidate, probability: probability(candidate, model) })).sort((a, b) => b.probability - a.probability);
  const seen = new Set<string>();
  return scored.filter((r) => !seen.has(r.candidate.passage.articleId) && (seen.add(r.candidate.passage.articleId), true));
}
