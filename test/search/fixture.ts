// Invented passages for the search unit tests (independent of the real knowledge base).
import type { Passage } from '../../src/search/index.ts';

function passage(articleId: string, heading: string, text: string, extra: Partial<Passage> = {}): Passage {
  const slug = heading.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    id: `${articleId}#${slug}`,
    articleId,
    articleTitle: extra.articleTitle ?? articleId,
    heading,
    text,
    tags: [],
    audience: ['alle'],
    legal: [],
    reviewed: '2026-11-24',
    url: `/wissen/${articleId}#${slug}`,
    ...extra,
  };
}

export const fixturePassages: Passage[] = [
  passage('schutzauftrag', 'Wer ist an den Schutzauftrag gebunden', 'Der Schutzauftrag nach § 8a SGB VIII bindet Jugendämter und freie Träger. Bei gewichtigen Anhaltspunkten schätzen Fachkräfte das Risiko gemeinsam ein.', { articleTitle: 'Der Schutzauftrag', legal: ['§ 8a SGB VIII'] }),
  passage('kkg', 'Drei Schritte für Berufsgeheimnisträger', 'Nach §4 KKG erörtern Ärztinnen, Lehrkräfte und Psychologen die Lage zuerst mit den Eltern, dann holen sie Beratung ein und informieren zuletzt das Jugendamt.', { articleTitle: 'Befugnis nach KKG', legal: ['§ 4 KKG'] }),
  passage('formen', 'Was ist eine Kindeswohlgefährdung', 'Eine Kindeswohlgefährdung liegt vor, wenn eine erhebliche Schädigung des Kindes droht. Man unterscheidet Misshandlung, Vernachlässigung und sexualisierte Gewalt.', { articleTitle: 'Formen der Gefährdung' }),
  passage('gefahr', 'Gefährdung einschätzen', 'Die Gefährdung wird im Team bewertet. Die Einschätzung stützt sich auf Beobachtungen.', { articleTitle: 'Einschätzung' }),
  passage('entbindung', 'Schweigepflichtentbindung einholen', 'Mit einer schriftlichen Schweigepflichtentbindung dürfen Sie Informationen an die Beratungsstelle geben.', { articleTitle: 'Einwilligung' }),
  passage('weitergabe', 'Informationsweitergabe an Dritte', 'Die Informationsweitergabe an die Polizei ist nur in engen Grenzen erlaubt.', { articleTitle: 'Daten weitergeben' }),
  passage('jugendamt', 'Das Jugendamt anrufen', 'Rufen Sie das Jugendamt an und schildern Sie Ihre Beobachtungen. Der Allgemeine Soziale Dienst nimmt die Meldung auf.', { articleTitle: 'Jugendamt informieren' }),
  passage('fachkraft', 'Beratung durch die insoweit erfahrene Fachkraft', 'Die insoweit erfahrene Fachkraft berät Sie anonym bei der Einschätzung.', { articleTitle: 'Fachberatung' }),
  passage('strasse', 'Sicherheit auf der Straße', 'Kinder lernen den sicheren Schulweg über die Straße.', { articleTitle: 'Verkehr' }),
  passage('haus', 'Ein Haus für Familien', 'Das Haus bietet Familien offene Treffen an.', { articleTitle: 'Familienzentrum' }),
  passage('hase', 'Der Hase im Garten', 'Ein Hase lebt im Garten der Kita und wird von den Kindern gefüttert.', { articleTitle: 'Tiere in der Kita' }),
  passage('kita-a', 'Kita Abschnitt eins', 'Die Kita bespricht Sorgen zuerst mit der Leitung.', { articleTitle: 'Kita', audience: ['kita'] }),
  passage('kita-a', 'Kita Abschnitt zwei', 'Die Kita bespricht Sorgen danach mit der Fachberatung.', { articleTitle: 'Kita', audience: ['kita'] }),
  passage('kita-a', 'Kita Abschnitt drei', 'Die Kita bespricht Sorgen am Ende mit dem Träger.', { articleTitle: 'Kita', audience: ['kita'] }),
  passage('schule-b', 'Sorgen in der Schule', 'Die Schule bespricht Sorgen mit der Schulsozialarbeit.', { articleTitle: 'Schule', audience: ['schule'] }),
  passage('abend-kita', 'Elternabend', 'Einen Elternabend vorbereiten Sie mit einer Checkliste.', { articleTitle: 'Elternabend', audience: ['kita'] }),
  passage('abend-schule', 'Elternabend', 'Einen Elternabend vorbereiten Sie mit einer Checkliste.', { articleTitle: 'Elternabend', audience: ['schule'] }),
];

export const fixtureSynonyms: string[][] = [
  ['Jugendamt', 'JA', 'ASD', 'Allgemeiner Sozialer Dienst'],
  ['insoweit erfahrene Fachkraft', 'InsoFa', 'ieF', 'IseF'],
];
