import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../env.ts';
import { apiError, MESSAGES } from '../errors.ts';
import { cleanInput, codePoints } from '../../assistant/text.ts';
import { conversationAuth, presentsToken } from '../middleware/conversation-auth.ts';
import { tooManyRequests, WindowCounter } from '../middleware/rate-limit.ts';
import { createConversation, getConversation, postFeedback, postMessage } from '../../contract/routes/public.ts';
import type { History } from '../../contract/types.ts';

// Handlers of the conversation operations; their requests and responses are declared in the contract.

export function conversationRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const perConversation = new WindowCounter(deps.limits.conversationPerMinute);
  // Creating is cheap for a client and costs a row that lives until the purge, so it has a limit
  // of its own far below the general one per address; the staff bot (direct chats) is not counted.
  const creations = new WindowCounter(deps.limits.createPerMinute ?? 0);
  const auth = conversationAuth(deps.service);
  app.use('/api/conversations/:id/*', async (c, next) => {
    // SSE has its own auth (query token); all other sub-resources use the bearer header.
    if (c.req.path.endsWith('/events')) return next();
    return auth(c, next);
  });
  app.use('/api/conversations/:id', auth);

  app.openapi(createConversation, async (c) => {
    if (creations.enabled && !presentsToken(c.req.header('authorization'), deps.limits.trustedToken)) {
      const retryAfter = creations.hit(deps.clientIp(c));
      if (retryAfter > 0) return apiError(c, 429, 'rate_limited', MESSAGES.too_many_conversations, { 'Retry-After': String(retryAfter) });
    }
    const body = c.req.valid('json');
    const created = await deps.service.create(body);
    return c.json(created, 201);
  });

  app.openapi(postMessage, async (c) => {
    const { text, clientId, action } = c.req.valid('json');
    // Judged on what would be stored: a message of only invisible characters is empty, and the
    // limit counts characters as people see them (code points), so an emoji counts once.
    const cleaned = cleanInput(text);
    if (cleaned.length === 0) return apiError(c, 400, 'empty_text', MESSAGES.empty_text);
    if (codePoints(cleaned) > deps.limits.maxMessageChars) {
      return apiError(c, 413, 'text_too_long', `Die Nachricht ist zu lang: höchstens ${deps.limits.maxMessageChars} Zeichen.`);
    }
    const conversation = c.get('conversation');
    const retryAfter = perConversation.hit(conversation.id);
    if (retryAfter > 0) return tooManyRequests(c, retryAfter);
    const posted = await deps.service.postMessage(conversation, text, clientId, action);
    // The role the turn may have recognised ("ich bin Lehrerin"), so the chat can show and correct it.
    const after = await deps.store.getConversation(conversation.id);
    const role = (after?.context as { role?: string } | undefined)?.role ?? after?.role ?? null;
    return c.json({ reply: posted.reply, messageId: posted.messageId, replyId: posted.replyId, role }, 200);
  });

  app.openapi(getConversation, async (c) => {
    const conversation = c.get('conversation');
    // The service types the case status as a string (src/assistant keeps its own copy of the shape).
    return c.json(await deps.service.history(conversation.id) as History, 200);
  });

  app.openapi(postFeedback, async (c) => {
    const result = await deps.service.feedback(c.get('conversation').id, c.req.valid('json'));
    if (result === 'not_found') return apiError(c, 404, 'not_found', 'Diese Antwort gibt es in diesem Gespräch nicht.');
    if (result === 'duplicate') return apiError(c, 409, 'conflict', 'Zu dieser Antwort haben Sie schon eine Rückmeldung gegeben.');
    return c.body(null, 204);
  });
}
