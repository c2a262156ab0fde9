import type { Context } from 'hono';
import { apiError } from './errors.ts';

// The one answer to a request that does not match the contract: 400 naming the first field.
// Every route is validated against its contract schemas with this (OpenAPIHono's defaultHook);
// a route with a hook of its own (a more specific code) falls back to it.

type Issue = { path: PropertyKey[]; message: string };
type Result = { success: true } | { success: false; error: { issues: Issue[] } };

export function validationMessage(issues: Issue[]): string {
  const issue = issues[0];
  const field = issue?.path.map(String).join('.') || 'Inhalt';
  return `Ungültige Angabe im Feld "${field}": ${issue?.message ?? 'unbekannt'}.`;
}

export function invalidRequest(result: Result, c: Context) {
  if (!result.success) return apiError(c, 400, 'invalid_request', validationMessage(result.error.issues));
  return undefined;
}
