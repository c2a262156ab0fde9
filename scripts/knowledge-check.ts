// `npm run knowledge:check`: validates the whole knowledge base and prints what an editor must fix.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkKnowledge } from '../src/knowledge/check.ts';
import { germanToday } from '../src/knowledge/editorial.ts';
import { loadKnowledgeFromDir } from '../src/knowledge/load.ts';
import { KnowledgeError } from '../src/knowledge/parse.ts';
import { completenessFindings } from './knowledge-completeness.ts';

// The folder as argument or --dir (like knowledge:approve and knowledge:status).
const { values, positionals } = parseArgs({ options: { dir: { type: 'string' } }, allowPositionals: true });
const dir = resolve(import.meta.dirname, '..', values.dir ?? positionals[0] ?? 'knowledge');
try {
  const bundle = await loadKnowledgeFromDir(dir);
  // A missing section is an error here; drop the check's hint that says the same.
  const required = completenessFindings(bundle).map((f) => ({ level: 'error' as const, ...f }));
  const said = new Set(required.map((f) => `${f.file}|${f.message}`));
  const findings = [...checkKnowledge(bundle, germanToday()).filter((f) => !said.has(`${f.file}|${f.message}`)), ...required];
  for (const f of findings) console.log(`${f.level === 'error' ? 'FEHLER' : 'Hinweis'}  ${f.file}: ${f.message}`);
  const errors = findings.filter((f) => f.level === 'error').length;
  const count = (status: string) => bundle.articles.filter((a) => a.status === status).length;
  const words = bundle.articles.reduce((sum, a) => sum + a.body.split(/\s+/).filter(Boolean).length, 0);
  console.log(`${bundle.articles.length} Artikel (${count('approved')} freigegeben, ${count('changed')} seit der Freigabe geändert, ${count('draft')} Entwurf), ${bundle.passages.length} Abschnitte, ${words} Wörter, ` +
    `${bundle.regions.places.length} Orte, ${bundle.synonyms.length} Synonymgruppen – ${errors} Fehler, ${findings.length - errors} Hinweise`);
  process.exit(errors ? 1 : 0);
} catch (error) {
  if (error instanceof KnowledgeError) {
    console.error(`FEHLER  ${error.message}`);
    process.exit(1);
  }
  throw error;
}
