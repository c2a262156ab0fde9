// The bot's harness and router against a real Synapse: commands answered in German, strangers
// ignored, invites handled by the allowlist, and a restart that replays nothing.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MatrixBot } from '../../bots/matrix/bot.ts';
import { botEnv, startBot, tempStateFile } from './helpers/bot.ts';
import { isReplyTo, TestMatrixUser, waitUntil } from './helpers/matrix-client.ts';

const synapse = inject('synapse');
const staffA = new TestMatrixUser(synapse.baseUrl, synapse.users.staffA);
const staffB = new TestMatrixUser(synapse.baseUrl, synapse.users.staffB);
const outsider = new TestMatrixUser(synapse.baseUrl, synapse.users.outsider);
const professional = new TestMatrixUser(synapse.baseUrl, synapse.users.professional);
const botId = synapse.users.bot.userId;

let queueRoom: string;
let bot: MatrixBot;
let stateFile: string;

beforeAll(async () => {
  queueRoom = await staffA.createRoom({ name: 'Warteschlange (Router-Test)', invite: [botId, staffB.userId, outsider.userId] });
  await staffB.join(queueRoom);
  await outsider.join(queueRoom);
  stateFile = tempStateFile();
  bot = await startBot(botEnv(synapse, queueRoom), { stateFile, deliverFeed: false });
});

afterAll(async () => {
  await bot?.stop();
});

describe('Matrix bot router on Synapse', () => {
  it('answers !hilfe from an allowlisted staff member with the German command list', async () => {
    const ask = await staffA.sendText(queueRoom, '!hilfe');
    const reply = await staffA.waitFor(queueRoom, isReplyTo(ask), 20_000, 'help reply');
    expect(reply.sender).toBe(botId);
    expect(reply.content.msgtype).toBe('m.notice');
    expect(reply.content.body).toContain('Befehle');
    expect(reply.content.body).toContain('!übernehmen');
    expect(reply.content.body).toContain('!abschließen');
    expect(reply.content.formatted_body).toContain('<code>!suche &lt;Frage&gt;</code>');
  });

  it('takes the English alias and umlaut-free spelling as well', async () => {
    const ask = await staffB.sendText(queueRoom, '!HELP');
    const reply = await staffB.waitFor(queueRoom, isReplyTo(ask), 20_000, 'help reply');
    expect(reply.content.body).toContain('!statistik');
  });

  it('ignores a command from a user who is not on the staff allowlist', async () => {
    const stranger = await outsider.sendText(queueRoom, '!hilfe');
    const probe = await staffB.sendText(queueRoom, '!help');
    // The bot handles events in order: once the later command is answered, the earlier was seen.
    await staffB.waitFor(queueRoom, isReplyTo(probe), 20_000, 'reply to staff');
    const events = await staffA.messages(queueRoom);
    expect(events.filter(isReplyTo(stranger))).toHaveLength(0);
    expect(events.filter(isReplyTo(probe))).toHaveLength(1);
  });

  it('declines a room invite from a stranger and joins one from staff', async () => {
    const strangerRoom = await outsider.createRoom({ name: 'Fremder Raum', invite: [botId] });
    const staffRoom = await staffA.createRoom({ name: 'Kollegenraum', invite: [botId] });
    await waitUntil(async () => (await staffA.membership(staffRoom, botId)) === 'join', 20_000, 'bot joins staff room');
    await waitUntil(async () => (await outsider.membership(strangerRoom, botId)) === 'leave', 20_000, 'bot declines stranger');
  });

  it('accepts a direct chat from a professional on the homeserver and greets in German', async () => {
    const dm = await professional.createRoom({ invite: [botId], isDirect: true });
    const welcome = await professional.waitFor(dm, (e) => e.sender === botId && e.type === 'm.room.message', 20_000, 'welcome');
    expect(welcome.content.body).toContain('Kinderschutz-Lotse');
    expect(welcome.content.body).toMatch(/ohne Namen/);
  });

  it('resumes after a restart without handling any old message twice', async () => {
    const before = await staffA.sendText(queueRoom, '!hilfe');
    await staffA.waitFor(queueRoom, isReplyTo(before), 20_000, 'reply before restart');
    await bot.stop();

    const whileDown = await staffA.sendText(queueRoom, '!help');
    bot = await startBot(botEnv(synapse, queueRoom), { stateFile, deliverFeed: false });
    const after = await staffB.sendText(queueRoom, '!hilfe');
    await staffB.waitFor(queueRoom, isReplyTo(after), 20_000, 'reply after restart');

    const events = await staffA.messages(queueRoom);
    expect(events.filter(isReplyTo(before))).toHaveLength(1);
    // Sent while the bot was down: handled once after it came back, not lost and not twice.
    expect(events.filter(isReplyTo(whileDown))).toHaveLength(1);
    expect(events.filter(isReplyTo(after))).toHaveLength(1);
  });
});
