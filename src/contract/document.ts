import { OpenAPIHono } from '@hono/zod-openapi';
import { ROUTES } from './routes/index.ts';
import { SECURITY_SCHEMES } from './schemas/common.ts';

// The OpenAPI 3.1 document, generated from the contract alone (not from whatever a running app
// happens to have registered), so the same document is served, written to docs/openapi.json by
// `npm run build:openapi`, and compared with both by a test.

export const API_INFO = {
  title: 'Kinderschutz-Lotse API',
  version: '1.0.0',
  description: [
    'Schnittstelle des Kinderschutz-Lotsen. Fehler haben immer die Form {"error":{"code","message"}} mit deutscher Nachricht;',
    'eine bekannte Adresse mit falscher Methode ergibt 405 mit Allow. Die Staff-API (/api/staff/…) gibt es nur mit STAFF_TOKEN.',
  ].join(' '),
};

let cached: ReturnType<OpenAPIHono['getOpenAPI31Document']> | undefined;

export function openApiDocument() {
  if (cached) return cached;
  // An app of its own only as the holder of a registry: no handlers, nothing served.
  const holder = new OpenAPIHono();
  for (const [name, scheme] of Object.entries(SECURITY_SCHEMES)) holder.openAPIRegistry.registerComponent('securitySchemes', name, scheme);
  for (const [operationId, route] of Object.entries(ROUTES)) holder.openAPIRegistry.registerPath({ ...route, operationId });
  cached = holder.getOpenAPI31Document({ openapi: '3.1.0', info: API_INFO });
  return cached;
}
