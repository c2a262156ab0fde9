import { regionalContactLine } from '../answer.ts';
import { MODEL_ACUTE_SIGNAL } from '../triage.ts';
import type { TurnSignals } from '../retrieval/features.ts';
import { RANKER } from '../retrieval/ranker.ts';
import { passageById } from '../retrieval/stances.ts';
import type { ConversationContext } from '../types.ts';
import { articleSource, type AssistantDeps, type Body } from './body.ts';
import { searchBody, sectionBody, situationSection } from './search-reply.ts';

// Acute danger: the emergency routes stand above (added by respond); below them the answer to
// what was asked when the knowledge base answers it with confidence ("Darf ich ihm das Kind
// mitgeben?"), else the short answer of the article on acute danger — or on suicidal crises.
// Never "I don't know" and never step 1 of the guided procedure.

const ACUTE_ARTICLE = 'akute-gefahr';
const SUICIDE_ARTICLE = 'selbstverletzung-und-suizidalitaet';
const UNTIL_HELP = 'akute-gefahr#was-tue-ich-bis-hilfe-da-ist';
/** How many further turns keep the emergency numbers at hand after an acute message. */
export const ACUTE_TURNS = 3;

/** A question about something else than what to do now: may/must/should, who, what happens, what it means. */
const OWN_KINDS = new Set(['may', 'must', 'should', 'who', 'what-next', 'meaning', 'when']);
const asksOwnQuestion = (signals: TurnSignals) => signals.question.kind !== undefined && OWN_KINDS.has(signals.question.kind);

const URGENT_ESCALATION = { type: 'escalate', urgency: 'urgent', label: 'Dringend mit der Kontaktstelle sprechen' } as const;

/** A body under the emergency block: the urgent way to a person, the numbers at hand for a few turns. */
const asAcute = (body: Body, acuteTurns: number): Body => ({ ...body, actions: [URGENT_ESCALATION], context: { ...body.context, acuteTurns } });

export function acuteBody(signals: TurnSignals, triage: { suicidal: boolean; signals: string[] }, deps: AssistantDeps, context: ConversationContext): Body {
  // Only the learned model said acute: keep the numbers at hand for one turn, not three, so a
  // false alarm does not steer the whole conversation towards the police.
  const acuteTurns = triage.signals.includes(MODEL_ACUTE_SIGNAL) ? 1 : ACUTE_TURNS;
  const searched = searchBody(signals, deps, context);
  // What was asked, or what the situation is about (genital cutting, suicide), answered from its own section.
  // The emergency block above already says what to do now. A question of its own ("Darf ich …?",
  // "Was bedeutet …?") is answered whenever the ranker would answer it at all; "what now?" only
  // from a sure section, else from the generic "until help arrives".
  const floor = asksOwnQuestion(signals) ? RANKER.answerThreshold : RANKER.sureThreshold;
  if (searched.kind === 'answer' && searched.confidence >= floor) {
    return asAcute(searched, acuteTurns);
  }
  // The section written for the situation told; in a suicidal crisis only one on that crisis.
  const fitting = situationSection(signals, deps.knowledge.passages);
  if (fitting && (!triage.suicidal || fitting.articleId === SUICIDE_ARTICLE)) {
    return asAcute(sectionBody(fitting, deps, context), acuteTurns);
  }
  const article = deps.articles.get(triage.suicidal ? SUICIDE_ARTICLE : ACUTE_ARTICLE) ?? deps.articles.get(ACUTE_ARTICLE);
  const specific = searched.kind === 'answer' && searched.confidence >= RANKER.sureThreshold
    ? searched.sources.find((s) => s.id !== article?.id)
    : undefined;
  // What to do until help arrives, unless the crisis is a suicidal one (its own article's lead).
  const untilHelp = !triage.suicidal ? passageById(deps.knowledge.passages, UNTIL_HELP) : undefined;
  const lines = untilHelp ? [`**${untilHelp.heading}**`, '', untilHelp.text] : article ? [`**${article.title}**`, '', article.lead] : [];
  if (specific) lines.push('', `Mehr dazu: [${specific.title}](${specific.url})`);
  return {
    text: lines.join('\n'),
    actions: [URGENT_ESCALATION],
    sources: [...(article ? [articleSource(article)] : []), ...(specific ? [specific] : [])],
    confidence: 1,
    kind: 'answer',
    context: { ...context, acuteTurns, lastArticleIds: article ? [article.id] : context.lastArticleIds },
  };
}

/**
 * A turn soon after an acute message that the knowledge base cannot place ("Die Polizei ist
 * unterwegs."): still the same emergency, so no "please rephrase" — what to do next instead.
 */
export function acuteFollowUpBody(deps: AssistantDeps, context: ConversationContext, confidence: number): Body {
  const articles = [deps.articles.get(ACUTE_ARTICLE), deps.articles.get('dokumentation')].filter((a) => a !== undefined);
  const office = regionalContactLine(deps.knowledge.contacts, context.region);
  const text = [
    '**Warten Sie nicht ab.** Haben Sie die 110 noch nicht angerufen, tun Sie es jetzt – auch wenn Sie unsicher sind. Schicken Sie das Kind nicht in eine Situation zurück, in der es gefährdet ist, und bleiben Sie bei ihm, bis Hilfe da ist.',
    '',
    '- Sagen Sie der Leitstelle, wo das Kind ist, was Sie gesehen und gehört haben und wer noch betroffen sein kann, etwa Geschwister.',
    '- Das Jugendamt erreichen Sie außerhalb der Dienstzeiten über die Polizei (110).',
    ...(office ? [`- ${office}`] : []),
    '- Schreiben Sie danach auf, was passiert ist: Uhrzeit, was Sie gesehen und gehört haben, wörtliche Aussagen.',
    '- Sie müssen das nicht allein tragen: Die Kontaktstelle Kinderschutz hilft Ihnen bei den nächsten Schritten.',
  ].join('\n');
  return {
    text,
    actions: [URGENT_ESCALATION],
    sources: articles.map(articleSource),
    confidence,
    kind: 'answer',
    context,
  };
}
