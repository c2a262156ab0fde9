import { composeAnswer, fallbackAnswer, offTopicAnswer } from '../answer.ts';
import { candidatesFor, type TurnSignals } from '../retrieval/features.ts';
import { rank, RANKER } from '../retrieval/ranker.ts';
import { passageById, stanceFor } from '../retrieval/stances.ts';
import { CONCERN_PATTERNS, matching, OUTSIDE } from '../understanding/lexicon.ts';
import type { SearchResult } from '../../search/index.ts';
import type { Passage, Stance } from '../../knowledge/types.ts';
import type { ConversationContext } from '../types.ts';
import { PERSON, type AssistantDeps, type Body } from './body.ts';

// A knowledge question: the section the ranker picks from three readings of the turn (the
// whole message, its question sentence, the question carried by the conversation's topic), or
// — below the learned threshold — an honest "I don't know".

// Said after the answer, not before it: a hedge above an answer that is right buries it.
const NOT_SURE = '_Ich bin mir nicht sicher, ob dieser Abschnitt genau Ihre Frage beantwortet. Eine Fachkraft der Kontaktstelle kann Ihnen genauer helfen._';


/** Three quarters of the learned answer threshold: the least evidence on which a child-protection question is answered, hedged. */
const IN_DOMAIN_FLOOR = RANKER.answerThreshold * 0.75;
/**
 * In a running case a follow-up is answered on less evidence: the case itself narrows what it can
 * be about, and "no reliable answer" in the middle of a case leaves the asker alone.
 */
const CASE_FOLLOW_UP_FLOOR = RANKER.answerThreshold * 0.4;

/**
 * The articles about one narrow form of harm (genital cutting, a parent's illness, digital violence) answer a told
 * case only when the case is about that harm or the question names it: "sie will nicht ins Heim"
 * in a forced-marriage case is not about genital cutting. Broader articles are left to the ranker.
 */
const NARROW_CONCERNS = new Set(['fgm', 'forced-marriage', 'parental-illness', 'digital']);
const narrowConcernsOf = (passage: Passage) => (passage.concerns ?? []).filter((c) => NARROW_CONCERNS.has(c));

/** Strict: an article on one narrow harm only when the case is about that harm. */
function concernIsTold(passage: Passage, signals: TurnSignals): boolean {
  const own = narrowConcernsOf(passage);
  return own.length === 0 || own.some((c) => signals.situation.concerns.includes(c));
}

function concernFits(passage: Passage, signals: TurnSignals): boolean {
  if (concernIsTold(passage, signals)) return true;
  const own = narrowConcernsOf(passage);
  // With no concern told yet, a narrow article may still answer ("sauber machen" before a trip
  // is genital cutting, though no word of the lexicon says so) — except the one on forced
  // marriage, whose words (a trip, the family, abroad) fit too many other cases.
  if (signals.situation.concerns.length === 0 && !own.includes('forced-marriage')) return true;
  // The question names the harm ("… wie bei einer Beschneidung?").
  return matching(CONCERN_PATTERNS, signals.question.focus).some((c) => own.includes(c));
}

/**
 * The section written for the situation told (answers/*.yaml: `circumstances`), newest
 * circumstance first: in an emergency with "what now?", a child who will not go home gets the
 * section on exactly that, not the generic "until help arrives".
 */
export function situationSection(signals: TurnSignals, passages: readonly Passage[]): Passage | undefined {
  const known = new Set(signals.previous?.circumstances ?? []);
  // Only what this message newly tells: a follow-up in the same emergency keeps its own question.
  const told = signals.situation.circumstances.filter((c) => !known.has(c));
  for (const circumstance of told) {
    const passage = passages.find((p) => p.answers?.circumstances?.includes(circumstance) && concernIsTold(p, signals));
    if (passage) return passage;
  }
  return undefined;
}

/** A section with one region's numbers answers only in a conversation from that region. */
const regionFits = (passage: Passage, region: string | undefined) => !passage.answers?.regions || (region !== undefined && passage.answers.regions.includes(region));

/** The ranked sections as a search result (best first), for the answer composer. */
function asResult(signals: TurnSignals, deps: AssistantDeps, region: string | undefined): { result: SearchResult; probability: number } {
  const { candidates } = candidatesFor(signals, deps.engine, deps.knowledge);
  // A section written for calm situations ("is not in itself a danger") is no answer while a
  // child is in danger now or today.
  const inDanger = signals.level === 'urgent' || signals.level === 'acute';
  const ranked = rank(candidates).filter((r) => !(inDanger && r.candidate.passage.answers?.calm) && concernFits(r.candidate.passage, signals)
    && regionFits(r.candidate.passage, region));
  const probability = ranked[0]?.probability ?? 0;
  return {
    result: { hits: ranked.map((r) => ({ passage: r.candidate.passage, score: r.probability })), confidence: probability },
    probability,
  };
}

/** A yes/no question with a stance: its section first, whatever the ranker found next. */
function withStance(signals: TurnSignals, deps: AssistantDeps, ranked: { result: SearchResult; probability: number }) {
  const stance = stanceFor(signals, deps.knowledge.stances);
  const passage = stance && passageById(deps.knowledge.passages, stance.section);
  if (!stance || !passage) return { ...ranked, lead: undefined };
  const rest = ranked.result.hits.filter((h) => h.passage.articleId !== passage.articleId);
  const probability = Math.max(ranked.probability, RANKER.sureThreshold);
  return { result: { hits: [{ passage, score: probability }, ...rest], confidence: probability }, probability, lead: stance.answer };
}

const POLAR = /^(ja|nein|in der regel|grundsätzlich|nicht)\b/i;

/**
 * The section's short answer goes first when something was asked — except a yes-or-no short
 * answer (written for the section's own question) for a question about another step: its yes
 * or no would answer the wrong question.
 */
function directFits(signals: TurnSignals, result: SearchResult): boolean {
  if (!signals.question.asks) return false;
  const answers = result.hits[0]?.passage.answers;
  if (!answers?.short || !POLAR.test(answers.short)) return true;
  return signals.question.asked.some((act) => answers.acts.includes(act));
}

// Several handlers of one turn may ask for the same search (the acute answer, the knowledge
// answer, the last fallback): it runs once per turn's signals and context.
const SEARCHED = new WeakMap<TurnSignals, { context: ConversationContext; body: Body }>();

export function searchBody(signals: TurnSignals, deps: AssistantDeps, context: ConversationContext): Body {
  const known = SEARCHED.get(signals);
  if (known && known.context === context) return known.body;
  const body = searchOnce(signals, deps, context);
  SEARCHED.set(signals, { context, body });
  return body;
}

function searchOnce(signals: TurnSignals, deps: AssistantDeps, context: ConversationContext): Body {
  const { result, probability, lead } = withStance(signals, deps, notAgain(asResult(signals, deps, context.region), context.lastPassageId, signals));
  // In a running conversation about a child, a message continues the case unless it plainly
  // changes the subject ("danke – und das Wetter?").
  const running = (signals.previous?.concerns.length ?? 0) > 0 || (signals.previous?.acts.length ?? 0) > 0 || Boolean(signals.lastArticleIds?.length);
  const inDomain = signals.question.inDomain || ((signals.followUp || running) && !OUTSIDE.test(signals.question.focus));
  if (!inDomain) {
    return { ...offTopicAnswer(), sources: [], confidence: probability, kind: 'fallback', context };
  }
  // Below the answer threshold a question about child protection still gets the best section,
  // hedged, as long as the ranker sees some evidence for it; "no reliable answer" is for the rest.
  const inCase = (signals.followUp && (signals.previous?.concerns.length ?? 0) > 0) || signals.situation.concerns.length > 0 || signals.level !== 'none';
  if (result.hits.length === 0 || probability < (inCase ? CASE_FOLLOW_UP_FLOOR : IN_DOMAIN_FLOOR)) {
    const fallback = fallbackAnswer(deps.knowledge.contacts);
    return { ...fallback, sources: [], confidence: probability, kind: 'fallback', context };
  }
  const answer = composeAnswer(result, { contacts: deps.knowledge.contacts, region: context.region, articles: deps.articles, direct: directFits(signals, result), lead });
  const unsure = probability < RANKER.sureThreshold;
  return {
    text: unsure ? `${answer.text}\n\n${NOT_SURE}` : answer.text,
    actions: unsure ? [PERSON, ...answer.actions.filter((a) => a.type !== 'escalate')] : answer.actions,
    sources: answer.sources,
    confidence: probability,
    kind: 'answer',
    context: { ...context, lastArticleIds: answer.articleIds, lastPassageId: result.hits[0]!.passage.id },
  };
}

/**
 * A new question in the same case should not get the section it just got, word for word: the
 * next best section answers it, unless the ranker holds it far less likely. A bare follow-up
 * without a question of its own ("und dann?") may stay on the section.
 */
const REPEAT_RATIO = 0.25;
function notAgain(ranked: { result: SearchResult; probability: number }, lastPassageId: string | undefined, signals: TurnSignals) {
  const [first, second] = ranked.result.hits;
  const ownQuestion = signals.question.asked.length > 0 || signals.question.kind !== undefined;
  if (!first || !second || first.passage.id !== lastPassageId || !ownQuestion || second.score < first.score * REPEAT_RATIO) return ranked;
  const hits = [second, first, ...ranked.result.hits.slice(2)];
  return { result: { hits, confidence: second.score }, probability: second.score };
}

/** A stance said on its own, with its section: for a fact that changes the answer ("ich bin Praktikantin"). */
export function stanceBody(stance: Stance, deps: AssistantDeps, context: ConversationContext): Body | undefined {
  const passage = passageById(deps.knowledge.passages, stance.section);
  return passage ? sectionBody(passage, deps, context, stance.answer) : undefined;
}

/** One section as the answer, with its short answer (or the given lead) first. */
export function sectionBody(passage: Passage, deps: AssistantDeps, context: ConversationContext, lead?: string): Body {
  const result: SearchResult = { hits: [{ passage, score: 1 }], confidence: 1 };
  const answer = composeAnswer(result, { contacts: deps.knowledge.contacts, region: context.region, articles: deps.articles, lead, direct: lead === undefined });
  return { text: answer.text, actions: answer.actions, sources: answer.sources, confidence: 1, kind: 'answer', context: { ...context, lastArticleIds: answer.articleIds, lastPassageId: passage.id } };
}
