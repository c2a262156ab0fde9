// Tricky cases for triage: tense and time, negation, topic questions, typos, missing umlauts.
import { describe, expect, it } from 'vitest';
import { triage } from '../../src/assistant/triage.ts';

const level = (text: string) => triage(text).level;

describe('triage: time and tense', () => {
  it('present violence is acute, the same act yesterday or last year is a concern', () => {
    expect(level('Der Vater schlägt gerade das Kind.')).toBe('acute');
    expect(level('Der Vater hat das Kind gestern geschlagen.')).toBe('concern');
    expect(level('Der Vater hat das Kind letztes Jahr geschlagen.')).toBe('concern');
    expect(level('Der Vater schlägt das Kind, wenn es schlechte Noten hat.')).toBe('concern');
  });

  it('a threat for tonight is acute', () => {
    expect(level('Der Vater hat gedroht, ihn heute Abend windelweich zu prügeln.')).toBe('acute');
  });

  it('"just told me" does not make an old event current', () => {
    expect(level('Eine Schülerin hat mir gerade erzählt, dass sie vor zwei Jahren missbraucht wurde.')).toBe('concern');
  });

  it('a past marker in the clause of the act outweighs "jetzt" elsewhere', () => {
    expect(level('Der Vater hat vor einem halben Jahr die Mutter geschlagen, jetzt leben sie getrennt.')).toBe('concern');
  });
});

describe('triage: negation', () => {
  it('negated danger is not acute', () => {
    expect(level('Es gibt keinen Hinweis auf Gewalt, das Kind wirkt aber traurig.')).toBe('concern');
    expect(level('Der Vater schlägt die Kinder nicht, aber er schreit sie an.')).not.toBe('acute');
    expect(level('Das Kind hat keine Angst, nach Hause zu gehen.')).not.toBe('acute');
  });

  it('negation that belongs to the danger itself still counts', () => {
    expect(level('Die Schülerin traut sich heute nicht nach Hause.')).toBe('acute');
    expect(level('Das Baby atmet nicht richtig.')).toBe('acute');
  });
});

describe('triage: questions about a topic', () => {
  it('is none for topic questions, even with violent words', () => {
    expect(level('Woran erkenne ich sexuellen Missbrauch?')).toBe('none');
    expect(level('Was soll ich tun, wenn ein Jugendlicher sagt, er will sich umbringen?')).toBe('none');
    expect(level('Ab welchem Alter dürfen Kinder allein zu Hause bleiben?')).toBe('none');
    expect(triage('Wie erkenne ich Suizidgedanken?').suicidal).toBe(false);
  });

  it('is acute when the question carries a present emergency', () => {
    expect(level('Was soll ich tun? Der Vater schlägt gerade das Kind!')).toBe('acute');
    expect(level('Was muss ich tun, der Stiefvater prügelt jetzt auf den Jungen ein?')).toBe('acute');
  });

  it('training and homework talk is none', () => {
    expect(level('In unserer Fortbildung ging es um Misshandlung. Gibt es Material dazu?')).toBe('none');
  });
});

describe('triage: spelling', () => {
  it('understands missing umlauts, ae/oe/ue and typos', () => {
    expect(level('der vater schlaegt grad die kinder')).toBe('acute');
    expect(level('der vater schlagt grad die kinder')).toBe('acute');
    expect(level('kind kann nich nach hause, papa prügelt sonst')).toBe('acute');
  });
});

describe('triage: suicidal flag', () => {
  it('flags a child\'s suicidal statement as acute and suicidal', () => {
    const r = triage('Meine Schülerin sagt, sie will heute nicht mehr leben.');
    expect(r).toMatchObject({ level: 'acute', suicidal: true });
    expect(r.signals).toContain('suicidal');
  });

  it('flags ongoing self-harm as a concern with the flag, an old statement without it', () => {
    expect(triage('Ein Mädchen ritzt sich seit Monaten.')).toMatchObject({ level: 'concern', suicidal: true });
    expect(triage('Vor zwei Jahren hat er gesagt, er wolle sich umbringen.')).toMatchObject({ level: 'concern', suicidal: false });
  });
});

describe('triage: other acute situations', () => {
  it('recognises small children alone, perpetrator access and medical need', () => {
    expect(level('Zwei Kleinkinder sind seit gestern allein in der Wohnung.')).toBe('acute');
    expect(level('Der Junge ist oft allein zu Hause, er ist 11.')).toBe('concern');
    expect(level('Der Vater, der sie letzte Woche gewürgt hat, wartet draußen vor der Kita.')).toBe('acute');
    expect(level('Das Kind ist bewusstlos.')).toBe('acute');
  });

  it('greetings and thanks are none, placeholders from redaction do not disturb', () => {
    expect(level('Hallo!')).toBe('none');
    expect(level('Danke, das hilft mir.')).toBe('none');
    expect(level('[Name] sagt, ihr Vater schlägt sie gerade.')).toBe('acute');
  });
});
