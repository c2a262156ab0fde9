// !abschließen <Thema> <Ergebnis> [Notiz]: the lists come from the service so that the bot,
// the API and the statistics always agree on them.
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { CASE_NUMBER, t } from '../texts.ts';
import { replyCaseConflict } from './case-conflict.ts';

export function closeCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const argv = [...ctx.argv];
    const explicit = argv[0] && CASE_NUMBER.test(argv[0]) ? argv.shift() : undefined;
    const ref = s.resolveCaseRef({ arg: explicit, roomId: ctx.roomId, inReplyTo: ctx.inReplyTo });
    if (!ref) return ctx.reply(t.whichCase);
    // In a case room, closing acts on that room's case; another number is refused, not obeyed.
    const roomCase = s.state.caseIdForRoom(ctx.roomId);
    const roomNumber = roomCase ? s.state.data.cases[roomCase]?.number : undefined;
    if (roomNumber && explicit && explicit.toUpperCase() !== roomNumber) return ctx.reply(t.wrongRoomClose(roomNumber, explicit.toUpperCase()));
    const options = await s.lotse.closeOptions();
    const topic = options.topics.find((o) => o.id === argv[0]?.toLowerCase());
    const outcome = options.outcomes.find((o) => o.id === argv[topic ? 1 : 0]?.toLowerCase());
    if (!topic || !outcome) return ctx.reply(t.closeAsk(options.topics, options.outcomes));
    const note = argv.slice(2).join(' ').trim() || undefined;
    try {
      const c = await s.lotse.close(ref, { staffId: ctx.sender, topic: topic.id, outcome: outcome.id, note });
      await ctx.reply(t.closed(c.number));
    } catch (error) {
      return replyCaseConflict(s, ctx, ref, error);
    }
  };
}
