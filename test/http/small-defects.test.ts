// The drill's small findings (D-8, D-12, D-13, D-14): framing, wrong methods, messages that are
// empty once cleaned, length in characters, e-mail addresses, calendar dates, empty close fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { apiClient, startTestServer, type TestServer } from '../helpers/server.ts';

const STAFF = 'test-staff-token-0123456789';
let server: TestServer;
let partner: TestServer;
let api: ReturnType<typeof apiClient>;
beforeAll(async () => {
  [server, partner] = await Promise.all([
    startTestServer({ STAFF_TOKEN: STAFF, MAX_MESSAGE_CHARS: '100', RATE_LIMIT_CONVERSATION_PER_MINUTE: '0' }),
    startTestServer({ EMBED_ORIGINS: 'https://www.kita-beispiel.de http://127.0.0.1:9000' }),
  ]);
  api = apiClient(server.url);
  // Two full services start at once (each parses the knowledge base and builds its index); on a
  // shared, loaded machine that can take longer than vitest's 10 s default. No timing is tested here.
}, 60_000);
afterAll(async () => Promise.all([server?.close(), partner?.close()]));

const newConversation = async () => (await api('POST', '/api/conversations', { body: { channel: 'web' } })).json as { id: string; token: string };

describe('framing', () => {
  it('is allowed to the own origin only by default, and to the listed sites when configured', async () => {
    const own = await fetch(`${server.url}/`);
    expect(own.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'(;|$)/);
    const listed = await fetch(`${partner.url}/`);
    expect(listed.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self' https:\/\/www\.kita-beispiel\.de http:\/\/127\.0\.0\.1:9000/);
  });
  it('refuses a wildcard or a malformed site in EMBED_ORIGINS', () => {
    expect(() => loadConfig({ EMBED_ORIGINS: '*' })).toThrow(/EMBED_ORIGINS/);
    expect(() => loadConfig({ EMBED_ORIGINS: "https://a.de 'unsafe-inline'" })).toThrow(/EMBED_ORIGINS/);
    expect(loadConfig({ EMBED_ORIGINS: 'https://a.de, https://b.de' }).EMBED_ORIGINS).toBe('https://a.de https://b.de');
  });
});

describe('wrong methods', () => {
  it('get 405 with Allow on known paths, 404 elsewhere', async () => {
    const c = await newConversation();
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const res = await api(method, `/api/conversations/${c.id}`, { token: c.token });
      expect(res.status, method).toBe(405);
      expect(res.json.error.code).toBe('method_not_allowed');
      expect(res.headers.get('allow')).toMatch(/GET/);
    }
    expect((await api('GET', '/api/conversations')).status).toBe(405);
    expect((await api('POST', '/healthz')).status).toBe(405);
    expect((await api('DELETE', '/api/gibt-es-nicht')).status).toBe(404);
    expect((await api('GET', `/api/conversations/${c.id}`, { token: c.token })).status).toBe(200);
  });
});

describe('message text', () => {
  it('rejects a message that is empty once invisible characters are removed, and stores nothing', async () => {
    const c = await newConversation();
    for (const text of ['\u200b\u200c\u200d\ufeff', '\u0000\u0000', '\u2066\u2067\u2068\u2069', '\u00ad\u2060 ']) {
      const res = await api('POST', `/api/conversations/${c.id}/messages`, { token: c.token, body: { text } });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('empty_text');
    }
    expect((await api('GET', `/api/conversations/${c.id}`, { token: c.token })).json.messages).toEqual([]);
  });
  it('counts characters as people see them: an emoji is one', async () => {
    const c = await newConversation();
    expect((await api('POST', `/api/conversations/${c.id}/messages`, { token: c.token, body: { text: '😀'.repeat(100) } })).status).toBe(200);
    const tooLong = await api('POST', `/api/conversations/${c.id}/messages`, { token: c.token, body: { text: '😀'.repeat(101) } });
    expect(tooLong.status).toBe(413);
    expect(tooLong.json.error.message).toMatch(/100 Zeichen/);
  });
});

describe('escalation contact', () => {
  it('accepts real e-mail addresses and phone numbers, refuses markup and javascript:', async () => {
    for (const contact of ['<svg/onload=alert(1)>@x.de', '"><img/src=x>@a.b', 'javascript:alert(1)@x.de', 'a@b', 'mail@exa mple.de']) {
      const c = await newConversation();
      const res = await api('POST', `/api/conversations/${c.id}/escalations`, { token: c.token, body: { consent: true, contact } });
      expect(res.status, contact).toBe(400);
    }
    for (const contact of ['kita.sonnenblume@example.org', 'j.müller@bäckerei-beispiel.de', '0381 123456']) {
      const c = await newConversation();
      const res = await api('POST', `/api/conversations/${c.id}/escalations`, { token: c.token, body: { consent: true, contact } });
      expect(res.status, contact).toBe(202);
    }
  });
});

describe('staff API', () => {
  const staff = { token: STAFF };
  it('validates report dates as calendar days', async () => {
    for (const [from, to] of [['2881-70-41', '9979-89-40'], ['2026-02-31', '2026-03-05'], ['2026-13-01', '2026-12-01']]) {
      expect((await api('GET', `/api/staff/reports/stats?from=${from}&to=${to}`, staff)).status, from).toBe(400);
    }
    expect((await api('GET', '/api/staff/reports/stats?from=2026-02-01&to=2026-02-28', staff)).status).toBe(200);
    expect(() => loadConfig({ OFFICE_CLOSED_DATES: '2026-02-30' })).toThrow(/OFFICE_CLOSED_DATES/);
  });
  it('rejects an empty status filter', async () => {
    expect((await api('GET', '/api/staff/cases?status=', staff)).status).toBe(400);
  });
  it('treats empty close fields as not given', async () => {
    const c = await newConversation();
    const { json } = await api('POST', `/api/conversations/${c.id}/escalations`, { token: c.token, body: { consent: true } });
    const number = json.case.number;
    expect((await api('POST', `/api/staff/cases/${number}/claim`, { ...staff, body: { staffId: '@a:example.org', staffName: 'A. Beispiel' } })).status).toBe(200);
    const closed = await api('POST', `/api/staff/cases/${number}/close`, { ...staff, body: { staffId: '@a:example.org', topic: '', outcome: '  ', note: '' } });
    expect(closed.status).toBe(200);
    const detail = await api('GET', `/api/staff/cases/${number}`, staff);
    expect(detail.json.case.outcome ?? null).toBeNull();
    expect(detail.json.case.note ?? null).toBeNull();
    const stats = await api('GET', '/api/staff/reports/stats?from=2020-01-01&to=2099-12-31', staff);
    expect(JSON.stringify(stats.json)).not.toMatch(/"":/);
  });
});
