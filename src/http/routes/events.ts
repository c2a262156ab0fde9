import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppDeps, AppEnv } from '../env.ts';
import { conversationAuth } from '../middleware/conversation-auth.ts';
import { conversationEvents } from '../../contract/routes/public.ts';

// Server-Sent Events for one conversation. Events are read from the durable log after the
// cursor (Last-Event-ID, or ?after=), so a reconnect resumes exactly where it left off.

const HEARTBEAT_MS = 15_000;

function startCursor(lastEventId: string | undefined, after: string | undefined): number {
  const value = Number(lastEventId ?? after ?? 0);
  return Number.isSafeInteger(value) && value > 0 ? value : 0;
}

export function eventRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.use('/api/conversations/:id/events', conversationAuth(deps.service, { allowQueryToken: true }));
  app.openapi(conversationEvents, (c) => {
    const conversationId = c.get('conversation').id;
    let cursor = startCursor(c.req.header('last-event-id'), c.req.query('after'));
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | undefined;
      let closed = false;
      let dirty = false; // a notification that arrived while we were reading, not waiting
      const unsubscribe = deps.live.subscribe(conversationId, () => {
        dirty = true;
        wake?.();
      });
      stream.onAbort(() => {
        closed = true;
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
      while (!closed) {
        dirty = false;
        const events = await deps.store.listEvents(conversationId, cursor);
        for (const event of events) {
          await stream.writeSSE({ id: String(event.id), event: event.type, data: JSON.stringify(event.payload) });
          cursor = event.id;
        }
        if (events.length > 0 || dirty) continue;
        const timedOut = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(true), HEARTBEAT_MS);
          wake = () => {
            clearTimeout(timer);
            resolve(false);
          };
        });
        wake = undefined;
        if (timedOut && !closed) await stream.write(': ping\n\n');
      }
    });
  });
}
