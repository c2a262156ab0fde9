// The retention purge on Node: right after the start and then every PURGE_INTERVAL_MINUTES, in
// short transactions beside the requests (SqlStore.purge). A run still busy when the next is due
// is not doubled; stop() ends it after its current transaction. Each run measures how long the
// event loop was held up meanwhile (the longest wait of a timer, which is what a request waits
// at most), logs it, and keeps the last run for /healthz.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from '../http/middleware/request-log.ts';
import type { PurgeCounts, RetentionPolicy, Store } from '../store/types.ts';

export type PurgeRun = {
  at: string;
  ms: number;
  deleted: number;
  /** Longest time the event loop could not run a 10 ms timer during the run (ms). */
  loopDelayMaxMs: number;
  error?: string;
};

export class RetentionSchedule {
  last?: PurgeRun;
  private running?: Promise<void>;
  private timer?: ReturnType<typeof setInterval>;
  private readonly stopping = new AbortController();
  private readonly store: Store;
  private readonly policy: () => RetentionPolicy;
  private readonly log: Logger;

  constructor(store: Store, policy: () => RetentionPolicy, log: Logger) {
    this.store = store;
    this.policy = policy;
    this.log = log;
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => this.runNow(), intervalMs);
    this.timer.unref();
    this.runNow();
  }

  /** Starts a run unless one is busy; resolves when that run ends (never rejects). */
  runNow(): Promise<void> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<void> {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    let counts: PurgeCounts | undefined;
    let error: string | undefined;
    try {
      counts = await this.store.purge(this.policy(), Date.now(), { signal: this.stopping.signal });
    } catch (e) {
      error = String(e);
    }
    delay.disable();
    const ms = Math.round(performance.now() - started);
    // The histogram's max includes its own resolution; what a request waited is the excess.
    const loopDelayMaxMs = Math.max(0, Math.round(delay.max / 1e6 - 10));
    const deleted = counts ? counts.conversations + counts.messages + counts.events + counts.feedback + (counts.cases ?? 0) : 0;
    this.last = { at: new Date().toISOString(), ms, deleted, loopDelayMaxMs, ...(error ? { error } : {}) };
    if (error) this.log('error', 'purge failed', { error, ms });
    else this.log('info', 'retention purge', { ...counts, ms, loopDelayMaxMs });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.stopping.abort();
    await this.running;
  }
}
