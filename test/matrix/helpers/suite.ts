// One setup for the Matrix tests: the real service, a queue room that Anna (staffA) creates and
// the other staff join, and the real bot reaching the service through app.fetch (or over HTTP).
// Registers its own beforeAll/afterAll in the calling describe block (or file), so a test file
// says only what differs. The staff accounts are registered once on the test Synapse by
// test/setup/synapse-global.ts.
import { afterAll, beforeAll, inject } from 'vitest';
import type { MatrixBot, MatrixBotOptions } from '../../../bots/matrix/bot.ts';
import type { FetchLike } from '../../../bots/matrix/lotse-api.ts';
import { botEnv, startBot } from './bot.ts';
import { startService, WebAsker } from './lotse.ts';
import { isReplyTo, TestMatrixUser, waitUntil, type TestEvent } from './matrix-client.ts';

type Service = Awaited<ReturnType<typeof startService>>;

export type MatrixSuiteOptions = {
  /** Name of the queue room; each file its own, so that posts of one never meet another. */
  queueRoom: string;
  /** Who joins the queue room besides Anna, who creates it (default: Bernd). */
  members?: Array<'staffB' | 'outsider'>;
  /** Settings of the service (environment variable names). */
  serviceEnv?: Record<string, string>;
  /** Settings of the bot besides the test defaults of botEnv(); a function when they depend on the started service. */
  botEnv?: Record<string, string> | ((service: Service) => Record<string, string>);
  /** Further options of the bot (state file, logger, retention). */
  bot?: Partial<MatrixBotOptions>;
  /** How the bot reaches the service: in one process through app.fetch (default), or over HTTP. */
  over?: 'app.fetch' | 'http';
};

/** The bot's fetch when it runs in the service's process: straight into the Hono app. */
export function inProcess(service: Service): FetchLike {
  const app = service.lotse.app;
  return (input, init) => Promise.resolve(app.fetch(new Request(input, init)));
}

export function matrixSuite(options: MatrixSuiteOptions) {
  const synapse = inject('synapse');
  const users = {
    staffA: new TestMatrixUser(synapse.baseUrl, synapse.users.staffA),
    staffB: new TestMatrixUser(synapse.baseUrl, synapse.users.staffB),
    outsider: new TestMatrixUser(synapse.baseUrl, synapse.users.outsider),
    professional: new TestMatrixUser(synapse.baseUrl, synapse.users.professional),
  };
  const botId = synapse.users.bot.userId;
  const members = options.members ?? ['staffB'];
  const state: { service?: Service; bot?: MatrixBot; queueRoom?: string } = {};
  const askers: WebAsker[] = [];

  beforeAll(async () => {
    state.service = await startService({ env: options.serviceEnv });
    state.queueRoom = await users.staffA.createRoom({ name: options.queueRoom, invite: [botId, ...members.map((m) => users[m].userId)] });
    for (const m of members) await users[m].join(state.queueRoom);
    const overHttp = options.over === 'http';
    const extraEnv = typeof options.botEnv === 'function' ? options.botEnv(state.service) : options.botEnv;
    state.bot = await startBot(botEnv(synapse, state.queueRoom, { ...(overHttp ? { LOTSE_URL: state.service.url } : {}), ...extraEnv }), {
      ...(overHttp ? {} : { fetch: inProcess(state.service) }),
      ...options.bot,
    });
  });

  afterAll(async () => {
    for (const a of askers) a.close();
    await state.bot?.stop();
    // After the bot has stopped, so that no invite of a late feed event is left for the next file.
    await Promise.all([users.staffA.declineInvites(), ...members.map((m) => users[m].declineInvites())]);
    await state.service?.close();
  });

  const suite = {
    synapse,
    botId,
    ...users,
    get service() { return state.service!; },
    get bot() { return state.bot!; },
    get queueRoom() { return state.queueRoom!; },
    /** A web-chat asker with an open SSE stream, closed after the suite. */
    async asker(role?: string, region?: string): Promise<WebAsker> {
      const asker = await new WebAsker(state.service!.url).start(role, region);
      askers.push(asker);
      return asker;
    },
    /** The bot's queue notice of a case (not an edit, not a reply). */
    noticeFor: (number: string) => (e: TestEvent) =>
      e.sender === botId && e.type === 'm.room.message' && !e.content['m.relates_to'] && String(e.content.body).includes(`Fall ${number}`),
    /** A message of the bot whose text matches. */
    fromBot: (pattern: RegExp) => (e: TestEvent) => e.sender === botId && pattern.test(String(e.content.body ?? '')),
    /** Sends a command and returns the bot's reply to it. */
    async command(user: TestMatrixUser, room: string, text: string): Promise<string> {
      const id = await user.sendText(room, text);
      return String((await user.waitFor(room, isReplyTo(id), 20_000, `reply to ${text}`)).content.body);
    },
    /** Joins the case room of `number` once the bot has invited `user`. */
    async joinCaseRoom(user: TestMatrixUser, number: string): Promise<string> {
      const room = await waitUntil(() => user.inviteNamed(`Fall ${number}`), 20_000, `invite to ${number}`);
      await user.join(room);
      return room;
    },
    /** Waits for the notice of `number`, claims it with !übernehmen and joins its case room. */
    async claim(user: TestMatrixUser, number: string): Promise<string> {
      await user.waitFor(state.queueRoom!, suite.noticeFor(number), 20_000, 'notice');
      const claim = await user.sendText(state.queueRoom!, `!übernehmen ${number}`);
      await user.waitFor(state.queueRoom!, isReplyTo(claim), 20_000, 'claim reply');
      return suite.joinCaseRoom(user, number);
    },
  };
  return suite;
}
