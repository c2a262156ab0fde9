// `npm run bench:cpu`: CPU time per answer next to a bare Hono POST route in the same process and
// run, both through app.request (no sockets), so the ratio shows what answering costs beyond
// Hono's own request handling. Prints figures; never fails on timing.
//   BENCH_ANSWERS (default 2000) answers over 60 mixed questions, 10 per conversation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { startLotse } from '../src/node/start.ts';
import { readQuestions } from '../test/eval/evaluate.ts';

const N = Number(process.env.BENCH_ANSWERS ?? 2000);
const questions = readQuestions().filter((q) => q.split !== 'negative').slice(0, 60).map((q) => q.q);
const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-cpu-'));
const running = await startLotse({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0' });
const app = running.lotse.app;
const bare = new Hono().post('/echo', async (c) => c.json({ echo: await c.req.json() }));

const json = (body: unknown, token?: string) => ({
  method: 'POST', body: JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
});

/** CPU microseconds (user + system) per call of `step`, after a warm-up. */
async function cpuPerCall(count: number, step: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < Math.min(200, count); i++) await step(i);
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) await step(i);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / count;
}

const bareUs = await cpuPerCall(N, () => bare.request('/echo', json({ text: 'Was ist eine insoweit erfahrene Fachkraft?' })));
let conversation: { id: string; token: string } | undefined;
const answerUs = await cpuPerCall(N, async (i) => {
  if (i % 10 === 0) conversation = await (await app.request('/api/conversations', json({ channel: 'web' }))).json();
  const res = await app.request(`/api/conversations/${conversation!.id}/messages`, json({ text: questions[i % questions.length] }, conversation!.token));
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  await res.arrayBuffer();
});
await running.close();
rmSync(dataDir, { recursive: true, force: true });

console.log(`| path | CPU per request |`);
console.log(`| --- | ---: |`);
console.log(`| bare Hono POST (echo) | ${bareUs.toFixed(0)} µs |`);
console.log(`| answer (POST …/messages, incl. store write; a new conversation every 10) | ${answerUs.toFixed(0)} µs |`);
console.log(`answer / bare POST: ${(answerUs / bareUs).toFixed(1)}×`);
