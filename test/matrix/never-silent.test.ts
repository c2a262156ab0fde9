// Never silent (issue 13): new cases ring, urgent ones mention the staff, edits do not ring
// again; nothing a staff member writes in a case room vanishes — unknown commands are answered
// with the closest one, `!!!` lines are relayed, edits reach the asker as corrections, redactions
// withdraw the message, attachments are refused with the reason, an over-long message says how long.
import { describe, expect, it } from 'vitest';
import { matrixSuite } from './helpers/suite.ts';
import { isReplyTo, waitUntil } from './helpers/matrix-client.ts';

const m = matrixSuite({ queueRoom: 'Warteschlange (nie stumm)' });
const { staffA, staffB, botId } = m;

async function claimedCase(text = 'Ein Kind kommt seit Tagen hungrig in die Kita. Was soll ich tun?') {
  const asker = await m.asker();
  await asker.ask(text);
  const number: string = (await asker.escalate()).json.case.number;
  const room = await m.claim(staffA, number);
  await asker.sse!.waitFor((e) => e.event === 'case' && e.data.case.status === 'claimed', 20_000, 'claimed');
  return { asker, number, room };
}

describe('new cases notify staff', () => {
  it('rings for a new case, mentions staff for an urgent one, and does not ring again for the edit', async () => {
    const normal = await m.asker();
    const urgent = await m.asker();
    const n1: string = (await normal.escalate({ consent: true })).json.case.number;
    const n2: string = (await urgent.escalate({ consent: true, urgency: 'urgent' })).json.case.number;
    const notice1 = await staffB.waitFor(m.queueRoom, m.noticeFor(n1), 20_000, 'normal notice');
    const notice2 = await staffB.waitFor(m.queueRoom, m.noticeFor(n2), 20_000, 'urgent notice');
    expect(notice1.content.msgtype).toBe('m.text');
    expect(notice2.content['m.mentions'].user_ids).toEqual(expect.arrayContaining([staffA.userId, staffB.userId]));
    expect(notice2.content.body).toMatch(/^🔴 Dringend: /);

    // Staff B's notifications, as the homeserver's push rules decide them.
    const notified = await waitUntil(async () => {
      const list = await staffB.notifications();
      return list.some((n) => n.event.event_id === notice2.event_id) && list.some((n) => n.event.event_id === notice1.event_id) ? list : undefined;
    }, 20_000, 'notifications for both notices');
    expect(notified.length).toBeGreaterThan(0);
    const highlights = await staffB.notifications(true);
    expect(highlights.map((n) => n.event.event_id)).toContain(notice2.event_id);
    expect(highlights.map((n) => n.event.event_id)).not.toContain(notice1.event_id);

    // Claiming edits the notice in place; the edit is no new notification.
    const claim = await staffA.sendText(m.queueRoom, `!übernehmen ${n1}`);
    await staffA.waitFor(m.queueRoom, isReplyTo(claim), 20_000, 'claim reply');
    const edit = await staffB.waitFor(m.queueRoom, (e) => e.content['m.relates_to']?.rel_type === 'm.replace' && e.content['m.relates_to'].event_id === notice1.event_id, 20_000, 'notice edit');
    await staffA.join(await waitUntil(() => staffA.inviteNamed(`Fall ${n1}`), 20_000, 'case room invite'));
    // A later plain message from staff A does ring: once it is listed, the edit before it would be too.
    const marker = await staffA.sendText(m.queueRoom, 'Ich schaue mir das an.');
    const after = await waitUntil(async () => {
      const list = await staffB.notifications();
      return list.some((n) => n.event.event_id === marker) ? list : undefined;
    }, 20_000, 'marker notification');
    expect(after.map((n) => n.event.event_id)).not.toContain(edit.event_id);
  });
});

describe('nothing a staff member writes vanishes', () => {
  it('answers an unknown command with the closest one and relays a line of exclamation marks', async () => {
    const { asker, room } = await claimedCase();
    const typo = await staffA.sendText(room, '!abschlissen sonstiges beraten');
    const answer = await staffA.waitFor(room, isReplyTo(typo), 20_000, 'unknown command answer');
    expect(answer.content.body).toContain('„!abschlissen“ kenne ich nicht');
    expect(answer.content.body).toContain('Meinten Sie !abschließen');
    expect(answer.content.body).toContain('ging nicht an die anfragende Person');
    const misplaced = await staffA.sendText(room, '!person');
    const here = await staffA.waitFor(room, isReplyTo(misplaced), 20_000, 'misplaced command answer');
    expect(here.content.body).toContain('geht hier nicht (nur im Direktchat)');

    await staffA.sendText(room, '!!! Wenn das Kind heute Angst hat, nach Hause zu gehen: rufen Sie bitte sofort die 110 an.');
    const relayed = await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'staff', 20_000, 'relayed !!! line');
    expect(relayed.data.text).toMatch(/^!!! Wenn das Kind/);
  });

  it('relays an edit as a correction and a redaction as a withdrawal, with a word to staff each time', async () => {
    const { asker, room } = await claimedCase();
    const wrong = await staffA.sendText(room, 'Zuständig ist das Jugendamt Rostock.');
    await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'staff' && /Rostock/.test(e.data.text), 20_000, 'first message');
    const first = await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'staff' && /Rostock/.test(e.data.text), 20_000, 'first message again');
    const edit = await staffA.edit(room, wrong, 'Zuständig ist das Jugendamt Schwerin.');
    // The correction replaces the message it corrects (same id), marked as edited.
    const corrected = await asker.sse!.waitFor((e) => e.event === 'message.corrected', 20_000, 'correction');
    expect(corrected.data).toMatchObject({ id: first.data.id, author: 'staff', text: 'Zuständig ist das Jugendamt Schwerin.' });
    expect(corrected.data.editedAt).toBeTruthy();
    await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'system' && /korrigiert/.test(e.data.text), 20_000, 'correction note');
    const told = await staffA.waitFor(room, isReplyTo(edit), 20_000, 'correction confirmed');
    expect(told.content.body).toContain('als „korrigiert“ markiert');

    const slip = await staffA.sendText(room, 'Das war für einen anderen Fall gedacht.');
    const slipped = await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'staff' && /anderen Fall/.test(e.data.text), 20_000, 'slip');
    const redaction = await staffA.redact(room, slip);
    const note = await asker.sse!.waitFor((e) => e.event === 'message' && e.data.author === 'system' && /zurückgezogen/.test(e.data.text), 20_000, 'withdrawal note');
    expect(note.data.text).toMatch(/^Die Kontaktstelle hat ihre Nachricht von \d\d:\d\d Uhr zurückgezogen/);
    await staffA.waitFor(room, isReplyTo(redaction), 20_000, 'withdrawal confirmed');
    // After a reload the withdrawn text is gone, and the corrected one is the new text.
    const history = await asker.history();
    const fixed = history.json.messages.find((m: { id: string }) => m.id === first.data.id);
    expect(fixed).toMatchObject({ text: 'Zuständig ist das Jugendamt Schwerin.', editedAt: expect.any(String) });
    expect(JSON.stringify(history.json)).not.toContain('Rostock');
    const stored = history.json.messages.find((m: { id: string }) => m.id === slipped.data.id);
    expect(stored.text).toBe('(Diese Nachricht hat die Kontaktstelle zurückgezogen.)');
    expect(stored.withdrawnAt).toBeTruthy();
    expect(JSON.stringify(history.json)).not.toContain('anderen Fall gedacht');
  });

  it('refuses an attachment with the reason and an over-long message with both numbers', async () => {
    const { asker, room } = await claimedCase();
    const image = await staffA.send(room, { msgtype: 'm.image', body: 'foto.jpg', url: 'mxc://localhost/nicht-da' });
    const refusal = await staffA.waitFor(room, isReplyTo(image), 20_000, 'attachment refusal');
    expect(refusal.content.body).toContain('Anhänge (Bilder, Dateien, Sprachnachrichten) gebe ich nicht an die anfragende Person weiter');
    const long = await staffA.sendText(room, 'x'.repeat(9000));
    const tooLong = await staffA.waitFor(room, isReplyTo(long), 20_000, 'too long');
    expect(tooLong.content.body).toContain('zu lang (9000 von höchstens 8000 Zeichen)');
    expect(tooLong.content.body).not.toContain('nicht erreichbar');
    expect(asker.sse!.events.filter((e) => e.event === 'message' && e.data.author === 'staff')).toHaveLength(0);
  });
});
