-- An applicant is shown who looked at their case (issue 16): the audit entries about one
-- subject, by action, are read without going through the whole log.
CREATE INDEX audit_log_subject ON audit_log (subject_id, action, seq);
