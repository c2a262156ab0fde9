// Understanding one turn against the conversation so far: what is asked, the situation, and how
// dangerous it is. Computed once per message by the conversation service, before anything is
// stored; `respond` and the relay to staff both read it.
import { declaresEmergency } from '../intents.ts';
import { MODEL_ACUTE_SIGNAL, triage, type TriageResult } from '../triage.ts';
import { META } from '../safety/triage-lexicon.ts';
import { foldText } from '../safety/fold.ts';
import type { ConversationContext, TriageLevelName } from '../types.ts';
import { circumstanceDanger, tells, tellsResolved } from './circumstance.ts';
import { readQuestion, type Question } from './question.ts';
import { updateSituation, type Situation } from './situation.ts';
import { WHEN_PATTERNS } from './lexicon.ts';

// Word-triage signals that images going round raise on their own.
const WORD_SIGNALS_OF_IMAGES = new Set(['sexual_violence_now', 'sexual_violence', 'violence', 'topic_question', MODEL_ACUTE_SIGNAL]);

export type { Question } from './question.ts';
export type { Situation } from './situation.ts';

export type Danger = Omit<TriageResult, 'level'> & {
  level: TriageLevelName;
  /** The level comes from earlier turns of the same emergency, not from this message. */
  carried?: boolean;
};

export type Understanding = { question: Question; situation: Situation; danger: Danger };

const RANK: Record<TriageLevelName, number> = { none: 0, concern: 1, urgent: 2, acute: 3 };

// Signals of the word triage that a depiction, a witnessed colleague or a denied suicide explains.
const DAMPABLE_SIGNALS = new Set(['violence_now', 'violence', 'threat_to_life', 'child_alone_danger', 'topic_question', 'self_harm', 'suicidal', MODEL_ACUTE_SIGNAL]);
const onlyWordSignals = (signals: string[], text: string) => {
  const past = longAgo(text);
  return signals.every((s) => DAMPABLE_SIGNALS.has(s) || (past && LONG_AGO_DAMPABLE_SIGNALS.has(s)));
};
// Told as long ago or written up afterwards, a weapon or a sexual assault is history too (not
// "gestern": what happened yesterday may go on tonight).
const LONG_AGO_DAMPABLE_SIGNALS = new Set(['weapon', 'sexual_violence']);
const longAgo = (text: string) => WHEN_PATTERNS['long-ago']!.test(foldText(text));

/** Why word signals of acute danger do not make an emergency here, if they do not. */
function damping(text: string, situation: Situation): string | undefined {
  if (tells(text, 'depiction') && !situation.concerns.includes('sexual')) return 'depiction_not_event';
  // A training, a concept or a report written afterwards: the words name danger, no child is in it now.
  if (META.test(foldText(text))) return 'teaching_not_event';
  if (longAgo(text)) return 'told_as_past';
  if (situation.concerns.includes('staff') && situation.about === 'staff' && situation.when !== 'now') return 'staff_conduct_reported';
  if (tells(text, 'suicide-denied')) return 'self_harm_without_suicidal_intent';
  return undefined;
}

/** Word triage, raised by an outright "Notfall" and by danger told through circumstances. */
export function assessDanger(text: string, situation: Situation, before: Situation | undefined): Danger {
  const words = triage(text);
  let level: TriageLevelName = words.level;
  const signals = [...words.signals];
  if (level !== 'acute' && declaresEmergency(text) && situation.when !== 'past' && !signals.includes('meta')) {
    level = 'acute';
    signals.push('declared-emergency');
  }
  // Acute means no protection in place. A message that tells the child is safe now (in hospital,
  // in care, police there) is urgent at most; so is intimate images going round (police today).
  // What only the learned model called acute is a concern when the situation lies in the past
  // or is told as long-standing with nothing happening now.
  const modelOnly = level === 'acute' && signals.includes(MODEL_ACUTE_SIGNAL);
  const present = situation.when === 'now' || situation.when === 'today';
  if (level === 'acute' && tellsResolved(text)) {
    level = 'urgent';
    signals.push('protection_in_place');
  } else if (level === 'acute' && tells(text, 'image-circulating') && !signals.some((s) => !WORD_SIGNALS_OF_IMAGES.has(s))) {
    level = 'urgent';
    signals.push('images_circulating');
  } else if (modelOnly && (situation.when === 'past' || (tells(text, 'long-standing') && !present))) {
    level = 'concern';
    signals.push('model_acute_but_not_now');
  } else if (level === 'acute' && onlyWordSignals(signals, text) && !declaresEmergency(text) && damping(text, situation)) {
    // Violence in play or a story, a colleague's conduct told by a witness at work, self-harm
    // with suicide denied: serious, but no emergency by those words alone.
    level = 'concern';
    signals.push(damping(text, situation)!);
  }
  for (const finding of circumstanceDanger(text, situation, before)) {
    signals.push(finding.signal);
    if (RANK[finding.level] > RANK[level]) level = finding.level;
  }
  // Thoughts of suicide or self-harm of a child today: not acute by themselves, but not for later.
  if (level === 'concern' && words.suicidal) {
    level = 'urgent';
    signals.push('suicidal_thoughts_today');
  }
  const suicidal = (words.suicidal && !signals.includes('self_harm_without_suicidal_intent')) || signals.includes('shared_death_hint') || signals.includes('suicide_plan');
  return { level, signals, suicidal };
}

/**
 * The same emergency goes on over the next turns ("die eltern gehen nicht ran", "sie zieht ihm
 * schon die jacke an"): an acute or urgent situation stays so until the turns run out or the asker
 * tells that the child is safe now.
 */
// A turn about the asker's own strain, prevention or something else entirely leaves the emergency.
const OTHER_TOPIC_ACTS = new Set(['self-care', 'prevention']);

function carry(danger: Danger, text: string, context: ConversationContext, question: Question): Danger {
  if (question.asked.some((a) => OTHER_TOPIC_ACTS.has(a))) return danger;
  // Help has arrived in an emergency: the child is safe for now, but who cares for it and what
  // the Jugendamt must know is for today.
  if (tellsResolved(text)) {
    return (context.acuteTurns ?? 0) > 0 && RANK[danger.level] < RANK.urgent
      ? { ...danger, level: 'urgent', carried: true, signals: [...danger.signals, 'protection_in_place'] }
      : danger;
  }
  const carried: TriageLevelName | undefined = (context.acuteTurns ?? 0) > 0 ? 'acute' : (context.urgentTurns ?? 0) > 0 ? 'urgent' : undefined;
  if (!carried || RANK[carried] <= RANK[danger.level]) return danger;
  return { ...danger, level: carried, carried: true, signals: [...danger.signals, `still_${carried}`] };
}

export function understand(text: string, context: ConversationContext): Understanding {
  const question = readQuestion(text);
  const situation = updateSituation(context.situation, text, question.acts);
  return { question, situation, danger: carry(assessDanger(text, situation, context.situation), text, context, question) };
}
