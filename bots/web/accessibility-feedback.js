// The "Barriere melden" form of the Erklärung zur Barrierefreiheit: POST /api/accessibility-feedback.
// Like the chat's composer, the fields have no name and "Rückmeldung senden" is enabled only
// here, so the form can never submit natively and put the text into a URL.

import { ROUTES } from './contract.js';

const form = /** @type {HTMLFormElement} */ (document.getElementById('barrier-form'));
const text = /** @type {HTMLTextAreaElement} */ (document.getElementById('barrier-text'));
const contact = /** @type {HTMLInputElement} */ (document.getElementById('barrier-contact'));
const error = /** @type {HTMLElement} */ (document.getElementById('barrier-error'));
const send = /** @type {HTMLButtonElement} */ (document.getElementById('barrier-send'));
const done = /** @type {HTMLElement} */ (document.getElementById('barrier-done'));

/** @param {string} message @param {HTMLElement} field */
function fail(message, field) {
  error.textContent = message;
  field.setAttribute('aria-invalid', 'true');
  field.focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  text.removeAttribute('aria-invalid');
  contact.removeAttribute('aria-invalid');
  if (!text.value.trim()) return fail('Bitte beschreiben Sie zuerst, was Ihnen aufgefallen ist.', text);
  error.textContent = '';
  send.disabled = true;
  const body = contact.value.trim() ? { text: text.value, contact: contact.value.trim() } : { text: text.value };
  try {
    const response = await fetch(ROUTES.accessibilityFeedback.path, {
      method: ROUTES.accessibilityFeedback.method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
    });
    const data = await response.json().catch(() => null);
    if (!response.ok) {
      send.disabled = false;
      const message = data?.error?.message ?? 'Die Rückmeldung konnte nicht gesendet werden. Bitte versuchen Sie es später erneut.';
      return fail(message, /Telefonnummer|E-Mail/.test(message) ? contact : text);
    }
    done.textContent = data?.message ?? 'Danke! Ihre Rückmeldung ist bei der Kontaktstelle eingegangen.';
    done.hidden = false;
    form.remove();
    done.focus();
  } catch {
    send.disabled = false;
    fail('Keine Verbindung zum Lotsen. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.', text);
  }
});

send.disabled = false;
