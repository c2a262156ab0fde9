// Messages in a case room from staff go to the asker, as plain text, keyed by the Matrix event
// id so that a retried relay is stored once. Corrections (edits) and withdrawals (redactions)
// follow the message to the asker; nothing a staff member changes stays only in Matrix.
import { staffMessageText } from '../format.ts';
import { LotseError } from '../lotse-api.ts';
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { t } from '../texts.ts';

type Base = Pick<MessageContext, 'roomId' | 'eventId' | 'sender' | 'isStaff' | 'reply'>;

/** The service's refusals that a staff member can act on, answered in their words. */
async function explainRefusal(ctx: Base, error: unknown): Promise<unknown> {
  if (error instanceof LotseError && (error.httpStatus === 409 || error.httpStatus === 404) && error.code !== 'no_message') {
    return ctx.reply('Diese Nachricht wurde nicht weitergeleitet: der Fall ist nicht (mehr) übernommen.');
  }
  if (error instanceof LotseError && error.httpStatus >= 400 && error.httpStatus < 500) return ctx.reply(`Nicht weitergeleitet: ${error.message}`);
  throw error;
}

export function relayToAsker(s: BotServices) {
  return async (ctx: MessageContext) => {
    if (s.router.isCommand(ctx.body) || !ctx.body.trim()) return;
    const caseId = s.state.caseIdForRoom(ctx.roomId);
    if (!caseId) return;
    try {
      await s.lotse.staffMessage(caseId, { staffId: ctx.sender, staffName: await s.displayName(ctx.sender), text: ctx.body, clientId: ctx.eventId });
    } catch (error) {
      return explainRefusal(ctx, error);
    }
  };
}

/** An edit (m.replace) of a staff message: the new text goes to the asker marked as a correction. */
export async function relayCorrection(s: BotServices, ctx: Base, content: Record<string, any>): Promise<unknown> {
  const caseId = s.state.caseIdForRoom(ctx.roomId);
  const original = content['m.relates_to']?.event_id;
  const text = staffMessageText(content['m.new_content'] ?? {});
  if (!caseId || !ctx.isStaff || typeof original !== 'string' || !text || s.router.isCommand(text)) return;
  try {
    const result = await s.lotse.staffMessage(caseId, { staffId: ctx.sender, staffName: await s.displayName(ctx.sender), text, clientId: ctx.eventId, corrects: original });
    if (result.corrected && !result.duplicate) await ctx.reply(t.correctionRelayed);
  } catch (error) {
    return explainRefusal(ctx, error);
  }
}

/** A redaction of a staff message: withdrawn from the asker's chat, who is told so. */
export async function withdrawFromAsker(s: BotServices, ctx: Base, redacted: string | undefined): Promise<unknown> {
  const caseId = s.state.caseIdForRoom(ctx.roomId);
  if (!caseId || !ctx.isStaff || !redacted) return;
  try {
    const result = await s.lotse.withdrawStaffMessage(caseId, { staffId: ctx.sender, clientId: redacted });
    if (!result.duplicate) await ctx.reply(t.withdrawn);
  } catch (error) {
    // A message that never reached the asker (a command, a refused line) has nothing to withdraw.
    if (error instanceof LotseError && error.code === 'no_message') return;
    throw error;
  }
}
