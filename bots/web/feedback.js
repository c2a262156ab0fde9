// 👍/👎 under each answer. The tap itself records the rating (POST …/feedback), so a rating is
// never lost because nobody wrote a comment; a small optional comment form follows below it,
// and sending it (or tapping the other button) updates the same rating.

import { el, uniqueId } from './dom.js';
import { describeError } from './api.js';

/** @typedef {import('./app.js').ChatContext} ChatContext */

/** @type {Map<string, (rating: 'up'|'down') => void>} how to show a rating given in another tab, by message id */
const views = new Map();

/** Shows a rating that another tab of this conversation has saved. @param {string} messageId @param {'up'|'down'} rating */
export function showSavedRating(messageId, rating) {
  views.get(messageId)?.(rating);
}

/** Forgets the rows of a conversation that is no longer on screen. */
export function forgetRatings() {
  views.clear();
}

/** @param {string} messageId @param {ChatContext} ctx @returns {HTMLElement} */
export function renderFeedback(messageId, ctx) {
  const up = ratingButton('👍', 'Hilfreich');
  const down = ratingButton('👎', 'Nicht hilfreich');
  const questionId = uniqueId('feedback-question');
  const box = el(
    'div',
    { class: 'feedback', role: 'group', 'aria-labelledby': questionId },
    el('span', { id: questionId, text: 'War diese Antwort hilfreich?' }),
    up,
    down,
  );
  // Confirms each saved tap in words (the pressed state alone is easy to miss).
  const status = el('p', { class: 'hint feedback-status', role: 'status' });
  const wrapper = el('div', {}, box, status);
  /** @type {'up'|'down'|null} */
  let current = null;
  /** @type {HTMLElement|null} */
  let form = null;

  const press = (rating) => {
    up.setAttribute('aria-pressed', String(rating === 'up'));
    down.setAttribute('aria-pressed', String(rating === 'down'));
  };

  /** @param {'up'|'down'} rating */
  const choose = async (rating) => {
    if (rating === current) return;
    const previous = current;
    current = rating;
    press(rating);
    status.textContent = '';
    try {
      await ctx.feedback({ messageId, rating });
    } catch (failure) {
      current = previous;
      press(previous);
      status.textContent = describeError(failure);
      return;
    }
    status.textContent = 'Danke, Ihre Bewertung ist gespeichert.';
    if (!form) {
      form = renderCommentForm(async (comment) => {
        await ctx.feedback({ messageId, rating: current ?? rating, comment });
        const done = el('p', { class: 'hint', tabindex: '-1', text: 'Danke für Ihre Rückmeldung!' });
        form?.replaceWith(done);
        form = null;
        done.focus();
      });
      wrapper.appendChild(form);
    }
  };
  views.set(messageId, (rating) => {
    current = rating;
    press(rating);
    status.textContent = 'Ihre Bewertung ist gespeichert.';
  });
  up.addEventListener('click', () => void choose('up'));
  down.addEventListener('click', () => void choose('down'));
  return wrapper;
}

/** @param {string} emoji @param {string} label */
function ratingButton(emoji, label) {
  return el('button', { type: 'button', class: 'small', 'aria-pressed': 'false' }, el('span', { 'aria-hidden': 'true', text: `${emoji} ` }), label);
}

/** @param {(comment: string) => Promise<void>} submit */
function renderCommentForm(submit) {
  const id = uniqueId('feedback-comment');
  const input = el('textarea', { id, name: 'comment', rows: '2', maxlength: '1000' });
  const error = el('p', { class: 'error', role: 'alert' });
  const button = el('button', { type: 'submit', class: 'primary', text: 'Kommentar senden' });
  const form = el(
    'form',
    { class: 'inline-form', 'aria-label': 'Kommentar zur Antwort' },
    el('label', { for: id, text: 'Möchten Sie noch etwas dazu sagen, zum Beispiel was gefehlt hat? (freiwillig, bitte ohne Namen)' }),
    input,
    error,
    el('div', { class: 'actions' }, button),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const comment = /** @type {HTMLTextAreaElement} */ (input).value.trim();
    if (!comment) {
      error.textContent = 'Bitte schreiben Sie zuerst Ihren Kommentar – oder lassen Sie das Feld einfach leer.';
      input.focus();
      return;
    }
    error.textContent = '';
    button.setAttribute('disabled', '');
    try {
      await submit(comment);
    } catch (failure) {
      error.textContent = describeError(failure);
      button.removeAttribute('disabled');
    }
  });
  return form;
}
