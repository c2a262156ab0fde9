import { describe, expect, it } from 'vitest';
import { chatSuite, openPage } from '../helpers/browser.ts';

// Quick replies belong to their message: once a newer message exists they are disabled (an old
// "Weiter" after the last step produced "keine verlässliche Antwort" and a junk gap entry), and
// after a tap the focus moves on to the answer instead of staying in the previous message.

const suite = chatSuite();

describe('quick replies', () => {
  it('disables the earlier ones and moves focus to the new answer', async () => {
    const { page, context } = await openPage(suite.browser);
    await page.goto(`${suite.server.url}/`);
    await page.locator('#message-input').fill('Was muss ich jetzt tun?');
    await page.getByRole('button', { name: 'Senden', exact: true }).click();
    const answers = page.locator('.message-assistant');
    await answers.first().getByRole('button', { name: 'Schule', exact: true }).click();
    await answers.nth(1).waitFor();
    await page.waitForTimeout(200);
    // Focus is inside the new answer (on its heading), not on the tapped button.
    expect(await page.evaluate(() => {
      const all = [...document.querySelectorAll('.message-assistant')];
      return all.indexOf(document.activeElement?.closest('.message-assistant') as Element);
    })).toBe(1);
    // The role choice of the first message can no longer be sent.
    expect(await answers.first().getByRole('button', { name: 'Schule', exact: true }).isDisabled()).toBe(true);

    await answers.nth(1).getByRole('button', { name: 'Weiter', exact: true }).click();
    await answers.nth(2).waitFor();
    expect(await answers.nth(1).getByRole('button', { name: 'Weiter', exact: true }).isDisabled()).toBe(true);
    expect(await answers.nth(2).getByRole('button', { name: 'Weiter', exact: true }).isEnabled()).toBe(true);
    // Links and "Mit einer Person sprechen" stay usable in older messages.
    const person = answers.nth(1).getByRole('button', { name: /Person/ });
    if (await person.count()) expect(await person.first().isEnabled()).toBe(true);

    // Typing a message retires the quick replies too; after a reload they come back disabled.
    await page.locator('#message-input').fill('Wie dokumentiere ich das?');
    await page.keyboard.press('Enter');
    await answers.nth(3).waitFor();
    expect(await answers.nth(2).getByRole('button', { name: 'Weiter', exact: true }).isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message-input');
    await page.reload();
    await answers.nth(3).waitFor();
    expect(await answers.nth(2).getByRole('button', { name: 'Weiter', exact: true }).isDisabled()).toBe(true);
    await context.close();
  });
});
