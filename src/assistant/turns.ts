import { contactAnswer, isContactFollowUp, isContactRequest } from './contact-answer.ts';
import { detectRole } from './context.ts';
import { isFollowUp, type detectIntent } from './intents.ts';
import { startStep } from './navigator.ts';
import { fitsConditions } from './retrieval/conditions.ts';
import type { TurnSignals } from './retrieval/features.ts';
import { acuteBody, acuteFollowUpBody } from './replies/acute-reply.ts';
import type { AssistantDeps, Body, Turn } from './replies/body.ts';
import { concernFallbackBody, urgentFallbackBody } from './replies/concern-reply.ts';
import { askRoleBody, explainNavigatorStep, NAVIGATOR_EXPLAIN, NAVIGATOR_NEXT, navigatorBody } from './replies/navigator-reply.ts';
import { searchBody, sectionBody, stanceBody } from './replies/search-reply.ts';
import { passageById } from './retrieval/stances.ts';
import {
  contextAcknowledgementBody, greetingBody, handoverBody, isContextStatement, privacyBody, thanksBody,
} from './replies/smalltalk-reply.ts';
import type { ConversationContext } from './types.ts';
import type { Question } from './understanding/question.ts';

// The assistant as an ordered table of named turn handlers, like the Matrix bot's command table:
// the first handler that applies and gives a body answers the turn. A new behaviour is one entry
// here and its test. Safety lines and notices are added around the body by respond.ts.

/** Everything a handler may look at for one turn. */
export type TurnState = {
  turn: Turn;
  deps: AssistantDeps;
  /** The conversation context before this turn. */
  before: ConversationContext;
  /** The context with this turn's role, region and situation. */
  context: ConversationContext;
  signals: TurnSignals;
  text: string;
  /** Small-talk intent and procedure request, read once per turn (several handlers ask). */
  intent: ReturnType<typeof detectIntent>;
  wantsProcedure: boolean;
};

export type TurnHandler = {
  name: string;
  applies: (s: TurnState) => boolean;
  /** The body; undefined hands the turn on to the next handler. */
  reply: (s: TurnState) => Body | undefined;
};

const danger = (s: TurnState) => s.turn.understood.danger;

/** How to reach help when the Jugendamt's office is closed or no one answers. */
const AFTER_HOURS_SECTION = 'akute-gefahr#wie-erreiche-ich-hilfe-nachts-am-wochenende-und-an-feiertagen';
/** What happens to a child in protective custody, and what the Jugendamt can decide after a report. */
const CUSTODY_SECTION = 'inobhutnahme#was-passiert-waehrend-der-inobhutnahme';
const JUGENDAMT_OUTCOMES_SECTION = 'was-passiert-beim-jugendamt#welche-ergebnisse-und-massnahmen-gibt-es-nach-der-gefaehrdungseinschaetzung';

/** The turn voices doubt about the worry and asks about no other step. */
const doubts = (s: TurnState) => {
  const { acts, asked } = s.signals.question;
  return acts.includes('doubt') && asked.every((a) => a === 'doubt' || a === 'wait-and-see');
};

/** A case has been told earlier in the conversation. */
const isRunningCase = (before: ConversationContext) =>
  (before.situation?.concerns.length ?? 0) > 0 || (before.situation?.acts.length ?? 0) > 0 || (before.acuteTurns ?? 0) > 0 || (before.urgentTurns ?? 0) > 0;

/** This turn tells a circumstance the conversation did not know yet ("ich bin Praktikantin"). */
const newlyTells = (s: TurnState, circumstance: string) =>
  s.signals.situation.circumstances.includes(circumstance) && !(s.before.situation?.circumstances ?? []).includes(circumstance);

/** The stance written for a circumstance, said on its own with its section. */
function circumstanceStance(s: TurnState, circumstance: string): Body | undefined {
  const stance = s.deps.knowledge.stances.find((st) => st.circumstances?.includes(circumstance)
    && fitsConditions(st, { situation: s.signals.situation, role: s.context.role, level: danger(s).level }));
  return stance ? stanceBody(stance, s.deps, s.context) : undefined;
}

/** One section of the knowledge base, by id, as the answer. */
function sectionAnswer(s: TurnState, id: string): Body | undefined {
  const passage = passageById(s.deps.knowledge.passages, id);
  return passage ? sectionBody(passage, s.deps, s.context) : undefined;
}

/** The region's Jugendamt from the contact directory. */
function jugendamtContact(s: TurnState): Body {
  const answer = contactAnswer(s.deps.knowledge.contacts, s.deps.knowledge.regions, s.context.region, s.deps.articles.get('jugendaemter-in-mv')?.reviewed);
  return { ...answer, confidence: 1, kind: 'answer', context: s.context };
}

/** The guided procedure, from the first step the situation has not done yet. */
function startProcedure(s: TurnState): Body {
  const step = startStep(s.context.situation?.done ?? []);
  return navigatorBody(s.deps, s.context, step, { first: true });
}

// The acts that ask which way to take the worry; a question about anything else is answered for itself.
const WHOM_TO_TELL = new Set(['inform-leitung', 'report-supervisory', 'find-contact', 'inform-jugendamt', 'consult-insofa', 'consult-colleagues']);
const asksWhomToTell = (question: Question) =>
  !question.asks || question.kind === 'who' || question.asked.length === 0 || question.asked.some((act) => WHOM_TO_TELL.has(act));

export const TURN_HANDLERS: TurnHandler[] = [
  {
    name: 'navigator-button',
    applies: (s) => s.turn.action?.type === 'navigator' && s.turn.action.step !== undefined,
    reply: (s) => navigatorBody(s.deps, s.context, s.turn.action!.step!),
  },
  {
    name: 'acute',
    applies: (s) => danger(s).level === 'acute' && !danger(s).carried,
    reply: (s) => acuteBody(s.signals, danger(s), s.deps, s.context),
  },
  {
    // "Sie hat doch das Sorgerecht" while a child is in danger: the stance says it first.
    name: 'custody-claim-in-danger',
    applies: (s) => (danger(s).level === 'acute' || danger(s).level === 'urgent') && s.signals.question.acts.includes('custody-claim'),
    reply: (s) => {
      const stance = s.deps.knowledge.stances.find((st) => st.acts.includes('custody-claim'));
      return stance ? stanceBody(stance, s.deps, s.context) : undefined;
    },
  },
  {
    // "Vielleicht übertreibe ich ja" in a told case: doubt is answered, not searched for.
    name: 'doubt',
    applies: (s) => doubts(s) && (danger(s).level !== 'none' || isRunningCase(s.before)),
    reply: (s) => {
      const stance = s.deps.knowledge.stances.find((st) => st.acts.includes('doubt')
        && fitsConditions(st, { situation: s.signals.situation, role: s.context.role, level: danger(s).level }));
      return stance ? stanceBody(stance, s.deps, s.context) : undefined;
    },
  },
  {
    name: 'navigator-next',
    applies: (s) => Boolean(s.before.navigator) && NAVIGATOR_NEXT.test(s.text),
    reply: (s) => navigatorBody(s.deps, s.context, s.before.navigator!.step + 1),
  },
  {
    name: 'navigator-explain',
    applies: (s) => Boolean(s.before.navigator) && NAVIGATOR_EXPLAIN.test(s.text),
    reply: (s) => explainNavigatorStep(s.deps, s.context),
  },
  {
    // The answer to "In welchem Bereich arbeiten Sie?", typed or tapped.
    name: 'navigator-role-answer',
    applies: (s) => Boolean(s.before.awaitingRole) && detectRole(s.text) !== undefined,
    reply: startProcedure,
  },
  {
    // "Was mache ich jetzt?" right after an acute message: the next steps of the emergency.
    name: 'acute-what-now',
    applies: (s) => (s.before.acuteTurns ?? 0) > 0 && s.wantsProcedure,
    reply: (s) => acuteFollowUpBody(s.deps, s.context, 1),
  },
  {
    name: 'navigator-request',
    applies: (s) => s.wantsProcedure,
    reply: (s) => (s.context.role ? startProcedure(s) : askRoleBody(s.context)),
  },
  { name: 'greeting', applies: (s) => s.intent === 'greeting', reply: (s) => greetingBody(s.context) },
  { name: 'thanks', applies: (s) => s.intent === 'thanks', reply: (s) => thanksBody(s.context) },
  { name: 'wants-person', applies: (s) => s.intent === 'wants_person', reply: (s) => handoverBody(s.context) },
  { name: 'privacy-question', applies: (s) => s.intent === 'privacy_question', reply: (s) => privacyBody(s.deps, s.context) },
  {
    // "ich bin übrigens noch in der Ausbildung": who acts changes, so does the answer.
    name: 'trainee-statement',
    applies: (s) => !s.signals.question.asks && newlyTells(s, 'trainee') && Boolean(s.before.lastArticleIds?.length),
    reply: (s) => circumstanceStance(s, 'trainee'),
  },
  {
    // "die Leitung ist mit ihr befreundet": the way through the Leitung is closed, so another one.
    name: 'leitung-conflicted-statement',
    // Only when the message asks nothing else: "darf ich Screenshots machen?" next to "der Trainer
    // ist der Mann der Vorsitzenden" is a question about evidence, answered by the search.
    applies: (s) => newlyTells(s, 'leitung-conflicted') && asksWhomToTell(s.signals.question),
    reply: (s) => circumstanceStance(s, 'leitung-conflicted'),
  },
  {
    // "ich bin übrigens Lehrerin" after a question: the same question, answered for that role.
    name: 'context-for-the-last-question',
    applies: (s) => isContextStatement(s.text, s.before, s.context) && Boolean(s.before.lastArticleIds?.length),
    reply: (s) => {
      const searched = searchBody({ ...s.signals, followUp: true }, s.deps, s.context);
      return searched.kind === 'fallback' ? undefined : searched;
    },
  },
  {
    name: 'context-statement',
    applies: (s) => isContextStatement(s.text, s.before, s.context),
    reply: (s) => contextAcknowledgementBody(s.deps.knowledge, s.context),
  },
  {
    name: 'jugendamt-contact',
    applies: (s) => isContactRequest(s.text),
    reply: jugendamtContact,
  },
  {
    // "An wen wende ich mich da?" in a running case: the region's Jugendamt and how to reach it.
    name: 'contact-in-case',
    applies: (s) => isRunningCase(s.before) && isContactFollowUp(s.text),
    reply: jugendamtContact,
  },
  {
    // "Und was passiert dann mit ihr?" in a running case: what protective custody means for the
    // child while it is in danger, else what the Jugendamt can decide.
    name: 'child-fate-in-case',
    applies: (s) => isRunningCase(s.before) && s.signals.question.asked.includes('child-fate'),
    reply: (s) => {
      // Right after an emergency ("der Rettungsdienst ist jetzt da"), the children still need someone today.
      const inDanger = danger(s).level === 'acute' || danger(s).level === 'urgent' || (s.before.acuteTurns ?? 0) > 0;
      return sectionAnswer(s, inDanger ? CUSTODY_SECTION : JUGENDAMT_OUTCOMES_SECTION);
    },
  },
  {
    // "Und wenn beim Jugendamt keiner rangeht?" in a running case: the ways after hours, for this case.
    name: 'after-hours-in-case',
    applies: (s) => isRunningCase(s.before) && s.signals.question.acts.includes('after-hours'),
    reply: (s) => sectionAnswer(s, AFTER_HOURS_SECTION),
  },
  {
    name: 'knowledge',
    applies: () => true,
    reply: (s) => {
      const searched = searchBody(s.signals, s.deps, s.context);
      return searched.kind === 'fallback' ? undefined : searched;
    },
  },
  {
    name: 'urgent-without-passage',
    applies: (s) => danger(s).level === 'urgent',
    reply: (s) => urgentFallbackBody(s.deps, s.context),
  },
  {
    name: 'acute-follow-up',
    applies: (s) => (s.before.acuteTurns ?? 0) > 0,
    reply: (s) => acuteFollowUpBody(s.deps, s.context, 0),
  },
  {
    name: 'described-worry',
    applies: (s) => danger(s).level === 'concern',
    reply: (s) => concernFallbackBody(s.deps, s.context, 0),
  },
  {
    name: 'no-answer',
    applies: () => true,
    reply: (s) => searchBody(s.signals, s.deps, s.context),
  },
];

/** Whether a turn leans on the ones before it: a short or connected question in a running case. */
export function leansOnBefore(text: string, before: ConversationContext, words: number): boolean {
  const topic = before.situation && (before.situation.acts.length > 0 || before.situation.concerns.length > 0);
  if (!(topic || before.lastArticleIds?.length)) return false;
  // While a child is in danger, what follows is about the same emergency unless it is long.
  const inDanger = (before.acuteTurns ?? 0) > 0 || (before.urgentTurns ?? 0) > 0;
  return isFollowUp(text) || words <= (inDanger ? DANGER_FOLLOW_UP_WORDS : 8);
}

/** Up to how many words a message in a running emergency is read as its follow-up. */
const DANGER_FOLLOW_UP_WORDS = 25;

/** The first handler that applies and answers. */
export function handleTurn(state: TurnState): { handler: string; body: Body } {
  for (const handler of TURN_HANDLERS) {
    if (!handler.applies(state)) continue;
    const body = handler.reply(state);
    if (body) return { handler: handler.name, body };
  }
  throw new Error('no turn handler answered'); // unreachable: 'no-answer' always answers
}
