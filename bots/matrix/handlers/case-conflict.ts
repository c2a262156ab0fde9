// What release and close tell a staff member when the service refuses: unknown case, already
// closed, or held by someone else. One place, so both commands answer alike.
import { LotseError } from '../lotse-api.ts';
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { t } from '../texts.ts';

export async function replyCaseConflict(s: BotServices, ctx: MessageContext, ref: string, error: unknown): Promise<unknown> {
  if (!(error instanceof LotseError)) throw error;
  if (error.httpStatus === 404) return ctx.reply(t.unknownCase(ref));
  if (error.httpStatus === 409 || error.httpStatus === 403) {
    const c = await s.lotse.case(ref);
    return ctx.reply(c.status === 'closed' ? t.caseClosedAlready(c.number) : t.notYours(c.number, c.staffName ?? 'niemandem'));
  }
  throw error;
}
