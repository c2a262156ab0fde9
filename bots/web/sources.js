// An answer names its sources once. The service's Markdown carries them for readers that see
// only the text (Matrix, the summary file): a "Mehr dazu:" list, an italic "Quelle: …, Stand …"
// line and the editorial state line. The web chat shows all of it in one "Quellen" list under
// the answer, so those lines are left out of the rendered text here — but only the ones the
// list really repeats.

import { editorialNote, el, formatDate } from './dom.js';
import { opensNewTab, safeHref } from './markdown.js';

const MORE_HEADER = /^\s*Mehr dazu:\s*$/;
const MORE_INLINE = /^\s*Mehr dazu:\s*\[[^\]]*\]\(([^)\s]+)\)\s*$/;
const LIST_LINK = /^\s*[-*]\s+\[[^\]]*\]\(([^)\s]+)\)\s*$/;
const SOURCE_LINE = /^\s*_Quelle: .*, Stand [^_]*\._\s*$/;
const STATE_LINE = /^\s*_(Entwurf|Geänderte Fassung) – noch nicht von der Kontaktstelle fachlich freigegeben\._\s*$/;

/**
 * @param {string} markdown the reply text
 * @param {unknown} sources reply.sources
 * @returns {string} the text without the lines the sources list shows anyway
 */
export function withoutSourceLines(markdown, sources) {
  const list = Array.isArray(sources) ? sources.filter((s) => s && typeof s.title === 'string') : [];
  if (list.length === 0) return markdown;
  const urls = new Set(list.map((s) => String(s.url ?? '')));
  const statesShown = list.every((s) => typeof s.status === 'string');
  const lines = String(markdown).split('\n');
  const kept = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const inline = MORE_INLINE.exec(line);
    if (inline && urls.has(inline[1])) continue;
    if (MORE_HEADER.test(line)) {
      let end = i + 1;
      const links = [];
      for (let match; end < lines.length && (match = LIST_LINK.exec(lines[end])); end += 1) links.push(match[1]);
      if (links.length > 0 && links.every((url) => urls.has(url))) {
        i = end - 1;
        continue;
      }
    }
    if (SOURCE_LINE.test(line)) continue;
    if (statesShown && STATE_LINE.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The one list of sources under an answer. @param {unknown} sources @returns {HTMLElement|null} */
export function renderSources(sources) {
  if (!Array.isArray(sources) || sources.length === 0) return null;
  const list = el('ul');
  for (const source of sources) {
    if (!source || typeof source.title !== 'string') continue;
    const href = safeHref(source.url ?? '');
    const reviewed = source.reviewed ?? source.stand;
    const link = href
      ? el('a', { href, target: opensNewTab(href) ? '_blank' : undefined, rel: opensNewTab(href) ? 'noopener noreferrer' : undefined, text: source.title })
      : el('span', { text: source.title });
    const note = editorialNote(source.status);
    list.appendChild(el('li', {}, link,
      reviewed ? el('span', { class: 'source-date', text: ` (Stand: ${formatDate(reviewed)})` }) : null,
      note ? el('span', { class: 'source-status', 'data-status': source.status, text: ` – ${note}` }) : null));
  }
  if (!list.firstChild) return null;
  return el('div', { class: 'sources' }, el('h4', { class: 'sources-title', text: 'Quellen und mehr dazu' }), list);
}
