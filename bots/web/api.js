// Client for the service's public HTTP API (see DESIGN.md "The public contract").
// Same origin as the page, so no CORS and no credentials: the conversation token travels as
// a bearer header (and as ?token= for EventSource, which cannot set headers). Paths and methods
// come from contract.js, generated from src/contract, so they cannot drift from the service.

import { ROUTES } from './contract.js';

/**
 * The path of an operation with its {id} filled in.
 * @param {keyof typeof ROUTES} name @param {{id:string}} [conversation]
 */
function pathOf(name, conversation) {
  return ROUTES[name].path.replace('{id}', () => encodeURIComponent(conversation?.id ?? ''));
}

/**
 * Sends one operation of the contract.
 * @param {keyof typeof ROUTES} name @param {{id:string, token:string}|undefined} conversation @param {unknown} [body]
 */
function call(name, conversation, body) {
  return request(pathOf(name, conversation), { method: ROUTES[name].method, token: conversation?.token, body });
}

export class ApiError extends Error {
  /** @param {number} status @param {string} code @param {string} message @param {number|null} retryAfter */
  constructor(status, code, message, retryAfter) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** Thrown when the request never got an HTTP answer (offline, connection dropped). */
export class NetworkError extends Error {}

/** @param {string} path @param {{method?:string, token?:string, body?:unknown}} [options] */
async function request(path, options = {}) {
  /** @type {Record<string,string>} */
  const headers = { Accept: 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : String(error));
  }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new ApiError(
      response.status,
      data?.error?.code ?? `http_${response.status}`,
      data?.error?.message ?? response.statusText,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return data;
}

const RETRY_DELAYS_MS = [400, 1000, 2000, 4000];

/** Whether an error is worth the same request again (the connection, not the request, failed). */
function isTransient(error) {
  return error instanceof NetworkError || (error instanceof ApiError && [502, 503, 504].includes(error.status));
}

/**
 * Repeats `attempt` after transient failures. Safe for messages because the retry carries the
 * same clientId: the service then returns the first reply and stores nothing twice.
 * @template T @param {() => Promise<T>} attempt @returns {Promise<T>}
 */
async function withRetry(attempt) {
  for (let i = 0; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransient(error) || i >= RETRY_DELAYS_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[i]));
    }
  }
}

/** @returns {Promise<{id:string, token:string}>} */
export function createConversation() {
  return withRetry(() => call('createConversation', undefined, { channel: 'web' }));
}

/** @param {{id:string, token:string}} conversation */
export function getConversation(conversation) {
  return call('getConversation', conversation);
}

/**
 * @param {{id:string, token:string}} conversation
 * @param {{text:string, clientId:string, action?:unknown}} message
 */
export function sendMessage(conversation, message) {
  return withRetry(() => call('postMessage', conversation, message));
}

/** @param {{id:string, token:string}} conversation @param {{messageId:string, rating:'up'|'down', comment?:string}} feedback */
export function sendFeedback(conversation, feedback) {
  return withRetry(() => call('postFeedback', conversation, feedback));
}

/** @param {{id:string, token:string}} conversation @param {Record<string, unknown>} escalation */
export function requestEscalation(conversation, escalation) {
  return call('escalate', conversation, escalation);
}

/** Corrects the field of work the Lotse assumes. @param {{id:string, token:string}} conversation @param {string} role */
export function setRole(conversation, role) {
  return withRetry(() => call('setRole', conversation, { role }));
}

/**
 * Whether the Kontaktstelle is staffed now, its office hours and what happens outside them.
 * @returns {Promise<{open:boolean, hours:string, nextOpening?:string, nextOpeningText?:string, message:string}>}
 */
export function getOfficeHours() {
  return call('officeHours', undefined);
}

/** @param {{id:string, token:string}} conversation @param {{rating:'up'|'down', comment?:string}} rating */
export function sendRating(conversation, rating) {
  return withRetry(() => call('rateCase', conversation, rating));
}

/**
 * The SSE stream; `after` skips events the page already has (from the history). On reconnects
 * the browser's Last-Event-ID header takes over.
 * @param {{id:string, token:string}} conversation @param {number|string} [after]
 */
export function eventsUrl(conversation, after) {
  const resume = after ? `&after=${encodeURIComponent(String(after))}` : '';
  return `${pathOf('conversationEvents', conversation)}?token=${encodeURIComponent(conversation.token)}${resume}`;
}

/** A German sentence for an error, for the person at the keyboard. @param {unknown} error */
export function describeError(error) {
  if (error instanceof NetworkError) return 'Keine Verbindung zum Lotsen. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.';
  if (error instanceof ApiError) {
    if (error.status === 429) {
      const wait = error.retryAfter ? ` Bitte warten Sie etwa ${Math.ceil(error.retryAfter)} Sekunden.` : ' Bitte warten Sie einen Moment.';
      return `Gerade kommen zu viele Anfragen an.${wait}`;
    }
    if (error.status === 413) return 'Die Nachricht ist zu lang. Bitte kürzen Sie sie (höchstens 4.000 Zeichen).';
    // The service words its 400/409 messages in German for the asker (e.g. which field is wrong).
    if (error.status === 400 || error.status === 409) return error.message || 'Die Angaben konnten nicht verarbeitet werden. Bitte prüfen Sie die Eingabe.';
    if (error.status === 401 || error.status === 403 || error.status === 404) return 'Dieses Gespräch ist nicht mehr verfügbar. Bitte beginnen Sie ein neues Gespräch.';
    // A full or damaged store: the service says so itself, with the emergency numbers.
    if (error.status === 503 && /110/.test(error.message)) return error.message;
  }
  return 'Der Lotse ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal. Bei akuter Gefahr: 110 oder 112.';
}
