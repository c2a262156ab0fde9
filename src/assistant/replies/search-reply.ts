import { composeAnswer, fallbackAnswer } from '../answer.ts';
import { isFollowUp } from '../intents.ts';
import type { ConversationContext } from '../types.ts';
import { PERSON, type AssistantDeps, type Body } from './body.ts';

// A knowledge question: the best passages, or — below the threshold — an honest "I don't know".

const NOT_SURE = '_Ich bin mir nicht sicher, ob das genau Ihre Frage beantwortet. Das Folgende ist der passendste Abschnitt aus der Wissensbasis; eine Fachkraft der Kontaktstelle kann Ihnen genauer helfen._';

/**
 * A follow-up ("und wenn die Eltern nicht zustimmen?") is also searched together with the question
 * before; whichever reading the knowledge base answers with more confidence wins, so a follow-up
 * that stands on its own ("Ist das schon Vernachlässigung?") is not drowned by a long earlier case.
 */
function bestReading(text: string, deps: AssistantDeps, context: ConversationContext) {
  const options = { role: context.role, limit: 5 };
  const alone = { query: text, result: deps.engine.search(text, options) };
  if (!isFollowUp(text) || !context.lastQuery) return alone;
  const combinedQuery = `${context.lastQuery} ${text}`;
  const combined = { query: combinedQuery, result: deps.engine.search(combinedQuery, options) };
  return combined.result.confidence > alone.result.confidence ? combined : alone;
}

export function searchBody(text: string, deps: AssistantDeps, context: ConversationContext): Body {
  const { query, result } = bestReading(text, deps, context);
  if (result.hits.length === 0 || result.confidence < deps.threshold) {
    const fallback = fallbackAnswer(deps.knowledge.contacts);
    return { ...fallback, sources: [], confidence: result.confidence, kind: 'fallback', context: { ...context, lastQuery: text } };
  }
  const answer = composeAnswer(result, { contacts: deps.knowledge.contacts, region: context.region, articles: deps.articles });
  const unsure = result.confidence < deps.sureThreshold;
  return {
    text: unsure ? `${NOT_SURE}\n\n${answer.text}` : answer.text,
    actions: unsure ? [PERSON, ...answer.actions.filter((a) => a.type !== 'escalate')] : answer.actions,
    sources: answer.sources,
    confidence: result.confidence,
    kind: 'answer',
    context: { ...context, lastQuery: query.slice(-500), lastArticleIds: answer.articleIds },
  };
}
