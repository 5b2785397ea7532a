-- The back office (issue 16): officers belong to a police department, and a case belongs
-- to the department of the municipality of residence it names (set at submission, from the
-- rules crate's table of municipalities). One inspector handles a case at a time.
ALTER TABLE accounts ADD COLUMN department TEXT;
ALTER TABLE applications ADD COLUMN department TEXT;
ALTER TABLE applications ADD COLUMN assignee_id TEXT;

-- The department's queue: its cases in a status, oldest submission first.
CREATE INDEX applications_department_queue ON applications (department, status, submitted_at);
