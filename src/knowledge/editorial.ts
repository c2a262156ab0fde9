// The editorial state of an article, and what the Lotse says about it.
//
// An article is a draft until a named person approves it (`npm run knowledge:approve`). The
// approval records who, in which function, on which date, and the sha256 of the content as
// approved: everything the Lotse shows or says from the article — its front matter without
// `status` and `approval`, its body, and the editor-written companions beside it (its
// answers/<id>.yaml with short answers and typical questions, the stances of stances.yaml that
// stand on its sections, its next steps of next-steps.yaml). The state is computed at load:
// while the content still has that hash the article is `approved`; once any of it changes it is
// `changed` (changed since approval) until it is approved again — no manual step. An editor may
// also set `status: changed` by hand (e.g. after a change in the law that leaves the text
// untouched) or go back to `status: draft` by removing the approval block.
import { sha256Hex } from './sha256.ts';
import type { AnswersFile } from './schema.ts';
import type { Approval, Article, EditorialStatus, NextStep, Stance } from './types.ts';

export { EDITORIAL_STATUSES } from '../contract/vocabulary.ts';

/** How staff and editors read the state (knowledge:status, gaps report, Matrix, article page). */
export const STATUS_LABEL: Record<EditorialStatus, string> = {
  draft: 'Entwurf',
  approved: 'freigegeben',
  changed: 'seit der Freigabe geändert',
};

/** The line an answer from a draft carries (and the article page shows). */
export const DRAFT_LINE = 'Entwurf – noch nicht von der Kontaktstelle fachlich freigegeben';
/** The same for an article whose text changed after its approval. */
export const CHANGED_LINE = 'Geänderte Fassung – noch nicht von der Kontaktstelle fachlich freigegeben';

/**
 * The one short line an answer from this article must carry, or undefined when it is approved.
 * An unknown article counts as not approved. Plain text; the answer composer formats it like
 * the "Quelle: …, Stand …" line it follows.
 */
export function statusLine(article: Pick<Article, 'status'> | undefined): string | undefined {
  if (article?.status === 'approved') return undefined;
  return article?.status === 'changed' ? CHANGED_LINE : DRAFT_LINE;
}

/** Adds each source's editorial state (by article id), so web chat and Matrix can show it. */
export function withEditorialStatus<S extends { id: string }>(
  sources: readonly S[],
  articles: ReadonlyMap<string, Pick<Article, 'status'>>,
): Array<S & { status: EditorialStatus }> {
  return sources.map((source) => ({ ...source, status: articles.get(source.id)?.status ?? 'draft' }));
}

/** Today (or `at`) as YYYY-MM-DD in Germany: the date an approval records and review dates are compared with. */
export function germanToday(at: number | Date = Date.now()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

// --- the content hash -------------------------------------------------------------------------

/** Front matter keys that describe the editorial state, not the content: not hashed. */
const STATE_KEYS = new Set(['status', 'approval']);

/** Sorted keys, dates as YYYY-MM-DD: the same data always gives the same text. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

/**
 * The editor-written files beside an article that the Lotse shows or acts on together with it.
 * In file order: the first matching stance or next step wins, so their order is content too.
 */
export type Companions = { answers?: AnswersFile; stances: readonly Stance[]; nextSteps: readonly NextStep[] };
export const NO_COMPANIONS: Companions = { stances: [], nextSteps: [] };

/** The companions of one article, picked from the whole knowledge base's files. */
export function companionsOf(
  articleId: string,
  answers: ReadonlyMap<string, AnswersFile>,
  stances: readonly Stance[],
  nextSteps: readonly NextStep[],
): Companions {
  const file = answers.get(articleId);
  return {
    ...(file ? { answers: file } : {}),
    stances: stances.filter((s) => s.section.split('#')[0] === articleId),
    nextSteps: nextSteps.filter((n) => n.article === articleId),
  };
}

/**
 * sha256 of an article's own text: its front matter as parsed (so quoting, key order and YAML
 * comments do not count) without `status` and `approval`, and its body (line endings and
 * surrounding blank lines do not count). Computed once per article: hashing the body is the
 * expensive part of loading the knowledge base.
 */
export function textDigest(frontMatter: unknown, body: string): string {
  const data = frontMatter && typeof frontMatter === 'object' && !Array.isArray(frontMatter) ? frontMatter as Record<string, unknown> : {};
  const content = Object.fromEntries(Object.entries(data).filter(([key]) => !STATE_KEYS.has(key)));
  return sha256Hex(`${JSON.stringify(canonical(content))}\n---\n${body.replace(/\r\n?/g, '\n').trim()}\n`);
}

/** The content hash from the text digest and the companions as validated (YAML formatting and defaults do not count). */
export function withCompanions(digest: string, companions: Companions): string {
  const beside = { answers: companions.answers ?? null, stances: companions.stances, nextSteps: companions.nextSteps };
  return sha256Hex(`${digest}\n---\n${JSON.stringify(canonical(beside))}\n`);
}

/** sha256 of everything the approval covers: the article's text and its companions. */
export function contentHash(frontMatter: unknown, body: string, companions: Companions = NO_COMPANIONS): string {
  return withCompanions(textDigest(frontMatter, body), companions);
}

export type EditorialState = { status: EditorialStatus; contentHash: string; approval?: Approval };

/**
 * The state as it holds now, from the declared `status`, the `approval` block, the text digest
 * (textDigest) and the companions.
 * Returns a problem (for "file: problem") when the declaration contradicts itself.
 */
export function editorialState(
  declared: EditorialStatus,
  approval: Approval | undefined,
  digest: string,
  companions: Companions = NO_COMPANIONS,
): EditorialState | { problem: string } {
  const hash = withCompanions(digest, companions);
  if (!approval) {
    if (declared !== 'draft') {
      return { problem: `status: "${declared}" ohne approval-Block – freigeben nur mit npm run knowledge:approve, sonst status: draft` };
    }
    return { status: 'draft', contentHash: hash };
  }
  if (declared === 'draft') return { problem: 'approval: bei status: draft nicht erlaubt – entfernen Sie den approval-Block oder geben Sie den Artikel frei' };
  const status: EditorialStatus = declared === 'approved' && approval.sha256 === hash ? 'approved' : 'changed';
  return { status, contentHash: hash, approval };
}

/** True when the text is no longer the text that was approved. */
export function changedSinceApproval(article: Pick<Article, 'approval' | 'contentHash'>): boolean {
  return article.approval !== undefined && article.approval.sha256 !== article.contentHash;
}

// --- overviews for editors and staff ----------------------------------------------------------

export type EditorialRow = {
  id: string;
  title: string;
  url: string;
  status: EditorialStatus;
  label: string;
  stand: string;
  reviewDue: string;
  /** review_due has passed. */
  overdue: boolean;
  changedSinceApproval: boolean;
  /** Gap questions an editor must settle before approving. */
  openQuestions: string[];
  approval?: { name: string; function: string; date: string };
};

export function editorialRows(articles: readonly Article[], today: string): EditorialRow[] {
  return articles.map((a) => ({
    id: a.id,
    title: a.title,
    url: `/wissen/${a.id}`,
    status: a.status,
    label: STATUS_LABEL[a.status],
    stand: a.stand,
    reviewDue: a.reviewDue,
    overdue: a.reviewDue < today,
    changedSinceApproval: changedSinceApproval(a),
    openQuestions: a.openQuestions,
    ...(a.approval ? { approval: { name: a.approval.name, function: a.approval.function, date: a.approval.date } } : {}),
  }));
}

/** What needs an editor: not approved (draft or changed), or past its review date. */
export function editorialQueue(articles: readonly Article[], today: string) {
  const rows = editorialRows(articles, today).filter((r) => r.status !== 'approved' || r.overdue);
  return {
    total: articles.length,
    approved: articles.filter((a) => a.status === 'approved').length,
    awaitingApproval: rows.filter((r) => r.status !== 'approved').length,
    overdue: rows.filter((r) => r.overdue).length,
    articles: rows,
  };
}

// --- recording an approval --------------------------------------------------------------------

const quoted = (text: string) => JSON.stringify(text); // a JSON string is a valid YAML scalar

/** "Erika Beispiel, Leiterin der Kontaktstelle" → name and function (split at the first comma). */
export function parseApprover(by: string): { name: string; function: string } | undefined {
  const comma = by.indexOf(',');
  if (comma < 0) return undefined;
  const name = by.slice(0, comma).replace(/\s+/g, ' ').trim();
  const fn = by.slice(comma + 1).replace(/\s+/g, ' ').trim();
  if (name.length < 3 || fn.length < 3) return undefined;
  return { name, function: fn };
}

/**
 * The article file with `status: approved` and the given approval block in its front matter;
 * any earlier approval block is replaced, nothing else in the file changes.
 */
export function withApproval(content: string, approval: Approval): string {
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---(\n|$)/.exec(text);
  if (!match) throw new Error('Front Matter fehlt (die Datei muss mit --- beginnen)');
  const lines = match[1].split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^approval\s*:/.test(lines[i])) {
      // The block: its key line and every following indented (or empty) line.
      while (i + 1 < lines.length && (/^\s/.test(lines[i + 1]) || lines[i + 1] === '')) i++;
      continue;
    }
    if (/^status\s*:/.test(lines[i])) continue;
    kept.push(lines[i]);
  }
  const block = [
    'status: approved',
    'approval:',
    `  name: ${quoted(approval.name)}`,
    `  function: ${quoted(approval.function)}`,
    `  date: ${approval.date}`,
    `  sha256: ${quoted(approval.sha256)}`, // quoted: a hash of digits would read as a number
  ];
  return `---\n${[...kept, ...block].join('\n')}\n---${match[2]}${text.slice(match[0].length)}`;
}
