import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../src/knowledge/chunk.ts';
import { KnowledgeError, parseArticle, parseKnowledge } from '../../src/knowledge/parse.ts';

const article = (front: Record<string, string>, body = 'Kurzantwort in zwei Sätzen. Noch ein Satz.\n\n## Was tun?\n\nErst beobachten, dann beraten.\n\n## Quellen\n\n- Quelle') => {
  const fields = {
    id: 'test-artikel', title: 'Ein Testartikel', summary: 'Eine Zusammenfassung mit genug Zeichen.',
    audience: '[alle]', tags: '[test]', legal: '["§ 8a SGB VIII"]',
    sources: '\n  - title: Testquelle\n    url: https://example.org/quelle\n    accessed: 2026-11-24',
    stand: '2026-11-24', review_due: '2027-11-24', status: 'draft', ...front,
  };
  return `---\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}`;
};

describe('parseArticle', () => {
  it('reads front matter, lead and headings', () => {
    const parsed = parseArticle('articles/test-artikel.md', article({}));
    expect(parsed.lead).toBe('Kurzantwort in zwei Sätzen. Noch ein Satz.');
    expect(parsed.headings).toEqual(['Was tun?', 'Quellen']);
    expect(parsed.stand).toBe('2026-11-24');
    expect(parsed.status).toBe('draft');
  });

  it('names file, field and problem in one line', () => {
    expect(() => parseArticle('articles/test-artikel.md', article({ status: 'fertig' }))).toThrow(/^articles\/test-artikel\.md: status: /);
    expect(() => parseArticle('articles/test-artikel.md', article({ sources: '[]' }))).toThrow(/sources: mindestens eine Quelle/);
    expect(() => parseArticle('articles/anders.md', article({}))).toThrow(KnowledgeError);
    expect(() => parseArticle('articles/test-artikel.md', 'kein front matter')).toThrow(/Front Matter fehlt/);
  });

  it('rejects an article without a short answer', () => {
    expect(() => parseArticle('articles/test-artikel.md', article({}, '## Nur Abschnitt\n\nText'))).toThrow(/Kurzantwort/);
  });
});

describe('chunkArticle', () => {
  it('makes one passage for the lead and one per answer section, never for Quellen', () => {
    const passages = chunkArticle(parseArticle('articles/test-artikel.md', article({})));
    expect(passages.map((p) => p.id)).toEqual(['test-artikel#kurz', 'test-artikel#was-tun']);
    expect(passages[1]).toMatchObject({ heading: 'Was tun?', text: 'Erst beobachten, dann beraten.', url: '/wissen/test-artikel#was-tun' });
  });
});

describe('parseKnowledge', () => {
  const regions = `regions:\n${['nordwestmecklenburg', 'ludwigslust-parchim', 'rostock-landkreis', 'mecklenburgische-seenplatte', 'vorpommern-ruegen', 'vorpommern-greifswald', 'rostock', 'schwerin'].map((id) => `  - {id: ${id}, name: ${id}, seat: Ort}`).join('\n')}\nplaces:\n  - {name: Wolgast, postcode: "17438", region: vorpommern-greifswald}\n`;
  const contacts = `jugendaemter:\n${['nordwestmecklenburg', 'ludwigslust-parchim', 'rostock-landkreis', 'mecklenburgische-seenplatte', 'vorpommern-ruegen', 'vorpommern-greifswald', 'rostock', 'schwerin'].map((id) => `  - {region: ${id}, name: Jugendamt ${id}, verified: 2026-11-24}`).join('\n')}\nhotlines:\n  - {id: x, name: X, phone: "110", hours: immer, verified: 2026-11-24}\n`;

  const vocabulary = 'kinds:\n  may: "Darf ich …?"\nacts:\n  document: "dokumentieren"\nconcerns:\n  neglect: "Vernachlässigung"\n';
  const answersFor = (yaml: string) => [{ path: 'answers/test-artikel.yaml', content: yaml }];

  it('adds the section answers and the article concerns to the passages', () => {
    const files = { articles: [{ path: 'articles/test-artikel.md', content: article({}) }], contacts, regions, synonyms: '- [Jugendamt, JA]', vocabulary, answers: answersFor(
      'article: test-artikel\nconcerns: [neglect]\nsections:\n  - section: "Was tun?"\n    kinds: [may]\n    acts: [document]\n    questions: ["Was mache ich als Erstes?"]\n    short: "Erst beobachten, dann beraten."\n',
    ) };
    const [lead, section] = parseKnowledge(files).passages;
    expect(lead).toMatchObject({ concerns: ['neglect'] });
    expect(lead!.answers).toBeUndefined();
    expect(section!.answers).toEqual({ kinds: ['may'], acts: ['document'], questions: ['Was mache ich als Erstes?'], short: 'Erst beobachten, dann beraten.' });
  });

  it('rejects answers for unknown headings or with ids outside the vocabulary', () => {
    const base = { articles: [{ path: 'articles/test-artikel.md', content: article({}) }], contacts, regions, synonyms: '- [Jugendamt, JA]', vocabulary };
    const section = (heading: string, acts: string) => `article: test-artikel\nsections:\n  - section: "${heading}"\n    acts: [${acts}]\n    questions: ["Was mache ich als Erstes?"]\n`;
    expect(() => parseKnowledge({ ...base, answers: answersFor(section('Gibt es nicht', 'document')) })).toThrow(/^answers\/test-artikel\.yaml: sections\.0\.section: "Gibt es nicht" ist keine Überschrift/);
    expect(() => parseKnowledge({ ...base, answers: answersFor(section('Was tun?', 'raten')) })).toThrow(/acts: "raten" steht nicht in vocabulary\.yaml/);
  });

  it('rejects duplicate ids and broken YAML with the file name', () => {
    const files = { articles: [{ path: 'articles/test-artikel.md', content: article({}) }], contacts, regions, synonyms: '- [Jugendamt, JA]', vocabulary, answers: [] };
    expect(parseKnowledge(files).passages).toHaveLength(2);
    expect(() => parseKnowledge({ ...files, articles: [...files.articles, { path: 'x/test-artikel.md', content: article({}) }] })).toThrow(/doppelt/);
    expect(() => parseKnowledge({ ...files, synonyms: '- [a' })).toThrow(/^synonyms\.yaml: YAML nicht lesbar/);
    expect(() => parseKnowledge({ ...files, contacts: 'jugendaemter: []\nhotlines: []' })).toThrow(/^contacts\.yaml: jugendaemter/);
  });
});
