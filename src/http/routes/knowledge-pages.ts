import type { OpenAPIHono } from '@hono/zod-openapi';
import { Marked, type Tokens } from 'marked';
import { slugify } from '../../knowledge/chunk.ts';
import { germanDate } from '../../assistant/text.ts';
import { STATUS_LABEL, statusLine } from '../../knowledge/editorial.ts';
import type { Article, Source } from '../../knowledge/types.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { articleIndexPage, articlePage as articlePageRoute, listArticles } from '../../contract/routes/public.ts';

// The articles as plain HTML pages, so every source link in an answer leads somewhere.
// Knowledge text is trusted but still never allowed to carry raw HTML.

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

function safeHref(href: string): string | undefined {
  if (href.startsWith('artikel:')) return `/wissen/${slugify(href.slice(8))}`;
  if (/^(https?:|tel:|mailto:|\/|#)/i.test(href)) return href;
  return undefined;
}

const markdown = new Marked({
  gfm: true,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    heading(this: { parser: { parseInline(t: Tokens.Generic[]): string } }, token: Tokens.Heading) {
      const level = Math.min(6, token.depth + 1);
      return `<h${level} id="${slugify(token.text)}">${this.parser.parseInline(token.tokens)}</h${level}>\n`;
    },
    link(this: { parser: { parseInline(t: Tokens.Generic[]): string } }, token: Tokens.Link) {
      const href = safeHref(token.href);
      const label = this.parser.parseInline(token.tokens);
      if (!href) return label;
      const external = /^https?:/i.test(href) ? ' rel="noopener noreferrer"' : '';
      return `<a href="${escapeHtml(href)}"${external}>${label}</a>`;
    },
    image(token: Tokens.Image) {
      return escapeHtml(token.text);
    },
  },
});

export function renderMarkdown(text: string): string {
  return markdown.parse(text, { async: false }) as string;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Kinderschutz-Lotse</title><link rel="stylesheet" href="/styles.css"></head>
<body class="article-page"><header class="site-header"><a href="/">Kinderschutz-Lotse</a> · <a href="/wissen">Wissen</a></header>
<main id="inhalt" class="article">${body}</main>
<footer class="site-footer">Bei akuter Gefahr für ein Kind: <a href="tel:110">110</a> (Polizei) oder <a href="tel:112">112</a> (Rettungsdienst).</footer>
</body></html>`;
}

/** "eingesehen" for every source; "abgerufen" only where the live page was actually retrieved. */
function sourceItem(s: Source): string {
  const when = [`eingesehen ${germanDate(s.accessed)}`, ...(s.retrieved ? [`abgerufen ${germanDate(s.retrieved)}`] : [])].join(', ');
  return `<li><a href="${escapeHtml(s.url)}" rel="noopener noreferrer">${escapeHtml(s.title)}</a> (${when})</li>`;
}

/** The editorial state as the reader must see it before relying on the text. */
export function editorialNotice(article: Article): string {
  const approval = article.approval;
  if (article.status === 'approved' && approval) {
    return `<p class="editorial-state approved" data-status="approved">Fachlich freigegeben am ${germanDate(approval.date)} von ${escapeHtml(approval.name)} (${escapeHtml(approval.function)}).</p>`;
  }
  const earlier = approval ? ` Die frühere Fassung gab ${escapeHtml(approval.name)} (${escapeHtml(approval.function)}) am ${germanDate(approval.date)} frei.` : '';
  return `<p class="editorial-state ${article.status}" data-status="${article.status}"><strong>${escapeHtml(statusLine(article)!)}.</strong>${earlier}</p>`;
}

function articlePage(article: Article): string {
  const sources = article.sources.map(sourceItem).join('');
  return page(article.title, `<h1>${escapeHtml(article.title)}</h1>${editorialNotice(article)}
<p class="stand">Stand: ${germanDate(article.stand)} (letzte inhaltliche Änderung) · nächste Überprüfung vorgesehen bis ${germanDate(article.reviewDue)}</p>
${renderMarkdown(article.body)}
<section aria-label="Belege"><h2>Belege</h2><ul>${sources}</ul></section>`);
}

export function knowledgePageRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const byId = new Map(deps.knowledge.articles.map((a) => [a.id, a]));
  const rendered = new Map<string, string>();
  app.openapi(articleIndexPage, (c) => {
    const items = deps.knowledge.articles
      .map((a) => `<li><a href="/wissen/${a.id}">${escapeHtml(a.title)}</a> <span class="editorial-label" data-status="${a.status}">(${STATUS_LABEL[a.status]})</span> – ${escapeHtml(a.summary)}</li>`)
      .join('');
    const unapproved = deps.knowledge.articles.some((a) => a.status !== 'approved')
      ? '<p class="editorial-state">Artikel, die als Entwurf oder seit der Freigabe geändert markiert sind, hat die Kontaktstelle noch nicht fachlich freigegeben.</p>'
      : '';
    return c.html(page('Wissen', `<h1>Wissen zum Kinderschutz</h1>${unapproved}<ul class="article-list">${items}</ul>`));
  });
  app.openapi(articlePageRoute, (c) => {
    const article = byId.get(c.req.param('id'));
    if (!article) return c.html(page('Nicht gefunden', '<h1>Diesen Artikel gibt es nicht.</h1><p><a href="/wissen">Zur Übersicht</a></p>'), 404);
    let html = rendered.get(article.id);
    if (!html) rendered.set(article.id, (html = articlePage(article)));
    return c.html(html);
  });
  app.openapi(listArticles, (c) =>
    c.json({
      articles: deps.knowledge.articles.map(({ id, title, summary, stand, reviewDue, status, approval }) => ({
        id, title, summary, stand, reviewDue, status,
        ...(approval ? { approval: { name: approval.name, function: approval.function, date: approval.date } } : {}),
        url: `/wissen/${id}`,
      })),
    }, 200),
  );
}
