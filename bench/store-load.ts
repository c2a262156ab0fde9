// Shared by the store benchmarks (bench:store, bench:soak): the server in its own process with
// its log lines, paced load, /healthz probes, latency figures, and old conversations written
// straight into the file so that the purge finds them due at a chosen moment.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { openSqliteStoreDriver } from '../src/store/sqlite-driver.ts';
import { BENCH_QUESTIONS } from './questions.ts';
import { freePort, LOAD_VARS, ROOT, type Conversation } from './lib.ts';

const DAY = 24 * 3600 * 1000;
const ANSWER = 'Wenn Sie sich Sorgen um ein Kind machen, sprechen Sie zuerst mit Ihrer Leitung und holen Sie die Beratung einer insoweit erfahrenen Fachkraft ein. '.repeat(12);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return { n: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1) ?? NaN) };
}

/** The server in its own process, with its JSON log lines passed to `onLog`. */
export async function startServer(dataDir: string, env: Record<string, string>, onLog: (line: Record<string, unknown>) => void) {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...LOAD_VARS, ...env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      onLog(JSON.parse(line));
    } catch { /* not a log line */ }
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) {
        return {
          url,
          pid: child.pid!,
          close: () => new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
        };
      }
    } catch { /* not up yet */ }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

/** Calls `fire` `rate` times a second (at most 64 at once) until stopped. */
export function paced(rate: number, fire: (i: number) => Promise<void>) {
  let sent = 0;
  let inFlight = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    while (sent < due && inFlight < 64) {
      inFlight++;
      void fire(sent++).finally(() => inFlight--);
    }
  }, 5);
  return { stop: () => clearInterval(timer), get sent() { return sent; } };
}

/** New conversations at `rate` per second; counts the refused and failed ones. */
export function creating(url: string, rate: number) {
  let errors = 0;
  const load = paced(rate, async () => {
    try {
      const res = await fetch(`${url}/api/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"channel":"web"}' });
      if (!res.ok) errors++;
      await res.arrayBuffer();
    } catch {
      errors++;
    }
  });
  return { stop: () => load.stop(), get sent() { return load.sent; }, get errors() { return errors; } };
}

export function answering(url: string, conversations: Conversation[], rate: number) {
  const samples: Array<{ at: number; ms: number; ok: boolean }> = [];
  const load = paced(rate, async (i) => {
    const c = conversations[i % conversations.length];
    const at = performance.now();
    let ok = false;
    try {
      const res = await fetch(`${url}/api/conversations/${c.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
        body: JSON.stringify({ text: BENCH_QUESTIONS[i % BENCH_QUESTIONS.length] }),
      });
      ok = res.ok;
      await res.arrayBuffer();
    } catch { /* counted as an error */ }
    samples.push({ at, ms: performance.now() - at, ok });
  });
  return { samples, stop: () => load.stop() };
}

/** GET /healthz back to back (10 ms apart), every request's start and duration. */
export function probing(url: string) {
  const samples: Array<{ at: number; ms: number }> = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const at = performance.now();
      try {
        await (await fetch(`${url}/healthz`)).arrayBuffer();
      } catch { /* a refused probe still counts with its time */ }
      samples.push({ at, ms: performance.now() - at });
      await sleep(10);
    }
  })();
  return { samples, stop: async () => { running = false; await done; } };
}

export const between = <T extends { at: number }>(samples: T[], from: number, to: number) => samples.filter((s) => s.at >= from && s.at <= to);

/** Writes `count` conversations of 5 exchanges that become due for the purge `dueInMs` from now. */
export async function preload(path: string, count: number, marker: string, dueInMs: number) {
  const driver = openSqliteStoreDriver(path);
  const at = Date.now() - DAY + dueInMs;
  const db = driver.db;
  const conversation = db.prepare("INSERT INTO conversations (id, token_hash, channel, context, created_at, last_activity_at) VALUES (?, 'h', 'web', ?, ?, ?)");
  const message = db.prepare('INSERT INTO messages (id, conversation_id, author, text, reply, reply_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const event = db.prepare("INSERT INTO events (conversation_id, type, payload, created_at) VALUES (?, 'message', ?, ?)");
  const feedback = db.prepare("INSERT INTO feedback (id, conversation_id, message_id, rating, comment, created_at) VALUES (?, ?, ?, 'down', ?, ?)");
  db.exec('BEGIN');
  for (let c = 0; c < count; c++) {
    const id = randomUUID();
    const question = `${marker} ${BENCH_QUESTIONS[c % BENCH_QUESTIONS.length]}`;
    conversation.run(id, JSON.stringify({ lastQuery: question }), at, at);
    for (let n = 0; n < 5; n++) {
      const userId = randomUUID();
      const answerId = randomUUID();
      const iso = new Date(at).toISOString();
      message.run(userId, id, 'user', question, null, null, at);
      event.run(id, JSON.stringify({ id: userId, author: 'user', text: question, createdAt: iso }), at);
      message.run(answerId, id, 'assistant', ANSWER, JSON.stringify({ text: ANSWER, sources: [] }), userId, at);
      event.run(id, JSON.stringify({ id: answerId, author: 'assistant', text: ANSWER, reply: { text: ANSWER }, createdAt: iso }), at);
      if (n === 0 && c % 5 === 0) feedback.run(randomUUID(), id, answerId, `${marker} hilft nicht`, at);
    }
  }
  db.exec('COMMIT');
  await driver.close();
}
