// Makes a live message of the Kontaktstelle noticeable to someone who is not looking at the
// chat: the tab title counts unread messages until the page is looked at again, and inside the
// widget's frame the host page's launcher is told, so that it can show a badge.
// While a case is open the asker may also switch on browser notifications; permission is only
// ever asked for after a click on that button, never on its own. Neither the frame message nor
// a notification carries content, only that something new arrived: a notification can be seen
// on a locked screen or by a colleague.

import { el } from './dom.js';

const BASE_TITLE = document.title;

/** @param {HTMLElement|null} offerBox where the button that switches notifications on appears */
export function createNotifier(offerBox) {
  let unread = 0;
  const embedded = window.self !== window.top;
  const seen = () => document.visibilityState === 'visible' && document.hasFocus();
  const reset = () => {
    if (unread === 0 || !seen()) return;
    unread = 0;
    document.title = BASE_TITLE;
  };
  window.addEventListener('focus', reset);
  document.addEventListener('visibilitychange', reset);
  document.addEventListener('pointerdown', reset);
  document.addEventListener('keydown', reset);

  return {
    /** A staff or system message arrived live (not from the history). */
    incoming() {
      if (embedded) window.parent.postMessage({ source: 'kinderschutz-lotse', type: 'unread' }, '*');
      if (seen()) return;
      unread += 1;
      document.title = `(${unread}) ${unread === 1 ? 'Neue Nachricht' : 'Neue Nachrichten'} der Kontaktstelle – ${BASE_TITLE}`;
      if (notificationsAllowed()) showNotification();
    },
    /** Shows (while a case is open) or hides the offer to switch notifications on. */
    offer(open) {
      if (!offerBox) return;
      if (!open || !('Notification' in window) || Notification.permission === 'denied') {
        offerBox.hidden = true;
        offerBox.replaceChildren();
        return;
      }
      if (!offerBox.hidden && offerBox.childElementCount > 0) return;
      offerBox.replaceChildren(...offerContent());
      offerBox.hidden = false;
    },
  };
}

function notificationsAllowed() {
  return 'Notification' in window && Notification.permission === 'granted';
}

function showNotification() {
  try {
    const note = new Notification('Neue Antwort der Kontaktstelle', {
      body: 'Im Kinderschutz-Lotsen wartet eine Nachricht auf Sie.',
      tag: 'kinderschutz-lotse',
      icon: '/favicon.svg',
    });
    note.addEventListener('click', () => {
      window.focus();
      note.close();
    });
  } catch {
    // Some browsers (Android Chrome) only allow notifications from a service worker; the tab
    // title still counts the message.
  }
}

/** @returns {HTMLElement[]} */
function offerContent() {
  if (Notification.permission === 'granted') {
    return [el('p', { class: 'hint', text: 'Benachrichtigungen sind an: Kommt eine Antwort, während Sie in einem anderen Fenster sind, meldet sich Ihr Browser.' })];
  }
  const status = el('p', { class: 'hint', role: 'status' });
  const button = el('button', { type: 'button', class: 'secondary small', text: 'Bei einer Antwort benachrichtigen' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    let answer = 'default';
    try {
      answer = await Notification.requestPermission();
    } catch {
      answer = Notification.permission;
    }
    if (answer === 'granted') {
      button.remove();
      status.textContent = 'Benachrichtigungen sind an. Die Meldung nennt keinen Inhalt, nur dass eine Antwort da ist.';
    } else {
      button.disabled = answer === 'denied';
      status.textContent = answer === 'denied'
        ? 'Ihr Browser erlaubt keine Benachrichtigungen. Der Titel dieses Tabs zeigt neue Antworten trotzdem an.'
        : 'Keine Benachrichtigungen. Der Titel dieses Tabs zeigt neue Antworten trotzdem an.';
    }
  });
  return [button, status];
}
