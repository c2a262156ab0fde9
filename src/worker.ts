// Cloudflare Workers entry: the same Lotse as src/node/start.ts, assembled from Worker parts —
// config from vars/secrets, the prebuilt knowledge bundle and index, D1 as the store, a Durable
// Object per conversation for live wake-ups, CF-Connecting-IP as the client address.
import bundle from 'lotse:worker-bundle';
import { ConfigError, loadConfig, type Config } from './config/config.ts';
import { createLogger, type Logger } from './http/middleware/request-log.ts';
import { createLotse, retentionPolicy } from './lotse.ts';
import { SqlStore } from './store/sql-store.ts';
import { serveAssets } from './workers/assets.ts';
import { stringVars, type ExecutionContext, type ScheduledController, type WorkerEnv } from './workers/bindings.ts';
import { checkWorkerBundle } from './workers/bundle.ts';
import { D1Driver } from './workers/d1-driver.ts';
import { DurableObjectLiveEvents } from './workers/live-events.ts';

export { LiveConversationHub } from './workers/live-hub.ts';

type Instance = {
  config: Config;
  log: Logger;
  store: SqlStore;
  lotse: ReturnType<typeof createLotse>;
};

// One instance per isolate, built on the first event: bindings only arrive with an event, and
// assembling lazily keeps module start-up (which has a tighter CPU limit) to parsing the bundle.
let instance: Instance | undefined;

function assemble(env: WorkerEnv): Instance {
  // On Cloudflare's network clocks only advance across I/O, so `ms` below reads ~0 there; on local
  // workerd (wrangler dev, bench/workers.ts) it is the real cost of a cold isolate's assembly.
  const started = performance.now();
  const config = loadConfig(stringVars(env));
  const log = createLogger(config.LOG_LEVEL);
  const { knowledge, index } = checkWorkerBundle(bundle);
  const store = new SqlStore(new D1Driver(env.DB));
  const live = new DurableObjectLiveEvents(env.LIVE, { jurisdiction: env.LIVE_JURISDICTION || undefined, log });
  const lotse = createLotse({
    config,
    knowledge,
    index,
    store,
    live,
    log,
    clientIp: (c) => c.req.header('cf-connecting-ip') ?? 'unknown',
    serveStatic: env.ASSETS ? serveAssets(env.ASSETS) : undefined,
  });
  log('info', 'isolate ready', { articles: knowledge.articles.length, passages: knowledge.passages.length, ms: Math.round(performance.now() - started) });
  return { config, log, store, lotse };
}

function getInstance(env: WorkerEnv): Instance {
  return (instance ??= assemble(env));
}

// A bad variable must not leak into a response, and its value may be a secret: log the name only.
function configFailure(error: ConfigError): Response {
  const name = /^Konfigurationsfehler: (\w+)=/.exec(error.message)?.[1] ?? 'unbekannt';
  console.error(JSON.stringify({ level: 'error', msg: 'configuration error', variable: name }));
  return Response.json(
    { error: { code: 'unavailable', message: 'Der Dienst ist nicht richtig eingerichtet. Bitte später erneut versuchen.' } },
    { status: 503 },
  );
}

const MINUTE = 60_000;

/**
 * The Cron Trigger runs every minute (wrangler.toml): escalation reminders on every run, the
 * retention purge every PURGE_INTERVAL_MINUTES (as on Node). Both are idempotent, so a skipped
 * run only delays them.
 */
async function runScheduled(lotse: Instance, scheduledTime: number): Promise<void> {
  const { escalation } = lotse.lotse;
  if (escalation) {
    const reminders = await escalation.tick();
    if (reminders > 0) lotse.log('info', 'escalation reminders', { reminders });
  }
  if (Math.floor(scheduledTime / MINUTE) % lotse.config.PURGE_INTERVAL_MINUTES === 0) {
    const counts = await lotse.store.purge(retentionPolicy(lotse.config), scheduledTime);
    lotse.log('info', 'retention purge', counts);
  }
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    try {
      return getInstance(env).lotse.app.fetch(request, env, ctx as never);
    } catch (error) {
      if (error instanceof ConfigError) return configFailure(error);
      throw error;
    }
  },

  // Awaited (not waitUntil) so that a failing purge marks the cron run as failed in the dashboard.
  async scheduled(controller: ScheduledController, env: WorkerEnv): Promise<void> {
    await runScheduled(getInstance(env), controller.scheduledTime);
  },
};
