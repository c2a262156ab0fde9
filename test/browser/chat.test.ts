import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { launchBrowser, openPage, type OpenedPage } from '../helpers/browser.ts';

// The web chat end to end: real service, real Chromium, the page as a person uses it.

let server: TestServer;
let browser: Browser;
const opened: OpenedPage[] = [];

beforeAll(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(viewport?: { width: number; height: number }): Promise<OpenedPage> {
  const result = await openPage(browser, { viewport });
  opened.push(result);
  await result.page.goto(`${server.url}/`);
  return result;
}

function input(page: Page) {
  return page.getByRole('textbox', { name: /Frage|Nachricht/ });
}

async function ask(page: Page, question: string): Promise<void> {
  const before = await page.locator('.message-assistant').count();
  await input(page).fill(question);
  await page.getByRole('button', { name: 'Senden', exact: true }).click();
  await page.locator('.message-assistant').nth(before).waitFor();
}

function storedSession(page: Page) {
  return page.evaluate(() => ({
    local: Object.keys(localStorage),
    session: sessionStorage.length,
    cookie: document.cookie,
  }));
}

describe('web chat', () => {
  it('introduces itself in German: what it is, no emergency service (110/112), no names', async () => {
    const { page, context } = await open();
    await expect(page.title()).resolves.toBe('Kinderschutz-Lotse');
    const intro = await page.locator('header').innerText();
    expect(intro).toContain('Kinderschutz-Lotse');
    expect(intro).toMatch(/kein Notdienst/);
    expect(intro).toMatch(/110/);
    expect(intro).toMatch(/112/);
    expect(intro).toMatch(/keine Namen/);
    await expect(page.getByRole('button', { name: 'Senden', exact: true }).count()).resolves.toBe(1);
    await expect(page.getByRole('region', { name: 'Gesprächsverlauf' }).count()).resolves.toBe(1);
    await context.close();
  });

  it('answers a German question with a source link, and stores nothing before the first message', async () => {
    const { page, context, problems } = await open();
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/')) apiCalls.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    await page.waitForLoadState('networkidle');
    expect(apiCalls).toEqual([]);
    expect(await storedSession(page)).toEqual({ local: [], session: 0, cookie: '' });
    expect(await context.cookies()).toEqual([]);

    await ask(page, 'Was mache ich, wenn ich mir Sorgen um ein Kind mache? Wen kann ich beraten lassen?');

    const answer = page.locator('.message-assistant').first();
    expect((await answer.innerText()).length).toBeGreaterThan(80);
    const sourceLinks = answer.locator('.sources a');
    expect(await sourceLinks.count()).toBeGreaterThan(0);
    expect(await sourceLinks.first().getAttribute('href')).toMatch(/^(\/wissen\/|https:\/\/)/);
    // A source of an article that is not approved says so next to its Stand.
    const firstSource = await answer.locator('.sources li').first().innerText();
    const sourceId = (await sourceLinks.first().getAttribute('href'))!.replace(/^\/wissen\//, '').split('#')[0];
    const { articles } = await (await fetch(`${server.url}/api/knowledge/articles`)).json() as { articles: Array<{ id: string; status: string }> };
    const unapproved = articles.find((a) => a.id === sourceId)?.status !== 'approved';
    expect(firstSource).toMatch(unapproved ? /\(Stand: \d\d\.\d\d\.\d{4}\) – (Entwurf|geänderte Fassung), noch nicht fachlich freigegeben$/ : /\(Stand: \d\d\.\d\d\.\d{4}\)$/);
    expect(apiCalls[0]).toBe('POST /api/conversations');
    expect(apiCalls).toContain(`POST /api/conversations/${await conversationId(page)}/messages`);

    // Only now the conversation is remembered, and only in localStorage.
    const stored = await storedSession(page);
    expect(stored.local).toHaveLength(1);
    expect(stored.session).toBe(0);
    expect(stored.cookie).toBe('');
    expect(await context.cookies()).toEqual([]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    await context.close();
  });

  it('resumes the conversation after a reload and shows the history', async () => {
    const { page, context } = await open();
    await ask(page, 'Wer ist die insoweit erfahrene Fachkraft?');
    const answerText = await page.locator('.message-assistant').first().innerText();
    await page.reload();
    await page.locator('.message-assistant').first().waitFor();
    await expect(page.locator('.message-user').first().innerText()).resolves.toContain('Wer ist die insoweit erfahrene Fachkraft?');
    expect(await page.locator('.message-assistant').first().innerText()).toBe(answerText);
    expect(await page.locator('.message-user').count()).toBe(1);

    // A follow-up after the reload continues the same conversation.
    const id = await conversationId(page);
    await ask(page, 'Und wie erreiche ich das Jugendamt?');
    expect(await conversationId(page)).toBe(id);
    expect(await page.locator('.message-user').count()).toBe(2);
    await context.close();
  });

  it('shows HTML in a message as text and never runs it', async () => {
    const { page, context, problems } = await open();
    const attack = 'Was tun bei Verdacht? <img src=x onerror="window.__xss=1"> <script>window.__xss=2</script>';
    await ask(page, attack);
    const userBubble = page.locator('.message-user').first();
    expect(await userBubble.innerText()).toContain('<img src=x onerror="window.__xss=1">');
    expect(await page.locator('#messages img, #messages script').count()).toBe(0);
    await page.reload();
    await page.locator('.message-user').first().waitFor();
    expect(await page.locator('.message-user').first().innerText()).toContain('<img src=x');
    expect(await page.locator('#messages img, #messages script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });

  it('shows the question as the service stored it, with personal data replaced', async () => {
    const { page, context } = await open();
    await ask(page, 'Die Schülerin Lena Schmidt aus der 4b kommt seit Wochen hungrig in die Schule. Was soll ich tun?');
    const bubble = page.locator('.message-user').first();
    await expect.poll(() => bubble.innerText(), { timeout: 10_000 }).toContain('[Name]');
    expect(await bubble.innerText()).not.toContain('Lena Schmidt');
    await page.reload();
    await page.locator('.message-user').first().waitFor();
    expect(await page.locator('.message-user').first().innerText()).not.toContain('Lena Schmidt');
    await context.close();
  });

  it('works with the keyboard only: Enter sends, Tab reaches Senden, focus is visible', async () => {
    const { page, context } = await open();
    let reached = false;
    for (let i = 0; i < 12 && !reached; i += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'message-input');
    }
    expect(reached).toBe(true);
    await page.keyboard.type('Wie dokumentiere ich meine Beobachtungen?');
    await page.keyboard.press('Enter');
    await page.locator('.message-assistant').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('message-input');

    // Shift+Enter makes a new line instead of sending.
    await page.keyboard.type('Erste Zeile');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('Muss ich die Eltern informieren?');
    expect(await input(page).inputValue()).toBe('Erste Zeile\nMuss ich die Eltern informieren?');

    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement as HTMLElement;
      return { text: active.textContent, outline: getComputedStyle(active).outlineStyle };
    });
    expect(focused.text).toBe('Senden');
    expect(focused.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.locator('.message-assistant').nth(1).waitFor();
    expect(await page.locator('.message-user').nth(1).innerText()).toContain('Erste Zeile\nMuss ich die Eltern informieren?');
    await context.close();
  });

  it('retries a dropped request with the same clientId, and the service keeps it once', async () => {
    const { page, context } = await open();
    const bodies: Array<{ clientId?: string }> = [];
    let dropped = false;
    await page.route('**/api/conversations/*/messages', async (route) => {
      bodies.push(route.request().postDataJSON());
      if (!dropped) {
        // The request reaches the service and is stored, but the answer never arrives.
        dropped = true;
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await ask(page, 'Was ist bei einem Gespräch mit den Eltern wichtig?');
    expect(bodies).toHaveLength(2);
    expect(bodies[0].clientId).toBeTruthy();
    expect(bodies[1].clientId).toBe(bodies[0].clientId);
    await page.unroute('**/api/conversations/*/messages');

    await page.reload();
    await page.locator('.message-assistant').first().waitFor();
    expect(await page.locator('.message-user').count()).toBe(1);
    expect(await page.locator('.message-assistant').count()).toBe(1);
    await context.close();
  });

  it('"Neues Gespräch / Verlauf löschen" forgets the conversation', async () => {
    const { page, context } = await open();
    await ask(page, 'Was ist der Schutzauftrag nach § 8a SGB VIII?');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Neues Gespräch / Verlauf löschen' }).click();
    expect(await page.locator('.message').count()).toBe(0);
    expect(await storedSession(page)).toEqual({ local: [], session: 0, cookie: '' });
    await page.reload();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.message').count()).toBe(0);
    await context.close();
  });

  it('takes feedback on an answer with an optional comment', async () => {
    const { page, context } = await open();
    await ask(page, 'Wie spreche ich mit einem Kind über meine Sorge?');
    const answer = page.locator('.message-assistant').first();
    await answer.getByRole('button', { name: 'Nicht hilfreich' }).click();
    await answer.getByRole('textbox', { name: /etwas dazu sagen/ }).fill('Mir fehlte ein Beispiel für Grundschulkinder.');
    const posted = page.waitForRequest((request) => request.url().endsWith('/feedback'));
    await answer.getByRole('button', { name: 'Kommentar senden' }).click();
    const body = (await posted).postDataJSON();
    expect(body.rating).toBe('down');
    expect(body.comment).toBe('Mir fehlte ein Beispiel für Grundschulkinder.');
    await answer.getByText('Danke für Ihre Rückmeldung!').waitFor();
    await context.close();
  });

  it('asks for consent before an escalation is sent', async () => {
    const { page, context } = await open();
    await ask(page, 'Ich möchte mit einer Person der Kontaktstelle sprechen.');
    const escalate = page.getByRole('button', { name: /Person|Kontaktstelle/ }).first();
    await escalate.click();
    let escalationRequests = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/escalations')) escalationRequests += 1;
    });
    await page.getByRole('button', { name: 'Anfrage senden' }).click();
    await page.getByText('Bitte bestätigen Sie Ihr Einverständnis').waitFor();
    expect(escalationRequests).toBe(0);
    expect(await page.getByRole('checkbox', { name: /einverstanden/ }).getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });

  it('sends a quick reply as the next message', async () => {
    const { page, context } = await open();
    await ask(page, 'Wie dokumentiere ich einen Verdacht richtig?');
    const quickReply = page.locator('.message-assistant').first().locator('.actions button:not(.primary)').first();
    const label = (await quickReply.innerText()).trim();
    await quickReply.click();
    await page.locator('.message-assistant').nth(1).waitFor();
    expect(await page.locator('.message-user').nth(1).innerText()).toContain(label);
    await context.close();
  });

  it('walks through the guided procedure and downloads its summary, built in the browser', async () => {
    const { page, context } = await open();
    await ask(page, 'Was muss ich jetzt tun?');
    // Without a known role the Lotse asks for it first; the choice starts step 1.
    await page.locator('.message-assistant').first().getByRole('button', { name: 'Schule', exact: true }).click();
    await page.locator('.message-assistant').nth(1).waitFor();
    const firstStep = (await page.locator('.message-assistant').nth(1).locator('.markdown').innerText()).split('\n')[0];
    const download = page.getByRole('button', { name: 'Zusammenfassung herunterladen' });
    for (let i = 1; i < 12 && (await download.count()) === 0; i += 1) {
      await page.locator('.message-assistant').last().getByRole('button', { name: 'Weiter', exact: true }).click();
      await page.locator('.message-assistant').nth(i + 1).waitFor();
    }
    expect(await download.count()).toBeGreaterThan(0);
    const requestsBefore: string[] = [];
    page.on('request', (request) => requestsBefore.push(request.url()));
    const event = page.waitForEvent('download');
    await download.last().click();
    const file = await event;
    expect(file.suggestedFilename()).toMatch(/^kinderschutz-lotse-zusammenfassung-\d{4}-\d{2}-\d{2}\.md$/);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    // The service's summary of all steps (reply.summary at the last step), not the chat transcript.
    expect(text).toContain('Vorgehen bei Sorge um ein Kind');
    expect(text).toMatch(/^## 1\. /m);
    expect(text).not.toContain(firstStep.replace(/\*\*/g, ''));
    expect(text).not.toMatch(/^> Weiter$/m);
    // Links to knowledge pages work from the file: with the Lotse's address, not as bare paths.
    expect(text).toContain(`${server.url}/wissen/`);
    expect(text).not.toMatch(/(^|[\s(])\/wissen\//m);
    // Built in the browser: no request to the service for it.
    expect(requestsBefore.filter((url) => url.includes('/api/'))).toEqual([]);
    await context.close();
  });

  it('puts the emergency numbers on top of an answer to acute danger', async () => {
    const { page, context } = await open();
    await ask(page, 'Ein Kind aus meiner Gruppe sagt, der Vater schlägt es gerade, und es hat Angst, heute Abend nach Hause zu gehen.');
    const answer = page.locator('.message-assistant').first();
    const box = answer.locator('.emergency');
    expect(await box.count()).toBe(1);
    expect(await box.locator('a[href="tel:110"]').count()).toBe(1);
    expect(await box.locator('a[href="tel:112"]').count()).toBe(1);
    // The box comes before the answer text.
    expect(await answer.evaluate((node) => node.querySelector('.emergency') === node.children[1])).toBe(true);
    // 110, 112 and the hotline are in the box, not repeated as buttons under the answer.
    expect(await answer.locator('.actions a[href="tel:110"], .actions a[href="tel:112"]').count()).toBe(0);
    expect(await box.locator('a[href="tel:08001414007"]').count()).toBe(1);
    expect(await answer.locator('.actions a[href="tel:08001414007"]').count()).toBe(0);
    await context.close();
  });

  it('explains in a disclosure what the Lotse stores, reachable with the keyboard', async () => {
    const { page, context } = await open({ width: 320, height: 640 });
    const privacy = page.locator('footer details');
    expect(await privacy.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(false);
    const summary = privacy.locator('summary');
    expect(await summary.innerText()).toMatch(/Datenschutz/);
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await privacy.evaluate((node) => (node as HTMLDetailsElement).open)).toBe(true);
    const text = await privacy.innerText();
    expect(text).toMatch(/Platzhalter/);
    expect(text).toMatch(/Cookies setzt der Lotse nicht/);
    expect(text).toMatch(/Neues Gespräch \/ Verlauf löschen/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('offers starting points on the first screen that send their question', async () => {
    const { page, context } = await open({ width: 360, height: 740 });
    const starters = page.getByRole('group', { name: 'Womit möchten Sie beginnen?' }).getByRole('button');
    expect(await starters.count()).toBeGreaterThanOrEqual(3);
    const box = await starters.first().boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    await page.getByRole('button', { name: 'Welches Jugendamt ist zuständig?' }).click();
    await page.locator('.message-assistant').first().waitFor();
    expect(await page.locator('.message-user').first().innerText()).toContain('Welches Jugendamt ist für mich zuständig?');
    expect(await starters.count()).toBe(0);
    await context.close();
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    const { page, context } = await open({ width: 320, height: 640 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await ask(page, 'Welche Schritte gibt es bei einem Verdacht auf Kindeswohlgefährdung in der Kita?');
    await page.getByRole('button', { name: /Person|Kontaktstelle/ }).first().click();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await context.close();
  });
});

async function conversationId(page: Page): Promise<string> {
  return page.evaluate(() => {
    const key = Object.keys(localStorage)[0];
    return key ? (JSON.parse(localStorage.getItem(key) ?? '{}').id as string) : '';
  });
}
