// Shapes of the knowledge base after loading. The schema in schema.ts validates the raw files;
// these types are what the rest of the service works with.

export type Role = 'kita' | 'schule' | 'gesundheit' | 'jugendhilfe' | 'verein' | 'andere';
export const ROLES: readonly Role[] = ['kita', 'schule', 'gesundheit', 'jugendhilfe', 'verein', 'andere'];

export type Source = { title: string; url: string; accessed: string };

export type Article = {
  id: string;
  title: string;
  summary: string;
  audience: string[];
  tags: string[];
  legal: string[];
  sources: Source[];
  reviewed: string;
  reviewDue: string;
  status: 'draft' | 'reviewed';
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
