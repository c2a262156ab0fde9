// The status line of an escalated case and, once it is closed, the 1–5 rating.

import { el, uniqueId } from './dom.js';
import { describeError } from './api.js';

/**
 * @typedef {{id:string, number?:string, status:string, staffName?:string}} CaseInfo
 * @typedef {import('./app.js').ChatContext} ChatContext
 */

/** German status line for the asker. @param {CaseInfo} info */
export function caseStatusText(info) {
  const prefix = info.number ? `Fall ${info.number}: ` : '';
  switch (info.status) {
    case 'claimed':
      return `${prefix}${info.staffName ? `${info.staffName} von der Kontaktstelle` : 'Eine Fachkraft der Kontaktstelle'} ist jetzt da.`;
    case 'closed':
      return `${prefix}Das Gespräch mit der Kontaktstelle ist beendet.`;
    default:
      // open, released or anything new: the asker is still waiting.
      // Short: this line sits in the sticky composer; the emergency numbers are at the top of
      // the page and in the messages, repeating them here took up to 44 % of a phone screen.
      return `${prefix}Ihre Anfrage wartet auf eine Fachkraft der Kontaktstelle.`;
  }
}

/**
 * The rating shown after a case was closed: 👍/👎 for the help of the Kontaktstelle, with an
 * optional comment (POST …/escalations/rating {rating, comment?}).
 * @param {CaseInfo} info @param {ChatContext} ctx @returns {HTMLElement}
 */
export function renderRating(info, ctx) {
  const name = uniqueId('case-rating');
  const commentId = uniqueId('case-comment');
  const error = el('p', { class: 'error', role: 'alert' });
  const option = (value, emoji, text) => {
    const id = uniqueId('case-rating-option');
    return el('label', { for: id }, el('input', { type: 'radio', id, name, value }), el('span', { 'aria-hidden': 'true', text: `${emoji} ` }), text);
  };
  const form = el(
    'form',
    { class: 'inline-form message', 'aria-label': 'Bewertung der Hilfe durch die Kontaktstelle', 'data-case-id': info.id },
    el(
      'fieldset',
      {},
      el('legend', { text: 'Hat Ihnen das Gespräch mit der Kontaktstelle geholfen?' }),
      el('div', { class: 'radio-row' }, option('up', '👍', 'Ja, hilfreich'), option('down', '👎', 'Nein, eher nicht')),
    ),
    el(
      'div',
      { class: 'field' },
      el('label', { for: commentId, text: 'Kommentar (freiwillig, bitte ohne Namen)' }),
      el('textarea', { id: commentId, name: 'comment', rows: '2', maxlength: '1000' }),
    ),
    error,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary', text: 'Bewertung senden' })),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    const rating = data.get(name);
    if (rating !== 'up' && rating !== 'down') {
      error.textContent = 'Bitte wählen Sie zuerst „hilfreich“ oder „eher nicht“.';
      form.querySelector('input')?.focus();
      return;
    }
    const comment = String(data.get('comment') ?? '').trim();
    try {
      await ctx.rate(info, comment ? { rating, comment } : { rating });
      const done = el('p', { class: 'message message-system', tabindex: '-1', text: 'Danke für Ihre Bewertung.' });
      form.replaceWith(done);
      done.focus();
    } catch (failure) {
      error.textContent = describeError(failure);
    }
  });
  return form;
}

/** The rating was sent in another tab: its form here gives way to the thanks. @param {HTMLElement} root @param {string} caseId */
export function showCaseRated(root, caseId) {
  for (const form of root.querySelectorAll('form[data-case-id]')) {
    if (/** @type {HTMLElement} */ (form).dataset.caseId !== caseId) continue;
    form.replaceWith(el('p', { class: 'message message-system', text: 'Danke für Ihre Bewertung.' }));
  }
}
