import { describe, expect, it } from 'vitest';
import { lunr } from '../../src/search/lunr-de.ts';
import { buildSearchIndex, loadSearchEngine } from '../../src/search/index.ts';
import type { Passage } from '../../src/search/index.ts';
import { TermScorer } from '../../src/search/scorer.ts';
import { headingShare, inferRole, isDefinitionQuery, rerankFactor } from '../../src/search/rerank.ts';
import { fixturePassages, fixtureSynonyms } from './fixture.ts';

function passage(articleId: string, heading: string, text: string, extra: Partial<Passage> = {}): Passage {
  const slug = heading.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { id: `${articleId}#${slug}`, articleId, articleTitle: articleId, heading, text, tags: [], audience: ['alle'], legal: [], reviewed: '2026-11-24', url: `/wissen/${articleId}#${slug}`, ...extra };
}

// Invented mini knowledge base: a short answer that mentions everything, a section whose heading
// restates a question, and a glossary that lists abbreviations.
const passages: Passage[] = [
  passage('einwilligung', 'Einwilligung', 'Die Einwilligung der Eltern brauchen Sie oft. Ohne Einwilligung dürfen Sie das Jugendamt nur in engen Grenzen informieren. Die Einwilligung der Eltern ist freiwillig.', { articleTitle: 'Einwilligung' }),
  passage('schulartikel', 'Darf ich als Lehrer das Jugendamt ohne Einwilligung der Eltern informieren?', 'Ja, wenn die Schritte vorher nicht helfen, dürfen Sie sich an das Amt wenden.', { articleTitle: 'Schule', audience: ['schule'] }),
  passage('glossar', 'Jugendamt und Dienste: JA, ASD', 'JA steht für Jugendamt. ASD steht für Allgemeiner Sozialer Dienst des Jugendamts.', { articleTitle: 'Glossar' }),
  passage('melden', 'Wann muss ich das Jugendamt informieren?', 'Wenn Sie gewichtige Anhaltspunkte sehen, informieren Sie das Amt telefonisch.', { articleTitle: 'Jugendamt informieren' }),
  // Unrelated passages, so that "Jugendamt" is not in most passages (such terms are dropped).
  passage('wetter', 'Regen und Sonne', 'Das Wetter wechselt oft.', { articleTitle: 'Wetter' }),
  passage('garten', 'Beete anlegen', 'Im Garten wachsen Bohnen und Kräuter.', { articleTitle: 'Garten' }),
  passage('kochen', 'Suppe kochen', 'Eine Suppe braucht Gemüse und Zeit.', { articleTitle: 'Kochen' }),
  passage('reisen', 'Mit dem Zug fahren', 'Der Zug fährt jede Stunde an die Küste.', { articleTitle: 'Reisen' }),
];
const synonyms = [['Jugendamt', 'JA', 'ASD'], ['Lehrer', 'Lehrerin', 'Lehrkraft'], ['informieren', 'anrufen', 'einschalten']];
const engine = loadSearchEngine(JSON.parse(JSON.stringify(buildSearchIndex(passages, synonyms))), passages, synonyms);
const top = (query: string) => engine.search(query).hits[0]?.passage.articleId;

describe('second-stage ranking', () => {
  it('ranks the passage whose heading restates the question first, with high confidence', () => {
    const result = engine.search('Darf ich als Lehrerin das Jugendamt ohne Einwilligung der Eltern informieren?');
    expect(result.hits[0].passage.articleId).toBe('schulartikel');
    expect(result.confidence).toBeGreaterThanOrEqual(0.6);
  });

  it('keeps the glossary for definition questions and demotes it otherwise', () => {
    expect(top('Was heißt ASD?')).toBe('glossar');
    expect(top('ASD')).toBe('glossar');
    expect(top('Muss ich das JA anrufen?')).toBe('melden');
  });

  it('demotes catch-all articles unless the query asks for a definition', () => {
    const glossary = passages.find((p) => p.articleId === 'glossar')!;
    const groups = [{ weight: 1, terms: new Map([['asd', 1]]) }];
    const weights = { headingMatch: 1, catchAllPrior: 0.5, inferredRoleBoost: 1.1 };
    const asked = rerankFactor(glossary, new Set(['asd']), { groups, definitionQuery: true }, weights);
    const other = rerankFactor(glossary, new Set(['asd']), { groups, definitionQuery: false }, weights);
    expect(asked).toBe(2);
    expect(other).toBe(1);
    expect(headingShare([{ weight: 3, terms: new Map([['a', 1]]) }, { weight: 1, terms: new Map([['b', 0.5]]) }], new Set(['a', 'b']))).toBeCloseTo(3.5 / 4);
  });

  it('recognises definition questions', () => {
    for (const q of ['Was heißt ASD?', 'wofür steht SPFH', 'Was bedeutet KWG', 'NZFH', 'ION was heißt das', 'Was ist ein HPG?']) expect(isDefinitionQuery(q), q).toBe(true);
    for (const q of ['Muss ich das JA anrufen?', 'Darf ich als Lehrerin das Jugendamt informieren?', 'ASD Bereitschaft am Wochenende erreichen']) expect(isDefinitionQuery(q), q).toBe(false);
  });

  it('infers the asker’s role from person words and possessive places only', () => {
    expect(inferRole('Darf ich als Lehrerin das Jugendamt informieren?')).toBe('schule');
    expect(inferRole('In unserer Kita ist ein Kind auffällig')).toBe('kita');
    expect(inferRole('Ich bin Kinderärztin')).toBe('gesundheit');
    expect(inferRole('Schutzkonzept erstellen Kita')).toBeUndefined();
    expect(inferRole('Darf die Erzieherin der Lehrerin etwas sagen?')).toBeUndefined(); // two roles
  });
});

describe('term scorer', () => {
  it('scores exactly as lunr.Index.query does', () => {
    const serialized = buildSearchIndex(fixturePassages, fixtureSynonyms) as { lunr: object };
    const index = lunr.Index.load(serialized.lunr);
    const scorer = new TermScorer(index);
    const queries = [[['berat', 1], ['fachkraft', 0.5]], [['anruf', 2], ['amt', 1], ['gibtesnicht', 1]], [['elternab', 1]]] as Array<Array<[string, number]>>;
    for (const terms of queries) {
      const expected = index.query((q) => {
        for (const [term, boost] of terms) q.term(term, { usePipeline: false, boost, wildcard: lunr.Query.wildcard.NONE });
      });
      const actual = scorer.score(terms.map(([term, boost]) => ({ term, boost })));
      expect(actual.length).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(0);
      const byRef = new Map(actual.map((r) => [r.ref, r]));
      for (const e of expected) {
        expect(byRef.get(e.ref)!.score).toBeCloseTo(e.score, 9);
        expect(new Set(byRef.get(e.ref)!.matchedTerms)).toEqual(new Set(Object.keys(e.matchData.metadata)));
      }
    }
  });
});
