// Starts the Worker on the real workerd runtime through wrangler's test harness (Miniflare):
// local D1 with the project's migrations applied, the Durable Object, static assets, no network.
import { join, resolve } from 'node:path';
import type { TestHarness } from 'wrangler';
import { buildWorkerBundle, writeWorkerBundle } from '../../scripts/build-worker-bundle.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

// Set before wrangler loads: no usage metrics, no download of the Request.cf placeholder.
export function offlineWranglerEnv(): Record<string, string> {
  return { WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', WRANGLER_LOG_PATH: join(ROOT, '.cache', 'wrangler-logs') };
}
Object.assign(process.env, offlineWranglerEnv());

let bundleReady: Promise<unknown> | undefined;
/** data/worker-bundle.json, freshly built from knowledge/ once per test process. */
export function ensureWorkerBundle(): Promise<unknown> {
  return (bundleReady ??= buildWorkerBundle().then((bundle) => writeWorkerBundle(bundle)));
}

export type TestWorker = {
  url: string;
  server: TestHarness;
  close(): Promise<void>;
};

export const QUIET_VARS = { LOG_LEVEL: 'warn', RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0' };

/** The Worker of wrangler.toml (and optionally a peer Worker sharing its D1 and Durable Objects). */
export async function startTestWorker(vars: Record<string, string> = {}, options: { peer?: boolean } = {}): Promise<TestWorker> {
  await ensureWorkerBundle();
  const { createTestHarness } = await import('wrangler');
  const workers = [{ configPath: './wrangler.toml', vars: { ...QUIET_VARS, ...vars } }];
  if (options.peer) workers.push({ configPath: './test/workers/wrangler.peer.toml', vars: { ...QUIET_VARS, ...vars } });
  const server = createTestHarness({ root: ROOT, workers });
  try {
    const { url } = await server.listen();
    await server.getWorker().applyD1Migrations('DB');
    return { url: url.href.replace(/\/$/, ''), server, close: () => server.close() };
  } catch (error) {
    await server.close().catch(() => {});
    throw error;
  }
}
