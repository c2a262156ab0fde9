// `node scripts/judge-input.ts RUN OUTDIR N`: cuts a stored dialogue run (from `npm run
// eval:dialogues -- --out=RUN`) into N judge input files OUTDIR/input-<k>.jsonl, whole dialogues per
// file so a judge sees each turn with the turns before it. Each line holds only what the judge brief
// (test/eval/dialogues/JUDGE-BRIEF.md) names: no labels, no article ids, no version of the Lotse.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDialogues, type TurnRecord } from '../test/eval/dialogue-eval.ts';

const [runPath, outDir, parts = '3'] = process.argv.slice(2);
if (!runPath || !outDir) {
  console.error('Aufruf: node scripts/judge-input.ts LAUF.jsonl ZIELORDNER [ANZAHL]');
  process.exit(2);
}
const records = readFileSync(runPath, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as TurnRecord);
// The asker's role as the dialogue's author wrote it ("Kita-Erzieherin"), not only its group.
const roles = new Map(readDialogues().map((d) => [d.id, d.role]));

const byDialogue = new Map<string, TurnRecord[]>();
for (const r of records) byDialogue.set(r.dialogue, [...(byDialogue.get(r.dialogue) ?? []), r]);
const dialogues = [...byDialogue.values()].map((turns) => turns.sort((a, b) => a.index - b.index));

const n = Math.max(1, Number(parts));
const files: string[][] = Array.from({ length: n }, () => []);
const sizes = new Array<number>(n).fill(0);
for (const turns of dialogues) {
  const k = sizes.indexOf(Math.min(...sizes)); // keep the files about equally long
  sizes[k] += turns.length;
  turns.forEach((r, i) => files[k].push(JSON.stringify({
    id: r.id,
    role: roles.get(r.dialogue) ?? r.roleGroup,
    earlier: turns.slice(0, i).map((e) => ({ user: e.turn.user, lotse: e.reply.text })),
    user: r.turn.user,
    tier: r.turn.tier,
    yesNo: r.turn.yesNo,
    keyPoints: r.turn.keyPoints,
    reply: r.reply.text,
  })));
}
mkdirSync(outDir, { recursive: true });
files.forEach((lines, k) => writeFileSync(join(outDir, `input-${k + 1}.jsonl`), lines.join('\n') + '\n'));
console.log(`${records.length} Züge in ${n} Dateien: ${sizes.join(', ')}`);
