import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient } from '../helpers/server.ts';
import { chatSuite, openPage } from '../helpers/browser.ts';

// Waits on the page and the service, which share two cores with other suites: more than the 1 s default.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

// The chat says which field of work the Lotse assumes (recognised from what was written) and
// lets the asker change it; the change is stored with the conversation, steers the next answer,
// reaches the conversation's other tab and survives a reload. A wrong value changes nothing.

const suite = chatSuite();

async function ask(page: Page, text: string) {
  const answers = await page.locator('.message-assistant').count();
  await page.locator('#message-input').fill(text);
  await page.keyboard.press('Enter');
  await poll(() => page.locator('.message-assistant').count()).toBe(answers + 1);
}

const line = (page: Page) => page.locator('#role-line .role-text');

describe('the asker\'s field of work', () => {
  it('says what it assumes, takes a correction, and the next answer follows it', async () => {
    const { context, page, problems } = await openPage(suite.browser);
    await page.goto(`${suite.server.url}/`);
    expect(await page.locator('#role-line').isHidden()).toBe(true);

    await ask(page, 'Ich bin Lehrerin. Ein Schüler hat oft blaue Flecken, wie dokumentiere ich das?');
    await poll(() => line(page).innerText()).toBe('Der Lotse geht davon aus, dass Sie hier arbeiten: Schule.');
    const other = await context.newPage();
    await other.goto(`${suite.server.url}/`);
    await poll(() => line(other).innerText()).toMatch(/Schule\./);

    // Actually a Kita: change it.
    const toggle = page.getByRole('button', { name: 'Arbeitsfeld ändern' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const choice = page.getByRole('combobox', { name: 'In welchem Feld arbeiten Sie?' });
    expect(await choice.evaluate((n) => n === document.activeElement)).toBe(true);
    expect(await choice.inputValue()).toBe('schule');
    await choice.selectOption('kita');
    const saved = page.waitForResponse((r) => r.url().endsWith('/role') && r.request().method() === 'PUT');
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    expect((await saved).status()).toBe(200);
    await poll(() => line(page).innerText()).toBe('Der Lotse geht davon aus, dass Sie hier arbeiten: Kita oder Kindertagespflege.');
    expect(await page.locator('#role-line .role-status').innerText()).toBe('Gespeichert. Die nächsten Antworten gehen von „Kita oder Kindertagespflege“ aus.');
    expect(await toggle.evaluate((n) => n === document.activeElement)).toBe(true);
    expect(await page.getByRole('form', { name: 'Arbeitsfeld ändern' }).count()).toBe(0);
    // The other tab follows over SSE.
    await poll(() => line(other).innerText()).toMatch(/Kita oder Kindertagespflege/);

    // The guided procedure now starts for a Kita instead of asking for the field again.
    await ask(page, 'Was muss ich jetzt tun?');
    const answer = await page.locator('.message-assistant').last().innerText();
    expect(answer).toMatch(/Kita und Kindertagespflege/);
    expect(answer).not.toMatch(/In welchem Bereich arbeiten Sie/);
    await poll(() => line(page).innerText()).toMatch(/Kita/);

    // Stored with the conversation: a reload shows it; the service has it.
    await page.reload();
    await poll(() => line(page).innerText()).toMatch(/Kita oder Kindertagespflege/);
    const session = await page.evaluate(() => JSON.parse(localStorage.getItem('kinderschutz-lotse.conversation') ?? '{}'));
    const api = apiClient(suite.server.url);
    expect((await api('GET', `/api/conversations/${session.id}`, { token: session.token })).json.role).toBe('kita');

    // Wrong values and a wrong key: a German error, nothing changed.
    const bad = await api('PUT', `/api/conversations/${session.id}/role`, { token: session.token, body: { role: 'zirkus' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('Bitte wählen Sie eines der genannten Arbeitsfelder.');
    expect((await api('PUT', `/api/conversations/${session.id}/role`, { token: session.token, raw: '{"role":' })).status).toBe(400);
    expect((await api('PUT', `/api/conversations/${session.id}/role`, { body: { role: 'schule' } })).status).toBe(401);
    expect((await api('GET', `/api/conversations/${session.id}`, { token: session.token })).json.role).toBe('kita');

    // A field recognised from a message in the other tab reaches this one as well.
    await ask(other, 'Ich bin Trainerin im Sportverein. Wie dokumentiere ich meine Beobachtungen?');
    await poll(() => line(other).innerText()).toMatch(/Verein oder Ehrenamt/);
    await poll(() => line(page).innerText()).toMatch(/Verein oder Ehrenamt/);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });

  it('says when it does not know the field yet, and takes it from the asker', async () => {
    const { page, problems } = await openPage(suite.browser, { viewport: { width: 360, height: 740 } });
    await page.goto(`${suite.server.url}/`);
    await ask(page, 'Wie dokumentiere ich meine Beobachtungen?');
    await poll(() => line(page).innerText()).toBe('Ihr Arbeitsfeld kennt der Lotse noch nicht.');
    await page.getByRole('button', { name: 'Arbeitsfeld angeben' }).click();
    await page.getByRole('combobox', { name: 'In welchem Feld arbeiten Sie?' }).selectOption('gesundheit');
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await poll(() => line(page).innerText()).toMatch(/Gesundheitswesen/);
    expect(await page.getByRole('button', { name: 'Arbeitsfeld ändern' }).count()).toBe(1);
    // Abbrechen closes the form without a request.
    let requests = 0;
    page.on('request', (r) => { if (r.url().endsWith('/role')) requests += 1; });
    await page.getByRole('button', { name: 'Arbeitsfeld ändern' }).click();
    await page.getByRole('button', { name: 'Abbrechen' }).click();
    expect(await page.getByRole('form', { name: 'Arbeitsfeld ändern' }).count()).toBe(0);
    expect(requests).toBe(0);
    await page.screenshot({ path: '/tmp/lotse-web-role.png' });
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  });
});
