-- The throttle counters now guard more than logins: the password asked again before a
-- change, e-mails to one address, registrations from one client address (issue 14).
ALTER TABLE login_throttle RENAME TO throttles;

-- The sweep of files that no record names looks files up by their storage key.
CREATE INDEX uploads_storage_key ON uploads (storage_key);
CREATE INDEX mailbox_documents_storage_key ON mailbox_documents (storage_key);

-- A payment line that needs attention (an amount that does not match, an unknown
-- reference) stays so, on every import of the statement, until a supervisor resolves it.
ALTER TABLE payments ADD COLUMN resolved_at BIGINT;
ALTER TABLE payments ADD COLUMN resolved_by TEXT;
ALTER TABLE payments ADD COLUMN resolution_note TEXT;
