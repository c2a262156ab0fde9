import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchEngine } from '../../src/search/index.ts';
import { insideCompoundShare } from '../../src/search/query.ts';
import type { Passage } from '../../src/search/index.ts';

// Invented passages: a heading with a compound ("Pflegemütter") and a passage that uses the plain word.
function passage(articleId: string, heading: string, text: string): Passage {
  const slug = heading.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { id: `${articleId}#${slug}`, articleId, articleTitle: articleId, heading, text, tags: [], audience: ['alle'], legal: [], reviewed: '2026-11-24', url: `/wissen/${articleId}#${slug}` };
}

const passages = [
  passage('tagespflege', 'Gilt die Regel auch für Pflegemütter?', 'Die Pflege eines Kindes in einer Familie regelt eine Vereinbarung mit dem Jugendamt.'),
  passage('elterngespraech', 'Zuerst das Gespräch suchen', 'Sprechen Sie zuerst mit der Mutter oder dem Vater, wenn das Kind dadurch nicht gefährdet wird.'),
  passage('datenschutz', 'Sozialdatenschutz in der Jugendhilfe', 'Die Regeln schützen anvertraute Angaben über Familien.'),
  passage('sonstiges', 'Ein Ausflug in den Park', 'Der Ausflug beginnt morgens und endet am Mittag.'),
];

function engine() {
  return loadSearchEngine(JSON.parse(JSON.stringify(buildSearchIndex(passages, []))), passages, []);
}

describe('compound parts in the index', () => {
  it('ranks a passage with the whole word above a heading that holds it only inside a compound ("Pflegemütter")', () => {
    const result = engine().search('soll ich die Mutter anrufen?');
    expect(result.hits[0].passage.articleId).toBe('elterngespraech');
  });

  it('still finds the compound by its own word', () => {
    expect(engine().search('Pflegemütter').hits[0].passage.articleId).toBe('tagespflege');
  });

  it('lets a long, specific word match inside a compound almost fully', () => {
    expect(engine().search('Datenschutz').hits[0].passage.articleId).toBe('datenschutz');
    expect(insideCompoundShare('mutt')).toBeLessThan(0.5);
    expect(insideCompoundShare('datenschutz')).toBeGreaterThan(insideCompoundShare('mutt'));
  });
});
