// The small form behind an `escalate` action: consent (required), an optional way to be
// reached back, urgency, and optionally role and region. Posts to …/escalations.

import { el, uniqueId } from './dom.js';
import { describeError, getOfficeHours } from './api.js';
import { REGION_OPTIONS } from './contract.js';
import { ROLES } from './roles.js';

/** @typedef {import('./app.js').ChatContext} ChatContext */

// Roles and regions come from the contract (contract.js, generated), not from a copy here.
const REGIONS = REGION_OPTIONS;

/**
 * @param {{urgency:'normal'|'urgent', onCancel:() => void}} options
 * @param {ChatContext} ctx
 * @returns {HTMLElement}
 */
export function renderEscalationForm(options, ctx) {
  const ids = {
    consent: uniqueId('consent'),
    contact: uniqueId('contact'),
    contactHint: uniqueId('contact-hint'),
    role: uniqueId('role'),
    region: uniqueId('region'),
    error: uniqueId('escalation-error'),
    office: uniqueId('office-hours'),
  };
  // Read together with the consent box, so that a screen reader hears it before agreeing.
  const consent = el('input', { type: 'checkbox', id: ids.consent, name: 'consent', required: true, 'aria-describedby': `${ids.office} ${ids.error}` });
  const office = el('p', { class: 'office-hours', id: ids.office, hidden: true });
  showOfficeHours(office);
  const contact = el('input', { type: 'text', id: ids.contact, name: 'contact', maxlength: '200', autocomplete: 'off', 'aria-describedby': ids.contactHint });
  const error = el('p', { class: 'error', id: ids.error, role: 'alert' });
  const submit = el('button', { type: 'submit', class: 'primary', text: 'Anfrage senden' });

  const form = el(
    'form',
    { class: 'inline-form', novalidate: true, 'aria-label': 'Anfrage an die Kontaktstelle' },
    el('p', {
      text:
        'Eine Fachkraft der Kontaktstelle Kinderschutz liest Ihr Gespräch (ohne Namen und Adressen) und antwortet Ihnen hier im Chat. ' +
        'Bei akuter Gefahr warten Sie bitte nicht: Notruf 110 oder 112.',
    }),
    office,
    el('div', { class: 'check' }, consent, el('label', { for: ids.consent, text: 'Ich bin einverstanden, dass die Kontaktstelle dieses Gespräch liest und mir antwortet. (Pflichtangabe)' })),
    el(
      'div',
      { class: 'field' },
      el('label', { for: ids.contact, text: 'Rückruf: Telefonnummer oder E-Mail (freiwillig)' }),
      el('p', { class: 'hint', id: ids.contactHint, text: 'Nur nötig, wenn Sie nicht im Chat warten können. Wird nur für diese Anfrage gespeichert.' }),
      contact,
    ),
    urgencyFieldset(options.urgency),
    selectField(ids.role, 'role', 'Ihr Arbeitsfeld (freiwillig)', ROLES),
    selectField(ids.region, 'region', 'Landkreis oder Stadt (freiwillig)', REGIONS),
    error,
    el('div', { class: 'actions' }, submit, el('button', { type: 'button', class: 'secondary', text: 'Abbrechen', onclick: options.onCancel })),
  );

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(/** @type {HTMLFormElement} */ (form));
    if (!(/** @type {HTMLInputElement} */ (consent).checked)) {
      consent.setAttribute('aria-invalid', 'true');
      error.textContent = 'Bitte bestätigen Sie Ihr Einverständnis, damit die Kontaktstelle Ihr Gespräch lesen darf.';
      consent.focus();
      return;
    }
    consent.removeAttribute('aria-invalid');
    error.textContent = '';
    const contactValue = String(data.get('contact') ?? '').trim();
    if (contactValue && !looksLikeContact(contactValue)) {
      contact.setAttribute('aria-invalid', 'true');
      error.textContent = 'Bitte geben Sie eine Telefonnummer oder E-Mail-Adresse an – oder lassen Sie das Feld leer.';
      contact.focus();
      return;
    }
    contact.removeAttribute('aria-invalid');
    /** @type {Record<string, unknown>} */
    const payload = { consent: true, urgency: data.get('urgency') === 'urgent' ? 'urgent' : 'normal' };
    for (const key of ['contact', 'role', 'region']) {
      const value = String(data.get(key) ?? '').trim();
      if (value) payload[key] = value;
    }
    submit.setAttribute('disabled', '');
    try {
      const result = await ctx.escalate(payload);
      const number = result?.case?.number ? ` (Fall ${result.case.number})` : '';
      const done = el(
        'div',
        { class: 'inline-form', tabindex: '-1' },
        el('p', { text: `Ihre Anfrage an die Kontaktstelle ist eingegangen${number}. Den aktuellen Stand sehen Sie direkt über dem Eingabefeld.` }),
        result?.officeHours?.open === false ? el('p', { class: 'waiting-note', text: WAITING_NOTE }) : null,
      );
      form.replaceWith(done);
      done.focus();
    } catch (failure) {
      error.textContent = describeError(failure);
      submit.removeAttribute('disabled');
    }
  });
  return form;
}

/**
 * Fills in whether someone is there now (before the asker agrees and sends). Without an answer
 * the form stays as it is: the request can be sent either way.
 * @param {HTMLElement} node
 */
async function showOfficeHours(node) {
  try {
    const info = await getOfficeHours();
    if (typeof info?.message !== 'string') return;
    node.textContent = info.message;
    node.dataset.open = String(Boolean(info.open));
    node.hidden = false;
  } catch {
    // No office hours shown; the confirmation after sending still says when to expect an answer.
  }
}

// Outside office hours the answer may come hours later. It reaches only this browser (the
// conversation's key lives in its storage), so say how to find it again.
const WAITING_NOTE =
  'Sie müssen nicht warten: Sie können diese Seite schließen. Die Antwort der Kontaktstelle erscheint hier im Chat, ' +
  'sobald Sie den Kinderschutz-Lotsen wieder auf diesem Gerät in diesem Browser öffnen – nicht in einem privaten Fenster ' +
  'und nicht auf einem anderen Gerät. Wenn Sie „Neues Gespräch / Verlauf löschen“ wählen, ist die Antwort hier nicht mehr zu sehen. ' +
  'Bei akuter Gefahr warten Sie bitte nicht: Notruf 110 oder 112.';

/** The same rule as the service: a phone number or an e-mail address. @param {string} value */
function looksLikeContact(value) {
  return /^[+()\d\s/-]{6,30}$/.test(value) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

/** @param {'normal'|'urgent'} preset */
function urgencyFieldset(preset) {
  const option = (value, text) => {
    const id = uniqueId('urgency-option');
    return el('label', { for: id }, el('input', { type: 'radio', id, name: 'urgency', value, checked: value === preset }), text);
  };
  return el(
    'fieldset',
    {},
    el('legend', { text: 'Wie dringend ist es?' }),
    el('div', { class: 'radio-row' }, option('normal', 'Eine Antwort in den Bürozeiten genügt'), option('urgent', 'Dringend')),
  );
}

/** @param {string} id @param {string} name @param {string} labelText @param {string[][]} options */
function selectField(id, name, labelText, options) {
  const select = el('select', { id, name }, el('option', { value: '', text: 'keine Angabe' }));
  for (const [value, text] of options) select.appendChild(el('option', { value, text }));
  return el('div', { class: 'field' }, el('label', { for: id, text: labelText }), select);
}
