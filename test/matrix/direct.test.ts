// A professional talks to the Lotse in a Matrix direct chat on a real Synapse: answers from the
// same API as the web chat (names never stored or relayed), 👍/👎 as answer feedback, "mit einer
// Fachkraft sprechen" + "ja" as the escalation with consent, then the live case with a staff
// member, the close, the 👍 rating of the help — and, after the retention period, the case's
// posts in the direct chat are redacted while the Lotse's answers stay.
import { describe, expect, inject, it } from 'vitest';
import { TEST_STAFF_TOKEN } from './helpers/bot.ts';
import { matrixSuite } from './helpers/suite.ts';
import { isRedacted, isReplyTo, SynapseAdmin, waitUntil, type TestEvent } from './helpers/matrix-client.ts';

const synapse = inject('synapse');
// Anna appears to professionals under her configured first name only.
const m = matrixSuite({ queueRoom: 'Warteschlange (Direktchat)', members: [], botEnv: { MATRIX_STAFF_ALIASES: `${synapse.users.staffA.userId}=Anna` } });
const { staffA, professional, botId } = m;
const admin = new SynapseAdmin(synapse.baseUrl, synapse.users.admin);

const fromBot = (pattern: RegExp) => (e: TestEvent) => e.sender === botId && e.type === 'm.room.message' && pattern.test(String(e.content.body ?? ''));

async function staffApi(path: string): Promise<any> {
  const res = await m.service.lotse.app.fetch(new Request(`http://x${path}`, { headers: { authorization: `Bearer ${TEST_STAFF_TOKEN}` } }));
  return res.json();
}

describe('direct chat with the bot', () => {
  it('answers, takes 👍/👎, hands over with consent, relays both ways, closes and takes a rating', async () => {
    const dm = await professional.createRoom({ invite: [botId], isDirect: true });
    await professional.waitFor(dm, fromBot(/Kinderschutz-Lotse/), 20_000, 'welcome');

    // A question with a child's name: answered; the service keeps only the redacted text.
    const question = await professional.sendText(dm, 'Ich mache mir Sorgen um Lena Musterfrau aus meiner Gruppe, sie hat oft blaue Flecken. Was soll ich tun?');
    const answer = await professional.waitFor(dm, isReplyTo(question), 30_000, 'Lotse answer');
    expect(answer.sender).toBe(botId);
    expect(answer.content.body.length).toBeGreaterThan(80);
    const stored = await m.service.store.db.all<{ text: string }>("SELECT text FROM messages WHERE author = 'user'");
    expect(stored.map((m) => m.text).join(' ')).toContain('[Name]');
    expect(JSON.stringify(stored) + JSON.stringify(m.bot.state.data)).not.toContain('Musterfrau');

    // 👎 on the answer is the web chat's answer feedback: stored, and the question shows up as a gap.
    const down = await professional.react(dm, answer.event_id, '👎');
    const thanks = await professional.waitFor(dm, isReplyTo(down), 20_000, 'feedback thanks');
    expect(thanks.content.body).toContain('!person');
    const feedback = await m.service.store.db.all<{ rating: string; message_id: string }>('SELECT rating, message_id FROM feedback');
    expect(feedback).toHaveLength(1);
    expect(feedback[0].rating).toBe('down');
    const gaps = await staffApi('/api/staff/reports/gaps');
    expect(JSON.stringify(gaps)).toContain('👎');
    expect(JSON.stringify(gaps)).not.toContain('Musterfrau');

    // "!person" asks for consent; "nein" keeps everything with the Lotse.
    const cmd = await professional.sendText(dm, '!person');
    expect((await professional.waitFor(dm, isReplyTo(cmd), 20_000, 'consent question')).content.body).toContain('Einverstanden?');
    const no = await professional.sendText(dm, 'nein');
    expect((await professional.waitFor(dm, isReplyTo(no), 20_000, 'no handover')).content.body).toContain('Ohne Ihr Einverständnis');
    expect((await staffApi('/api/staff/cases?status=open')).cases).toHaveLength(0);

    // A German phrase the Lotse recognises, then "ja": the case opens like one from the web chat.
    const wish = await professional.sendText(dm, 'Ich möchte bitte mit einer Fachkraft sprechen.');
    expect((await professional.waitFor(dm, isReplyTo(wish), 20_000, 'handover offer')).content.body).toContain('Einverstanden?');
    await professional.sendText(dm, 'Ja, bitte.');
    const opened = await professional.waitFor(dm, fromBot(/Ihre Anfrage KS-\d{4}-\d{4} ist bei der Kontaktstelle/), 20_000, 'case opened in DM');
    const number = opened.content.body.match(/KS-\d{4}-\d{4}/)![0];
    expect(opened.content.body).toMatch(/110 oder 112/);
    const notice = await staffA.waitFor(m.queueRoom, fromBot(new RegExp(`^Fall ${number}`)), 20_000, 'queue notice');
    expect(notice.content.body).not.toContain('Musterfrau');
    const detail = (await staffApi(`/api/staff/cases/${number}`)).case;
    expect(detail.channel).toBe('matrix');

    // Staff claim: the professional is told who is there; the transcript in the room is redacted.
    const claim = await staffA.sendText(m.queueRoom, `!übernehmen ${number}`);
    await staffA.waitFor(m.queueRoom, isReplyTo(claim), 20_000, 'claim reply');
    await professional.waitFor(dm, fromBot(/^Anna von der Kontaktstelle Kinderschutz ist jetzt für Sie da/), 20_000, 'claimed in DM');
    const room = await waitUntil(() => staffA.inviteNamed(`Fall ${number}`), 20_000, 'case room invite');
    await staffA.join(room);
    const transcript = await staffA.waitFor(room, fromBot(/Bisheriger Verlauf/), 20_000, 'transcript');
    expect(transcript.content.body).toContain('[Name]');
    expect(transcript.content.body).not.toContain('Musterfrau');

    // Both ways: staff → DM, DM → case room (the Lotse stays silent meanwhile).
    await staffA.sendText(room, 'Guten Tag, hier ist Anna. Wie alt ist das Kind?');
    const staffInDm = await professional.waitFor(dm, fromBot(/^Anna: Guten Tag, hier ist Anna/), 20_000, 'staff message in DM');
    const reply = await professional.sendText(dm, 'Das Kind ist vier. Die Mutter heißt Petra Musterfrau.');
    const relayed = await staffA.waitFor(room, fromBot(/Das Kind ist vier/), 20_000, 'relayed into case room');
    expect(relayed.content.body).not.toContain('Petra');
    expect((await professional.messages(dm)).filter(isReplyTo(reply))).toHaveLength(0);

    // Close: the professional is told and asked for a rating; 👍 on it is the case rating.
    const close = await staffA.sendText(room, '!abschließen einschaetzung beraten');
    await staffA.waitFor(room, isReplyTo(close), 20_000, 'close reply');
    const closing = await professional.waitFor(dm, fromBot(/Kontaktstelle hat das Gespräch beendet/), 20_000, 'closed in DM');
    expect(closing.content.body).toContain('👍');
    const up = await professional.react(dm, closing.event_id, '👍');
    await professional.waitFor(dm, isReplyTo(up), 20_000, 'rating thanks');
    const rated = (await staffApi(`/api/staff/cases/${number}`)).case;
    expect(rated.audit.map((a: { action: string }) => a.action)).toEqual(['opened', 'claimed', 'closed', 'rated']);

    // After close the Lotse answers again.
    const again = await professional.sendText(dm, 'Was ist eine insoweit erfahrene Fachkraft?');
    const againAnswer = await professional.waitFor(dm, isReplyTo(again), 20_000, 'answer after close');

    // Retention, run as if the period were over: the case's posts in the DM go, answers stay.
    const result = await m.bot.runRetention(Date.now() + m.bot.retention.afterMs + 60_000);
    expect(result.cases).toBe(1);
    for (const id of [opened.event_id, staffInDm.event_id, closing.event_id]) expect(isRedacted(await admin.event(dm, id)), id).toBe(true);
    for (const id of [answer.event_id, againAnswer.event_id]) expect(isRedacted(await admin.event(dm, id)), id).toBe(false);
    expect((await admin.event(dm, question))?.content.body).toContain('Lena'); // the professional's own words are theirs
  });

  it('tells the professional in plain text when a direct chat is end-to-end encrypted', async () => {
    const dm = await professional.createRoom({ invite: [botId], isDirect: true, encrypted: true });
    const notice = await professional.waitFor(dm, fromBot(/verschlüsselt/), 20_000, 'encryption notice');
    expect(notice.content.body).toContain('Verschlüsselung aus');
  });
});
