import type { MiddlewareHandler } from 'hono';

// One JSON line per request: id, method, path (never the query, which may hold a token),
// status and duration. No message text, no personal data.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type Logger = (level: Exclude<LogLevel, 'silent'>, msg: string, fields?: Record<string, unknown>) => void;

const ORDER = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => console.log(line)): Logger {
  return (lvl, msg, fields) => {
    if (ORDER[lvl] < ORDER[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }));
  };
}

export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const requestId = c.req.header('x-request-id')?.slice(0, 64).replace(/[^\w.-]/g, '') || crypto.randomUUID();
    c.header('X-Request-Id', requestId);
    await next();
    log('info', 'request', {
      requestId, method: c.req.method, path: c.req.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id'),
      status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
