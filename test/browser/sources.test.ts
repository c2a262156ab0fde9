import { describe, expect, it } from 'vitest';
import { chatSuite, openPage } from '../helpers/browser.ts';

// Answers on a phone were two screens long partly because every source appeared twice (the
// "Quelle:" line and the "Quellen" block) plus again under "Mehr dazu". Each is shown once now,
// and the editorial state (draft) stays visible next to it.

const suite = chatSuite();

describe('sources of an answer', () => {
  it('lists every source once, with its Stand and editorial state', async () => {
    const { page, context } = await openPage(suite.browser, { viewport: { width: 360, height: 740 } });
    await page.goto(`${suite.server.url}/`);
    const checked: string[] = [];
    for (const [n, question] of ['Was mache ich, wenn mir ein Kind von Schlägen erzählt?', 'Welche Schritte gibt es bei einem Verdacht auf Kindeswohlgefährdung in der Kita?'].entries()) {
      await page.locator('#message-input').fill(question);
      await page.keyboard.press('Enter');
      const answer = page.locator('.message-assistant').nth(n);
      await answer.waitFor();
      const body = await answer.locator('.markdown').allInnerTexts();
      expect(body.join('\n')).not.toMatch(/Mehr dazu:|Quelle: /);
      expect(await answer.locator('.sources').count()).toBe(1);
      const hrefs = await answer.locator('.sources a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(new Set(hrefs).size).toBe(hrefs.length);
      // No source link is repeated in the text above the list.
      for (const href of hrefs) expect(await answer.locator(`.markdown a[href="${href}"]`).count()).toBe(0);
      const items = await answer.locator('.sources li').allInnerTexts();
      for (const item of items) expect(item).toMatch(/\(Stand: \d\d\.\d\d\.\d{4}\)/);
      checked.push(...items);
    }
    // Every article is a draft until the Kontaktstelle approves it: the list says so.
    expect(checked.some((item) => /noch nicht fachlich freigegeben/.test(item))).toBe(true);
    await page.screenshot({ path: '/tmp/lotse-web-sources-phone.png', fullPage: true });
    await context.close();
  });
});
