import type { Contacts, JugendamtContact, Regions } from '../knowledge/types.ts';
import { foldedRegExp, foldText } from './safety/fold.ts';
import { findHotline, HOTLINE_MV, jugendamtFor } from '../knowledge/directory.ts';
import { germanDate } from './text.ts';
import type { Action, ReplySource } from './types.ts';

// "Welches Jugendamt ist für uns zuständig?" is answered from the contact directory, not from
// prose: the region (from the message or remembered) picks the office; without one we ask.

const CONTACT_REQUEST = foldedRegExp(
  '\\b(welche[sr]? jugendamt|zuständige[snm]? jugendamt|jugendamt (in|für|von|im|bei) |(nummer|telefon|telefonnummer|adresse|kontakt|erreichbarkeit) (des|vom|vom zuständigen|für das) jugendamt|jugendamt[^.?!]{0,30}(erreichen|telefonnummer|nummer|anrufen nachts|am wochenende)|wer ist (bei uns|hier) (zuständig|das jugendamt)|(unser|unsere[ms]?|mein|meinem|das zuständige) jugendamt)',
);

export function isContactRequest(text: string): boolean {
  return CONTACT_REQUEST.test(foldText(text));
}

// In a running case, "An wen wende ich mich?" or "wie erreiche ich die?" asks for the office.
const CONTACT_FOLLOW_UP = foldedRegExp(
  '\\b(an wen (wende|kann|soll) ich mich|wen (rufe|ruf|kann|soll) ich (jetzt |da |dann |denn )?an|wie erreiche? ich (die|das|sie|den|jemanden)|(hab|habe) (ich )?keine (nummer|telefonnummer)|welche nummer|wo (rufe|ruf) ich an)\\b',
);

export function isContactFollowUp(text: string): boolean {
  return CONTACT_FOLLOW_UP.test(foldText(text));
}

const CONTACT_ARTICLE = 'jugendaemter-in-mv';

function officeLines(office: JugendamtContact): string[] {
  const lines = [`**${office.name}**`];
  if (office.phone) lines.push(`- Telefon: ${office.phone}`);
  if (office.website) lines.push(`- Website: [${office.website.replace(/^https?:\/\//, '')}](${office.website})`);
  if (office.on_call) lines.push(`- Erreichbarkeit: ${office.on_call}`);
  // `verified` is the day the source of these data was last looked at, not a review.
  lines.push(`- Stand der Kontaktdaten: Quelle zuletzt eingesehen am ${germanDate(office.verified)}`);
  return lines;
}

export function contactAnswer(contacts: Contacts, regions: Regions, region: string | undefined, reviewed: string | undefined): { text: string; actions: Action[]; sources: ReplySource[] } {
  const hotline = findHotline(contacts, HOTLINE_MV);
  const source: ReplySource = { id: CONTACT_ARTICLE, title: 'Die Jugendämter in Mecklenburg-Vorpommern', url: `/wissen/${CONTACT_ARTICLE}`, ...(reviewed ? { reviewed } : {}) };
  const office = jugendamtFor(contacts, region);
  const lines: string[] = [];
  if (office) {
    const regionName = regions.regions.find((r) => r.id === region)?.name ?? office.name;
    lines.push(`Zuständig ist das Jugendamt des Ortes, an dem das Kind mit seinen Eltern lebt. Für ${regionName} ist das:`, '', ...officeLines(office));
  } else {
    lines.push(
      'Zuständig ist das Jugendamt des Landkreises oder der kreisfreien Stadt, in dem das Kind mit seinen Eltern lebt. Nennen Sie mir den Ort oder den Landkreis (ohne Adresse), dann nenne ich Ihnen das passende Jugendamt.',
      '',
      ...contacts.jugendaemter.map((j) => `- ${j.website ? `[${j.name}](${j.website})` : j.name}`),
    );
  }
  if (hotline) lines.push('', `Rund um die Uhr: ${hotline.name}, **${hotline.phone}** – sie leitet Hinweise an das zuständige Jugendamt weiter.`);
  lines.push('', 'Bei akuter Gefahr: Polizei **110** oder Rettungsdienst **112**.');
  const actions: Action[] = [];
  if (office?.phone) actions.push({ type: 'call', label: `Jugendamt anrufen (${office.phone})`, phone: office.phone });
  if (hotline) actions.push({ type: 'call', label: hotline.name, phone: hotline.phone });
  actions.push({ type: 'escalate', label: 'Mit einer Person sprechen' });
  return { text: lines.join('\n'), actions, sources: [source] };
}
