import type { Hono, MiddlewareHandler } from 'hono';
import { apiError } from '../errors.ts';

// A known path asked with a method it does not serve gets 405 with an Allow header, before any
// body check (a PUT without JSON used to be told to send JSON, a DELETE that the page was not
// found). The routes are read from the app at the first request, when all are registered.

type Route = { pattern: RegExp; method: string };

function compile(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

export function methodNotAllowed(app: Hono<any>): MiddlewareHandler {
  let routes: Route[] | undefined;
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    routes ??= app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*')).map((r) => ({ pattern: compile(r.path), method: r.method }));
    const path = c.req.path;
    const matching = routes.filter((r) => r.pattern.test(path));
    if (matching.length === 0) return next();
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (matching.some((r) => r.method === method)) return next();
    const allow = [...new Set(matching.map((r) => r.method))];
    if (allow.includes('GET')) allow.push('HEAD');
    return apiError(c, 405, 'method_not_allowed', `Die Methode ${c.req.method} ist hier nicht möglich; erlaubt: ${allow.join(', ')}.`, { Allow: allow.join(', ') });
  };
}
