// Quality gate: retrieval on the held-out questions (never used for tuning) must keep hit@3 ≥ 0.85.
import { describe, expect, it } from 'vitest';
import { loadSearchCorpus } from './knowledge.ts';
import { evaluate, readQuestions } from './evaluate.ts';
import { buildSearchIndex, loadSearchEngine } from '../../src/search/index.ts';

const corpus = await loadSearchCorpus();
const questions = readQuestions();

describe('retrieval quality on the labelled question set', () => {
  it('has a usable question set covering every article at least three times', () => {
    expect(questions.filter((q) => q.split !== 'negative').length).toBeGreaterThanOrEqual(220);
    const counts = new Map<string, number>();
    for (const q of questions) for (const id of q.articles) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const id of corpus.articleIds) expect(counts.get(id) ?? 0, id).toBeGreaterThanOrEqual(3);
  });

  const engine = loadSearchEngine(JSON.parse(JSON.stringify(buildSearchIndex(corpus.passages, corpus.synonyms))), corpus.passages, corpus.synonyms);

  it('finds a right article in the top 3 for at least 85 % of held-out questions', () => {
    const report = evaluate(engine, questions, { available: new Set(corpus.articleIds) });
    expect(report.heldout.n).toBeGreaterThan(0);
    expect(report.heldout.hit3).toBeGreaterThanOrEqual(0.85);
  });

  // Service thresholds: answer at ≥ 0.25, "not sure" below 0.4.
  it('is unsure about off-topic and vague questions', () => {
    const report = evaluate(engine, questions, { available: new Set(corpus.articleIds) });
    const { offtopic, vague } = report.negative;
    expect(offtopic.length + vague.length).toBeGreaterThanOrEqual(40);
    const passing = (values: number[], t: number) => values.filter((v) => v >= t).length / values.length;
    expect(passing(offtopic, 0.4)).toBeLessThanOrEqual(0.1);
    expect(passing(vague, 0.4)).toBeLessThanOrEqual(0.15);
    expect(passing([...offtopic, ...vague], 0.25)).toBeLessThanOrEqual(0.25);
    expect(passing(report.confidences.correct, 0.4)).toBeGreaterThanOrEqual(0.8);
  });

  it('stays confident for short specific questions', () => {
    for (const query of ['Was heißt ASD?', 'InsoFa', '§ 4 KKG', 'Inobhutnahme', 'Führungszeugnis', '§ 8a']) {
      expect(engine.search(query).confidence, query).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('answers a bare law citation with the article about that norm', () => {
    expect(engine.search('Was heißt § 4 KKG genau?').hits[0]?.passage.id).toBe('paragraf-4-kkg#kurz');
    expect(engine.search('Was bedeutet § 8a?').hits[0]?.passage.articleId).toBe('schutzauftrag-8a');
  });
});
