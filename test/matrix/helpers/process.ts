// `npm start` as its own Node process (src/main.ts), for tests that must see whether the process
// survives: a crash in the bot would end it, which an in-process test could not tell apart.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { waitUntil } from './matrix-client.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export class LotseProcess {
  readonly env: Record<string, string>;
  readonly url: string;
  child: ChildProcess | undefined;
  /** Everything the process wrote (stdout and stderr), line by line, across restarts. */
  readonly lines: string[] = [];
  exitCode: number | null | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(env: Record<string, string>) {
    this.env = env;
    this.url = `http://127.0.0.1:${env.PORT}`;
  }

  start(): this {
    this.exitCode = undefined;
    const child = spawn(process.execPath, ['src/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let rest = '';
    const collect = (chunk: Buffer) => {
      const text = rest + chunk.toString('utf8');
      const parts = text.split('\n');
      rest = parts.pop() ?? '';
      this.lines.push(...parts);
      if (process.env.BOT_LOG) for (const p of parts) console.log(`[lotse ${child.pid}] ${p}`);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.exited = new Promise((done) => child.once('exit', (code, signal) => {
      this.exitCode = code ?? (signal ? -1 : null);
      done();
    }));
    return this;
  }

  get alive(): boolean {
    return this.child !== undefined && this.exitCode === undefined;
  }

  /** SIGTERM, as a service manager stops it; resolves with the exit code. */
  async stop(): Promise<number | null | undefined> {
    if (this.alive) {
      this.child!.kill('SIGTERM');
      const timer = setTimeout(() => this.child?.kill('SIGKILL'), 15_000);
      await this.exited;
      clearTimeout(timer);
    }
    return this.exitCode;
  }

  async health(): Promise<{ status: number; json: any } | undefined> {
    try {
      const res = await fetch(`${this.url}/healthz`);
      return { status: res.status, json: await res.json() };
    } catch {
      return undefined;
    }
  }

  /** Waits until /healthz answers 200 and the bot's part satisfies `ok`. */
  async waitForHealth(ok: (matrix: any) => boolean, timeoutMs = 60_000, what = 'health'): Promise<any> {
    return waitUntil(async () => {
      if (!this.alive) throw new Error(`the service process ended (exit ${this.exitCode}) while waiting for ${what}:\n${this.lines.slice(-20).join('\n')}`);
      const h = await this.health();
      return h?.status === 200 && ok(h.json.matrix) ? h.json : undefined;
    }, timeoutMs, what);
  }
}
