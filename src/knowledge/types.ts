// Shapes of the knowledge base after loading. The schema in schema.ts validates the raw files;
// these types are what the rest of the service works with.

// Roles and editorial states are the public vocabulary's (src/contract/vocabulary.ts); re-exported
// here for the knowledge code that always found them in this file.
import type { EditorialStatus } from '../contract/vocabulary.ts';
export { ROLE_LABELS, ROLES, type EditorialStatus, type Role } from '../contract/vocabulary.ts';

/** `accessed`: when the source was consulted (also in an archived copy); `retrieved`: when the live page itself was retrieved. */
export type Source = { title: string; url: string; accessed: string; retrieved?: string };

/** Who approved the article, in which function, when, and the sha256 of the content then. */
export type Approval = { name: string; function: string; date: string; sha256: string };

export type Article = {
  id: string;
  title: string;
  summary: string;
  audience: string[];
  tags: string[];
  legal: string[];
  sources: Source[];
  /** "Stand": the date of the last change of the content (front matter `stand`). */
  stand: string;
  /** @deprecated The Stand under its old name; use `stand`. */
  reviewed: string;
  reviewDue: string;
  /** Gap questions an editor must settle (front matter `open_questions`); never shown to users. */
  openQuestions: string[];
  /** Computed at load: `approved` only while the content has the hash that was approved. */
  status: EditorialStatus;
  /** The (last) approval, as `npm run knowledge:approve` recorded it. */
  approval?: Approval;
  /** sha256 of the content as it is now (editorial.ts contentHash). */
  contentHash: string;
  /** Markdown body without front matter. */
  body: string;
  /** The short answer: the first paragraph before the first heading. */
  lead: string;
  /** Names of the `##` sections, in order. */
  headings: string[];
  /** Kinds of concern the article is about (knowledge/answers). */
  concerns: string[];
};

/** What one section answers (knowledge/answers/<article>.yaml). */
export type SectionAnswers = {
  /** Question kinds it answers: may, must, should, how, who, what-next, meaning, when. */
  kinds: string[];
  /** The steps it is about (vocabulary.yaml: acts). */
  acts: string[];
  /** Typical questions as professionals phrase them; indexed for search. */
  questions: string[];
  /** An editor-written answer of one or two sentences, said first. */
  short?: string;
  /** Written for a calm situation ("is not in itself a danger"): not quoted when a child is in danger now or today. */
  calm?: boolean;
  /** Written for some regions only (their Jugendamt's numbers): answers only when the conversation is in one of them. */
  regions?: string[];
  /** The situations it is written for (circumstance classes of the lexicon): in an emergency it answers a case of that kind. */
  circumstances?: string[];
};

/**
 * When a piece of guidance applies, in the situation's categories (each absent field: any).
 * Stances and next steps share it, and one matcher reads it (assistant/retrieval/conditions.ts).
 */
export type Conditions = {
  concerns?: string[];
  about?: string[];
  roles?: string[];
  /** Fields the entry does not speak for (e.g. medical staff, who document with photos). */
  notRoles?: string[];
  ages?: string[];
  circumstances?: string[];
  notConcerns?: string[];
  notAbout?: string[];
  notCircumstances?: string[];
  levels?: string[];
  /** Steps already done (situation slot `done`) for which the entry no longer applies. */
  notDone?: string[];
};

/** A plain answer to a yes/no question about an act (knowledge/stances.yaml). */
export type Stance = Conditions & {
  acts: string[];
  /** Question kinds; absent: any yes/no question. */
  kinds?: string[];
  /** Only for questions that name no kind of concern themselves. */
  generic?: boolean;
  answer: string;
  /** Passage id of the section the answer stands on. */
  section: string;
};

/** One next step a counsellor would name for a situation (knowledge/next-steps.yaml). */
export type NextStep = Conditions & {
  id: string;
  /** German Markdown; {leitung}, {insofa-basis} and {hotline:<id>} are filled in per reader. */
  text: string;
  /** Words that show the answer already says this step (folded, lower case). */
  said?: string[];
  /** Acts of the question for which the step would only repeat the answer. */
  notActs?: string[];
  /** The article the step stands on. */
  article: string;
};

export type Vocabulary = { kinds: Record<string, string>; acts: Record<string, string>; concerns: Record<string, string> };

/** One searchable section of an article: what the Lotse quotes in an answer. */
export type Passage = {
  id: string;
  articleId: string;
  articleTitle: string;
  heading: string;
  text: string;
  tags: string[];
  audience: string[];
  legal: string[];
  /** The article's Stand (date of its last content change). */
  reviewed: string;
  url: string;
  /** Kinds of concern of the article. */
  concerns?: string[];
  /** The section's annotation; absent where none was written yet. */
  answers?: SectionAnswers;
};

export type JugendamtContact = {
  region: string;
  name: string;
  website?: string;
  phone?: string;
  on_call?: string;
  verified: string;
  sources: string[];
};

export type Hotline = {
  id: string;
  name: string;
  phone: string;
  hours: string;
  audience?: string;
  verified: string;
  sources: string[];
};

export type Contacts = {
  jugendaemter: JugendamtContact[];
  hotlines: Hotline[];
  opferambulanzen: Array<{ id: string; name: string; phone?: string; hours?: string; address?: string; verified: string; sources: string[] }>;
};

export type Region = { id: string; name: string; seat: string };
export type Place = { name: string; postcode?: string; region: string };
export type Regions = { regions: Region[]; places: Place[] };

export type KnowledgeBundle = {
  articles: Article[];
  passages: Passage[];
  synonyms: string[][];
  contacts: Contacts;
  regions: Regions;
  vocabulary: Vocabulary;
  stances: Stance[];
  nextSteps: NextStep[];
};
