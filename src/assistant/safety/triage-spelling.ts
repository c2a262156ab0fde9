// Typo tolerance for the few long danger words that decide an acute triage ("bewustlos",
// "umbrigen", "vergewaltigt"). A token within one edit (two for long words) of a key word is
// replaced by it before the word classes run. Only long keys are used: short German words are
// too close to harmless neighbours ("schläft"/"schlägt", "Messer"/"besser").

// Folded spellings (see fold.ts). Keep keys ≥ 8 letters and not one edit away from a common word.
const KEYS = [
  'bewusstlos', 'ansprechbar', 'umbringen', 'umzubringen', 'selbstmord', 'abschiedsbrief',
  'tabletten', 'uberdosis', 'vergewaltigt', 'vergewaltigen', 'missbraucht', 'missbrauch',
  'geprugelt', 'verprugelt', 'zusammengebrochen', 'krampfanfall', 'eingesperrt',
  'suizidgedanken', 'selbstmordgedanken', 'lebensmude', 'totschlagen', 'umgebracht',
  'misshandelt', 'zusammengeschlagen', 'pulsadern', 'aufgeschnitten', 'alleingelassen',
];

// Optimal string alignment distance with an early exit once `max` is exceeded.
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * A corrector for a list of long key words: a token within one edit of a key (two for keys of 12
 * letters or more) becomes the key. Tokens shorter than `minLength` stay as they are.
 */
export function typoCorrector(keys: readonly string[], minLength = 7): (folded: string) => string {
  const byFirst = new Map<string, string[]>();
  for (const key of keys) byFirst.set(key[0]!, [...(byFirst.get(key[0]!) ?? []), key]);
  const known = new Set(keys);
  const correctToken = (token: string): string => {
    if (token.length < minLength || known.has(token)) return token;
    for (const key of byFirst.get(token[0]!) ?? []) {
      const max = key.length >= 12 ? 2 : 1;
      if (editDistance(token, key, max) <= max) return key;
    }
    return token;
  };
  const word = new RegExp(`[a-z]{${minLength},}`, 'g');
  return (folded) => folded.replace(word, correctToken);
}

// `folded` is already lowercased and folded; word boundaries and length are kept where possible.
export const correctDangerTypos = typoCorrector(KEYS);
