// Working on a case beyond claim and close: hand it to a colleague (`!übergeben`), take it over
// as a lead (`!leitung`), keep an internal note (`!notiz`), take a closed case up again
// (`!wiederaufnehmen`). The service checks every change against the lifecycle table; the bot
// only reports what it decided. Room changes (invite, transcript) follow from the feed.
import { LotseError } from '../lotse-api.ts';
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { CASE_NUMBER, t } from '../texts.ts';

const MATRIX_ID = /^@[^:\s]+:\S+$/;

/** The case a command means: an explicit number, else the room's case, else the notice replied to. */
function caseRef(s: BotServices, ctx: MessageContext, argv = ctx.argv): { ref?: string; rest: string[] } {
  const rest = [...argv];
  const explicit = rest[0] && CASE_NUMBER.test(rest[0]) ? rest.shift() : undefined;
  return { ref: s.resolveCaseRef({ arg: explicit, roomId: ctx.roomId, inReplyTo: ctx.inReplyTo }), rest };
}

/** A Matrix id from "@ben:server", a pill's plain text, or a display name typed after the command. */
function userArg(rest: string[]): string | undefined {
  return rest.find((w) => MATRIX_ID.test(w.replace(/[:,]$/, '')))?.replace(/,$/, '');
}

async function refused(ctx: MessageContext, error: unknown): Promise<unknown> {
  if (error instanceof LotseError && error.httpStatus >= 400 && error.httpStatus < 500) return ctx.reply(error.message);
  throw error;
}

export function transferCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const { ref, rest } = caseRef(s, ctx);
    if (!ref) return ctx.reply(t.whichCase);
    const to = userArg(rest);
    if (!to) return ctx.reply(t.transferUsage);
    if (!(await s.isStaff(to))) return ctx.reply(t.transferNotStaff(to));
    try {
      const c = await s.lotse.transfer(ref, { staffId: ctx.sender, toStaffId: to, toStaffName: await s.displayName(to), toStaffAlias: s.aliasFor(to) });
      await ctx.reply(t.transferred(c.number, c.staffName ?? to));
    } catch (error) {
      return refused(ctx, error);
    }
  };
}

export function takeOverCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    if (!s.isLead(ctx.sender)) return ctx.reply(t.leadOnly);
    const { ref } = caseRef(s, ctx);
    if (!ref) return ctx.reply(t.whichCase);
    try {
      const c = await s.lotse.transfer(ref, { staffId: ctx.sender, lead: true, toStaffId: ctx.sender, toStaffName: await s.displayName(ctx.sender), toStaffAlias: s.aliasFor(ctx.sender) });
      await ctx.reply(t.takenOver(c.number));
    } catch (error) {
      return refused(ctx, error);
    }
  };
}

export function noteCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const { ref, rest } = caseRef(s, ctx);
    if (!ref) return ctx.reply(t.whichCase);
    const text = rest.join(' ').trim();
    if (!text) return ctx.reply(t.noteUsage);
    try {
      await s.lotse.note(ref, ctx.sender, text);
      await ctx.reply(t.noted);
    } catch (error) {
      return refused(ctx, error);
    }
  };
}

export function reopenCommand(s: BotServices) {
  return async (ctx: MessageContext) => {
    const { ref } = caseRef(s, ctx);
    if (!ref) return ctx.reply(t.whichCase);
    try {
      const c = await s.lotse.reopen(ref, ctx.sender, await s.displayName(ctx.sender), s.aliasFor(ctx.sender));
      await ctx.reply(t.reopened(c.number));
    } catch (error) {
      return refused(ctx, error);
    }
  };
}
