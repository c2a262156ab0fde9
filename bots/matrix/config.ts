import { z } from 'zod';

// Environment → typed bot configuration. One clear German line per bad variable, like the service.

const list = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v ?? []),
  z.array(z.string().regex(/^@[^:\s]+:\S+$/, 'Matrix-IDs der Form @name:server, durch Komma getrennt')),
);
const aliases = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() ? v.split(',').map((pair) => pair.trim()).filter(Boolean) : []),
  z.array(z.string().regex(/^@[^:\s]+:[^=\s]+=[^=,]{1,40}$/, 'Paare @name:server=Vorname, durch Komma getrennt'))
    .transform((pairs) => Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1).trim()]))),
);
const optionalText = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());
const int = (fallback: number, min: number, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : Number(v)), z.number().int().min(min).max(max));

export const botConfigSchema = z
  .object({
    MATRIX_HOMESERVER_URL: z.url({ message: 'URL des Homeservers, z. B. https://matrix.example.org' }),
    MATRIX_ACCESS_TOKEN: optionalText,
    MATRIX_USER_ID: z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(/^@[^:\s]+:\S+$/).optional()),
    MATRIX_PASSWORD: optionalText,
    /** Fixed device id: Synapse scopes transaction ids per device, so a re-login keeps them idempotent. */
    MATRIX_DEVICE_ID: z.preprocess((v) => (v === undefined || v === '' ? 'LOTSEBOT' : v), z.string().min(1)),
    // Room ids of room version 12 have no server part any more; aliases still do.
    MATRIX_QUEUE_ROOM: z.string().regex(/^(![^\s]+|#[^:\s]+:\S+)$/, 'Raum-ID (!…) oder Alias (#…:server)'),
    MATRIX_STAFF_USERS: list,
    /** Leads may take a case over from an absent holder. */
    MATRIX_LEAD_USERS: list,
    /** What the asker reads instead of a staff member's name: "@anna:server=Anna,…"; default "Fachkraft der Kontaktstelle". */
    MATRIX_STAFF_ALIASES: aliases,
    MATRIX_STAFF_MIN_POWER: z.preprocess((v) => (v === undefined || v === '' ? undefined : Number(v)), z.number().int().min(0).max(100).optional()),
    /** Who may open a direct chat with the bot: users of the bot's own homeserver (default), anyone, staff only, nobody. */
    MATRIX_DM_POLICY: z.preprocess((v) => v || 'homeserver', z.enum(['homeserver', 'anyone', 'staff', 'off'])),
    LOTSE_URL: z.preprocess((v) => v || 'http://127.0.0.1:8787', z.url()),
    /** The service's public address (behind the reverse proxy): every link the bot posts points there. */
    PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url({ protocol: /^https?$/, message: 'öffentliche Adresse des Dienstes, z. B. https://lotse.example.org' }).optional()),
    STAFF_TOKEN: z.string().min(16, 'mindestens 16 Zeichen'),
    DATA_DIR: z.preprocess((v) => v || './data', z.string().min(1)),
    MATRIX_FEED_POLL_MS: int(1000, 20, 60_000),
    MATRIX_SYNC_TIMEOUT_MS: int(30_000, 0, 120_000),
    /** The service's retention for closed cases; the bot's own default follows it. */
    RETENTION_CASE_DAYS: int(90, 1, 3650),
    /** Days after a case is closed until the bot clears what it posted about it (default: RETENTION_CASE_DAYS). */
    MATRIX_RETENTION_DAYS: z.preprocess((v) => (v === undefined || v === '' ? undefined : Number(v)), z.number().int().min(1).max(3650).optional()),
    MATRIX_RETENTION_INTERVAL_MINUTES: int(60, 1, 24 * 60),
    /** auto: when the bot is a Synapse server admin, expired case rooms are deleted and purged on the server. */
    MATRIX_PURGE_ROOMS: z.preprocess((v) => v || 'auto', z.enum(['auto', 'off'])),
    /** Someone who is not staff in a case room: removed by the bot (remove) or only warned about (warn). */
    MATRIX_CASE_ROOM_GUARD: z.preprocess((v) => v || 'remove', z.enum(['remove', 'warn'])),
  })
  .refine((c) => c.MATRIX_ACCESS_TOKEN || (c.MATRIX_USER_ID && c.MATRIX_PASSWORD), {
    message: 'MATRIX_ACCESS_TOKEN oder MATRIX_USER_ID und MATRIX_PASSWORD setzen',
    path: ['MATRIX_ACCESS_TOKEN'],
  })
  .refine((c) => c.MATRIX_STAFF_USERS.length > 0 || c.MATRIX_STAFF_MIN_POWER !== undefined, {
    message: 'MATRIX_STAFF_USERS oder MATRIX_STAFF_MIN_POWER setzen, sonst darf niemand Fälle bearbeiten',
    path: ['MATRIX_STAFF_USERS'],
  });

export type BotConfig = z.infer<typeof botConfigSchema>;

/** How long after close the bot keeps its case posts in Matrix. */
export function retentionMs(config: BotConfig): number {
  return (config.MATRIX_RETENTION_DAYS ?? config.RETENTION_CASE_DAYS) * 86_400_000;
}

export class BotConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BotConfigError';
  }
}

export function loadBotConfig(env: Record<string, string | undefined>): BotConfig {
  const result = botConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue.path[0] ?? '?');
  const shown = /TOKEN|PASSWORD/.test(name) ? '***' : JSON.stringify(env[name] ?? '');
  throw new BotConfigError(`Konfigurationsfehler (Matrix-Bot): ${name}=${shown} ist ungültig (${issue.message})`);
}

/** True when the environment asks for the bot at all (so `npm start` can start it alongside). */
export function matrixConfigured(env: Record<string, string | undefined>): boolean {
  return Boolean(env.MATRIX_HOMESERVER_URL && env.MATRIX_QUEUE_ROOM);
}
