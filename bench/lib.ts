// Shared by the benchmarks: starting the Node server, creating conversations, and the load
// runs (autocannon closed loop at 50 connections) with the mixed question set.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { BENCH_QUESTIONS } from './questions.ts';

export const ROOT = join(import.meta.dirname, '..');
export const CONNECTIONS = 50;
export const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
/** Settings for load runs: quiet logs, no rate limits (one client address sends everything). */
export const LOAD_VARS = { LOG_LEVEL: 'silent', RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0' };

export type Load = { rps: number; p50: number; p99: number; errors: number; total: number };
export type Conversation = { id: string; token: string };

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** `npm start` in its own process on a free port, so the load generator does not share its loop. */
export async function startNodeServer(dataDir: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, ['src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...LOAD_VARS, ...env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url, close: async () => void child.kill('SIGTERM') };
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('Node server did not start');
}

export async function createConversations(url: string, count: number): Promise<Conversation[]> {
  const list: Conversation[] = [];
  for (let i = 0; i < count; i++) {
    const res = await fetch(`${url}/api/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"channel":"web"}' });
    list.push((await res.json()) as Conversation);
  }
  return list;
}

export async function load(url: string, options: Partial<autocannon.Options> = {}): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, ...options });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx, total: result.requests.total };
}

/** The i-th question of the mixed set, posted into one of the conversations in turn. */
export function questionRequest(conversations: Conversation[], i: number) {
  const c = conversations[i % conversations.length];
  return {
    method: 'POST' as const,
    path: `/api/conversations/${c.id}/messages`,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
    body: JSON.stringify({ text: BENCH_QUESTIONS[i % BENCH_QUESTIONS.length] }),
  };
}

/** autocannon options that answer questions: every request a different question and conversation. */
export function answerRequests(conversations: Conversation[]): Partial<autocannon.Options> {
  let n = 0;
  return { requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, ...questionRequest(conversations, n++) }) }] };
}
