import { LotseError } from '../lotse-api.ts';
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { esc, formatTime, t } from '../texts.ts';
import { linksAsText } from '../links.ts';

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
      // The same summary as the queue notice, with the waiting time as of now.
      const notice = t.notice(c, Date.now());
      // The callback contact, internal notes and the transcript stay in the case's own room, never the shared queue.
      const inOwnRoom = s.state.caseIdForRoom(ctx.roomId) === c.id;
      const contact = inOwnRoom && c.contact ? `\nRückruf: ${c.contact}` : '';
      const notes = inOwnRoom && c.notes?.length ? `\nNotizen:\n${c.notes.map((n) => `- ${formatTime(n.at)}: ${n.text}`).join('\n')}` : '';
      const rating = c.rating ? `\nBewertung der anfragenden Person: ${c.rating.startsWith('up') ? '👍' : '👎'}${c.rating.includes(':') ? ` „${c.rating.slice(c.rating.indexOf(':') + 1).trim()}“` : ''}` : '';
      const head = `${notice.body}\n${c.claimedAt ? `übernommen ${formatTime(c.claimedAt)}` : 'noch nicht übernommen'}${c.closedAt ? ` · abgeschlossen ${formatTime(c.closedAt)}` : ''}${contact}${rating}${notes}`;
      const transcript = inOwnRoom
        ? c.transcript.slice(-10).map((m) => `${t.authorLabel[m.author] ?? m.author}: ${linksAsText(m.text, s.linkBase)}`).join('\n')
        : 'Verlauf, Notizen und Rückrufnummer zeige ich nur im Fallraum.';
      await ctx.reply(`${head}\n\n${transcript}`, `<p>${esc(head).replace(/\n/g, '<br>')}</p><blockquote>${esc(transcript).replace(/\n/g, '<br>')}</blockquote>`);
    } catch (error) {
      if (error instanceof LotseError && error.httpStatus === 404) return ctx.reply(t.unknownCase(ref));
      throw error;
    }
  };
}
