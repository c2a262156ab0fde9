// The asker's side of an escalation: ask for a person (with consent), and rate the help at the
// end. Conversation auth (bearer) is applied to /api/conversations/:id/* by the conversation routes.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { EscalationService } from '../../escalation/service.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { invalidRequest } from '../validation.ts';
import { redact } from '../../assistant/privacy.ts';
import { currentCase, escalate, officeHours, rateCase } from '../../contract/routes/public.ts';
import { CONSENT_REQUIRED } from '../../contract/schemas/conversation.ts';

export function escalationRoutes(escalation: EscalationService) {
  return (app: OpenAPIHono<AppEnv>) => {
    // Public and without a conversation: the web chat shows it in the form that asks for a person.
    app.openapi(officeHours, (c) => {
      const a = escalation.availability();
      c.header('Cache-Control', 'no-store');
      return c.json({
        open: a.open, hours: a.hours, holidaysClosed: a.holidaysClosed,
        ...(a.nextOpening !== undefined ? { nextOpening: new Date(a.nextOpening).toISOString(), nextOpeningText: a.nextOpeningText } : {}),
        message: a.message,
      }, 200);
    });

    app.openapi(escalate, async (c) => {
      const body = c.req.valid('json');
      const conversation = c.get('conversation');
      const context = conversation.context as { role?: string; region?: string; lastArticleIds?: string[] };
      const result = await escalation.escalate(conversation.id, {
        ...body,
        role: body.role ?? context.role ?? conversation.role ?? undefined,
        region: body.region ?? context.region ?? conversation.region ?? undefined,
        topic: context.lastArticleIds?.[0],
        channel: conversation.channel,
      });
      const k = result.case;
      return c.json({
        case: { id: k.id, number: k.number, status: k.status, ...(k.staffName && k.status === 'claimed' ? { staffName: k.staffName } : {}) },
        // false when the conversation already had an active case (the request changed nothing).
        created: result.created,
        officeHours: { open: result.officeOpen, ...(result.nextOpening ? { nextOpening: new Date(result.nextOpening).toISOString() } : {}) },
        message: result.message,
      }, 202);
    }, (result, c) => {
      // A missing consent has its own code, so that a client can ask for it instead of showing a field error.
      if (!result.success && result.error.issues.some((i) => i.path[0] === 'consent')) return apiError(c, 400, 'consent_required', CONSENT_REQUIRED);
      return invalidRequest(result, c);
    });

    app.openapi(currentCase, async (c) => {
      const current = await escalation.publicCase(c.get('conversation').id);
      if (!current) return apiError(c, 404, 'not_found', 'Zu diesem Gespräch gibt es keine Anfrage an die Kontaktstelle.');
      return c.json({ case: current }, 200);
    });

    app.openapi(rateCase, async (c) => {
      const body = c.req.valid('json');
      // Free text is stored only redacted, like every message.
      const comment = body.comment ? redact(body.comment).text : undefined;
      const result = await escalation.rate(c.get('conversation').id, body.rating, comment);
      if (result === 'not_found') return apiError(c, 404, 'not_found', 'Zu diesem Gespräch gibt es keine Anfrage an die Kontaktstelle.');
      if (result === 'not_closed') return apiError(c, 409, 'conflict', 'Bewerten können Sie, sobald die Kontaktstelle das Gespräch beendet hat.');
      return c.body(null, 204);
    });
  };
}
