// Messages in a case room from staff go to the asker, as plain text, keyed by the Matrix event
// id so that a retried relay is stored once.
import { LotseError } from '../lotse-api.ts';
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';

export function relayToAsker(s: BotServices) {
  return async (ctx: MessageContext) => {
    if (s.router.isCommand(ctx.body) || !ctx.body.trim()) return;
    const caseId = s.state.caseIdForRoom(ctx.roomId);
    if (!caseId) return;
    try {
      await s.lotse.staffMessage(caseId, { staffId: ctx.sender, staffName: await s.displayName(ctx.sender), text: ctx.body, clientId: ctx.eventId });
    } catch (error) {
      if (error instanceof LotseError && (error.httpStatus === 409 || error.httpStatus === 404)) {
        return ctx.reply('Diese Nachricht wurde nicht weitergeleitet: der Fall ist nicht (mehr) übernommen.');
      }
      throw error;
    }
  };
}
