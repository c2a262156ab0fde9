// `!dienst`: who is on duty. Urgent cases and unanswered acute messages mention exactly these
// people; with nobody on the roster they mention every staff member in the queue room.
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { t } from '../texts.ts';

export function rosterCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const word = (ctx.argv[0] ?? '').toLowerCase();
    if (/^(an|on|ein)$/.test(word)) s.state.setOnDuty(ctx.sender, true);
    else if (/^(aus|off)$/.test(word)) s.state.setOnDuty(ctx.sender, false);
    else if (word) return ctx.reply(t.rosterUsage);
    if (word) s.state.save();
    const names = await Promise.all(s.state.onDuty().map((id) => s.displayName(id)));
    await ctx.reply(t.roster(names));
  };
}
