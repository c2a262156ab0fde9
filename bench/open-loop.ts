// An open-loop load generator: requests start at evenly spaced times whatever the server does,
// over at most `connections` keep-alive sockets — the way many independent users arrive.
// (autocannon's rate option fires each connection's share in bursts, which measures the burst.)
import { Agent, request } from 'node:http';

export type OpenLoopResult = { rate: number; sent: number; ok: number; errors: number; p50: number; p99: number; max: number };

export type PlannedRequest = { method: string; path: string; headers: Record<string, string>; body?: string };

function send(agent: Agent, base: URL, req: PlannedRequest): Promise<number> {
  return new Promise((resolve) => {
    const r = request({ agent, host: base.hostname, port: base.port, method: req.method, path: req.path, headers: req.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    r.on('error', () => resolve(0));
    r.end(req.body);
  });
}

export async function openLoop(url: string, options: { rate: number; durationS: number; connections: number; next: (i: number) => PlannedRequest }): Promise<OpenLoopResult> {
  const base = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const total = Math.round(options.rate * options.durationS);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let ok = 0;
  let errors = 0;
  const started = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const req = options.next(i);
    // Latency counts from the planned start, so a slow server cannot hide queueing (no coordinated omission).
    pending.push(send(agent, base, req).then((status) => {
      latencies.push(performance.now() - due);
      if (status >= 200 && status < 300) ok++;
      else errors++;
    }));
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return { rate: options.rate, sent: total, ok, errors, p50: at(0.5), p99: at(0.99), max: latencies.at(-1) ?? 0 };
}
