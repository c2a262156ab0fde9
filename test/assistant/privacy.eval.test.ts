// Privacy evaluation: precision/recall per PII type on test/eval/privacy.jsonl, both splits.
import { describe, expect, it } from 'vitest';
import { detectPersonalData } from '../../src/assistant/privacy.ts';
import type { PiiType } from '../../src/assistant/privacy.ts';
import { expectedFindings, pct, ratio, readJsonl, scoreSpans } from './eval-helpers.ts';
import type { PrivacyCase, Split, TypeScore } from './eval-helpers.ts';

const cases = readJsonl<PrivacyCase>('privacy.jsonl');
const REQUIRED: PiiType[] = ['name', 'birthdate', 'address', 'phone', 'email'];

function evaluate(split: Split | 'all') {
  const scores = new Map<PiiType, TypeScore>();
  const errors: string[] = [];
  for (const c of cases.filter((x) => split === 'all' || x.split === split)) {
    const { missed, extra } = scoreSpans(expectedFindings(c), detectPersonalData(c.text), scores);
    for (const m of missed) errors.push(`${c.id} missed ${m.type} "${c.text.slice(m.start, m.end)}"`);
    for (const x of extra) errors.push(`${c.id} extra  ${x.type} "${c.text.slice(x.start, x.end)}"`);
  }
  return { scores, errors };
}

function report(split: Split | 'all', scores: Map<PiiType, TypeScore>): string {
  const rows = [...scores.entries()].sort().map(([type, s]) =>
    `  ${type.padEnd(10)} P ${pct(ratio(s.tp, s.tp + s.fp)).padStart(8)}  R ${pct(ratio(s.tp, s.tp + s.fn)).padStart(8)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
  return [`privacy eval — ${split}`, ...rows].join('\n');
}

describe('privacy evaluation set', () => {
  it('has at least 120 messages, a quarter held out, many without personal data', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    expect(cases.filter((c) => c.split === 'heldout').length).toBeGreaterThanOrEqual(cases.length * 0.2);
    expect(cases.filter((c) => c.spans.length === 0).length).toBeGreaterThanOrEqual(30);
  });

  it('reaches recall >= 0.95 for names, birth dates, addresses, phones and e-mails', () => {
    for (const split of ['dev', 'heldout'] as const) console.log(report(split, evaluate(split).scores));
    const { scores, errors } = evaluate('all');
    console.log(report('all', scores));
    if (errors.length) console.log(errors.join('\n'));
    for (const type of REQUIRED) {
      const s = scores.get(type)!;
      expect(ratio(s.tp, s.tp + s.fn), `recall ${type}`).toBeGreaterThanOrEqual(0.95);
    }
  });
});
