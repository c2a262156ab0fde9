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
const STAFF_TOKEN = 'test-staff-token-0123456789';

beforeAll(async () => {
  worker = await startTestWorker({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000', STAFF_TOKEN }, { peer: true });
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

  it('the staff API the Matrix bot uses works across isolates: feed long poll, claim, reply reach the asker', async () => {
    const api = apiClient(worker.url);
    const staff = (method: string, path: string, body?: unknown) => api(method, path, { token: STAFF_TOKEN, body });
    const peer = worker.server.getWorker('kinderschutz-lotse-peer');
    const { json: conversation } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    const { json: start } = await staff('GET', '/api/staff/feed?after=0&limit=500');
    // The bot waits on the feed in this isolate (long poll, re-polling like bots/matrix does when a
    // poll ends empty); the asker escalates through the other one.
    const pollFeed = async () => {
      let cursor = start.cursor;
      for (let polls = 0; polls < 5; polls++) {
        const res = await staff('GET', `/api/staff/feed?after=${cursor}&wait=8`);
        if (res.json.events.length > 0) return res;
        cursor = res.json.cursor;
      }
      return staff('GET', `/api/staff/feed?after=${start.cursor}`);
    };
    const [feed, escalated] = await Promise.all([
      pollFeed(),
      new Promise((r) => setTimeout(r, 300)).then(() => peer.fetch(`http://peer.internal/api/conversations/${conversation.id}/escalations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${conversation.token}` },
        body: JSON.stringify({ consent: true }),
      })),
    ]);
    expect(escalated.status).toBe(202);
    type FeedEvent = { type: string; payload: { case: { id: string; conversationId: string } } };
    const opened = (feed.json.events as FeedEvent[]).find((e) => e.type === 'case.opened' && e.payload.case.conversationId === conversation.id);
    expect(opened, JSON.stringify(feed.json.events.map((e: FeedEvent) => e.type))).toBeDefined();
    const caseId = opened!.payload.case.id;

    // The asker's stream, opened before the staff act, reads on until the staff reply arrives.
    const url = `${worker.url}/api/conversations/${conversation.id}/events?token=${conversation.token}`;
    const seen = await readSse(url, { count: 1 });
    const staffActs = async () => {
      expect((await staff('POST', `/api/staff/cases/${caseId}/claim`, { staffId: '@fachkraft:test', staffName: 'Anna Beispiel', staffAlias: 'Frau Beispiel' })).status).toBe(200);
      expect((await staff('POST', `/api/staff/cases/${caseId}/messages`, { staffId: '@fachkraft:test', staffName: 'Frau Beispiel', text: 'Ich bin jetzt für Sie da.', clientId: 'bot-1' })).status).toBe(201);
    };
    for (let reads = 0, acted = false; reads < 10 && !seen.some((e) => e.event === 'message' && JSON.parse(e.data).author === 'staff'); reads++) {
      const next = await readSse(url, { count: 1, headers: { 'last-event-id': seen.at(-1)?.id ?? '0' }, onOpen: acted ? undefined : staffActs });
      acted = true;
      if (next.length === 0) break;
      seen.push(...next);
    }
    expect(seen.some((e) => e.event === 'case' && JSON.parse(e.data).case.staffName === 'Frau Beispiel')).toBe(true);
    expect(JSON.parse(seen.at(-1)!.data)).toMatchObject({ author: 'staff', text: 'Ich bin jetzt für Sie da.' });
  });

  it('the Cron Trigger purges, on the hour, conversations idle beyond the retention period and keeps recent ones', async () => {
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
    const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const cron = (at: number) => worker.server.getWorker().scheduled({ cron: '* * * * *', scheduledTime: new Date(at) });
    // Every minute runs the reminders; the purge only every PURGE_INTERVAL_MINUTES (default 60).
    expect((await cron(hour + 60_000)).outcome).toBe('ok');
    expect((await env.DB.prepare('SELECT COUNT(*) AS n FROM conversations WHERE id = ?').bind('cron-old').first()).n).toBe(1);
    expect((await cron(hour)).outcome).toBe('ok');
    const left = await env.DB.prepare('SELECT id FROM conversations WHERE id IN (?, ?)').bind('cron-old', recent.id).all();
    expect(left.results.map((r: { id: string }) => r.id)).toEqual([recent.id]);
    const messages = await env.DB.prepare('SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?').bind('cron-old').first();
    expect(messages.n).toBe(0);
  });

  it('serves the web chat and its scripts from static assets', async () => {
    for (const path of ['/', '/app.js', '/styles.css', '/widget.js', '/impressum/', '/datenschutz/', '/barrierefreiheit/', '/leichte-sprache/', '/accessibility-feedback.js']) {
      const res = await fetch(worker.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      await res.body?.cancel();
    }
    const hours = await fetch(`${worker.url}/api/office-hours`);
    expect(hours.status).toBe(200);
    expect((await hours.json()).message).toMatch(/^Die Kontaktstelle ist (jetzt|gerade nicht) besetzt/);
    const widget = await fetch(`${worker.url}/widget.js`);
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });
});
