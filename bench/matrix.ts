// Escalation latency through a real Synapse: (1) escalation request → notice seen by a staff
// client in the queue room, (2) staff message in the case room → event on the web chat's SSE,
// (3) its edit → `message.corrected`, (4) typing in the case room → SSE `typing`, (5) its
// redaction → `message.withdrawn`. 50 cases by default (BENCH_CASES). Prints median and p95;
// never fails on timing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatrixBot } from '../bots/matrix/bot.ts';
import { loadBotConfig } from '../bots/matrix/config.ts';
import { createLogger } from '../bots/matrix/log.ts';
import { startLotse } from '../src/node/start.ts';
import { startSynapse } from '../test/setup/synapse.ts';
import { botEnv, TEST_STAFF_TOKEN } from '../test/matrix/helpers/bot.ts';
import { WebAsker } from '../test/matrix/helpers/lotse.ts';
import { TestMatrixUser } from '../test/matrix/helpers/matrix-client.ts';

const CASES = Number(process.env.BENCH_CASES ?? 50);

/** A /sync long-poll that timestamps every timeline event the staff client receives. */
function watchSync(user: TestMatrixUser) {
  const seen: Array<{ roomId: string; event: any; at: number }> = [];
  const invites = new Set<string>();
  let since: string | undefined;
  let running = true;
  void (async () => {
    while (running) {
      const res = await user.request<any>('GET', `/sync?timeout=5000${since ? `&since=${since}` : '&filter={"room":{"timeline":{"limit":0}}}'}`).catch(() => undefined);
      const at = performance.now();
      if (!res) continue;
      since = res.next_batch;
      for (const [roomId, room] of Object.entries<any>(res.rooms?.join ?? {})) for (const event of room.timeline?.events ?? []) seen.push({ roomId, event, at });
      for (const roomId of Object.keys(res.rooms?.invite ?? {})) invites.add(roomId);
    }
  })();
  const waitFor = async <T>(fn: () => T | undefined, ms = 30_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = fn();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error('bench: timed out');
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  return { seen, invites, waitFor, stop: () => (running = false) };
}

const pct = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (values: number[]) => `median ${pct(values, 50).toFixed(0)} ms, p95 ${pct(values, 95).toFixed(0)} ms (n=${values.length})`;

const synapse = await startSynapse();
const dataDir = mkdtempSync(join(tmpdir(), 'lotse-bench-'));
const service = await startLotse({
  PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0',
  STAFF_TOKEN: TEST_STAFF_TOKEN, OFFICE_HOURS: 'Mo-So 00:00-24:00', OFFICE_MV_HOLIDAYS: 'false',
});
const staff = new TestMatrixUser(synapse.baseUrl, synapse.users.staffA);
const queueRoom = await staff.createRoom({ name: 'Warteschlange (Bench)', invite: [synapse.users.bot.userId] });
const app = service.lotse.app;
const bot = new MatrixBot({
  config: loadBotConfig(botEnv(synapse, queueRoom, { LOTSE_URL: 'http://lotse.internal', MATRIX_STAFF_USERS: synapse.users.staffA.userId })),
  log: createLogger('error'), stateFile: null,
  fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
});
await bot.start();
await bot.ready;
const sync = watchSync(staff);
await new Promise((r) => setTimeout(r, 500));

const toNotice: number[] = [];
const toSse: number[] = [];
const toCorrected: number[] = [];
const toTyping: number[] = [];
const toWithdrawn: number[] = [];
const staffApi = (path: string, body: unknown) => fetch(service.url + path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_STAFF_TOKEN}` }, body: JSON.stringify(body) });

for (let i = 0; i < CASES; i++) {
  const asker = await new WebAsker(service.url).start();
  const t0 = performance.now();
  const { json } = await asker.escalate();
  const number: string = json.case.number;
  const notice = await sync.waitFor(() => sync.seen.find((s) => s.roomId === queueRoom && String(s.event.content?.body ?? '').startsWith(`Fall ${number}`)));
  toNotice.push(notice.at - t0);

  await staffApi(`/api/staff/cases/${json.case.id}/claim`, { staffId: synapse.users.staffA.userId, staffName: 'Anna Testmann' });
  const before = new Set(sync.invites);
  const room = await sync.waitFor(() => [...sync.invites].find((r) => !before.has(r) || !sync.seen.some((s) => s.roomId === r)));
  sync.invites.delete(room);
  await staff.join(room);
  await sync.waitFor(() => sync.seen.find((s) => s.roomId === room && /Bisheriger Verlauf/.test(s.event.content?.body ?? '')));
  const t1 = performance.now();
  const sent = await staff.sendText(room, `Antwort ${i}`);
  const got = await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'staff', 30_000);
  toSse.push(got.at - (t1 - performance.now() + Date.now()));
  // The SSE watch stamps events with Date.now(); these three are timed on the same clock.
  const t2 = Date.now();
  await staff.edit(room, sent, `Antwort ${i} (korrigiert)`);
  toCorrected.push((await asker.sse!.waitFor((e) => e.event === 'message.corrected', 30_000)).at - t2);
  const t3 = Date.now();
  await staff.typing(room, true);
  toTyping.push((await asker.sse!.waitFor((e) => e.event === 'typing' && e.data.typing === true, 30_000)).at - t3);
  await staff.typing(room, false);
  const t4 = Date.now();
  await staff.redact(room, sent);
  toWithdrawn.push((await asker.sse!.waitFor((e) => e.event === 'message.withdrawn', 30_000)).at - t4);
  await staffApi(`/api/staff/cases/${json.case.id}/close`, { staffId: synapse.users.staffA.userId, outcome: 'beraten', topic: 'sonstiges' });
  asker.close();
}

console.log(`escalation → queue notice: ${fmt(toNotice)}`);
console.log(`staff message → web SSE:   ${fmt(toSse)}`);
console.log(`edit → message.corrected:  ${fmt(toCorrected)}`);
console.log(`typing → SSE typing:       ${fmt(toTyping)}`);
console.log(`redaction → withdrawn:     ${fmt(toWithdrawn)}`);
sync.stop();
await bot.stop();
await service.close();
await synapse.dispose();
rmSync(dataDir, { recursive: true, force: true });
process.exit(0);
