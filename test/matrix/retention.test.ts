// Retention in Matrix on a real Synapse, with the period shortened to seconds: once a closed
// case has expired, the bot's own posts about it are redacted, the case room is emptied and
// closed — and nothing else is touched (an open case, staff talk and help in the queue room).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MatrixBot } from '../../bots/matrix/bot.ts';
import { botEnv, startBot } from './helpers/bot.ts';
import { startService, WebAsker } from './helpers/lotse.ts';
import { inProcess } from './helpers/suite.ts';
import { isRedacted, isReplyTo, SynapseAdmin, TestMatrixUser, waitUntil, type TestEvent } from './helpers/matrix-client.ts';

const synapse = inject('synapse');
const staffA = new TestMatrixUser(synapse.baseUrl, synapse.users.staffA);
const staffB = new TestMatrixUser(synapse.baseUrl, synapse.users.staffB);
const admin = new SynapseAdmin(synapse.baseUrl, synapse.users.admin);
const botId = synapse.users.bot.userId;
const RETENTION_MS = 4000;

let service: Awaited<ReturnType<typeof startService>>;
const bots: MatrixBot[] = [];
const askers: WebAsker[] = [];

beforeAll(async () => {
  service = await startService();
});

afterAll(async () => {
  for (const a of askers) a.close();
  for (const b of bots) await b.stop();
  await service?.close();
});

async function newAsker(): Promise<WebAsker> {
  const asker = await new WebAsker(service.url).start();
  askers.push(asker);
  return asker;
}


const noticeFor = (number: string, sender = botId) => (e: TestEvent) =>
  e.sender === sender && e.type === 'm.room.message' && !e.content['m.relates_to'] && String(e.content.body).startsWith(`Fall ${number}`);

describe('retention in Matrix', () => {
  it('redacts the bot’s posts of an expired case, empties and closes its room, and leaves everything else alone', async () => {
    const queueRoom = await staffA.createRoom({ name: 'Warteschlange (Aufbewahrung)', invite: [botId, staffB.userId] });
    await staffB.join(queueRoom);
    const bot = await startBot(botEnv(synapse, queueRoom), { fetch: inProcess(service), retention: { afterMs: RETENTION_MS, everyMs: 250 } });
    bots.push(bot);

    // Two cases: the first runs to its end, the second stays open (must stay untouched).
    const asker = await newAsker();
    await asker.ask('Ein Kind kommt oft hungrig in die Kita. Was kann ich tun?');
    const number = (await asker.escalate()).json.case.number as string;
    const other = await newAsker();
    const otherNumber = (await other.escalate()).json.case.number as string;
    const notice = await staffA.waitFor(queueRoom, noticeFor(number), 20_000, 'notice');
    const otherNotice = await staffA.waitFor(queueRoom, noticeFor(otherNumber), 20_000, 'other notice');
    const chat = await staffA.sendText(queueRoom, 'Guten Morgen zusammen');
    const help = await staffA.sendText(queueRoom, '!hilfe');
    const helpReply = await staffA.waitFor(queueRoom, isReplyTo(help), 20_000, 'help reply');

    // Claim, talk both ways, look the case up in the queue room, close.
    await staffB.react(queueRoom, notice.event_id, '✋');
    const room = await waitUntil(() => staffB.inviteNamed(`Fall ${number}`), 20_000, 'case room invite');
    await staffB.join(room);
    const transcript = await staffB.waitFor(room, (e) => e.sender === botId && /Bisheriger Verlauf/.test(e.content.body ?? ''), 20_000, 'transcript');
    const staffWords = await staffB.sendText(room, 'Guten Tag, hier ist Bernd von der Kontaktstelle.');
    await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'staff', 20_000, 'staff message on SSE');
    await asker.ask('Danke, das hilft mir schon.');
    const relayed = await staffB.waitFor(room, (e) => e.sender === botId && /das hilft mir schon/.test(e.content.body ?? ''), 20_000, 'relayed');
    const lookup = await staffB.sendText(queueRoom, `!fall ${number}`);
    const lookupReply = await staffB.waitFor(queueRoom, isReplyTo(lookup), 20_000, 'case detail');
    // In the shared queue room the lookup shows the case, but not its transcript.
    // (the short question is shown, so staff can decide; the transcript with the Lotse's answers is not).
    expect(lookupReply.content.body).not.toContain('Lotse:');
    expect(lookupReply.content.body).toContain('nur im Fallraum');
    const close = await staffB.sendText(room, '!abschließen vernachlaessigung beraten');
    await staffB.waitFor(room, isReplyTo(close), 20_000, 'close reply');
    const closedEdit = await staffA.waitFor(queueRoom, (e) => e.content['m.relates_to']?.event_id === notice.event_id && /abgeschlossen/.test(e.content['m.new_content']?.body ?? ''), 20_000, 'closed edit');
    const closedNotice = await staffB.waitFor(room, (e) => e.sender === botId && /ist abgeschlossen\. Nachrichten/.test(e.content.body ?? ''), 20_000, 'closed notice');
    const edits = (await staffA.messages(queueRoom)).filter((e) => e.content['m.relates_to']?.rel_type === 'm.replace' && e.content['m.relates_to'].event_id === notice.event_id);
    expect(edits.map((e) => e.event_id)).toContain(closedEdit.event_id);
    expect(await admin.members(room)).toEqual(expect.arrayContaining([botId, staffB.userId]));

    // After the (shortened) retention period the bot clears the case on its own schedule.
    await waitUntil(async () => isRedacted(await admin.event(queueRoom, notice.event_id)), 20_000, 'notice redacted');
    await waitUntil(async () => !(await admin.members(room)).includes(botId), 20_000, 'bot left the case room');

    // Queue room: the notice, every edit of it and the reply naming the case are gone …
    for (const id of [notice.event_id, ...edits.map((e) => e.event_id), lookupReply.event_id]) expect(isRedacted(await admin.event(queueRoom, id)), id).toBe(true);
    // … the open case, the staff's own words and the bot's help are not.
    expect((await admin.event(queueRoom, otherNotice.event_id))?.content.body).toContain(otherNumber);
    expect((await admin.event(queueRoom, chat))?.content.body).toBe('Guten Morgen zusammen');
    expect((await admin.event(queueRoom, lookup))?.content.body).toBe(`!fall ${number}`);
    expect((await admin.event(queueRoom, helpReply.event_id))?.content.body).toContain('Befehle');

    // Case room: transcript, relay, closing notice and the staff member's words are redacted;
    // the history is hidden from anyone joining later; the staff member was removed.
    for (const id of [transcript.event_id, relayed.event_id, closedNotice.event_id, staffWords]) expect(isRedacted(await admin.event(room, id)), id).toBe(true);
    // (Synapse drops a room's current state once no local member is left, so read the timeline.)
    const timeline = await admin.messages(room);
    const lastState = (type: string, key = '') => timeline.filter((e) => e.type === type && e.state_key === key).at(-1);
    expect(lastState('m.room.history_visibility')?.content).toEqual({ history_visibility: 'joined' });
    expect(lastState('m.room.join_rules')?.content).toEqual({ join_rule: 'invite' });
    const kicked = lastState('m.room.member', staffB.userId)!;
    expect([kicked.content.membership, kicked.sender]).toEqual(['leave', botId]);
    expect(lastState('m.room.member', botId)?.content.membership).toBe('leave');
    expect(await admin.members(room)).toEqual([]);
    // The bot forgot the case; the open one it still knows.
    const known = Object.values(bot.state.data.cases).map((c) => c.number);
    expect(known, JSON.stringify(known)).not.toContain(number);
    expect(known, JSON.stringify(known)).toContain(otherNumber);
    expect(bot.state.data.caseRooms[room]).toBeUndefined();

    // A later run finds nothing more to do.
    expect((await bot.runRetention()).cases).toBe(0);
    await bot.stop();
  });
});
