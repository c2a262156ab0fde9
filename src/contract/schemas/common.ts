import { z } from '@hono/zod-openapi';
import '../locale.ts';

// Pieces every route uses: the one error shape, the error responses a route can really give, and
// the two security schemes (a conversation's own token, the staff token).

export const ErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string().openapi({ description: 'Für Menschen, auf Deutsch.' }) }),
}).openapi('Error');

const ERROR_TEXT = {
  400: 'Ungültige Anfrage (Feld, Format oder Inhalt)',
  401: 'Zugangsschlüssel fehlt',
  403: 'Zugangsschlüssel falsch oder nicht berechtigt',
  404: 'Unbekannt',
  409: 'Widerspricht dem Zustand (z. B. schon übernommen oder nicht abgeschlossen)',
  413: 'Zu groß',
  415: 'Kein JSON',
  429: 'Zu viele Anfragen (Retry-After)',
  503: 'Speicher voll oder gestört, oder der Dienst startet noch (Retry-After)',
} as const;
export type ErrorStatus = keyof typeof ERROR_TEXT;

const errorResponse = (status: ErrorStatus) => ({ description: ERROR_TEXT[status], content: { 'application/json': { schema: ErrorSchema } } });

/** The error responses of a route, only those it can really give. */
export function errors<const S extends ErrorStatus>(...statuses: S[]): { [K in S]: ReturnType<typeof errorResponse> } {
  return Object.fromEntries([...new Set(statuses)].sort().map((s) => [s, errorResponse(s)])) as { [K in S]: ReturnType<typeof errorResponse> };
}

// Error groups by what a route does: every /api request can hit the per-address limit; a request
// with a body can be refused for its size, media type or content; a write can meet a full store.
export const READ_ERRORS = [429] as const;
export const WRITE_ERRORS = [400, 413, 415, 429, 503] as const;
export const CONVERSATION_AUTH_ERRORS = [401, 403, 404] as const;
export const STAFF_AUTH_ERRORS = [401, 403] as const;

export const json = <T>(schema: T) => ({ content: { 'application/json': { schema } } });
export const jsonBody = <T>(schema: T) => ({ body: { ...json(schema), required: true } });

/** Names of the security schemes in the document (registered by document.ts). */
export const SECURITY_SCHEMES = {
  conversationToken: { type: 'http', scheme: 'bearer', description: 'Der Zugangsschlüssel des Gesprächs (token aus POST /api/conversations).' },
  conversationTokenQuery: { type: 'apiKey', in: 'query', name: 'token', description: 'Derselbe Zugangsschlüssel als ?token= (für EventSource, das keine Kopfzeilen setzen kann).' },
  staffToken: { type: 'http', scheme: 'bearer', description: 'STAFF_TOKEN der Kontaktstelle; ohne ihn gibt es /api/staff/… nicht (404).' },
} as const;
export const CONVERSATION_SECURITY = [{ conversationToken: [] }];
export const STAFF_SECURITY = [{ staffToken: [] }];

/** A timestamp in milliseconds since 1970 (staff API). */
export const EpochMs = z.number().int();
