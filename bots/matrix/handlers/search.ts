import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { esc, t } from '../texts.ts';
import { absoluteUrl } from '../links.ts';

export function searchCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    if (!ctx.args) return ctx.reply(t.searchUsage);
    const result = await s.lotse.search(ctx.args);
    if (!result.hits.length) return ctx.reply(t.searchEmpty);
    const hits = result.hits.slice(0, 5).map((h) => ({ ...h, link: absoluteUrl(h.url, s.linkBase) }));
    const body = hits.map((h, i) => `${i + 1}. ${h.title} – ${h.heading}: ${h.excerpt}${h.link ? ` (${h.link})` : ''}`).join('\n');
    const title = (h: (typeof hits)[number]) => `${esc(h.title)} – ${esc(h.heading)}`;
    const html = `<ol>${hits.map((h) => `<li>${h.link ? `<a href="${esc(h.link)}">${title(h)}</a>` : title(h)}: ${esc(h.excerpt)}</li>`).join('')}</ol>`;
    await ctx.reply(body, html);
  };
}
