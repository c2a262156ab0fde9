// The bot's access to the homeserver, through matrix-js-sdk's MatrixClient. The bot runs its own
// /sync loop over the client's HTTP layer instead of `startClient()`: in Node the SDK keeps no
// sync position across restarts, and the bot must resume exactly where it stopped (no replays,
// no gaps). Sends go through PUT …/send/{type}/{txnId} with transaction ids the caller derives
// from durable ids, so a retried send never posts twice.
import { createHash } from 'node:crypto';
import { createClient, Method, type MatrixClient } from 'matrix-js-sdk';
import type { BotConfig } from './config.ts';
import { sdkLogger, type BotLogger } from './log.ts';

export type RawEvent = {
  event_id: string;
  type: string;
  sender: string;
  room_id?: string;
  origin_server_ts: number;
  state_key?: string;
  content: Record<string, any>;
  unsigned?: Record<string, any>;
};

export type SyncResponse = {
  next_batch: string;
  rooms?: {
    join?: Record<string, { timeline?: { events?: RawEvent[]; limited?: boolean }; state?: { events?: RawEvent[] }; ephemeral?: { events?: Array<{ type: string; content: Record<string, any> }> } }>;
    invite?: Record<string, { invite_state?: { events?: RawEvent[] } }>;
    leave?: Record<string, unknown>;
  };
};

/** Only what the bot acts on; keeps each sync small. */
const SYNC_FILTER = JSON.stringify({
  presence: { types: [] },
  account_data: { types: [] },
  room: {
    // Typing in case rooms goes on to the asker ("Die Fachkraft schreibt …"); receipts are not needed.
    ephemeral: { types: ['m.typing'] },
    account_data: { types: [] },
    state: { lazy_load_members: true },
    timeline: { limit: 100, types: ['m.room.message', 'm.reaction', 'm.room.member', 'm.room.power_levels', 'm.room.redaction'] },
  },
});

/** A transaction id derived from a durable key: the same key always gives the same id. */
export function txnIdFor(key: string): string {
  return 'lotse-' + createHash('sha256').update(key).digest('base64url').slice(0, 32);
}

export class MatrixApi {
  readonly client: MatrixClient;
  readonly userId: string;
  readonly serverName: string;

  private constructor(client: MatrixClient, userId: string) {
    this.client = client;
    this.userId = userId;
    this.serverName = userId.slice(userId.indexOf(':') + 1);
  }

  static async connect(config: BotConfig, log: BotLogger, fetchFn?: typeof fetch): Promise<MatrixApi> {
    const base = { baseUrl: config.MATRIX_HOMESERVER_URL, fetchFn: explainingFetch(fetchFn), logger: sdkLogger(log) };
    let accessToken = config.MATRIX_ACCESS_TOKEN;
    let userId = config.MATRIX_USER_ID;
    if (!accessToken) {
      const login = await createClient(base).loginRequest({
        type: 'm.login.password',
        identifier: { type: 'm.id.user', user: config.MATRIX_USER_ID! },
        password: config.MATRIX_PASSWORD!,
        device_id: config.MATRIX_DEVICE_ID,
        initial_device_display_name: 'Kinderschutz-Lotse Bot',
      });
      accessToken = login.access_token;
      userId = login.user_id;
    }
    const client = createClient({ ...base, accessToken, userId });
    if (!userId) userId = (await client.whoami()).user_id;
    return new MatrixApi(createClient({ ...base, accessToken, userId }), userId);
  }

  sync(since: string | undefined, timeoutMs: number, signal?: AbortSignal): Promise<SyncResponse> {
    const query: Record<string, string> = { filter: SYNC_FILTER, timeout: String(timeoutMs) };
    if (since) query.since = since;
    return this.client.http.authedRequest<SyncResponse>(Method.Get, '/sync', query, undefined, {
      abortSignal: signal,
      localTimeoutMs: timeoutMs + 20_000,
    });
  }

  async send(roomId: string, content: Record<string, unknown>, txnId: string, type = 'm.room.message'): Promise<string> {
    const path = `/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(type)}/${encodeURIComponent(txnId)}`;
    const res = await this.client.http.authedRequest<{ event_id: string }>(Method.Put, path, undefined, content);
    return res.event_id;
  }

  /** Replaces the text of an earlier message of the bot (m.replace); the original id stays the reference. */
  /**
   * The edit itself is an m.notice with empty mentions, so that no client rings again for it
   * (default push rules mute notices and edits); the new content keeps the original's msgtype.
   */
  edit(roomId: string, eventId: string, content: { body: string; formatted_body?: string }, txnId: string, msgtype = 'm.text'): Promise<string> {
    const newContent = { msgtype, ...withFormat(content), 'm.mentions': {} };
    return this.send(roomId, {
      ...withFormat(content),
      msgtype: 'm.notice',
      body: `* ${content.body}`,
      'm.mentions': {},
      'm.new_content': newContent,
      'm.relates_to': { rel_type: 'm.replace', event_id: eventId },
    }, txnId);
  }

  async join(roomIdOrAlias: string): Promise<string> {
    const room = await this.client.joinRoom(roomIdOrAlias);
    return room.roomId;
  }

  async leave(roomId: string): Promise<void> {
    await this.client.leave(roomId);
  }

  async invite(roomId: string, userId: string): Promise<void> {
    await this.client.invite(roomId, userId);
  }

  async createPrivateRoom(options: { name: string; topic: string; invite: string[]; caseState: Record<string, unknown> }): Promise<string> {
    const res = await this.client.createRoom({
      name: options.name,
      topic: options.topic,
      invite: options.invite,
      preset: 'private_chat' as never,
      visibility: 'private' as never,
      initial_state: [{ type: CASE_STATE_TYPE, state_key: '', content: options.caseState }],
    });
    return res.room_id;
  }

  async redact(roomId: string, eventId: string, txnId: string, reason?: string): Promise<void> {
    const path = `/rooms/${encodeURIComponent(roomId)}/redact/${encodeURIComponent(eventId)}/${encodeURIComponent(txnId)}`;
    await this.client.http.authedRequest(Method.Put, path, undefined, reason ? { reason } : {});
  }

  async stateEvent<T = Record<string, any>>(roomId: string, type: string, stateKey = ''): Promise<T | undefined> {
    try {
      return (await this.client.getStateEvent(roomId, type, stateKey)) as T;
    } catch (error) {
      if ((error as { errcode?: string }).errcode === 'M_NOT_FOUND') return undefined;
      throw error;
    }
  }

  /** A state event with its sender (the m.room.create sender is the room's creator). */
  async stateEventWithSender(roomId: string, type: string, stateKey = ''): Promise<{ sender: string; content: Record<string, any> } | undefined> {
    try {
      const path = `/rooms/${encodeURIComponent(roomId)}/state/${encodeURIComponent(type)}/${encodeURIComponent(stateKey)}`;
      const event = await this.client.http.authedRequest<RawEvent>(Method.Get, path, { format: 'event' });
      return { sender: event.sender, content: event.content };
    } catch (error) {
      if ((error as { errcode?: string }).errcode === 'M_NOT_FOUND') return undefined;
      throw error;
    }
  }

  async joinedRooms(): Promise<string[]> {
    return (await this.client.getJoinedRooms()).joined_rooms;
  }

  async displayName(userId: string): Promise<string> {
    try {
      const profile = await this.client.getProfileInfo(userId, 'displayname');
      return profile.displayname || localpart(userId);
    } catch {
      return localpart(userId);
    }
  }

  async setState(roomId: string, type: string, content: Record<string, unknown>, stateKey = ''): Promise<void> {
    const path = `/rooms/${encodeURIComponent(roomId)}/state/${encodeURIComponent(type)}/${encodeURIComponent(stateKey)}`;
    await this.client.http.authedRequest(Method.Put, path, undefined, content);
  }

  async kick(roomId: string, userId: string, reason?: string): Promise<void> {
    await this.client.http.authedRequest(Method.Post, `/rooms/${encodeURIComponent(roomId)}/kick`, undefined, { user_id: userId, ...(reason ? { reason } : {}) });
  }

  async forget(roomId: string): Promise<void> {
    await this.client.http.authedRequest(Method.Post, `/rooms/${encodeURIComponent(roomId)}/forget`, undefined, {});
  }

  /** Members (user id → membership) from the room's current state. */
  async members(roomId: string): Promise<Record<string, string>> {
    const res = await this.client.http.authedRequest<{ chunk: RawEvent[] }>(Method.Get, `/rooms/${encodeURIComponent(roomId)}/members`);
    return Object.fromEntries(res.chunk.filter((e) => e.state_key).map((e) => [e.state_key!, String(e.content.membership)]));
  }

  /** Every timeline event of a room the bot can see, newest first, page by page. */
  async *history(roomId: string, pageSize = 100): AsyncGenerator<RawEvent> {
    let from: string | undefined;
    for (;;) {
      const query: Record<string, string> = { dir: 'b', limit: String(pageSize) };
      if (from) query.from = from;
      const res = await this.client.http.authedRequest<{ chunk: RawEvent[]; end?: string }>(Method.Get, `/rooms/${encodeURIComponent(roomId)}/messages`, query);
      yield* res.chunk;
      if (!res.end || res.chunk.length === 0) return;
      from = res.end;
    }
  }

  /**
   * Deletes and purges a room through the Synapse admin API (only for a bot that is a server
   * admin). `refused` when the bot is no server admin or the homeserver has no such API.
   */
  async adminDeleteRoom(roomId: string): Promise<'purged' | 'refused' | 'not_found'> {
    try {
      await this.client.http.authedRequest(Method.Delete, `/rooms/${encodeURIComponent(roomId)}`, undefined, { purge: true, block: false }, { prefix: '/_synapse/admin/v1' });
      return 'purged';
    } catch (error) {
      const e = error as { httpStatus?: number; errcode?: string };
      if (e.httpStatus === 403 || e.errcode === 'M_UNRECOGNIZED' || (e.httpStatus === 404 && e.errcode !== 'M_NOT_FOUND')) return 'refused';
      if (e.httpStatus === 404 || e.httpStatus === 400) return 'not_found';
      throw error;
    }
  }

  async joinedMemberCount(roomId: string): Promise<number> {
    const res = await this.client.http.authedRequest<{ joined: Record<string, unknown> }>(Method.Get, `/rooms/${encodeURIComponent(roomId)}/joined_members`);
    return Object.keys(res.joined).length;
  }
}

/**
 * fetch whose network errors name their cause: the SDK turns every failed fetch into
 * "ConnectionError: fetch failed" and drops the cause, which is what the operator needs
 * (ECONNREFUSED, ENOTFOUND, a certificate problem …).
 */
function explainingFetch(inner?: typeof fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await (inner ?? fetch)(input, init);
    } catch (error) {
      const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
      if (e?.name === 'AbortError' || !e?.cause) throw error;
      const detail = [e.cause.code, e.cause.message].filter(Boolean).join(' ');
      throw Object.assign(new TypeError(`${e.message} (${detail})`), { cause: e.cause });
    }
  };
}

export const CASE_STATE_TYPE = 'de.kinderschutz-lotse.case';

export function localpart(userId: string): string {
  return userId.replace(/^@/, '').replace(/:.*$/, '');
}

function withFormat(content: { body: string; formatted_body?: string }): Record<string, unknown> {
  return content.formatted_body
    ? { body: content.body, format: 'org.matrix.custom.html', formatted_body: content.formatted_body }
    : { body: content.body };
}
