// The situation model of a conversation: what a counsellor keeps in mind between turns, as
// categorical slots only — never free text, so nothing personal is kept. Every turn updates it;
// every later turn is read against it ("und wenn die Eltern nicht wollen?" stays about the case).
// The asker's field and region live beside it in the conversation context (context.role/region).
import { foldText } from '../safety/fold.ts';
import { ASKER_NOW } from '../safety/triage-lexicon.ts';
import {
  ABOUT_PATTERNS, AGE_PATTERNS, CIRCUMSTANCE, CONCERN_PATTERNS, correctDomainTypos, DONE_PATTERNS, matching, QUESTION_START, WHEN_PATTERNS, WHERE_PATTERNS,
} from './lexicon.ts';

export type Situation = {
  /** Kinds of concern, newest first (vocabulary.yaml: concerns). */
  concerns: string[];
  /** Whom the worry is about: parent, partner, relative, staff, peer, stranger. */
  about?: string;
  /** How soon: now, today, days, past. */
  when?: string;
  /** Age group of the child: baby, toddler, preschool, school, teen. */
  age?: string;
  /** Where the child or the asker is: with-asker, remote, in-care. */
  where?: string;
  /** What has already been done: leitung, insofa, parents, jugendamt, police. */
  done: string[];
  /** Circumstance classes told so far (unfit-carer, protected-child, planned-harm, …). */
  circumstances: string[];
  /** The acts of the last question: the topic a short follow-up continues. */
  acts: string[];
};

const ASKER_ROLE = /\b(ich bin|bin|ich arbeite als|arbeite als|als|wir sind)( \w+){0,2}? (erzieher\w*|lehrer\w*|trainer\w*|übungsleiter\w*|betreuer\w*|pfleger\w*|praktikant\w*|ehrenamtliche\w*|mitarbeiter\w*|jugendleiter\w*|kolleg\w*)\b/g;


export const EMPTY_SITUATION: Situation = { concerns: [], done: [], circumstances: [], acts: [] };

const MAX_CONCERNS = 3;

// When several roles are named, the most specific one is whom the worry is about: "nicht der
// Vater, der Freund der Mutter" names a parent twice but is about the partner.
const ABOUT_PRIORITY = ['partner', 'staff', 'relative', 'peer', 'stranger', 'parent'];

/** What one message tells about the situation, on its own. */
export function readSituation(text: string): Omit<Situation, 'acts'> & { aboutTold?: string } {
  const folded = correctDomainTypos(foldText(text));
  // Whom the worry is about comes from what is told, not from whom the question names
  // ("Muss ich das den Eltern sagen?" after a child's self-harm is not a worry about the parents).
  // A sentence asks when it has a question mark or, typed without one, starts like a question
  // ("muss ich die eltern heute noch anrufen").
  const told = folded.split(/(?<=[.!?])\s+|\n+/).filter((s) => !s.includes('?') && !QUESTION_START.test(s)).join(' ');
  // The asker's own field ("ich bin Erzieherin", "als Lehrerin") is not whom the worry is about.
  const unmasked = (told || folded).replace(ASKER_ROLE, ' ');
  const about = ABOUT_PRIORITY.find((id) => ABOUT_PATTERNS[id]!.test(unmasked));
  // Told with no question mark, the person counts; named only in a question, it counts only when
  // nothing was told before ("Soll ich die Mutter ansprechen?" does not undo "der Freund der Mutter").
  const aboutTold = told ? about : undefined;
  // "Wie dokumentiere ich das jetzt?" says when the asker asks, not when it happened.
  // When it happened comes from what is told, too: "Wie dokumentiere ich das jetzt?" is when the
  // asker asks; the asker's own "jetzt" is masked in any case.
  const timed = (told || folded).replace(ASKER_NOW, ' ');
  // "Wie dokumentiere ich das im Nachhinein?" tells that it happened before, even as a question.
  const when = WHEN_PATTERNS['long-ago']!.test(folded) ? 'past' : ['now', 'today', 'days', 'past'].find((id) => WHEN_PATTERNS[id]!.test(timed));
  const age = matching(AGE_PATTERNS, folded)[0];
  const where = matching(WHERE_PATTERNS, folded)[0];
  return {
    concerns: matching(CONCERN_PATTERNS, folded),
    ...(about ? { about } : {}),
    ...(aboutTold ? { aboutTold } : {}),
    ...(when ? { when } : {}),
    ...(age ? { age } : {}),
    ...(where ? { where } : {}),
    done: matching(DONE_PATTERNS, folded),
    circumstances: matching(CIRCUMSTANCE, folded),
  };
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

/** The situation after a message: what it tells replaces or adds to what was known. */
export function updateSituation(before: Situation | undefined, text: string, acts: string[]): Situation {
  const prev = before ?? EMPTY_SITUATION;
  const told = readSituation(text);
  return {
    concerns: union(told.concerns, prev.concerns).slice(0, MAX_CONCERNS),
    ...((told.aboutTold ?? prev.about ?? told.about) ? { about: told.aboutTold ?? prev.about ?? told.about } : {}),
    ...((told.when ?? prev.when) ? { when: told.when ?? prev.when } : {}),
    ...((told.age ?? prev.age) ? { age: told.age ?? prev.age } : {}),
    ...((told.where ?? prev.where) ? { where: told.where ?? prev.where } : {}),
    done: union(prev.done, told.done),
    circumstances: union(prev.circumstances, told.circumstances),
    // A question with its own acts sets the topic; a follow-up without one keeps the last.
    acts: acts.length ? acts : prev.acts,
  };
}
