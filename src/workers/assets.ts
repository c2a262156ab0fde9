// bots/web on Workers: served from the platform's static assets, but through the Hono app
// (wrangler.toml run_worker_first = true) so that every file gets the same security headers
// (CSP with EMBED_ORIGINS, nosniff, …) as on Node.
import type { MiddlewareHandler } from 'hono';
import type { WorkerEnv } from './bindings.ts';

export function serveAssets(assets: NonNullable<WorkerEnv['ASSETS']>): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const res = (await assets.fetch(c.req.raw as never)) as unknown as Response;
    if (res.status === 404) return next();
    // A fetched Response has immutable headers; copy it so the header middleware can add to it.
    return new Response(res.body, res);
  };
}
