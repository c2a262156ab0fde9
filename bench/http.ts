// `npm run bench`: starts the real server in its own process and measures, in one run,
// GET /healthz and answering through POST …/messages at 50 connections (autocannon), then the
// parts of an answer alone (triage + redaction, search, store write) in this process.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redact } from '../src/assistant/privacy.ts';
import { triage } from '../src/assistant/triage.ts';
import { loadKnowledgeFromDir } from '../src/knowledge/load.ts';
import { buildSearchIndex, loadSearchEngine } from '../src/search/index.ts';
import { SqlStore } from '../src/store/sql-store.ts';
import { openSqliteStoreDriver } from '../src/store/sqlite-driver.ts';
import { BENCH_QUESTIONS } from './questions.ts';
import { openLoop } from './open-loop.ts';
import { answerRequests, CONNECTIONS, createConversations, DURATION_S, load, questionRequest, ROOT, startNodeServer } from './lib.ts';

const RATES = [50, 100, 200];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function timeEach(count: number, fn: (i: number) => unknown): { p50: number; p99: number; mean: number } {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

async function timeEachAsync(count: number, fn: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
const server = await startNodeServer(dataDir);
try {
  const health = await load(`${server.url}/healthz`, {});
  const conversations = await createConversations(server.url, 500);
  // Saturation: 50 connections send as fast as answers come back (closed loop).
  const answer = await load(`${server.url}/`, answerRequests(conversations));
  // A realistic load: questions arrive at a fixed rate over up to 50 open connections.
  const rated = [];
  for (const rate of RATES) {
    rated.push(await openLoop(server.url, {
      rate, durationS: DURATION_S, connections: CONNECTIONS,
      next: (i) => questionRequest(conversations, i),
    }));
  }
  // One answer at a time: the whole answer path without queueing, to compare with its parts.
  const alone = await load(`${server.url}/`, { ...answerRequests(conversations), connections: 1 });

  // The parts, measured alone in this process on the same knowledge base.
  const knowledge = await loadKnowledgeFromDir(join(ROOT, 'knowledge'));
  const engine = loadSearchEngine(buildSearchIndex(knowledge.passages, knowledge.synonyms), knowledge.passages, knowledge.synonyms);
  const qs = BENCH_QUESTIONS;
  const safety = timeEach(5000, (i) => triage(redact(qs[i % qs.length]).text));
  const search = timeEach(5000, (i) => engine.search(qs[i % qs.length], { limit: 5 }));
  const store = new SqlStore(openSqliteStoreDriver(join(dataDir, 'parts.sqlite')));
  await store.createConversation({ id: 'c', tokenHash: 'h', channel: 'web', role: null, region: null, context: {}, privacyNoticeShown: false, createdAt: 0, lastActivityAt: 0 });
  const write = await timeEachAsync(3000, (i) => store.saveExchange({
    conversationId: 'c', now: i,
    messages: [
      { id: `u${i}`, conversationId: 'c', author: 'user', text: qs[i % qs.length], reply: null, clientId: `k${i}`, replyTo: null, createdAt: i },
      { id: `a${i}`, conversationId: 'c', author: 'assistant', text: 'x'.repeat(1200), reply: { text: 'x'.repeat(1200), sources: [] }, clientId: null, replyTo: `u${i}`, createdAt: i },
    ],
    events: [{ conversationId: 'c', caseId: null, type: 'message', payload: { text: 'x'.repeat(1200) } }],
    conversation: { context: { lastQuery: 'x' } },
  }));
  await store.db.close?.();

  const f = (x: number) => x.toFixed(3);
  const partsP50 = safety.p50 + search.p50 + write.p50;
  console.log(`\nHTTP at ${CONNECTIONS} connections, ${DURATION_S}s each, ${BENCH_QUESTIONS.length} distinct questions, ${conversations.length} conversations`);
  console.log('| what | req/s | p50 ms | p99 ms | errors |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  console.log(`| GET /healthz | ${health.rps.toFixed(0)} | ${health.p50} | ${health.p99} | ${health.errors} |`);
  console.log(`| POST …/messages (answer), saturated | ${answer.rps.toFixed(0)} | ${answer.p50} | ${answer.p99} | ${answer.errors} |`);
  for (const r of rated) console.log(`| POST …/messages, open loop at ${r.rate}/s (≤ ${CONNECTIONS} connections) | ${r.rate} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} |`);
  console.log(`| POST …/messages, 1 connection | ${alone.rps.toFixed(0)} | ${alone.p50} | ${alone.p99} | ${alone.errors} |`);
  console.log('\nParts of an answer, alone (ms)');
  console.log('| part | p50 | p99 | mean |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| triage + redaction | ${f(safety.p50)} | ${f(safety.p99)} | ${f(safety.mean)} |`);
  console.log(`| search | ${f(search.p50)} | ${f(search.p99)} | ${f(search.mean)} |`);
  console.log(`| store write (exchange) | ${f(write.p50)} | ${f(write.p99)} | ${f(write.mean)} |`);
  const serviceTime = 1000 / answer.rps; // time per answer at saturation (one event loop)
  const aloneMean = 1000 / alone.rps; // client-observed time of one answer, nothing queued
  console.log(`\nsum of parts (p50): ${f(partsP50)} ms`);
  console.log(`whole answer path, one at a time (mean, incl. HTTP client): ${f(aloneMean)} ms → ${(aloneMean / partsP50).toFixed(2)}× the parts`);
  console.log(`service time per answer at saturation: ${f(serviceTime)} ms → ${(serviceTime / partsP50).toFixed(2)}× the parts`);
  console.log(`answer vs healthz throughput: ${(answer.rps / health.rps).toFixed(2)}×`);
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
