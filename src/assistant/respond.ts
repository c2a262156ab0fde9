import type { Article, KnowledgeBundle } from '../knowledge/types.ts';
import type { SearchEngine } from '../search/index.ts';
import { composeAnswer, fallbackAnswer } from './answer.ts';
import { contactAnswer, isContactRequest } from './contact-answer.ts';
import { detectRole, type RegionFinder } from './context.ts';
import { emergencyBlock } from './emergency.ts';
import { detectIntent, isFollowUp } from './intents.ts';
import { isNavigatorRequest, navigatorStep, navigatorSummary } from './navigator.ts';
import type { PiiFinding } from './privacy.ts';
import type { TriageResult } from './triage.ts';
import type { Action, ConversationContext, Reply } from './types.ts';

// Builds the reply to one (already redacted and triaged) message. Pure: no store, no clock.

export type AssistantDeps = {
  engine: SearchEngine;
  knowledge: KnowledgeBundle;
  articles: Map<string, Article>;
  findRegion: RegionFinder;
  /** Below this confidence the Lotse gives no answer and offers a person. */
  threshold: number;
  /** Below this it answers, but says it is not sure and offers a person first. */
  sureThreshold: number;
};

export type Turn = {
  text: string;
  findings: PiiFinding[];
  triage: TriageResult;
  context: ConversationContext;
  privacyNoticeShown: boolean;
  /** The button that produced the text, when the asker clicked one (e.g. a navigator step). */
  action?: { type: string; step?: number };
};

export type TurnResult = { reply: Reply; context: ConversationContext; privacyNoticeShown: boolean };

const PRIVACY_NOTICE =
  '_Hinweis zum Datenschutz: Ich habe persönliche Angaben (zum Beispiel Namen oder Kontaktdaten) aus Ihrer Nachricht entfernt und speichere nur die anonymisierte Fassung. ' +
  'Für eine Beratung brauchen wir keine Namen – auch die insoweit erfahrene Fachkraft berät Sie anonymisiert (§ 4 Abs. 2 KKG)._';

const CONCERN_CHECK = '**Ist ein Kind jetzt in Gefahr?** Dann rufen Sie sofort die 110 (Polizei) oder die 112 (Rettungsdienst).';

const NOT_SURE = '_Ich bin mir nicht sicher, ob das genau Ihre Frage beantwortet. Das Folgende ist der passendste Abschnitt aus der Wissensbasis; eine Fachkraft der Kontaktstelle kann Ihnen genauer helfen._';

const NAVIGATOR_NEXT = /^(weiter|naechster schritt|nächster schritt|ja,? weiter)[.!]*$/i;
const NAVIGATOR_EXPLAIN = /^(was heisst das|was heißt das|erklaer|erklär)/i;

type Body = { text: string; actions: Action[]; sources: Reply['sources']; confidence: number; kind: Reply['kind']; context: ConversationContext; summary?: string };

function navigatorBody(turn: Turn, deps: AssistantDeps, context: ConversationContext, index: number): Body {
  const step = navigatorStep(context.role ?? 'andere', index);
  const sources = step.articleIds
    .map((id) => deps.articles.get(id))
    .filter((a): a is Article => Boolean(a))
    .map((a) => ({ id: a.id, title: a.title, url: `/wissen/${a.id}`, reviewed: a.reviewed }));
  return {
    text: step.text,
    actions: step.actions,
    sources,
    confidence: 1,
    kind: 'navigator',
    context: { ...context, navigator: step.done ? undefined : { step: index }, lastArticleIds: step.articleIds },
    ...(step.done ? { summary: navigatorSummary(context.role ?? 'andere') } : {}),
  };
}

function explainNavigatorStep(deps: AssistantDeps, context: ConversationContext): Body | undefined {
  const step = navigatorStep(context.role ?? 'andere', context.navigator?.step ?? 0);
  const article = step.articleIds.map((id) => deps.articles.get(id)).find(Boolean);
  if (!article) return undefined;
  return {
    text: `**${article.title}**\n\n${article.lead}`,
    actions: step.actions,
    sources: [{ id: article.id, title: article.title, url: `/wissen/${article.id}`, reviewed: article.reviewed }],
    confidence: 1,
    kind: 'navigator',
    context,
  };
}

function searchBody(turn: Turn, deps: AssistantDeps, context: ConversationContext): Body {
  const query = isFollowUp(turn.text) && context.lastQuery ? `${context.lastQuery} ${turn.text}` : turn.text;
  const result = deps.engine.search(query, { role: context.role, limit: 5 });
  if (result.hits.length === 0 || result.confidence < deps.threshold) {
    const fallback = fallbackAnswer(deps.knowledge.contacts);
    return { ...fallback, sources: [], confidence: result.confidence, kind: 'fallback', context: { ...context, lastQuery: turn.text } };
  }
  const answer = composeAnswer(result, { contacts: deps.knowledge.contacts, region: context.region, articles: deps.articles });
  const unsure = result.confidence < deps.sureThreshold;
  return {
    text: unsure ? `${NOT_SURE}\n\n${answer.text}` : answer.text,
    actions: unsure ? [{ type: 'escalate', label: 'Mit einer Person sprechen' }, ...answer.actions.filter((a) => a.type !== 'escalate')] : answer.actions,
    sources: answer.sources,
    confidence: result.confidence,
    kind: 'answer',
    context: { ...context, lastQuery: query.slice(-500), lastArticleIds: answer.articleIds },
  };
}

function smalltalkBody(intent: 'greeting' | 'thanks' | 'wants_person', context: ConversationContext): Body {
  const texts = {
    greeting: 'Guten Tag! Beschreiben Sie mir Ihre Frage oder Ihre Sorge um ein Kind – bitte ohne Namen. Ich antworte aus der geprüften Wissensbasis der Kontaktstelle Kinderschutz.',
    thanks: 'Gern. Wenn noch etwas offen ist, fragen Sie einfach weiter oder sprechen Sie mit einer Fachkraft der Kontaktstelle.',
    wants_person: 'Gern verbinde ich Sie mit einer Fachkraft der Kontaktstelle Kinderschutz. Bitte bestätigen Sie, dass wir Ihr anonymisiertes Gespräch dafür weitergeben dürfen.',
  };
  const actions: Action[] = intent === 'wants_person'
    ? [{ type: 'escalate', label: 'Mit einer Person sprechen' }]
    : [
        { type: 'quick_reply', label: 'Was muss ich jetzt tun?', value: 'Was muss ich jetzt tun?' },
        { type: 'quick_reply', label: 'Wer ist die insoweit erfahrene Fachkraft?', value: 'Wer ist die insoweit erfahrene Fachkraft?' },
      ];
  return { text: texts[intent], actions, sources: [], confidence: 1, kind: intent === 'wants_person' ? 'handover' : 'smalltalk', context };
}

const ROLE_NAMES: Record<string, string> = {
  kita: 'Kita oder Kindertagespflege', schule: 'Schule', gesundheit: 'Gesundheitswesen', jugendhilfe: 'Kinder- und Jugendhilfe', verein: 'Verein oder Ehrenamt', andere: 'anderes Arbeitsfeld',
};

/** "Wir sind eine Kita in Waren": a short statement that only tells who and where the asker is. */
function isContextStatement(text: string, before: ConversationContext, after: ConversationContext): boolean {
  const learned = after.role !== before.role || after.region !== before.region;
  return learned && !text.includes('?') && text.trim().split(/\s+/).length <= 8;
}

function contextAcknowledgement(deps: AssistantDeps, context: ConversationContext): Body {
  const parts = [
    context.role && ROLE_NAMES[context.role],
    context.region && deps.knowledge.regions.regions.find((r) => r.id === context.region)?.name,
  ].filter(Boolean);
  return {
    text: `Danke, das merke ich mir für dieses Gespräch: ${parts.join(', ')}. Was möchten Sie wissen? Sie können auch Schritt für Schritt durch das Vorgehen gehen.`,
    actions: [
      { type: 'quick_reply', label: 'Was muss ich jetzt tun?', value: 'Was muss ich jetzt tun?' },
      { type: 'quick_reply', label: 'Welches Jugendamt ist zuständig?', value: 'Welches Jugendamt ist zuständig?' },
      { type: 'escalate', label: 'Mit einer Person sprechen' },
    ],
    sources: [],
    confidence: 1,
    kind: 'smalltalk',
    context,
  };
}

function chooseBody(turn: Turn, deps: AssistantDeps, context: ConversationContext): Body {
  const text = turn.text.trim();
  if (turn.action?.type === 'navigator' && turn.action.step !== undefined) return navigatorBody(turn, deps, context, turn.action.step);
  if (context.navigator && NAVIGATOR_NEXT.test(text)) return navigatorBody(turn, deps, context, context.navigator.step + 1);
  if (context.navigator && NAVIGATOR_EXPLAIN.test(text)) {
    const explained = explainNavigatorStep(deps, context);
    if (explained) return explained;
  }
  if (isNavigatorRequest(text)) return navigatorBody(turn, deps, context, 0);
  const intent = detectIntent(text);
  if (intent !== 'question') return smalltalkBody(intent, context);
  if (isContextStatement(turn.text, turn.context, context)) return contextAcknowledgement(deps, context);
  if (isContactRequest(text)) {
    const { knowledge } = deps;
    const answer = contactAnswer(knowledge.contacts, knowledge.regions, context.region, deps.articles.get('jugendaemter-in-mv')?.reviewed);
    return { ...answer, confidence: 1, kind: 'answer', context: { ...context, lastQuery: text } };
  }
  return searchBody(turn, deps, context);
}

export function respond(turn: Turn, deps: AssistantDeps): TurnResult {
  const context: ConversationContext = {
    ...turn.context,
    role: detectRole(turn.text) ?? turn.context.role,
    region: deps.findRegion(turn.text) ?? turn.context.region,
  };
  const body = chooseBody(turn, deps, context);
  const parts: string[] = [];
  let actions = body.actions;
  if (turn.triage.level === 'acute') {
    const emergency = emergencyBlock(deps.knowledge.contacts, { region: context.region, suicidal: turn.triage.suicidal });
    parts.push(emergency.text, '---');
    actions = [...emergency.actions, ...actions.filter((a) => a.type !== 'escalate')];
  }
  if (turn.triage.level === 'concern') {
    // Rules cannot know every way of saying "now": one tap away from the emergency answer.
    parts.push(CONCERN_CHECK);
    actions = [
      { type: 'quick_reply', label: 'Ja, das Kind ist jetzt in Gefahr', value: 'Ja, das Kind ist jetzt in Gefahr.' },
      { type: 'call', label: 'Polizei 110', phone: '110' },
      ...actions,
    ];
  }
  const showNotice = turn.findings.length > 0 && !turn.privacyNoticeShown;
  if (showNotice) parts.push(PRIVACY_NOTICE);
  parts.push(body.text);
  const types = [...new Set(turn.findings.map((f) => f.type))];
  return {
    reply: {
      text: parts.join('\n\n'),
      sources: body.sources,
      triage: { level: turn.triage.level, signals: turn.triage.signals },
      confidence: Math.round(body.confidence * 1000) / 1000,
      actions,
      ...(turn.findings.length ? { redacted: { count: turn.findings.length, types } } : {}),
      kind: body.kind,
      ...(body.summary ? { summary: body.summary } : {}),
    },
    context: body.context,
    privacyNoticeShown: turn.privacyNoticeShown || showNotice,
  };
}
