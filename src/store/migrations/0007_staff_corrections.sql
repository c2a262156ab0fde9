-- Staff corrections from Matrix (issue 13). An edit replaces the text of the staff message it
-- corrects in place (edited_at; edit_client_id is the Matrix event id of the latest edit, so a
-- repeated delivery of that edit is stored once); a redaction withdraws it (withdrawn_at, the
-- text replaced by a note). The web chat shows the message as corrected or withdrawn.
ALTER TABLE messages ADD COLUMN edited_at INTEGER;
ALTER TABLE messages ADD COLUMN edit_client_id TEXT;
ALTER TABLE messages ADD COLUMN withdrawn_at INTEGER;
-- While the holder types in the case room: until when the asker sees "Die Fachkraft schreibt …".
-- Never part of the durable event log (a replay must not show old typing).
ALTER TABLE cases ADD COLUMN typing_until INTEGER;
