// TRUST_PROXY counts the proxies in front of the service; the client address is taken that many
// entries from the right of X-Forwarded-For, so entries a client writes itself change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFromForwardedFor } from '../../src/http/forwarded-for.ts';
import { loadConfig } from '../../src/config/config.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe('clientFromForwardedFor', () => {
  const peer = '10.0.0.5';
  it('takes the entry the trusted proxies wrote, not the forged ones left of it', () => {
    expect(clientFromForwardedFor('203.0.113.9', 1, peer)).toBe('203.0.113.9');
    expect(clientFromForwardedFor('1.2.3.4, 203.0.113.9', 1, peer)).toBe('203.0.113.9');
    expect(clientFromForwardedFor('1.2.3.4, 5.6.7.8, 203.0.113.9, 10.0.0.2', 2, peer)).toBe('203.0.113.9');
  });
  it('uses the leftmost entry when the request passed fewer proxies than configured', () => {
    expect(clientFromForwardedFor('203.0.113.9', 2, peer)).toBe('203.0.113.9');
  });
  it('falls back to the connection peer without trust, without a header, or for junk', () => {
    expect(clientFromForwardedFor('203.0.113.9', 0, peer)).toBe(peer);
    expect(clientFromForwardedFor(undefined, 1, peer)).toBe(peer);
    expect(clientFromForwardedFor(' , ', 1, peer)).toBe(peer);
    expect(clientFromForwardedFor('1.2.3.4, <script>', 1, peer)).toBe(peer);
    expect(clientFromForwardedFor('x'.repeat(5000), 1, peer)).toBe(peer);
  });
  it('strips ports and brackets so one client is one key', () => {
    expect(clientFromForwardedFor('203.0.113.9:5123', 1, peer)).toBe('203.0.113.9');
    expect(clientFromForwardedFor('[2001:DB8::1]:443', 1, peer)).toBe('2001:db8::1');
  });
  it('reads TRUST_PROXY as false, true or a number of hops', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(0);
    expect(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: '-1' })).toThrow(/TRUST_PROXY/);
  });
});

describe('the per-address limit behind one trusted proxy', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TRUST_PROXY: 'true', RATE_LIMIT_IP_PER_MINUTE: '5' });
  });
  afterAll(async () => server?.close());

  it('cannot be bypassed by forging the left part of X-Forwarded-For', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await fetch(`${server.url}/api/knowledge/articles`, { headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` } });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });

  it('still tells real clients apart by the address the proxy appended', async () => {
    const res = await fetch(`${server.url}/api/knowledge/articles`, { headers: { 'x-forwarded-for': '198.51.100.8' } });
    await res.arrayBuffer();
    expect(res.status).toBe(200);
  });
});
