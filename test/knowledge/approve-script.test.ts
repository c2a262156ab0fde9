import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { germanDate } from '../../src/assistant/text.ts';
import { germanToday } from '../../src/knowledge/editorial.ts';
import { loadKnowledgeFromDir } from '../../src/knowledge/load.ts';
import { fixtureKnowledge, ROOT, type FixtureKnowledge } from '../helpers/editorial-fixture.ts';

// npm run knowledge:approve and knowledge:status, run as scripts against a temporary copy of the
// invented fixture articles — never against knowledge/.

// knowledge/ itself is the same after every test of this file as before the first.
const snapshot = () => readdirSync(join(ROOT, 'knowledge/articles')).map((name) => readFileSync(join(ROOT, 'knowledge/articles', name), 'utf8'));
const untouched = snapshot();
afterAll(() => {
  expect(snapshot()).toEqual(untouched);
});

let k: FixtureKnowledge;
beforeEach(() => {
  k = fixtureKnowledge();
});
afterEach(() => k.remove());

const BY = 'Erika Beispiel, Fachberatung Kinderschutz (Test)';
const stateOf = async (id: string) => (await loadKnowledgeFromDir(k.dir)).articles.find((a) => a.id === id)!;

describe('npm run knowledge:approve', () => {
  it('records who approved, in which function, today, and the hash of the content', async () => {
    const before = k.read('fixture-gartenzaun');
    const run = k.run('knowledge-approve.ts', 'fixture-gartenzaun', '--by', BY);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Freigegeben: fixture-gartenzaun – „Der Gartenzaun im Testland“ von Erika Beispiel (Fachberatung Kinderschutz (Test)) am ${germanDate(germanToday())}`);
    const article = await stateOf('fixture-gartenzaun');
    expect(article.status).toBe('approved');
    expect(article.approval).toEqual({ name: 'Erika Beispiel', function: 'Fachberatung Kinderschutz (Test)', date: germanToday(), sha256: article.contentHash });
    // Only the state lines changed.
    const after = k.read('fixture-gartenzaun');
    expect(after.replace(/^status:.*\n/m, '').replace(/^approval:\n(?: {2}.*\n)+/m, '')).toBe(before.replace(/^status:.*\n/m, ''));
  });

  it('a later change of the text makes the article "changed since approval" until it is approved again', async () => {
    expect(k.run('knowledge-approve.ts', 'fixture-gartenzaun', '--by', BY).code).toBe(0);
    k.write('fixture-gartenzaun', k.read('fixture-gartenzaun').replace('dreizehn Zaunlatten aus', 'vierzehn Zaunlatten aus').replace('stand: 2026-11-24', 'stand: 2026-11-30'));
    expect((await stateOf('fixture-gartenzaun')).status).toBe('changed');
    expect(k.read('fixture-gartenzaun')).toContain('status: approved'); // no manual step: the hash decides

    const again = k.run('knowledge-approve.ts', 'fixture-gartenzaun', '--by', 'Max Probe, Justiziariat (Test)');
    expect(again.code).toBe(0);
    const article = await stateOf('fixture-gartenzaun');
    expect(article.status).toBe('approved');
    expect(article.approval?.name).toBe('Max Probe');
  });

  it('refuses an article that fails knowledge:check and leaves the file as it was', () => {
    const before = k.read('fixture-kaputt');
    const run = k.run('knowledge-approve.ts', 'fixture-kaputt', '--by', BY);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Nicht freigegeben: articles/fixture-kaputt.md besteht knowledge:check nicht.');
    expect(run.stderr).toContain('Link auf unbekannten Artikel "gibt-es-nicht"');
    expect(k.read('fixture-kaputt')).toBe(before);
  });

  it('refuses an article whose review date has come, an unknown article, and a call without name and function', () => {
    k.write('fixture-regentonne', k.read('fixture-regentonne').replace('stand: 2026-11-24', 'stand: 2000-01-01').replace('review_due: 2099-11-24', 'review_due: 2000-06-01'));
    const overdue = k.run('knowledge-approve.ts', 'fixture-regentonne', '--by', BY);
    expect(overdue.code).toBe(1);
    expect(overdue.stderr).toContain('review_due (2000-06-01) ist erreicht');
    expect(k.read('fixture-regentonne')).toContain('status: draft');

    const unknown = k.run('knowledge-approve.ts', 'gibt-es-nicht', '--by', BY);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('einen Artikel "gibt-es-nicht" gibt es');

    for (const args of [['fixture-gartenzaun'], ['fixture-gartenzaun', '--by', 'Erika Beispiel'], ['--by', BY]]) {
      const wrong = k.run('knowledge-approve.ts', ...args);
      expect(wrong.code, args.join(' ')).toBe(2);
      expect(wrong.stderr).toContain('Aufruf: npm run knowledge:approve -- <artikel-id> --by "<Name>, <Funktion>"');
    }
    expect(k.read('fixture-gartenzaun')).toContain('status: draft');
  });
});

describe('npm run knowledge:status', () => {
  it('prints one table: state, approver, date, review due, changed since approval', () => {
    expect(k.run('knowledge-approve.ts', 'fixture-gartenzaun', '--by', BY).code).toBe(0);
    expect(k.run('knowledge-approve.ts', 'fixture-regentonne', '--by', BY).code).toBe(0);
    k.write('fixture-regentonne', k.read('fixture-regentonne').replace('zweihundert Liter Regenwasser. Sie', 'dreihundert Liter Regenwasser. Sie'));

    const run = k.run('knowledge-status.ts');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(`Redaktioneller Stand am ${germanDate(germanToday())}: 3 Artikel – 1 freigegeben, 1 seit der Freigabe geändert, 1 Entwurf; 0 mit überfälliger Überprüfung`);
    expect(lines[2].split(/\s{2,}/)).toEqual(['Artikel', 'Zustand', 'freigegeben von', 'am', 'Überprüfung bis', 'seit Freigabe geändert']);
    const row = (id: string) => lines.find((l) => l.startsWith(`${id} `))!.split(/\s{2,}/);
    const today = germanDate(germanToday());
    expect(row('fixture-gartenzaun')).toEqual(['fixture-gartenzaun', 'freigegeben', 'Erika Beispiel (Fachberatung Kinderschutz (Test))', today, '24.11.2099', 'nein']);
    expect(row('fixture-regentonne')).toEqual(['fixture-regentonne', 'seit der Freigabe geändert', 'Erika Beispiel (Fachberatung Kinderschutz (Test))', today, '24.11.2099', 'ja']);
    expect(row('fixture-kaputt')).toEqual(['fixture-kaputt', 'Entwurf', '–', '–', '24.11.2099', '–']);
  });
});
