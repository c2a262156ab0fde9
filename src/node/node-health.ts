// What /healthz reports on Node about the store's files and the disk under them, beside the
// web chat's own state. Read fresh on every call (a stat and a statfs, no query), so it tells
// how things are, not how they were at the last write:
// - store: database and WAL size against the WAL's bound, whether the checkpoint thread runs,
//   the last retention purge (with the longest event-loop stall it caused);
// - disk: free space on DATA_DIR and whether the file may be written at all.
// A disk that is nearly full or not writable makes the health check try a real write (at most
// once a second, StoreHealth), and a disk with almost nothing left counts as full, so /healthz
// turns 503 before the first professional's message fails.
import { accessSync, constants, statfsSync, statSync } from 'node:fs';
import type { SqliteDriver } from '../store/sqlite-driver.ts';
import type { RetentionSchedule } from './retention-schedule.ts';

const MB = 1e6;
const MIB = 1024 * 1024;
/** Below this the next writes may fail: the health check then confirms with a real write. */
const SUSPECT_FREE_BYTES = 8 * MIB;
/** Below this the disk counts as full: a WAL frame batch or a page of file growth no longer fits. */
const FULL_FREE_BYTES = 256 * 1024;
/** Below this (or below the database's size, which its rewrite after a purge needs) it is low. */
const LOW_FREE_BYTES = 256 * MIB;

type Section = { state: string; reason?: string } & Record<string, unknown>;

const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

export class NodeHealth {
  private readonly dataDir: string;
  private readonly driver: SqliteDriver;
  private readonly retention: RetentionSchedule;
  private fullSince?: number;

  constructor(dataDir: string, driver: SqliteDriver, retention: RetentionSchedule) {
    this.dataDir = dataDir;
    this.driver = driver;
    this.retention = retention;
  }

  /** The `store` and `disk` fields of /healthz; never throws. */
  report(): { store: Section; disk: Section } {
    const { freeBytes: _free, ...disk } = this.disk();
    return { store: this.store(), disk };
  }

  /**
   * What the disk says about writing: `suspect` when writes could fail (/healthz then probes with
   * a real write); `full` when so little is left that the next growth of the WAL or the file
   * fails. The probe alone cannot tell that: it rewrites its own row, which may fit into space
   * the WAL already holds.
   */
  storage(now = Date.now()): { suspect: boolean; problem?: { kind: 'full'; since: number } } {
    const disk = this.disk();
    const free = disk.freeBytes;
    if (typeof free === 'number' && free < FULL_FREE_BYTES) {
      this.fullSince ??= now;
      return { suspect: true, problem: { kind: 'full', since: this.fullSince } };
    }
    this.fullSince = undefined;
    return { suspect: disk.state === 'readonly' || (typeof free === 'number' && free < SUSPECT_FREE_BYTES) };
  }

  private store(): Section {
    const walBytes = sizeOf(`${this.driver.path}-wal`);
    const limit = this.driver.walLimitBytes;
    const last = this.retention.last;
    const reasons: string[] = [];
    // The worker restarts the log at about the limit and holds writes back there; twice the
    // limit means the bound no longer holds.
    if (walBytes > 2 * limit) reasons.push(`Das Schreibprotokoll (WAL) ist mit ${mb(walBytes)} MB größer als seine Grenze von ${mb(limit)} MB.`);
    if (!this.driver.checkpointsInWorker) reasons.push('Der Hintergrund-Thread für Checkpoints läuft nicht; SQLite übernimmt sie, Schreibzugriffe können länger dauern.');
    if (last?.error) reasons.push('Die letzte Löschung abgelaufener Gespräche ist fehlgeschlagen (siehe Log „purge failed“).');
    return {
      state: reasons.length ? 'degraded' : 'ok',
      ...(reasons.length ? { reason: reasons.join(' ') } : {}),
      dbMB: mb(sizeOf(this.driver.path)),
      walMB: mb(walBytes),
      walLimitMB: mb(limit),
      ...(last ? { lastPurge: { at: last.at, ms: last.ms, deleted: last.deleted, loopDelayMaxMs: last.loopDelayMaxMs, loopDelayMaxMsBefore: last.loopDelayMaxMsBefore, ...(last.error ? { failed: true } : {}) } } : {}),
    };
  }

  private disk(): Section & { freeBytes?: number } {
    let freeBytes: number;
    try {
      const fs = statfsSync(this.dataDir);
      freeBytes = fs.bavail * fs.bsize;
    } catch {
      return { state: 'unknown', reason: 'Der freie Speicherplatz des Datenverzeichnisses lässt sich nicht ermitteln.' };
    }
    const free = { freeMB: mb(freeBytes), freeBytes };
    try {
      accessSync(this.driver.path, constants.W_OK);
    } catch {
      return { state: 'readonly', reason: 'Die Datenbankdatei ist nicht beschreibbar.', ...free };
    }
    const needed = Math.max(LOW_FREE_BYTES, sizeOf(this.driver.path));
    if (freeBytes < needed) {
      return { state: 'low', reason: `Auf dem Datenträger sind nur noch ${mb(freeBytes)} MB frei; nötig sind mindestens ${mb(needed)} MB (auch für das Neuschreiben der Datei nach einer Löschung).`, ...free };
    }
    return { state: 'ok', ...free };
  }
}
