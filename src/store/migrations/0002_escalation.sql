-- Escalation to the Kontaktstelle: cases, their audit trail, the yearly case counter and the
-- cursors of feed consumers (the Matrix bot). Plain SQLite that Cloudflare D1 runs unchanged.

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  conversation_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'claimed', 'closed')),
  urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent')),
  role TEXT,
  region TEXT,
  topic TEXT,
  channel TEXT NOT NULL DEFAULT 'web',
  -- A way to be called back, kept only here (never in events, notices or statistics).
  contact TEXT,
  consent_at INTEGER NOT NULL,
  staff_id TEXT,
  staff_name TEXT,
  created_at INTEGER NOT NULL,
  claimed_at INTEGER,
  first_response_at INTEGER,
  last_staff_message_at INTEGER,
  last_user_message_at INTEGER,
  closed_at INTEGER,
  closed_by TEXT,
  outcome TEXT,
  note TEXT,
  rating TEXT,
  unclaimed_reminders INTEGER NOT NULL DEFAULT 0,
  silent_reminders INTEGER NOT NULL DEFAULT 0,
  last_reminder_at INTEGER,
  -- Optimistic concurrency: every change sets a fresh token; dependent inserts of the same
  -- transaction select on it, so only the winner of a race writes its events.
  write_token TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX cases_status ON cases (status, created_at);
CREATE INDEX cases_created ON cases (created_at);
-- At most one case that is not closed per conversation.
CREATE UNIQUE INDEX cases_active_conversation ON cases (conversation_id) WHERE status <> 'closed';

CREATE TABLE case_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL,
  action TEXT NOT NULL,
  actor TEXT,
  detail TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX case_audit_case ON case_audit (case_id, id);

CREATE TABLE case_counters (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);

CREATE TABLE feed_cursors (
  consumer TEXT PRIMARY KEY,
  cursor INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE INDEX events_case ON events (case_id, id);
