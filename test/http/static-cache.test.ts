import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

// Static files of the web chat carry Cache-Control (the walk: none, 12 resources flagged by
// Lighthouse); the page is always revalidated, the API is never cached.

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

describe('Cache-Control', () => {
  it('caches scripts and styles briefly, revalidates the page, never caches the API', async () => {
    const header = async (path: string) => (await fetch(server.url + path)).headers.get('cache-control');
    expect(await header('/app.js')).toBe('public, max-age=600, must-revalidate');
    expect(await header('/styles.css')).toBe('public, max-age=600, must-revalidate');
    expect(await header('/widget.js')).toBe('public, max-age=600, must-revalidate');
    expect(await header('/')).toBe('no-cache');
    expect(await header('/healthz')).toBe(null);
    const created = await fetch(`${server.url}/api/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"channel":"web"}' });
    expect(created.headers.get('cache-control')).toBe('no-store');
  });
});
