// A plain-HTTP Matrix client for the staff and professional side of the tests: real requests
// against the real Synapse, nothing faked. Kept deliberately small.
import { randomUUID } from 'node:crypto';
import type { SynapseUser } from '../../setup/synapse.ts';

export type TestEvent = { event_id: string; type: string; sender: string; content: Record<string, any>; origin_server_ts: number; state_key?: string };

export class TestMatrixUser {
  readonly baseUrl: string;
  readonly user: SynapseUser;

  constructor(baseUrl: string, user: SynapseUser) {
    this.baseUrl = baseUrl;
    this.user = user;
  }

  get userId(): string {
    return this.user.userId;
  }

  async request<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/_matrix/client/v3${path}`, {
      method,
      headers: { authorization: `Bearer ${this.user.accessToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as T & { errcode?: string; error?: string };
    if (!res.ok) throw Object.assign(new Error(`${method} ${path}: ${res.status} ${json.errcode} ${json.error}`), { errcode: json.errcode, status: res.status });
    return json;
  }

  async createRoom(options: { name?: string; invite?: string[]; isDirect?: boolean; powerLevels?: Record<string, number>; encrypted?: boolean } = {}): Promise<string> {
    const body: Record<string, unknown> = { preset: 'private_chat', name: options.name, invite: options.invite ?? [], is_direct: options.isDirect ?? false };
    if (options.encrypted) body.initial_state = [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }];
    if (options.powerLevels) body.power_level_content_override = { users: { [this.userId]: 100, ...options.powerLevels } };
    return (await this.request<{ room_id: string }>('POST', '/createRoom', body)).room_id;
  }

  async join(roomId: string): Promise<void> {
    await this.request('POST', `/join/${encodeURIComponent(roomId)}`, {});
  }

  async invite(roomId: string, userId: string): Promise<void> {
    await this.request('POST', `/rooms/${encodeURIComponent(roomId)}/invite`, { user_id: userId });
  }

  async send(roomId: string, content: Record<string, unknown>, type = 'm.room.message'): Promise<string> {
    const res = await this.request<{ event_id: string }>('PUT', `/rooms/${encodeURIComponent(roomId)}/send/${type}/${randomUUID()}`, content);
    return res.event_id;
  }

  sendText(roomId: string, body: string, extra: Record<string, unknown> = {}): Promise<string> {
    return this.send(roomId, { msgtype: 'm.text', body, ...extra });
  }

  react(roomId: string, eventId: string, key: string): Promise<string> {
    return this.send(roomId, { 'm.relates_to': { rel_type: 'm.annotation', event_id: eventId, key } }, 'm.reaction');
  }

  async redact(roomId: string, eventId: string): Promise<string> {
    const res = await this.request<{ event_id: string }>('PUT', `/rooms/${encodeURIComponent(roomId)}/redact/${encodeURIComponent(eventId)}/${randomUUID()}`, {});
    return res.event_id;
  }

  /** Sends an edit (m.replace) of one of this user's messages. */
  edit(roomId: string, eventId: string, body: string): Promise<string> {
    return this.send(roomId, { msgtype: 'm.text', body: `* ${body}`, 'm.new_content': { msgtype: 'm.text', body }, 'm.relates_to': { rel_type: 'm.replace', event_id: eventId } });
  }

  /** Tells the homeserver that this user types in the room (or stopped), as a client does while typing. */
  async typing(roomId: string, typing: boolean, timeoutMs = 30_000): Promise<void> {
    await this.request('PUT', `/rooms/${encodeURIComponent(roomId)}/typing/${encodeURIComponent(this.userId)}`, typing ? { typing: true, timeout: timeoutMs } : { typing: false });
  }

  /** What the homeserver's push rules made a notification for this user (newest first); `highlight` = mention. */
  async notifications(onlyHighlight = false): Promise<Array<{ event: TestEvent; room_id: string; actions: unknown[] }>> {
    const res = await this.request<{ notifications: Array<{ event: TestEvent; room_id: string; actions: unknown[] }> }>('GET', `/notifications?limit=100${onlyHighlight ? '&only=highlight' : ''}`);
    return res.notifications;
  }

  /** The room's latest events, oldest first. */
  async messages(roomId: string, limit = 200): Promise<TestEvent[]> {
    const res = await this.request<{ chunk: TestEvent[] }>('GET', `/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=${limit}`);
    return res.chunk.reverse();
  }

  async membership(roomId: string, userId: string): Promise<string | undefined> {
    try {
      return (await this.request<{ membership: string }>('GET', `/rooms/${encodeURIComponent(roomId)}/state/m.room.member/${encodeURIComponent(userId)}`)).membership;
    } catch {
      return undefined;
    }
  }

  async joinedRooms(): Promise<string[]> {
    return (await this.request<{ joined_rooms: string[] }>('GET', '/joined_rooms')).joined_rooms;
  }

  /** Rooms this user is invited to right now (via a fresh sync without a since token). */
  async invites(): Promise<string[]> {
    // Synapse caches identical initial syncs for minutes; a unique filter makes each one fresh.
    const filter = encodeURIComponent(JSON.stringify({ room: { timeline: { limit: 1 } }, presence: { not_types: [`x.${randomUUID()}`] } }));
    const res = await this.request<{ rooms?: { invite?: Record<string, unknown> } }>('GET', `/sync?timeout=0&filter=${filter}`);
    return Object.keys(res.rooms?.invite ?? {});
  }

  /** The pending invite to the room named `name` (the bot names case rooms "Fall KS-…"), if any. */
  async inviteNamed(name: string): Promise<string | undefined> {
    const filter = encodeURIComponent(JSON.stringify({ room: { timeline: { limit: 1 } }, presence: { not_types: [`x.${randomUUID()}`] } }));
    const res = await this.request<{ rooms?: { invite?: Record<string, { invite_state?: { events?: TestEvent[] } }> } }>('GET', `/sync?timeout=0&filter=${filter}`);
    for (const [roomId, room] of Object.entries(res.rooms?.invite ?? {})) {
      if (room.invite_state?.events?.some((e) => e.type === 'm.room.name' && e.content.name === name)) return roomId;
    }
    return undefined;
  }

  /** Declines every pending invite, so that later tests on the same homeserver see only their own. */
  async declineInvites(): Promise<void> {
    for (const roomId of await this.invites()) await this.request('POST', `/rooms/${encodeURIComponent(roomId)}/leave`, {}).catch(() => undefined);
  }

  /** Polls until an event in the room satisfies `predicate`; returns it. */
  async waitFor(roomId: string, predicate: (e: TestEvent) => boolean, timeoutMs = 20_000, what = 'event'): Promise<TestEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.messages(roomId)).find(predicate);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} in ${roomId}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export const isReplyTo = (eventId: string) => (e: TestEvent) => e.content?.['m.relates_to']?.['m.in_reply_to']?.event_id === eventId;

export async function waitUntil<T>(fn: () => Promise<T | undefined | false>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Synapse's admin API with the test admin's token: the server's own view of a room. */
export class SynapseAdmin {
  readonly baseUrl: string;
  readonly token: string;

  constructor(baseUrl: string, user: SynapseUser) {
    this.baseUrl = baseUrl;
    this.token = user.accessToken;
  }

  async request<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/_synapse/admin${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => ({}))) as T & { errcode?: string; error?: string };
    if (!res.ok) throw Object.assign(new Error(`${method} ${path}: ${res.status} ${json.errcode} ${json.error}`), { errcode: json.errcode, status: res.status });
    return json;
  }

  /** Current members of a room (joined only). */
  async members(roomId: string): Promise<string[]> {
    return (await this.request<{ members: string[] }>('GET', `/v1/rooms/${encodeURIComponent(roomId)}/members`)).members;
  }

  async state(roomId: string, type: string): Promise<Record<string, any> | undefined> {
    const res = await this.request<{ state: TestEvent[] }>('GET', `/v1/rooms/${encodeURIComponent(roomId)}/state`);
    return res.state.find((e) => e.type === type)?.content;
  }

  /** All timeline events of a room as the server holds them now (redactions applied), oldest first. */
  async messages(roomId: string): Promise<TestEvent[]> {
    const res = await this.request<{ chunk: TestEvent[] }>('GET', `/v1/rooms/${encodeURIComponent(roomId)}/messages?dir=b&limit=500`);
    return res.chunk.reverse();
  }

  async event(roomId: string, eventId: string): Promise<TestEvent | undefined> {
    return (await this.messages(roomId)).find((e) => e.event_id === eventId);
  }

  async roomExists(roomId: string): Promise<boolean> {
    try {
      await this.request('GET', `/v1/rooms/${encodeURIComponent(roomId)}`);
      return true;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return false;
      throw error;
    }
  }
}

/** A redacted event keeps its id and type but no content. */
export const isRedacted = (e: TestEvent | undefined): boolean =>
  e !== undefined && Object.keys(e.content ?? {}).length === 0 && (e as { unsigned?: { redacted_because?: unknown } }).unsigned?.redacted_because !== undefined;
