// Every article and section id that the code names (fallback answers, the guided procedure, the
// ranker's role and generic articles, the contact directory). `npm run knowledge:check` fails
// when one of them disappears, and test/unit/required-ids.test.ts fails when code names an
// article that is missing here — so renaming an article cannot silently break an answer path.

export const REQUIRED_ARTICLES = [
  'akute-gefahr', 'arztpraxis-und-klinik', 'dokumentation', 'erste-schritte-bei-verdacht', 'formen-der-kindeswohlgefaehrdung',
  'fruehe-hilfen', 'gespraech-mit-dem-kind', 'gespraech-mit-den-eltern', 'gewichtige-anhaltspunkte', 'glossar', 'hilfen-zur-erziehung',
  'insoweit-erfahrene-fachkraft', 'jugendaemter-in-mv', 'jugendamt-informieren', 'jugendhilfe', 'kinderrechte', 'kita',
  'kollegiale-beratung', 'schule', 'selbstverletzung-und-suizidalitaet', 'vereine-und-ehrenamt', 'was-passiert-beim-jugendamt',
] as const;

export const REQUIRED_SECTIONS = ['akute-gefahr#was-tue-ich-bis-hilfe-da-ist', 'akute-gefahr#wie-erreiche-ich-hilfe-nachts-am-wochenende-und-an-feiertagen',
  'inobhutnahme#was-passiert-waehrend-der-inobhutnahme', 'was-passiert-beim-jugendamt#welche-ergebnisse-und-massnahmen-gibt-es-nach-der-gefaehrdungseinschaetzung',
] as const;
