// Gate on the blind dialogue evaluation: all 310 dialogues run through the public HTTP API of a
// freshly started Lotse, scored automatically against labels written before any run. The
// thresholds sit a little below the figures measured when they were set (closing note of
// issue 11), so that a change which loses ground fails, while the judged scores (2/1/0/H) stay
// in the note: they need readers. Held-out batches D–F were never looked at turn by turn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { frac, httpCaller, readDialogues, readLabels, runDialogues, summarise, type Summary, type TurnRecord } from './dialogue-eval.ts';

let server: TestServer;
let records: TurnRecord[];
beforeAll(async () => {
  server = await startTestServer({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0' });
  records = await runDialogues(httpCaller(server.url), readDialogues(), readLabels());
}, 180_000);
afterAll(async () => {
  await server?.close();
});

const split = (name: 'dev' | 'heldout') => summarise(records.filter((r) => r.split === name));

type Gate = { [K in keyof Summary]?: [min: number, max: number] };
// A little below the figures of the last measured run (session 3): a change that loses ground
// on the held-out batch or the tuning batches fails here.
const GATES: Record<'dev' | 'heldout', Gate> = {
  heldout: {
    acuteRecall: [0.9, 1], urgentRecall: [0.62, 1], circumstanceRecall: [0.7, 1], emergencyOnCalm: [0, 0.08], promptOnCalm: [0, 0.1],
    noAnswerInside: [0, 0.05], articleAny: [0.55, 1], yesNoFirst: [0.35, 1],
  },
  dev: {
    acuteRecall: [0.95, 1], urgentRecall: [0.93, 1], circumstanceRecall: [0.93, 1], emergencyOnCalm: [0, 0.05], promptOnCalm: [0, 0.06],
    noAnswerInside: [0, 0.03], articleAny: [0.72, 1], yesNoFirst: [0.64, 1],
  },
};

describe('blind dialogue evaluation', () => {
  it('runs every turn of every dialogue (at least 300 dialogues, 40 % multi-turn)', () => {
    const dialogues = readDialogues();
    expect(dialogues.length).toBeGreaterThanOrEqual(300);
    expect(dialogues.filter((d) => d.turns.length > 1).length / dialogues.length).toBeGreaterThanOrEqual(0.4);
    expect(records.length).toBe(dialogues.reduce((n, d) => n + d.turns.length, 0));
  });

  for (const name of ['heldout', 'dev'] as const) {
    it(`keeps the ${name} figures within their gates`, () => {
      const summary = split(name);
      const failed = Object.entries(GATES[name]).flatMap(([key, [min, max]]) => {
        const value = frac(summary[key as keyof Summary] as [number, number]);
        return value < min || value > max ? [`${key} ${value.toFixed(3)} not in [${min}, ${max}]`] : [];
      });
      expect(failed).toEqual([]);
    });
  }
});
