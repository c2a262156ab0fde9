import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chatSuite, openPage } from '../helpers/browser.ts';

// What a screen reader is told: one short line per new answer (not 800–1,600 characters of
// answer, sources and buttons), nothing again for the history after a reload, no forms read
// out as content; and messages that can be found by heading, with author and time.

const suite = chatSuite();

/** Text inside live regions (aria-live other than off, or roles that imply it). */
function liveText(page: Page) {
  return page.evaluate(() => {
    const live = [...document.querySelectorAll('[aria-live], [role="log"], [role="status"], [role="alert"]')]
      .filter((node) => node.getAttribute('aria-live') !== 'off');
    return live.map((node) => (node.textContent ?? '').trim()).filter(Boolean);
  });
}

describe('screen reader experience', () => {
  it('announces a short line per answer and never the history again', async () => {
    const { page, context } = await openPage(suite.browser);
    await page.goto(`${suite.server.url}/`);
    await page.locator('#message-input').fill('Was mache ich, wenn mir ein Kind von Schlägen erzählt?');
    await page.keyboard.press('Enter');
    const answer = page.locator('.message-assistant').first();
    await answer.waitFor();
    await expect.poll(() => liveText(page)).toHaveLength(1);
    const [line] = await liveText(page);
    expect(line).toMatch(/^(Akute Gefahr: Notruf 110 oder 112\. )?Antwort des Lotsen: \S/);
    expect(line.length).toBeLessThanOrEqual(200);
    // The answer itself is not inside any live region.
    expect(await answer.evaluate((node) => Boolean(node.closest('[aria-live]:not([aria-live="off"]), [role="log"], [role="status"]')))).toBe(false);

    // Messages are named articles with a heading that gives author and time.
    const headings = await page.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(headings[0]).toMatch(/^Sie · \d\d:\d\d Uhr$/);
    expect(headings[1]).toMatch(/^Lotse · \d\d:\d\d Uhr$/);
    expect(await page.getByRole('article', { name: /^Lotse · \d\d:\d\d Uhr$/ }).count()).toBe(1);

    // The escalation form opens outside any live region.
    await answer.getByRole('button', { name: /Person/ }).first().click();
    expect(await page.getByRole('form', { name: /Anfrage/ }).evaluate((node) => Boolean(node.closest('[aria-live], [role="log"]')))).toBe(false);

    // After a reload the history is back on screen, but nothing is announced.
    await page.reload();
    await page.locator('.message-assistant').first().waitFor();
    await page.waitForTimeout(300);
    expect(await liveText(page)).toEqual([]);
    await context.close();
  });
});
