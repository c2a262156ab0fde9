// Personal data hidden from the eye or from the digit patterns: invisible characters inside a
// word or number, compatibility forms (full-width digits and letters), digits of other scripts,
// look-alike letters, numbers spelled in words, and lowercase surnames after a first name.
// Every case below is invented; the drill's five leaks come first, then their relatives.
import { describe, expect, it } from 'vitest';
import { detectPersonalData, redact } from '../../src/assistant/privacy.ts';
import { cleanInput } from '../../src/assistant/text.ts';

// What is stored: the message as the conversation service cleans and redacts it.
const stored = (text: string) => redact(cleanInput(text)).text;

describe('redaction sees through what the eye cannot see', () => {
  it.each([
    ['der kleine finn-luca schmidtke hat blaue flecken', 'der kleine [Name] hat blaue flecken'],
    ['Frau Jus\u00adtine Grabow\u00adski holt das Kind nie ab', 'Frau [Name] holt das Kind nie ab'],
    ['Handy: 0\u20601\u20607\u20601 3\u20605\u20607\u20609\u20602\u20604\u20606', 'Handy: [Telefon]'],
    ['Festnetz ０３８１ ７７８８９９０', 'Festnetz [Telefon]'],
    ['null eins sieben sechs, neun acht sieben, sechs fünf vier drei', '[Telefon]'],
  ])('the drill case %j is stored without the detail', (input, expected) => {
    expect(stored(input)).toBe(expected);
  });

  it.each([
    // invisible characters of other kinds, and inside names
    ['Mobil 0171\u200b357\u200d92\u206346', 'Mobil [Telefon]'],
    ['Herr Kowal\u2060ski ruft an', 'Herr [Name] ruft an'],
    ['Frau Gra\ufeffbowski war da', 'Frau [Name] war da'],
    ['Nummer 0381\u180e7788990', 'Nummer [Telefon]'],
    // compatibility forms and other scripts
    ['Ｆｒａｕ Ｇｒａｂｏｗｓｋｉ holt ab', 'Ｆｒａｕ [Name] holt ab'],
    ['Tel. 𝟎𝟏𝟕𝟏 𝟑𝟓𝟕𝟗𝟐𝟒𝟔', 'Tel. [Telefon]'],
    ['Tel. ٠١٧١ ٣٥٧٩٢٤٦', 'Tel. [Telefon]'],
    ['Tel. 0171\u2013357\u202f92\u00a046', 'Tel. [Telefon]'],
    ['geb. ０３.０４.２０１５', 'geb. [Geburtsdatum]'],
    ['Mail: lea．k＠example．org', 'Mail: [E-Mail]'],
    // look-alike letters inside a Latin word or a number
    ['Frau Grab\u043ewski kam nicht', 'Frau [Name] kam nicht'],
    ['Rückruf unter O171 3579246', 'Rückruf unter [Telefon]'],
    // decomposed umlaut: the first-name list still finds it
    ['Heute hat Bjo\u0308rn geweint', 'Heute hat [Name] geweint'],
  ])('%j', (input, expected) => {
    expect(stored(input)).toBe(expected);
  });

  it('keeps the rest of the message as the user wrote it, only without invisible characters', () => {
    expect(stored('Kon\u00adtakt zum Jugend\u2060amt ＭＶ?')).toBe('Kontakt zum Jugendamt ＭＶ?');
    expect(stored('Die Mutter sagt „a\u0308rgerlich“')).toBe('Die Mutter sagt „ärgerlich“');
  });

  it('maps findings back to the original text, invisible characters included', () => {
    const text = 'Frau Grabow\u00adski';
    const [f] = detectPersonalData(text);
    expect(text.slice(f!.start, f!.end)).toBe('Grabow\u00adski');
    expect(redact(text).text).toBe('Frau [Name]');
  });
});

describe('phone numbers spelled in words or as spaced digits', () => {
  it.each([
    ['Null-Eins-Sieben-Eins, drei fünf sieben neun zwei vier sechs', '[Telefon]'],
    ['ruf an: 0171 drei fünf sieben neun zwei vier sechs', 'ruf an: [Telefon]'],
    ['plus vier neun eins sieben eins drei fünf sieben neun zwei', '[Telefon]'],
    ['null drei acht eins, siebzig achtundachtzig neunzig', '[Telefon]'],
    ['doppelnull vier neun drei acht eins sieben sieben', '[Telefon]'],
    ['erreichbar unter null drei acht fünf / fünf fünf sechs sechs sieben', 'erreichbar unter [Telefon]'],
    ['sieben sieben acht acht neun neun null', '[Telefon]'],
    ['die Nummer ist 0 1 7 1 3 5 7 9 2 4 6', 'die Nummer ist [Telefon]'],
  ])('%j', (input, expected) => {
    expect(stored(input)).toBe(expected);
  });

  it.each([
    'Sie zählt eins, zwei, drei, vier, fünf, sechs, sieben.',
    'Kinder von zwei bis drei Jahren, ein oder zwei Mal die Woche',
    'In den Jahren 2019, 2020, 2021 und 2022 war nichts.',
    'Die Hotline null acht null null eins vier eins vier null null sieben ist kostenlos.',
    'Er hat drei Geschwister, zwei davon sind sieben und neun.',
    'Am 3. 4. 2024 um 8 Uhr, Raum 2 3',
  ])('leaves %j alone', (text) => {
    expect(detectPersonalData(text)).toEqual([]);
  });
});

describe('lowercase surnames after a first name', () => {
  it.each([
    ['finn schmidtke hat heute wieder geweint', '[Name] hat heute wieder geweint'],
    ['Lena grabowski ist oft allein', '[Name] ist oft allein'],
    ['ich glaube mia wendeborn kommt ohne frühstück', 'ich glaube [Name] kommt ohne frühstück'],
    ['der junge ole feddersen, 7 jahre, hat angst', 'der junge [Name], 7 jahre, hat angst'],
    ['Frau grabowski holt das Kind nie ab', 'Frau [Name] holt das Kind nie ab'],
  ])('%j', (input, expected) => {
    expect(stored(input)).toBe(expected);
  });

  it.each([
    'Lena weint oft und isst kaum.',
    'die 4-jährige mia mehrfach von ihrem onkel erzählt hat',
    'Die Oma weiß von nichts.',
    'zu ihrem Onkel gebracht und der macht Sachen',
  ])('keeps ordinary words in %j', (text) => {
    const words = detectPersonalData(text).map((f) => text.slice(f.start, f.end));
    for (const w of words) expect(w).not.toMatch(/\s/);
  });
});
