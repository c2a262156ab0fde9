// `npm run knowledge:status`: one table of all articles with their editorial state — state,
// who approved, when, review due, changed since approval (of the text or of its answers, stances
// and next steps), open gap questions; the questions themselves follow the table. Options: --dir <knowledge folder>
// (default KNOWLEDGE_DIR or ./knowledge).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { germanDate } from '../src/assistant/text.ts';
import { editorialRows, germanToday, type EditorialRow } from '../src/knowledge/editorial.ts';
import { loadKnowledgeFromDir } from '../src/knowledge/load.ts';
import { KnowledgeError } from '../src/knowledge/parse.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const dir = resolve(import.meta.dirname, '..', values.dir ?? process.env.KNOWLEDGE_DIR ?? 'knowledge');
const today = germanToday();

let articles;
try {
  articles = (await loadKnowledgeFromDir(dir)).articles;
} catch (error) {
  if (!(error instanceof KnowledgeError)) throw error;
  console.error(`FEHLER  ${error.message}`);
  process.exit(1);
}
const rows = editorialRows(articles, today);

const HEADER = ['Artikel', 'Zustand', 'freigegeben von', 'am', 'Überprüfung bis', 'seit Freigabe geändert', 'offene Fragen'];
const cells = (r: EditorialRow) => [
  r.id,
  r.label,
  r.approval ? `${r.approval.name} (${r.approval.function})` : '–',
  r.approval ? germanDate(r.approval.date) : '–',
  `${germanDate(r.reviewDue)}${r.overdue ? ' (überfällig)' : ''}`,
  r.approval ? (r.changedSinceApproval ? 'ja' : 'nein') : '–',
  String(r.openQuestions.length),
];
const table = [HEADER, ...rows.map(cells)];
const widths = HEADER.map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();

const count = (status: EditorialRow['status']) => rows.filter((r) => r.status === status).length;
console.log(`Redaktioneller Stand am ${germanDate(today)}: ${rows.length} Artikel – ${count('approved')} freigegeben, ` +
  `${count('changed')} seit der Freigabe geändert, ${count('draft')} Entwurf; ${rows.filter((r) => r.overdue).length} mit überfälliger Überprüfung` +
  `; ${rows.filter((r) => r.openQuestions.length).length} mit offenen Fragen`);
console.log('');
console.log(line(table[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table.slice(1)) console.log(line(row));

const open = rows.filter((r) => r.openQuestions.length);
if (open.length) {
  console.log('');
  console.log(`Offene Fragen (${open.reduce((n, r) => n + r.openQuestions.length, 0)} in ${open.length} Artikeln; vor einer Freigabe an einer Quelle klären):`);
  for (const r of open) {
    console.log(`${r.id}:`);
    for (const question of r.openQuestions) console.log(`  – ${question}`);
  }
}
