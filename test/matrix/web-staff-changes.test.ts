// End to end, real Synapse and real Chromium: what a staff member does in the case room after
// sending reaches the web chat where it happened. An edit replaces the bubble's text, marked
// "(korrigiert)"; a redaction leaves only "(zurückgezogen)" and the note; both survive a reload.
// Typing in the case room shows "Die Fachkraft schreibt …" until the staff member stops or sends.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { TEST_STAFF_TOKEN } from './helpers/bot.ts';
import { matrixSuite } from './helpers/suite.ts';
import { isReplyTo } from './helpers/matrix-client.ts';

const m = matrixSuite({ queueRoom: 'Warteschlange (Web-Änderungen)', members: [], botEnv: { MATRIX_STAFF_ALIASES: `${inject('synapse').users.staffA.userId}=Anna` } });
const { staffA } = m;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openCases(): Promise<Array<{ id: string; number: string }>> {
  const res = await fetch(`${m.service.url}/api/staff/cases?status=open`, { headers: { authorization: `Bearer ${TEST_STAFF_TOKEN}` } });
  return (await res.json()).cases;
}

/** The asker escalates in the page; staff A claims in Matrix and joins the case room. */
async function claimedInBrowser(page: Page): Promise<{ room: string; number: string }> {
  await page.goto(`${m.service.url}/`);
  await page.locator('#message-input').fill('Ich möchte mit einer Person der Kontaktstelle sprechen.');
  await page.locator('#send-button').click();
  await page.getByRole('button', { name: 'Mit einer Person sprechen' }).first().click();
  await page.getByRole('checkbox', { name: /einverstanden/ }).check();
  await page.getByRole('button', { name: 'Anfrage senden' }).click();
  await page.getByText(/Anfrage an die Kontaktstelle ist eingegangen/).waitFor();
  const number = (await openCases()).at(-1)!.number;
  const room = await m.claim(staffA, number);
  await page.locator('#messages').getByText(/Anna von der Kontaktstelle Kinderschutz ist jetzt für Sie da/).waitFor();
  return { room, number };
}

const bubble = (page: Page, text: RegExp) => page.locator('article.message-staff', { hasText: text });

describe('staff changes in the web chat', () => {
  it('replaces a corrected bubble and empties a withdrawn one, live and after a reload', async () => {
    const { page, context, problems } = await openPage(browser);
    const { room } = await claimedInBrowser(page);

    const wrong = await staffA.sendText(room, 'Zuständig ist das Jugendamt Rostock.');
    await bubble(page, /Rostock/).waitFor();
    const edit = await staffA.edit(room, wrong, 'Zuständig ist das Jugendamt Schwerin.');
    await bubble(page, /Schwerin/).waitFor();
    // The same bubble, not a new one: one staff message, its heading marked, no trace of the old text.
    expect(await page.locator('article.message-staff').count()).toBe(1);
    expect(await bubble(page, /Schwerin/).locator('.message-author').innerText()).toMatch(/^Anna \(Kontaktstelle\) · \d\d:\d\d Uhr \(korrigiert\)$/);
    expect(await page.locator('#messages').innerText()).not.toContain('Rostock');
    await page.locator('#messages').getByText(/Die Kontaktstelle hat ihre Nachricht von \d\d:\d\d Uhr korrigiert/).waitFor();
    await staffA.waitFor(room, isReplyTo(edit), 20_000, 'correction confirmed');

    const slip = await staffA.sendText(room, 'Das war für einen anderen Fall gedacht.');
    await bubble(page, /anderen Fall/).waitFor();
    await staffA.redact(room, slip);
    await bubble(page, /zurückgezogen/).waitFor();
    const withdrawn = bubble(page, /zurückgezogen/);
    expect(await withdrawn.locator('.message-author').innerText()).toMatch(/\(zurückgezogen\)$/);
    expect(await withdrawn.evaluate((node) => node.classList.contains('message-withdrawn'))).toBe(true);
    await page.locator('#messages').getByText(/Die Kontaktstelle hat ihre Nachricht von \d\d:\d\d Uhr zurückgezogen/).waitFor();
    expect(await page.locator('#messages').innerText()).not.toContain('anderen Fall gedacht');

    // A reload shows the same: the corrected text marked, the withdrawn message gone.
    await page.reload();
    await bubble(page, /Schwerin/).waitFor();
    expect(await bubble(page, /Schwerin/).locator('.message-author').innerText()).toMatch(/\(korrigiert\)$/);
    expect(await bubble(page, /zurückgezogen/).locator('.message-author').innerText()).toMatch(/\(zurückgezogen\)$/);
    const text = await page.locator('#messages').innerText();
    expect(text).not.toContain('Rostock');
    expect(text).not.toContain('anderen Fall gedacht');
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });

  it('shows "Die Fachkraft schreibt …" while the holder types and hides it when she stops or sends', async () => {
    const { page, context } = await openPage(browser);
    const { room } = await claimedInBrowser(page);
    const typing = page.locator('#staff-typing');
    expect(await typing.isVisible()).toBe(false);

    await staffA.typing(room, true);
    await typing.waitFor({ state: 'visible', timeout: 20_000 });
    expect(await typing.innerText()).toBe('Die Fachkraft schreibt …');
    await staffA.typing(room, false);
    await typing.waitFor({ state: 'hidden', timeout: 20_000 });

    // Typing, then the message itself: the line goes when the message comes.
    await staffA.typing(room, true);
    await typing.waitFor({ state: 'visible', timeout: 20_000 });
    await staffA.sendText(room, 'Ich bin gleich für Sie da.');
    await bubble(page, /gleich für Sie da/).waitFor();
    expect(await typing.isVisible()).toBe(false);
    await staffA.typing(room, false); // as a client does after sending

    // A reload while nobody types shows no line; one while she types shows it again.
    await page.reload();
    await bubble(page, /gleich für Sie da/).waitFor();
    expect(await typing.isVisible()).toBe(false);
    await staffA.typing(room, true);
    await typing.waitFor({ state: 'visible', timeout: 20_000 });
    await page.reload();
    await typing.waitFor({ state: 'visible', timeout: 20_000 });
    await staffA.typing(room, false);
    await typing.waitFor({ state: 'hidden', timeout: 20_000 });
    await context.close();
  });
});
