// Retrieval evaluation: hit@1, hit@3 and MRR at article level over test/eval/questions.jsonl.
import { readFileSync } from 'node:fs';
import type { SearchEngine } from '../../src/search/index.ts';

/**
 * blind2: a second blind batch, written before the ranking changes of the search2 helper; never tuned on.
 * blind3: compound-part questions (a short common word that is only part of an indexed compound) and
 * long case descriptions, written by the search4 helper before its changes; never tuned on.
 */
export type Split = 'train' | 'heldout' | 'blind2' | 'blind3' | 'negative';
/** Negative questions: `offtopic` (outside child protection) or `vague` (no answerable content). */
export type Question = { id: string; q: string; articles: string[]; split: Split; role?: string; kind?: 'offtopic' | 'vague' | 'part' | 'long' };
export type Miss = { id: string; q: string; expected: string[]; got: string[] };
/** answered: share with confidence ≥ ANSWER_THRESHOLD; answeredRight: … of those whose top article is right. */
export type SplitMetrics = { n: number; hit1: number; hit3: number; mrr: number; misses: Miss[]; skipped: number; meanConfidence: number; answered: number; answeredRight: number };
/** The service answers at this confidence (below it: fallback). */
export const ANSWER_THRESHOLD = 0.25;
export type EvalReport = { train: SplitMetrics; heldout: SplitMetrics; blind2: SplitMetrics; blind3: SplitMetrics; negative: NegativeMetrics; confidences: { correct: number[]; wrong: number[] } };
/** Confidences of the negative questions, all together and by kind (untagged ones count as off-topic). */
export type NegativeMetrics = { n: number; meanConfidence: number; confidences: number[]; offtopic: number[]; vague: number[]; results: Array<{ id: string; q: string; kind: string; confidence: number; top?: string }> };

export const QUESTIONS_FILE = new URL('./questions.jsonl', import.meta.url).pathname;

export function readQuestions(file = QUESTIONS_FILE): Question[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Question);
}

export type EvalOptions = { useRoles?: boolean; available?: ReadonlySet<string> };

/** Questions whose labelled articles are all missing from the corpus are skipped (and counted). */
export function evaluate(engine: SearchEngine, questions: Question[], options: EvalOptions = {}): EvalReport {
  const useRoles = options.useRoles ?? true;
  const correct: number[] = [];
  const wrong: number[] = [];
  // Calibration figures (correct/wrong confidences) come from train and heldout only, as before.
  const run = (split: Split, calibrate = true): SplitMetrics => {
    const metrics: SplitMetrics = { n: 0, hit1: 0, hit3: 0, mrr: 0, misses: [], skipped: 0, meanConfidence: 0, answered: 0, answeredRight: 0 };
    for (const question of questions.filter((q) => q.split === split)) {
      if (options.available && !question.articles.some((a) => options.available!.has(a))) {
        metrics.skipped++;
        continue;
      }
      const result = engine.search(question.q, { limit: 10, role: useRoles ? question.role : undefined });
      const ranked = result.hits.map((h) => h.passage.articleId);
      const rank = ranked.findIndex((id) => question.articles.includes(id)) + 1;
      metrics.n++;
      metrics.meanConfidence += result.confidence;
      if (rank === 1) metrics.hit1++;
      if (result.confidence >= ANSWER_THRESHOLD) {
        metrics.answered++;
        if (rank === 1) metrics.answeredRight++;
      }
      if (rank >= 1 && rank <= 3) metrics.hit3++;
      if (rank >= 1) metrics.mrr += 1 / rank;
      if (calibrate) (rank === 1 ? correct : wrong).push(result.confidence);
      if (rank === 0 || rank > 3) metrics.misses.push({ id: question.id, q: question.q, expected: question.articles, got: [...new Set(ranked)].slice(0, 3) });
    }
    if (metrics.n > 0) {
      metrics.hit1 /= metrics.n;
      metrics.hit3 /= metrics.n;
      metrics.mrr /= metrics.n;
      metrics.meanConfidence /= metrics.n;
      metrics.answered /= metrics.n;
      metrics.answeredRight /= metrics.n;
    }
    return metrics;
  };
  const train = run('train');
  const heldout = run('heldout');
  const blind2 = run('blind2', false);
  const blind3 = run('blind3', false);
  const results = questions
    .filter((q) => q.split === 'negative')
    .map((q) => {
      const result = engine.search(q.q);
      return { id: q.id, q: q.q, kind: q.kind ?? 'offtopic', confidence: result.confidence, top: result.hits[0]?.passage.id };
    });
  const negatives = results.map((r) => r.confidence);
  return {
    train,
    heldout,
    blind2,
    blind3,
    negative: {
      n: negatives.length,
      meanConfidence: mean(negatives),
      confidences: negatives,
      offtopic: results.filter((r) => r.kind === 'offtopic').map((r) => r.confidence),
      vague: results.filter((r) => r.kind === 'vague').map((r) => r.confidence),
      results,
    },
    confidences: { correct, wrong },
  };
}

function mean(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
