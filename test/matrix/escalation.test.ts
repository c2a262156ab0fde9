// The whole path on a real Synapse: web chat escalation → queue notice → ✋ claim → case room
// → staff message over SSE → asker reply in the room → close → asker told. The bot runs in the
// service's process and reaches it through app.fetch.
import { describe, expect, it } from 'vitest';
import { matrixSuite } from './helpers/suite.ts';
import { isReplyTo, waitUntil, type TestEvent } from './helpers/matrix-client.ts';

const m = matrixSuite({ queueRoom: 'Warteschlange (E2E)', members: ['staffB', 'outsider'], botEnv: { LOTSE_URL: 'http://lotse.internal' } });
const { staffA, staffB, outsider, botId } = m;

const noticeFor = (number: string) => (e: TestEvent) =>
  e.sender === botId && e.type === 'm.room.message' && !e.content['m.relates_to'] && String(e.content.body).startsWith(`Fall ${number}`);

describe('escalation through Matrix', () => {
  it('runs a case from the web chat to Matrix and back', async () => {
    const asker = await m.asker();
    await asker.ask('Eine Erzieherin macht sich Sorgen wegen blauer Flecken bei einem Kind. Was tun?');
    const escalated = await asker.escalate({ consent: true, urgency: 'normal', contact: '0385 0000000' });
    expect(escalated.status).toBe(202);
    const number: string = escalated.json.case.number;
    expect(number).toMatch(/^KS-\d{4}-\d{4}$/);
    await asker.sse!.waitFor((e) => e.event === 'case' && e.data.case.status === 'open', 10_000, 'case open on SSE');

    // One notice with the (redacted) question and the case in German words, never the contact.
    const notice = await staffA.waitFor(m.queueRoom, noticeFor(number), 20_000, 'queue notice');
    expect(notice.content.body).toContain('Bereich: Kita oder Kindertagespflege');
    expect(notice.content.body).toContain('Region: Landeshauptstadt Schwerin');
    expect(notice.content.body).toContain('Frage: „Eine Erzieherin macht sich Sorgen wegen blauer Flecken');
    expect(notice.content.body).toContain('Rückrufnummer: angegeben');
    expect(notice.content.body).not.toContain('0385');

    // Staff B claims with ✋; staff A is too late with the command.
    await staffB.react(m.queueRoom, notice.event_id, '✋️');
    const invite = await waitUntil(() => staffB.inviteNamed(`Fall ${number}`), 20_000, 'case room invite');
    await staffB.join(invite);
    await asker.sse!.waitFor((e) => e.event === 'case' && e.data.case.status === 'claimed' && e.data.case.staffName === undefined, 10_000, 'claimed on SSE');
    const late = await staffA.sendText(m.queueRoom, `!übernehmen ${number}`);
    const refusal = await staffA.waitFor(m.queueRoom, isReplyTo(late), 20_000, 'refusal');
    expect(refusal.content.body).toContain('hat bereits Bernd Probst übernommen');

    // The notice is edited in place to show who has it.
    const edit = await staffA.waitFor(m.queueRoom, (e) => e.content['m.relates_to']?.rel_type === 'm.replace' && e.content['m.relates_to'].event_id === notice.event_id && /übernommen/.test(e.content['m.new_content']?.body ?? ''), 20_000, 'notice edit');
    expect(edit.content['m.new_content'].body).toContain('Bernd Probst');

    // The redacted transcript is in the case room.
    const transcript = await staffB.waitFor(invite, (e) => e.sender === botId && /Bisheriger Verlauf/.test(e.content.body ?? ''), 20_000, 'transcript');
    expect(transcript.content.body).toContain('blauer Flecken');

    // Staff → web (HTML reduced to text), web → staff (escaped in formatted_body).
    await staffB.sendText(invite, 'Guten Tag, hier ist Bernd.', { format: 'org.matrix.custom.html', formatted_body: '<p>Guten Tag, <b>hier ist Bernd</b>.</p>' });
    const staffMessage = await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'staff', 20_000, 'staff message on SSE');
    expect(staffMessage.data.text).toBe('Guten Tag, hier ist Bernd.');
    // Without a configured alias the asker reads "Fachkraft der Kontaktstelle", never the Matrix name or id.
    expect(staffMessage.data.staffName).toBeUndefined();
    expect(JSON.stringify(asker.sse!.events)).not.toMatch(/Probst|@[a-z]+:localhost/);

    const answer = await asker.ask('Danke! <script>alert(1)</script> Wie gehe ich weiter vor?');
    expect(answer.status).toBe(200);
    expect(answer.json.reply.kind).toBe('relayed');
    const relayed = await staffB.waitFor(invite, (e) => e.sender === botId && /Wie gehe ich weiter vor/.test(e.content.body ?? ''), 20_000, 'asker reply in room');
    expect(relayed.content.formatted_body).toContain('&lt;script&gt;');
    expect(relayed.content.formatted_body).not.toContain('<script>');

    // Close with topic and outcome: the asker is told, the bot leaves the room.
    const close = await staffB.sendText(invite, '!abschließen verfahren jugendamt kurze Beratung');
    await staffB.waitFor(invite, isReplyTo(close), 20_000, 'close reply');
    await asker.sse!.waitFor((e) => e.event === 'case' && e.data.case.status === 'closed', 20_000, 'closed on SSE');
    await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'system' && /beendet/.test(e.data.text), 20_000, 'closing message');
    // The bot stays (to clear the room when the retention period ends) and says so; relaying has stopped.
    const closedNotice = await staffB.waitFor(invite, (e) => e.sender === botId && /ist abgeschlossen\. Nachrichten in diesem Raum gehen nicht mehr/.test(e.content.body ?? ''), 20_000, 'closed notice');
    expect(closedNotice.content.body).toContain('Nach 90 Tagen');
    const afterClose = await staffB.sendText(invite, 'Noch ein Nachtrag');
    const refused = await staffB.waitFor(invite, isReplyTo(afterClose), 20_000, 'not relayed after close');
    expect(refused.content.body).toContain('nicht weitergeleitet');
    expect((await asker.rate('up')).status).toBe(204);

    const detail = await (await m.service.lotse.app.fetch(new Request(`http://x/api/staff/cases/${number}`, { headers: { authorization: 'Bearer staff-token-for-tests-only-0123456789' } }))).json() as any;
    expect(detail.case.status).toBe('closed');
    expect(detail.case.outcome).toBe('jugendamt');
    expect(detail.case.topic).toBe('verfahren');
    expect(detail.case.audit.map((a: { action: string }) => a.action)).toEqual(['opened', 'claimed', 'closed', 'rated']);

    // After close the Lotse answers again.
    const after = await asker.ask('Was ist eine insoweit erfahrene Fachkraft?');
    expect(after.json.reply.kind).not.toBe('relayed');
  });

  it('ignores a claim by a user who is not staff', async () => {
    const asker = await m.asker();
    const number = (await asker.escalate()).json.case.number;
    const notice = await staffA.waitFor(m.queueRoom, noticeFor(number), 20_000, 'queue notice');
    await outsider.react(m.queueRoom, notice.event_id, '✋');
    const cmd = await outsider.sendText(m.queueRoom, `!übernehmen ${number}`);
    const probe = await staffA.sendText(m.queueRoom, '!offen');
    const list = await staffA.waitFor(m.queueRoom, isReplyTo(probe), 20_000, 'open list');
    expect(list.content.body).toContain(number);
    expect(list.content.body).toContain('wartet');
    expect((await staffA.messages(m.queueRoom)).filter(isReplyTo(cmd))).toHaveLength(0);
  });

  it('answers the staff commands for search, gaps and statistics', async () => {
    const search = await staffA.sendText(m.queueRoom, '!suche Gefährdungseinschätzung Jugendamt');
    const hits = await staffA.waitFor(m.queueRoom, isReplyTo(search), 20_000, 'search reply');
    expect(hits.content.body).toMatch(/1\. /);
    const gaps = await staffA.sendText(m.queueRoom, '!lücken');
    const gapsReply = await staffA.waitFor(m.queueRoom, isReplyTo(gaps), 20_000, 'gaps reply');
    expect(gapsReply.content.body).toMatch(/blauer Flecken|Fragen der letzten/);
    const editorial = await staffA.sendText(m.queueRoom, '!redaktion');
    const editorialReply = await staffA.waitFor(m.queueRoom, isReplyTo(editorial), 20_000, 'editorial reply');
    expect(editorialReply.content.body).toMatch(/^Wissensbasis: \d+ von \d+ Artikeln fachlich freigegeben\./);
    const stats = await staffA.sendText(m.queueRoom, '!statistik 7t');
    const statsReply = await staffA.waitFor(m.queueRoom, isReplyTo(stats), 20_000, 'stats reply');
    // Fewer than five cases so far: the counts are suppressed.
    expect(statsReply.content.body).toContain('Weitergaben an die Kontaktstelle: <5');
  });
});
