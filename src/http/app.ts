import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './env.ts';
import { apiError, MESSAGES } from './errors.ts';
import { presentsToken } from './middleware/conversation-auth.ts';
import { requireJson } from './middleware/json-body.ts';
import { rateLimit, WindowCounter } from './middleware/rate-limit.ts';
import { requestLog } from './middleware/request-log.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { methodNotAllowed } from './middleware/method-not-allowed.ts';
import { StoreHealth } from '../store/store-health.ts';
import { staticCache } from './middleware/static-cache.ts';
import { compression } from './middleware/compression.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { eventRoutes } from './routes/events.ts';
import { healthRoutes } from './routes/health.ts';
import { knowledgePageRoutes } from './routes/knowledge-pages.ts';
import { invalidRequest } from './validation.ts';
import { openApiDocument } from '../contract/document.ts';
import { openApiDocument as openApiRoute } from '../contract/routes/public.ts';
import { roleRoutes } from './routes/role.ts';

// The one Hono app, the same on Node and on Workers. Runtime specifics arrive through deps.

const MAX_BODY_BYTES = 64 * 1024;

export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: invalidRequest });

  app.use('*', requestLog(deps.log));
  app.use('*', compression(deps.compression ?? []));
  app.use('*', securityHeaders(deps.limits.embedOrigins));
  app.use('*', methodNotAllowed(app));
  app.use('/api/*', rateLimit(new WindowCounter(deps.limits.ipPerMinute), deps.clientIp, (c) => presentsToken(c.req.header('authorization'), deps.limits.trustedToken)));
  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => apiError(c, 413, 'payload_too_large', MESSAGES.payload_too_large) }));
  app.use('/api/*', requireJson());

  // A write that fails for want of disk space (or a read-only or damaged file) is a fault of the
  // storage, not a bug: it gets a 503 that names the emergency numbers, and /healthz reports it
  // until a probe write succeeds again.
  const storeHealth = new StoreHealth(() => deps.store.probeWrite(Date.now()));
  healthRoutes(app, deps, storeHealth);
  conversationRoutes(app, deps);
  roleRoutes(app, deps);
  eventRoutes(app, deps);
  knowledgePageRoutes(app, deps);
  for (const extend of deps.extend ?? []) extend(app);

  // The document is generated from the contract, so it describes every operation (staff ones
  // too) whatever this process has registered.
  app.openapi(openApiRoute, (c) => c.json(openApiDocument(), 200));

  if (deps.serveStatic) app.use('/*', staticCache(), deps.serveStatic);

  app.notFound((c) => apiError(c, 404, 'not_found', MESSAGES.not_found));
  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const status = error.status;
      if (status === 400) return apiError(c, 400, 'invalid_json', MESSAGES.invalid_json);
      if (status === 413) return apiError(c, 413, 'payload_too_large', MESSAGES.payload_too_large);
      if (status === 415) return apiError(c, 415, 'unsupported_media_type', MESSAGES.unsupported_media_type);
      if (status < 500) return apiError(c, status, 'invalid_request', error.message || 'Ungültige Anfrage.');
    }
    const problem = storeHealth.failed(error);
    if (problem) {
      deps.log('error', 'store write failed', { path: c.req.path, problem, detail: (error as Error).message?.slice(0, 200) });
      return apiError(c, 503, 'unavailable', MESSAGES.storage_unavailable, { 'Retry-After': '60' });
    }
    deps.log('error', 'unhandled', { path: c.req.path, error: (error as Error).name, detail: (error as Error).message?.slice(0, 200) });
    return apiError(c, 500, 'internal', MESSAGES.internal);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
