import { detectRole } from './context.ts';
import { detectIntent } from './intents.ts';
import { isNavigatorRequest } from './navigator.ts';
import { emergencyBlock, urgentBlock } from './emergency.ts';
import type { TurnSignals } from './retrieval/features.ts';
import type { AssistantDeps, Body, Turn } from './replies/body.ts';
import { nextStepsText } from './replies/next-steps.ts';
import { understoodLine } from './replies/understood-line.ts';
import { MODEL_SIGNAL } from './triage.ts';
import { handleTurn, leansOnBefore, type TurnState } from './turns.ts';
import type { Action, ConversationContext, Reply } from './types.ts';

// Builds the reply to one (already redacted and understood) message. Pure: no store, no clock.
// First the body — what answers the message, from the turn table (turns.ts) — then, above it,
// what safety demands: on acute danger the emergency routes, on urgency "today", for a few turns
// after an acute message 110/112 at hand, and the "is a child in danger now?" check only where
// the situation leaves it open; the privacy notice once per conversation.

export type { AssistantDeps, Turn } from './replies/body.ts';
export type TurnResult = { reply: Reply; context: ConversationContext; privacyNoticeShown: boolean; handler: string };

const PRIVACY_NOTICE =
  '_Hinweis zum Datenschutz: Ich habe persönliche Angaben (zum Beispiel Namen oder Kontaktdaten) aus Ihrer Nachricht entfernt und speichere nur die anonymisierte Fassung. ' +
  'Für eine Beratung brauchen wir keine Namen – auch die insoweit erfahrene Fachkraft berät Sie anonymisiert (§ 4 Abs. 2 KKG)._';

const CONCERN_CHECK = '**Ist ein Kind jetzt in Gefahr?** Dann rufen Sie sofort die 110 (Polizei) oder die 112 (Rettungsdienst).';
const STILL_ACUTE = '**Wenn das Kind weiterhin in Gefahr ist: 110 (Polizei) oder 112 (Rettungsdienst).**';
const CONCERN_CHECK_PAUSE = 2;
/** The safety block ends with a rule, so that readers and the evaluation see where the answer starts. */
const RULE = '---';

const CALL_110: Action = { type: 'call', label: 'Polizei 110', phone: '110' };
const CALL_112: Action = { type: 'call', label: 'Rettungsdienst 112', phone: '112' };

type Framed = { parts: string[]; actions: Action[]; context: ConversationContext };

// The soft check only where the situation leaves open whether the child is safe now: the learned
// model found a possible danger the rules did not, or the worry is about something happening now.
function dangerLeftOpen(turn: Turn): boolean {
  const { danger, situation } = turn.understood;
  if (danger.level !== 'concern') return false;
  if (situation.where === 'in-care' || situation.when === 'past') return false;
  return danger.signals.includes(MODEL_SIGNAL) || situation.when === 'now';
}

const STILL_URGENT = '**Denken Sie daran: Das sollte heute noch geklärt werden** – mit dem Jugendamt, außerhalb der Dienstzeiten über den Bereitschaftsdienst (Polizei 110).';
/** How many turns an urgent situation stays urgent, and how long one stays urgent after an acute one. */
const URGENT_TURNS = 2;

/** Adds the safety lines the danger asks for above the body. */
function frameForSafety(turn: Turn, deps: AssistantDeps, body: Body): Framed {
  const context = { ...body.context };
  const { danger, situation } = turn.understood;
  if (danger.level === 'acute' && !danger.carried) {
    const emergency = emergencyBlock(deps.knowledge.contacts, { region: context.region, triage: danger, reader: { role: context.role, where: situation.where } });
    return { parts: [emergency.text, RULE], actions: [...emergency.actions, ...body.actions.filter((a) => a.type !== 'escalate')], context };
  }
  const acuteTurns = context.acuteTurns ?? 0;
  if (danger.level === 'acute' && acuteTurns > 0) {
    // Right after an acute message, a short follow-up ("sie antwortet nicht mehr") is still the same emergency.
    context.acuteTurns = acuteTurns - 1;
    if (context.acuteTurns === 0) context.urgentTurns = URGENT_TURNS;
    return { parts: [STILL_ACUTE, RULE], actions: [CALL_110, CALL_112, ...body.actions], context };
  }
  if (danger.level !== 'acute') context.acuteTurns = undefined; // the asker told that the child is safe now
  if (danger.level === 'urgent' && !danger.carried) {
    context.urgentTurns = URGENT_TURNS;
    const urgent = urgentBlock(deps.knowledge.contacts, { region: context.region });
    return { parts: [urgent.text, RULE], actions: [...urgent.actions, ...body.actions.filter((a) => a.type !== 'escalate')], context };
  }
  const urgentTurns = context.urgentTurns ?? 0;
  if (danger.level === 'urgent' && urgentTurns > 0) {
    context.urgentTurns = urgentTurns - 1;
    return { parts: [STILL_URGENT, RULE], actions: body.actions, context };
  }
  if (danger.level !== 'urgent') context.urgentTurns = undefined;
  const pause = context.concernCheckPause ?? 0;
  if (pause > 0) context.concernCheckPause = pause - 1;
  // Skipped when the body itself already points to 110/112 (step 1 of the guided procedure does).
  if (pause === 0 && dangerLeftOpen(turn) && !/\b110\b/.test(body.text)) {
    context.concernCheckPause = CONCERN_CHECK_PAUSE;
    return {
      parts: [CONCERN_CHECK, RULE],
      actions: [{ type: 'quick_reply', label: 'Ja, das Kind ist jetzt in Gefahr', value: 'Ja, das Kind ist jetzt in Gefahr.' }, CALL_110, ...body.actions],
      context,
    };
  }
  return { parts: [], actions: body.actions, context };
}

// Handlers whose answer is about the case told: they get the next steps that fit it.
const CASE_HANDLERS = new Set([
  'acute', 'custody-claim-in-danger', 'trainee-statement', 'context-for-the-last-question', 'knowledge',
  'urgent-without-passage', 'acute-follow-up', 'described-worry', 'acute-what-now', 'after-hours-in-case', 'child-fate-in-case',
]);

/** The next steps a counsellor would add under the answer to a told case, each said once per conversation. */
function withNextSteps(state: TurnState, handler: string, body: Body, framed: Framed): { text?: string; context: ConversationContext } {
  const { situation, danger, question } = state.turn.understood;
  const isCase = situation.concerns.length > 0 || danger.level === 'urgent' || danger.level === 'acute';
  const { context } = framed;
  if (!CASE_HANDLERS.has(handler) || body.kind !== 'answer' || !isCase) return { context };
  const shown = context.stepsShown ?? [];
  const steps = nextStepsText(state.deps.knowledge.nextSteps, {
    situation, role: context.role, level: danger.level, acts: question.asked.length ? question.asked : question.acts, answer: [...framed.parts, body.text].join('\n'), shown,
  }, state.deps.knowledge.contacts);
  return steps.text ? { text: steps.text, context: { ...context, stepsShown: [...shown, ...steps.ids] } } : { context };
}

/**
 * The next steps go right under the direct answer (the lead before the section's heading), so
 * that what to do stands on the first screen and the section follows as the background.
 */
function withStepsAfterLead(text: string, steps: string | undefined, asksWhatToDo: boolean): string {
  if (!steps) return text;
  // Without a direct answer, "was soll ich tun?" is answered by the steps themselves.
  if (text.startsWith('**')) return asksWhatToDo ? `${steps}\n\n${text}` : `${text}\n\n${steps}`;
  const heading = text.indexOf('\n\n**');
  if (heading < 0) return `${text}\n\n${steps}`;
  return `${text.slice(0, heading)}\n\n${steps}${text.slice(heading)}`;
}

/** "Was tun?", "Wie gehe ich vor?", "Soll ich …?" or a case told without a question. */
const WHAT_TO_DO_KINDS = new Set(['should', 'how']);
const asksWhatToDo = (turn: Turn) => turn.understood.question.kind === undefined || WHAT_TO_DO_KINDS.has(turn.understood.question.kind);

/** What the reply tells about removed personal data: how much and of which kinds, never what. */
export function redactionSummary(findings: Turn['findings']): Pick<Reply, 'redacted'> {
  return findings.length ? { redacted: { count: findings.length, types: [...new Set(findings.map((f) => f.type))] } } : {};
}

/** The turn as the handlers see it (also used by the ranker trainer, so both read a turn alike). */
export function stateOf(turn: Turn, deps: AssistantDeps): TurnState {
  const before = turn.context;
  const { question, situation } = turn.understood;
  const context: ConversationContext = {
    ...before,
    role: detectRole(turn.text) ?? before.role,
    region: deps.findRegion(turn.text) ?? before.region,
    situation,
  };
  delete context.lastQuery; // older conversations kept the last question as text; the situation replaces it
  const signals: TurnSignals = {
    text: turn.text,
    question,
    situation,
    previous: before.situation,
    role: context.role,
    lastArticleIds: before.lastArticleIds,
    followUp: leansOnBefore(turn.text, before, question.words),
    level: turn.understood.danger.level,
  };
  const text = turn.text.trim();
  // "Was passiert bei einer Inobhutnahme, Schritt für Schritt?" asks what happens, not for the procedure.
  const asksAbout = question.kind === 'what-next' || question.kind === 'meaning';
  return { turn, deps, before, context, signals, text, intent: detectIntent(text), wantsProcedure: isNavigatorRequest(text) && !asksAbout };
}

export function respond(turn: Turn, deps: AssistantDeps): TurnResult {
  const state = stateOf(turn, deps);
  const { handler, body } = handleTurn(state);
  const framed = frameForSafety(turn, deps, body);
  const steps = withNextSteps(state, handler, body, framed);
  const showNotice = turn.findings.length > 0 && !turn.privacyNoticeShown;
  const answered = deps.articles.get(body.sources[0]?.id ?? '')?.concerns ?? [];
  const understood = body.kind === 'answer' ? understoodLine(state.before, steps.context, deps.knowledge, answered) : undefined;
  const parts = [...framed.parts, ...(showNotice ? [PRIVACY_NOTICE] : []), withStepsAfterLead(body.text, steps.text, asksWhatToDo(turn)), ...(understood ? [understood] : [])];
  return {
    reply: {
      text: parts.join('\n\n'),
      sources: body.sources,
      triage: { level: turn.understood.danger.level, signals: turn.understood.danger.signals },
      confidence: Math.round(body.confidence * 1000) / 1000,
      actions: framed.actions,
      ...redactionSummary(turn.findings),
      kind: body.kind,
      ...(body.summary ? { summary: body.summary } : {}),
    },
    context: steps.context,
    privacyNoticeShown: turn.privacyNoticeShown || showNotice,
    handler,
  };
}
