import { describe, expect, it } from 'vitest';
import { indexFingerprint } from '../../src/search/index.ts';
import type { Passage } from '../../src/knowledge/types.ts';

const passage = (text: string): Passage => ({
  id: 'a#kurz', articleId: 'a', articleTitle: 'Titel', heading: 'Titel', text, tags: ['x'], audience: ['alle'], legal: [], reviewed: '2026-11-24', url: '/wissen/a',
});

describe('indexFingerprint', () => {
  it('changes when a passage text or the synonyms change, and only then', () => {
    const base = indexFingerprint([passage('Erst beobachten.')], [['Jugendamt', 'JA']]);
    expect(indexFingerprint([passage('Erst beobachten.')], [['Jugendamt', 'JA']])).toBe(base);
    expect(indexFingerprint([passage('Erst beobachten!')], [['Jugendamt', 'JA']])).not.toBe(base);
    expect(indexFingerprint([passage('Erst beobachten.')], [['Jugendamt', 'ASD']])).not.toBe(base);
  });
});
