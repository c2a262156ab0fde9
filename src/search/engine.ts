// The search engine: loads a serialised index and answers queries.
import { lunr } from './lunr-de.ts';
import { Analyzer } from './analyzer.ts';
import { isMarkedPart, stemWord } from './steps.ts';
import type { AnalyzerConfig, QueryGroup } from './analyzer.ts';
import { QueryPlanner } from './query.ts';
import type { WeightedTerm } from './query.ts';
import { applyRoleBoost, diversify, toHits } from './rank.ts';
import type { ScoredPassage } from './rank.ts';
import { confidenceOf } from './confidence.ts';
import type { GroupEvidence } from './confidence.ts';
import { LruCache } from './lru.ts';
import { isLawCode } from './law.ts';
import { TermSpecificity, informationFactor, queryInformation, unknownWordsFactor } from './specificity.ts';
import { DEFAULT_LIMIT, LONG_INPUT, QUERY_LIMITS, RERANK } from './config.ts';
import { citationOf, headingShare, inferRole, isDefinitionQuery, rerankFactor } from './rerank.ts';
import type { GroupTerms, LawSubject, RerankWeights } from './rerank.ts';
import { INDEX_FORMAT, refOf } from './build.ts';
import type { SerializedSearchIndex } from './build.ts';
import type { Passage, SearchEngine, SearchOptions, SearchResult } from './types.ts';

export type EngineConfig = AnalyzerConfig & {
  legalOnEveryPassage?: boolean; // build-time variant (old behaviour), for the evaluation only
  fuzzy?: boolean; // default true
  reduceLongInput?: boolean; // default true
  diversify?: boolean; // default true
  rerank?: RerankWeights | false; // second-stage ranking (rerank.ts); default config RERANK
};

const MAX_QUERY_CHARS = 4000;

const WARM_UP_QUERIES = [
  'Kinderschutz Verdacht Jugendamt informieren',
  '§ 8a SGB VIII Schutzauftrag',
  'Schweigepflicht Kinderarzt Kindeswohlgefärdung',
  'Was mache ich jetzt, wenn mir ein Kind in der Kita erzählt, dass es zu Hause geschlagen wird, und die Eltern nicht mit mir reden wollen?',
];

export function loadSearchEngine(serialized: object, passages: Passage[], synonyms: string[][], config: EngineConfig = {}): LunrSearchEngine {
  const data = serialized as Partial<SerializedSearchIndex>;
  if (data.format !== INDEX_FORMAT || !Array.isArray(data.vocabulary) || !Array.isArray(data.refs) || typeof data.lunr !== 'object') {
    throw new Error('Search index has an unknown format; rebuild it with scripts/build-index.ts');
  }
  const index = lunr.Index.load(data.lunr);
  const byId = new Map(passages.map((p) => [p.id, p]));
  const byRef = new Map<string, Passage>();
  data.refs.forEach((id, position) => {
    const passage = byId.get(id);
    if (passage) byRef.set(refOf(position), passage);
  });
  const engine = new LunrSearchEngine(index, new Analyzer(data.vocabulary, synonyms, config), byRef, data.vocabulary, config);
  // The first queries build lazy lookup tables and get the code paths compiled (3–8 ms each);
  // pay that at load, not in a user's answer. One query per path: plain, law reference, typo, long.
  for (const query of WARM_UP_QUERIES) engine.search(query);
  return engine;
}

type Plan = {
  groups: QueryGroup[];
  terms: WeightedTerm[];
  groupTerms: GroupTerms[];
  definitionQuery: boolean;
  inferredRole?: string;
  citation?: string[];
};

export class LunrSearchEngine implements SearchEngine {
  private readonly index: lunr.Index;
  private readonly analyzer: Analyzer;
  private readonly planner: QueryPlanner;
  private readonly passages: Map<string, Passage>;
  private readonly config: EngineConfig;
  private readonly planCache = new LruCache<string, Plan>(500);
  private readonly headingTerms = new Map<Passage, Set<string>>();
  private readonly refs = new Map<Passage, string>();
  private readonly specificity: TermSpecificity;
  private readonly firstPassages = new Set<Passage>();
  private readonly lawSubjects = new Map<Passage, LawSubject>();

  /** `passages` maps lunr refs to passages (refs the caller no longer has are simply skipped). */
  constructor(index: lunr.Index, analyzer: Analyzer, passages: Map<string, Passage>, vocabulary: string[], config: EngineConfig) {
    this.index = index;
    this.analyzer = analyzer;
    this.passages = passages;
    for (const [ref, passage] of passages) this.refs.set(passage, ref);
    this.planner = new QueryPlanner(index, passages.size, vocabulary, stemWord);
    this.config = config;
    // An article's first passage (its short answer) is the one its legal references are indexed with.
    const seen = new Set<string>();
    for (const [, passage] of [...passages].sort((a, b) => parseInt(a[0], 36) - parseInt(b[0], 36))) {
      if (!seen.has(passage.articleId)) this.firstPassages.add(passage);
      seen.add(passage.articleId);
    }
    const articleOfRef = new Map([...passages].map(([ref, p]) => [ref, p.articleId]));
    this.specificity = new TermSpecificity((index as unknown as { invertedIndex: ConstructorParameters<typeof TermSpecificity>[0] }).invertedIndex, articleOfRef);
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const text = typeof query === 'string' ? query.slice(0, MAX_QUERY_CHARS) : '';
    const plan = this.plan(text);
    if (plan.terms.length === 0) return { hits: [], confidence: 0 };
    const scored = this.score(plan.terms);
    if (scored.length === 0) return { hits: [], confidence: 0 };
    const reranked = this.rerank(scored, plan, options.role);
    const boosted = applyRoleBoost(reranked, options.role);
    const ordered = this.config.diversify === false ? boosted : diversify(boosted);
    const limit = Math.max(1, Math.min(50, options.limit ?? DEFAULT_LIMIT));
    const top = ordered[0];
    const runnerUp = ordered.find((r) => r.passage.articleId !== top.passage.articleId);
    const headingMatch = headingShare(plan.groupTerms, this.headingTermsOf(top.passage));
    const evidence = this.evidence(plan, top);
    const information = queryInformation(evidence.map((e) => e.specificity));
    const damping = informationFactor(information) * unknownWordsFactor(this.unknownShare(plan, evidence));
    const confidence = confidenceOf(evidence, top.score, runnerUp?.score ?? 0, headingMatch, damping);
    return { hits: toHits(ordered, limit), confidence };
  }

  private rerank(scored: ScoredPassage[], plan: Plan, role: string | undefined): ScoredPassage[] {
    if (this.config.rerank === false) return scored;
    const weights = this.config.rerank ?? RERANK;
    const context = { groups: plan.groupTerms, definitionQuery: plan.definitionQuery, role, inferredRole: plan.inferredRole, citation: plan.citation };
    return scored
      .map((r) => ({ ...r, score: r.score * rerankFactor(r.passage, this.headingTermsOf(r.passage), context, weights, plan.citation ? this.lawSubjectOf(r.passage) : undefined) }))
      .sort((a, b) => b.score - a.score);
  }

  /** The passage's article title and first legal reference as analysed terms ("§4", "4-kkg"). */
  private lawSubjectOf(passage: Passage): LawSubject {
    let subject = this.lawSubjects.get(passage);
    if (!subject) {
      subject = {
        isFirstPassage: this.firstPassages.has(passage),
        title: new Set(this.analyzer.analyze(passage.articleTitle)),
        firstLegal: new Set(this.analyzer.analyze(passage.legal[0] ?? '')),
      };
      this.lawSubjects.set(passage, subject);
    }
    return subject;
  }

  /** Analysed heading terms of a passage (the title for an article's short answer), computed once. */
  private headingTermsOf(passage: Passage): Set<string> {
    let terms = this.headingTerms.get(passage);
    if (!terms) {
      // The heading field as indexed: the same analysis, read from the index instead of redone.
      const ref = this.refs.get(passage);
      terms = ref === undefined ? new Set(this.analyzer.analyze(passage.heading)) : this.planner.scorer.fieldTerms(ref, 'heading');
      this.headingTerms.set(passage, terms);
    }
    return terms;
  }

  /** The analysed query (for tests, the eval script and debugging). */
  explain(query: string): Plan {
    return this.plan(query);
  }

  private plan(text: string): Plan {
    const key = text.trim();
    let plan = this.planCache.get(key);
    if (!plan) {
      const analysed = this.analyzer.analyzeQuery(key);
      const topical = LONG_INPUT.reduceByTopic ? (group: QueryGroup) => this.topicWeight(group, analysed.length) : undefined;
      const groups = this.config.reduceLongInput === false ? analysed : this.planner.reduce(analysed, topical);
      const all = this.planner.expand(groups, { fuzzy: this.config.fuzzy !== false, reduce: true });
      const terms = this.planner.withoutUbiquitousTerms(all);
      const definitionQuery = isDefinitionQuery(key);
      plan = { groups, terms, groupTerms: this.groupTerms(groups, all), definitionQuery, inferredRole: inferRole(key), citation: citationOf(key, groups, definitionQuery) };
      this.planCache.set(key, plan);
    }
    return plan;
  }

  private score(terms: WeightedTerm[]): ScoredPassage[] {
    const results = this.planner.run(terms);
    const scored: ScoredPassage[] = [];
    for (const result of results.slice(0, QUERY_LIMITS.candidates)) {
      const passage = this.passages.get(result.ref);
      if (!passage) continue;
      scored.push({ passage, score: result.score, matchedTerms: result.matchedTerms });
    }
    return scored;
  }

  private groupTerms(groups: QueryGroup[], all: WeightedTerm[]): GroupTerms[] {
    const result: GroupTerms[] = groups.map((group) => ({ weight: this.groupWeight(group), terms: new Map<string, number>() }));
    for (const t of all) {
      // A word found only inside a compound of the heading is no heading match ("Tagesmütter" ≠ "Mutter").
      if (isMarkedPart(t.term)) continue;
      const terms = result[t.group].terms;
      terms.set(t.term, Math.max(terms.get(t.term) ?? 0, t.quality));
    }
    return result;
  }

  private groupWeight(group: QueryGroup): number {
    const main = group.terms.find((t) => t.kind === 'exact' || t.kind === 'law') ?? group.terms[0];
    return main ? this.planner.idf(main.term) : 0;
  }

  /**
   * Weight factor for a word of a long input by its topicality (LONG_INPUT): 1 for short queries;
   * in long ones, words that are no topic of the knowledge base count less (narrative words).
   */
  private topicWeight(group: QueryGroup, groupCount: number): number {
    const { fromGroups, fullAt, floor } = LONG_INPUT;
    if (groupCount < fromGroups) return 1;
    const strength = Math.min(1, (groupCount - fromGroups + 1) / (fullAt - fromGroups + 1));
    let topicality = 0;
    for (const t of group.terms) {
      if (t.kind === 'law') return 1;
      const quality = t.kind === 'part' ? 0.5 : t.kind === 'synonym' ? 0.9 : 1;
      topicality = Math.max(topicality, quality * this.specificity.of(t.term));
    }
    return 1 - strength * (1 - (floor + (1 - floor) * topicality));
  }

  /** IDF share of the query's words of which the index holds no term (word, part, synonym or typo variant). */
  private unknownShare(plan: Plan, evidence: GroupEvidence[]): number {
    let total = 0;
    let unknown = 0;
    evidence.forEach((e, g) => {
      total += e.weight;
      // All terms of the word, the ubiquitous ones ("Kind") included.
      const known = [...plan.groupTerms[g].terms.keys()].some((term) => this.planner.documentFrequency(term) > 0);
      if (!known) unknown += e.weight;
    });
    return total > 0 ? unknown / total : 0;
  }

  /** Per query word: its IDF weight, how well the top passage matches it, and how specific that match is. */
  private evidence(plan: Plan, top: ScoredPassage): Array<GroupEvidence & { specificity: number }> {
    const matched = new Set(top.matchedTerms);
    const citation = new Set(plan.citation ?? []);
    return plan.groups.map((group, g) => {
      // In a citation query the other word only frames the question ("Was heißt … genau?").
      const framing = citation.size > 0 && !group.terms.some((t) => t.kind === 'law' || isLawCode(t.term));
      const topical = LONG_INPUT.confidenceByTopic ? this.topicWeight(group, plan.groups.length) : 1;
      const weight = framing ? 0 : plan.groupTerms[g].weight * topical;
      const lawTerms = new Set(group.terms.filter((t) => t.kind === 'law').map((t) => t.term));
      let best = 0;
      let specificity = 0;
      for (const t of plan.terms) {
        if (t.group !== g || !matched.has(t.term)) continue;
        best = Math.max(best, t.quality);
        // A cited norm is specific by construction; other terms by their use in the knowledge base.
        specificity = Math.max(specificity, t.quality * (lawTerms.has(t.term) ? 1 : this.specificity.of(t.term)));
      }
      return { weight, matched: best, specificity };
    });
  }
}
