// The learned second opinion of triage: weights load, scores are deterministic, it only raises
// (concern + signal in the lower band, acute with `model_acute` from the upper threshold), never
// lowers the rules or sets `suicidal`, and dampeners keep it quiet.
import { describe, expect, it } from 'vitest';
import { MODEL_ACUTE_SIGNAL, MODEL_SIGNAL, ruleTriage, triage } from '../../src/assistant/triage.ts';
import { acuteProbability, MODEL_ACUTE_THRESHOLD, MODEL_THRESHOLD } from '../../src/assistant/safety/triage-model.ts';
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
  it('has trained weights and two thresholds between 0 and 1, the acute one above the signal one', () => {
    expect(MODEL_THRESHOLD).toBeGreaterThan(0);
    expect(MODEL_ACUTE_THRESHOLD).toBeGreaterThan(MODEL_THRESHOLD);
    expect(MODEL_ACUTE_THRESHOLD).toBeLessThan(1);
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

  it('never lowers the level the rules found, never sets suicidal, and makes acute only above the upper threshold', () => {
    const order = { none: 0, concern: 1, acute: 2 } as const;
    for (const text of samples) {
      const rules = ruleTriage(text);
      const combined = triage(text);
      expect(order[combined.level]).toBeGreaterThanOrEqual(order[rules.level]);
      if (rules.level !== 'acute' && combined.level === 'acute') {
        expect(combined.signals).toContain(MODEL_ACUTE_SIGNAL);
        expect(acuteProbability(text, rules.signals)).toBeGreaterThanOrEqual(MODEL_ACUTE_THRESHOLD);
      }
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

  // Written by triage4 after training, in wordings the rules have no class for (checked: the rules
  // say none or concern); all came out acute on the first try.
  it('makes an unseen acute wording the rules miss acute, with the signal model_acute', () => {
    const texts = [
      'Schulhort: ein Erstklässler hat sich im Geräteschuppen versteckt, weil sein Onkel ihn gleich holen kommt, er hat rote Striemen am Hals und sagt, der Onkel macht das wieder',
      'Kinderturnen: die Mutter eines Vierjährigen liegt im Umkleideraum am Boden und rührt sich nicht, der Kleine streichelt ihr Gesicht',
      'Musikschule: ein Junge (12) hat mir eben eine Nachricht gezeigt, die er an seine Schwester geschickt hat: "bin gleich bei den Gleisen, sag Mama tschüss"',
      'ich bin Kantinenkraft, ein mädchen (11) isst seit 3 tagen nichts bei uns weil sie sagt sie darf nicht, heute ist sie beim anstehen weggesackt und ist ganz grau im gesicht',
    ];
    for (const text of texts) {
      expect(ruleTriage(text).level).not.toBe('acute');
      expect(triage(text)).toMatchObject({ level: 'acute', signals: expect.arrayContaining([MODEL_ACUTE_SIGNAL]) });
    }
  });

  // Informational messages full of violence words: the model must not push them (it scored all of
  // these far below even the signal threshold). Two more of this kind that the RULES call acute
  // are listed in /work/notes/triage4.md; they are left out here because the lexicon is not
  // part of this change.
  it('leaves informational messages with violence words below both thresholds and not acute', () => {
    const texts = [
      'Wir planen für den Elternabend einen Vortrag über Cybergrooming und sexuelle Gewalt im Netz, gibt es dazu gutes Material für Eltern von Grundschulkindern',
      'Unser Verein hat letztes Jahr ein Schutzkonzept gegen Gewalt und Missbrauch beschlossen, nun sollen alle Übungsleiter eine Schulung zum Erkennen von Misshandlung bekommen.',
      'Die Polizei war heute zur Verkehrserziehung in der Grundschule und hat auch erklärt, was Kinder tun sollen, wenn ein Fremder sie ins Auto locken will.',
      'Wir zeigen beim Präventionstag das Theaterstück "Mein Körper gehört mir", darin geht es um Missbrauch, Schläge und Nein-Sagen.',
    ];
    for (const text of texts) {
      expect(acuteProbability(text, ruleTriage(text).signals)).toBeLessThan(MODEL_THRESHOLD);
      expect(triage(text).level).not.toBe('acute');
      expect(triage(text).signals).not.toContain(MODEL_ACUTE_SIGNAL);
    }
  });

  it('reads a locked door as locked in, not as a closed case', () => {
    expect(ruleTriage('Der Vater hat gerade die Wohnungstür abgeschlossen und brüllt die Kinder an.').closed).toBe(false);
    expect(ruleTriage('Der Fall ist abgeschlossen.').closed).toBe(true);
  });
});
