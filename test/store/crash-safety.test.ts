// kill -9 in the middle of a stream of writes, then a restart on the same data directory: every
// write the server had acknowledged (2xx) must still be there exactly once, a retry with the same
// clientId must return the first reply and store nothing new, and the files must open cleanly.
// Requests that were in flight when the process died may or may not have landed; they are not
// counted as accepted, but they must not show up twice either.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseSync } from 'node:sqlite';
import { PROJECT_ROOT } from '../../src/node/paths.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'lotse-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'src/main.ts')], {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: dataDir,
        RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    let err = '';
    child.stderr!.on('data', (d) => (err += d));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /läuft auf (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}) before listening: ${err.trim()}`)));
  });
}

type Accepted = { conversation: string; token: string; clientId: string; messageId: string; replyText: string };

async function post(url: string, body: unknown, token?: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

const QUESTIONS = [
  'Ein Kind kommt oft hungrig in die Kita, was kann ich tun?',
  'Ein Schüler hat blaue Flecken am Arm, wie gehe ich vor?',
  'Wann muss ich das Jugendamt informieren?',
  'Ein Mädchen wirkt seit Wochen sehr zurückgezogen.',
];

describe('kill -9 under writes', () => {
  it('keeps every acknowledged message and case exactly once and opens cleanly after the crash', async () => {
    const first = await startServer();
    const conversations: { id: string; token: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await post(`${first.url}/api/conversations`, { channel: 'web' });
      expect(res.status).toBe(201);
      conversations.push(await res.json() as { id: string; token: string });
    }

    const accepted: Accepted[] = [];
    const escalated = new Map<string, string>();
    let stop = false;
    let sent = 0;
    // One writer per conversation, each sending messages back to back; two of them ask for a person.
    const writers = conversations.map(async (conv, w) => {
      for (let n = 0; !stop; n++) {
        const clientId = `w${w}-m${n}`;
        sent++;
        try {
          if (w < 2 && n === 3 && !escalated.has(conv.id)) {
            const res = await post(`${first.url}/api/conversations/${conv.id}/escalations`, { consent: true }, conv.token);
            if (res.status === 202) escalated.set(conv.id, ((await res.json()) as { case: { id: string } }).case.id);
            continue;
          }
          const res = await post(`${first.url}/api/conversations/${conv.id}/messages`, { text: `${QUESTIONS[n % QUESTIONS.length]} (${n})`, clientId }, conv.token);
          if (res.status === 200) {
            const body = await res.json() as { messageId: string; reply: { text: string } };
            accepted.push({ conversation: conv.id, token: conv.token, clientId, messageId: body.messageId, replyText: body.reply.text });
          }
        } catch { /* the process died under this request: not acknowledged */ }
      }
    });
    // Let the writes run, then kill the server without any chance to flush or close.
    while (accepted.length < 40) await new Promise((r) => setTimeout(r, 50));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(accepted.length).toBeGreaterThanOrEqual(40);
    expect(escalated.size).toBe(2);
    expect(sent).toBeGreaterThan(accepted.length); // some requests were cut off mid-flight

    const second = await startServer();
    const health = await fetch(`${second.url}/healthz`);
    expect(health.status).toBe(200);

    for (const conv of conversations) {
      const res = await fetch(`${second.url}/api/conversations/${conv.id}`, { headers: { authorization: `Bearer ${conv.token}` } });
      expect(res.status).toBe(200);
      const history = await res.text();
      for (const a of accepted.filter((x) => x.conversation === conv.id)) {
        // Each acknowledged message id is stored once (ids are unique strings; one occurrence = one row).
        expect(history.split(`"${a.messageId}"`).length - 1, `${a.clientId} in ${conv.id}`).toBe(1);
      }
      const caseId = escalated.get(conv.id);
      if (caseId) {
        const c = await fetch(`${second.url}/api/conversations/${conv.id}/case`, { headers: { authorization: `Bearer ${conv.token}` } });
        expect(c.status).toBe(200);
        expect(await c.text()).toContain(caseId);
      }
    }

    // A retry of an acknowledged message after the crash returns its first reply and adds nothing.
    for (const a of accepted.filter((_, i) => i % 5 === 0)) {
      const before = await (await fetch(`${second.url}/api/conversations/${a.conversation}`, { headers: { authorization: `Bearer ${a.token}` } })).text();
      const res = await post(`${second.url}/api/conversations/${a.conversation}/messages`, { text: 'Wiederholung', clientId: a.clientId }, a.token);
      expect(res.status).toBe(200);
      const body = await res.json() as { messageId: string; reply: { text: string } };
      expect(body.messageId).toBe(a.messageId);
      expect(body.reply.text).toBe(a.replyText);
      const after = await (await fetch(`${second.url}/api/conversations/${a.conversation}`, { headers: { authorization: `Bearer ${a.token}` } })).text();
      expect(after).toBe(before);
    }

    // Stop cleanly, then open the files directly: the integrity check must find nothing.
    const exited = new Promise((r) => second.child.once('exit', r));
    second.child.kill('SIGTERM');
    await exited;
    const db = new DatabaseSync(join(dataDir, 'lotse.sqlite'));
    const rows = db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[];
    db.close();
    expect(rows.map((r) => r.integrity_check)).toEqual(['ok']);
  }, 60_000);
});
