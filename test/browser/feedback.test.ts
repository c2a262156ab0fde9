import { describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/server.ts';
import { chatSuite, openPage } from '../helpers/browser.ts';

// Feedback must not get lost: 👍/👎 is recorded on the tap (the comment is optional and comes
// afterwards), and the closing rating form of a case sits below the message that asks for it.

const STAFF_TOKEN = 'staff-token-for-feedback-tests-0123456789';
const suite = chatSuite({ STAFF_TOKEN, OFFICE_HOURS: 'Mo-So 00:00-24:00' });

function staff(method: string, path: string, body?: unknown) {
  return apiClient(suite.server.url)(method, path, { body, headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
}

async function ratings() {
  return suite.server.store.db.all<{ rating: string; comment: string | null }>('SELECT rating, comment FROM feedback');
}

describe('feedback in the web chat', () => {
  it('sends 👎 on the tap, then takes an optional comment for the same rating', async () => {
    const { page, context } = await openPage(suite.browser);
    await page.goto(`${suite.server.url}/`);
    await page.locator('#message-input').fill('Wie spreche ich mit Eltern über meine Sorge?');
    await page.getByRole('button', { name: 'Senden', exact: true }).click();
    const answer = page.locator('.message-assistant').first();
    await answer.waitFor();

    const posted = page.waitForRequest((request) => request.url().endsWith('/feedback'), { timeout: 3000 });
    await answer.getByRole('button', { name: 'Nicht hilfreich' }).click();
    expect((await posted).postDataJSON()).toMatchObject({ rating: 'down' });
    await answer.getByText('Ihre Bewertung ist gespeichert').waitFor();
    await expect.poll(ratings).toEqual([{ rating: 'down', comment: null }]);
    // Focus stays where the tap was: no keyboard pops up on a phone for an optional comment.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Nicht hilfreich');

    await answer.getByRole('textbox', { name: /etwas dazu sagen/ }).fill('Mir fehlte ein Beispiel.');
    await answer.getByRole('button', { name: 'Kommentar senden' }).click();
    await answer.getByText('Danke für Ihre Rückmeldung!').waitFor();
    expect(await ratings()).toEqual([{ rating: 'down', comment: 'Mir fehlte ein Beispiel.' }]);
    await context.close();
  });

  it('puts the rating form of a closed case below the closing message', async () => {
    const { page, context } = await openPage(suite.browser);
    await page.goto(`${suite.server.url}/`);
    await page.locator('#message-input').fill('Ich möchte mit einer Person der Kontaktstelle sprechen.');
    await page.getByRole('button', { name: 'Senden', exact: true }).click();
    await page.getByRole('button', { name: 'Mit einer Person sprechen' }).first().click();
    await page.getByRole('checkbox', { name: /einverstanden/ }).check();
    const escalated = page.waitForResponse((response) => response.url().endsWith('/escalations'));
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    const caseId = (await (await escalated).json()).case.id as string;
    expect((await staff('POST', `/api/staff/cases/${caseId}/claim`, { staffId: '@a:localhost', staffName: 'Frau Beispiel' })).status).toBe(200);
    expect((await staff('POST', `/api/staff/cases/${caseId}/close`, { staffId: '@a:localhost' })).status).toBe(200);
    const form = page.getByRole('form', { name: /Bewertung/ });
    await form.waitFor();
    await page.waitForTimeout(500);
    const before = await form.evaluate((node) => node.previousElementSibling?.textContent ?? '');
    expect(before).toMatch(/Bewertung/);
    expect(await form.evaluate((node) => node.nextElementSibling)).toBeNull();
    await context.close();
  });
});
