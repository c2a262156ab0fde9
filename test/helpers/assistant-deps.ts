// The assistant's dependencies over the real knowledge base, as the service assembles them:
// for tests and scripts that call respond() without the HTTP service.
import { join } from 'node:path';
import { createRegionFinder } from '../../src/assistant/context.ts';
import type { AssistantDeps } from '../../src/assistant/respond.ts';
import { loadKnowledgeFromDir } from '../../src/knowledge/load.ts';
import { buildSearchIndex, loadSearchEngine } from '../../src/search/index.ts';

export async function loadAssistantDeps(dir = join(import.meta.dirname, '../../knowledge')): Promise<AssistantDeps> {
  const knowledge = await loadKnowledgeFromDir(dir);
  return {
    engine: loadSearchEngine(buildSearchIndex(knowledge.passages, knowledge.synonyms), knowledge.passages, knowledge.synonyms),
    knowledge,
    articles: new Map(knowledge.articles.map((a) => [a.id, a])),
    findRegion: createRegionFinder(knowledge.regions),
    threshold: 0.25,
    sureThreshold: 0.4,
    retention: { conversationDays: 30, caseDays: 90 },
  };
}
