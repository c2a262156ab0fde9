import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { splitFrontMatter } from './front-matter.ts';
import { companionsOf, editorialState, NO_COMPANIONS, textDigest, type Companions } from './editorial.ts';
import { chunkArticle, splitSections } from './chunk.ts';
import { answersSchema, contactsSchema, frontMatterSchema, nextStepsSchema, regionsSchema, stancesSchema, synonymsSchema, vocabularySchema, type AnswersFile } from './schema.ts';
import type { Article, EditorialStatus, KnowledgeBundle, NextStep, Passage, Stance, Vocabulary } from './types.ts';

/** The raw files of a knowledge base, as read from disk or bundled into a Worker. */
export type KnowledgeFiles = {
  articles: Array<{ path: string; content: string }>;
  contacts: string;
  regions: string;
  synonyms: string;
  vocabulary: string;
  /** knowledge/answers/<article>.yaml */
  answers: Array<{ path: string; content: string }>;
  /** knowledge/stances.yaml; absent means none. */
  stances?: string;
  /** knowledge/next-steps.yaml; absent means none. */
  nextSteps?: string;
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

/** An article as read from its file, with what its editorial state is computed from. */
type ArticleFile = { article: Article; declared: EditorialStatus; digest: string };

/** The article with its editorial state over its text and the given companions. */
function settle(path: string, file: ArticleFile, companions: Companions): Article {
  const editorial = editorialState(file.declared, file.article.approval, file.digest, companions);
  if ('problem' in editorial) throw new KnowledgeError(path, editorial.problem);
  const { approval: _previous, ...rest } = file.article;
  return { ...rest, ...editorial };
}

function readArticle(path: string, content: string): ArticleFile {
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
  const article: Article = {
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
    openQuestions: front.open_questions,
    status: front.status,
    ...(front.approval ? { approval: front.approval } : {}),
    contentHash: '',
    body: split.body,
    lead,
    headings: sections.map((s) => s.heading),
    concerns: [],
  };
  const file = { article, declared: front.status, digest: textDigest(split.data, split.body) };
  // The state over the text alone, so that a contradicting declaration is reported here already.
  return { ...file, article: settle(path, file, NO_COMPANIONS) };
}

/**
 * One article file on its own. Its editorial state covers the text only: an article with
 * answers, stances or next steps gets its true state from parseKnowledge, which sees them.
 */
export function parseArticle(path: string, content: string): Article {
  return readArticle(path, content).article;
}

/** Checks an answers file against its article and the vocabulary; throws the first problem. */
function validateAnswers(path: string, file: AnswersFile, article: Article | undefined, vocabulary: Vocabulary): void {
  if (!article) throw new KnowledgeError(path, `article: unbekannter Artikel "${file.article}"`);
  const known = new Set(['kurz', ...article.headings]);
  const unknownId = (list: string[], table: Record<string, string>) => list.find((id) => !Object.hasOwn(table, id));
  const badConcern = unknownId(file.concerns, vocabulary.concerns);
  if (badConcern) throw new KnowledgeError(path, `concerns: "${badConcern}" steht nicht in vocabulary.yaml`);
  for (const [i, section] of file.sections.entries()) {
    if (!known.has(section.section)) throw new KnowledgeError(path, `sections.${i}.section: "${section.section}" ist keine Überschrift des Artikels`);
    const badKind = unknownId(section.kinds, vocabulary.kinds);
    if (badKind) throw new KnowledgeError(path, `sections.${i}.kinds: "${badKind}" steht nicht in vocabulary.yaml`);
    const badAct = unknownId(section.acts, vocabulary.acts);
    if (badAct) throw new KnowledgeError(path, `sections.${i}.acts: "${badAct}" steht nicht in vocabulary.yaml`);
  }
}

/** Validates the stances against the vocabulary and the passages they stand on. */
function parseStances(content: string | undefined, passages: Passage[], vocabulary: Vocabulary): Stance[] {
  if (!content) return [];
  const stances = validate('stances.yaml', stancesSchema, parseYamlFile('stances.yaml', content)) as Stance[];
  const ids = new Set(passages.map((p) => p.id));
  stances.forEach((stance, i) => {
    const bad = stance.acts.find((a) => !Object.hasOwn(vocabulary.acts, a)) ?? stance.kinds?.find((k) => !Object.hasOwn(vocabulary.kinds, k))
      ?? stance.concerns?.find((c) => !Object.hasOwn(vocabulary.concerns, c));
    if (bad) throw new KnowledgeError('stances.yaml', `${i}: "${bad}" steht nicht in vocabulary.yaml`);
    if (!ids.has(stance.section)) throw new KnowledgeError('stances.yaml', `${i}.section: Abschnitt "${stance.section}" gibt es nicht`);
  });
  return stances;
}

/** Validates the next steps against the vocabulary and the articles they stand on. */
function parseNextSteps(content: string | undefined, articles: Article[], vocabulary: Vocabulary): NextStep[] {
  if (!content) return [];
  const steps = validate('next-steps.yaml', nextStepsSchema, parseYamlFile('next-steps.yaml', content)) as NextStep[];
  const ids = new Set(articles.map((a) => a.id));
  const seen = new Set<string>();
  steps.forEach((step, i) => {
    if (seen.has(step.id)) throw new KnowledgeError('next-steps.yaml', `${i}.id: "${step.id}" doppelt vergeben`);
    seen.add(step.id);
    const bad = step.concerns?.find((c) => !Object.hasOwn(vocabulary.concerns, c)) ?? step.notConcerns?.find((c) => !Object.hasOwn(vocabulary.concerns, c))
      ?? step.notActs?.find((a) => !Object.hasOwn(vocabulary.acts, a));
    if (bad) throw new KnowledgeError('next-steps.yaml', `${i}: "${bad}" steht nicht in vocabulary.yaml`);
    if (!ids.has(step.article)) throw new KnowledgeError('next-steps.yaml', `${i}.article: Artikel "${step.article}" gibt es nicht`);
  });
  return steps;
}

/** Validates the answers files against their articles; by article id. */
function parseAnswers(articles: Article[], files: KnowledgeFiles['answers'], vocabulary: Vocabulary): Map<string, AnswersFile> {
  const byArticle = new Map(articles.map((a) => [a.id, a]));
  const answers = new Map<string, AnswersFile>();
  for (const entry of files) {
    const file = validate(entry.path, answersSchema, parseYamlFile(entry.path, entry.content));
    const fileId = entry.path.split('/').pop()!.replace(/\.yaml$/, '');
    if (file.article !== fileId) throw new KnowledgeError(entry.path, `article: "${file.article}" muss dem Dateinamen "${fileId}" entsprechen`);
    validateAnswers(entry.path, file, byArticle.get(file.article), vocabulary);
    answers.set(file.article, file);
  }
  return answers;
}

/** Adds each article's concerns and each section's answers (keyed "kurz" or by heading) to its passages. */
function annotate(articles: Article[], passages: Passage[], answers: ReadonlyMap<string, AnswersFile>): Passage[] {
  const byArticle = new Map(articles.map((a) => [a.id, a]));
  const sections = new Map<string, AnswersFile['sections'][number]>();
  for (const file of answers.values()) {
    byArticle.get(file.article)!.concerns = file.concerns;
    for (const section of file.sections) sections.set(`${file.article}\u0000${section.section}`, section);
  }
  return passages.map((passage) => {
    const article = byArticle.get(passage.articleId)!;
    const key = passage.id.endsWith('#kurz') ? 'kurz' : passage.heading;
    const section = sections.get(`${passage.articleId}\u0000${key}`);
    const answers = section
      ? { kinds: section.kinds, acts: section.acts, questions: section.questions, ...(section.short ? { short: section.short } : {}), ...(section.calm ? { calm: true } : {}), ...(section.regions?.length ? { regions: section.regions } : {}), ...(section.circumstances?.length ? { circumstances: section.circumstances } : {}) }
      : undefined;
    return { ...passage, concerns: article.concerns, ...(answers ? { answers } : {}) };
  });
}

/** Validates and assembles a whole knowledge base; throws the first problem as a KnowledgeError. */
export function parseKnowledge(files: KnowledgeFiles): KnowledgeBundle {
  const read = [...files.articles]
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((file) => ({ path: file.path, ...readArticle(file.path, file.content) }));
  const seen = new Set<string>();
  for (const { article } of read) {
    if (seen.has(article.id)) throw new KnowledgeError(`${article.id}.md`, `id: doppelt vergeben`);
    seen.add(article.id);
  }
  const vocabulary = validate('vocabulary.yaml', vocabularySchema, parseYamlFile('vocabulary.yaml', files.vocabulary));
  const unsettled = read.map((r) => r.article);
  const answers = parseAnswers(unsettled, files.answers, vocabulary);
  const passages = annotate(unsettled, unsettled.flatMap(chunkArticle), answers);
  const regions = validate('regions.yaml', regionsSchema, parseYamlFile('regions.yaml', files.regions));
  const regionIds = new Set<string>(regions.regions.map((r) => r.id));
  for (const passage of passages) {
    const bad = passage.answers?.regions?.find((id) => !regionIds.has(id));
    if (bad) throw new KnowledgeError(`answers/${passage.articleId}.yaml`, `regions: "${bad}" steht nicht in regions.yaml`);
  }
  const stances = parseStances(files.stances, passages, vocabulary);
  const nextSteps = parseNextSteps(files.nextSteps, unsettled, vocabulary);
  // Now that the companions are known, each article's state covers them too.
  const articles = read.map((r) => settle(r.path, r, companionsOf(r.article.id, answers, stances, nextSteps)));
  return {
    articles,
    passages,
    vocabulary,
    stances,
    nextSteps,
    synonyms: validate('synonyms.yaml', synonymsSchema, parseYamlFile('synonyms.yaml', files.synonyms)),
    contacts: validate('contacts.yaml', contactsSchema, parseYamlFile('contacts.yaml', files.contacts)),
    regions,
  };
}
