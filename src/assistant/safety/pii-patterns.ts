// Pattern-based detectors for structured personal data: e-mail, IBAN, phone, ID numbers,
// dates of birth, street addresses and postcodes. Names live in pii-names.ts.
// Each detector returns raw spans; privacy.ts merges them and resolves overlaps.

import { COMMON_WORDS } from './common-words.ts';

export type PiiType = 'name' | 'birthdate' | 'address' | 'postcode' | 'phone' | 'email' | 'idnumber' | 'iban';
export type PiiFinding = { type: PiiType; start: number; end: number };

function collect(text: string, re: RegExp, type: PiiType, accept?: (m: RegExpExecArray) => boolean, group = 0): PiiFinding[] {
  const found: PiiFinding[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) { re.lastIndex++; continue; }
    if (accept && !accept(m)) continue;
    const value = m[group];
    if (value === undefined) continue;
    const start = m.index + m[0].indexOf(value);
    found.push({ type, start, end: start + value.length });
  }
  return found;
}

// ---------- e-mail ----------

const EMAIL = /[\p{L}\d._%+-]{1,64}(?:@|\s?[([]at[)\]]\s?)[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}/gu;

export function findEmails(text: string): PiiFinding[] {
  return collect(text, EMAIL, 'email');
}

// ---------- IBAN ----------

const IBAN = /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]){11,30}\b/gi;

export function findIbans(text: string): PiiFinding[] {
  return collect(text, IBAN, 'iban', (m) => {
    const compact = m[0].replace(/\s/g, '').toUpperCase();
    if (!/\d{6}/.test(compact.slice(4))) return false; // IBANs carry long digit runs
    if (compact.startsWith('DE')) return compact.length === 22;
    return compact.length >= 15 && compact.length <= 34;
  });
}

// ---------- phone ----------

// Public service numbers (free hotlines, 116xxx, 115) are not personal data: a user who quotes
// the Kinderschutzhotline is asking about it, and the answer must still be able to name it.
export function isServiceNumber(digits: string): boolean {
  const national = digits.replace(/^(?:0049|49)(?=[1-9])/, '0');
  return /^(?:0800|0180|0900|0137|116\d{3}$|115$|11[02]$)/.test(national);
}

// Between digit groups people type one separator, sometimes with spaces around it:
// "0381 / 22 33 44", "0049 (0)385 - 12 34".
const PHONE_INTL = /(?<![\w+])(?:\+|00)\s?[1-9]\d{0,2}(?:\s?[\-/.]?\s?\(0\))?(?:(?:\s?[\-/.]\s?|\s)?\(?\d\)?){6,13}(?!\d)/g;
const PHONE_NATIONAL = /(?<![\w.,/])\(?0[1-9]\d{1,4}\)?(?:(?:\s?[\-/]\s?|\s)?\d){4,11}(?!\d|\.\d)/g;
const PHONE_CUED = /(?:tel\.?|telefon(?:nummer)?|handy(?:nummer)?|mobil(?:nummer)?|festnetz(?:nummer)?|rufnummer|erreichbar unter|whatsapp|fax)\s*(?:ist|lautet|:|-)?\s*((?:\d[\s\-/]?){4,12}\d)/gi;

function phoneAccept(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 6 && digits.length <= 15 && !isServiceNumber(digits);
}

export function findPhones(text: string): PiiFinding[] {
  return [
    ...collect(text, PHONE_INTL, 'phone', (m) => phoneAccept(m[0])),
    ...collect(text, PHONE_NATIONAL, 'phone', (m) => {
      const digits = m[0].replace(/\D/g, '');
      return digits.length >= 7 && phoneAccept(m[0]);
    }),
    ...collect(text, PHONE_CUED, 'phone', (m) => phoneAccept(m[1]!), 1),
  ].map((f) => trimSpan(text, f));
}

function trimSpan(text: string, f: PiiFinding): PiiFinding {
  let { start, end } = f;
  while (end > start && /[\s\-/]/.test(text[end - 1]!)) end--;
  while (start < end && /\s/.test(text[start]!)) start++;
  return { ...f, start, end };
}

// ---------- ID numbers ----------

const ID_CUE = /(?:kranken)?versicherten-?nummer|(?:kranken|renten|sozial)?versicherungs-?nummer|kv-?nummer|kv-?nr\.?|kvnr|sv-?nummer|ausweis-?nummer|personalausweis(?:-?nummer)?|pass-?nummer|reisepass(?:-?nummer)?|steuer-?id|steuer-?nummer|steuer-?identifikationsnummer|identifikationsnummer|aktenzeichen|az\.|fallnummer|kundennummer|mitgliedsnummer|patientennummer|sch(?:ü|ue)lernummer|gesch(?:ä|ae)ftszeichen|vorgangsnummer|kassennummer/gi;

// After a cue, take the following chunks that look like parts of a number ("A 123 456 789",
// "51.2-1234/23"); stop at the first ordinary word.
function idValueAfter(text: string, from: number): PiiFinding | null {
  const rest = text.slice(from);
  // "Aktenzeichen beim Jugendamt: …", "Steuer-ID der Mutter: …"
  const lead = /^(?:\s+(?:beim|bei|des|der|vom|von|im)\s+\p{L}+)?\s*(?:ist|lautet|:|-|nr\.?|nummer)?\s*(?::\s*)?/iu.exec(rest)!;
  let pos = from + lead[0].length;
  const start = pos;
  let end = pos;
  const chunk = /^[A-Za-z0-9][A-Za-z0-9./-]*/;
  while (pos < text.length) {
    const m = chunk.exec(text.slice(pos));
    if (!m) break;
    const word = m[0].replace(/[.]$/, '');
    const looksLikeNumber = /\d/.test(word) || /^[A-Z]{1,2}$/.test(word);
    if (!looksLikeNumber) break;
    end = pos + word.length;
    pos += m[0].length;
    const gap = /^\s/.exec(text.slice(pos));
    if (!gap) break;
    pos += gap[0].length;
  }
  const value = text.slice(start, end);
  if ((value.match(/\d/g) ?? []).length < 4) return null;
  return { type: 'idnumber', start, end };
}

const KVNR = /\b[A-Z]\d{9}\b/g;
const SVNR = /\b\d{2}\s?[0-3]\d[01]\d\d{2}\s?[A-Z]\s?\d{3}\b/g;
const TAX_ID = /(?<!\d[\s/-]?)\b[1-9]\d{10}\b(?!\s?\d)/g;

export function findIdNumbers(text: string): PiiFinding[] {
  const found: PiiFinding[] = [];
  ID_CUE.lastIndex = 0;
  for (let m = ID_CUE.exec(text); m; m = ID_CUE.exec(text)) {
    const value = idValueAfter(text, m.index + m[0].length);
    if (value) found.push(value);
  }
  return [
    ...found,
    ...collect(text, KVNR, 'idnumber'),
    ...collect(text, SVNR, 'idnumber'),
    ...collect(text, TAX_ID, 'idnumber'),
  ];
}

// ---------- dates of birth ----------

const MONTH = '(?:Januar|Jan\\.?|Februar|Feb\\.?|M(?:ä|ae)rz|Mrz\\.?|April|Apr\\.?|Mai|Juni|Juli|August|Aug\\.?|September|Sept?\\.?|Oktober|Okt\\.?|November|Nov\\.?|Dezember|Dez\\.?)';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const DATE = new RegExp(
  [
    `\\b${DAY}\\s?\\.\\s?(?:0?[1-9]|1[0-2])\\s?\\.(?:\\s?(?:19|20)?\\d{2}\\b)?`,
    `\\b${DAY}\\.?\\s*${MONTH}(?:\\s+(?:19|20)\\d{2}\\b)?`,
    `\\b(?:19|20)\\d{2}-[01]\\d-[0-3]\\d\\b`,
    `\\b${DAY}/(?:0?[1-9]|1[0-2])/(?:19|20)?\\d{2}\\b`,
    `\\b${DAY}-(?:0?[1-9]|1[0-2])-(?:19|20)\\d{2}\\b`,
    `\\b${MONTH}\\s+(?:19|20)\\d{2}\\b`,
  ].join('|'),
  'gi',
);

// "*" marks a birth date only right before it ("*12.3.19", "(* 22.08.2015)"); "**Gesetz:** seit
// 1. Januar 2012" is Markdown bold.
const BIRTH_BEFORE = /(?:(?:geb\.|geb\s|geboren|geburtsdatum|geb\.-?datum|geburtstag|geburtstages)(?:\s*(?:ist|war|am|im|:|den|dem|der|lautet|vom|des kindes|seit|dat\.|datum|-?dat\.?))*|(?<!\*)\*)\s*$/i;
const BIRTH_AFTER = /^\s*(?:\)\s*)?(?:geboren|zur welt|auf die welt|geburtstag)/i;
const TURNS_AGE_BEFORE = /\b(?:wird|wurde|ist)\s+(?:am|seit dem)\s*$/i;
const TURNS_AGE_AFTER = /^\s*(?:\d{1,2}|eins|zwei|drei|vier|f(?:ü|ue)nf|sechs|sieben|acht|neun|zehn|elf|zw(?:ö|oe)lf|dreizehn|vierzehn|f(?:ü|ue)nfzehn|sechzehn|siebzehn)\b(?:\s*jahre)?(?:\s*alt)?(?!\s*(?:uhr|minuten|stunden|tage|mal))/i;

export function findBirthdates(text: string, nameEnds: ReadonlySet<number>): PiiFinding[] {
  return collect(text, DATE, 'birthdate', (m) => {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (BIRTH_BEFORE.test(before) || BIRTH_AFTER.test(after)) return true;
    if (TURNS_AGE_BEFORE.test(before) && TURNS_AGE_AFTER.test(after)) return true;
    // "Lea Schmidt (03.04.2019)" or "Lea Schmidt, 03.04.2019": a full date right after a name.
    const afterName = /^\s*[(,]\s*$/.exec(before.slice(-4));
    if (afterName && /\d{4}|\d{2}$/.test(m[0].trim())) {
      const nameEnd = m.index - afterName[0].length;
      for (let i = nameEnd; i >= nameEnd - 2; i--) if (nameEnds.has(i)) return true;
    }
    return false;
  });
}

// ---------- addresses and postcodes ----------

const STREET_SUFFIXES = ['stra(?:ß|ss)e', 'str\\.', 'weg', 'platz', 'allee', 'gasse', 'ring', 'damm', 'chaussee', 'ufer', 'steig', 'pfad', 'stieg', 'markt', 'wall', 'promenade', 'twiete', 'kamp', 'redder', 'graben', 'hof', 'berg', 'siedlung'];
// "Rosenstraße" and, after a hyphen, "Karl-Marx-Straße"
const STREET_SUFFIX = `(?:${STREET_SUFFIXES.join('|')}|-(?:${STREET_SUFFIXES.map((x) => `[${x[0]!.toUpperCase()}]${x.slice(1)}`).join('|')}))`;
const HOUSE_NUMBER = '\\d{1,4}(?:\\s?[a-zA-Z](?!\\p{L}))?(?:\\s?[-/]\\s?\\d{1,4}(?:[a-zA-Z](?!\\p{L}))?)?(?![\\d.,]\\d|\\s?(?:%|uhr|jahre|kinder|euro|€))';
const CAP = '[A-ZÄÖÜ][\\p{L}-]*';
const STREET_WITH_NUMBER = new RegExp(
  [
    // "Rosenstraße 12", "Schweriner Str. 3a", "Alte Dorfstraße 7", "Karl-Marx-Allee 4"
    `(?:(?!(?:Die|Der|Das|Eine|Ihre|Seine|Meine|Unsere|Diese|Jede)\\s)[A-ZÄÖÜ][\\p{L}-]*(?:er|e|es)\\s)?${CAP}${STREET_SUFFIX}\\s?${HOUSE_NUMBER}`,
    // "Schweriner Straße 12", "Lübecker Weg 3"
    `${CAP}(?:er|e|es)\\s(?:Stra(?:ß|ss)e|Str\\.|Weg|Platz|Allee|Ring|Damm|Chaussee|Gasse)\\s?${HOUSE_NUMBER}`,
    // "Straße der Jugend 4", "Platz des Friedens 1"
    `(?:Stra(?:ß|ss)e|Platz|Allee|Weg|Ring)\\s(?:des|der|am|an der|zum|zur|vom)\\s${CAP}(?:\\s${CAP})?\\s${HOUSE_NUMBER}`,
  ].join('|'),
  'gu',
);
// A street name without a house number counts only where the sentence is about where someone
// lives ("wohnt mit ihrer Mutter in der Goethestraße"); "auf dem Schulweg" is not an address.
const STREET_WORD = new RegExp(`(?<=\\b(?:in der|in die|aus der|im|am|an der|in den)\\s)${CAP}${STREET_SUFFIX}(?![\\p{L}\\d]|\\s?\\d)`, 'gu');
const LIVING_CONTEXT = /\b(?:wohn\w*|lebt|leben|adresse|anschrift|gezogen|zieht|umgezogen)\b/i;
const NOT_A_STREET_WORD = new Set(['schulweg', 'heimweg', 'spielplatz', 'parkplatz', 'arbeitsplatz', 'sportplatz', 'bolzplatz', 'schulhof', 'bahnhof', 'friedhof', 'innenhof', 'hinterhof', 'bauernhof', 'supermarkt', 'kindergarten', 'fußweg', 'radweg', 'gehweg', 'ausweg', 'umweg', 'rückweg', 'hof', 'weg', 'ring', 'platz', 'markt', 'berg']);

function streetWithoutNumber(text: string): PiiFinding[] {
  return collect(text, STREET_WORD, 'address', (m) => {
    if (NOT_A_STREET_WORD.has(m[0].toLowerCase())) return false;
    const sentenceStart = Math.max(text.lastIndexOf('.', m.index), text.lastIndexOf('!', m.index), text.lastIndexOf('?', m.index), text.lastIndexOf('\n', m.index));
    return LIVING_CONTEXT.test(text.slice(sentenceStart + 1, m.index));
  });
}

// Street names made of a preposition and a noun: "Am Markt 3", "Zur Alten Schmiede 2".
const STREET_PREPOSITIONS = 'Am|An\\sder|An\\sden|Im|In\\sder|In\\sden|Auf\\sdem|Auf\\sder|Zum|Zur|Hinter\\sdem|Hinter\\sder|Hinter\\sden|Unter\\sden|Bei\\sder|Beim|Vor\\sdem|Vorm|Über\\sder|Am\\sAlten|Am\\sNeuen';
const PREPOSITION_STREET = new RegExp(`\\b(?:${STREET_PREPOSITIONS})\\s(?:(?:Alte|Alten|Neue|Neuen|Großen|Kleinen|Langen|Hohen|Roten|Grünen|Weißen|Schwarzen)\\s)?(${CAP})\\s${HOUSE_NUMBER}`, 'gu');
// Written lowercase inside a sentence ("wohnt jetzt am Markt 3") only where the sentence is
// about where someone lives; "am Tisch 2" or "in der Halle 3" stay.
const PREPOSITION_STREET_LOWER = new RegExp(`\\b(?:am|an\\sder|an\\sden|auf\\sdem|auf\\sder|zum|zur|hinter\\sdem|hinter\\sder|beim|bei\\sder)\\s(?:(?:Alte|Alten|Neue|Neuen|Großen|Kleinen|Langen|Hohen)\\s)?(${CAP})\\s${HOUSE_NUMBER}`, 'gu');
const NOT_A_STREET_NOUN = new Set(['jahr', 'jahre', 'alter', 'ende', 'anfang', 'tag', 'abend', 'morgen', 'moment', 'monat', 'wochenende', 'klasse', 'gruppe', 'stufe', 'woche', 'stunde', 'nacht', 'regel', 'schnitt', 'schuljahr', 'zimmer', 'raum', 'haus', 'kindergarten', 'bus', 'vergleich', 'durchschnitt', 'prinzip', 'kreis', 'absatz', 'artikel', 'fall']);

export function findAddresses(text: string): PiiFinding[] {
  return [
    ...collect(text, STREET_WITH_NUMBER, 'address'),
    ...streetWithoutNumber(text),
    ...collect(text, PREPOSITION_STREET, 'address', (m) => {
      if (NOT_A_STREET_NOUN.has(m[1]!.toLowerCase()) || COMMON_WORDS.has(m[1]!.toLowerCase())) return false;
      // Mid-sentence a capitalised "Am"/"In der" marks a street name; at a sentence start only
      // after "wohnt"/"Adresse" context.
      const before = text.slice(Math.max(0, m.index - 25), m.index);
      const sentenceStart = /(?:^|[.!?:\n])\s*$/.test(before);
      return !sentenceStart || /wohn|adresse|anschrift/i.test(before);
    }),
    ...collect(text, PREPOSITION_STREET_LOWER, 'address', (m) => {
      if (NOT_A_STREET_NOUN.has(m[1]!.toLowerCase()) || COMMON_WORDS.has(m[1]!.toLowerCase())) return false;
      const sentenceStart = Math.max(text.lastIndexOf('.', m.index), text.lastIndexOf('!', m.index), text.lastIndexOf('?', m.index), text.lastIndexOf('\n', m.index));
      return LIVING_CONTEXT.test(text.slice(sentenceStart + 1, m.index + m[0].length + 30));
    }),
  ].map((f) => trimSpan(text, f));
}

const POSTCODE = /(?<![\w\d.,+\-/])(?:D-\s?)?(\d{5})(?=\s+([A-ZÄÖÜ][\p{L}-]+))/gu;
const POSTCODE_CUED = /\b(?:PLZ|Postleitzahl)\s*:?\s*(\d{5})\b/gi;
const NOT_A_TOWN = new Set(['euro', 'eur', 'kinder', 'menschen', 'fälle', 'faelle', 'meter', 'einwohner', 'schritte', 'mitglieder', 'stunden', 'jahre', 'mal', 'stück', 'teilnehmende', 'familien', 'beratungen', 'meldungen']);

export function findPostcodes(text: string): PiiFinding[] {
  return [
    ...collect(text, POSTCODE, 'postcode', (m) => {
      const next = m[2]!.toLowerCase();
      return !NOT_A_TOWN.has(next) && !COMMON_WORDS.has(next) && Number(m[1]) >= 1001;
    }, 1),
    ...collect(text, POSTCODE_CUED, 'postcode', undefined, 1),
  ];
}
