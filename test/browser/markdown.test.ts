import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, openPage } from '../helpers/browser.ts';

// The answer renderer (bots/web/markdown.js), run in the real browser as the page loads it.

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  ({ page } = await openPage(browser));
  await page.goto(`${server.url}/`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Renders Markdown with the page's own module and returns the resulting HTML. The function is
 * passed as a string so that vitest's transform does not rewrite its dynamic import.
 */
function render(markdown: string): Promise<string> {
  return page.evaluate(`(async () => {
    const { renderMarkdown } = await import('/markdown.js');
    const box = document.createElement('div');
    box.appendChild(renderMarkdown(${JSON.stringify(markdown)}));
    return box.innerHTML;
  })()`);
}

describe('answer Markdown', () => {
  it('renders paragraphs, bold, emphasis, lists and headings', async () => {
    expect(await render('## Erste Schritte\n\n---\n\nSie sind **nicht allein**.\nZweite Zeile.\n\n- eins\n- zwei\n\n1. a\n2. b\n\n_Quelle: X._')).toBe(
      '<h3>Erste Schritte</h3><hr><p>Sie sind <strong>nicht allein</strong>.<br>Zweite Zeile.</p>' +
        '<ul><li>eins</li><li>zwei</li></ul><ol><li>a</li><li>b</li></ol><p><em>Quelle: X.</em></p>',
    );
  });

  it('keeps HTML as text', async () => {
    const html = await render('<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> **<b>x</b>**');
    expect(html).toBe(
      '<p>&lt;img src=x onerror="window.__xss=1"&gt; &lt;script&gt;window.__xss=2&lt;/script&gt; <strong>&lt;b&gt;x&lt;/b&gt;</strong></p>',
    );
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('links only to http(s), tel: and the knowledge pages', async () => {
    expect(await render('[Gesetz](https://www.gesetze-im-internet.de/kkg/__4.html)')).toBe(
      '<p><a href="https://www.gesetze-im-internet.de/kkg/__4.html" target="_blank" rel="noopener noreferrer">Gesetz</a></p>',
    );
    expect(await render('[Hotline](tel:+498001414007)')).toBe('<p><a href="tel:+498001414007">Hotline</a></p>');
    expect(await render('[Artikel](artikel:insoweit-erfahrene-fachkraft)')).toContain('href="/wissen/insoweit-erfahrene-fachkraft"');
    expect(await render('[Abschnitt](/wissen/dokumentation#was-gehoert-hinein)')).toContain('href="/wissen/dokumentation#was-gehoert-hinein"');
    for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', '//evil.example/x', 'vbscript:x', 'mailto:a@b.de', '/api/conversations']) {
      const html = await render(`[Klick](${bad})`);
      expect(html, bad).not.toContain('<a');
      expect(html, bad).toContain('Klick');
    }
  });
});

describe('download summary', () => {
  it('is built in the browser from the conversation, with absolute source links', async () => {
    const messages = [
      { author: 'user', text: 'Was tue ich bei Verdacht?' },
      {
        author: 'assistant',
        text: 'x',
        reply: {
          text: '**Erste Schritte**\n\n- Beobachten und dokumentieren\n- [Fachkraft](artikel:insofa) hinzuziehen',
          sources: [
            { id: 'a', title: 'Erste Schritte', url: '/wissen/erste-schritte#beobachten', reviewed: '2026-11-24' },
            { id: 'a', title: 'Erste Schritte', url: '/wissen/erste-schritte#beobachten', reviewed: '2026-11-24' },
          ],
        },
      },
    ];
    const downloadEvent = page.waitForEvent('download');
    await page.evaluate(`(async () => {
      const { buildSummary, downloadText } = await import('/summary.js');
      downloadText('zusammenfassung.md', buildSummary(${JSON.stringify(messages)}, location.origin));
    })()`);
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe('zusammenfassung.md');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    expect(text).toContain('# Kinderschutz-Lotse – Zusammenfassung');
    expect(text).toContain('> Was tue ich bei Verdacht?');
    expect(text).toContain('- Beobachten und dokumentieren');
    expect(text).toContain(`- Erste Schritte (Stand: 24.11.2026): ${server.url}/wissen/erste-schritte#beobachten`);
    expect(text.match(/Stand: 24\.11\.2026\): /g)).toHaveLength(1);
    expect(text).toContain('110');
  });
});

describe('sources of an answer', () => {
  const sources = [
    { id: 'a', title: 'Entwurfsartikel', url: '/wissen/a', reviewed: '2026-11-24', status: 'draft' },
    { id: 'b', title: 'Geänderter Artikel', url: '/wissen/b', reviewed: '2026-11-24', status: 'changed' },
    { id: 'c', title: 'Freigegebener Artikel', url: '/wissen/c', reviewed: '2026-11-24', status: 'approved' },
    { id: 'd', title: 'Ohne Angabe', url: '/wissen/d', reviewed: '2026-11-24' },
  ];

  it('show the Stand and, for an article not approved, that it is a draft', async () => {
    const items = await page.evaluate(`(async () => {
      const { renderMessage } = await import('/messages.js');
      const node = renderMessage({ author: 'assistant', text: 'x', reply: { text: 'Antwort', actions: [], sources: ${JSON.stringify(sources)} } }, {});
      return [...node.querySelectorAll('.sources li')].map((li) => li.textContent);
    })()`);
    expect(items).toEqual([
      'Entwurfsartikel (Stand: 24.11.2026) – Entwurf, noch nicht fachlich freigegeben',
      'Geänderter Artikel (Stand: 24.11.2026) – geänderte Fassung, noch nicht fachlich freigegeben',
      'Freigegebener Artikel (Stand: 24.11.2026)',
      'Ohne Angabe (Stand: 24.11.2026)',
    ]);
  });

  it('keep that state in the downloaded summary', async () => {
    const text: string = await page.evaluate(`(async () => {
      const { buildSummary } = await import('/summary.js');
      return buildSummary([{ author: 'assistant', text: 'x', reply: { text: 'Antwort', sources: ${JSON.stringify(sources.slice(0, 3))} } }], 'https://lotse.example');
    })()`);
    expect(text).toContain('- Entwurfsartikel (Stand: 24.11.2026; Entwurf, noch nicht fachlich freigegeben): https://lotse.example/wissen/a');
    expect(text).toContain('- Freigegebener Artikel (Stand: 24.11.2026): https://lotse.example/wissen/c');
  });
});
