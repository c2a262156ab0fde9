import { describe, expect, it } from 'vitest';
import { chatSuite, openPage } from '../helpers/browser.ts';

// Waits on the page and the service, which share two cores with other suites: more than the 1 s default.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

// What Chromium really gets: the page, its modules and styles and the JSON answers compressed
// (fewer bytes on the wire than in the page), the SSE stream not, and the chat still live.

const suite = chatSuite();

describe('compression in the browser', () => {
  it('loads page, scripts, styles and answers compressed; SSE stays plain and live', async () => {
    const { page, problems } = await openPage(suite.browser);
    const codings = new Map<string, string>();
    page.on('response', async (response) => {
      const url = new URL(response.url());
      codings.set(`${response.request().method()} ${url.pathname}`, (await response.allHeaders())['content-encoding'] ?? 'none');
    });
    await page.goto(`${suite.server.url}/`);
    await page.locator('#send-button:not([disabled])').waitFor();
    await page.locator('#message-input').fill('Wie dokumentiere ich meine Beobachtungen?');
    await page.keyboard.press('Enter');
    await page.locator('.message-assistant').first().waitFor();
    await poll(() => [...codings.keys()].some((key) => key.endsWith('/events'))).toBe(true);

    const accepted = await page.evaluate(async () => (await fetch('/api/openapi.json')).headers.get('content-encoding'));
    expect(['br', 'gzip']).toContain(accepted);
    for (const path of ['/', '/app.js', '/styles.css', '/markdown.js']) expect(codings.get(`GET ${path}`), path).toMatch(/^(br|gzip)$/);
    const answer = [...codings].find(([key]) => key.startsWith('POST ') && key.endsWith('/messages'));
    expect(answer?.[1]).toMatch(/^(br|gzip)$/);
    const events = [...codings].find(([key]) => key.endsWith('/events'));
    expect(events?.[1]).toBe('none');

    // On the wire far less than the page holds.
    const sizes = await page.evaluate(() => performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
      .map((e) => e as PerformanceResourceTiming)
      .filter((e) => /\/(app\.js|styles\.css)?$/.test(new URL(e.name).pathname))
      .map((e) => ({ name: new URL(e.name).pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize })));
    expect(sizes.length).toBe(3);
    for (const size of sizes) expect(size.encoded, size.name).toBeLessThan(size.decoded * 0.6);
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  });
});
