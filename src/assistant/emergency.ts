import type { Contacts } from '../knowledge/types.ts';
import type { Action } from './types.ts';

// The emergency routes shown before anything else when triage says acute. 110 and 112 are
// fixed by law; every other number comes from the checked contact directory.

export const HOTLINE_MV = 'kinderschutzhotline-mv';
export const CRISIS_LINES = ['telefonseelsorge', 'nummer-gegen-kummer-kinder'];

function hotline(contacts: Contacts, id: string) {
  return contacts.hotlines.find((h) => h.id === id);
}

function jugendamtLine(contacts: Contacts, region: string | undefined): string | undefined {
  const office = region ? contacts.jugendaemter.find((j) => j.region === region) : undefined;
  if (!office) return undefined;
  const reach = office.phone ? `Tel. ${office.phone}` : office.website ? `[Website](${office.website})` : '';
  const onCall = office.on_call ? ` ${office.on_call}` : '';
  return `- **${office.name}** ${reach} – während der Dienstzeit.${onCall}`;
}

export function emergencyBlock(contacts: Contacts, options: { region?: string; suicidal: boolean }): { text: string; actions: Action[] } {
  const lines = [
    '**Wenn ein Kind jetzt in Gefahr ist: Rufen Sie sofort die 110 (Polizei) oder die 112 (Rettungsdienst, Notarzt).**',
    '',
    '- Bleiben Sie beim Kind oder sorgen Sie dafür, dass jemand bei ihm bleibt, bis Hilfe da ist.',
    '- Schicken Sie das Kind nicht in eine Situation zurück, in der es gefährdet ist.',
    '- Außerhalb der Dienstzeiten des Jugendamts erreichen Sie den Bereitschaftsdienst über die Polizei (110).',
  ];
  const mv = hotline(contacts, HOTLINE_MV);
  if (mv) lines.push(`- ${mv.name}: **${mv.phone}** (${mv.hours}).`);
  const office = jugendamtLine(contacts, options.region);
  if (office) lines.push(office);
  const actions: Action[] = [
    { type: 'call', label: 'Polizei 110', phone: '110' },
    { type: 'call', label: 'Rettungsdienst 112', phone: '112' },
  ];
  if (mv) actions.push({ type: 'call', label: mv.name, phone: mv.phone });
  if (options.suicidal) {
    lines.push('', 'Wenn ein Kind oder Jugendlicher an Suizid denkt: Lassen Sie es nicht allein, nehmen Sie es ernst und rufen Sie im Zweifel die 112.');
    for (const id of CRISIS_LINES) {
      const line = hotline(contacts, id);
      if (line) lines.push(`- ${line.name}: **${line.phone}** (${line.hours}).`);
    }
  }
  actions.push({ type: 'escalate', label: 'Dringend mit der Kontaktstelle sprechen', urgency: 'urgent' });
  return { text: lines.join('\n'), actions };
}
