// The public HTTP contract on Cloudflare's runtime: the Worker (src/worker.ts) runs on workerd
// through wrangler's test harness with local D1 and Durable Objects, and must pass exactly the
// cases the Node server passes (test/helpers/contract-cases.ts). Then what only Workers has:
// live events across isolates through the Durable Object, and the Cron Trigger's purge.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractCases } from '../helpers/contract-cases.ts';
import { apiClient } from '../helpers/server.ts';
import { readSse } from '../helpers/sse.ts';
import { startTestWorker, type TestWorker } from './worker-harness.ts';

let worker: TestWorker;

beforeAll(async () => {
  worker = await startTestWorker({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' }, { peer: true });
});
afterAll(async () => {
  await worker?.close();
});

describe('HTTP contract on workerd', () => {
  contractCases({
    url: () => worker.url,
    startWith: (env) => startTestWorker(env),
  });
});

describe('Workers specifics', () => {
  it('delivers a message posted through another isolate to an open SSE stream (Durable Object wake-up)', async () => {
    const api = apiClient(worker.url);
    const peer = worker.server.getWorker('kinderschutz-lotse-peer');
    const { json: conversation } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    let postedThroughPeer = 0;
    const events = await readSse(`${worker.url}/api/conversations/${conversation.id}/events?token=${conversation.token}`, {
      count: 2,
      onOpen: async () => {
        const res = await peer.fetch(`http://peer.internal/api/conversations/${conversation.id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation.token}` },
          body: JSON.stringify({ text: 'Wie dokumentiere ich meine Beobachtungen?' }),
        });
        postedThroughPeer = res.status;
      },
    });
    expect(postedThroughPeer).toBe(200);
    expect(events.map((e) => JSON.parse(e.data).author)).toEqual(['user', 'assistant']);
    expect(JSON.parse(events[0].data).text).toBe('Wie dokumentiere ich meine Beobachtungen?');
  });

  it('the Cron Trigger purges conversations idle beyond the retention period and keeps recent ones', async () => {
    const api = apiClient(worker.url);
    const { json: recent } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    const env = await worker.server.getWorker().getEnv();
    const longAgo = Date.now() - 400 * 24 * 3600 * 1000;
    await env.DB.batch([
      env.DB.prepare('INSERT INTO conversations (id, token_hash, channel, context, created_at, last_activity_at) VALUES (?, ?, ?, ?, ?, ?)')
        .bind('cron-old', 'h', 'web', '{}', longAgo, longAgo),
      env.DB.prepare('INSERT INTO messages (id, conversation_id, author, text, created_at) VALUES (?, ?, ?, ?, ?)')
        .bind('cron-old-m', 'cron-old', 'user', 'Frage', longAgo),
    ]);
    const result = await worker.server.getWorker().scheduled({ cron: '*/15 * * * *', scheduledTime: new Date() });
    expect(result.outcome).toBe('ok');
    const left = await env.DB.prepare('SELECT id FROM conversations WHERE id IN (?, ?)').bind('cron-old', recent.id).all();
    expect(left.results.map((r: { id: string }) => r.id)).toEqual([recent.id]);
    const messages = await env.DB.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?').bind('cron-old').first();
    expect(messages.n).toBe(0);
  });

  it('serves the web chat and its scripts from static assets', async () => {
    for (const path of ['/', '/app.js', '/styles.css', '/widget.js']) {
      const res = await fetch(worker.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      await res.body?.cancel();
    }
    const widget = await fetch(`${worker.url}/widget.js`);
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});
