import type { Passage, Stance } from '../../knowledge/types.ts';
import { CONCERN_PATTERNS, matching } from '../understanding/lexicon.ts';
import { fitsConditions } from './conditions.ts';
import type { TurnSignals } from './features.ts';

// The plain answer to a yes/no question about an act (knowledge/stances.yaml): the first stance
// whose act, question kind and conditions fit the turn. In a follow-up without an act of its own
// ("und wenn sie es trotzdem will?") the act of the running topic counts.

export function stanceFor(signals: TurnSignals, stances: readonly Stance[]): Stance | undefined {
  const { question, situation } = signals;
  if (!question.yesNo) return undefined;
  // Only the acts of the question sentence count: "Sie hat mich gebeten, es niemandem zu sagen.
  // Darf ich die Eltern trotzdem informieren?" asks about the parents, not about the promise.
  const acts = question.asked.length ? question.asked : signals.followUp ? (signals.previous?.acts ?? []) : [];
  if (acts.length === 0) return undefined;
  // "Ist das schon Vernachlässigung?" asks about that form of harm: its own article answers it.
  const namesConcern = matching(CONCERN_PATTERNS, question.focus).length > 0;
  return stances.find((s) =>
    !(s.generic && namesConcern) &&
    s.acts.some((a) => acts.includes(a))
    && (!s.kinds || (question.kind !== undefined && s.kinds.includes(question.kind)))
    && fitsConditions(s, { situation, role: signals.role, level: signals.level }));
}

const BY_ID = new WeakMap<readonly Passage[], Map<string, Passage>>();

export function passageById(passages: readonly Passage[], id: string): Passage | undefined {
  let map = BY_ID.get(passages);
  if (!map) BY_ID.set(passages, (map = new Map(passages.map((p) => [p.id, p]))));
  return map.get(id);
}
