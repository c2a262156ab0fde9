// Features for the learned acute-triage model (triage-model.ts), shared with the trainer
// (scripts/train-triage.ts) so that training and inference see exactly the same vector.
// Hashed sparse features over the folded text:
//   - word stems and stem bigrams (light German suffix stripping, so "schlägt"/"geschlagen"/
//     "schlagen" share a stem),
//   - character 3–5-grams inside words, for typos and unseen compounds ("stiefvatter",
//     "spülmaschinentabs"),
//   - message-level context from the lexicon that is not itself a danger class: time
//     (now/today/ongoing/past/habit), negation, question form, small child, closed case.
// Danger classes and the rules' level are deliberately left out: the rules were tuned until they
// match every labelled message, so a model fed with them would only learn to copy the rules and
// add nothing on wording the rules have never seen.
// Pure, synchronous, no node: imports.

import { foldText } from './fold.ts';
import { correctDangerTypos } from './triage-spelling.ts';
import * as L from './triage-lexicon.ts';

export const FEATURE_BITS = 15;
export const FEATURE_DIM = 1 << FEATURE_BITS;
// Longer messages are cut: the danger is almost always told in the first lines, and the cut
// keeps the cost per message bounded.
const MAX_CHARS = 1500;

export type SparseVector = { index: number[]; value: number[] };

// FNV-1a, 32 bit: deterministic across runtimes.
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (FEATURE_DIM - 1);
}

const SPACE = 32;

// Character 3–5-grams of " word ", hashed as "c:" + gram without building the strings.
function charGrams(word: string, out: number[]): void {
  const len = word.length + 2;
  const code = (k: number) => (k === 0 || k === len - 1 ? SPACE : word.charCodeAt(k - 1));
  let prefix = 0x811c9dc5;
  prefix = Math.imul(prefix ^ 99, 0x01000193); // 'c'
  prefix = Math.imul(prefix ^ 58, 0x01000193); // ':'
  for (let k = 0; k + 3 <= len; k++) {
    let h = prefix;
    for (let n = 1; n <= 5 && k + n <= len; n++) {
      h = Math.imul(h ^ code(k + n - 1), 0x01000193);
      if (n >= 3) out.push((h >>> 0) & (FEATURE_DIM - 1));
    }
  }
}

const SUFFIXES = ['ungen', 'ung', 'erin', 'chen', 'lich', 'isch', 'ern', 'em', 'en', 'er', 'es', 'st', 'e', 't', 'n', 's'];

// Light stemming: one suffix off, and the participle prefix "ge" off for long words.
export function stem(word: string): string {
  let w = word;
  if (w.length >= 7 && w.startsWith('ge')) w = w.slice(2);
  for (const suffix of SUFFIXES) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) return w.slice(0, -suffix.length);
  }
  return w;
}

const mask = (text: string, re: RegExp) => text.replace(re, (m) => ' '.repeat(m.length));

// Context flags over the whole message. The asker's own "was soll ich jetzt tun" and the time
// of telling ("hat mir gerade erzählt") are masked, as in the rules.
function contextFlags(folded: string, raw: string, ruleSignals: readonly string[]): string[] {
  const text = mask(mask(folded, L.TELLING_NOW), L.ASKER_NOW);
  const flags: [string, boolean][] = [
    ['now', L.NOW.test(text) || L.NOW_EBEN.test(text)],
    ['today', L.TODAY.test(text)],
    ['ongoing', L.ONGOING.test(text)],
    ['past', L.PAST.test(text) || L.BACKREF_PAST.test(text)],
    ['habitual', L.HABITUAL.test(text)],
    ['conditional', L.CONDITIONAL.test(text)],
    ['closed', L.CLOSED_CASE.test(text)],
    ['meta', L.META.test(text)],
    ['report', L.REPORT_MARKER.test(text)],
    ['small_child', L.SMALL_CHILD.test(text)],
    ['question_start', L.INTERROGATIVE_START.test(text)],
    ['question_mark', /\?\s*$/.test(raw)],
    ['negation', /\b(?:kein\w*|nicht|nie|niemals|nichts)\b/.test(text)],
    ['exclamation', /!/.test(raw)],
    ['short', raw.length < 80],
    ['topic', ruleSignals.includes('topic_question')],
    ['hypothetical', ruleSignals.includes('hypothetical_question')],
  ];
  const on = flags.filter(([, v]) => v).map(([k]) => k);
  // Pairs of time and form: "now" means something else in a question than in a report.
  const pairs: string[] = [];
  for (let i = 0; i < on.length; i++) for (let j = i + 1; j < on.length; j++) pairs.push(`${on[i]}&${on[j]}`);
  return [...on, ...pairs];
}

// Sparse feature vector: text features scaled to unit length, context flags at full weight.
export function extractFeatures(raw: string, ruleSignals: readonly string[] = []): SparseVector {
  const cut = raw.length > MAX_CHARS ? raw.slice(0, MAX_CHARS) : raw;
  // An everyday request for a hand ("hilf mir mal beim Aufräumen") is not a cry for help.
  const folded = correctDangerTypos(foldText(cut)).replace(/\b(?:hilf|helft) (?:mir|uns) (?=(?:mal|bei|beim|dabei|mit|doch mal)\b)/g, 'handreichung ');
  const words = folded.match(/[a-z0-9]+/g) ?? [];
  const stems = words.map(stem);

  // Hashes are collected in a flat list and counted after sorting: no per-feature strings for
  // the character n-grams (they dominate the count), which keeps a message well under 0.1 ms.
  const hashes: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    hashes.push(hash(`s:${stems[i]}`));
    if (i > 0) hashes.push(hash(`b:${stems[i - 1]}_${stems[i]}`));
    if (word.length >= 3) charGrams(word, hashes);
  }
  hashes.sort((a, b) => a - b);
  const text = new Map<number, number>();
  for (let i = 0; i < hashes.length; ) {
    let j = i;
    while (j < hashes.length && hashes[j] === hashes[i]) j++;
    text.set(hashes[i]!, j - i);
    i = j;
  }

  const index: number[] = [];
  const value: number[] = [];
  let norm = 0;
  for (const v of text.values()) norm += v * v;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (const [i, v] of text) {
    index.push(i);
    value.push(v * scale);
  }
  for (const flag of contextFlags(folded, cut, ruleSignals)) {
    index.push(hash(`x:${flag}`));
    value.push(1);
  }
  return { index, value };
}
