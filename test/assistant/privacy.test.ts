// Tricky cases for the detection and redaction of personal data.
import { describe, expect, it } from 'vitest';
import { detectPersonalData, redact } from '../../src/assistant/privacy.ts';

const types = (text: string) => detectPersonalData(text).map((f) => `${f.type}:${text.slice(f.start, f.end)}`);

describe('redact', () => {
  it('replaces each kind of personal data with its placeholder', () => {
    const { text, findings } = redact('Schülerin Lea Schmidt, geb. 03.04.2015, Rosenstraße 12, 19053 Schwerin, Tel. 030 23125 456, lea@example.org');
    expect(text).toBe('Schülerin [Name], geb. [Geburtsdatum], [Adresse], [PLZ] Schwerin, Tel. [Telefon], [E-Mail]');
    expect(findings.map((f) => f.type)).toEqual(['name', 'birthdate', 'address', 'postcode', 'phone', 'email']);
  });

  it('handles IBAN, insurance numbers and titles with surnames', () => {
    expect(redact('IBAN DE89 3704 0044 0532 0130 00').text).toBe('IBAN [IBAN]');
    expect(redact('Versichertennummer A123456789').text).toBe('Versichertennummer [Nummer]');
    expect(redact('Frau Dr. Petersen und Herr Müller-Lüdenscheidt').text).toBe('Frau Dr. [Name] und Herr [Name]');
  });

  it('returns the text unchanged when there is nothing to remove', () => {
    const text = 'Wie finde ich eine insoweit erfahrene Fachkraft nach § 8a Abs. 4 SGB VIII?';
    expect(redact(text)).toEqual({ text, findings: [] });
  });
});

describe('detectPersonalData: no false alarms on domain language', () => {
  it.each([
    'Ist eine Frau in der Beratungsstelle ansprechbar?',
    'Die Kinderschutzhotline 0800 14 14 007 ist rund um die Uhr erreichbar.',
    'Nummer gegen Kummer: 116 111, Notruf 110 und 112.',
    'Am 12.03. hatten wir ein Elterngespräch, um 8:15 Uhr.',
    'Im Jahr 2023 gab es 3 Meldungen, in Klasse 3b 2 Kinder.',
    'Das Kind hat Angst, nach Hause zu gehen.',
    'Ernst gemeint: Nur wenn es nötig ist.',
    'Wir haben 10000 Euro Fördergeld für 120 Kinder.',
    'Auf dem Schulweg und am Spielplatz war nichts.',
  ])('finds nothing in "%s"', (text) => expect(detectPersonalData(text)).toEqual([]));
});

describe('detectPersonalData: names', () => {
  it('finds listed first names, lowercase names after a cue and unlisted names after "heißt"', () => {
    expect(types('mein schüler ben hat blaue flecken')).toEqual(['name:ben']);
    expect(types('Der Junge heißt Jolanthe.')).toEqual(['name:Jolanthe']);
    expect(types('Die Schülerin Marie K. wirkt verängstigt.')).toEqual(['name:Marie K.']);
    expect(types('Leas Mutter ist krank.')).toEqual(['name:Leas']);
  });

  it('takes ambiguous names only with a cue or an age', () => {
    expect(types('Milan, 8 Jahre, wohnt hier.')).toEqual(['name:Milan']);
    expect(types('Mein Sohn Kai ist 6.')).toEqual(['name:Kai']);
    expect(types('Ein Kai ist ein Ufer.')).toEqual([]);
  });

  it('does not take a noun after "Kind" for a name', () => {
    expect(types('Weil das Kind Hunger hat, isst es viel.')).toEqual([]);
  });
});

describe('detectPersonalData: dates', () => {
  it('marks dates of birth but not other dates', () => {
    expect(types('Das Baby ist am 2. Februar 2024 geboren.')).toEqual(['birthdate:2. Februar 2024']);
    expect(types('Sie hat am 4. Mai Geburtstag.')).toEqual(['birthdate:4. Mai']);
    expect(types('Nele wird am 3. März sechs.')).toEqual(['name:Nele', 'birthdate:3. März']);
    expect(types('Das Gespräch war am 03.04.2024.')).toEqual([]);
  });
});
