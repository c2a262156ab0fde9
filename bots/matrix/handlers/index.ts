// Every command, pattern and reaction the bot understands, registered in one place.
import type { BotServices } from '../services.ts';
import { caseDetailHandler, openCasesHandler } from './cases.ts';
import { discardDeadLetterHandler, listDeadLettersHandler, retryDeadLetterHandler } from './dead-letters.ts';
import { claimCommand, claimReaction, releaseCommand } from './claim.ts';
import { closeCommand } from './close.ts';
import { askLotse, escalateFromDirect, rateInDirect } from './direct.ts';
import { helpHandler } from './help.ts';
import { relayToAsker } from './relay.ts';
import { editorialCommand, gapsCommand, statsCommand } from './reports.ts';
import { searchCommand } from './search.ts';
import { unknownCommandHandler } from './unknown.ts';
import { noteCommand, reopenCommand, takeOverCommand, transferCommand } from './case-tools.ts';
import { cannedCommand } from './canned.ts';
import { caseListCommand } from './lists.ts';
import { rosterCommand } from './roster.ts';

const STAFF_ROOMS = ['queue', 'case', 'direct'] as const;

export function registerHandlers(s: BotServices): void {
  const r = s.router;
  r.command('hilfe', ['help'], { usage: '!hilfe', summary: 'diese Übersicht', where: [...STAFF_ROOMS], staffOnly: false }, helpHandler(s))
    .command('offen', ['open'], { usage: '!offen', summary: 'wartende und übernommene Fälle', where: [...STAFF_ROOMS] }, openCasesHandler(s))
    .command('fall', ['case'], { usage: '!fall KS-…', summary: 'einen Fall mit Verlauf zeigen', where: [...STAFF_ROOMS] }, caseDetailHandler(s))
    .command('übernehmen', ['claim'], { usage: '!übernehmen KS-… (oder ✋ an der Meldung)', summary: 'Fall übernehmen', where: ['queue', 'case'] }, claimCommand(s))
    .command('freigeben', ['release'], { usage: '!freigeben', summary: 'Fall zurück in die Warteschlange geben', where: ['queue', 'case'] }, releaseCommand(s))
    .command('abschließen', ['close'], { usage: '!abschließen <Thema> <Ergebnis> [Notiz]', summary: 'Fall beenden (im Fallraum)', where: ['queue', 'case'] }, closeCommand(s))
    .command('übergeben', ['transfer'], { usage: '!übergeben @name:server', summary: 'Fall an eine Kollegin oder einen Kollegen übergeben', where: ['queue', 'case'] }, transferCommand(s))
    .command('leitung', ['takeover'], { usage: '!leitung KS-…', summary: 'als Leitung einen Fall von der bisherigen Person übernehmen', where: ['queue', 'case'] }, takeOverCommand(s))
    .command('notiz', ['note'], { usage: '!notiz <Text>', summary: 'interne Notiz zum Fall (geht nie an die anfragende Person)', where: ['queue', 'case'] }, noteCommand(s))
    .command('vorlage', ['vorlagen', 'reply'], { usage: '!vorlage [Name]', summary: 'Textvorlagen zeigen, senden (im Fallraum) oder bearbeiten', where: ['queue', 'case'] }, cannedCommand(s))
    .command('fälle', ['faelle', 'cases'], { usage: '!fälle [meine|heute|region …|thema …|suche …]', summary: 'Fall-Listen: wartend, meine, heute abgeschlossen, nach Region oder Thema, Suche', where: [...STAFF_ROOMS] }, caseListCommand(s))
    .command('wiederaufnehmen', ['reopen'], { usage: '!wiederaufnehmen KS-…', summary: 'abgeschlossenen Fall wieder aufnehmen (innerhalb der Aufbewahrungsfrist)', where: ['queue', 'case'] }, reopenCommand(s))
    .command('dienst', ['duty'], { usage: '!dienst [an|aus]', summary: 'wer Dienst hat; dringende Fälle erwähnen diese Personen', where: [...STAFF_ROOMS] }, rosterCommand(s))
    .command('suche', ['search'], { usage: '!suche <Frage>', summary: 'in der Wissensbasis suchen', where: [...STAFF_ROOMS] }, searchCommand(s))
    .command('lücken', ['gaps'], { usage: '!lücken [Tage]', summary: 'Fragen, die der Lotse nicht gut beantworten konnte', where: [...STAFF_ROOMS] }, gapsCommand(s))
    .command('redaktion', ['entwürfe', 'editorial'], { usage: '!redaktion', summary: 'Artikel, die auf fachliche Freigabe warten oder deren Überprüfung fällig ist', where: [...STAFF_ROOMS] }, editorialCommand(s))
    .command('statistik', ['stats'], { usage: '!statistik [Zeitraum]', summary: 'Zahlen ohne Einzelfälle (Zellen unter 5 unterdrückt)', where: [...STAFF_ROOMS] }, statsCommand(s))
    .command('fehler', ['errors'], { usage: '!fehler', summary: 'was der Bot nicht zustellen konnte (mit Grund)', where: [...STAFF_ROOMS] }, listDeadLettersHandler(s))
    .command('erneut', ['retry'], { usage: '!erneut <Nr.> | alle', summary: 'nicht Zugestelltes nach dem Beheben erneut zustellen', where: [...STAFF_ROOMS] }, retryDeadLetterHandler(s))
    .command('verwerfen', ['discard'], { usage: '!verwerfen <Nr.>', summary: 'nicht Zugestelltes ablegen, ohne es zuzustellen', where: [...STAFF_ROOMS] }, discardDeadLetterHandler(s))
    .command('person', ['fachkraft', 'human'], { usage: '!person', summary: 'mit einer Fachkraft der Kontaktstelle sprechen (oder einfach: „Ich möchte mit einer Person sprechen“)', where: ['direct'], staffOnly: false }, escalateFromDirect(s))
    .reaction('✋', { where: ['queue'] }, claimReaction(s))
    .reaction('👍', { where: ['direct'], staffOnly: false }, rateInDirect(s, 'up'))
    .reaction('👎', { where: ['direct'], staffOnly: false }, rateInDirect(s, 'down'))
    .hears(/[\s\S]+/, { where: ['case'] }, relayToAsker(s))
    .hears(/[\s\S]+/, { where: ['direct'], staffOnly: false }, askLotse(s))
    .onUnknown(unknownCommandHandler());
}
