// What `knowledge:check` demands beyond validity: every section answers in one or two sentences
// (`short`), is findable by typical questions, and every article names its concerns. The Lotse
// says the short answer first and the ranker learns from the questions, so a gap here is an
// error for the editor, not a hint. Kept beside the script (not in src/knowledge/check.ts) so
// the loader stays lenient for fixtures and work in progress.
import type { KnowledgeBundle } from '../src/knowledge/types.ts';

export type CompletenessFinding = { file: string; message: string };

export function completenessFindings(bundle: KnowledgeBundle): CompletenessFinding[] {
  const findings: CompletenessFinding[] = [];
  for (const passage of bundle.passages) {
    const file = `answers/${passage.articleId}.yaml`;
    if (!passage.answers?.questions.length) findings.push({ file, message: `Abschnitt "${passage.heading}" hat keine typischen Fragen` });
    if (!passage.answers?.short) findings.push({ file, message: `Abschnitt "${passage.heading}" hat keine Kurzantwort (short)` });
  }
  for (const article of bundle.articles) {
    if (!article.concerns.length) findings.push({ file: `answers/${article.id}.yaml`, message: 'der Artikel nennt keine Sorgen (concerns)' });
  }
  return findings;
}
