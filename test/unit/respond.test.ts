import { beforeAll, describe, expect, it } from 'vitest';
import { redact } from '../../src/assistant/privacy.ts';
import { respond, type AssistantDeps } from '../../src/assistant/respond.ts';
import { loadAssistantDeps } from '../helpers/assistant-deps.ts';
import { understand } from '../../src/assistant/understanding/index.ts';
import type { ConversationContext } from '../../src/assistant/types.ts';

let deps: AssistantDeps;
beforeAll(async () => {
  deps = await loadAssistantDeps();
});

/** Runs a little conversation through respond(), carrying context like the service does. */
function converse(...texts: string[]) {
  let context: ConversationContext = {};
  let privacyNoticeShown = false;
  return texts.map((raw) => {
    const { text, findings } = redact(raw);
    const result = respond({ text, findings, understood: understand(text, context), context, privacyNoticeShown }, deps);
    context = result.context;
    privacyNoticeShown = result.privacyNoticeShown;
    return result;
  });
}

describe('respond', () => {
  it('answers a knowledge question from passages with sources and Stand', () => {
    const [r] = converse('Was ist eine insoweit erfahrene Fachkraft?');
    expect(r.reply.kind).toBe('answer');
    expect(r.reply.sources[0].id).toBe('insoweit-erfahrene-fachkraft');
    expect(r.reply.text).toMatch(/Stand \d\d\.\d\d\.\d{4}/);
  });

  it('says plainly that a question outside child protection is not its field, without inventing', () => {
    const [r] = converse('Wie backe ich einen Marmorkuchen mit Schokoladenglasur?');
    expect(r.reply.kind).toBe('fallback');
    expect(r.reply.sources).toEqual([]);
    expect(r.reply.text).toMatch(/nur Fragen zum Schutz von Kindern/);
  });

  it('says it has no reliable answer, and offers a person, for a child-protection question it cannot place', () => {
    const [r] = converse('Gibt es für die Kita eine Quizshow über Planeten?');
    expect(r.reply.kind).toBe('fallback');
    expect(r.reply.text).toMatch(/keine verlässliche Antwort/);
    expect(r.reply.actions.some((a) => a.type === 'escalate')).toBe(true);
  });

  it('puts the emergency routes first when triage says acute', () => {
    const [r] = converse('Ein Kind sagt, sein Vater schlägt es gerade zu Hause, es hat große Angst heimzugehen.');
    expect(r.reply.triage.level).toBe('acute');
    expect(r.reply.text.startsWith('**Wenn ein Kind jetzt in Gefahr ist')).toBe(true);
    expect(r.reply.actions.slice(0, 2).map((a) => a.type === 'call' && a.phone)).toEqual(['110', '112']);
  });

  it('asks whether the child is in danger now only where the situation leaves it open, one tap from the emergency answer', () => {
    const [settled] = converse('Ein Kind kommt seit Wochen mit blauen Flecken in die Kita und ist sehr still.');
    expect(settled.reply.triage.level).toBe('concern');
    expect(settled.reply.text).not.toContain('Ist ein Kind jetzt in Gefahr?');
    const [concern] = converse('Gerade zeigt mir ein Junge blaue Flecken am Arm, er will nichts sagen.');
    expect(concern.reply.triage.level).toBe('concern');
    expect(concern.reply.text).toContain('Ist ein Kind jetzt in Gefahr?');
    const tap = concern.reply.actions.find((a) => a.type === 'quick_reply' && /jetzt in Gefahr/.test(a.label));
    expect(tap).toBeDefined();
    const [acute] = converse(tap!.type === 'quick_reply' ? tap!.value : '');
    expect(acute.reply.triage.level).toBe('acute');
    expect(acute.reply.text.startsWith('**Wenn ein Kind jetzt in Gefahr ist')).toBe(true);
  });

  it('does not treat a question about the topic as a declared emergency', () => {
    const [r] = converse('Was ist eine akute Gefahr?');
    expect(r.reply.triage.level).not.toBe('acute');
  });

  it('answers acute danger from the acute-danger article, never with "I do not know", and keeps 110/112 at hand after', () => {
    const [acute, after] = converse('Ein dreijähriges Kind ist seit gestern Abend allein in der Wohnung, die Mutter ist weg.', 'Was mache ich jetzt?');
    expect(acute.reply.triage.level).toBe('acute');
    expect(acute.reply.kind).toBe('answer');
    expect(acute.reply.sources[0].id).toBe('akute-gefahr');
    expect(after.reply.text).toMatch(/weiterhin in Gefahr ist: 110/);
    expect(after.reply.actions.filter((a) => a.type === 'call').map((a) => a.type === 'call' && a.phone)).toEqual(['110', '112']);
  });

  it('leads with 112 and the poison line when the body of a child is in danger', () => {
    const [r] = converse('Ein Jugendlicher hat gerade eine ganze Packung Tabletten geschluckt und ist kaum ansprechbar.');
    expect(r.reply.triage.level).toBe('acute');
    expect(r.reply.text.startsWith('**Bei einem medizinischen Notfall: Rufen Sie sofort die 112')).toBe(true);
    expect(r.reply.text).toContain('Giftnotruf');
    expect(r.reply.actions[0]).toMatchObject({ type: 'call', phone: '112' });
  });

  it('does not ask to rephrase in the middle of an emergency', () => {
    const [, after] = converse('Der Vater schlägt das Kind gerade im Treppenhaus, ich höre es schreien.', 'Die Polizei ist unterwegs.');
    expect(after.reply.kind).not.toBe('fallback');
    expect(after.reply.text).not.toMatch(/anders formulieren/);
  });

  it('gives the first steps, not "please rephrase", to a worry it cannot place', () => {
    const [r] = converse('Mir ist bei einem Jungen aus der Nachbarschaftsgruppe seit einiger Zeit etwas komisch vorgekommen, er zuckt zusammen, wenn man ihn anspricht, und will freitags nie nach Hause.');
    expect(r.reply.triage.level).toBe('concern');
    expect(r.reply.kind).toBe('answer');
    expect(r.reply.text).not.toMatch(/anders formulieren/);
  });

  it('lets a self-contained follow-up stand on its own after a long case description', () => {
    const [, follow] = converse(
      'Bei der Zahnärztin sehe ich ein Kind mit vielen kaputten Milchzähnen, die Eltern kommen seit Jahren nicht zu Terminen und das Kind hat oft Schmerzen.',
      'Ist das schon Vernachlässigung?',
    );
    expect(follow.reply.sources[0]?.id).toBe('vernachlaessigung');
  });

  it('answers a suicidal statement from the article on suicidal crises with the crisis lines', () => {
    const [r] = converse('Eine Schülerin hat mir gerade geschrieben, dass sie sich heute Nacht umbringen will.');
    expect(r.reply.triage.level).toBe('acute');
    expect(r.reply.sources[0].id).toBe('selbstverletzung-und-suizidalitaet');
    expect(r.reply.text).toContain('TelefonSeelsorge');
  });

  it('asks for the role before the guided procedure and then uses its legal basis', () => {
    const [ask] = converse('Was muss ich jetzt tun?');
    const school = ask.reply.actions.find((a) => a.label === 'Schule');
    expect(school?.type).toBe('quick_reply');
    const [, step] = converse('Was muss ich jetzt tun?', school!.type === 'quick_reply' ? school!.value : '');
    expect(step.reply.kind).toBe('navigator');
    expect(step.context.role).toBe('schule');
  });

  it('tells what happens to the data when asked', () => {
    const [r] = converse('Speichert ihr meine Daten?');
    expect(r.reply.text).toMatch(/30 Tage/);
    expect(r.reply.text).toMatch(/\[Name\]/);
  });

  it('hands over when asked briefly for a person', () => {
    expect(converse('Bitte eine Person')[0].reply.kind).toBe('handover');
  });

  it('does not repeat the danger check on every concern answer', () => {
    const [first, second] = converse('Gerade sitzt ein Mädchen mit blauen Flecken bei mir in der Kita.', 'Sie hat jetzt auch Hunger und wirkt verwahrlost.');
    expect(first.reply.text).toContain('Ist ein Kind jetzt in Gefahr?');
    expect(second.reply.text).not.toContain('Ist ein Kind jetzt in Gefahr?');
  });

  it('remembers role and region and answers the Jugendamt question from the directory', () => {
    const [ack, contact] = converse('Ich arbeite in einer Kita in Wolgast', 'Welches Jugendamt ist zuständig?');
    expect(ack.reply.kind).toBe('smalltalk');
    expect(ack.context).toMatchObject({ role: 'kita', region: 'vorpommern-greifswald' });
    expect(contact.reply.text).toContain('Vorpommern-Greifswald');
    expect(contact.reply.sources[0].id).toBe('jugendaemter-in-mv');
  });

  it('asks for the place when the region is unknown', () => {
    const [r] = converse('Welches Jugendamt ist zuständig?');
    expect(r.reply.text).toMatch(/Nennen Sie mir den Ort/);
  });

  it('shows the privacy notice once per conversation', () => {
    const [first, second] = converse('Die Schülerin Mia Beispiel hat blaue Flecken.', 'Ihr Bruder Jonas auch.');
    expect(first.reply.redacted?.types).toContain('name');
    expect(first.reply.text).toContain('Hinweis zum Datenschutz');
    expect(second.reply.text).not.toContain('Hinweis zum Datenschutz');
  });

  it('walks the navigator forward and offers the summary at the end', () => {
    const results = converse('Ich bin Lehrerin', 'Was muss ich jetzt tun?', 'Weiter', 'Weiter', 'Weiter', 'Weiter', 'Weiter');
    const steps = results.slice(1).map((r) => r.reply.kind);
    expect(steps.every((k) => k === 'navigator')).toBe(true);
    const last = results.at(-1)!.reply;
    expect(last.actions.some((a) => a.type === 'download_summary')).toBe(true);
    expect(last.summary).toMatch(/§ 4 Abs\. \d KKG/);
  });

  it('understands a follow-up in the context of the previous question', () => {
    const [, follow] = converse('Muss ich vorher mit den Eltern sprechen?', 'und wenn die Eltern nicht zustimmen?');
    expect(follow.reply.kind).not.toBe('fallback');
  });
});

describe('short follow-ups', () => {
  it('takes "und jetzt?" after a described worry as a request for the next step', () => {
    const [, next] = converse('Ich bin Lehrerin. Ein Schüler kommt seit Wochen ohne Frühstück und in dünner Kleidung.', 'und jetzt?');
    expect(next.reply.kind).toBe('navigator');
  });
});
