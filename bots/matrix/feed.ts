// Delivers the service's durable event log to Matrix: read after the acknowledged cursor,
// post, then acknowledge, one event at a time. Every post's transaction id is derived from the
// event id, so an event delivered again after a crash is deduplicated by the homeserver; a
// homeserver outage holds the loop on that event until it comes back, keeping the order.
import { AbortedError, sleep, withRetry } from './backoff.ts';
import { textToHtml } from './format.ts';
import type { CaseSummary, FeedEvent } from './lotse-api.ts';
import { CASE_STATE_TYPE, txnIdFor } from './matrix-api.ts';
import type { BotServices } from './services.ts';
import type { CaseLink } from './state.ts';
import { esc, t } from './texts.ts';

type Message = { id: string; author: 'user' | 'assistant' | 'staff' | 'system'; text: string; staffName?: string; clientId?: string | null };

export class FeedDelivery {
  private readonly s: BotServices;
  private readonly signal: AbortSignal;
  private wake: (() => void) | undefined;
  private pending = false;

  constructor(services: BotServices, signal: AbortSignal) {
    this.s = services;
    this.signal = signal;
  }

  get consumer(): string {
    return `matrix:${this.s.matrix.userId}`;
  }

  nudge(): void {
    this.pending = true;
    this.wake?.();
  }

  async run(): Promise<void> {
    const retry = { signal: this.signal, onRetry: (e: unknown, ms: number) => this.s.log.warn(`feed: ${describeShort(e)}, retry in ${ms} ms`) };
    try {
      let cursor = await withRetry(() => this.s.lotse.cursor(this.consumer), retry);
      while (!this.signal.aborted) {
        const asked = Date.now();
        const batch = await withRetry(() => this.s.lotse.feed(cursor, 50, this.pending ? 0 : 20, this.signal), retry);
        // A service without long-poll answers at once: then poll at the configured pace instead of spinning.
        if (batch.events.length === 0 && !this.pending && Date.now() - asked < 200) await this.idle();
        for (const event of batch.events) {
          await withRetry(() => this.deliver(event), retry);
          this.s.state.save();
          await withRetry(() => this.s.lotse.ack(this.consumer, event.id), retry);
        }
        cursor = Math.max(cursor, batch.cursor);
        this.pending = false;
      }
    } catch (error) {
      if (error instanceof AbortedError || this.signal.aborted) return;
      this.s.log.error('feed loop stopped', error);
      throw error;
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.signal.removeEventListener('abort', done);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.s.config.MATRIX_FEED_POLL_MS);
      this.signal.addEventListener('abort', done, { once: true });
      this.wake = done;
    });
  }

  async deliver(event: FeedEvent): Promise<void> {
    this.s.log.debug(`feed event ${event.id} ${event.type}`);
    const c = event.payload?.case as CaseSummary | undefined;
    switch (event.type) {
      case 'case.opened': return this.onOpened(event, c!);
      case 'case.claimed': return this.onClaimed(event, c!);
      case 'case.released': return this.onReleased(event, c!);
      case 'case.closed': return this.onClosed(event, c!);
      case 'case.reminder': return this.onReminder(event, c!);
      case 'message': return this.onMessage(event);
      default: return; // other event kinds are for the web chat only
    }
  }

  private link(c: CaseSummary): CaseLink {
    const link = this.s.state.caseLink(c.id, c.number);
    // A case opened from a direct chat: its status and staff messages go back there.
    link.directRoomId ??= this.directRoomFor(c.conversationId);
    return link;
  }

  private async postNotice(event: FeedEvent, c: CaseSummary): Promise<void> {
    const link = this.link(c);
    const { body, html } = t.notice(c);
    if (!link.noticeEventId) {
      link.noticeEventId = await this.s.matrix.send(this.s.queueRoomId(), { msgtype: 'm.notice', body, format: 'org.matrix.custom.html', formatted_body: html }, txnIdFor(`notice:${c.id}`));
    } else {
      const id = await this.s.matrix.edit(this.s.queueRoomId(), link.noticeEventId, { body, formatted_body: html }, txnIdFor(`edit:${event.id}`));
      this.s.state.recordPost(c.id, 'queuePosted', id);
    }
  }

  private async onOpened(event: FeedEvent, c: CaseSummary): Promise<void> {
    // Delivered before a crash that came ahead of the ack: the notice is there already.
    if (this.link(c).noticeEventId) return;
    await this.postNotice(event, c);
  }

  private async onClaimed(event: FeedEvent, c: CaseSummary): Promise<void> {
    await this.postNotice(event, c);
    const link = this.link(c);
    link.claimedBy = c.staffId ?? undefined;
    link.staffName = c.staffName ?? undefined;
    const roomId = await this.ensureCaseRoom(event, c);
    if (c.staffId) await this.inviteIfNeeded(roomId, c.staffId);
    if (!link.posted?.length) await this.postTranscript(event, c, roomId);
  }

  private async onReleased(event: FeedEvent, c: CaseSummary): Promise<void> {
    await this.postNotice(event, c);
    const link = this.link(c);
    link.claimedBy = undefined;
    if (link.roomId) await this.post(link, link.roomId, t.released(c.number), `released:${event.id}`);
  }

  private async onClosed(event: FeedEvent, c: CaseSummary): Promise<void> {
    await this.postNotice(event, c);
    const link = this.link(c);
    link.closed = true;
    link.closedAt = event.createdAt;
    // The bot stays in the room until the retention period ends: only a member can redact its
    // posts then, and the room is private, so a bot that left could not come back.
    if (link.roomId) await this.post(link, link.roomId, t.caseRoomClosed(c.number, this.s.retentionMs), `closed:${event.id}`);
  }

  private async onReminder(event: FeedEvent, c: CaseSummary): Promise<void> {
    const { kind, minutes, target } = event.payload as { kind: 'unclaimed' | 'silent'; minutes: number; target: 'queue' | 'staff' };
    const link = this.link(c);
    const text = kind === 'unclaimed' ? t.reminderUnclaimed(c.number, minutes) : t.reminderSilent(c.number, minutes);
    if (target === 'staff' && link.roomId && !link.closed) {
      const mention = c.staffId ? `${c.staffName ?? c.staffId}: ` : '';
      await this.post(link, link.roomId, mention + text, `reminder:${event.id}`, 'm.text');
    } else {
      const id = await this.s.matrix.send(this.s.queueRoomId(), { msgtype: 'm.text', body: text }, txnIdFor(`reminder:${event.id}`));
      this.s.state.recordPost(c.id, 'queuePosted', id);
    }
  }

  private async onMessage(event: FeedEvent): Promise<void> {
    // The payload is the message itself (the same object the web chat gets over SSE).
    const m = event.payload as Message | undefined;
    if (!m?.author || !event.caseId) return;
    const link = this.s.state.data.cases[event.caseId];
    // The asker's words go into the case room, escaped: they are never HTML.
    if (m.author === 'user' && link?.roomId && !link.closed) {
      const label = t.authorLabel.user;
      await this.post(link, link.roomId, `${label}: ${m.text}`, `relay:${event.id}`, 'm.text', `<b>${esc(label)}:</b> ${textToHtml(m.text)}`);
      return;
    }
    // Staff words and the case's status texts reach a professional who asked through a direct chat.
    const room = event.conversationId ? this.directRoomFor(event.conversationId) : undefined;
    if (!room || (m.author !== 'staff' && m.author !== 'system')) return;
    if (m.author === 'staff') {
      const id = await this.s.matrix.send(room, { msgtype: 'm.text', body: `${m.staffName ?? 'Kontaktstelle'}: ${m.text}` }, txnIdFor(`dm:${event.id}`));
      this.s.state.recordPost(event.caseId, 'dmPosted', id);
      return;
    }
    // The closing text (it follows case.closed in the same transaction) invites a 👍/👎 rating.
    const closing = link?.closed === true;
    const body = closing ? `${m.text}\n${t.dmRateHint}` : m.text;
    const id = await this.s.matrix.send(room, { msgtype: 'm.notice', body }, txnIdFor(`dm:${event.id}`));
    this.s.state.recordPost(event.caseId, 'dmPosted', id);
    if (closing) {
      const chat = this.s.state.data.directChats[room];
      if (chat) (chat.ratingPrompts ??= {})[id] = event.caseId;
    }
  }

  // --- case rooms -------------------------------------------------------------------------------

  private async ensureCaseRoom(event: FeedEvent, c: CaseSummary): Promise<string> {
    const link = this.link(c);
    if (link.roomId) return link.roomId;
    // Creating a room has no transaction id. A crash between create and save would leave the
    // room unknown; find it again by the case marker in its state before creating another.
    const found = await this.findRoomByMarker(c.id);
    link.roomId = found ?? await this.s.matrix.createPrivateRoom({
      name: t.caseRoomName(c.number),
      topic: t.caseRoomTopic(c.number),
      invite: c.staffId ? [c.staffId] : [],
      caseState: { caseId: c.id, number: c.number, eventId: event.id },
    });
    this.s.log.debug(`case room ${link.roomId} for ${c.number}, invite ${c.staffId}`);
    this.s.state.data.caseRooms[link.roomId] = c.id;
    this.s.state.save();
    return link.roomId;
  }

  private async findRoomByMarker(caseId: string): Promise<string | undefined> {
    for (const roomId of await this.s.matrix.joinedRooms()) {
      const marker = await this.s.matrix.stateEvent<{ caseId?: string }>(roomId, CASE_STATE_TYPE).catch(() => undefined);
      if (marker?.caseId === caseId) return roomId;
    }
    return undefined;
  }

  private async inviteIfNeeded(roomId: string, userId: string): Promise<void> {
    const member = await this.s.matrix.stateEvent<{ membership?: string }>(roomId, 'm.room.member', userId).catch(() => undefined);
    if (member?.membership === 'join' || member?.membership === 'invite') return;
    await this.s.matrix.invite(roomId, userId);
  }

  private async postTranscript(event: FeedEvent, c: CaseSummary, roomId: string): Promise<void> {
    const link = this.link(c);
    const detail = await this.s.lotse.case(c.id);
    const lines = detail.transcript.map((m) => ({ label: t.authorLabel[m.author] ?? m.author, text: m.text }));
    const body = [t.transcriptIntro(c.number), ...lines.map((l) => `${l.label}: ${l.text}`), '', t.relayIntro].join('\n');
    const html = `<p>${esc(t.transcriptIntro(c.number))}</p>${lines.map((l) => `<blockquote><b>${esc(l.label)}:</b> ${textToHtml(l.text)}</blockquote>`).join('')}<p>${esc(t.relayIntro)}</p>`;
    await this.post(link, roomId, body, `transcript:${c.id}`, 'm.notice', html);
  }

  private async post(link: CaseLink, roomId: string, body: string, key: string, msgtype = 'm.notice', html?: string): Promise<string> {
    const content: Record<string, unknown> = { msgtype, body };
    if (html) Object.assign(content, { format: 'org.matrix.custom.html', formatted_body: html });
    const id = await this.s.matrix.send(roomId, content, txnIdFor(key));
    (link.posted ??= []).includes(id) || link.posted.push(id);
    return id;
  }

  private directRoomFor(conversationId: string): string | undefined {
    for (const [roomId, chat] of Object.entries(this.s.state.data.directChats)) if (chat.conversationId === conversationId) return roomId;
    return undefined;
  }
}

function describeShort(error: unknown): string {
  const e = error as { errcode?: string; httpStatus?: number; message?: string };
  return [e?.errcode, e?.httpStatus, e?.message].filter(Boolean).join(' ');
}

export { sleep };
