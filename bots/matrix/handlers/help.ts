import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { t } from '../texts.ts';

export function helpHandler(s: BotServices) {
  return async (ctx: MessageContext) => {
    // Staff see what works in this room; professionals in a direct chat see only what they may use.
    const visible = s.router.commands().filter((c) => (ctx.isStaff ? c.where?.includes(ctx.roomKind) : c.staffOnly === false));
    const { body, html } = t.help(visible, !ctx.isStaff);
    await ctx.reply(body, html);
  };
}
