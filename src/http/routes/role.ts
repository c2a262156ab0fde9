// The asker's field of work (role) as the Lotse assumes it — from the conversation's start or
// from what was written ("ich bin Erzieherin") — and the asker's correction of it. The answer
// path reads the role from the conversation context first, so the correction is written there
// and into the role column; a later message that names another field still wins, as before.
// A `conversation` event tells the conversation's other tabs (SSE).
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../env.ts';
import { apiError, MESSAGES } from '../errors.ts';
import { RoleSchema } from '../schemas.ts';

const PutRoleSchema = z.object({ role: RoleSchema });

export function roleRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.put('/api/conversations/:id/role', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return apiError(c, 400, 'invalid_json', MESSAGES.invalid_json);
    }
    const parsed = PutRoleSchema.safeParse(body);
    if (!parsed.success) return apiError(c, 400, 'invalid_request', 'Bitte wählen Sie eines der genannten Arbeitsfelder.');
    const conversation = c.get('conversation');
    const { role } = parsed.data;
    await deps.store.saveExchange({
      conversationId: conversation.id, now: Date.now(), messages: [],
      events: [{ conversationId: conversation.id, caseId: null, type: 'conversation', payload: { role } }],
      conversation: { role, context: { ...conversation.context, role } },
    });
    deps.live.notify(conversation.id);
    return c.json({ role }, 200);
  });
}
