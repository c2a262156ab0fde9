import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, openPage } from '../helpers/browser.ts';

// WCAG 2.2 SC 2.4.11 Focus Not Obscured (Minimum): no focused element may end up entirely
// under the sticky composer. The walk found 10 of 38 stops (desktop) and 6 of 38 (phone) fully
// covered, and the same in the widget's full-screen panel on a phone.

let server: TestServer;
let browser: Browser;
let partner: Server;
let partnerOrigin = '';

beforeAll(async () => {
  partner = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Kita</title><script src="${server.url}/widget.js" defer></script></head><body><h1>Kita</h1></body></html>`);
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

const QUESTIONS = [
  'Was mache ich, wenn mir ein Kind von Schlägen erzählt?',
  'Welche Schritte gibt es bei einem Verdacht auf Kindeswohlgefährdung in der Kita?',
  'Wie dokumentiere ich meine Beobachtungen?',
];

async function askAll(target: Page | Frame): Promise<void> {
  for (const [i, question] of QUESTIONS.entries()) {
    await target.locator('#message-input').fill(question);
    await target.locator('#send-button').click();
    await target.locator('.message-assistant').nth(i).waitFor();
  }
}

/** Where the focused element is, and whether it is entirely under the sticky composer. */
function focusState(target: Page | Frame) {
  return target.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    const composer = document.getElementById('composer')!;
    if (!active || active === document.body) return { inChat: false, covered: false, label: '' };
    const label = (active.textContent ?? active.id).trim().slice(0, 40);
    if (composer.contains(active)) return { inChat: false, covered: false, label };
    const rect = active.getBoundingClientRect();
    const box = composer.getBoundingClientRect();
    // Entirely inside the composer's box (elements below it, in the footer, are visible).
    const covered = rect.top >= box.top && rect.bottom <= box.bottom && rect.left >= box.left && rect.right <= box.right;
    return { inChat: true, covered, label };
  });
}

/** Tabs through every focus stop once and returns those fully covered by the composer. */
async function coveredStops(page: Page, target: Page | Frame, stops: number): Promise<string[]> {
  const covered: string[] = [];
  for (let i = 0; i < stops; i += 1) {
    await page.keyboard.press('Tab');
    const state = await focusState(target);
    if (state.covered) covered.push(state.label);
  }
  return covered;
}

describe('focus not obscured by the sticky composer', () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    it(`keeps every focus stop visible at ${viewport.width}×${viewport.height}`, async () => {
      const { page, context } = await openPage(browser, { viewport });
      await page.goto(`${server.url}/`);
      await askAll(page);
      expect(await page.locator('#composer').evaluate((node) => getComputedStyle(node).position)).toBe('sticky');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator('body').focus();
      const stops = await page.evaluate(() => document.querySelectorAll('a[href], button:not([disabled]), textarea, summary').length);
      expect(await coveredStops(page, page, stops + 2)).toEqual([]);
      await context.close();
    });
  }

  it('keeps every focus stop visible in the widget panel on a phone', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 360, height: 740 } });
    await page.goto(`${partnerOrigin}/`);
    await page.getByRole('button', { name: 'Kinderschutz-Lotse' }).click();
    const frame = await (await page.locator('iframe').elementHandle())!.contentFrame();
    await frame!.locator('#message-input').waitFor();
    await askAll(frame!);
    await frame!.evaluate(() => window.scrollTo(0, 0));
    await frame!.locator('a[href]').first().focus();
    const stops = await frame!.evaluate(() => document.querySelectorAll('a[href], button:not([disabled]), textarea, summary').length);
    expect(await coveredStops(page, frame!, stops)).toEqual([]);
    await context.close();
  });
});
