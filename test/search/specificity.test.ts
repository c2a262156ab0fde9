import { describe, expect, it } from 'vitest';
import { informationFactor, queryInformation } from '../../src/search/specificity.ts';
import { citationOf } from '../../src/search/rerank.ts';
import { Analyzer } from '../../src/search/analyzer.ts';
import { buildSearchIndex, loadSearchEngine } from '../../src/search/index.ts';
import { fixturePassages, fixtureSynonyms } from './fixture.ts';

describe('query information', () => {
  it('combines word specificities as a noisy-or and damps only uninformative queries', () => {
    expect(queryInformation([])).toBe(0);
    expect(queryInformation([1])).toBe(1);
    expect(queryInformation([0.5, 0.5])).toBeCloseTo(0.75);
    expect(informationFactor(0)).toBeLessThan(0.2);
    expect(informationFactor(0.9)).toBe(1);
    expect(informationFactor(0.2)).toBeLessThan(informationFactor(0.4));
  });

  it('recognises a query that is essentially a law citation', () => {
    const analyzer = new Analyzer([], []);
    const citation = (text: string, definition = false) => citationOf(text, analyzer.analyzeQuery(text), definition);
    expect(citation('§ 4 KKG')).toEqual(['4-kkg']);
    expect(citation('Was heißt § 4 KKG genau?', true)).toEqual(['4-kkg']);
    expect(citation('§ 8a')).toEqual(['§8a']);
    expect(citation('§ 4 Abs. 2 KKG')).toBeUndefined(); // a sub-paragraph: the heading match decides
    expect(citation('§ 4 KKG Befugnis Berufsgeheimnisträger')).toBeUndefined();
    expect(citation('Jugendamt informieren')).toBeUndefined();
  });
});

describe('confidence on the fixture knowledge base', () => {
  const engine = loadSearchEngine(JSON.parse(JSON.stringify(buildSearchIndex(fixturePassages, fixtureSynonyms))), fixturePassages, fixtureSynonyms);
  it('is lower for an incidental body word than for a topic word of a title', () => {
    const topic = engine.search('Schweigepflichtentbindung').confidence;
    expect(topic).toBeGreaterThanOrEqual(0.6);
  });
});
