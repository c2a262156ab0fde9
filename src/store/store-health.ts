import { storageProblem, type StorageProblem } from './storage-problem.ts';

// The store's own view of whether it can write. A failed write with a storage problem (disk
// full, read-only, corrupt) marks it unhealthy; the health check then tries one small real write
// (at most once a second) and clears the mark when it succeeds, so the service recovers by
// itself once space is back, even while a load balancer sends it no traffic.

export class StoreHealth {
  private problem?: { kind: StorageProblem; since: number };
  private lastProbeAt = 0;
  private readonly probe: () => Promise<void>;

  constructor(probe: () => Promise<void>) {
    this.probe = probe;
  }

  /** Records a failed write; returns the problem when the error was one of storage. */
  failed(error: unknown, now = Date.now()): StorageProblem | undefined {
    const kind = storageProblem(error);
    if (kind) this.problem = { kind, since: this.problem?.since ?? now };
    return kind;
  }

  /**
   * Undefined when writes work (again); otherwise what is wrong. `suspect`: the runtime sees a
   * reason why writes may fail (a nearly full or read-only disk), so a probe write confirms it
   * before a real message fails.
   */
  async check(now = Date.now(), suspect = false): Promise<{ kind: StorageProblem; since: number } | undefined> {
    if ((!this.problem && !suspect) || now - this.lastProbeAt < 1000) return this.problem;
    this.lastProbeAt = now;
    try {
      await this.probe();
      this.problem = undefined;
    } catch (error) {
      this.failed(error, now);
    }
    return this.problem;
  }
}
