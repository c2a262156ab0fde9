// 👍/👎 under each answer, with an optional comment. Choosing opens a small form; sending it
// posts once to …/feedback (the service keeps one rating per answer).

import { el, uniqueId } from './dom.js';
import { ApiError, describeError } from './api.js';

/** @typedef {import('./app.js').ChatContext} ChatContext */

/** @param {string} messageId @param {ChatContext} ctx @returns {HTMLElement} */
export function renderFeedback(messageId, ctx) {
  const up = ratingButton('👍', 'Hilfreich');
  const down = ratingButton('👎', 'Nicht hilfreich');
  const box = el('div', { class: 'feedback', role: 'group', 'aria-label': 'War diese Antwort hilfreich?' }, el('span', { text: 'War das hilfreich?' }), up, down);
  const wrapper = el('div', {}, box);
  /** @type {'up'|'down'} */
  let current = 'up';
  /** @type {HTMLElement|null} */
  let form = null;

  const finish = (text) => {
    for (const button of [up, down]) button.setAttribute('disabled', '');
    const done = el('p', { class: 'hint', tabindex: '-1', text });
    if (form) form.replaceWith(done);
    else wrapper.appendChild(done);
    form = null;
    done.focus();
  };

  /** @param {'up'|'down'} rating */
  const choose = (rating) => {
    current = rating;
    up.setAttribute('aria-pressed', String(rating === 'up'));
    down.setAttribute('aria-pressed', String(rating === 'down'));
    if (!form) {
      form = renderCommentForm(async (comment) => {
        try {
          await ctx.feedback(comment ? { messageId, rating: current, comment } : { messageId, rating: current });
          finish('Danke für Ihre Rückmeldung!');
        } catch (error) {
          if (error instanceof ApiError && error.status === 409) finish('Ihre Rückmeldung zu dieser Antwort ist schon gespeichert. Danke!');
          else throw error;
        }
      });
      wrapper.appendChild(form);
    }
    form.querySelector('textarea')?.focus();
  };
  up.addEventListener('click', () => choose('up'));
  down.addEventListener('click', () => choose('down'));
  return wrapper;
}

/** @param {string} emoji @param {string} label */
function ratingButton(emoji, label) {
  return el('button', { type: 'button', class: 'small', 'aria-pressed': 'false' }, el('span', { 'aria-hidden': 'true', text: `${emoji} ` }), label);
}

/**
 * @param {(comment: string) => Promise<void>} submit
 */
function renderCommentForm(submit) {
  const id = uniqueId('feedback-comment');
  const input = el('textarea', { id, name: 'comment', rows: '2', maxlength: '1000' });
  const error = el('p', { class: 'error', role: 'alert' });
  const button = el('button', { type: 'submit', class: 'primary', text: 'Rückmeldung senden' });
  const form = el(
    'form',
    { class: 'inline-form', 'aria-label': 'Rückmeldung zur Antwort' },
    el('label', { for: id, text: 'Möchten Sie etwas dazu sagen, zum Beispiel was gefehlt hat? (freiwillig, bitte ohne Namen)' }),
    input,
    error,
    el('div', { class: 'actions' }, button),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.setAttribute('disabled', '');
    try {
      await submit(/** @type {HTMLTextAreaElement} */ (input).value.trim());
    } catch (failure) {
      error.textContent = describeError(failure);
      button.removeAttribute('disabled');
    }
  });
  return form;
}
