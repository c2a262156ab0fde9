import type { KnowledgeBundle } from '../../knowledge/types.ts';
import type { ConversationContext } from '../types.ts';
import { PERSON, WHAT_NOW, type AssistantDeps, type Body } from './body.ts';

// Turns that are not knowledge questions: greetings, thanks, asking for a person, telling who
// and where one is, and asking what happens to one's data.

export function greetingBody(context: ConversationContext): Body {
  return {
    text: 'Guten Tag! Beschreiben Sie mir Ihre Frage oder Ihre Sorge um ein Kind – bitte ohne Namen. Ich antworte aus meiner Wissensbasis und nenne zu jeder Antwort die Quelle und ihren Stand.',
    actions: [WHAT_NOW, { type: 'quick_reply', label: 'Wer ist die insoweit erfahrene Fachkraft?', value: 'Wer ist die insoweit erfahrene Fachkraft?' }],
    sources: [], confidence: 1, kind: 'smalltalk', context,
  };
}

export function thanksBody(context: ConversationContext): Body {
  return {
    text: 'Gern. Wenn noch etwas offen ist, fragen Sie einfach weiter oder sprechen Sie mit einer Fachkraft der Kontaktstelle.',
    actions: [WHAT_NOW, PERSON], sources: [], confidence: 1, kind: 'smalltalk', context,
  };
}

export function handoverBody(context: ConversationContext): Body {
  return {
    text: 'Gern verbinde ich Sie mit einer Fachkraft der Kontaktstelle Kinderschutz. Bitte bestätigen Sie, dass wir Ihr anonymisiertes Gespräch dafür weitergeben dürfen.',
    actions: [PERSON], sources: [], confidence: 1, kind: 'handover', context,
  };
}

const ROLE_NAMES: Record<string, string> = {
  kita: 'Kita oder Kindertagespflege', schule: 'Schule', gesundheit: 'Gesundheitswesen', jugendhilfe: 'Kinder- und Jugendhilfe', verein: 'Verein oder Ehrenamt', andere: 'anderes Arbeitsfeld',
};

/** "Wir sind eine Kita in Waren": a short statement that only tells who and where the asker is. */
export function isContextStatement(text: string, before: ConversationContext, after: ConversationContext): boolean {
  const learned = after.role !== before.role || after.region !== before.region;
  return learned && !text.includes('?') && text.trim().split(/\s+/).length <= 8;
}

export function contextAcknowledgementBody(knowledge: KnowledgeBundle, context: ConversationContext): Body {
  const parts = [
    context.role && ROLE_NAMES[context.role],
    context.region && knowledge.regions.regions.find((r) => r.id === context.region)?.name,
  ].filter(Boolean);
  return {
    text: `Danke, das merke ich mir für dieses Gespräch: ${parts.join(', ')}. Was möchten Sie wissen? Sie können auch Schritt für Schritt durch das Vorgehen gehen.`,
    actions: [WHAT_NOW, { type: 'quick_reply', label: 'Welches Jugendamt ist zuständig?', value: 'Welches Jugendamt ist zuständig?' }, PERSON],
    sources: [], confidence: 1, kind: 'smalltalk', context,
  };
}

/** What the Lotse itself does with what people write: facts about this service, not the knowledge base. */
export function privacyBody(deps: AssistantDeps, context: ConversationContext): Body {
  const days = deps.retention;
  const lines = [
    '**Was der Lotse mit Ihren Angaben macht**',
    '',
    '- Namen, Geburtsdaten, Adressen, Telefonnummern und E-Mail-Adressen werden erkannt und durch Platzhalter wie [Name] ersetzt, bevor etwas gespeichert wird. Die Erkennung ist nicht perfekt – bitte schreiben Sie trotzdem ohne Namen.',
    days
      ? `- Gespräche werden ${days.conversationDays} Tage nach der letzten Nachricht automatisch gelöscht, abgeschlossene Anfragen an die Kontaktstelle ${days.caseDays} Tage nach dem Abschluss.`
      : '- Gespräche werden nach einer festen Frist automatisch gelöscht.',
    '- Eine Fachkraft der Kontaktstelle liest Ihr Gespräch nur, wenn Sie einer Weitergabe ausdrücklich zustimmen.',
    '- Der Lotse setzt keine Cookies. Erst nach Ihrer ersten Nachricht merkt sich Ihr Browser das Gespräch; „Neues Gespräch“ löscht es dort.',
  ];
  return { text: lines.join('\n'), actions: [WHAT_NOW, PERSON], sources: [], confidence: 1, kind: 'smalltalk', context };
}
