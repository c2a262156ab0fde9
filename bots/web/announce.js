// What a screen reader hears when a new message arrives: one short line in a status region
// ("Antwort des Lotsen: <its heading>"), never the whole answer with its sources and buttons.
// The message list itself is not a live region, so the history a reload puts back on screen,
// and the forms that open inside messages, are not read out.

import { markdownToPlainText } from './markdown.js';

const MAX_CHARS = 140;

/** @param {HTMLElement} region the role="status" element */
export function createAnnouncer(region) {
  return {
    /** @param {{author:string, text:string, reply?:any, staffName?:string}} message */
    announce(message) {
      const line = announcement(message);
      if (!line) return;
      // Emptied first so that the same words twice in a row are announced again.
      region.textContent = '';
      setTimeout(() => {
        region.textContent = line;
      }, 50);
    },
  };
}

/** @param {{author:string, text:string, reply?:any, staffName?:string}} message */
export function announcement(message) {
  const text = gist(message.reply?.text ?? message.text ?? '');
  switch (message.author) {
    case 'assistant': {
      const acute = message.reply?.triage?.level === 'acute' ? 'Akute Gefahr: Notruf 110 oder 112. ' : '';
      return `${acute}Antwort des Lotsen: ${text}`;
    }
    case 'staff':
      return `Nachricht von ${message.staffName ? `${message.staffName} (Kontaktstelle)` : 'der Kontaktstelle'}: ${text}`;
    case 'system':
      return `Hinweis: ${text}`;
    default:
      return '';
  }
}

/** The first line that says something (usually the answer's bold heading), shortened. @param {string} markdown */
function gist(markdown) {
  const lines = markdownToPlainText(markdown).split('\n').map((line) => line.trim()).filter((line) => line && !/^[-–—_*]{3,}$/.test(line));
  const first = lines[0] ?? '';
  return first.length > MAX_CHARS ? `${first.slice(0, MAX_CHARS - 1).trimEnd()}…` : first;
}
