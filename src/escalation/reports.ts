// Learning from cases without personal data: which questions the Lotse could not answer well
// (gaps), and counts with every cell under 5 suppressed (stats). All texts are stored redacted.
import type { SqlDriver } from '../store/driver.ts';
import { editorialQueue, germanToday } from '../knowledge/editorial.ts';
import type { Article } from '../knowledge/types.ts';
import { CLOSE_OUTCOMES, CLOSE_TOPICS } from './close-options.ts';

export const MIN_CELL = 5;
const DAY = 86_400_000;

// --- gaps -------------------------------------------------------------------------------------

export type GapGroup = { example: string; count: number; reasons: string[]; lastAt: number; questions: string[] };
const REASON_LABEL = { low_confidence: 'unsicher', thumbs_down: '👎', escalated: 'an die Kontaktstelle gegeben' } as const;
type Reason = keyof typeof REASON_LABEL;

const STOP = new Set('aber als also auch bei bin bis das dass dem den der des die doch ein eine einem einen einer eines er es für hat habe haben ich ihr im in ist ja kann man mit muss nach nicht noch nur oder sich sie sind so soll und uns von vor war was wenn wer wie wir wird zu zum zur über'.split(' '));

export function wordsOf(text: string): Set<string> {
  const words = text.toLowerCase().normalize('NFKC').replace(/\[[^\]]*\]/g, ' ').split(/[^\p{L}\p{N}§]+/u);
  return new Set(words.filter((w) => w.length > 2 && !STOP.has(w)).map((w) => w.slice(0, 6)));
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

/** Groups questions whose word stems overlap by at least half (Jaccard). */
export function groupQuestions(items: Array<{ text: string; reason: Reason; at: number }>): GapGroup[] {
  const groups: Array<GapGroup & { words: Set<string>; reasonSet: Set<Reason> }> = [];
  for (const item of items) {
    const words = wordsOf(item.text);
    const group = groups.find((g) => similarity(g.words, words) >= 0.5);
    if (group) {
      group.count++;
      group.reasonSet.add(item.reason);
      group.lastAt = Math.max(group.lastAt, item.at);
      if (group.questions.length < 5 && !group.questions.includes(item.text)) group.questions.push(item.text);
    } else {
      groups.push({ example: item.text, count: 1, reasons: [], lastAt: item.at, questions: [item.text], words, reasonSet: new Set([item.reason]) });
    }
  }
  return groups
    .map(({ words: _w, reasonSet, ...g }) => ({ ...g, reasons: [...reasonSet].map((r) => REASON_LABEL[r]) }))
    .sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}

/**
 * Questions the Lotse did not answer well, and — with `articles` — the articles that await an
 * editor: not approved (draft or changed since approval) or past their review date.
 */
export async function gapsReport(db: SqlDriver, options: { days: number; threshold: number; now: number; articles?: readonly Article[] }) {
  const since = options.now - options.days * DAY;
  const answered = await db.all<{ question: string; reply: string | null; rating: string | null; at: number }>(
    `SELECT u.text AS question, a.reply AS reply, f.rating AS rating, a.created_at AS at
       FROM messages a JOIN messages u ON u.id = a.reply_to
       LEFT JOIN feedback f ON f.message_id = a.id
      WHERE a.author = 'assistant' AND a.created_at >= ?`, [since],
  );
  const items: Array<{ text: string; reason: Reason; at: number }> = [];
  for (const row of answered) {
    const reply = row.reply ? (JSON.parse(row.reply) as { confidence?: number; kind?: string }) : {};
    if (row.rating === 'down') items.push({ text: row.question, reason: 'thumbs_down', at: row.at });
    else if (reply.kind === 'fallback' || (reply.kind === 'answer' && (reply.confidence ?? 1) < options.threshold)) {
      items.push({ text: row.question, reason: 'low_confidence', at: row.at });
    }
  }
  // The last question before a case was opened is one the Lotse did not settle.
  const escalated = await db.all<{ case_id: string; text: string; at: number }>(
    `SELECT c.id AS case_id, m.text AS text, m.created_at AS at FROM cases c
       JOIN messages m ON m.conversation_id = c.conversation_id AND m.author = 'user' AND m.created_at <= c.created_at
      WHERE c.created_at >= ? ORDER BY m.created_at`, [since],
  );
  const lastPerCase = new Map<string, { text: string; at: number }>();
  for (const row of escalated) lastPerCase.set(row.case_id, { text: row.text, at: row.at });
  for (const q of lastPerCase.values()) items.push({ text: q.text, reason: 'escalated', at: q.at });
  const groups = groupQuestions(items.filter((i) => i.text.trim().length > 0));
  const editorial = options.articles ? { editorial: editorialQueue(options.articles, germanToday(options.now)) } : {};
  return { days: options.days, total: items.length, groups, ...editorial };
}

// --- stats ------------------------------------------------------------------------------------

/** Midnight in Berlin of a YYYY-MM-DD date, as epoch ms. */
export function berlinMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  for (const offsetHours of [1, 2]) {
    const candidate = Date.UTC(y, m - 1, d) - offsetHours * 3_600_000;
    const local = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23', day: '2-digit' }).format(candidate);
    if (local.startsWith(String(d).padStart(2, '0')) && local.endsWith('00')) return candidate;
  }
  return Date.UTC(y, m - 1, d);
}

/** A count that could point to a single case (1–4) is shown as null. */
export const suppress = (n: number): number | null => (n > 0 && n < MIN_CELL ? null : n);

function median(values: number[]): number | null {
  if (values.length < MIN_CELL) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return Math.round(sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2);
}

function countBy<T>(items: T[], key: (item: T) => string | null, labels?: Map<string, string>): Record<string, number | null> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item) ?? 'k. A.';
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => [labels?.get(k) ?? k, suppress(n)]));
}

export async function statsReport(db: SqlDriver, from: string, to: string) {
  const start = berlinMidnight(from);
  const end = berlinMidnight(to);
  const conversations = (await db.first<{ n: number }>('SELECT COUNT(*) AS n FROM conversations WHERE created_at >= ? AND created_at < ?', [start, end]))?.n ?? 0;
  const cases = await db.all<{ status: string; role: string | null; region: string | null; topic: string | null; outcome: string | null; created_at: number; claimed_at: number | null; first_response_at: number | null; urgency: string }>(
    'SELECT status, role, region, topic, outcome, created_at, claimed_at, first_response_at, urgency FROM cases WHERE created_at >= ? AND created_at < ?', [start, end],
  );
  const minutes = (a: number, b: number) => (b - a) / 60_000;
  const topicLabels = new Map(CLOSE_TOPICS.map((o) => [o.id, o.label]));
  const outcomeLabels = new Map(CLOSE_OUTCOMES.map((o) => [o.id, o.label]));
  return {
    from, to, minCell: MIN_CELL,
    conversations: suppress(conversations),
    escalations: suppress(cases.length),
    urgent: suppress(cases.filter((c) => c.urgency === 'urgent').length),
    closed: suppress(cases.filter((c) => c.status === 'closed').length),
    claimMinutesMedian: median(cases.filter((c) => c.claimed_at).map((c) => minutes(c.created_at, c.claimed_at!))),
    responseMinutesMedian: median(cases.filter((c) => c.first_response_at).map((c) => minutes(c.created_at, c.first_response_at!))),
    byOutcome: countBy(cases.filter((c) => c.status === 'closed'), (c) => c.outcome, outcomeLabels),
    byRole: countBy(cases, (c) => c.role),
    byRegion: countBy(cases, (c) => c.region),
    byTopic: countBy(cases, (c) => c.topic, topicLabels),
  };
}
