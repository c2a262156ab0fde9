// The reply of the public contract, and the actions that web chat and Matrix render their own way.

import type { Situation } from './understanding/situation.ts';

/** none → concern → urgent (act today) → acute (110/112 now). */
export type TriageLevelName = 'none' | 'concern' | 'urgent' | 'acute';

export type Action =
  | { type: 'quick_reply'; label: string; value: string }
  | { type: 'escalate'; label: string; urgency?: 'normal' | 'urgent' }
  | { type: 'call'; label: string; phone: string }
  | { type: 'link'; label: string; url: string }
  | { type: 'navigator'; label: string; step: number }
  | { type: 'download_summary'; label: string };

/** `reviewed` is the article's Stand; `status` its editorial state (knowledge/editorial.ts). */
export type ReplySource = { id: string; title: string; url: string; reviewed?: string; status?: 'draft' | 'approved' | 'changed' };

export type Reply = {
  text: string;
  sources: ReplySource[];
  triage: { level: TriageLevelName; signals?: string[] };
  confidence: number;
  actions: Action[];
  /** Set when personal data was removed from the user's message. */
  redacted?: { count: number; types: string[] };
  /** Markdown summary of the guided procedure, offered for download at its last step. */
  summary?: string;
  /** Which kind of answer this is, for reports and the UI. */
  kind: 'answer' | 'fallback' | 'navigator' | 'smalltalk' | 'handover' | 'relayed';
};

/** What the assistant remembers about a conversation between messages. */
export type ConversationContext = {
  role?: string;
  region?: string;
  lastQuery?: string;
  lastArticleIds?: string[];
  /** The section the last answer quoted, so that a new question does not get it again word for word. */
  lastPassageId?: string;
  navigator?: { step: number };
  /** Turns left during which the emergency numbers stay at hand after an acute message. */
  acuteTurns?: number;
  /** Turns left during which an urgent situation ("today") stays urgent. */
  urgentTurns?: number;
  /** Turns left before the "is a child in danger now?" line is shown again. */
  concernCheckPause?: number;
  /** The situation model: categorical slots only (understanding/situation.ts). */
  situation?: Situation;
  /** The guided procedure asked for the asker's field and waits for the answer. */
  awaitingRole?: boolean;
  /** Ids of the next steps already named in this conversation (knowledge/next-steps.yaml). */
  stepsShown?: string[];
};
