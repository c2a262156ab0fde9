// Node-only: reads the knowledge folder from disk. The Worker gets the same files bundled.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseKnowledge, type KnowledgeFiles } from './parse.ts';
import type { KnowledgeBundle } from './types.ts';

export async function readKnowledgeFiles(dir: string): Promise<KnowledgeFiles> {
  const articleDir = join(dir, 'articles');
  const names = (await readdir(articleDir)).filter((name) => name.endsWith('.md')).sort();
  const articles = await Promise.all(
    names.map(async (name) => ({ path: `articles/${name}`, content: await readFile(join(articleDir, name), 'utf8') })),
  );
  const read = (name: string) => readFile(join(dir, name), 'utf8');
  const answerDir = join(dir, 'answers');
  const answerNames = existsSync(answerDir) ? (await readdir(answerDir)).filter((name) => name.endsWith('.yaml')).sort() : [];
  const answers = await Promise.all(
    answerNames.map(async (name) => ({ path: `answers/${name}`, content: await readFile(join(answerDir, name), 'utf8') })),
  );
  const optional = (name: string) => (existsSync(join(dir, name)) ? read(name) : Promise.resolve(undefined));
  const [contacts, regions, synonyms, vocabulary, stances, nextSteps] = await Promise.all([
    read('contacts.yaml'), read('regions.yaml'), read('synonyms.yaml'), read('vocabulary.yaml'), read('stances.yaml'), optional('next-steps.yaml'),
  ]);
  return { articles, contacts, regions, synonyms, vocabulary, answers, stances, nextSteps };
}

export async function loadKnowledgeFromDir(dir: string): Promise<KnowledgeBundle> {
  return parseKnowledge(await readKnowledgeFiles(dir));
}
