// Name detection: a first-name list plus context cues. German capitalises every noun, so a
// capital letter alone says little; we accept
//  - a listed first name (capitalised; or lowercase right after a cue),
//  - any capitalised word after a title ("Frau", "Herr", "Familie") or after "heißt"/"namens",
//  - an unlisted capitalised word after a person noun ("Schülerin Jolanthe,") when punctuation follows,
// and extend a name by the following surname ("Lea Schmidt", "Lea K.").

import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './first-names.ts';
import { COMMON_WORDS, NOUN_SUFFIXES } from './common-words.ts';
import type { PiiFinding } from './pii-patterns.ts';

type Token = { text: string; lower: string; start: number; end: number; capitalised: boolean };

const WORD = /\p{L}[\p{L}\p{M}'’]*(?:-\p{L}[\p{L}\p{M}'’]*)*/gu;

const TITLES = new Set(['frau', 'herr', 'herrn', 'familie', 'fam', 'oma', 'opa', 'tante', 'onkel', 'frl']);
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

function cueBefore(text: string, tokens: Token[], i: number): 'title' | 'strong' | 'person' | null {
  // Skip academic titles: "Frau Dr. Müller"
  let j = i - 1;
  while (j >= 0 && ACADEMIC.has(tokens[j]!.lower) && adjacent(text, tokens[j]!, tokens[j + 1]!)) j--;
  const prev = tokens[j];
  if (!prev || !adjacent(text, prev, tokens[j + 1]!, true)) return null;
  if (TITLES.has(prev.lower)) return 'title';
  if (STRONG_CUES.has(prev.lower)) return 'strong';
  if (prev.lower === 'ist' || prev.lower === 'lautet') {
    const before = tokens[j - 1];
    if (before && (before.lower === 'name' || before.lower === 'vorname' || before.lower === 'nachname')) return 'strong';
  }
  if (PERSON_NOUNS.has(prev.lower)) return 'person';
  return null;
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

function nameStartAt(text: string, tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  const cue = cueBefore(text, tokens, i);
  const listed = isFirstName(token.lower) || (token.capitalised && genitiveFirstName(token.lower));
  if (listed) {
    if (!token.capitalised) return cue !== null && !COMMON_WORDS.has(token.lower) && !AMBIGUOUS_FIRST_NAMES.has(token.lower);
    if (!AMBIGUOUS_FIRST_NAMES.has(token.lower)) return !COMMON_WORDS.has(token.lower) || cue !== null;
    return cue !== null || followedByAge(text, token);
  }
  if (!token.capitalised || COMMON_WORDS.has(token.lower) || looksLikeNoun(token.lower)) return false;
  if (cue === 'title' || cue === 'strong') return true;
  return cue === 'person' && followedByBreak(text, token);
}

// Extend a name over following surname parts: "Lea Marie Schmidt", "Lea K.", "Ahmad al Hassan".
function extendName(text: string, tokens: Token[], i: number): number {
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
    if (!surnameCandidate(next) && !(next.capitalised && isFirstName(next.lower))) break;
    end = next.end;
    added++;
    j++;
  }
  return end;
}

export function findNames(text: string): PiiFinding[] {
  const tokens = tokenize(text);
  const found: PiiFinding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!nameStartAt(text, tokens, i)) continue;
    const end = extendName(text, tokens, i);
    found.push({ type: 'name', start: tokens[i]!.start, end });
    while (i + 1 < tokens.length && tokens[i + 1]!.start < end) i++;
  }
  return found;
}
