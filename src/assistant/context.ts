import type { Regions } from '../knowledge/types.ts';
import { COMMON_WORDS } from './safety/common-words.ts';
import { foldText } from './safety/fold.ts';

// Recognises the asker's role and region from what they write, so that both are remembered
// once given ("als Lehrerin", "in unserer Kita", "ich arbeite in Wolgast").

const ROLE_PATTERNS: Array<[string, RegExp]> = [
  ['kita', /\b(kita|kitas|kindergarten|krippe|hort|erzieher(in|innen)?|kindertages(stätte|staette|pflege)|tagesmutter|tagesvater)\b/],
  ['schule', /\b(schulbegleit(er|erin|ung)|schulsekretär(in)?|schule|lehrer(in|innen)?|lehrkraft|lehrkräfte|lehrkraefte|klassenlehrer(in)?|schulsozialarbeit(er|erin)?|schüler(in)?|schueler(in)?|grundschule|gymnasium)\b/],
  ['gesundheit', /\b(gesundheitswesen|logopäd(e|in)|ergotherapeut(in)?|physiotherapeut(in)?|zahnärztin|apotheke|arzt|ärztin|aerztin|ärzte|aerzte|kinderarzt|kinderärztin|praxis|klinik|krankenhaus|hebamme|familienhebamme|pflegekraft|psychotherapeut(in)?|notaufnahme|zahnarzt|sprechstunde|patient(in|en|innen)?|u-?untersuchung|vorsorgeuntersuchung|kinderstation|auf station|stationär)\b/],
  ['verein', /\b(verein|sportverein|trainer(in)?|übungsleiter(in)?|uebungsleiter(in)?|ehrenamt(lich|liche|licher)?|jugendgruppe|feuerwehr)\b/],
  ['andere', /\b(anderes arbeitsfeld|sonstiges arbeitsfeld)\b/],
  ['jugendhilfe', /\b(jugendhilfe|jugendzentrum|jugendclub|wohngruppe|heim|sozialpädagog(e|in)|sozialpaedagog(e|in)|familienhilfe|spfh|streetwork(er)?|freier träger|freien träger)\b/],
];

export function detectRole(text: string): string | undefined {
  const lower = text.toLowerCase();
  const first = ROLE_PATTERNS
    .map(([role, pattern]) => ({ role, index: lower.search(pattern) }))
    .filter((hit) => hit.index >= 0)
    .sort((a, b) => a.index - b.index)[0];
  return first?.role;
}

export type RegionFinder = (text: string) => string | undefined;

/** Everyday words, folded like the names: a place called like one needs a preposition. */
const COMMON = new Set([...COMMON_WORDS].map((w) => foldText(w)));

/** Builds a finder over the place and region names; longest names are tried first. */
export function createRegionFinder(regions: Regions): RegionFinder {
  // A place is more specific than a district or its seat: "Sanitz bei Rostock" is the Landkreis
  // Rostock, "Crivitz bei Schwerin" Ludwigslust-Parchim. Places are tried first, longest first.
  const names: Array<{ key: string; region: string; place: boolean }> = [];
  const ambiguous: Array<{ pattern: RegExp; region: string }> = [];
  let adding = false;
  const add = (name: string, region: string) => names.push({ key: ` ${foldText(name).replace(/[^a-z0-9]+/g, ' ').trim()} `, region, place: adding });
  const placeKeys = new Set([...regions.places.map((p) => foldText(p.name)), ...regions.regions.map((r) => foldText(r.seat))]);
  for (const region of regions.regions) {
    add(region.name, region.id);
    add(region.seat, region.id);
    // "Vorpommern-Greifswald" alone means the district, but "Rostock" alone means the city.
    const short = region.name.replace(/^(Landkreis|Hansestadt|Landeshauptstadt)\s+/i, '');
    if (!placeKeys.has(foldText(short))) add(short, region.id);
  }
  adding = true;
  for (const place of regions.places) {
    add(place.name, place.region);
    // "Waren (Müritz)" is also written "Waren".
    const plain = place.name.replace(/\s*\(.*\)\s*$/, '');
    // A short name that is also an everyday word ("Waren", "wir wären") counts only after a
    // preposition of place, capitalised: "in Waren", "aus Waren".
    if (plain !== place.name && COMMON.has(foldText(plain))) ambiguous.push({ pattern: new RegExp(`\\b(in|aus|bei|nach|von|um|nahe|Raum)\\s+${plain}\\b`), region: place.region });
    else if (plain !== place.name) add(plain, place.region);
    if (place.postcode) add(place.postcode, place.region);
  }
  const seats = new Set(regions.regions.map((r) => ` ${foldText(r.seat).replace(/[^a-z0-9]+/g, ' ').trim()} `));
  // A place that is also a district seat (Rostock, Schwerin, …) counts as a seat, not as a place.
  const specific = (n: { key: string; place: boolean }) => n.place && !seats.has(n.key);
  const usable = names.filter((n) => n.key.trim().length >= 3)
    .sort((a, b) => Number(specific(b)) - Number(specific(a)) || b.key.length - a.key.length);
  // Indexed by first word, so a message is checked against the few names it could contain.
  const byFirstWord = new Map<string, Array<{ key: string; region: string; rank: number }>>();
  usable.forEach((n, rank) => {
    const first = n.key.trim().split(' ')[0]!;
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), { key: n.key, region: n.region, rank }]);
  });
  return (text) => {
    const folded = ` ${foldText(text).replace(/[^a-z0-9]+/g, ' ')} `;
    let best: { region: string; rank: number } | undefined;
    for (const word of new Set(folded.trim().split(' '))) {
      for (const entry of byFirstWord.get(word) ?? []) {
        if ((!best || entry.rank < best.rank) && folded.includes(entry.key)) best = entry;
      }
    }
    return best?.region ?? ambiguous.find((a) => a.pattern.test(text))?.region;
  };
}
