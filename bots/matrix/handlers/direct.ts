// Direct chats with professionals: the bot is just another client of the public conversation
// API, so the same triage, privacy and escalation rules apply as in the web chat.
import { marked } from 'marked';
import type { LotseApi, ReplyBody } from '../lotse-api.ts';
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import type { DirectChat } from '../state.ts';
import { esc, t } from '../texts.ts';

async function conversationFor(s: BotServices, roomId: string, sender: string): Promise<Required<DirectChat>> {
  const chat = (s.state.data.directChats[roomId] ??= { userId: sender });
  if (!chat.conversationId || !chat.token) {
    const created = await s.lotse.createConversation({ channel: 'matrix' });
    chat.conversationId = created.id;
    chat.token = created.token;
    s.state.save();
  }
  return chat as Required<DirectChat>;
}

export function renderReply(reply: ReplyBody, base: string): { body: string; html: string } {
  const sources = reply.sources ?? [];
  const suggestions = (reply.actions ?? []).filter((a) => a.type === 'quick_reply' || a.type === 'call').map((a) => (a.type === 'call' ? `${a.label}: ${a.phone}` : String(a.label)));
  const escalate = (reply.actions ?? []).some((a) => a.type === 'escalate');
  const bodyParts = [reply.text];
  if (sources.length) bodyParts.push(`${t.sources}: ${sources.map((x) => `${x.title} (${base}${x.url})`).join('; ')}`);
  if (suggestions.length) bodyParts.push(t.dmSuggestions(suggestions));
  if (escalate) bodyParts.push(t.dmEscalateHint);
  // Knowledge-base Markdown is rendered; raw HTML inside it is escaped first, never passed on.
  const html = [
    marked.parse(reply.text.replace(/</g, '&lt;'), { async: false }) as string,
    sources.length ? `<p>${t.sources}: ${sources.map((x) => `<a href="${esc(base + x.url)}">${esc(x.title)}</a>`).join('; ')}</p>` : '',
    suggestions.length ? `<p>${esc(t.dmSuggestions(suggestions))}</p>` : '',
    escalate ? `<p>${esc(t.dmEscalateHint)}</p>` : '',
  ].join('');
  return { body: bodyParts.join('\n\n'), html };
}

export function askLotse(s: BotServices) {
  return async (ctx: MessageContext) => {
    if (s.router.isCommand(ctx.body) || !ctx.body.trim()) return;
    const chat = await conversationFor(s, ctx.roomId, ctx.sender);
    const reply = await s.lotse.ask(chat.conversationId, chat.token, ctx.body, ctx.eventId);
    // No reply while a staff member holds the case: the message went to them instead.
    if (!reply || reply.kind === 'relayed') return;
    const { body, html } = renderReply(reply, s.lotse.baseUrl);
    await ctx.reply(body, html);
  };
}

export function escalateFromDirect(s: BotServices) {
  return async (ctx: MessageContext) => {
    const choice = ctx.argv[0]?.toLowerCase();
    if (choice !== 'ja' && choice !== 'dringend' && choice !== 'yes' && choice !== 'urgent') return ctx.reply(t.dmEscalateConsent);
    const chat = await conversationFor(s, ctx.roomId, ctx.sender);
    const c = await s.lotse.escalate(chat.conversationId, chat.token, { consent: true, urgency: choice === 'dringend' || choice === 'urgent' ? 'urgent' : 'normal' });
    await ctx.reply(t.dmEscalated(c.number));
  };
}

export type { LotseApi };
