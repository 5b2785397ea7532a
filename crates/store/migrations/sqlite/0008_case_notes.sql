-- Internal notes on a case (issue 16): written by the officers of its department, read by
-- them only, never shown to the applicant (not on a page, a PDF or the API).
CREATE TABLE case_notes (
    id TEXT PRIMARY KEY NOT NULL,
    application_id TEXT NOT NULL REFERENCES applications(id),
    author_id TEXT NOT NULL REFERENCES accounts(id),
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX case_notes_application ON case_notes (application_id, created_at);
