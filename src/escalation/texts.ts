// What the asker reads about their case, in German. Numbers only from the checked directory.
import type { Contacts } from '../knowledge/types.ts';
import { findHotline, HOTLINE_MV } from '../knowledge/directory.ts';
import { DEFAULT_STAFF_ALIAS } from './types.ts';

export function routes24h(contacts: Contacts | undefined): string {
  const mv = contacts && findHotline(contacts, HOTLINE_MV);
  const hotline = mv ? ` oder die ${mv.name} unter ${mv.phone} (${mv.hours})` : '';
  return `Bei akuter Gefahr für ein Kind: sofort 110 oder 112${hotline}.`;
}

/** "Eine Fachkraft der Kontaktstelle Kinderschutz" for the default alias, "Anna von der Kontaktstelle Kinderschutz" for a first name. */
function who(alias: string): string {
  return alias === DEFAULT_STAFF_ALIAS ? 'Eine Fachkraft der Kontaktstelle Kinderschutz' : `${alias} von der Kontaktstelle Kinderschutz`;
}

const clock = (at: number, timeZone: string) => new Intl.DateTimeFormat('de-DE', { timeZone, hour: '2-digit', minute: '2-digit' }).format(at);

export const askerTexts = {
  /** Shown before someone asks for a person: is anyone there now, and what happens if not. */
  beforeEscalation: (officeOpen: boolean, hours: string, holidaysClosed: boolean, opening: string | undefined, routes: string) => {
    const when = `Sprechzeiten: ${hours}${holidaysClosed ? ', nicht an Feiertagen in Mecklenburg-Vorpommern' : ''}`;
    return officeOpen
      ? `Die Kontaktstelle ist jetzt besetzt (${when}). Eine Fachkraft liest Ihre Anfrage und antwortet Ihnen hier im Chat.`
      : `Die Kontaktstelle ist gerade nicht besetzt (${when}). Sie können Ihre Anfrage trotzdem senden: Sie bleibt gespeichert, ` +
        `und eine Fachkraft antwortet zur nächsten Sprechzeit${opening ? `, voraussichtlich ${opening}` : ''}. ${routes}`;
  },
  opened: (number: string, officeOpen: boolean, opening: string | undefined, routes: string) =>
    officeOpen
      ? `Ihre Anfrage ${number} ist bei der Kontaktstelle Kinderschutz angekommen und wartet auf eine Fachkraft. Sie erhalten die Antwort hier im Chat. ${routes}`
      : `Ihre Anfrage ${number} ist bei der Kontaktstelle Kinderschutz angekommen. Gerade ist niemand erreichbar; eine Fachkraft meldet sich ${opening ?? 'zur nächsten Sprechzeit'}. Die Anfrage bleibt so lange in der Warteschlange. ${routes}`,
  stillWaiting: (routes: string) =>
    `Ihre Anfrage wartet noch auf eine Fachkraft; die Kontaktstelle ist erinnert. ${routes}`,
  claimed: (alias: string) => `${who(alias)} ist jetzt für Sie da. Der Lotse schweigt, solange Sie miteinander schreiben.`,
  handedOver: (alias: string) => `Ihre Anfrage hat innerhalb der Kontaktstelle die Hand gewechselt: ${who(alias)} ist ab jetzt für Sie da.`,
  reopened: (number: string, alias: string) => `Die Kontaktstelle hat Ihre Anfrage ${number} wieder aufgenommen. ${alias} ist für Sie da; der Lotse schweigt, solange Sie miteinander schreiben.`,
  released: 'Ihre Anfrage wartet wieder auf eine Fachkraft der Kontaktstelle. Der Lotse antwortet in der Zwischenzeit wieder.',
  corrected: (at: number, timeZone: string) =>
    `Die Kontaktstelle hat ihre Nachricht von ${clock(at, timeZone)} Uhr korrigiert; oben steht jetzt die richtige Fassung.`,
  withdrawnText: '(Diese Nachricht hat die Kontaktstelle zurückgezogen.)',
  withdrawn: (at: number, timeZone: string) =>
    `Die Kontaktstelle hat ihre Nachricht von ${clock(at, timeZone)} Uhr zurückgezogen. Bitte richten Sie sich nicht mehr danach.`,
  closed: 'Die Kontaktstelle hat das Gespräch beendet. Sie können dem Lotsen weiter Fragen stellen. Wie hilfreich war die Unterstützung? Ihre Bewertung hilft uns.',
};
