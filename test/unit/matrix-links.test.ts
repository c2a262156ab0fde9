// Links the bot posts in Matrix point to PUBLIC_URL, never to the loopback address the
// in-process bot talks to; internal article links become absolute; reminders read as German.
import { describe, expect, it } from 'vitest';
import { absoluteUrl, linksAsText, publicBase, resolveLinks } from '../../bots/matrix/links.ts';
import { renderReply } from '../../bots/matrix/handlers/direct.ts';
import { loadBotConfig } from '../../bots/matrix/config.ts';
import { t } from '../../bots/matrix/texts.ts';

const env = { MATRIX_HOMESERVER_URL: 'https://matrix.example.org', MATRIX_ACCESS_TOKEN: 'x', MATRIX_QUEUE_ROOM: '!q', MATRIX_STAFF_USERS: '@a:example.org', STAFF_TOKEN: 'staff-token-0123456789' };

describe('the base of links in Matrix', () => {
  it('is PUBLIC_URL when set, a non-loopback LOTSE_URL otherwise, and nothing for a loopback one', () => {
    expect(publicBase(loadBotConfig({ ...env, LOTSE_URL: 'http://127.0.0.1:8787', PUBLIC_URL: 'https://lotse.example.org/' }))).toBe('https://lotse.example.org');
    expect(publicBase(loadBotConfig({ ...env, LOTSE_URL: 'https://lotse-worker.example.workers.dev' }))).toBe('https://lotse-worker.example.workers.dev');
    for (const local of ['http://127.0.0.1:8787', 'http://localhost:8787', 'http://[::1]:8787', 'http://0.0.0.0:8787']) {
      expect(publicBase(loadBotConfig({ ...env, LOTSE_URL: local }))).toBeUndefined();
    }
  });
  it('refuses a PUBLIC_URL that is not an http(s) address, naming the variable', () => {
    expect(() => loadBotConfig({ ...env, PUBLIC_URL: 'lotse.example.org' })).toThrow(/PUBLIC_URL="lotse.example.org" ist ungültig/);
  });
});

describe('Lotse Markdown in Matrix', () => {
  const text = 'Siehe [§ 4 KKG](artikel:paragraf-4-kkg#absatz-1) und [Beratung](/wissen/insofa).\n\n## Mehr dazu im Lotsen\n\n- /wissen/akute-gefahr';
  it('makes internal links absolute on the public address', () => {
    expect(resolveLinks(text, 'https://lotse.example.org')).toBe(
      'Siehe [§ 4 KKG](https://lotse.example.org/wissen/paragraf-4-kkg#absatz-1) und [Beratung](https://lotse.example.org/wissen/insofa).\n\n## Mehr dazu im Lotsen\n\n- https://lotse.example.org/wissen/akute-gefahr');
    expect(linksAsText('Siehe [§ 4 KKG](artikel:paragraf-4-kkg).', 'https://lotse.example.org')).toBe('Siehe § 4 KKG (https://lotse.example.org/wissen/paragraf-4-kkg).');
  });
  it('keeps only the link text without a public address, and leaves external links alone', () => {
    expect(resolveLinks(text, undefined)).toBe('Siehe § 4 KKG und Beratung.\n\n## Mehr dazu im Lotsen\n\n- /wissen/akute-gefahr');
    expect(resolveLinks('[Hilfetelefon](https://www.hilfetelefon.de)', undefined)).toBe('[Hilfetelefon](https://www.hilfetelefon.de)');
    expect(absoluteUrl('/wissen/a', undefined)).toBeUndefined();
  });
  it('renders a direct-chat answer without dead links', () => {
    const reply = { text: 'Lesen Sie [§ 4 KKG](artikel:paragraf-4-kkg).', sources: [{ id: 'a', title: 'Schweigepflicht', url: '/wissen/a' }] };
    const publicOne = renderReply(reply, 'https://lotse.example.org');
    expect(publicOne.html).toContain('<a href="https://lotse.example.org/wissen/paragraf-4-kkg">§ 4 KKG</a>');
    expect(publicOne.body).toContain('Quellen: Schweigepflicht (https://lotse.example.org/wissen/a)');
    const local = renderReply(reply, undefined);
    expect(local.html).not.toMatch(/href="(artikel:|\/)/);
    expect(local.body).toContain('Quellen: Schweigepflicht');
    expect(`${local.body}${local.html}`).not.toContain('artikel:');
  });
});

describe('reminder wording', () => {
  it('says "1 Minute", hours for long waits, and marks urgent cases', () => {
    expect(t.reminderUnclaimed('KS-2026-0004', 'normal', 1)).toMatch(/^⏰ KS-2026-0004 wartet seit 1 Minute auf eine Fachkraft\. ✋ hier/);
    expect(t.reminderUnclaimed('KS-2026-0005', 'urgent', 125)).toMatch(/^⏰ 🔴 dringend: KS-2026-0005 wartet seit 2 Std\. 5 Min\. auf/);
    expect(t.reminderSilent('KS-2026-0002', 'normal', 9)).toBe('⏰ In KS-2026-0002 hat die anfragende Person seit 9 Minuten keine Antwort.');
  });
});
