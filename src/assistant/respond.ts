import { contactAnswer, isContactRequest } from './contact-answer.ts';
import { detectRole } from './context.ts';
import { emergencyBlock } from './emergency.ts';
import { detectIntent } from './intents.ts';
import { isNavigatorRequest } from './navigator.ts';
import { acuteBody, acuteFollowUpBody } from './replies/acute-reply.ts';
import { concernFallbackBody } from './replies/concern-reply.ts';
import type { AssistantDeps, Body, Turn } from './replies/body.ts';
import { askRoleBody, explainNavigatorStep, NAVIGATOR_EXPLAIN, NAVIGATOR_NEXT, navigatorBody } from './replies/navigator-reply.ts';
import { searchBody } from './replies/search-reply.ts';
import {
  contextAcknowledgementBody, greetingBody, handoverBody, isContextStatement, privacyBody, thanksBody,
} from './replies/smalltalk-reply.ts';
import type { Action, ConversationContext, Reply } from './types.ts';

// Builds the reply to one (already redacted and triaged) message. Pure: no store, no clock.
// First the body — what answers the message — then, around it, what safety and privacy demand:
// the emergency routes on acute danger (and for a few turns after), the "is a child in danger
// now?" check on concern, and the privacy notice once per conversation.

export type { AssistantDeps, Turn } from './replies/body.ts';
export type TurnResult = { reply: Reply; context: ConversationContext; privacyNoticeShown: boolean };

const PRIVACY_NOTICE =
  '_Hinweis zum Datenschutz: Ich habe persönliche Angaben (zum Beispiel Namen oder Kontaktdaten) aus Ihrer Nachricht entfernt und speichere nur die anonymisierte Fassung. ' +
  'Für eine Beratung brauchen wir keine Namen – auch die insoweit erfahrene Fachkraft berät Sie anonymisiert (§ 4 Abs. 2 KKG)._';

const CONCERN_CHECK = '**Ist ein Kind jetzt in Gefahr?** Dann rufen Sie sofort die 110 (Polizei) oder die 112 (Rettungsdienst).';
const STILL_ACUTE = '**Wenn das Kind weiterhin in Gefahr ist: 110 (Polizei) oder 112 (Rettungsdienst).**';
const CONCERN_CHECK_PAUSE = 2;

const CALL_110: Action = { type: 'call', label: 'Polizei 110', phone: '110' };
const CALL_112: Action = { type: 'call', label: 'Rettungsdienst 112', phone: '112' };

function chooseBody(turn: Turn, deps: AssistantDeps, context: ConversationContext): Body {
  const text = turn.text.trim();
  if (turn.action?.type === 'navigator' && turn.action.step !== undefined) return navigatorBody(deps, context, turn.action.step);
  if (turn.triage.level === 'acute') return acuteBody(text, turn.triage, deps, context);
  if (context.navigator && NAVIGATOR_NEXT.test(text)) return navigatorBody(deps, context, context.navigator.step + 1);
  if (context.navigator && NAVIGATOR_EXPLAIN.test(text)) {
    const explained = explainNavigatorStep(deps, context);
    if (explained) return explained;
  }
  if (isNavigatorRequest(text)) return context.role ? navigatorBody(deps, context, 0) : askRoleBody(context);
  const intent = detectIntent(text);
  if (intent === 'greeting') return greetingBody(context);
  if (intent === 'thanks') return thanksBody(context);
  if (intent === 'wants_person') return handoverBody(context);
  if (intent === 'privacy_question') return privacyBody(deps, context);
  if (isContextStatement(turn.text, turn.context, context)) return contextAcknowledgementBody(deps.knowledge, context);
  if (isContactRequest(text)) {
    const answer = contactAnswer(deps.knowledge.contacts, deps.knowledge.regions, context.region, deps.articles.get('jugendaemter-in-mv')?.reviewed);
    return { ...answer, confidence: 1, kind: 'answer', context: { ...context, lastQuery: text } };
  }
  const searched = searchBody(text, deps, context);
  if (searched.kind !== 'fallback') return searched;
  if ((context.acuteTurns ?? 0) > 0) return acuteFollowUpBody(deps, searched.context, searched.confidence);
  if (turn.triage.level === 'concern') return concernFallbackBody(deps, searched.context, searched.confidence) ?? searched;
  return searched;
}

type Framed = { parts: string[]; actions: Action[]; context: ConversationContext };

/** Adds the safety lines the triage level asks for around the body. */
function frameForSafety(turn: Turn, deps: AssistantDeps, body: Body): Framed {
  const context = { ...body.context };
  const level = turn.triage.level;
  if (level === 'acute') {
    const emergency = emergencyBlock(deps.knowledge.contacts, { region: context.region, triage: turn.triage });
    return { parts: [emergency.text, '---'], actions: [...emergency.actions, ...body.actions.filter((a) => a.type !== 'escalate')], context };
  }
  const acuteTurns = context.acuteTurns ?? 0;
  if (acuteTurns > 0) {
    // Right after an acute message, a short follow-up ("sie antwortet nicht mehr") is still the same emergency.
    context.acuteTurns = acuteTurns - 1;
    return { parts: [STILL_ACUTE], actions: [CALL_110, CALL_112, ...body.actions], context };
  }
  const pause = context.concernCheckPause ?? 0;
  if (pause > 0) context.concernCheckPause = pause - 1;
  // Skipped when the body itself already points to 110/112 (step 1 of the guided procedure does).
  if (level === 'concern' && pause === 0 && !/\b110\b/.test(body.text)) {
    // Rules cannot know every way of saying "now": one tap away from the emergency answer.
    context.concernCheckPause = CONCERN_CHECK_PAUSE;
    return {
      parts: [CONCERN_CHECK],
      actions: [{ type: 'quick_reply', label: 'Ja, das Kind ist jetzt in Gefahr', value: 'Ja, das Kind ist jetzt in Gefahr.' }, CALL_110, ...body.actions],
      context,
    };
  }
  return { parts: [], actions: body.actions, context };
}

/** What the reply tells about removed personal data: how much and of which kinds, never what. */
export function redactionSummary(findings: Turn['findings']): Pick<Reply, 'redacted'> {
  return findings.length ? { redacted: { count: findings.length, types: [...new Set(findings.map((f) => f.type))] } } : {};
}

export function respond(turn: Turn, deps: AssistantDeps): TurnResult {
  const context: ConversationContext = {
    ...turn.context,
    role: detectRole(turn.text) ?? turn.context.role,
    region: deps.findRegion(turn.text) ?? turn.context.region,
  };
  const body = chooseBody(turn, deps, context);
  const framed = frameForSafety(turn, deps, body);
  const showNotice = turn.findings.length > 0 && !turn.privacyNoticeShown;
  const parts = [...framed.parts, ...(showNotice ? [PRIVACY_NOTICE] : []), body.text];
  return {
    reply: {
      text: parts.join('\n\n'),
      sources: body.sources,
      triage: { level: turn.triage.level, signals: turn.triage.signals },
      confidence: Math.round(body.confidence * 1000) / 1000,
      actions: framed.actions,
      ...redactionSummary(turn.findings),
      kind: body.kind,
      ...(body.summary ? { summary: body.summary } : {}),
    },
    context: framed.context,
    privacyNoticeShown: turn.privacyNoticeShown || showNotice,
  };
}
