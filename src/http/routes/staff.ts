// The staff API (bearer STAFF_TOKEN): the durable case feed with cursor and acknowledgement,
// case actions, knowledge search and the learning reports. The Matrix bot uses exactly this.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { LiveEvents } from '../../assistant/live-events.ts';
import { CLOSE_OUTCOMES, CLOSE_TOPICS } from '../../escalation/close-options.ts';
import { gapsReport, statsReport } from '../../escalation/reports.ts';
import { FEED_CHANNEL, isFailure, type EscalationService, type Failure } from '../../escalation/service.ts';
import type { CaseRecord } from '../../escalation/types.ts';
import { cannedName, type CannedReplies } from '../../escalation/canned-replies.ts';
import type { Article } from '../../knowledge/types.ts';
import type { SearchEngine } from '../../search/index.ts';
import type { AppEnv } from '../env.ts';
import { apiError } from '../errors.ts';
import { redact } from '../../assistant/privacy.ts';
import { isCalendarDate } from '../../config/calendar-date.ts';
import { bearerToken, presentsToken } from '../middleware/conversation-auth.ts';

export type StaffDeps = {
  escalation: EscalationService;
  staffToken: string;
  live: LiveEvents;
  engine: () => SearchEngine;
  threshold: number;
  /** The knowledge base's articles, for the editorial part of the gaps report. */
  articles: readonly Article[];
  cannedReplies: CannedReplies;
  listMessages: (conversationId: string) => Promise<Array<{ id: string; author: string; text: string; createdAt: number }>>;
};

const MAX_WAIT_S = 25;

function staffAuth(token: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!bearerToken(header)) return apiError(c, 401, 'unauthorized', 'Für die Staff-API fehlt der Zugangsschlüssel.');
    if (!presentsToken(header, token)) return apiError(c, 403, 'forbidden', 'Der Zugangsschlüssel für die Staff-API ist falsch.');
    await next();
  };
}

/** Longest staff message; longer ones are refused with both numbers, so staff know how much to cut. */
export const MAX_STAFF_MESSAGE_CHARS = 8000;
const StaffId = z.string().min(1).max(255);
const Name = z.string().min(1).max(100);
const ClaimSchema = z.object({ staffId: StaffId, staffName: Name, staffAlias: Name.optional() });
const TransferSchema = z.object({ staffId: StaffId, toStaffId: StaffId, toStaffName: Name, toStaffAlias: Name.optional(), lead: z.boolean().optional() });
const NoteSchema = z.object({ staffId: StaffId, text: z.string().trim().min(1).max(2000) });
const ReplySchema = z.object({ staffId: StaffId, text: z.string().trim().min(1).max(MAX_STAFF_MESSAGE_CHARS) });
const ReleaseSchema = z.object({ staffId: StaffId });
const MessageSchema = z.object({
  staffId: StaffId, staffName: z.string().min(1).max(100), text: z.string().trim().min(1), clientId: z.string().min(1).max(255),
  /** clientId of the earlier message this one corrects (a Matrix edit). */
  corrects: z.string().min(1).max(255).optional(),
});
const WithdrawSchema = z.object({ staffId: StaffId, clientId: z.string().min(1).max(255) });
const TypingSchema = z.object({ staffId: StaffId, typing: z.boolean() });
// An empty or blank field counts as not given (it used to be stored and counted as its own bucket "").
const optionalText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined);
const CloseSchema = z.object({ staffId: StaffId, topic: optionalText(50), outcome: optionalText(50), note: optionalText(1000) });
const AckSchema = z.object({ consumer: z.string().min(1).max(200), cursor: z.number().int().min(0) });
const day = z.string().refine(isCalendarDate);

async function body<T>(c: Context, schema: z.ZodType<T>): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    return { ok: false, response: apiError(c, 400, 'invalid_json', 'Der Inhalt der Anfrage ist kein gültiges JSON.') };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, response: apiError(c, 400, 'invalid_request', `Ungültige Angabe im Feld "${issue?.path.join('.') || 'Inhalt'}": ${issue?.message}.`) };
}

function failure(c: Context, f: Failure): Response {
  const who = f.case?.staffName ?? 'eine andere Fachkraft';
  switch (f.error) {
    case 'not_found': return apiError(c, 404, 'not_found', 'Diesen Fall gibt es nicht.');
    case 'already_claimed': return apiError(c, 409, 'already_claimed', `${f.case?.number} hat bereits ${who} übernommen.`);
    case 'closed': return apiError(c, 409, 'closed', `${f.case?.number} ist schon abgeschlossen.`);
    case 'not_holder': return apiError(c, 403, 'not_holder', `${f.case?.number} liegt bei ${who}.`);
    case 'no_message': return apiError(c, 404, 'no_message', 'Diese Nachricht ist nie bei der anfragenden Person angekommen.');
    case 'not_claimed': return apiError(c, 409, 'not_claimed', `${f.case?.number} ist gerade von niemandem übernommen.`);
    case 'not_lead': return apiError(c, 403, 'not_lead', `${f.case?.number} liegt bei ${who}; übernehmen kann ihn nur eine Leitung.`);
    case 'not_closed': return apiError(c, 409, 'not_closed', `${f.case?.number} ist nicht abgeschlossen; wieder aufnehmen geht nur bei abgeschlossenen Fällen.`);
    case 'expired': return apiError(c, 409, 'expired', f.message ?? `${f.case?.number} ist länger abgeschlossen als die Aufbewahrungsfrist und kann nicht wieder aufgenommen werden.`);
    case 'same_holder': return apiError(c, 400, 'same_holder', `${f.case?.number} liegt schon bei dieser Person.`);
    default: return apiError(c, 400, 'invalid_request', f.message ?? 'Ungültige Anfrage.');
  }
}

/** A passage as one plain line of at most 240 characters: links keep their text, whole words, "…" when cut. */
function excerpt(markdown: string): string {
  const flat = markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[#*_>`[\]]/g, '').replace(/\s+/g, ' ').trim();
  if (flat.length <= 240) return flat;
  const cut = flat.slice(0, 240);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 120))} …`;
}

export function staffRoutes(deps: StaffDeps) {
  const { escalation } = deps;
  const caseJson = (k: CaseRecord) => ({ case: escalation.summary(k) });
  return (app: OpenAPIHono<AppEnv>) => {
    app.use('/api/staff/*', staffAuth(deps.staffToken));

    app.get('/api/staff/feed', async (c) => {
      const after = Math.max(0, Number(c.req.query('after') ?? 0) || 0);
      const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 100) || 100));
      const wait = Math.min(MAX_WAIT_S, Math.max(0, Number(c.req.query('wait') ?? 0) || 0));
      const read = async () => (await escalation.cases.feed(after, limit)).map((e) => ({
        id: e.id, type: e.type, conversationId: e.conversation_id, caseId: e.case_id, payload: JSON.parse(e.payload), createdAt: e.created_at,
      }));
      let events = await read();
      if (events.length === 0 && wait > 0) {
        // Long poll: hold the request until the service commits a feed event or the wait ends.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, wait * 1000);
          const unsubscribe = deps.live.subscribe(FEED_CHANNEL, done);
          function done() {
            clearTimeout(timer);
            unsubscribe();
            resolve();
          }
        });
        events = await read();
      }
      return c.json({ events, cursor: events.length ? events[events.length - 1].id : after }, 200);
    });

    app.post('/api/staff/feed/ack', async (c) => {
      const parsed = await body(c, AckSchema);
      if (!parsed.ok) return parsed.response;
      await escalation.cases.ack(parsed.data.consumer, parsed.data.cursor, escalation.now());
      return c.body(null, 204);
    });

    app.get('/api/staff/feed/cursor', async (c) => {
      const consumer = c.req.query('consumer');
      if (!consumer) return apiError(c, 400, 'invalid_request', 'Parameter consumer fehlt.');
      return c.json({ cursor: await escalation.cases.cursor(consumer) }, 200);
    });

    app.get('/api/staff/cases', async (c) => {
      const status = c.req.query('status');
      if (status !== undefined && !['open', 'claimed', 'closed'].includes(status)) return apiError(c, 400, 'invalid_request', 'status muss open, claimed oder closed sein.');
      const cases = await escalation.cases.list(status as never);
      return c.json({ cases: cases.map((k) => escalation.summary(k)) }, 200);
    });

    app.get('/api/staff/close-options', (c) => c.json({ topics: CLOSE_TOPICS, outcomes: CLOSE_OUTCOMES }, 200));

    app.get('/api/staff/cases/:id', async (c) => {
      const k = await escalation.cases.get(c.req.param('id'));
      if (!k) return apiError(c, 404, 'not_found', 'Diesen Fall gibt es nicht.');
      // Messages are stored redacted; the transcript is what the conversation holds.
      const transcript = (await deps.listMessages(k.conversationId)).map((m) => ({ id: m.id, author: m.author, text: m.text, createdAt: m.createdAt }));
      const audit = await escalation.cases.audit(k.id);
      const notes = audit.filter((a) => a.action === 'note').map((a) => ({ by: a.actor, text: a.detail ?? '', at: a.at }));
      return c.json({ case: { ...escalation.summary(k), contact: k.contact, note: k.note, firstResponseAt: k.firstResponseAt, rating: k.rating, closedBy: k.closedBy, transcript, audit: audit.filter((a) => a.action !== 'note'), notes } }, 200);
    });

    app.post('/api/staff/cases/:id/claim', async (c) => {
      const parsed = await body(c, ClaimSchema);
      if (!parsed.ok) return parsed.response;
      const result = await escalation.claim(c.req.param('id'), parsed.data);
      return isFailure(result) ? failure(c, result) : c.json(caseJson(result), 200);
    });

    app.post('/api/staff/cases/:id/transfer', async (c) => {
      const parsed = await body(c, TransferSchema);
      if (!parsed.ok) return parsed.response;
      const { staffId, lead, toStaffId, toStaffName, toStaffAlias } = parsed.data;
      const result = await escalation.transfer(c.req.param('id'), { staffId, lead }, { staffId: toStaffId, staffName: toStaffName, staffAlias: toStaffAlias });
      return isFailure(result) ? failure(c, result) : c.json(caseJson(result), 200);
    });

    app.post('/api/staff/cases/:id/reopen', async (c) => {
      const parsed = await body(c, ClaimSchema);
      if (!parsed.ok) return parsed.response;
      const result = await escalation.reopen(c.req.param('id'), parsed.data);
      return isFailure(result) ? failure(c, result) : c.json(caseJson(result), 200);
    });

    app.post('/api/staff/cases/:id/notes', async (c) => {
      const parsed = await body(c, NoteSchema);
      if (!parsed.ok) return parsed.response;
      // Internal notes stay with the case, but like the close note without personal data.
      const result = await escalation.addNote(c.req.param('id'), parsed.data.staffId, redact(parsed.data.text).text);
      return isFailure(result) ? failure(c, result) : c.json(result, 201);
    });

    app.get('/api/staff/replies', async (c) => c.json({ replies: await deps.cannedReplies.list() }, 200));

    app.put('/api/staff/replies/:name', async (c) => {
      const name = cannedName(c.req.param('name'));
      if (!name) return apiError(c, 400, 'invalid_request', 'Der Name einer Vorlage besteht aus 1–40 Buchstaben, Ziffern oder Bindestrichen.');
      const parsed = await body(c, ReplySchema);
      if (!parsed.ok) return parsed.response;
      return c.json({ reply: await deps.cannedReplies.set(name, parsed.data.text, parsed.data.staffId) }, 200);
    });

    app.delete('/api/staff/replies/:name', async (c) => {
      const removed = await deps.cannedReplies.remove(cannedName(c.req.param('name')) ?? '');
      return removed ? c.body(null, 204) : apiError(c, 404, 'not_found', 'Diese Vorlage gibt es nicht.');
    });

    app.post('/api/staff/cases/:id/release', async (c) => {
      const parsed = await body(c, ReleaseSchema);
      if (!parsed.ok) return parsed.response;
      const result = await escalation.release(c.req.param('id'), parsed.data.staffId);
      return isFailure(result) ? failure(c, result) : c.json(caseJson(result), 200);
    });

    app.post('/api/staff/cases/:id/messages', async (c) => {
      const parsed = await body(c, MessageSchema);
      if (!parsed.ok) return parsed.response;
      const length = [...parsed.data.text].length;
      if (length > MAX_STAFF_MESSAGE_CHARS) {
        return apiError(c, 400, 'too_long', `Die Nachricht ist zu lang (${length} von höchstens ${MAX_STAFF_MESSAGE_CHARS} Zeichen). Bitte kürzen oder auf zwei Nachrichten verteilen.`);
      }
      const result = await escalation.staffMessage(c.req.param('id'), parsed.data);
      if (isFailure(result)) return failure(c, result);
      return c.json(result, result.duplicate ? 200 : 201);
    });

    app.post('/api/staff/cases/:id/messages/withdraw', async (c) => {
      const parsed = await body(c, WithdrawSchema);
      if (!parsed.ok) return parsed.response;
      const result = await escalation.withdrawStaffMessage(c.req.param('id'), parsed.data.clientId);
      if (isFailure(result)) return failure(c, result);
      return c.json(result, 200);
    });

    // The holder types in Matrix (or stopped): the asker sees "Die Fachkraft schreibt …".
    app.post('/api/staff/cases/:id/typing', async (c) => {
      const parsed = await body(c, TypingSchema);
      if (!parsed.ok) return parsed.response;
      const result = await escalation.staffTyping(c.req.param('id'), parsed.data.staffId, parsed.data.typing);
      return isFailure(result) ? failure(c, result) : c.body(null, 204);
    });

    app.post('/api/staff/cases/:id/close', async (c) => {
      const parsed = await body(c, CloseSchema);
      if (!parsed.ok) return parsed.response;
      // The close note goes into statistics and reports: keep it free of personal data.
      const note = parsed.data.note ? redact(parsed.data.note).text : undefined;
      const result = await escalation.close(c.req.param('id'), { ...parsed.data, note });
      return isFailure(result) ? failure(c, result) : c.json(caseJson(result), 200);
    });

    app.get('/api/staff/search', (c) => {
      const q = (c.req.query('q') ?? '').trim();
      if (!q) return apiError(c, 400, 'invalid_request', 'Parameter q (Suchfrage) fehlt.');
      const result = deps.engine().search(q.slice(0, 500), { limit: 5 });
      return c.json({
        confidence: result.confidence,
        hits: result.hits.map((h) => ({
          id: h.passage.id, title: h.passage.articleTitle, heading: h.passage.heading, url: h.passage.url, score: h.score,
          excerpt: excerpt(h.passage.text),
        })),
      }, 200);
    });

    app.get('/api/staff/reports/gaps', async (c) => {
      const days = Math.min(365, Math.max(1, Number(c.req.query('days') ?? 14) || 14));
      return c.json(await gapsReport(escalation.cases.db, { days, threshold: deps.threshold, now: escalation.now(), articles: deps.articles }), 200);
    });

    app.get('/api/staff/reports/stats', async (c) => {
      const from = c.req.query('from');
      const to = c.req.query('to');
      if (!day.safeParse(from).success || !day.safeParse(to).success || from! >= to!) {
        return apiError(c, 400, 'invalid_request', 'from und to als echte Kalendertage JJJJ-MM-TT angeben, from vor to.');
      }
      return c.json(await statsReport(escalation.cases.db, from!, to!), 200);
    });
  };
}
