// `npm run knowledge:approve -- <id> --by "<Name>, <Funktion>"`: records that a named person
// approved an article as it is now. Writes `status: approved` and an approval block (who, in
// which function, today's date, the sha256 of the content) into the article's front matter.
// The hash covers the article and its companions (answers, stances, next steps; see
// src/knowledge/editorial.ts). Refuses an article that fails `npm run knowledge:check` or still
// has open gap questions (`open_questions`). Options: --dir <knowledge folder>
// (default KNOWLEDGE_DIR or ./knowledge). Exit code 0 approved, 1 refused, 2 wrong call.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkKnowledge } from '../src/knowledge/check.ts';
import { germanToday, parseApprover, withApproval } from '../src/knowledge/editorial.ts';
import { readKnowledgeFiles } from '../src/knowledge/load.ts';
import { KnowledgeError, parseKnowledge } from '../src/knowledge/parse.ts';
import { germanDate } from '../src/assistant/text.ts';

const USAGE = 'Aufruf: npm run knowledge:approve -- <artikel-id> --by "<Name>, <Funktion>" [--dir <Wissensordner>]';

function fail(code: 1 | 2, ...lines: string[]): never {
  for (const line of lines) console.error(line);
  process.exit(code);
}

let args;
try {
  args = parseArgs({ options: { by: { type: 'string' }, dir: { type: 'string' } }, allowPositionals: true });
} catch (error) {
  fail(2, (error as Error).message, USAGE);
}
const [id, ...extra] = args.positionals;
if (!id || extra.length || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail(2, USAGE);
const approver = parseApprover(args.values.by ?? '');
if (!approver) fail(2, 'Bitte die freigebende Person mit Namen und Funktion angeben, durch Komma getrennt, z. B. --by "Erika Beispiel, Fachberatung Kinderschutz".', USAGE);

const dir = resolve(import.meta.dirname, '..', args.values.dir ?? process.env.KNOWLEDGE_DIR ?? 'knowledge');
const file = `articles/${id}.md`;
const today = germanToday();

let files;
let bundle;
try {
  files = await readKnowledgeFiles(dir);
  bundle = parseKnowledge(files);
} catch (error) {
  if (error instanceof KnowledgeError) fail(1, `Nicht freigegeben: die Wissensbasis besteht knowledge:check nicht – ${error.message}`);
  throw error;
}
const article = bundle.articles.find((a) => a.id === id);
if (!article) fail(1, `Nicht freigegeben: einen Artikel "${id}" gibt es in ${dir} nicht.`);

const errors = checkKnowledge(bundle, today).filter((f) => f.level === 'error' && (f.file === file || f.file === `answers/${id}.yaml`));
if (errors.length) fail(1, `Nicht freigegeben: ${file} besteht knowledge:check nicht.`, ...errors.map((f) => `FEHLER  ${f.file}: ${f.message}`));
if (article.stand > today) fail(1, `Nicht freigegeben: stand (${article.stand}) liegt in der Zukunft.`);
if (article.openQuestions.length) {
  fail(1, `Nicht freigegeben: ${file} hat ${article.openQuestions.length} offene Frage(n) (open_questions). Klären Sie sie an einer Quelle, passen Sie den Text an und entfernen Sie die Frage:`,
    ...article.openQuestions.map((q) => `  – ${q}`));
}
if (article.reviewDue <= today) {
  fail(1, `Nicht freigegeben: review_due (${article.reviewDue}) ist erreicht. Tragen Sie zuerst das Datum der nächsten Überprüfung ein.`);
}

const path = join(dir, file);
const approval = { ...approver, date: today, sha256: article.contentHash };
const updated = withApproval(await readFile(path, 'utf8'), approval);
// Nothing but the state may have changed: with the new file the whole knowledge base must read
// the article as approved with the same content (text and companions).
const reread = (() => {
  try {
    const articles = files.articles.map((f) => (f.path === file ? { ...f, content: updated } : f));
    return parseKnowledge({ ...files, articles }).articles.find((a) => a.id === id);
  } catch {
    return undefined;
  }
})();
if (reread?.status !== 'approved' || reread.contentHash !== article.contentHash) {
  fail(1, `Nicht freigegeben: ${file} ließ sich nicht eindeutig ändern (ist der Kopfbereich ungewöhnlich formatiert?). Die Datei ist unverändert.`);
}
await writeFile(path, updated);

const earlier = article.approval && article.status === 'approved' ? ` (erneuert; zuvor am ${germanDate(article.approval.date)} von ${article.approval.name})` : '';
console.log(`Freigegeben: ${id} – „${article.title}“ von ${approval.name} (${approval.function}) am ${germanDate(today)}${earlier}.`);
console.log(`Inhalt sha256 ${approval.sha256.slice(0, 12)}… über Artikel, answers/${id}.yaml und seine Einträge in stances.yaml und next-steps.yaml;`);
console.log('jede spätere Änderung daran setzt den Artikel auf „seit der Freigabe geändert“.');
console.log('Die Änderung wird erst mit Commit und Neustart (bzw. Deploy) sichtbar.');
