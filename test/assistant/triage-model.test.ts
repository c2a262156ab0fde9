// The learned second opinion of triage: weights load, scores are deterministic, it only adds a
// signal (never lowers the rules, never makes acute by itself), and dampeners keep it quiet.
import { describe, expect, it } from 'vitest';
import { MODEL_SIGNAL, ruleTriage, triage } from '../../src/assistant/triage.ts';
import { acuteProbability, MODEL_THRESHOLD } from '../../src/assistant/safety/triage-model.ts';
import { extractFeatures, FEATURE_DIM, stem } from '../../src/assistant/safety/triage-features.ts';

describe('triage model: features', () => {
  it('hashes into the fixed space and is deterministic', () => {
    const a = extractFeatures('Der Vater schlägt gerade das Kind.');
    const b = extractFeatures('Der Vater schlägt gerade das Kind.');
    expect(a).toEqual(b);
    expect(a.index.every((i) => i >= 0 && i < FEATURE_DIM)).toBe(true);
  });

  it('folds spelling and strips light suffixes', () => {
    expect(extractFeatures('schlaegt').index).toEqual(extractFeatures('schlägt').index);
    expect(stem('geschlagen')).toBe(stem('schlagen'));
  });
});

describe('triage model: scores', () => {
  it('has trained weights and a threshold between 0 and 1', () => {
    expect(MODEL_THRESHOLD).toBeGreaterThan(0);
    expect(MODEL_THRESHOLD).toBeLessThan(1);
    expect(acuteProbability('Hallo')).not.toBe(acuteProbability('Das Baby atmet nicht mehr, es ist ganz blau.'));
  });

  it('scores a present danger higher than the same topic asked as a question', () => {
    const report = acuteProbability('der kleine (3) liegt grad auf dem boden und zuckt, mama ist nicht da');
    const question = acuteProbability('Was ist ein Fieberkrampf bei Kleinkindern?');
    expect(report).toBeGreaterThan(question);
  });
});

describe('triage model: combination with the rules', () => {
  const samples = [
    'Der Vater schlägt gerade das Kind.',
    'Woran erkenne ich sexuellen Missbrauch?',
    'Der Fall ist abgeschlossen, das Kind lebt jetzt in einer Pflegefamilie.',
    'Wir planen eine Fortbildung zu häuslicher Gewalt.',
    'Ein Kind kommt seit Wochen ohne Frühstück in die Kita.',
    'mein nachbarsjunge (10) schreibt papa is voll bsoffen und schmeisst mit stühlen, er hat angst',
  ];

  it('never lowers the level the rules found and never sets acute or suicidal by itself', () => {
    const order = { none: 0, concern: 1, acute: 2 } as const;
    for (const text of samples) {
      const rules = ruleTriage(text);
      const combined = triage(text);
      expect(order[combined.level]).toBeGreaterThanOrEqual(order[rules.level]);
      if (rules.level !== 'acute') expect(combined.level).not.toBe('acute');
      expect(combined.suicidal).toBe(rules.suicidal);
    }
  });

  it('stays quiet on topic questions, training talk and closed cases', () => {
    for (const text of samples.slice(1, 4)) expect(triage(text).signals).not.toContain(MODEL_SIGNAL);
  });

  it('adds the model signal to an unseen acute wording the rules miss', () => {
    // Written after training, not in the labelled set.
    const text = 'busfahrerin: ne kleine (5) sitzt bei mir hinten und weint, sagt der freund von mama hat sie heute früh mit dem kabel gehauen und holt sie gleich an der haltestelle ab';
    const r = triage(text);
    expect(r.level === 'acute' || r.signals.includes(MODEL_SIGNAL)).toBe(true);
  });

  it('reads a locked door as locked in, not as a closed case', () => {
    expect(ruleTriage('Der Vater hat gerade die Wohnungstür abgeschlossen und brüllt die Kinder an.').closed).toBe(false);
    expect(ruleTriage('Der Fall ist abgeschlossen.').closed).toBe(true);
  });
});
