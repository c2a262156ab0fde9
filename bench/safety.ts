// Time that triage and redaction add to one message: p50/p99 over the labelled sets.
// Prints figures only; never fails on timing. Run: npx node bench/safety.ts
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { redact } from '../src/assistant/privacy.ts';
import { triage } from '../src/assistant/triage.ts';

function texts(name: string): string[] {
  const path = fileURLToPath(new URL(`../test/eval/${name}`, import.meta.url));
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);
}

function measure(label: string, fn: (text: string) => unknown, inputs: string[], rounds: number): void {
  for (const t of inputs) fn(t); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of inputs) {
      const start = performance.now();
      fn(t);
      samples.push(performance.now() - start);
    }
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
  console.log(`${label.padEnd(22)} n=${String(samples.length).padStart(6)}  p50 ${us(at(0.5)).padStart(10)}  p99 ${us(at(0.99)).padStart(10)}  max ${us(samples.at(-1)!).padStart(10)}`);
}

const messages = [...texts('triage.jsonl'), ...texts('privacy.jsonl')];
const long = messages.slice(0, 20).join(' '); // a ~2,000-character message
const rounds = Number(process.env.ROUNDS ?? 50);
console.log(`safety bench: ${messages.length} messages × ${rounds} rounds, Node ${process.version}`);
measure('triage', triage, messages, rounds);
measure('redact', redact, messages, rounds);
measure('redact + triage', (t) => triage(redact(t).text), messages, rounds);
measure('both, 2 kB message', (t) => triage(redact(t).text), [long], rounds * 20);
