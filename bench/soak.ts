// `npm run bench:soak`: the real server for several minutes under steady writes while the
// retention purge deletes a large slice of old conversations every minute (security drill D-1,
// D-2: the WAL must stay bounded, a purge must not freeze requests). Prints one row per window
// and one per purge; never fails on timing.
//
// - Load: answers (BENCH_ANSWERS_PER_S, 50) and new conversations (BENCH_CREATES_PER_S, 20) at a
//   fixed rate for BENCH_SOAK_MINUTES (5); GET /healthz back to back beside it.
// - Backlog: one slice of BENCH_SOAK_SLICE conversations (4,000, each 5 exchanges: 40,000
//   messages and 40,000 events) becomes due for each minute of the soak, so that every purge
//   run (PURGE_INTERVAL_MINUTES=1) deletes one slice while the load goes on.
// - Every BENCH_SOAK_WINDOW_S (10) seconds: largest WAL in the window, WAL and database file
//   now, the server's RSS, answer p50/p99/max and /healthz p99/max in the window.
// - Every purge: rows deleted, its duration, the longest and p99 event-loop stall the server
//   measured during it and between the previous purge and this one (monitorEventLoopDelay), and
//   the /healthz latency the client saw meanwhile.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createConversations } from './lib.ts';
import { answering, between, creating, preload, probing, round, size, sleep, startServer, stats } from './store-load.ts';

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 5);
const ANSWERS_PER_S = Number(process.env.BENCH_ANSWERS_PER_S ?? 50);
const CREATES_PER_S = Number(process.env.BENCH_CREATES_PER_S ?? 20);
const SLICE = Number(process.env.BENCH_SOAK_SLICE ?? 4000);
const WINDOW_S = Number(process.env.BENCH_SOAK_WINDOW_S ?? 10);
const DAY = 24 * 3600 * 1000;
const MB = 1e6;
const WAL_LIMIT_MB = 64 * 1024 * 1024 / MB;

/** Resident memory of a process in MB (Linux); NaN elsewhere. */
function rssMB(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? round(Number(kb) / 1000) : NaN;
  } catch {
    return NaN;
  }
}

/**
 * Writes the backlog, then gives slice k (k = 1 … slices) a last activity such that it becomes
 * due 20 s before the k-th purge after a start `startInMs` from now (the purge runs at the start
 * and then once a minute), so that each purge finds exactly one slice.
 */
async function writeBacklog(path: string, slices: number, startInMs: number) {
  for (let k = 1; k <= slices; k++) await preload(path, SLICE, `Soak-${k}`, 365 * DAY);
  const db = new DatabaseSync(path);
  const base = Date.now() + startInMs - DAY;
  const update = db.prepare('UPDATE conversations SET last_activity_at = ? WHERE rowid > ? AND rowid <= ?');
  for (let k = 1; k <= slices; k++) update.run(base + k * 60_000 - 20_000, (k - 1) * SLICE, k * SLICE);
  db.close();
}

type Purge = { at: number; ms: number; deleted: number; loop: Record<string, number> };

const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-soak-'));
const path = join(dataDir, 'lotse.sqlite');
try {
  console.log(`Soak: ${ANSWERS_PER_S} answers/s + ${CREATES_PER_S} new conversations/s for ${MINUTES} min; a purge of ${SLICE} conversations (${SLICE * 10} messages, ${SLICE * 10} events) each minute …`);
  const preloadStarted = performance.now();
  await writeBacklog(path, MINUTES, 5_000);
  console.log(`backlog written in ${round((performance.now() - preloadStarted) / 1000)} s, database ${round(size(path) / MB)} MB`);

  const purges: Purge[] = [];
  let started = 0;
  const server = await startServer(dataDir, { RETENTION_CONVERSATION_DAYS: '1', PURGE_INTERVAL_MINUTES: '1', LOG_LEVEL: 'info' }, (line) => {
    if (line.msg === 'retention purge' && typeof line.ms === 'number') {
      const deleted = ['conversations', 'messages', 'events', 'feedback', 'cases'].reduce((sum, k) => sum + Number(line[k] ?? 0), 0);
      const loop = Object.fromEntries(['loopDelayMaxMs', 'loopDelayP99Ms', 'loopDelayMaxMsBefore', 'loopDelayP99MsBefore'].map((k) => [k, Number(line[k])]));
      purges.push({ at: performance.now(), ms: line.ms, deleted, loop });
    }
  });
  try {
    const conversations = await createConversations(server.url, 200);
    started = performance.now();
    let windowWal = 0;
    let maxWal = 0;
    const sampler = setInterval(() => {
      const wal = size(`${path}-wal`);
      windowWal = Math.max(windowWal, wal);
      maxWal = Math.max(maxWal, wal);
    }, 100);
    const health = probing(server.url);
    const answers = answering(server.url, conversations, ANSWERS_PER_S);
    const creates = creating(server.url, CREATES_PER_S);

    const rows: Array<Record<string, number | string>> = [];
    const windows = Math.round((MINUTES * 60) / WINDOW_S);
    for (let w = 1; w <= windows; w++) {
      await sleep(started + w * WINDOW_S * 1000 - performance.now());
      const from = started + (w - 1) * WINDOW_S * 1000;
      const to = started + w * WINDOW_S * 1000;
      const inWindow = between(answers.samples, from, to);
      const ok = inWindow.filter((s) => s.ok);
      const a = stats(ok.map((s) => s.ms));
      const h = stats(between(health.samples, from, to).map((s) => s.ms));
      const row = {
        t: `${w * WINDOW_S}s`, answersPerS: round(ok.length / WINDOW_S), errors: inWindow.length - ok.length,
        p50: a.p50, p99: a.p99, max: a.max, healthzP99: h.p99, healthzMax: h.max,
        walMaxMB: round(windowWal / MB), walMB: round(size(`${path}-wal`) / MB), dbMB: round(size(path) / MB), rssMB: rssMB(server.pid),
        purge: purges.some((p) => p.at - p.ms <= to && p.at >= from) ? 'yes' : '',
      };
      windowWal = 0;
      rows.push(row);
      console.log(JSON.stringify(row));
    }
    answers.stop();
    creates.stop();
    await sleep(1000);
    const walAtEnd = size(`${path}-wal`);
    const dbAtEnd = size(path);
    // Quiet time: the WAL is truncated, and the file is rewritten without the purged pages.
    await sleep(20_000);
    clearInterval(sampler);
    await health.stop();

    const purgeRows = purges.map((p, i) => {
      const during = between(health.samples, p.at - p.ms, p.at);
      return {
        purge: i + 1, atS: round((p.at - p.ms - started) / 1000), seconds: round(p.ms / 1000, 2), deleted: p.deleted,
        serverLoopDelay: p.loop, healthzDuring: stats(during.map((s) => s.ms)),
      };
    }).filter((p) => p.deleted > 0);
    console.log('\npurges:');
    for (const p of purgeRows) console.log(JSON.stringify(p));
    const all = stats(answers.samples.filter((s) => s.ok).map((s) => s.ms));
    const slowest = [...answers.samples].sort((a, b) => b.ms - a.ms).slice(0, 3).map((s) => `${round(s.ms)} ms at ${round((s.at - started) / 1000)} s`);
    const rss = rows.map((r) => Number(r.rssMB)).filter(Number.isFinite);
    console.log([
      '',
      `answers: ${all.n} ok, ${answers.samples.length - all.n + creates.errors} errors; p50 ${all.p50} ms, p99 ${all.p99} ms, max ${all.max} ms over the whole soak (slowest: ${slowest.join(', ')})`,
      `WAL: max ${round(maxWal / MB)} MB (limit ${round(WAL_LIMIT_MB)} MB), ${round(walAtEnd / MB)} MB at the end of the load, ${round(size(`${path}-wal`) / MB)} MB 20 s later`,
      `database: ${round(dbAtEnd / MB)} MB at the end of the load, ${round(size(path) / MB)} MB 20 s later`,
      `RSS: ${rss[0]} MB in the first window, ${Math.max(...rss)} MB at most, ${rss.at(-1)} MB in the last`,
      `purges: ${purgeRows.length} with rows, longest ${Math.max(0, ...purgeRows.map((p) => p.seconds))} s; server event-loop stall during a purge at most ${Math.max(0, ...purgeRows.map((p) => p.serverLoopDelay.loopDelayMaxMs))} ms (between purges at most ${Math.max(0, ...purgeRows.map((p) => p.serverLoopDelay.loopDelayMaxMsBefore))} ms); slowest /healthz during a purge ${Math.max(0, ...purgeRows.map((p) => p.healthzDuring.max || 0))} ms`,
    ].join('\n'));
  } finally {
    await server.close();
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
