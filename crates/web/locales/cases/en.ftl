# The inspectors' back office: a police department's residence cases.
nav-cases = Cases
cases-title = Residence cases
cases-no-department = You are not assigned to a police department yet, so there are no cases to show. An administrator assigns officers to departments.
cases-filter-label = Filter the cases
cases-filter-status = Status
cases-filter-all = All statuses
cases-filter-mine = Only cases I handle
cases-filter-apply = Show cases
cases-counts-heading = Cases by status
cases-empty = No cases match this filter.
cases-col-submitted = Submitted
cases-col-assignee = Handled by
cases-assignee-none = Not taken yet
cases-assignee-me = You
cases-assignee-other = Another inspector
casefile-title = Case
casefile-back = Back to the cases
casefile-actions-heading = What you can do now
casefile-no-actions = There is nothing for you to do on this case now.
casefile-take = Take the case
casefile-applicant = Applicant
casefile-municipality = Municipality of residence
casefile-assignee = Handled by
casefile-documents-heading = Documents
casefile-no-documents = The applicant uploaded no documents.
casefile-answers-heading = The applicant's answers
notice-case-taken = You took the case. Its status is now “Request processing”.
notice-case-not-taken = The case was not taken: another officer took it first, or its status changed. The page shows it as it is now.
event-taken = An inspector took the request

## Withdrawing a request (the applicant, before a decision)
case-withdraw-heading = Withdraw the request
case-withdraw-intro = Until a decision is made you can withdraw this request, for example if you leave Serbia or apply on another basis.
case-withdraw-link = Withdraw the request
withdraw-title = Withdraw this request?
withdraw-body = The request will be closed and no decision will be made on it. This cannot be undone: to apply again, you start a new application.
withdraw-fees = The portal does not refund fees already paid; whether a fee can be returned is for the police department to decide (to be confirmed).
withdraw-confirm = Yes, withdraw the request
withdraw-cancel = No, go back
notice-request-withdrawn = You withdrew the request. We have sent you a confirmation by e-mail.
event-withdrawn = The applicant withdrew the request
mail-request-withdrawn-subject = You withdrew your request
mail-request-withdrawn-body = You withdrew your request { $reference } for temporary residence. No decision will be made on it. You can see it here:
    { $link }

## Who looked at the case (shown to the applicant)
case-views-heading = Who has looked at your request
case-views-intro = Every time an officer opens your request or one of its documents, it is recorded and shown here: the officer's role and police department, not their name.
case-views-none = No officer has opened your request yet.
views-col-what = What
views-col-role = Role
views-col-department = Police department
view-opened = Opened the request
view-document = Opened a document
view-taken = Took the request
viewer-role-inspector = Inspector
viewer-role-supervisor = Supervisor
viewer-role-officer = Officer

## Internal notes (officers of the department only)
casefile-notes-heading = Internal notes
casefile-notes-intro = Only the officers of this police department see these notes. The applicant never does.
casefile-notes-none = No notes yet.
casefile-note-label = Add a note
casefile-note-add = Add the note
notice-case-note-added = The note was added.

## Reassignment (supervisor)
casefile-reassign-label = Give the case to
casefile-reassign = Reassign the case
notice-case-reassigned = The case was given to another officer.
event-reassigned = A supervisor gave the request to another inspector
error-choose-one-to = Select an officer of this police department.
