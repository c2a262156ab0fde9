import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import type { StoreHealth } from '../../store/store-health.ts';
import { STORAGE_PROBLEM_TEXT } from '../../store/storage-problem.ts';
import { health } from '../../contract/routes/public.ts';

// 200 as long as the web chat can answer (store reachable and writable, index loaded). What else
// runs in the process (the Matrix bot) is reported beside it but never makes the answer fail: a
// load balancer must not take the web chat away because staff's Matrix room has a problem.
export function healthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps, storeHealth: StoreHealth): void {
  app.openapi(health, async (c) => {
    try {
      await deps.store.ping();
      if (deps.ready && !(await deps.ready())) throw new Error('not ready');
    } catch {
      return apiError(c, 503, 'unavailable', 'Der Dienst startet noch oder der Speicher ist nicht erreichbar.');
    }
    const problem = await storeHealth.check();
    if (problem) {
      return c.json({
        status: 'degraded',
        error: { code: `storage_${problem.kind}`, message: STORAGE_PROBLEM_TEXT[problem.kind] },
        since: new Date(problem.since).toISOString(),
      }, 503, { 'Retry-After': '30' });
    }
    let extra: Record<string, unknown> = {};
    try {
      extra = deps.health?.() ?? {};
    } catch {
      extra = {};
    }
    return c.json({ status: 'ok' as const, ...extra }, 200);
  });
}
