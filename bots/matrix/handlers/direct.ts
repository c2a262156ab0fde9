// Direct chats with professionals: the bot is just another client of the public conversation
// API, so the same triage, privacy and escalation rules apply as in the web chat. The service
// redacts names and other personal data before it stores or relays anything; the bot itself
// keeps only ids (conversation, answers), never the text.
import { marked } from 'marked';
import { LotseError, type LotseApi, type ReplyBody } from '../lotse-api.ts';
import type { MessageContext, ReactionContext } from '../router.ts';
import type { Urgency } from '../../../src/contract/vocabulary.ts';
import type { BotServices } from '../services.ts';
import type { DirectChat } from '../state.ts';
import { esc, t } from '../texts.ts';
import { absoluteUrl, linksAsText, resolveLinks } from '../links.ts';

/** How long a consent question stays open for a plain "ja". */
const CONSENT_WINDOW_MS = 30 * 60_000;
/** Answers remembered per chat for 👍/👎 (older ones can no longer be rated from Matrix). */
const MAX_ANSWERS = 200;

type Chat = Required<Pick<DirectChat, 'conversationId' | 'token'>> & DirectChat;

async function conversationFor(s: BotServices, roomId: string, sender: string): Promise<Chat> {
  const chat = (s.state.data.directChats[roomId] ??= { userId: sender });
  if (!chat.conversationId || !chat.token) {
    const created = await s.lotse.createConversation({ channel: 'matrix' });
    chat.conversationId = created.id;
    chat.token = created.token;
    chat.answers = {};
    s.state.save();
  }
  return chat as Chat;
}

/** The service forgets conversations after its retention period: then the chat starts a new one. */
async function withConversation<T>(s: BotServices, ctx: { roomId: string; sender: string }, fn: (chat: Chat) => Promise<T>): Promise<T> {
  const chat = await conversationFor(s, ctx.roomId, ctx.sender);
  try {
    return await fn(chat);
  } catch (error) {
    const gone = error instanceof LotseError && ((error.httpStatus === 404 && error.code === 'not_found') || (error.httpStatus === 403 && error.code === 'forbidden'));
    if (!gone) throw error;
    const stale: DirectChat = chat;
    delete stale.conversationId;
    delete stale.token;
    return fn(await conversationFor(s, ctx.roomId, ctx.sender));
  }
}

/** Only what is rendered is required (a reply from the service has it all). */
export function renderReply(reply: Pick<ReplyBody, 'text' | 'sources'> & Partial<ReplyBody>, base: string | undefined, escalateText = t.dmEscalateHint): { body: string; html: string } {
  const sources = (reply.sources ?? []).map((x) => ({ ...x, link: absoluteUrl(x.url, base) }));
  const suggestions = (reply.actions ?? []).filter((a) => a.type === 'quick_reply' || a.type === 'call').map((a) => (a.type === 'call' ? `${a.label}: ${a.phone}` : String(a.label)));
  const escalate = (reply.actions ?? []).some((a) => a.type === 'escalate');
  const bodyParts = [linksAsText(reply.text, base)];
  if (sources.length) bodyParts.push(`${t.sources}: ${sources.map((x) => `${x.title}${t.sourceState(x.status)}${x.link ? ` (${x.link})` : ''}`).join('; ')}`);
  if (suggestions.length) bodyParts.push(t.dmSuggestions(suggestions));
  if (escalate) bodyParts.push(escalateText);
  // Knowledge-base Markdown is rendered; raw HTML inside it is escaped first, never passed on.
  const html = [
    marked.parse(resolveLinks(reply.text, base).replace(/</g, '&lt;'), { async: false }) as string,
    sources.length ? `<p>${t.sources}: ${sources.map((x) => `${x.link ? `<a href="${esc(x.link)}">${esc(x.title)}</a>` : esc(x.title)}${esc(t.sourceState(x.status))}`).join('; ')}</p>` : '',
    suggestions.length ? `<p>${esc(t.dmSuggestions(suggestions))}</p>` : '',
    escalate ? `<p>${esc(escalateText)}</p>` : '',
  ].join('');
  return { body: bodyParts.join('\n\n'), html };
}

/** "ja", "Ja, bitte.", "einverstanden" → yes; "dringend" → urgent; "nein" → no; anything else: a new question. */
export function consentAnswer(text: string): 'yes' | 'urgent' | 'no' | undefined {
  const words = text.toLowerCase().replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return undefined;
  if (words.includes('dringend') || words.includes('urgent')) return 'urgent';
  if (['nein', 'no', 'abbrechen', 'nicht'].some((w) => words.includes(w))) return 'no';
  if (['ja', 'yes', 'einverstanden', 'okay', 'ok', 'gern', 'gerne', 'bitte'].includes(words[0])) return 'yes';
  return undefined;
}

function remember(chat: DirectChat, matrixEventId: string, replyId: string): void {
  const answers = (chat.answers ??= {});
  answers[matrixEventId] = replyId;
  const keys = Object.keys(answers);
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_ANSWERS))) delete answers[key];
}

async function openCase(s: BotServices, ctx: MessageContext, urgency: Urgency): Promise<void> {
  const result = await withConversation(s, ctx, (chat) => s.lotse.escalate(chat.conversationId, chat.token, { consent: true, urgency }));
  // A new case: the service's own text (office hours, 24/7 routes) arrives through the feed,
  // exactly as the web chat gets it. An existing one changes nothing, so the bot says so.
  if (result.created === false) await ctx.reply(t.dmAlreadyOpen(result.case.number, result.message));
}

export function askLotse(s: BotServices) {
  return async (ctx: MessageContext) => {
    if (s.router.isCommand(ctx.body) || !ctx.body.trim()) return;
    const chat = await conversationFor(s, ctx.roomId, ctx.sender);
    const asked = chat.consentAsked;
    if (asked) {
      delete chat.consentAsked;
      const answer = Date.now() - asked.at < CONSENT_WINDOW_MS ? consentAnswer(ctx.body) : undefined;
      if (answer === 'yes' || answer === 'urgent') return openCase(s, ctx, answer === 'urgent' ? 'urgent' : asked.urgency);
      if (answer === 'no') return void (await ctx.reply(t.dmConsentAgain));
    }
    const result = await withConversation(s, ctx, (c) => s.lotse.ask(c.conversationId, c.token, ctx.body, ctx.eventId));
    // No reply while a staff member holds the case: the message went to them instead — except
    // the emergency block for acute danger, which the professional must see here at once.
    if (!result) return;
    if (result.reply.kind === 'relayed') {
      if (result.reply.text) await ctx.reply(renderReply(result.reply, s.linkBase).body, renderReply(result.reply, s.linkBase).html);
      return;
    }
    const { reply, replyId } = result;
    // The Lotse heard "mit einer Person sprechen": ask for consent right here, "ja" then suffices.
    const handover = reply.kind === 'handover';
    const { body, html } = renderReply(reply, s.linkBase, handover ? t.dmEscalateConsent : t.dmEscalateHint);
    const eventId = await ctx.reply(body, html);
    const current = s.state.data.directChats[ctx.roomId]!;
    if (replyId) remember(current, eventId, replyId);
    if (handover) current.consentAsked = { at: Date.now(), urgency: reply.triage?.level === 'acute' || reply.triage?.level === 'urgent' ? 'urgent' : 'normal' };
    s.state.save();
  };
}

export function escalateFromDirect(s: BotServices) {
  return async (ctx: MessageContext) => {
    const answer = consentAnswer(ctx.args);
    if (answer === 'yes' || answer === 'urgent') return openCase(s, ctx, answer === 'urgent' ? 'urgent' : 'normal');
    const chat = await conversationFor(s, ctx.roomId, ctx.sender);
    chat.consentAsked = { at: Date.now(), urgency: 'normal' };
    s.state.save();
    await ctx.reply(t.dmEscalateConsent);
  };
}

/**
 * 👍/👎 in a direct chat: on a Lotse answer it is the answer feedback of the web chat, on the
 * closing message of a case it is the rating of the Kontaktstelle's help.
 */
export function rateInDirect(s: BotServices, rating: 'up' | 'down') {
  return async (ctx: ReactionContext) => {
    const chat = s.state.data.directChats[ctx.roomId];
    if (!chat?.conversationId || !chat.token || chat.userId !== ctx.sender) return;
    try {
      if (chat.ratingPrompts?.[ctx.targetEventId]) {
        await s.lotse.rate(chat.conversationId, chat.token, rating);
        delete chat.ratingPrompts[ctx.targetEventId];
        s.state.save();
        await ctx.reply(t.dmRated);
        return;
      }
      const replyId = chat.answers?.[ctx.targetEventId];
      if (!replyId) return; // a reaction on something that is no answer of the Lotse
      await s.lotse.feedback(chat.conversationId, chat.token, { messageId: replyId, rating });
      await ctx.reply(rating === 'up' ? t.dmFeedbackUp : t.dmFeedbackDown);
    } catch (error) {
      // Rated twice, or the conversation is gone: nothing to tell.
      if (error instanceof LotseError && (error.httpStatus === 409 || error.httpStatus === 404)) return;
      throw error;
    }
  };
}

export type { LotseApi };
