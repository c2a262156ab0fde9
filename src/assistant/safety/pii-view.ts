// The detectors look at a normalised copy of the message, never at the message itself, so that
// tricks the eye cannot see do not hide personal data: invisible characters inside a word or
// number (soft hyphen, word joiner, zero-width space), compatibility forms (full-width or
// mathematical digits and letters, ligatures: NFKC), digits of other scripts, dashes of every
// kind, Cyrillic or Greek look-alikes inside a Latin word, and the letters O/l standing in for
// 0/1 inside a number. Each unit of the copy remembers which span of the original it came from,
// so findings are mapped back and the user's own text is what gets redacted and shown.

export type DetectionView = {
  text: string;
  /** For each UTF-16 unit of `text`: the span [from, to) of the original it stands for; absent when the copy has the original's length and units. */
  from?: number[];
  to?: number[];
};

// Most messages are plain German: nothing to fold but O/l inside numbers, which keeps every
// unit in place.
const PLAIN = /^[\t\n\r\x20-\x7EäöüÄÖÜß„“”‚‘’«»…€§°]*$/;

// Characters with no visible form: removed from the copy. Format characters (Cf: soft hyphen,
// zero-width and bidi controls, word joiner, invisible operators), variation selectors, the
// combining grapheme joiner and the Hangul fillers that render as blank space.
const INVISIBLE = /^(?:\p{Cf}|[\uFE00-\uFE0F\u034F\u115F\u1160\u3164\uFFA0\u180B-\u180F]|[\u{E0100}-\u{E01EF}])$/u;
const DASH = /^\p{Pd}$/u;
const SPACE = /^\p{Zs}$/u;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

// Look-alikes of Latin letters, replaced only inside a word that also has Latin letters
// ("Grabоwski" with a Cyrillic о); a word written wholly in Cyrillic or Greek stays as it is.
const LOOKALIKES: Record<string, string> = {
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'і': 'i', 'ј': 'j', 'ѕ': 's', 'ԁ': 'd', 'һ': 'h', 'ӏ': 'l',
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S',
  'ο': 'o', 'α': 'a', 'ν': 'v', 'ι': 'i', 'κ': 'k', 'ρ': 'p', 'τ': 't', 'υ': 'u',
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Χ': 'X', 'Υ': 'Y',
};

// The value of a decimal digit of any script: digits come in runs of ten starting at zero, so
// the distance to the start of the run (mod 10) is the value.
function digitValue(cp: number): string {
  let zero = cp;
  while (zero > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String((cp - zero) % 10);
}

function normaliseChunk(chunk: string): string {
  if (chunk.length === 0) return '';
  let out = chunk.normalize('NFKC');
  if (out.length === 0) return '';
  const first = String.fromCodePoint(out.codePointAt(0)!);
  if (DECIMAL_DIGIT.test(first) && !/^[0-9]$/.test(first)) out = digitValue(first.codePointAt(0)!) + out.slice(first.length);
  else if (DASH.test(first)) out = '-';
  else if (SPACE.test(first)) out = ' ';
  // Marks left over after NFKC that are themselves invisible (e.g. a stray CGJ) go too.
  return [...out].filter((c) => !INVISIBLE.test(c)).join('');
}

export function detectionView(original: string): DetectionView {
  if (PLAIN.test(original)) return { text: digitLetters(original) };
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  // A chunk is one visible code point with the combining marks and invisible characters that
  // follow it, so that "a" + U+0308 becomes one "ä" (list look-ups such as "jürgen" work on
  // decomposed input) even with a soft hyphen between them.
  const chunk = /[^\p{M}\p{Cf}][\p{M}\p{Cf}]*|[\p{M}\p{Cf}]+/gsu;
  for (let m = chunk.exec(original); m; m = chunk.exec(original)) {
    const piece = m[0].length === 1 && m[0] < '\u0080' ? m[0] : normaliseChunk([...m[0]].filter((c) => !INVISIBLE.test(c)).join(''));
    for (let k = 0; k < piece.length; k++) {
      from.push(m.index);
      to.push(m.index + m[0].length);
    }
    text += piece;
  }
  return { text: replaceLookalikes(digitLetters(text)), from, to };
}

// Inside a number, O/o stand for 0 and l/I/| for 1: "O171 3579246". Only a run that already has
// three real digits and no other letters next to it is touched, so "Olaf" or "Ill" stay.
function digitLetters(text: string): string {
  return text.replace(/(?<![\p{L}\d])[\dOoIl|](?:[\dOoIl|]|[ \-/](?=[\dOoIl|]))*(?![\p{L}\d])/gu, (run) => {
    if ((run.match(/\d/g) ?? []).length < 3) return run;
    return run.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1');
  });
}

// Same length in and out, so the unit map stays valid.
function replaceLookalikes(text: string): string {
  return text.replace(/[\p{L}\p{M}]+/gu, (word) => {
    if (!/[A-Za-z]/.test(word) || !/[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(word)) return word;
    return [...word].map((c) => LOOKALIKES[c] ?? c).join('');
  });
}

/** Maps a span of the view back to the original text. */
export function originalSpan(view: DetectionView, start: number, end: number): { start: number; end: number } {
  if (!view.from || !view.to) return { start, end };
  if (end <= start) return { start: view.from[start] ?? 0, end: view.from[start] ?? 0 };
  return { start: view.from[start]!, end: view.to[end - 1]! };
}
