// Privacy evaluation: precision/recall per PII type on test/eval/privacy.jsonl, both splits.
import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../src/assistant/privacy.ts';
import type { PiiType } from '../../src/assistant/privacy.ts';
import { pct, ratio, readJsonl, scoreSpans } from './eval-helpers.ts';
import type { PiiFinding } from '../../src/assistant/privacy.ts';
import type { PrivacyCase, TypeScore } from './eval-helpers.ts';

// Splits: dev, heldout (first helper), blind2 and blind3 (written before the rules saw them).
type SplitName = string;
const cases = readJsonl<PrivacyCase>('privacy.jsonl');
const SPLITS: SplitName[] = [...new Set(cases.map((c) => c.split as SplitName))];
const REQUIRED: PiiType[] = ['name', 'birthdate', 'address', 'phone', 'email'];

// Expected spans are given as text. A repeated text ("Ole Jansen … seitdem ist Ole") is located
// at its next occurrence that does not overlap a span already placed.
function locate(c: PrivacyCase): PiiFinding[] {
  const placed: PiiFinding[] = [];
  for (const s of c.spans) {
    let start = c.text.indexOf(s.text);
    while (start >= 0 && placed.some((p) => start < p.end && p.start < start + s.text.length)) start = c.text.indexOf(s.text, start + 1);
    if (start < 0) throw new Error(`${c.id}: span "${s.text}" not in text`);
    placed.push({ type: s.type, start, end: start + s.text.length });
  }
  return placed;
}

function evaluate(split: SplitName | 'all') {
  const scores = new Map<PiiType, TypeScore>();
  const errors: string[] = [];
  for (const c of cases.filter((x) => split === 'all' || (x.split as SplitName) === split)) {
    const { missed, extra } = scoreSpans(locate(c), detectPersonalData(c.text), scores);
    for (const m of missed) errors.push(`${c.id} missed ${m.type} "${c.text.slice(m.start, m.end)}"`);
    for (const x of extra) errors.push(`${c.id} extra  ${x.type} "${c.text.slice(x.start, x.end)}"`);
  }
  return { scores, errors };
}

function report(split: SplitName | 'all', scores: Map<PiiType, TypeScore>): string {
  const rows = [...scores.entries()].sort().map(([type, s]) =>
    `  ${type.padEnd(10)} P ${pct(ratio(s.tp, s.tp + s.fp)).padStart(8)}  R ${pct(ratio(s.tp, s.tp + s.fn)).padStart(8)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
  return [`privacy eval — ${split}`, ...rows].join('\n');
}

describe('privacy evaluation set', () => {
  it('has at least 120 messages, a quarter held out, many without personal data', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(cases.filter((c) => c.split !== 'dev').length).toBeGreaterThanOrEqual(cases.length * 0.2);
    expect(cases.filter((c) => c.spans.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('reaches recall >= 0.95 for names, birth dates, addresses, phones and e-mails', () => {
    for (const split of SPLITS) console.log(report(split, evaluate(split).scores));
    const { scores, errors } = evaluate('all');
    console.log(report('all', scores));
    if (errors.length) console.log(errors.join('\n'));
    for (const type of REQUIRED) {
      const s = scores.get(type)!;
      expect(ratio(s.tp, s.tp + s.fn), `recall ${type}`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
