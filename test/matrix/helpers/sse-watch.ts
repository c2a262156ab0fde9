import { sseEvents } from '../../helpers/sse.ts';

// Keeps an SSE stream of one conversation open and collects its events, so a test can wait
// for the one it expects.
export type WatchedEvent = { id?: string; event: string; data: any; at: number };

export class SseWatch {
  readonly events: WatchedEvent[] = [];
  private readonly controller = new AbortController();
  private listeners: Array<() => void> = [];
  readonly opened: Promise<void>;
  error: Error | undefined;

  constructor(url: string) {
    let markOpen!: () => void;
    this.opened = new Promise((r) => (markOpen = r));
    void this.read(url, markOpen);
  }

  private async read(url: string, markOpen: () => void): Promise<void> {
    try {
      const res = await fetch(url, { signal: this.controller.signal });
      if (!res.ok || !res.body) throw new Error(`SSE status ${res.status}`);
      for await (const raw of sseEvents(res.body)) {
        if (raw.event === 'ready') {
          markOpen();
          continue;
        }
        const e: WatchedEvent = { id: raw.id, event: raw.event, data: raw.data, at: Date.now() };
        try {
          e.data = JSON.parse(raw.data);
        } catch {
          e.data = raw.data;
        }
        this.events.push(e);
        for (const l of this.listeners) l();
      }
    } catch (error) {
      // A stream cut by a stopped service is expected in some tests; keep the reason for a failing wait.
      this.error = error as Error;
    }
  }

  waitFor(predicate: (e: WatchedEvent) => boolean, timeoutMs = 20_000, what = 'SSE event'): Promise<WatchedEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.events.find(predicate);
        if (found) {
          clearTimeout(timer);
          this.listeners = this.listeners.filter((l) => l !== check);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.listeners.push(check);
      check();
    });
  }

  close(): void {
    this.controller.abort();
  }
}
