// Tiny DOM builder. Text always goes in as text nodes, never as markup, so nothing a user,
// a knowledge article or a staff member writes can become HTML here.

/**
 * @param {string} tag
 * @param {Record<string, unknown>} [attrs] attributes; `class`, `text`, `on<event>` handled specially
 * @param {...(Node|string|null|undefined|false)} children
 * @returns {HTMLElement}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = String(value);
    else if (key === 'text') node.textContent = String(value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), /** @type {EventListener} */ (value));
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

/** @param {Node} parent @param {Array<Node|string|null|undefined|false>} children */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** A random id for `clientId`; falls back when randomUUID is unavailable (non-secure origins). */
export function randomId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

let idCounter = 0;
/** Unique ids for label/field pairs inside generated forms. */
export function uniqueId(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/**
 * What a source's editorial state adds to it: nothing once its article is approved (or when
 * the reply carries no state).
 * @param {unknown} status
 */
export function editorialNote(status) {
  if (status === 'draft') return 'Entwurf, noch nicht fachlich freigegeben';
  if (status === 'changed') return 'geänderte Fassung, noch nicht fachlich freigegeben';
  return '';
}

/** German date for ISO strings, epoch milliseconds or YYYY-MM-DD. */
export function formatDate(value) {
  if (value === undefined || value === null || value === '') return '';
  // A bare calendar date must not shift by the time zone.
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  if (day) return `${day[3]}.${day[2]}.${day[1]}`;
  const date = typeof value === 'number' ? new Date(value) : new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });
}
