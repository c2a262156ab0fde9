import type { MiddlewareHandler } from 'hono';

// Strict defaults for every response. The page may be framed by the service's own origin and
// the sites listed in EMBED_ORIGINS (the widget), by no other site; widget.js itself may be
// loaded by any site.

export function securityHeaders(embedOrigins: string): MiddlewareHandler {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors 'self'${embedOrigins ? ` ${embedOrigins}` : ''}`,
  ].join('; ');
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    h.set('Content-Security-Policy', csp);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', c.req.path === '/widget.js' ? 'cross-origin' : 'same-origin');
    if (c.req.path.startsWith('/api/')) h.set('Cache-Control', 'no-store');
  };
}
