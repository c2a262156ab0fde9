import { splitSections } from './chunk.ts';
import { changedSinceApproval } from './editorial.ts';
import { REQUIRED_ARTICLES, REQUIRED_SECTIONS } from './required.ts';
import type { Article, KnowledgeBundle } from './types.ts';

// Editorial checks beyond the schema: links between articles, review dates, sources that the
// text names, and the contact directory against the regions.

export type Finding = { level: 'error' | 'warning'; file: string; message: string };

const ARTICLE_LINK = /\]\(artikel:([a-z0-9-]+)(#[^)]*)?\)/g;
const URL_IN_TEXT = /https?:\/\/[^\s)>\]]+/g;

function normalizeUrl(url: string): string {
  return url.replace(/[.,;]+$/, '').replace(/\/+$/, '').toLowerCase();
}

/** The approval against the content: what an editor must know before the article is shown as approved. */
function editorialFindings(article: Article, file: string): Finding[] {
  const approval = article.approval;
  if (!approval) return [];
  const findings: Finding[] = [];
  const again = `erneut freigeben: npm run knowledge:approve -- ${article.id} --by "Name, Funktion"`;
  if (article.status === 'approved' && approval.date < article.stand) {
    findings.push({ level: 'error', file, message: `Freigabe vom ${approval.date} liegt vor dem Stand ${article.stand}` });
  }
  if (changedSinceApproval(article)) {
    findings.push({ level: 'warning', file, message: `Text seit der Freigabe am ${approval.date} (${approval.name}) geändert – die neue Fassung ist nicht freigegeben; ${again}` });
    if (article.stand <= approval.date) findings.push({ level: 'warning', file, message: `Text seit der Freigabe geändert, aber stand (${article.stand}) nicht aktualisiert` });
  } else if (article.status === 'changed') {
    findings.push({ level: 'warning', file, message: `als seit der Freigabe geändert markiert (status: changed) – ${again}` });
  }
  return findings;
}

export function checkKnowledge(bundle: KnowledgeBundle, today: string): Finding[] {
  const findings: Finding[] = [];
  const ids = new Set(bundle.articles.map((a) => a.id));
  for (const id of REQUIRED_ARTICLES) {
    if (!ids.has(id)) findings.push({ level: 'error', file: `articles/${id}.md`, message: 'fehlt, wird aber vom Lotsen gebraucht (src/knowledge/required.ts)' });
  }
  const sections = new Set(bundle.passages.map((p) => p.id));
  for (const id of REQUIRED_SECTIONS) {
    if (!sections.has(id)) findings.push({ level: 'error', file: `articles/${id.split('#')[0]}.md`, message: `Abschnitt „${id}“ fehlt, wird aber vom Lotsen gebraucht (src/knowledge/required.ts)` });
  }
  for (const article of bundle.articles) {
    const file = `articles/${article.id}.md`;
    for (const match of article.body.matchAll(ARTICLE_LINK)) {
      if (!ids.has(match[1])) findings.push({ level: 'error', file, message: `Link auf unbekannten Artikel "${match[1]}"` });
    }
    if (article.reviewDue < today) findings.push({ level: 'warning', file, message: `Überprüfung fällig seit ${article.reviewDue}` });
    if (article.reviewDue < article.stand) findings.push({ level: 'error', file, message: 'review_due liegt vor stand' });
    findings.push(...editorialFindings(article, file));
    const { sections } = splitSections(article.body);
    const answerSections = sections.filter((s) => !/^(rechtsgrundlagen|quellen)$/i.test(s.heading));
    if (answerSections.length === 0) findings.push({ level: 'error', file, message: 'keine Abschnitte mit ## Überschrift' });
    const quellen = sections.find((s) => /^quellen$/i.test(s.heading));
    if (!quellen) {
      findings.push({ level: 'error', file, message: 'Abschnitt "## Quellen" fehlt' });
      continue;
    }
    // Every URL the Quellen section cites must be a declared source, or it cannot be shown or checked.
    const declared = new Set(article.sources.map((s) => normalizeUrl(s.url)));
    for (const url of quellen.text.match(URL_IN_TEXT) ?? []) {
      if (!declared.has(normalizeUrl(url))) findings.push({ level: 'error', file, message: `Quelle ${url} steht im Text, aber nicht in sources` });
    }
  }
  // Every answer section should say what it answers (knowledge/answers/<id>.yaml).
  for (const passage of bundle.passages) {
    if (!passage.answers) findings.push({ level: 'warning', file: `answers/${passage.articleId}.yaml`, message: `Abschnitt "${passage.heading}" hat keine typischen Fragen` });
  }
  const regionIds = new Set(bundle.regions.regions.map((r) => r.id));
  const covered = new Set(bundle.contacts.jugendaemter.map((j) => j.region));
  for (const id of regionIds) {
    if (!covered.has(id)) findings.push({ level: 'error', file: 'contacts.yaml', message: `kein Jugendamt für Region ${id}` });
  }
  // hours and on_call are shown to users as they are; notes to editors belong in `note`.
  const EDITOR_NOTE = /\b(prüfen|nicht bestätigt|todo|fixme)\b/i;
  const shown = [
    ...bundle.contacts.hotlines.map((h) => [h.id, h.hours] as const),
    ...bundle.contacts.opferambulanzen.map((o) => [o.id, o.hours ?? ''] as const),
    ...bundle.contacts.jugendaemter.map((j) => [j.region, j.on_call ?? ''] as const),
  ];
  for (const [id, text] of shown) {
    if (EDITOR_NOTE.test(text)) findings.push({ level: 'error', file: 'contacts.yaml', message: `${id}: Hinweis an die Redaktion im angezeigten Text – bitte nach "note" verschieben` });
  }
  const seenPlaces = new Map<string, string>();
  for (const place of bundle.regions.places) {
    const previous = seenPlaces.get(place.name.toLowerCase());
    if (previous && previous !== place.region) findings.push({ level: 'error', file: 'regions.yaml', message: `Ort "${place.name}" zwei Regionen zugeordnet` });
    seenPlaces.set(place.name.toLowerCase(), place.region);
  }
  return findings;
}
