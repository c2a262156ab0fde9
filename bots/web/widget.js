// Kinderschutz-Lotse widget for other web sites:
//
//   <script src="https://lotse.example/widget.js" defer></script>
//
// Adds a floating "Kinderschutz-Lotse" button; it opens the chat page of the same origin as
// this script in an iframe. Everything lives in a shadow root, so the host page's CSS does not
// leak in and ours does not leak out. Styles go in through a constructed style sheet, which a
// host page's CSP does not block (no inline style attributes). The iframe is created only
// when the button is first used: until then no request goes to the chat.
//
// Until the chat inside the frame reports "ready", the panel shows a short text with the
// emergency numbers and a link to the Lotse itself: when the frame is refused (the site is not
// in EMBED_ORIGINS, or the service is down) that text stays instead of an empty grey box.
(() => {
  const script = /** @type {HTMLScriptElement|null} */ (document.currentScript);
  if (!script?.src) return;
  const w = /** @type {any} */ (window);
  if (w.__kinderschutzLotseWidget) return;
  w.__kinderschutzLotseWidget = true;

  const origin = new URL(script.src).origin;
  const label = script.dataset.label || 'Kinderschutz-Lotse';
  const side = script.dataset.position === 'left' ? 'left' : 'right';
  const SOURCE = 'kinderschutz-lotse';
  // How long after the frame's load event a missing "ready" means the frame was refused.
  const READY_GRACE_MS = 1500;
  const phone = window.matchMedia('(max-width: 480px)');

  const css = `
    :host { all: initial; }
    .launcher, .panel { position: fixed; z-index: 2147483000; ${side}: 16px; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
    .launcher {
      bottom: 16px; min-height: 48px; padding: 0 18px; border: 2px solid #ffffff; border-radius: 24px;
      background: #0a5273; color: #ffffff; font-size: 16px; font-weight: 600; cursor: pointer;
      box-shadow: 0 2px 10px rgba(0, 0, 0, 0.3); display: inline-flex; align-items: center; gap: 8px;
    }
    .launcher:hover { background: #073b53; }
    .launcher:focus-visible, .close:focus-visible, .fallback a:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
    .badge { min-width: 24px; height: 24px; padding: 0 6px; border-radius: 12px; background: #ffffff; color: #a3001b;
      font-size: 14px; font-weight: 700; display: inline-flex; align-items: center; justify-content: center; box-sizing: border-box; }
    .badge[hidden], .panel[hidden] { display: none; }
    .panel {
      bottom: 76px; width: min(420px, calc(100vw - 32px)); height: min(680px, calc(100vh - 100px));
      display: flex; flex-direction: column; background: #ffffff; border: 1px solid #6b7785;
      border-radius: 12px; overflow: hidden; box-shadow: 0 6px 28px rgba(0, 0, 0, 0.3);
    }
    .bar { display: flex; align-items: center; justify-content: space-between; gap: 8px;
      padding: 4px 4px 4px 12px; background: #0a5273; color: #ffffff; font-size: 15px; font-weight: 600; }
    .close { min-width: 44px; min-height: 44px; border: 0; border-radius: 8px; background: transparent;
      color: #ffffff; font-size: 24px; line-height: 1; cursor: pointer; }
    .close:hover { background: #073b53; }
    .body { position: relative; flex: 1; display: flex; }
    iframe { flex: 1; width: 100%; border: 0; }
    iframe.waiting { visibility: hidden; }
    .fallback { position: absolute; inset: 0; overflow: auto; padding: 16px; color: #1b1f24; font-size: 16px; line-height: 1.5; background: #ffffff; }
    .fallback[hidden] { display: none; }
    .fallback p { margin: 0 0 12px; }
    .fallback .calls { display: flex; flex-wrap: wrap; gap: 8px; }
    .fallback .call { display: inline-flex; align-items: center; min-height: 44px; padding: 0 14px; border: 2px solid #a3001b;
      border-radius: 8px; color: #a3001b; font-weight: 700; text-decoration: none; }
    .fallback .direct { color: #0a5273; font-weight: 600; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    @media (max-width: 480px) {
      .panel { ${side}: 0; bottom: 0; width: 100vw; height: 100vh; height: 100dvh; border-radius: 0; }
    }
  `;

  const host = document.createElement('div');
  host.id = 'kinderschutz-lotse-widget';
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow, css);

  const make = (tag, props = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else node.setAttribute(key, value);
    }
    node.append(...children);
    return node;
  };

  const badge = make('span', { class: 'badge', 'aria-hidden': 'true' });
  badge.hidden = true;
  const badgeText = make('span', { class: 'visually-hidden' });
  const launcher = make('button', { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'kinderschutz-lotse-panel' }, label, badge, badgeText);
  // Announces a new message of the Kontaktstelle while the panel is closed.
  const announcer = make('p', { class: 'visually-hidden', role: 'status' });

  const close = make('button', { type: 'button', class: 'close', 'aria-label': 'Chat schließen', text: '×' });
  const bar = make('div', { class: 'bar' }, make('span', { text: label }), close);
  const fallbackText = make('p', { text: 'Der Kinderschutz-Lotse wird geladen …' });
  const fallback = make(
    'div',
    { class: 'fallback' },
    fallbackText,
    make('p', { text: 'Bei akuter Gefahr für ein Kind rufen Sie sofort den Notruf:' }),
    make('p', { class: 'calls' },
      make('a', { class: 'call', href: 'tel:110', text: 'Polizei: 110' }),
      make('a', { class: 'call', href: 'tel:112', text: 'Rettungsdienst: 112' })),
    make('p', {}, 'Kinderschutzhotline MV, rund um die Uhr: ', make('a', { class: 'direct', href: 'tel:08001414007', text: '0800 14 14 007' })),
    make('p', {}, make('a', { class: 'direct', href: `${origin}/`, target: '_blank', rel: 'noopener', text: 'Kinderschutz-Lotse direkt öffnen (neues Fenster)' })),
  );
  const body = make('div', { class: 'body' }, fallback);
  // On a phone the panel covers the page: these two catch Tab at either end and send it round.
  const startGuard = make('span', { class: 'visually-hidden' });
  const endGuard = make('span', { class: 'visually-hidden' });
  const panel = make('div', { class: 'panel', id: 'kinderschutz-lotse-panel', role: 'dialog', 'aria-label': label }, startGuard, bar, body, endGuard);
  panel.hidden = true;

  /** @type {HTMLIFrameElement|null} */
  let frame = null;
  let ready = false;
  let unread = 0;
  /** @type {Element[]} host page elements made inert while the phone panel covers them */
  let inerted = [];

  function createFrame() {
    frame = make('iframe', { title: `${label} – Chat`, class: 'waiting' });
    frame.addEventListener('load', () => {
      setTimeout(() => {
        if (!ready) fallbackText.textContent = 'Der Kinderschutz-Lotse kann auf dieser Seite gerade nicht angezeigt werden. Sie erreichen ihn direkt über den Link unten.';
      }, READY_GRACE_MS);
    });
    frame.src = `${origin}/?embed=1`;
    body.append(frame);
  }

  function setUnread(count) {
    unread = count;
    badge.hidden = count === 0;
    badge.textContent = String(count);
    badgeText.textContent = count === 0 ? '' : ` (${count === 1 ? '1 neue Nachricht' : `${count} neue Nachrichten`})`;
  }

  /** The full-screen panel on a phone is modal: the page behind it cannot be reached. */
  function setModal(on) {
    for (const node of inerted) node.removeAttribute('inert');
    inerted = [];
    const modal = on && phone.matches;
    if (modal) panel.setAttribute('aria-modal', 'true');
    else panel.removeAttribute('aria-modal');
    for (const guard of [startGuard, endGuard]) {
      if (modal) guard.setAttribute('tabindex', '0');
      else guard.removeAttribute('tabindex');
    }
    launcher.inert = modal;
    if (!modal) return;
    for (const node of document.body.children) {
      if (node === host || node.hasAttribute('inert')) continue;
      node.setAttribute('inert', '');
      inerted.push(node);
    }
  }

  function open() {
    if (!frame) createFrame();
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    setUnread(0);
    setModal(true);
    close.focus();
  }

  function hide() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    setModal(false);
    launcher.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : hide()));
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });
  startGuard.addEventListener('focus', () => {
    if (frame && ready) frame.contentWindow?.postMessage({ source: SOURCE, type: 'focus-last' }, origin);
    else close.focus();
  });
  endGuard.addEventListener('focus', () => close.focus());
  phone.addEventListener('change', () => setModal(!panel.hidden));

  window.addEventListener('message', (event) => {
    if (!frame || event.source !== frame.contentWindow || event.origin !== origin) return;
    const data = event.data;
    if (!data || data.source !== SOURCE) return;
    if (data.type === 'ready') {
      ready = true;
      fallback.hidden = true;
      frame.classList.remove('waiting');
    } else if (data.type === 'close') {
      if (!panel.hidden) hide();
    } else if (data.type === 'unread' && panel.hidden) {
      setUnread(unread + 1);
      announcer.textContent = '';
      announcer.textContent = `${label}: neue Nachricht der Kontaktstelle.`;
    }
  });

  shadow.append(launcher, announcer, panel);
  const mount = () => document.body.append(host);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });

  /** @param {ShadowRoot} root @param {string} text */
  function applyStyles(root, text) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      root.adoptedStyleSheets = [sheet];
    } catch {
      const style = document.createElement('style');
      style.textContent = text;
      root.append(style);
    }
  }
})();
