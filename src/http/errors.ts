import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

// One error shape for every failure: {"error": {"code", "message"}}, German message for the
// person who reads it, a stable English code for programs.

export type ErrorCode =
  | 'invalid_request' | 'invalid_json' | 'empty_text' | 'text_too_long' | 'payload_too_large'
  | 'unsupported_media_type' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict'
  | 'rate_limited' | 'method_not_allowed' | 'unavailable' | 'internal' | (string & {});

export function apiError<S extends ContentfulStatusCode>(c: Context, status: S, code: ErrorCode, message: string, headers?: Record<string, string>) {
  return c.json({ error: { code: code as string, message } }, status, headers);
}

export const MESSAGES = {
  invalid_json: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
  unsupported_media_type: 'Bitte senden Sie die Anfrage als JSON (Content-Type: application/json).',
  unauthorized: 'Für dieses Gespräch fehlt der Zugangsschlüssel.',
  conversation_denied: 'Dieses Gespräch gibt es nicht (mehr), oder der Zugangsschlüssel passt nicht dazu.',
  not_found: 'Das gesuchte Gespräch oder die Seite gibt es nicht (mehr).',
  payload_too_large: 'Die Anfrage ist zu groß.',
  rate_limited: 'Zu viele Anfragen in kurzer Zeit. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  internal: 'Es ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später noch einmal. Bei akuter Gefahr: 110 oder 112.',
  empty_text: 'Bitte geben Sie eine Frage oder Nachricht ein.',
  storage_unavailable: 'Der Lotse kann Ihre Nachricht gerade nicht speichern, weil sein Speicher voll oder gestört ist, und deshalb im Moment nicht antworten. Bitte versuchen Sie es in einigen Minuten erneut. Bei akuter Gefahr für ein Kind: Notruf 110 (Polizei) oder 112 (Rettungsdienst).',
  too_many_conversations: 'Von Ihrem Anschluss wurden gerade sehr viele neue Gespräche begonnen. Bitte warten Sie einen Moment. Bei akuter Gefahr: 110 oder 112.',
} as const;
