-- The retention purge deletes feedback by conversation, and deleting a conversation makes SQLite
-- look for feedback that still refers to it (foreign key): without this index both read the whole
-- feedback table, once per purged conversation.
CREATE INDEX feedback_conversation ON feedback (conversation_id);
