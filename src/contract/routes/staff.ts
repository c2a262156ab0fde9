import { createRoute } from '@hono/zod-openapi';
import { errors, json, jsonBody, READ_ERRORS, STAFF_AUTH_ERRORS, STAFF_SECURITY, WRITE_ERRORS } from '../schemas/common.ts';
import {
  AckSchema, CannedRepliesSchema, CannedReplyEnvelopeSchema, CannedReplyInputSchema, CaseDetailSchema, CaseEnvelopeSchema, CaseParams,
  CasesQuery, CasesSchema, ClaimSchema, CloseOptionsSchema, CloseSchema, CursorQuery, CursorSchema, FeedQuery, FeedSchema, GapsQuery,
  GapsReportSchema, NoteAddedSchema, NoteSchema, ReleaseSchema, ReplyNameParams, SearchQuery, SearchResultSchema, StaffMessageSchema,
  StaffMessageSentSchema, StatsQuery, StatsReportSchema, TransferSchema, TypingSchema, WithdrawnSchema, WithdrawSchema,
} from '../schemas/staff.ts';

// Every staff operation (bearer STAFF_TOKEN), declared once. They exist only when the service has
// a staff token; without one, /api/staff/… answers 404.

const TAG = { feed: 'Staff: Ereignisse', cases: 'Staff: Fälle', tools: 'Staff: Werkzeuge', reports: 'Staff: Berichte' };
const base = { security: STAFF_SECURITY };
const read = [...STAFF_AUTH_ERRORS, ...READ_ERRORS] as const;
const write = [...STAFF_AUTH_ERRORS, ...WRITE_ERRORS] as const;
/** A case action: the case may be unknown (404), held by someone else (403) or in the wrong state (409). */
const caseAction = [...write, 404, 409] as const;

export const feed = createRoute({
  ...base, method: 'get', path: '/api/staff/feed', tags: [TAG.feed], summary: 'Fall-Ereignisse nach dem Cursor (höchstens 500); wait hält die Anfrage bis zu einem Ereignis',
  request: { query: FeedQuery },
  responses: { 200: { description: 'Ereignisse', ...json(FeedSchema) }, ...errors(...read) },
});

export const ackFeed = createRoute({
  ...base, method: 'post', path: '/api/staff/feed/ack', tags: [TAG.feed], summary: 'Speichern, wie weit ein Empfänger zugestellt hat',
  request: jsonBody(AckSchema),
  responses: { 204: { description: 'Gespeichert' }, ...errors(...write) },
});

export const feedCursor = createRoute({
  ...base, method: 'get', path: '/api/staff/feed/cursor', tags: [TAG.feed], summary: 'Zuletzt bestätigter Cursor eines Empfängers',
  request: { query: CursorQuery },
  responses: { 200: { description: 'Cursor', ...json(CursorSchema) }, ...errors(...read, 400) },
});

export const listCases = createRoute({
  ...base, method: 'get', path: '/api/staff/cases', tags: [TAG.cases], summary: 'Fälle, wahlweise nach Zustand',
  request: { query: CasesQuery },
  responses: { 200: { description: 'Fälle', ...json(CasesSchema) }, ...errors(...read, 400) },
});

export const closeOptions = createRoute({
  ...base, method: 'get', path: '/api/staff/close-options', tags: [TAG.cases], summary: 'Themen und Ergebnisse zum Abschließen',
  responses: { 200: { description: 'Listen', ...json(CloseOptionsSchema) }, ...errors(...read) },
});

export const getCase = createRoute({
  ...base, method: 'get', path: '/api/staff/cases/{id}', tags: [TAG.cases], summary: 'Ein Fall mit Kontakt, Notiz, Bewertung, geschwärztem Verlauf und Protokoll',
  request: { params: CaseParams },
  responses: { 200: { description: 'Fall', ...json(CaseEnvelopeSchema.extend({ case: CaseDetailSchema })) }, ...errors(...read, 400, 404) },
});

const action = <const P extends string>(path: P, summary: string) => ({ ...base, method: 'post' as const, path, tags: [TAG.cases], summary });

export const claimCase = createRoute({
  ...action('/api/staff/cases/{id}/claim', 'Fall übernehmen (409 already_claimed nennt, wer ihn hat)'),
  request: { params: CaseParams, ...jsonBody(ClaimSchema) },
  responses: { 200: { description: 'Übernommen', ...json(CaseEnvelopeSchema) }, ...errors(...caseAction) },
});

export const transferCase = createRoute({
  ...action('/api/staff/cases/{id}/transfer', 'An eine Kollegin oder einen Kollegen übergeben; mit lead übernimmt eine Leitung'),
  request: { params: CaseParams, ...jsonBody(TransferSchema) },
  responses: { 200: { description: 'Übergeben', ...json(CaseEnvelopeSchema) }, ...errors(...caseAction) },
});

export const reopenCase = createRoute({
  ...action('/api/staff/cases/{id}/reopen', 'Abgeschlossenen Fall wieder aufnehmen (innerhalb der Aufbewahrungsfrist)'),
  request: { params: CaseParams, ...jsonBody(ClaimSchema) },
  responses: { 200: { description: 'Wieder aufgenommen', ...json(CaseEnvelopeSchema) }, ...errors(...caseAction) },
});

export const addNote = createRoute({
  ...action('/api/staff/cases/{id}/notes', 'Interne Notiz (geschwärzt gespeichert)'),
  request: { params: CaseParams, ...jsonBody(NoteSchema) },
  responses: { 201: { description: 'Gespeichert', ...json(NoteAddedSchema) }, ...errors(...caseAction) },
});

export const releaseCase = createRoute({
  ...action('/api/staff/cases/{id}/release', 'Fall zurückgeben (nur wer ihn hat)'),
  request: { params: CaseParams, ...jsonBody(ReleaseSchema) },
  responses: { 200: { description: 'Wieder offen', ...json(CaseEnvelopeSchema) }, ...errors(...caseAction) },
});

export const staffMessage = createRoute({
  ...action('/api/staff/cases/{id}/messages', 'Nachricht an die anfragende Person (nur wer den Fall hat)'),
  request: { params: CaseParams, ...jsonBody(StaffMessageSchema) },
  responses: {
    200: { description: 'Wiederholte clientId: schon zugestellt', ...json(StaffMessageSentSchema) },
    201: { description: 'Zugestellt', ...json(StaffMessageSentSchema) },
    ...errors(...caseAction),
  },
});

export const withdrawStaffMessage = createRoute({
  ...action('/api/staff/cases/{id}/messages/withdraw', 'Nachricht zurückziehen (die anfragende Person erhält einen Hinweis)'),
  request: { params: CaseParams, ...jsonBody(WithdrawSchema) },
  responses: { 200: { description: 'Zurückgezogen', ...json(WithdrawnSchema) }, ...errors(...caseAction) },
});

export const staffTyping = createRoute({
  ...action('/api/staff/cases/{id}/typing', 'Die Fachkraft, die den Fall hat, schreibt gerade (oder hat aufgehört); die anfragende Person sieht „Die Fachkraft schreibt …“'),
  request: { params: CaseParams, ...jsonBody(TypingSchema) },
  responses: { 204: { description: 'Gespeichert (eine Erneuerung innerhalb von 5 s ändert nichts)' }, ...errors(...caseAction) },
});

export const closeCase = createRoute({
  ...action('/api/staff/cases/{id}/close', 'Fall abschließen (Thema, Ergebnis, Notiz ohne Personendaten)'),
  request: { params: CaseParams, ...jsonBody(CloseSchema) },
  responses: { 200: { description: 'Abgeschlossen', ...json(CaseEnvelopeSchema) }, ...errors(...caseAction) },
});

export const listReplies = createRoute({
  ...base, method: 'get', path: '/api/staff/replies', tags: [TAG.tools], summary: 'Textvorlagen',
  responses: { 200: { description: 'Vorlagen', ...json(CannedRepliesSchema) }, ...errors(...read) },
});

export const setReply = createRoute({
  ...base, method: 'put', path: '/api/staff/replies/{name}', tags: [TAG.tools], summary: 'Textvorlage anlegen oder ändern',
  request: { params: ReplyNameParams, ...jsonBody(CannedReplyInputSchema) },
  responses: { 200: { description: 'Gespeichert', ...json(CannedReplyEnvelopeSchema) }, ...errors(...write) },
});

export const removeReply = createRoute({
  ...base, method: 'delete', path: '/api/staff/replies/{name}', tags: [TAG.tools], summary: 'Textvorlage löschen',
  request: { params: ReplyNameParams },
  responses: { 204: { description: 'Gelöscht' }, ...errors(...read, 400, 404, 503) },
});

export const search = createRoute({
  ...base, method: 'get', path: '/api/staff/search', tags: [TAG.tools], summary: 'In der Wissensbasis suchen',
  request: { query: SearchQuery },
  responses: { 200: { description: 'Treffer', ...json(SearchResultSchema) }, ...errors(...read, 400) },
});

export const gapsReport = createRoute({
  ...base, method: 'get', path: '/api/staff/reports/gaps', tags: [TAG.reports], summary: 'Fragen, die der Lotse nicht gut beantwortet hat, und die Artikel, die auf Freigabe warten',
  request: { query: GapsQuery },
  responses: { 200: { description: 'Bericht', ...json(GapsReportSchema) }, ...errors(...read) },
});

export const statsReport = createRoute({
  ...base, method: 'get', path: '/api/staff/reports/stats', tags: [TAG.reports], summary: 'Zahlen eines Zeitraums (kleine Zahlen unterdrückt)',
  request: { query: StatsQuery },
  responses: { 200: { description: 'Bericht', ...json(StatsReportSchema) }, ...errors(...read, 400) },
});

export const STAFF_ROUTES = {
  feed, ackFeed, feedCursor, listCases, closeOptions, getCase, claimCase, transferCase, reopenCase, addNote, releaseCase,
  staffMessage, withdrawStaffMessage, staffTyping, closeCase, listReplies, setReply, removeReply, search, gapsReport, statsReport,
};
