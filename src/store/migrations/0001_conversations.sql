-- Conversations, their messages, feedback and the durable event log.
-- Plain SQLite that Cloudflare D1 runs unchanged: no extensions, no pragmas.

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL,
  channel TEXT NOT NULL,
  role TEXT,
  region TEXT,
  context TEXT NOT NULL DEFAULT '{}',
  privacy_notice_shown INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  last_activity_at INTEGER NOT NULL
);
CREATE INDEX conversations_last_activity ON conversations (last_activity_at);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  author TEXT NOT NULL CHECK (author IN ('user', 'assistant', 'staff', 'system')),
  text TEXT NOT NULL,
  reply TEXT,
  client_id TEXT,
  reply_to TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX messages_conversation ON messages (conversation_id, created_at);
CREATE UNIQUE INDEX messages_client_id ON messages (conversation_id, client_id) WHERE client_id IS NOT NULL;
CREATE INDEX messages_reply_to ON messages (reply_to);

CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  conversation_id TEXT NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  message_id TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  comment TEXT,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX feedback_message ON feedback (message_id);

-- Append-only: every event that must reach the web chat (SSE) or Matrix. The id is the cursor.
CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT,
  case_id TEXT,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX events_conversation ON events (conversation_id, id);
