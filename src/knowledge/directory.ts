import type { Contacts, Hotline, JugendamtContact } from './types.ts';

// Lookups in the contact directory (contacts.yaml) and how an entry is written in an answer:
// one place, used by answers, the emergency block, the directory answer and the case texts.

/** The state-wide 24/7 child-protection hotline; every emergency text names it. */
export const HOTLINE_MV = 'kinderschutzhotline-mv';

export function findHotline(contacts: Contacts, id: string): Hotline | undefined {
  return contacts.hotlines.find((h) => h.id === id);
}

export function jugendamtFor(contacts: Contacts, region: string | undefined): JugendamtContact | undefined {
  return region ? contacts.jugendaemter.find((j) => j.region === region) : undefined;
}

/** Phone first (when checked), then the website, as Markdown fragments. */
export function reachOf(office: JugendamtContact): string[] {
  return [office.phone && `Tel. ${office.phone}`, office.website && `[Website](${office.website})`].filter((part): part is string => Boolean(part));
}
