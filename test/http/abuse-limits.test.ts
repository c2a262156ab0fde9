// Cheap requests that cost the service memory or rows: creating conversations has its own
// limit per address, and a wrong token is never remembered (it used to be cached, so 12,000
// wrong long tokens grew the process by 213 MB).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rememberedTokenCount } from '../../src/assistant/ids.ts';
import { apiClient, startTestServer, type TestServer } from '../helpers/server.ts';

const STAFF = 'test-staff-token-0123456789';
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_CREATE_PER_MINUTE: '3', STAFF_TOKEN: STAFF });
});
afterAll(async () => server?.close());

describe('conversation creation', () => {
  it('is limited per address with a German 429 and Retry-After; the staff bot is not counted', async () => {
    const api = apiClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api('POST', '/api/conversations', { body: { channel: 'web' } })).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const refused = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    expect(refused.json.error.code).toBe('rate_limited');
    expect(refused.json.error.message).toMatch(/110 oder 112/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const bot = await api('POST', '/api/conversations', { body: { channel: 'matrix' }, token: STAFF });
    expect(bot.status).toBe(201);
  });
});

describe('wrong tokens', () => {
  it('are refused without being remembered, whatever their shape', async () => {
    const api = apiClient(server.url);
    const { json: c } = await api('POST', '/api/conversations', { body: { channel: 'web' }, token: STAFF });
    expect((await api('GET', `/api/conversations/${c.id}`, { token: c.token })).status).toBe(200);
    const before = rememberedTokenCount();
    for (let i = 0; i < 300; i++) {
      const token = i % 2 ? `${i}`.padEnd(43, 'x') : `${i}-${'y'.repeat(15_000)}`;
      expect((await api('GET', `/api/conversations/${c.id}`, { token })).status).toBe(404);
    }
    expect(rememberedTokenCount()).toBe(before);
    expect((await api('GET', `/api/conversations/${c.id}`, { token: c.token })).status).toBe(200);
  });
});
