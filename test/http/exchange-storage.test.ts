// Each piece of an exchange is written once: the message rows hold the texts, the events refer
// to them. What readers get is unchanged: SSE events, the history, the staff feed and a
// clientId retry carry the full message with its reply (and the staff member's name).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteDriver } from '../../src/store/sqlite-driver.ts';
import { apiClient, startTestServer, type TestServer } from '../helpers/server.ts';

const STAFF = 'test-staff-token-0123456789';
let server: TestServer;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  server = await startTestServer({ STAFF_TOKEN: STAFF, RATE_LIMIT_CONVERSATION_PER_MINUTE: '0' });
  api = apiClient(server.url);
});
afterAll(async () => server?.close());

describe('an answered question', () => {
  it('stores the answer text once and still gives every reader the whole message', async () => {
    const { json: c } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    const asked = await api('POST', `/api/conversations/${c.id}/messages`, { token: c.token, body: { text: 'Muss ich zuerst mit den Eltern sprechen?', clientId: 'x1' } });
    expect(asked.status).toBe(200);
    const answer: string = asked.json.reply.text;
    expect(answer.length).toBeGreaterThan(200);
    const db = (server.store.db as SqliteDriver).db;
    const copies = db.prepare(
      `SELECT (SELECT COUNT(*) FROM messages WHERE instr(text, ?) > 0 OR instr(COALESCE(reply, ''), ?) > 0)
            + (SELECT COUNT(*) FROM events WHERE instr(payload, ?) > 0) AS n`,
    ).get(answer, answer, answer) as { n: number };
    expect(copies.n).toBe(1);
    const events = await server.store.listEvents(c.id, 0);
    expect(events.map((e) => (e.payload as { author: string }).author)).toEqual(['user', 'assistant']);
    expect((events[1]!.payload as { reply: unknown }).reply).toEqual(asked.json.reply);
    const history = await api('GET', `/api/conversations/${c.id}`, { token: c.token });
    expect(history.json.messages[1].reply).toEqual(asked.json.reply);
    const retry = await api('POST', `/api/conversations/${c.id}/messages`, { token: c.token, body: { text: 'Muss ich zuerst mit den Eltern sprechen?', clientId: 'x1' } });
    expect(retry.json.reply).toEqual(asked.json.reply);
  });
});

describe('a case held by staff', () => {
  it('gives the feed and SSE the staff message with its author and the relayed question', async () => {
    const staff = { token: STAFF };
    const { json: c } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    const { json: escalated } = await api('POST', `/api/conversations/${c.id}/escalations`, { token: c.token, body: { consent: true } });
    const number = escalated.case.number;
    const { json: start } = await api('GET', '/api/staff/feed/cursor?consumer=test', staff);
    expect((await api('POST', `/api/staff/cases/${number}/claim`, { ...staff, body: { staffId: '@b:example.org', staffName: 'B. Beispiel', staffAlias: 'Frau B.' } })).status).toBe(200);
    expect((await api('POST', `/api/staff/cases/${number}/messages`, { ...staff, body: { staffId: '@b:example.org', staffName: 'B. Beispiel', text: 'Guten Tag, ich bin für Sie da.', clientId: 's1' } })).status).toBe(201);
    expect((await api('POST', `/api/conversations/${c.id}/messages`, { token: c.token, body: { text: 'Danke, das Kind ist jetzt bei mir.' } })).status).toBe(200);
    const { json: feed } = await api('GET', `/api/staff/feed?after=${start.cursor ?? 0}&limit=500`, staff);
    const messages = feed.events.filter((e: { type: string; conversationId: string }) => e.type === 'message' && e.conversationId === c.id).map((e: { payload: { author: string } }) => e.payload).filter((p: { author: string }) => p.author !== 'system');
    expect(messages).toEqual([
      // The asker and the feed carry the staff alias, never the staff member's own name (issue 13).
      expect.objectContaining({ author: 'staff', text: 'Guten Tag, ich bin für Sie da.', staffName: 'Frau B.' }),
      expect.objectContaining({ author: 'user', text: 'Danke, das Kind ist jetzt bei mir.' }),
    ]);
    const sse = (await server.store.listEvents(c.id, 0)).filter((e) => e.type === 'message').map((e) => e.payload);
    expect(sse).toContainEqual(expect.objectContaining({ author: 'staff', text: 'Guten Tag, ich bin für Sie da.', staffName: 'Frau B.' }));
  });
});
