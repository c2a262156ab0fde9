// Botkit-like routing: handlers declare what they hear (a command with aliases, a text pattern,
// a reaction key) and where; the bot hands every incoming event to `dispatch…` and the first
// matching handler runs. All registrations live in handlers/index.ts.

export type RoomKind = 'queue' | 'case' | 'direct' | 'other';

export type MessageContext = {
  roomId: string;
  roomKind: RoomKind;
  eventId: string;
  sender: string;
  /** Plain text as sent (reply fallback removed). */
  body: string;
  isStaff: boolean;
  /** The event this message replies to, if any. */
  inReplyTo?: string;
  /** Filled by the router: the text after the command word, split and whole. */
  argv: string[];
  args: string;
  match?: RegExpMatchArray;
  reply: (text: string, html?: string) => Promise<string>;
};

export type ReactionContext = {
  roomId: string;
  roomKind: RoomKind;
  eventId: string;
  sender: string;
  isStaff: boolean;
  key: string;
  /** The event the reaction points at. */
  targetEventId: string;
  reply: (text: string, html?: string) => Promise<string>;
};

/** An unknown command (`suggestion`: the closest known one), or a known one used where it does not work (`known`). */
export type UnknownCommandContext = MessageContext & { word: string; suggestion?: CommandInfo; known?: CommandInfo };

export type Handler<C> = (ctx: C) => Promise<unknown> | unknown;

type Scope = { where?: RoomKind[]; staffOnly?: boolean };
export type CommandInfo = { name: string; aliases: string[]; usage: string; summary: string } & Scope;

type CommandRoute = CommandInfo & { handler: Handler<MessageContext> };
type PatternRoute = Scope & { pattern: RegExp; handler: Handler<MessageContext> };
type ReactionRoute = Scope & { key: string; handler: Handler<ReactionContext> };

/** Lower case, umlauts folded, so `!Übernehmen`, `!uebernehmen` and `!ubernehmen` all match. */
export function normaliseCommand(word: string): string {
  return word.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

function foldVariants(word: string): string[] {
  const n = normaliseCommand(word);
  return [...new Set([n, n.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u').replace(/ss/g, 's')])];
}

/** Strips variation selectors so "✋" and "✋️" count as the same reaction. */
export function normaliseReactionKey(key: string): string {
  return key.replace(/[\uFE0E\uFE0F]/g, '').replace(/\u{1F3FB}|\u{1F3FC}|\u{1F3FD}|\u{1F3FE}|\u{1F3FF}/gu, '');
}

export class Router {
  private readonly commandsByWord = new Map<string, CommandRoute>();
  private readonly commandList: CommandRoute[] = [];
  private readonly patterns: PatternRoute[] = [];
  private readonly reactions: ReactionRoute[] = [];
  private unknownHandler: Handler<UnknownCommandContext> | undefined;
  readonly prefix: string;

  constructor(prefix = '!') {
    this.prefix = prefix;
  }

  command(name: string, aliases: string[], info: Omit<CommandInfo, 'name' | 'aliases'>, handler: Handler<MessageContext>): this {
    const route: CommandRoute = { name, aliases, ...info, handler };
    this.commandList.push(route);
    for (const word of [name, ...aliases]) for (const variant of foldVariants(word)) this.commandsByWord.set(variant, route);
    return this;
  }

  hears(pattern: RegExp, scope: Scope, handler: Handler<MessageContext>): this {
    this.patterns.push({ pattern, ...scope, handler });
    return this;
  }

  reaction(key: string, scope: Scope, handler: Handler<ReactionContext>): this {
    this.reactions.push({ key: normaliseReactionKey(key), ...scope, handler });
    return this;
  }

  commands(): CommandInfo[] {
    return this.commandList.map(({ handler: _h, ...info }) => info);
  }

  /**
   * A command is the prefix followed directly by a letter (`!fall`, `!übernehmen`). A line like
   * `!!! Bitte sofort 110 anrufen` is text, not a command, and is relayed like any other line.
   */
  isCommand(body: string): boolean {
    const text = body.trimStart();
    return text.startsWith(this.prefix) && /^\p{L}/u.test(text.slice(this.prefix.length));
  }

  /** Called when a command word is not known, or not usable here; the handler answers it. */
  onUnknown(handler: Handler<UnknownCommandContext>): this {
    this.unknownHandler = handler;
    return this;
  }

  /** The known command closest to `word` (by edit distance on the folded names), if any is close. */
  closest(word: string, ctx: { roomKind: RoomKind; isStaff: boolean }): CommandInfo | undefined {
    const folded = normaliseCommand(word);
    let best: { route: CommandRoute; distance: number } | undefined;
    for (const route of this.commandList) {
      if (!allowed(route, ctx)) continue;
      for (const candidate of [route.name, ...route.aliases].flatMap(foldVariants)) {
        // A prefix counts as close ("!über" → !übernehmen), otherwise plain edit distance.
        const distance = candidate.startsWith(folded) && folded.length >= 3 ? 1 : editDistance(folded, candidate);
        if (!best || distance < best.distance) best = { route, distance };
      }
    }
    if (!best || best.distance > Math.max(2, Math.floor(folded.length / 3))) return undefined;
    const { handler: _h, ...info } = best.route;
    return info;
  }

  /** Runs the first handler that matches; false when none did (or the sender may not use it). */
  async dispatchMessage(ctx: Omit<MessageContext, 'argv' | 'args' | 'match'>): Promise<boolean> {
    const text = ctx.body.trim();
    if (this.isCommand(text)) {
      const [word, ...rest] = text.slice(this.prefix.length).split(/\s+/);
      const route = this.commandsByWord.get(normaliseCommand(word ?? ''));
      if (route && allowed(route, ctx)) {
        const args = text.slice(this.prefix.length + word.length).trim();
        await route.handler({ ...ctx, argv: rest.filter(Boolean), args });
        return true;
      }
      // Nothing typed with the prefix may vanish: an unknown or misplaced command is answered.
      if (this.unknownHandler && (ctx.isStaff || ctx.roomKind === 'direct')) {
        const { handler: _h, ...known } = route ?? { handler: undefined };
        await this.unknownHandler({ ...ctx, argv: rest.filter(Boolean), args: text, word, known: route ? (known as CommandInfo) : undefined, suggestion: route ? undefined : this.closest(word, ctx) });
        return true;
      }
      return false;
    }
    for (const route of this.patterns) {
      const match = text.match(route.pattern);
      if (match && allowed(route, ctx)) {
        await route.handler({ ...ctx, argv: [], args: text, match });
        return true;
      }
    }
    return false;
  }

  async dispatchReaction(ctx: ReactionContext): Promise<boolean> {
    const key = normaliseReactionKey(ctx.key);
    const route = this.reactions.find((r) => r.key === key && allowed(r, ctx));
    if (!route) return false;
    await route.handler(ctx);
    return true;
  }
}

function allowed(scope: Scope, ctx: { roomKind: RoomKind; isStaff: boolean }): boolean {
  if (scope.staffOnly !== false && !ctx.isStaff) return false;
  return !scope.where || scope.where.includes(ctx.roomKind);
}

/** Levenshtein distance; command words are short, so the plain table is enough. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
