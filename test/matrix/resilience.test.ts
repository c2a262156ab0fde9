// Nothing lost, nothing twice: the service dies between posting to Matrix and the ack; the
// homeserver is down while cases arrive. The bot runs apart from the service here (real HTTP).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixBot } from '../../bots/matrix/bot.ts';
import { startSynapse, type SynapseHandle } from '../setup/synapse.ts';
import { botEnv, startBot, tempStateFile } from './helpers/bot.ts';
import { startService, WebAsker } from './helpers/lotse.ts';
import { TestMatrixUser, waitUntil, type TestEvent } from './helpers/matrix-client.ts';

// Its own homeserver, because this file stops and starts it.
let synapse: SynapseHandle;
let staffA: TestMatrixUser;
let botId: string;
let queueRoom: string;
const cleanup: Array<() => Promise<void> | void> = [];

const notices = async (number: string): Promise<TestEvent[]> =>
  (await staffA.messages(queueRoom)).filter((e) => e.sender === botId && !e.content['m.relates_to'] && String(e.content.body).startsWith(`Fall ${number}`));

beforeAll(async () => {
  synapse = await startSynapse();
  staffA = new TestMatrixUser(synapse.baseUrl, synapse.users.staffA);
  botId = synapse.users.bot.userId;
  queueRoom = await staffA.createRoom({ name: 'Warteschlange (Ausfall)', invite: [botId] });
});

afterAll(async () => {
  for (const fn of cleanup.reverse()) await fn();
  await synapse?.dispose();
});

describe('durable delivery', () => {
  it('delivers an event exactly once when the service dies before the bot acknowledged it', async () => {
    let service = await startService();
    const { dataDir, port } = service;
    const stateFile = tempStateFile();
    let killed = false;
    // The service is killed at the moment the bot acknowledges its first event: the notice is
    // posted, the ack never arrives.
    const dying = async (input: string, init?: RequestInit): Promise<Response> => {
      if (!killed && input.includes('/api/staff/feed/ack')) {
        killed = true;
        await service.close();
      }
      return fetch(input, init);
    };
    let bot: MatrixBot = await startBot(botEnv(synapse, queueRoom, { LOTSE_URL: service.url }), { stateFile, fetch: dying });
    const asker = await new WebAsker(service.url).start();
    cleanup.push(() => asker.close());
    const number = (await asker.escalate()).json.case.number;
    await waitUntil(async () => killed, 20_000, 'service killed at ack');
    expect(await notices(number)).toHaveLength(1);
    await bot.stop();

    // Restart both; the bot also forgets what it knew, so only the transaction id can save us.
    service = await startService({ dataDir, port });
    cleanup.push(() => service.close());
    bot = await startBot(botEnv(synapse, queueRoom, { LOTSE_URL: service.url }), { stateFile: tempStateFile() });
    cleanup.push(() => bot.stop());
    const consumer = `matrix:${botId}`;
    await waitUntil(async () => {
      const res = await fetch(`${service.url}/api/staff/feed/cursor?consumer=${encodeURIComponent(consumer)}`, { headers: { authorization: 'Bearer staff-token-for-tests-only-0123456789' } });
      return ((await res.json()) as { cursor: number }).cursor > 0;
    }, 20_000, 'feed acknowledged after restart');
    expect(await notices(number)).toHaveLength(1);
  });

  it('queues cases while the homeserver is down and posts each once when it is back', async () => {
    // A fresh service numbers its cases from 0001 again: a room of its own keeps them apart.
    queueRoom = await staffA.createRoom({ name: 'Warteschlange (Homeserver-Ausfall)', invite: [botId] });
    const service = await startService();
    cleanup.push(() => service.close());
    const bot = await startBot(botEnv(synapse, queueRoom, { LOTSE_URL: service.url, MATRIX_USER_ID: synapse.users.bot.userId }), { stateFile: tempStateFile(), deliverFeed: true });
    cleanup.push(() => bot.stop());
    await synapse.stop();
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const asker = await new WebAsker(service.url).start();
      cleanup.push(() => asker.close());
      const res = await asker.escalate();
      expect(res.status).toBe(202); // accepted although Matrix is unreachable
      numbers.push(res.json.case.number);
    }
    await new Promise((r) => setTimeout(r, 2000));
    await synapse.start();
    for (const number of numbers) await waitUntil(async () => (await notices(number)).length > 0, 60_000, `notice ${number}`);
    await new Promise((r) => setTimeout(r, 1000));
    for (const number of numbers) expect(await notices(number)).toHaveLength(1);
  });
});
