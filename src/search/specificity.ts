// How much a matched query term says about the topic of a passage (0..1), from the index alone.
//
// IDF is the wrong measure of that in a topical knowledge base: its topic words ("Jugendamt",
// "InsoFa", "§ 4 KKG") occur in many passages, while everyday words that carry no topic
// ("normal", "Wetter", "beiden") are rare and get the highest IDF. Two statistics separate them:
// - prominence: the term occurs in a title or in the tags of some passage, i.e. an editor chose it
//   as a topic word (1); only in headings, which are phrased as questions and hold everyday words
//   too (less); only in body text: an incidental match (little).
// - spread: the share of articles the term occurs in. A term found in nearly every article
//   ("beraten", "Stelle", "Person") does not point to any one of them.
// Law citations are specific by construction and count fully.
import { SPECIFICITY } from './config.ts';
import { PART_MARK, isMarkedPart } from './steps.ts';

type Posting = Record<string, Record<string, unknown> | number>;

export class TermSpecificity {
  private readonly invertedIndex: Record<string, Posting>;
  private readonly articleOfRef: Map<string, string>;
  private readonly articleCount: number;
  private readonly cache = new Map<string, number>();

  constructor(invertedIndex: Record<string, Posting>, articleOfRef: Map<string, string>) {
    this.invertedIndex = invertedIndex;
    this.articleOfRef = articleOfRef;
    this.articleCount = Math.max(1, new Set(articleOfRef.values()).size);
  }

  /** 0..1; 0 for terms the index does not hold. */
  of(term: string): number {
    let value = this.cache.get(term);
    if (value === undefined) {
      value = this.compute(term);
      this.cache.set(term, value);
    }
    return value;
  }

  private compute(term: string): number {
    // A word's use in the knowledge base includes its use inside compounds (indexed apart, with
    // PART_MARK): "Stelle" is spread over every article that mentions a "Kontaktstelle".
    const word = isMarkedPart(term) ? term.slice(PART_MARK.length) : term;
    const postings = [word, PART_MARK + word].filter((t) => Object.hasOwn(this.invertedIndex, t)).map((t) => this.invertedIndex[t]);
    if (postings.length === 0) return 0;
    const articles = new Set<string>();
    let prominence: number = SPECIFICITY.nonKeyword;
    for (const posting of postings) for (const field in posting) {
      const refs = posting[field];
      if (typeof refs !== 'object') continue; // `_index`
      for (const ref in refs) {
        const article = this.articleOfRef.get(ref);
        if (article === undefined) continue;
        articles.add(article);
        if (field === 'title' || field === 'tags') prominence = 1;
        else if (field === 'heading') prominence = Math.max(prominence, SPECIFICITY.headingOnly);
      }
    }
    if (articles.size === 0) return 0;
    const spread = articles.size / this.articleCount;
    const focus = Math.pow(1 - spread, SPECIFICITY.spreadExponent);
    return prominence * focus;
  }
}

/**
 * The information a query's matched words carry together (0..1): a noisy-or of the groups'
 * specificities, so one clearly topical word is enough and several weak ones add up.
 */
export function queryInformation(groupSpecificities: number[]): number {
  let missing = 1;
  for (const s of groupSpecificities) missing *= 1 - Math.max(0, Math.min(1, s));
  return 1 - missing;
}

/**
 * Confidence multiplier for words the knowledge base has never seen (nor a near spelling of):
 * "Fußball", "Italiener". Coverage already counts them as unmatched; a question that is partly
 * about something the knowledge base does not know is more likely off-topic than half-answered.
 */
export function unknownWordsFactor(unknownShare: number): number {
  return Math.pow(Math.max(0, 1 - unknownShare), SPECIFICITY.unknownExponent);
}

/** Confidence multiplier for the query's information: 1 from `saturation` up, `floor` at 0. */
export function informationFactor(information: number): number {
  const { floor, saturation } = SPECIFICITY;
  return Math.min(1, floor + (1 - floor) * (information / saturation));
}
