-- Residence applications (drafts and cases), their history, payments, the e-Mailbox and
-- answers kept when a session ended mid-step.
-- Timestamps are UTC microseconds (BIGINT); answers are JSON text.
CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    answers TEXT NOT NULL,
    ground TEXT,
    version BIGINT NOT NULL,
    case_reference TEXT UNIQUE,
    payment_reference TEXT UNIQUE,
    payment_method TEXT,
    fee_due_para BIGINT,
    paid_at BIGINT,
    submitted_at BIGINT,
    received_at BIGINT,
    verify_code TEXT UNIQUE,
    deadline TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT,
    expiry_warned_at BIGINT
);
CREATE INDEX applications_account ON applications (account_id, created_at);
CREATE INDEX applications_status ON applications (status, expires_at);

CREATE TABLE application_events (
    id TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    at BIGINT NOT NULL,
    actor_id TEXT,
    from_status TEXT,
    to_status TEXT NOT NULL,
    what TEXT NOT NULL,
    why TEXT
);
CREATE INDEX application_events_application ON application_events (application_id, at);

CREATE TABLE payments (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    source_key TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL,
    amount_para BIGINT NOT NULL,
    paid_on TEXT NOT NULL,
    payer TEXT NOT NULL,
    outcome TEXT NOT NULL,
    application_id TEXT REFERENCES applications(id) ON DELETE SET NULL,
    recorded_by TEXT,
    note TEXT,
    recorded_at BIGINT NOT NULL
);
CREATE INDEX payments_reference ON payments (reference);

CREATE TABLE mailbox_documents (
    id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    application_id TEXT REFERENCES applications(id),
    kind TEXT NOT NULL,
    case_reference TEXT,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    storage_key TEXT NOT NULL,
    verify_code TEXT,
    created_at BIGINT NOT NULL,
    opened_at BIGINT,
    UNIQUE (application_id, kind)
);
CREATE INDEX mailbox_documents_account ON mailbox_documents (account_id, created_at);

CREATE TABLE kept_answers (
    token_hash TEXT PRIMARY KEY,
    application_id TEXT NOT NULL REFERENCES applications(id) ON DELETE CASCADE,
    step TEXT NOT NULL,
    answers TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
