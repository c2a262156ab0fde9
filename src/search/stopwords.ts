// Stop words added to lunr-languages' German list (applied after it). The German list is
// spelled with umlauts, so the folded spellings people type without umlauts are listed here,
// together with filler words of chat questions and legal citation noise.
const EXTRA_STOP_WORDS = `
fuer fur ueber uber waehrend wahrend wuerde wurde wuerden wurden koennen konnen koennte konnte
muessen mussen musste dass daß
hallo hi guten tag bitte danke vielen dank frage fragen eigentlich genau mal gerade schon
etwa eben halt ja nein okay ok gibt gab gibts geht gehts jemand irgendwie irgendwas sowas
innen abs absatz satz nr ff s bzw z b usw etc ca vgl
sollen sollten darf dürfen durfen müsste musste würde wer wen wem wann warum wieso weshalb welche
ab an am bei beim bis da denn des hab habe hat haben hätte hatte ich mein meine
seit heute gestern bevor nachdem jemand jemandem jemanden vielleicht wirklich total einfach passiert
`.split(/\s+/).filter(Boolean);

export const extraStopWords: ReadonlySet<string> = new Set(EXTRA_STOP_WORDS);
