// Domain words that compounds are often built from but that the articles may only use inside
// compounds (so the vocabulary would otherwise miss them). Folded spelling (see normalize.ts).
export const SEED_VOCABULARY: readonly string[] = `
kind kinder kindes jugend jugendliche eltern mutter vater familie familien schutz wohl
gefahrdung gefahr verdacht verdachts meldung melden hinweis hinweise anhaltspunkte
schweigepflicht entbindung einwilligung weitergabe information informationen daten datenschutz
beratung fachkraft fachkrafte berater gesprach gesprache dokumentation bogen vorlage
gewalt misshandlung missbrauch vernachlassigung verletzung verletzungen grooming
amt jugendamt gericht familiengericht polizei notruf notfall bereitschaft dienst
schule lehrer lehrerin lehrkraft kita erzieher erzieherin arzt arztin praxis klinik hebamme
verein sport trainer ehrenamt ehrenamtliche fuhrungszeugnis konzept einrichtung trager leitung
hilfe hilfen erziehung angebot netzwerk koordination fortbildung seelsorge telefon hotline
recht rechte pflicht auftrag vereinbarung befugnis notstand rechtsgrundlage
`.split(/\s+/).filter(Boolean);
