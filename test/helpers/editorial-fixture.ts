// A temporary knowledge folder for the tests of the editorial approval: the invented articles of
// test/knowledge/fixtures/editorial with the real contacts, regions, synonyms and any other
// top-level YAML file of knowledge/. Tests approve and edit only this copy, never knowledge/.
// Files that point into the real articles cannot come along: they start empty (answers/ is left out).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

export const ROOT = resolve(import.meta.dirname, '../..');
const FIXTURE = join(ROOT, 'test/knowledge/fixtures/editorial/articles');
/** Top-level knowledge files that name sections of the real articles, with their empty form. */
const POINTS_INTO_ARTICLES: Record<string, string> = { 'stances.yaml': '[]\n', 'next-steps.yaml': '[]\n' };

export type FixtureKnowledge = {
  dir: string;
  path(id: string): string;
  read(id: string): string;
  write(id: string, content: string): void;
  /** Writes any other file of the folder, e.g. stances.yaml or answers/<id>.yaml. */
  writeFile(relativePath: string, content: string): void;
  readFile(relativePath: string): string;
  /** Runs a script of scripts/ (e.g. knowledge-approve.ts) against this folder. */
  run(script: string, ...args: string[]): { code: number; stdout: string; stderr: string };
  remove(): void;
};

export function fixtureKnowledge(): FixtureKnowledge {
  const dir = mkdtempSync(join(tmpdir(), 'lotse-knowledge-'));
  for (const name of readdirSync(join(ROOT, 'knowledge'))) {
    if (!name.endsWith('.yaml')) continue;
    if (name in POINTS_INTO_ARTICLES) writeFileSync(join(dir, name), POINTS_INTO_ARTICLES[name]);
    else copyFileSync(join(ROOT, 'knowledge', name), join(dir, name));
  }
  mkdirSync(join(dir, 'articles'));
  for (const name of readdirSync(FIXTURE)) copyFileSync(join(FIXTURE, name), join(dir, 'articles', name));
  const path = (id: string) => join(dir, 'articles', `${id}.md`);
  return {
    dir,
    path,
    read: (id) => readFileSync(path(id), 'utf8'),
    write: (id, content) => writeFileSync(path(id), content),
    writeFile(relativePath, content) {
      mkdirSync(dirname(join(dir, relativePath)), { recursive: true });
      writeFileSync(join(dir, relativePath), content);
    },
    readFile: (relativePath) => readFileSync(join(dir, relativePath), 'utf8'),
    run(script, ...args) {
      const result = spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args, '--dir', dir], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KNOWLEDGE_DIR: '' } });
      return { code: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
