import type { MiddlewareHandler } from 'hono';

// Cache-Control for the web chat's static files. The files have no content hash in their
// names (no build step), so they are cached briefly and then revalidated (Last-Modified);
// the page itself is always revalidated so that a deploy reaches the next visit at once.
// API answers and knowledge pages set their own headers.

const ASSET = /\.(js|css|svg|ico|png|woff2?)$/;

export function staticCache(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const path = c.req.path;
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return;
    if (path.startsWith('/api/') || path.startsWith('/wissen') || c.res.status !== 200) return;
    if (c.res.headers.has('Cache-Control')) return;
    if (ASSET.test(path)) c.res.headers.set('Cache-Control', 'public, max-age=600, must-revalidate');
    else if (path.endsWith('/') || path.endsWith('.html') || !/\.[a-z0-9]+$/i.test(path)) c.res.headers.set('Cache-Control', 'no-cache');
  };
}
