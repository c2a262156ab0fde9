// String-level normalisation shared by tokenizer and pipeline steps.

/** Unicode compatibility normalisation plus German-aware lower-casing. */
export function normalizeWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().normalize('NFC');
}

/**
 * Folds umlaut spellings onto one form so that "Gefährdung", "Gefaehrdung" and "Gefahrdung"
 * meet: ä/ae → a, ö/oe → o, ü/ue → u, ß → ss. The digraphs are only folded after a consonant or
 * at the start of a word, so "Feuer", "Mauer" or "neue" keep their vowel sequence. Applied to
 * index and query alike, so an occasional odd fold ("aktuell" → "aktull") is harmless.
 */
export function foldUmlauts(word: string): string {
  let out = word
    .replace(/ß|ẞ/g, 'ss')
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u');
  out = out.replace(/(^|[^aeiouy])([aou])e/g, (_m, before: string, vowel: string) => before + vowel);
  return out;
}

const DIGIT = /\d/;
export function hasDigit(word: string): boolean {
  return DIGIT.test(word);
}

/** Removes Markdown syntax that would otherwise become index terms (link targets, URLs). */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[*_`>#|]+/g, ' ');
}
