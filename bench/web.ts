// The web chat on a throttled phone, in figures (never pass/fail): bytes and requests of the
// first load, first paint and the moment "Senden" is enabled (the submit handler is bound) on
// Slow 4G and Fast 4G with 4× CPU throttling — each as served (brotli/gzip) and uncompressed
// (Accept-Encoding: identity) — and axe violations in the main states.
// Run: npm run bench:web (needs Debian's Chromium, as the browser tests).
import { startTestServer } from '../test/helpers/server.ts';
import { launchBrowser, openPage, seriousAxeViolations } from '../test/helpers/browser.ts';

const PROFILES = [
  { name: 'Slow 4G', latency: 562.5, download: (1.44 * 1024 * 1024) / 8, upload: (675 * 1024) / 8 },
  { name: 'Fast 4G', latency: 150, download: (9 * 1024 * 1024) / 8, upload: (1.5 * 1024 * 1024) / 8 },
];

const server = await startTestServer();
const browser = await launchBrowser();
try {
  for (const [profile, identity] of PROFILES.flatMap((p) => [[p, false], [p, true]] as const)) {
    const { page, context } = await openPage(browser, { viewport: { width: 360, height: 740 } });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (identity) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.download, uploadThroughput: profile.upload });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    let bytes = 0;
    let requests = 0;
    const codings = new Set<string>();
    cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => { bytes += event.encodedDataLength; requests += 1; });
    cdp.on('Network.responseReceived', (event: { response: { headers: Record<string, string> } }) => {
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      codings.add(headers['content-encoding'] ?? 'none');
    });
    const start = Date.now();
    await page.goto(`${server.url}/`, { waitUntil: 'commit' });
    await page.locator('#message-input').waitFor();
    const painted = Date.now() - start;
    await page.locator('#send-button:not([disabled])').waitFor({ timeout: 60_000 });
    const usable = Date.now() - start;
    await page.waitForLoadState('domcontentloaded');
    const loaded = Date.now() - start;
    await page.waitForLoadState('networkidle');
    const served = identity ? 'uncompressed' : `compressed (${[...codings].sort().join('/')})`;
    console.log(`${profile.name} + 4× CPU, ${served}: visible ${painted} ms, Senden usable ${usable} ms, DOMContentLoaded ${loaded} ms, ${requests} requests, ${(bytes / 1024).toFixed(1)} KiB`);
    await context.close();
  }

  const states: Array<[string, (page: import('playwright-core').Page) => Promise<void>]> = [
    ['first screen', async () => {}],
    ['answer', async (page) => { await page.locator('#message-input').fill('Wie dokumentiere ich meine Beobachtungen?'); await page.keyboard.press('Enter'); await page.locator('.message-assistant').first().waitFor(); }],
    ['acute answer', async (page) => { await page.locator('#message-input').fill('Der Vater schlägt das Kind gerade, es hat Angst, nach Hause zu gehen.'); await page.keyboard.press('Enter'); await page.locator('.message-assistant').first().waitFor(); }],
    ['urgent answer', async (page) => { await page.locator('#message-input').fill('Eine Schülerin erzählt, dass sie in den Sommerferien in der Heimat beschnitten werden soll.'); await page.keyboard.press('Enter'); await page.locator('.message-assistant').first().waitFor(); }],
    ['escalation form', async (page) => { await page.getByRole('button', { name: 'Mit einer Person der Kontaktstelle sprechen' }).click(); await page.getByRole('button', { name: 'Mit einer Person sprechen' }).first().click(); }],
  ];
  for (const viewport of [{ width: 1280, height: 800 }, { width: 360, height: 740 }]) {
    for (const [name, act] of states) {
      const { page, context } = await openPage(browser, { viewport });
      await page.goto(`${server.url}/`);
      await page.locator('#send-button:not([disabled])').waitFor();
      await act(page);
      const violations = await seriousAxeViolations(page);
      console.log(`axe ${viewport.width} px, ${name}: ${violations.length} serious/critical violations${violations.length ? ` (${violations.map((v) => v.id).join(', ')})` : ''}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
