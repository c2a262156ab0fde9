// `npm start` with Matrix configured: the service starts the bot in the same process, with a
// staff secret of its own, and an escalation from the web chat reaches the queue room.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { isReplyTo, TestMatrixUser } from './helpers/matrix-client.ts';

const synapse = inject('synapse');
const staffA = new TestMatrixUser(synapse.baseUrl, synapse.users.staffA);
let server: TestServer;
let queueRoom: string;

beforeAll(async () => {
  queueRoom = await staffA.createRoom({ name: 'Warteschlange (npm start)', invite: [synapse.users.bot.userId] });
  server = await startTestServer({
    MATRIX_HOMESERVER_URL: synapse.baseUrl,
    MATRIX_USER_ID: synapse.users.bot.userId,
    MATRIX_PASSWORD: synapse.users.bot.password,
    MATRIX_QUEUE_ROOM: queueRoom,
    MATRIX_STAFF_USERS: synapse.users.staffA.userId,
    MATRIX_FEED_POLL_MS: '100',
    MATRIX_SYNC_TIMEOUT_MS: '2000',
  });
});
afterAll(async () => {
  await server?.close();
});

describe('npm start with Matrix configured', () => {
  it('runs the bot in-process: staff commands are answered', async () => {
    const ask = await staffA.sendText(queueRoom, '!hilfe');
    const reply = await staffA.waitFor(queueRoom, isReplyTo(ask), 30_000, 'help reply');
    expect(reply.content.body).toContain('!übernehmen');
  });

  it('posts a web escalation as a notice in the queue room, without personal data', async () => {
    const api = apiClient(server.url);
    const { json: c } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    await api('POST', `/api/conversations/${c.id}/messages`, { token: c.token, body: { text: 'Ich bin Lehrerin und mache mir Sorgen um die Schülerin Emma Beispiel.' } });
    const escalated = await api('POST', `/api/conversations/${c.id}/escalations`, { token: c.token, body: { consent: true, contact: 'lehrerin@example.org' } });
    expect(escalated.status).toBe(202);
    const number: string = escalated.json.case.number;
    const notice = await staffA.waitFor(queueRoom, (e) => String(e.content?.body ?? '').includes(number), 30_000, 'queue notice');
    expect(notice.content.body).not.toContain('Emma');
    expect(notice.content.body).not.toContain('lehrerin@example.org');
    // Asked for in the shared queue room, the case shows neither the callback contact nor the transcript, only the short question.
    const ask = await staffA.sendText(queueRoom, `!fall ${number}`);
    const detail = await staffA.waitFor(queueRoom, isReplyTo(ask), 30_000, 'case detail');
    expect(detail.content.body).toContain(number);
    expect(detail.content.body).not.toContain('lehrerin@example.org');
    // The question is there to decide who takes the case — redacted, as it was stored.
    expect(detail.content.body).toContain('Sorgen um die Schülerin [Name]');
    expect(detail.content.body).not.toContain('Emma');
  });
});
