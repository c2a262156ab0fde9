import { foldGerman } from './text.ts';

// Small talk and requests that are not knowledge questions. Each pattern works on folded text
// (lower case, umlauts written out), so "möchte" and "moechte" are the same.

export type Intent = 'greeting' | 'thanks' | 'wants_person' | 'question';

const GREETING = /^(hallo|hi|hey|guten (morgen|tag|abend)|moin|servus|gruess gott)[\s!.,]*$/;
const THANKS = /^(danke|vielen dank|dankeschoen|danke schoen|super,? danke|ok,? danke)[\s!.,]*$/;
const WANTS_PERSON = /\b(mit (einem|einer) (menschen|person|mitarbeiter(in)?|fachkraft|berater(in)?) (sprechen|reden)|mit jemandem (sprechen|reden)|menschliche hilfe|rueckruf|kontaktstelle (sprechen|erreichen|anrufen)|eine person sprechen|persoenlich beraten)\b/;

export function detectIntent(text: string): Intent {
  const folded = foldGerman(text).trim();
  if (GREETING.test(folded)) return 'greeting';
  if (THANKS.test(folded)) return 'thanks';
  if (WANTS_PERSON.test(folded)) return 'wants_person';
  return 'question';
}

const FOLLOW_UP = /^(und|aber|was ist,? wenn|und wenn|was wenn|was, wenn|muss ich dann|darf ich dann|und dann|wie lange|wer genau|wie genau|warum)\b/;

/** A short question that leans on the previous one ("und wenn die Eltern nicht zustimmen?"). */
export function isFollowUp(text: string): boolean {
  const folded = foldGerman(text).trim();
  const words = folded.split(/\s+/).filter(Boolean);
  return FOLLOW_UP.test(folded) || (words.length <= 4 && /\b(das|dann|dort|da|dabei|dazu)\b/.test(folded));
}
