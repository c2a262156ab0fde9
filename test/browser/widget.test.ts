import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, openPage } from '../helpers/browser.ts';

// The embeddable widget on another site: one <script> tag adds a button that opens the chat
// in an iframe. The other site is a second little HTTP server on its own port (another origin
// on loopback: Chromium forbids a public page to load from loopback); the service allows only
// that origin to frame the chat.

let server: TestServer;
let browser: Browser;
let partner: Server;
let partnerOrigin = '';

beforeAll(async () => {
  partner = createServer((_req, res) => {
    // A strict partner CSP: the widget must work without inline styles or scripts.
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src ${server.url}; frame-src ${server.url}; style-src 'self'`,
    });
    res.end(partnerPage(`${server.url}/widget.js`));
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  partnerOrigin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
  [server, browser] = await Promise.all([startTestServer({ EMBED_ORIGINS: partnerOrigin }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  partner?.closeAllConnections();
  await new Promise((resolve) => partner?.close(resolve));
});

function partnerPage(scriptUrl: string): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Kita Sonnenschein</title>
<script src="${scriptUrl}" defer></script></head>
<body><h1>Kita Sonnenschein</h1><p>Willkommen auf unserer Seite.</p></body></html>`;
}

describe('widget', () => {
  it('adds a button on another site that opens the chat in an iframe', async () => {
    const { page, context, problems } = await openPage(browser);
    await page.goto(`${partnerOrigin}/`);
    const launcher = page.getByRole('button', { name: 'Kinderschutz-Lotse' });
    await launcher.waitFor();
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await launcher.evaluate((node) => getComputedStyle(node).position)).toBe('fixed');
    // Nothing from the chat is loaded before the button is used.
    expect(await page.locator('iframe').count()).toBe(0);

    await launcher.click();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    const frameElement = page.locator('iframe');
    expect(await frameElement.getAttribute('src')).toBe(`${server.url}/?embed=1`);
    expect(await frameElement.getAttribute('title')).toMatch(/Kinderschutz-Lotse/);

    const chat = page.frameLocator('iframe');
    const input = chat.getByRole('textbox', { name: /Frage|Nachricht/ });
    await input.fill('Wie erreiche ich die Kinderschutzhotline?');
    await chat.getByRole('button', { name: 'Senden', exact: true }).click();
    await chat.locator('.message-assistant').first().waitFor();
    expect(await chat.locator('.message-assistant .sources a').count()).toBeGreaterThan(0);

    // Closing returns focus to the button.
    await page.getByRole('button', { name: 'Chat schließen' }).click();
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kinderschutz-lotse-widget');
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    await page.screenshot({ path: '/tmp/lotse-widget-closed.png' });
    await launcher.click();
    await page.screenshot({ path: '/tmp/lotse-widget-open.png' });
    await context.close();
  });
});
