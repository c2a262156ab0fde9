// Turns one conversation message into its DOM element.

import { el, formatDate, uniqueId } from './dom.js';
import { renderMarkdown, safeHref } from './markdown.js';
import { renderSources, withoutSourceLines } from './sources.js';
import { renderActions } from './actions.js';
import { renderFeedback } from './feedback.js';
import { markChange } from './staff-changes.js';

/**
 * @typedef {{id?:string, author:'user'|'assistant'|'staff'|'system', text:string, reply?:any,
 *            createdAt?:string|number, staffName?:string, editedAt?:string, withdrawnAt?:string}} ChatMessage
 * @typedef {import('./app.js').ChatContext} ChatContext
 */

const AUTHOR_LABEL = {
  user: 'Sie',
  assistant: 'Lotse',
  staff: 'Kontaktstelle',
  system: 'Hinweis',
};

/** @param {ChatMessage} message @param {ChatContext} ctx @returns {HTMLElement} */
export function renderMessage(message, ctx) {
  const author = AUTHOR_LABEL[message.author] ? message.author : 'system';
  // Each message is an article named by its heading (who wrote, and when), so that a screen
  // reader can jump from message to message by heading or landmark.
  const headingId = uniqueId('message-heading');
  const article = el('article', { class: `message message-${author}`, 'aria-labelledby': headingId });
  if (message.id) article.dataset.messageId = message.id;
  const name = author === 'staff' && message.staffName ? `${message.staffName} (Kontaktstelle)` : AUTHOR_LABEL[author];
  article.appendChild(el('h3', { class: 'message-author', id: headingId }, name, timeOf(message.createdAt)));

  if (author === 'user') {
    // What the person typed is shown exactly as text, never interpreted.
    article.appendChild(el('p', { class: 'message-text', text: message.text }));
    return article;
  }

  const reply = author === 'assistant' ? message.reply ?? null : null;
  const level = reply?.triage?.level;
  const acute = level === 'acute';
  const listed = Array.isArray(reply?.actions) ? reply.actions : [];
  // The hotline goes into the emergency box, next to 110/112, instead of far below the answer.
  const hotline = acute ? listed.find((action) => action?.type === 'call' && !isEmergencyCall(action)) : undefined;
  if (acute) article.appendChild(renderEmergency(hotline));
  const text = reply ? withoutSourceLines(reply.text ?? message.text ?? '', reply.sources) : message.text ?? '';
  const [lead, rest] = level === 'urgent' ? splitSafetyLead(text) : ['', text];
  if (lead) article.appendChild(el('div', { class: 'urgent-note markdown' }, renderMarkdown(lead)));
  const body = el('div', { class: 'markdown' });
  body.appendChild(renderMarkdown(rest));
  article.appendChild(body);
  if (author === 'staff') markChange(article, message);

  if (reply) {
    const sources = renderSources(reply.sources);
    if (sources) article.appendChild(sources);
    // The emergency box already offers 110, 112 and the hotline; the same buttons again below
    // the answer only lengthen the list a person in a hurry has to read.
    const actions = renderActions(acute ? listed.filter((action) => !isEmergencyCall(action) && action !== hotline) : listed, ctx);
    if (actions) article.appendChild(actions);
    if (message.id) article.appendChild(renderFeedback(message.id, ctx));
  }
  return article;
}

/** " · 13:02" (with the date when not today) as a <time> element. @param {string|number|undefined} value */
function timeOf(value) {
  const date = value === undefined ? new Date() : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const today = new Date().toDateString() === date.toDateString();
  const clock = date.toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });
  const text = today ? `${clock} Uhr` : `${formatDate(date.getTime())}, ${clock} Uhr`;
  return el('span', { class: 'message-time' }, ' · ', el('time', { datetime: date.toISOString(), text }));
}

/** Whether an action is a call to 110 or 112 (which the emergency box shows). @param {any} action */
function isEmergencyCall(action) {
  if (action?.type !== 'call') return false;
  const digits = String(action.phone ?? '').replace(/\D/g, '');
  return digits === '110' || digits === '112';
}

/**
 * The service puts its safety text ("act today") before a `---` line above the answer; it is
 * shown in its own box. @param {string} text @returns {[string, string]}
 */
function splitSafetyLead(text) {
  const match = /^\s{0,3}---\s*$/m.exec(text);
  if (!match) return ['', text];
  return [text.slice(0, match.index).trim(), text.slice(match.index + match[0].length).trim()];
}

/** The emergency box shown at the top of an answer triaged as acute. @param {any} [hotline] */
function renderEmergency(hotline) {
  const href = hotline ? safeHref(`tel:${String(hotline.phone ?? '').replace(/\s/g, '')}`) : '';
  return el(
    'div',
    { class: 'emergency' },
    el('p', { class: 'emergency-title', text: 'Akute Gefahr für ein Kind? Rufen Sie sofort den Notruf.' }),
    el(
      'p',
      { class: 'emergency-calls' },
      el('a', { class: 'button-link call', href: 'tel:110', text: 'Polizei: 110' }),
      el('a', { class: 'button-link call', href: 'tel:112', text: 'Rettungsdienst und Feuerwehr: 112' }),
      href ? el('a', { class: 'button-link call', href, text: `${hotline.label}: ${hotline.phone}` }) : null,
    ),
  );
}
