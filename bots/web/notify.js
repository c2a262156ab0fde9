// Makes a live message of the Kontaktstelle noticeable to someone who is not looking at the
// chat: the tab title counts unread messages until the page is looked at again, and inside the
// widget's frame the host page's launcher is told, so that it can show a badge.
// The frame message carries no content, only that something new arrived.

const BASE_TITLE = document.title;

export function createNotifier() {
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
    },
  };
}
