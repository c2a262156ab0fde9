import { describe, expect, it } from 'vitest';
import { apiClient } from '../helpers/server.ts';
import { chatSuite, openPage, seriousAxeViolations } from '../helpers/browser.ts';

// Waits on the page and the service, which share two cores with other suites: more than the 1 s default.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

// The pages a public body's chat must offer, linked from the chat's footer: Impressum,
// Datenschutz, the Erklärung zur Barrierefreiheit with a working feedback route, and a short
// page in Leichte Sprache. Facts the project does not know are visible placeholders, and each
// page says it is a draft for the Kontaktstelle to complete.

const STAFF_TOKEN = 'staff-token-for-info-page-tests-0123456789';
const suite = chatSuite({ STAFF_TOKEN });

const PAGES = [
  ['Impressum', '/impressum/', 'Impressum'],
  ['Datenschutz', '/datenschutz/', 'Datenschutzerklärung'],
  ['Barrierefreiheit', '/barrierefreiheit/', 'Erklärung zur Barrierefreiheit'],
  ['Leichte Sprache', '/leichte-sprache/', 'Der Kinderschutz-Lotse in Leichter Sprache'],
] as const;

describe('pages behind the footer', () => {
  it('links all four from the chat, each a German draft with placeholders, no axe violations, light and dark', async () => {
    const { page, problems } = await openPage(suite.browser, { viewport: { width: 390, height: 800 } });
    for (const [link, path, heading] of PAGES) {
      await page.goto(`${suite.server.url}/`);
      const footer = page.getByRole('navigation', { name: 'Rechtliches und Barrierefreiheit' });
      await footer.getByRole('link', { name: link, exact: true }).click();
      await page.waitForURL(`${suite.server.url}${path}`);
      expect(await page.locator('html').getAttribute('lang')).toBe('de');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(heading);
      expect(await page.locator('.draft-note').innerText()).toMatch(/^Entwurf:/);
      expect(await page.getByRole('link', { name: 'Zurück zum Kinderschutz-Lotsen' }).getAttribute('href')).toBe('/');
      expect(await page.locator('[aria-current="page"]').innerText()).toBe(link);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await seriousAxeViolations(page), `${path} ${scheme}`).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('invents no facts: address, responsible person and dates are placeholders', async () => {
    const { page } = await openPage(suite.browser);
    await page.goto(`${suite.server.url}/impressum/`);
    const imprint = await page.locator('main').innerText();
    expect(imprint).toContain('[Straße und Hausnummer]');
    expect(imprint).toContain('[Name und Funktion der vertretungsberechtigten Person]');
    expect(imprint).toContain('[E-Mail-Adresse der Kontaktstelle]');
    // No postcode, street number or e-mail address made up anywhere.
    expect(imprint).not.toMatch(/\b\d{5}\b|@/);
    await page.goto(`${suite.server.url}/datenschutz/`);
    const privacy = await page.locator('main').innerText();
    expect(privacy).toContain('[Name und Anschrift der verantwortlichen Stelle]');
    expect(privacy).toMatch(/keine Cookies/);
    await page.goto(`${suite.server.url}/barrierefreiheit/`);
    const statement = await page.locator('main').innerText();
    expect(statement).toMatch(/Erstellt am \[Datum\]/);
    expect(statement).toMatch(/Gebärdensprache/);
    expect(statement).not.toMatch(/\b20\d\d-\d\d-\d\d\b|\b\d{1,2}\.\d{1,2}\.20\d\d\b/);
    await page.context().close();
  });

  it('Leichte Sprache: short sentences, the emergency numbers as buttons', async () => {
    const { page } = await openPage(suite.browser);
    await page.goto(`${suite.server.url}/leichte-sprache/`);
    const sentences = (await page.locator('main p:not(.draft-note)').allInnerTexts())
      .flatMap((p) => p.split(/(?<=[.?!:])\s+/)).map((s) => s.trim()).filter(Boolean);
    expect(sentences.length).toBeGreaterThan(20);
    const longest = Math.max(...sentences.map((s) => s.split(/\s+/).length));
    expect(longest).toBeLessThanOrEqual(10);
    expect(await page.getByRole('link', { name: 'Polizei: 110' }).getAttribute('href')).toBe('tel:110');
    expect(await page.getByRole('link', { name: /112/ }).getAttribute('href')).toBe('tel:112');
    await page.context().close();
  });

  it('"Barriere melden" reaches the Kontaktstelle redacted; empty or wrong input gets a German error', async () => {
    const { page, problems } = await openPage(suite.browser);
    await page.goto(`${suite.server.url}/barrierefreiheit/`);
    const send = page.getByRole('button', { name: 'Rückmeldung senden' });
    await send.click();
    expect(await page.locator('#barrier-error').innerText()).toBe('Bitte beschreiben Sie zuerst, was Ihnen aufgefallen ist.');
    expect(await page.locator('#barrier-text').evaluate((n) => n === document.activeElement)).toBe(true);
    await page.getByRole('textbox', { name: /Was ist Ihnen aufgefallen/ }).fill('Im dunklen Modus ist der Knopf schlecht zu lesen, sagt meine Kollegin Frau Schulz.');
    await page.getByRole('textbox', { name: /Telefonnummer oder E-Mail/ }).fill('keine Angabe');
    await send.click();
    await poll(() => page.locator('#barrier-error').innerText()).toMatch(/Telefonnummer oder E-Mail-Adresse/);
    expect(page.url()).toBe(`${suite.server.url}/barrierefreiheit/`);
    await page.getByRole('textbox', { name: /Telefonnummer oder E-Mail/ }).fill('');
    await send.click();
    const done = page.locator('#barrier-done');
    await poll(() => done.innerText()).toMatch(/^Danke! Ihre Rückmeldung ist bei der Kontaktstelle eingegangen \(Nummer KS-\d{4}-\d{4}\)\.$/);
    expect(await done.evaluate((n) => n === document.activeElement)).toBe(true);
    const number = /KS-\d{4}-\d{4}/.exec(await done.innerText())![0];

    // Staff see it in their queue, marked as website feedback, without the name.
    const staff = apiClient(suite.server.url);
    const { json } = await staff('GET', `/api/staff/cases/${number}`, { headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
    const text = JSON.stringify(json);
    expect(text).toContain('Rückmeldung zur Barrierefreiheit des Lotsen:');
    expect(text).toContain('Knopf schlecht zu lesen');
    expect(text).not.toContain('Schulz');
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  });
});
