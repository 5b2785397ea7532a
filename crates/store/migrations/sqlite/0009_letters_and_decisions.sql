-- The life of a request after "Request processing" (issue 16).
--
-- A request for an update names what the applicant may change (`update_scope`, JSON: the
-- steps and document items); its last day is the existing `deadline`. `lapsed_at` marks a
-- case whose deadline passed without an answer (back in the queue, marked), `reminded_at`
-- the reminder of the deadline sent. A rejection proposed by an inspector waits for a
-- supervisor's confirmation in `rejection_proposal` (JSON).
ALTER TABLE applications ADD COLUMN update_scope TEXT;
ALTER TABLE applications ADD COLUMN lapsed_at BIGINT;
ALTER TABLE applications ADD COLUMN reminded_at BIGINT;
ALTER TABLE applications ADD COLUMN rejection_proposal TEXT;

-- The letters of a case: requests for an update and decisions. A decision has a number,
-- its place in its department's year (`seq`), unique; `decision_counters` hands the numbers
-- out inside the transaction that writes the decision, so two decisions at once never get
-- the same number and a decision rolled back leaves no gap.
CREATE TABLE case_letters (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications(id),
    kind TEXT NOT NULL,
    department TEXT,
    year BIGINT,
    seq BIGINT,
    author_id TEXT NOT NULL REFERENCES accounts(id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX case_letters_application ON case_letters (application_id, created_at);
CREATE UNIQUE INDEX case_letters_number ON case_letters (department, year, seq);

CREATE TABLE decision_counters (
    department TEXT NOT NULL,
    year BIGINT NOT NULL,
    last BIGINT NOT NULL,
    PRIMARY KEY (department, year)
);

-- A case now has several documents of one kind (a letter per request for an update): the
-- e-Mailbox keeps one receipt per case only. SQLite cannot drop a table's constraint, so
-- the table is made again without it.
CREATE TABLE mailbox_documents_new (
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
    opened_at BIGINT
);
INSERT INTO mailbox_documents_new SELECT id, account_id, application_id, kind, case_reference,
    file_name, content_type, size_bytes, storage_key, verify_code, created_at, opened_at
    FROM mailbox_documents;
DROP TABLE mailbox_documents;
ALTER TABLE mailbox_documents_new RENAME TO mailbox_documents;
CREATE INDEX mailbox_documents_account_list ON mailbox_documents
    (account_id, created_at, id, kind, case_reference, size_bytes, opened_at);
CREATE INDEX mailbox_documents_unread ON mailbox_documents (account_id) WHERE opened_at IS NULL;
CREATE INDEX mailbox_documents_storage_key ON mailbox_documents (storage_key);
CREATE UNIQUE INDEX mailbox_documents_one_receipt ON mailbox_documents (application_id)
    WHERE kind = 'receipt';
