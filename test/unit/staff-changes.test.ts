// What staff change after sending, in the escalation service on an in-memory SQLite: a Matrix
// edit corrects the staff message in place (one note for the asker, a repeat changes nothing),
// a redaction withdraws it, and typing is short-lived state that only the holder sets.
import { describe, expect, it } from 'vitest';
import { EscalationService, isFailure, TYPING_MS } from '../../src/escalation/service.ts';
import { parseOfficeHours } from '../../src/escalation/office-hours.ts';
import { messagePayload } from '../../src/store/message-events.ts';
import { SqlStore } from '../../src/store/sql-store.ts';
import { openSqliteStoreDriver } from '../../src/store/sqlite-driver.ts';

const anna = { staffId: '@anna:x', staffName: 'Anna Krüger', staffAlias: 'Anna' };
const ben = { staffId: '@ben:x', staffName: 'Ben Hoffmann' };

async function setup() {
  let now = Date.parse('2026-12-02T09:00:00Z');
  const db = openSqliteStoreDriver(':memory:');
  const store = new SqlStore(db);
  const conversationId = 'conv-1';
  await store.createConversation({ id: conversationId, tokenHash: 'x', channel: 'web', role: 'kita', region: 'schwerin', context: {}, privacyNoticeShown: false, createdAt: now, lastActivityAt: now });
  const woken: string[] = [];
  const service = new EscalationService({
    db, live: { notify: (channel) => woken.push(channel) }, now: () => now,
    officeHours: parseOfficeHours('Mo-So 00:00-24:00', 'Europe/Berlin', [], false),
  });
  const opened = await service.escalate(conversationId, { consent: true, role: 'kita' });
  const claimed = await service.claim(opened.case.id, anna);
  if (isFailure(claimed)) throw new Error(claimed.error);
  const events = async () => (await store.listEvents(conversationId, 0)).map((e) => ({ type: e.type, payload: e.payload as Record<string, unknown> }));
  const messages = async () => (await store.listMessages(conversationId)).map(messagePayload);
  return { service, store, id: opened.case.id, conversationId, events, messages, woken, advance: (ms: number) => (now += ms) };
}

describe('a Matrix edit of a staff message', () => {
  it('replaces the stored text, marks it corrected and tells the asker once', async () => {
    const { service, id, events, messages, advance } = await setup();
    const sent = await service.staffMessage(id, { ...anna, text: 'Zuständig ist das Jugendamt Rostock.', clientId: '$m1' });
    if (isFailure(sent)) throw new Error(sent.error);
    advance(60_000);
    const first = await service.staffMessage(id, { ...anna, text: 'Zuständig ist das Jugendamt Schwerin.', clientId: '$e1', corrects: '$m1' });
    expect(first).toEqual({ messageId: sent.messageId, duplicate: false, corrected: true });
    // The same edit delivered again (a retry after a lost answer) changes nothing.
    expect(await service.staffMessage(id, { ...anna, text: 'Zuständig ist das Jugendamt Schwerin.', clientId: '$e1', corrects: '$m1' })).toMatchObject({ duplicate: true });
    advance(60_000);
    await service.staffMessage(id, { ...anna, text: 'Zuständig ist das Jugendamt Schwerin (Bereitschaft).', clientId: '$e2', corrects: '$m1' });

    const list = await messages();
    const staff = list.filter((m) => m.author === 'staff');
    expect(staff).toHaveLength(1);
    expect(staff[0]).toMatchObject({ id: sent.messageId, text: 'Zuständig ist das Jugendamt Schwerin (Bereitschaft).' });
    expect(staff[0].editedAt).toBe('2026-12-02T09:02:00.000Z');
    expect(JSON.stringify(list)).not.toContain('Rostock');
    // One note for the asker, however often the message is corrected.
    const notes = list.filter((m) => m.author === 'system' && /korrigiert/.test(m.text));
    expect(notes.map((m) => m.text)).toEqual(['Die Kontaktstelle hat ihre Nachricht von 10:00 Uhr korrigiert; oben steht jetzt die richtige Fassung.']);
    // Live: one message.corrected per edit, carrying the current text and the alias; the original event shows it too.
    const all = await events();
    const corrected = all.filter((e) => e.type === 'message.corrected');
    expect(corrected).toHaveLength(2);
    expect(corrected[1].payload).toMatchObject({ id: sent.messageId, text: 'Zuständig ist das Jugendamt Schwerin (Bereitschaft).', staffName: 'Anna' });
    expect(all.find((e) => e.type === 'message' && e.payload.id === sent.messageId)?.payload.editedAt).toBeTruthy();
  });

  it('withdraws a message on a redaction and refuses to correct it afterwards', async () => {
    const { service, id, messages, events } = await setup();
    const sent = await service.staffMessage(id, { ...anna, text: 'Das war für einen anderen Fall gedacht.', clientId: '$m1' });
    if (isFailure(sent)) throw new Error(sent.error);
    expect(await service.withdrawStaffMessage(id, '$m1')).toEqual({ messageId: sent.messageId, duplicate: false });
    expect(await service.withdrawStaffMessage(id, '$m1')).toEqual({ messageId: sent.messageId, duplicate: true });
    const edit = await service.staffMessage(id, { ...anna, text: 'Doch nicht.', clientId: '$e1', corrects: '$m1' });
    expect(isFailure(edit) && edit.message).toMatch(/schon zurückgezogen/);
    const staff = (await messages()).find((m) => m.id === sent.messageId)!;
    expect(staff.text).toBe('(Diese Nachricht hat die Kontaktstelle zurückgezogen.)');
    expect(staff.withdrawnAt).toBeTruthy();
    expect((await events()).filter((e) => e.type === 'message.withdrawn')).toHaveLength(1);
  });

  it('sends an edit of something the asker never got as a new message, and only for the holder', async () => {
    const { service, id, messages } = await setup();
    const result = await service.staffMessage(id, { ...anna, text: 'Jetzt als Text.', clientId: '$e1', corrects: '$never-sent' });
    expect(result).toMatchObject({ duplicate: false });
    expect(result).not.toHaveProperty('corrected');
    expect((await messages()).filter((m) => m.author === 'staff').map((m) => m.text)).toEqual(['Jetzt als Text.']);
    expect(await service.staffMessage(id, { ...ben, text: 'x', clientId: '$e2', corrects: '$e1' })).toMatchObject({ error: 'not_holder' });
  });
});

describe('typing of the holder', () => {
  it('is shown for at most TYPING_MS, renewed no more often than every few seconds, and ends with a message', async () => {
    const { service, id, conversationId, woken, advance } = await setup();
    woken.length = 0;
    expect(await service.typingUntil(conversationId)).toBeUndefined();
    expect(await service.staffTyping(id, anna.staffId, true)).toEqual({ typing: true });
    expect(await service.typingUntil(conversationId)).toBe(Date.parse('2026-12-02T09:00:00Z') + TYPING_MS);
    expect(woken).toEqual([conversationId]);
    // A renewal a second later is not written, nor does it wake the streams.
    advance(1000);
    await service.staffTyping(id, anna.staffId, true);
    expect(woken).toHaveLength(1);
    // Without a renewal it runs out by itself.
    advance(TYPING_MS);
    expect(await service.typingUntil(conversationId)).toBeUndefined();
    // A message from the holder ends it at once.
    await service.staffTyping(id, anna.staffId, true);
    expect(await service.typingUntil(conversationId)).toBeDefined();
    await service.staffMessage(id, { ...anna, text: 'Guten Tag!', clientId: '$m1' });
    expect(await service.typingUntil(conversationId)).toBeUndefined();
    // A stop that changes nothing wakes nobody.
    const before = woken.length;
    await service.staffTyping(id, anna.staffId, false);
    expect(woken).toHaveLength(before);
  });

  it('is refused for anyone but the holder and for a case nobody holds', async () => {
    const { service, id, conversationId } = await setup();
    expect(await service.staffTyping(id, ben.staffId, true)).toMatchObject({ error: 'not_holder' });
    await service.release(id, anna.staffId);
    expect(await service.staffTyping(id, anna.staffId, true)).toMatchObject({ error: 'not_claimed' });
    expect(await service.typingUntil(conversationId)).toBeUndefined();
  });
});
