// Splits German compounds into parts found in the knowledge base's own vocabulary, so that
// "Kindeswohlgefährdung" also matches "Gefährdung" and "Schweigepflichtentbindung" matches
// "Schweigepflicht". Works on folded, lower-case words (see normalize.ts).

const MIN_WORD_LENGTH = 7;
const MIN_PART_LENGTH = 3;
const MAX_PARTS = 4;
// Linking elements (Fugenelemente) that may sit between two parts: Kinder|s|schutz is wrong,
// but Information|s|weitergabe, Kind|es|wohl, Famili|en|gericht are right.
const LINKS = ['', 's', 'es', 'n', 'en', 'er', 'e'];

type Split = { parts: string[]; score: number };

export class Decompounder {
  private readonly words: ReadonlySet<string>;
  private readonly stems: ReadonlySet<string>;
  private readonly stem: (word: string) => string;
  private readonly cache = new Map<string, string[]>();

  constructor(vocabulary: Iterable<string>, stem: (word: string) => string) {
    this.words = new Set(vocabulary);
    this.stem = stem;
    const stems = new Set<string>();
    for (const word of this.words) if (word.length >= 5) stems.add(stem(word));
    this.stems = stems;
  }

  /** The parts of `word`, or [] when it is not a compound of known words. */
  split(word: string): string[] {
    if (word.length < MIN_WORD_LENGTH || !/^\p{L}+$/u.test(word)) return [];
    const cached = this.cache.get(word);
    if (cached) return cached;
    const best = this.bestSplit(word);
    const parts = best && best.parts.length >= 2 ? best.parts : [];
    if (this.cache.size > 20_000) this.cache.clear();
    this.cache.set(word, parts);
    return parts;
  }

  /** Fewest parts wins; among equals, longer parts (sum of squared lengths) win. */
  private bestSplit(word: string): Split | undefined {
    const memo = new Map<number, Split | null>();
    const solve = (start: number, depth: number): Split | null => {
      if (depth > MAX_PARTS) return null;
      const key = start * 8 + depth;
      if (memo.has(key)) return memo.get(key)!;
      let best: Split | null = null;
      for (let end = word.length; end - start >= MIN_PART_LENGTH; end--) {
        const part = word.slice(start, end);
        const known = this.knownForm(part);
        if (!known) continue;
        const partScore = known.byStem ? part.length ** 2 / 2 : part.length ** 2;
        if (end === word.length) {
          if (start === 0) continue; // the whole word is not a split
          best = better(best, { parts: [known.form], score: partScore });
          continue;
        }
        for (const link of LINKS) {
          if (!word.startsWith(link, end)) continue;
          const nextStart = end + link.length;
          if (word.length - nextStart < MIN_PART_LENGTH) continue;
          const rest = solve(nextStart, depth + 1);
          if (rest) best = better(best, { parts: [known.form, ...rest.parts], score: partScore + rest.score });
        }
      }
      memo.set(key, best);
      return best;
    };
    return solve(0, 1) ?? undefined;
  }

  /**
   * A part is known when it is a vocabulary word, or (for longer parts) shares a stem with one;
   * stem matches score lower, so "Information|s|weitergabe" beats "Informations|weitergabe".
   */
  private knownForm(part: string): { form: string; byStem: boolean } | undefined {
    if (this.words.has(part)) return { form: part, byStem: false };
    if (this.words.has(part + 'e')) return { form: part + 'e', byStem: false }; // Schul|sozialarbeit
    if (part.length >= 5 && this.stems.has(this.stem(part))) return { form: part, byStem: true };
    return undefined;
  }
}

function better(current: Split | null, candidate: Split): Split {
  if (!current) return candidate;
  if (candidate.parts.length !== current.parts.length) {
    return candidate.parts.length < current.parts.length ? candidate : current;
  }
  return candidate.score > current.score ? candidate : current;
}
