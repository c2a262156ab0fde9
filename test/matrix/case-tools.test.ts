// Issue 13 on a real Synapse: the helpdesk tools (roster for urgent mentions, internal notes,
// canned replies, case lists, reopen, a lead taking over) and the hand-over done right (a new
// holder gets a fresh full transcript, the room says who has the case, the previous holder can no
// longer write to the asker; closing in a case room acts on that room's case).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MatrixBot } from '../../bots/matrix/bot.ts';
import { botEnv, startBot } from './helpers/bot.ts';
import { startService, WebAsker } from './helpers/lotse.ts';
import { isReplyTo, TestMatrixUser, waitUntil, type TestEvent } from './helpers/matrix-client.ts';

const synapse = inject('synapse');
const staffA = new TestMatrixUser(synapse.baseUrl, synapse.users.staffA);
const staffB = new TestMatrixUser(synapse.baseUrl, synapse.users.staffB);
const botId = synapse.users.bot.userId;

let service: Awaited<ReturnType<typeof startService>>;
let bot: MatrixBot;
let queueRoom: string;
const askers: WebAsker[] = [];

const noticeFor = (number: string) => (e: TestEvent) =>
  e.sender === botId && e.type === 'm.room.message' && !e.content['m.relates_to'] && String(e.content.body).includes(`Fall ${number}`);
const fromBot = (pattern: RegExp) => (e: TestEvent) => e.sender === botId && pattern.test(String(e.content.body ?? ''));

beforeAll(async () => {
  service = await startService();
  queueRoom = await staffA.createRoom({ name: 'Warteschlange (Werkzeuge)', invite: [botId, staffB.userId] });
  await staffB.join(queueRoom);
  const app = service.lotse.app;
  // Bernd is a lead: he may take a case over from Anna.
  bot = await startBot(botEnv(synapse, queueRoom, { MATRIX_LEAD_USERS: staffB.userId }), { fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))) });
});

afterAll(async () => {
  for (const a of askers) a.close();
  await bot?.stop();
  // After the bot has stopped, so that no invite of a late feed event is left for the next file.
  await Promise.all([staffA.declineInvites(), staffB.declineInvites()]);
  await service?.close();
});

/** Sends a command and returns the bot's reply to it. */
async function command(user: TestMatrixUser, room: string, text: string): Promise<string> {
  const id = await user.sendText(room, text);
  return String((await user.waitFor(room, isReplyTo(id), 20_000, `reply to ${text}`)).content.body);
}

/** Joins the case room of `number` once the bot has invited `user`. */
async function joinCaseRoom(user: TestMatrixUser, number: string): Promise<string> {
  const room = await waitUntil(() => user.inviteNamed(`Fall ${number}`), 20_000, `invite to ${number}`);
  await user.join(room);
  return room;
}

async function newCase(text: string, body: Record<string, unknown> = { consent: true }) {
  const asker = await new WebAsker(service.url).start();
  askers.push(asker);
  await asker.ask(text);
  const number: string = (await asker.escalate(body)).json.case.number;
  const notice = await staffA.waitFor(queueRoom, noticeFor(number), 20_000, 'notice');
  return { asker, number, notice };
}

describe('helpdesk tools', () => {
  it('mentions only the staff on duty for an urgent case', async () => {
    expect(await command(staffB, queueRoom, '!dienst an')).toContain('Im Dienst: Bernd Probst');
    const { notice } = await newCase('Dringend: ein Kind hat Angst, nach Hause zu gehen.', { consent: true, urgency: 'urgent' });
    expect(notice.content['m.mentions'].user_ids).toEqual([staffB.userId]);
    expect(notice.content.body).toMatch(/^🔴 Dringend: Bernd Probst\n/);
    expect(await command(staffB, queueRoom, '!dienst aus')).toContain('Niemand ist für den Dienst eingetragen');
  });

  it('keeps notes internal, sends canned replies, lists cases and reopens a closed one', async () => {
    const { asker, number } = await newCase('Eine Mutter wirkt seit Wochen überfordert. Wie spreche ich sie an?');
    expect(await command(staffA, queueRoom, '!fälle')).toContain(number);
    expect(await command(staffA, queueRoom, `!übernehmen ${number}`)).toContain('übernommen');
    const room = await joinCaseRoom(staffA, number);
    expect(await command(staffA, queueRoom, '!fälle meine')).toContain(number);
    expect(await command(staffA, queueRoom, '!fälle suche überfordert')).toContain(number);

    expect(await command(staffA, room, '!notiz Mutter wirkte am Telefon sehr erschöpft')).toContain('Notiz gespeichert');
    expect(await command(staffA, room, '!fall')).toContain('Mutter wirkte am Telefon sehr erschöpft');

    expect(await command(staffA, room, '!vorlage')).toContain('begruessung:');
    expect(await command(staffA, room, '!vorlage neu testgruss Guten Tag aus der Kontaktstelle, ich lese mich gerade ein.')).toContain('gespeichert');
    expect(await command(staffA, room, '!vorlage testgruss')).toContain('an die anfragende Person gegangen');
    const canned = await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'staff', 20_000, 'canned reply on SSE');
    expect(canned.data.text).toBe('Guten Tag aus der Kontaktstelle, ich lese mich gerade ein.');
    // The note never reached the asker.
    expect(JSON.stringify(asker.sse!.events)).not.toContain('erschöpft');

    expect(await command(staffA, room, '!abschließen sonstiges beraten')).toContain('abgeschlossen');
    expect(await command(staffA, queueRoom, '!fälle heute')).toContain(number);
    expect(await command(staffB, queueRoom, `!wiederaufnehmen ${number}`)).toContain('wieder aufgenommen und liegt bei Ihnen');
    await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'system' && /wieder aufgenommen/.test(e.data.text), 20_000, 'asker told of reopen');
    await staffB.join(await waitUntil(async () => (await staffB.invites()).find((r) => r === room), 20_000, 'invite after reopen'));
    await staffB.waitFor(room, fromBot(new RegExp(`^🔁 ${number} liegt jetzt bei Bernd Probst \\(wieder aufgenommen\\)`)), 20_000, 'room says who has it');
    await asker.ask('Danke, dass Sie sich noch einmal melden.');
    await staffB.waitFor(room, fromBot(/Danke, dass Sie sich noch einmal melden/), 20_000, 'relay resumed');
  });
});

describe('hand-over', () => {
  it('after release and a new claim: one room, who has it, a fresh transcript with what the asker wrote meanwhile, and the old holder cannot write', async () => {
    const { asker, number } = await newCase('Ein Kind kommt oft ohne Frühstück. Was tun?');
    await command(staffA, queueRoom, `!übernehmen ${number}`);
    const room = await joinCaseRoom(staffA, number);
    await staffA.waitFor(room, fromBot(/Bisheriger Verlauf/), 20_000, 'first transcript');
    await staffA.sendText(room, '!freigeben');
    await asker.sse!.waitFor((e) => e.event === 'case' && e.data.case.status === 'open', 20_000, 'released');
    await asker.ask('Hallo? Ist noch jemand da?');
    await command(staffB, queueRoom, `!übernehmen ${number}`);
    expect(await waitUntil(async () => (await staffB.invites()).find((r) => r === room), 20_000, 'same room for the new holder')).toBe(room);
    await staffB.join(room);
    await staffB.waitFor(room, fromBot(new RegExp(`^🔁 ${number} liegt jetzt bei Bernd Probst \\(neu übernommen\\)`)), 20_000, 'who has it');
    const fresh = await staffB.waitFor(room, (e) => fromBot(/Bisheriger Verlauf/)(e) && /Ist noch jemand da/.test(e.content.body), 20_000, 'fresh transcript');
    expect(fresh.content.body).toContain('Ein Kind kommt oft ohne Frühstück');

    const late = await staffA.sendText(room, 'Ich bin noch da!');
    expect(String((await staffA.waitFor(room, isReplyTo(late), 20_000, 'refusal')).content.body)).toContain('liegt bei Bernd Probst');
    await staffB.sendText(room, 'Guten Tag, ich übernehme jetzt.');
    const staffMessages = async () => (await asker.history()).json.messages.filter((m: { author: string }) => m.author === 'staff').map((m: { text: string }) => m.text);
    await waitUntil(async () => (await staffMessages()).includes('Guten Tag, ich übernehme jetzt.'), 20_000, 'new holder reaches the asker');
    expect(await staffMessages()).not.toContain('Ich bin noch da!');
  });

  it('hands a case to a colleague, lets a lead take it over, and closes only this room\'s case', async () => {
    const first = await newCase('Frage eins zur Schweigepflicht.');
    const second = await newCase('Frage zwei zum Vorgehen.');
    await command(staffA, queueRoom, `!übernehmen ${first.number}`);
    const room = await joinCaseRoom(staffA, first.number);
    expect(await command(staffA, room, `!abschließen ${second.number} sonstiges beraten`)).toContain(`Dieser Raum gehört zu ${first.number}`);
    expect((await first.asker.history()).json.case.status).toBe('claimed');

    expect(await command(staffA, room, `!übergeben ${staffB.userId}`)).toContain(`${first.number} ist an Bernd Probst übergeben`);
    await staffB.join(await waitUntil(async () => (await staffB.invites()).find((r) => r === room), 20_000, 'invite for the colleague'));
    await staffB.waitFor(room, fromBot(new RegExp(`^🔁 ${first.number} liegt jetzt bei Bernd Probst \\(übergeben von Anna Testmann\\)`)), 20_000, 'room says who has it');
    await first.asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'system' && /Hand gewechselt/.test(e.data.text), 20_000, 'asker told');

    // Anna is no lead: she cannot take it back; Bernd (a lead) takes the second case from Anna.
    expect(await command(staffA, queueRoom, `!leitung ${first.number}`)).toContain('nur eine Leitung');
    await command(staffA, queueRoom, `!übernehmen ${second.number}`);
    expect(await command(staffB, queueRoom, `!übernehmen ${second.number}`)).toContain('Als Leitung übernehmen Sie ihn mit');
    expect(await command(staffB, queueRoom, `!leitung ${second.number}`)).toContain('als Leitung übernommen');
    const detail = await (await service.lotse.app.fetch(new Request(`http://x/api/staff/cases/${second.number}`, { headers: { authorization: 'Bearer staff-token-for-tests-only-0123456789' } }))).json() as any;
    expect(detail.case.staffId).toBe(staffB.userId);
    expect(detail.case.audit.map((a: { action: string }) => a.action)).toContain('taken_over');
  });
});
