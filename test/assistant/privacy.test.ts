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

describe('detectPersonalData: second pass (general rules)', () => {
  it('finds family names from the list or by their shape, with an unlisted first name before them', () => {
    expect(types('Kowalski hat heute wieder nicht abgeholt.')).toEqual(['name:Kowalski']);
    expect(types('Die Eltern, Bożydar Nowak und Frau Petrenko, kamen zu spät.')).toEqual(['name:Bożydar Nowak', 'name:Petrenko']);
    expect(types('Nguyen Thi Lan (Mutter) war heute da.')).toEqual(['name:Nguyen Thi Lan']);
    expect(types('Gespräch mit Al-Rashidi morgen.')).toEqual(['name:Al-Rashidi']);
  });

  it('takes an academic title alone as a cue and keeps abbreviated titles across the dot', () => {
    expect(types('Der Kinderarzt Dr. Ahmadi meint das auch.')).toEqual(['name:Ahmadi']);
    expect(types('Der Hausarzt Dr. Brüggemann ist informiert.')).toEqual(['name:Brüggemann']);
    expect(types('Fr. Lindqvist hat angerufen.')).toEqual(['name:Lindqvist']);
  });

  it('reads messages typed in lowercase', () => {
    expect(types('hallo, lena aus der 3b ist abends oft allein')).toEqual(['name:lena']);
    expect(types('frau schulz aus der nachbarschaft hat angerufen, die kinder schreien')).toEqual(['name:schulz']);
    expect(types('heute kam mia weinend in die kita, was soll ich tun')).toEqual(['name:mia']);
    expect(types('die frau meinte, das kind wäre müde')).toEqual([]);
  });

  it('does not take things, words or sentence openers for names', () => {
    expect(types('Unsere Kita heißt Pusteblume und liegt am Stadtrand.')).toEqual([]);
    expect(types('Was heißt Inobhutnahme genau?')).toEqual([]);
    expect(types('Dann entscheidet die Familie. Bleiben Sie im Gespräch.')).toEqual([]);
    expect(types('Es besteht die Gefahr, dass die Familie Spuren beseitigt.')).toEqual([]);
    expect(types('Wir haben das im kleinen Kreis, mit Leitung, besprochen.')).toEqual([]);
    expect(types('Nennen Sie das Kind „Kind A, 5 Jahre“.')).toEqual([]);
    expect(types('Sagt ein Kind Ihnen, dass es Angst hat?')).toEqual([]);
    expect(types('Der Vater fährt einen Mercedes und zieht nach Hagen.')).toEqual([]);
  });

  it('finds phone numbers with spaced separators and more birth-date forms', () => {
    expect(types('Tel. des Vaters: 0049 (0)385 / 12 34 56')).toEqual(['phone:0049 (0)385 / 12 34 56']);
    expect(types('oder unter 03834 / 55 66 77.')).toEqual(['phone:03834 / 55 66 77']);
    expect(types('geboren im März 2019 in Rostock')).toEqual(['birthdate:März 2019']);
    expect(types('Geb.-Dat. 03-04-2018')).toEqual(['birthdate:03-04-2018']);
    expect(types('**Gesetz:** seit 1. Januar 2012 in Kraft')).toEqual([]);
  });

  it('finds streets written with a lowercase preposition where someone lives', () => {
    expect(types('Sie wohnt jetzt am Markt 3, zweiter Stock.')).toEqual(['address:am Markt 3']);
    expect(types('Wir treffen uns am Tisch 2 im Raum.')).toEqual([]);
  });
});
