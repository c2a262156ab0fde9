// One contract: src/contract declares every route, the app registers exactly those, the served
// OpenAPI document and docs/openapi.json are generated from it and current, and what the service
// answers matches what the document says (every call below validates its answer).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, LotseError, type Client } from '../../src/contract/client.ts';
import { ROUTES } from '../../src/contract/routes/index.ts';
import { GENERATED } from '../../scripts/build-contract.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const ROOT = join(import.meta.dirname, '../..');
const STAFF_TOKEN = 'test-staff-token-openapi-0123456789';

let server: TestServer;
let staff: Client;
let open: Client;

beforeAll(async () => {
  server = await startTestServer({ STAFF_TOKEN, RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' });
  staff = createClient({ baseUrl: server.url, token: STAFF_TOKEN, validateResponses: true });
  open = createClient({ baseUrl: server.url, validateResponses: true });
});
afterAll(async () => {
  await server?.close();
});

/** "POST /api/conversations/{id}/messages" for a Hono route (`:id`) or a contract route (`{id}`). */
const key = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/:(\w+)/g, '{$1}')}`;

const declared = new Set(Object.values(ROUTES).map((r) => key(r.method, r.path)));

/** The app's operations (middleware is registered as method ALL) compared with the contract. */
function walk(routes: Array<{ method: string; path: string }>) {
  const registered = new Set(routes.filter((r) => r.method !== 'ALL').map((r) => key(r.method, r.path)));
  return { undeclared: [...registered].filter((k) => !declared.has(k)), missing: [...declared].filter((k) => !registered.has(k)) };
}

describe('the contract and the app', () => {
  it('the app registers every route of the contract and no route the contract does not describe', () => {
    expect(walk(server.lotse.app.routes)).toEqual({ undeclared: [], missing: [] });
    expect(declared.size).toBeGreaterThanOrEqual(33);
  });

  it('the route walk notices an undeclared route and a missing one', () => {
    const routes = [...server.lotse.app.routes.filter((r) => r.path !== '/api/staff/search'), { method: 'GET', path: '/api/secret' }];
    expect(walk(routes)).toEqual({ undeclared: ['GET /api/secret'], missing: ['GET /api/staff/search'] });
  });
});

describe('the OpenAPI document', () => {
  it('is served as generated, and docs/openapi.json and bots/web/contract.js are current (npm run build:contract)', async () => {
    for (const [file, render] of Object.entries(GENERATED)) expect(readFileSync(join(ROOT, file), 'utf8'), file).toBe(render());
    const served = await open.call(ROUTES.openApiDocument, {});
    expect(served).toEqual(JSON.parse(readFileSync(join(ROOT, 'docs/openapi.json'), 'utf8')));
  });

  it('is OpenAPI 3.1 with an operation id, security where needed and resolvable references', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'docs/openapi.json'), 'utf8'));
    expect(doc.openapi).toBe('3.1.0');
    const schemes = Object.keys(doc.components.securitySchemes);
    expect(schemes.sort()).toEqual(['conversationToken', 'conversationTokenQuery', 'staffToken']);
    const operations = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
    expect(operations).toHaveLength(Object.keys(ROUTES).length);
    for (const { path, method, op } of operations) {
      const where = `${method} ${path}`;
      expect(op.operationId, where).toBeTruthy();
      expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)), where).toBe(true);
      if (path.startsWith('/api/staff/')) expect(op.security, where).toEqual([{ staffToken: [] }]);
      if (path.startsWith('/api/conversations/')) expect(op.security?.length, where).toBeGreaterThan(0);
      for (const scheme of (op.security ?? []).flatMap((s: object) => Object.keys(s))) expect(schemes, where).toContain(scheme);
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });

  it('lists only the errors an operation can give', () => {
    const doc = JSON.parse(readFileSync(join(ROOT, 'docs/openapi.json'), 'utf8'));
    expect(Object.keys(doc.paths['/api/knowledge/articles'].get.responses)).toEqual(['200', '429']);
    expect(Object.keys(doc.paths['/api/conversations'].post.responses)).not.toContain('401');
  });
});

describe('answers match the contract', () => {
  it('an asker and a staff member through a whole case, every answer validated against its schema', async () => {
    const { id, token } = await open.call(ROUTES.createConversation, { json: { channel: 'web', role: 'schule' } });
    const as = { token };
    const asked = await open.call(ROUTES.postMessage, { params: { id }, json: { text: 'Wer ist die insoweit erfahrene Fachkraft?', clientId: 'c-1' } }, as);
    expect(asked.reply.sources.length).toBeGreaterThan(0);
    await open.call(ROUTES.postFeedback, { params: { id }, json: { messageId: asked.replyId, rating: 'up' } }, as);
    const escalated = await open.call(ROUTES.escalate, { params: { id }, json: { consent: true, urgency: 'urgent', contact: 'name@example.org' } }, as);
    expect(escalated.case.status).toBe('open');
    expect((await open.call(ROUTES.currentCase, { params: { id } }, as)).case.id).toBe(escalated.case.id);

    const { events } = await staff.call(ROUTES.feed, { query: { after: '0' } });
    expect(events.map((e) => e.type)).toContain('case.opened');
    await staff.call(ROUTES.ackFeed, { json: { consumer: 'openapi-test', cursor: events.at(-1)!.id } });
    expect((await staff.call(ROUTES.feedCursor, { query: { consumer: 'openapi-test' } })).cursor).toBe(events.at(-1)!.id);
    expect((await staff.call(ROUTES.listCases, { query: { status: 'open' } })).cases.map((c) => c.id)).toContain(escalated.case.id);

    const caseId = { params: { id: escalated.case.number } };
    const staffer = { staffId: '@erika:example.org', staffName: 'Erika Beispiel' };
    await staff.call(ROUTES.claimCase, { ...caseId, json: { ...staffer, staffAlias: 'Erika' } });
    await staff.call(ROUTES.addNote, { ...caseId, json: { staffId: staffer.staffId, text: 'Rückruf am Nachmittag' } });
    const sent = await staff.call(ROUTES.staffMessage, { ...caseId, json: { ...staffer, text: 'Guten Tag, ich bin für Sie da.', clientId: 'm-1' } });
    expect(sent.duplicate).toBe(false);
    expect((await staff.call(ROUTES.staffMessage, { ...caseId, json: { ...staffer, text: 'Guten Tag, ich bin für Sie da.', clientId: 'm-1' } })).duplicate).toBe(true);
    await staff.call(ROUTES.withdrawStaffMessage, { ...caseId, json: { staffId: staffer.staffId, clientId: 'm-1' } });
    // matrix-staff: typing, an in-place correction; the feed then carries message.corrected.
    await staff.call(ROUTES.staffTyping, { ...caseId, json: { staffId: staffer.staffId, typing: true } });
    await staff.call(ROUTES.staffMessage, { ...caseId, json: { ...staffer, text: 'Zuständig ist Rostock.', clientId: 'm-2' } });
    const corrected = await staff.call(ROUTES.staffMessage, { ...caseId, json: { ...staffer, text: 'Zuständig ist Schwerin.', clientId: 'm-3', corrects: 'm-2' } });
    expect(corrected.corrected).toBe(true);
    expect((await staff.call(ROUTES.feed, { query: { after: String(events.at(-1)!.id) } })).events.map((e) => e.type)).toContain('message.corrected');
    await staff.call(ROUTES.transferCase, { ...caseId, json: { staffId: staffer.staffId, toStaffId: '@max:example.org', toStaffName: 'Max Muster' } });
    await staff.call(ROUTES.releaseCase, { ...caseId, json: { staffId: '@max:example.org' } });
    await staff.call(ROUTES.claimCase, { ...caseId, json: staffer });
    const options = await staff.call(ROUTES.closeOptions, {});
    await staff.call(ROUTES.closeCase, { ...caseId, json: { staffId: staffer.staffId, topic: options.topics[0]!.id, outcome: options.outcomes[0]!.id, note: 'beraten' } });
    await open.call(ROUTES.rateCase, { params: { id }, json: { rating: 'up' } }, as);
    const detail = (await staff.call(ROUTES.getCase, caseId)).case;
    expect(detail.status).toBe('closed');
    expect(detail.transcript.length).toBeGreaterThan(2);
    await staff.call(ROUTES.reopenCase, { ...caseId, json: staffer });

    const history = await open.call(ROUTES.getConversation, { params: { id } }, as);
    expect(history.messages.map((m) => m.author)).toEqual(expect.arrayContaining(['user', 'assistant', 'staff']));
    expect(history.messages.filter((m) => m.editedAt).map((m) => m.text)).toEqual(['Zuständig ist Schwerin.']);
    expect(history.messages.filter((m) => m.withdrawnAt)).toHaveLength(1);
    // web-chat: the role line, the office hours in the form, a reported barrier.
    expect((await open.call(ROUTES.setRole, { params: { id }, json: { role: 'schule' } }, as)).role).toBe('schule');
    expect((await open.call(ROUTES.getConversation, { params: { id } }, as)).role).toBe('schule');
    expect(typeof (await open.call(ROUTES.officeHours, {})).open).toBe('boolean');
    expect((await open.call(ROUTES.accessibilityFeedback, { json: { text: 'Der Kontrast der Knöpfe ist zu schwach.' } })).number).toMatch(/^KS-/);

    await staff.call(ROUTES.setReply, { params: { name: 'gruss' }, json: { staffId: staffer.staffId, text: 'Guten Tag!' } });
    expect((await staff.call(ROUTES.listReplies, {})).replies.map((r) => r.name)).toContain('gruss');
    await staff.call(ROUTES.removeReply, { params: { name: 'gruss' } });
    expect((await staff.call(ROUTES.search, { query: { q: 'insoweit erfahrene Fachkraft' } })).hits.length).toBeGreaterThan(0);
    const gaps = await staff.call(ROUTES.gapsReport, { query: { days: '30' } });
    expect(gaps.days).toBe(30);
    await staff.call(ROUTES.statsReport, { query: { from: '2020-01-01', to: '2100-01-01' } });
    await open.call(ROUTES.listArticles, {});
    await open.call(ROUTES.health, {});
  });

  it('refusals have the error shape and a status the operation declares', async () => {
    const refusal = async (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e);
    const missing = await refusal(staff.call(ROUTES.getCase, { params: { id: 'KS-1999-9999' } }));
    expect(missing).toBeInstanceOf(LotseError);
    expect((missing as LotseError).httpStatus).toBe(404);
    const noConsent = await refusal(open.call(ROUTES.createConversation, { json: { channel: 'web' } }).then(({ id, token }) =>
      open.call(ROUTES.escalate, { params: { id }, json: { consent: false as true } }, { token })));
    expect((noConsent as LotseError).code).toBe('consent_required');
    const badPeriod = await refusal(staff.call(ROUTES.statsReport, { query: { from: '2026-02-31', to: '2026-03-01' } }));
    expect((badPeriod as LotseError).message).toContain('echte Kalendertage');
    const badField = await refusal(staff.call(ROUTES.listCases, { query: { status: 'offen' as 'open' } }));
    expect((badField as LotseError).message).toMatch(/^Ungültige Angabe im Feld "status": Ungültige Option/);
  });

  it('the validating client fails when an answer does not match its schema', async () => {
    // The articles list answered as if it were the history: the shapes differ, so the check must fail.
    const wrong = { ...ROUTES.listArticles, responses: ROUTES.getConversation.responses };
    await expect(open.call(wrong as unknown as typeof ROUTES.listArticles, {})).rejects.toThrow(/does not match the contract/);
  });
});
