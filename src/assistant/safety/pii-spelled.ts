// Phone numbers written as words or as single spaced digits, which the digit patterns cannot
// see: "null eins sieben sechs, neun acht sieben …", "0171 drei fünf sieben neun …",
// "plus vier neun …", "doppelnull", "null drei acht eins – siebzig achtundachtzig …",
// "0 1 7 1 3 5 7 9 2 4 6". A run of number tokens with only spaces, commas, hyphens or slashes
// between them counts when it holds enough digits for a phone number.

import { isServiceNumber } from './pii-patterns.ts';
import type { PiiFinding } from './pii-patterns.ts';

const UNITS: Record<string, number> = {
  null: 0, eins: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, 'fünf': 5, fuenf: 5, funf: 5,
  sechs: 6, sieben: 7, acht: 8, neun: 9,
};
const TEENS: Record<string, number> = {
  zehn: 10, elf: 11, 'zwölf': 12, zwoelf: 12, dreizehn: 13, vierzehn: 14, 'fünfzehn': 15, fuenfzehn: 15,
  sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
};
const TENS: Record<string, number> = {
  zwanzig: 20, 'dreißig': 30, dreissig: 30, vierzig: 40, 'fünfzig': 50, fuenfzig: 50, sechzig: 60,
  siebzig: 70, achtzig: 80, neunzig: 90,
};
const UNIT_WORDS: Record<string, number> = { ein: 1, zwei: 2, drei: 3, vier: 4, 'fünf': 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9 };
// "einundzwanzig", "achtundachtzig"
const UNIT_AND_TENS = new RegExp(`^(${Object.keys(UNIT_WORDS).join('|')})und(${Object.keys(TENS).join('|')})$`);

type NumberToken = { start: number; end: number; digits: string; word: boolean; lead: boolean };

/** The digits a word or digit group stands for; null when it is not part of a number. */
function readToken(raw: string): Omit<NumberToken, 'start' | 'end'> | null {
  if (/^\d+$/.test(raw)) return { digits: raw, word: false, lead: raw.startsWith('0') };
  const lower = raw.toLowerCase();
  if (lower === 'plus' || lower === '+') return { digits: '', word: true, lead: true };
  const doubled = /^doppel-?(.+)$/.exec(lower);
  if (doubled && doubled[1]! in UNITS) return { digits: String(UNITS[doubled[1]!]).repeat(2), word: true, lead: UNITS[doubled[1]!] === 0 };
  if (lower in UNITS) return { digits: String(UNITS[lower]), word: true, lead: lower === 'null' };
  if (lower in TEENS) return { digits: String(TEENS[lower]), word: true, lead: false };
  if (lower in TENS) return { digits: String(TENS[lower]), word: true, lead: false };
  const compound = UNIT_AND_TENS.exec(lower);
  if (compound) return { digits: String(TENS[compound[2]!]! + UNIT_WORDS[compound[1]!]!), word: true, lead: false };
  return null;
}

// "eins, zwei, drei, vier, fünf, sechs, sieben": counting, not a phone number.
function isCounting(tokens: NumberToken[]): boolean {
  if (tokens.some((t) => t.digits.length !== 1)) return false;
  const values = tokens.map((t) => Number(t.digits));
  const step = values[1]! - values[0]!;
  return (step === 1 || step === -1) && values.every((v, k) => k === 0 || v - values[k - 1]! === step);
}

function accept(run: NumberToken[]): boolean {
  const digits = run.map((t) => t.digits).join('');
  const words = run.filter((t) => t.word).length;
  if (digits.length > 15 || isCounting(run) || isServiceNumber(digits)) return false;
  // Spaced single digits or digit groups: the digit patterns already take ordinary notations;
  // here only long runs of short groups ("0 1 7 1 3 5 …"), and never year lists ("2019, 2020").
  if (words === 0) return run.length >= 5 && digits.length >= 7 && run.every((t) => t.digits.length <= 3);
  return run[0]!.lead ? digits.length >= 6 : digits.length >= 7 && words >= 3;
}

export function findSpelledPhones(text: string): PiiFinding[] {
  const found: PiiFinding[] = [];
  let run: NumberToken[] = [];
  let lastEnd = -1;
  const close = () => {
    if (run.length > 1 && accept(run)) found.push({ type: 'phone', start: run[0]!.start, end: run.at(-1)!.end });
    run = [];
  };
  const word = /\+|[\p{L}\d]+(?:-[\p{L}\d]+)*/gu;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    // "null-eins-sieben" is one hyphenated word: read its parts as tokens of the same run.
    const parts = m[0].includes('-') && !/^doppel-/i.test(m[0]) ? m[0].split('-') : [m[0]];
    let offset = m.index;
    for (const part of parts) {
      const token = readToken(part);
      const gap = lastEnd < 0 ? '' : text.slice(lastEnd, offset);
      if (!token || (run.length > 0 && !/^[\s,/-]{0,3}$/.test(gap))) close();
      if (token) {
        run.push({ ...token, start: offset, end: offset + part.length });
        lastEnd = offset + part.length;
      }
      offset += part.length + 1;
    }
  }
  close();
  return found;
}
