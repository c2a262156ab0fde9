import { describe, expect, it } from 'vitest';
import { chatSuite, openPage, seriousAxeViolations } from '../helpers/browser.ts';

// axe-core (WCAG 2 A/AA and best practices) on the chat in its main states, on a desktop and a
// 320 px phone screen; plus reduced motion.

const suite = chatSuite();

describe('accessibility', () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 320, height: 640 }]) {
    it(`has no serious or critical axe violations at ${viewport.width} px`, async () => {
      const { page, context } = await openPage(suite.browser, { viewport });
      await page.goto(`${suite.server.url}/`);
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.getByRole('textbox', { name: /Frage|Nachricht/ }).fill('Was tue ich bei einem Verdacht auf Vernachlässigung?');
      await page.getByRole('button', { name: 'Senden', exact: true }).click();
      const answer = page.locator('.message-assistant').first();
      await answer.waitFor();
      await answer.getByRole('button', { name: 'Hilfreich', exact: true }).click();
      const escalate = answer.getByRole('button', { name: /Person|Kontaktstelle/ });
      if (await escalate.count()) await escalate.first().click();
      expect(await seriousAxeViolations(page)).toEqual([]);

      await page.screenshot({ path: `/tmp/lotse-web-${viewport.width}.png`, fullPage: false });
      await context.close();
    });
  }

  it('turns animations off when the user asks for reduced motion', async () => {
    const animation = async (reducedMotion: 'reduce' | 'no-preference') => {
      const { page, context } = await openPage(suite.browser, { reducedMotion });
      await page.goto(`${suite.server.url}/`);
      await page.getByRole('textbox', { name: /Frage|Nachricht/ }).fill('Wer hilft mir?');
      await page.keyboard.press('Enter');
      const name = await page.locator('.message').first().evaluate((node) => getComputedStyle(node).animationName);
      const scroll = await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior);
      await context.close();
      return { name, scroll };
    };
    expect(await animation('reduce')).toEqual({ name: 'none', scroll: 'auto' });
    expect(await animation('no-preference')).toEqual({ name: 'appear', scroll: 'smooth' });
  });
});
