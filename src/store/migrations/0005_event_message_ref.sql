-- A message event refers to its message instead of carrying a copy of the text (and of the
-- reply): the payload is built from the message row when the event is read. Older events keep
-- their full payload and no reference.
ALTER TABLE events ADD COLUMN message_id TEXT;
