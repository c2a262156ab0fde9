// A message event (SSE to the web chat, feed to the Matrix bot) stores only a reference to its
// message and what the message row does not hold (e.g. the staff member's name); the text and
// the reply are read from the message when the event is read. So each piece of an exchange is
// written once: the answer used to be stored four times (message text, reply JSON, event text,
// event reply).
import type { MessageRecord } from './types.ts';

/** The message as the public contract shows it (history and SSE). */
export function messagePayload(m: Pick<MessageRecord, 'id' | 'author' | 'text' | 'reply' | 'createdAt'> & Partial<Pick<MessageRecord, 'editedAt' | 'withdrawnAt'>>) {
  return {
    id: m.id, author: m.author, text: m.text, ...(m.reply ? { reply: m.reply } : {}), createdAt: new Date(m.createdAt).toISOString(),
    // A staff message corrected or withdrawn in Matrix: the page marks it as such.
    ...(m.editedAt ? { editedAt: new Date(m.editedAt).toISOString() } : {}),
    ...(m.withdrawnAt ? { withdrawnAt: new Date(m.withdrawnAt).toISOString() } : {}),
  };
}

/** The columns of the referenced message, selected beside the event's own. */
export const MESSAGE_COLUMNS = 'm.id AS m_id, m.author AS m_author, m.text AS m_text, m.reply AS m_reply, m.created_at AS m_created_at, m.edited_at AS m_edited_at, m.withdrawn_at AS m_withdrawn_at';
export const MESSAGE_JOIN = 'LEFT JOIN messages m ON m.id = e.message_id';

export type JoinedMessage = {
  m_id: string | null; m_author: MessageRecord['author'] | null; m_text: string | null; m_reply: string | null; m_created_at: number | null;
  m_edited_at?: number | null; m_withdrawn_at?: number | null;
};

/** The event's payload: the stored one, completed from the referenced message where there is one. */
export function eventPayload(stored: string, row: JoinedMessage): unknown {
  const own = JSON.parse(stored);
  if (row.m_id === null || row.m_author === null || row.m_text === null || row.m_created_at === null) return own;
  const message = {
    id: row.m_id, author: row.m_author, text: row.m_text, reply: readReply(row.m_reply, row.m_text), createdAt: row.m_created_at,
    editedAt: row.m_edited_at ?? null, withdrawnAt: row.m_withdrawn_at ?? null,
  };
  return { ...messagePayload(message), ...own };
}

// The reply JSON of an assistant message is stored without its text, which is the message's
// text column; reading puts it back first, where the reply had it.
export function storedReply(reply: unknown, text: string): string | null {
  if (reply === null || reply === undefined) return null;
  if (typeof reply === 'object' && (reply as { text?: unknown }).text === text) {
    const { text: _same, ...rest } = reply as Record<string, unknown>;
    return JSON.stringify(rest);
  }
  return JSON.stringify(reply);
}

export function readReply(stored: string | null, text: string): unknown {
  if (stored === null) return null;
  const reply = JSON.parse(stored);
  if (reply && typeof reply === 'object' && !Array.isArray(reply) && !('text' in reply)) return { text, ...reply };
  return reply;
}
