-- Lost permits (issue 16, seed 004): a holder reports their permit lost; the permit is
-- declared invalid and listed on a public page by its number and the date only.
CREATE TABLE invalidated_permits (
    application_id TEXT PRIMARY KEY NOT NULL REFERENCES applications(id),
    number TEXT NOT NULL UNIQUE,
    invalidated_at BIGINT NOT NULL
);
CREATE INDEX invalidated_permits_newest ON invalidated_permits (invalidated_at, number);
