import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from './server.ts';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

// Drives Debian's Chromium (installed by test/setup/prepare.ts) through playwright-core.
// `chromium.launch` gives every launch a fresh temporary profile of its own (and removes it),
// and every test opens its own context, so no storage leaks between tests.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
];

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; run "node test/setup/prepare.ts" (installs it via apt).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export type PageProblems = {
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** console.error output, which includes CSP violations ("Refused to …"). */
  consoleErrors: string[];
};

export type OpenedPage = { context: BrowserContext; page: Page; problems: PageProblems };

/** A new isolated context (own storage) and page, collecting errors the page raises. */
export async function openPage(
  browser: Browser,
  options: { viewport?: { width: number; height: number }; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    reducedMotion: options.reducedMotion ?? 'reduce',
  });
  const page = await context.newPage();
  const problems: PageProblems = { pageErrors: [], consoleErrors: [] };
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  return { context, page, problems };
}

const require = createRequire(import.meta.url);

/** The axe-core source from node_modules (no network). */
function axeSource(): string {
  return readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
}

export type AxeViolation = { id: string; impact: string | null; help: string; targets: string[] };

/**
 * Runs axe-core (WCAG 2.x A/AA rules and best practices) in the page and returns the
 * violations of impact "serious" or "critical".
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await injectScript(page, axeSource());
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: String(v.id),
      impact: v.impact ?? null,
      help: String(v.help),
      targets: v.nodes.map((n: { target: unknown[] }) => n.target.join(' ')),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Adds a script to the page. The chat page's CSP forbids inline scripts, which would block
 * page.addScriptTag({content}); bypassCSP is off on purpose (the tests should see the CSP), so
 * the code is evaluated through the DevTools protocol instead, which CSP does not govern.
 */
export async function injectScript(page: Page, source: string): Promise<void> {
  await page.evaluate(source);
}

/**
 * A test server and a browser for the whole file, started before its tests and closed after:
 * the setup every browser test file shares. Read `suite.server` and `suite.browser` in the tests.
 */
export function chatSuite(env: Record<string, string> = {}): { readonly server: TestServer; readonly browser: Browser } {
  const state: { server?: TestServer; browser?: Browser } = {};
  beforeAll(async () => {
    [state.server, state.browser] = await Promise.all([startTestServer(env), launchBrowser()]);
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.close();
  });
  return {
    get server() { return state.server!; },
    get browser() { return state.browser!; },
  };
}
