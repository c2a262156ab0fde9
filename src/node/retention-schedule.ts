// The retention purge on Node: right after the start and then every PURGE_INTERVAL_MINUTES, in
// short transactions beside the requests (SqlStore.purge). A run still busy when the next is due
// is not doubled; stop() ends it after its current transaction. The event loop's delay (how late
// a 10 ms timer fires, which is what a request waits at most) is watched all the time: each run
// logs its longest and 99th-percentile delay during the run and between the previous run and
// this one, so that what the purge adds can be told from what the load alone causes (a busy
// machine stalls the loop too). The last run is kept for /healthz.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Logger } from '../http/middleware/request-log.ts';
import type { PurgeCounts, RetentionPolicy, Store } from '../store/types.ts';

export type PurgeRun = {
  at: string;
  ms: number;
  deleted: number;
  /** Longest time the event loop could not run a 10 ms timer during the run (ms). */
  loopDelayMaxMs: number;
  /** The same between the previous run and this one, for comparison (ms). */
  loopDelayMaxMsBefore: number;
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
  private readonly delay = monitorEventLoopDelay({ resolution: 10 });

  constructor(store: Store, policy: () => RetentionPolicy, log: Logger) {
    this.store = store;
    this.policy = policy;
    this.log = log;
  }

  start(intervalMs: number): void {
    this.delay.enable();
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
    const before = this.takeDelay();
    const started = performance.now();
    let counts: PurgeCounts | undefined;
    let error: string | undefined;
    try {
      counts = await this.store.purge(this.policy(), Date.now(), { signal: this.stopping.signal });
    } catch (e) {
      error = String(e);
    }
    const during = this.takeDelay();
    const ms = Math.round(performance.now() - started);
    const deleted = counts ? counts.conversations + counts.messages + counts.events + counts.feedback + (counts.cases ?? 0) : 0;
    this.last = { at: new Date().toISOString(), ms, deleted, loopDelayMaxMs: during.max, loopDelayMaxMsBefore: before.max, ...(error ? { error } : {}) };
    const delays = { loopDelayMaxMs: during.max, loopDelayP99Ms: during.p99, loopDelayMaxMsBefore: before.max, loopDelayP99MsBefore: before.p99 };
    if (error) this.log('error', 'purge failed', { error, ms });
    else this.log('info', 'retention purge', { ...counts, ms, ...delays });
  }

  /** Longest and 99th-percentile loop delay since the last call (ms), then starts afresh. */
  private takeDelay(): { max: number; p99: number } {
    // The histogram counts the timer's own 10 ms; what a request waited is the excess.
    const excess = (ns: number) => (Number.isFinite(ns) && ns > 0 ? Math.max(0, Math.round(ns / 1e6 - 10)) : 0);
    const figures = { max: excess(this.delay.max), p99: excess(this.delay.percentile(99)) };
    this.delay.reset();
    return figures;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.delay.disable();
    this.stopping.abort();
    await this.running;
  }
}
