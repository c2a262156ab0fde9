// What staff change after sending, shown where it happened: a message corrected in Matrix gets
// its new text in the same bubble, marked "(korrigiert)"; a withdrawn one shows only the note
// that replaced it, marked "(zurückgezogen)". And while the staff member types, one line says
// "Die Fachkraft schreibt …" — for at most the time the service names, so it never sticks.

import { el } from './dom.js';
import { renderMarkdown } from './markdown.js';

/**
 * The mark after the heading of a changed staff message (history and live).
 * @param {HTMLElement} article @param {{editedAt?:string, withdrawnAt?:string}} message
 */
export function markChange(article, message) {
  const label = message.withdrawnAt ? 'zurückgezogen' : message.editedAt ? 'korrigiert' : '';
  article.classList.toggle('message-withdrawn', Boolean(message.withdrawnAt));
  const heading = article.querySelector('.message-author');
  if (!label || !heading) return;
  const mark = heading.querySelector('.message-change') ?? heading.appendChild(el('span', { class: 'message-change' }));
  mark.textContent = ` (${label})`;
}

/**
 * A `message.corrected` or `message.withdrawn` event: the bubble takes the stored text.
 * @param {HTMLElement} article @param {{text:string, editedAt?:string, withdrawnAt?:string}} message the shown message (updated in place)
 * @param {{text?:string, editedAt?:string, withdrawnAt?:string}} change
 */
export function applyChange(article, message, change) {
  if (typeof change.text !== 'string') return;
  message.text = change.text;
  if (change.editedAt) message.editedAt = change.editedAt;
  if (change.withdrawnAt) message.withdrawnAt = change.withdrawnAt;
  const body = article.querySelector('.markdown');
  if (body) body.replaceChildren(renderMarkdown(change.text));
  markChange(article, message);
}

/** The typing line, placed after `anchor` (the busy line above the composer). @param {HTMLElement} anchor */
export function createTypingLine(anchor) {
  const line = el('p', { class: 'typing', id: 'staff-typing', hidden: true, text: 'Die Fachkraft schreibt …' });
  anchor.after(line);
  /** @type {ReturnType<typeof setTimeout>|undefined} */
  let timer;
  const hide = () => {
    clearTimeout(timer);
    line.hidden = true;
  };
  return {
    /** @param {{typing?: boolean, forMs?: number}} data the SSE `typing` event */
    update(data) {
      if (!data?.typing) return hide();
      // Bounded on the page as well: never longer than 30 s without a renewal from the service.
      const forMs = Math.min(Math.max(Number(data.forMs) || 0, 0), 30_000);
      if (forMs === 0) return hide();
      line.hidden = false;
      clearTimeout(timer);
      timer = setTimeout(hide, forMs);
    },
    hide,
  };
}
