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

const BY_FIRST = new Map<string, string[]>();
for (const key of KEYS) {
  const list = BY_FIRST.get(key[0]!) ?? [];
  list.push(key);
  BY_FIRST.set(key[0]!, list);
}
const KEY_SET = new Set(KEYS);

// Optimal string alignment distance with an early exit once `max` is exceeded.
function editDistance(a: string, b: string, max: number): number {
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

function correctToken(token: string): string {
  if (token.length < 7 || KEY_SET.has(token)) return token;
  for (const key of BY_FIRST.get(token[0]!) ?? []) {
    const max = key.length >= 12 ? 2 : 1;
    if (editDistance(token, key, max) <= max) return key;
  }
  return token;
}

// `folded` is already lowercased and folded; word boundaries and length are kept where possible.
export function correctDangerTypos(folded: string): string {
  return folded.replace(/[a-z]{7,}/g, correctToken);
}
