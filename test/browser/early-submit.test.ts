import { describe, expect, it } from 'vitest';
import { chatSuite, openPage } from '../helpers/browser.ts';

// On a slow line the composer is painted seconds before app.js has bound its submit handler.
// "Senden" in that window must never submit the form natively: a GET would put the unredacted
// question into the address bar, the history and proxy logs (review: /?text=Meine+Frage+zu+…).

const suite = chatSuite();

describe('composer before the script has loaded', () => {
  it('never puts the typed question into the URL and keeps the text', async () => {
    const { page, context } = await openPage(suite.browser);
    // Hold the chat script back, as a 3G connection does for several seconds.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route('**/app.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${suite.server.url}/`, { waitUntil: 'commit' });
    await page.locator('#message-input').waitFor();
    const question = 'Meine Frage zu Mia Schulz';
    await page.locator('#message-input').fill(question);
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });
    // A tap on "Senden" (forced: a disabled button is the fix, the tap must still do no harm).
    await page.locator('#send-button').click({ force: true, noWaitAfter: true });
    await page.waitForTimeout(500);
    expect(navigations).toEqual([]);
    expect(page.url()).not.toContain('Mia');
    expect(await page.locator('#message-input').inputValue()).toBe(question);
    // Even a native submission (any other path to it) would carry no field with the text.
    const fields = await page.evaluate(() => [...new FormData(document.getElementById('composer') as HTMLFormElement).keys()]);
    expect(fields).toEqual([]);

    // Once the script is there, the same text is sent through the API as usual.
    release();
    await page.locator('#send-button:not([disabled])').waitFor();
    await page.locator('#send-button').click();
    await page.locator('.message-assistant').first().waitFor();
    expect(page.url()).toBe(`${suite.server.url}/`);
    await context.close();
  });
});
