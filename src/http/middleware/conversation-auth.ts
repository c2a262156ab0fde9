import type { MiddlewareHandler } from 'hono';
import type { ConversationService } from '../../assistant/conversations.ts';
import { hashToken, safeEqual, tokenShaped } from '../../assistant/ids.ts';
import type { AppEnv } from '../env.ts';
import { apiError, MESSAGES } from '../errors.ts';

// Bearer token per conversation. EventSource cannot send headers, so the SSE route may pass
// the token as ?token= instead. A wrong token and an unknown id get the same 404 after about the
// same work (a well-shaped token is hashed either way), so a guess tells nothing about which
// conversations exist (security drill D-15).

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/** Whether the Authorization header carries exactly this secret (compared in constant time). */
export function presentsToken(header: string | undefined, secret: string | undefined): boolean {
  const given = bearerToken(header);
  return Boolean(given && secret && safeEqual(given, secret));
}

export function conversationAuth(service: ConversationService, options: { allowQueryToken?: boolean } = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization')) ?? (options.allowQueryToken ? c.req.query('token') : undefined);
    if (!token) return apiError(c, 401, 'unauthorized', MESSAGES.unauthorized);
    const result = await service.authorize(c.req.param('id') ?? '', token);
    if (result.status !== 'ok') {
      if (result.status === 'not_found' && tokenShaped(token)) await hashToken(token);
      return apiError(c, 404, 'not_found', MESSAGES.conversation_denied);
    }
    c.set('conversation', result.conversation);
    await next();
  };
}
