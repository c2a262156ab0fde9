// The case lifecycle without Synapse: the transition table alone, then the escalation service
// on an in-memory SQLite — every transition, who may take it, and what it writes.
import { describe, expect, it } from 'vitest';
import { checkTransition, TRANSITIONS, type CaseAction } from '../../src/escalation/lifecycle.ts';
import { EscalationService, isFailure } from '../../src/escalation/service.ts';
import { parseOfficeHours } from '../../src/escalation/office-hours.ts';
import type { CaseRecord, CaseStatus } from '../../src/escalation/types.ts';
import { SqlStore } from '../../src/store/sql-store.ts';
import { openSqliteStoreDriver } from '../../src/store/sqlite-driver.ts';

const DAY = 86_400_000;
const base = { id: 'c1', number: 'KS-2026-0001', status: 'open', staffId: null, closedAt: null } as unknown as CaseRecord;
const at = (status: CaseStatus, extra: Partial<CaseRecord> = {}): CaseRecord => ({ ...base, status, ...extra });
const opts = { now: 100 * DAY, retentionMs: 90 * DAY };

describe('the lifecycle table', () => {
  // [action, case, actor, target?] → expected outcome
  const table: Array<[CaseAction, CaseRecord, { staffId: string; lead?: boolean }, string | undefined, string]> = [
    ['claim', at('open'), { staffId: '@a' }, undefined, 'claimed'],
    ['claim', at('claimed', { staffId: '@a' }), { staffId: '@a' }, undefined, 'claimed (unchanged)'],
    ['claim', at('claimed', { staffId: '@a' }), { staffId: '@b' }, undefined, 'already_claimed'],
    ['claim', at('closed'), { staffId: '@a' }, undefined, 'closed'],
    ['release', at('claimed', { staffId: '@a' }), { staffId: '@a' }, undefined, 'open'],
    ['release', at('claimed', { staffId: '@a' }), { staffId: '@b' }, undefined, 'not_holder'],
    ['release', at('open'), { staffId: '@a' }, undefined, 'not_claimed'],
    ['transfer', at('claimed', { staffId: '@a' }), { staffId: '@a' }, '@b', 'claimed'],
    ['transfer', at('claimed', { staffId: '@a' }), { staffId: '@b' }, '@c', 'not_holder'],
    ['transfer', at('claimed', { staffId: '@a' }), { staffId: '@a' }, '@a', 'same_holder'],
    ['transfer', at('open'), { staffId: '@a' }, '@b', 'not_claimed'],
    ['take_over', at('claimed', { staffId: '@a' }), { staffId: '@lead', lead: true }, '@lead', 'claimed'],
    ['take_over', at('claimed', { staffId: '@a' }), { staffId: '@b' }, '@b', 'not_lead'],
    ['close', at('open'), { staffId: '@b' }, undefined, 'closed'],
    ['close', at('claimed', { staffId: '@a' }), { staffId: '@a' }, undefined, 'closed'],
    ['close', at('claimed', { staffId: '@a' }), { staffId: '@b' }, undefined, 'not_holder'],
    ['close', at('closed'), { staffId: '@a' }, undefined, 'closed'],
    ['reopen', at('closed', { closedAt: 95 * DAY }), { staffId: '@b' }, undefined, 'claimed'],
    ['reopen', at('closed', { closedAt: 5 * DAY }), { staffId: '@b' }, undefined, 'expired'],
    ['reopen', at('claimed', { staffId: '@a' }), { staffId: '@b' }, undefined, 'not_closed'],
  ];
  it.each(table)('%s on a %o case by %o → %s', (action, c, actor, target, expected) => {
    const result = checkTransition(c, action, actor, { ...opts, target });
    expect(result.ok ? `${result.to}${result.unchanged ? ' (unchanged)' : ''}` : result.error).toBe(expected);
  });
  it('names every action once, with the states it starts from', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual(['claim', 'close', 'release', 'reopen', 'take_over', 'transfer']);
    for (const rule of Object.values(TRANSITIONS)) expect(rule.from.length).toBeGreaterThan(0);
  });
});

describe('the escalation service on SQLite', () => {
  async function setup(options: { start?: string; hours?: string } = {}) {
    let now = Date.parse(options.start ?? '2026-12-02T09:00:00Z');
    const db = openSqliteStoreDriver(':memory:');
    const store = new SqlStore(db);
    const conversationId = 'conv-1';
    await store.createConversation({ id: conversationId, tokenHash: 'x', channel: 'web', role: 'kita', region: 'schwerin', context: {}, privacyNoticeShown: false, createdAt: now, lastActivityAt: now });
    const service = new EscalationService({
      db, live: { notify: () => {} }, now: () => now,
      officeHours: parseOfficeHours(options.hours ?? 'Mo-So 00:00-24:00', 'Europe/Berlin', [], false),
      settings: { retentionCaseMs: 90 * DAY, remindAcuteMinutes: 2 },
      labels: { role: (id) => (id === 'kita' ? 'Kita oder Kindertagespflege' : undefined), region: () => undefined, topic: () => undefined },
    });
    const opened = await service.escalate(conversationId, { consent: true, role: 'kita' });
    const feed = async () => (await service.cases.feed(0, 500)).map((e) => e.type);
    return { service, db, id: opened.case.id, conversationId, feed, advance: (ms: number) => (now += ms) };
  }
  const anna = { staffId: '@anna:x', staffName: 'Anna Krüger', staffAlias: 'Anna' };
  const ben = { staffId: '@ben:x', staffName: 'Ben Hoffmann' };

  it('claims, hands over, lets a lead take over, closes and reopens — each with its feed event and audit entry', async () => {
    const { service, id, feed } = await setup();
    const claimed = await service.claim(id, anna);
    expect(isFailure(claimed) ? claimed.error : claimed.status).toBe('claimed');
    expect(isFailure(await service.claim(id, ben))).toBe(true);
    const moved = await service.transfer(id, { staffId: anna.staffId }, { staffId: ben.staffId, staffName: ben.staffName });
    expect(isFailure(moved) ? moved.error : moved.staffId).toBe(ben.staffId);
    // Anna no longer holds it: she can neither write to the asker nor close it.
    expect(await service.staffMessage(id, { ...anna, text: 'Noch eine Frage', clientId: 'm1' })).toMatchObject({ error: 'not_holder' });
    expect(await service.close(id, { staffId: anna.staffId })).toMatchObject({ error: 'not_holder' });
    expect(await service.transfer(id, { staffId: '@lead:x' }, { staffId: '@lead:x', staffName: 'Leitung' })).toMatchObject({ error: 'not_lead' });
    const lead = await service.transfer(id, { staffId: '@lead:x', lead: true }, { staffId: '@lead:x', staffName: 'Lea Leitung' });
    expect(isFailure(lead) ? lead.error : lead.staffName).toBe('Lea Leitung');
    const closed = await service.close(id, { staffId: '@lead:x', topic: 'verfahren', outcome: 'beraten' });
    expect(isFailure(closed) ? closed.error : closed.status).toBe('closed');
    const reopened = await service.reopen(id, anna);
    expect(isFailure(reopened) ? reopened.error : [reopened.status, reopened.staffId, reopened.closedAt]).toEqual(['claimed', anna.staffId, null]);
    expect(await feed()).toEqual(['case.opened', 'message', 'case.claimed', 'message', 'case.transferred', 'message', 'case.transferred', 'message', 'case.closed', 'message', 'case.reopened', 'message']);
    expect((await service.cases.audit(id)).map((a) => a.action)).toEqual(['opened', 'claimed', 'transferred', 'taken_over', 'closed', 'reopened']);
  });

  it('tells the asker only the alias, and stores the case summary in German words', async () => {
    const { service, id, db, conversationId } = await setup();
    await service.claim(id, anna);
    const sent = await service.staffMessage(id, { ...anna, text: 'Guten Tag', clientId: 'm1' });
    expect(isFailure(sent)).toBe(false);
    // A message event refers to its message row (written once); what the asker receives is both.
    const rows = await db.all<{ payload: string; text: string | null }>('SELECT e.payload, m.text FROM events e LEFT JOIN messages m ON m.id = e.message_id WHERE e.conversation_id = ?', [conversationId]);
    const payloads = rows.map((r) => `${r.payload} ${r.text ?? ''}`).join('\n');
    expect(payloads).toContain('Anna von der Kontaktstelle Kinderschutz ist jetzt für Sie da');
    expect(payloads).not.toMatch(/Krüger|@anna/);
    const c = await service.cases.get(id);
    expect(service.summary(c!).labels.role).toBe('Kita oder Kindertagespflege');
  });

  it('refuses to reopen after the retention period', async () => {
    const { service, id, advance } = await setup();
    await service.close(id, { staffId: ben.staffId });
    advance(91 * DAY);
    expect(await service.reopen(id, anna)).toMatchObject({ error: 'expired' });
  });

  it('stores the emergency block of an acute message in a claimed case and tells the queue room when the holder does not answer', async () => {
    const { service, id, conversationId, feed, advance } = await setup();
    await service.claim(id, anna);
    const relayed = await service.relayUserMessage(conversationId, 'Der Vater steht betrunken vor der Tür.', 'u1', { reply: { text: 'Rufen Sie 110.' }, text: 'Rufen Sie 110.' });
    expect(relayed?.replyId).toBeTruthy();
    expect(await service.tick()).toBe(0); // not yet: the holder has two minutes
    advance(3 * 60_000);
    expect(await service.tick()).toBe(1);
    expect(await service.tick()).toBe(0); // once
    expect((await feed()).filter((t) => t === 'case.reminder')).toHaveLength(1);
  });

  it('posts one morning digest of the cases that came in while the office was closed', async () => {
    // Wednesday 06:00 in Berlin, office from 08:00.
    const { service, feed, advance } = await setup({ start: '2026-12-02T05:00:00Z', hours: 'Mo-Fr 08:00-16:00' });
    expect(await service.tick()).toBe(0);
    advance(2 * 3_600_000 + 60_000);
    expect(await service.tick()).toBeGreaterThanOrEqual(1);
    expect(await service.tick()).toBe(0);
    const digests = (await service.cases.feed(0, 500)).filter((e) => e.type === 'staff.digest');
    expect(digests).toHaveLength(1);
    expect(JSON.parse(digests[0].payload).cases[0].number).toMatch(/^KS-2026-/);
    // Kept beyond any case's retention: no question, no contact, nothing an asker wrote.
    expect(Object.keys(JSON.parse(digests[0].payload).cases[0]).sort()).toEqual(['createdAt', 'id', 'labels', 'number', 'urgency']);
    expect(await feed()).toContain('staff.digest');
  });
});
