import { regionalContactLine } from '../answer.ts';
import type { ConversationContext } from '../types.ts';
import { articleSource, PERSON, WHAT_NOW, type AssistantDeps, type Body } from './body.ts';

// A described worry about a child that matches no passage well: never "please rephrase" — the
// first steps on suspicion always apply, and the guided procedure and a person are one tap away.

const FIRST_STEPS = 'erste-schritte-bei-verdacht';

export function concernFallbackBody(deps: AssistantDeps, context: ConversationContext, confidence: number): Body | undefined {
  const article = deps.articles.get(FIRST_STEPS);
  if (!article) return undefined;
  return {
    text: [
      'Zu Ihrer Schilderung finde ich keinen Abschnitt, der genau passt. Was bei einer Sorge um ein Kind immer gilt:',
      '',
      `**${article.title}**`,
      '',
      article.lead,
      '',
      'Ich kann Sie Schritt für Schritt durch das Vorgehen führen, oder eine Fachkraft der Kontaktstelle schaut sich Ihre Situation mit Ihnen an – ohne Namen.',
    ].join('\n'),
    actions: [WHAT_NOW, PERSON],
    sources: [articleSource(article)],
    confidence,
    kind: 'answer',
    context,
  };
}

const URGENT_ARTICLE = 'jugendamt-informieren';

/** The region's Jugendamt, and what to do when no one answers there today. */
export function reachToday(deps: AssistantDeps, context: ConversationContext): string[] {
  const office = regionalContactLine(deps.knowledge.contacts, context.region);
  return [
    '',
    ...(office ? [office, ''] : []),
    'Erreichen Sie beim Jugendamt niemanden oder ist die Dienstzeit vorbei, rufen Sie die Polizei (110): Sie erreicht den Bereitschaftsdienst des Jugendamts.',
  ];
}

/** Something must happen today but no section fits the words: how to reach the Jugendamt now. */
export function urgentFallbackBody(deps: AssistantDeps, context: ConversationContext): Body | undefined {
  const article = deps.articles.get(URGENT_ARTICLE);
  if (!article) return undefined;
  return {
    text: [`**${article.title}**`, '', article.lead, ...reachToday(deps, context)].join('\n'),
    actions: [PERSON],
    sources: [articleSource(article)],
    confidence: 1,
    kind: 'answer',
    context: { ...context, lastArticleIds: [article.id] },
  };
}
