// Tricky cases for triage: tense and time, negation, topic questions, typos, missing umlauts.
import { describe, expect, it } from 'vitest';
import { ruleTriage, triage } from '../../src/assistant/triage.ts';

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

// Word classes added after the blind2 batch; examples here are not in test/eval/triage.jsonl.
describe('triage: word classes × time (generalised rules)', () => {
  it('medical urgency is acute regardless of time words, unless the clause is past', () => {
    expect(level('Junge liegt reglos im Flur, die Mutter ist nicht da')).toBe('acute');
    expect(level('baby bekommt keine luft mehr')).toBe('acute');
    expect(level('Kind hat Putzmittel getrunken')).toBe('acute');
    expect(level('Der Junge ist beim Sport umgekippt, das war vor drei Wochen, jetzt ist er fit.')).not.toBe('acute');
  });

  it('closed or safe cases do not turn old injuries into an emergency', () => {
    expect(level('Das Mädchen mit den Brandwunden ist seit Monaten in einer Pflegefamilie, es geht ihr gut.')).not.toBe('acute');
  });

  it('suicidal statements in first and third person, coded and with typos', () => {
    for (const text of ['ich bring mich heute um', 'Die Schülerin sagt sie will sich vergiften', 'er will sich umbrigen',
      'Ein 17-Jähriger steht auf der Brücke und antwortet nicht', 'ich mach jetzt schluss, lebt wohl']) {
      expect(triage(text), text).toMatchObject({ level: 'acute', suicidal: true });
    }
    expect(triage('Sie hat vor drei Jahren einen Suizidversuch gemacht, jetzt geht es ihr gut.')).toMatchObject({ level: 'concern', suicidal: false });
    expect(level('Wir machen heute Schluss mit der Sitzung, danke!')).toBe('none');
  });

  it('an act of earlier today counts as current; a present-tense strong act without time is a safety margin', () => {
    expect(level('er hat die kleine vorhin geprügelt')).toBe('acute');
    expect(level('der vater würgt die mutter, die kinder stehen daneben')).toBe('acute');
    expect(level('Er hat gesagt, der Vater prügelt ihn, wenn er zu spät kommt.')).toBe('concern');
    expect(level('Der Vater würgte ihn letztes Jahr, seitdem ist er auffällig.')).toBe('concern');
  });

  it('threats of harm to a child by a caregiver', () => {
    expect(level('die mutter hat gesagt sie tut der kleinen was an wenn sie nicht ruhig ist')).toBe('acute');
  });

  it('weapons with use, intoxication or rage, not a drawn knife in class', () => {
    expect(level('der vater steht mit einer axt im hof, die kinder sind im haus')).toBe('acute');
    expect(level('der Junge hat im Unterricht ein Messer gezeichnet')).not.toBe('acute');
  });

  it('a child alone at a dangerous place, or shut out in the cold', () => {
    expect(level('Kind 3 jahre allein am see')).toBe('acute');
    expect(level('Der Vater sperrt die Tochter seit einer Stunde aus, draußen sind minus 8 Grad.')).toBe('acute');
    expect(level('Die Kinder spielen im Garten am Teich, die Erzieherin ist dabei.')).toBe('none');
  });

  it('perpetrator present by the nature of the verb (at the door, on the way, living there again)', () => {
    expect(level('der Täter wohnt seit gestern wieder bei der Familie, er hat die Tochter missbraucht')).toBe('acute');
    expect(level('Der Ex-Partner klopft gegen die Tür und brüllt, die Kinder verstecken sich im Bad.')).toBe('acute');
    expect(level('Der Stiefvater wohnt wieder bei der Familie, wir wissen nicht, ob er gefährlich ist.')).not.toBe('acute');
  });

  it('a meeting with an online contact soon is acute, a boyfriend at the weekend is not', () => {
    expect(level('Sie trifft sich gleich mit einem Mann aus dem Chat am Bahnhof')).toBe('acute');
    expect(level('Mädchen, 15, hat einen 19-jährigen Freund, sie treffen sich am Wochenende.')).not.toBe('acute');
  });

  it('"jetzt" in the asker\'s own question does not make an old event current', () => {
    expect(level('vorgestern hat die mutter sie geohrfeigt, was mache ich jetzt?')).toBe('concern');
  });
});

// Classes added after the first run of blind3; again with examples outside the eval set.
describe('triage: classes found by the blind3 batch', () => {
  it('a child swallowed medicine or a household chemical; a missed dose is not an emergency', () => {
    expect(level('Der Kleine hat Spülmaschinentabs erwischt und gegessen')).not.toBe('none');
    expect(level('die 3jährige hat eine knopfzelle verschluckt')).toBe('acute');
    // The rule class must not fire on a missed dose. The learned model does call this exact
    // sentence acute (p ≈ 1, signal model_acute): a known false alarm of the model band, kept
    // visible in /work/notes/triage4.md rather than trained away on this very sentence.
    expect(ruleTriage('Sie hat heute ihre Tabletten nicht genommen').level).not.toBe('acute');
  });

  it('extended suicide threats are acute and suicidal', () => {
    expect(triage('Der Vater sagt, er springt mit den Kindern in den Fluss.')).toMatchObject({ level: 'acute', suicidal: true });
  });

  it('sexual exploitation in the present tense is acute', () => {
    expect(level('Die 15-Jährige muss für ihren "Freund" anschaffen gehen.')).toBe('acute');
  });

  it('a child\'s reported cry for help is acute, a colleague asking for a hand is not', () => {
    expect(level('Die Jugendliche schreibt: holt mich hier raus, ich halte es nicht aus')).toBe('acute');
    // The rules see no cry for help; the learned model may still add its signal (concern), never acute.
    expect(ruleTriage('Die Kollegin hat gesagt: hilf mir mal beim Aufräumen').level).toBe('none');
    expect(level('Die Kollegin hat gesagt: hilf mir mal beim Aufräumen')).not.toBe('acute');
  });

  it('a person under a protection order near the child is acute, last week is not', () => {
    expect(level('Der Mann mit Kontaktverbot steht gerade gegenüber der Kita und winkt dem Mädchen.')).toBe('acute');
    expect(level('Ein Vater mit Näherungsverbot stand letzte Woche vor der Kita')).not.toBe('acute');
  });

  it('locked in by someone else or shut out overnight is acute; locking oneself in by play is not', () => {
    expect(level('Der Vater hat die Kinder im Keller eingeschlossen und ist weggefahren.')).toBe('acute');
    expect(level('Die Mutter lässt die Tochter seit Mitternacht nicht mehr rein, sie sitzt im Treppenhaus.')).toBe('acute');
    expect(level('Das Kind hat sich in der Kita eingeschlossen und kam nicht mehr raus, wir haben die Tür geöffnet')).not.toBe('acute');
  });

  it('fresh deliberate burns with a pick-up soon are acute', () => {
    expect(level('Kind hat Brandwunden an den Armen, die Mutter holt es in 30 min ab.')).toBe('acute');
  });

  it('typos in long danger words are corrected, harmless neighbours stay', () => {
    expect(level('kind ist bewustlos')).toBe('acute');
    expect(level('sie wurde vergewaltgt grad eben')).toBe('acute');
    expect(level('Wir haben Geld eingespart.')).toBe('none');
  });
});

describe('triage: a caregiver who does not wake up', () => {
  it('is a medical emergency, a habit of sleeping late is not', () => {
    expect(triage('Ein Kind ruft an: Mama schläft und wacht nicht auf').signals).toContain('medical_emergency');
    expect(triage('Mama liegt seit gestern auf dem Boden und redet nicht').level).toBe('acute');
    expect(triage('Sie wacht morgens nicht auf, weil sie so spät schläft').level).not.toBe('acute');
    expect(triage('Er wacht nachts oft auf und weint').level).not.toBe('acute');
  });
});
