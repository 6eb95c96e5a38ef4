-- The audit trail: who changed what, when. Appended in the same transaction as each write.
CREATE TABLE audit_entry (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,            -- UTC ISO 8601
  actor       TEXT NOT NULL,            -- user name, 'cli:<system user>' or 'system'
  action      TEXT NOT NULL,            -- e.g. 'user.add', 'import.cbs'
  record_type TEXT NOT NULL,
  record_id   TEXT NOT NULL,
  detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_entry_record ON audit_entry(record_type, record_id);
