// Search benchmark: build time, serialised size (raw/gzip), load time and query latency
// p50/p99 for the real knowledge base and a synthetic 20,000-passage German corpus, with
// minisearch on the same corpus and queries as a reference. Prints figures; never fails on time.
//   node bench/search.ts [--passages=20000] [--rounds=3]
import { gzipSync } from 'node:zlib';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import MiniSearch from 'minisearch';
import { loadSearchCorpus } from '../test/eval/knowledge.ts';
import { evaluate, readQuestions } from '../test/eval/evaluate.ts';
import { buildSearchIndex, loadSearchEngine } from '../src/search/index.ts';
import type { Passage, SearchEngine } from '../src/search/index.ts';
import { FIELD_BOOSTS } from '../src/search/config.ts';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const SYNTHETIC_PASSAGES = Number(args.get('passages') ?? 20_000);
const ROUNDS = Number(args.get('rounds') ?? 3);

// minisearch as commonly configured: field boosts like ours, prefix search, fuzzy 0.2.
const MINI_OPTIONS = { fields: ['title', 'heading', 'tags', 'body'], idField: 'id' };
const MINI_SEARCH_OPTIONS = { boost: { ...FIELD_BOOSTS }, prefix: true, fuzzy: 0.2 };

// The garbage of parsing and loading an index is collected before queries are timed, so a
// major GC triggered by the load does not land on a query (a service loads once, at start).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const corpus = await loadSearchCorpus();
const questions = readQuestions();
const queries = questions.map((q) => q.q); // the fixed mixed set: short, typos, long cases, off-topic

type Row = { corpus: string; engine: string; passages: number; buildMs: number; rawBytes: number; gzipBytes: number; loadMs: number; p50: number; p99: number; warmP50?: number; warmP99?: number };
const rows: Row[] = [];

rows.push(...benchBoth('real KB', corpus.passages, corpus.synonyms));
const synthetic = syntheticCorpus(corpus.passages, SYNTHETIC_PASSAGES);
rows.push(...benchBoth(`synthetic ${SYNTHETIC_PASSAGES}`, synthetic, corpus.synonyms));

console.log(`\nqueries: ${queries.length} (questions.jsonl), rounds: ${ROUNDS}, node ${process.version}`);
console.log('\n| corpus | engine | passages | build ms | raw KiB | gzip KiB | load ms | p50 ms | p99 ms | warm p50 | warm p99 |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.corpus} | ${r.engine} | ${r.passages} | ${r.buildMs.toFixed(0)} | ${(r.rawBytes / 1024).toFixed(0)} | ${(r.gzipBytes / 1024).toFixed(0)} | ${r.loadMs.toFixed(1)} | ${r.p50.toFixed(3)} | ${r.p99.toFixed(3)} | ${r.warmP50?.toFixed(3) ?? '–'} | ${r.warmP99?.toFixed(3) ?? '–'} |`);
}
console.log('\nratios lunr / minisearch (lower is better for lunr):');
for (const name of [...new Set(rows.map((r) => r.corpus))]) {
  const l = rows.find((r) => r.corpus === name && r.engine === 'lunr (ours)')!;
  const m = rows.find((r) => r.corpus === name && r.engine === 'minisearch')!;
  console.log(`  ${name}: build ${(l.buildMs / m.buildMs).toFixed(2)}, gzip size ${(l.gzipBytes / m.gzipBytes).toFixed(2)}, load ${(l.loadMs / m.loadMs).toFixed(2)}, p50 ${(l.p50 / m.p50).toFixed(2)}, p99 ${(l.p99 / m.p99).toFixed(2)}`);
}

// Quality of the reference on the same questions, to show what the speed buys.
const mini = miniEngine(corpus.passages);
const ours = loadSearchEngine(buildSearchIndex(corpus.passages, corpus.synonyms), corpus.passages, corpus.synonyms);
const available = new Set(corpus.articleIds);
for (const [name, engine] of [['lunr (ours)', ours], ['minisearch', mini.engine]] as Array<[string, SearchEngine]>) {
  const r = evaluate(engine, questions, { available });
  console.log(`quality ${name}: heldout hit@1 ${r.heldout.hit1.toFixed(3)} hit@3 ${r.heldout.hit3.toFixed(3)} MRR ${r.heldout.mrr.toFixed(3)}; train hit@3 ${r.train.hit3.toFixed(3)}`);
}

function benchBoth(name: string, passages: Passage[], synonyms: string[][]): Row[] {
  return [benchLunr(name, passages, synonyms), benchMini(name, passages)];
}

function benchLunr(name: string, passages: Passage[], synonyms: string[][]): Row {
  let t = performance.now();
  const serialized = buildSearchIndex(passages, synonyms);
  const buildMs = performance.now() - t;
  const json = JSON.stringify(serialized);
  const cold: number[] = [];
  const warm: number[] = [];
  let loadMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    t = performance.now();
    const engine = loadSearchEngine(JSON.parse(json), passages, synonyms);
    loadMs += (performance.now() - t) / ROUNDS;
    collectGarbage();
    cold.push(...timeQueries(engine)); // fresh engine: no cached plans
    warm.push(...timeQueries(engine)); // same queries again: plan cache hits
  }
  return { corpus: name, engine: 'lunr (ours)', passages: passages.length, buildMs, rawBytes: json.length, gzipBytes: gzipSync(json).length, loadMs, ...percentiles(cold), warmP50: percentiles(warm).p50, warmP99: percentiles(warm).p99 };
}

function benchMini(name: string, passages: Passage[]): Row {
  let t = performance.now();
  const { index } = miniEngine(passages);
  const buildMs = performance.now() - t;
  const json = JSON.stringify(index);
  const times: number[] = [];
  let loadMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    t = performance.now();
    const loaded = MiniSearch.loadJSON(json, MINI_OPTIONS);
    loadMs += (performance.now() - t) / ROUNDS;
    collectGarbage();
    for (const q of queries) {
      const start = performance.now();
      loaded.search(q, MINI_SEARCH_OPTIONS);
      times.push(performance.now() - start);
    }
  }
  return { corpus: name, engine: 'minisearch', passages: passages.length, buildMs, rawBytes: json.length, gzipBytes: gzipSync(json).length, loadMs, ...percentiles(times) };
}

function timeQueries(engine: SearchEngine): number[] {
  return queries.map((q) => {
    const start = performance.now();
    engine.search(q);
    return performance.now() - start;
  });
}

function percentiles(values: number[]): { p50: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: at(0.5), p99: at(0.99) };
}


function miniEngine(passages: Passage[]): { index: MiniSearch; engine: SearchEngine } {
  const index = new MiniSearch(MINI_OPTIONS);
  index.addAll(passages.map((p) => ({ id: p.id, title: p.articleTitle, heading: p.heading, tags: [...p.tags, ...p.legal].join(' '), body: p.text })));
  const byId = new Map(passages.map((p) => [p.id, p]));
  return {
    index,
    engine: {
      search(query) {
        const hits = index.search(query, MINI_SEARCH_OPTIONS).slice(0, 10).map((r) => ({ passage: byId.get(String(r.id))!, score: r.score }));
        return { hits, confidence: 0 };
      },
    },
  };
}

/** Passages built from the real vocabulary with its word frequencies (deterministic PRNG). */
function syntheticCorpus(real: Passage[], count: number): Passage[] {
  const random = mulberry32(42);
  const words = real.flatMap((p) => `${p.heading} ${p.text}`.split(/[^\p{L}\p{N}§-]+/u)).filter((w) => w.length > 1);
  const pick = () => words[Math.floor(random() * words.length)];
  const phrase = (n: number) => Array.from({ length: n }, pick).join(' ');
  const passages: Passage[] = [];
  for (let i = 0; i < count; i++) {
    const article = Math.floor(i / 8);
    const title = `${phrase(3)} ${article}`;
    const length = 60 + Math.floor(random() * 190);
    const sentences: string[] = [];
    for (let n = 0; n < length; n += 12) sentences.push(`${phrase(12)}.`);
    passages.push({
      id: `syn-${article}#${i}`,
      articleId: `syn-${article}`,
      articleTitle: title,
      heading: phrase(5),
      text: sentences.join(' '),
      tags: Array.from({ length: 5 }, pick),
      audience: ['alle'],
      legal: [],
      reviewed: '2026-11-24',
      url: `/wissen/syn-${article}#${i}`,
    });
  }
  return passages;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
