import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SqlStore } from '../../src/store/sql-store.ts';
import { openSqliteStoreDriver } from '../../src/store/sqlite-driver.ts';
import type { MessageRecord } from '../../src/store/types.ts';

const DAY = 24 * 3600 * 1000;
let store: SqlStore;

const conversation = (id: string, at: number) => ({
  id, tokenHash: 'h', channel: 'web', role: null, region: null, context: {}, privacyNoticeShown: false, createdAt: at, lastActivityAt: at,
});
const message = (id: string, conversationId: string, clientId: string | null = null): MessageRecord => ({
  id, conversationId, author: 'user', text: 'Frage', reply: null, clientId, replyTo: null, createdAt: 1,
});

beforeEach(() => {
  store = new SqlStore(openSqliteStoreDriver(':memory:'));
});
afterEach(async () => {
  await store.db.close?.();
});

describe('SqlStore', () => {
  it('stores an exchange atomically: a duplicate clientId leaves nothing behind', async () => {
    await store.createConversation(conversation('c1', 1));
    const event = { conversationId: 'c1', caseId: null, type: 'message', payload: { x: 1 } };
    await store.saveExchange({ conversationId: 'c1', now: 5, messages: [message('m1', 'c1', 'k1')], events: [event] });
    await expect(store.saveExchange({ conversationId: 'c1', now: 6, messages: [message('m2', 'c1', 'k1')], events: [event] })).rejects.toThrow();
    expect((await store.listMessages('c1')).map((m) => m.id)).toEqual(['m1']);
    expect(await store.listEvents('c1', 0)).toHaveLength(1);
    expect(await store.latestEventId('c1')).toBeGreaterThan(0);
  });

  it('lists events after a cursor in order', async () => {
    await store.createConversation(conversation('c1', 1));
    for (const n of [1, 2, 3]) {
      await store.saveExchange({ conversationId: 'c1', now: n, messages: [], events: [{ conversationId: 'c1', caseId: null, type: 'message', payload: { n } }] });
    }
    const all = await store.listEvents('c1', 0);
    expect(all.map((e) => (e.payload as { n: number }).n)).toEqual([1, 2, 3]);
    expect((await store.listEvents('c1', all[0].id)).map((e) => (e.payload as { n: number }).n)).toEqual([2, 3]);
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
});
