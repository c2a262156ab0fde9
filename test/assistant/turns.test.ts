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

describe('talking to the parents when the danger does not come from them', () => {
  it('says yes, today, when an adult from a chat plans to meet the child', () => {
    const [r] = converse('Eine Schülerin (13) hat erzählt, dass sie heute Abend einen Mann trifft, den sie seit zwei Wochen über Snapchat kennt. Er hat ihr Geld geschickt und will, dass sie niemandem etwas sagt. Soll ich die Eltern anrufen?');
    expect(afterSafety(r!.reply.text)).toMatch(/^Ja\b/);
  });

  it('says yes, coordinated through the Träger, when the suspect is a staff member', () => {
    const [, r] = converse(
      'Ein Betreuer im Ferienlager hat sich nachts zu einem Jungen in den Schlafsack gelegt und ihn angefasst. Soll ich den Betreuer ansprechen?',
      'muss ich die eltern von dem jungen heute noch anrufen',
    );
    expect(afterSafety(r!.reply.text)).toMatch(/^Ja\b/);
    expect(r!.reply.sources[0]!.id).toBe('verdacht-gegen-mitarbeitende');
  });

  it('says 112 first and then the parents in a medical emergency', () => {
    const [r] = converse('Ein Kind mit Diabetes in unserer Kita ist total schlapp, hat schon zweimal erbrochen und atmet komisch tief. Der Insulinpen fehlt. Soll ich die Mutter anrufen?');
    expect(afterSafety(r!.reply.text)).toMatch(/^Ja – aber zuerst die 112/);
  });

  it('still says "not first" when the parents are where the danger comes from', () => {
    const [r] = converse('Ein Junge (8) hat Striemen am Rücken und sagt, der Papa schlägt ihn, wenn er heute wieder eine schlechte Note nach Hause bringt. Soll ich die Mutter anrufen?');
    expect(afterSafety(r!.reply.text)).toMatch(/^(Nein|Nicht)\b/);
  });
});

describe('what now, in an emergency', () => {
  it('answers a child who will not go home from the section on exactly that, with not handing it over', () => {
    const [r] = converse('Ein Junge (9) im Hort hat ein blaues Auge und sagt, er will heute nicht nach Hause, der Papa haut ihn sonst. Der Vater holt ihn um 16 Uhr ab. Wie gehe ich jetzt vor?');
    expect(r!.reply.sources[0]!.url).toContain('akute-gefahr#was-tun-wenn-das-kind-nicht-nach-hause-will');
    expect(r!.reply.text).not.toContain('Was tue ich, bis Hilfe da ist?');
    expect(r!.reply.text).toMatch(/nicht einfach nach Hause|nicht mit der Person gehen/);
  });

  it('keeps the section on suicidal crises for a suicidal message that also names tonight', () => {
    const [r] = converse('Eine Schülerin hat mir gerade geschrieben, dass sie sich heute Nacht umbringen will.');
    expect(r!.reply.sources[0]!.id).toBe('selbstverletzung-und-suizidalitaet');
  });
});

describe('danger words that name no child in danger now', () => {
  it('gives no emergency block to a question for a training on acute danger, and explains what happens', () => {
    const [r] = converse('Ich bereite für unser Team eine Fortbildung zum Thema „Akute Gefahr und Inobhutnahme“ vor. Was passiert bei einer Inobhutnahme, Schritt für Schritt?');
    expect(r!.reply.triage.level).not.toBe('acute');
    expect(r!.reply.kind).toBe('answer');
    expect(r!.reply.sources[0]!.id).toMatch(/inobhutnahme|akute-gefahr/);
  });

  it('reads an incident told as a year ago as past, even with a "jetzt" in the sentence', () => {
    const [r] = converse('Ein Vater hat bei uns in der Kita ein Kind geschlagen und eine Kollegin bedroht. Das ist jetzt über ein Jahr her, aber das Team ist immer noch belastet. Wie gehe ich damit um?');
    expect(r!.reply.triage.level).not.toBe('acute');
  });
});

describe('when no one answers', () => {
  it('answers "und wenn beim Jugendamt keiner rangeht?" with the ways after hours', () => {
    const [, r] = converse('Ein Mädchen (6) hat heute erzählt, dass der Freund der Mama ihr am Po weh macht. Er holt sie heute ab. Wir sind in Greifswald.', 'Und wenn beim Jugendamt keiner rangeht? Es ist Freitagnachmittag.');
    expect(r!.reply.text).toMatch(/Kinderschutzhotline MV|Rufbereitschaft|Bereitschaftsdienst/);
    expect(r!.reply.sources[0]!.url).toMatch(/nachts|ausserhalb-der-dienstzeiten/);
  });
});

describe('a forced marriage planned for a trip', () => {
  it('answers "soll ich die Eltern einladen?" with no, from the article on forced marriage, not the one on genital cutting', () => {
    const [r] = converse('Eine Schülerin (15) hat erzählt, dass sie in den Ferien in der Heimat mit ihrem Cousin verheiratet werden soll. Sie will das nicht. Soll ich die Eltern zu einem Gespräch einladen?');
    expect(afterSafety(r!.reply.text)).toMatch(/^(Nein|In der Regel nein)\b/);
    expect(r!.reply.sources[0]!.id).toBe('zwangsheirat');
  });
});

describe('what the conversation tells about the adults', () => {
  it('reads a mother’s black eye as a sign of violence between the adults', () => {
    const [, r] = converse('Ein Junge (4) spielt in der Puppenecke immer, dass der Papa die Mama haut.', 'die mutter hatte letzten monat ein blaues auge, sie sagte, sie sei gegen die tür gelaufen');
    expect(r!.context.situation?.concerns).toContain('domestic-violence');
    expect(r!.reply.sources[0]!.id).toBe('haeusliche-gewalt');
  });

  it('answers parents who brush the worry off from the section on parents who block', () => {
    const [, r] = converse('Eine Schülerin (15) ritzt sich seit Wochen die Arme und hat gesagt, manchmal will sie nicht mehr leben.', 'die eltern nehmen das nicht ernst, die mutter sagt das ist pubertät');
    expect(r!.reply.sources.map((s) => s.url).join(' ')).toContain('gespraech-mit-den-eltern#was-tue-ich-wenn-die-eltern-abblocken');
  });
});

describe('where a protected child lives', () => {
  it('says no to telling colleagues where a child in care now lives', () => {
    const [, r] = converse('Ein Kind aus unserer Kita wurde nach einem Vorfall mit dem Vater in Obhut genommen. Das Team ist sehr belastet.', 'darf ich den kolleginnen erzählen, wo das kind jetzt lebt?');
    expect(afterSafety(r!.reply.text)).toMatch(/^Nein\b/);
  });
});

describe('waiting until tomorrow', () => {
  it('says no, call now, when a mother hints at dying together with her baby', () => {
    const [r] = converse('Eine Mutter hat mich angerufen, das Baby ist sechs Wochen alt. Sie sagte, es wäre für uns beide besser, wenn wir nicht mehr da wären. Sie ist allein mit dem Kleinen. Soll ich morgen früh als Erstes hinfahren?');
    expect(r!.reply.triage.level).toBe('acute');
    expect(afterSafety(r!.reply.text)).toMatch(/^Nein, warten Sie nicht bis morgen/);
    expect(afterSafety(r!.reply.text)).toMatch(/110 oder 112/);
  });
});

describe('what becomes of the child', () => {
  it('answers "und was passiert dann mit ihr?" in a running emergency from protective custody', () => {
    const [, r] = converse('Eine Schülerin (15) soll am Samstag in den Ferien mit einem Cousin verheiratet werden und will das nicht. Ich rufe heute das Jugendamt an.', 'und was passiert dann mit ihr?');
    expect(r!.reply.sources[0]!.url).toContain('inobhutnahme#was-passiert-waehrend-der-inobhutnahme');
  });
});

describe('acting oneself when it is urgent', () => {
  it('says not to wait for the Leitung who is away today, even with "jugenamt" mistyped', () => {
    const story = 'Ein Junge (7) hat Striemen am Rücken und sagt, der Papa haut ihn mit dem Gürtel. Der Vater holt ihn heute um 15 Uhr ab.';
    const [, away] = converse(story, 'wen ruf ich da an? die leitung ist heute nicht da');
    expect(afterSafety(away!.reply.text)).toMatch(/^Nicht auf die Leitung warten/);
    const [, own] = converse(story, 'muss das über die leitung laufen oder darf ich selber beim jugenamt anrufen?');
    expect(afterSafety(own!.reply.text)).toMatch(/^(Ja|Nein, warten Sie nicht)/);
  });
});

describe('sections for one region', () => {
  it('never answers with one district’s numbers when the conversation names another or none', () => {
    const regional = (url: string) => /jugendaemter-in-mv#(westmecklenburg|mittleres|mecklenburgische-seenplatte|vorpommern)/.test(url);
    const [none] = converse('Gehört die Nummer vom Bereitschaftsdienst des Jugendamts in unseren Notfallplan mit den Kinderschutztelefonen?');
    expect(none!.reply.sources.filter((s) => regional(s.url))).toEqual([]);
    const [seenplatte] = converse('Wir sind eine Kita in Neubrandenburg. Welche Kinderschutztelefone und welchen Bereitschaftsdienst hat unser Jugendamt?');
    expect(seenplatte!.reply.sources.map((s) => s.url).filter(regional)).not.toContainEqual(expect.stringContaining('vorpommern'));
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

describe('next steps under the answer to a told case', () => {
  it('names the steps that fit the reader, leaves out what was done, and says each once', () => {
    const [first, second] = converse(
      'Ich bin Erzieherin in einer Kita. Ein Mädchen (4) hat heute blaue Flecken an beiden Oberarmen, die Mutter sagt, sie sei gefallen. Was soll ich tun?',
      'Und wie lange muss ich die Notizen aufbewahren?',
    );
    const steps = first!.reply.text.slice(first!.reply.text.indexOf('**Ihre nächsten Schritte:**'));
    expect(steps).toMatch(/Kita-Leitung/);
    expect(steps).toMatch(/§ 8a Abs\. 4 SGB VIII/);
    expect(second!.reply.text).not.toMatch(/Sprechen Sie noch heute mit Ihrer Kita-Leitung/);
    const [told] = converse('Ich habe schon mit meiner Leitung gesprochen. Ein Junge (5) erzählt, der Papa schlägt ihn mit dem Gürtel. Was jetzt?');
    expect(told!.reply.text).not.toMatch(/Sprechen Sie noch heute mit/);
  });

  it('adds none to a plain question about a term', () => {
    const [term] = converse('Was ist eine insoweit erfahrene Fachkraft?');
    expect(term!.reply.text).not.toMatch(/Ihre nächsten Schritte/);
  });
});

describe('doubt and the asker’s own risk', () => {
  it('answers doubt after an emergency with "do not wait", not with a generic block', () => {
    const [, doubt] = converse(
      'Der Vater steht betrunken in der Garderobe und will seinen Sohn (3) mit dem Auto mitnehmen.',
      'Vielleicht übertreibe ich ja, ich will ihn nicht bloßstellen.',
    );
    expect(doubt!.handler).toBe('doubt');
    expect(afterSafety(doubt!.reply.text)).toMatch(/^Nicht abwarten/);
  });

  it('answers "kann ich Ärger bekommen?" with no, and why', () => {
    const [, risk] = converse(
      'Ein Schüler (9) kommt seit Wochen ohne Frühstück und mit kaputten Schuhen, ich will das Jugendamt informieren.',
      'Kann ich Ärger bekommen, wenn sich herausstellt, dass nichts war?',
    );
    expect(afterSafety(risk!.reply.text)).toMatch(/^Nein, nicht wenn Sie nach bestem Wissen/);
    expect(risk!.reply.sources[0]!.id).toBe('jugendamt-informieren');
  });

  it('names the region’s Jugendamt when a follow-up in an emergency only says where', () => {
    const [, where] = converse(
      'Ein Kind (6) ist noch in der Kita, die Mutter hätte um 16 Uhr abholen sollen und geht nicht ans Handy, zu Hause ist das Baby allein.',
      'wir sind in Wismar',
    );
    expect(where!.reply.text).toMatch(/Nordwestmecklenburg/);
  });
});

describe('contact in a running case', () => {
  it('answers "an wen wende ich mich?" with the region’s Jugendamt, and keeps a named partner over a parent named in a question', () => {
    const [, parents, contact] = converse(
      'Ein Mädchen (5) erzählt, der Freund der Mutter kommt abends in ihr Zimmer und fasst sie an.',
      'Soll ich die Mutter heute beim Abholen ansprechen?',
      'Ok. An wen wende ich mich da konkret, ich arbeite in Neubrandenburg.',
    );
    expect(parents!.context.situation?.about).toBe('partner');
    expect(contact!.handler).toBe('contact-in-case');
    expect(contact!.reply.text).toMatch(/Mecklenburgische Seenplatte/);
  });
});

describe('next steps never point to the suspect', () => {
  it('does not send a trainee to her Anleitung when the worry is about a colleague', () => {
    const [told] = converse('Ich bin Praktikantin in einer Kita. Eine Erzieherin hat heute einen Jungen (3) grob am Arm gepackt und allein ins Bad gesperrt. Was soll ich tun?');
    expect(told!.reply.text).not.toMatch(/Informieren Sie noch heute Ihre Anleitung/);
    expect(told!.reply.text).toMatch(/Träger/);
  });
});

describe('danger now or today', () => {
  it('does not quote a section written for calm situations, and keeps the children from a parent in crisis', () => {
    const [crisis] = converse('Der Vater hat seine Medikamente abgesetzt, hört Stimmen und sagt, er muss die Kinder (4 und 6) heute Nacht reinigen. Er ist heute allein mit ihnen.');
    expect(crisis!.reply.triage.level).toMatch(/urgent|acute/);
    expect(crisis!.reply.text).not.toMatch(/für sich noch keine Kindeswohlgefährdung/);
  });
});

describe('a Leitung that cannot take the worry on', () => {
  it('points to the next level when the Leitung is a friend of the suspected colleague', () => {
    const [, friend] = converse(
      'Eine Kollegin nimmt seit Wochen einen Jungen (5) allein mit in den Schlafraum und schenkt ihm Süßigkeiten, nur ihm.',
      'die leitung ist privat mit ihr befreundet',
    );
    expect(friend!.handler).toBe('leitung-conflicted-statement');
    expect(afterSafety(friend!.reply.text)).toMatch(/^Nicht über diese Leitung allein/);
    expect(friend!.reply.text).not.toMatch(/Sprechen Sie noch heute mit Ihrer/);
  });
});

describe('violence between the adults and disputes at pickup', () => {
  it('reads an act of one adult against the other as domestic violence, and talks to the victim alone', () => {
    const [turn] = converse('Ein Mädchen (4) hat heute erzählt, dass der Papa gestern die Mama am Hals gepackt und gewürgt hat. Soll ich mit der Mutter sprechen?');
    expect(turn!.reply.text).toMatch(/^Ja, aber nur den betroffenen Elternteil allein/);
  });

  it('does not take "Mama hat mich geschlagen" for violence between the adults', () => {
    const [turn] = converse('Ein Junge (6) sagt, Mama hat mich geschlagen. Soll ich mit der Mutter sprechen?');
    expect(turn!.reply.text).not.toMatch(/betroffenen Elternteil allein/);
  });

  it('does not refuse a parent on the other parent’s wish alone, and answers "Nein" for someone not named to collect', () => {
    const [dispute] = converse('Die Mutter will nicht, dass der Vater den Kleinen abholt. Darf ich ihn zurückhalten?');
    expect(dispute!.reply.triage.level).not.toBe('acute');
    expect(dispute!.reply.text).toMatch(/^Nicht auf den bloßen Wunsch eines Elternteils/);
    const [grandma] = converse('Die Oma will ihn abholen, sie steht auf keiner Liste. Darf ich ihn ihr mitgeben?');
    expect(grandma!.reply.text).toMatch(/^Nein, nicht ohne die Sorgeberechtigten/);
  });

  it('keeps a pickup ban by court order acute when the parent comes now', () => {
    const [turn] = converse('Der Vater darf laut Gerichtsbeschluss das Kind nicht abholen, steht aber jetzt vor der Tür. Was tun?');
    expect(turn!.reply.triage.level).toBe('acute');
  });
});

describe('who breaks down, and a hint of dying together', () => {
  it('takes "sie und das Kind bald beim Papa im Himmel" from a parent as acute', () => {
    const [turn] = converse('Die Mutter hat beim Abholen gesagt, dass sie und die Kleine bald beim Papa im Himmel sind. Die Kleine ist 3. Was soll ich tun?');
    expect(turn!.reply.triage.level).toBe('acute');
    expect(turn!.reply.triage.signals).toContain('shared_death_hint');
  });

  it('does not read a child’s own thoughts of dying as a carer breaking down', () => {
    const [turn] = converse('Ein Junge (5) sagt im Stuhlkreis, er will tot sein. Soll ich ihn direkt fragen, ob er sich was antun will?');
    expect(turn!.reply.triage.signals).not.toContain('carer_breakdown_with_child');
    expect(turn!.reply.text).not.toMatch(/nicht mit dem Elternteil allein/);
  });
});

describe('a suspect who is the asker’s superior', () => {
  it('points past the Leitung when the suspected pastor is the asker’s own superior', () => {
    const [turn] = converse('Unser Pastor lädt einzelne Konfirmanden zu sich nach Hause ein, ein Junge (14) hat dort Bier bekommen. Der Pastor ist auch mein Vorgesetzter. Wem soll ich das sagen?');
    expect(afterSafety(turn!.reply.text)).toMatch(/^Nicht über diese Leitung allein/);
  });
});

describe('a Leitung close to the suspect, asked about later', () => {
  it('answers a question about evidence for itself, and "muss ich die Vorsitzende informieren?" with the next level', () => {
    const [first, later] = converse(
      'Der Trainer der älteren Mädchen ist der Mann unserer Vereinsvorsitzenden. Er schreibt einer 13-Jährigen nachts auf Instagram, sie soll das keinem zeigen. Darf ich davon Screenshots machen?',
      'und die vorsitzende, muss ich die informieren?',
    );
    expect(first!.handler).not.toBe('leitung-conflicted-statement');
    expect(afterSafety(later!.reply.text)).toMatch(/^Nicht über diese Leitung allein/);
  });
});

describe('dates of a planned harm and farewell signs', () => {
  it('keeps a trip for cutting in ten days urgent, not acute, when it was told today', () => {
    const [turn] = converse('Eine Mutter hat mir heute erzählt, dass sie in den Sommerferien mit den Töchtern (6 und 8) nach Guinea fliegt, dort würden die Mädchen richtige Frauen. Die Ferien beginnen in zehn Tagen. Wie spreche ich sie an?');
    expect(turn!.reply.triage.level).toBe('urgent');
  });

  it('takes a young person giving away what they will "not need any more" as urgent', () => {
    const [turn] = converse('Ein Schüler (14) hat mir heute seine Gitarre geschenkt, er meinte, er braucht sie bald nicht mehr. Übertreibe ich?');
    expect(turn!.reply.triage.level).toBe('urgent');
    expect(turn!.reply.triage.signals).toContain('farewell_sign');
  });
});
