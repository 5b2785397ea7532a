-- "My applications" and the e-Mailbox read only these columns of an account's rows. With
-- them in the index, the lists are read from the index alone: no lookup of each row in the
-- table, where an application's row also holds its answers (JSON, often on overflow pages
-- that SQLite must walk to reach the columns after it). Measured in bench/README.md.
CREATE INDEX applications_account_list ON applications
    (account_id, created_at, id, kind, status, case_reference, ground, deadline, expires_at);
DROP INDEX applications_account_newest;
CREATE INDEX mailbox_documents_account_list ON mailbox_documents
    (account_id, created_at, id, kind, case_reference, size_bytes, opened_at);
DROP INDEX mailbox_documents_account_newest;
