// The chat inside the widget's frame talks to widget.js on the host page with a few content-free
// messages: "ready" (the chat has loaded, so the frame was not refused), "close" (Escape was
// pressed anywhere inside the chat) and "unread" (see notify.js). The host may ask the chat to
// put the focus on its last element, so that Shift+Tab can wrap around in the phone panel.

const SOURCE = 'kinderschutz-lotse';

export function isEmbedded() {
  return window.self !== window.top || new URLSearchParams(location.search).has('embed');
}

export function connectToWidget() {
  if (window.self === window.top) return;
  const tell = (type) => window.parent.postMessage({ source: SOURCE, type }, '*');
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.isComposing && !event.defaultPrevented) tell('close');
  });
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.data?.source !== SOURCE) return;
    if (event.data.type === 'focus-last') {
      const focusable = [...document.querySelectorAll('a[href], button:not([disabled]), textarea, input:not([disabled]), select, summary')]
        .filter((node) => /** @type {HTMLElement} */ (node).offsetParent !== null);
      /** @type {HTMLElement|undefined} */ (focusable.at(-1))?.focus();
    }
  });
  tell('ready');
}
