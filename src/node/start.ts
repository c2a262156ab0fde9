// Node entry: config → knowledge → store → app → HTTP server, plus the retention schedule.
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Context } from 'hono';
import { InMemoryLiveEvents } from '../assistant/live-events.ts';
import { loadConfig, type Config } from '../config/config.ts';
import { createLogger, type Logger } from '../http/middleware/request-log.ts';
import { loadKnowledgeFromDir } from '../knowledge/load.ts';
import { createLotse, retentionPolicy } from '../lotse.ts';
import { indexFingerprint } from '../search/index.ts';
import type { KnowledgeBundle } from '../knowledge/types.ts';
import { SqlStore } from '../store/sql-store.ts';
import { openSqliteStoreDriver, type SqliteDriver } from '../store/sqlite-driver.ts';
import { PROJECT_ROOT } from './paths.ts';
import { NODE_ENCODERS } from './compression.ts';
import { loadBotConfig, matrixConfigured } from '../../bots/matrix/config.ts';
import { MatrixBot } from '../../bots/matrix/bot.ts';
import { describeError } from '../../bots/matrix/failures.ts';
import { newToken } from '../assistant/ids.ts';
import { guardUnhandledRejections } from './guard.ts';
import { clientFromForwardedFor } from '../http/forwarded-for.ts';
import { listenError, storeOpenError } from './startup-error.ts';
import { RetentionSchedule } from './retention-schedule.ts';
import { NodeHealth } from './node-health.ts';

export type RunningLotse = {
  url: string;
  port: number;
  store: SqlStore;
  close(): Promise<void>;
  lotse: ReturnType<typeof createLotse>;
  config: Config;
  /** The retention purge's schedule (runNow for operators and tests). */
  retention: RetentionSchedule;
};

function clientIpResolver(trustedHops: number) {
  return (c: Context): string => {
    let peer = 'unknown';
    try {
      peer = getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      // no socket (app.fetch called in process): keep 'unknown'
    }
    return clientFromForwardedFor(c.req.header('x-forwarded-for'), trustedHops, peer);
  };
}

function readPrebuiltIndex(dataDir: string, log: Logger): object | undefined {
  const path = join(dataDir, 'search-index.json');
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    log('warn', 'prebuilt index unreadable, building a fresh one', { path });
    return undefined;
  }
}

const REMINDER_INTERVAL_MS = 60_000;

export async function startLotse(env: Record<string, string | undefined> = process.env): Promise<RunningLotse> {
  const withMatrix = matrixConfigured(env);
  const parsed = loadConfig(env);
  // In one process the bot and the staff API share a secret nobody else needs to know.
  const config = withMatrix && !parsed.STAFF_TOKEN ? { ...parsed, STAFF_TOKEN: newToken() } : parsed;
  const log = createLogger(config.LOG_LEVEL);
  const knowledge = await loadKnowledgeFromDir(resolve(PROJECT_ROOT, config.KNOWLEDGE_DIR));
  const dataDir = resolve(PROJECT_ROOT, config.DATA_DIR);
  const dbPath = join(dataDir, 'lotse.sqlite');
  let store: SqlStore;
  try {
    store = new SqlStore(openSqliteStoreDriver(dbPath));
  } catch (error) {
    throw storeOpenError(dbPath, error);
  }
  let bot: MatrixBot | undefined;
  // The retention purge runs beside the requests, first right after the start (RetentionSchedule).
  const retention = new RetentionSchedule(store, () => retentionPolicy(config), log);
  const files = new NodeHealth(dataDir, store.db as SqliteDriver, retention);
  const lotse = createLotse({
    config,
    knowledge,
    index: readPrebuiltIndexIfFresh(dataDir, knowledge, log),
    store,
    live: new InMemoryLiveEvents(),
    log,
    clientIp: clientIpResolver(config.TRUST_PROXY),
    serveStatic: serveStatic({ root: resolve(PROJECT_ROOT, 'bots/web') }),
    compression: NODE_ENCODERS,
    // The files, the disk and the bot are reported beside the web chat's state, never instead of it.
    health: () => ({
      ...files.report(),
      ...(withMatrix ? { matrix: bot?.health() ?? { state: 'off', deadLetters: 0, reason: 'startet' } } : {}),
    }),
    storageCheck: () => files.storage(),
  });
  // Reminders for unclaimed or silent cases (the escalation service decides who is due).
  const reminders = setInterval(() => void lotse.escalation?.tick().catch((e) => log('error', 'reminder tick failed', { error: String(e) })), REMINDER_INTERVAL_MS);
  reminders.unref();
  let server: ServerType;
  try {
    server = await new Promise((ready, fail) => {
      const s = serve({ fetch: lotse.app.fetch, port: config.PORT, hostname: config.HOST }, () => ready(s));
      s.once('error', fail);
    });
  } catch (error) {
    clearInterval(reminders);
    await store.db.close?.();
    throw listenError(config.HOST, config.PORT, error);
  }
  // Slow clients are cut early (Node's defaults: 60 s for headers, 300 s for a request); a
  // reverse proxy in front should limit connections per address as well (README).
  const http = server as unknown as { headersTimeout: number; requestTimeout: number };
  http.headersTimeout = 15_000;
  http.requestTimeout = 30_000;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST}:${port}`;
  log('info', 'listening', { url, articles: knowledge.articles.length, passages: knowledge.passages.length });
  retention.start(config.PURGE_INTERVAL_MINUTES * 60_000);
  let unguard: (() => void) | undefined;
  if (withMatrix) {
    // The bot shares the process with the web chat: nothing it does may end that process.
    unguard = guardUnhandledRejections((reason) => log('error', 'unhandled promise rejection (contained, the service keeps running)', { reason }), describeError);
    bot = new MatrixBot({
      config: loadBotConfig({ ...env, LOTSE_URL: url, STAFF_TOKEN: config.STAFF_TOKEN, DATA_DIR: dataDir }),
      fetch: (input, init) => Promise.resolve(lotse.app.fetch(new Request(input, init))),
    });
    // Never throws: a bot that cannot start (queue room, login) logs why and keeps trying.
    await bot.launch();
    log('info', bot.health().state === 'off' ? 'matrix bot not started yet, retrying in the background' : 'matrix bot started');
  }
  return {
    url, port, store, lotse, config, retention,
    close: async () => {
      clearInterval(reminders);
      await retention.stop();
      await bot?.stop();
      unguard?.();
      await new Promise<void>((done) => {
        server.close(() => done());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await store.db.close?.();
    },
  };
}

/** Uses data/search-index.json only when it was built from exactly these passages and synonyms. */
function readPrebuiltIndexIfFresh(dataDir: string, knowledge: KnowledgeBundle, log: Logger): object | undefined {
  const index = readPrebuiltIndex(dataDir, log) as { fingerprint?: string } | undefined;
  if (!index) return undefined;
  if (index.fingerprint !== indexFingerprint(knowledge.passages, knowledge.synonyms)) {
    log('info', 'prebuilt index is stale, building a fresh one');
    return undefined;
  }
  return index;
}
