// Capitalised words that follow a first name, a title ("Frau", "Herr") or a child noun in
// ordinary sentences but are not surnames: function words at a sentence start, the domain
// vocabulary of child protection and everyday nouns. Lowercase; compared after lowercasing.

const FUNCTION_WORDS = `
ich du er sie es wir ihr man mein meine meiner meinem meinen dein deine sein seine seiner seinem
seinen ihre ihrer ihrem ihren unser unsere euer eure der die das den dem des ein eine einer einem
einen eines kein keine keiner keinen und oder aber denn doch sondern weil dass da als wenn wie wo
was wer wann warum wieso weshalb welche welcher welches ob mit von bei zu zum zur nach vor seit aus
auf an am im in um für fuer über ueber unter neben zwischen durch gegen ohne bis ab hat habe haben
hatte hatten ist sind war waren wird werden wurde wurden kann könnte muss soll sollte darf will
möchte mag nicht nie noch schon auch nur sehr so dann jetzt heute gestern morgen gerade bitte danke
hallo hi guten tag liebe lieber sehr geehrte geehrter ja nein vielleicht also jedoch trotzdem
alle alles jeder jede jedes dies diese dieser dieses jenes hier dort dabei dazu damit danach davor
etwa eigentlich leider seitdem sowie sowohl weder zudem zusammen allein alleine immer oft manchmal
`;

const DOMAIN_NOUNS = `
kind kinder kindes kindern kita kitas krippe hort schule schulen grundschule gymnasium klasse
klassen gruppe gruppen jugendamt jugendamts jugendhilfe asd amt polizei notruf arzt ärztin aerztin
kinderarzt kinderärztin praxis klinik krankenhaus hebamme familienhebamme verein trainer trainerin
mutter mutti mama vater vati papa eltern elternteil oma opa großmutter grossmutter großvater
grossvater geschwister bruder schwester sohn tochter baby säugling saeugling kleinkind junge mädchen
maedchen schüler schueler schülerin schuelerin lehrer lehrerin lehrkraft erzieher erzieherin
fachkraft fachkräfte leitung leiterin leiter kollegin kollege kollegen team schulleitung
schulsozialarbeit schulsozialarbeiterin schulsozialarbeiter sozialarbeiterin sozialarbeiter
stiefvater stiefmutter partner partnerin freund freundin lebensgefährte lebensgefaehrte
gefährdung gefaehrdung kindeswohl kindeswohlgefährdung verdacht hinweis hinweise anhaltspunkte
gewalt misshandlung missbrauch vernachlässigung vernachlaessigung angst ängste hunger durst
schmerzen schmerz probleme problem hilfe sorge sorgen fragen frage antwort blaue flecken
verletzung verletzungen wunde wunden narben kontakt termin gespräch gespraech beratung meldung
dokumentation protokoll bericht akte datenschutz schweigepflicht gesetz paragraph paragraf
hause haus zuhause wohnung zimmer garten straße strasse auto bus schulweg unterricht pause sport
training turnhalle essen frühstück fruehstueck kleidung windel windeln geburtstag jahre jahr
monate monat wochen woche tage tag stunden stunde minuten uhr abend nacht morgens abends nachts
montag dienstag mittwoch donnerstag freitag samstag sonntag wochenende ferien urlaub
januar februar märz maerz april mai juni juli august september oktober november dezember
insofa ief kinderschutz kinderschutzfachkraft lotse kontaktstelle hotline telefon nummer adresse
e-mail email name namen alter deutsch deutschland mv bescheid info infos
kinderschutzhotline notdienst bereitschaft rufbereitschaft familie familien fam dr doktor prof
professor herr herrn frau fräulein frl mrs mr ms
`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `${FUNCTION_WORDS} ${DOMAIN_NOUNS}`.split(/\s+/).filter(Boolean),
);

// Suffixes of abstract German nouns; a capitalised word ending like this is not taken as a surname.
export const NOUN_SUFFIXES = [
  'ung', 'heit', 'keit', 'schaft', 'tion', 'sion', 'nis', 'tum', 'ismus', 'ität', 'itaet', 'ment',
  'chen', 'lein', 'amt', 'stelle', 'dienst', 'hilfe', 'gericht', 'schule', 'kita', 'ärztin',
  'arzt', 'erin', 'kraft', 'leitung', 'gruppe', 'klasse',
];
