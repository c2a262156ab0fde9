import type { Article, Contacts } from '../knowledge/types.ts';
import type { SearchHit, SearchResult } from '../search/index.ts';
import { findHotline, HOTLINE_MV, jugendamtFor, reachOf } from '../knowledge/directory.ts';
import { germanDate } from './text.ts';
import { statusLine } from '../knowledge/editorial.ts';
import type { Action, ReplySource } from './types.ts';

// Composes an answer only from knowledge-base passages: the best passage in full, up to two
// more from other articles as pointers, every one of them cited with its "Stand".

const JUGENDAMT_TOPICS = /jugendamt|meldung|inobhutnahme|akute/i;

export type ComposedAnswer = { text: string; sources: ReplySource[]; actions: Action[]; articleIds: string[] };

function source(hit: SearchHit): ReplySource {
  return { id: hit.passage.articleId, title: hit.passage.articleTitle, url: hit.passage.url, reviewed: hit.passage.reviewed };
}

function distinctArticles(hits: SearchHit[], max: number): SearchHit[] {
  const seen = new Set<string>();
  const picked: SearchHit[] = [];
  for (const hit of hits) {
    if (seen.has(hit.passage.articleId)) continue;
    seen.add(hit.passage.articleId);
    picked.push(hit);
    if (picked.length === max) break;
  }
  return picked;
}

/** The region's Jugendamt as one Markdown line, when the answer is about involving it. */
export function regionalContactLine(contacts: Contacts, region: string | undefined): string | undefined {
  const office = jugendamtFor(contacts, region);
  if (!office) return undefined;
  const parts = reachOf(office);
  return `**Ihr Jugendamt:** ${office.name}${parts.length ? ` – ${parts.join(', ')}` : ''}`;
}

export function composeAnswer(
  result: SearchResult,
  options: { contacts: Contacts; region?: string; articles: Map<string, Article>; direct?: boolean; lead?: string },
): ComposedAnswer {
  const [best, ...more] = distinctArticles(result.hits, 3);
  // The editor's short answer first, so that the question asked is answered in the first
  // sentence (a yes/no question with its yes or no); then the section it summarises.
  const short = options.lead ?? (options.direct ? best.passage.answers?.short : undefined);
  // The heading alone reads best; the article's title follows in the source line.
  const lines = [...(short ? [short, ''] : []), `**${best.passage.heading}**`, '', best.passage.text];
  const related = more.filter((hit) => hit.score >= best.score * 0.5);
  if (related.length) {
    lines.push('', 'Mehr dazu:');
    // Titles only: the summaries made answers several screens long on a phone.
    for (const hit of related) lines.push(`- [${hit.passage.articleTitle}](${hit.passage.url})`);
  }
  const contact = JUGENDAMT_TOPICS.test(`${best.passage.articleId} ${best.passage.text}`) ? regionalContactLine(options.contacts, options.region) : undefined;
  if (contact) lines.push('', contact);
  lines.push('', `_Quelle: ${best.passage.articleTitle}, Stand ${germanDate(best.passage.reviewed)}._`);
  // Until a named person of the Kontaktstelle approves the article, the answer says it is a draft.
  const draft = statusLine(options.articles.get(best.passage.articleId));
  if (draft) lines.push(`_${draft}._`);
  const used = [best, ...related];
  return {
    text: lines.join('\n'),
    sources: used.map(source),
    actions: [
      { type: 'quick_reply', label: 'Was muss ich jetzt tun?', value: 'Was muss ich jetzt tun?' },
      { type: 'escalate', label: 'Mit einer Person sprechen' },
    ],
    articleIds: used.map((hit) => hit.passage.articleId),
  };
}

/** A question outside child protection: said plainly, with where to ask instead. */
export function offTopicAnswer(): { text: string; actions: Action[] } {
  return {
    text: [
      'Dazu kann ich Ihnen nichts sagen: Der Kinderschutz-Lotse beantwortet nur Fragen zum Schutz von Kindern – etwa bei einer Sorge um ein Kind, zu Schweigepflicht und Datenschutz, zum Jugendamt oder zu Hilfen für Familien.',
      '',
      'Für Ihre Frage wenden Sie sich bitte an die Stelle, die dafür zuständig ist, zum Beispiel Ihre Gemeinde, Ihren Träger oder eine allgemeine Beratungsstelle.',
    ].join('\n'),
    actions: [{ type: 'quick_reply', label: 'Ich habe eine Frage zum Kinderschutz', value: 'Ich mache mir Sorgen um ein Kind.' }],
  };
}

export function fallbackAnswer(contacts: Contacts): { text: string; actions: Action[] } {
  const mv = findHotline(contacts, HOTLINE_MV);
  const lines = [
    'Dazu finde ich in meiner Wissensbasis keine verlässliche Antwort, und ich möchte nichts erfinden.',
    '',
    'Eine Fachkraft der Kontaktstelle Kinderschutz kann Ihnen weiterhelfen – auf Wunsch auch ohne Namen. Sie können Ihre Frage auch anders formulieren.',
  ];
  if (mv) lines.push('', `Rund um die Uhr erreichbar: ${mv.name}, **${mv.phone}**.`);
  return {
    text: lines.join('\n'),
    actions: [
      { type: 'escalate', label: 'Mit einer Person sprechen' },
      { type: 'quick_reply', label: 'Was muss ich jetzt tun?', value: 'Was muss ich jetzt tun?' },
    ],
  };
}
