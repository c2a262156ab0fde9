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

  it('finds a right article in the top 3 for at least 85 % of held-out questions', () => {
    const engine = loadSearchEngine(JSON.parse(JSON.stringify(buildSearchIndex(corpus.passages, corpus.synonyms))), corpus.passages, corpus.synonyms);
    const report = evaluate(engine, questions, { available: new Set(corpus.articleIds) });
    expect(report.heldout.n).toBeGreaterThan(0);
    expect(report.heldout.hit3).toBeGreaterThanOrEqual(0.85);
  });
});
