import { z } from 'zod';
import { EDITORIAL_STATUSES, REGION_IDS, ROLES } from '../contract/vocabulary.ts';

// A date written as YYYY-MM-DD. YAML turns unquoted dates into Date objects, so accept both.
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT erwartet'),
);

// YAML reads `110` or `112` as numbers; in a tag list they are words.
const word = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().min(1));

const roleOrAll = z.enum(['alle', ...ROLES]);

export const sourceSchema = z.object({
  title: z.string().min(3),
  url: z.string().url(),
  /** When the source was consulted – also when it was an archived copy. */
  accessed: isoDate,
  /** Only when the live page was actually retrieved on that date ("abgerufen"). */
  retrieved: isoDate.optional(),
});

export const approvalSchema = z.object({
  name: z.string().trim().min(3, 'Name der freigebenden Person fehlt'),
  function: z.string().trim().min(3, 'Funktion der freigebenden Person fehlt'),
  date: isoDate,
  sha256: z.string().regex(/^[0-9a-f]{64}$/, '64 Hexadezimalzeichen erwartet (schreibt npm run knowledge:approve)'),
});

export const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche'),
  title: z.string().min(3).max(120),
  summary: z.string().min(20).max(600),
  audience: z.array(roleOrAll).min(1),
  tags: z.array(word).default([]),
  legal: z.array(word).default([]),
  sources: z.array(sourceSchema).min(1, 'mindestens eine Quelle'),
  /** The old name of `stand`, refused with a hint (checked before stand, so its message comes first). */
  reviewed: z.never({ message: 'heißt jetzt stand (Datum der letzten inhaltlichen Änderung)' }).optional(),
  /** Stand: date of the last change of the content. */
  stand: isoDate,
  review_due: isoDate,
  /**
   * Gap questions: what the team could not verify against a source and an editor must settle
   * before approving (e.g. "Gilt die Förderung 2027 fort?"). Never shown to users.
   */
  open_questions: z.array(z.string().trim().min(10, 'eine offene Frage in ganzen Worten').max(600)).default([]),
  status: z.enum(EDITORIAL_STATUSES, { message: 'draft, approved oder changed erwartet' }),
  /** Written by npm run knowledge:approve; see editorial.ts. */
  approval: approvalSchema.optional(),
});
export type FrontMatter = z.infer<typeof frontMatterSchema>;

// The ids are the contract's; regions.yaml gives their names, seats and places.
const regionId = z.enum(REGION_IDS);

const urlList = z.array(z.string().url()).default([]);

export const contactsSchema = z.object({
  jugendaemter: z.array(z.object({
    region: regionId,
    name: z.string().min(3),
    website: z.string().url().optional(),
    phone: z.string().optional(),
    on_call: z.string().optional(),
    verified: isoDate,
    sources: urlList,
  })).length(8, 'genau 8 Jugendämter erwartet'),
  hotlines: z.array(z.object({
    id: z.string(),
    name: z.string(),
    phone: z.string(),
    hours: z.string(),
    audience: z.string().optional(),
    /** For editors only (what to re-check); never shown to users. */
    note: z.string().optional(),
    verified: isoDate,
    sources: urlList,
  })).min(1),
  opferambulanzen: z.array(z.object({
    id: z.string(),
    name: z.string(),
    phone: z.string().optional(),
    hours: z.string().optional(),
    address: z.string().optional(),
    note: z.string().optional(),
    verified: isoDate,
    sources: urlList,
  })).default([]),
});

export const regionsSchema = z.object({
  regions: z.array(z.object({ id: regionId, name: z.string(), seat: z.string() })).length(8),
  places: z.array(z.object({
    name: z.string().min(2),
    postcode: z.preprocess((v) => (typeof v === 'number' ? String(v).padStart(5, '0') : v), z.string().regex(/^\d{5}$/)).optional(),
    region: regionId,
  })),
});

export const synonymsSchema = z.array(z.array(word).min(2));

// knowledge/vocabulary.yaml: the ids that answer annotations and the Lotse's understanding use.
const labelMap = z.record(z.string().regex(/^[a-z]+(-[a-z]+)*$/), z.string().min(3));
export const vocabularySchema = z.object({ kinds: labelMap, acts: labelMap, concerns: labelMap });

// knowledge/answers/<article>.yaml: what each section answers (drafted by the team, approved with
// its article). `section` is "kurz" for the lead or the exact `##` heading.
export const answersSchema = z.object({
  article: z.string(),
  concerns: z.array(z.string()).default([]),
  sections: z.array(z.object({
    section: z.string().min(1),
    kinds: z.array(z.string()).default([]),
    acts: z.array(z.string()).default([]),
    questions: z.array(z.string().min(8).max(400)).min(1, 'mindestens eine typische Frage'),
    short: z.string().min(10).max(600).optional(),
    calm: z.boolean().optional(),
    regions: z.array(z.string()).optional(),
    circumstances: z.array(z.string()).optional(),
  })).min(1),
});
export type AnswersFile = z.infer<typeof answersSchema>;

// When a stance or a next step applies: the same condition fields for both.
const idList = z.array(z.string()).optional();
const conditionFields = {
  concerns: idList,
  about: idList,
  roles: idList,
  notRoles: idList,
  ages: idList,
  circumstances: idList,
  notConcerns: idList,
  notAbout: idList,
  notCircumstances: idList,
  levels: idList,
  notDone: idList,
};

// knowledge/stances.yaml: plain answers to yes/no questions about an act, each on a section.
export const stancesSchema = z.array(z.object({
  ...conditionFields,
  acts: z.array(z.string()).min(1),
  kinds: z.array(z.string()).min(1).optional(),
  generic: z.boolean().optional(),
  answer: z.string().min(10).max(600).regex(/^(Ja|Nein|Doch|In der Regel|Nicht)\b/, 'beginnt mit der klaren Antwort (Ja, Nein, Doch, In der Regel …, Nicht …)'),
  section: z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'Abschnitts-Id wie artikel#abschnitt'),
}));

// knowledge/next-steps.yaml: the next steps a counsellor names for a situation, in order.
export const nextStepsSchema = z.array(z.object({
  ...conditionFields,
  id: z.string().regex(/^[a-z0-9-]+$/, 'Kennung aus Kleinbuchstaben, Ziffern und Bindestrichen'),
  text: z.string().min(10).max(400),
  said: z.array(z.string().min(3)).optional(),
  notActs: idList,
  article: z.string().regex(/^[a-z0-9-]+$/, 'Artikel-Id'),
}));
