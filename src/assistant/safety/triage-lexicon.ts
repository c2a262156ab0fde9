// Word classes for triage, written in natural lowercase German and folded (see fold.ts), so
// "schlägt", "schlaegt" and "schlagt" match alike. Rules in triage.ts combine these classes
// with time, negation and question analysis; no rule is a single example sentence.

import { foldedRegExp } from './fold.ts';

const w = (source: string) => foldedRegExp(source, 'g');
const t = (source: string) => foldedRegExp(source);

// ---------- time ----------

// Present or imminent: the event is happening now or is about to (today/tonight).
export const NOW = t(String.raw`\b(?:gerade|grad|grade|jetzt|jetz|im moment|momentan|in diesem moment|soeben|gleich|sofort|heute (?:abend|nacht|noch|fruh|morgen|mittag|nachmittag|nach der schule)|noch heute|heut abend|heute nacht|nachher|in (?:einer|einer halben|zwei|drei|\d+) (?:stunde|stunden|minuten)|seit (?:stunden|(?:einer|ner|n|1|einer guten|uber einer|ner halben|einer halben) (?:halben )?stunde|heute|dem (?:vormittag|morgen|mittag|nachmittag|abend)|\d+ (?:minuten|stunden))|immer noch|noch immer|in diesem augenblick|(?:ich|wir) (?:hore|horen|sehe|sehen)\b|(?:man|ich) hort|hort man|klingt (?:so,? )?(?:als|wie)|noch immer|vor meinen augen|bitte schnell|schnell!|^\W*hilfe\b|hilfe!|bitte hilfe|hilfe bitte|um \d{1,2}(?::\d\d)? uhr|es ist \d{1,2} uhr)`);
// "eben" is "just now" only in a perfect-tense clause ("hat eben gesagt", "hat eben gedroht").
export const NOW_EBEN = t(String.raw`\b(?:hat|ist|wurde|habe) (?:\w+ )?eben\b`);
// Ongoing states count as present for being alone, locked in or medically at risk.
export const ONGOING = t(String.raw`\bseit (?:gestern|vorgestern|heute|freitag|montag|dienstag|mittwoch|donnerstag|samstag|sonntag|dem wochenende|stunden|\w+ tagen|\w+ stunden|tagen|(?:einer|ner|n|1) (?:halben )?stunde|dem (?:vormittag|morgen|mittag|nachmittag|abend))`);
// Earlier today: an event of today counts as current for violence, sexual acts and threats
// (the child is still in the same household tonight), but not for a mere state ("wirkt heute").
export const TODAY = t(String.raw`\b(?:heute|heut|vorhin|eben|heute (?:morgen|fruh|mittag|vormittag))\b`);
// Now-words that belong to the asker's own question ("was soll ich jetzt tun") say nothing
// about the event; masked like the telling time.
export const ASKER_NOW = w(String.raw`\b(?:was|wie) (?:soll|sollte|kann|muss|mache|mach|tue|tu) (?:ich|wir|man) (?:denn |da |nun )?(?:jetzt|jetz|nun|gerade|heute)\b|\b(?:muss|soll|sollte|kann) (?:ich|wir|man) (?:jetzt|jetz|nun)\b|\b(?:ich|wir) (?:bin|sind|weiss|wissen) (?:jetzt|gerade|grad) (?:\w+ )?(?:unsicher|ratlos|nicht)`);
export const PAST = t(String.raw`(?:(?<!seit )\bgestern|(?<!seit )\bvorgestern|\bletzte[nrsm]? (?:woche|monat|jahr|mal|sommer|winter)|\bvorige[nrsm]? (?:woche|monat|jahr)|\bvor (?:\d+|einem|einer|zwei|drei|vier|funf|sechs|mehreren|einigen|vielen|ein paar) (?:halben |guten |knappen )?(?:tag|tagen|woche|wochen|monat|monaten|jahr|jahren)|\bvor jahren|\bfruher|\bdamals|\bim (?:sommer|winter|fruhjahr|herbst|urlaub)\b|\bin der vergangenheit|\bals (?:kleinkind|baby|kind)\b|\blangst\b|\bschon (?:mal|einmal)\b|\bneulich|\bkurzlich|\bam wochenende\b|\bwar es\b)`);
export const HABITUAL = t(String.raw`\b(?:oft|ofter|manchmal|haufig|regelmassig|immer wieder|ab und zu|gelegentlich|jeden (?:tag|abend)|standig)\b`);

// Now-words that belong to the act of telling ("hat mir gerade erzählt") say nothing about
// when the reported event happened; they are masked before time analysis.
export const TELLING_NOW = w(String.raw`\b(?:gerade|grad|jetzt|eben|soeben|heute)\s+(?:\w+\s+){0,3}?(?:erzahlt|gesagt|geschrieben|berichtet|anvertraut|mitgeteilt|gezeigt|erfahren)\b|\b(?:hat|haben) (?:es |mir |uns )*(?:erst )?(?:jetzt|gerade|heute) (?:erzahlt|gesagt|berichtet|anvertraut)`);

// ---------- question and report ----------

export const INTERROGATIVE_START = t(String.raw`^(?:\W*)(?:wie|was|woran|wann|wo|wohin|woher|wer|wen|wem|welche[rsnm]?|warum|wieso|weshalb|gibt es|darf|durfen|muss|mussen|kann|konnen|konnte|ist|sind|soll|sollte|sollen|ab wann|ab welchem|bis wann|braucht|brauche|hat|haben|gilt|was tun|wozu|inwiefern)\b`);
export const CONDITIONAL = t(String.raw`\b(?:wenn|falls|sofern|angenommen|ob)\b`);
// Markers that a question is about a real, specific child and not a topic.
export const REPORT_MARKER = t(String.raw`\b(?:(?:mein|meine|meinem|meinen|meiner|unser|unsere|unserem|unseren|unserer) (?:\w+ )?(?:schuler\w*|kind|kinder|kindern|sohn|tochter|gruppe|klasse|kita|patient\w*|spieler\w*|pflegekind\w*|einrichtung|verein|mannschaft|jugendliche\w*|baby|saugling|enkel\w*|kollege\w*|kollegin\w*)|bei uns|hat mir|haben mir|hat uns|erzahlte mir)\b`);
// Talk about training, homework or statistics: not a report about a child.
export const META = t(String.raw`\b(?:fortbildung|hausarbeit|elternabend|seminar|vortrag|schulung|statistik|referat|bachelorarbeit|masterarbeit|allgemein gefragt|rein hypothetisch|theoretisch gefragt|informationen uber|material)\b`);

// The case is over or the child is safe: injuries and violence mentioned are history.
export const CLOSED_CASE = t(String.raw`\b(?:abgeschlossen|erledigt|in (?:einer |der )?pflegefamilie|in obhut genommen|inobhutnahme (?:ist|war) erfolgt|in sicherheit|geht (?:es )?(?:ihm|ihr|ihnen|es) (?:wieder )?(?:gut|besser)|ist (?:jetzt )?in therapie|ist ausgezogen|weggezogen|sitzt (?:im gefangnis|in haft))\b`);

// ---------- negation ----------

export const NEGATOR = t(String.raw`^(?:kein|keine|keinen|keiner|keines|nicht|nie|niemals|ohne|weder|nichts|niemand)$`);

// ---------- danger classes ----------

export const CHILD = String.raw`(?:kind|kinder|kindes|junge|jungen|madchen|baby|babys|saugling|kleinkind|sohn|tochter|schuler|schulerin|jugendliche|jugendlicher|kleine|kleinen|kleiner|geschwister|spieler|spielerin|patient|patientin|enkel|zwillinge|es|er|sie|ihn|ihm|ihr)`;
export const SMALL_CHILD = t(String.raw`\b(?:baby|babys|saugling|sauglinge|kleinkind|kleinkinder|neugeborene|kleine|kleinen|kleines|kleiner|[1-6]-jahrige[snrm]?|[1-6] jahre alt|(?:ein|zwei|drei|vier|funf|sechs)jahrige[snrm]?)\b|\((?:[1-6]|[1-6] (?:und|u\.) [1-6])\)`);

export const VIOLENCE_ACT = w(String.raw`\b(?:schlagt|schlagen|schlage|geschlagen|schlug|verprugel\w*|prugel\w*|(?:tot|windelweich|grun und blau)\w*|wurgt|wurgen|gewurgt|tritt (?:es|ihn|sie|auf)|getreten|misshandel\w*|quall?t|gequalt|verletzt|verletzen|bedroht|bedrohen|droht|gedroht|sticht|erstech\w*|ersticht|erschiess\w*|erschoss\w*|umbring\w*|umzubringen|bringt (?:\w+ ){0,6}um\b|toten|totet|zu toten|geohrfeigt|ohrfeig\w*|tut (?:\w+ ){0,3}weh|weh tun|zerrt|geschuttelt|schuttelt|gerissen|einschlagen|schlag\w* auf (?:\w+ ){0,3}ein|prugelt auf|haut (?:ihn|sie|es|mich|uns|ihm|ihr|den|die|das)|gehauen|hauen|boxt|geboxt|schubst|geschubst|stosst|gestossen|gefesselt|fesselt|verbruht|verbrannt|kneift|gebissen|wirft (?:\w+ ){0,3}gegen|unter wasser)\b`);
export const SEXUAL_ACT = w(String.raw`\b(?:missbrauch\w*|vergewaltig\w*|sexuell\w* (?:ubergriff|gewalt|missbrauch)\w*|anfass\w*|angefasst|begrapsch\w*|bedrang\w*|nacktbild\w*|nacktfoto\w*|fasst (?:\w+ ){0,3}an|macht (?:so |solche |komische |eklige )?(?:sachen|dinge) mit|pornos?|muss sich (?:\w+ )?ausziehen|geld (?:\w+ ){0,2}fur (?:\w+ )?(?:fotos|bilder|videos|sex)|(?:fotos|bilder) gegen geld|sextortion|erpress\w* (?:\w+ ){0,3}(?:fotos|bildern|videos)|zwingt (?:\w+ ){0,3}(?:auszuziehen|auszuziehen|anzufassen))\b`);
export const THREAT_TO_LIFE = w(String.raw`\b(?:(?:tot|um)zu(?:schlagen|bringen)|totschlag\w*|totschlagt|schlagt (?:\w+ ){0,4}tot\b|umbring\w*|bringt (?:\w+ ){0,6}um\b|erschiess\w*|erschiesst|abstech\w*|erstech\w*|toten|umlegen|kalt machen)`);
export const WEAPON = w(String.raw`\b(?:messer|waffe|waffen|pistole|gewehr|revolver|schusswaffe|machete|axt)\b`);
export const WEAPON_USE = t(String.raw`\b(?:bedroh\w*|droh\w*|verletz\w*|sticht|schiess\w*|in der tasche|dabei|hat (?:ein|eine|einen)|fuchtelt|zieht|halt)\b`);

export const SUICIDE_INTENT = w(String.raw`\b(?:sich (?:\w+ ){0,4}(?:umbringen|umzubringen|toten|das leben (?:zu )?nehmen|umbringt|erhangen|aufhangen|vor den zug|von der brucke)|(?:will|wolle|mochte|werde|wird|wollen) (?:\w+ ){0,2}(?:nicht mehr leben|sterben)|nicht mehr (?:leben|aufwachen) (?:will|wollte|mochte)|will sterben|sterben will|abschiedsbrief\w*|suizidversuch|selbstmordversuch|tabletten (?:gesammelt|genommen|geschluckt)|(?:sturzt|stürzt|werfe|wirft) sich|von der brucke|auf (?:die|den) (?:gleise|gleisen|weg zu den gleisen)|zu den gleisen|einen plan|uberdosis|pulsadern|(?:nochmal|noch mal|noch einmal|wieder) (?:zu )?versuchen|sich (?:\w+ ){0,2}(?:etwas|was) an(?:zu)?tun|aus dem fenster (?:zu )?springen|will tot sein|springt|springen (?:von|vom)|(?:ihr|sein|mein) letzter tag|(?:allen|sich) (?:\w+ ){0,3}(?:tschuss|lebewohl|auf wiedersehen) sagen|verabschiedet sich von allen|verschenkt (?:\w+ ){0,2}(?:sachen|besitz))\b`);
export const SUICIDE_IDEATION = w(String.raw`\b(?:suizidgedanken|selbstmordgedanken|suizidal\w*|lebensmude|nicht mehr da (?:zu )?sein|denkt (?:\w+ ){0,3}(?:an den tod|ans sterben|an suizid|an selbstmord)|texten uber den tod)\b`);
export const SELF_HARM = w(String.raw`\b(?:ritzt|ritzen|geritzt|ritzt sich|selbstverletz\w*|schneidet sich|verletzt sich selbst|frische narben|aufgeschnitten|pulsadern)\b`);
export const SEVERE_BLEEDING = t(String.raw`\b(?:blutet (?:stark|sehr|viel)|stark blutet|tief geritzt|tief geschnitten|viel blut)\b`);

export const MEDICAL = w(String.raw`\b(?:atmet (?:nicht|kaum|schlecht)|nicht richtig atm\w*|nicht atmen|bewusstlos|nicht ansprechbar|kaum ansprechbar|krampft|krampfanfall|blutet stark|blutungen|benommen|ganz schlapp|apathisch|trinkt (?:seit \w+ )?nicht|vergiftet|vergiftung|erbricht|innere verletzungen|wurgemale|knochenbruch|verbrennung\w*|verbruh\w*|kopfverletzung|kaum wach|nicht (?:mehr )?wach|reagiert nicht|blau angelaufen|erstickt|fieber (?:uber|von) (?:39|40|41|42)|hohes fieber|notarzt|uberdosis)\b`);
export const INFANT_INJURY = t(String.raw`\b(?:baby|babys|saugling|neugeborene\w*)\b.*\b(?:blaue flecken|blauen flecken|hamatom\w*|verletz\w*|beule|bruch|geschuttelt|schutteltrauma)`);

export const CANNOT_GO_HOME = w(String.raw`\b(?:(?:traut|getraut) sich (?:\w+ ){0,2}nicht (?:mehr )?(?:nach hause|heim)|(?:will|mochte|kann|darf|soll|geht|gehe|fahrt|traut sich) (?:\w+ ){0,3}(?:nicht|nich|auf keinen fall|keinesfalls) (?:mehr )?(?:nach hause|heim)|(?:nicht|nich|auf keinen fall) (?:mehr )?(?:nach hause|heim) (?:will|kann|mochte|traut)|angst[, ]+(?:\w+ ){0,2}nach hause zu gehen|angst vor (?:dem|zu) hause|angst,? heimzugehen|rausgeworfen|rausgeschmissen|vor die tur gesetzt|weiss nicht,? wo (?:er|sie|es) (?:\w+ ){0,2}schlafen|wenn (?:ich|er|sie) (?:\w+ ){0,2}nach hause (?:gehe|geht|komme|kommt))`);
export const CHILD_ALONE = w(String.raw`\b(?:allein|alleine|alleingelassen|unbeaufsichtigt|ohne aufsicht|zuruckgelassen|im auto (?:\w+ ){0,2}(?:gelassen|vergessen))\b`);
export const NOT_PICKED_UP = t(String.raw`\bnicht abgeholt\b.*\b(?:nicht erreichbar|niemand|keiner|\d{1,2} uhr)|\b(?:nicht erreichbar|niemand)\b.*\bnicht abgeholt`);
export const CAREGIVER_GONE = t(String.raw`\b(?:eltern|mutter|vater|mama|papa)\b (?:\w+ ){0,2}(?:nicht da|weg|verschwunden|nicht zu hause|nicht auffindbar)\b`);
export const CAPTIVE = w(String.raw`\b(?:nicht (?:mehr )?gehen lasst|lasst (?:sie|ihn|es) nicht (?:mehr )?(?:gehen|raus|weg)|kann nicht weg|festgehalten|halt (?:sie|ihn|es) fest|einsperrt|eingesperrt|sperrt (?:\w+ ){0,3}ein)\b`);
export const GROOMING_MEETING = t(String.raw`\btreffen\b.*\b(?:internet|online|chat|instagram|tiktok|snapchat|discord|erwachsenen|mann|nacktbild\w*)|\b(?:internet|online|chat)\b.*\btreffen\b`);

// Sounds of distress that go on, and nobody answering the door.
export const DISTRESS = t(String.raw`\b(?:schreit|schreien|weint|wimmert|brullt) (?:\w+ ){0,4}(?:seit|um hilfe)|\bschreit um hilfe|\b(?:keiner|niemand) (?:macht|offnet|reagiert)`);
// Taken away: abduction, forced marriage, being taken abroad, genital cutting.
export const ABDUCTION = w(String.raw`\b(?:entfuhr\w*|verschlepp\w*|zwangsverheirat\w*|zwangsheirat|ins ausland (?:gebracht|bringen|fliegen|geflogen|mitnehmen)|beschnitten werden|beschneidung|genitalverstummel\w*)\b`);

// A person who endangers the child gets access now: pick-up, waiting outside, driving off.
export const ACCESS = w(String.raw`\b(?:holt|abholt|abholen|abzuholen|mitnehmen|mitzunehmen|mitgenommen|weggefahren|wartet (?:draussen|vor|am|an)|steht (?:betrunken |draussen )?(?:vor|in|an)|gesturmt|kommt gleich|kommt (?:heute|nachher)|auf dem weg|zerrt|fliegt|entfuhr\w*|gebracht|bringt (?:\w+ ){0,3}zu|vorgefahren|muss (?:\w+ ){0,3}zu (?:ihm|ihr|dem|der))\b`);
export const ACCESS_TIME = t(String.raw`\b(?:gerade|grad|jetzt|gleich|sofort|heute|nachher|in (?:einer|einer halben|zwei|\d+) (?:stunde|stunden|minuten)|draussen|wartet|steht)\b`);
const DANGER_WORDS = t(String.raw`(?:schlag|prugel|gewurgt|wurg|striemen|missbrauch|misshandel|vergewaltig|angst|panik|zittert|kontaktverbot|verboten|gericht|betrunken|alkoholisiert|zugedrohnt|bekifft|drogen|weh tut|tut .*weh|verletz|entfuhr|ausland|messer|waffe|brullt|gurtel|verbrennung|gedruckt|sachen mit)`);
// Anything that makes a person's access to the child dangerous: a danger word or any act of violence.
const VIOLENCE_ANY = new RegExp(VIOLENCE_ACT.source);
const SEXUAL_ANY = new RegExp(SEXUAL_ACT.source);
export const DANGER_CONTEXT = { test: (text: string) => DANGER_WORDS.test(text) || VIOLENCE_ANY.test(text) || SEXUAL_ANY.test(text) };
export const INTOXICATED = t(String.raw`\b(?:betrunken|alkoholisiert|zugedrohnt|bekifft|high|unter drogen|voll(?:kommen)? zu|lallt|kann kaum stehen)\b`);

// ---------- concern ----------

export const CONCERN = t(String.raw`\b(?:blaue\w* flecken|hamatom\w*|striemen|verletzung\w*|verletzt|wunde\w*|narben|beule|brandwunde\w*|blaues auge|schlag\w*|geschlagen|prugel\w*|gewalt\w*|misshandl\w*|missbrauch\w*|ubergriff\w*|grenzverletz\w*|sexualisiert\w*|anzuglich\w*|nackt\w*|vernachlassig\w*|verwahrlos\w*|vermullt|hunger\w*|hungrig|nichts zu essen|ohne (?:jacke|fruhstuck|essen)|abgemagert|ungepflegt|riecht|kaputte zahne|angst|angstlich|verangstigt|verstort|zieht sich (?:\w+ )?zuruck|einnass\w*|nasst|ritz\w*|selbstverletz\w*|suizid\w*|tod\b|droht|gedroht|bedroht|anschreien|angeschrien|schreit (?:sie|ihn) an|beschimpf\w*|ohrfeig\w*|geohrfeigt|alkohol\w*|betrunken|drogen\w*|psychisch krank|uberfordert|verdacht|vermute\w*|sorge|sorgen|auffallig\w*|unsicher|komisch\w*|eingesperrt|allein|alleine|nicht abgeholt|fehlt|nicht zur schule|schwanger|gemobbt|mobbing|kontaktverbot|vorbestraft|impfen|u-untersuchung\w*|operation|frauenhaus|entzug\w*|privatnachricht\w*|onkel\w*|gefahrd\w*|kindeswohl\w*|weh|grob|schimpf\w*|aufpass\w*|passt (?:\w+ ){0,4}auf|bildschirm\w*|keine wohnung|obdachlos|wohnungslos|lebt im auto|ohne kleidung|(?:ohne|nie mit|keine|kein) (?:\w+ ){0,2}(?:jacke|fruhstuck|essen|brotdose|hausschuhe|wechselwasche|windeln|kleidung|schuhe)\w*|(?:\d\d-jahrige[nr]?|erwachsene[nr]?|alterer|alteren) (?:freund|mann|partner)|gehauen|faust|wutend|wut|knallt|tobt|ausraster\w*|jahzorn\w*|distanzlos\w*|filmriss|trinkt|kifft|depressiv\w*|kummert sich (?:\w+ ){0,2}(?:kaum|nicht)|psychisch\w*|masturb\w*|sexuell\w*|abwesend|fehlzeiten|schwanzt|zwangsverheirat\w*|beschneid\w*)\b`);
