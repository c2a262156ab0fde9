import { describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/server.ts';
import { chatSuite, openPage } from '../helpers/browser.ts';

// The print view is the transcript a Kita or practice can file: every message including the
// Kontaktstelle's answers, with author and time, and none of the buttons or forms.

const STAFF_TOKEN = 'staff-token-for-print-tests-0123456789';
const suite = chatSuite({ STAFF_TOKEN, OFFICE_HOURS: 'Mo-So 00:00-24:00' });

function staff(method: string, path: string, body?: unknown) {
  return apiClient(suite.server.url)(method, path, { body, headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
}

describe('print view', () => {
  it('prints the whole conversation with staff answers and times, without controls', async () => {
    const { page, context } = await openPage(suite.browser);
    await page.goto(`${suite.server.url}/`);
    expect(await page.getByRole('button', { name: /Verlauf drucken/ }).isVisible()).toBe(false);
    await page.locator('#message-input').fill('Ich möchte mit einer Person der Kontaktstelle sprechen.');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Mit einer Person sprechen' }).first().click();
    await page.getByRole('checkbox', { name: /einverstanden/ }).check();
    const escalated = page.waitForResponse((response) => response.url().endsWith('/escalations'));
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    const caseId = (await (await escalated).json()).case.id as string;
    await staff('POST', `/api/staff/cases/${caseId}/claim`, { staffId: '@a:localhost', staffName: 'Frau Beispiel', staffAlias: 'Frau Beispiel' });
    await staff('POST', `/api/staff/cases/${caseId}/messages`, { staffId: '@a:localhost', staffName: 'Frau Beispiel', text: 'Guten Tag, ich bin für Sie da.', clientId: 'p1' });
    await page.locator('.message-staff').waitFor();
    expect(await page.getByRole('button', { name: /Verlauf drucken/ }).isVisible()).toBe(true);

    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#composer').isVisible()).toBe(false);
    expect(await page.locator('.message-assistant .actions').first().isVisible()).toBe(false);
    expect(await page.locator('.feedback').first().isVisible()).toBe(false);
    expect(await page.locator('#print-note').innerText()).toMatch(/ausgedruckt am \d\d\.\d\d\.\d{4} um \d\d:\d\d Uhr/);
    expect(await page.locator('.message-staff .message-author').innerText()).toMatch(/^Frau Beispiel \(Kontaktstelle\) · \d\d:\d\d Uhr$/);
    expect(await page.locator('.message-user').first().isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.screenshot({ path: '/tmp/lotse-web-print.png', fullPage: true });
    await context.close();
  });
});
