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

  isCommand(body: string): boolean {
    return body.trimStart().startsWith(this.prefix);
  }

  /** Runs the first handler that matches; false when none did (or the sender may not use it). */
  async dispatchMessage(ctx: Omit<MessageContext, 'argv' | 'args' | 'match'>): Promise<boolean> {
    const text = ctx.body.trim();
    if (text.startsWith(this.prefix)) {
      const [word, ...rest] = text.slice(this.prefix.length).split(/\s+/);
      const route = this.commandsByWord.get(normaliseCommand(word ?? ''));
      if (route && allowed(route, ctx)) {
        const args = text.slice(this.prefix.length + word.length).trim();
        await route.handler({ ...ctx, argv: rest.filter(Boolean), args });
        return true;
      }
      if (route) return false;
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
