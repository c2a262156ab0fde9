// Loads passages and synonyms for the search evaluation, tests and bench (Node only).
// Uses the lead's loader when the knowledge base is complete; while articles are still being
// written it parses article by article and skips (and reports) the ones that do not parse yet.
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { loadKnowledgeFromDir } from '../../src/knowledge/load.ts';
import { parseArticle } from '../../src/knowledge/parse.ts';
import { chunkArticle } from '../../src/knowledge/chunk.ts';
import type { Passage } from '../../src/knowledge/types.ts';

export const KNOWLEDGE_DIR = new URL('../../knowledge/', import.meta.url).pathname;

export type SearchCorpus = { passages: Passage[]; synonyms: string[][]; articleIds: string[]; skipped: string[] };

export async function loadSearchCorpus(dir = KNOWLEDGE_DIR): Promise<SearchCorpus> {
  try {
    const bundle = await loadKnowledgeFromDir(dir);
    return { passages: bundle.passages, synonyms: bundle.synonyms, articleIds: bundle.articles.map((a) => a.id), skipped: [] };
  } catch {
    return loadTolerantly(dir);
  }
}

async function loadTolerantly(dir: string): Promise<SearchCorpus> {
  const articleDir = join(dir, 'articles');
  const names = existsSync(articleDir) ? (await readdir(articleDir)).filter((n) => n.endsWith('.md')).sort() : [];
  const passages: Passage[] = [];
  const articleIds: string[] = [];
  const skipped: string[] = [];
  for (const name of names) {
    try {
      const article = parseArticle(`articles/${name}`, await readFile(join(articleDir, name), 'utf8'));
      passages.push(...chunkArticle(article));
      articleIds.push(article.id);
    } catch (error) {
      skipped.push(`${name}: ${(error as Error).message}`);
    }
  }
  return { passages, synonyms: await readSynonyms(dir, skipped), articleIds, skipped };
}

async function readSynonyms(dir: string, skipped: string[]): Promise<string[][]> {
  const file = join(dir, 'synonyms.yaml');
  if (!existsSync(file)) return [];
  try {
    const data: unknown = parseYaml(await readFile(file, 'utf8'));
    if (!Array.isArray(data)) return [];
    return data.filter(Array.isArray).map((group: unknown[]) => group.map(String));
  } catch (error) {
    skipped.push(`synonyms.yaml: ${(error as Error).message}`);
    return [];
  }
}
