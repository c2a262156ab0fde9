// German names for what a case carries as ids: the role from the knowledge types, the region from
// regions.yaml, the topic from the close topics or, before closing, the article the chat was about.
import { ROLE_LABELS, type KnowledgeBundle, type Role } from '../knowledge/types.ts';
import { CLOSE_TOPICS } from './close-options.ts';
import type { CaseLabels } from './types.ts';

export function caseLabels(knowledge: KnowledgeBundle): CaseLabels {
  const regions = new Map(knowledge.regions.regions.map((r) => [r.id, r.name]));
  const topics = new Map<string, string>(knowledge.articles.map((a) => [a.id, a.title]));
  for (const t of CLOSE_TOPICS) topics.set(t.id, t.label);
  return {
    role: (id) => ROLE_LABELS[id as Role],
    region: (id) => regions.get(id),
    topic: (id) => topics.get(id),
  };
}
