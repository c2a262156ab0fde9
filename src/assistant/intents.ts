import { foldedRegExp, foldText } from './safety/fold.ts';

// Small talk and requests that are not knowledge questions. Patterns are written in plain German
// and folded like the input, so "möchte", "moechte" and "mochte" are the same.

export type Intent = 'greeting' | 'thanks' | 'wants_person' | 'privacy_question' | 'question';

const GREETING = foldedRegExp('^(hallo|hi|hey|guten (morgen|tag|abend)|moin|servus|grüß gott)[\\s!.,]*$');
// Thanks, possibly with a few words more ("Danke, das hilft mir"), but not a new question.
const THANKS = foldedRegExp('^(danke|vielen dank|dankeschön|danke schön|super,? danke|ok,? danke|prima,? danke)\\b[^?]{0,60}$');
const WANTS_PERSON = foldedRegExp('\\b(mit (einem|einer) (menschen|person|mitarbeiter(in)?|fachkraft|berater(in)?) (sprechen|reden)|mit jemandem (sprechen|reden)|menschliche hilfe|rückruf|kontaktstelle (sprechen|erreichen|anrufen)|eine person sprechen|persönlich beraten|bitte (eine|einen) (person|menschen|mitarbeiter(in)?|fachkraft)|(person|mensch) bitte|(kann|könnte) ich (mit )?jemand(em)? (sprechen|reden)|will mit jemandem (sprechen|reden))\\b');
const PRIVACY_QUESTION = foldedRegExp('\\b(speichert? (ihr|der lotse|du|sie) (meine )?daten|was passiert mit (meinen|den) (daten|angaben)|wer (liest|sieht) (das|mit|meine nachrichten)|ist (das|der chat|das gespräch) anonym|datenschutz (hier|beim lotsen|im chat)|werden (meine )?daten gespeichert)');

export function detectIntent(text: string): Intent {
  const folded = foldText(text).trim();
  if (GREETING.test(folded)) return 'greeting';
  if (THANKS.test(folded)) return 'thanks';
  if (WANTS_PERSON.test(folded)) return 'wants_person';
  if (PRIVACY_QUESTION.test(folded)) return 'privacy_question';
  return 'question';
}

const FOLLOW_UP = /^(und|aber|was ist,? wenn|und wenn|was wenn|was, wenn|muss ich dann|darf ich dann|und dann|wie lange|wer genau|wie genau|warum)\b/;

/** A short question that leans on the previous one ("und wenn die Eltern nicht zustimmen?"). */
export function isFollowUp(text: string): boolean {
  const folded = foldText(text).trim();
  const words = folded.split(/\s+/).filter(Boolean);
  return FOLLOW_UP.test(folded) || (words.length <= 4 && /\b(das|dann|dort|da|dabei|dazu)\b/.test(folded));
}

// The asker says in so many words that a child is in danger now ("Notfall", "das Kind ist
// jetzt in Gefahr"): that is acute whatever the triage rules make of the rest.
// "Notfall" as a word, not the first part of Notfallplan, Notfallkoffer or Notfallordner.
const DECLARED_EMERGENCY = foldedRegExp('\\b(notfall\\b(?!-?(plan|koffer|ordner|nummer|kette|konzept|set|karte|box|management))|akute[rn]? gefahr|(jetzt|gerade|sofort|heute nacht|heute abend)\\b.{0,40}\\bin (großer |akuter )?gefahr|in (großer |akuter )?gefahr\\b.{0,20}\\b(jetzt|gerade))');
const NEGATED_EMERGENCY = foldedRegExp('\\b(kein(e|en)? (notfall|akute gefahr)|nicht (in )?(akuter )?gefahr|keine gefahr)');

const TOPIC_QUESTION = foldedRegExp('^\\s*(was (ist|sind|bedeutet|heißt|gilt als)|woran|wie erkenne|wann (ist|spricht|liegt|gilt))\\b');

export function declaresEmergency(text: string): boolean {
  const folded = foldText(text);
  return DECLARED_EMERGENCY.test(folded) && !NEGATED_EMERGENCY.test(folded) && !TOPIC_QUESTION.test(folded);
}
