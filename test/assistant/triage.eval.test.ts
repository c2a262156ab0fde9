// Triage evaluation on test/eval/triage.jsonl: recall of acute, false-positive rate, both splits.
import { describe, expect, it } from 'vitest';
import { MODEL_ACUTE_SIGNAL, MODEL_SIGNAL, triage } from '../../src/assistant/triage.ts';
import type { TriageLevel } from '../../src/assistant/triage.ts';
import { pct, ratio, readJsonl } from './eval-helpers.ts';

// Splits: dev (rules written against it), heldout, and blind batches (blind2 … blind5) whose
// first run was recorded before any rule or model was changed (figures in the notes of the
// triage helpers, triage2.md / triage3.md). The learned model is trained on all splits, so its
// figures here are in-sample; its honest figures are the blind first runs in the notes.
type Split = 'dev' | 'heldout' | 'blind2' | 'blind3' | 'blind4' | 'blind5' | 'contrast1';
type TriageCase = { id: string; split: Split; text: string; level: TriageLevel; suicidal: boolean };
const cases = readJsonl<TriageCase>('triage.jsonl');
// Blind batches whose first run is recorded but whose misses the rules do not cover yet, and the
// contrast set (minimal pairs, triage4): the model must lift every acute message the rules miss
// to acute or at least give it the signal (in-sample: the model is trained on them), and the
// acute level must keep within the false-positive gate on each file.
const pendingFiles = ['triage-blind4.jsonl', 'triage-blind5.jsonl', 'triage-contrast1.jsonl'] as const;
const pending = pendingFiles.flatMap((f) => readJsonl<TriageCase>(f));

const splits = [...new Set(cases.map((c) => c.split))];

function evaluate(split: Split | 'all', from: TriageCase[] = cases) {
  const subset = from.filter((c) => split === 'all' || c.split === split);
  const results = subset.map((c) => ({ c, r: triage(c.text) }));
  const acute = results.filter((x) => x.c.level === 'acute');
  const nonAcute = results.filter((x) => x.c.level !== 'acute');
  const missed = acute.filter((x) => x.r.level !== 'acute');
  const falseAlarms = nonAcute.filter((x) => x.r.level === 'acute');
  const exact = results.filter((x) => x.r.level === x.c.level).length;
  const suicidalTrue = results.filter((x) => x.c.suicidal);
  const suicidalHit = suicidalTrue.filter((x) => x.r.suicidal).length;
  const suicidalFalseAlarm = results.filter((x) => !x.c.suicidal && x.r.suicidal).length;
  const mislabelled = results.filter((x) => x.r.level !== x.c.level);
  const modelSignal = (x: { r: { signals: string[] } }) => x.r.signals.includes(MODEL_SIGNAL);
  const modelAcute = (x: { r: { signals: string[] } }) => x.r.signals.includes(MODEL_ACUTE_SIGNAL);
  const summary = [
    `triage eval — ${split} (${subset.length} messages, ${acute.length} acute)`,
    `  acute recall        ${pct(ratio(acute.length - missed.length, acute.length))}  (missed ${missed.length})`,
    `  false-positive rate ${pct(ratio(falseAlarms.length, nonAcute.length))}  (${falseAlarms.length} of ${nonAcute.length} non-acute called acute)`,
    `  exact level         ${pct(ratio(exact, subset.length))}`,
    `  suicidal flag       recall ${pct(ratio(suicidalHit, suicidalTrue.length))}, false flags ${suicidalFalseAlarm}`,
    `  model signal        on ${missed.filter(modelSignal).length} missed acute, on ${nonAcute.filter(modelSignal).length} non-acute (in-sample)`,
    `  model made acute    ${acute.filter(modelAcute).length} acute, ${nonAcute.filter(modelAcute).length} non-acute (in-sample)`,
  ].join('\n');
  return { summary, missed, falseAlarms, mislabelled, nonAcute, modelSignal };
}

describe('triage evaluation set', () => {
  it('has at least 300 messages, a fifth of them held out or blind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(cases.filter((c) => c.split !== 'dev').length).toBeGreaterThanOrEqual(cases.length * 0.2);
    expect(cases.filter((c) => c.level === 'acute').length).toBeGreaterThanOrEqual(100);
  });

  it('misses no acute message and calls at most 10 % of the others acute', () => {
    for (const split of splits) console.log(evaluate(split).summary);
    const all = evaluate('all');
    console.log(all.summary);
    for (const x of all.mislabelled) console.log(`  ${x.c.id} [${x.c.split}] expected ${x.c.level}, got ${x.r.level} ${JSON.stringify(x.r.signals)}: ${x.c.text}`);
    expect(all.missed.map((x) => x.c.id)).toEqual([]);
    expect(all.falseAlarms.length / all.nonAcute.length).toBeLessThanOrEqual(0.1);
  });

  it('blind batches and contrast set: every acute message is acute or carries the model signal; FPR ≤ 10 % per file', () => {
    for (const split of ['blind4', 'blind5', 'contrast1'] as const) {
      const r = evaluate(split, pending);
      console.log(r.summary);
      expect(r.missed.filter((x) => !r.modelSignal(x)).map((x) => x.c.id)).toEqual([]);
      expect(r.falseAlarms.length / r.nonAcute.length).toBeLessThanOrEqual(0.1);
    }
  });
});
