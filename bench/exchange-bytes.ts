// `npm run bench:exchange-bytes`: what one question and its answer cost in the store. Sends
// BENCH_EXCHANGES (300) questions of bench/questions.ts through the real service (in this
// process, fresh SQLite file) and prints, per exchange: the bytes of the stored columns
// (message texts, reply JSON, event payloads), how often the answer text is stored, and the
// growth of the database file. Prints figures; never fails.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLotse } from '../src/node/start.ts';
import type { SqliteDriver } from '../src/store/sqlite-driver.ts';
import { BENCH_QUESTIONS } from './questions.ts';

const EXCHANGES = Number(process.env.BENCH_EXCHANGES ?? 300);
const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bytes-'));
const server = await startLotse({
  PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent',
  RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0',
});
const driver = server.store.db as SqliteDriver;
const fileSize = async () => {
  await driver.checkpoint('TRUNCATE');
  return statSync(join(dataDir, 'lotse.sqlite')).size;
};
try {
  const before = await fileSize();
  let answerChars = 0;
  let conversation = { id: '', token: '' };
  for (let i = 0; i < EXCHANGES; i++) {
    if (i % 5 === 0) {
      conversation = await (await fetch(`${server.url}/api/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"channel":"web"}' })).json();
    }
    const res = await fetch(`${server.url}/api/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation.token}` },
      body: JSON.stringify({ text: BENCH_QUESTIONS[i % BENCH_QUESTIONS.length], clientId: `b${i}` }),
    });
    answerChars += ((await res.json()) as { reply: { text: string } }).reply.text.length;
  }
  const after = await fileSize();
  const bytes = (sqlText: string) => (driver.db.prepare(sqlText).get() as { n: number | null }).n ?? 0;
  const messageBytes = bytes('SELECT SUM(LENGTH(CAST(text AS BLOB)) + COALESCE(LENGTH(CAST(reply AS BLOB)), 0)) AS n FROM messages');
  const eventBytes = bytes("SELECT SUM(LENGTH(CAST(payload AS BLOB))) AS n FROM events WHERE type = 'message'");
  // How often the answer text is kept: its characters in the store per character answered.
  const copies = (messageBytes + eventBytes) / Math.max(1, answerChars);
  const per = (n: number) => Math.round(n / EXCHANGES);
  console.log(`exchanges ${EXCHANGES}, answer text ${per(answerChars)} characters on average`);
  console.log(`stored columns per exchange: messages ${per(messageBytes)} B, message events ${per(eventBytes)} B, together ${per(messageBytes + eventBytes)} B (≈ ${copies.toFixed(1)}× the answer text)`);
  console.log(`database file growth per exchange (WAL folded in): ${per(after - before)} B`);
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
