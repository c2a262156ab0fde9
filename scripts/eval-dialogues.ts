// `npm run eval:dialogues`: runs the blind dialogues (test/eval/dialogues) through the public API
// of a freshly started Lotse (or `--url=http://…` of a running one) and prints the tables:
// automatic scores by split, role, position and tier; judged scores when `--judged=FILE` is given.
//   --split=dev|heldout|all   which dialogues (default all)
//   --out=FILE                where the replies go for the judges (default .cache/dialogue-run.jsonl)
//   --run=FILE                print the tables of a stored run instead of running (e.g. the judged
//                             runs in test/eval/dialogues/judged, with --judged=… beside them)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startLotse } from '../src/node/start.ts';
import {
  frac, httpCaller, judgedRow, readDialogues, readJudgements, readLabels, runDialogues, summarise,
  type Summary, type TurnRecord,
} from '../test/eval/dialogue-eval.ts';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const split = arg('split') ?? 'all';
const out = arg('out') ?? join(import.meta.dirname, '..', '.cache', 'dialogue-run.jsonl');
const dialogues = readDialogues().filter((d) => split === 'all' || d.split === split);
const labels = readLabels();

const stored = arg('run');
let url = arg('url');
let stop = async () => {};
if (!url && !stored) {
  const dataDir = mkdtempSync(join(tmpdir(), 'lotse-eval-'));
  const running = await startLotse({
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_CONVERSATION_PER_MINUTE: '0', RATE_LIMIT_CREATE_PER_MINUTE: '0',
  });
  url = running.url;
  stop = async () => { await running.close(); rmSync(dataDir, { recursive: true, force: true }); };
}
const records: TurnRecord[] = stored
  ? readFileSync(stored, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as TurnRecord).map((r) => ({ ...r, label: labels.get(r.id) }))
  : await runDialogues(httpCaller(url!), dialogues, labels);
await stop();
if (!stored) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

const pct = (x: [number, number]) => `${(frac(x) * 100).toFixed(1)} % (${x[0]}/${x[1]})`;
const groups = (key: (r: TurnRecord) => string) => {
  const map = new Map<string, TurnRecord[]>();
  for (const r of records) map.set(key(r), [...(map.get(key(r)) ?? []), r]);
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
};

console.log(`${stored ? `gespeicherter Lauf ${stored}: ` : ''}${dialogues.length} Dialoge, ${records.length} Züge (${labels.size} Züge mit Artikel-Labels); Antworten: ${out}`);
const columns: Array<[string, (s: Summary) => [number, number]]> = [
  ['acute recall', (s) => s.acuteRecall], ['urgent recall', (s) => s.urgentRecall], ['circumstance-only recall', (s) => s.circumstanceRecall],
  ['emergency block on calm turns', (s) => s.emergencyOnCalm], ['danger prompt on calm turns', (s) => s.promptOnCalm],
  ['no answer inside KB', (s) => s.noAnswerInside], ['… outside KB', (s) => s.noAnswerOutside],
  ['article @1', (s) => s.articleAt1], ['article in first 3', (s) => s.articleAny], ['yes/no said first', (s) => s.yesNoFirst],
];
for (const [title, key] of [['split', (r: TurnRecord) => r.split], ['position', (r: TurnRecord) => r.position], ['tier', (r: TurnRecord) => r.turn.tier], ['role', (r: TurnRecord) => r.roleGroup]] as const) {
  const rows = groups(key);
  console.log(`\n| ${title} | turns | ${columns.map(([c]) => c).join(' | ')} |`);
  console.log(`| --- | ---: | ${columns.map(() => '---:').join(' | ')} |`);
  for (const [name, rs] of rows) {
    const s = summarise(rs);
    console.log(`| ${name} | ${rs.length} | ${columns.map(([, pick]) => (pick(s)[1] ? pct(pick(s)) : '–')).join(' | ')} |`);
  }
}

const judgedPath = arg('judged');
if (judgedPath) {
  const judgements = readJudgements(judgedPath);
  console.log('\n| judged | turns | 2 (right) | 1 (partly) | 0 (wrong/none) | H (harmful) | answered in first two sentences |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  const all: Array<[string, TurnRecord[]]> = [['all', records], ...groups((r) => r.split), ...groups((r) => r.position), ...groups((r) => r.turn.tier), ...groups((r) => r.roleGroup)];
  for (const [name, rs] of all) {
    const row = judgedRow(rs, judgements);
    if (!row.n) continue;
    const p = (k: number) => `${((k / row.n) * 100).toFixed(1)} %`;
    console.log(`| ${name} | ${row.n} | ${p(row.two)} | ${p(row.one)} | ${p(row.zero)} | ${row.harm} | ${p(row.early)} |`);
  }
}
