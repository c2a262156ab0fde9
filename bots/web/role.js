// The line above the conversation that says which field of work the Lotse assumes for the
// asker (answers differ for a Kita, a school or a practice), with a small form to change it.

import { el, uniqueId } from './dom.js';
import { describeError } from './api.js';
import { ROLES, roleName } from './roles.js';

/**
 * @param {HTMLElement} container
 * @param {(role: string) => Promise<void>} save stores the asker's choice with the service
 * @returns {{show(role: string|null|undefined): void, hide(): void}}
 */
export function createRoleLine(container, save) {
  /** @type {string|null} */
  let current = null;
  const text = el('p', { class: 'role-text' });
  const toggle = el('button', { type: 'button', class: 'secondary small', 'aria-expanded': 'false' });
  const status = el('p', { class: 'hint role-status', role: 'status' });
  /** @type {HTMLElement|null} */
  let form = null;
  container.replaceChildren(el('div', { class: 'role-row' }, text, toggle), status);

  const render = () => {
    const name = roleName(current);
    text.replaceChildren(...(name ? ['Der Lotse geht davon aus, dass Sie hier arbeiten: ', el('strong', { text: name }), '.'] : ['Ihr Arbeitsfeld kennt der Lotse noch nicht.']));
    toggle.textContent = name ? 'Arbeitsfeld ändern' : 'Arbeitsfeld angeben';
  };
  const close = () => {
    form?.remove();
    form = null;
    toggle.setAttribute('aria-expanded', 'false');
  };

  toggle.addEventListener('click', () => {
    if (form) {
      close();
      return;
    }
    status.textContent = '';
    form = roleForm(current, async (role) => {
      await save(role);
      current = role;
      render();
      close();
      status.textContent = `Gespeichert. Die nächsten Antworten gehen von „${roleName(role)}“ aus.`;
      toggle.focus();
    }, () => {
      close();
      toggle.focus();
    });
    container.appendChild(form);
    toggle.setAttribute('aria-expanded', 'true');
    form.querySelector('select')?.focus();
  });

  return {
    show(role) {
      container.hidden = false;
      const next = typeof role === 'string' && roleName(role) ? role : null;
      if (next === current && text.textContent) return;
      current = next;
      render();
    },
    hide() {
      close();
      current = null;
      status.textContent = '';
      container.hidden = true;
    },
  };
}

/**
 * @param {string|null} current @param {(role: string) => Promise<void>} submit @param {() => void} cancel
 * @returns {HTMLElement}
 */
function roleForm(current, submit, cancel) {
  const id = uniqueId('role-choice');
  const errorId = uniqueId('role-error');
  const select = el('select', { id, 'aria-describedby': errorId });
  for (const [value, name] of ROLES) select.appendChild(el('option', { value, text: name, selected: value === current }));
  const error = el('p', { class: 'error', id: errorId, role: 'alert' });
  const apply = el('button', { type: 'submit', class: 'primary', text: 'Übernehmen' });
  const form = el(
    'form',
    { class: 'inline-form', novalidate: true, 'aria-label': 'Arbeitsfeld ändern' },
    el('div', { class: 'field' }, el('label', { for: id, text: 'In welchem Feld arbeiten Sie?' }), select),
    error,
    el('div', { class: 'actions' }, apply, el('button', { type: 'button', class: 'secondary', text: 'Abbrechen', onclick: cancel })),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    apply.setAttribute('disabled', '');
    try {
      await submit(/** @type {HTMLSelectElement} */ (select).value);
    } catch (failure) {
      error.textContent = describeError(failure);
      apply.removeAttribute('disabled');
    }
  });
  return form;
}
