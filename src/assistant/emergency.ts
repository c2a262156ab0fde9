import type { Contacts } from '../knowledge/types.ts';
import { findHotline, HOTLINE_MV, jugendamtFor, reachOf } from '../knowledge/directory.ts';
import type { Action } from './types.ts';

// The safety block above an answer — never instead of it, and short: acute danger leads with
// 110/112, urgency with "today". 110 and 112 are fixed by law; every other number comes from the
// checked contact directory. Lines fit the reader: whether they are with the child, writing from
// afar, or medical staff with the child in their care; and what the danger is.

export const CRISIS_LINES = ['telefonseelsorge', 'nummer-gegen-kummer-kinder'];

/** Who reads the block: their field and where they are (situation slot `where`). */
export type Reader = { role?: string; where?: string };

function jugendamtLine(contacts: Contacts, region: string | undefined): string | undefined {
  const office = jugendamtFor(contacts, region);
  if (!office) return undefined;
  const reach = reachOf(office)[0] ?? '';
  // In a safety block only what helps at once; a long note on the on-call service stays on the article page.
  const onCall = office.on_call && office.on_call.length <= 120 ? ` ${office.on_call}` : '';
  return `- **${office.name}** ${reach} – während der Dienstzeit.${onCall}`;
}

const POISON_LINE = 'giftnotruf';

/** Triage signals of a body in danger: the emergency answer then leads with 112. */
const MEDICAL_SIGNALS = new Set(['medical_emergency', 'self_harm_bleeding', 'infant_injury']);

// What to do about the danger itself, by the signal that found it.
const DANGER_LINES: Array<[string[], string]> = [
  [['unfit_carer_taking_child'], '- Geben Sie das Kind nicht mit. Halten Sie die Person hin, holen Sie eine Kollegin oder einen Kollegen dazu und rufen Sie die 110.'],
  [['protected_child_taken', 'protection_order_breach'], '- Geben Sie das Kind nicht heraus, auch nicht an die Eltern, und rufen Sie die 110. Die Polizei verständigt den Bereitschaftsdienst des Jugendamts.'],
  [['shared_death_hint'], '- Nehmen Sie den Hinweis ernst: Lassen Sie das Kind nicht mit dieser Person allein, wenn Sie es verhindern können, und rufen Sie die 110.'],
  [['planned_irreversible_harm'], '- Lassen Sie das Kind nicht mitnehmen und rufen Sie die 110; die Polizei verständigt das Jugendamt.'],
  [['carer_psychosis', 'carer_breakdown_with_child'], '- Lassen Sie die Kinder nicht mit dem Elternteil allein, wenn Sie es verhindern können, und rufen Sie die 110; braucht der Elternteil selbst sofort Hilfe, die 112.'],
];

function readerLine(reader: Reader, medical: boolean): string {
  if (reader.where === 'remote') return '- Sie sind nicht vor Ort: Sagen Sie der Leitstelle, wo das Kind ist und was Sie wissen.';
  if (reader.role === 'gesundheit' && reader.where === 'with-asker') {
    return '- Das Kind ist bei Ihnen: Lassen Sie es nicht mit der gefährdenden Person gehen und ziehen Sie die diensthabende Ärztin oder den diensthabenden Arzt hinzu.';
  }
  return medical
    ? '- Bleiben Sie beim Kind, prüfen Sie, ob es ansprechbar ist und atmet, und folgen Sie den Anweisungen der Leitstelle.'
    : '- Bleiben Sie beim Kind oder sorgen Sie dafür, dass jemand bei ihm bleibt, bis Hilfe da ist.';
}

export function emergencyBlock(
  contacts: Contacts,
  options: { region?: string; triage: { suicidal: boolean; signals: string[] }; reader?: Reader },
): { text: string; actions: Action[] } {
  const { signals, suicidal } = options.triage;
  const medical = signals.some((signal) => MEDICAL_SIGNALS.has(signal));
  const lines = [
    medical
      ? '**Bei einem medizinischen Notfall: Rufen Sie sofort die 112 (Rettungsdienst, Notarzt).** Bei Gewalt oder Bedrohung zusätzlich die 110.'
      : '**Wenn ein Kind jetzt in Gefahr ist: Rufen Sie sofort die 110 (Polizei) oder die 112 (Rettungsdienst, Notarzt).**',
    '',
  ];
  const danger = DANGER_LINES.find(([names]) => names.some((n) => signals.includes(n)));
  if (danger) lines.push(danger[1]);
  lines.push(readerLine(options.reader ?? {}, medical));
  if (medical) {
    const poison = findHotline(contacts, POISON_LINE);
    if (poison) lines.push(`- Bei Vergiftung oder eingenommenen Tabletten zusätzlich: ${poison.name}, **${poison.phone}** (${poison.hours}).`);
  }
  lines.push('- Außerhalb der Dienstzeiten des Jugendamts erreichen Sie den Bereitschaftsdienst über die Polizei (110).');
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

/** Act today: the Jugendamt today, after hours its Bereitschaftsdienst; 110 if it turns acute. */
export function urgentBlock(contacts: Contacts, options: { region?: string }): { text: string; actions: Action[] } {
  const mv = findHotline(contacts, HOTLINE_MV);
  const reachable = [jugendamtLine(contacts, options.region), mv ? `- ${mv.name}: **${mv.phone}** (${mv.hours}).` : undefined].filter((l) => l !== undefined);
  const lines = [
    '**Das sollte heute noch geklärt werden:** Informieren Sie heute das Jugendamt. Außerhalb der Dienstzeiten erreichen Sie den Bereitschaftsdienst über die Polizei (110). Wird es akut, rufen Sie sofort die 110.',
    ...(reachable.length ? ['', ...reachable] : []),
  ];
  const actions: Action[] = [];
  const reach = jugendamtFor(contacts, options.region);
  if (reach?.phone) actions.push({ type: 'call', label: `Jugendamt anrufen (${reach.phone})`, phone: reach.phone });
  if (mv) actions.push({ type: 'call', label: mv.name, phone: mv.phone });
  actions.push({ type: 'escalate', label: 'Dringend mit der Kontaktstelle sprechen', urgency: 'urgent' });
  return { text: lines.join('\n'), actions };
}
