// Kinderschutz-Lotse widget for other web sites:
//
//   <script src="https://lotse.example/widget.js" defer></script>
//
// Adds a floating "Kinderschutz-Lotse" button; it opens the chat page of the same origin as
// this script in an iframe. Everything lives in a shadow root, so the host page's CSS does not
// leak in and ours does not leak out. Styles go in through a constructed style sheet, which a
// host page's CSP does not block (no inline style attributes). The iframe is created only
// when the button is first used: until then no request goes to the chat.
(() => {
  const script = /** @type {HTMLScriptElement|null} */ (document.currentScript);
  if (!script?.src) return;
  const w = /** @type {any} */ (window);
  if (w.__kinderschutzLotseWidget) return;
  w.__kinderschutzLotseWidget = true;

  const origin = new URL(script.src).origin;
  const label = script.dataset.label || 'Kinderschutz-Lotse';
  const side = script.dataset.position === 'left' ? 'left' : 'right';

  const css = `
    :host { all: initial; }
    .launcher, .panel { position: fixed; z-index: 2147483000; ${side}: 16px; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
    .launcher {
      bottom: 16px; min-height: 48px; padding: 0 18px; border: 2px solid #ffffff; border-radius: 24px;
      background: #0a5273; color: #ffffff; font-size: 16px; font-weight: 600; cursor: pointer;
      box-shadow: 0 2px 10px rgba(0, 0, 0, 0.3);
    }
    .launcher:hover { background: #073b53; }
    .launcher:focus-visible, .close:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
    .panel {
      bottom: 76px; width: min(420px, calc(100vw - 32px)); height: min(680px, calc(100vh - 100px));
      display: flex; flex-direction: column; background: #ffffff; border: 1px solid #6b7785;
      border-radius: 12px; overflow: hidden; box-shadow: 0 6px 28px rgba(0, 0, 0, 0.3);
    }
    .panel[hidden] { display: none; }
    .bar { display: flex; align-items: center; justify-content: space-between; gap: 8px;
      padding: 4px 4px 4px 12px; background: #0a5273; color: #ffffff; font-size: 15px; font-weight: 600; }
    .close { min-width: 44px; min-height: 44px; border: 0; border-radius: 8px; background: transparent;
      color: #ffffff; font-size: 24px; line-height: 1; cursor: pointer; }
    .close:hover { background: #073b53; }
    iframe { flex: 1; width: 100%; border: 0; }
    @media (max-width: 480px) {
      .panel { ${side}: 0; bottom: 0; width: 100vw; height: 100vh; border-radius: 0; }
    }
  `;

  const host = document.createElement('div');
  host.id = 'kinderschutz-lotse-widget';
  const shadow = host.attachShadow({ mode: 'open' });
  applyStyles(shadow, css);

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.textContent = label;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'kinderschutz-lotse-panel');

  const panel = document.createElement('div');
  panel.className = 'panel';
  panel.id = 'kinderschutz-lotse-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', label);

  const bar = document.createElement('div');
  bar.className = 'bar';
  const title = document.createElement('span');
  title.textContent = label;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'close';
  close.setAttribute('aria-label', 'Chat schließen');
  close.textContent = '×';
  bar.append(title, close);
  panel.append(bar);

  /** @type {HTMLIFrameElement|null} */
  let frame = null;

  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = `${label} – Chat`;
      frame.src = `${origin}/?embed=1`;
      panel.append(frame);
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    close.focus();
  }

  function hide() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', () => (panel.hidden ? open() : hide()));
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hide();
  });

  shadow.append(launcher, panel);
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
