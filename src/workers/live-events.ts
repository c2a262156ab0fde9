// LiveEvents for the Worker: notify() pokes the conversation's LiveConversationHub, subscribe()
// holds a WebSocket to it for as long as an SSE stream is open. See live-hub.ts for the design.
import { waitUntil } from 'cloudflare:workers';
import type { LiveEvents } from '../assistant/live-events.ts';
import type { Logger } from '../http/middleware/request-log.ts';
import type { DurableObjectNamespace } from './bindings.ts';
import { HUB_ORIGIN } from './live-hub.ts';

type ClientSocket = {
  accept(): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message' | 'close' | 'error', listener: () => void): void;
};

const RECONNECT_MS = [250, 1000, 5000];

// Local workerd (wrangler dev, tests) throws "Jurisdiction restrictions are not implemented";
// Cloudflare's network implements them. The hubs hold no data, so falling back is safe; it is logged.
function restrict(namespace: DurableObjectNamespace, jurisdiction: string, log: Logger): DurableObjectNamespace {
  try {
    return namespace.jurisdiction(jurisdiction as Parameters<DurableObjectNamespace['jurisdiction']>[0]);
  } catch (error) {
    log('warn', 'durable object jurisdiction unavailable, using an unrestricted namespace', { jurisdiction, error: String(error) });
    return namespace;
  }
}

export class DurableObjectLiveEvents implements LiveEvents {
  private readonly namespace: DurableObjectNamespace;
  private readonly log: Logger;

  constructor(namespace: DurableObjectNamespace, options: { jurisdiction?: string; log: Logger }) {
    this.log = options.log;
    this.namespace = options.jurisdiction ? restrict(namespace, options.jurisdiction, this.log) : namespace;
  }

  private hub(conversationId: string) {
    return this.namespace.get(this.namespace.idFromName(conversationId));
  }

  notify(conversationId: string): void {
    // Called inside a request (or a cron run); waitUntil keeps the poke alive after the response.
    const poke = this.hub(conversationId)
      .fetch(`${HUB_ORIGIN}/notify`, { method: 'POST' })
      .then((res) => res.body?.cancel())
      .catch((error: unknown) => this.log('warn', 'live notify failed', { error: String(error) }));
    waitUntil(poke);
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    let socket: ClientSocket | undefined;
    let stopped = false;
    let attempt = 0;

    const since = Date.now();
    const connect = async () => {
      try {
        // On a reconnect, everything since the first subscribe may have been missed.
        const res = await this.hub(conversationId).fetch(`${HUB_ORIGIN}/subscribe?since=${since}`, { headers: { upgrade: 'websocket' } });
        const ws = (res as unknown as { webSocket: ClientSocket | null }).webSocket;
        if (!ws) throw new Error(`hub answered ${res.status} without a socket`);
        ws.accept();
        if (stopped) return ws.close(1000, 'done');
        socket = ws;
        attempt = 0;
        ws.addEventListener('message', listener);
        ws.addEventListener('close', reconnect);
        // A notify that reached the hub while we were subscribing: wake once so the waiter re-reads.
        if (res.headers.get('x-live-missed') === '1') listener();
      } catch (error) {
        this.log('warn', 'live subscribe failed', { error: String(error) });
        reconnect();
      }
    };
    const reconnect = () => {
      socket = undefined;
      if (stopped) return;
      const delay = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)];
      setTimeout(() => void connect(), delay);
    };

    void connect();
    return () => {
      stopped = true;
      try {
        socket?.close(1000, 'done');
      } catch {
        // already closed
      }
      socket = undefined;
    };
  }
}
