import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { readSse } from '../helpers/sse.ts';

let server: TestServer;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' });
  api = apiClient(server.url);
});
afterAll(async () => {
  await server?.close();
});

async function newConversation() {
  const res = await api('POST', '/api/conversations', { body: { channel: 'web' } });
  expect(res.status).toBe(201);
  return res.json as { id: string; token: string };
}

async function messageCount(id: string, token: string) {
  const res = await api('GET', `/api/conversations/${id}`, { token });
  return (res.json.messages as unknown[]).length;
}

describe('health and documents', () => {
  it('reports ok once ready', async () => {
    const res = await api('GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ok' });
  });

  it('serves an OpenAPI document generated from the schemas', async () => {
    const res = await api('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.json.paths)).toEqual(expect.arrayContaining(['/api/conversations', '/api/conversations/{id}/messages']));
  });

  it('sets security headers', async () => {
    const res = await api('GET', '/healthz');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('asking a question', () => {
  it('answers with sources, triage and confidence', async () => {
    const { id, token } = await newConversation();
    const res = await api('POST', `/api/conversations/${id}/messages`, { token, body: { text: 'Wer ist die insoweit erfahrene Fachkraft und wie erreiche ich sie?' } });
    expect(res.status).toBe(200);
    const reply = res.json.reply;
    expect(reply.sources.length).toBeGreaterThan(0);
    expect(reply.sources[0]).toMatchObject({ id: expect.any(String), title: expect.any(String), url: expect.stringMatching(/^\/wissen\//) });
    expect(reply.triage.level).toBe('none');
    expect(reply.confidence).toBeGreaterThan(0);
    expect(reply.text).toContain('Stand');
    const page = await api('GET', reply.sources[0].url.split('#')[0]);
    expect(page.status).toBe(200);
  });

  it('returns the first reply for a retried clientId and stores nothing twice', async () => {
    const { id, token } = await newConversation();
    const body = { text: 'Muss ich zuerst mit den Eltern sprechen?', clientId: 'retry-1' };
    const first = await api('POST', `/api/conversations/${id}/messages`, { token, body });
    const second = await api('POST', `/api/conversations/${id}/messages`, { token, body });
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    expect(await messageCount(id, token)).toBe(2);
  });

  it('treats lunr syntax, control characters and HTML as plain text', async () => {
    const { id, token } = await newConversation();
    for (const text of ['Jugendamt:^~+-*', 'title:foo "unbalanced', 'Schweige\u0000pflicht\u0007 Arzt', '<script>alert(1)</script><img src=x onerror=alert(1)> Jugendamt']) {
      const res = await api('POST', `/api/conversations/${id}/messages`, { token, body: { text } });
      expect(res.status, text).toBe(200);
      expect(typeof res.json.reply.text).toBe('string');
    }
    const history = await api('GET', `/api/conversations/${id}`, { token });
    expect(history.json.messages.some((m: { text: string }) => m.text.includes('<script>'))).toBe(true);
  });

  it('acute danger answers with 110/112 first', async () => {
    const { id, token } = await newConversation();
    const res = await api('POST', `/api/conversations/${id}/messages`, { token, body: { text: 'Der Vater schlägt das Kind gerade, ich höre es schreien. Was soll ich tun?' } });
    expect(res.json.reply.triage.level).toBe('acute');
    expect(res.json.reply.text.indexOf('110')).toBeGreaterThanOrEqual(0);
    expect(res.json.reply.text.indexOf('110')).toBeLessThan(200);
    expect(res.json.reply.actions.some((a: { type: string; phone?: string }) => a.type === 'call' && a.phone === '110')).toBe(true);
  });

  it('removes personal data before storing and tells the asker once', async () => {
    const { id, token } = await newConversation();
    const first = await api('POST', `/api/conversations/${id}/messages`, { token, body: { text: 'Die Schülerin Lena Beispielmann, geb. 03.04.2015, wohnt in der Musterstraße 12. Was soll ich tun?' } });
    expect(first.json.reply.text).toMatch(/Datenschutz/);
    const second = await api('POST', `/api/conversations/${id}/messages`, { token, body: { text: 'Und ihr Bruder Paul hat auch blaue Flecken.' } });
    expect(second.json.reply.text).not.toMatch(/Hinweis zum Datenschutz/);
    const history = await api('GET', `/api/conversations/${id}`, { token });
    const stored = JSON.stringify(history.json);
    expect(stored).not.toContain('Beispielmann');
    expect(stored).not.toContain('03.04.2015');
    expect(stored).not.toContain('Musterstraße 12');
  });
});

describe('bad input changes nothing', () => {
  it('rejects each bad request with a clear 4xx in the error shape', async () => {
    const { id, token } = await newConversation();
    const path = `/api/conversations/${id}/messages`;
    const cases: Array<[string, Parameters<typeof api>[2], number, string]> = [
      ['empty', { token, body: { text: '' } }, 400, 'empty_text'],
      ['whitespace', { token, body: { text: '   \n\t ' } }, 400, 'empty_text'],
      ['too long', { token, body: { text: 'a'.repeat(4001) } }, 413, 'text_too_long'],
      ['not a string', { token, body: { text: 42 } }, 400, 'invalid_request'],
      ['missing text', { token, body: {} }, 400, 'invalid_request'],
      ['invalid json', { token, raw: '{"text": ' }, 400, 'invalid_json'],
      ['wrong content type', { token, raw: 'text=hallo', headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 415, 'unsupported_media_type'],
      ['huge body', { token, raw: JSON.stringify({ text: 'a'.repeat(200_000) }) }, 413, 'payload_too_large'],
      ['no token', { body: { text: 'Hallo' } }, 401, 'unauthorized'],
      ['wrong token', { token: 'falsch', body: { text: 'Hallo' } }, 403, 'forbidden'],
    ];
    for (const [name, options, status, code] of cases) {
      const res = await api('POST', path, options);
      expect(res.status, name).toBe(status);
      expect(res.json?.error?.code, name).toBe(code);
      expect(res.json.error.message, name).toMatch(/\S/);
      expect(res.text, name).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(await messageCount(id, token)).toBe(0);
    const unknown = await api('POST', '/api/conversations/00000000-0000-4000-8000-000000000000/messages', { token, body: { text: 'Hallo' } });
    expect(unknown.status).toBe(404);
    const badChannel = await api('POST', '/api/conversations', { body: { channel: 'fax' } });
    expect(badChannel.status).toBe(400);
    const notFound = await api('GET', '/api/gibt-es-nicht');
    expect(notFound.json.error.code).toBe('not_found');
  });

  it('rate-limits a conversation with 429 and Retry-After', async () => {
    const limited = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '2' });
    try {
      const call = apiClient(limited.url);
      const { json } = await call('POST', '/api/conversations', { body: { channel: 'web' } });
      const send = () => call('POST', `/api/conversations/${json.id}/messages`, { token: json.token, body: { text: 'Hallo' } });
      expect((await send()).status).toBe(200);
      expect((await send()).status).toBe(200);
      const third = await send();
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('events over SSE', () => {
  it('streams new messages and resumes after Last-Event-ID', async () => {
    const { id, token } = await newConversation();
    const url = `${server.url}/api/conversations/${id}/events?token=${token}`;
    const live = await readSse(url, {
      count: 2,
      onOpen: async () => {
        await api('POST', `/api/conversations/${id}/messages`, { token, body: { text: 'Was ist eine Kindeswohlgefährdung?' } });
      },
    });
    expect(live.map((e) => JSON.parse(e.data).author)).toEqual(['user', 'assistant']);
    await api('POST', `/api/conversations/${id}/messages`, { token, body: { text: 'Danke' } });
    const resumed = await readSse(url, { count: 2, headers: { 'last-event-id': live[1].id! } });
    expect(resumed.map((e) => Number(e.id))).toEqual(resumed.map((e) => Number(e.id)).sort((a, b) => a - b));
    expect(Number(resumed[0].id)).toBeGreaterThan(Number(live[1].id));
    expect(JSON.parse(resumed[0].data).text).toBe('Danke');
    const denied = await api('GET', `/api/conversations/${id}/events?token=falsch`);
    expect(denied.status).toBe(403);
  });
});
