// Canned replies: `!vorlage` lists them, `!vorlage <Name>` sends one to the asker (in the case
// room, as the holder), `!vorlage neu <Name> <Text>` creates or changes one, `!vorlage löschen
// <Name>` removes it. The texts live in the service, so every staff member sees the same set.
import { LotseError } from '../lotse-api.ts';
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { t } from '../texts.ts';

const SET = /^(neu|new|ändern|aendern|andern|set)$/i;
const REMOVE = /^(löschen|loeschen|loschen|delete)$/i;

function fold(name: string | undefined): string {
  return (name ?? '').toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

export function cannedCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const [first, second, ...rest] = ctx.argv;
    try {
      if (!first) return ctx.reply(t.cannedList(await s.lotse.replies()));
      if (SET.test(first)) {
        const text = ctx.args.split(/\s+/).slice(2).join(' ').trim();
        if (!second || !text) return ctx.reply(t.cannedUsage);
        const saved = await s.lotse.setReply(fold(second), text, ctx.sender);
        return ctx.reply(t.cannedSaved(saved.name));
      }
      if (REMOVE.test(first)) {
        if (!second) return ctx.reply(t.cannedUsage);
        await s.lotse.removeReply(fold(second));
        return ctx.reply(t.cannedRemoved(fold(second)));
      }
      const reply = (await s.lotse.replies()).find((r) => r.name === fold(first));
      if (!reply) return ctx.reply(t.cannedUnknown(first));
      const caseId = s.state.caseIdForRoom(ctx.roomId);
      if (!caseId) return ctx.reply(`${t.cannedOnlyInCaseRoom}\n${reply.name}: ${reply.text}`);
      void rest;
      await s.lotse.staffMessage(caseId, { staffId: ctx.sender, staffName: await s.displayName(ctx.sender), text: reply.text, clientId: ctx.eventId });
      return ctx.reply(t.cannedSent(reply.name));
    } catch (error) {
      if (error instanceof LotseError && error.httpStatus >= 400 && error.httpStatus < 500) return ctx.reply(t.refused(error.message));
      throw error;
    }
  };
}
