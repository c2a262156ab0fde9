export type SseEvent = { id?: string; event: string; data: string };

/** Parses a Server-Sent Events body into events; comments (heartbeats) are skipped. */
export async function* sseEvents(body: NonNullable<Response['body']>): AsyncGenerator<SseEvent> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':')) continue;
        const event: SseEvent = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('id:')) event.id = line.slice(3).trim();
          else if (line.startsWith('event:')) event.event = line.slice(6).trim();
          else if (line.startsWith('data:')) event.data += line.slice(5).trim();
        }
        yield event;
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
}

/** Reads Server-Sent Events from a URL until `count` events (other than `ready`) arrived or time runs out. */
export async function readSse(url: string, options: { count: number; headers?: Record<string, string>; timeoutMs?: number; onOpen?: () => Promise<void> | void }): Promise<SseEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
  const events: SseEvent[] = [];
  try {
    const res = await fetch(url, { headers: options.headers, signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`SSE status ${res.status}`);
    let opened = false;
    for await (const event of sseEvents(res.body)) {
      if (event.event === 'ready') {
        if (!opened) {
          opened = true;
          await options.onOpen?.();
        }
        continue;
      }
      events.push(event);
      if (events.length >= options.count) break;
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
