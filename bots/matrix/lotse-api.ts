// The bot's only way into the service: its HTTP API (staff API with the staff token, public
// conversation API for direct chats). `fetch` is injected so that, in one process, the bot can
// call the Hono app's `app.fetch` directly; apart, it is the global fetch. One code path.

import { createClient, LotseError, type Client, type FetchLike } from '../../src/contract/client.ts';
import { PUBLIC_ROUTES as pub, STAFF_ROUTES as staff } from '../../src/contract/routes/index.ts';
import type {
  CannedReply, CaseDetail, CreateConversation, CaseSummary, CloseOptions, EditorialQueue, Escalated, FeedEvent, GapsReport, Reply, SearchResult,
  StatsReport, TranscriptMessage,
} from '../../src/contract/types.ts';
import type { CaseStatus } from '../../src/contract/vocabulary.ts';

// The types are the contract's (src/contract/types.ts); they are re-exported under the names the
// bot has always used.
export type { CannedReply, CaseDetail, CaseStatus, CaseSummary, EditorialQueue, FeedEvent, FetchLike, TranscriptMessage };
export type ReplyBody = Reply;
export { LotseError };

export class LotseApi {
  readonly baseUrl: string;
  private readonly client: Client;

  constructor(baseUrl: string, staffToken: string, fetchFn?: FetchLike, options: { validateResponses?: boolean } = {}) {
    this.baseUrl = baseUrl.replace(/\/$/, '');
    this.client = createClient({ baseUrl: this.baseUrl, fetch: fetchFn, token: staffToken, validateResponses: options.validateResponses });
  }

  // --- staff API -------------------------------------------------------------------------
  /** Events after the cursor; with `waitSeconds` the service holds the request until one arrives. */
  feed(after: number, limit = 100, waitSeconds = 0, signal?: AbortSignal): Promise<{ events: FeedEvent[]; cursor: number }> {
    return this.client.call(staff.feed, { query: { after: String(after), limit: String(limit), wait: String(waitSeconds) } }, { signal });
  }
  ack(consumer: string, cursor: number): Promise<void> {
    return this.client.call(staff.ackFeed, { json: { consumer, cursor } });
  }
  async cursor(consumer: string): Promise<number> {
    return (await this.client.call(staff.feedCursor, { query: { consumer } })).cursor;
  }
  async cases(status?: CaseStatus): Promise<CaseSummary[]> {
    return (await this.client.call(staff.listCases, { query: { status } })).cases;
  }
  async case(idOrNumber: string): Promise<CaseDetail> {
    return (await this.client.call(staff.getCase, { params: { id: idOrNumber } })).case;
  }
  async claim(caseId: string, staffId: string, staffName: string, staffAlias?: string): Promise<CaseSummary> {
    return (await this.client.call(staff.claimCase, { params: { id: caseId }, json: { staffId, staffName, staffAlias } })).case;
  }
  /** Hand a case to a colleague (holder), or take it over (`lead`, with toStaffId = staffId). */
  async transfer(caseId: string, body: { staffId: string; lead?: boolean; toStaffId: string; toStaffName: string; toStaffAlias?: string }): Promise<CaseSummary> {
    return (await this.client.call(staff.transferCase, { params: { id: caseId }, json: body })).case;
  }
  async reopen(caseId: string, staffId: string, staffName: string, staffAlias?: string): Promise<CaseSummary> {
    return (await this.client.call(staff.reopenCase, { params: { id: caseId }, json: { staffId, staffName, staffAlias } })).case;
  }
  note(caseId: string, staffId: string, text: string): Promise<{ at: number }> {
    return this.client.call(staff.addNote, { params: { id: caseId }, json: { staffId, text } });
  }
  async replies(): Promise<CannedReply[]> {
    return (await this.client.call(staff.listReplies, {})).replies;
  }
  async setReply(name: string, text: string, staffId: string): Promise<CannedReply> {
    return (await this.client.call(staff.setReply, { params: { name }, json: { text, staffId } })).reply;
  }
  removeReply(name: string): Promise<void> {
    return this.client.call(staff.removeReply, { params: { name } });
  }
  async release(caseId: string, staffId: string): Promise<CaseSummary> {
    return (await this.client.call(staff.releaseCase, { params: { id: caseId }, json: { staffId } })).case;
  }
  staffMessage(caseId: string, body: { staffId: string; staffName: string; text: string; clientId: string; corrects?: string }): Promise<{ messageId: string; duplicate: boolean; corrected?: boolean }> {
    return this.client.call(staff.staffMessage, { params: { id: caseId }, json: body });
  }
  /** A redacted staff message: withdrawn from the asker's chat (clientId: the Matrix event id it was sent as). */
  withdrawStaffMessage(caseId: string, body: { staffId: string; clientId: string }): Promise<{ messageId: string; duplicate: boolean }> {
    return this.client.call(staff.withdrawStaffMessage, { params: { id: caseId }, json: body });
  }
  /** The holder types in the case room (or stopped): the asker sees "Die Fachkraft schreibt …". */
  staffTyping(caseId: string, body: { staffId: string; typing: boolean }): Promise<void> {
    return this.client.call(staff.staffTyping, { params: { id: caseId }, json: body });
  }
  async close(caseId: string, body: { staffId: string; topic?: string; outcome?: string; note?: string }): Promise<CaseSummary> {
    return (await this.client.call(staff.closeCase, { params: { id: caseId }, json: body })).case;
  }
  closeOptions(): Promise<CloseOptions> {
    return this.client.call(staff.closeOptions, {});
  }
  search(q: string): Promise<SearchResult> {
    return this.client.call(staff.search, { query: { q } });
  }
  gaps(days?: number): Promise<GapsReport> {
    return this.client.call(staff.gapsReport, { query: { days: days ? String(days) : undefined } });
  }
  stats(from: string, to: string): Promise<StatsReport> {
    return this.client.call(staff.statsReport, { query: { from, to } });
  }

  // --- public conversation API (direct chats with professionals) ---------------------------
  createConversation(body: CreateConversation & { channel: 'matrix' }): Promise<{ id: string; token: string }> {
    // With the staff token: the bot opens conversations for many people and is not held to the per-address creation limit.
    return this.client.call(pub.createConversation, { json: body });
  }
  /** The Lotse's answer and its id (the id is what 👍/👎 feedback refers to); no answer while staff hold the case. */
  async ask(conversationId: string, token: string, text: string, clientId: string): Promise<{ reply: ReplyBody; replyId: string } | undefined> {
    const res = await this.client.call(pub.postMessage, { params: { id: conversationId }, json: { text, clientId } }, { token });
    return res?.reply ? { reply: res.reply, replyId: res.replyId ?? '' } : undefined;
  }
  /** The same request the web chat sends when the asker wants a person. */
  escalate(conversationId: string, token: string, body: { consent: true; urgency?: 'normal' | 'urgent'; contact?: string }): Promise<Escalated> {
    return this.client.call(pub.escalate, { params: { id: conversationId }, json: body }, { token });
  }
  /** 👍/👎 on one answer of the Lotse (same endpoint as the web chat). */
  feedback(conversationId: string, token: string, body: { messageId: string; rating: 'up' | 'down' }): Promise<void> {
    return this.client.call(pub.postFeedback, { params: { id: conversationId }, json: body }, { token });
  }
  /** 👍/👎 on the help of the Kontaktstelle after a case was closed (same endpoint as the web chat). */
  rate(conversationId: string, token: string, rating: 'up' | 'down'): Promise<void> {
    return this.client.call(pub.rateCase, { params: { id: conversationId }, json: { rating } }, { token });
  }
}
