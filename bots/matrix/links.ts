// Links the bot posts in Matrix must open for staff and professionals wherever they read them:
// they point to PUBLIC_URL (the service's public address). Without it the bot falls back to
// LOTSE_URL, but never to a loopback address (the in-process bot talks to 127.0.0.1, which no
// other machine can open): then a link keeps only its text. Lotse Markdown carries internal
// article links (`artikel:id#section`) and site paths (`/wissen/…`); both become absolute here.
import type { BotConfig } from './config.ts';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|\[::\])$/i;

/** The base of every link in Matrix, without a trailing slash; undefined when there is none usable. */
export function publicBase(config: Pick<BotConfig, 'PUBLIC_URL' | 'LOTSE_URL'>): string | undefined {
  if (config.PUBLIC_URL) return config.PUBLIC_URL.replace(/\/+$/, '');
  const url = new URL(config.LOTSE_URL);
  return LOOPBACK.test(url.hostname) ? undefined : config.LOTSE_URL.replace(/\/+$/, '');
}

/** A site path of the service (`/wissen/a#b`) as an absolute link, or undefined without a base. */
export function absoluteUrl(path: string, base: string | undefined): string | undefined {
  return base && path.startsWith('/') ? base + path : undefined;
}

/** `artikel:id#x` → `/wissen/id#x`; other targets unchanged. */
function sitePath(target: string): string {
  const article = /^artikel:([a-z0-9-]+)(#[A-Za-z0-9\-_]*)?$/.exec(target);
  return article ? `/wissen/${article[1]}${article[2] ?? ''}` : target;
}

/**
 * Markdown of the Lotse with every internal link made absolute on `base`; without a base the
 * internal link becomes its text. Bare `/wissen/…` paths (e.g. a "Mehr dazu" list) likewise.
 */
export function resolveLinks(markdown: string, base: string | undefined): string {
  const linked = markdown.replace(/\[([^\]]*)\]\(((?:artikel:|\/wissen\/)[^)\s]*)\)/g, (_whole, label: string, target: string) => {
    const url = absoluteUrl(sitePath(target), base);
    return url ? `[${label}](${url})` : label;
  });
  return linked.replace(/(^|[\s(])(\/wissen\/[A-Za-z0-9\-_/#]+)/g, (whole, before: string, path: string) => {
    const url = absoluteUrl(path, base);
    return url ? `${before}${url}` : whole;
  });
}

/** The same for plain text shown without Markdown (transcripts, `!suche` excerpts): `[label](…)` → label (URL). */
export function linksAsText(markdown: string, base: string | undefined): string {
  return resolveLinks(markdown, base).replace(/\[([^\]]*)\]\((https?:[^)\s]*)\)/g, '$1 ($2)');
}
