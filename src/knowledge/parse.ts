import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { splitFrontMatter } from './front-matter.ts';
import { editorialState } from './editorial.ts';
import { chunkArticle, splitSections } from './chunk.ts';
import { contactsSchema, frontMatterSchema, regionsSchema, synonymsSchema } from './schema.ts';
import type { Article, KnowledgeBundle } from './types.ts';

/** The raw files of a knowledge base, as read from disk or bundled into a Worker. */
export type KnowledgeFiles = {
  articles: Array<{ path: string; content: string }>;
  contacts: string;
  regions: string;
  synonyms: string;
};

/** One problem in one file, reported as "file: field: problem" so an editor can fix it at once. */
export class KnowledgeError extends Error {
  readonly file: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'KnowledgeError';
    this.file = file;
  }
}

function describeZodIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue.path.length ? issue.path.join('.') : '(Wurzel)';
  return `${field}: ${issue.message}`;
}

function validate<T>(file: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new KnowledgeError(file, describeZodIssue(result.error));
  return result.data;
}

function parseYamlFile(file: string, content: string): unknown {
  try {
    return parseYaml(content);
  } catch (error) {
    throw new KnowledgeError(file, `YAML nicht lesbar: ${(error as Error).message.split('\n')[0]}`);
  }
}

export function parseArticle(path: string, content: string): Article {
  let split: { data: unknown; body: string };
  try {
    split = splitFrontMatter(content);
  } catch (error) {
    throw new KnowledgeError(path, (error as Error).message.split('\n')[0]);
  }
  const front = validate(path, frontMatterSchema, split.data);
  const fileId = path.split('/').pop()!.replace(/\.md$/, '');
  if (front.id !== fileId) throw new KnowledgeError(path, `id: "${front.id}" muss dem Dateinamen "${fileId}" entsprechen`);
  const { lead, sections } = splitSections(split.body);
  if (!lead) throw new KnowledgeError(path, 'Text: die Kurzantwort (erster Absatz vor der ersten Überschrift) fehlt');
  const editorial = editorialState(front.status, front.approval, split.data, split.body);
  if ('problem' in editorial) throw new KnowledgeError(path, editorial.problem);
  return {
    id: front.id,
    title: front.title,
    summary: front.summary,
    audience: front.audience,
    tags: front.tags,
    legal: front.legal,
    sources: front.sources,
    stand: front.stand,
    reviewed: front.stand,
    reviewDue: front.review_due,
    ...editorial,
    body: split.body,
    lead,
    headings: sections.map((s) => s.heading),
  };
}

/** Validates and assembles a whole knowledge base; throws the first problem as a KnowledgeError. */
export function parseKnowledge(files: KnowledgeFiles): KnowledgeBundle {
  const articles = [...files.articles]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((file) => parseArticle(file.path, file.content));
  const seen = new Set<string>();
  for (const article of articles) {
    if (seen.has(article.id)) throw new KnowledgeError(`${article.id}.md`, `id: doppelt vergeben`);
    seen.add(article.id);
  }
  return {
    articles,
    passages: articles.flatMap(chunkArticle),
    synonyms: validate('synonyms.yaml', synonymsSchema, parseYamlFile('synonyms.yaml', files.synonyms)),
    contacts: validate('contacts.yaml', contactsSchema, parseYamlFile('contacts.yaml', files.contacts)),
    regions: validate('regions.yaml', regionsSchema, parseYamlFile('regions.yaml', files.regions)),
  };
}
