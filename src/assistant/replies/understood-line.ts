import type { KnowledgeBundle } from '../../knowledge/types.ts';
import type { ConversationContext } from '../types.ts';

// "Ich gehe von Kita und einem Verdacht auf sexualisierte Gewalt aus": what the Lotse took from
// the conversation, shown once when it changes, so the asker can correct it in a word.

const FIELD: Record<string, string> = {
  kita: 'Kita oder Kindertagespflege', schule: 'Schule', gesundheit: 'Gesundheitswesen', jugendhilfe: 'Kinder- und Jugendhilfe', verein: 'Verein oder Ehrenamt',
};
const ABOUT: Record<string, string> = {
  parent: 'einem Elternteil', partner: 'dem Partner oder der Partnerin eines Elternteils', relative: 'einem Verwandten', staff: 'einer Person aus dem Team', peer: 'einem anderen Kind oder Jugendlichen', stranger: 'einer fremden Person',
};

// A concern is named only when the answer's article is about it too: a kind of harm read from a
// passing word ("haut") would otherwise be shown as the case.
function parts(context: ConversationContext, knowledge: KnowledgeBundle, answered: readonly string[]): string[] {
  const situation = context.situation;
  const concern = situation?.concerns.find((c) => c !== 'general' && answered.includes(c));
  return [
    context.role && FIELD[context.role],
    concern && `Sorge: ${knowledge.vocabulary.concerns[concern]}`,
    situation?.about && `ausgehend von ${ABOUT[situation.about]}`,
  ].filter((p): p is string => Boolean(p));
}

/** The line, when at least two things are known and something changed with this turn. */
export function understoodLine(before: ConversationContext, after: ConversationContext, knowledge: KnowledgeBundle, answered: readonly string[] = []): string | undefined {
  const now = parts(after, knowledge, answered);
  if (now.length < 2 || now.join('|') === parts(before, knowledge, answered).join('|')) return undefined;
  return `_Ich gehe aus von: ${now.join(' · ')}. Stimmt etwas nicht, schreiben Sie es einfach._`;
}
