// The understanding of a turn: question kind and act, the situation model across turns, and
// danger told through circumstances. Sentences here are invented for the tests; none is taken
// from the dialogue evaluation sets.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/assistant/understanding/question.ts';
import { updateSituation } from '../../src/assistant/understanding/situation.ts';
import { understand } from '../../src/assistant/understanding/index.ts';
import type { ConversationContext } from '../../src/assistant/types.ts';

/** Runs messages through understand(), carrying the situation (and the emergency turns) like respond does. */
function dangerOver(...texts: string[]) {
  let context: ConversationContext = {};
  return texts.map((text) => {
    const u = understand(text, context);
    context = { ...context, situation: u.situation };
    if (u.danger.level === 'acute' && !u.danger.carried) context.acuteTurns = 3;
    else if (u.danger.carried && context.acuteTurns) context.acuteTurns -= 1;
    return u.danger;
  });
}

describe('question', () => {
  it('reads the kind of question and its act from the question sentence at the end of a long case', () => {
    const q = readQuestion('Seit Wochen kommt ein Mädchen hungrig in die Gruppe. Die Mutter wirkt erschöpft. Heute hatte sie wieder kein Frühstück dabei. Soll ich die Mutter darauf ansprechen?');
    expect(q).toMatchObject({ kind: 'should', yesNo: true, asks: true });
    expect(q.asked).toContain('talk-parents');
    expect(q.focus).toMatch(/^soll ich die mutter/);
  });

  it('tells may, must, who, what-next and meaning apart', () => {
    expect(readQuestion('Darf ich Fotos von den Verletzungen machen?')).toMatchObject({ kind: 'may', yesNo: true, asked: ['secure-evidence'] });
    expect(readQuestion('Muss ich das dokumentieren?')).toMatchObject({ kind: 'must', asked: ['document'] });
    expect(readQuestion('An wen wende ich mich am Wochenende?').kind).toBe('who');
    expect(readQuestion('Was passiert dann mit dem Kind?').kind).toBe('what-next');
    expect(readQuestion('Was bedeutet Inobhutnahme?').kind).toBe('meaning');
  });

  it('keeps one reading: withholding the child over handing it over, informing without consent over talking to the parents', () => {
    expect(readQuestion('Darf ich ihn nicht mitgeben?').asked).toEqual(['withhold-child']);
    const q = readQuestion('Darf ich das Jugendamt anrufen, ohne die Eltern zu fragen?');
    expect(q.asked).toContain('share-without-consent');
    expect(q.asked).not.toContain('talk-parents');
  });

  it('lets a bare question point back at what was told', () => {
    expect(readQuestion('Ich schlafe seit dem Fall schlecht und muss ständig daran denken. Ist das normal?').asked).toContain('self-care');
  });
});

describe('situation', () => {
  it('keeps the case across turns and takes corrections', () => {
    const first = updateSituation(undefined, 'Ein Junge hat erzählt, dass der Vater ihn mit dem Gürtel schlägt.', []);
    expect(first).toMatchObject({ concerns: ['physical'], about: 'parent' });
    const corrected = updateSituation(first, 'nein, nicht der Vater – der neue Freund der Mutter', []);
    expect(corrected).toMatchObject({ about: 'partner', concerns: ['physical'] });
    const asked = updateSituation(corrected, 'Muss ich das melden?', ['inform-jugendamt']);
    expect(asked.acts).toEqual(['inform-jugendamt']);
    expect(updateSituation(asked, 'und wenn die Mutter dagegen ist?', []).acts).toEqual(['inform-jugendamt']);
  });

  it('takes the time of the event, not the asker\'s own "jetzt"', () => {
    expect(updateSituation(undefined, 'Letzte Woche hat ein Vater beim Abholen randaliert. Wie dokumentiere ich das jetzt?', []).when).toBe('past');
    expect(updateSituation(undefined, 'Der Vater steht gerade vor der Tür.', []).when).toBe('now');
  });

  it('does not take whom the worry is about from a question typed without "?"', () => {
    const staff = updateSituation(undefined, 'Ein Betreuer hat einen Jungen im Zelt angefasst.', []);
    for (const question of ['muss ich die eltern von dem jungen heute noch anrufen', 'können wir die eltern heute noch anrufen', 'dürfen wir die mutter anrufen']) {
      expect(updateSituation(staff, question, []).about, question).toBe('staff');
    }
  });

  it('keeps only categories, never the words of the message', () => {
    const situation = updateSituation(undefined, 'Frau Beispiel sagt, ihr Kind Lotta ist 4 Jahre alt und wird vom Onkel geschlagen.', []);
    expect(JSON.stringify(situation)).not.toMatch(/Beispiel|Lotta|Onkel/i);
  });
});

describe('danger by circumstance', () => {
  it('is acute when a person who cannot keep the child safe is about to take it, also across two messages', () => {
    expect(understand('Die Mutter riecht stark nach Alkohol und will die Kleine jetzt mit dem Auto abholen.', {}).danger.level).toBe('acute');
    const [first, second] = dangerOver('Der Vater lallt und schwankt im Flur.', 'Er will den Jungen jetzt mitnehmen.');
    expect(first.level).not.toBe('acute');
    expect(second).toMatchObject({ level: 'acute', signals: expect.arrayContaining(['unfit_carer_taking_child']) });
  });

  it('is acute when a child in foster care or protective custody is being collected', () => {
    expect(understand('Das Kind lebt seit zwei Wochen in einer Pflegefamilie. Jetzt steht die leibliche Mutter am Tor und will es mitnehmen.', {}).danger.level).toBe('acute');
  });

  it('is acute on a hint that a parent wants to die together with the child', () => {
    const danger = understand('Die Mutter sagte beim Abholen leise, sie und der Kleine wären bald zusammen im Himmel besser aufgehoben.', {}).danger;
    expect(danger).toMatchObject({ level: 'acute', suicidal: true });
  });

  it('is urgent when an irreversible harm is planned before a trip', () => {
    expect(understand('Die Familie fliegt in den Ferien nach Somalia, dort soll das Mädchen beschnitten werden.', {}).danger.level).toBe('urgent');
  });

  it('finds the circumstance rules of a carer at the end, punishment tonight, a child not seen and a missed dose', () => {
    const signals = (text: string) => understand(text, {}).danger.signals;
    expect(signals('Die Pflegemutter schreibt, sie hält das alles nicht mehr aus, der Kleine (10 Monate) ist bei ihr.')).toContain('carer_breakdown_with_child');
    expect(signals('Das Mädchen (8) sagt, heute Abend gibt es zu Hause Schläge wegen des Zeugnisses.')).toContain('punishment_expected_tonight');
    expect(signals('Der Schüler fehlt seit vier Tagen, bei der Familie macht niemand auf.')).toContain('child_not_seen');
    expect(understand('Der Vater gibt dem Kind das Antiepileptikum seit Tagen nicht.', {}).danger.level).toBe('urgent');
    expect(signals('Ein Junge (2) wurde heute eingeliefert, der Tox-Screen ist positiv auf Benzodiazepine.')).toContain('small_child_intoxicated');
    expect(understand('Ein Säugling, 3 Monate, hat seit heute ein Hämatom an der Wange.', {}).danger.signals).toContain('infant_injury_seen');
    expect(signals('Vor einem Jahr sagte eine Mutter, sie könne nicht mehr. Wie spricht man so etwas an?')).not.toContain('carer_breakdown_with_child');
  });

  it('is not acute for violence in play or a story, a colleague’s conduct told at work, or self-harm with suicide denied', () => {
    expect(understand('Im Rollenspiel schlägt Mia (5) die Puppe mit dem Gürtel und ruft, jetzt gibt es Prügel. Ist das schon eine Gefährdung?', {}).danger.level).not.toBe('acute');
    expect(understand('Ein Schüler (10) hat in einem Aufsatz geschrieben, dass er alle umbringt, mit viel Blut.', {}).danger.level).not.toBe('acute');
    expect(understand('Ein Jugendlicher (15) ritzt sich seit Monaten, er sagt, er will nicht sterben, es hilft ihm nur gegen den Druck.', {}).danger.suicidal).toBe(false);
    // The same words told as happening now stay an emergency.
    expect(understand('Der Vater schlägt den Jungen gerade im Hausflur mit dem Gürtel.', {}).danger.level).toBe('acute');
  });

  it('is not acute for plans, past events or protection already in place', () => {
    expect(understand('Wir schreiben einen Notfallplan Kinderschutz für unsere Kita. Was gehört hinein?', {}).danger.level).not.toBe('acute');
    expect(understand('Vor zwei Jahren wollte ein betrunkener Vater sein Kind abholen. Wie hätten wir reagieren sollen?', {}).danger.level).not.toBe('acute');
    expect(understand('Das Kind mit den Verbrühungen bleibt stationär, das Jugendamt ist informiert. Was dokumentieren wir?', {}).danger.level).not.toBe('acute');
  });

  it('keeps an emergency acute over the next turns and ends it when the child is safe', () => {
    const [first, next, safe] = dangerOver(
      'Die Mutter ist betrunken und will das Baby jetzt im Auto mitnehmen.',
      'Sie sucht schon den Autoschlüssel.',
      'Die Polizei ist jetzt da, das Kind ist in Sicherheit.',
    );
    expect(first.level).toBe('acute');
    expect(next).toMatchObject({ level: 'acute', carried: true });
    expect(safe.level).not.toBe('acute');
  });
});
