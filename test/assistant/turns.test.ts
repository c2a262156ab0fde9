// The turn table and the answers it gives: yes/no questions answered first with their reason,
// the guided procedure on request from the step that fits, the emergency block above the answer.
// Conversations are invented for the tests.
import { beforeAll, describe, expect, it } from 'vitest';
import { redact } from '../../src/assistant/privacy.ts';
import { respond, type AssistantDeps } from '../../src/assistant/respond.ts';
import { loadAssistantDeps } from '../helpers/assistant-deps.ts';
import { TURN_HANDLERS } from '../../src/assistant/turns.ts';
import { understand } from '../../src/assistant/understanding/index.ts';
import type { ConversationContext } from '../../src/assistant/types.ts';

let deps: AssistantDeps;
beforeAll(async () => {
  deps = await loadAssistantDeps();
});

function converse(...texts: string[]) {
  let context: ConversationContext = {};
  return texts.map((raw) => {
    const { text, findings } = redact(raw);
    const result = respond({ text, findings, understood: understand(text, context), context, privacyNoticeShown: true }, deps);
    context = result.context;
    return result;
  });
}

const afterSafety = (text: string) => text.slice(text.lastIndexOf('\n---\n') + 1).replace(/^-+\n+/, '').trim();

describe('turn table', () => {
  it('names every handler once and ends with one that always answers', () => {
    const names = TURN_HANDLERS.map((h) => h.name);
    expect(new Set(names).size).toBe(names.length);
    expect(TURN_HANDLERS.at(-1)!.name).toBe('no-answer');
  });

  it('says which handler answered', () => {
    expect(converse('Hallo')[0]!.handler).toBe('greeting');
    expect(converse('Was ist eine insoweit erfahrene Fachkraft?')[0]!.handler).toBe('knowledge');
  });
});

describe('yes/no questions', () => {
  it('answers "no" first, with the reason, where a wrong move hurts', () => {
    const [ask] = converse('Ein Junge hat blaue Flecken am Hals. Soll ich ihn fragen, ob der Papa ihn geschlagen hat?');
    expect(afterSafety(ask!.reply.text)).toMatch(/^Nein\b/);
    expect(ask!.reply.sources[0]!.id).toBe('gespraech-mit-dem-kind');
    const [secret] = converse('Darf ich dem Kind versprechen, dass ich es niemandem sage?');
    expect(afterSafety(secret!.reply.text)).toMatch(/^Nein\b/);
  });

  it('does not tell the mother first when the suspicion is sexual abuse by her partner', () => {
    const [r] = converse('Ein Mädchen sagt, der Freund der Mutter fasst sie nachts an der Scheide an. Soll ich die Mutter darauf ansprechen?');
    expect(afterSafety(r!.reply.text)).toMatch(/^Nein\b/);
  });

  it('answers the question asked, not the one a promise in the story asks', () => {
    const [r] = converse('Die Schülerin hat mich gebeten, es niemandem zu sagen. Darf ich das Jugendamt trotzdem informieren?');
    expect(afterSafety(r!.reply.text)).not.toMatch(/^Nein\. Versprechen/);
  });
});

describe('guided procedure', () => {
  it('understands a typed answer to its role question and starts after what was done', () => {
    const [asked, started] = converse('Was muss ich jetzt tun?', 'Schule');
    expect(asked!.reply.kind).toBe('navigator');
    expect(started!.reply.text).toMatch(/Schritt 1 von 6/);
    const [, skipping] = converse('Ich bin Lehrerin. Mit der Schulleitung habe ich gesprochen, und die insoweit erfahrene Fachkraft hat mich schon beraten.', 'Wie gehe ich jetzt vor?');
    expect(skipping!.reply.text).toMatch(/Schritt 4 von 6/);
  });

  it('answers a long case with "was soll ich tun?" from the knowledge base, not with step 1', () => {
    const [r] = converse('In meiner Klasse ist ein Mädchen, das seit Wochen ohne Frühstück kommt, oft friert und dieselbe Kleidung trägt. Die Eltern reagieren auf keine Nachricht. Was soll ich jetzt tun?');
    expect(r!.reply.kind).toBe('answer');
  });
});

describe('safety framing', () => {
  it('puts a short emergency block above the answer to what was asked, never instead of it', () => {
    const [r] = converse('Der Vater steht betrunken in der Garderobe und will den Kleinen jetzt mitnehmen. Darf ich ihm das Kind mitgeben?');
    expect(r!.reply.triage.level).toBe('acute');
    expect(r!.reply.text.startsWith('**Wenn ein Kind jetzt in Gefahr ist')).toBe(true);
    expect(r!.reply.text).toMatch(/Geben Sie das Kind nicht mit/);
    expect(afterSafety(r!.reply.text)).toMatch(/^Nein\b/);
  });

  it('tells to act today when a harm is planned before a trip', () => {
    const [r] = converse('Eine Schülerin erzählt, dass sie in den Sommerferien in der Heimat beschnitten werden soll.');
    expect(r!.reply.triage.level).toBe('urgent');
    expect(r!.reply.text).toMatch(/heute noch/);
    expect(r!.reply.sources[0]!.id).toBe('weibliche-genitalverstuemmelung');
  });

  it('fits the block to a reader who is not with the child', () => {
    const [r] = converse('Eine Mutter hat mir eben per WhatsApp geschrieben, dass sie mit dem Baby zusammen sterben will.');
    expect(r!.reply.triage.level).toBe('acute');
    expect(r!.reply.text).toMatch(/nicht vor Ort/);
  });
});
