// The bot's only way into the service: its HTTP API (staff API with the staff token, public
// conversation API for direct chats). `fetch` is injected so that, in one process, the bot can
// call the Hono app's `app.fetch` directly; apart, it is the global fetch. One code path.

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type CaseStatus = 'open' | 'claimed' | 'closed';
export type CaseSummary = {
  id: string;
  number: string;
  status: CaseStatus;
  urgency: 'normal' | 'urgent';
  role: string | null;
  region: string | null;
  topic: string | null;
  conversationId: string;
  channel?: string;
  staffId?: string | null;
  staffName?: string | null;
  createdAt: number;
  claimedAt?: number | null;
  closedAt?: number | null;
  outcome?: string | null;
  hasContact?: boolean;
  contact?: string | null;
  openedOutsideHours?: boolean;
  /** The asker's question before the escalation, redacted and short. */
  question?: string | null;
  reopenedAt?: number | null;
  /** German words for role, region and topic. */
  labels?: { role: string | null; region: string | null; topic: string | null };
};
export type TranscriptMessage = { id: string; author: 'user' | 'assistant' | 'staff' | 'system'; text: string; createdAt: number };
export type CaseDetail = CaseSummary & {
  transcript: TranscriptMessage[];
  audit?: Array<{ action: string; actor: string | null; at: number }>;
  notes?: Array<{ by: string | null; text: string; at: number }>;
  rating?: string | null;
};
export type CannedReply = { name: string; text: string; updatedBy: string | null; updatedAt: number };
export type FeedEvent = { id: number; type: string; conversationId: string | null; caseId: string | null; payload: any; createdAt: number };
/** The articles that await an editor (gaps report, src/knowledge/editorial.ts editorialQueue). */
export type EditorialQueue = {
  total: number;
  approved: number;
  awaitingApproval: number;
  overdue: number;
  articles: Array<{ id: string; title: string; status: string; reviewDue: string; overdue: boolean; changedSinceApproval: boolean; approval?: { name: string; function: string; date: string } }>;
};

export type ReplyBody = { kind?: string; text: string; sources?: Array<{ id: string; title: string; url: string; status?: string }>; triage?: { level: string }; confidence?: number; actions?: Array<Record<string, any>> };

export class LotseError extends Error {
  readonly httpStatus: number;
  readonly code: string;
  constructor(httpStatus: number, code: string, message: string) {
    super(message);
    this.name = 'LotseError';
    this.httpStatus = httpStatus;
    this.code = code;
  }
}

export class LotseApi {
  readonly baseUrl: string;
  private readonly staffToken: string;
  private readonly fetchFn: FetchLike;

  constructor(baseUrl: string, staffToken: string, fetchFn: FetchLike = (input, init) => fetch(input, init)) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.staffToken = staffToken;
    this.fetchFn = fetchFn;
  }

  private async request<T>(method: string, path: string, body?: unknown, token = this.staffToken, signal?: AbortSignal): Promise<T> {
    const pending = this.fetchFn(this.baseUrl + path, {
      method,
      signal,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // In one process app.fetch ignores the signal; racing it keeps stop() prompt during a long poll.
    const res = signal ? await abortable(pending, signal) : await pending;
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) throw new LotseError(res.status, json?.error?.code ?? 'http_error', json?.error?.message ?? `${res.status} ${text.slice(0, 200)}`);
    return json as T;
  }

  // --- staff API -------------------------------------------------------------------------
  /** Events after the cursor; with `waitSeconds` the service holds the request until one arrives. */
  feed(after: number, limit = 100, waitSeconds = 0, signal?: AbortSignal): Promise<{ events: FeedEvent[]; cursor: number }> {
    return this.request('GET', `/api/staff/feed?after=${after}&limit=${limit}&wait=${waitSeconds}`, undefined, this.staffToken, signal);
  }
  ack(consumer: string, cursor: number): Promise<void> {
    return this.request('POST', '/api/staff/feed/ack', { consumer, cursor });
  }
  async cursor(consumer: string): Promise<number> {
    return (await this.request<{ cursor: number }>('GET', `/api/staff/feed/cursor?consumer=${encodeURIComponent(consumer)}`)).cursor;
  }
  async cases(status?: CaseStatus): Promise<CaseSummary[]> {
    return (await this.request<{ cases: CaseSummary[] }>('GET', `/api/staff/cases${status ? `?status=${status}` : ''}`)).cases;
  }
  async case(idOrNumber: string): Promise<CaseDetail> {
    return (await this.request<{ case: CaseDetail }>('GET', `/api/staff/cases/${encodeURIComponent(idOrNumber)}`)).case;
  }
  async claim(caseId: string, staffId: string, staffName: string, staffAlias?: string): Promise<CaseSummary> {
    return (await this.request<{ case: CaseSummary }>('POST', `/api/staff/cases/${encodeURIComponent(caseId)}/claim`, { staffId, staffName, staffAlias })).case;
  }
  /** Hand a case to a colleague (holder), or take it over (`lead`, with toStaffId = staffId). */
  async transfer(caseId: string, body: { staffId: string; lead?: boolean; toStaffId: string; toStaffName: string; toStaffAlias?: string }): Promise<CaseSummary> {
    return (await this.request<{ case: CaseSummary }>('POST', `/api/staff/cases/${encodeURIComponent(caseId)}/transfer`, body)).case;
  }
  async reopen(caseId: string, staffId: string, staffName: string, staffAlias?: string): Promise<CaseSummary> {
    return (await this.request<{ case: CaseSummary }>('POST', `/api/staff/cases/${encodeURIComponent(caseId)}/reopen`, { staffId, staffName, staffAlias })).case;
  }
  note(caseId: string, staffId: string, text: string): Promise<{ at: number }> {
    return this.request('POST', `/api/staff/cases/${encodeURIComponent(caseId)}/notes`, { staffId, text });
  }
  async replies(): Promise<CannedReply[]> {
    return (await this.request<{ replies: CannedReply[] }>('GET', '/api/staff/replies')).replies;
  }
  async setReply(name: string, text: string, staffId: string): Promise<CannedReply> {
    return (await this.request<{ reply: CannedReply }>('PUT', `/api/staff/replies/${encodeURIComponent(name)}`, { text, staffId })).reply;
  }
  removeReply(name: string): Promise<void> {
    return this.request('DELETE', `/api/staff/replies/${encodeURIComponent(name)}`);
  }
  async release(caseId: string, staffId: string): Promise<CaseSummary> {
    return (await this.request<{ case: CaseSummary }>('POST', `/api/staff/cases/${encodeURIComponent(caseId)}/release`, { staffId })).case;
  }
  staffMessage(caseId: string, body: { staffId: string; staffName: string; text: string; clientId: string; corrects?: string }): Promise<{ messageId: string; duplicate: boolean; corrected?: boolean }> {
    return this.request('POST', `/api/staff/cases/${encodeURIComponent(caseId)}/messages`, body);
  }
  /** A redacted staff message: withdrawn from the asker's chat (clientId: the Matrix event id it was sent as). */
  withdrawStaffMessage(caseId: string, body: { staffId: string; clientId: string }): Promise<{ messageId: string; duplicate: boolean }> {
    return this.request('POST', `/api/staff/cases/${encodeURIComponent(caseId)}/messages/withdraw`, body);
  }
  /** The holder types in the case room (or stopped): the asker sees "Die Fachkraft schreibt …". */
  staffTyping(caseId: string, body: { staffId: string; typing: boolean }): Promise<void> {
    return this.request('POST', `/api/staff/cases/${encodeURIComponent(caseId)}/typing`, body);
  }
  async close(caseId: string, body: { staffId: string; topic?: string; outcome?: string; note?: string }): Promise<CaseSummary> {
    return (await this.request<{ case: CaseSummary }>('POST', `/api/staff/cases/${encodeURIComponent(caseId)}/close`, body)).case;
  }
  closeOptions(): Promise<{ topics: Array<{ id: string; label: string }>; outcomes: Array<{ id: string; label: string }> }> {
    return this.request('GET', '/api/staff/close-options');
  }
  search(q: string): Promise<{ hits: Array<{ id: string; title: string; heading: string; url: string; excerpt: string; score: number }>; confidence: number }> {
    return this.request('GET', `/api/staff/search?q=${encodeURIComponent(q)}`);
  }
  gaps(days?: number): Promise<{ days: number; groups: Array<{ example: string; count: number; reasons: string[]; lastAt: number }>; editorial?: EditorialQueue }> {
    return this.request('GET', `/api/staff/reports/gaps${days ? `?days=${days}` : ''}`);
  }
  stats(from: string, to: string): Promise<any> {
    return this.request('GET', `/api/staff/reports/stats?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  }

  // --- public conversation API (direct chats with professionals) ---------------------------
  createConversation(body: { channel: 'matrix'; role?: string; region?: string }): Promise<{ id: string; token: string }> {
    // With the staff token: the bot opens conversations for many people and is not held to the per-address creation limit.
    return this.request('POST', '/api/conversations', body);
  }
  /** The Lotse's answer and its id (the id is what 👍/👎 feedback refers to); no answer while staff hold the case. */
  async ask(conversationId: string, token: string, text: string, clientId: string): Promise<{ reply: ReplyBody; replyId: string } | undefined> {
    const res = await this.request<{ reply?: ReplyBody; replyId?: string }>('POST', `/api/conversations/${encodeURIComponent(conversationId)}/messages`, { text, clientId }, token);
    return res?.reply ? { reply: res.reply, replyId: res.replyId ?? '' } : undefined;
  }
  /** The same request the web chat sends when the asker wants a person. */
  escalate(conversationId: string, token: string, body: { consent: true; urgency?: 'normal' | 'urgent'; contact?: string }): Promise<{ case: { id: string; number: string; status: string }; created?: boolean; message: string }> {
    return this.request('POST', `/api/conversations/${encodeURIComponent(conversationId)}/escalations`, body, token);
  }
  /** 👍/👎 on one answer of the Lotse (same endpoint as the web chat). */
  feedback(conversationId: string, token: string, body: { messageId: string; rating: 'up' | 'down' }): Promise<void> {
    return this.request('POST', `/api/conversations/${encodeURIComponent(conversationId)}/feedback`, body, token);
  }
  /** 👍/👎 on the help of the Kontaktstelle after a case was closed (same endpoint as the web chat). */
  rate(conversationId: string, token: string, rating: 'up' | 'down'): Promise<void> {
    return this.request('POST', `/api/conversations/${encodeURIComponent(conversationId)}/escalations/rating`, { rating }, token);
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
