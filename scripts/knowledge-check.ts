// `npm run knowledge:check`: validates the whole knowledge base and prints what an editor must fix.
import { resolve } from 'node:path';
import { checkKnowledge } from '../src/knowledge/check.ts';
import { loadKnowledgeFromDir } from '../src/knowledge/load.ts';
import { KnowledgeError } from '../src/knowledge/parse.ts';

const dir = resolve(import.meta.dirname, '..', process.argv[2] ?? 'knowledge');
try {
  const bundle = await loadKnowledgeFromDir(dir);
  const findings = checkKnowledge(bundle, new Date().toISOString().slice(0, 10));
  for (const f of findings) console.log(`${f.level === 'error' ? 'FEHLER' : 'Hinweis'}  ${f.file}: ${f.message}`);
  const errors = findings.filter((f) => f.level === 'error').length;
  const reviewed = bundle.articles.filter((a) => a.status === 'reviewed').length;
  const words = bundle.articles.reduce((sum, a) => sum + a.body.split(/\s+/).filter(Boolean).length, 0);
  console.log(`${bundle.articles.length} Artikel (${reviewed} geprüft), ${bundle.passages.length} Abschnitte, ${words} Wörter, ` +
    `${bundle.regions.places.length} Orte, ${bundle.synonyms.length} Synonymgruppen – ${errors} Fehler, ${findings.length - errors} Hinweise`);
  process.exit(errors ? 1 : 0);
} catch (error) {
  if (error instanceof KnowledgeError) {
    console.error(`FEHLER  ${error.message}`);
    process.exit(1);
  }
  throw error;
}
