// Many malformed requests against every public endpoint: each gets a 4xx in the error shape,
// never a 5xx, and the conversation is unchanged afterwards. Deterministic (seeded).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', STAFF_TOKEN: 'test-staff-token-0123456789' });
});
afterAll(async () => {
  await server?.close();
});

function random(seed: number) {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const JUNK_VALUES: unknown[] = [null, true, 0, -1, 1e308, '', ' ', 'x'.repeat(5000), [], {}, [1, 2], { a: { b: { c: {} } } }, '\u0000\u0001', '<script>alert(1)</script>', 'Jugendamt:^~+-*', '"', '\ud800'];
const RAW_BODIES = ['', '{', '[', 'null', '"text"', '{"text":}', '{"text": "a",}', 'text=hallo', '\u0000', '{"text":"\\ud800"}'];

describe('bad input never breaks the service', () => {
  it('answers every malformed request with a 4xx error shape and changes nothing', async () => {
    const api = apiClient(server.url);
    const { json: c } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    const next = random(42);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const paths = [
      '/api/conversations',
      `/api/conversations/${c.id}/messages`,
      `/api/conversations/${c.id}/feedback`,
      `/api/conversations/${c.id}/escalations`,
      '/api/staff/cases/KS-2026-9999/claim',
    ];
    const statuses = new Set<number>();
    for (let i = 0; i < 250; i++) {
      const path = pick(paths);
      const useRaw = next() < 0.3;
      const body = useRaw ? undefined : Object.fromEntries([['text', pick(JUNK_VALUES)], ['channel', pick(JUNK_VALUES)], ['consent', pick(JUNK_VALUES)], ['rating', pick(JUNK_VALUES)], ['messageId', pick(JUNK_VALUES)]].filter(() => next() < 0.6));
      const token = next() < 0.8 ? (path.startsWith('/api/staff') ? 'falsch' : c.token) : undefined;
      const res = await api('POST', path, { token, ...(useRaw ? { raw: pick(RAW_BODIES) } : { body }) });
      statuses.add(res.status);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBeLessThan(500);
      if (res.status >= 400) {
        expect(res.json?.error?.code, `${path}`).toEqual(expect.any(String));
        expect(res.text).not.toMatch(/\.ts:\d+|at [A-Za-z]+ \(/);
      }
    }
    expect([...statuses].some((s) => s >= 400)).toBe(true);
    const history = await api('GET', `/api/conversations/${c.id}`, { token: c.token });
    // Only well-formed questions could have been stored; every stored user message is a string.
    for (const m of history.json.messages) expect(typeof m.text).toBe('string');
  });

  it('rejects oversized and odd conversation ids without a 5xx', async () => {
    const api = apiClient(server.url);
    for (const id of ['x'.repeat(500), '%00', '..%2F..%2Fetc', 'KS-2026-0001']) {
      const res = await api('POST', `/api/conversations/${id}/messages`, { token: 'a', body: { text: 'Hallo' } });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });
});
