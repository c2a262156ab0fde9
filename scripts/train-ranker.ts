// `node scripts/train-ranker.ts`: learns the answer ranker (src/assistant/retrieval) from
// labelled data and writes src/assistant/retrieval/ranker-weights.json.
//   Training data: the "train" split of test/eval/questions.jsonl (single questions) and the
//   tuning dialogues of test/eval/dialogues (batches A–C, turns labelled with their articles),
//   replayed turn by turn so that follow-ups are read against the conversation, with the
//   labelled articles of the previous turn as what was answered before. Held-out splits
//   (questions heldout/blind2/blind3, dialogue batches D–F) are never used here.
//   Model: a linear score over the candidate features, trained listwise (softmax over a turn's
//   candidates, L2-regularised, batch gradient descent), and a Platt calibration of the top score.
//   Thresholds: the answer threshold lets through at most 10 % of the negative questions while
//   keeping most right answers; below the sure threshold fewer than 85 % of top answers are right.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stateOf, type AssistantDeps } from '../src/assistant/respond.ts';
import { candidatesFor, FEATURES, type Candidate } from '../src/assistant/retrieval/features.ts';
import { rank, score, type RankerWeights } from '../src/assistant/retrieval/ranker.ts';
import { understand } from '../src/assistant/understanding/index.ts';
import type { ConversationContext } from '../src/assistant/types.ts';
import { readDialogues, readLabels, turnId } from '../test/eval/dialogue-eval.ts';
import { loadAssistantDeps } from '../test/helpers/assistant-deps.ts';
import { readQuestions } from '../test/eval/evaluate.ts';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'src', 'assistant', 'retrieval', 'ranker-weights.json');

export const loadDeps = () => loadAssistantDeps(join(ROOT, 'knowledge'));

export type Example = { id: string; candidates: Candidate[]; gold: string[] };

/** The candidates of one turn in its conversation; `context` is updated as the service would. */
export function exampleOf(deps: AssistantDeps, id: string, text: string, gold: string[], context: ConversationContext): { example: Example; context: ConversationContext } {
  const understood = understand(text, context);
  const state = stateOf({ text, findings: [], understood, context, privacyNoticeShown: true }, deps);
  const { candidates } = candidatesFor(state.signals, deps.engine, deps.knowledge);
  return { example: { id, candidates, gold }, context: { ...state.context, lastArticleIds: gold.length ? gold : context.lastArticleIds } };
}

export function questionExamples(deps: AssistantDeps, splits: string[]): Example[] {
  return readQuestions().filter((q) => splits.includes(q.split)).map((q) => exampleOf(deps, q.id, q.q, q.articles, q.role ? { role: q.role } : {}).example);
}

export function dialogueExamples(deps: AssistantDeps, split: 'dev' | 'heldout'): Example[] {
  const labels = readLabels();
  const examples: Example[] = [];
  for (const dialogue of readDialogues().filter((d) => d.split === split)) {
    let context: ConversationContext = {};
    dialogue.turns.forEach((turn, index) => {
      const label = labels.get(turnId(dialogue.id, index));
      const gold = label?.outside ? [] : (label?.articles ?? []);
      const step = exampleOf(deps, turnId(dialogue.id, index), turn.user, gold, context);
      context = step.context;
      if (label) examples.push(step.example);
    });
  }
  return examples;
}

/** Listwise logistic ranking: softmax over a turn's candidates, the labelled ones as target. */
function fitWeights(examples: Example[], lambda = 0.001, iterations = 1500, rate = 0.3): number[] {
  const lists = examples
    .map((e) => ({ xs: e.candidates.map((c) => FEATURES.map((f) => c.features[f])), ys: e.candidates.map((c) => e.gold.includes(c.passage.articleId)) }))
    .filter((l) => l.ys.some(Boolean));
  const w = new Array(FEATURES.length).fill(0);
  for (let it = 0; it < iterations; it++) {
    const g = new Array(FEATURES.length).fill(0);
    for (const { xs, ys } of lists) {
      const z = xs.map((x) => x.reduce((sum, v, i) => sum + v * w[i], 0));
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const total = e.reduce((a, b) => a + b, 0);
      const gold = e.reduce((a, v, i) => a + (ys[i] ? v : 0), 0);
      xs.forEach((x, c) => {
        const diff = e[c]! / total - (ys[c] ? e[c]! / gold : 0);
        for (let i = 0; i < x.length; i++) g[i] += diff * x[i]!;
      });
    }
    for (let i = 0; i < w.length; i++) w[i] -= rate * (g[i] / lists.length + lambda * w[i]);
  }
  return w;
}

/** Platt scaling of the top score: right or wrong on the training turns, wrong on every negative. */
function calibrate(tops: Array<{ s: number; right: boolean }>, iterations = 3000, rate = 0.1): { scale: number; bias: number } {
  let a = 1;
  let b = 0;
  for (let it = 0; it < iterations; it++) {
    let ga = 0;
    let gb = 0;
    for (const { s, right } of tops) {
      const err = 1 / (1 + Math.exp(-(a * s + b))) - (right ? 1 : 0);
      ga += err * s;
      gb += err;
    }
    a -= rate * (ga / tops.length);
    b -= rate * (gb / tops.length);
  }
  return { scale: Math.round(a * 1e4) / 1e4, bias: Math.round(b * 1e4) / 1e4 };
}

export function hits(examples: Example[], model: RankerWeights): { n: number; hit1: number; hit3: number; tops: Array<{ p: number; right: boolean }> } {
  let hit1 = 0;
  let hit3 = 0;
  const tops: Array<{ p: number; right: boolean }> = [];
  const scored = examples.filter((e) => e.gold.length);
  for (const e of scored) {
    const ranked = rank(e.candidates, model);
    const ids = ranked.slice(0, 3).map((r) => r.candidate.passage.articleId);
    if (ids[0] && e.gold.includes(ids[0])) hit1++;
    if (ids.some((id) => e.gold.includes(id))) hit3++;
    tops.push({ p: ranked[0]?.probability ?? 0, right: Boolean(ids[0] && e.gold.includes(ids[0])) });
  }
  return { n: scored.length, hit1: hit1 / scored.length, hit3: hit3 / scored.length, tops };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};

if (import.meta.main) {
  const deps = await loadDeps();
  const questions = questionExamples(deps, ['train']);
  const dialogues = dialogueExamples(deps, 'dev');
  const training = [...questions, ...dialogues];
  const w = fitWeights(training);
  const weights = Object.fromEntries(FEATURES.map((f, i) => [f, Math.round(w[i]! * 1e4) / 1e4])) as RankerWeights['weights'];
  const uncalibrated: RankerWeights = { weights, calibration: { scale: 1, bias: 0 }, answerThreshold: 0, sureThreshold: 0 };
  const negativeExamples = questionExamples(deps, ['negative']);
  const topScore = (e: Example) => {
    const best = rank(e.candidates, uncalibrated)[0];
    return best ? score(best.candidate, uncalibrated) : -10;
  };
  const calibration = calibrate([
    ...training.filter((e) => e.gold.length).map((e) => ({ s: topScore(e), right: e.gold.includes(rank(e.candidates, uncalibrated)[0]?.candidate.passage.articleId ?? '') })),
    ...negativeExamples.map((e) => ({ s: topScore(e), right: false })),
  ]);
  const draft: RankerWeights = { weights, calibration, answerThreshold: 0, sureThreshold: 0 };
  const train = hits(training, draft);
  const negatives = negativeExamples.map((e) => rank(e.candidates, draft)[0]?.probability ?? 0);
  // Let through at most 10 % of the negative questions, but never drop more than 10 % of right answers.
  const rightTops = train.tops.filter((t) => t.right).map((t) => t.p);
  const answerThreshold = Math.min(quantile(negatives, 0.9), quantile(rightTops, 0.1));
  // The lowest p above which at least 85 % of training top answers are right.
  const sorted = [...train.tops].sort((a, b) => a.p - b.p);
  let sureThreshold = answerThreshold;
  for (let i = 0; i < sorted.length; i++) {
    const above = sorted.slice(i);
    if (above.filter((t) => t.right).length / above.length >= 0.85) { sureThreshold = sorted[i]!.p; break; }
  }
  const model: RankerWeights = { weights, calibration, answerThreshold: Math.round(answerThreshold * 1e4) / 1e4, sureThreshold: Math.round(Math.max(sureThreshold, answerThreshold) * 1e4) / 1e4 };
  const report = (name: string, examples: Example[]) => {
    const h = hits(examples, model);
    return `${name}: n ${h.n}, hit@1 ${h.hit1.toFixed(3)}, hit@3 ${h.hit3.toFixed(3)}`;
  };
  const lines = [
    report('train questions', questions), report('dev dialogue turns', dialogues),
    report('held-out questions', questionExamples(deps, ['heldout'])), report('blind2', questionExamples(deps, ['blind2'])), report('blind3', questionExamples(deps, ['blind3'])),
    `negative questions above the answer threshold: ${negatives.filter((p) => p >= model.answerThreshold).length}/${negatives.length}`,
  ];
  writeFileSync(OUT, `${JSON.stringify({
    _generated: 'by scripts/train-ranker.ts — do not edit by hand',
    _data: `questions.jsonl train (${questions.length}) + dialogue batches A–C labelled turns (${dialogues.length}); listwise softmax, L2 0.001, 1500 iterations; Platt calibration with the negative questions`,
    _metrics: lines,
    ...model,
  }, null, 2)}\n`);
  for (const line of lines) console.log(line);
  console.log(JSON.stringify(model));
}
