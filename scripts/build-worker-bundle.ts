// `npm run build:worker`: reads and validates knowledge/, builds the search index, and writes
// both to data/worker-bundle.json, which the Worker imports (wrangler.toml [alias]). wrangler.toml
// runs this as its [build] command, so `wrangler dev` and `wrangler deploy` never ship a stale one.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, resolve } from 'node:path';
import { readKnowledgeFiles } from '../src/knowledge/load.ts';
import { KnowledgeError, parseKnowledge } from '../src/knowledge/parse.ts';
import { buildSearchIndex } from '../src/search/index.ts';
import { WORKER_BUNDLE_FORMAT, WORKER_BUNDLE_VERSION, type WorkerBundle } from '../src/workers/bundle.ts';

const ROOT = resolve(import.meta.dirname, '..');

export async function buildWorkerBundle(knowledgeDir = join(ROOT, 'knowledge')): Promise<WorkerBundle> {
  const knowledge = parseKnowledge(await readKnowledgeFiles(knowledgeDir));
  const index = buildSearchIndex(knowledge.passages, knowledge.synonyms);
  const bundle: WorkerBundle = { format: WORKER_BUNDLE_FORMAT, version: WORKER_BUNDLE_VERSION, knowledge, index };
  // The Worker sees the bundle after a JSON round trip; anything that would not survive it
  // (a Date from YAML, undefined in an array) would make the Worker differ from Node.
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(knowledge)), knowledge)) {
    throw new Error('Die Wissensbasis enthält Werte, die JSON nicht unverändert überstehen.');
  }
  return bundle;
}

export function writeWorkerBundle(bundle: WorkerBundle, path = join(ROOT, 'data', 'worker-bundle.json')): { path: string; bytes: number } {
  mkdirSync(join(path, '..'), { recursive: true });
  const text = JSON.stringify(bundle);
  writeFileSync(path, text);
  return { path, bytes: Buffer.byteLength(text) };
}

if (import.meta.main) {
  try {
    const started = performance.now();
    const bundle = await buildWorkerBundle(resolve(ROOT, process.env.KNOWLEDGE_DIR ?? 'knowledge'));
    const { path, bytes } = writeWorkerBundle(bundle);
    const ms = Math.round(performance.now() - started);
    console.log(`worker bundle: ${bundle.knowledge.articles.length} articles, ${bundle.knowledge.passages.length} passages, ${(bytes / 1024).toFixed(0)} KiB → ${path} (${ms} ms)`);
  } catch (error) {
    console.error(error instanceof KnowledgeError ? error.message : error);
    process.exit(1);
  }
}
