import { z } from 'zod';
import { isCalendarDate } from './calendar-date.ts';

// Environment → typed configuration. Every variable has an embedded default so that
// `npm start` runs on a fresh machine; a bad value stops the start with one line naming it.

const int = (fallback: number, min: number, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : Number(v)), z.number().int().min(min).max(max));
const bool = (fallback: boolean) =>
  z.preprocess((v) => (v === undefined || v === '' ? fallback : v), z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]));
const text = (fallback: string) => z.preprocess((v) => (v === undefined || v === '' ? fallback : v), z.string().min(1));
const optional = z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).optional());

export const configSchema = z.object({
  PORT: int(8787, 0, 65535),
  HOST: text('127.0.0.1'),
  DATA_DIR: text('./data'),
  KNOWLEDGE_DIR: text('./knowledge'),
  LOG_LEVEL: z.preprocess((v) => v || 'info', z.enum(['debug', 'info', 'warn', 'error', 'silent'])),
  MAX_MESSAGE_CHARS: int(4000, 100, 20000),
  RATE_LIMIT_IP_PER_MINUTE: int(600, 0, 1_000_000),
  RATE_LIMIT_CONVERSATION_PER_MINUTE: int(30, 0, 10_000),
  RATE_LIMIT_CREATE_PER_MINUTE: int(30, 0, 1_000_000),
  // Number of reverse proxies in front of the service whose X-Forwarded-For entries are trusted
  // (counted from the right); "true" means one, "false" none.
  TRUST_PROXY: z.preprocess(
    (v) => (v === undefined || v === '' || v === 'false' ? 0 : v === 'true' ? 1 : /^\d+$/.test(String(v)) ? Number(v) : v),
    z.number({ message: 'false, true oder die Zahl der Proxys davor (0–10)' }).int().min(0).max(10),
  ),
  // Sites allowed to frame the chat, besides the service's own origin: "https://a.de https://b.de".
  EMBED_ORIGINS: z.preprocess(
    (v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : []),
    z.array(z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?$/, 'Adressen wie https://www.example.de, durch Leerzeichen getrennt; * ist nicht erlaubt')),
  ).transform((origins) => origins.join(' ')),
  CONFIDENCE_THRESHOLD: z.preprocess((v) => (v === undefined || v === '' ? 0.25 : Number(v)), z.number().min(0).max(1)),
  CONFIDENCE_SURE: z.preprocess((v) => (v === undefined || v === '' ? 0.4 : Number(v)), z.number().min(0).max(1)),
  RETENTION_CONVERSATION_DAYS: int(30, 1, 3650),
  RETENTION_CASE_DAYS: int(90, 1, 3650),
  RETENTION_EMPTY_CONVERSATION_HOURS: int(1, 1, 720),
  PURGE_INTERVAL_MINUTES: int(60, 1, 10_080),
  STAFF_TOKEN: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'mindestens 16 Zeichen').optional()),
  MATRIX_HOMESERVER_URL: optional,
  // Escalation: office hours of the Kontaktstelle ("Mo-Fr 08:00-16:00", ";" separates day groups),
  // extra closed days (YYYY-MM-DD, comma list); M-V public holidays are closed unless turned off.
  OFFICE_HOURS: text('Mo-Fr 08:00-16:00'),
  OFFICE_TIMEZONE: text('Europe/Berlin'),
  OFFICE_CLOSED_DATES: z.preprocess((v) => (typeof v === 'string' && v.trim() ? v.split(',').map((d) => d.trim()) : []), z.array(z.string().refine(isCalendarDate, 'Daten als JJJJ-MM-TT (echte Kalendertage), durch Komma getrennt'))),
  OFFICE_MV_HOLIDAYS: bool(true),
  REMIND_UNCLAIMED_MINUTES: int(15, 1, 10_080),
  REMIND_UNCLAIMED_MAX: int(3, 0, 100),
  REMIND_SILENT_MINUTES: int(20, 1, 10_080),
  // An acute message in a claimed case that the holder leaves unanswered this long goes to the queue room (any hour).
  REMIND_ACUTE_MINUTES: int(2, 0, 60),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const SECRET_NAMES = /TOKEN|PASSWORD|SECRET|KEY/;

export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = configSchema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const name = String(issue.path[0] ?? '?');
  // Never echo a secret into a log or terminal.
  const shown = SECRET_NAMES.test(name) ? '***' : JSON.stringify(env[name] ?? '');
  throw new ConfigError(`Konfigurationsfehler: ${name}=${shown} ist ungültig (${issue.message})`);
}
