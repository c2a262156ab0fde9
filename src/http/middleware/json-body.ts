import type { MiddlewareHandler } from 'hono';
import { apiError, MESSAGES } from '../errors.ts';

/** Requests with a body must be JSON; anything else is a 415 before validation runs. */
export function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
        return apiError(c, 415, 'unsupported_media_type', MESSAGES.unsupported_media_type);
      }
    }
    await next();
  };
}
