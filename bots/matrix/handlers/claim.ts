// Claim (✋ or !übernehmen) and release. The service decides who wins; the bot only reports.
// Room creation and notice edits follow from the feed's case events, not from here, so a claim
// made through the API by any other client looks the same in Matrix.
import { LotseError } from '../lotse-api.ts';
import type { MessageContext, ReactionContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { t } from '../texts.ts';
import { replyCaseConflict } from './case-conflict.ts';

async function claim(s: BotServices, caseRef: string, sender: string, reply: (text: string) => Promise<unknown>): Promise<unknown> {
  const staffName = await s.displayName(sender);
  s.log.debug(`claim ${caseRef} by ${staffName}`);
  try {
    const c = await s.lotse.claim(caseRef, sender, staffName, s.aliasFor(sender));
    s.log.debug(`claimed ${c.number}`);
    await reply(t.claimed(c.number));
  } catch (error) {
    if (!(error instanceof LotseError)) throw error;
    if (error.httpStatus === 404) return reply(t.unknownCase(caseRef));
    if (error.httpStatus !== 409) throw error;
    const c = await s.lotse.case(caseRef);
    if (c.status === 'closed') return reply(t.caseClosedAlready(c.number));
    if (c.staffId === sender) return reply(t.alreadyYours(c.number));
    await reply(t.alreadyClaimed(c.number, c.staffName ?? 'eine andere Fachkraft') + (s.isLead(sender) ? ` Als Leitung übernehmen Sie ihn mit „!leitung ${c.number}“.` : ''));
  }
}

export function claimCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const ref = s.resolveCaseRef({ arg: ctx.argv[0], roomId: ctx.roomId, inReplyTo: ctx.inReplyTo });
    if (!ref) return ctx.reply(t.whichCase);
    await claim(s, ref, ctx.sender, (text) => ctx.reply(text));
  };
}

export function claimReaction(s: BotServices) {
  return async (ctx: ReactionContext) => {
    const ref = s.resolveCaseRef({ roomId: ctx.roomId, inReplyTo: ctx.targetEventId });
    s.log.debug(`reaction ${ctx.key} on ${ctx.targetEventId} → case ${ref}`);
    if (!ref) return; // a ✋ on something that is not a case notice
    await claim(s, ref, ctx.sender, (text) => ctx.reply(text));
  };
}

export function releaseCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const ref = s.resolveCaseRef({ arg: ctx.argv[0], roomId: ctx.roomId, inReplyTo: ctx.inReplyTo });
    if (!ref) return ctx.reply(t.whichCase);
    try {
      const c = await s.lotse.release(ref, ctx.sender);
      // In the case's own room the feed posts the same sentence; saying it twice reads like a glitch.
      if (s.state.caseIdForRoom(ctx.roomId) !== c.id) await ctx.reply(t.released(c.number));
    } catch (error) {
      return replyCaseConflict(s, ctx, ref, error);
    }
  };
}
