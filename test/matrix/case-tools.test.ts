// Issue 13 on a real Synapse: the helpdesk tools (roster for urgent mentions, internal notes,
// canned replies, case lists, reopen, a lead taking over) and the hand-over done right (a new
// holder gets a fresh full transcript, the room says who has the case, the previous holder can no
// longer write to the asker; closing in a case room acts on that room's case).
import { describe, expect, inject, it } from 'vitest';
import { matrixSuite } from './helpers/suite.ts';
import { isReplyTo, waitUntil } from './helpers/matrix-client.ts';

// Bernd is a lead: he may take a case over from Anna.
const m = matrixSuite({ queueRoom: 'Warteschlange (Werkzeuge)', botEnv: { MATRIX_LEAD_USERS: inject('synapse').users.staffB.userId } });
const { staffA, staffB } = m;

async function newCase(text: string, body: Record<string, unknown> = { consent: true }) {
  const asker = await m.asker();
  await asker.ask(text);
  const number: string = (await asker.escalate(body)).json.case.number;
  const notice = await staffA.waitFor(m.queueRoom, m.noticeFor(number), 20_000, 'notice');
  return { asker, number, notice };
}

describe('helpdesk tools', () => {
  it('mentions only the staff on duty for an urgent case', async () => {
    expect(await m.command(staffB, m.queueRoom, '!dienst an')).toContain('Im Dienst: Bernd Probst');
    const { notice } = await newCase('Dringend: ein Kind hat Angst, nach Hause zu gehen.', { consent: true, urgency: 'urgent' });
    expect(notice.content['m.mentions'].user_ids).toEqual([staffB.userId]);
    expect(notice.content.body).toMatch(/^🔴 Dringend: Bernd Probst\n/);
    expect(await m.command(staffB, m.queueRoom, '!dienst aus')).toContain('Niemand ist für den Dienst eingetragen');
  });

  it('keeps notes internal, sends canned replies, lists cases and reopens a closed one', async () => {
    const { asker, number } = await newCase('Eine Mutter wirkt seit Wochen überfordert. Wie spreche ich sie an?');
    expect(await m.command(staffA, m.queueRoom, '!fälle')).toContain(number);
    expect(await m.command(staffA, m.queueRoom, `!übernehmen ${number}`)).toContain('übernommen');
    const room = await m.joinCaseRoom(staffA, number);
    expect(await m.command(staffA, m.queueRoom, '!fälle meine')).toContain(number);
    expect(await m.command(staffA, m.queueRoom, '!fälle suche überfordert')).toContain(number);

    expect(await m.command(staffA, room, '!notiz Mutter wirkte am Telefon sehr erschöpft')).toContain('Notiz gespeichert');
    expect(await m.command(staffA, room, '!fall')).toContain('Mutter wirkte am Telefon sehr erschöpft');

    expect(await m.command(staffA, room, '!vorlage')).toContain('begruessung:');
    expect(await m.command(staffA, room, '!vorlage neu testgruss Guten Tag aus der Kontaktstelle, ich lese mich gerade ein.')).toContain('gespeichert');
    expect(await m.command(staffA, room, '!vorlage testgruss')).toContain('an die anfragende Person gegangen');
    const canned = await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'staff', 20_000, 'canned reply on SSE');
    expect(canned.data.text).toBe('Guten Tag aus der Kontaktstelle, ich lese mich gerade ein.');
    // The note never reached the asker.
    expect(JSON.stringify(asker.sse!.events)).not.toContain('erschöpft');

    expect(await m.command(staffA, room, '!abschließen sonstiges beraten')).toContain('abgeschlossen');
    expect(await m.command(staffA, m.queueRoom, '!fälle heute')).toContain(number);
    expect(await m.command(staffB, m.queueRoom, `!wiederaufnehmen ${number}`)).toContain('wieder aufgenommen und liegt bei Ihnen');
    await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'system' && /wieder aufgenommen/.test(e.data.text), 20_000, 'asker told of reopen');
    await staffB.join(await waitUntil(async () => (await staffB.invites()).find((r) => r === room), 20_000, 'invite after reopen'));
    await staffB.waitFor(room, m.fromBot(new RegExp(`^🔁 ${number} liegt jetzt bei Bernd Probst \\(wieder aufgenommen\\)`)), 20_000, 'room says who has it');
    await asker.ask('Danke, dass Sie sich noch einmal melden.');
    await staffB.waitFor(room, m.fromBot(/Danke, dass Sie sich noch einmal melden/), 20_000, 'relay resumed');
  });
});

describe('hand-over', () => {
  it('after release and a new claim: one room, who has it, a fresh transcript with what the asker wrote meanwhile, and the old holder cannot write', async () => {
    const { asker, number } = await newCase('Ein Kind kommt oft ohne Frühstück. Was tun?');
    await m.command(staffA, m.queueRoom, `!übernehmen ${number}`);
    const room = await m.joinCaseRoom(staffA, number);
    await staffA.waitFor(room, m.fromBot(/Bisheriger Verlauf/), 20_000, 'first transcript');
    await staffA.sendText(room, '!freigeben');
    await asker.sse!.waitFor((e) => e.event === 'case' && e.data.case.status === 'open', 20_000, 'released');
    await asker.ask('Hallo? Ist noch jemand da?');
    await m.command(staffB, m.queueRoom, `!übernehmen ${number}`);
    expect(await waitUntil(async () => (await staffB.invites()).find((r) => r === room), 20_000, 'same room for the new holder')).toBe(room);
    await staffB.join(room);
    await staffB.waitFor(room, m.fromBot(new RegExp(`^🔁 ${number} liegt jetzt bei Bernd Probst \\(neu übernommen\\)`)), 20_000, 'who has it');
    const fresh = await staffB.waitFor(room, (e) => m.fromBot(/Bisheriger Verlauf/)(e) && /Ist noch jemand da/.test(e.content.body), 20_000, 'fresh transcript');
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
    await m.command(staffA, m.queueRoom, `!übernehmen ${first.number}`);
    const room = await m.joinCaseRoom(staffA, first.number);
    expect(await m.command(staffA, room, `!abschließen ${second.number} sonstiges beraten`)).toContain(`Dieser Raum gehört zu ${first.number}`);
    expect((await first.asker.history()).json.case.status).toBe('claimed');

    expect(await m.command(staffA, room, `!übergeben ${staffB.userId}`)).toContain(`${first.number} ist an Bernd Probst übergeben`);
    await staffB.join(await waitUntil(async () => (await staffB.invites()).find((r) => r === room), 20_000, 'invite for the colleague'));
    await staffB.waitFor(room, m.fromBot(new RegExp(`^🔁 ${first.number} liegt jetzt bei Bernd Probst \\(übergeben von Anna Testmann\\)`)), 20_000, 'room says who has it');
    await first.asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'system' && /Hand gewechselt/.test(e.data.text), 20_000, 'asker told');

    // Anna is no lead: she cannot take it back; Bernd (a lead) takes the second case from Anna.
    expect(await m.command(staffA, m.queueRoom, `!leitung ${first.number}`)).toContain('nur eine Leitung');
    await m.command(staffA, m.queueRoom, `!übernehmen ${second.number}`);
    expect(await m.command(staffB, m.queueRoom, `!übernehmen ${second.number}`)).toContain('Als Leitung übernehmen Sie ihn mit');
    expect(await m.command(staffB, m.queueRoom, `!leitung ${second.number}`)).toContain('als Leitung übernommen');
    const detail = await (await m.service.lotse.app.fetch(new Request(`http://x/api/staff/cases/${second.number}`, { headers: { authorization: 'Bearer staff-token-for-tests-only-0123456789' } }))).json() as any;
    expect(detail.case.staffId).toBe(staffB.userId);
    expect(detail.case.audit.map((a: { action: string }) => a.action)).toContain('taken_over');
  });
});
