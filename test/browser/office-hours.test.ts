import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chatSuite, openPage } from '../helpers/browser.ts';
import type { TestServer } from '../helpers/server.ts';

// Before someone asks for a person, the form says whether the Kontaktstelle is staffed now and,
// when it is not, that the request is kept and answered at the next office time, with the
// numbers that help around the clock. Two servers: one always open, one closed today and tomorrow.

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });

const open = chatSuite({ OFFICE_HOURS: 'Mo-So 00:00-24:00', OFFICE_MV_HOLIDAYS: 'false' });
const closed = chatSuite({ OFFICE_HOURS: 'Mo-Do 08:00-16:00; Fr 08:00-13:00', OFFICE_CLOSED_DATES: `${day(0)},${day(1)}` });

/** Opens the form behind "Mit einer Person sprechen" and returns the office-hours line. */
async function officeLine(server: TestServer, browser: Browser) {
  const { page, problems } = await openPage(browser, { viewport: { width: 390, height: 800 } });
  await page.goto(`${server.url}/`);
  await page.locator('#message-input').fill('Ich möchte mit einer Person der Kontaktstelle sprechen.');
  await page.locator('#send-button').click();
  await page.getByRole('button', { name: 'Mit einer Person sprechen' }).first().click();
  const line = page.locator('.inline-form .office-hours');
  await line.waitFor();
  return { page, problems, line };
}

describe('office hours before asking for a person', () => {
  it('says the Kontaktstelle is staffed now, read together with the consent', async () => {
    const { page, problems, line } = await officeLine(open.server, open.browser);
    const text = await line.innerText();
    expect(text).toMatch(/^Die Kontaktstelle ist jetzt besetzt/);
    expect(text).toContain('Montag bis Sonntag rund um die Uhr');
    expect(text).not.toMatch(/Feiertag/);
    expect(await line.getAttribute('data-open')).toBe('true');
    // The consent box is described by the line, so a screen reader hears it before agreeing.
    const description = await page.getByRole('checkbox', { name: /einverstanden/ }).evaluate((box) =>
      (box.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(description).toContain('jetzt besetzt');
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('outside office hours: kept, answered at the next office time, and the 24-hour numbers', async () => {
    const { page, problems, line } = await officeLine(closed.server, closed.browser);
    const text = await line.innerText();
    expect(text).toMatch(/^Die Kontaktstelle ist gerade nicht besetzt/);
    expect(text).toContain('Montag bis Donnerstag 08:00–16:00 Uhr, Freitag 08:00–13:00 Uhr');
    expect(text).toContain('nicht an Feiertagen in Mecklenburg-Vorpommern');
    expect(text).toMatch(/bleibt gespeichert/);
    // Today and tomorrow are closed: the next opening is at least the day after tomorrow, by name.
    expect(text).toMatch(/voraussichtlich (Montag|Dienstag|Mittwoch|Donnerstag|Freitag), \d{2}\.\d{2}\. ab 08:00 Uhr/);
    expect(text).not.toMatch(/heute|morgen/);
    expect(text).toMatch(/110 oder 112/);
    expect(text).toMatch(/0800 14 14 007 \(rund um die Uhr/);
    expect(await line.getAttribute('data-open')).toBe('false');
    await page.screenshot({ path: '/tmp/lotse-web-office-closed.png' });
    // The request can still be sent; nothing about it changed.
    await page.getByRole('checkbox', { name: /einverstanden/ }).check();
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    await page.getByText(/Sie können diese Seite schließen/).waitFor();
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  });
});
