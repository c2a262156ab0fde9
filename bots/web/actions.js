// Renders a reply's `actions` (BRIEF-interfaces "Reply actions") as buttons and links.

import { el } from './dom.js';
import { safeHref } from './markdown.js';
import { renderEscalationForm } from './escalation.js';

/** @typedef {import('./app.js').ChatContext} ChatContext */

/** @param {any[]} actions @param {ChatContext} ctx @returns {HTMLElement|null} */
export function renderActions(actions, ctx) {
  const container = el('div', { class: 'actions', role: 'group', 'aria-label': 'Mögliche nächste Schritte' });
  const wrapper = el('div', {}, container);
  for (const action of actions) {
    const control = renderAction(action, ctx, wrapper);
    if (control) container.appendChild(control);
  }
  return container.childElementCount > 0 ? wrapper : null;
}

/** @param {any} action @param {ChatContext} ctx @param {HTMLElement} wrapper */
function renderAction(action, ctx, wrapper) {
  const label = typeof action?.label === 'string' ? action.label : '';
  if (!label) return null;
  switch (action.type) {
    // Quick replies belong to their moment in the conversation: the chat disables them once a
    // newer message exists (an old "Weiter" would otherwise be sent out of context).
    case 'quick_reply':
      return el('button', { type: 'button', class: 'quick-reply', text: label, onclick: () => ctx.send(String(action.value ?? label), undefined, { fromButton: true }) });
    case 'navigator':
      return el('button', {
        type: 'button',
        class: 'quick-reply',
        text: label,
        onclick: () => ctx.send(label, { type: 'navigator', step: action.step }, { fromButton: true }),
      });
    case 'call': {
      const href = safeHref(`tel:${action.phone ?? ''}`);
      if (!href) return null;
      const text = /\d/.test(label) ? label : `${label}: ${action.phone}`;
      return el('a', { class: 'button-link call', href, text });
    }
    case 'link': {
      const href = safeHref(action.url ?? '');
      if (!href) return null;
      return el('a', { class: 'button-link', href, target: '_blank', rel: 'noopener noreferrer', text: label });
    }
    case 'escalate':
      return escalateButton(action, label, ctx, wrapper);
    case 'download_summary':
      return el('button', { type: 'button', text: label, onclick: () => ctx.downloadSummary() });
    default:
      return null;
  }
}

/** A button that opens (and closes) the escalation form under the actions. */
function escalateButton(action, label, ctx, wrapper) {
  /** @type {HTMLElement|null} */
  let form = null;
  const button = el('button', { type: 'button', class: 'primary', 'aria-expanded': 'false', text: label });
  const close = () => {
    form?.remove();
    form = null;
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  button.addEventListener('click', () => {
    if (form) return close();
    form = renderEscalationForm({ urgency: action.urgency === 'urgent' ? 'urgent' : 'normal', onCancel: close }, ctx);
    wrapper.appendChild(form);
    button.setAttribute('aria-expanded', 'true');
    form.querySelector('input')?.focus();
  });
  return button;
}
