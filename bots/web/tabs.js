// Other tabs of this browser that show the same conversation (they share its key in
// localStorage). Messages reach every tab through its own SSE stream; what the service does not
// stream — a new conversation, 👍/👎, a case rating, a recognised role, "Verlauf löschen" — is
// told to the other tabs here, so that they neither miss it nor overwrite it.

const NAME = 'kinderschutz-lotse';

/**
 * @typedef {{type:'started', id:string}
 *   | {type:'reset', id:string}
 *   | {type:'feedback', id:string, messageId:string, rating:'up'|'down'}
 *   | {type:'case-rated', id:string, caseId:string}
 *   | {type:'role', id:string, role:string|null}} TabNote
 */

/** @param {(note: TabNote) => void} onNote @returns {{post(note: TabNote): void}} */
export function createTabChannel(onNote) {
  if (typeof BroadcastChannel === 'undefined') return { post() {} };
  const channel = new BroadcastChannel(NAME);
  channel.addEventListener('message', (event) => {
    const note = event.data;
    if (note && typeof note.type === 'string' && typeof note.id === 'string') onNote(note);
  });
  return {
    post(note) {
      try {
        channel.postMessage(note);
      } catch {
        // A closed channel (page unloading): the other tabs catch up on their next reload.
      }
    },
  };
}
