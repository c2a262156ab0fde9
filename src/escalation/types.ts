// Cases: a conversation handed to a person of the Kontaktstelle.

export type CaseStatus = 'open' | 'claimed' | 'closed';
export type Urgency = 'normal' | 'urgent';

export type CaseRecord = {
  id: string;
  number: string;
  conversationId: string;
  status: CaseStatus;
  urgency: Urgency;
  role: string | null;
  region: string | null;
  topic: string | null;
  channel: string;
  /** Callback number or e-mail; only on the case, never in events. */
  contact: string | null;
  consentAt: number;
  staffId: string | null;
  staffName: string | null;
  createdAt: number;
  claimedAt: number | null;
  firstResponseAt: number | null;
  lastStaffMessageAt: number | null;
  lastUserMessageAt: number | null;
  closedAt: number | null;
  closedBy: string | null;
  outcome: string | null;
  note: string | null;
  rating: string | null;
  unclaimedReminders: number;
  silentReminders: number;
  lastReminderAt: number | null;
  writeToken: string;
  updatedAt: number;
};

/** What may leave the service in events and lists: no contact, no note. */
export type CaseSummary = Pick<CaseRecord,
  'id' | 'number' | 'conversationId' | 'status' | 'urgency' | 'role' | 'region' | 'topic' | 'channel' | 'staffId' | 'staffName'
  | 'createdAt' | 'claimedAt' | 'closedAt' | 'outcome'> & { hasContact: boolean };

export type AuditEntry = { action: string; actor: string | null; detail: string | null; at: number };

export type EscalationSettings = {
  /** Minutes an unclaimed case waits (in office hours) before staff are reminded; repeated as often. */
  remindUnclaimedMinutes: number;
  /** Minutes a claimed case may leave the asker without an answer (in office hours) before a reminder. */
  remindSilentMinutes: number;
  /** How many unclaimed reminders at most. */
  maxUnclaimedReminders: number;
};

export const DEFAULT_SETTINGS: EscalationSettings = { remindUnclaimedMinutes: 15, remindSilentMinutes: 20, maxUnclaimedReminders: 3 };

export function toSummary(c: CaseRecord): CaseSummary {
  return {
    id: c.id, number: c.number, conversationId: c.conversationId, status: c.status, urgency: c.urgency, role: c.role,
    region: c.region, topic: c.topic, channel: c.channel, staffId: c.staffId, staffName: c.staffName,
    createdAt: c.createdAt, claimedAt: c.claimedAt, closedAt: c.closedAt, outcome: c.outcome, hasContact: c.contact !== null,
  };
}

/** The part the web chat sees (SSE `case` event, conversation history). */
export function toPublicCase(c: CaseRecord) {
  return { id: c.id, number: c.number, status: c.status, ...(c.staffName && c.status === 'claimed' ? { staffName: c.staffName } : {}) };
}
