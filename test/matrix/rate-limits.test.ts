// On Synapse's stock rate limits (rc_message 0.2/s, burst 10; rooms, joins and invites likewise):
// the bot waits as M_LIMIT_EXCEEDED asks and still posts every notice once, in order; and the
// README's advice — exempt the bot account with the admin API's override_ratelimit — really
// lifts every limit the bot meets (messages, room creation, invites). Its own homeserver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixBot } from '../../bots/matrix/bot.ts';
import { createLogger } from '../../bots/matrix/log.ts';
import { startSynapse, type SynapseHandle } from '../setup/synapse.ts';
import { botEnv, startBot, TEST_STAFF_TOKEN } from './helpers/bot.ts';
import { startService, WebAsker } from './helpers/lotse.ts';
import { SynapseAdmin, TestMatrixUser, waitUntil, type TestEvent } from './helpers/matrix-client.ts';

let synapse: SynapseHandle;
let staffA: TestMatrixUser;
let botId: string;
let queueRoom: string;
let service: Awaited<ReturnType<typeof startService>>;
let bot: MatrixBot;
const logLines: string[] = [];
const cleanup: Array<() => Promise<unknown> | unknown> = [];

beforeAll(async () => {
  synapse = await startSynapse({ stockRateLimits: true });
  staffA = new TestMatrixUser(synapse.baseUrl, synapse.users.staffA);
  botId = synapse.users.bot.userId;
  queueRoom = await staffA.createRoom({ name: 'Warteschlange (Standard-Limits)', invite: [botId] });
  service = await startService();
  bot = await startBot(botEnv(synapse, queueRoom, { LOTSE_URL: service.url }), { log: createLogger('warn', 'matrix-bot', (line) => logLines.push(line)) });
});

afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn();
  await bot?.stop();
  await service?.close();
  await synapse?.dispose();
});

const noticesIn = async (): Promise<TestEvent[]> =>
  (await staffA.messages(queueRoom, 500)).filter((e) => e.sender === botId && !e.content['m.relates_to'] && /^Fall KS-/.test(String(e.content.body)));
const numberOf = (e: TestEvent) => String(e.content.body).match(/KS-\d{4}-\d{4}/)![0];

async function escalate(count: number): Promise<Array<{ id: string; number: string }>> {
  const cases = [];
  for (let i = 0; i < count; i++) {
    const asker = await new WebAsker(service.url).start();
    cleanup.push(() => asker.close());
    const res = await asker.escalate();
    expect(res.status).toBe(202);
    cases.push(res.json.case);
  }
  return cases;
}

describe('Synapse rate limits', () => {
  it('waits as M_LIMIT_EXCEEDED asks and posts every notice exactly once, in order', async () => {
    const numbers = (await escalate(12)).map((c) => c.number);
    await waitUntil(async () => (await noticesIn()).length >= numbers.length, 120_000, 'all notices despite the limit');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await noticesIn()).map(numberOf)).toEqual(numbers);
    expect(logLines.some((l) => l.includes('M_LIMIT_EXCEEDED 429'))).toBe(true); // the limit was really met
    expect(bot.deadLetterBook.count).toBe(0);
  });

  it('meets no limit once the bot account is exempted with override_ratelimit (as the README says)', async () => {
    const admin = new SynapseAdmin(synapse.baseUrl, synapse.users.admin);
    await admin.request('POST', `/v1/users/${encodeURIComponent(botId)}/override_ratelimit`, { messages_per_second: 0, burst_count: 0 });
    logLines.length = 0;
    const before = (await noticesIn()).length;
    const started = Date.now();
    const cases = await escalate(12);
    await waitUntil(async () => (await noticesIn()).length >= before + cases.length, 60_000, 'all notices after the override');
    const noticesMs = Date.now() - started;
    // Claims: twelve case rooms and twelve invites to one staff member (stock: 10 rooms, 5 invites per invitee in a burst).
    for (const c of cases) {
      const res = await fetch(`${service.url}/api/staff/cases/${c.id}/claim`, {
        method: 'POST', headers: { authorization: `Bearer ${TEST_STAFF_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ staffId: staffA.userId, staffName: 'Anna Testmann' }),
      });
      expect(res.status).toBe(200);
    }
    await waitUntil(async () => cases.every((c) => bot.state.data.cases[c.id]?.posted?.length), 60_000, 'twelve case rooms with transcript');
    expect(logLines.filter((l) => l.includes('M_LIMIT_EXCEEDED'))).toEqual([]);
    // On stock limits the bucket was empty after the first test: twelve notices would take a minute.
    expect(noticesMs).toBeLessThan(20_000);
    expect(new Set(cases.map((c) => bot.state.data.cases[c.id].roomId)).size).toBe(12);
  });
});
