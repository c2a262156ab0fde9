import { describe, expect, it } from 'vitest';
import { buildSearchIndex, loadSearchEngine } from '../../src/search/index.ts';
import type { SearchEngine } from '../../src/search/index.ts';
import { fixturePassages, fixtureSynonyms } from './fixture.ts';

// Round trip through JSON, as the service loads data/search-index.json.
const serialized = JSON.parse(JSON.stringify(buildSearchIndex(fixturePassages, fixtureSynonyms)));
const engine: SearchEngine = loadSearchEngine(serialized, fixturePassages, fixtureSynonyms);
const topArticle = (query: string, role?: string) => engine.search(query, { role }).hits[0]?.passage.articleId;

describe('search engine', () => {
  it('never passes user text to the lunr query parser', () => {
    for (const query of ['Jugendamt:^~+-*', 'title:foo', '"Jugendamt anrufen', 'Jugendamt~2^5', '+-*', '*', ':', '^', '', '   ', 'body:Jugendamt']) {
      expect(() => engine.search(query)).not.toThrow();
    }
    expect(topArticle('Jugendamt:^~+-*')).toBe('jugendamt');
    expect(topArticle('"Jugendamt anrufen')).toBe('jugendamt');
    expect(topArticle('body:Jugendamt')).toBe('jugendamt');
  });

  it('returns nothing with confidence 0 for empty or unknown input', () => {
    expect(engine.search('')).toEqual({ hits: [], confidence: 0 });
    expect(engine.search('xylophon quark')).toEqual({ hits: [], confidence: 0 });
  });

  it('matches umlaut and ß variants', () => {
    for (const query of ['Gefährdung einschätzen', 'Gefaehrdung einschaetzen', 'Gefahrdung einschatzen']) expect(topArticle(query)).toBe('gefahr');
    expect(topArticle('Strasse')).toBe('strasse');
    expect(topArticle('Straße')).toBe('strasse');
  });

  it('matches law references in any spelling', () => {
    for (const query of ['§ 8a', '§8a', '8a SGB VIII', '§ 8a SGB 8', 'Paragraf 8a']) expect(topArticle(query)).toBe('schutzauftrag');
    for (const query of ['§4 KKG', '§ 4 KKG', '4 KKG', 'Paragraph 4 KKG']) expect(topArticle(query)).toBe('kkg');
  });

  it('finds compounds by their parts and parts by their compounds', () => {
    expect(topArticle('Schweigepflicht-Entbindung')).toBe('entbindung');
    expect(topArticle('Weitergabe von Informationen')).toBe('weitergabe');
    const hits = engine.search('Kindeswohlgefährdung', { limit: 10 }).hits.map((h) => h.passage.articleId);
    expect(hits[0]).toBe('formen');
    expect(hits).toContain('gefahr'); // via the part "Gefährdung"
  });

  it('expands synonyms and abbreviations', () => {
    expect(topArticle('Muss ich das JA anrufen?')).toBe('jugendamt');
    expect(topArticle('ASD')).toBe('jugendamt');
    expect(topArticle('InsoFa')).toBe('fachkraft');
  });

  it('tolerates typos in longer words but not in short ones', () => {
    expect(topArticle('Kindeswohlgefärdung')).toBe('formen');
    expect(topArticle('Schweigepflichtentbindnug')).toBe('entbindung');
    expect(engine.search('Hsus').hits).toEqual([]); // 4 letters: no fuzzy
  });

  it('ranks an exact match above a fuzzy one', () => {
    const hits = engine.search('Hase').hits.map((h) => h.passage.articleId);
    expect(hits[0]).toBe('hase');
    const house = engine.search('Hauses').hits.map((h) => h.passage.articleId);
    expect(house[0]).toBe('haus');
  });

  it('does not let one article fill the top three', () => {
    const hits = engine.search('Kita bespricht Sorgen', { limit: 5 }).hits.map((h) => h.passage.articleId);
    expect(hits.slice(0, 3).filter((id) => id === 'kita-a').length).toBeLessThan(3);
    expect(hits.filter((id) => id === 'kita-a').length).toBe(3);
  });

  it('boosts passages for the asker’s role', () => {
    expect(topArticle('Elternabend Checkliste', 'schule')).toBe('abend-schule');
    expect(topArticle('Elternabend Checkliste', 'kita')).toBe('abend-kita');
    const kitaScore = (role?: string) => engine.search('Elternabend Checkliste', { role }).hits.find((h) => h.passage.articleId === 'abend-kita')!.score;
    expect(kitaScore('kita')).toBeGreaterThan(kitaScore());
  });

  it('reduces long inputs to their informative words and still finds the passage', () => {
    const long = 'Hallo, ich arbeite seit vielen Jahren in einer Einrichtung und heute ist mir etwas passiert, ' +
      'bei dem ich unsicher bin. Ich frage mich, ob ich eine Schweigepflichtentbindung von den Eltern brauche, ' +
      'bevor ich mit jemandem über das Kind spreche, und wie das eigentlich genau abläuft bei uns im Alltag.';
    expect(topArticle(long)).toBe('entbindung');
  });

  it('gives a higher confidence to a well covered query than to a partly covered one', () => {
    const good = engine.search('Schweigepflichtentbindung einholen').confidence;
    const weak = engine.search('Schweigepflichtentbindung Steuererklärung Pendlerpauschale Kündigungsfrist').confidence;
    expect(good).toBeGreaterThan(0.6);
    expect(weak).toBeLessThan(good);
    expect(good).toBeLessThanOrEqual(1);
  });

  it('rejects an index of unknown format', () => {
    expect(() => loadSearchEngine({ some: 'thing' }, fixturePassages, fixtureSynonyms)).toThrow(/unknown format/);
  });
});
