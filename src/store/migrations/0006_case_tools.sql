-- Staff tools in Matrix (issue 13). Plain SQLite that Cloudflare D1 runs unchanged.
-- acute_at: when the asker wrote something the Lotse rates acute while a staff member held the
-- case (the holder is flagged at once, the queue room when nobody answers); acute_reminded: the
-- queue room was told. staff_alias: the name the asker sees instead of the staff member's own.
-- opened_outside_hours and question: what the queue notice shows (the question is redacted, like
-- every stored message, and is deleted with the case).
ALTER TABLE cases ADD COLUMN acute_at INTEGER;
ALTER TABLE cases ADD COLUMN acute_reminded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN staff_alias TEXT;
ALTER TABLE cases ADD COLUMN opened_outside_hours INTEGER NOT NULL DEFAULT 0;
ALTER TABLE cases ADD COLUMN question TEXT;
ALTER TABLE cases ADD COLUMN reopened_at INTEGER;

-- Canned replies of the Kontaktstelle (`!vorlage`), edited by staff in Matrix; no case data.
CREATE TABLE canned_replies (
  name TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  updated_by TEXT,
  updated_at INTEGER NOT NULL
);
-- A few starting texts; staff change or delete them with `!vorlage`.
INSERT INTO canned_replies (name, text, updated_by, updated_at) VALUES
  ('begruessung', 'Guten Tag, hier ist die Kontaktstelle Kinderschutz. Ich habe Ihre Anfrage und den bisherigen Verlauf gelesen und bin jetzt für Sie da.', NULL, 0),
  ('keine-namen', 'Bitte nennen Sie keine Namen, Adressen oder Geburtsdaten. Für die Beratung brauche ich sie nicht, und so bleibt das Kind geschützt.', NULL, 0),
  ('notfall', 'Wenn ein Kind jetzt in Gefahr ist: Rufen Sie bitte sofort 110 (Polizei) oder 112 (Rettungsdienst) an. Danach schreiben Sie mir gern hier weiter.', NULL, 0),
  ('abschluss', 'Ich schließe unser Gespräch jetzt ab. Sie können jederzeit wieder schreiben: der Lotse antwortet rund um die Uhr, die Kontaktstelle zu ihren Sprechzeiten.', NULL, 0);

-- One morning digest per office day: the first tick after opening claims the day (the token
-- guards the digest's feed event, so two processes cannot both post it).
CREATE TABLE staff_digests (
  day TEXT PRIMARY KEY,
  token TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
