import { describe, expect, it } from 'vitest';
import { foldUmlauts, normalizeWord } from '../../src/search/normalize.ts';
import { lawTermsAt } from '../../src/search/law.ts';
import { Decompounder } from '../../src/search/decompound.ts';
import { stemWord } from '../../src/search/steps.ts';
import { Analyzer } from '../../src/search/analyzer.ts';
import { editDistanceFor } from '../../src/search/fuzzy.ts';
import { LruCache } from '../../src/search/lru.ts';

describe('normalisation', () => {
  it('folds umlauts, their digraphs and ß onto one form', () => {
    expect(foldUmlauts('gefährdung')).toBe(foldUmlauts('gefaehrdung'));
    expect(foldUmlauts('gefährdung')).toBe('gefahrdung');
    expect(foldUmlauts('straße')).toBe(foldUmlauts('strasse'));
    expect(foldUmlauts('übergriff')).toBe(foldUmlauts('uebergriff'));
    expect(foldUmlauts('größe')).toBe(foldUmlauts('groesse'));
  });

  it('keeps vowel sequences that are not umlaut spellings', () => {
    expect(foldUmlauts('feuer')).toBe('feuer');
    expect(foldUmlauts('mauer')).toBe('mauer');
  });

  it('normalises compatibility forms and case', () => {
    expect(normalizeWord('ＫＫＧ')).toBe('kkg');
    expect(normalizeWord('Gefa\u0308hrdung')).toBe('gefährdung'); // combining diaeresis → NFC
  });
});

describe('law references', () => {
  const words = (text: string) => text.split(' ');
  it('keeps the paragraph and joins it with its code', () => {
    expect(lawTermsAt(words('§ 8a sgb viii'), 1)).toEqual(['§8a', '8a-sgb-viii']);
    expect(lawTermsAt(words('§ 4 abs 3 kkg'), 1)).toEqual(['§4', '4-kkg']);
    expect(lawTermsAt(words('8a sgb 8'), 0)).toEqual(['8a-sgb-viii']);
  });

  it('ignores plain numbers', () => {
    expect(lawTermsAt(words('seit 3 wochen'), 1)).toEqual([]);
  });

  it('gives "§ 8a", "8a SGB VIII" and "§8a SGB 8" shared terms', () => {
    const analyzer = new Analyzer([], []);
    const a = analyzer.analyze('§ 8a SGB VIII');
    for (const variant of ['§8a', '8a SGB VIII', '§8a SGB 8', 'Paragraf 8a']) {
      expect(analyzer.analyze(variant).some((t) => a.includes(t) && /\d/.test(t))).toBe(true);
    }
    expect(analyzer.analyze('§4 KKG')).toEqual(expect.arrayContaining(['4', '§4', '4-kkg']));
  });
});

describe('compound splitting', () => {
  const splitter = new Decompounder(['kindeswohl', 'gefahrdung', 'schweigepflicht', 'entbinden', 'information', 'weitergabe', 'kinder', 'schutz'], stemWord);

  it('splits against the vocabulary, with linking elements', () => {
    expect(splitter.split('kindeswohlgefahrdung')).toEqual(['kindeswohl', 'gefahrdung']);
    expect(splitter.split('informationsweitergabe')).toEqual(['information', 'weitergabe']);
    expect(splitter.split('schweigepflichtentbindung')).toEqual(['schweigepflicht', 'entbindung']);
    expect(splitter.split('kinderschutz')).toEqual(['kinder', 'schutz']);
  });

  it('leaves unknown and short words alone', () => {
    expect(splitter.split('apfelkuchen')).toEqual([]);
    expect(splitter.split('kinder')).toEqual([]);
  });

  it('keeps the whole word next to its parts in the analysis', () => {
    const analyzer = new Analyzer(['kindeswohl', 'gefahrdung'], []);
    expect(analyzer.analyze('Kindeswohlgefährdung')).toEqual(['kindeswohlgefahrd', 'kindeswohl', 'gefahrd']);
  });
});

describe('query analysis', () => {
  const analyzer = new Analyzer(['jugend', 'amt'], [['Jugendamt', 'JA', 'ASD']]);

  it('expands an upper-case abbreviation that is also a stop word', () => {
    const groups = analyzer.analyzeQuery('Muss ich das JA anrufen?');
    expect(groups.flatMap((g) => g.terms.map((t) => t.term))).toContain('jugendamt');
  });

  it('does not read "ja" (yes) as Jugendamt', () => {
    const groups = analyzer.analyzeQuery('ja, ich habe angerufen');
    expect(groups.flatMap((g) => g.terms.map((t) => t.term))).not.toContain('jugendamt');
  });

  it('expands synonyms both ways', () => {
    const terms = analyzer.analyzeQuery('ASD').flatMap((g) => g.terms.map((t) => t.term));
    expect(terms).toContain('jugendamt');
  });
});

describe('helpers', () => {
  it('grants no typo tolerance to short words', () => {
    expect(editDistanceFor('kita')).toBe(0);
    expect(editDistanceFor('schule')).toBe(1);
    expect(editDistanceFor('kindeswohl')).toBe(2);
  });

  it('evicts the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.get('a');
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
  });
});
