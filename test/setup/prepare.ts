// Runs before the test suite: installs what the integration tests need when it is missing,
// so that `npm install && npm test` passes on a fresh machine with nothing installed by hand.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { ensureSynapseInstalled } from './synapse.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function sh(cmd: string, args: string[]): boolean {
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

/** Debian's Chromium for the browser tests (never a browser download by a test tool). */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM_PATH)) return;
  console.log('[prepare] Chromium fehlt – installiere das Debian-Paket chromium …');
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const apt = (args: string[]) => (asRoot.length ? sh(asRoot[0], [...asRoot.slice(1), 'apt-get', ...args]) : sh('apt-get', args));
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'])) {
    throw new Error('Chromium konnte nicht installiert werden (apt-get install chromium).');
  }
}

if (import.meta.main) {
  ensureChromium();
  ensureSynapseInstalled();
}
