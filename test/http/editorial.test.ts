// What users and staff see of the editorial state, end to end on a running service whose
// knowledge base is a temporary copy of the invented fixture articles: one approved, one
// changed since its approval, one draft (and one draft that fails knowledge:check).
// The questions name Kinderschutz: the Lotse answers only questions about child protection,
// and the fixture articles are about garden things.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withApproval } from '../../src/knowledge/editorial.ts';
import { parseArticle } from '../../src/knowledge/parse.ts';
import { fixtureKnowledge, type FixtureKnowledge } from '../helpers/editorial-fixture.ts';
import { apiClient, startTestServer, type TestServer } from '../helpers/server.ts';

const STAFF_TOKEN = 'test-staff-token-0123456789';
let k: FixtureKnowledge;
let server: TestServer;
let api: ReturnType<typeof apiClient>;

function approve(id: string, approval: { name: string; function: string; date: string }) {
  const content = k.read(id);
  k.write(id, withApproval(content, { ...approval, sha256: parseArticle(`articles/${id}.md`, content).contentHash }));
}

beforeAll(async () => {
  k = fixtureKnowledge();
  approve('fixture-gartenzaun', { name: 'Erika Beispiel', function: 'Fachberatung Kinderschutz (Test)', date: '2026-12-01' });
  approve('fixture-regentonne', { name: 'Max Probe', function: 'Justiziariat (Test)', date: '2026-12-01' });
  // Edited after its approval, without anyone touching the state: it must count as changed.
  k.write('fixture-regentonne', k.read('fixture-regentonne').replace('zweihundert Liter Regenwasser. Sie', 'dreihundert Liter Regenwasser. Sie'));
  server = await startTestServer({ KNOWLEDGE_DIR: k.dir, STAFF_TOKEN, RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' });
  api = apiClient(server.url);
});
afterAll(async () => {
  await server?.close();
  k?.remove();
});

async function ask(text: string) {
  const { json } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
  const res = await api('POST', `/api/conversations/${json.id}/messages`, { token: json.token, body: { text } });
  expect(res.status).toBe(200);
  return res.json.reply;
}

describe('the article page', () => {
  it('names who approved an approved article, in which function and when', async () => {
    const page = await api('GET', '/wissen/fixture-gartenzaun');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<p class="editorial-state approved" data-status="approved">Fachlich freigegeben am 01.12.2026 von Erika Beispiel (Fachberatung Kinderschutz (Test)).</p>');
    expect(page.text).toContain('Stand: 24.11.2026 (letzte inhaltliche Änderung)');
    expect(page.text).not.toContain('Entwurf');
  });

  it('says "Entwurf" on a draft and "Geänderte Fassung" on a text changed since its approval', async () => {
    const draft = await api('GET', '/wissen/fixture-kaputt');
    expect(draft.text).toContain('<strong>Entwurf – noch nicht von der Kontaktstelle fachlich freigegeben.</strong>');
    expect(draft.text).not.toContain('Fachlich freigegeben am');
    const changed = await api('GET', '/wissen/fixture-regentonne');
    expect(changed.text).toContain('data-status="changed"><strong>Geänderte Fassung – noch nicht von der Kontaktstelle fachlich freigegeben.</strong> Die frühere Fassung gab Max Probe (Justiziariat (Test)) am 01.12.2026 frei.');
  });

  it('says "abgerufen" only for a source that was actually retrieved', async () => {
    const retrieved = await api('GET', '/wissen/fixture-gartenzaun');
    expect(retrieved.text).toContain('Testquelle Gartenzaun (erfunden)</a> (eingesehen 24.11.2026, abgerufen 25.11.2026)</li>');
    const consulted = await api('GET', '/wissen/fixture-regentonne');
    expect(consulted.text).toContain('Testquelle Regentonne (erfunden)</a> (eingesehen 24.11.2026)</li>');
  });

  it('lists every article with its state, and the API gives state and approver', async () => {
    const list = await api('GET', '/wissen');
    expect(list.text).toContain('Der Gartenzaun im Testland</a> <span class="editorial-label" data-status="approved">(freigegeben)</span>');
    expect(list.text).toContain('Die Regentonne im Testland</a> <span class="editorial-label" data-status="changed">(seit der Freigabe geändert)</span>');
    const { json } = await api('GET', '/api/knowledge/articles');
    expect(json.articles.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([
      ['fixture-gartenzaun', 'approved'], ['fixture-kaputt', 'draft'], ['fixture-regentonne', 'changed'],
    ]);
    expect(json.articles[0]).toMatchObject({ stand: '2026-11-24', reviewDue: '2099-11-24', approval: { name: 'Erika Beispiel', function: 'Fachberatung Kinderschutz (Test)', date: '2026-12-01' } });
    expect(json.articles[1].approval).toBeUndefined();
  });
});

describe('answers', () => {
  it('carry the state of each source', async () => {
    const approved = await ask('Zum Kinderschutz im Testland: Wie viele Zaunlatten hat ein Gartenzaun dort?');
    expect(approved.sources[0]).toMatchObject({ id: 'fixture-gartenzaun', status: 'approved', reviewed: '2026-11-24' });
    const changed = await ask('Zum Kinderschutz im Testland: Wie viel Regenwasser fasst eine Regentonne dort?');
    expect(changed.sources[0]).toMatchObject({ id: 'fixture-regentonne', status: 'changed' });
  });

  it('keep the state in the stored history', async () => {
    const { json } = await api('POST', '/api/conversations', { body: { channel: 'web' } });
    await api('POST', `/api/conversations/${json.id}/messages`, { token: json.token, body: { text: 'Zum Kinderschutz im Testland: Wie viele Zaunlatten hat ein Gartenzaun dort?' } });
    const history = await api('GET', `/api/conversations/${json.id}`, { token: json.token });
    const reply = history.json.messages.find((m: { author: string }) => m.author === 'assistant').reply;
    expect(reply.sources[0].status).toBe('approved');
  });

  it('greet without calling the knowledge base "geprüft"', async () => {
    const greeting = await ask('Hallo');
    expect(greeting.kind).toBe('smalltalk');
    expect(greeting.text).not.toMatch(/geprüft|freigegeben/);
  });
});

describe('the gaps report for staff', () => {
  it('lists the articles that await approval or are past their review date', async () => {
    const res = await api('GET', '/api/staff/reports/gaps', { token: STAFF_TOKEN });
    expect(res.status).toBe(200);
    expect(res.json.editorial).toMatchObject({ total: 3, approved: 1, awaitingApproval: 2, overdue: 0 });
    expect(res.json.editorial.articles.map((a: { id: string; status: string; changedSinceApproval: boolean }) => [a.id, a.status, a.changedSinceApproval])).toEqual([
      ['fixture-kaputt', 'draft', false],
      ['fixture-regentonne', 'changed', true],
    ]);
    expect(res.json.editorial.articles[1].approval).toEqual({ name: 'Max Probe', function: 'Justiziariat (Test)', date: '2026-12-01' });
  });
});
