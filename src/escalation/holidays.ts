// Public holidays of Mecklenburg-Vorpommern (Feiertagsgesetz M-V): ten nation-wide or northern
// days plus the International Women's Day, a holiday in M-V since 2023. Computed, so that no
// list has to be kept up to date; operators add their own closing days by configuration.

/** Easter Sunday (Gregorian, anonymous algorithm) as [month 1-12, day]. */
export function easterSunday(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const iso = (year: number, month: number, day: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

function shifted(year: number, [month, day]: [number, number], days: number): string {
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return date.toISOString().slice(0, 10);
}

/** The M-V public holidays of a year as YYYY-MM-DD. */
export function mvHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const days = [
    iso(year, 1, 1), // Neujahr
    shifted(year, easter, -2), // Karfreitag
    shifted(year, easter, 1), // Ostermontag
    iso(year, 5, 1), // Tag der Arbeit
    shifted(year, easter, 39), // Christi Himmelfahrt
    shifted(year, easter, 50), // Pfingstmontag
    iso(year, 10, 3), // Tag der Deutschen Einheit
    iso(year, 10, 31), // Reformationstag
    iso(year, 12, 25),
    iso(year, 12, 26),
  ];
  if (year >= 2023) days.push(iso(year, 3, 8)); // Internationaler Frauentag
  return days.sort();
}
