import type { Article, Passage } from './types.ts';

// Sections that list references rather than answer a question; they are shown as sources,
// never quoted as an answer.
const NON_ANSWER_HEADINGS = new Set(['rechtsgrundlagen', 'quellen']);

export type Section = { heading: string; text: string };

/** Splits a Markdown body at `## ` headings. Text before the first heading is the lead. */
export function splitSections(body: string): { lead: string; sections: Section[] } {
  const parts = body.split(/^## +/m);
  const lead = stripTopHeading(parts[0]).trim();
  const sections = parts.slice(1).map((part) => {
    const newline = part.indexOf('\n');
    const heading = (newline === -1 ? part : part.slice(0, newline)).trim();
    const text = newline === -1 ? '' : part.slice(newline + 1).trim();
    return { heading, text };
  });
  return { lead, sections };
}

function stripTopHeading(text: string): string {
  return text.replace(/^# .*\n/m, '');
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function isAnswerSection(heading: string): boolean {
  return !NON_ANSWER_HEADINGS.has(heading.trim().toLowerCase());
}

/** Turns an article into passages: the short answer first, then one passage per answer section. */
export function chunkArticle(article: Article): Passage[] {
  const { sections } = splitSections(article.body);
  const base = {
    articleId: article.id,
    articleTitle: article.title,
    tags: article.tags,
    audience: article.audience,
    legal: article.legal,
    reviewed: article.reviewed,
    concerns: article.concerns,
  };
  const passages: Passage[] = [];
  if (article.lead) {
    passages.push({ ...base, id: `${article.id}#kurz`, heading: article.title, text: article.lead, url: `/wissen/${article.id}` });
  }
  for (const section of sections) {
    if (!isAnswerSection(section.heading) || !section.text) continue;
    const slug = slugify(section.heading);
    passages.push({ ...base, id: `${article.id}#${slug}`, heading: section.heading, text: section.text, url: `/wissen/${article.id}#${slug}` });
  }
  return passages;
}
