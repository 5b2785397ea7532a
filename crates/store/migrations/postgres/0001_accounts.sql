-- Accounts, identity documents, e-mail tokens, sessions, throttling, outbox, dev mailbox, audit log.
-- Timestamps are UTC microseconds since the Unix epoch (BIGINT); civil dates are 'YYYY-MM-DD' text.
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    status TEXT NOT NULL,
    given_names TEXT NOT NULL,
    surname TEXT NOT NULL,
    date_of_birth TEXT,
    sex TEXT,
    citizenship TEXT,
    phone TEXT,
    has_ebs TEXT,
    ebs TEXT,
    id_doc_type TEXT,
    id_doc_number TEXT,
    id_doc_expiry TEXT,
    language TEXT NOT NULL,
    email_confirmed_at BIGINT,
    submitted_at BIGINT,
    verified_at BIGINT,
    verified_by TEXT,
    rejection_reason TEXT,
    rejection_note TEXT,
    failed_logins BIGINT NOT NULL DEFAULT 0,
    locked_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX accounts_queue ON accounts (status, submitted_at);

CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    owner_key TEXT NOT NULL,
    purpose TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    storage_key TEXT NOT NULL,
    superseded_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX uploads_owner ON uploads (owner_key);

CREATE TABLE email_tokens (
    token_hash TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    purpose TEXT NOT NULL,
    new_email TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX email_tokens_account ON email_tokens (account_id, purpose);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    idle_timeout_secs BIGINT NOT NULL,
    absolute_expires_at BIGINT NOT NULL,
    ip TEXT NOT NULL,
    user_agent TEXT NOT NULL,
    ended_at BIGINT
);
CREATE INDEX sessions_account ON sessions (account_id);

CREATE TABLE sign_ins (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    at BIGINT NOT NULL,
    ip TEXT NOT NULL,
    user_agent TEXT NOT NULL,
    method TEXT NOT NULL,
    succeeded BIGINT NOT NULL
);
CREATE INDEX sign_ins_account ON sign_ins (account_id, at);

CREATE TABLE login_throttle (
    throttle_key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_failure_at BIGINT NOT NULL
);

CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    run_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    done_at BIGINT,
    last_error TEXT
);
CREATE INDEX outbox_due ON outbox (done_at, run_at);

CREATE TABLE dev_mails (
    id TEXT PRIMARY KEY,
    to_addr TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id TEXT,
    action TEXT NOT NULL,
    subject_id TEXT,
    ip TEXT,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);

-- The audit log is append-only: the database itself refuses changes to written entries.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END; $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
