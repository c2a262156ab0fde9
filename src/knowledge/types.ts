// Shapes of the knowledge base after loading. The schema in schema.ts validates the raw files;
// these types are what the rest of the service works with.

export type Role = 'kita' | 'schule' | 'gesundheit' | 'jugendhilfe' | 'verein' | 'andere';
export const ROLES: readonly Role[] = ['kita', 'schule', 'gesundheit', 'jugendhilfe', 'verein', 'andere'];

/** `accessed`: when the source was consulted (also in an archived copy); `retrieved`: when the live page itself was retrieved. */
export type Source = { title: string; url: string; accessed: string; retrieved?: string };

/** draft → approved (by a named person) → changed (since approval); see editorial.ts. */
export type EditorialStatus = 'draft' | 'approved' | 'changed';
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
};

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
};
