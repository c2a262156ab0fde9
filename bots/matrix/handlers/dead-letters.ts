// Dead letters for staff: `!fehler` lists the feed events the bot could not deliver, `!erneut`
// tries one (or all) again once the cause is fixed, `!verwerfen` sets one aside for good.
import type { MessageContext } from '../router.ts';
import type { BotServices } from '../services.ts';
import { t } from '../texts.ts';

const ALL = /^(alle|all)$/i;

function numberArg(ctx: MessageContext): number | undefined {
  const n = Number((ctx.argv[0] ?? '').replace(/^(nr\.?|#)/i, ''));
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export function listDeadLettersHandler(s: BotServices) {
  return async (ctx: MessageContext) => {
    const letters = s.deadLetters.list();
    await ctx.reply(letters.length ? t.deadLetterList(letters) : t.deadLetterNone);
  };
}

export function retryDeadLetterHandler(s: BotServices) {
  return async (ctx: MessageContext) => {
    if (!s.deadLetters.available()) return ctx.reply(t.deadLettersUnavailable);
    if (ALL.test(ctx.argv[0] ?? '')) {
      const failing = [];
      let delivered = 0;
      let gone = 0;
      for (const letter of s.deadLetters.list()) {
        const outcome = await s.deadLetters.retry(letter.n);
        if (outcome.kind === 'delivered') delivered++;
        else if (outcome.kind === 'gone') gone++;
        else if (outcome.kind === 'failed') failing.push(outcome.letter);
      }
      if (!delivered && !gone && !failing.length) return ctx.reply(t.deadLetterNone);
      return ctx.reply(t.deadLetterAll(delivered, gone, failing));
    }
    const n = numberArg(ctx);
    if (n === undefined) return ctx.reply(t.deadLetterWhich('!erneut'));
    const outcome = await s.deadLetters.retry(n);
    switch (outcome.kind) {
      case 'unknown': return ctx.reply(t.deadLetterUnknown(n));
      case 'delivered': return ctx.reply(t.deadLetterDelivered(outcome.letter));
      case 'gone': return ctx.reply(t.deadLetterGone(outcome.letter));
      case 'failed': return ctx.reply(t.deadLetterStillFailing(outcome.letter, outcome.transient));
    }
  };
}

export function discardDeadLetterHandler(s: BotServices) {
  return async (ctx: MessageContext) => {
    const n = numberArg(ctx);
    if (n === undefined) return ctx.reply(t.deadLetterWhich('!verwerfen'));
    const letter = s.deadLetters.discard(n);
    await ctx.reply(letter ? t.deadLetterDiscarded(letter) : t.deadLetterUnknown(n));
  };
}
