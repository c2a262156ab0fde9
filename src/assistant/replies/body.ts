import type { Article, KnowledgeBundle } from '../../knowledge/types.ts';
import type { SearchEngine } from '../../search/index.ts';
import type { RegionFinder } from '../context.ts';
import type { PiiFinding } from '../privacy.ts';
import type { Understanding } from '../understanding/index.ts';
import type { Action, ConversationContext, Reply, ReplySource } from '../types.ts';

// What every reply builder shares: the inputs of one turn, its dependencies, and the "body" it
// returns — the part of the reply that answers, before safety lines and notices are added.

export type AssistantDeps = {
  engine: SearchEngine;
  knowledge: KnowledgeBundle;
  articles: Map<string, Article>;
  findRegion: RegionFinder;
  /** Below this confidence the Lotse gives no answer and offers a person. */
  threshold: number;
  /** Below this it answers, but says it is not sure and offers a person first. */
  sureThreshold: number;
  /** Retention periods, told to askers who ask what happens to their data. */
  retention?: { conversationDays: number; caseDays: number };
};

export type Turn = {
  text: string;
  findings: PiiFinding[];
  /** What the turn asks, the situation after it and its danger (understanding/index.ts). */
  understood: Understanding;
  context: ConversationContext;
  privacyNoticeShown: boolean;
  /** The button that produced the text, when the asker clicked one (e.g. a navigator step). */
  action?: { type: string; step?: number };
};

export type Body = {
  text: string;
  actions: Action[];
  sources: ReplySource[];
  confidence: number;
  kind: Reply['kind'];
  context: ConversationContext;
  summary?: string;
};

export const PERSON: Action = { type: 'escalate', label: 'Mit einer Person sprechen' };
export const WHAT_NOW: Action = { type: 'quick_reply', label: 'Was muss ich jetzt tun?', value: 'Was muss ich jetzt tun?' };

export function articleSource(article: Article): ReplySource {
  return { id: article.id, title: article.title, url: `/wissen/${article.id}`, reviewed: article.reviewed };
}
