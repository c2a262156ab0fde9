import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import type { StoreHealth } from '../../store/store-health.ts';
import { STORAGE_PROBLEM_TEXT } from '../../store/storage-problem.ts';
import { health } from '../../contract/routes/public.ts';

// 200 as long as the web chat can answer (store reachable and writable, index loaded). What else
// the runtime knows (on Node: the store's files, the disk, the Matrix bot) is reported beside it,
// also with a 503, but never makes the answer fail by itself: a load balancer must not take the
// web chat away because staff's Matrix room has a problem or the disk is getting low.
export function healthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps, storeHealth: StoreHealth): void {
  app.openapi(health, async (c) => {
    try {
      await deps.store.ping();
      if (deps.ready && !(await deps.ready())) throw new Error('not ready');
    } catch {
      return apiError(c, 503, 'unavailable', 'Der Dienst startet noch oder der Speicher ist nicht erreichbar.');
    }
    let disk: ReturnType<NonNullable<AppDeps['storageCheck']>> = { suspect: false };
    try {
      disk = deps.storageCheck?.() ?? disk;
    } catch {
      disk = { suspect: false };
    }
    const problem = (await storeHealth.check(Date.now(), disk.suspect)) ?? disk.problem;
    let extra: Record<string, unknown> = {};
    try {
      extra = deps.health?.() ?? {};
    } catch {
      extra = {};
    }
    if (problem) {
      return c.json({
        status: 'degraded' as const,
        error: { code: `storage_${problem.kind}`, message: STORAGE_PROBLEM_TEXT[problem.kind] },
        since: new Date(problem.since).toISOString(),
        ...extra,
      }, 503, { 'Retry-After': '30' });
    }
    return c.json({ status: 'ok' as const, ...extra }, 200);
  });
}
