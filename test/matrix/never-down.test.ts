// Never down: a Matrix error the bot cannot retry away (no power level in the queue room, the bot
// kicked, the queue room changed, a case room deleted) must not end the service. The event is set
// aside as a dead letter, staff (or the operator's log) are told, the feed moves on, a restart
// does not die again, /healthz stays 200 and says what is wrong, and once the cause is fixed
// `!erneut` delivers the event exactly once. The first two run `npm start` (src/main.ts) as its
// own process, so that a crash would be seen as one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import type { MatrixBot } from '../../bots/matrix/bot.ts';
import { freePort } from '../setup/synapse.ts';
import { botEnv, startBot, tempStateFile, TEST_STAFF_TOKEN } from './helpers/bot.ts';
import { startService, WebAsker } from './helpers/lotse.ts';
import { isReplyTo, SynapseAdmin, TestMatrixUser, waitUntil, type TestEvent } from './helpers/matrix-client.ts';
import { LotseProcess } from './helpers/process.ts';

const synapse = inject('synapse');
const staffA = new TestMatrixUser(synapse.baseUrl, synapse.users.staffA);
const admin = new SynapseAdmin(synapse.baseUrl, synapse.users.admin);
const botId = synapse.users.bot.userId;
const cleanup: Array<() => Promise<unknown> | unknown> = [];

afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});
afterAll(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const isNotice = (number: string) => (e: TestEvent) =>
  e.sender === botId && e.type === 'm.room.message' && !e.content['m.relates_to'] && String(e.content.body).startsWith(`Fall ${number}`);
const notices = async (roomId: string, number: string) => (await staffA.messages(roomId)).filter(isNotice(number));

async function setPostingLevel(roomId: string, level: number): Promise<void> {
  const path = `/rooms/${encodeURIComponent(roomId)}/state/m.room.power_levels/`;
  const levels = await staffA.request('GET', path);
  await staffA.request('PUT', path, { ...levels, events_default: level, users: { ...levels.users, [botId]: 0 } });
}

async function processEnv(queueRoom: string): Promise<Record<string, string>> {
  return {
    PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: mkdtempSync(join(tmpdir(), 'lotse-never-down-')),
    LOG_LEVEL: 'info', RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0', STAFF_TOKEN: TEST_STAFF_TOKEN,
    OFFICE_HOURS: 'Mo-So 00:00-24:00', OFFICE_MV_HOLIDAYS: 'false',
    MATRIX_HOMESERVER_URL: synapse.baseUrl, MATRIX_USER_ID: botId, MATRIX_PASSWORD: synapse.users.bot.password,
    MATRIX_QUEUE_ROOM: queueRoom, MATRIX_STAFF_USERS: `${synapse.users.staffA.userId},${synapse.users.staffB.userId}`,
    MATRIX_FEED_POLL_MS: '100', MATRIX_SYNC_TIMEOUT_MS: '2000',
  };
}

async function startProcess(env: Record<string, string>): Promise<LotseProcess> {
  const lotse = new LotseProcess(env).start();
  cleanup.push(() => lotse.stop());
  return lotse;
}

/** The web chat answers a question with a real reply (not an error). */
async function webChatAnswers(url: string): Promise<void> {
  const asker = await new WebAsker(url).start();
  try {
    const res = await asker.ask('Was ist eine insoweit erfahrene Fachkraft?');
    expect(res.status).toBe(200);
    expect(String(res.json.reply.text).length).toBeGreaterThan(50);
  } finally {
    asker.close();
  }
}

/** Waits for an invite of staff A that was not there before (`before`: the invites at the start). */
async function newInvite(before: string[]): Promise<string> {
  return waitUntil(async () => (await staffA.invites()).find((r) => !before.includes(r)), 30_000, 'case room invite');
}

/** Stack traces start their lines with "    at "; the operator's console must have none. */
const stackLines = (lines: string[]) => lines.filter((l) => /^\s+at /.test(l));

describe('a permanent Matrix error does not take the service down', () => {
  it('sets a case aside when the bot may not post in the queue room, survives a restart, and delivers it once on !erneut', async () => {
    const queueRoom = await staffA.createRoom({ name: 'Warteschlange (keine Schreibrechte)', invite: [botId] });
    const env = await processEnv(queueRoom);
    let lotse = await startProcess(env);
    await lotse.waitForHealth((m) => m?.state === 'delivering', 90_000, 'bot delivering');

    // A queue-room admin restricts posting; the bot notices and says so, the service stays 200.
    await setPostingLevel(queueRoom, 50);
    const degraded = await lotse.waitForHealth((m) => m?.state === 'degraded', 30_000, 'degraded after power change');
    expect(degraded).toMatchObject({ status: 'ok', store: { state: 'ok' }, matrix: expect.objectContaining({ state: 'degraded', deadLetters: 0, reason: expect.stringContaining('nicht schreiben') }) });

    const asker = await new WebAsker(lotse.url).start();
    cleanup.push(() => asker.close());
    expect((await asker.ask('Ich mache mir Sorgen um ein Kind in meiner Kita.')).status).toBe(200);
    const escalated = await asker.escalate();
    expect(escalated.status).toBe(202);
    const number: string = escalated.json.case.number;

    // Set aside as dead letter #1, with one clear line for the operator and no stack trace.
    const health = await lotse.waitForHealth((m) => m?.deadLetters === 1, 30_000, 'dead letter counted');
    expect(health.matrix.state).toBe('degraded');
    const line = lotse.lines.find((l) => l.includes('dead letter #1'));
    expect(line).toContain(number);
    expect(line).toContain('M_FORBIDDEN 403');
    expect(line).toContain('staff NOT told in Matrix');
    expect(stackLines(lotse.lines)).toEqual([]);
    expect(lotse.alive).toBe(true);
    await webChatAnswers(lotse.url);
    expect(await notices(queueRoom, number)).toHaveLength(0);

    // A restart does not die on the event again: it was acknowledged, and the letter is kept.
    expect(await lotse.stop()).toBe(0);
    lotse = await startProcess(env);
    await lotse.waitForHealth((m) => m?.state === 'degraded' && m.deadLetters === 1, 90_000, 'restarted with the dead letter');
    await new Promise((r) => setTimeout(r, 3000));
    expect(lotse.alive).toBe(true);
    await webChatAnswers(lotse.url);
    expect(lotse.lines.filter((l) => l.includes('dead letter #'))).toEqual([]); // nothing failed again after the restart

    // Staff see it with !fehler — here in a direct chat with the bot, as the queue room does not take its replies.
    const dm = await staffA.createRoom({ isDirect: true, invite: [botId] });
    await staffA.waitFor(dm, (e) => e.sender === botId && e.type === 'm.room.message', 30_000, 'bot in the direct chat');
    const ask = await staffA.sendText(dm, '!fehler');
    const list = await staffA.waitFor(dm, isReplyTo(ask), 30_000, '!fehler reply');
    expect(list.content.body).toContain('Nicht zugestellte Ereignisse (1)');
    expect(list.content.body).toContain(`Nr. 1 · `);
    expect(list.content.body).toContain(`Meldung eines neuen Falls zu ${number} → Warteraum`);
    expect(list.content.body).toContain('darf dort nicht schreiben');

    // Fixed: the bot tells the room what it missed; the retry delivers the notice exactly once,
    // a second retry finds nothing left.
    await setPostingLevel(queueRoom, 0);
    const missed = await staffA.waitFor(queueRoom, (e) => e.sender === botId && String(e.content.body).startsWith('⚠️ Der Bot konnte hier eine Zeit lang nicht schreiben'), 30_000, 'missed events announced');
    expect(missed.content.body).toContain(`Nr. 1 · `);
    expect(missed.content.body).toContain(`Meldung eines neuen Falls zu ${number} → Warteraum`);
    const retry = await staffA.sendText(queueRoom, '!erneut 1');
    const done = await staffA.waitFor(queueRoom, isReplyTo(retry), 30_000, '!erneut reply');
    expect(done.content.body).toBe(`✅ Nr. 1 ist zugestellt: Meldung eines neuen Falls zu ${number} → Warteraum.`);
    const again = await staffA.sendText(queueRoom, '!erneut 1');
    expect((await staffA.waitFor(queueRoom, isReplyTo(again), 30_000, 'second !erneut reply')).content.body).toContain('gibt es nicht (mehr)');
    expect(await notices(queueRoom, number)).toHaveLength(1);
    expect((await notices(queueRoom, number))[0].content.body).toContain('wartet');
    await lotse.waitForHealth((m) => m?.state === 'delivering' && m.deadLetters === 0, 30_000, 'delivering again');

    // And the feed goes on: the next case arrives on its own.
    const next = await new WebAsker(lotse.url).start();
    cleanup.push(() => next.close());
    const nextNumber: string = (await next.escalate()).json.case.number;
    await staffA.waitFor(queueRoom, isNotice(nextNumber), 30_000, 'next notice');
    expect(stackLines(lotse.lines)).toEqual([]);
  });

  it('keeps running when the bot is kicked from the queue room, and cannot even rejoin it after a restart', async () => {
    const queueRoom = await staffA.createRoom({ name: 'Warteschlange (Bot entfernt)', invite: [botId] });
    const env = await processEnv(queueRoom);
    let lotse = await startProcess(env);
    await lotse.waitForHealth((m) => m?.state === 'delivering', 90_000, 'bot delivering');

    await staffA.request('POST', `/rooms/${encodeURIComponent(queueRoom)}/kick`, { user_id: botId, reason: 'Test' });
    const asker = await new WebAsker(lotse.url).start();
    cleanup.push(() => asker.close());
    const number: string = (await asker.escalate()).json.case.number;
    // The feed may set the case aside a moment before the sync has seen the kick: wait for both.
    const health = await lotse.waitForHealth((m) => m?.deadLetters === 1 && /nicht mehr Mitglied/.test(m.reason ?? ''), 30_000, 'dead letter after kick');
    expect(health.matrix).toMatchObject({ state: 'degraded', reason: expect.stringContaining('nicht mehr Mitglied') });
    expect(lotse.lines.find((l) => l.includes('dead letter #1'))).toContain('staff NOT told in Matrix');

    // Restart while the bot is out: it cannot join, the service runs anyway and says why.
    expect(await lotse.stop()).toBe(0);
    lotse = await startProcess(env);
    const off = await lotse.waitForHealth((m) => m?.state === 'off' && /Warteraum/.test(m.reason ?? ''), 90_000, 'bot off, service up');
    expect(off.matrix.deadLetters).toBe(1);
    await webChatAnswers(lotse.url);
    expect(lotse.lines.some((l) => l.includes('not started') && l.includes('the web chat keeps running'))).toBe(true);

    // Invited again, the bot starts by itself; staff retry everything at once.
    await staffA.invite(queueRoom, botId);
    await lotse.waitForHealth((m) => m?.state !== 'off', 90_000, 'bot started after the invite');
    const missed = await staffA.waitFor(queueRoom, (e) => e.sender === botId && String(e.content.body).startsWith('⚠️ Der Bot konnte hier eine Zeit lang nicht schreiben'), 30_000, 'missed events announced');
    expect(missed.content.body).toContain(number);
    const retry = await staffA.sendText(queueRoom, '!erneut alle');
    const done = await staffA.waitFor(queueRoom, isReplyTo(retry), 30_000, '!erneut alle reply');
    expect(done.content.body).toBe('Erneut versucht: 1 zugestellt.');
    expect(await notices(queueRoom, number)).toHaveLength(1);
    expect(lotse.alive).toBe(true);
    expect(stackLines(lotse.lines)).toEqual([]);
  });
});

describe('the bot in the service’s process', () => {
  async function serviceWithBot(queueRoom: string, stateFile = tempStateFile()): Promise<{ service: Awaited<ReturnType<typeof startService>>; bot: MatrixBot }> {
    const service = await startService();
    cleanup.push(() => service.close());
    const bot = await startBot(botEnv(synapse, queueRoom, { LOTSE_URL: service.url }), { stateFile });
    cleanup.push(() => bot.stop());
    return { service, bot };
  }

  const staffApi = (url: string) => async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url + path, { method, headers: { authorization: `Bearer ${TEST_STAFF_TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: res.status === 204 ? undefined : await res.json() as any };
  };

  it('gives an open case a fresh notice in the new queue room instead of failing on the old one', async () => {
    const oldQueue = await staffA.createRoom({ name: 'Warteschlange (alt)', invite: [botId] });
    const newQueue = await staffA.createRoom({ name: 'Warteschlange (neu)', invite: [botId] });
    const stateFile = tempStateFile();
    const service = await startService();
    cleanup.push(() => service.close());
    const api = staffApi(service.url);
    let bot = await startBot(botEnv(synapse, oldQueue, { LOTSE_URL: service.url }), { stateFile });
    const asker = await new WebAsker(service.url).start();
    cleanup.push(() => asker.close());
    const c = (await asker.escalate()).json.case;
    await staffA.waitFor(oldQueue, isNotice(c.number), 30_000, 'notice in the old queue');
    const before = await staffA.invites();
    expect((await api('POST', `/api/staff/cases/${c.id}/claim`, { staffId: staffA.userId, staffName: 'Anna Testmann' })).status).toBe(200);
    const caseRoom = await newInvite(before);
    await staffA.join(caseRoom);
    await bot.stop();

    // The operator points MATRIX_QUEUE_ROOM elsewhere; then the case is closed.
    bot = await startBot(botEnv(synapse, newQueue, { LOTSE_URL: service.url }), { stateFile });
    cleanup.push(() => bot.stop());
    expect((await api('POST', `/api/staff/cases/${c.id}/close`, { staffId: staffA.userId, topic: 'verfahren', outcome: 'beraten' })).status).toBe(200);
    const fresh = await staffA.waitFor(newQueue, isNotice(c.number), 30_000, 'notice in the new queue');
    expect(fresh.content.body).toContain('abgeschlossen');
    await staffA.waitFor(caseRoom, (e) => e.sender === botId && /ist abgeschlossen\. Nachrichten in diesem Raum/.test(e.content.body ?? ''), 30_000, 'closing text in the case room');
    expect(bot.deadLetterBook.count).toBe(0);
    expect(bot.health().state).toBe('delivering');
    // The old notice was not touched (an edit could not reach it).
    expect((await staffA.messages(oldQueue)).filter((e) => e.sender === botId && e.content['m.relates_to']?.rel_type === 'm.replace' && /abgeschlossen/.test(e.content.body ?? ''))).toHaveLength(0);
  });

  it('reports an asker’s message that cannot reach a deleted case room in the queue room; !verwerfen sets it aside', async () => {
    const queueRoom = await staffA.createRoom({ name: 'Warteschlange (Fallraum gelöscht)', invite: [botId] });
    const { service, bot } = await serviceWithBot(queueRoom);
    const api = staffApi(service.url);
    const asker = await new WebAsker(service.url).start();
    cleanup.push(() => asker.close());
    const c = (await asker.escalate()).json.case;
    await staffA.waitFor(queueRoom, isNotice(c.number), 30_000, 'notice');
    const before = await staffA.invites();
    await api('POST', `/api/staff/cases/${c.id}/claim`, { staffId: staffA.userId, staffName: 'Anna Testmann' });
    const caseRoom = await newInvite(before);
    await staffA.join(caseRoom);
    await staffA.waitFor(caseRoom, (e) => e.sender === botId && /Bisheriger Verlauf/.test(e.content.body ?? ''), 30_000, 'transcript');

    // A server admin deletes the case room; the asker writes on.
    await admin.request('DELETE', `/v1/rooms/${encodeURIComponent(caseRoom)}`, { purge: true });
    expect((await asker.ask('Sind Sie noch da?')).status).toBe(200);
    const report = await staffA.waitFor(queueRoom, (e) => e.sender === botId && /^⚠️ Nicht zugestellt \(Nr\. 1\)/.test(e.content.body ?? ''), 30_000, 'report in the queue room');
    expect(report.content.body).toContain(`Nachricht zu ${c.number} → Fallraum`);
    expect(report.content.body).toContain('„!erneut 1“');
    expect(report.content.msgtype).toBe('m.text');
    expect(report.content.body).not.toContain('Sind Sie noch da'); // the asker's words stay out of the queue room

    // Retrying cannot help; discarding clears it.
    const retry = await staffA.sendText(queueRoom, '!erneut 1');
    expect((await staffA.waitFor(queueRoom, isReplyTo(retry), 30_000, 'retry reply')).content.body).toContain('Nr. 1 ist weiterhin nicht zustellbar');
    const discard = await staffA.sendText(queueRoom, '!verwerfen 1');
    expect((await staffA.waitFor(queueRoom, isReplyTo(discard), 30_000, 'discard reply')).content.body).toBe(`Nr. 1 ist verworfen und wird nicht zugestellt: Nachricht zu ${c.number} → Fallraum.`);
    const list = await staffA.sendText(queueRoom, '!fehler');
    expect((await staffA.waitFor(queueRoom, isReplyTo(list), 30_000, 'list reply')).content.body).toBe('Es gibt keine nicht zugestellten Ereignisse. ✅');
    expect(bot.health()).toMatchObject({ state: 'delivering', deadLetters: 0 });

    // The feed moved on: the web chat's next case still reaches the queue.
    const next = await new WebAsker(service.url).start();
    cleanup.push(() => next.close());
    const nextNumber: string = (await next.escalate()).json.case.number;
    await staffA.waitFor(queueRoom, isNotice(nextNumber), 30_000, 'next notice');
  });
});
