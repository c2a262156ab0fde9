export type SseEvent = { id?: string; event: string; data: string };

/** Reads Server-Sent Events from a URL until `count` events (other than `ready`) arrived or time runs out. */
export async function readSse(url: string, options: { count: number; headers?: Record<string, string>; timeoutMs?: number; onOpen?: () => Promise<void> | void }): Promise<SseEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 10_000);
  const events: SseEvent[] = [];
  try {
    const res = await fetch(url, { headers: options.headers, signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`SSE status ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let opened = false;
    while (events.length < options.count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = { event: 'message', data: '' };
        for (const line of block.split('\n')) {
          if (line.startsWith('id:')) event.id = line.slice(3).trim();
          else if (line.startsWith('event:')) event.event = line.slice(6).trim();
          else if (line.startsWith('data:')) event.data += line.slice(5).trim();
        }
        if (event.event === 'ready') {
          if (!opened) {
            opened = true;
            await options.onOpen?.();
          }
          continue;
        }
        if (block.startsWith(':')) continue;
        events.push(event);
      }
    }
    await reader.cancel().catch(() => {});
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}
