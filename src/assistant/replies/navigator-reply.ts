import { navigatorStep, navigatorSummary } from '../navigator.ts';
import type { Article } from '../../knowledge/types.ts';
import type { Action, ConversationContext } from '../types.ts';
import { articleSource, type AssistantDeps, type Body } from './body.ts';

// The guided procedure, one step per turn, with the legal basis of the asker's role.

export const NAVIGATOR_NEXT = /^(weiter|naechster schritt|nächster schritt|ja,? weiter)[.!]*$/i;
export const NAVIGATOR_EXPLAIN = /^(was heisst das|was heißt das|erklaer|erklär)/i;

// Each choice repeats the request with the role in words, so it works as typed text in Matrix too.
const ROLE_CHOICES = ['Kita / Kindertagespflege', 'Schule', 'Gesundheitswesen (Praxis, Klinik, Hebamme)', 'Kinder- und Jugendhilfe', 'Verein / Ehrenamt', 'Anderes Arbeitsfeld'];

/** Without a known role the steps' legal basis would be a guess: ask first, one tap each. */
export function askRoleBody(context: ConversationContext): Body {
  const actions: Action[] = ROLE_CHOICES.map((label) => ({ type: 'quick_reply', label, value: `Was muss ich jetzt tun? Mein Bereich: ${label}` }));
  return {
    text: 'Gern gehe ich das Vorgehen Schritt für Schritt mit Ihnen durch. In welchem Bereich arbeiten Sie? Davon hängt ab, welche Rechtsgrundlage für Sie gilt (§ 8a SGB VIII, § 4 KKG oder § 8b SGB VIII). Sie können es auch einfach schreiben, zum Beispiel „Schule“ oder „Arztpraxis“.',
    actions, sources: [], confidence: 1, kind: 'navigator', context: { ...context, awaitingRole: true },
  };
}

export function navigatorBody(deps: AssistantDeps, context: ConversationContext, index: number, options: { first?: boolean } = {}): Body {
  const role = context.role ?? 'andere';
  const step = navigatorStep(role, index, options);
  const sources = step.articleIds
    .map((id) => deps.articles.get(id))
    .filter((a): a is Article => Boolean(a))
    .map(articleSource);
  return {
    text: step.text,
    actions: step.actions,
    sources,
    confidence: 1,
    kind: 'navigator',
    context: { ...context, awaitingRole: undefined, navigator: step.done ? undefined : { step: index }, lastArticleIds: step.articleIds },
    ...(step.done ? { summary: navigatorSummary(role) } : {}),
  };
}

export function explainNavigatorStep(deps: AssistantDeps, context: ConversationContext): Body | undefined {
  const step = navigatorStep(context.role ?? 'andere', context.navigator?.step ?? 0);
  const article = step.articleIds.map((id) => deps.articles.get(id)).find(Boolean);
  if (!article) return undefined;
  return { text: `**${article.title}**\n\n${article.lead}`, actions: step.actions, sources: [articleSource(article)], confidence: 1, kind: 'navigator', context };
}
