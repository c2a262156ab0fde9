// The feedback route of the Erklärung zur Barrierefreiheit (BITV 2.0 § 7): a reported barrier
// reaches the people of the Kontaktstelle the way every request for a person does — as a case
// in their queue (Matrix), with its own conversation, so the retention periods, the redaction
// and the audit trail apply unchanged. Nothing about a child is asked here.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ConversationService } from '../../assistant/conversations.ts';
import { cleanInput, codePoints } from '../../assistant/text.ts';
import { newId } from '../../assistant/ids.ts';
import { redact } from '../../assistant/privacy.ts';
import type { EscalationService } from '../../escalation/service.ts';
import type { Store } from '../../store/types.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { apiError, MESSAGES } from '../errors.ts';
import { WindowCounter } from '../middleware/rate-limit.ts';
import { accessibilityFeedback } from '../../contract/routes/public.ts';
import { ACCESSIBILITY_CONTACT_INVALID, ACCESSIBILITY_TEXT_REQUIRED } from '../../contract/schemas/conversation.ts';

const MAX_CHARS = 2000;
/** Marks the case for staff: this is about the website, not about a child. */
export const ACCESSIBILITY_PREFIX = 'Rückmeldung zur Barrierefreiheit des Lotsen:';

type Deps = {
  service: ConversationService;
  store: Store;
  escalation: EscalationService;
  clientIp: AppDeps['clientIp'];
  perMinute: number;
};

export function accessibilityFeedbackRoutes(deps: () => Deps) {
  return (app: OpenAPIHono<AppEnv>) => {
    let counter: WindowCounter | undefined;
    app.openapi(accessibilityFeedback, async (c) => {
      const { service, store, escalation, clientIp, perMinute } = deps();
      counter ??= new WindowCounter(perMinute);
      const body = c.req.valid('json');
      const cleaned = cleanInput(body.text).trim();
      if (!cleaned) return apiError(c, 400, 'empty_text', ACCESSIBILITY_TEXT_REQUIRED);
      if (codePoints(cleaned) > MAX_CHARS) return apiError(c, 413, 'text_too_long', `Die Rückmeldung ist zu lang: höchstens ${MAX_CHARS} Zeichen.`);
      if (counter.enabled) {
        const retryAfter = counter.hit(clientIp(c));
        if (retryAfter > 0) return apiError(c, 429, 'rate_limited', MESSAGES.too_many_conversations, { 'Retry-After': String(retryAfter) });
      }
      const { id } = await service.create({ channel: 'web' });
      const now = Date.now();
      const text = `${ACCESSIBILITY_PREFIX} ${redact(cleaned).text}`;
      await store.saveExchange({
        conversationId: id, now, events: [],
        messages: [{ id: newId(), conversationId: id, author: 'user', text, reply: null, clientId: null, replyTo: null, createdAt: now }],
      });
      const result = await escalation.escalate(id, { consent: true, contact: body.contact, urgency: 'normal', channel: 'web' });
      return c.json({ number: result.case.number, message: `Danke! Ihre Rückmeldung ist bei der Kontaktstelle eingegangen (Nummer ${result.case.number}).` }, 202);
    }, (result, c) => {
      // Two plain sentences instead of a field error: the form has only these two fields.
      if (result.success) return undefined;
      return apiError(c, 400, 'invalid_request', result.error.issues[0]?.path[0] === 'contact' ? ACCESSIBILITY_CONTACT_INVALID : ACCESSIBILITY_TEXT_REQUIRED);
    });
  };
}
