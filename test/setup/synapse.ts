// A real Synapse homeserver for the Matrix tests: installed from PyPI into a virtualenv under
// .cache/ (kept between runs, ignored by git), configured for `localhost` with SQLite on a free
// loopback port, started in a fresh temporary directory and stopped again. No Docker, no network
// beyond PyPI for the one-time install. All users are invented test accounts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Pinned: known to install as wheels and run on Python 3.11. */
export const SYNAPSE_VERSION = '1.163.2';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VENV_DIR = join(ROOT, '.cache', 'synapse-venv');
const VENV_PYTHON = join(VENV_DIR, 'bin', 'python');
const STAMP = join(VENV_DIR, '.synapse-version');

export type SynapseUser = { userId: string; accessToken: string; password: string; displayName: string };
export type SynapseUsers = Record<TestUserName, SynapseUser>;
export type SynapseCoordinates = { baseUrl: string; serverName: string; users: SynapseUsers };
export type SynapseHandle = SynapseCoordinates & {
  dir: string;
  pid: () => number | undefined;
  /** Stops the process; the data directory stays so that start() resumes the same server. */
  stop: () => Promise<void>;
  /** Starts the stopped server again on the same port and data. */
  start: () => Promise<void>;
  /** Stops and deletes the temporary directory. */
  dispose: () => Promise<void>;
  registerUser: (localpart: string, displayName: string, admin?: boolean) => Promise<SynapseUser>;
};

/** The invented accounts every Matrix test can rely on. */
export const TEST_USERS = {
  bot: { localpart: 'lotse-bot', displayName: 'Kinderschutz-Lotse', admin: false },
  staffA: { localpart: 'fachkraft-anna', displayName: 'Anna Testmann', admin: false },
  staffB: { localpart: 'fachkraft-bernd', displayName: 'Bernd Probst', admin: false },
  outsider: { localpart: 'gast-otto', displayName: 'Otto Gast', admin: false },
  professional: { localpart: 'kita-paula', displayName: 'Paula Kita', admin: false },
  admin: { localpart: 'admin', displayName: 'Admin', admin: true },
} as const;
export type TestUserName = keyof typeof TEST_USERS;

function pythonForVenv(): string {
  for (const candidate of ['python3.11', 'python3']) {
    const probe = spawnSync(candidate, ['-c', 'import sys; print(sys.version_info[:2] >= (3, 10))'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.trim() === 'True') return candidate;
  }
  throw new Error('Für die Matrix-Tests wird Python ≥ 3.10 (python3) benötigt.');
}

function run(cmd: string, args: string[]): void {
  const result = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], cwd: ROOT });
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status}`);
}

/** Creates the virtualenv and installs the pinned Synapse once; a no-op when already done. */
export function ensureSynapseInstalled(): string {
  if (existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === SYNAPSE_VERSION && existsSync(VENV_PYTHON)) return VENV_PYTHON;
  if (!existsSync(VENV_PYTHON)) run(pythonForVenv(), ['-m', 'venv', VENV_DIR]);
  run(VENV_PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `matrix-synapse==${SYNAPSE_VERSION}`]);
  writeFileSync(STAMP, SYNAPSE_VERSION + '\n');
  return VENV_PYTHON;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

// Rate limits high enough that a test suite never meets them; the bot's own back-off is tested
// by unit tests and by one test file that asks for Synapse's stock limits (`stockRateLimits`).
const generous = { per_second: 10_000, burst_count: 10_000 };

/** The limits the bot meets in normal work; left at Synapse's defaults with `stockRateLimits`. */
const BOT_LIMITS = ['rc_message', 'rc_room_creation', 'rc_joins', 'rc_joins_per_room', 'rc_invites', 'rc_admin_redaction'];

export type SynapseOptions = {
  /** Synapse's default limits for what the bot does (messages, rooms, joins, invites); the harness's own registrations stay unlimited. */
  stockRateLimits?: boolean;
};

function homeserverConfig(dir: string, port: number, secret: string, options: SynapseOptions = {}): string {
  const config = {
    server_name: 'localhost',
    public_baseurl: `http://127.0.0.1:${port}/`,
    pid_file: join(dir, 'homeserver.pid'),
    listeners: [{ port, bind_addresses: ['127.0.0.1'], type: 'http', tls: false, x_forwarded: false, resources: [{ names: ['client'], compress: false }] }],
    database: { name: 'sqlite3', args: { database: join(dir, 'homeserver.db') } },
    log_config: join(dir, 'log.yaml'),
    media_store_path: join(dir, 'media'),
    signing_key_path: join(dir, 'signing.key'),
    registration_shared_secret: secret,
    macaroon_secret_key: randomBytes(24).toString('hex'),
    form_secret: randomBytes(24).toString('hex'),
    enable_registration: false,
    report_stats: false,
    enable_metrics: false,
    trusted_key_servers: [],
    suppress_key_server_warning: true,
    federation_domain_whitelist: [],
    allow_public_rooms_over_federation: false,
    url_preview_enabled: false,
    enable_media_repo: false,
    presence: { enabled: false },
    require_auth_for_profile_requests: false,
    rc_message: generous,
    rc_registration: generous,
    rc_login: { address: generous, account: generous, failed_attempts: generous },
    rc_joins: { local: generous, remote: generous },
    rc_joins_per_room: generous,
    rc_invites: { per_room: generous, per_user: generous, per_issuer: generous },
    rc_3pid_validation: generous,
    rc_admin_redaction: generous,
    rc_room_creation: generous,
    rc_presence: { per_user: generous },
    rc_delayed_event_mgmt: generous,
    rc_reports: generous,
    rc_media_create: generous,
  };
  if (options.stockRateLimits) for (const key of BOT_LIMITS) delete (config as Record<string, unknown>)[key];
  // JSON is valid YAML, so no YAML writer is needed here.
  return JSON.stringify(config, null, 2);
}

const LOG_CONFIG = JSON.stringify({
  version: 1,
  formatters: { precise: { format: '%(asctime)s %(name)s %(levelname)s %(message)s' } },
  handlers: { file: { class: 'logging.FileHandler', formatter: 'precise', filename: '__LOG__', encoding: 'utf8' } },
  root: { level: 'WARNING', handlers: ['file'] },
  disable_existing_loggers: false,
});

async function waitForVersions(baseUrl: string, child: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Synapse exited (${child.exitCode}):\n${tail(logFile)}`);
    try {
      const res = await fetch(`${baseUrl}/_matrix/client/versions`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Synapse did not answer within ${timeoutMs} ms:\n${tail(logFile)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Registers a user through the shared-secret admin API (what `register_new_matrix_user` does). */
async function registerWithSecret(baseUrl: string, secret: string, localpart: string, displayName: string, admin: boolean): Promise<SynapseUser> {
  const url = `${baseUrl}/_synapse/admin/v1/register`;
  const { nonce } = (await (await fetch(url)).json()) as { nonce: string };
  const password = `pw-${localpart}-${randomBytes(6).toString('hex')}`;
  const mac = createHmac('sha1', secret)
    .update(`${nonce}\0${localpart}\0${password}\0${admin ? 'admin' : 'notadmin'}`)
    .digest('hex');
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nonce, username: localpart, displayname: displayName, password, admin, mac }),
  });
  if (!res.ok) throw new Error(`register ${localpart}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { user_id: string; access_token: string };
  return { userId: body.user_id, accessToken: body.access_token, password, displayName };
}

/** Starts a fresh Synapse in a new temporary directory and registers the test users. */
export async function startSynapse(options: SynapseOptions = {}): Promise<SynapseHandle> {
  const python = ensureSynapseInstalled();
  const dir = mkdtempSync(join(tmpdir(), 'lotse-synapse-'));
  const port = await freePort();
  const secret = randomBytes(24).toString('hex');
  const configFile = join(dir, 'homeserver.yaml');
  const logFile = join(dir, 'homeserver.log');
  writeFileSync(configFile, homeserverConfig(dir, port, secret, options));
  writeFileSync(join(dir, 'log.yaml'), LOG_CONFIG.replace('__LOG__', logFile));
  const gen = spawnSync(python, ['-m', 'synapse.app.homeserver', '-c', configFile, '--generate-keys'], { cwd: dir, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`synapse --generate-keys failed:\n${gen.stderr}`);

  const baseUrl = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    if (child && child.exitCode === null) return;
    const out = openSync(join(dir, 'stdout.log'), 'a');
    child = spawn(python, ['-m', 'synapse.app.homeserver', '-c', configFile], {
      cwd: dir,
      stdio: ['ignore', out, out],
      env: { ...process.env, SYNAPSE_NO_TLS: '1' },
    });
    closeSync(out);
    await waitForVersions(baseUrl, child, logFile);
  };

  const stop = async (): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((r) => running.once('exit', () => r()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await start();
  const users = {} as SynapseUsers;
  for (const [name, spec] of Object.entries(TEST_USERS) as Array<[TestUserName, (typeof TEST_USERS)[TestUserName]]>) {
    users[name] = await registerWithSecret(baseUrl, secret, spec.localpart, spec.displayName, spec.admin);
  }

  return {
    baseUrl,
    serverName: 'localhost',
    users,
    dir,
    pid: () => child?.pid,
    start,
    stop,
    dispose: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    registerUser: (localpart, displayName, admin = false) => registerWithSecret(baseUrl, secret, localpart, displayName, admin),
  };
}

// `npx node test/setup/synapse.ts` installs (if needed), starts, prints the coordinates, stops.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = Date.now();
  const server = await startSynapse();
  console.log(JSON.stringify({ baseUrl: server.baseUrl, users: Object.keys(server.users), startMs: Date.now() - t0 }));
  await server.dispose();
}
