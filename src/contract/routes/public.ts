import { createRoute, z } from '@hono/zod-openapi';
import {
  CONVERSATION_AUTH_ERRORS, CONVERSATION_SECURITY, ErrorSchema, errors, json, jsonBody, READ_ERRORS, WRITE_ERRORS,
} from '../schemas/common.ts';
import {
  AccessibilityFeedbackReceivedSchema, AccessibilityFeedbackSchema, CaseRatingSchema, ConversationCreatedSchema, ConversationParams,
  CreateConversationSchema, CurrentCaseSchema, EscalatedSchema, EscalateSchema, EventsQuery, FeedbackSchema, HistorySchema, MessageReplySchema,
  OfficeHoursSchema, PostMessageSchema, SetRoleSchema,
} from '../schemas/conversation.ts';
import { ArticleParams, ArticlesSchema, EventStream, HealthSchema, Html } from '../schemas/service.ts';

// Every public operation, declared once: the service registers its handlers on these, the
// OpenAPI document is generated from them, and the typed client calls them.

const TAG = { conversation: 'Gespräch', escalation: 'Kontaktstelle', knowledge: 'Wissen', service: 'Betrieb' };
const authed = [...CONVERSATION_AUTH_ERRORS, ...READ_ERRORS] as const;

export const health = createRoute({
  method: 'get', path: '/healthz', tags: [TAG.service], summary: 'Bereitschaft (Index geladen, Speicher erreichbar und beschreibbar)',
  responses: {
    200: { description: 'Bereit', ...json(HealthSchema) },
    503: { description: 'Startet noch, oder der Speicher ist voll oder gestört (Retry-After)', ...json(z.union([HealthSchema, ErrorSchema])) },
  },
});

export const openApiDocument = createRoute({
  method: 'get', path: '/api/openapi.json', tags: [TAG.service], summary: 'Dieses Dokument',
  responses: { 200: { description: 'OpenAPI 3.1', ...json(z.record(z.string(), z.unknown())) }, ...errors(...READ_ERRORS) },
});

export const createConversation = createRoute({
  method: 'post', path: '/api/conversations', tags: [TAG.conversation], summary: 'Neues Gespräch anlegen',
  request: jsonBody(CreateConversationSchema),
  responses: { 201: { description: 'Angelegt', ...json(ConversationCreatedSchema) }, ...errors(...WRITE_ERRORS) },
});

export const postMessage = createRoute({
  method: 'post', path: '/api/conversations/{id}/messages', tags: [TAG.conversation], security: CONVERSATION_SECURITY,
  summary: 'Frage stellen und Antwort erhalten',
  request: { params: ConversationParams, ...jsonBody(PostMessageSchema) },
  responses: { 200: { description: 'Antwort mit Quellen', ...json(MessageReplySchema) }, ...errors(...WRITE_ERRORS, ...CONVERSATION_AUTH_ERRORS) },
});

export const getConversation = createRoute({
  method: 'get', path: '/api/conversations/{id}', tags: [TAG.conversation], security: CONVERSATION_SECURITY,
  summary: 'Verlauf eines Gesprächs (zum Fortsetzen nach dem Neuladen)',
  request: { params: ConversationParams },
  responses: { 200: { description: 'Verlauf (geschwärzt)', ...json(HistorySchema) }, ...errors(...authed) },
});

export const conversationEvents = createRoute({
  method: 'get', path: '/api/conversations/{id}/events', tags: [TAG.conversation],
  security: [{ conversationToken: [] }, { conversationTokenQuery: [] }],
  summary: 'Ereignisstrom (Server-Sent Events), fortsetzbar mit Last-Event-ID',
  request: { params: ConversationParams, query: EventsQuery },
  responses: { 200: { description: 'Strom', ...EventStream }, ...errors(...authed) },
});

export const setRole = createRoute({
  method: 'put', path: '/api/conversations/{id}/role', tags: [TAG.conversation], security: CONVERSATION_SECURITY,
  summary: 'Das Arbeitsfeld berichtigen, von dem der Lotse ausgeht (andere Tabs erfahren es über das Ereignis conversation)',
  request: { params: ConversationParams, ...jsonBody(SetRoleSchema) },
  responses: { 200: { description: 'Gespeichert', ...json(SetRoleSchema) }, ...errors(...WRITE_ERRORS, ...CONVERSATION_AUTH_ERRORS) },
});

export const postFeedback = createRoute({
  method: 'post', path: '/api/conversations/{id}/feedback', tags: [TAG.conversation], security: CONVERSATION_SECURITY,
  summary: 'Rückmeldung 👍/👎 zu einer Antwort (eine je Antwort; eine Wiederholung ändert sie)',
  request: { params: ConversationParams, ...jsonBody(FeedbackSchema) },
  responses: { 204: { description: 'Gespeichert' }, ...errors(...WRITE_ERRORS, ...CONVERSATION_AUTH_ERRORS, 409) },
});

export const escalate = createRoute({
  method: 'post', path: '/api/conversations/{id}/escalations', tags: [TAG.escalation], security: CONVERSATION_SECURITY,
  summary: 'Eine Person der Kontaktstelle anfragen (nur mit Einverständnis; ohne: 400 consent_required)',
  request: { params: ConversationParams, ...jsonBody(EscalateSchema) },
  responses: { 202: { description: 'Angenommen', ...json(EscalatedSchema) }, ...errors(...WRITE_ERRORS, ...CONVERSATION_AUTH_ERRORS) },
});

export const officeHours = createRoute({
  method: 'get', path: '/api/office-hours', tags: [TAG.escalation], summary: 'Sprechzeiten der Kontaktstelle und ob sie gerade offen ist (ohne Gespräch)',
  responses: { 200: { description: 'Sprechzeiten', ...json(OfficeHoursSchema) }, ...errors(...READ_ERRORS) },
});

export const accessibilityFeedback = createRoute({
  method: 'post', path: '/api/accessibility-feedback', tags: [TAG.escalation],
  summary: 'Eine Barriere melden (Erklärung zur Barrierefreiheit): wird geschwärzt ein Fall für die Kontaktstelle',
  request: jsonBody(AccessibilityFeedbackSchema),
  responses: { 202: { description: 'Eingegangen', ...json(AccessibilityFeedbackReceivedSchema) }, ...errors(...WRITE_ERRORS) },
});

export const currentCase = createRoute({
  method: 'get', path: '/api/conversations/{id}/case', tags: [TAG.escalation], security: CONVERSATION_SECURITY,
  summary: 'Die aktuelle Anfrage des Gesprächs',
  request: { params: ConversationParams },
  responses: { 200: { description: 'Anfrage', ...json(CurrentCaseSchema) }, ...errors(...authed) },
});

export const rateCase = createRoute({
  method: 'post', path: '/api/conversations/{id}/escalations/rating', tags: [TAG.escalation], security: CONVERSATION_SECURITY,
  summary: 'Die Hilfe der Kontaktstelle bewerten (409, bis der Fall abgeschlossen ist)',
  request: { params: ConversationParams, ...jsonBody(CaseRatingSchema) },
  responses: { 204: { description: 'Gespeichert' }, ...errors(...WRITE_ERRORS, ...CONVERSATION_AUTH_ERRORS, 409) },
});

export const listArticles = createRoute({
  method: 'get', path: '/api/knowledge/articles', tags: [TAG.knowledge], summary: 'Die Artikel mit Stand und redaktionellem Zustand',
  responses: { 200: { description: 'Artikel', ...json(ArticlesSchema) }, ...errors(...READ_ERRORS) },
});

export const articleIndexPage = createRoute({
  method: 'get', path: '/wissen', tags: [TAG.knowledge], summary: 'Die Artikel als Seite',
  responses: { 200: { description: 'HTML', ...Html } },
});

export const articlePage = createRoute({
  method: 'get', path: '/wissen/{id}', tags: [TAG.knowledge], summary: 'Ein Artikel als Seite (Ziel jedes Quellenlinks)',
  request: { params: ArticleParams },
  responses: { 200: { description: 'HTML', ...Html }, 404: { description: 'Diesen Artikel gibt es nicht', ...Html } },
});

export const PUBLIC_ROUTES = {
  health, openApiDocument, createConversation, postMessage, getConversation, conversationEvents, setRole, postFeedback,
  escalate, officeHours, accessibilityFeedback, currentCase, rateCase, listArticles, articleIndexPage, articlePage,
};
