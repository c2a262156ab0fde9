import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeFromDir } from '../../src/knowledge/load.ts';
import type { KnowledgeBundle } from '../../src/knowledge/types.ts';
import { completenessFindings } from '../../scripts/knowledge-completeness.ts';

// knowledge:check demands a short answer and typical questions for every section and concerns for every article.
const root = join(import.meta.dirname, '../..');
let kb: KnowledgeBundle;
beforeAll(async () => {
  kb = await loadKnowledgeFromDir(join(root, 'knowledge'));
});

describe('knowledge completeness', () => {
  it('finds nothing missing in the bundled knowledge base', () => {
    expect(completenessFindings(kb)).toEqual([]);
  });

  it('names a section without short answer or questions and an article without concerns', () => {
    const [first, second] = kb.passages;
    const passages = [{ ...first, answers: { ...first.answers!, short: undefined } }, { ...second, answers: undefined }];
    const articles = [{ ...kb.articles[0], concerns: [] }];
    const findings = completenessFindings({ ...kb, passages, articles });
    expect(findings.map((f) => f.message)).toEqual([
      `Abschnitt "${first.heading}" hat keine Kurzantwort (short)`,
      `Abschnitt "${second.heading}" hat keine typischen Fragen`,
      `Abschnitt "${second.heading}" hat keine Kurzantwort (short)`,
      'der Artikel nennt keine Sorgen (concerns)',
    ]);
  });

  it('makes the knowledge:check script fail when a short answer is removed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-completeness-'));
    try {
      cpSync(join(root, 'knowledge'), dir, { recursive: true });
      const file = join(dir, 'answers', 'hotlines.yaml');
      const text = readFileSync(file, 'utf8');
      const line = text.split('\n').find((l) => l.startsWith('    short:'))!;
      writeFileSync(file, text.replace(`${line}\n`, ''));
      let out = '';
      let code = 0;
      try {
        execFileSync(process.execPath, [join(root, 'scripts/knowledge-check.ts'), '--dir', dir], { encoding: 'utf8' });
      } catch (error) {
        const e = error as { status: number; stdout: string };
        code = e.status;
        out = e.stdout;
      }
      expect(code).toBe(1);
      expect(out).toMatch(/FEHLER {2}answers\/hotlines\.yaml: Abschnitt ".+" hat keine Kurzantwort \(short\)/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
