// Prints retrieval quality (hit@1, hit@3, MRR) for the train and held-out splits and the misses.
//   node scripts/eval.ts              current engine
//   node scripts/eval.ts --ablation   one row per pipeline step (notes table)
//   node scripts/eval.ts --misses=train|heldout|blind2|blind3|all   which misses to list (default all)
import lunr from 'lunr';
import { loadSearchCorpus } from '../test/eval/knowledge.ts';
import { ANSWER_THRESHOLD, evaluate, readQuestions } from '../test/eval/evaluate.ts';
import type { EvalReport, SplitMetrics } from '../test/eval/evaluate.ts';
import { buildSearchIndex } from '../src/search/build.ts';
import { loadSearchEngine } from '../src/search/engine.ts';
import type { EngineConfig } from '../src/search/engine.ts';
import { germanStemmer, germanStopWordFilter } from '../src/search/lunr-de.ts';
import { FIELD_BOOSTS } from '../src/search/config.ts';
import type { Passage, SearchEngine, SearchResult } from '../src/search/index.ts';

const corpus = await loadSearchCorpus();
const questions = readQuestions();
const available = new Set(corpus.articleIds);
const args = process.argv.slice(2);

console.log(`Knowledge base: ${corpus.articleIds.length} articles, ${corpus.passages.length} passages, ${corpus.synonyms.length} synonym groups`);
for (const problem of corpus.skipped) console.log(`  skipped ${problem}`);

if (args.includes('--ablation')) {
  const rows: Array<[string, SearchEngine, boolean]> = [
    ['baseline: lunr + lunr-languages de', stockGermanEngine(corpus.passages), false],
    ['+ own tokenizer, § references', engine({ disable: { fold: true, decompound: true, synonyms: true }, fuzzy: false, reduceLongInput: false, diversify: false, rerank: false }), false],
    ['+ umlaut/ß folding', engine({ disable: { decompound: true, synonyms: true }, fuzzy: false, reduceLongInput: false, diversify: false, rerank: false }), false],
    ['+ compound splitting', engine({ disable: { synonyms: true }, fuzzy: false, reduceLongInput: false, diversify: false, rerank: false }), false],
    ['+ synonyms', engine({ fuzzy: false, reduceLongInput: false, diversify: false, rerank: false }), false],
    ['+ fuzzy (by length)', engine({ reduceLongInput: false, diversify: false, rerank: false }), false],
    ['+ long-input reduction', engine({ diversify: false, rerank: false }), false],
    ['+ article grouping on top 3', engine({ rerank: false }), false],
    ['+ role boost', engine({ rerank: false }), true],
    ['+ heading match, glossary prior, role from text (all on)', engine({}), true],
  ];
  console.log('\n| step | train hit@1 | train hit@3 | train MRR | heldout hit@1 | heldout hit@3 | heldout MRR | blind2 hit@1 | blind2 hit@3 | blind2 MRR | blind3 hit@1 | blind3 hit@3 | blind3 MRR |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, e, roles] of rows) {
    const r = evaluate(e, questions, { available, useRoles: roles });
    console.log(`| ${name} | ${f(r.train.hit1)} | ${f(r.train.hit3)} | ${f(r.train.mrr)} | ${f(r.heldout.hit1)} | ${f(r.heldout.hit3)} | ${f(r.heldout.mrr)} | ${f(r.blind2.hit1)} | ${f(r.blind2.hit3)} | ${f(r.blind2.mrr)} | ${f(r.blind3.hit1)} | ${f(r.blind3.hit3)} | ${f(r.blind3.mrr)} |`);
  }
} else {
  const report = evaluate(engine({}), questions, { available });
  printReport(report, args.find((a) => a.startsWith('--misses='))?.slice(9) ?? 'all');
}

function engine(config: EngineConfig): SearchEngine {
  return loadSearchEngine(JSON.parse(JSON.stringify(buildSearchIndex(corpus.passages, corpus.synonyms, config))), corpus.passages, corpus.synonyms, config);
}

function printReport(report: EvalReport, which: string): void {
  console.log(`\n| split | n | hit@1 | hit@3 | MRR | mean confidence | conf ≥ ${ANSWER_THRESHOLD} | right and ≥ ${ANSWER_THRESHOLD} |`);
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, m] of [['train', report.train], ['heldout', report.heldout], ['blind2', report.blind2], ['blind3', report.blind3]] as Array<[string, SplitMetrics]>) {
    console.log(`| ${name} | ${m.n}${m.skipped ? ` (+${m.skipped} skipped)` : ''} | ${f(m.hit1)} | ${f(m.hit3)} | ${f(m.mrr)} | ${f(m.meanConfidence)} | ${f(m.answered)} | ${f(m.answeredRight)} |`);
  }
  console.log(`| negative | ${report.negative.n} | – | – | – | ${f(report.negative.meanConfidence)} |`);
  printCalibration(report);
  printDistribution(report);
  if (args.includes('--negatives')) {
    console.log('\nNegative questions (confidence, top passage):');
    for (const r of report.negative.results) console.log(`  ${r.id} [${r.kind}] ${f(r.confidence)} "${r.q}" → ${r.top ?? '(nothing)'}`);
  }
  for (const [name, m] of [['train', report.train], ['heldout', report.heldout], ['blind2', report.blind2], ['blind3', report.blind3]] as Array<[string, SplitMetrics]>) {
    if (which !== 'all' && which !== name) continue;
    console.log(`\nMisses (${name}, not in top 3): ${m.misses.length}`);
    for (const miss of m.misses) console.log(`  ${miss.id} "${miss.q}"\n      expected ${miss.expected.join(', ')}; got ${miss.got.join(', ') || '(nothing)'}`);
  }
}

/**
 * Share of answers above each threshold: correct top hits kept vs wrong ones, off-topic and vague
 * queries let through (train + heldout for correct/wrong). 0.25 answers, 0.4 drops "not sure".
 */
function printCalibration(report: EvalReport): void {
  const { correct, wrong } = report.confidences;
  const { offtopic, vague } = report.negative;
  console.log(`\n| confidence ≥ | correct@1 kept (n=${correct.length}) | wrong@1 passed (n=${wrong.length}) | off-topic passed (n=${offtopic.length}) | vague passed (n=${vague.length}) |`);
  console.log('| --- | --- | --- | --- | --- |');
  for (const t of [0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7]) {
    const share = (values: number[]) => (values.length ? values.filter((v) => v >= t).length / values.length : 0);
    console.log(`| ${t} | ${f(share(correct))} | ${f(share(wrong))} | ${f(share(offtopic))} | ${f(share(vague))} |`);
  }
}

/** Confidence distribution per group: quartiles and mean. */
function printDistribution(report: EvalReport): void {
  console.log('\n| group | n | min | p25 | median | p75 | max | mean |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const groups: Array<[string, number[]]> = [
    ['correct top-1', report.confidences.correct],
    ['wrong top-1', report.confidences.wrong],
    ['off-topic', report.negative.offtopic],
    ['vague', report.negative.vague],
  ];
  for (const [name, values] of groups) {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
    const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
    console.log(`| ${name} | ${sorted.length} | ${f(sorted[0] ?? 0)} | ${f(at(0.25))} | ${f(at(0.5))} | ${f(at(0.75))} | ${f(sorted[sorted.length - 1] ?? 0)} | ${f(mean)} |`);
  }
}

function f(value: number): string {
  return value.toFixed(3);
}

/** Stock lunr with the lunr-languages German pipeline; queries through the same pipeline. */
function stockGermanEngine(passages: Passage[]): SearchEngine {
  const byId = new Map(passages.map((p) => [p.id, p]));
  const index = lunr(function () {
    this.pipeline.add(germanStopWordFilter, germanStemmer);
    this.searchPipeline.add(germanStemmer);
    (this as unknown as { use(plugin: unknown): void }).use((lunr as unknown as { de: unknown }).de);
    this.ref('id');
    this.field('title', { boost: FIELD_BOOSTS.title });
    this.field('heading', { boost: FIELD_BOOSTS.heading });
    this.field('tags', { boost: FIELD_BOOSTS.tags });
    this.field('body', { boost: FIELD_BOOSTS.body });
    for (const p of passages) this.add({ id: p.id, title: p.articleTitle, heading: p.heading, tags: [...p.tags, ...p.legal].join(' '), body: p.text });
  });
  return {
    search(query: string): SearchResult {
      const terms = lunr.tokenizer(query);
      const results = index.query((q) => q.term(terms, {}));
      return { hits: results.slice(0, 10).map((r) => ({ passage: byId.get(r.ref)!, score: r.score })), confidence: 0 };
    },
  };
}
