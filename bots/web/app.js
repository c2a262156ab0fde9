// Kinderschutz-Lotse web chat: wires the page to the service's public HTTP API.
//
// Privacy rule: nothing is stored in the browser and no request is made to the API before the
// person sends a first message. After it, only {id, token} of the conversation is kept in
// localStorage so that a reload resumes it; "Neues Gespräch" removes it.

import { el, randomId } from './dom.js';
import {
  ApiError,
  createConversation,
  describeError,
  eventsUrl,
  getConversation,
  requestEscalation,
  sendFeedback,
  sendMessage,
  sendRating,
  setRole,
} from './api.js';
import { createRoleLine } from './role.js';
import { clearSession, loadSession, saveSession } from './session.js';
import { renderMessage } from './messages.js';
import { caseStatusText, renderRating, showCaseRated } from './case-status.js';
import { forgetRatings, showSavedRating } from './feedback.js';
import { createTabChannel } from './tabs.js';
import { buildSummary, downloadText } from './summary.js';
import { keepFocusAboveComposer } from './focus-visible-area.js';
import { createNotifier } from './notify.js';
import { connectToWidget, isEmbedded } from './embed.js';
import { createAnnouncer } from './announce.js';
import { bindPrint } from './print.js';
import { applyChange, createTypingLine } from './staff-changes.js';

/**
 * What renderers may ask of the chat.
 * @typedef {{
 *   send(text: string, action?: Record<string, unknown>, options?: {fromButton?: boolean}): void,
 *   escalate(payload: Record<string, unknown>): Promise<any>,
 *   feedback(feedback: {messageId: string, rating: 'up'|'down', comment?: string}): Promise<unknown>,
 *   rate(info: {id: string}, rating: {rating: 'up'|'down', comment?: string}): Promise<unknown>,
 *   downloadSummary(): void,
 * }} ChatContext
 * @typedef {import('./messages.js').ChatMessage} ChatMessage
 */

const dom = {
  log: /** @type {HTMLElement} */ (document.getElementById('messages')),
  emptyHint: document.getElementById('empty-hint'),
  form: /** @type {HTMLFormElement} */ (document.getElementById('composer')),
  input: /** @type {HTMLTextAreaElement} */ (document.getElementById('message-input')),
  error: /** @type {HTMLElement} */ (document.getElementById('composer-error')),
  busy: /** @type {HTMLElement} */ (document.getElementById('busy')),
  reset: /** @type {HTMLButtonElement} */ (document.getElementById('reset-button')),
  print: /** @type {HTMLButtonElement} */ (document.getElementById('print-button')),
  caseStatus: /** @type {HTMLElement} */ (document.getElementById('case-status')),
};

const MAX_LENGTH = 4000;

const state = {
  /** @type {{id:string, token:string, ratedCases?:string[]}|null} */
  conversation: null,
  /** @type {ChatMessage[]} everything shown, in order (for the summary) */
  messages: [],
  /** ids of messages already on screen: SSE replays and POST replies must not show twice */
  knownIds: new Set(),
  /** texts of replies that arrived without an id (fallback dedupe against SSE) */
  replyTexts: new Set(),
  seenEventIds: new Set(),
  /** @type {number|string} newest event the page has seen (history or SSE); 0 = from the start */
  lastEventId: 0,
  /** @type {EventSource|null} */
  events: null,
  eventsRetryMs: 2000,
  inFlight: 0,
  /** @type {ChatMessage[]} assistant messages from SSE that arrived while a POST was pending */
  sseBuffer: [],
  /** @type {Map<string, HTMLElement>} the user's own messages on screen, by message id */
  userNodes: new Map(),
  /** @type {Map<string, string>} stored (redacted) text of own messages that SSE sent before the POST answered */
  storedUserTexts: new Map(),
  /** cases whose rating form is already on screen */
  ratingShown: new Set(),
  /** @type {{node: HTMLElement, at: number}|null} a new rating form, still waiting for the closing message that asks for it */
  pendingRating: null,
  /** a quick reply was tapped: its answer takes the focus when it arrives */
  focusAnswer: false,
  /** serialises sends so messages reach the service in the order typed */
  queue: Promise.resolve(),
};

const notifier = createNotifier(/** @type {HTMLElement} */ (document.getElementById('notify-offer')));
const typingLine = createTypingLine(dom.busy);
const tabs = createTabChannel(onTabNote);
const roleLine = createRoleLine(/** @type {HTMLElement} */ (document.getElementById('role-line')), async (role) => {
  const conversation = state.conversation;
  if (!conversation) throw new Error('no conversation');
  await setRole(conversation, role);
});
const announcer = createAnnouncer(/** @type {HTMLElement} */ (document.getElementById('announcer')));

/** @type {WeakMap<Element, ChatMessage>} the message each element shows */
const messageOf = new WeakMap();

/** @type {ChatContext} */
const ctx = {
  send: (text, action, options) => submitMessage(text, action, options),
  escalate: async (payload) => {
    const conversation = await ensureConversation();
    const result = await requestEscalation(conversation, payload);
    if (result?.case) updateCase(result.case);
    return result;
  },
  feedback: async (feedback) => {
    const conversation = state.conversation;
    if (!conversation) throw new Error('no conversation');
    await sendFeedback(conversation, feedback);
    tabs.post({ type: 'feedback', id: conversation.id, messageId: feedback.messageId, rating: feedback.rating });
  },
  rate: async (info, rating) => {
    const conversation = state.conversation;
    if (!conversation) throw new Error('no conversation');
    await sendRating(conversation, rating);
    markCaseRated(info.id);
    tabs.post({ type: 'case-rated', id: conversation.id, caseId: info.id });
  },
  downloadSummary: () => {
    const day = new Date().toISOString().slice(0, 10);
    downloadText(`kinderschutz-lotse-zusammenfassung-${day}.md`, buildSummary(state.messages, location.origin));
  },
};

// ---- sending ---------------------------------------------------------------------------

/**
 * @param {string} rawText @param {Record<string, unknown>} [action]
 * @param {{fromButton?: boolean}} [options] sent by a quick reply: focus follows to the answer
 */
function submitMessage(rawText, action, options = {}) {
  const text = rawText.trim();
  if (!text) return showError('Bitte schreiben Sie zuerst Ihre Frage.');
  if (text.length > MAX_LENGTH) return showError(`Die Nachricht ist zu lang (höchstens ${MAX_LENGTH.toLocaleString('de-DE')} Zeichen).`);
  showError('');
  const node = appendMessage({ author: 'user', text }, { pending: true });
  if (options.fromButton) {
    // The tapped button is now disabled and would drop focus to the page's start: keep the
    // place at the own message until the answer is there, then move to the answer.
    state.focusAnswer = true;
    focusMessage(node);
  }
  const body = action ? { text, clientId: randomId(), action } : { text, clientId: randomId() };
  state.queue = state.queue.then(() => deliver(node, body));
}

/**
 * Sends one message; on failure the message stays on screen with "Erneut senden", which
 * repeats it with the same clientId (the service answers a repeat with the first reply).
 * @param {HTMLElement} node @param {{text:string, clientId:string, action?:unknown}} body
 */
async function deliver(node, body, allowFreshStart = true) {
  let startFresh = false;
  state.inFlight += 1;
  setBusy();
  node.classList.add('message-pending');
  node.querySelector('.retry')?.remove();
  node.classList.remove('message-failed');
  try {
    const conversation = await ensureConversation();
    const result = await sendMessage(conversation, body);
    node.classList.remove('message-pending');
    handleSendResult(node, result);
  } catch (error) {
    if (allowFreshStart && isGone(error)) {
      // The stored conversation expired (retention purge) or its token is void: start anew.
      forgetConversation();
      startFresh = true;
    } else {
      node.classList.remove('message-pending');
      node.classList.add('message-failed');
      node.appendChild(
        el('button', { type: 'button', class: 'retry secondary', text: 'Erneut senden', onclick: () => { state.queue = state.queue.then(() => deliver(node, body)); } }),
      );
      showError(describeError(error));
    }
  } finally {
    state.inFlight -= 1;
    setBusy();
    flushSseBuffer();
  }
  if (startFresh) await deliver(node, body, false);
}

/** @param {unknown} error */
function isGone(error) {
  return error instanceof ApiError && [401, 403, 404].includes(error.status);
}

/** @param {HTMLElement} node @param {any} result */
function handleSendResult(node, result) {
  const userId = result?.message?.id ?? result?.messageId;
  if (typeof userId === 'string' && userId) {
    // SSE showed this message already while its answer was lost and the send repeated: one bubble.
    const shown = state.userNodes.get(userId);
    if (shown && shown !== node) shown.remove();
    state.knownIds.add(userId);
    node.dataset.messageId = userId;
    state.userNodes.set(userId, node);
    const stored = state.storedUserTexts.get(userId);
    if (stored !== undefined) showStoredText(node, stored);
  }
  const reply = result?.reply;
  if (reply?.kind === 'relayed' || (reply && !String(reply.text ?? '').trim())) {
    // A person of the Kontaktstelle holds the case: the Lotse stays silent.
    const note = reply?.redacted ? ' Persönliche Angaben wurden vorher entfernt.' : '';
    node.appendChild(el('p', { class: 'hint', text: `An die Kontaktstelle weitergeleitet.${note}` }));
  } else if (reply && typeof reply === 'object') {
    const id = reply.id ?? result.replyId ?? result.replyMessageId;
    if (typeof id === 'string' && state.knownIds.has(id)) {
      state.focusAnswer = false;
      return;
    }
    if (typeof id !== 'string') state.replyTexts.add(reply.text);
    const answer = appendMessage({ id, author: 'assistant', text: reply.text ?? '', reply, createdAt: reply.createdAt });
    if (state.focusAnswer) focusMessage(answer);
  }
  state.focusAnswer = false;
  if (result?.case) updateCase(result.case);
  if (result && 'role' in result) {
    roleLine.show(result.role);
    // A role recognised from this message has no SSE event of its own: tell the other tabs.
    if (state.conversation) tabs.post({ type: 'role', id: state.conversation.id, role: result.role ?? null });
  }
}

/** Creates the conversation on first use and remembers it (first browser storage happens here). */
async function ensureConversation() {
  if (state.conversation) return state.conversation;
  const created = await createConversation();
  state.conversation = { id: created.id, token: created.token };
  state.lastEventId = 0;
  saveSession(state.conversation);
  tabs.post({ type: 'started', id: created.id });
  showTools(true);
  openEvents();
  return state.conversation;
}

// ---- live events (SSE) -----------------------------------------------------------------

function openEvents() {
  const conversation = state.conversation;
  if (!conversation || typeof EventSource === 'undefined') return;
  state.events?.close();
  const source = new EventSource(eventsUrl(conversation, state.lastEventId));
  state.events = source;
  source.addEventListener('open', () => {
    state.eventsRetryMs = 2000;
  });
  source.addEventListener('message', (event) => onServerEvent(event, 'message'));
  source.addEventListener('case', (event) => onServerEvent(event, 'case'));
  source.addEventListener('message.corrected', (event) => onServerEvent(event, 'change'));
  source.addEventListener('message.withdrawn', (event) => onServerEvent(event, 'change'));
  // Typing is state, not a logged event: it has no id and never moves the resume position.
  source.addEventListener('typing', (event) => onServerEvent(event, 'typing'));
  source.addEventListener('conversation', (event) => onServerEvent(event, 'conversation'));
  source.addEventListener('error', () => {
    // The browser reconnects by itself (with Last-Event-ID) unless the server refused the
    // stream; then try again later with a growing pause.
    if (source.readyState !== EventSource.CLOSED || state.events !== source) return;
    const wait = state.eventsRetryMs;
    state.eventsRetryMs = Math.min(wait * 2, 60_000);
    setTimeout(() => {
      if (state.events === source && state.conversation === conversation) openEvents();
    }, wait);
  });
}

/** @param {MessageEvent} event @param {'message'|'case'|'change'|'typing'|'conversation'} type */
function onServerEvent(event, type) {
  // Typing has no id of its own (EventSource repeats the previous one), so it skips the dedupe.
  if (type === 'typing') return typingLine.update(parseData(event.data));
  if (event.lastEventId) {
    if (state.seenEventIds.has(event.lastEventId)) return;
    state.seenEventIds.add(event.lastEventId);
    // Remembered so that a fresh EventSource (after the server refused one) resumes here.
    if (Number(event.lastEventId) > Number(state.lastEventId)) state.lastEventId = event.lastEventId;
  }
  let data;
  try {
    data = JSON.parse(event.data);
  } catch {
    return;
  }
  if (type === 'conversation') {
    // The role was changed (here or in another tab).
    if (data && 'role' in data) roleLine.show(data.role);
    return;
  }
  if (type === 'case') {
    const info = data?.case ?? data;
    if (info && typeof info.status === 'string') updateCase(info);
    return;
  }
  if (type === 'change') return changeMessage(data);
  receiveMessage(data);
}

/** @param {string} text */
function parseData(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A staff message corrected or withdrawn in Matrix: its bubble shows the stored text. @param {any} change */
function changeMessage(change) {
  if (typeof change?.id !== 'string') return;
  const node = /** @type {HTMLElement|null} */ (dom.log.querySelector(`[data-message-id="${CSS.escape(change.id)}"]`));
  const message = node && messageOf.get(node);
  if (node && message) applyChange(node, message, change);
}

/** @param {any} message */
function receiveMessage(message) {
  if (!message || typeof message.text !== 'string') return;
  // The page shows the user's own messages itself; their SSE copies only tell what the service
  // stored (personal data replaced by placeholders), which then replaces the typed text.
  // A user message nobody here is waiting for was typed in another tab: it is shown like any other.
  if (message.author === 'user') {
    if (typeof message.id !== 'string') return;
    const node = state.userNodes.get(message.id);
    if (node) return showStoredText(node, message.text);
    if (state.inFlight === 0) return appendMessage(message);
    // It may be the own message whose POST has not answered yet: decide once it has.
    state.storedUserTexts.set(message.id, message.text);
    state.sseBuffer.push(message);
    return;
  }
  if (typeof message.id === 'string' && state.knownIds.has(message.id)) return;
  // Replies to own questions come with the POST response; hold SSE copies until it is in.
  if (message.author === 'assistant' && state.inFlight > 0) {
    state.sseBuffer.push(message);
    return;
  }
  if (message.author === 'staff' || message.author === 'system') notifier.incoming();
  if (message.author === 'staff') typingLine.hide();
  showIncoming(message);
}

function flushSseBuffer() {
  if (state.inFlight > 0) return;
  const buffered = state.sseBuffer.splice(0);
  for (const message of buffered) {
    if (typeof message.id === 'string' && state.knownIds.has(message.id)) continue;
    showIncoming(message);
  }
}

/** @param {HTMLElement} node @param {string} text */
function showStoredText(node, text) {
  const message = messageOf.get(node);
  if (message) message.text = text;
  const paragraph = node.querySelector('.message-text');
  if (paragraph && paragraph.textContent !== text) paragraph.textContent = text;
}

/** @param {any} message */
function showIncoming(message) {
  const replyText = message.reply?.text ?? message.text;
  if (message.author === 'assistant' && state.replyTexts.has(replyText)) {
    state.replyTexts.delete(replyText);
    if (typeof message.id === 'string') state.knownIds.add(message.id);
    return;
  }
  appendMessage(message);
}

// ---- case status -----------------------------------------------------------------------

/** @param {{id:string, number?:string, status:string, staffName?:string}} info */
function updateCase(info) {
  dom.caseStatus.textContent = caseStatusText(info);
  dom.caseStatus.hidden = false;
  dom.caseStatus.dataset.status = info.status;
  notifier.offer(info.status !== 'closed');
  const rated = state.conversation?.ratedCases?.includes(info.id);
  if (info.status === 'closed' && !rated && !state.ratingShown.has(info.id)) {
    state.ratingShown.add(info.id);
    const form = renderRating(info, ctx);
    dom.log.appendChild(form);
    state.pendingRating = { node: form, at: Date.now() };
  }
}

// ---- rendering helpers -----------------------------------------------------------------

/**
 * @param {ChatMessage} message
 * @param {{pending?: boolean, scroll?: boolean, announce?: boolean}} [options] history is put back with announce: false
 */
function appendMessage(message, options = {}) {
  dom.emptyHint?.remove();
  if (typeof message.id === 'string') state.knownIds.add(message.id);
  state.messages.push(message);
  const node = renderMessage(message, ctx);
  messageOf.set(node, message);
  if (message.author === 'user' && typeof message.id === 'string') state.userNodes.set(message.id, node);
  if (options.pending) node.classList.add('message-pending');
  retireQuickReplies();
  // The case's "closed" event comes just before the closing message that asks for the rating:
  // that message goes above the form, so the question comes before its answer.
  const rating = state.pendingRating;
  state.pendingRating = null;
  if (rating && message.author === 'system' && rating.node.isConnected && rating.node === dom.log.lastElementChild && Date.now() - rating.at < 10_000) {
    dom.log.insertBefore(node, rating.node);
  } else {
    dom.log.appendChild(node);
  }
  if (options.scroll !== false) reveal(node, message.author === 'user' ? 'end' : 'start');
  if (options.announce !== false) announcer.announce(message);
  // An answer's emergency box now carries 110/112: the page's own row would repeat them.
  if (node.querySelector('.emergency')) document.documentElement.classList.add('acute-shown');
  return node;
}

/** Quick replies of earlier messages no longer fit the conversation once a newer message exists. */
function retireQuickReplies() {
  for (const button of dom.log.querySelectorAll('button.quick-reply:not([disabled])')) {
    button.setAttribute('disabled', '');
    button.setAttribute('title', 'Gehört zu einer früheren Nachricht');
  }
}

/** Moves focus to a message's heading without scrolling (reveal() has placed it). @param {HTMLElement} node */
function focusMessage(node) {
  const target = /** @type {HTMLElement|null} */ (node.querySelector('.message-author')) ?? node;
  target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/**
 * Scrolls this document (only: inside the widget's iframe, scrollIntoView would also move the
 * host page) so that an answer starts at the top, or a short message sits above the composer.
 * @param {Element} node @param {'start'|'end'} align
 */
function reveal(node, align) {
  const rect = node.getBoundingClientRect();
  if (align === 'start') {
    window.scrollTo({ top: window.scrollY + rect.top - 8 });
    return;
  }
  const composer = dom.form.getBoundingClientRect();
  const visibleBottom = getComputedStyle(dom.form).position === 'sticky' ? Math.min(composer.top, window.innerHeight) : window.innerHeight;
  const overflow = rect.bottom - visibleBottom + 8;
  if (overflow > 0) window.scrollBy({ top: overflow });
}

/** @param {string} text */
function showError(text) {
  dom.error.textContent = text;
}

function setBusy() {
  dom.busy.textContent = state.inFlight > 0 ? 'Der Lotse sucht eine Antwort …' : '';
}

// ---- resume and reset ------------------------------------------------------------------

async function resume() {
  const saved = loadSession();
  if (!saved) return;
  state.conversation = saved;
  showTools(true);
  try {
    const data = await getConversation(saved);
    if (data?.lastEventId) state.lastEventId = data.lastEventId;
    for (const message of Array.isArray(data?.messages) ? data.messages : []) {
      appendMessage(message, { scroll: false, announce: false });
    }
    if (data?.case) updateCase(data.case);
    if (Array.isArray(data?.messages) && data.messages.length > 0) roleLine.show(data.role);
    const last = dom.log.lastElementChild;
    if (last) reveal(last, 'end');
    openEvents();
  } catch (error) {
    if (isGone(error)) {
      forgetConversation();
      showError('Das frühere Gespräch ist nicht mehr gespeichert. Sie können ein neues beginnen.');
    } else {
      showError(describeError(error));
      openEvents();
    }
  }
}

/** The buttons that act on the whole conversation exist only once there is one. @param {boolean} visible */
function showTools(visible) {
  dom.reset.hidden = !visible;
  dom.print.hidden = !visible;
  if (!visible) roleLine.hide();
}

/** Drops the conversation from this page and from browser storage. */
function forgetConversation() {
  state.events?.close();
  state.events = null;
  state.conversation = null;
  clearSession();
  showTools(false);
}

function startOver() {
  const ok = window.confirm('Neues Gespräch beginnen? Der bisherige Verlauf wird aus diesem Browser gelöscht.');
  if (!ok) return;
  const id = state.conversation?.id;
  clearScreen('Der Verlauf wurde gelöscht. Sie können eine neue Frage stellen.');
  if (id) tabs.post({ type: 'reset', id });
  dom.input.focus();
}

/** Removes the conversation from this page and from browser storage. @param {string} hint what the empty page says */
function clearScreen(hint) {
  forgetConversation();
  forgetRatings();
  state.messages = [];
  state.knownIds.clear();
  state.replyTexts.clear();
  state.seenEventIds.clear();
  state.lastEventId = 0;
  state.sseBuffer = [];
  state.ratingShown.clear();
  state.pendingRating = null;
  state.userNodes.clear();
  state.storedUserTexts.clear();
  const empty = el('p', { class: 'empty-hint', text: hint });
  dom.emptyHint = empty;
  dom.log.replaceChildren(empty);
  dom.caseStatus.hidden = true;
  dom.caseStatus.textContent = '';
  notifier.offer(false);
  typingLine.hide();
  document.documentElement.classList.remove('acute-shown');
  showError('');
}

// ---- other tabs of this browser ----------------------------------------------------------

/** @param {import('./tabs.js').TabNote} note */
function onTabNote(note) {
  if (note.type === 'started') {
    takeUpStarted(note.id);
    return;
  }
  if (state.conversation?.id !== note.id) return;
  if (note.type === 'reset') {
    clearScreen('Der Verlauf wurde in einem anderen Fenster gelöscht. Sie können eine neue Frage stellen.');
  } else if (note.type === 'feedback') {
    showSavedRating(note.messageId, note.rating);
  } else if (note.type === 'role') {
    roleLine.show(note.role);
  } else if (note.type === 'case-rated') {
    markCaseRated(note.caseId);
    showCaseRated(dom.log, note.caseId);
  }
}

/**
 * Another tab began the conversation this one would begin: show it here too. The note can
 * arrive before that tab's localStorage write is visible here (browsers sync storage between
 * tabs on their own schedule), so look again a few times before giving up.
 * @param {string} id @param {number} [tries]
 */
function takeUpStarted(id, tries = 20) {
  if (state.conversation || state.inFlight !== 0) return;
  if (loadSession()?.id === id) {
    state.messages = [];
    resume();
  } else if (tries > 0) {
    setTimeout(() => takeUpStarted(id, tries - 1), 100);
  }
}

/** @param {string} caseId */
function markCaseRated(caseId) {
  const conversation = state.conversation;
  if (!conversation) return;
  conversation.ratedCases = [...new Set([...(conversation.ratedCases ?? []), caseId])];
  saveSession(conversation);
}

// ---- start -----------------------------------------------------------------------------

function markEmbedded() {
  if (!isEmbedded()) return;
  document.documentElement.classList.add('embedded');
  // The widget's panel has no back button: the pages behind the footer open in a tab of their own.
  for (const link of document.querySelectorAll('.footer-links a')) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener');
  }
}

function bindComposer() {
  dom.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = dom.input.value;
    if (!text.trim()) {
      showError('Bitte schreiben Sie zuerst Ihre Frage.');
      dom.input.focus();
      return;
    }
    dom.input.value = '';
    submitMessage(text);
  });
  dom.input.addEventListener('keydown', (event) => {
    // Enter sends, Shift+Enter makes a new line; never while an input method is composing.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      dom.form.requestSubmit();
    }
  });
  dom.reset.addEventListener('click', startOver);
  // Starting points on the first screen (until the first message replaces them): the buttons
  // are disabled like "Senden" until now, so they never act before the script is there.
  for (const button of document.querySelectorAll('button.starter')) {
    const starter = /** @type {HTMLButtonElement} */ (button);
    starter.disabled = false;
    starter.addEventListener('click', () => submitMessage(starter.dataset.text ?? starter.textContent ?? '', undefined, { fromButton: true }));
  }
  bindPrint(dom.print, /** @type {HTMLElement} */ (document.getElementById('print-note')));
  // Only now can "Senden" do what it says (see index.html).
  /** @type {HTMLButtonElement} */ (document.getElementById('send-button')).disabled = false;
}

markEmbedded();
bindComposer();
keepFocusAboveComposer(dom.form);
connectToWidget();
resume();
