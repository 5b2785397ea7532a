-- "My applications" and the e-Mailbox list an account's rows newest first, a page at a
-- time (ORDER BY created_at DESC, id DESC). With id in the index the rows come out in that
-- order and no sort is needed; the unread count reads only the unread rows.
CREATE INDEX applications_account_newest ON applications (account_id, created_at, id);
DROP INDEX applications_account;
CREATE INDEX mailbox_documents_account_newest ON mailbox_documents (account_id, created_at, id);
DROP INDEX mailbox_documents_account;
CREATE INDEX mailbox_documents_unread ON mailbox_documents (account_id) WHERE opened_at IS NULL;
