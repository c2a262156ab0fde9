// On the real Synapse: links the bot posts point to PUBLIC_URL even though the in-process bot
// talks to the service on 127.0.0.1; reminders are replies to the case's notice that ✋ acts on,
// and a silent reminder mentions the holder where they can see it; someone who is not staff is
// removed from a case room, with a German notice there.
import { describe, expect, it } from 'vitest';
import type { EscalationService } from '../../src/escalation/service.ts';
import { matrixSuite } from './helpers/suite.ts';
import { isReplyTo, waitUntil } from './helpers/matrix-client.ts';

const PUBLIC_URL = 'https://lotse.example.org';

// As with npm start: the bot reaches the service in its process, and LOTSE_URL is the listen
// address, which nobody else can open.
const m = matrixSuite({
  queueRoom: 'Warteschlange (Links und Raumschutz)',
  members: ['outsider'],
  botEnv: (service) => ({ LOTSE_URL: service.url, PUBLIC_URL }),
});
const { staffA, outsider, botId } = m;

/** The real service's reminder tick, run as if `minutes` had passed (the clock is the only thing moved). */
async function tickAfter(minutes: number): Promise<number> {
  const escalation = m.service.lotse.escalation as EscalationService;
  const deps = (escalation as unknown as { deps: { now?: () => number } }).deps;
  const shift = minutes * 60_000;
  deps.now = () => Date.now() + shift;
  try {
    return await escalation.tick();
  } finally {
    deps.now = undefined;
  }
}

async function newCase(text: string) {
  const asker = await m.asker();
  await asker.ask(text);
  const number: string = (await asker.escalate()).json.case.number;
  const notice = await staffA.waitFor(m.queueRoom, m.noticeFor(number), 20_000, 'notice');
  return { asker, number, notice };
}

describe('links in Matrix', () => {
  it('point to PUBLIC_URL in !suche and in the transcript, never to the listen address or artikel:', async () => {
    const search = await staffA.sendText(m.queueRoom, '!suche Schweigepflicht Jugendamt informieren');
    const hits = await staffA.waitFor(m.queueRoom, isReplyTo(search), 20_000, 'search reply');
    expect(hits.content.formatted_body).toContain(`<a href="${PUBLIC_URL}/wissen/`);
    expect(hits.content.body).toContain(`(${PUBLIC_URL}/wissen/`);
    const all = `${hits.content.body}${hits.content.formatted_body}`;
    expect(all).not.toContain('127.0.0.1');
    expect(all).not.toContain('artikel:');

    const { number } = await newCase('Darf ich bei einem Verdacht das Jugendamt ohne Wissen der Eltern informieren?');
    const claim = await staffA.sendText(m.queueRoom, `!übernehmen ${number}`);
    await staffA.waitFor(m.queueRoom, isReplyTo(claim), 20_000, 'claim reply');
    const room = await waitUntil(() => staffA.inviteNamed(`Fall ${number}`), 20_000, 'case room invite');
    await staffA.join(room);
    const transcript = await staffA.waitFor(room, (e) => e.sender === botId && String(e.content.body).startsWith(`Bisheriger Verlauf zu ${number}`), 20_000, 'transcript');
    const shown = `${transcript.content.body}${transcript.content.formatted_body}`;
    expect(shown).not.toContain('artikel:');
    expect(shown).not.toContain('127.0.0.1');
    // Whatever site path the answer named is now a link on the public address.
    for (const match of shown.matchAll(/\/wissen\//g)) expect(shown.slice(0, match.index).endsWith(PUBLIC_URL)).toBe(true);
  });
});

describe('reminders', () => {
  it('reply to the notice in German words, and a ✋ on the reminder claims the case', async () => {
    const { number, notice } = await newCase('Ein Kind kommt seit Tagen hungrig in die Kita. Was soll ich tun?');
    expect(await tickAfter(16)).toBeGreaterThan(0);
    const reminder = await staffA.waitFor(m.queueRoom, (e) => e.sender === botId && isReplyTo(notice.event_id)(e) && String(e.content.body).includes(`⏰ ${number} wartet seit`), 20_000, 'unclaimed reminder');
    expect(reminder.content.body).toMatch(new RegExp(`^⏰ ${number} wartet seit (1[5-7] Minuten) auf eine Fachkraft\\. ✋ hier oder „!übernehmen ${number}“ übernimmt ihn\\.$`));
    const hand = await staffA.react(m.queueRoom, reminder.event_id, '✋');
    const claimed = await staffA.waitFor(m.queueRoom, (e) => e.sender === botId && String(e.content.body) === `Sie haben ${number} übernommen. Ich lade Sie gleich in den Fallraum ein.`, 20_000, 'claim by ✋ on the reminder');
    expect(claimed).toBeTruthy();
    expect(hand).toBeTruthy();

    // The holder has not joined the case room yet: the silent reminder mentions her in the queue room instead.
    await waitUntil(() => staffA.inviteNamed(`Fall ${number}`), 20_000, 'case room invite');
    expect(await tickAfter(40)).toBeGreaterThan(0);
    const silent = await staffA.waitFor(m.queueRoom, (e) => e.sender === botId && String(e.content.body).includes(`In ${number} hat die anfragende Person seit`), 20_000, 'silent reminder');
    expect(silent.content['m.mentions']).toEqual({ user_ids: [staffA.userId] });
    expect(silent.content.formatted_body).toContain(`<a href="https://matrix.to/#/${staffA.userId}">`);
    expect(silent.content.body).not.toMatch(/\b1 Minuten\b/);
  });
});

describe('room hygiene', () => {
  it('removes someone who is not staff from a case room and says so there', async () => {
    const { number } = await newCase('Eine Mutter wirkt überfordert. An wen kann ich mich wenden?');
    const claim = await staffA.sendText(m.queueRoom, `!übernehmen ${number}`);
    await staffA.waitFor(m.queueRoom, isReplyTo(claim), 20_000, 'claim reply');
    const room = await waitUntil(() => staffA.inviteNamed(`Fall ${number}`), 20_000, 'case room invite');
    await staffA.join(room);
    await staffA.invite(room, outsider.userId);
    const told = await staffA.waitFor(room, (e) => e.sender === botId && String(e.content.body).startsWith('🚫 Otto Gast'), 20_000, 'removal notice');
    expect(told.content.body).toBe(`🚫 Otto Gast (${outsider.userId}) gehört nicht zu den Fachkräften der Kontaktstelle und wurde aus diesem Fallraum entfernt: hier steht der vertrauliche Verlauf einer anfragenden Person. Nachrichten dieser Person gingen nicht an die anfragende Person.`);
    expect(await staffA.membership(room, outsider.userId)).toBe('leave');
    // A colleague on the staff list stays.
    expect(await staffA.membership(room, staffA.userId)).toBe('join');
  });
});
