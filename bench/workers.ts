// `npm run bench:workers`: the Lotse on workerd (Cloudflare's runtime, locally through wrangler's
// test harness with local D1 and Durable Objects) next to the Node server on the same machine,
// in one run: answering a question at 50 connections (autocannon, mixed questions), the cold
// start of an isolate (bundled index load), and the deployable bundle's size, raw and gzip.
// Figures only; nothing here fails on timing.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadSearchEngine } from '../src/search/index.ts';
import type { WorkerBundle } from '../src/workers/bundle.ts';
import { ensureWorkerBundle, offlineWranglerEnv, ROOT, startTestWorker } from '../test/workers/worker-harness.ts';
import { answerRequests, createConversations, load, LOAD_VARS, median, startNodeServer, CONNECTIONS, DURATION_S, type Load } from './lib.ts';
import { BENCH_QUESTIONS } from './questions.ts';

const COLD_STARTS = Number(process.env.BENCH_COLD_STARTS ?? 3);

/** The same traffic for both runtimes: 500 conversations, the questions of bench/questions.ts in turn. */
async function answerLoad(url: string): Promise<{ health: Load; answer: Load }> {
  const health = await load(`${url}/healthz`);
  const conversations = await createConversations(url, 500);
  const answer = await load(`${url}/`, answerRequests(conversations));
  return { health, answer };
}

/** A fresh workerd per sample: the first request builds the isolate's Lotse from the bundle. */
async function coldStarts(count: number) {
  const samples: Array<{ startMs: number; firstRequestMs: number; assembleMs: number; warmMs: number }> = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const worker = await startTestWorker({ LOG_LEVEL: 'info' });
    const startMs = performance.now() - t0;
    try {
      const t1 = performance.now();
      await (await fetch(`${worker.url}/healthz`)).text();
      const firstRequestMs = performance.now() - t1;
      const t2 = performance.now();
      await (await fetch(`${worker.url}/healthz`)).text();
      const warmMs = performance.now() - t2;
      const ready = worker.server.getLogs().map((l) => l.message).find((m) => m.includes('"isolate ready"'));
      samples.push({ startMs, firstRequestMs, warmMs, assembleMs: ready ? JSON.parse(ready).ms : NaN });
    } finally {
      await worker.close();
    }
  }
  return samples;
}

/**
 * The floor of the local stack: an empty Worker through the same wrangler harness (Miniflare's
 * entry worker in front of workerd). Local figures are bounded by it; Cloudflare's network has
 * no such layer, and its D1 is a network round trip instead of a local SQLite file.
 */
async function emptyWorkerFloor(): Promise<Load> {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-empty-worker-'));
  writeFileSync(join(dir, 'worker.js'), 'export default { fetch() { return new Response("ok"); } };\n');
  writeFileSync(join(dir, 'wrangler.toml'), 'name = "empty"\nmain = "worker.js"\ncompatibility_date = "2026-11-17"\n');
  const { createTestHarness } = await import('wrangler');
  const server = createTestHarness({ root: dir, workers: [{ configPath: './wrangler.toml' }] });
  try {
    const { url } = await server.listen();
    return await load(url.href);
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bundle `wrangler deploy` would upload (dry run, nothing leaves the machine). */
function deployBundleSize() {
  const outdir = mkdtempSync(join(tmpdir(), 'lotse-worker-dist-'));
  try {
    const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', outdir], {
      cwd: ROOT, env: { ...process.env, ...offlineWranglerEnv() }, encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${result.stderr || result.stdout}`);
    const script = readFileSync(join(outdir, 'worker.js'));
    return { raw: script.length, gzip: gzipSync(script, { level: 9 }).length, wranglerSays: /Total Upload: (.*)/.exec(result.stdout)?.[1] ?? '?' };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The index load alone, on Node's V8, for reference: JSON parse of the bundle + loadSearchEngine. */
function indexLoadOnNode() {
  const text = readFileSync(join(ROOT, 'data', 'worker-bundle.json'), 'utf8');
  const parse: number[] = [];
  const engine: number[] = [];
  for (let i = 0; i < 7; i++) {
    let t = performance.now();
    const bundle = JSON.parse(text) as WorkerBundle;
    parse.push(performance.now() - t);
    t = performance.now();
    loadSearchEngine(bundle.index, bundle.knowledge.passages, bundle.knowledge.synonyms).search('Jugendamt informieren');
    engine.push(performance.now() - t);
  }
  return { bundleBytes: statSync(join(ROOT, 'data', 'worker-bundle.json')).size, parseMs: median(parse), loadMs: median(engine), firstLoadMs: engine[0] };
}

const f0 = (x: number) => x.toFixed(0);
const f1 = (x: number) => x.toFixed(1);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

await ensureWorkerBundle();
const size = deployBundleSize();
const index = indexLoadOnNode();
const cold = await coldStarts(COLD_STARTS);

const floor = await emptyWorkerFloor();
const worker = await startTestWorker(LOAD_VARS);
let workerd;
try {
  workerd = await answerLoad(worker.url);
} finally {
  await worker.close();
}
const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-node-'));
const node = await startNodeServer(dataDir);
let nodeFigures;
try {
  nodeFigures = await answerLoad(node.url);
} finally {
  await node.close();
  rmSync(dataDir, { recursive: true, force: true });
}

console.log(`\nHTTP at ${CONNECTIONS} connections, ${DURATION_S}s each, ${BENCH_QUESTIONS.length} distinct questions, 500 conversations, same machine`);
console.log('| runtime | what | req/s | p50 ms | p99 ms | errors |');
console.log('| --- | --- | ---: | ---: | ---: | ---: |');
for (const [name, r] of [['workerd + D1 (local)', workerd], ['Node + node:sqlite', nodeFigures]] as const) {
  console.log(`| ${name} | GET /healthz | ${f0(r.health.rps)} | ${r.health.p50} | ${r.health.p99} | ${r.health.errors} |`);
  console.log(`| ${name} | POST …/messages (answer) | ${f0(r.answer.rps)} | ${r.answer.p50} | ${r.answer.p99} | ${r.answer.errors} |`);
}
console.log(`| workerd, empty Worker (floor of the local stack) | GET / | ${f0(floor.rps)} | ${floor.p50} | ${floor.p99} | ${floor.errors} |`);
console.log(`\nanswer throughput workerd / Node: ${(workerd.answer.rps / nodeFigures.answer.rps).toFixed(2)}×`);

console.log(`\nCold start on workerd (${cold.length} fresh runtimes, median)`);
console.log('| what | ms |');
console.log('| --- | ---: |');
console.log(`| runtime start incl. D1 migrations (harness listen + apply) | ${f0(median(cold.map((c) => c.startMs)))} |`);
console.log(`| first request of a cold isolate (GET /healthz) | ${f0(median(cold.map((c) => c.firstRequestMs)))} |`);
console.log(`| of which: assembling the Lotse from the bundle (index load, app), logged by the Worker | ${f0(median(cold.map((c) => c.assembleMs)))} |`);
console.log(`| next request, warm | ${f1(median(cold.map((c) => c.warmMs)))} |`);
console.log(`\nIndex load on Node's V8 for reference: JSON.parse of the bundle ${f1(index.parseMs)} ms, loadSearchEngine ${f1(index.loadMs)} ms (first ${f1(index.firstLoadMs)} ms)`);

console.log('\nBundle');
console.log('| what | raw | gzip |');
console.log('| --- | ---: | ---: |');
console.log(`| worker.js (wrangler deploy --dry-run) | ${kib(size.raw)} | ${kib(size.gzip)} |`);
console.log(`| of which data/worker-bundle.json (knowledge + index) | ${kib(index.bundleBytes)} | ${kib(gzipSync(readFileSync(join(ROOT, 'data', 'worker-bundle.json')), { level: 9 }).length)} |`);
console.log(`wrangler reports: ${size.wranglerSays}`);
