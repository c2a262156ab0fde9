import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, openPage } from '../helpers/browser.ts';

// Emergency routes on a phone: 110/112 large and tappable on the first screen; never twice in
// the same view once an answer brings its own emergency box (with the hotline next to them);
// and an "act today" answer (triage urgent) visibly set apart, calmer than acute.

let server: TestServer;
let browser: Browser;
const PHONE = { width: 360, height: 740 };

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Links to a number that are rendered and at least partly inside the viewport. */
function visibleCalls(page: Page, number: string) {
  return page.evaluate((href) => [...document.querySelectorAll(`a[href="${href}"]`)].filter((node) => {
    const rect = node.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight;
  }).length, `tel:${number}`);
}

async function ask(page: Page, question: string) {
  await page.locator('#message-input').fill(question);
  await page.keyboard.press('Enter');
  await page.locator('.message-assistant').last().waitFor();
  await page.waitForTimeout(200);
}

describe('emergency routes on a phone', () => {
  it('offers 110 and 112 as large buttons on the first screen', async () => {
    const { page, context } = await openPage(browser, { viewport: PHONE });
    await page.goto(`${server.url}/`);
    for (const number of ['110', '112']) {
      const box = await page.locator(`header a[href="tel:${number}"]`).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(box!.y + box!.height).toBeLessThanOrEqual(PHONE.height);
    }
    await page.screenshot({ path: '/tmp/lotse-web-first-phone.png' });
    await context.close();
  });

  it('shows the numbers once when an acute answer is on screen, with the hotline beside them', async () => {
    const { page, context } = await openPage(browser, { viewport: PHONE });
    await page.goto(`${server.url}/`);
    await ask(page, 'Ein Kind aus meiner Gruppe sagt, der Vater schlägt es gerade, und es hat Angst, heute Abend nach Hause zu gehen.');
    // As the answer arrives, the hotline is in the first screen of it, above the composer.
    const box = page.locator('.message-assistant .emergency');
    expect(await box.locator('a[href="tel:08001414007"]').count()).toBe(1);
    const hotline = await box.locator('a[href="tel:08001414007"]').boundingBox();
    const composer = await page.locator('#composer').boundingBox();
    expect(hotline!.y + hotline!.height).toBeLessThanOrEqual(composer!.y);
    await page.screenshot({ path: '/tmp/lotse-web-acute-phone.png' });
    for (const top of [0, 10_000]) {
      await page.evaluate((y) => window.scrollTo(0, y), top);
      expect(await visibleCalls(page, '110')).toBeLessThanOrEqual(1);
      expect(await visibleCalls(page, '112')).toBeLessThanOrEqual(1);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await visibleCalls(page, '110')).toBe(1);
    await context.close();
  });

  it('gives an urgent answer its own calmer box, not the acute one', async () => {
    const { page, context } = await openPage(browser, { viewport: PHONE });
    await page.goto(`${server.url}/`);
    await ask(page, 'Eine Schülerin erzählt, dass sie in den Sommerferien in der Heimat beschnitten werden soll.');
    const answer = page.locator('.message-assistant').first();
    expect(await answer.locator('.emergency').count()).toBe(0);
    const note = answer.locator('.urgent-note');
    expect(await note.count()).toBe(1);
    expect(await note.innerText()).toMatch(/heute noch/);
    const style = await note.evaluate((node) => ({ border: getComputedStyle(node).borderLeftWidth, background: getComputedStyle(node).backgroundColor }));
    expect(parseFloat(style.border)).toBeGreaterThanOrEqual(4);
    const acuteColour = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--danger-wash').trim());
    expect(style.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(style.background).not.toBe(acuteColour);
    await page.screenshot({ path: '/tmp/lotse-web-urgent-phone.png' });
    await context.close();
  });
});
