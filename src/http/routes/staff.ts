// The staff API (bearer STAFF_TOKEN): the durable case feed with cursor and acknowledgement,
// case actions, knowledge search and the learning reports. The Matrix bot uses exactly this.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
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
import * as routes from '../../contract/routes/staff.ts';
import type { FeedEventType, MessageAuthor } from '../../contract/vocabulary.ts';
import { MAX_STAFF_MESSAGE_CHARS } from '../../contract/schemas/staff.ts';

export { MAX_STAFF_MESSAGE_CHARS };
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
  listMessages: (conversationId: string) => Promise<Array<{ id: string; author: MessageAuthor; text: string; createdAt: number }>>;
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

const badPeriod = (c: Context) => apiError(c, 400, 'invalid_request', 'from und to als echte Kalendertage JJJJ-MM-TT angeben, from vor to.');

function failure(c: Context, f: Failure) {
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

    app.openapi(routes.feed, async (c) => {
      const after = Math.max(0, Number(c.req.query('after') ?? 0) || 0);
      const limit = Math.min(500, Math.max(1, Number(c.req.query('limit') ?? 100) || 100));
      const wait = Math.min(MAX_WAIT_S, Math.max(0, Number(c.req.query('wait') ?? 0) || 0));
      const read = async () => (await escalation.cases.feed(after, limit)).map((e) => ({
        id: e.id, type: e.type as FeedEventType, conversationId: e.conversation_id, caseId: e.case_id, payload: JSON.parse(e.payload), createdAt: e.created_at,
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

    app.openapi(routes.ackFeed, async (c) => {
      const body = c.req.valid('json');
      await escalation.cases.ack(body.consumer, body.cursor, escalation.now());
      return c.body(null, 204);
    });

    app.openapi(routes.feedCursor, async (c) => {
      const { consumer } = c.req.valid('query');
      return c.json({ cursor: await escalation.cases.cursor(consumer) }, 200);
    });

    app.openapi(routes.listCases, async (c) => {
      const cases = await escalation.cases.list(c.req.valid('query').status);
      return c.json({ cases: cases.map((k) => escalation.summary(k)) }, 200);
    });

    app.openapi(routes.closeOptions, (c) => c.json({ topics: CLOSE_TOPICS, outcomes: CLOSE_OUTCOMES }, 200));

    app.openapi(routes.getCase, async (c) => {
      const k = await escalation.cases.get(c.req.valid('param').id);
      if (!k) return apiError(c, 404, 'not_found', 'Diesen Fall gibt es nicht.');
      // Messages are stored redacted; the transcript is what the conversation holds.
      const transcript = (await deps.listMessages(k.conversationId)).map((m) => ({ id: m.id, author: m.author, text: m.text, createdAt: m.createdAt }));
      const audit = await escalation.cases.audit(k.id);
      const notes = audit.filter((a) => a.action === 'note').map((a) => ({ by: a.actor, text: a.detail ?? '', at: a.at }));
      return c.json({ case: { ...escalation.summary(k), contact: k.contact, note: k.note, firstResponseAt: k.firstResponseAt, rating: k.rating, closedBy: k.closedBy, transcript, audit: audit.filter((a) => a.action !== 'note'), notes } }, 200);
    });

    app.openapi(routes.claimCase, async (c) => {
      const body = c.req.valid('json');
      const result = await escalation.claim(c.req.valid('param').id, body);
      return isFailure(result) ? failure(c, result) : c.json(caseJson(result), 200);
    });

    app.openapi(routes.transferCase, async (c) => {
      const body = c.req.valid('json');
      const { staffId, lead, toStaffId, toStaffName, toStaffAlias } = body;
      const result = await escalation.transfer(c.req.valid('param').id, { staffId, lead }, { staffId: toStaffId, staffName: toStaffName, staffAlias: toStaffAlias });
      return isFailure(result) ? failure(c, result) : c.json(caseJson(result), 200);
    });

    app.openapi(routes.reopenCase, async (c) => {
      const body = c.req.valid('json');
      const result = await escalation.reopen(c.req.valid('param').id, body);
      return isFailure(result) ? failure(c, result) : c.json(caseJson(result), 200);
    });

    app.openapi(routes.addNote, async (c) => {
      const body = c.req.valid('json');
      // Internal notes stay with the case, but like the close note without personal data.
      const result = await escalation.addNote(c.req.valid('param').id, body.staffId, redact(body.text).text);
      return isFailure(result) ? failure(c, result) : c.json(result, 201);
    });

    app.openapi(routes.listReplies, async (c) => c.json({ replies: await deps.cannedReplies.list() }, 200));

    app.openapi(routes.setReply, async (c) => {
      const name = cannedName(c.req.valid('param').name);
      if (!name) return apiError(c, 400, 'invalid_request', 'Der Name einer Vorlage besteht aus 1–40 Buchstaben, Ziffern oder Bindestrichen.');
      const body = c.req.valid('json');
      return c.json({ reply: await deps.cannedReplies.set(name, body.text, body.staffId) }, 200);
    });

    app.openapi(routes.removeReply, async (c) => {
      const removed = await deps.cannedReplies.remove(cannedName(c.req.valid('param').name) ?? '');
      return removed ? c.body(null, 204) : apiError(c, 404, 'not_found', 'Diese Vorlage gibt es nicht.');
    });

    app.openapi(routes.releaseCase, async (c) => {
      const body = c.req.valid('json');
      const result = await escalation.release(c.req.valid('param').id, body.staffId);
      return isFailure(result) ? failure(c, result) : c.json(caseJson(result), 200);
    });

    app.openapi(routes.staffMessage, async (c) => {
      const body = c.req.valid('json');
      const length = [...body.text].length;
      if (length > MAX_STAFF_MESSAGE_CHARS) {
        return apiError(c, 400, 'too_long', `Die Nachricht ist zu lang (${length} von höchstens ${MAX_STAFF_MESSAGE_CHARS} Zeichen). Bitte kürzen oder auf zwei Nachrichten verteilen.`);
      }
      const result = await escalation.staffMessage(c.req.valid('param').id, body);
      if (isFailure(result)) return failure(c, result);
      return c.json(result, result.duplicate ? 200 : 201);
    });

    app.openapi(routes.withdrawStaffMessage, async (c) => {
      const body = c.req.valid('json');
      const result = await escalation.withdrawStaffMessage(c.req.valid('param').id, body.clientId);
      if (isFailure(result)) return failure(c, result);
      return c.json(result, 200);
    });

    // The holder types in Matrix (or stopped): the asker sees "Die Fachkraft schreibt …".
    app.openapi(routes.staffTyping, async (c) => {
      const body = c.req.valid('json');
      const result = await escalation.staffTyping(c.req.valid('param').id, body.staffId, body.typing);
      return isFailure(result) ? failure(c, result) : c.body(null, 204);
    });

    app.openapi(routes.closeCase, async (c) => {
      const body = c.req.valid('json');
      // The close note goes into statistics and reports: keep it free of personal data.
      const note = body.note ? redact(body.note).text : undefined;
      const result = await escalation.close(c.req.valid('param').id, { ...body, note });
      return isFailure(result) ? failure(c, result) : c.json(caseJson(result), 200);
    });

    app.openapi(routes.search, (c) => {
      const { q } = c.req.valid('query');
      const result = deps.engine().search(q.slice(0, 500), { limit: 5 });
      return c.json({
        confidence: result.confidence,
        hits: result.hits.map((h) => ({
          id: h.passage.id, title: h.passage.articleTitle, heading: h.passage.heading, url: h.passage.url, score: h.score,
          excerpt: excerpt(h.passage.text),
        })),
      }, 200);
    });

    app.openapi(routes.gapsReport, async (c) => {
      const days = Math.min(365, Math.max(1, Number(c.req.query('days') ?? 14) || 14));
      return c.json(await gapsReport(escalation.cases.db, { days, threshold: deps.threshold, now: escalation.now(), articles: deps.articles }), 200);
    });

    app.openapi(routes.statsReport, async (c) => {
      const { from, to } = c.req.valid('query');
      if (!isCalendarDate(from) || !isCalendarDate(to) || from >= to) return badPeriod(c);
      return c.json(await statsReport(escalation.cases.db, from, to), 200);
    }, (result, c) => (result.success ? undefined : badPeriod(c)));
  };
}
