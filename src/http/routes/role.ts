// The asker's field of work (role) as the Lotse assumes it — from the conversation's start or
// from what was written ("ich bin Erzieherin") — and the asker's correction of it. The answer
// path reads the role from the conversation context first, so the correction is written there
// and into the role column; a later message that names another field still wins, as before.
// A `conversation` event tells the conversation's other tabs (SSE).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { setRole } from '../../contract/routes/public.ts';
import { ROLE_REQUIRED } from '../../contract/schemas/conversation.ts';

export function roleRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(setRole, async (c) => {
    const conversation = c.get('conversation');
    const { role } = c.req.valid('json');
    await deps.store.saveExchange({
      conversationId: conversation.id, now: Date.now(), messages: [],
      events: [{ conversationId: conversation.id, caseId: null, type: 'conversation', payload: { role } }],
      conversation: { role, context: { ...conversation.context, role } },
    });
    deps.live.notify(conversation.id);
    return c.json({ role }, 200);
  }, (result, c) => {
    // One plain sentence whatever is wrong: the role line offers only the listed fields.
    if (!result.success) return apiError(c, 400, 'invalid_request', ROLE_REQUIRED);
    return undefined;
  });
}
