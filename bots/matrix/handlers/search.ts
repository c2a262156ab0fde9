import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { esc, t } from '../texts.ts';

export function searchCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    if (!ctx.args) return ctx.reply(t.searchUsage);
    const result = await s.lotse.search(ctx.args);
    if (!result.hits.length) return ctx.reply(t.searchEmpty);
    const base = s.lotse.baseUrl;
    const hits = result.hits.slice(0, 5);
    const body = hits.map((h, i) => `${i + 1}. ${h.title} – ${h.heading}: ${h.excerpt} (${base}${h.url})`).join('\n');
    const html = `<ol>${hits.map((h) => `<li><a href="${esc(base + h.url)}">${esc(h.title)} – ${esc(h.heading)}</a>: ${esc(h.excerpt)}</li>`).join('')}</ol>`;
    await ctx.reply(body, html);
  };
}
