// The article ids the code names are all in src/knowledge/required.ts (so knowledge:check guards
// them), and the check fails when one is missing from the knowledge base.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKnowledge } from '../../src/knowledge/check.ts';
import { loadKnowledgeFromDir } from '../../src/knowledge/load.ts';
import { REQUIRED_ARTICLES, REQUIRED_SECTIONS } from '../../src/knowledge/required.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('article ids the code relies on', () => {
  // The answer paths live in src/assistant; elsewhere ids like 'haeusliche-gewalt' are topic codes.
  it('lists every article and section id named in src/assistant', async () => {
    const bundle = await loadKnowledgeFromDir(join(ROOT, 'knowledge'));
    const articles = new Set(bundle.articles.map((a) => a.id));
    const named = new Set<string>();
    for (const file of sourceFiles(join(ROOT, 'src', 'assistant'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/'([a-z0-9]+(?:-[a-z0-9]+)+)(#[a-z0-9-]+)?'/g)) {
        if (articles.has(m[1]!)) named.add(m[2] ? `${m[1]}${m[2]}` : m[1]!);
      }
    }
    const listed = new Set<string>([...REQUIRED_ARTICLES, ...REQUIRED_SECTIONS]);
    expect([...named].filter((id) => !listed.has(id))).toEqual([]);
  });

  it('makes knowledge:check fail when one of them is gone', async () => {
    const bundle = await loadKnowledgeFromDir(join(ROOT, 'knowledge'));
    const without = { ...bundle, articles: bundle.articles.filter((a) => a.id !== 'akute-gefahr'), passages: bundle.passages.filter((p) => p.articleId !== 'akute-gefahr') };
    const errors = checkKnowledge(without, '2026-12-02').filter((f) => f.level === 'error').map((f) => f.file);
    expect(errors).toContain('articles/akute-gefahr.md');
    expect(checkKnowledge(bundle, '2026-12-02').filter((f) => f.level === 'error' && f.message.includes('required.ts'))).toEqual([]);
  });
});
