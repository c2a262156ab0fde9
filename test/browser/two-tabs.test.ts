import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient } from '../helpers/server.ts';
import { chatSuite, openPage } from '../helpers/browser.ts';

// Waits on the page and the service, which share two cores with other suites: more than the 1 s default.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

// Two tabs of one browser show the same conversation (its key is in localStorage): what one
// tab sends, the other shows once; 👍/👎 and the case rating given in one are shown in the other
// (so the other cannot silently overwrite them); "Verlauf löschen" in one clears both.

const STAFF_TOKEN = 'staff-token-for-two-tab-tests-0123456789';
const suite = chatSuite({ STAFF_TOKEN, OFFICE_HOURS: 'Mo-So 00:00-24:00' });

function staff(method: string, path: string, body?: unknown) {
  return apiClient(suite.server.url)(method, path, { body, headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
}

/** What a tab shows: author and text of every message, in order, and the message ids. */
async function shown(page: Page) {
  return page.locator('#messages article.message').evaluateAll((nodes) => nodes.map((n) => ({
    id: (n as HTMLElement).dataset.messageId ?? '',
    author: n.className.match(/message-(user|assistant|staff|system)/)?.[1] ?? '?',
    text: (n.querySelector('.message-text, .markdown') as HTMLElement | null)?.innerText.trim().slice(0, 80) ?? '',
  })));
}

async function ask(page: Page, text: string) {
  const answers = await page.locator('.message-assistant').count();
  await page.locator('#message-input').fill(text);
  await page.locator('#send-button').click();
  await poll(() => page.locator('.message-assistant').count()).toBe(answers + 1);
}

describe('two tabs of the same conversation', () => {
  it('show each other\'s messages once, share ratings, and are cleared together', async () => {
    const { context, page: a, problems } = await openPage(suite.browser);
    const b = await context.newPage();
    b.on('pageerror', (error) => problems.pageErrors.push(error.message));
    await a.goto(`${suite.server.url}/`);
    await b.goto(`${suite.server.url}/`);

    // A begins the conversation; B, still empty, takes it up.
    await ask(a, 'Was muss ich bei einem Verdacht auf Vernachlässigung tun?');
    await poll(async () => (await shown(b)).length).toBe(2);
    // B asks next; A shows B's question and its answer.
    await ask(b, 'Welches Jugendamt ist für Schwerin zuständig?');
    await poll(async () => (await shown(a)).length).toBe(4);
    // Give late SSE copies a moment to arrive: none of them may add a bubble.
    await a.waitForTimeout(800);
    const inA = await shown(a);
    const inB = await shown(b);
    expect(inA.map((m) => m.author)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(inB).toEqual(inA);
    expect(new Set(inA.map((m) => m.id)).size).toBe(4);
    expect(inA[2].text).toBe('Welches Jugendamt ist für Schwerin zuständig?');

    // 👍 in A is shown in B; B's button is pressed, so a tap there would be a deliberate change.
    await a.locator('.message-assistant').first().getByRole('button', { name: 'Hilfreich', exact: true }).click();
    await a.getByText('Danke, Ihre Bewertung ist gespeichert.').waitFor();
    const inBUp = b.locator('.message-assistant').first().getByRole('button', { name: 'Hilfreich', exact: true });
    await poll(() => inBUp.getAttribute('aria-pressed')).toBe('true');
    expect(await b.locator('.message-assistant').first().getByRole('button', { name: 'Nicht hilfreich' }).getAttribute('aria-pressed')).toBe('false');

    // A case closed by staff asks both tabs for a rating; rated in B, A's form gives way.
    await ask(a, 'Ich möchte mit einer Person der Kontaktstelle sprechen.');
    await a.getByRole('button', { name: 'Mit einer Person sprechen' }).last().click();
    await a.getByRole('checkbox', { name: /einverstanden/ }).check();
    await a.getByRole('button', { name: 'Anfrage senden' }).click();
    await a.getByText(/Anfrage an die Kontaktstelle ist eingegangen/).waitFor();
    const caseId = (await staff('GET', '/api/staff/cases?status=open')).json.cases.at(-1).id as string;
    expect((await staff('POST', `/api/staff/cases/${caseId}/claim`, { staffId: '@a:localhost', staffName: 'Frau Beispiel', staffAlias: 'Frau Beispiel' })).status).toBe(200);
    expect((await staff('POST', `/api/staff/cases/${caseId}/close`, { staffId: '@a:localhost' })).status).toBe(200);
    const ratingForm = (page: Page) => page.getByRole('form', { name: 'Bewertung der Hilfe durch die Kontaktstelle' });
    await ratingForm(a).waitFor();
    await ratingForm(b).waitFor();
    await ratingForm(b).getByRole('radio', { name: /Ja, hilfreich/ }).check();
    await ratingForm(b).getByRole('button', { name: 'Bewertung senden' }).click();
    await b.getByText('Danke für Ihre Bewertung.').waitFor();
    await poll(() => ratingForm(a).count()).toBe(0);
    await a.getByText('Danke für Ihre Bewertung.').waitFor();
    // A reload of A does not ask again (the rated case is remembered for the whole browser).
    await a.reload();
    await a.locator('.message-system').first().waitFor();
    await a.waitForTimeout(500);
    expect(await ratingForm(a).count()).toBe(0);
    expect((await shown(a)).length).toBe((await shown(b)).length);

    // "Verlauf löschen" in A clears B as well: a shared computer keeps no copy in the other tab.
    a.once('dialog', (dialog) => void dialog.accept());
    await a.getByRole('button', { name: 'Neues Gespräch / Verlauf löschen' }).click();
    await b.getByText('Der Verlauf wurde in einem anderen Fenster gelöscht.').waitFor();
    expect(await shown(b)).toEqual([]);
    expect(await b.evaluate(() => localStorage.length)).toBe(0);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });
});
