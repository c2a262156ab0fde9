// Room hygiene: a case room holds the asker's (redacted) conversation and is for staff only.
// When someone who is not staff is invited to it or joins it, the bot removes them at once
// (MATRIX_CASE_ROOM_GUARD=remove, the default) or only warns (warn), and says so in the room in
// German. Their messages are never relayed either way (the bot ignores non-staff in case rooms).
import { describeError } from '../failures.ts';
import { txnIdFor, type RawEvent } from '../matrix-api.ts';
import type { BotServices } from '../services.ts';
import { t } from '../texts.ts';

const ENTERING = new Set(['invite', 'join', 'knock']);

export async function guardCaseRoom(s: BotServices, roomId: string, event: RawEvent): Promise<void> {
  const target = event.state_key;
  if (event.type !== 'm.room.member' || !target || target === s.matrix.userId) return;
  if (!ENTERING.has(String(event.content.membership)) || !s.state.caseIdForRoom(roomId)) return;
  if (await s.isStaff(target)) return;
  // Judged on the room as it is now: an old event of someone who has left since needs nothing.
  const now = await s.matrix.stateEvent<{ membership?: string }>(roomId, 'm.room.member', target).catch(() => undefined);
  if (!now?.membership || !ENTERING.has(now.membership)) return;
  const name = typeof event.content.displayname === 'string' && event.content.displayname ? event.content.displayname : target;
  const number = s.state.data.cases[s.state.caseIdForRoom(roomId)!]?.number ?? '';
  if (s.config.MATRIX_CASE_ROOM_GUARD === 'warn') {
    await notice(s, roomId, event, t.nonStaffWarned(name, target));
    return;
  }
  try {
    await s.matrix.kick(roomId, target, t.nonStaffKickReason(number));
    s.log.info(`removed ${target} (not staff) from the case room of ${number}`);
    await notice(s, roomId, event, t.nonStaffRemoved(name, target));
  } catch (error) {
    s.log.warn(`could not remove ${target} (not staff) from the case room of ${number}: ${describeError(error)}`);
    await notice(s, roomId, event, t.nonStaffNotRemoved(name, target));
  }
}

async function notice(s: BotServices, roomId: string, event: RawEvent, body: string): Promise<void> {
  const caseId = s.state.caseIdForRoom(roomId)!;
  const id = await s.matrix.send(roomId, { msgtype: 'm.text', body }, txnIdFor(`guard:${event.event_id}`));
  const link = s.state.data.cases[caseId];
  if (link) (link.posted ??= []).includes(id) || link.posted.push(id);
}
