// `npm run bench:store`: the SQLite files of the real server under sustained writes and during a
// large retention purge (security drill D-1, D-2, D-6). Prints figures; never fails on timing.
//
// 1. WAL: answers (BENCH_ANSWERS_PER_S, 50) and new conversations (BENCH_CREATES_PER_S, 200) at
//    a fixed rate for BENCH_STORE_SECONDS (60): largest WAL and database file, the WAL at the
//    end of the load and a few seconds after it.
// 2. Purge: 12,000 conversations with 120,000 messages and 120,000 events (BENCH_PURGE_CONVERSATIONS)
//    become due while the server runs; GET /healthz back to back and answers at 20/s, without a
//    purge and while the purge runs, in the same run: p50 / p99 / max and their ratios.
// 3. Deletion on disk: copies of a unique marker in the purged messages, found in the raw bytes of
//    lotse.sqlite and lotse.sqlite-wal before the purge, after it, and after the quiet-time rewrite.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { occurrences } from '../test/helpers/files.ts';
import { createConversations } from './lib.ts';
import { answering, between, creating, preload, probing, round, size, sleep, startServer, stats } from './store-load.ts';

const SECONDS = Number(process.env.BENCH_STORE_SECONDS ?? 60);
const ANSWERS_PER_S = Number(process.env.BENCH_ANSWERS_PER_S ?? 50);
const CREATES_PER_S = Number(process.env.BENCH_CREATES_PER_S ?? 200);
const PURGE_CONVERSATIONS = Number(process.env.BENCH_PURGE_CONVERSATIONS ?? 12_000);
const PURGE_ANSWERS_PER_S = 20;
const MB = 1e6;

// ---- 1. the WAL under sustained writes ---------------------------------------------------------

async function walRun() {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-store-'));
  const path = join(dataDir, 'lotse.sqlite');
  const server = await startServer(dataDir, {}, () => {});
  try {
    const conversations = await createConversations(server.url, 200);
    let maxWal = 0;
    let maxDb = 0;
    const sampler = setInterval(() => {
      maxWal = Math.max(maxWal, size(`${path}-wal`));
      maxDb = Math.max(maxDb, size(path));
    }, 100);
    const health = probing(server.url);
    const answers = answering(server.url, conversations, ANSWERS_PER_S);
    const creates = creating(server.url, CREATES_PER_S);
    const started = performance.now();
    await sleep(SECONDS * 1000);
    answers.stop();
    creates.stop();
    await sleep(1000); // the last requests in flight
    const walAtEnd = size(`${path}-wal`);
    await sleep(5000);
    clearInterval(sampler);
    await health.stop();
    const loadTime = (performance.now() - started) / 1000 - 6;
    const ok = answers.samples.filter((s) => s.ok);
    return {
      seconds: SECONDS,
      answersPerS: round(ok.length / loadTime),
      createsPerS: round(creates.sent / loadTime),
      errors: answers.samples.length - ok.length + creates.errors,
      answerMs: stats(ok.map((s) => s.ms)),
      healthzMs: stats(health.samples.map((s) => s.ms)),
      maxWalMB: round(maxWal / MB),
      walAtEndMB: round(walAtEnd / MB),
      wal5sLaterMB: round(size(`${path}-wal`) / MB),
      maxDbMB: round(maxDb / MB),
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- 2. and 3. a large purge while the server runs ---------------------------------------------

async function purgeRun() {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-purge-'));
  const path = join(dataDir, 'lotse.sqlite');
  const marker = `Bench-Marke-${randomUUID().slice(0, 8)}`;
  const loadStarted = performance.now();
  await preload(path, PURGE_CONVERSATIONS, marker, 25_000);
  const preloadS = (performance.now() - loadStarted) / 1000;
  const before = { db: occurrences(path, marker), wal: occurrences(`${path}-wal`, marker), dbMB: round(size(path) / MB) };

  let listeningAt = 0;
  let purge: { at: number; ms?: number; counts: Record<string, unknown> } | undefined;
  const server = await startServer(dataDir, { RETENTION_CONVERSATION_DAYS: '1', PURGE_INTERVAL_MINUTES: '1', LOG_LEVEL: 'info' }, (line) => {
    if (line.msg === 'listening') listeningAt = performance.now();
    if (line.msg === 'retention purge' && Number(line.messages) > 0) {
      const { time: _t, level: _l, msg: _m, ms, ...counts } = line;
      purge = { at: performance.now(), ms: typeof ms === 'number' ? ms : undefined, counts };
    }
  });
  try {
    const conversations = await createConversations(server.url, 50);
    let maxWal = 0;
    const sampler = setInterval(() => (maxWal = Math.max(maxWal, size(`${path}-wal`))), 100);
    const health = probing(server.url);
    const answers = answering(server.url, conversations, PURGE_ANSWERS_PER_S);
    // The purge timer fires 60 s after the start; wait for its log line (at most 3 minutes).
    const deadline = performance.now() + 180_000;
    while (!purge && performance.now() < deadline) await sleep(100);
    await sleep(1000);
    answers.stop();
    await health.stop();
    clearInterval(sampler);
    if (!purge) throw new Error('the purge did not run');
    // The purge ran from `ms` before its log line (older servers log no duration: from 58 s after the start).
    const purgeFrom = purge.ms !== undefined ? purge.at - purge.ms : listeningAt + 58_000;
    const baseline = { from: listeningAt + 5_000, to: Math.min(listeningAt + 50_000, purgeFrom - 1_000) };
    const healthBase = stats(between(health.samples, baseline.from, baseline.to).map((s) => s.ms));
    const healthPurge = stats(between(health.samples, purgeFrom, purge.at).map((s) => s.ms));
    const answersBase = stats(between(answers.samples, baseline.from, baseline.to).map((s) => s.ms));
    const answersPurge = stats(between(answers.samples, purgeFrom, purge.at).map((s) => s.ms));
    const ratio = (a: ReturnType<typeof stats>, b: ReturnType<typeof stats>) => ({ p50: round(a.p50 / b.p50), p99: round(a.p99 / b.p99), max: round(a.max / b.max) });

    const afterPurge = { db: occurrences(path, marker), wal: occurrences(`${path}-wal`, marker), dbMB: round(size(path) / MB) };
    // Without writes the server rewrites the file at the next quiet moment (10 s): watch for it.
    let afterQuiet = afterPurge;
    const quietStarted = performance.now();
    for (let i = 0; i < 30; i++) {
      await sleep(1000);
      afterQuiet = { db: occurrences(path, marker), wal: occurrences(`${path}-wal`, marker), dbMB: round(size(path) / MB) };
      if (afterQuiet.db + afterQuiet.wal === 0 && afterQuiet.dbMB < afterPurge.dbMB) break;
    }
    return {
      preload: { conversations: PURGE_CONVERSATIONS, seconds: round(preloadS) },
      purge: { ...purge.counts, seconds: round((purge.at - purgeFrom) / 1000, 2) },
      healthz: { withoutPurge: healthBase, duringPurge: healthPurge, ratio: ratio(healthPurge, healthBase) },
      answers: { withoutPurge: answersBase, duringPurge: answersPurge, ratio: ratio(answersPurge, answersBase) },
      maxWalMB: round(maxWal / MB),
      marker: { beforePurge: before, afterPurge, afterQuietRewrite: { ...afterQuiet, waitedS: round((performance.now() - quietStarted) / 1000) } },
    };
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`WAL under sustained writes: ${ANSWERS_PER_S} answers/s + ${CREATES_PER_S} new conversations/s for ${SECONDS} s …`);
const wal = await walRun();
console.log(JSON.stringify(wal, null, 2));
console.log(`Retention purge of ${PURGE_CONVERSATIONS} conversations while the server runs …`);
const purge = await purgeRun();
console.log(JSON.stringify(purge, null, 2));
console.log([
  '',
  `WAL: max ${wal.maxWalMB} MB (DB ${wal.maxDbMB} MB), ${wal.walAtEndMB} MB at the end of the load, ${wal.wal5sLaterMB} MB 5 s later`,
  `/healthz during the purge vs without: p50 ${purge.healthz.ratio.p50}×, p99 ${purge.healthz.ratio.p99}×, max ${purge.healthz.ratio.max}× (max ${purge.healthz.duringPurge.max} ms vs ${purge.healthz.withoutPurge.max} ms)`,
  `answers during the purge vs without: p50 ${purge.answers.ratio.p50}×, p99 ${purge.answers.ratio.p99}×, max ${purge.answers.ratio.max}×`,
  `marker copies in lotse.sqlite + -wal: ${purge.marker.beforePurge.db + purge.marker.beforePurge.wal} before, ${purge.marker.afterPurge.db + purge.marker.afterPurge.wal} after the purge, ${purge.marker.afterQuietRewrite.db + purge.marker.afterQuietRewrite.wal} after the quiet-time rewrite`,
].join('\n'));
