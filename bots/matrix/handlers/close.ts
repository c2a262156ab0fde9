// !abschließen <Thema> <Ergebnis> [Notiz]: the lists come from the service so that the bot,
// the API and the statistics always agree on them.
import { LotseError } from '../lotse-api.ts';
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { CASE_NUMBER, t } from '../texts.ts';

export function closeCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const argv = [...ctx.argv];
    const explicit = argv[0] && CASE_NUMBER.test(argv[0]) ? argv.shift() : undefined;
    const ref = s.resolveCaseRef({ arg: explicit, roomId: ctx.roomId, inReplyTo: ctx.inReplyTo });
    if (!ref) return ctx.reply(t.whichCase);
    const options = await s.lotse.closeOptions();
    const topic = options.topics.find((o) => o.id === argv[0]?.toLowerCase());
    const outcome = options.outcomes.find((o) => o.id === argv[topic ? 1 : 0]?.toLowerCase());
    if (!topic || !outcome) return ctx.reply(t.closeAsk(options.topics, options.outcomes));
    const note = argv.slice(2).join(' ').trim() || undefined;
    try {
      const c = await s.lotse.close(ref, { staffId: ctx.sender, topic: topic.id, outcome: outcome.id, note });
      await ctx.reply(t.closed(c.number));
    } catch (error) {
      if (!(error instanceof LotseError)) throw error;
      if (error.httpStatus === 404) return ctx.reply(t.unknownCase(ref));
      if (error.httpStatus === 409 || error.httpStatus === 403) {
        const c = await s.lotse.case(ref);
        return ctx.reply(c.status === 'closed' ? t.caseClosedAlready(c.number) : t.notYours(c.number, c.staffName ?? 'niemandem'));
      }
      throw error;
    }
  };
}
