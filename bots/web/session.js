// The only thing the page keeps in the browser: which conversation to resume after a reload.
// Written after the first message (never before), removed by "Neues Gespräch".

const KEY = 'kinderschutz-lotse.conversation';

/**
 * @typedef {{id:string, token:string, ratedCases?:string[]}} Session
 */

/** @returns {Session|null} */
export function loadSession() {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw);
    if (typeof value?.id === 'string' && typeof value?.token === 'string') return value;
  } catch {
    // Storage blocked (e.g. third-party iframe) or corrupt: behave like a first visit.
  }
  return null;
}

/** @param {Session} session */
export function saveSession(session) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Without storage the chat still works; only resuming after a reload is lost.
  }
}

export function clearSession() {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
