import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoder, gzipEncoder } from '../../src/http/middleware/compression.ts';
import { apiClient, startTestServer, type TestServer } from '../helpers/server.ts';

// Page, scripts, styles, knowledge pages and JSON answers are compressed for clients that accept
// it; small answers and Server-Sent Events are not (SSE must reach the browser at once).
// node:http shows the bytes on the wire (fetch would decode them).

let server: TestServer;
beforeAll(async () => { server = await startTestServer(); });
afterAll(async () => { await server?.close(); });

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(server.url + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const decode = (r: Raw) => r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body;

describe('compression', () => {
  it('sends page, script, style and knowledge page as brotli or gzip, decoding to the same bytes', async () => {
    for (const path of ['/', '/app.js', '/styles.css', '/wissen/kita']) {
      const plain = await raw(path);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(String(plain.headers.vary)).toMatch(/Accept-Encoding/);
      for (const [accept, coding] of [['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip'], ['br;q=0.5, gzip;q=0.8', 'gzip']]) {
        const packed = await raw(path, { 'accept-encoding': accept });
        expect(packed.headers['content-encoding'], `${path} ${accept}`).toBe(coding);
        expect(packed.headers['content-length']).toBeUndefined();
        expect(packed.body.length).toBeLessThan(plain.body.length * 0.6);
        expect(decode(packed).equals(plain.body), path).toBe(true);
      }
      expect((await raw(path, { 'accept-encoding': 'identity' })).headers['content-encoding']).toBeUndefined();
    }
  });

  it('compresses a JSON answer, but not a small one', async () => {
    const api = apiClient(server.url);
    const { json } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    const answer = await raw(`/api/conversations/${json.id}/messages`, {
      'accept-encoding': 'br', 'content-type': 'application/json', authorization: `Bearer ${json.token}`,
    }, 'POST', JSON.stringify({ text: 'Wie dokumentiere ich meine Beobachtungen?' }));
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decode(answer).toString('utf8')).reply.text.length).toBeGreaterThan(100);
    const small = await raw('/healthz', { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8')).status).toBe('ok');
  });

  it('leaves Server-Sent Events uncompressed, so the first event arrives at once', async () => {
    const api = apiClient(server.url);
    const { json } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    const first = await new Promise<{ headers: Raw['headers']; chunk: string }>((resolve, reject) => {
      const req = request(`${server.url}/api/conversations/${json.id}/events?token=${json.token}`, { headers: { 'accept-encoding': 'br, gzip' } }, (res) => {
        res.once('data', (chunk: Buffer) => {
          resolve({ headers: res.headers, chunk: chunk.toString('utf8') });
          req.destroy();
        });
      });
      req.on('error', (error) => { if (!req.destroyed) reject(error); });
      req.end();
    });
    expect(first.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.chunk).toMatch(/event: ready/);
  });

  it('picks the coding by q-value, ties in the server\'s order, none for q=0 or nothing offered', () => {
    const br = { name: 'br', stream: gzipEncoder.stream };
    const both = [br, gzipEncoder];
    expect(chooseEncoder('gzip, br', both)?.name).toBe('br');
    expect(chooseEncoder('gzip;q=1, br;q=0.4', both)?.name).toBe('gzip');
    expect(chooseEncoder('br;q=0, gzip;q=0', both)).toBeUndefined();
    expect(chooseEncoder('*', both)?.name).toBe('br');
    expect(chooseEncoder('identity', both)).toBeUndefined();
    expect(chooseEncoder(undefined, both)).toBeUndefined();
    expect(chooseEncoder('gzip', [])).toBeUndefined();
  });
});
