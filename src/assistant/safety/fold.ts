// Spelling-tolerant folding for German: lowercase, umlauts and their ASCII spellings collapse
// to the bare vowel ("schlägt", "schlaegt", "schlagt" → "schlagt"), ß → ss. Patterns are written
// in natural German and folded with the same function, so both sides always agree.

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[äàáâ]/g, 'a')
    .replace(/[öòóô]/g, 'o')
    .replace(/[üùúû]/g, 'u')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/["'’`´„“”‚‘»«]/g, ''); // quotes carry no meaning here: "macht 'so Sachen'" 
}

// Fold the literal parts of a regular-expression source written in lowercase German.
// Escapes such as \b, \d, \s, \w are lowercase already and survive unchanged.
export function foldedRegExp(source: string, flags = ''): RegExp {
  return new RegExp(foldText(source), flags);
}
