// Trains the learned acute-triage model and writes src/assistant/safety/triage-weights.ts.
//   npx node scripts/train-triage.ts            cross-validate, train on all training splits, write weights
//   npx node scripts/train-triage.ts --cv-only  cross-validate only (and print the t_high grid)
//   npx node scripts/train-triage.ts --eval test/eval/new-batch.jsonl
//                                               rules / model / combined on a file (uses the written weights)
// Training data: test/eval/triage.jsonl, triage-blind*.jsonl and triage-contrast*.jsonl (every
// labelled split). Contrast sets are minimal pairs (the same danger words told as an emergency
// and as something harmless: a drawing, routine medication, a joke, a drill); they are training
// data, not blind batches.
// A new blind batch must be run once with --eval BEFORE it is saved under that name (e.g. keep
// it as test/eval/new-batch.jsonl), or its first-run figure is no longer honest.
// Deterministic: seeded augmentation, full-batch optimisation, fixed iteration count.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractFeatures, FEATURE_BITS, FEATURE_DIM, type SparseVector } from '../src/assistant/safety/triage-features.ts';
import { ruleTriage } from '../src/assistant/triage.ts';

type Case = { id: string; split: string; text: string; level: 'none' | 'concern' | 'acute'; suicidal: boolean };
type Example = { x: SparseVector; y: number; damped: boolean; split: string; id: string };
type Config = { lambda: number; augment: number; iterations: number };

const root = (rel: string) => fileURLToPath(new URL(`../${rel}`, import.meta.url));
const readCases = (rel: string): Case[] =>
  readFileSync(root(rel), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Case);

// triage.jsonl (gated: the rules must catch every acute message there), the blind batches whose
// first run is recorded but whose misses the rules do not cover yet (triage-blind*.jsonl), and
// contrast sets (triage-contrast*.jsonl).
const TRAINING_FILES = [
  'test/eval/triage.jsonl',
  ...readdirSync(root('test/eval')).filter((f) => /^triage-(?:blind|contrast)\d+\.jsonl$/.test(f)).sort().map((f) => `test/eval/${f}`),
];

// Target false-positive rate of model-only alarms on non-acute messages (out of fold). Kept
// below the 10 % gate because the rules add false alarms of their own on unseen text (0–7 % on
// first blind runs).
const TARGET_FPR = 0.05;

// Upper threshold: from here on the model alone makes a message acute (signal `model_acute`).
// Chosen on the grid below: highest recall among the t_high whose estimated FPR of "rules acute OR
// model ≥ t_high" on unseen text stays within this target (pooled over the blind batches, rules as
// they answered on their first run, model out of fold). Missing acute danger is worse than a false
// alarm, but every false alarm sends a professional a 110/112 answer for a non-emergency.
const TARGET_COMBINED_FPR = 0.07;
const T_HIGH_GRID = [0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.88, 0.9, 0.92, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99];

// What the rules said on the FIRST run over each blind batch, before anyone tuned them on it
// (outputs kept by the triage helpers: /tmp/triage2/blind2-before.txt, blind3-first.txt,
// /tmp/triage3/blind4-baseline.txt, blind5-first.txt; figures in /work/notes/triage2.md and
// triage3.md). The current rules are tuned to 100 % / 0 % on dev, heldout, blind2 and blind3, so
// only these first answers give an honest combined figure. dev and heldout have no per-message
// first run on record.
// Rules acute on the first run = (labelled acute and not in `missed`) or in `falseAlarms`.
const FIRST_RUN_RULES: Record<string, { missed: string[]; falseAlarms: string[] }> = {
  blind2: {
    missed: ['t269', 't271', 't275', 't294', 't295', 't311', 't313', 't316', 't322', 't327', 't329', 't333', 't337', 't339', 't341', 't347', 't349'],
    falseAlarms: ['t300', 't310', 't348'],
  },
  blind3: { missed: ['t351', 't357', 't358', 't362', 't368', 't377', 't381'], falseAlarms: [] },
  blind4: {
    missed: ['t382', 't386', 't389', 't390', 't392', 't397', 't398', 't400', 't401', 't402', 't405', 't407', 't410', 't411', 't414', 't415', 't417', 't420', 't422', 't426', 't431'],
    falseAlarms: ['t441', 't450', 't465', 't488'],
  },
  blind5: {
    missed: ['t490', 't491', 't493', 't495', 't496', 't497', 't499', 't500', 't502', 't503', 't507', 't509', 't512', 't513', 't514', 't517', 't520', 't521'],
    falseAlarms: ['t533'],
  },
};

// ---------- data ----------

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A chat-style copy of a message: lower case, umlauts spelled out or dropped, a few typos.
function noisyCopy(text: string, rand: () => number): string {
  let t = rand() < 0.6 ? text.toLowerCase() : text;
  if (rand() < 0.5) t = t.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
  return t.replace(/[A-Za-zÄÖÜäöüß]{5,}/g, (w) => {
    if (rand() > 0.15) return w;
    const i = 1 + Math.floor(rand() * (w.length - 2));
    const kind = rand();
    if (kind < 0.4) return w.slice(0, i) + w.slice(i + 1); // dropped letter
    if (kind < 0.7) return w.slice(0, i - 1) + w[i] + w[i - 1] + w.slice(i + 1); // swapped letters
    return w.slice(0, i) + w[i] + w.slice(i); // doubled letter
  });
}

// Mirrors the guards in triage(): where the model is not asked.
function isDamped(rules: ReturnType<typeof ruleTriage>, text: string): boolean {
  return rules.onlyQuestions || rules.closed || rules.signals.includes('meta') || (text.match(/[\p{L}\d]+/gu)?.length ?? 0) < 4;
}

function toExample(c: Case, text = c.text): Example {
  const rules = ruleTriage(text);
  return {
    x: extractFeatures(text, rules.signals),
    y: c.level === 'acute' ? 1 : 0,
    damped: isDamped(rules, text),
    split: c.split,
    id: c.id,
  };
}

function augmented(cases: Case[], copies: number, seed: number): Example[] {
  const rand = mulberry32(seed);
  const out: Example[] = [];
  for (const c of cases) for (let k = 0; k < copies; k++) out.push(toExample(c, noisyCopy(c.text, rand)));
  return out;
}

// ---------- logistic regression ----------

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function score(w: Float64Array, bias: number, x: SparseVector): number {
  let z = bias;
  for (let i = 0; i < x.index.length; i++) z += w[x.index[i]!]! * x.value[i]!;
  return z;
}

// Full-batch Adam on class-balanced log loss with L2; deterministic.
function train(examples: Example[], cfg: Config): { w: Float64Array; bias: number } {
  const pos = examples.filter((e) => e.y === 1).length;
  const neg = examples.length - pos;
  const weightOf = (y: number) => (y === 1 ? examples.length / (2 * pos) : examples.length / (2 * neg));
  const w = new Float64Array(FEATURE_DIM);
  const m = new Float64Array(FEATURE_DIM + 1);
  const v = new Float64Array(FEATURE_DIM + 1);
  const g = new Float64Array(FEATURE_DIM + 1);
  let bias = 0;
  const lr = 0.05;
  for (let t = 1; t <= cfg.iterations; t++) {
    g.fill(0);
    for (const e of examples) {
      const err = (sigmoid(score(w, bias, e.x)) - e.y) * weightOf(e.y);
      for (let i = 0; i < e.x.index.length; i++) g[e.x.index[i]!]! += err * e.x.value[i]!;
      g[FEATURE_DIM]! += err;
    }
    for (let i = 0; i <= FEATURE_DIM; i++) {
      const param = i === FEATURE_DIM ? bias : w[i]!;
      const grad = g[i]! / examples.length + (i === FEATURE_DIM ? 0 : cfg.lambda * param);
      if (grad === 0 && m[i] === 0) continue;
      m[i] = 0.9 * m[i]! + 0.1 * grad;
      v[i] = 0.999 * v[i]! + 0.001 * grad * grad;
      const step = (lr * (m[i]! / (1 - 0.9 ** t))) / (Math.sqrt(v[i]! / (1 - 0.999 ** t)) + 1e-8);
      if (i === FEATURE_DIM) bias -= step;
      else w[i] = param - step;
    }
  }
  return { w, bias };
}

// ---------- evaluation ----------

type Scored = { p: number; y: number; damped: boolean; split: string; id: string };
// Rules' verdict per message: as they answer today (tuned on most splits) and on their first run.
type RuleVerdict = { now: boolean; firstRun: boolean | null };

// Lowest threshold whose model-only FPR on non-acute messages stays within the target.
function thresholdFor(scored: Scored[], target: number): number {
  const neg = scored.filter((s) => s.y === 0).map((s) => (s.damped ? 0 : s.p)).sort((a, b) => b - a);
  const allowed = Math.floor(target * neg.length);
  return Math.min(0.99, (neg[allowed] ?? 0) + 1e-6);
}

function rates(scored: Scored[], threshold: number) {
  const hit = (s: Scored) => !s.damped && s.p >= threshold;
  const pos = scored.filter((s) => s.y === 1);
  const neg = scored.filter((s) => s.y === 0);
  return { recall: pos.filter(hit).length / pos.length, fpr: neg.filter(hit).length / Math.max(1, neg.length), pos: pos.length, neg: neg.length };
}

function auc(scored: Scored[]): number {
  const pos = scored.filter((s) => s.y === 1).map((s) => s.p);
  const neg = scored.filter((s) => s.y === 0).map((s) => s.p);
  let wins = 0;
  for (const a of pos) for (const b of neg) wins += a > b ? 1 : a === b ? 0.5 : 0;
  return wins / (pos.length * neg.length);
}

const representative = (s: { split: string }) => !s.split.startsWith('contrast');

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

// Wilson 95 % interval of k out of n, as "a–b %": the blind batches are small.
function wilson(k: number, n: number): string {
  const z = 1.96;
  const p = k / n;
  const mid = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return `${(100 * (mid - half)).toFixed(1)}–${(100 * (mid + half)).toFixed(1)} %`;
}

// Leave one split out: each split plays the unseen batch once.
function crossValidate(cases: Case[], cfg: Config): Scored[] {
  const splits = [...new Set(cases.map((c) => c.split))];
  const out: Scored[] = [];
  for (const held of splits) {
    const trainCases = cases.filter((c) => c.split !== held);
    const examples = [...trainCases.map((c) => toExample(c)), ...augmented(trainCases, cfg.augment, 7)];
    const model = train(examples, cfg);
    for (const c of cases.filter((x) => x.split === held)) {
      const e = toExample(c);
      out.push({ p: sigmoid(score(model.w, model.bias, e.x)), y: e.y, damped: e.damped, split: c.split, id: c.id });
    }
  }
  return out;
}

// ---------- upper threshold: model alone → acute ----------

function ruleVerdicts(cases: Case[]): Map<string, RuleVerdict> {
  const out = new Map<string, RuleVerdict>();
  for (const c of cases) {
    const first = FIRST_RUN_RULES[c.split];
    let firstRun: boolean | null = null;
    if (first) {
      if (first.missed.includes(c.id) && c.level !== 'acute') throw new Error(`${c.id}: listed as a missed acute but labelled ${c.level}`);
      if (first.falseAlarms.includes(c.id) && c.level === 'acute') throw new Error(`${c.id}: listed as a false alarm but labelled acute`);
      firstRun = (c.level === 'acute' && !first.missed.includes(c.id)) || first.falseAlarms.includes(c.id);
    }
    out.set(c.id, { now: ruleTriage(c.text).level === 'acute', firstRun });
  }
  return out;
}

type Counts = { tp: number; pos: number; fp: number; neg: number };
const cell = (k: Counts) => `${pct(k.tp / Math.max(1, k.pos)).padStart(7)} / ${pct(k.fp / Math.max(1, k.neg)).padStart(6)}`;

// "rules acute OR model ≥ t" on the given messages; rules = null → model alone.
function combinedCounts(scored: Scored[], t: number, rulesAcute: ((s: Scored) => boolean) | null): Counts {
  const acute = (s: Scored) => (rulesAcute?.(s) ?? false) || (!s.damped && s.p >= t);
  const pos = scored.filter((s) => s.y === 1);
  const neg = scored.filter((s) => s.y === 0);
  return { tp: pos.filter(acute).length, pos: pos.length, fp: neg.filter(acute).length, neg: neg.length };
}

// Prints the t_high grid and returns the chosen t_high: among grid values whose combined FPR with
// first-run rules, pooled over the blind batches, is within TARGET_COMBINED_FPR, the one with the
// highest recall (ties within one message → the higher threshold).
function chooseUpperThreshold(scored: Scored[], cases: Case[]): { tHigh: number; estimate: string } {
  const verdicts = ruleVerdicts(cases);
  const rulesNow = (s: Scored) => verdicts.get(s.id)!.now;
  const rulesFirst = (s: Scored) => verdicts.get(s.id)!.firstRun!;
  // First run where on record, today's (tuned) answer otherwise: a lower bound for rule false alarms.
  const rulesBest = (s: Scored) => verdicts.get(s.id)!.firstRun ?? verdicts.get(s.id)!.now;
  const blind = scored.filter((s) => verdicts.get(s.id)!.firstRun !== null);
  const splits = [...new Set(scored.map((s) => s.split))];
  const blindSplits = splits.filter((sp) => FIRST_RUN_RULES[sp]);
  const first = combinedCounts(blind, 2, rulesFirst);
  console.log(`\nRules alone, first runs (${blindSplits.join('+')}): recall/FPR ${cell(first)}  (${first.tp}/${first.pos}, ${first.fp}/${first.neg})`);
  console.log('Out-of-fold model (leave one split out), recall / FPR of acute:');
  console.log(`  t_high | model alone, all*  | first-run rules OR model, ${blindSplits.join('+')} | rules* OR model, all | per split (first-run rules OR model; dev/heldout: tuned rules)`);
  const within: { t: number; honest: Counts }[] = [];
  for (const t of T_HIGH_GRID) {
    const model = combinedCounts(scored.filter(representative), t, null);
    const honest = combinedCounts(blind, t, rulesFirst);
    const pooled = combinedCounts(scored.filter(representative), t, rulesBest);
    const per = splits.map((sp) => `${sp} ${cell(combinedCounts(scored.filter((s) => s.split === sp), t, FIRST_RUN_RULES[sp] ? rulesFirst : rulesNow)).replace(/ +/g, ' ').trim()}`);
    const ok = honest.fp / honest.neg <= TARGET_COMBINED_FPR;
    console.log(`  ${t.toFixed(2).padStart(6)} | ${cell(model)} | ${cell(honest)} (${honest.tp}/${honest.pos}, ${honest.fp}/${honest.neg})${ok ? ' ✓' : '  '} | ${cell(pooled)} | ${per.join('; ')}`);
    if (ok) within.push({ t, honest });
  }
  // Highest recall within the target; a recall tie within one acute message is noise on batches
  // this small, so it is broken toward the higher threshold (fewer false alarms).
  const bestTp = Math.max(...within.map((w) => w.honest.tp));
  const pick = within.filter((w) => w.honest.tp >= bestTp - 1).at(-1);
  const chosen = pick && {
    tHigh: pick.t,
    estimate:
      `unseen text (blind2–5, first-run rules OR out-of-fold model ≥ ${pick.t}): acute recall ${pct(pick.honest.tp / pick.honest.pos)} (${pick.honest.tp}/${pick.honest.pos}, 95 % CI ${wilson(pick.honest.tp, pick.honest.pos)}), ` +
      `FPR ${pct(pick.honest.fp / pick.honest.neg)} (${pick.honest.fp}/${pick.honest.neg}, 95 % CI ${wilson(pick.honest.fp, pick.honest.neg)}); rules alone there ${pct(first.tp / first.pos)} / ${pct(first.fp / first.neg)}`,
  };
  console.log('  * rules: first-run answers on blind2–5, today\'s tuned answers on dev/heldout (understates rule false alarms there).');
  console.log('  "all" = dev, heldout and blind splits; contrast splits (minimal pairs, trained on) only per split.');
  if (!chosen) throw new Error(`no t_high in the grid keeps the combined FPR within ${pct(TARGET_COMBINED_FPR)}`);
  console.log(`chosen t_high ${chosen.tHigh}: ${chosen.estimate}`);
  return chosen;
}

// ---------- weights file ----------

function toBase64(bytes: Uint8Array): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? abc[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? abc[n & 63]! : '=';
  }
  return out;
}

function writeWeights(model: { w: Float64Array; bias: number }, threshold: number, upper: { tHigh: number; estimate: string }, cfg: Config, cv: string): void {
  let max = 0;
  for (const x of model.w) max = Math.max(max, Math.abs(x));
  const scale = max / 32767 || 1;
  const bytes = new Uint8Array(2 * FEATURE_DIM);
  for (let i = 0; i < FEATURE_DIM; i++) {
    const q = Math.round(model.w[i]! / scale) & 0xffff;
    bytes[2 * i] = q & 0xff;
    bytes[2 * i + 1] = q >> 8;
  }
  const body = [
    '// Generated by scripts/train-triage.ts — do not edit by hand.',
    `// Logistic regression, ${FEATURE_DIM} hashed features (Int16, little-endian, base64), trained on`,
    `// ${TRAINING_FILES.join(', ')}.`,
    `// Settings: lambda ${cfg.lambda}, ${cfg.augment} noisy copies per message, ${cfg.iterations} iterations.`,
    `// Threshold (concern + signal model_possible_acute): out-of-fold model-only FPR ≤ ${pct(TARGET_FPR)} (leave one split out). ${cv}`,
    `// acuteThreshold (model alone → acute, signal model_acute): best recall on the grid with estimated combined FPR ≤ ${pct(TARGET_COMBINED_FPR)} on`,
    `// ${upper.estimate}.`,
    `export const MODEL = {`,
    `  bits: ${FEATURE_BITS},`,
    `  bias: ${model.bias.toPrecision(8)},`,
    `  scale: ${scale.toPrecision(8)},`,
    `  threshold: ${threshold.toFixed(6)},`,
    `  acuteThreshold: ${upper.tHigh},`,
    `  weights: '${toBase64(bytes)}',`,
    `} as const;`,
    '',
  ].join('\n');
  writeFileSync(root('src/assistant/safety/triage-weights.ts'), body);
  console.log(`wrote src/assistant/safety/triage-weights.ts (${(body.length / 1024).toFixed(0)} KB)`);
}

// ---------- evaluation of a file: rules / model / combined ----------

async function evaluateFile(rel: string): Promise<void> {
  const { triage, MODEL_SIGNAL } = await import('../src/assistant/triage.ts');
  const { acuteProbability, MODEL_ACUTE_THRESHOLD } = await import('../src/assistant/safety/triage-model.ts');
  const cases = readCases(rel);
  const rows = cases.map((c) => {
    const rules = ruleTriage(c.text);
    const damped = isDamped(rules, c.text);
    const p = acuteProbability(c.text, rules.signals);
    const result = triage(c.text);
    // triage = what ships: rules OR model ≥ the acute threshold; +signal also counts the lower band.
    return { c, rules: rules.level === 'acute', model: !damped && p >= MODEL_ACUTE_THRESHOLD, triage: result.level === 'acute', signal: result.level === 'acute' || result.signals.includes(MODEL_SIGNAL), p };
  });
  type Key = 'rules' | 'model' | 'triage' | 'signal';
  const labels: Record<Key, string> = { rules: 'rules', model: `model≥${MODEL_ACUTE_THRESHOLD}`, triage: 'triage()', signal: 'acute|signal' };
  const splits = ['all', ...new Set(cases.map((c) => c.split))];
  for (const split of splits) {
    const sub = rows.filter((r) => split === 'all' || r.c.split === split);
    const pos = sub.filter((r) => r.c.level === 'acute');
    const neg = sub.filter((r) => r.c.level !== 'acute');
    const line = (k: Key) =>
      `${labels[k].padEnd(12)} recall ${pct(pos.filter((r) => r[k]).length / pos.length).padStart(7)} (${pos.filter((r) => r[k]).length}/${pos.length})  FPR ${pct(neg.filter((r) => r[k]).length / Math.max(1, neg.length)).padStart(6)} (${neg.filter((r) => r[k]).length}/${neg.length})`;
    console.log(`${rel} — ${split} (${sub.length})\n  ${line('rules')}\n  ${line('model')}\n  ${line('triage')}\n  ${line('signal')}`);
  }
  for (const r of rows) {
    const acute = r.c.level === 'acute';
    const note = acute ? (r.triage ? (r.rules ? '' : 'MODEL-ACUTE') : r.signal ? 'SIGNAL-ONLY' : 'MISSED') : r.triage ? (r.rules ? 'FA-RULES' : 'FA-MODEL') : r.signal ? 'signal' : '';
    if (note) console.log(`  ${note.padEnd(12)} ${r.c.id} p=${r.p.toFixed(3)} (${r.c.level}) ${r.c.text.slice(0, 110)}`);
  }
}

// ---------- main ----------

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--eval') return evaluateFile(args[1] ?? 'test/eval/triage.jsonl');
  const cases = TRAINING_FILES.flatMap(readCases);
  const grid: Config[] = [];
  for (const lambda of [0, 1e-5, 3e-5, 1e-4]) for (const augment of [0, 2]) grid.push({ lambda, augment, iterations: 300 });
  const only = process.env.CONFIG ? [JSON.parse(process.env.CONFIG) as Config] : grid;
  let best: { cfg: Config; recall: number; threshold: number; summary: string; scored: Scored[] } | null = null;
  for (const cfg of only) {
    const scoredAll = crossValidate(cases, cfg);
    // Contrast sets are trained on and shown per split, but thresholds and settings are chosen on
    // the splits that stand for real traffic: their minimal pairs are harder than everyday text.
    const scored = scoredAll.filter(representative);
    const threshold = thresholdFor(scored, TARGET_FPR);
    const all = rates(scored, threshold);
    const perSplit = [...new Set(scoredAll.map((s) => s.split))].map((split) => {
      const r = rates(scoredAll.filter((s) => s.split === split), threshold);
      return `${split} ${pct(r.recall)}/${pct(r.fpr)}`;
    });
    const at8 = rates(scored, thresholdFor(scored, 0.08));
    const summary = `CV lambda=${cfg.lambda} augment=${cfg.augment}: AUC ${auc(scored).toFixed(3)}, threshold ${threshold.toFixed(3)} → recall ${pct(all.recall)} FPR ${pct(all.fpr)} [${perSplit.join(', ')}]; at FPR 8 %: recall ${pct(at8.recall)}`;
    console.log(summary);
    if (!best || all.recall > best.recall) best = { cfg, recall: all.recall, threshold, summary, scored: scoredAll };
  }
  if (!best) return;
  console.log(`chosen: ${JSON.stringify(best.cfg)}`);
  // OOF_OUT=path.json keeps the out-of-fold probabilities for inspection.
  if (process.env.OOF_OUT) writeFileSync(process.env.OOF_OUT, JSON.stringify(best.scored));
  const upper = chooseUpperThreshold(best.scored, cases);
  if (args[0] === '--cv-only') return;
  const examples = [...cases.map((c) => toExample(c)), ...augmented(cases, best.cfg.augment, 7)];
  const model = train(examples, best.cfg);
  writeWeights(model, best.threshold, upper, best.cfg, best.summary.replace(/^CV [^:]*: /, 'CV: '));
}

await main();
