// Fixed lists for closing a case, so that the statistics can count them. Ids are what staff type
// (`!abschließen verfahren jugendamt`), labels what reports show.

export type CloseOption = { id: string; label: string };

export const CLOSE_TOPICS: CloseOption[] = [
  { id: 'einschaetzung', label: 'Einschätzung von Anhaltspunkten' },
  { id: 'verfahren', label: 'Vorgehen nach § 8a SGB VIII / § 4 KKG' },
  { id: 'elterngespraech', label: 'Gespräch mit Eltern' },
  { id: 'datenschutz', label: 'Datenschutz und Schweigepflicht' },
  { id: 'sexualisierte-gewalt', label: 'sexualisierte Gewalt' },
  { id: 'haeusliche-gewalt', label: 'häusliche Gewalt' },
  { id: 'vernachlaessigung', label: 'Vernachlässigung' },
  { id: 'koerperliche-gewalt', label: 'körperliche Gewalt' },
  { id: 'zustaendigkeit', label: 'zuständige Stelle finden' },
  { id: 'sonstiges', label: 'Sonstiges' },
];

export const CLOSE_OUTCOMES: CloseOption[] = [
  { id: 'beraten', label: 'beraten' },
  { id: 'insofa', label: 'an insoweit erfahrene Fachkraft verwiesen' },
  { id: 'jugendamt', label: 'an Jugendamt verwiesen' },
  { id: 'notfall', label: 'Notfallweg genannt' },
  { id: 'andere-stelle', label: 'an andere Stelle verwiesen' },
  { id: 'nicht-erreicht', label: 'anfragende Person nicht mehr erreicht' },
];

export const isTopic = (id: string) => CLOSE_TOPICS.some((o) => o.id === id);
export const isOutcome = (id: string) => CLOSE_OUTCOMES.some((o) => o.id === id);
