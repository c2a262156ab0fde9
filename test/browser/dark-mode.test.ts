import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient } from '../helpers/server.ts';
import { chatSuite, openPage, seriousAxeViolations } from '../helpers/browser.ts';

// Waits on the page and the service, which share two cores with other suites: more than the 1 s default.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

// With prefers-color-scheme: dark the chat turns dark, and every text keeps WCAG AA contrast
// (axe's color-contrast rule, which must have checked real text in each state), in all the
// colours a conversation can bring: answers, sources, the acute and the urgent box, the form
// that asks for a person with its office hours, staff and system messages, the pressed 👍,
// and a knowledge page. Printing stays black on white.

const STAFF_TOKEN = 'staff-token-for-dark-mode-tests-0123456789';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
const suite = chatSuite({ STAFF_TOKEN, OFFICE_CLOSED_DATES: `${day(0)},${day(1)}` });

function staff(method: string, path: string, body?: unknown) {
  return apiClient(suite.server.url)(method, path, { body, headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
}

/** The violations of any serious rule, and how many text nodes axe checked for contrast. */
async function contrast(page: Page) {
  const violations = await seriousAxeViolations(page);
  const checked = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ passes: Array<{ nodes: unknown[] }> }> } }).axe;
    const result = await axe.run(document, { runOnly: ['color-contrast'], resultTypes: ['passes'] });
    return result.passes.reduce((n, rule) => n + rule.nodes.length, 0);
  });
  return { violations, checked };
}

async function ask(page: Page, text: string) {
  const answers = await page.locator('.message-assistant').count();
  await page.locator('#message-input').fill(text);
  await page.keyboard.press('Enter');
  await poll(() => page.locator('.message-assistant').count()).toBe(answers + 1);
}

/** Relative luminance of a computed CSS colour (rgb/rgba). */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('dark mode', () => {
  it('turns dark and keeps AA contrast in every state of a conversation', async () => {
    const { page, problems } = await openPage(suite.browser, { viewport: { width: 390, height: 860 } });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${suite.server.url}/`);
    await page.locator('#send-button:not([disabled])').waitFor();
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor || getComputedStyle(document.documentElement).backgroundColor);
    const pageColor = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(luminance(pageColor), background).toBeLessThan(0.05);
    expect(luminance(await page.locator('.intro').evaluate((n) => getComputedStyle(n).color))).toBeGreaterThan(0.6);

    const states: Array<[string, () => Promise<void>]> = [
      ['first screen', async () => {}],
      ['answer with sources, 👍 pressed', async () => {
        await ask(page, 'Wie dokumentiere ich meine Beobachtungen?');
        await page.locator('.message-assistant').last().getByRole('button', { name: 'Hilfreich', exact: true }).click();
        await page.getByText('Danke, Ihre Bewertung ist gespeichert.').waitFor();
      }],
      ['urgent answer', () => ask(page, 'Eine Schülerin erzählt, dass sie in den Sommerferien in der Heimat beschnitten werden soll.')],
      ['acute answer', () => ask(page, 'Der Vater schlägt das Kind gerade, es hat Angst, nach Hause zu gehen.')],
      ['form asking for a person, office closed', async () => {
        await ask(page, 'Ich möchte mit einer Person der Kontaktstelle sprechen.');
        await page.getByRole('button', { name: 'Mit einer Person sprechen' }).last().click();
        await page.locator('.inline-form .office-hours[data-open="false"]').waitFor();
      }],
      ['staff and system messages, case status', async () => {
        await page.getByRole('checkbox', { name: /einverstanden/ }).check();
        await page.getByRole('button', { name: 'Anfrage senden' }).click();
        await page.getByText(/Anfrage an die Kontaktstelle ist eingegangen/).waitFor();
        const caseId = (await staff('GET', '/api/staff/cases?status=open')).json.cases.at(-1).id as string;
        await staff('POST', `/api/staff/cases/${caseId}/claim`, { staffId: '@a:localhost', staffName: 'Frau Beispiel', staffAlias: 'Frau Beispiel' });
        await staff('POST', `/api/staff/cases/${caseId}/messages`, { staffId: '@a:localhost', staffName: 'Frau Beispiel', text: 'Guten Tag, ich bin jetzt für Sie da.', clientId: 'dark-1' });
        await page.locator('.message-staff').waitFor();
        await page.locator('#case-status[data-status="claimed"]').waitFor();
      }],
    ];
    for (const [name, act] of states) {
      await act();
      const { violations, checked } = await contrast(page);
      expect(violations, name).toEqual([]);
      expect(checked, name).toBeGreaterThan(5);
    }
    await page.screenshot({ path: '/tmp/lotse-web-dark.png', fullPage: true });

    // A knowledge page shares the stylesheet.
    await page.goto(`${suite.server.url}/wissen/kita`);
    const article = await contrast(page);
    expect(article.violations).toEqual([]);
    expect(article.checked).toBeGreaterThan(5);

    // Paper stays light: the print view uses black text on white.
    await page.goto(`${suite.server.url}/`);
    await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
    expect(luminance(await page.locator('.message-user').first().evaluate((n) => getComputedStyle(n).color))).toBeLessThan(0.05);
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('stays light where the device asks for light', async () => {
    const { page } = await openPage(suite.browser);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${suite.server.url}/`);
    expect(luminance(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor))).toBeGreaterThan(0.8);
    await page.context().close();
  });
});
