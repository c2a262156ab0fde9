// Live conversation events across isolates: one Durable Object per conversation only WAKES.
//
// Design (the simplest that works across isolates and stays correct):
// - Events themselves live in D1 (the durable event log). The SSE route (src/http/routes/events.ts)
//   always reads `events WHERE id > cursor` from the store, so resuming with Last-Event-ID works
//   exactly as on Node, and the Durable Object never holds message content or personal data.
// - An SSE request subscribes by opening a WebSocket from its Worker isolate to the conversation's
//   hub (`idFromName(conversationId)`); the hub accepts it with the hibernation API, so an idle
//   hub costs nothing while streams wait.
// - Whoever commits events for the conversation (a message, a staff reply, a case change) sends
//   `POST /notify` to the same hub, which writes "wake" to every subscribed socket. Each SSE loop
//   then reads the new events from D1 and writes them to its client.
// - Subscribing takes a round trip, and a notify can land in it. The subscriber sends the time it
//   began (`since`; on Workers that is the time of its last I/O, i.e. when its store read returned);
//   if the hub was notified after that (with a small margin for clock skew), it answers
//   `x-live-missed: 1` and the subscriber wakes once. The margin is kept small because a waiter
//   that wakes for nothing (a feed long poll) returns early and polls again.
// - A wake-up that still gets lost (hub restarted, socket dropped) only delays: the SSE loop
//   re-reads the store on every heartbeat (15 s), and the subscriber reconnects.
import type { DurableObjectState } from '@cloudflare/workers-types/index.ts';

type HubSocket = { send(message: string): void; close(code?: number, reason?: string): void };
type SocketPair = { 0: HubSocket; 1: HubSocket };
const WebSocketPairClass = (globalThis as unknown as { WebSocketPair: new () => SocketPair }).WebSocketPair;

export const HUB_ORIGIN = 'https://live-hub.internal';

/** How far before `since` a notify still counts as possibly missed (clock skew between machines). */
export const MISSED_MARGIN_MS = 50;

export class LiveConversationHub {
  private readonly state: DurableObjectState;
  // In memory only: after eviction there was no recent notify, which is exactly what 0 says.
  private lastNotifyAt = 0;

  constructor(state: DurableObjectState, _env: unknown) {
    this.state = state;
  }

  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === '/subscribe' && request.headers.get('upgrade')?.toLowerCase() === 'websocket') {
      const pair = new WebSocketPairClass();
      this.state.acceptWebSocket(pair[1] as unknown as Parameters<DurableObjectState['acceptWebSocket']>[0]);
      const since = Number(url.searchParams.get('since')) || 0;
      const missed = this.lastNotifyAt > 0 && this.lastNotifyAt >= since - MISSED_MARGIN_MS;
      return new Response(null, { status: 101, webSocket: pair[0], headers: { 'x-live-missed': missed ? '1' : '0' } } as ResponseInit);
    }
    if (url.pathname === '/notify' && request.method === 'POST') {
      this.lastNotifyAt = Date.now();
      const sockets = this.state.getWebSockets();
      for (const socket of sockets) {
        try {
          socket.send('wake');
        } catch {
          // A socket that is closing: its subscriber reconnects or is gone.
        }
      }
      return Response.json({ woken: sockets.length });
    }
    return new Response('not found', { status: 404 });
  }

  // Subscribers never send anything meaningful; the handlers exist so hibernation can deliver events.
  webSocketMessage(): void {}

  webSocketClose(socket: HubSocket, code: number): void {
    try {
      socket.close(code === 1005 || code === 1006 ? 1000 : code, 'closed');
    } catch {
      // already closed
    }
  }

  webSocketError(socket: HubSocket): void {
    this.webSocketClose(socket, 1011);
  }
}
