// Builds the summary of the guided procedure as a Markdown file in the browser. The service
// never keeps it: it exists only in the download.

import { markdownToPlainText } from './markdown.js';
import { editorialNote, formatDate } from './dom.js';

/**
 * @param {Array<{author:string, text:string, reply?:any}>} messages
 * @param {string} origin the page's origin, to make internal links absolute
 * @returns {string}
 */
export function buildSummary(messages, origin) {
  const navigatorSummary = [...messages].reverse().find((m) => typeof m.reply?.summary === 'string')?.reply.summary;
  const lines = [
    '# Kinderschutz-Lotse – Zusammenfassung',
    '',
    `Erstellt am ${formatDate(Date.now())} in Ihrem Browser. Der Lotse speichert diese Zusammenfassung nicht.`,
    'Bitte ergänzen Sie Ihre eigene Dokumentation (Beobachtungen, Gespräche, Entscheidungen) ohne unnötige Daten.',
    '',
  ];
  const steps = messages.filter((m) => m.author === 'assistant' && m.reply?.kind === 'navigator');
  if (navigatorSummary) {
    lines.push(absoluteLinks(navigatorSummary.trim(), origin), '');
  } else if (steps.length > 0) {
    // The guided procedure: its steps are the summary; the "Weiter" clicks in between are not.
    lines.push('## Ihre Schritte im Verfahren', '');
    for (const step of steps) lines.push(markdownToPlainText(step.reply.text ?? step.text), '');
  } else {
    for (const message of messages) {
      if (message.author === 'user') lines.push(`## Frage`, '', quote(message.text), '');
      else if (message.author === 'assistant') lines.push('## Antwort des Lotsen', '', markdownToPlainText(message.reply?.text ?? message.text), '');
      else if (message.author === 'staff') lines.push('## Antwort der Kontaktstelle', '', message.text, '');
    }
  }
  const sources = collectSources(steps.length > 0 ? steps : messages, origin);
  if (sources.length > 0) {
    lines.push('## Quellen', '');
    for (const source of sources) lines.push(`- ${source}`);
    lines.push('');
  }
  lines.push('---', 'Bei akuter Gefahr: Notruf 110 (Polizei) oder 112 (Rettungsdienst). Kinderschutzhotline MV: 0800 14 14 007 (rund um die Uhr, kostenfrei).', '');
  return lines.join('\n');
}

/**
 * The summary lists knowledge pages as paths ("/wissen/…"); in a downloaded file they only work
 * with the Lotse's address in front.
 * @param {string} text @param {string} origin
 */
function absoluteLinks(text, origin) {
  return text.replace(/(^|[\s(<])(\/wissen\/[^\s)>]*)/gm, (_, before, path) => `${before}${origin}${path}`);
}

/** @param {string} text */
function quote(text) {
  return text.split('\n').map((line) => `> ${line}`).join('\n');
}

/** Unique sources of all answers, with "Stand" and an unapproved state where known. */
function collectSources(messages, origin) {
  const seen = new Map();
  for (const message of messages) {
    for (const source of message.reply?.sources ?? []) {
      if (!source?.url || seen.has(source.url)) continue;
      const url = String(source.url).startsWith('/') ? `${origin}${source.url}` : String(source.url);
      const details = [source.reviewed ? `Stand: ${formatDate(source.reviewed)}` : '', editorialNote(source.status)].filter(Boolean);
      seen.set(source.url, `${source.title}${details.length ? ` (${details.join('; ')})` : ''}: ${url}`);
    }
  }
  return [...seen.values()];
}

/** Offers `text` as a file download. @param {string} filename @param {string} text */
export function downloadText(filename, text) {
  const blob = new Blob([text], { type: 'text/markdown;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
