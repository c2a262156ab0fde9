import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { apiClient, startTestServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, openPage } from '../helpers/browser.ts';

// A staff answer must be noticed by someone who looked away: the tab title counts it, the
// widget's launcher shows a badge; and outside office hours the asker learns that the answer
// waits in this browser and how to come back to it.

const STAFF_TOKEN = 'staff-token-for-notice-tests-0123456789';
let server: TestServer;
let browser: Browser;
let partner: Server;
let partnerOrigin = '';

beforeAll(async () => {
  partner = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Kita</title><script src="${server.url}/widget.js" defer></script></head><body><h1>Kita</h1><a href="#x">Link der Kita</a></body></html>`);
  });
  await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
  partnerOrigin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
  // Closed today (and tomorrow): the office-hours note must appear.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
  [server, browser] = await Promise.all([
    startTestServer({ STAFF_TOKEN, EMBED_ORIGINS: partnerOrigin, OFFICE_CLOSED_DATES: `${day(0)},${day(1)}` }),
    launchBrowser(),
  ]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  partner?.closeAllConnections();
  await new Promise((resolve) => partner?.close(resolve));
});

function staff(method: string, path: string, body?: unknown) {
  return apiClient(server.url)(method, path, { body, headers: { authorization: `Bearer ${STAFF_TOKEN}` } });
}

async function escalate(target: Page | Frame): Promise<string> {
  await target.locator('#message-input').fill('Ich möchte mit einer Person der Kontaktstelle sprechen.');
  await target.locator('#send-button').click();
  await target.getByRole('button', { name: 'Mit einer Person sprechen' }).first().click();
  await target.getByRole('checkbox', { name: /einverstanden/ }).check();
  await target.getByRole('button', { name: 'Anfrage senden' }).click();
  await target.getByText(/Anfrage an die Kontaktstelle ist eingegangen/).waitFor();
  const { json } = await staff('GET', '/api/staff/cases?status=open');
  return json.cases.at(-1).id as string;
}

// The asker switches to another tab. Playwright emulates a focused page by default; switching
// that off shows the page's real state.
async function switchToAnotherTab(page: Page, context: BrowserContext) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: false });
  const other = await context.newPage();
  await other.bringToFront();
  await expect.poll(() => page.evaluate(() => document.hasFocus())).toBe(false);
}

/** A staff member claims the case and answers into it. */
async function claimAndAnswer(caseId: string, text: string, clientId: string) {
  await staff('POST', `/api/staff/cases/${caseId}/claim`, { staffId: '@a:localhost', staffName: 'Frau Beispiel' });
  await staff('POST', `/api/staff/cases/${caseId}/messages`, { staffId: '@a:localhost', staffName: 'Frau Beispiel', text, clientId });
}

describe('noticing the Kontaktstelle', () => {
  it('says outside office hours that the answer waits in this browser, and counts staff messages in the tab title', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${server.url}/`);
    const caseId = await escalate(page);
    const note = await page.getByText(/Sie können diese Seite schließen/).innerText();
    expect(note).toMatch(/in diesem Browser/);
    expect(note).toMatch(/nicht auf einem anderen Gerät/);
    await page.screenshot({ path: '/tmp/lotse-web-closed-note.png' });

    // The asker switches to another tab; the Kontaktstelle answers.
    await switchToAnotherTab(page, context);
    await claimAndAnswer(caseId, 'Guten Morgen, ich bin jetzt für Sie da.', 's1');
    await page.locator('.message-staff').waitFor();
    await expect.poll(() => page.title()).toMatch(/^\(\d\) Neue Nachrichten? der Kontaktstelle – Kinderschutz-Lotse$/);

    // Coming back resets the title.
    await page.bringToFront();
    await page.locator('#message-input').focus();
    await expect.poll(() => page.title()).toBe('Kinderschutz-Lotse');
    await context.close();
  });

  it('asks for notification permission only after a click, then notifies of a staff message without its text', async () => {
    const { page, context } = await openPage(browser);
    // Record what the page does with the real Notification API (the calls still go through).
    await page.addInitScript(() => {
      const Real = window.Notification;
      const log: string[] = [];
      (window as any).notificationLog = log;
      const ask = Real.requestPermission.bind(Real);
      class Recorded extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          log.push(`shown:${title}|${options?.body ?? ''}`);
        }
      }
      Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
      (Recorded as any).requestPermission = () => { log.push('asked'); return ask(); };
      (window as any).Notification = Recorded;
    });
    await page.goto(`${server.url}/`);
    const caseId = await escalate(page);
    const offer = page.getByRole('button', { name: 'Bei einer Antwort benachrichtigen' });
    await offer.waitFor();
    expect(await page.evaluate(() => (window as any).notificationLog)).toEqual([]);

    await context.grantPermissions(['notifications'], { origin: server.url });
    await offer.click();
    await page.getByText(/Benachrichtigungen sind an/).waitFor();
    expect(await page.evaluate(() => (window as any).notificationLog)).toEqual(['asked']);

    await switchToAnotherTab(page, context);
    await claimAndAnswer(caseId, 'Vertrauliche Antwort zum Kind.', 's3');
    await page.locator('.message-staff').waitFor();
    // The claim's system line and the staff message each notify; neither shows what was written.
    await expect.poll(() => page.evaluate(() => (window as any).notificationLog.length)).toBe(3);
    const shown = (await page.evaluate(() => (window as any).notificationLog)).slice(1) as string[];
    for (const line of shown) {
      expect(line).toBe('shown:Neue Antwort der Kontaktstelle|Im Kinderschutz-Lotsen wartet eine Nachricht auf Sie.');
    }
    await context.close();
  });

  it('shows a badge on the widget launcher for a staff message while the panel is closed', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${partnerOrigin}/`);
    const launcher = page.getByRole('button', { name: /Kinderschutz-Lotse/ });
    await launcher.click();
    const frame = await (await page.locator('iframe').elementHandle())!.contentFrame();
    const caseId = await escalate(frame!);
    await page.getByRole('button', { name: 'Chat schließen' }).click();
    await staff('POST', `/api/staff/cases/${caseId}/claim`, { staffId: '@a:localhost', staffName: 'Frau Beispiel' });
    await staff('POST', `/api/staff/cases/${caseId}/messages`, { staffId: '@a:localhost', staffName: 'Frau Beispiel', text: 'Ich bin jetzt da.', clientId: 's2' });
    await expect.poll(() => launcher.innerText(), { timeout: 10_000 }).toMatch(/Kinderschutz-Lotse\s*\d/);
    expect(await page.getByRole('button', { name: /neue Nachricht/ }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/lotse-widget-badge.png' });
    await launcher.click();
    expect(await page.getByRole('button', { name: /neue Nachricht/ }).count()).toBe(0);
    await context.close();
  });
});
