import type { OpenAPIHono } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { AppDeps, AppEnv } from '../env.ts';
import { conversationAuth } from '../middleware/conversation-auth.ts';
import { conversationEvents } from '../../contract/routes/public.ts';

// Server-Sent Events for one conversation. Events are read from the durable log after the
// cursor (Last-Event-ID, or ?after=), so a reconnect resumes exactly where it left off.
// Besides them, `typing` says whether a staff member is typing right now: it is state, not an
// event of the log, so it has no id (a resumed stream never replays old typing) and is read
// only when the stream starts and whenever it is woken.

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
      let woken = true; // at the start and after each notification: look at the typing state too
      const unsubscribe = deps.live.subscribe(conversationId, () => {
        dirty = true;
        woken = true;
        wake?.();
      });
      stream.onAbort(() => {
        closed = true;
        unsubscribe();
        wake?.();
      });
      await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
      let typingShown = false;
      while (!closed) {
        dirty = false;
        const events = await deps.store.listEvents(conversationId, cursor);
        for (const event of events) {
          await stream.writeSSE({ id: String(event.id), event: event.type, data: JSON.stringify(event.payload) });
          cursor = event.id;
        }
        if (woken && deps.typingUntil) {
          woken = false;
          const until = await deps.typingUntil(conversationId);
          // Sent when it changes; the page hides it by itself after forMs (a missed stop never sticks).
          if (until !== undefined || typingShown) {
            typingShown = until !== undefined;
            await stream.writeSSE({ event: 'typing', data: JSON.stringify(until ? { typing: true, forMs: until - Date.now() } : { typing: false }) });
          }
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
