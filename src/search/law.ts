// Keeps references to legal norms as searchable terms. lunr-languages' trimmer would strip the
// digits from "8a"; here a paragraph number stays a term ("8a"), gets a paragraph form ("§8a")
// when a paragraph sign or word precedes it, and a combined form with the code that follows
// ("8a-sgb-viii", "4-kkg"), so "§ 8a", "8a SGB VIII", "§8a SGB 8" and "§4 KKG" all meet.

const PARAGRAPH_MARKERS = new Set(['§', '§§', 'paragraf', 'paragraph', 'paragrafen', 'paragraphen', 'par']);
const LAW_CODES = new Set(['sgb', 'kkg', 'bgb', 'stgb', 'stpo', 'famfg', 'gg', 'kifog', 'kifög', 'schulg', 'bzrg', 'ifsg', 'bkischg', 'dsgvo', 'krk']);
// Tokens allowed between a paragraph number and its code: "Abs. 4 Satz 2 Nr. 1", "ff.", "i. V. m.".
const CITATION_FILLERS = new Set(['abs', 'absatz', 'satz', 's', 'nr', 'nummer', 'ziff', 'ff', 'f', 'i', 'v', 'm', 'und']);
const BOOK_NUMERALS: Record<string, string> = {
  '1': 'i', '2': 'ii', '3': 'iii', '5': 'v', '8': 'viii', '9': 'ix', '10': 'x', '12': 'xii', '14': 'xiv',
};
const ROMAN = /^(i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv)$/;
const PARAGRAPH_NUMBER = /^\d{1,4}[a-z]?$/;
const MAX_LOOKAHEAD = 7;

/** A law code on its own ("kkg", "sgb", "bgb"): part of a citation, not a topic word. */
export function isLawCode(word: string): boolean {
  return LAW_CODES.has(word);
}

export function isParagraphMarker(word: string): boolean {
  return PARAGRAPH_MARKERS.has(word);
}

export function isParagraphNumber(word: string): boolean {
  return PARAGRAPH_NUMBER.test(word);
}

/** "sgb" + "8" / "viii" → "sgb-viii"; other codes stand alone. */
export function lawCodeAt(words: readonly string[], i: number): string | undefined {
  const word = words[i];
  if (!LAW_CODES.has(word)) return undefined;
  if (word !== 'sgb') return word === 'kifög' ? 'kifog' : word;
  const next = words[i + 1];
  if (next === undefined) return 'sgb';
  if (ROMAN.test(next)) return `sgb-${next}`;
  if (BOOK_NUMERALS[next]) return `sgb-${BOOK_NUMERALS[next]}`;
  return 'sgb';
}

/**
 * Terms a paragraph number at position i contributes (besides itself), or [] when it is not
 * part of a citation. `words` are the normalised (lower-cased) tokens of the text.
 */
export function lawTermsAt(words: readonly string[], i: number): string[] {
  const number = words[i];
  if (!isParagraphNumber(number)) return [];
  const afterMarker = i > 0 && (isParagraphMarker(words[i - 1]) || precededByMarkerList(words, i));
  const code = findCodeAfter(words, i);
  const terms: string[] = [];
  if (afterMarker) terms.push(`§${number}`);
  if (code) terms.push(`${number}-${code}`);
  return terms;
}

/** "§§ 61, 62 und 65" — numbers in a list after a paragraph sign count as cited too. */
function precededByMarkerList(words: readonly string[], i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
    const word = words[j];
    if (isParagraphMarker(word)) return true;
    if (!isParagraphNumber(word) && word !== 'und' && word !== 'ff') return false;
  }
  return false;
}

function findCodeAfter(words: readonly string[], i: number): string | undefined {
  for (let j = i + 1; j < words.length && j <= i + MAX_LOOKAHEAD; j++) {
    const code = lawCodeAt(words, j);
    if (code) return code;
    const word = words[j];
    if (!CITATION_FILLERS.has(word) && !isParagraphNumber(word)) return undefined;
  }
  return undefined;
}

/** "SGB 8" / "SGB VIII": the book numeral after "SGB", as a roman numeral, else undefined. */
export function bookNumeralAt(words: readonly string[], i: number): string | undefined {
  if (words[i - 1] !== 'sgb') return undefined;
  const word = words[i];
  if (ROMAN.test(word)) return word;
  return BOOK_NUMERALS[word];
}

/** True for tokens that only structure a citation ("§", "Abs.", "ff.") and carry no meaning. */
export function isCitationNoise(words: readonly string[], i: number): boolean {
  const word = words[i];
  if (isParagraphMarker(word)) return true;
  // The number after "Abs."/"Satz"/"Nr." is a sub-position, not a paragraph.
  const previous = words[i - 1];
  return /^\d+$/.test(word) && (previous === 'abs' || previous === 'absatz' || previous === 'satz' || previous === 'nr');
}
