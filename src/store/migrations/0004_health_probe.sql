-- One row that the health check rewrites after a failed write, to learn whether writing works
-- again (for example once disk space is back). It holds a time stamp and 64 KiB of zeros: a
-- probe as large as several exchanges, so that a few free pages do not pass for a healthy disk.
CREATE TABLE health_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  at INTEGER NOT NULL,
  pad BLOB
);
