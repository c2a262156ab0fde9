import { describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/server.ts';
import { chatSuite, openPage } from '../helpers/browser.ts';

// Handing over to a person, seen from the web chat: the asker escalates in the page, staff act
// through the real staff API, and the page follows live over SSE (status line, staff messages,
// the Lotse silent while the case is claimed, the rating after the close).

const STAFF_TOKEN = 'staff-token-for-browser-tests-0123456789';

const suite = chatSuite({ STAFF_TOKEN });

function staff(method: string, path: string, body?: unknown) {
  return apiClient(suite.server.url)(method, path, { body, headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
}

describe('escalation in the web chat', () => {
  it('opens a case, shows staff live, keeps the Lotse silent, and asks for a rating at the end', async () => {
    const { page, context, problems } = await openPage(suite.browser);
    await page.goto(`${suite.server.url}/`);
    const status = page.locator('#case-status');

    await page.getByRole('textbox', { name: /Frage|Nachricht/ }).fill('Ich möchte bitte mit einer Person der Kontaktstelle sprechen.');
    await page.getByRole('button', { name: 'Senden', exact: true }).click();
    await page.getByRole('button', { name: 'Mit einer Person sprechen' }).first().click();
    await page.getByRole('checkbox', { name: /einverstanden/ }).check();
    await page.getByRole('textbox', { name: /Rückruf/ }).fill('kein Kontakt');
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    await page.getByText('Bitte geben Sie eine Telefonnummer oder E-Mail-Adresse an').waitFor();
    await page.getByRole('textbox', { name: /Rückruf/ }).fill('');
    await page.getByRole('radio', { name: 'Dringend' }).check();
    const escalated = page.waitForResponse((response) => response.url().endsWith('/escalations'));
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    const response = await escalated;
    expect(response.status()).toBe(202);
    expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ consent: true, urgency: 'urgent' });
    const caseId = (await response.json()).case.id as string;
    await expect.poll(() => status.innerText()).toMatch(/wartet auf eine Fachkraft/);
    // The confirmation points to the status line where it really is: above the input, below the chat.
    const confirmation = page.getByText(/Anfrage an die Kontaktstelle ist eingegangen/);
    expect(await confirmation.innerText()).toMatch(/über dem Eingabefeld/);
    const [confirmationBox, statusBox, inputBox] = await Promise.all([
      confirmation.boundingBox(), status.boundingBox(), page.locator('#message-input').boundingBox(),
    ]);
    expect(statusBox!.y).toBeGreaterThan(confirmationBox!.y);
    expect(statusBox!.y).toBeLessThan(inputBox!.y);

    // A staff member claims the case and writes; the page shows both live.
    expect((await staff('POST', `/api/staff/cases/${caseId}/claim`, { staffId: '@anna:localhost', staffName: 'Anna Beispiel', staffAlias: 'Frau Beispiel' })).status).toBe(200);
    await expect.poll(() => status.innerText()).toMatch(/Frau Beispiel von der Kontaktstelle ist jetzt da/);
    const staffText = 'Guten Tag, hier ist die Kontaktstelle. <b>Wie</b> kann ich helfen?';
    expect((await staff('POST', `/api/staff/cases/${caseId}/messages`, { staffId: '@anna:localhost', staffName: 'Frau Beispiel', text: staffText, clientId: 'staff-1' })).status).toBe(201);
    const staffBubble = page.locator('.message-staff');
    await staffBubble.first().waitFor();
    expect(await staffBubble.first().innerText()).toContain(staffText);
    expect(await page.locator('#messages b').count()).toBe(0);

    // While the case is claimed the Lotse does not answer; the message goes to the staff member.
    const answersBefore = await page.locator('.message-assistant').count();
    await page.getByRole('textbox', { name: /Frage|Nachricht/ }).fill('Danke, es geht um ein Kind in meiner Kita.');
    await page.keyboard.press('Enter');
    await page.getByText('An die Kontaktstelle weitergeleitet.').waitFor();
    expect(await page.locator('.message-assistant').count()).toBe(answersBefore);
    const transcript = (await staff('GET', `/api/staff/cases/${caseId}`)).json.case.transcript as Array<{ author: string; text: string }>;
    expect(transcript.some((m) => m.author === 'user' && m.text.includes('Kind in meiner Kita'))).toBe(true);

    // Closing: status "beendet" and the rating form, once.
    expect((await staff('POST', `/api/staff/cases/${caseId}/close`, { staffId: '@anna:localhost' })).status).toBe(200);
    await expect.poll(() => status.innerText()).toMatch(/beendet/);
    const rating = page.getByRole('form', { name: /Bewertung/ });
    await rating.waitFor();
    await rating.getByRole('radio', { name: /hilfreich/ }).first().check();
    await rating.getByRole('textbox', { name: /Kommentar/ }).fill('Schnelle und klare Hilfe.');
    const rated = page.waitForResponse((r) => r.url().endsWith('/escalations/rating'));
    await rating.getByRole('button', { name: 'Bewertung senden' }).click();
    expect((await rated).status()).toBe(204);
    await page.getByText('Danke für Ihre Bewertung.').waitFor();
    expect((await staff('GET', `/api/staff/cases/${caseId}`)).json.case.rating).toBe('up: Schnelle und klare Hilfe.');

    // After a reload: history with the staff message, status kept, no second rating form.
    await page.reload();
    await page.locator('.message-staff').first().waitFor();
    await expect.poll(() => status.innerText()).toMatch(/beendet/);
    expect(await page.getByRole('form', { name: /Bewertung/ }).count()).toBe(0);
    expect(await page.locator('.message-staff').count()).toBe(1);
    expect(problems.pageErrors).toEqual([]);
    await page.screenshot({ path: '/tmp/lotse-web-escalation.png', fullPage: true });
    await context.close();
  });
});
