// Helpers for the labelled evaluation sets in test/eval (privacy spans, triage levels).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PiiFinding, PiiType } from '../../src/assistant/privacy.ts';

export type Split = 'dev' | 'heldout';

export function readJsonl<T>(name: string): T[] {
  const path = fileURLToPath(new URL(`../eval/${name}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

export type PrivacyCase = { id: string; split: Split; text: string; spans: { type: PiiType; text: string }[] };

// Expected spans are given as text; locate them in order of appearance.
export function expectedFindings(c: PrivacyCase): PiiFinding[] {
  const used = new Map<string, number>();
  return c.spans.map((s) => {
    const from = used.get(s.text) ?? 0;
    const start = c.text.indexOf(s.text, from);
    if (start < 0) throw new Error(`${c.id}: span "${s.text}" not in text`);
    used.set(s.text, start + s.text.length);
    return { type: s.type, start, end: start + s.text.length };
  });
}

export type TypeScore = { tp: number; fp: number; fn: number };

const overlaps = (a: PiiFinding, b: PiiFinding) => a.type === b.type && a.start < b.end && b.start < a.end;

// A predicted span counts as correct when it overlaps an expected span of the same type.
export function scoreSpans(expected: PiiFinding[], predicted: PiiFinding[], into: Map<PiiType, TypeScore>): { missed: PiiFinding[]; extra: PiiFinding[] } {
  const get = (t: PiiType) => into.get(t) ?? (into.set(t, { tp: 0, fp: 0, fn: 0 }), into.get(t)!);
  const missed = expected.filter((e) => !predicted.some((p) => overlaps(e, p)));
  const extra = predicted.filter((p) => !expected.some((e) => overlaps(e, p)));
  for (const e of expected) if (!missed.includes(e)) get(e.type).tp++;
  for (const m of missed) get(m.type).fn++;
  for (const x of extra) get(x.type).fp++;
  return { missed, extra };
}

export const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);
export const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
