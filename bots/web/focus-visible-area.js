// WCAG 2.4.11 (Focus Not Obscured): the sticky composer covers the bottom of the screen, and
// the browser scrolls a focused element only just into the viewport — often right under it.
// The composer's height goes into --composer-height (used as scroll-padding-bottom in
// styles.css), and a focus that still lands under it scrolls the page up by the overlap.

/** @param {HTMLElement} composer */
export function keepFocusAboveComposer(composer) {
  const root = document.documentElement;
  const isSticky = () => getComputedStyle(composer).position === 'sticky';
  const measure = () => {
    root.style.setProperty('--composer-height', isSticky() ? `${Math.ceil(composer.getBoundingClientRect().height)}px` : '0px');
  };
  measure();
  if (typeof ResizeObserver === 'function') new ResizeObserver(measure).observe(composer);
  window.addEventListener('resize', measure);

  document.addEventListener('focusin', (event) => {
    const target = /** @type {Element|null} */ (event.target instanceof Element ? event.target : null);
    if (!target || composer.contains(target) || !isSticky()) return;
    const rect = target.getBoundingClientRect();
    const top = composer.getBoundingClientRect().top;
    const margin = 8;
    if (rect.bottom + margin <= top) return;
    // Only what is in the page above the composer; elements below it (footer) are visible.
    if (rect.top >= composer.getBoundingClientRect().bottom) return;
    window.scrollBy({ top: rect.bottom + margin - top, behavior: 'instant' });
  });
}
