-- "My applications" and the e-Mailbox read only these columns of an account's rows. With
-- them in the index (INCLUDE: carried, not sorted on), the lists can be read by an
-- index-only scan, without visiting the table, where an application's row also holds its
-- answers. Measured in bench/README.md.
CREATE INDEX applications_account_list ON applications (account_id, created_at, id)
    INCLUDE (kind, status, case_reference, ground, deadline, expires_at);
DROP INDEX applications_account_newest;
CREATE INDEX mailbox_documents_account_list ON mailbox_documents (account_id, created_at, id)
    INCLUDE (kind, case_reference, size_bytes, opened_at);
DROP INDEX mailbox_documents_account_newest;
