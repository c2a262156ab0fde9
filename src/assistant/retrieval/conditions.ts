import type { Conditions } from '../../knowledge/types.ts';
import type { Situation } from '../understanding/situation.ts';

// One reading of the condition fields that stances and next steps share: each present field
// must fit the situation of the turn (any of its ids), each "not" field must not.

export type ConditionContext = { situation: Situation; role?: string; level: string };

const any = (wanted: string[] | undefined, have: readonly string[]) => !wanted || wanted.some((w) => have.includes(w));
const none = (unwanted: string[] | undefined, have: readonly string[]) => !unwanted || !unwanted.some((w) => have.includes(w));

export function fitsConditions(c: Conditions, { situation, role, level }: ConditionContext): boolean {
  const about = situation.about ? [situation.about] : [];
  const roles = role ? [role] : [];
  return any(c.concerns, situation.concerns)
    && any(c.about, about)
    && any(c.roles, roles)
    && none(c.notRoles, roles)
    && any(c.ages, situation.age ? [situation.age] : [])
    && none(c.notConcerns, situation.concerns)
    && none(c.notAbout, about)
    && any(c.circumstances, situation.circumstances)
    && none(c.notCircumstances, situation.circumstances)
    && any(c.levels, [level])
    && none(c.notDone, situation.done);
}
