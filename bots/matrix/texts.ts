// Everything the bot says, in German, in one place.
import type { DeadLetter, DeliveryTarget } from './failures.ts';
import type { EditorialQueue } from './lotse-api.ts';
import type { CommandInfo } from './router.ts';
import { CASE_NUMBER_SOURCE } from '../../src/contract/vocabulary.ts';

export const CASE_NUMBER = new RegExp(`^${CASE_NUMBER_SOURCE}$`, 'i');

/** What the notice needs of a case (the feed's case summary). */
export type NoticeCase = {
  number: string; status: string; urgency: string; role: string | null; region: string | null; topic: string | null; staffName?: string | null;
  channel?: string; createdAt: number; hasContact?: boolean; openedOutsideHours?: boolean; question?: string | null;
  labels?: { role: string | null; region: string | null; topic: string | null };
};

/** 75 s → "1 Minute", 3 h 5 min → "3 Std. 5 Min." */
export function duration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return minutes === 1 ? '1 Minute' : `${minutes} Minuten`;
  const hours = Math.floor(minutes / 60);
  return `${hours} Std.${minutes % 60 ? ` ${minutes % 60} Min.` : ''}`;
}

const urgencyLabel = (u: string) => (u === 'urgent' ? '🔴 dringend' : 'normal');
const statusLabel: Record<string, string> = { open: 'wartet', claimed: 'übernommen', closed: 'abgeschlossen' };
const eventLabel: Record<string, string> = {
  'case.opened': 'Meldung eines neuen Falls',
  'case.claimed': 'Übernahme (Meldung, Fallraum, Einladung, Verlauf)',
  'case.released': 'Freigabe',
  'case.closed': 'Abschluss',
  'case.reminder': 'Erinnerung',
  message: 'Nachricht',
  'message.withdrawn': 'Zurückziehen einer Nachricht',
  'message.corrected': 'Korrektur einer Nachricht',
  'staff.digest': 'Morgenübersicht',
  'case.transferred': 'Übergabe',
  'case.reopened': 'Wiederaufnahme',
};
const targetLabel: Record<DeliveryTarget, string> = { queue: 'Warteraum', case: 'Fallraum', direct: 'Direktchat' };

/** "Meldung eines neuen Falls zu KS-2026-0001 → Warteraum" */
function deadLetterWhat(l: DeadLetter): string {
  return `${eventLabel[l.type] ?? l.type}${l.number ? ` zu ${l.number}` : ''}${l.target ? ` → ${targetLabel[l.target]}` : ''}`;
}

const roomLabel: Record<string, string> = { queue: 'im Warteraum', case: 'im Fallraum', direct: 'im Direktchat' };
const notRelayedBang = 'Die Zeile ging nicht an die anfragende Person; ohne das ! am Anfang geht sie weiter.';

export const t = {
  help(lines: CommandInfo[], isDirect: boolean): { body: string; html: string } {
    const intro = isDirect
      ? 'Ich bin der Kinderschutz-Lotse. Schreiben Sie Ihre Frage einfach als Nachricht — bitte ohne Namen oder andere Daten, die ein Kind erkennbar machen.'
      : 'Befehle des Kinderschutz-Lotsen (englische Namen gehen auch):';
    const body = [intro, ...lines.map((c) => `${c.usage} — ${c.summary}`)].join('\n');
    const html = `<p>${intro}</p><ul>${lines.map((c) => `<li><code>${esc(c.usage)}</code> — ${esc(c.summary)}</li>`).join('')}</ul>`;
    return { body, html };
  },
  /**
   * The queue notice (and the head of `!fall`): what staff need to decide who takes the case —
   * the redacted question, role, region and topic in German, urgency, arrival and waiting time,
   * callback number given or not, and whether it came in outside office hours. Never the contact itself.
   */
  notice(c: NoticeCase, now?: number): { body: string; html: string } {
    const labels = c.labels ?? { role: c.role, region: c.region, topic: c.topic };
    const arrived = `eingegangen ${formatTime(c.createdAt)}${c.openedOutsideHours ? ' (außerhalb der Sprechzeiten)' : ''}`;
    const waiting = now !== undefined && c.status === 'open' ? ` · wartet seit ${duration(now - c.createdAt)}` : '';
    const head = [`Fall ${c.number}`, urgencyLabel(c.urgency), arrived + waiting];
    const facts = [
      `Bereich: ${labels.role ?? 'k. A.'}`,
      `Region: ${labels.region ?? 'k. A.'}`,
      `Thema: ${labels.topic ?? 'k. A.'}`,
      `Rückrufnummer: ${c.hasContact ? 'angegeben' : 'keine'}`,
      `Kanal: ${c.channel === 'matrix' ? 'Matrix-Direktchat' : 'Web-Chat'}`,
    ];
    const status = `Status: ${statusLabel[c.status] ?? c.status}${c.staffName && c.status !== 'open' ? ` (${c.staffName})` : ''}`;
    const hint = c.status === 'open' ? ` — ✋ reagieren oder !übernehmen ${c.number}` : '';
    const question = c.question ? `Frage: „${c.question}“` : 'Frage: (keine Nachricht vor der Weitergabe)';
    const body = [head.join(' · '), question, facts.join(' · '), status + hint].join('\n');
    const html = `<b>${esc(head[0])}</b> · ${head.slice(1).map(esc).join(' · ')}<br><i>${esc(question)}</i><br>${facts.map(esc).join(' · ')}<br>${esc(status + hint)}`;
    return { body, html };
  },
  /** The mention line above an urgent notice: names in the body, pills in the HTML. */
  mentionLine: (people: Array<{ userId: string; name: string }>) => ({
    body: `🔴 Dringend: ${people.map((p) => p.name).join(', ')}`,
    html: `🔴 <b>Dringend:</b> ${people.map((p) => `<a href="https://matrix.to/#/${esc(p.userId)}">${esc(p.name)}</a>`).join(', ')}`,
  }),
  acuteFlag: (holder: { userId: string; name: string } | undefined) => ({
    body: `🚨 AKUT${holder ? ` – ${holder.name}` : ''}: Der Lotse stuft diese Nachricht als akute Gefahr ein und hat der anfragenden Person sofort 110/112 und die Notfallwege gezeigt. Bitte jetzt antworten.`,
    html: `🚨 <b>AKUT</b>${holder ? ` – <a href="https://matrix.to/#/${esc(holder.userId)}">${esc(holder.name)}</a>` : ''}: Der Lotse stuft diese Nachricht als akute Gefahr ein und hat der anfragenden Person sofort 110/112 und die Notfallwege gezeigt. Bitte jetzt antworten.`,
  }),
  reminderAcute: (number: string, holder: string, minutes: number, people: Array<{ userId: string; name: string }>) => {
    const text = `🚨 ${number}: Die anfragende Person hat eine akute Gefahr geschildert, und ${holder} hat seit ${duration(minutes * 60_000)} nicht geantwortet. Bitte sofort im Fallraum nachsehen (Leitung: !leitung ${number}).`;
    return {
      body: people.length ? `${people.map((p) => p.name).join(', ')}: ${text}` : text,
      html: `${people.map((p) => `<a href="https://matrix.to/#/${esc(p.userId)}">${esc(p.name)}</a>`).join(', ')}${people.length ? ': ' : ''}${esc(text)}`,
    };
  },
  nowHeldBy: (number: string, name: string, how: string, previous?: string) => {
    const way = how === 'case.reopened' ? 'wieder aufgenommen' : how === 'case.transferred' ? `übergeben${previous ? ` von ${previous}` : ''}` : 'neu übernommen';
    return `🔁 ${number} liegt jetzt bei ${name} (${way}). Nur ${name} schreibt ab jetzt an die anfragende Person; der Verlauf unten ist vollständig und aktuell.`;
  },
  /** How a staff member without a configured alias appears to a professional in a direct chat. */
  defaultStaffName: 'Fachkraft der Kontaktstelle',
  // --- case tools ---
  transferUsage: 'An wen? „!übergeben @name:server“ (im Fallraum) oder „!übergeben KS-… @name:server“.',
  transferNotStaff: (userId: string) => `${userId} gehört nicht zu den Fachkräften der Kontaktstelle; an diese Person kann ich keinen Fall übergeben.`,
  transferred: (number: string, name: string) => `${number} ist an ${name} übergeben. Ich lade ${name} in den Fallraum ein; an die anfragende Person schreibt ab jetzt nur ${name}.`,
  leadOnly: 'Einen Fall von einer Kollegin oder einem Kollegen übernehmen kann nur eine Leitung (MATRIX_LEAD_USERS). Bitten Sie die Person, die den Fall hat, um „!übergeben“.',
  takenOver: (number: string) => `Sie haben ${number} als Leitung übernommen. Der Fallraum bekommt den vollständigen Verlauf; die bisherige Person kann nicht mehr an die anfragende Person schreiben.`,
  noteUsage: 'Bitte den Text angeben: !notiz <Text> (bleibt intern, ohne Namen oder Kontaktdaten).',
  noted: '📝 Notiz gespeichert. Sie bleibt intern beim Fall; die anfragende Person sieht sie nie. !fall im Fallraum zeigt alle Notizen.',
  reopened: (number: string) => `${number} ist wieder aufgenommen und liegt bei Ihnen. Die anfragende Person ist informiert; ihre Nachrichten kommen wieder in den Fallraum.`,
  cannedUsage: '„!vorlage“ zeigt alle Vorlagen; „!vorlage <Name>“ sendet eine im Fallraum an die anfragende Person; „!vorlage neu <Name> <Text>“ legt eine an oder ändert sie; „!vorlage löschen <Name>“ entfernt sie.',
  cannedList: (replies: Array<{ name: string; text: string }>) =>
    replies.length
      ? ['Vorlagen („!vorlage <Name>“ im Fallraum sendet sie an die anfragende Person):', ...replies.map((r) => `- ${r.name}: ${r.text.length > 120 ? `${r.text.slice(0, 117)}…` : r.text}`), '„!vorlage neu <Name> <Text>“ legt an oder ändert, „!vorlage löschen <Name>“ entfernt.'].join('\n')
      : 'Es gibt noch keine Vorlagen. „!vorlage neu <Name> <Text>“ legt eine an.',
  cannedSaved: (name: string) => `Vorlage „${name}“ ist gespeichert.`,
  cannedRemoved: (name: string) => `Vorlage „${name}“ ist gelöscht.`,
  cannedUnknown: (name: string) => `Eine Vorlage „${name}“ gibt es nicht. „!vorlage“ zeigt alle.`,
  cannedOnlyInCaseRoom: 'Senden kann ich eine Vorlage nur im Fallraum. Zum Nachlesen:',
  cannedSent: (name: string) => `Vorlage „${name}“ ist an die anfragende Person gegangen.`,
  rosterUsage: '„!dienst“ zeigt, wer Dienst hat; „!dienst an“ / „!dienst aus“ trägt Sie ein oder aus.',
  roster: (names: string[]) =>
    names.length
      ? `Im Dienst: ${names.join(', ')}. Dringende Fälle und unbeantwortete akute Nachrichten erwähnen diese Personen.`
      : 'Niemand ist für den Dienst eingetragen. Dringende Fälle erwähnen deshalb alle Fachkräfte im Warteraum. „!dienst an“ trägt Sie ein.',
  caseListUsage: '„!fälle“ (wartend), „!fälle meine“, „!fälle heute“ (heute abgeschlossen), „!fälle region <Name>“, „!fälle thema <Wort>“, „!fälle suche <Wort>“.',
  caseList: (title: string, list: Array<{ number: string; urgency: string; status: string; staffName?: string | null; createdAt: number; closedAt?: number | null; labels?: { region: string | null; topic: string | null }; question?: string | null }>, now: number, total: number) =>
    list.length
      ? [`${title} (${total}):`, ...list.map((c) => `- ${c.number} · ${urgencyLabel(c.urgency)} · ${statusLabel[c.status] ?? c.status}${c.staffName && c.status !== 'open' ? ` (${c.staffName})` : ''}`
        + ` · ${c.status === 'closed' && c.closedAt ? `abgeschlossen ${formatTime(c.closedAt)}` : c.status === 'open' ? `wartet seit ${duration(now - c.createdAt)}` : `seit ${formatTime(c.createdAt)}`}`
        + `${c.labels?.region ? ` · ${c.labels.region}` : ''}${c.labels?.topic ? ` · ${c.labels.topic}` : ''}`)].join('\n')
      : `${title}: keine.`,
  wrongRoomClose: (here: string, asked: string) =>
    `Dieser Raum gehört zu ${here}. ${asked} schließe ich von hier aus nicht ab, damit kein falscher Fall endet: schreiben Sie den Befehl im Warteraum oder im Fallraum von ${asked}.`,
  digest: (cases: Array<{ number: string; urgency: string; createdAt: number; labels?: { region: string | null; topic: string | null } }>, now: number, people: Array<{ userId: string; name: string }>) => {
    const sorted = [...cases].sort((a, b) => (a.urgency === b.urgency ? a.createdAt - b.createdAt : a.urgency === 'urgent' ? -1 : 1));
    const head = `☀️ Guten Morgen${people.length ? `, ${people.map((p) => p.name).join(', ')}` : ''}! ${cases.length === 1 ? '1 Fall' : `${cases.length} Fälle`} aus der Zeit außerhalb der Sprechzeiten ${cases.length === 1 ? 'wartet' : 'warten'}:`;
    const lines = sorted.map((c) => `- ${c.number} · ${urgencyLabel(c.urgency)} · eingegangen ${formatTime(c.createdAt)} (wartet seit ${duration(now - c.createdAt)})${c.labels?.region ? ` · ${c.labels.region}` : ''}${c.labels?.topic ? ` · ${c.labels.topic}` : ''}`);
    const tail = '✋ an der Meldung oder !übernehmen KS-… übernimmt einen Fall; !fälle zeigt alle wartenden.';
    return { body: [head, ...lines, tail].join('\n'), html: `<p>${esc(head)}</p><ul>${lines.map((l) => `<li>${esc(l.slice(2))}</li>`).join('')}</ul><p>${esc(tail)}</p>` };
  },
  claimed: (number: string) => `Sie haben ${number} übernommen. Ich lade Sie gleich in den Fallraum ein.`,
  alreadyYours: (number: string) => `${number} liegt bereits bei Ihnen.`,
  alreadyClaimed: (number: string, name: string) => `${number} hat bereits ${name} übernommen.`,
  caseClosedAlready: (number: string) => `${number} ist schon abgeschlossen.`,
  released: (number: string) => `${number} ist wieder freigegeben und wartet in der Warteschlange.`,
  notYours: (number: string, name: string) => `${number} liegt bei ${name}; nur diese Person kann den Fall freigeben oder abschließen.`,
  whichCase: 'Welcher Fall? Bitte die Fallnummer angeben (z. B. KS-2026-0001) oder im Fallraum schreiben.',
  unknownCase: (ref: string) => `Einen Fall „${ref}“ kenne ich nicht.`,
  noOpenCases: 'Keine offenen Fälle. 🎉',
  openCases: (list: Array<{ number: string; urgency: string; status: string; staffName?: string | null; createdAt: number }>) =>
    ['Offene Fälle:', ...list.map((c) => `- ${c.number} · ${urgencyLabel(c.urgency)} · ${statusLabel[c.status] ?? c.status}${c.staffName ? ` (${c.staffName})` : ''} · seit ${formatTime(c.createdAt)}`)].join('\n'),
  unknownCommand: (word: string, suggestion: string | undefined, inCaseRoom: boolean) =>
    `„!${word}“ kenne ich nicht. ${suggestion ? `Meinten Sie ${suggestion}?` : '!hilfe zeigt, welche Befehle es hier gibt.'}${inCaseRoom ? ` ${notRelayedBang}` : ''}`,
  commandNotHere: (usage: string, where: string[] | undefined, inCaseRoom: boolean) =>
    `${usage} geht hier nicht${where?.length ? ` (nur ${where.map((w) => roomLabel[w] ?? w).join(', ')})` : ''}.${inCaseRoom ? ` ${notRelayedBang}` : ''}`,
  attachmentRefused: 'Anhänge (Bilder, Dateien, Sprachnachrichten) gebe ich nicht an die anfragende Person weiter: der Chat zeigt nur Text, und eine Datei kann Namen oder Bilder eines Kindes enthalten, die ich nicht schwärzen kann und die sonst an der Löschfrist vorbei gespeichert blieben. Bitte schreiben Sie das Wichtigste als Text oder nennen Sie einen öffentlichen Link.',
  attachmentRefusedDirect: 'Dateien und Bilder kann ich nicht lesen und gebe sie nicht weiter — bitte schreiben Sie Ihre Frage als Text, ohne Namen oder Fotos eines Kindes.',
  correctionRelayed: 'Die Korrektur ist bei der anfragenden Person angekommen: ihre Nachricht zeigt jetzt den neuen Text, als „korrigiert“ markiert, und ein Hinweis am Ende des Chats sagt es ihr.',
  withdrawn: 'Die Nachricht ist bei der anfragenden Person zurückgezogen; sie sieht stattdessen einen Hinweis, dass die Kontaktstelle sie zurückgenommen hat.',
  refused: (message: string) => `Das ging nicht: ${message}`,
  serviceDown: 'Der Lotse-Dienst ist gerade nicht erreichbar. Bitte gleich noch einmal versuchen.',
  closeAsk: (topics: Array<{ id: string; label: string }>, outcomes: Array<{ id: string; label: string }>) =>
    [
      'Zum Abschließen bitte Thema und Ergebnis angeben: !abschließen <Thema> <Ergebnis> [kurze Notiz ohne Personendaten]',
      'Themen: ' + topics.map((o) => `${o.id} (${o.label})`).join(', '),
      'Ergebnisse: ' + outcomes.map((o) => `${o.id} (${o.label})`).join(', '),
    ].join('\n'),
  closed: (number: string) => `${number} ist abgeschlossen. Die anfragende Person wurde informiert.`,
  searchEmpty: 'Dazu habe ich in der Wissensbasis nichts Passendes gefunden.',
  searchUsage: 'Bitte eine Frage angeben: !suche <Frage>',
  gapsEmpty: 'In den letzten Tagen gab es keine Fragen, die der Lotse nicht gut beantworten konnte.',
  editorialHint: (n: number) => `Außerdem warten ${n} Artikel auf fachliche Freigabe oder Überprüfung – !redaktion zeigt sie.`,
  editorialUnavailable: 'Den Stand der Artikel kann ich gerade nicht abrufen.',
  editorialQueue(q: EditorialQueue): string {
    if (!q.articles.length) return `Alle ${q.total} Artikel sind fachlich freigegeben, keine Überprüfung ist fällig.`;
    const ids = (rows: EditorialQueue['articles']) => rows.map((r) => r.id).join(', ');
    const drafts = q.articles.filter((r) => r.status === 'draft');
    const changed = q.articles.filter((r) => r.status === 'changed');
    const overdue = q.articles.filter((r) => r.overdue);
    const lines = [`Wissensbasis: ${q.approved} von ${q.total} Artikeln fachlich freigegeben.`];
    if (drafts.length) lines.push(`Entwurf, noch nie freigegeben (${drafts.length}): ${ids(drafts)}`);
    if (changed.length) {
      lines.push(`Seit der Freigabe geändert (${changed.length}): ${changed.map((r) => `${r.id}${r.approval ? ` (freigegeben am ${day(r.approval.date)} von ${r.approval.name})` : ''}`).join(', ')}`);
    }
    if (overdue.length) lines.push(`Überprüfung überfällig (${overdue.length}): ${overdue.map((r) => `${r.id} (fällig seit ${day(r.reviewDue)})`).join(', ')}`);
    lines.push('Freigeben (Redaktion, im Projektordner): npm run knowledge:approve -- <id> --by "Name, Funktion"');
    return lines.join('\n');
  },
  statsUsage: 'Zeitraum z. B. 7t, 30t, 2026-11, 2026 oder 2026-01-01..2026-03-31',
  caseRoomName: (number: string) => `Fall ${number}`,
  caseRoomTopic: (number: string) => `Kinderschutz-Lotse · ${number} · Nachrichten hier gehen an die anfragende Person. !abschließen beendet den Fall.`,
  transcriptIntro: (number: string) => `Bisheriger Verlauf zu ${number} (personenbezogene Angaben geschwärzt):`,
  relayIntro: 'Ab jetzt geht jede Nachricht in diesem Raum an die anfragende Person (nur Text). Befehle mit ! gehen nicht weiter.',
  authorLabel: { user: 'Anfragende Person', assistant: 'Lotse', staff: 'Kontaktstelle', system: 'System' } as Record<string, string>,
  reminderUnclaimed: (number: string, urgency: string, minutes: number) =>
    `⏰ ${urgency === 'urgent' ? '🔴 dringend: ' : ''}${number} wartet seit ${duration(minutes * 60_000)} auf eine Fachkraft. ✋ hier oder „!übernehmen ${number}“ übernimmt ihn.`,
  reminderSilent: (number: string, urgency: string, minutes: number) =>
    `⏰ ${urgency === 'urgent' ? '🔴 dringend: ' : ''}In ${number} hat die anfragende Person seit ${duration(minutes * 60_000)} keine Antwort.`,
  nonStaffRemoved: (name: string, userId: string) =>
    `🚫 ${name} (${userId}) gehört nicht zu den Fachkräften der Kontaktstelle und wurde aus diesem Fallraum entfernt: hier steht der vertrauliche Verlauf einer anfragenden Person. Nachrichten dieser Person gingen nicht an die anfragende Person.`,
  nonStaffNotRemoved: (name: string, userId: string) =>
    `⚠️ ${name} (${userId}) gehört nicht zu den Fachkräften der Kontaktstelle, ich konnte die Person aber nicht entfernen (fehlende Berechtigung). Bitte jetzt von Hand aus dem Fallraum entfernen: hier steht der vertrauliche Verlauf einer anfragenden Person.`,
  nonStaffWarned: (name: string, userId: string) =>
    `⚠️ ${name} (${userId}) gehört nicht zu den Fachkräften der Kontaktstelle, ist aber in diesem Fallraum. Hier steht der vertrauliche Verlauf einer anfragenden Person; bitte die Person entfernen. Ihre Nachrichten gebe ich nicht weiter.`,
  nonStaffKickReason: (number: string) => `Fallraum ${number} ist nur für Fachkräfte der Kontaktstelle`,
  /** A user as a mention: the name in the body, a pill in the HTML. */
  mention: (p: { userId: string; name: string }) => ({ body: p.name, html: `<a href="https://matrix.to/#/${esc(p.userId)}">${esc(p.name)}</a>` }),
  dmWelcome: 'Guten Tag! Ich bin der Kinderschutz-Lotse der Kontaktstelle Kinderschutz M-V. Stellen Sie Ihre Frage — bitte ohne Namen, Geburtsdaten oder Adressen. Mit !person sprechen Sie mit einer Fachkraft der Kontaktstelle.',
  dmEscalateConsent: 'Eine Fachkraft der Kontaktstelle sieht dann den bisherigen Verlauf (ohne Namen und Kontaktdaten) und antwortet hier. Einverstanden? Dann antworten Sie mit „ja“ (bei akuter Gefahr: „dringend“). Mit „nein“ bleibt alles beim Lotsen.',
  dmEscalated: (number: string) => `Ihre Anfrage ${number} ist bei der Kontaktstelle. Eine Fachkraft meldet sich hier.`,
  dmEncrypted: 'Guten Tag! Ich bin der Kinderschutz-Lotse. Dieser Chat ist Ende-zu-Ende-verschlüsselt — das kann ich (noch) nicht lesen. Bitte beginnen Sie einen neuen Direktchat mit mir und schalten Sie dabei die Verschlüsselung aus. Bitte schreiben Sie auch dort keine Namen, Geburtsdaten oder Adressen.',
  dmConsentAgain: 'Ohne Ihr Einverständnis gebe ich nichts weiter. Sie können einfach weiter Fragen stellen.',
  dmAlreadyOpen: (number: string, message: string) => `Ihre Anfrage ${number} läuft bereits. ${message}`,
  dmRateHint: 'Reagieren Sie auf diese Nachricht mit 👍 oder 👎, um die Unterstützung zu bewerten.',
  dmRated: 'Danke für Ihre Bewertung!',
  dmFeedbackUp: 'Danke für Ihre Rückmeldung!',
  dmFeedbackDown: 'Danke für Ihre Rückmeldung. Wenn die Antwort nicht weiterhilft, schreiben Sie !person — dann meldet sich eine Fachkraft der Kontaktstelle.',
  caseRoomClosed: (number: string, retentionMs: number) => {
    const days = Math.round(retentionMs / 86_400_000);
    const when = days >= 1 ? `nach ${days} ${days === 1 ? 'Tag' : 'Tagen'}` : 'nach Ablauf der Aufbewahrungsfrist';
    return `${number} ist abgeschlossen. Nachrichten in diesem Raum gehen nicht mehr an die anfragende Person. ${when[0].toUpperCase()}${when.slice(1)} entferne ich den Verlauf dieses Raums, schließe ihn und trete aus.`;
  },
  deadLetterReport: (l: DeadLetter) =>
    `⚠️ Nicht zugestellt (Nr. ${l.n}): ${deadLetterWhat(l)}. Grund: ${l.reason}. Bitte die Ursache beheben und dann „!erneut ${l.n}“ schreiben; „!fehler“ zeigt alle nicht zugestellten Ereignisse.`,
  deadLettersPending: (letters: DeadLetter[]) =>
    [
      `⚠️ Der Bot konnte hier eine Zeit lang nicht schreiben. ${letters.length === 1 ? 'Dieses Ereignis ist' : `Diese ${letters.length} Ereignisse sind`} deshalb nicht zugestellt:`,
      ...letters.map((l) => `- Nr. ${l.n} · ${formatTime(l.firstAt)} · ${deadLetterWhat(l)}`),
      '„!erneut alle“ stellt jetzt alles zu; „!fehler“ zeigt die Gründe.',
    ].join('\n'),
  deadLetterNone: 'Es gibt keine nicht zugestellten Ereignisse. ✅',
  deadLetterList: (letters: DeadLetter[]) =>
    [
      `Nicht zugestellte Ereignisse (${letters.length}):`,
      ...letters.map((l) => `- Nr. ${l.n} · ${formatTime(l.firstAt)} · ${deadLetterWhat(l)} · ${l.reason} · ${l.attempts} ${l.attempts === 1 ? 'Versuch' : 'Versuche'}`),
      'Nach dem Beheben der Ursache: „!erneut <Nr.>“ oder „!erneut alle“. „!verwerfen <Nr.>“ legt ein Ereignis ab, ohne es zuzustellen.',
    ].join('\n'),
  deadLetterWhich: (command: string) => `Welches Ereignis? „${command} <Nr.>“${command === '!erneut' ? ' oder „!erneut alle“' : ''} — „!fehler“ zeigt die Liste.`,
  deadLetterUnknown: (n: number) => `Ein nicht zugestelltes Ereignis Nr. ${n} gibt es nicht (mehr). „!fehler“ zeigt die Liste.`,
  deadLetterDelivered: (l: DeadLetter) => `✅ Nr. ${l.n} ist zugestellt: ${deadLetterWhat(l)}.`,
  deadLetterGone: (l: DeadLetter) => `Nr. ${l.n} ist erledigt: ${l.number ? `den Fall ${l.number}` : 'das Ereignis'} gibt es im Lotse-Dienst nicht mehr, es bleibt nichts zuzustellen.`,
  deadLetterStillFailing: (l: DeadLetter, transient: boolean) =>
    transient
      ? `Nr. ${l.n} ist noch nicht zugestellt: ${l.reason}. Bitte gleich noch einmal „!erneut ${l.n}“ versuchen.`
      : `Nr. ${l.n} ist weiterhin nicht zustellbar: ${l.reason}. Bitte die Ursache beheben und dann „!erneut ${l.n}“ schreiben (oder „!verwerfen ${l.n}“).`,
  deadLetterAll: (delivered: number, gone: number, failing: DeadLetter[]) =>
    [
      `Erneut versucht: ${delivered} zugestellt${gone ? `, ${gone} erledigt (Fall nicht mehr vorhanden)` : ''}${failing.length ? `, ${failing.length} weiterhin nicht zustellbar:` : '.'}`,
      ...failing.map((l) => `- Nr. ${l.n} · ${deadLetterWhat(l)} · ${l.reason}`),
    ].join('\n'),
  deadLetterDiscarded: (l: DeadLetter) => `Nr. ${l.n} ist verworfen und wird nicht zugestellt: ${deadLetterWhat(l)}.`,
  deadLettersUnavailable: 'Die Zustellung an Matrix läuft in diesem Bot nicht; hier gibt es nichts erneut zu versuchen.',
  dmSuggestions: (labels: string[]) => `Vorschläge: ${labels.join(' · ')}`,
  dmEscalateHint: 'Möchten Sie mit einer Fachkraft sprechen? Schreiben Sie !person.',
  sources: 'Quellen',
  /** After a source's title: its article is not (or no longer) approved. */
  sourceState: (status: string | undefined) =>
    status === 'draft' ? ' – Entwurf, noch nicht fachlich freigegeben' : status === 'changed' ? ' – geänderte Fassung, noch nicht fachlich freigegeben' : '',
};

/** 2026-11-24 → 24.11.2026 */
function day(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function formatTime(ms: number): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).format(ms);
}
