import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { CRISIS_LINES } from '../../src/assistant/emergency.ts';
import { CIRCUMSTANCE } from '../../src/assistant/understanding/lexicon.ts';
import { HOTLINE_MV } from '../../src/knowledge/directory.ts';
import { checkKnowledge } from '../../src/knowledge/check.ts';
import { loadKnowledgeFromDir } from '../../src/knowledge/load.ts';
import type { KnowledgeBundle } from '../../src/knowledge/types.ts';

// The bundled knowledge base itself: valid, linked, complete enough to serve.
let kb: KnowledgeBundle;
beforeAll(async () => {
  kb = await loadKnowledgeFromDir(join(import.meta.dirname, '../../knowledge'));
});

describe('bundled knowledge base', () => {
  it('passes the editorial check without errors', () => {
    const errors = checkKnowledge(kb, '2000-01-01').filter((f) => f.level === 'error');
    expect(errors).toEqual([]);
  });

  it('names only circumstance classes the understanding knows in the sections’ situations', () => {
    const known = new Set(Object.keys(CIRCUMSTANCE));
    const unknown = kb.passages.flatMap((p) => (p.answers?.circumstances ?? []).filter((c) => !known.has(c)).map((c) => `${p.id}: ${c}`));
    expect(unknown).toEqual([]);
    expect(kb.passages.some((p) => p.answers?.circumstances?.length)).toBe(true);
  });

  it('has at least 40 articles, each with a short answer and answer passages', () => {
    expect(kb.articles.length).toBeGreaterThanOrEqual(40);
    for (const article of kb.articles) {
      expect(kb.passages.filter((p) => p.articleId === article.id).length, article.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('has a Jugendamt for every region and the hotlines the emergency answer names', () => {
    expect(new Set(kb.contacts.jugendaemter.map((j) => j.region)).size).toBe(8);
    const ids = kb.contacts.hotlines.map((h) => h.id);
    for (const id of [HOTLINE_MV, ...CRISIS_LINES]) expect(ids).toContain(id);
  });

  it('maps at least 100 places of MV to their region', () => {
    expect(kb.regions.places.length).toBeGreaterThanOrEqual(100);
  });
});

describe('editorial check', () => {
  it('flags a note to editors inside a text users read', () => {
    const broken = structuredClone(kb);
    broken.contacts.hotlines[0].hours = 'Mo–Fr 9–12 Uhr (Stand 2020, bitte prüfen)';
    const errors = checkKnowledge(broken, '2000-01-01').filter((f) => f.level === 'error');
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining('Hinweis an die Redaktion')]);
  });
});
