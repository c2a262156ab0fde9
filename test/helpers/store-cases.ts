// The Store contract as one set of cases for every SqlDriver: node:sqlite (test/store) and
// Cloudflare D1 on workerd (test/workers/d1-store.test.ts). `open` returns an empty, migrated store.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SqlStore } from '../../src/store/sql-store.ts';
import type { MessageRecord } from '../../src/store/types.ts';

const DAY = 24 * 3600 * 1000;

const conversation = (id: string, at: number) => ({
  id, tokenHash: 'h', channel: 'web', role: null, region: null, context: {}, privacyNoticeShown: false, createdAt: at, lastActivityAt: at,
});
const message = (id: string, conversationId: string, clientId: string | null = null): MessageRecord => ({
  id, conversationId, author: 'user', text: 'Frage', reply: null, clientId, replyTo: null, createdAt: 1,
});

export function storeCases(open: () => Promise<SqlStore>, close: (store: SqlStore) => Promise<void> = async (s) => s.db.close?.()): void {
  let store: SqlStore;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await close(store);
  });

  describe('SqlStore contract', () => {
    it('round-trips a conversation with its context', async () => {
      await store.createConversation({ ...conversation('c1', 7), role: 'kita', context: { lastQuery: 'Jugendamt', n: 2 }, privacyNoticeShown: true });
      expect(await store.getConversation('c1')).toEqual({ ...conversation('c1', 7), role: 'kita', context: { lastQuery: 'Jugendamt', n: 2 }, privacyNoticeShown: true });
      expect(await store.getConversation('missing')).toBeUndefined();
    });

    it('stores an exchange atomically: a duplicate clientId leaves nothing behind', async () => {
      await store.createConversation(conversation('c1', 1));
      const event = { conversationId: 'c1', caseId: null, type: 'message', payload: { x: 1 } };
      await store.saveExchange({ conversationId: 'c1', now: 5, messages: [message('m1', 'c1', 'k1')], events: [event], conversation: { region: 'schwerin' } });
      await expect(store.saveExchange({ conversationId: 'c1', now: 6, messages: [message('m2', 'c1', 'k1')], events: [event], conversation: { region: 'rostock' } })).rejects.toThrow();
      // The failing statement comes after one that succeeds: that one must be rolled back too.
      await expect(store.saveExchange({ conversationId: 'c1', now: 7, messages: [message('m3', 'c1', 'k3'), message('m4', 'c1', 'k1')], events: [event] })).rejects.toThrow();
      expect((await store.listMessages('c1')).map((m) => m.id)).toEqual(['m1']);
      expect(await store.listEvents('c1', 0)).toHaveLength(1);
      expect(await store.latestEventId('c1')).toBeGreaterThan(0);
      expect((await store.getConversation('c1'))?.region).toBe('schwerin');
      expect((await store.findMessageByClientId('c1', 'k1'))?.id).toBe('m1');
    });

    it('lists events after a cursor in order', async () => {
      await store.createConversation(conversation('c1', 1));
      for (const n of [1, 2, 3]) {
        await store.saveExchange({ conversationId: 'c1', now: n, messages: [], events: [{ conversationId: 'c1', caseId: null, type: 'message', payload: { n } }] });
      }
      const all = await store.listEvents('c1', 0);
      expect(all.map((e) => (e.payload as { n: number }).n)).toEqual([1, 2, 3]);
      expect((await store.listEvents('c1', all[0].id)).map((e) => (e.payload as { n: number }).n)).toEqual([2, 3]);
      expect(await store.listEvents('c1', 0, 1)).toHaveLength(1);
    });

    it('reports a second rating of the same message as a duplicate instead of failing', async () => {
      await store.createConversation(conversation('c1', 1));
      await store.saveExchange({ conversationId: 'c1', now: 2, messages: [message('m1', 'c1')], events: [] });
      const rating = { id: 'f1', conversationId: 'c1', messageId: 'm1', rating: 'up' as const, comment: null, createdAt: 3 };
      expect(await store.saveFeedback(rating)).toBe(true);
      expect(await store.saveFeedback({ ...rating, id: 'f2', rating: 'down' })).toBe(false);
    });

    it('changes a rating and adds its comment later, keeping the comment when none is given', async () => {
      await store.createConversation(conversation('c1', 1));
      await store.saveExchange({ conversationId: 'c1', now: 2, messages: [message('m1', 'c1')], events: [] });
      expect(await store.updateFeedback('c1', 'm1', 'down', null)).toBe(false);
      await store.saveFeedback({ id: 'f1', conversationId: 'c1', messageId: 'm1', rating: 'up', comment: null, createdAt: 3 });
      expect(await store.updateFeedback('c1', 'm1', 'down', 'zu allgemein')).toBe(true);
      expect(await store.updateFeedback('c1', 'm1', 'down', null)).toBe(true);
      expect(await store.updateFeedback('other', 'm1', 'up', null)).toBe(false);
      const rows = await store.db.all<{ rating: string; comment: string | null }>('SELECT rating, comment FROM feedback');
      expect(rows).toEqual([{ rating: 'down', comment: 'zu allgemein' }]);
    });

    it('purges idle conversations with everything attached and keeps recent ones', async () => {
      const now = 100 * DAY;
      await store.createConversation(conversation('old', now - 31 * DAY));
      await store.createConversation(conversation('new', now - 29 * DAY));
      for (const id of ['old', 'new']) {
        await store.saveExchange({ conversationId: id, now: now - (id === 'old' ? 31 : 29) * DAY, messages: [message(`m-${id}`, id)], events: [{ conversationId: id, caseId: null, type: 'message', payload: {} }] });
        await store.saveFeedback({ id: `f-${id}`, conversationId: id, messageId: `m-${id}`, rating: 'up', comment: null, createdAt: 1 });
      }
      const counts = await store.purge({ conversationMs: 30 * DAY }, now);
      expect(counts).toEqual({ conversations: 1, messages: 1, events: 1, feedback: 1 });
      expect(await store.getConversation('old')).toBeUndefined();
      expect(await store.getConversation('new')).toBeDefined();
      expect(await store.listMessages('new')).toHaveLength(1);
    });

    it('purges in several short transactions when more is due than one may delete, and keeps recent ones', async () => {
      const now = 100 * DAY;
      for (const id of ['a', 'b', 'c', 'd', 'e', 'recent']) {
        const at = id === 'recent' ? now - DAY : now - 40 * DAY;
        await store.createConversation(conversation(id, at));
        for (const n of [1, 2, 3]) {
          await store.saveExchange({ conversationId: id, now: at, messages: [message(`m-${id}-${n}`, id)], events: [{ conversationId: id, caseId: null, type: 'message', payload: { n } }] });
          await store.saveFeedback({ id: `f-${id}-${n}`, conversationId: id, messageId: `m-${id}-${n}`, rating: 'up', comment: null, createdAt: 1 });
        }
      }
      const transactions: number[] = [];
      const batch = store.db.batch.bind(store.db);
      store.db.batch = async (statements) => {
        const results = await batch(statements);
        transactions.push(results.reduce((sum, r) => sum + r.changes, 0));
        return results;
      };
      const counts = await store.purge({ conversationMs: 30 * DAY }, now, { batchRows: 2 });
      store.db.batch = batch;
      expect(counts).toEqual({ conversations: 5, messages: 15, events: 15, feedback: 15 });
      // At most 2 rows per table and statement, so no transaction deletes more than 8 rows.
      expect(transactions.length).toBeGreaterThanOrEqual(8);
      expect(Math.max(...transactions)).toBeLessThanOrEqual(8);
      expect(await store.getConversation('recent')).toBeDefined();
      expect(await store.listMessages('recent')).toHaveLength(3);
      expect(await store.db.first<{ n: number }>('SELECT COUNT(*) AS n FROM feedback')).toEqual({ n: 3 });
    });

    it('writes each piece of an exchange once: events refer to their message, the reply keeps no copy of the text', async () => {
      await store.createConversation(conversation('c1', 1));
      const answer = 'Sprechen Sie zuerst mit Ihrer Leitung. '.repeat(20);
      const reply = { text: answer, sources: [{ id: 'a' }], kind: 'answer' };
      const assistant: MessageRecord = { ...message('a1', 'c1'), author: 'assistant', text: answer, reply, replyTo: 'u1', createdAt: 2 };
      await store.saveExchange({
        conversationId: 'c1', now: 5, messages: [message('u1', 'c1', 'k1'), assistant],
        events: ['u1', 'a1'].map((id) => ({ conversationId: 'c1', caseId: null, type: 'message', messageId: id, payload: {} })),
      });
      // An event written before references existed still reads as it was stored.
      await store.db.run("INSERT INTO events (conversation_id, case_id, type, payload, created_at) VALUES ('c1', NULL, 'message', '{\"id\":\"old\",\"text\":\"alt\"}', 6)", []);
      const events = await store.listEvents('c1', 0);
      expect(events.map((e) => e.payload)).toEqual([
        { id: 'u1', author: 'user', text: 'Frage', createdAt: new Date(1).toISOString() },
        { id: 'a1', author: 'assistant', text: answer, reply, createdAt: new Date(2).toISOString() },
        { id: 'old', text: 'alt' },
      ]);
      expect((await store.findReplyTo('u1'))?.reply).toEqual(reply);
      const stored = await store.db.all<{ n: number }>(
        `SELECT (SELECT COUNT(*) FROM messages WHERE instr(text, ?) > 0 OR instr(COALESCE(reply, ''), ?) > 0)
              + (SELECT COUNT(*) FROM events WHERE instr(payload, ?) > 0) AS n`, [answer, answer, answer],
      );
      expect(stored[0]!.n).toBe(1);
    });

    it('deletes conversations that never got a message after the short period, and nothing else', async () => {
      const now = 100 * DAY;
      const HOUR = 3600 * 1000;
      await store.createConversation(conversation('empty-old', now - 2 * HOUR));
      await store.createConversation(conversation('empty-new', now - HOUR / 2));
      await store.createConversation(conversation('used', now - 2 * HOUR));
      await store.saveExchange({ conversationId: 'used', now: now - 2 * HOUR, messages: [message('m-used', 'used')], events: [] });
      await store.createConversation(conversation('with-case', now - 2 * HOUR));
      await store.db.run(
        `INSERT INTO cases (id, number, conversation_id, status, urgency, consent_at, created_at, closed_at, write_token, updated_at)
         VALUES ('0009', 'KS-2026-0009', 'with-case', 'open', 'normal', 1, 1, NULL, 't', 1)`, []);
      const counts = await store.purge({ conversationMs: 30 * DAY, caseMs: 90 * DAY, emptyConversationMs: HOUR }, now);
      expect(counts.conversations).toBe(1);
      expect(await store.getConversation('empty-old')).toBeUndefined();
      for (const id of ['empty-new', 'used', 'with-case']) expect(await store.getConversation(id), id).toBeDefined();
    });

    it('keeps an idle conversation while its case exists, and deletes both once the closed case is past its period', async () => {
      const now = 400 * DAY;
      const insertCase = (id: string, conversationId: string, status: string, closedAt: number | null) => store.db.run(
        `INSERT INTO cases (id, number, conversation_id, status, urgency, consent_at, created_at, closed_at, write_token, updated_at)
         VALUES (?, ?, ?, ?, 'normal', 1, 1, ?, 't', 1)`, [id, `KS-2026-${id}`, conversationId, status, closedAt]);
      for (const id of ['open-case', 'recent-close', 'old-close']) await store.createConversation(conversation(id, now - 200 * DAY));
      await insertCase('0001', 'open-case', 'claimed', null);
      await insertCase('0002', 'recent-close', 'closed', now - 10 * DAY);
      await insertCase('0003', 'old-close', 'closed', now - 91 * DAY);
      const counts = await store.purge({ conversationMs: 30 * DAY, caseMs: 90 * DAY }, now);
      expect(counts.cases).toBe(1);
      expect(counts.conversations).toBe(1);
      expect(await store.getConversation('old-close')).toBeUndefined();
      expect(await store.getConversation('open-case')).toBeDefined();
      expect(await store.getConversation('recent-close')).toBeDefined();
      expect((await store.db.all<{ id: string }>('SELECT id FROM cases ORDER BY id')).map((r) => r.id)).toEqual(['0001', '0002']);
    });
  });
}
