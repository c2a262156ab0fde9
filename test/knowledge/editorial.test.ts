import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkKnowledge } from '../../src/knowledge/check.ts';
import {
  CHANGED_LINE, companionsOf, contentHash, DRAFT_LINE, editorialQueue, germanToday, parseApprover, statusLine, withApproval, withEditorialStatus,
} from '../../src/knowledge/editorial.ts';
import { loadKnowledgeFromDir } from '../../src/knowledge/load.ts';
import { parseArticle } from '../../src/knowledge/parse.ts';
import { sha256Hex } from '../../src/knowledge/sha256.ts';
import type { Article, KnowledgeBundle } from '../../src/knowledge/types.ts';
import { fixtureKnowledge, type FixtureKnowledge } from '../helpers/editorial-fixture.ts';

// The editorial state: a draft until a named person approves it; the approval is bound to the
// content by its sha256, so any later change makes the article "changed since approval" at load.

const FILE = 'articles/fixture-gartenzaun.md';
let fixture: FixtureKnowledge;
let original: string;
beforeAll(() => {
  fixture = fixtureKnowledge();
  original = fixture.read('fixture-gartenzaun');
  return () => fixture.remove();
});

const approver = { name: 'Erika Beispiel', function: 'Fachberatung Kinderschutz (Test)', date: '2026-12-01' };
/** The fixture article as approved by the (invented) approver. */
function approved(content = original): string {
  return withApproval(content, { ...approver, sha256: parseArticle(FILE, content).contentHash });
}

describe('sha256', () => {
  it('equals node:crypto for empty, multi-block and non-ASCII text', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'Kindeswohlgefährdung – § 8a SGB VIII 𝄞'.repeat(40)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('content hash', () => {
  const front = { id: 'a', title: 'Titel', tags: ['x', 'y'], review_due: '2027-01-01' };
  it('ignores the editorial state, key order, line endings and surrounding blank lines', () => {
    const hash = contentHash(front, 'Text.\n\n## A\n\nMehr.');
    expect(contentHash({ ...front, status: 'approved', approval: { name: 'X' } }, 'Text.\n\n## A\n\nMehr.')).toBe(hash);
    expect(contentHash({ review_due: '2027-01-01', tags: ['x', 'y'], title: 'Titel', id: 'a' }, '\nText.\r\n\r\n## A\r\n\r\nMehr.\n\n')).toBe(hash);
  });
  it('changes with any word of the body and any other field of the front matter', () => {
    const hash = contentHash(front, 'Text.');
    expect(contentHash(front, 'Text!')).not.toBe(hash);
    expect(contentHash({ ...front, review_due: '2028-01-01' }, 'Text.')).not.toBe(hash);
    expect(contentHash({ ...front, tags: ['y', 'x'] }, 'Text.')).not.toBe(hash);
  });
});

describe('content hash over the companions', () => {
  const front = { id: 'a', title: 'Titel' };
  const stance = { acts: ['document'], kinds: ['may'], answer: 'Ja. Schreiben Sie es auf.', section: 'a#abschnitt' };
  const step = { id: 'aufschreiben', text: 'Schreiben Sie noch heute auf, was Sie gesehen haben.', article: 'a' };
  const answers = { article: 'a', concerns: ['general'], sections: [{ section: 'kurz', kinds: ['how'], acts: [], questions: ['Wie schreibe ich das auf?'], short: 'So und so.' }] };

  it('picks the article\'s own answers, stances (by section) and next steps, in file order', () => {
    const other = { ...stance, section: 'ab#abschnitt' }; // a prefix of the id is not the article
    const second = { ...stance, kinds: ['must'], answer: 'Nein. Müssen nicht.' };
    const picked = companionsOf('a', new Map([['a', answers], ['b', { ...answers, article: 'b' }]]), [stance, other, second], [step, { ...step, id: 'x', article: 'b' }]);
    expect(picked).toEqual({ answers, stances: [stance, second], nextSteps: [step] });
    expect(companionsOf('c', new Map(), [stance], [step])).toEqual({ stances: [], nextSteps: [] });
  });

  it('changes with a short answer, a stance text, the stances\' order or a next step, not with key order', () => {
    const base = { answers, stances: [stance, { ...stance, answer: 'Nein. Anders.' }], nextSteps: [step] };
    const hash = contentHash(front, 'Text.', base);
    expect(contentHash(front, 'Text.')).not.toBe(hash);
    expect(contentHash(front, 'Text.', { ...base, answers: { ...answers, sections: [{ ...answers.sections[0], short: 'Anders.' }] } })).not.toBe(hash);
    expect(contentHash(front, 'Text.', { ...base, stances: [{ ...stance, answer: 'Ja. Schreiben Sie es sofort auf.' }, base.stances[1]] })).not.toBe(hash);
    expect(contentHash(front, 'Text.', { ...base, stances: [...base.stances].reverse() })).not.toBe(hash);
    expect(contentHash(front, 'Text.', { ...base, nextSteps: [{ ...step, text: 'Schreiben Sie morgen auf, was Sie gesehen haben.' }] })).not.toBe(hash);
    const reordered = { section: stance.section, answer: stance.answer, kinds: stance.kinds, acts: stance.acts };
    expect(contentHash(front, 'Text.', { ...base, stances: [reordered, base.stances[1]] })).toBe(hash);
  });
});

describe('editorial state at load', () => {
  it('is draft without an approval', () => {
    const article = parseArticle(FILE, original);
    expect(article).toMatchObject({ status: 'draft', stand: '2026-11-24', reviewDue: '2099-11-24' });
    expect(article.approval).toBeUndefined();
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is approved while the content has the approved hash, whatever the formatting of the state', () => {
    const content = approved();
    expect(content).toContain('status: approved\napproval:\n  name: "Erika Beispiel"\n  function: "Fachberatung Kinderschutz (Test)"\n  date: 2026-12-01\n  sha256: "');
    const article = parseArticle(FILE, content);
    expect(article.status).toBe('approved');
    expect(article.approval).toEqual({ ...approver, sha256: article.contentHash });
    // Quoting and a comment in the front matter are no change of the content.
    expect(parseArticle(FILE, content.replace('legal: []', 'legal: [] # keine Vorschriften').replace('title: Der Gartenzaun im Testland', 'title: "Der Gartenzaun im Testland"')).status).toBe('approved');
  });

  it('becomes "changed" by itself when the text or the front matter changes after the approval', () => {
    const content = approved();
    const body = parseArticle(FILE, content.replace('dreizehn Zaunlatten aus', 'vierzehn Zaunlatten aus'));
    expect(body.status).toBe('changed');
    expect(body.approval?.name).toBe('Erika Beispiel');
    expect(parseArticle(FILE, content.replace('review_due: 2099-11-24', 'review_due: 2100-11-24')).status).toBe('changed');
    // Approving the new text again makes it approved again.
    expect(parseArticle(FILE, approved(content.replace('dreizehn Zaunlatten aus', 'vierzehn Zaunlatten aus'))).status).toBe('approved');
  });

  it('may be set back by hand: status changed keeps the old approval, draft needs it removed', () => {
    expect(parseArticle(FILE, approved().replace('status: approved', 'status: changed')).status).toBe('changed');
    expect(() => parseArticle(FILE, approved().replace('status: approved', 'status: draft'))).toThrow(/approval: bei status: draft nicht erlaubt/);
  });

  it('refuses an approval claimed by hand, and the old fields', () => {
    expect(() => parseArticle(FILE, original.replace('status: draft', 'status: approved'))).toThrow(/^articles\/fixture-gartenzaun\.md: status: "approved" ohne approval-Block/);
    const fake = original.replace('status: draft', 'status: approved\napproval:\n  name: Team\n  function: Entwicklung\n  date: 2026-11-24\n  sha256: "1234"');
    expect(() => parseArticle(FILE, fake)).toThrow(/approval\.sha256: 64 Hexadezimalzeichen/);
    expect(() => parseArticle(FILE, original.replace('stand:', 'reviewed:'))).toThrow(/reviewed: heißt jetzt stand/);
    expect(() => parseArticle(FILE, original.replace('status: draft', 'status: reviewed'))).toThrow(/status: draft, approved oder changed erwartet/);
  });
});

describe('recording an approval in the file', () => {
  it('replaces an earlier approval block and touches nothing else', () => {
    const first = approved();
    const second = withApproval(first, { name: 'Max Probe', function: 'Justiziariat (Test)', date: '2026-12-02', sha256: 'a'.repeat(64) });
    expect(second.match(/^approval:/gm)).toHaveLength(1);
    expect(second.match(/^status:/gm)).toHaveLength(1);
    expect(second).toContain('  name: "Max Probe"');
    expect(second).not.toContain('Erika Beispiel');
    const strip = (text: string) => text.replace(/^status:.*\n/m, '').replace(/^approval:\n(?: {2}.*\n)+/m, '');
    expect(strip(second)).toBe(strip(original));
  });

  it('reads the approver as "Name, Funktion"', () => {
    expect(parseApprover('Dr. Erika Beispiel, Leiterin der Kontaktstelle, DKSB')).toEqual({ name: 'Dr. Erika Beispiel', function: 'Leiterin der Kontaktstelle, DKSB' });
    expect(parseApprover('Erika Beispiel')).toBeUndefined();
    expect(parseApprover(', Fachberatung')).toBeUndefined();
  });
});

describe('what users and staff are told', () => {
  const article = (status: Article['status']) => ({ status });
  it('gives the draft line for drafts, changed articles and unknown ones, nothing once approved', () => {
    expect(statusLine(article('draft'))).toBe('Entwurf – noch nicht von der Kontaktstelle fachlich freigegeben');
    expect(statusLine(article('changed'))).toBe(CHANGED_LINE);
    expect(statusLine(undefined)).toBe(DRAFT_LINE);
    expect(statusLine(article('approved'))).toBeUndefined();
  });

  it('puts the state on every source of a reply', () => {
    const articles = new Map([['a', article('approved')], ['b', article('changed')]]);
    const sources = [{ id: 'a', title: 'A', url: '/wissen/a' }, { id: 'b', title: 'B', url: '/wissen/b' }, { id: 'c', title: 'C', url: '/wissen/c' }];
    expect(withEditorialStatus(sources, articles).map((s) => s.status)).toEqual(['approved', 'changed', 'draft']);
  });

  it('lists for staff what awaits approval or is past its review date', () => {
    const parse = (id: string, content: string) => parseArticle(`articles/${id}.md`, content.replaceAll('fixture-gartenzaun', id));
    const articles = [
      parse('fixture-gartenzaun', approved()),
      parse('fixture-a', original),
      parse('fixture-b', approved().replace('dreizehn Zaunlatten aus', 'vierzehn Zaunlatten aus')),
    ];
    const overdue = parse('fixture-c', original.replace('review_due: 2099-11-24', 'review_due: 2026-11-30'));
    const queue = editorialQueue([...articles, overdue], '2026-12-02');
    expect(queue).toMatchObject({ total: 4, approved: 1, awaitingApproval: 3, overdue: 1 });
    expect(queue.articles.map((r) => [r.id, r.status, r.overdue, r.changedSinceApproval])).toEqual([
      ['fixture-a', 'draft', false, false],
      ['fixture-b', 'changed', false, true],
      ['fixture-c', 'draft', true, false],
    ]);
  });

  it('dates in Germany: shortly after midnight Berlin is already the next day', () => {
    expect(germanToday(Date.parse('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
    expect(germanToday(Date.parse('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});

describe('knowledge:check on the editorial fields', () => {
  let bundle: KnowledgeBundle;
  beforeAll(async () => {
    bundle = await loadKnowledgeFromDir(fixture.dir);
  });
  const findingsFor = (article: Article) => checkKnowledge({ ...bundle, articles: bundle.articles.map((a) => (a.id === article.id ? article : a)) }, '2026-12-02')
    .filter((f) => f.file === FILE);

  it('says when a text changed after its approval, and when its stand was not updated', () => {
    const changed = parseArticle(FILE, approved().replace('dreizehn Zaunlatten aus', 'vierzehn Zaunlatten aus'));
    expect(findingsFor(changed).map((f) => [f.level, f.message])).toEqual([
      ['warning', expect.stringMatching(/^Text seit der Freigabe am 2026-12-01 \(Erika Beispiel\) geändert .*npm run knowledge:approve -- fixture-gartenzaun/)],
      ['warning', 'Text seit der Freigabe geändert, aber stand (2026-11-24) nicht aktualisiert'],
    ]);
    expect(findingsFor(parseArticle(FILE, approved()))).toEqual([]);
  });

  it('refuses an approval dated before the stand', () => {
    const content = original.replace('stand: 2026-11-24', 'stand: 2026-12-24');
    const early = parseArticle(FILE, withApproval(content, { ...approver, sha256: parseArticle(FILE, content).contentHash }));
    expect(findingsFor(early)).toEqual([{ level: 'error', file: FILE, message: 'Freigabe vom 2026-12-01 liegt vor dem Stand 2026-12-24' }]);
  });
});

describe('the bundled knowledge base', () => {
  it('has no approval that the content does not carry: every state is draft, changed or truly approved', async () => {
    const kb = await loadKnowledgeFromDir(join(import.meta.dirname, '../../knowledge'));
    for (const article of kb.articles) {
      if (article.status === 'approved') expect(article.approval?.sha256, article.id).toBe(article.contentHash);
      else expect(statusLine(article), article.id).toBeDefined();
    }
  });
});

afterEach(() => {
  // The fixture folder is only read here; the approve script's tests write their own copy.
  expect(fixture.read('fixture-gartenzaun')).toBe(original);
});
