// The answer to a command the bot does not know (with the closest one it does know), or to a
// known command typed where it does not work. Staff must never wonder whether a line vanished.
import type { UnknownCommandContext } from '../router.ts';
import { t } from '../texts.ts';

export function unknownCommandHandler() {
  return async (ctx: UnknownCommandContext) => {
    const inCaseRoom = ctx.roomKind === 'case';
    if (ctx.known) return ctx.reply(t.commandNotHere(ctx.known.usage, ctx.known.where, inCaseRoom));
    return ctx.reply(t.unknownCommand(ctx.word, ctx.suggestion?.usage, inCaseRoom));
  };
}
