// The asker's side of an escalation: ask for a person (with consent), and rate the help at the
// end. Conversation auth (bearer) is applied to /api/conversations/:id/* by the conversation routes.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { EscalationService } from '../../escalation/service.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { redact } from '../../assistant/privacy.ts';

export const contactField = z.string().trim().max(200).refine(
  // Letters, digits and . _ % + - only: no markup or "javascript:" reaches a staff client as an address.
  (v) => /^[+()\d\s/-]{6,30}$/.test(v) || /^[\p{L}\d._%+-]{1,64}@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}$/u.test(v),
  'eine Telefonnummer oder E-Mail-Adresse',
);

export const EscalateSchema = z.object({
  consent: z.literal(true, { message: 'Ohne Ihr Einverständnis kann die Anfrage nicht weitergegeben werden.' }),
  contact: contactField.optional(),
  urgency: z.enum(['normal', 'urgent']).optional(),
  role: z.enum(['kita', 'schule', 'gesundheit', 'jugendhilfe', 'verein', 'andere']).optional(),
  region: z.enum(['nordwestmecklenburg', 'ludwigslust-parchim', 'rostock-landkreis', 'mecklenburgische-seenplatte', 'vorpommern-ruegen', 'vorpommern-greifswald', 'rostock', 'schwerin']).optional(),
});

const RatingSchema = z.object({ rating: z.enum(['up', 'down']), comment: z.string().max(1000).optional() });

async function readJson(c: { req: { json: () => Promise<unknown> } }): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || 'Inhalt';
  return `Ungültige Angabe im Feld "${field}": ${issue?.message ?? 'unbekannt'}.`;
}

export function escalationRoutes(escalation: EscalationService) {
  return (app: OpenAPIHono<AppEnv>) => {
    // Public and without a conversation: the web chat shows it in the form that asks for a person.
    app.get('/api/office-hours', (c) => {
      const a = escalation.availability();
      c.header('Cache-Control', 'no-store');
      return c.json({
        open: a.open, hours: a.hours, holidaysClosed: a.holidaysClosed,
        ...(a.nextOpening !== undefined ? { nextOpening: new Date(a.nextOpening).toISOString(), nextOpeningText: a.nextOpeningText } : {}),
        message: a.message,
      }, 200);
    });

    app.post('/api/conversations/:id/escalations', async (c) => {
      const body = await readJson(c);
      if (body === undefined) return apiError(c, 400, 'invalid_json', 'Der Inhalt der Anfrage ist kein gültiges JSON.');
      const parsed = EscalateSchema.safeParse(body);
      if (!parsed.success) {
        const consentMissing = parsed.error.issues.some((i) => i.path[0] === 'consent');
        return apiError(c, 400, consentMissing ? 'consent_required' : 'invalid_request', consentMissing ? 'Ohne Ihr Einverständnis kann die Anfrage nicht weitergegeben werden.' : firstIssue(parsed.error));
      }
      const conversation = c.get('conversation');
      const context = conversation.context as { role?: string; region?: string; lastArticleIds?: string[] };
      const result = await escalation.escalate(conversation.id, {
        ...parsed.data,
        role: parsed.data.role ?? context.role ?? conversation.role ?? undefined,
        region: parsed.data.region ?? context.region ?? conversation.region ?? undefined,
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
    });

    app.get('/api/conversations/:id/case', async (c) => {
      const current = await escalation.publicCase(c.get('conversation').id);
      if (!current) return apiError(c, 404, 'not_found', 'Zu diesem Gespräch gibt es keine Anfrage an die Kontaktstelle.');
      return c.json({ case: current }, 200);
    });

    app.post('/api/conversations/:id/escalations/rating', async (c) => {
      const parsed = RatingSchema.safeParse(await readJson(c));
      if (!parsed.success) return apiError(c, 400, 'invalid_request', firstIssue(parsed.error));
      // Free text is stored only redacted, like every message.
      const comment = parsed.data.comment ? redact(parsed.data.comment).text : undefined;
      const result = await escalation.rate(c.get('conversation').id, parsed.data.rating, comment);
      if (result === 'not_found') return apiError(c, 404, 'not_found', 'Zu diesem Gespräch gibt es keine Anfrage an die Kontaktstelle.');
      if (result === 'not_closed') return apiError(c, 409, 'conflict', 'Bewerten können Sie, sobald die Kontaktstelle das Gespräch beendet hat.');
      return c.body(null, 204);
    });
  };
}
