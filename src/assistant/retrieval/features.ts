// Candidate sections for one turn and what speaks for each: lexical evidence from three readings
// of the turn (the whole message, its question sentence, and the question carried by the topic of
// the conversation), the typical questions (indexed with the section), and whether the section
// answers this kind of question, this act and this concern. The ranker (ranker.ts) weighs them
// with weights learned from labelled turns (scripts/train-ranker.ts).
import type { Passage, Vocabulary } from '../../knowledge/types.ts';
import type { SearchEngine, SearchResult } from '../../search/index.ts';
import type { TriageLevelName } from '../types.ts';
import type { Question } from '../understanding/question.ts';
import type { Situation } from '../understanding/situation.ts';

export type Reading = 'full' | 'focus' | 'topic';

export type TurnSignals = {
  text: string;
  question: Question;
  situation: Situation;
  /** The topic before this turn: what a follow-up continues. */
  previous?: Situation;
  role?: string;
  lastArticleIds?: string[];
  /** Whether the turn leans on the ones before ("und wenn …", "auch für …", a bare fact). */
  followUp: boolean;
  /** The danger level of the turn. */
  level: TriageLevelName;
};

export const FEATURES = [
  'full', 'focus', 'topic', 'fullConfident', 'focusConfident', 'topicConfident',
  'act', 'topicAct', 'kind', 'concern', 'mainConcern', 'previousArticle', 'lead', 'yesNoShort', 'generic', 'roleArticle', 'otherRoleArticle',
] as const;
export type FeatureName = (typeof FEATURES)[number];

export type Candidate = { passage: Passage; features: Record<FeatureName, number> };

// Overview articles: right for a broad question, rarely the best for a specific one.
const GENERIC = new Set(['erste-schritte-bei-verdacht', 'formen-der-kindeswohlgefaehrdung', 'glossar', 'kinderrechte']);
const ROLE_ARTICLE: Record<string, string> = {
  kita: 'kita', schule: 'schule', gesundheit: 'arztpraxis-und-klinik', jugendhilfe: 'jugendhilfe', verein: 'vereine-und-ehrenamt',
};
const ROLE_ARTICLES = new Set(Object.values(ROLE_ARTICLE));
const POLAR = /^(ja|nein|in der regel|grundsätzlich|nicht)\b/i;
const CANDIDATES_PER_READING = 10;

/** The topic of the conversation in words: the acts and concerns of the situation before. */
export function topicWords(situation: Situation | undefined, vocabulary: Vocabulary): string {
  if (!situation) return '';
  return [...situation.acts.map((a) => vocabulary.acts[a]), ...situation.concerns.filter((c) => c !== 'general').map((c) => vocabulary.concerns[c])]
    .filter(Boolean).join(' ');
}

// An article is specific to a concern when it names at most two; overview articles name many.
const isSpecificTo = (passage: Passage, concern: string | undefined) => Boolean(concern && concern !== 'general' && passage.concerns?.includes(concern) && passage.concerns.length <= 2);

function readings(signals: TurnSignals, vocabulary: Vocabulary, titles: (id: string) => string | undefined): Array<[Reading, string]> {
  const list: Array<[Reading, string]> = [['full', signals.text]];
  if (signals.question.asks && signals.question.words >= 2 && signals.question.focus.length < signals.text.length * 0.8) list.push(['focus', signals.question.focus]);
  // The running topic: its acts and concerns, and the title of the article answered last.
  const previousTitle = signals.lastArticleIds?.[0] ? titles(signals.lastArticleIds[0]) : undefined;
  const topic = [topicWords(signals.previous, vocabulary), previousTitle].filter(Boolean).join(' ');
  if (signals.followUp && topic) list.push(['topic', `${signals.question.focus} ${topic}`]);
  return list;
}

const overlap = (a: string[] | undefined, b: string[] | undefined) => Boolean(a?.length && b?.length && a.some((x) => b.includes(x)));

export type Corpus = { vocabulary: Vocabulary; passages: readonly Passage[] };

export function candidatesFor(signals: TurnSignals, engine: SearchEngine, corpus: Corpus): { candidates: Candidate[]; results: Partial<Record<Reading, SearchResult>> } {
  const results: Partial<Record<Reading, SearchResult>> = {};
  const byId = new Map<string, Candidate>();
  const titles = (id: string) => corpus.passages.find((p) => p.articleId === id)?.articleTitle;
  for (const [reading, query] of readings(signals, corpus.vocabulary, titles)) {
    const result = engine.search(query, { role: signals.role, limit: CANDIDATES_PER_READING });
    results[reading] = result;
    const top = result.hits[0]?.score ?? 0;
    for (const hit of result.hits) {
      const candidate = byId.get(hit.passage.id) ?? { passage: hit.passage, features: blank() };
      const relative = top > 0 ? hit.score / top : 0;
      candidate.features[reading] = Math.max(candidate.features[reading], relative);
      candidate.features[`${reading}Confident`] = Math.max(candidate.features[`${reading}Confident`], relative * result.confidence);
      byId.set(hit.passage.id, candidate);
    }
  }
  // The sections of the article specific to the main concern compete even when the words of the
  // turn do not reach them ("Was soll ich jetzt tun?" about a suspected genital cutting).
  const main = signals.situation.concerns[0];
  for (const passage of corpus.passages) {
    if (!byId.has(passage.id) && isSpecificTo(passage, main)) byId.set(passage.id, { passage, features: blank() });
  }
  const candidates = [...byId.values()];
  for (const c of candidates) describe(c, signals);
  return { candidates, results };
}

const BLANK = Object.freeze(Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<FeatureName, number>);
const blank = (): Record<FeatureName, number> => ({ ...BLANK });

function describe(candidate: Candidate, signals: TurnSignals): void {
  const { passage, features } = candidate;
  const answers = passage.answers;
  const own = signals.question.acts;
  features.act = overlap(own, answers?.acts) ? 1 : 0;
  features.topicAct = own.length === 0 && overlap(signals.previous?.acts, answers?.acts) ? 1 : 0;
  features.kind = signals.question.kind && answers?.kinds.includes(signals.question.kind) ? 1 : 0;
  features.concern = overlap(signals.situation.concerns, passage.concerns) ? 1 : 0;
  features.mainConcern = isSpecificTo(passage, signals.situation.concerns[0]) ? 1 : 0;
  // A follow-up continues the article answered before, unless it asks about a step of its own.
  const ownAct = signals.question.asked.length > 0 && !overlap(signals.question.asked, signals.previous?.acts);
  features.previousArticle = signals.followUp && !ownAct && signals.lastArticleIds?.includes(passage.articleId) ? 1 : 0;
  features.lead = passage.id.endsWith('#kurz') ? 1 : 0;
  features.yesNoShort = signals.question.yesNo && answers?.short && POLAR.test(answers.short) ? 1 : 0;
  features.generic = GENERIC.has(passage.articleId) ? 1 : 0;
  const roleArticle = signals.role ? ROLE_ARTICLE[signals.role] : undefined;
  features.roleArticle = roleArticle === passage.articleId ? 1 : 0;
  features.otherRoleArticle = ROLE_ARTICLES.has(passage.articleId) && roleArticle !== passage.articleId ? 1 : 0;
}
