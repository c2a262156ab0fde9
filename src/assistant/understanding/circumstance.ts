// Danger told through circumstances rather than alarm words: a person who cannot keep the child
// safe is about to take it along; a child under protection is being collected; a parent hints at
// dying together with the child; a harm that cannot be undone is planned for the coming days.
// Each rule combines circumstance classes of the lexicon (this message and the conversation so
// far) with the time of the situation. The tier follows the three levels:
//   acute  — danger now or within hours and nothing protects the child: 110/112 first;
//   urgent — act today or before a known date: Jugendamt today, its Bereitschaftsdienst, court.
import { foldText } from '../safety/fold.ts';
import { CIRCUMSTANCE, CONCERN_PATTERNS } from './lexicon.ts';
import type { Situation } from './situation.ts';

export type CircumstanceFinding = { level: 'acute' | 'urgent'; signal: string };

type Seen = { now: boolean; imminent: boolean; message: Set<string>; all: Set<string>; situation: Situation; text: string };

type Rule = { signal: string; level: (seen: Seen) => 'acute' | 'urgent' | undefined };

// Not past and not announced for a later day: the present tense of a report counts as now.
const present = (s: Seen) => s.situation.when !== 'past' && s.situation.when !== 'days';
const notPast = (s: Seen) => s.situation.when !== 'past';
const FAMILY = new Set(['parent', 'partner', 'relative']);

const SEXUAL_OR_PHYSICAL = (s: Seen) => s.situation.concerns.some((c) => c === 'sexual' || c === 'physical');

const RULES: Rule[] = [
  {
    signal: 'unfit_carer_taking_child',
    // Told in this message or before: "riecht nach Alkohol" … "will ihn jetzt holen".
    level: (s) => ((s.all.has('unfit-carer') && s.message.has('taking-child')) || (s.message.has('unfit-carer') && s.all.has('taking-child'))) && present(s) ? 'acute' : undefined,
  },
  {
    signal: 'protected_child_taken',
    level: (s) => (s.all.has('protected-child') && s.message.has('taking-child') && present(s) ? 'acute' : undefined),
  },
  {
    // The person the worry is about comes now to take the child.
    signal: 'suspect_taking_child',
    level: (s) => (s.message.has('taking-child') && SEXUAL_OR_PHYSICAL(s) && FAMILY.has(s.situation.about ?? '') && s.imminent && !s.message.has('resolved') ? 'acute' : undefined),
  },
  {
    signal: 'shared_death_hint',
    level: (s) => (s.message.has('shared-death') && notPast(s) ? 'acute' : undefined),
  },
  {
    // A young person's plan to die: acute when it is for now or the means are at hand tonight.
    signal: 'suicide_plan',
    level: (s) => (s.message.has('suicide-plan') && notPast(s) ? (s.now ? 'acute' : 'urgent') : undefined),
  },
  {
    // A young person gives away what they love "because they won't need it": talk today, do not wait.
    signal: 'farewell_sign',
    level: (s) => (s.message.has('farewell-sign') && notPast(s) ? 'urgent' : undefined),
  },
  {
    signal: 'planned_irreversible_harm',
    level: (s) => {
      if (!s.all.has('planned-harm') || !notPast(s)) return undefined;
      // Acute only when it is about to happen; "hat mir heute erzählt" dates the telling, not the harm.
      if (s.imminent && s.message.has('planned-harm')) return 'acute';
      return s.all.has('departure') || s.situation.when === 'days' || s.situation.when === 'today' ? 'urgent' : undefined;
    },
  },
  {
    signal: 'carer_unreachable_dependent_alone',
    level: (s) => (s.all.has('carer-unreachable') && s.all.has('dependent-alone') && (s.message.has('carer-unreachable') || s.message.has('dependent-alone')) && notPast(s) ? 'acute' : undefined),
  },
  {
    // Signs of a medical emergency told as happening (breathing, consciousness, a known illness derailing): 112 now.
    signal: 'medical_emergency',
    // Not when the child is already in medical care (a ward, a clinic): there the doctors act.
    level: (s) => (s.message.has('medical-emergency') && present(s) && !s.message.has('resolved') && !s.message.has('in-medical-care') ? 'acute' : undefined),
  },
  {
    signal: 'afraid_to_go_home',
    level: (s) => (s.message.has('afraid-home') && notPast(s) ? 'urgent' : undefined),
  },
  {
    signal: 'infant_injury_seen',
    level: (s) => (s.message.has('infant-injury') && s.situation.when !== 'past' ? 'urgent' : undefined),
  },
  {
    // A meeting arranged by an online contact or with sexual intent: before that date.
    signal: 'grooming_meeting',
    level: (s) => (s.message.has('meeting') && s.situation.concerns.some((c) => c === 'digital' || c === 'sexual') && s.situation.when !== 'past' && (s.situation.when === 'days' || s.now) ? 'urgent' : undefined),
  },
  {
    signal: 'recent_sexual_assault',
    level: (s) => (s.message.has('recent-assault') && !/\b(vor (\w+ ){0,2}(jahren|monaten)|damals|früher)\b/.test(s.text) ? 'urgent' : undefined),
  },
  {
    // Sexual abuse by someone who lives with the child: the child goes home to them tonight.
    signal: 'abuse_in_household',
    level: (s) => (s.situation.concerns.includes('sexual') && FAMILY.has(s.situation.about ?? '') && s.all.has('same-household') && (s.message.has('same-household') || s.situation.concerns[0] === 'sexual') && notPast(s) ? 'urgent' : undefined),
  },
  {
    signal: 'runaway',
    level: (s) => (s.message.has('runaway') && notPast(s) ? 'urgent' : undefined),
  },
  {
    signal: 'care_refused',
    level: (s) => (s.message.has('care-refused') && notPast(s) && s.situation.when !== 'days' ? 'urgent' : undefined),
  },
  {
    // A carer who cannot go on, with a small child in their care: a hint of suicide is acute.
    signal: 'carer_breakdown_with_child',
    level: (s) => {
      // Told now, or told before and this message speaks of suicide ("soll ich sie fragen, ob sie sich was antun will?").
      const told = s.message.has('carer-breakdown') || ((s.all.has('carer-breakdown') || s.all.has('shared-death')) && CONCERN_PATTERNS['self-harm']!.test(s.text));
      if (!told || !notPast(s)) return undefined;
      const small = s.situation.age === 'baby' || s.situation.age === 'toddler' || s.all.has('dependent-alone');
      if (s.situation.concerns.includes('self-harm') || s.all.has('shared-death')) return 'acute';
      return small ? 'urgent' : undefined;
    },
  },
  {
    // A small child poisoned by what the adults keep or take: before it goes home with them.
    signal: 'small_child_intoxicated',
    level: (s) => (s.message.has('intoxication') && ['baby', 'toddler', 'preschool'].includes(s.situation.age ?? '') && notPast(s) ? 'urgent' : undefined),
  },
  {
    // Physical harm to a baby, told over one or several messages: seen by a doctor today.
    signal: 'baby_physical_harm',
    level: (s) => (s.situation.age === 'baby' && (s.all.has('infant-injury') || s.all.has('injury')) && !s.message.has('depiction') && notPast(s) && !s.all.has('resolved') ? 'urgent' : undefined),
  },
  {
    // Sexual harm with the next contact already ahead (training tomorrow, a party on Saturday, a
    // pickup tonight), or told today about someone who works with the child.
    signal: 'sexual_harm_contact_ahead',
    level: (s) => {
      if (!s.situation.concerns.includes('sexual') || !notPast(s)) return undefined;
      const ahead = s.all.has('meeting') || s.all.has('taking-child') || s.situation.when === 'days';
      return ahead || (s.situation.about === 'staff' && s.now) ? 'urgent' : undefined;
    },
  },
  {
    // Grooming by someone who works with the child or an adult contact, with the next contact ahead.
    signal: 'grooming_contact_ahead',
    level: (s) => (s.all.has('grooming-signs') && (s.situation.about === 'staff' || s.situation.concerns.some((c) => c === 'staff' || c === 'digital' || c === 'sexual') || s.all.has('much-older-partner'))
      && (s.all.has('meeting') || s.all.has('taking-child') || s.situation.when === 'days' || /\b(morgen|samstag|sonntag|wochenende|nachste woche|heute abend|training)\b/.test(s.text)) && notPast(s) ? 'urgent' : undefined),
  },
  {
    // A young person with a much older partner, meeting again soon.
    signal: 'much_older_partner',
    level: (s) => (s.all.has('much-older-partner') && ['teen', 'school'].includes(s.situation.age ?? '') && (s.all.has('meeting') || s.all.has('taking-child') || s.now) && notPast(s) ? 'urgent' : undefined),
  },
  {
    // A parent in a psychosis with the children in their care.
    signal: 'carer_psychosis',
    level: (s) => (s.message.has('carer-psychosis') && notPast(s) && (s.situation.age !== undefined || /\bkinder?\b/.test(s.text)) ? 'urgent' : undefined),
  },
  {
    // The child expects to be beaten or punished at home tonight.
    signal: 'punishment_expected_tonight',
    level: (s) => (s.message.has('punishment-threat') && notPast(s) ? 'urgent' : undefined),
  },
  {
    // No one opens or answers and the child has not been seen: someone must look today.
    signal: 'child_not_seen',
    level: (s) => (s.message.has('carer-unreachable') && /\b(seit (\w+ ){0,2}tagen|nicht (mehr )?gesehen|nicht in der schule|nicht zur schule|fehlt (seit|unentschuldigt))\b/.test(s.text) && notPast(s) ? 'urgent' : undefined),
  },
  {
    // A visit or handover today to a parent the child is protected from.
    signal: 'protected_child_handover',
    level: (s) => (s.all.has('protected-child') && s.message.has('handover-today') && present(s) ? 'urgent' : undefined),
  },
  {
    // Going back today to the person the worry is about: a discharge, a pickup, a visit.
    signal: 'handover_to_suspect',
    level: (s) => (s.message.has('handover-today') && SEXUAL_OR_PHYSICAL(s) && FAMILY.has(s.situation.about ?? '') && present(s) ? 'urgent' : undefined),
  },
];

/** Whether the message tells a circumstance class of the lexicon. */
export function tells(text: string, name: keyof typeof CIRCUMSTANCE): boolean {
  return CIRCUMSTANCE[name].test(foldText(text));
}

/** The message says the danger is over or the child is protected now. */
export const tellsResolved = (text: string) => tells(text, 'resolved');

// Happening in this moment, not only today.
const IMMINENT_WORDS = /\b(jetzt|gerade|grad|gleich|sofort|im moment|schon da|ist (grad |gerade |jetzt )?(gekommen|da))\b/;
const NOW_WORDS = /\b(jetzt|gerade|grad|gleich|sofort|heute|heut|im moment|in (einer|zwei|\d+) stunden?)\b/;

/** The circumstance findings of one message, given the situation after it. */
export function circumstanceDanger(text: string, situation: Situation, before: Situation | undefined): CircumstanceFinding[] {
  const folded = foldText(text);
  const message = new Set(Object.entries(CIRCUMSTANCE).filter(([, re]) => re.test(folded)).map(([id]) => id));
  const seen: Seen = { now: NOW_WORDS.test(folded), imminent: IMMINENT_WORDS.test(folded), message, all: new Set([...(before?.circumstances ?? []), ...message]), situation, text: folded };
  return RULES.flatMap((rule) => {
    const level = rule.level(seen);
    return level ? [{ level, signal: rule.signal }] : [];
  });
}
