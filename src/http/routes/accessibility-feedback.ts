// The feedback route of the Erklärung zur Barrierefreiheit (BITV 2.0 § 7): a reported barrier
// reaches the people of the Kontaktstelle the way every request for a person does — as a case
// in their queue (Matrix), with its own conversation, so the retention periods, the redaction
// and the audit trail apply unchanged. Nothing about a child is asked here.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { ConversationService } from '../../assistant/conversations.ts';
import { cleanInput, codePoints } from '../../assistant/text.ts';
import { newId } from '../../assistant/ids.ts';
import { redact } from '../../assistant/privacy.ts';
import type { EscalationService } from '../../escalation/service.ts';
import type { Store } from '../../store/types.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { apiError, MESSAGES } from '../errors.ts';
import { WindowCounter } from '../middleware/rate-limit.ts';
import { contactField } from './escalations.ts';

const MAX_CHARS = 2000;
/** Marks the case for staff: this is about the website, not about a child. */
export const ACCESSIBILITY_PREFIX = 'Rückmeldung zur Barrierefreiheit des Lotsen:';

const FeedbackSchema = z.object({
  text: z.string({ message: 'Bitte beschreiben Sie die Barriere.' }),
  contact: contactField.optional(),
});

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
    app.post('/api/accessibility-feedback', async (c) => {
      const { service, store, escalation, clientIp, perMinute } = deps();
      counter ??= new WindowCounter(perMinute);
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return apiError(c, 400, 'invalid_json', MESSAGES.invalid_json);
      }
      const parsed = FeedbackSchema.safeParse(body);
      if (!parsed.success) {
        const field = parsed.error.issues[0]?.path[0] === 'contact' ? 'Bitte geben Sie eine Telefonnummer oder E-Mail-Adresse an – oder lassen Sie das Feld leer.' : 'Bitte beschreiben Sie die Barriere.';
        return apiError(c, 400, 'invalid_request', field);
      }
      const cleaned = cleanInput(parsed.data.text).trim();
      if (!cleaned) return apiError(c, 400, 'empty_text', 'Bitte beschreiben Sie die Barriere.');
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
      const result = await escalation.escalate(id, { consent: true, contact: parsed.data.contact, urgency: 'normal', channel: 'web' });
      return c.json({ number: result.case.number, message: `Danke! Ihre Rückmeldung ist bei der Kontaktstelle eingegangen (Nummer ${result.case.number}).` }, 202);
    });
  };
}
