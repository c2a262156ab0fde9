import { LotseError } from '../lotse-api.ts';
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { esc, formatTime, t } from '../texts.ts';

export function openCasesHandler(s: BotServices) {
  return async (ctx: MessageContext) => {
    const [open, claimed] = await Promise.all([s.lotse.cases('open'), s.lotse.cases('claimed')]);
    const list = [...open, ...claimed].sort((a, b) => a.createdAt - b.createdAt);
    await ctx.reply(list.length ? t.openCases(list) : t.noOpenCases);
  };
}

export function caseDetailHandler(s: BotServices) {
  return async (ctx: MessageContext) => {
    const ref = s.resolveCaseRef({ arg: ctx.argv[0], roomId: ctx.roomId, inReplyTo: ctx.inReplyTo });
    if (!ref) return ctx.reply(t.whichCase);
    try {
      const c = await s.lotse.case(ref);
      const notice = t.notice(c);
      // The callback contact and the transcript stay in the case's own room, never the shared queue.
      const inOwnRoom = s.state.caseIdForRoom(ctx.roomId) === c.id;
      const contact = inOwnRoom && c.contact ? `\nRückruf: ${c.contact}` : '';
      const head = `${notice.body}\nEröffnet ${formatTime(c.createdAt)}${c.claimedAt ? ` · übernommen ${formatTime(c.claimedAt)}` : ''}${c.closedAt ? ` · abgeschlossen ${formatTime(c.closedAt)}` : ''}${contact}`;
      const transcript = inOwnRoom
        ? c.transcript.slice(-10).map((m) => `${t.authorLabel[m.author] ?? m.author}: ${m.text}`).join('\n')
        : 'Verlauf und Rückrufnummer zeige ich nur im Fallraum.';
      await ctx.reply(`${head}\n\n${transcript}`, `<p>${esc(head).replace(/\n/g, '<br>')}</p><blockquote>${esc(transcript).replace(/\n/g, '<br>')}</blockquote>`);
    } catch (error) {
      if (error instanceof LotseError && error.httpStatus === 404) return ctx.reply(t.unknownCase(ref));
      throw error;
    }
  };
}
