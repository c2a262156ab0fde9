// "Verlauf drucken": the browser's print dialog on the chat itself, which a print stylesheet
// (styles.css) turns into a transcript — every message with author and time, staff answers
// included, without buttons and forms. Saving as PDF from that dialog gives a file a Kita or
// practice can file. Nothing of it goes to the service.

/** @param {HTMLButtonElement} button @param {HTMLElement} note the line printed above the transcript */
export function bindPrint(button, note) {
  const describe = () => {
    const now = new Date();
    const day = now.toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });
    const time = now.toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' });
    note.textContent =
      `Gesprächsverlauf mit dem Kinderschutz-Lotsen, ausgedruckt am ${day} um ${time} Uhr. ` +
      'Erkannte Namen und Kontaktdaten sind durch Platzhalter ersetzt. Der Lotse speichert diesen Ausdruck nicht; ' +
      'bewahren Sie ihn auf wie Ihre übrige Dokumentation.';
  };
  window.addEventListener('beforeprint', describe);
  button.addEventListener('click', () => {
    describe();
    window.print();
  });
}
