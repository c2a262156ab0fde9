// Detect and redact personal data in German free text before anything is stored, logged,
// indexed or relayed. Pure and synchronous; no node: imports (runs on Workers).

import {
  findAddresses, findBirthdates, findEmails, findIbans, findIdNumbers, findPhones, findPostcodes,
} from './safety/pii-patterns.ts';
import type { PiiFinding, PiiType } from './safety/pii-patterns.ts';
import { findNames } from './safety/pii-names.ts';
import { findSpelledPhones } from './safety/pii-spelled.ts';
import { detectionView, originalSpan } from './safety/pii-view.ts';

export type { PiiFinding, PiiType };

export const PLACEHOLDERS: Record<PiiType, string> = {
  name: '[Name]',
  birthdate: '[Geburtsdatum]',
  address: '[Adresse]',
  postcode: '[PLZ]',
  phone: '[Telefon]',
  email: '[E-Mail]',
  idnumber: '[Nummer]',
  iban: '[IBAN]',
};

// When spans overlap, the more specific pattern wins (an e-mail contains a name-like part,
// an IBAN contains digit runs that look like a phone number).
const PRIORITY: Record<PiiType, number> = {
  email: 8, iban: 7, phone: 6, idnumber: 5, birthdate: 4, address: 3, postcode: 2, name: 1,
};

function resolveOverlaps(findings: PiiFinding[]): PiiFinding[] {
  const ranked = [...findings].sort(
    (a, b) => PRIORITY[b.type] - PRIORITY[a.type] || (b.end - b.start) - (a.end - a.start),
  );
  const kept: PiiFinding[] = [];
  for (const f of ranked) {
    if (f.end <= f.start) continue;
    if (kept.some((k) => f.start < k.end && k.start < f.end)) continue;
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// Detection runs on a normalised copy (see pii-view.ts); the findings are spans of the text given.
export function detectPersonalData(text: string): PiiFinding[] {
  const view = detectionView(text);
  return detectInView(view.text).map((f) => ({ ...f, ...originalSpan(view, f.start, f.end) }));
}

function detectInView(text: string): PiiFinding[] {
  const structured = [
    ...findEmails(text), ...findIbans(text), ...findPhones(text), ...findSpelledPhones(text), ...findIdNumbers(text),
    ...findAddresses(text), ...findPostcodes(text),
  ];
  // Names inside an e-mail address or a street name ("Goethestraße") are not separate names.
  const names = findNames(text).filter((n) => !structured.some((s) => n.start < s.end && s.start < n.end));
  const nameEnds = new Set(names.map((n) => n.end));
  return resolveOverlaps([...structured, ...names, ...findBirthdates(text, nameEnds)]);
}

export function redact(text: string): { text: string; findings: PiiFinding[] } {
  const findings = detectPersonalData(text);
  let out = '';
  let last = 0;
  for (const f of findings) {
    out += text.slice(last, f.start) + PLACEHOLDERS[f.type];
    last = f.end;
  }
  return { text: out + text.slice(last), findings };
}
