import type { Contacts } from '../knowledge/types.ts';
import { findHotline, HOTLINE_MV, jugendamtFor, reachOf } from '../knowledge/directory.ts';
import type { Action } from './types.ts';

// The emergency routes shown before anything else when triage says acute. 110 and 112 are
// fixed by law; every other number comes from the checked contact directory.

export const CRISIS_LINES = ['telefonseelsorge', 'nummer-gegen-kummer-kinder'];


function jugendamtLine(contacts: Contacts, region: string | undefined): string | undefined {
  const office = jugendamtFor(contacts, region);
  if (!office) return undefined;
  const reach = reachOf(office)[0] ?? '';
  const onCall = office.on_call ? ` ${office.on_call}` : '';
  return `- **${office.name}** ${reach} – während der Dienstzeit.${onCall}`;
}

const POISON_LINE = 'giftnotruf';

/** Triage signals of a body in danger: the emergency answer then leads with 112. */
const MEDICAL_SIGNALS = new Set(['medical_emergency', 'self_harm_bleeding', 'infant_injury']);

export function emergencyBlock(contacts: Contacts, options: { region?: string; triage: { suicidal: boolean; signals: string[] } }): { text: string; actions: Action[] } {
  const medical = options.triage.signals.some((signal) => MEDICAL_SIGNALS.has(signal));
  const suicidal = options.triage.suicidal;
  const lines = medical
    ? [
        // A body in danger needs the ambulance before anything else.
        '**Bei einem medizinischen Notfall: Rufen Sie sofort die 112 (Rettungsdienst, Notarzt).** Bei Gewalt oder Bedrohung zusätzlich die 110.',
        '',
        '- Bleiben Sie beim Kind, prüfen Sie, ob es ansprechbar ist und atmet, und folgen Sie den Anweisungen der Leitstelle.',
      ]
    : [
        '**Wenn ein Kind jetzt in Gefahr ist: Rufen Sie sofort die 110 (Polizei) oder die 112 (Rettungsdienst, Notarzt).**',
        '',
      ];
  if (medical) {
    const poison = findHotline(contacts, POISON_LINE);
    if (poison) lines.push(`- Bei Vergiftung oder eingenommenen Tabletten zusätzlich: ${poison.name}, **${poison.phone}** (${poison.hours}).`);
  }
  if (!medical) lines.push('- Bleiben Sie beim Kind oder sorgen Sie dafür, dass jemand bei ihm bleibt, bis Hilfe da ist.');
  lines.push(
    '- Schicken Sie das Kind nicht in eine Situation zurück, in der es gefährdet ist.',
    '- Außerhalb der Dienstzeiten des Jugendamts erreichen Sie den Bereitschaftsdienst über die Polizei (110).',
  );
  const mv = findHotline(contacts, HOTLINE_MV);
  if (mv) lines.push(`- ${mv.name}: **${mv.phone}** (${mv.hours}).`);
  const office = jugendamtLine(contacts, options.region);
  if (office) lines.push(office);
  const actions: Action[] = medical
    ? [{ type: 'call', label: 'Rettungsdienst 112', phone: '112' }, { type: 'call', label: 'Polizei 110', phone: '110' }]
    : [{ type: 'call', label: 'Polizei 110', phone: '110' }, { type: 'call', label: 'Rettungsdienst 112', phone: '112' }];
  if (mv) actions.push({ type: 'call', label: mv.name, phone: mv.phone });
  if (suicidal) {
    lines.push('', 'Wenn ein Kind oder Jugendlicher an Suizid denkt: Lassen Sie es nicht allein, nehmen Sie es ernst und rufen Sie im Zweifel die 112.');
    for (const id of CRISIS_LINES) {
      const line = findHotline(contacts, id);
      if (line) lines.push(`- ${line.name}: **${line.phone}** (${line.hours}).`);
    }
  }
  actions.push({ type: 'escalate', label: 'Dringend mit der Kontaktstelle sprechen', urgency: 'urgent' });
  return { text: lines.join('\n'), actions };
}
