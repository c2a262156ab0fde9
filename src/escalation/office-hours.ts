// Office hours of the Kontaktstelle: when a person can answer. Outside them a new case waits,
// the asker is told when to expect an answer, and reminders pause. Pure date arithmetic on
// Intl (no node: imports), so it runs on Workers as well.
import { mvHolidays } from './holidays.ts';

export type OfficeHours = {
  timeZone: string;
  /** ISO weekdays 1 (Mon) … 7 (Sun) with opening and closing minute of the day. */
  days: Record<number, { open: number; close: number } | undefined>;
  /** Extra closed days (YYYY-MM-DD) besides the M-V public holidays. */
  closedDates: string[];
  /** Whether the M-V public holidays are closed days. */
  mvHolidays: boolean;
};

const DAY_NAMES: Record<string, number> = { mo: 1, di: 2, mi: 3, do: 4, fr: 5, sa: 6, so: 7, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const GERMAN_DAY = ['', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];

const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/**
 * Parses "Mo-Fr 08:00-16:00" or "Mo-Do 08:00-16:00; Fr 08:00-13:00". Throws a German message
 * naming the part it could not read.
 */
export function parseOfficeHours(spec: string, timeZone = 'Europe/Berlin', closedDates: string[] = [], holidays = true): OfficeHours {
  const days: OfficeHours['days'] = {};
  for (const part of spec.split(';').map((s) => s.trim()).filter(Boolean)) {
    const m = part.toLowerCase().match(/^([a-z]{2,3})(?:\s*-\s*([a-z]{2,3}))?\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/);
    const from = m && DAY_NAMES[m[1]];
    const to = m && (m[2] ? DAY_NAMES[m[2]] : from);
    if (!m || !from || !to || to < from) throw new Error(`Sprechzeiten „${part}“ nicht lesbar (Beispiel: Mo-Fr 08:00-16:00)`);
    const open = minutes(m[3]);
    const close = minutes(m[4]);
    if (!(open < close && close <= 24 * 60)) throw new Error(`Sprechzeiten „${part}“: Beginn muss vor dem Ende liegen`);
    for (let d = from; d <= to; d++) days[d] = { open, close };
  }
  for (const date of closedDates) if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Schließtag „${date}“ ist kein Datum (JJJJ-MM-TT)`);
  return { timeZone, days, closedDates, mvHolidays: holidays };
}

export const DEFAULT_OFFICE_HOURS = parseOfficeHours('Mo-Fr 08:00-16:00');

type LocalTime = { date: string; weekday: number; minute: number };

function localTime(ms: number, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23' })
      .formatToParts(ms).map((p) => [p.type, p.value]),
  );
  const weekday = DAY_NAMES[parts.weekday.toLowerCase()];
  return { date: `${parts.year}-${parts.month}-${parts.day}`, weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

function closedOn(hours: OfficeHours, date: string): boolean {
  if (hours.closedDates.includes(date)) return true;
  return hours.mvHolidays && mvHolidays(Number(date.slice(0, 4))).includes(date);
}

export function isOpen(hours: OfficeHours, ms: number): boolean {
  const t = localTime(ms, hours.timeZone);
  const day = hours.days[t.weekday];
  return Boolean(day && !closedOn(hours, t.date) && t.minute >= day.open && t.minute < day.close);
}

/** The next moment (ms, minute precision) the office is open; `ms` itself when open now. */
export function nextOpening(hours: OfficeHours, ms: number): number | undefined {
  if (isOpen(hours, ms)) return ms;
  // Step through the coming 21 days by local day; within a day jump to its opening minute.
  let probe = ms - (ms % 60_000);
  for (let i = 0; i < 21 * 24 * 4; i++) {
    const t = localTime(probe, hours.timeZone);
    const day = hours.days[t.weekday];
    if (day && !closedOn(hours, t.date) && t.minute < day.close) {
      const candidate = probe + Math.max(0, day.open - t.minute) * 60_000;
      if (isOpen(hours, candidate)) return candidate;
    }
    probe += 15 * 60_000;
  }
  return undefined;
}

/** "Montag, 08:00 Uhr" or "heute, 08:00 Uhr" — when the asker may expect an answer. */
export function describeOpening(hours: OfficeHours, at: number, now: number): string {
  const t = localTime(at, hours.timeZone);
  const today = localTime(now, hours.timeZone).date;
  const tomorrow = localTime(now + 86_400_000, hours.timeZone).date;
  const hhmm = `${String(Math.floor(t.minute / 60)).padStart(2, '0')}:${String(t.minute % 60).padStart(2, '0')}`;
  const day = t.date === today ? 'heute' : t.date === tomorrow ? 'morgen' : `${GERMAN_DAY[t.weekday]}, ${t.date.slice(8, 10)}.${t.date.slice(5, 7)}.`;
  return `${day} ab ${hhmm} Uhr`;
}

/** Milliseconds of open office time between two moments (for reminders that pause overnight). */
export function openMillisBetween(hours: OfficeHours, from: number, to: number): number {
  let total = 0;
  const step = 60_000 * 5;
  // Coarse enough to be cheap (a week is ~2000 probes), fine enough for minute-scale reminders.
  if (to - from > 14 * 86_400_000) from = to - 14 * 86_400_000;
  for (let t = from; t < to; t += step) if (isOpen(hours, t)) total += Math.min(step, to - t);
  return total;
}

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The office hours in German words for the asker: "Montag bis Freitag 08:00–16:00 Uhr" or
 * "Montag bis Donnerstag 08:00–16:00 Uhr, Freitag 08:00–13:00 Uhr". Consecutive days with the
 * same hours form one group.
 */
export function describeOfficeHours(hours: OfficeHours): string {
  const groups: Array<{ from: number; to: number; open: number; close: number }> = [];
  for (let d = 1; d <= 7; d++) {
    const day = hours.days[d];
    if (!day) continue;
    const last = groups.at(-1);
    if (last && last.to === d - 1 && last.open === day.open && last.close === day.close) last.to = d;
    else groups.push({ from: d, to: d, open: day.open, close: day.close });
  }
  if (groups.length === 0) return 'keine festen Sprechzeiten';
  return groups
    .map((g) => {
      const days = g.from === g.to ? GERMAN_DAY[g.from] : `${GERMAN_DAY[g.from]} bis ${GERMAN_DAY[g.to]}`;
      const time = g.open === 0 && g.close === 24 * 60 ? 'rund um die Uhr' : `${clock(g.open)}–${clock(g.close)} Uhr`;
      return `${days} ${time}`;
    })
    .join(', ');
}
