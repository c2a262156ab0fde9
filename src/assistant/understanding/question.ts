// What a message asks: its question sentence (the last one that asks something, so that a long
// case description does not drown the question at its end), the kind of question and its object
// (the act the asker considers). Pure; reads folded text only.
import { foldText } from '../safety/fold.ts';
import { ACT_PATTERNS, CONCERN_PATTERNS, DOMAIN, KIND_PATTERNS, matching, OUTSIDE, YES_NO_START, correctDomainTypos } from './lexicon.ts';

export type QuestionKind = 'may' | 'must' | 'should' | 'how' | 'who' | 'what-next' | 'meaning' | 'when';

export type Question = {
  /** The sentence that asks (folded); the whole message when nothing asks. */
  focus: string;
  /** Whether the message asks anything at all. */
  asks: boolean;
  kind?: QuestionKind;
  /** Answered by yes or no ("Darf ich …?", "Soll ich …?", "Ist das …?"). */
  yesNo: boolean;
  /** Acts named in the question sentence, or else in the whole message. */
  acts: string[];
  /** Acts named in the question sentence itself: what a yes/no question is about. */
  asked: string[];
  /** Words in the question sentence. */
  words: number;
  /** Whether the message is about child protection at all (domain words, an act). */
  inDomain: boolean;
};

// After . ! ? or a line break; a "?" always ends a sentence.
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
}

const INTERROGATIVE = /^(\W*)(und |aber |also |ok,? |okay,? )?(wie|was|wann|wer|wen|wem|wo|welche\w*|warum|wieso|ab wann|darf|durfen|muss|mussen|soll|sollte|kann|konnen|ist|sind|gibt es|brauche|reicht)\b/;

function questionSentence(parts: string[]): string | undefined {
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i]!.includes('?')) return parts[i];
  }
  for (let i = parts.length - 1; i >= 0; i--) {
    if (INTERROGATIVE.test(parts[i]!)) return parts[i];
  }
  return undefined;
}

// Order matters where a sentence has two kinds: "Wie soll ich …" is about how, "Soll ich …" is
// should; "Wer muss …" is who. The first pattern that matches at the start wins; else the first
// anywhere in the sentence.
const KIND_ORDER: QuestionKind[] = ['meaning', 'what-next', 'when', 'who', 'how', 'may', 'must', 'should'];
const START_ORDER: QuestionKind[] = ['may', 'must', 'should', 'what-next', 'meaning', 'when', 'who', 'how'];

function kindOf(focus: string): QuestionKind | undefined {
  const head = focus.split(/\s+/).slice(0, 3).join(' ');
  const atStart = START_ORDER.find((kind) => KIND_PATTERNS[kind]!.test(head));
  if (atStart) return atStart;
  return KIND_ORDER.find((kind) => KIND_PATTERNS[kind]!.test(focus));
}

// One reading per question: "nicht mitgeben" also contains "mitgeben" (withholding wins), and
// "ohne die Eltern zu fragen" is about informing without consent, not about talking to them.
const OVERRIDES: Array<[string, string]> = [['withhold-child', 'hand-over-child'], ['share-without-consent', 'talk-parents']];
function withoutContradiction(acts: string[]): string[] {
  return acts.filter((a) => !OVERRIDES.some(([winner, loser]) => a === loser && acts.includes(winner)));
}

// "Ist das normal?", "Soll ich das machen?": a bare question points back at what was told.
const BARE_QUESTION_WORDS = 5;

export function readQuestion(text: string): Question {
  const folded = correctDomainTypos(foldText(text));
  const parts = sentences(folded);
  const asked = questionSentence(parts);
  const focus = asked ?? folded;
  const kind = asked ? kindOf(asked) : undefined;
  const acts = withoutContradiction(asked ? matching(ACT_PATTERNS, asked) : []);
  // The acts of the whole message, for a question sentence that names none (read once).
  const wholeActs = withoutContradiction(matching(ACT_PATTERNS, folded));
  return {
    focus,
    asks: asked !== undefined,
    ...(kind ? { kind } : {}),
    yesNo: asked !== undefined && (kind === 'may' || kind === 'must' || kind === 'should' || YES_NO_START.test(asked)),
    acts: acts.length ? acts : wholeActs,
    asked: acts.length || !asked || asked.split(/\s+/).length > BARE_QUESTION_WORDS ? acts : wholeActs,
    words: focus.split(/\s+/).filter(Boolean).length,
    inDomain: acts.length > 0 || wholeActs.length > 0 || matching(CONCERN_PATTERNS, folded).length > 0 || (DOMAIN.test(folded) && !OUTSIDE.test(folded)),
  };
}
