// Power levels as the homeserver applies them. From room version 12 on, the room's creators
// (the sender of m.room.create and its `additional_creators`) stand above every power level
// and are not listed in m.room.power_levels at all; older versions list them with 100.
import type { MatrixApi } from './matrix-api.ts';

export type PowerLevels = {
  users?: Record<string, number>;
  users_default?: number;
  redact?: number;
  kick?: number;
  state_default?: number;
  events_default?: number;
  events?: Record<string, number>;
};

export type RoomPower = { levels: PowerLevels; creators: Set<string> };

/** True for room versions in which creators have unlimited power. */
export function creatorsArePrivileged(roomVersion: string | undefined): boolean {
  if (!roomVersion) return false;
  const n = Number(roomVersion);
  return Number.isFinite(n) ? n >= 12 : /hydra/i.test(roomVersion);
}

export async function roomPower(matrix: MatrixApi, roomId: string): Promise<RoomPower> {
  const [levels, create] = await Promise.all([
    matrix.stateEvent<PowerLevels>(roomId, 'm.room.power_levels'),
    matrix.stateEventWithSender(roomId, 'm.room.create'),
  ]);
  const creators = new Set<string>();
  if (create && creatorsArePrivileged(create.content.room_version as string | undefined)) {
    creators.add(create.sender);
    for (const id of (create.content.additional_creators as string[] | undefined) ?? []) creators.add(id);
  }
  return { levels: levels ?? {}, creators };
}

export function powerOf(power: RoomPower, userId: string): number {
  if (power.creators.has(userId)) return Infinity;
  return power.levels.users?.[userId] ?? power.levels.users_default ?? 0;
}
