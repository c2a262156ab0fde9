import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';

export function healthRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.get('/healthz', async (c) => {
    try {
      await deps.store.ping();
      if (deps.ready && !(await deps.ready())) throw new Error('not ready');
      return c.json({ status: 'ok' });
    } catch {
      return apiError(c, 503, 'unavailable', 'Der Dienst startet noch oder der Speicher ist nicht erreichbar.');
    }
  });
}
