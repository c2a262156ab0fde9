// The public HTTP contract as one set of cases, run against every runtime: Node
// (test/http/contract.test.ts) and Cloudflare Workers on workerd (test/workers/contract.test.ts).
// A runtime supplies the base URL of a running service and a way to start a second one with
// other settings (for the rate limit).
import { describe, expect, it } from 'vitest';
import { apiClient } from './server.ts';
import { readSse } from './sse.ts';

export type RunningService = { url: string; close(): Promise<void> };

export type ContractTarget = {
  /** Base URL of the service under test (called inside the tests, after beforeAll). */
  url(): string;
  /** Starts another instance with these settings added (same names as the environment variables). */
  startWith(env: Record<string, string>): Promise<RunningService>;
};

export function contractCases(target: ContractTarget): void {
  const api = (...args: Parameters<ReturnType<typeof apiClient>>) => apiClient(target.url())(...args);

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
      expect(res.json.status).toBe('ok');
    });

    it('serves an OpenAPI document generated from the schemas', async () => {
      const res = await api('GET', '/api/openapi.json');
      expect(res.status).toBe(200);
      expect(Object.keys(res.json.paths)).toEqual(expect.arrayContaining(['/api/conversations', '/api/conversations/{id}/messages']));
    });

    it('sets security headers, also on the web chat page', async () => {
      for (const path of ['/healthz', '/']) {
        const res = await api('GET', path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-security-policy'), path).toContain("script-src 'self'");
        expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      }
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
      // Every source says whether its article is approved; the article page says it too.
      for (const source of reply.sources) expect(['draft', 'approved', 'changed']).toContain(source.status);
      const page = await api('GET', reply.sources[0].url.split('#')[0]);
      expect(page.status).toBe(200);
      expect(page.text).toMatch(/data-status="(draft|approved|changed)"/);
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
        ['wrong token', { token: 'falsch', body: { text: 'Hallo' } }, 404, 'not_found'],
      ];
      for (const [name, options, status, code] of cases) {
        const res = await api('POST', path, options);
        expect(res.status, name).toBe(status);
        expect(res.json?.error?.code, name).toBe(code);
        expect(res.json.error.message, name).toMatch(/\S/);
        expect(res.text, name).not.toMatch(/at .*\.ts:\d+/);
      }
      expect(await messageCount(id, token)).toBe(0);
      // A wrong token for an existing id and the right one for an unknown id: the same answer
      // (drill D-15), so a guess does not tell which conversations exist.
      const unknown = await api('POST', '/api/conversations/00000000-0000-4000-8000-000000000000/messages', { token, body: { text: 'Hallo' } });
      const otherToken = token.replace(/^./, (ch) => (ch === 'A' ? 'B' : 'A'));
      const wrong = await api('POST', path, { token: otherToken, body: { text: 'Hallo' } });
      expect(unknown.status).toBe(404);
      expect(wrong.status).toBe(404);
      expect(wrong.text).toBe(unknown.text);
      const badChannel = await api('POST', '/api/conversations', { body: { channel: 'fax' } });
      expect(badChannel.status).toBe(400);
      const notFound = await api('GET', '/api/gibt-es-nicht');
      expect(notFound.json.error.code).toBe('not_found');
    });

    it('rate-limits a conversation with 429 and Retry-After', async () => {
      const limited = await target.startWith({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '2' });
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
    // readSse gives up after 10 s and the stream's own re-read happens every 15 s, so these events
    // can only arrive in time through the runtime's live wake-up (in-process on Node, a Durable
    // Object on Workers).
    it('streams new messages and resumes after Last-Event-ID', async () => {
      const { id, token } = await newConversation();
      const url = `${target.url()}/api/conversations/${id}/events?token=${token}`;
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
      expect(denied.status).toBe(404);
    });
  });

  describe('escalation', () => {
    it('escalates only with consent: 400 without, 202 with a case that is announced over SSE', async (ctx) => {
      const { id, token } = await newConversation();
      const withoutConsent = await api('POST', `/api/conversations/${id}/escalations`, { token, body: {} });
      if (withoutConsent.status === 404) ctx.skip(); // the runtime has no escalation service (no SQL store)
      expect(withoutConsent.status).toBe(400);
      expect(withoutConsent.json.error.code).toMatch(/\S/);
      await api('POST', `/api/conversations/${id}/messages`, { token, body: { text: 'Ich mache mir Sorgen um ein Kind in meiner Gruppe.' } });
      let accepted: { status: number; json: any } | undefined;
      const events = await readSse(`${target.url()}/api/conversations/${id}/events?token=${token}`, {
        count: 3, // the question, the answer, then the case
        onOpen: async () => {
          accepted = await api('POST', `/api/conversations/${id}/escalations`, { token, body: { consent: true, urgency: 'normal' } });
        },
      });
      expect(accepted?.status).toBe(202);
      expect(accepted?.json.case).toMatchObject({ id: expect.any(String), number: expect.anything(), status: expect.any(String) });
      // The escalation may add a system message before the case event: read on until it shows up.
      for (let more = 0; more < 3 && !events.some((e) => e.event === 'case'); more++) {
        const next = await readSse(`${target.url()}/api/conversations/${id}/events?token=${token}`, { count: 1, headers: { 'last-event-id': events.at(-1)?.id ?? '0' } });
        if (next.length === 0) break;
        events.push(...next);
      }
      const caseEvent = events.find((e) => e.event === 'case');
      expect(caseEvent, JSON.stringify(events.map((e) => e.event))).toBeDefined();
      expect(JSON.parse(caseEvent!.data).case.id).toBe(accepted?.json.case.id);
    });
  });
}
