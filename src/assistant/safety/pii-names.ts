// Name detection: a first-name list plus context cues. German capitalises every noun, so a
// capital letter alone says little; we accept
//  - a listed first name (capitalised; or lowercase right after a cue),
//  - any capitalised word after a title ("Frau", "Herr", "Familie") or after "heißt"/"namens",
//  - an unlisted capitalised word after a person noun ("Schülerin Jolanthe,") when punctuation follows,
//  - a family name from the surname list or of a typical shape ("Kowalski", "Al-Sayed"),
// and extend a name by the following surname ("Lea Schmidt", "Lea K."). Messages typed all in
// lowercase ("lena aus der 3b hat …") lose the capital-letter signal; there listed first names
// count on their own and a lowercase word after "frau"/"herr" counts when a verb follows.

import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './first-names.ts';
import { COMMON_WORDS, DOMAIN_LEXICON, NOUN_SUFFIXES } from './common-words.ts';
import type { PiiFinding } from './pii-patterns.ts';
import { isSurname } from './pii-surnames.ts';

type Token = { text: string; lower: string; start: number; end: number; capitalised: boolean };

const WORD = /\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*/gu;

const TITLES = new Set(['frau', 'herr', 'herrn', 'familie', 'fam', 'oma', 'opa', 'tante', 'onkel', 'frl', 'hr', 'fr']);
// Cues that may end with a full stop ("Fr. Öztürk", "Dr. Ahmadi"); after any other cue a full
// stop ends the sentence ("… die Familie. Bleiben Sie …").
const ABBREVIATED_CUES = new Set(['fam', 'frl', 'hr', 'fr', 'dr', 'prof', 'med', 'dipl']);
// "die kleine Mia" but "im kleinen Kreis": after an adjective only a listed first name counts.
const ADJECTIVE_CUES = new Set(['kleine', 'kleinen', 'große', 'großen', 'grosse', 'grossen']);
const ACADEMIC = new Set(['dr', 'prof', 'doktor', 'med', 'dipl']);
const STRONG_CUES = new Set(['heißt', 'heisst', 'hieß', 'hiess', 'heißen', 'heissen', 'namens', 'genannt', 'vorname', 'nachname', 'name']);
const PERSON_NOUNS = new Set(
  `kind kindes schüler schülerin schueler schuelerin sohn tochter junge jungen mädchen maedchen
   bruder schwester enkel enkelin pflegekind pflegesohn pflegetochter neffe nichte baby säugling
   mutter vater stiefvater stiefmutter stiefsohn stieftochter kollegin kollege erzieherin erzieher
   lehrerin lehrer freund freundin partner partnerin lebensgefährte lebensgefährtin mitschüler
   mitschülerin kleine kleinen tagesmutter tagesvater trainer trainerin betreuerin betreuer
   nachbar nachbarin praktikantin praktikant patient patientin mama papa mutti vati cousin cousine
   kindsvater kindsmutter ex exmann exfrau ehemann ehefrau klassenkamerad klassenkameradin`.split(/\s+/),
);
// "Unsere Kita heißt Pusteblume": after these subjects "heißt" names a thing, not a person.
// Compared by ending, so compounds count too ("Beratungsstelle", "Jugendclub").
const THING_SUBJECTS = [
  'kita', 'schule', 'einrichtung', 'verein', 'hort', 'gruppe', 'projekt', 'programm', 'praxis',
  'klinik', 'stelle', 'app', 'buch', 'film', 'spiel', 'stadt', 'dorf', 'straße', 'strasse', 'kurs',
  'team', 'angebot', 'methode', 'konzept', 'träger', 'firma', 'heim', 'club', 'klub', 'zentrum',
  'krippe', 'kindergarten', 'station', 'abteilung', 'broschüre', 'flyer', 'portal', 'seite',
  'website', 'plattform', 'gesetz', 'verfahren', 'begriff', 'wort', 'abkürzung', 'fach', 'lied',
  'ag', 'tier', 'hund', 'katze', 'pferd', 'hase', 'puppe', 'teddy', 'kuscheltier',
];
// "Was heißt Inobhutnahme?", "das heißt": a question about a word or "that is".
const WORD_QUESTION = new Set(['was', 'das', 'dies', 'wofür', 'wofuer']);
// In lowercase text, a word after "frau"/"herr" is a surname when one of these follows it
// ("frau schulz aus der nachbarschaft", "herr meier hat angerufen").
const AFTER_LOWERCASE_SURNAME = new Set(
  `aus von vom hat hatte ist war sagt sagte meint meinte und kommt kam wohnt ruft rief will wollte
   kann konnte erzählt erzählte erzaehlt möchte moechte fragt fragte holt holte schreibt schrieb
   bringt brachte arbeitet hat's wirkt wirkte`.split(/\s+/),
);
// Lowercase words that are listed first names but also abbreviations or English words.
const LOWERCASE_NOT_NAMES = new Set(['max', 'jan', 'can', 'nick', 'ha', 'hang', 'dung', 'dat']);
// "in Sofia", "nach Hagen": a listed name after a place preposition is a town.
const PLACE_PREPOSITIONS = new Set(['in', 'nach']);

const NAME_PARTICLES = new Set(['von', 'van', 'de', 'del', 'da', 'al', 'el', 'ben', 'bin', 'ibn', 'zu', 'ter', 'ten']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const first = m[0][0]!;
    tokens.push({
      text: m[0],
      lower: m[0].toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
      capitalised: first !== first.toLowerCase(),
    });
  }
  return tokens;
}

// Only spaces (and for cues like "Name:" a colon) may separate a cue from the name.
function adjacent(text: string, a: Token, b: Token, allowColon = false): boolean {
  const gap = text.slice(a.end, b.start);
  return allowColon ? /^\s*[:.]?\s*$/.test(gap) && gap.length <= 4 : /^\.?\s{1,2}$/.test(gap);
}

function isFirstName(lower: string): boolean {
  if (FIRST_NAMES.has(lower)) return true;
  // Hyphenated double names: "Lisa-Marie", "Ali-Can"
  return lower.includes('-') && lower.split('-').every((part) => FIRST_NAMES.has(part));
}

function genitiveFirstName(lower: string): boolean {
  return lower.length > 3 && lower.endsWith('s') && FIRST_NAMES.has(lower.slice(0, -1)) && !AMBIGUOUS_FIRST_NAMES.has(lower.slice(0, -1));
}

function looksLikeNoun(lower: string): boolean {
  return NOUN_SUFFIXES.some((suffix) => lower.length > suffix.length + 2 && lower.endsWith(suffix));
}

function surnameCandidate(token: Token): boolean {
  return token.capitalised && token.text.length >= 2 && !COMMON_WORDS.has(token.lower) && !looksLikeNoun(token.lower);
}

type Cue = 'title' | 'strong' | 'person' | null;

function cueBefore(text: string, tokens: Token[], i: number): Cue {
  // Skip academic titles: "Frau Dr. Müller"; an academic title alone is a title cue as well
  // ("der Kinderarzt Dr. Ahmadi").
  let j = i - 1;
  while (j >= 0 && ACADEMIC.has(tokens[j]!.lower) && adjacent(text, tokens[j]!, tokens[j + 1]!)) j--;
  if (j < i - 1 && tokens[j + 1]!.capitalised) return 'title';
  const prev = tokens[j];
  if (!prev || !adjacent(text, prev, tokens[j + 1]!, true)) return null;
  if (text.slice(prev.end, tokens[j + 1]!.start).includes('.') && !ABBREVIATED_CUES.has(prev.lower)) return null;
  if (TITLES.has(prev.lower)) return 'title';
  if (STRONG_CUES.has(prev.lower)) return thingIsNamed(tokens, j) ? null : 'strong';
  if (prev.lower === 'ist' || prev.lower === 'lautet') {
    const before = tokens[j - 1];
    if (before && (before.lower === 'name' || before.lower === 'vorname' || before.lower === 'nachname')) return 'strong';
  }
  if (PERSON_NOUNS.has(prev.lower)) return 'person';
  return null;
}

// "Die Kita heißt Pusteblume", "Was heißt Inobhutnahme?": the cue at j names a thing or a word.
function thingIsNamed(tokens: Token[], j: number): boolean {
  const cue = tokens[j]!.lower;
  if (!cue.startsWith('hei') && !cue.startsWith('hie')) return false;
  if (WORD_QUESTION.has(tokens[j - 1]?.lower ?? '')) return true;
  for (let k = j - 1; k >= Math.max(0, j - 4); k--) {
    const word = tokens[k]!.lower;
    if (THING_SUBJECTS.some((thing) => word === thing || (word.length > thing.length + 2 && word.endsWith(thing)))) return true;
  }
  return false;
}

// A message typed without capital letters: few capitalised words inside sentences.
function isLowercaseText(text: string, tokens: Token[]): boolean {
  let inside = 0;
  let capitalised = 0;
  for (const t of tokens) {
    if (/(?:^|[.!?:\n]\s*)$/.test(text.slice(Math.max(0, t.start - 3), t.start))) continue;
    inside++;
    if (t.capitalised) capitalised++;
  }
  return inside >= 4 && capitalised / inside < 0.08;
}

// Punctuation or an age right after a word makes an unlisted word after a person noun a name:
// "die Schülerin Jolanthe, 9," vs "das Kind Angst hat".
function followedByBreak(text: string, token: Token): boolean {
  return /^(?:\s*[,.;:!?()–-]|\s*$|\s+(?:und|\(|\d))/.test(text.slice(token.end, token.end + 4));
}

// "Milan (8)", "Milan, 8 Jahre", "Milan aus der 4b": an age or a class right after a word marks
// it as a person.
function followedByAge(text: string, token: Token): boolean {
  return /^\s*(?:\(\s*\d{1,2}\s*(?:j\.?|jahre)?\s*\)|,\s*\d{1,2}\s*(?:j\.|jahre|,)|aus (?:der|meiner|unserer) (?:\d|klasse|gruppe))/i.test(text.slice(token.end, token.end + 24));
}

type Context = { text: string; tokens: Token[]; lowercase: boolean };

function nameStartAt(ctx: Context, i: number): boolean {
  const { text, tokens } = ctx;
  const token = tokens[i]!;
  const cue = cueBefore(text, tokens, i);
  const listed = isFirstName(token.lower) || (token.capitalised && genitiveFirstName(token.lower));
  if (listed) return listedNameCounts(ctx, i, cue);
  if (token.text.length < 2 || COMMON_WORDS.has(token.lower) || looksLikeNoun(token.lower)) return false;
  // "frau schulz aus der …"; in a message that capitalises the title only a listed or
  // typically shaped family name ("Frau grabowski holt …"), since "die Oma weiß von nichts".
  if (!token.capitalised) return cue === 'title' && (ctx.lowercase ? lowercaseSurnameFollows(ctx, i) : isSurname(token.lower));
  if (isSurname(token.lower)) return true;
  if (cue === null || (cue !== 'title' || weakTitle(tokens, i)) && DOMAIN_LEXICON.has(token.lower)) return false;
  if (cue === 'title' || cue === 'strong') return true;
  return cue === 'person' && !ADJECTIVE_CUES.has(tokens[i - 1]!.lower) && followedByBreak(text, token);
}

// "Familie" is followed by nouns often enough ("dass die Familie Spuren beseitigt") that a known
// noun after it is not taken for a surname; after "Frau"/"Herr" any capitalised word is.
function weakTitle(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]!.lower;
  return prev === 'familie' || prev === 'fam';
}

function listedNameCounts(ctx: Context, i: number, cue: Cue): boolean {
  const { text, tokens } = ctx;
  const token = tokens[i]!;
  const ambiguous = AMBIGUOUS_FIRST_NAMES.has(token.lower);
  if (!token.capitalised) {
    if (COMMON_WORDS.has(token.lower) || ambiguous) return false;
    if (cue !== null || followedByAge(text, token)) return true;
    return ctx.lowercase && !LOWERCASE_NOT_NAMES.has(token.lower) && !afterPlacePreposition(tokens, i);
  }
  if (cue === null && afterPlacePreposition(tokens, i)) return false;
  if (!ambiguous) return !COMMON_WORDS.has(token.lower) || cue !== null;
  return cue !== null || followedByAge(text, token);
}

function afterPlacePreposition(tokens: Token[], i: number): boolean {
  return i > 0 && PLACE_PREPOSITIONS.has(tokens[i - 1]!.text);
}

// "frau schulz aus der …": a lowercase word after a title is a surname when a verb or "aus"
// follows; "frau meinte, …" stays.
function lowercaseSurnameFollows(ctx: Context, i: number): boolean {
  const next = ctx.tokens[i + 1];
  return next !== undefined && adjacent(ctx.text, ctx.tokens[i]!, next) && AFTER_LOWERCASE_SURNAME.has(next.lower);
}

// Lowercase words that follow a first name in ordinary sentences ("weil lena krank ist"):
// predicative adjectives and adverbs that the function-word list does not hold.
const AFTER_NAME_WORDS = new Set(
  `krank gesund müde muede blass dünn duenn dick still stumm laut leise allein alleine wach nass
   sauer froh böse boese lieb nett klein groß gross schwanger verletzt weg da dort hier zuhause
   daheim heim mit wieder heute gestern oft selten dann schon gerade sehr ganz kaum erst bald
   plötzlich ploetzlich zurück zurueck ständig staendig manchmal öfter oefter nachmittags mittags
   zusammen gern gerne ungern komisch anders seltsam ruhig unruhig schlecht gut sonst eben auch
   mehrfach mehrmals wiederholt regelmäßig regelmaessig nachts abends morgens immer nie jetzt`.split(/\s+/),
);
// Of the words after "frau schulz", only the verbs: "lena mehrfach von …" is no surname.
const NOT_VERBS = new Set(['und', 'aus', 'von', 'vom']);
// Endings of verb forms and adjectives ("weint", "sagte", "traurig", "ängstlich", "wütend").
const VERB_OR_ADJECTIVE = /(?:t|te|ten|tet|st|ig|lich|isch|bar|los|sam|haft|end|ern|eln)$/;

// "finn-luca schmidtke hat …", "Lena grabowski ist …": a lowercase word right after a first name
// is its surname when it is no everyday word and a verb follows it, as after "frau schulz".
function unlistedLowercaseSurname(ctx: Context, j: number): boolean {
  const word = ctx.tokens[j]!;
  if (word.text.length < 3 || COMMON_WORDS.has(word.lower) || DOMAIN_LEXICON.has(word.lower) || looksLikeNoun(word.lower)) return false;
  if (AFTER_NAME_WORDS.has(word.lower) || AFTER_LOWERCASE_SURNAME.has(word.lower)) return false;
  if (VERB_OR_ADJECTIVE.test(word.lower) && !isSurname(word.lower)) return false;
  const after = ctx.tokens[j + 1];
  if (after && !NOT_VERBS.has(after.lower) && adjacent(ctx.text, word, after) && AFTER_LOWERCASE_SURNAME.has(after.lower)) return true;
  return followedByAge(ctx.text, word);
}

// Extend a name over following surname parts: "Lea Marie Schmidt", "Lea K.", "Ahmad al Hassan".
function extendName(ctx: Context, i: number): number {
  const { text, tokens } = ctx;
  let end = tokens[i]!.end;
  let j = i + 1;
  let added = 0;
  while (j < tokens.length && added < 3) {
    const next = tokens[j]!;
    if (!adjacent(text, tokens[j - 1]!, next) || /[.,;:!?]/.test(text.slice(tokens[j - 1]!.end, next.start))) break;
    if (NAME_PARTICLES.has(next.lower) && tokens[j + 1]?.capitalised && added === 0) {
      j++;
      continue;
    }
    if (next.text.length === 1 && next.capitalised && text[next.end] === '.') {
      end = next.end + 1; // initial: "Lea K."
      break;
    }
    const lowercaseSurname = !next.capitalised && ((ctx.lowercase && isSurname(next.lower)) || (added === 0 && unlistedLowercaseSurname(ctx, j)));
    if (!surnameCandidate(next) && !(next.capitalised && isFirstName(next.lower)) && !lowercaseSurname) break;
    end = next.end;
    added++;
    j++;
  }
  return end;
}

// A family name found on its own takes an unlisted first name before it: "Bożydar Nowak".
function extendBackwards(ctx: Context, i: number): number {
  const { text, tokens } = ctx;
  const token = tokens[i]!;
  const prev = tokens[i - 1];
  if (!prev || isFirstName(token.lower) || !isSurname(token.lower)) return token.start;
  if (!adjacent(text, prev, token) || text.slice(prev.end, token.start).includes('.')) return token.start;
  if (!surnameCandidate(prev) || TITLES.has(prev.lower) || ACADEMIC.has(prev.lower)) return token.start;
  return prev.start;
}

export function findNames(text: string): PiiFinding[] {
  const tokens = tokenize(text);
  const ctx: Context = { text, tokens, lowercase: isLowercaseText(text, tokens) };
  const found: PiiFinding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!nameStartAt(ctx, i)) continue;
    const end = extendName(ctx, i);
    found.push({ type: 'name', start: extendBackwards(ctx, i), end });
    while (i + 1 < tokens.length && tokens[i + 1]!.start < end) i++;
  }
  return found;
}
