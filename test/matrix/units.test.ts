// Pure parts of the escalation and the bot: office hours and M-V holidays, text crossing between
// web and Matrix, the command router, the statistics period, suppression of small cells.
import { describe, expect, it } from 'vitest';
import { htmlToText, staffMessageText, textToHtml } from '../../bots/matrix/format.ts';
import { consentAnswer, renderReply } from '../../bots/matrix/handlers/direct.ts';
import { parsePeriod } from '../../bots/matrix/handlers/reports.ts';
import { t } from '../../bots/matrix/texts.ts';
import { Router } from '../../bots/matrix/router.ts';
import type { EditorialStatus } from '../../src/contract/vocabulary.ts';
import { mvHolidays } from '../../src/escalation/holidays.ts';
import { DEFAULT_OFFICE_HOURS, isOpen, nextOpening, parseOfficeHours } from '../../src/escalation/office-hours.ts';
import { groupQuestions, suppress } from '../../src/escalation/reports.ts';

describe('office hours', () => {
  it('knows the M-V holidays, Women’s Day from 2023 on', () => {
    expect(mvHolidays(2026)).toEqual(expect.arrayContaining(['2026-03-08', '2026-04-03', '2026-04-06', '2026-05-14', '2026-05-25', '2026-10-31']));
    expect(mvHolidays(2022)).not.toContain('2022-03-08');
  });
  it('is open on a weekday morning in Berlin and closed at night, on weekends and holidays', () => {
    expect(isOpen(DEFAULT_OFFICE_HOURS, Date.parse('2026-11-24T10:00:00+01:00'))).toBe(true);
    expect(isOpen(DEFAULT_OFFICE_HOURS, Date.parse('2026-11-24T16:00:00+01:00'))).toBe(false);
    expect(isOpen(DEFAULT_OFFICE_HOURS, Date.parse('2026-11-28T10:00:00+01:00'))).toBe(false);
    expect(isOpen(DEFAULT_OFFICE_HOURS, Date.parse('2026-10-30T10:00:00+01:00'))).toBe(true);
    expect(isOpen(DEFAULT_OFFICE_HOURS, Date.parse('2026-12-25T10:00:00+01:00'))).toBe(false);
  });
  it('finds the next opening across a weekend and a holiday', () => {
    expect(new Date(nextOpening(DEFAULT_OFFICE_HOURS, Date.parse('2026-12-24T17:00:00+01:00'))!).toISOString()).toBe('2026-12-28T07:00:00.000Z');
  });
  it('reads day groups and rejects nonsense in German', () => {
    const h = parseOfficeHours('Mo-Do 08:00-16:00; Fr 08:00-13:00');
    expect(isOpen(h, Date.parse('2026-11-27T14:00:00+01:00'))).toBe(false);
    expect(() => parseOfficeHours('immer')).toThrow(/nicht lesbar/);
  });
});

describe('text between web and Matrix', () => {
  it('escapes web text for formatted_body', () => {
    expect(textToHtml('<b>fett</b>\nzweite & "Zeile"')).toBe('&lt;b&gt;fett&lt;/b&gt;<br>zweite &amp; &quot;Zeile&quot;');
  });
  it('reduces staff HTML to plain text, without reply fallbacks', () => {
    expect(htmlToText('<mx-reply><blockquote>alt</blockquote></mx-reply><p>Hallo &amp; <a href="https://x.de">hier</a></p><ul><li>eins</li></ul>'))
      .toBe('Hallo & hier (https://x.de)\n\n- eins');
    expect(staffMessageText({ body: '> <@a:b> alt\n\nneu' })).toBe('neu');
  });
});

describe('router', () => {
  it('matches German commands, English aliases and umlaut-free spellings for staff only', async () => {
    const seen: string[] = [];
    const r = new Router().command('übernehmen', ['claim'], { usage: '', summary: '', where: ['queue'] }, (c) => void seen.push(c.argv.join(',')));
    const base = { roomId: '!r', roomKind: 'queue' as const, eventId: '$e', sender: '@s:x', isStaff: true, reply: async () => '$reply' };
    expect(await r.dispatchMessage({ ...base, body: '!Übernehmen KS-2026-0001' })).toBe(true);
    expect(await r.dispatchMessage({ ...base, body: '!uebernehmen KS-2026-0002' })).toBe(true);
    expect(await r.dispatchMessage({ ...base, body: '!claim KS-2026-0003' })).toBe(true);
    expect(await r.dispatchMessage({ ...base, body: '!claim', isStaff: false })).toBe(false);
    expect(await r.dispatchMessage({ ...base, body: '!claim', roomKind: 'direct' })).toBe(false);
    expect(seen).toEqual(['KS-2026-0001', 'KS-2026-0002', 'KS-2026-0003']);
  });
});

describe('reports', () => {
  it('parses periods for !statistik', () => {
    expect(parsePeriod('2026-11')).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(parsePeriod('2026')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(parsePeriod('2026-01-01..2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(parsePeriod('gestern')).toBeUndefined();
  });
  it('suppresses cells from 1 to 4', () => {
    expect([0, 1, 4, 5, 12].map(suppress)).toEqual([0, null, null, 5, 12]);
  });
  it('groups similar questions', () => {
    const groups = groupQuestions([
      { text: 'Wer ist die insoweit erfahrene Fachkraft im Landkreis?', reason: 'low_confidence', at: 1 },
      { text: 'Wer ist insoweit erfahrene Fachkraft im Landkreis Rostock?', reason: 'thumbs_down', at: 2 },
      { text: 'Darf ich Fotos von Verletzungen machen?', reason: 'escalated', at: 3 },
    ]);
    expect(groups.map((g) => g.count)).toEqual([2, 1]);
  });
  it('lists for !redaktion what awaits approval or review, by state', () => {
    const row = (id: string, status: EditorialStatus, extra: object = {}) => ({
      id, title: id, url: `/wissen/${id}`, status, label: status, stand: '2026-11-24', reviewDue: '2027-11-24', overdue: false, changedSinceApproval: status === 'changed', ...extra,
    });
    const text = t.editorialQueue({
      total: 4, approved: 1, awaitingApproval: 2, overdue: 1,
      articles: [
        row('hotlines', 'draft'),
        row('schule', 'changed', { approval: { name: 'Erika Beispiel', function: 'Fachberatung', date: '2026-12-01' } }),
        row('kita', 'approved', { overdue: true, reviewDue: '2026-11-30' }),
      ],
    });
    expect(text.split('\n')).toEqual([
      'Wissensbasis: 1 von 4 Artikeln fachlich freigegeben.',
      'Entwurf, noch nie freigegeben (1): hotlines',
      'Seit der Freigabe geändert (1): schule (freigegeben am 01.12.2026 von Erika Beispiel)',
      'Überprüfung überfällig (1): kita (fällig seit 30.11.2026)',
      'Freigeben (Redaktion, im Projektordner): npm run knowledge:approve -- <id> --by "Name, Funktion"',
    ]);
    expect(t.editorialQueue({ total: 2, approved: 2, awaitingApproval: 0, overdue: 0, articles: [] })).toBe('Alle 2 Artikel sind fachlich freigegeben, keine Überprüfung ist fällig.');
  });
});

describe('direct chat', () => {
  it('reads a consent answer, and treats anything longer as a new question', () => {
    expect(['ja', 'Ja, bitte.', 'einverstanden', 'OK'].map(consentAnswer)).toEqual(['yes', 'yes', 'yes', 'yes']);
    expect(consentAnswer('dringend')).toBe('urgent');
    expect(consentAnswer('nein danke')).toBe('no');
    expect(consentAnswer('ja aber was ist eine insoweit erfahrene Fachkraft')).toBeUndefined();
    expect(consentAnswer('Was heißt das?')).toBeUndefined();
  });
  it('marks the sources of an answer whose article is not approved', () => {
    const { body, html } = renderReply({
      text: 'Antwort', kind: 'answer', confidence: 0.8, triage: { level: 'none' }, actions: [],
      sources: [
        { id: 'a', title: 'Entwurf A', url: '/wissen/a', status: 'draft' },
        { id: 'b', title: 'Freigegeben B', url: '/wissen/b', status: 'approved' },
        { id: 'c', title: 'Geändert C', url: '/wissen/c', status: 'changed' },
      ],
    }, 'https://lotse.example');
    expect(body).toContain('Quellen: Entwurf A – Entwurf, noch nicht fachlich freigegeben (https://lotse.example/wissen/a); Freigegeben B (https://lotse.example/wissen/b); Geändert C – geänderte Fassung, noch nicht fachlich freigegeben (https://lotse.example/wissen/c)');
    expect(html).toContain('<a href="https://lotse.example/wissen/a">Entwurf A</a> – Entwurf, noch nicht fachlich freigegeben; <a href="https://lotse.example/wissen/b">Freigegeben B</a>; ');
  });
  it('announces the clearing of a case room in days', () => {
    expect(t.caseRoomClosed('KS-2026-0001', 90 * 86_400_000)).toContain('Nach 90 Tagen entferne ich');
    expect(t.caseRoomClosed('KS-2026-0001', 5_000)).toContain('Nach Ablauf der Aufbewahrungsfrist');
  });
});
