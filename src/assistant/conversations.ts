import type { ConversationRecord, MessageRecord, Store } from '../store/types.ts';
import { messagePayload } from '../store/message-events.ts';
import { cleanInput } from './text.ts';
import { hashToken, newId, newToken, rememberToken, safeEqual, tokenShaped } from './ids.ts';
import type { LiveEvents } from './live-events.ts';
import { redact, type PiiFinding } from './privacy.ts';
import { redactionSummary, respond, type AssistantDeps } from './respond.ts';
import { understand, type Danger } from './understanding/index.ts';
import { emergencyBlock } from './emergency.ts';
import type { Contacts } from '../knowledge/types.ts';
import { withEditorialStatus } from '../knowledge/editorial.ts';
import type { ConversationContext, Reply } from './types.ts';

// One conversation, one message at a time: redact first, triage, answer, then store the
// message, the reply and their events in one transaction before anything is returned.

export type ConversationServiceDeps = AssistantDeps & {
  store: Store;
  live: LiveEvents;
  now?: () => number;
  /** While a staff member holds the conversation's case, messages go to them (src/escalation). */
  escalation?: {
    /** `acute`: the emergency block the asker is shown, stored as the Lotse's reply and flagged to the holder. */
    relayUserMessage(conversationId: string, text: string, clientId: string | null, acute?: { reply: Reply; text: string }): Promise<{ messageId: string; replyId: string; duplicate: boolean } | undefined>;
    publicCase(conversationId: string): Promise<{ id: string; number: string; status: string; staffName?: string } | undefined>;
  };
};

/**
 * The reply while a person of the Kontaktstelle holds the conversation: the Lotse stays silent,
 * except that acute danger still gets the emergency routes at once (safety before silence).
 */
function relayedReply(findings: PiiFinding[], level: Danger, contacts: Contacts, region: string | undefined): Reply {
  const emergency = level.level === 'acute' ? emergencyBlock(contacts, { region, triage: level }) : undefined;
  return {
    text: emergency?.text ?? '', sources: [], triage: { level: level.level, signals: level.signals }, confidence: 1,
    actions: emergency?.actions.filter((a) => a.type === 'call') ?? [], kind: 'relayed',
    ...redactionSummary(findings),
  };
}

export type PostedMessage = { reply: Reply; messageId: string; replyId: string; duplicate: boolean };

export class ConversationService {
  private readonly deps: ConversationServiceDeps;

  constructor(deps: ConversationServiceDeps) {
    this.deps = deps;
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  async create(input: { channel: string; role?: string; region?: string }): Promise<{ id: string; token: string }> {
    const id = newId();
    const token = newToken();
    const now = this.now();
    const tokenHash = await hashToken(token);
    rememberToken(token, tokenHash);
    await this.deps.store.createConversation({
      id, tokenHash, channel: input.channel, role: input.role ?? null, region: input.region ?? null,
      context: {}, privacyNoticeShown: false, createdAt: now, lastActivityAt: now,
    });
    return { id, token };
  }

  /** Returns the conversation when the token belongs to it; undefined for both unknown id and wrong token. */
  async authorize(id: string, token: string) {
    const conversation = await this.deps.store.getConversation(id);
    if (!conversation) return { status: 'not_found' as const };
    // A token of the wrong shape cannot be right: refused before any hashing.
    if (!tokenShaped(token)) return { status: 'forbidden' as const };
    const hash = await hashToken(token);
    if (!safeEqual(conversation.tokenHash, hash)) return { status: 'forbidden' as const };
    rememberToken(token, hash);
    return { status: 'ok' as const, conversation };
  }

  private async replayed(conversationId: string, clientId: string): Promise<PostedMessage | undefined> {
    const first = await this.deps.store.findMessageByClientId(conversationId, clientId);
    if (!first) return undefined;
    const reply = await this.deps.store.findReplyTo(first.id);
    if (!reply) return undefined;
    return { reply: reply.reply as Reply, messageId: first.id, replyId: reply.id, duplicate: true };
  }

  /** `conversation` is the record the caller authorised; it is not read again. */
  async postMessage(conversation: ConversationRecord, rawText: string, clientId?: string, action?: { type: string; step?: number }): Promise<PostedMessage> {
    const store = this.deps.store;
    const conversationId = conversation.id;
    if (clientId) {
      const earlier = await this.replayed(conversationId, clientId);
      if (earlier) return earlier;
    }
    // From here on only the redacted text exists.
    const { text, findings } = redact(cleanInput(rawText));
    const context: ConversationContext = {
      ...(conversation.context as ConversationContext),
      role: (conversation.context as ConversationContext).role ?? conversation.role ?? undefined,
      region: (conversation.context as ConversationContext).region ?? conversation.region ?? undefined,
    };
    const understood = understand(text, context);
    // A claimed case: the message goes to the staff member through the event log, no answer.
    const held = relayedReply(findings, understood.danger, this.deps.knowledge.contacts, context.region);
    const acute = understood.danger.level === 'acute' && held.text ? { reply: held, text: held.text } : undefined;
    const relayed = await this.deps.escalation?.relayUserMessage(conversationId, text, clientId ?? null, acute);
    if (relayed) return { reply: held, messageId: relayed.messageId, replyId: relayed.replyId, duplicate: relayed.duplicate };
    const turn = respond(
      { text, findings, understood, context, privacyNoticeShown: conversation.privacyNoticeShown, action },
      this.deps,
    );
    // Every source says whether its article is approved, so web chat and Matrix can show it.
    turn.reply.sources = withEditorialStatus(turn.reply.sources, this.deps.articles);
    const now = this.now();
    const user: MessageRecord = { id: newId(), conversationId, author: 'user', text, reply: null, clientId: clientId ?? null, replyTo: null, createdAt: now };
    const assistant: MessageRecord = { id: newId(), conversationId, author: 'assistant', text: turn.reply.text, reply: turn.reply, clientId: null, replyTo: user.id, createdAt: now + 1 };
    try {
      await store.saveExchange({
        conversationId, now,
        messages: [user, assistant],
        events: [user, assistant].map((m) => ({ conversationId, caseId: null, type: 'message', messageId: m.id, payload: {} })),
        conversation: { context: turn.context, role: turn.context.role, region: turn.context.region, privacyNoticeShown: turn.privacyNoticeShown },
      });
    } catch (error) {
      // A concurrent retry with the same clientId won the race: answer with its reply.
      const earlier = clientId ? await this.replayed(conversationId, clientId) : undefined;
      if (earlier) return earlier;
      throw error;
    }
    this.deps.live.notify(conversationId);
    return { reply: turn.reply, messageId: user.id, replyId: assistant.id, duplicate: false };
  }

  async history(conversationId: string) {
    const conversation = (await this.deps.store.getConversation(conversationId))!;
    const [messages, lastEventId, currentCase] = await Promise.all([
      this.deps.store.listMessages(conversationId),
      this.deps.store.latestEventId(conversationId),
      this.deps.escalation?.publicCase(conversationId),
    ]);
    return {
      id: conversation.id,
      role: conversation.role,
      region: conversation.region,
      lastEventId,
      messages: messages.map(messagePayload),
      ...(currentCase ? { case: currentCase } : {}),
    };
  }

  async feedback(conversationId: string, input: { messageId: string; rating: 'up' | 'down'; comment?: string }) {
    const message = await this.deps.store.getMessage(conversationId, input.messageId);
    if (!message || message.author !== 'assistant') return 'not_found' as const;
    const comment = input.comment ? redact(cleanInput(input.comment)).text : null;
    const saved = await this.deps.store.saveFeedback({
      id: newId(), conversationId, messageId: input.messageId, rating: input.rating, comment: comment || null, createdAt: this.now(),
    });
    if (saved) return 'saved' as const;
    // Already rated: the asker changed their mind or adds the comment after the tap.
    const updated = await this.deps.store.updateFeedback(conversationId, input.messageId, input.rating, comment || null);
    return updated ? ('saved' as const) : ('duplicate' as const);
  }
}

export { messagePayload } from '../store/message-events.ts';
