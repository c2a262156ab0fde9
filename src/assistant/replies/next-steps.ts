import { findHotline } from '../../knowledge/directory.ts';
import type { Contacts, NextStep } from '../../knowledge/types.ts';
import { insofaBasisOf, leadershipOf } from '../navigator.ts';
import { fitsConditions, type ConditionContext } from '../retrieval/conditions.ts';
import { foldText } from '../safety/fold.ts';

// What an experienced counsellor adds after answering the question of a case: the few next steps
// that fit the situation (knowledge/next-steps.yaml, in its order), leaving out what the answer
// already says, what has been done and what the question itself was about.

const MAX_STEPS = 4;
const HEADING = '**Ihre nächsten Schritte:**';

export type NextStepsInput = ConditionContext & {
  /** The acts of the question asked: a step about the same act would only repeat the answer. */
  acts: readonly string[];
  /** The body the steps go under (folded before comparing). */
  answer: string;
  /** Steps named earlier in the conversation: said once is enough. */
  shown?: readonly string[];
};

/** Fills the reader-dependent placeholders; undefined when a hotline is missing from the directory. */
function fill(text: string, role: string | undefined, contacts: Contacts): string | undefined {
  let missing = false;
  const filled = text
    .replaceAll('{leitung}', leadershipOf(role))
    .replaceAll('{insofa-basis}', insofaBasisOf(role))
    .replace(/\{hotline:([a-z0-9-]+)\}/g, (_m, id: string) => {
      const line = findHotline(contacts, id);
      if (!line) missing = true;
      return line ? `${line.name}, **${line.phone}** (${line.hours})` : '';
    });
  return missing ? undefined : filled;
}

export function pickNextSteps(steps: readonly NextStep[], input: NextStepsInput): NextStep[] {
  const answer = foldText(input.answer);
  return steps.filter((step) =>
    fitsConditions(step, input)
    && !(step.notActs?.some((act) => input.acts.includes(act)))
    && !(step.said?.some((words) => answer.includes(foldText(words))))
    && !input.shown?.includes(step.id)).slice(0, MAX_STEPS);
}

/** The steps as a short Markdown list under a heading (undefined when none fits) and their ids. */
export function nextStepsText(steps: readonly NextStep[], input: NextStepsInput, contacts: Contacts): { text?: string; ids: string[] } {
  const picked = pickNextSteps(steps, input)
    .map((step) => ({ id: step.id, line: fill(step.text, input.role, contacts) }))
    .filter((p): p is { id: string; line: string } => p.line !== undefined);
  if (picked.length === 0) return { ids: [] };
  return { text: [HEADING, ...picked.map((p) => `- ${p.line}`)].join('\n'), ids: picked.map((p) => p.id) };
}
