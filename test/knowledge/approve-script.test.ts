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
    expect(lines[0]).toBe(`Redaktioneller Stand am ${germanDate(germanToday())}: 3 Artikel – 1 freigegeben, 1 seit der Freigabe geändert, 1 Entwurf; 0 mit überfälliger Überprüfung; 0 mit offenen Fragen`);
    expect(lines[2].split(/\s{2,}/)).toEqual(['Artikel', 'Zustand', 'freigegeben von', 'am', 'Überprüfung bis', 'seit Freigabe geändert', 'offene Fragen']);
    const row = (id: string) => lines.find((l) => l.startsWith(`${id} `))!.split(/\s{2,}/);
    const today = germanDate(germanToday());
    expect(row('fixture-gartenzaun')).toEqual(['fixture-gartenzaun', 'freigegeben', 'Erika Beispiel (Fachberatung Kinderschutz (Test))', today, '24.11.2099', 'nein', '0']);
    expect(row('fixture-regentonne')).toEqual(['fixture-regentonne', 'seit der Freigabe geändert', 'Erika Beispiel (Fachberatung Kinderschutz (Test))', today, '24.11.2099', 'ja', '0']);
    expect(row('fixture-kaputt')).toEqual(['fixture-kaputt', 'Entwurf', '–', '–', '24.11.2099', '–', '0']);
  });
});

// What the Lotse says from an article is more than its Markdown: the short answers and typical
// questions of answers/<id>.yaml, the stances on its sections and its next steps. The approval
// covers them all. Invented companions for the fixture article, in the real files' shape.
const SECTION = 'Wie viele Zaunlatten hat ein Gartenzaun im Testland?';
const SECTION_ID = 'fixture-gartenzaun#wie-viele-zaunlatten-hat-ein-gartenzaun-im-testland';
const ANSWERS = `# Erfundene Antworten zum Testartikel.
article: fixture-gartenzaun
concerns: [general]
sections:
  - section: "${SECTION}"
    kinds: [meaning]
    acts: [document]
    questions:
      - "Wie viele Latten hat ein Zaun im Testland?"
    short: "Dreizehn Zaunlatten aus hellem Holz."
`;
const STANCES = `- acts: [document]
  kinds: [may]
  answer: "Ja. Zählen Sie die Zaunlatten ruhig nach – es sind dreizehn."
  section: "${SECTION_ID}"
- acts: [document]
  kinds: [must]
  answer: "Nein. Eine Regentonne muss niemand zählen."
  section: "fixture-regentonne#wie-viel-regenwasser-fasst-eine-regentonne-im-testland"
`;
const NEXT_STEPS = `- id: zaun-nachzaehlen
  text: "Zählen Sie die Zaunlatten noch heute nach."
  article: fixture-gartenzaun
- id: tonne-leeren
  text: "Leeren Sie die Regentonne vor dem Frost."
  article: fixture-regentonne
`;

describe('the approval covers the answers, stances and next steps of the article', () => {
  const statusRow = (id: string) => {
    const run = k.run('knowledge-status.ts');
    expect(run.code, run.stderr).toBe(0);
    return run.stdout.split('\n').find((l) => l.startsWith(`${id} `))!.split(/\s{2,}/);
  };
  const approveAgain = () => expect(k.run('knowledge-approve.ts', 'fixture-gartenzaun', '--by', BY).code).toBe(0);
  beforeEach(async () => {
    k.writeFile('answers/fixture-gartenzaun.yaml', ANSWERS);
    k.writeFile('stances.yaml', STANCES);
    k.writeFile('next-steps.yaml', NEXT_STEPS);
    // The section ids the invented companions name exist (the fixture files are consistent).
    const kb = await loadKnowledgeFromDir(k.dir);
    expect(kb.stances.map((s) => s.section)).toEqual([SECTION_ID, 'fixture-regentonne#wie-viel-regenwasser-fasst-eine-regentonne-im-testland']);
    approveAgain();
    expect((await stateOf('fixture-gartenzaun')).status).toBe('approved');
  });

  it('a changed stance text puts the article to "changed since approval", and knowledge:status shows it', async () => {
    k.writeFile('stances.yaml', STANCES.replace('es sind dreizehn', 'es sind vierzehn'));
    expect((await stateOf('fixture-gartenzaun')).status).toBe('changed');
    expect(k.read('fixture-gartenzaun')).toContain('status: approved'); // the article file itself is unchanged
    expect(statusRow('fixture-gartenzaun').slice(1, 2).concat(statusRow('fixture-gartenzaun').slice(5, 6))).toEqual(['seit der Freigabe geändert', 'ja']);
    approveAgain();
    expect(statusRow('fixture-gartenzaun')[1]).toBe('freigegeben');
  });

  it('so do a changed short answer, typical question, stance condition, next step, and a stance removed', async () => {
    const changes: Array<[string, string]> = [
      ['answers/fixture-gartenzaun.yaml', ANSWERS.replace('Dreizehn Zaunlatten', 'Zwölf Zaunlatten')],
      ['answers/fixture-gartenzaun.yaml', ANSWERS.replace('Wie viele Latten hat ein Zaun', 'Wie viele Bretter hat ein Zaun')],
      ['stances.yaml', STANCES.replace('kinds: [may]', 'kinds: [may, should]')],
      ['stances.yaml', STANCES.split('- acts:').slice(2).map((e) => `- acts:${e}`).join('')],
      ['next-steps.yaml', NEXT_STEPS.replace('noch heute', 'morgen')],
    ];
    for (const [file, content] of changes) {
      const before = k.readFile(file);
      k.writeFile(file, content);
      expect((await stateOf('fixture-gartenzaun')).status, `${file}: ${content}`).toBe('changed');
      k.writeFile(file, before);
      expect((await stateOf('fixture-gartenzaun')).status).toBe('approved'); // back to the approved content
    }
  });

  it('another article\'s stance or next step and mere YAML formatting leave the approval standing', async () => {
    k.writeFile('stances.yaml', STANCES.replace('Eine Regentonne muss niemand zählen', 'Eine Regentonne zählt niemand'));
    k.writeFile('next-steps.yaml', `# Kommentar\n${NEXT_STEPS.replace('vor dem Frost', 'im Herbst')}`);
    k.writeFile('answers/fixture-gartenzaun.yaml', ANSWERS.replace('kinds: [meaning]', 'kinds:\n      - meaning').replace('"Wie viele Latten hat ein Zaun im Testland?"', "'Wie viele Latten hat ein Zaun im Testland?'"));
    expect((await stateOf('fixture-gartenzaun')).status).toBe('approved');
    expect(statusRow('fixture-gartenzaun')[5]).toBe('nein');
  });
});

describe('open gap questions', () => {
  const QUESTION = 'Gilt die Zahl der Zaunlatten auch nach der Gartenordnung 2027 noch?';
  const withQuestion = (content: string) => content.replace('status: draft', `open_questions:\n  - "${QUESTION}"\nstatus: draft`);

  it('knowledge:status counts and lists them; knowledge:approve refuses until they are settled', () => {
    k.write('fixture-gartenzaun', withQuestion(k.read('fixture-gartenzaun')));
    const status = k.run('knowledge-status.ts');
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('; 1 mit offenen Fragen');
    expect(status.stdout.split('\n').find((l) => l.startsWith('fixture-gartenzaun '))!.split(/\s{2,}/).at(-1)).toBe('1');
    expect(status.stdout).toContain(`fixture-gartenzaun:\n  – ${QUESTION}`);

    const before = k.read('fixture-gartenzaun');
    const refused = k.run('knowledge-approve.ts', 'fixture-gartenzaun', '--by', BY);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('hat 1 offene Frage(n) (open_questions)');
    expect(refused.stderr).toContain(QUESTION);
    expect(k.read('fixture-gartenzaun')).toBe(before);
  });

  it('a gap question added after the approval makes the article "changed since approval"', async () => {
    expect(k.run('knowledge-approve.ts', 'fixture-gartenzaun', '--by', BY).code).toBe(0);
    k.write('fixture-gartenzaun', k.read('fixture-gartenzaun').replace('status: approved', `open_questions:\n  - "${QUESTION}"\nstatus: approved`));
    expect((await stateOf('fixture-gartenzaun')).status).toBe('changed');
  });
});
