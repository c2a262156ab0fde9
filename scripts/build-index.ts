// Writes the serialised search index to data/search-index.json (loaded by the service and the
// Worker instead of rebuilding at start). Usage: node scripts/build-index.ts [knowledgeDir] [outFile]
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadKnowledgeFromDir } from '../src/knowledge/load.ts';
import { buildSearchIndex } from '../src/search/index.ts';

const root = resolve(import.meta.dirname, '..');
const knowledgeDir = resolve(process.argv[2] ?? `${root}/knowledge`);
const outFile = resolve(process.argv[3] ?? `${root}/data/search-index.json`);

const started = performance.now();
const bundle = await loadKnowledgeFromDir(knowledgeDir);
const json = JSON.stringify(buildSearchIndex(bundle.passages, bundle.synonyms));
await mkdir(dirname(outFile), { recursive: true });
await writeFile(outFile, json);
const ms = Math.round(performance.now() - started);
console.log(`search index: ${bundle.articles.length} articles, ${bundle.passages.length} passages → ${outFile} (${(json.length / 1024).toFixed(0)} KiB, ${ms} ms)`);
