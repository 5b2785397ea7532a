# After "Request processing": requests for an update, decisions and their letters.

## The officer's case page
casefile-lapsed = The deadline for the applicant's corrections passed without an answer. You may decide on the file as it is, or ask again.
casefile-deadline-text = The applicant has until { $date } to send the corrections ({ $days } days left).
casefile-proposal-heading = Rejection proposed, waiting for a supervisor
casefile-proposal-at = Proposed on
casefile-resume = Take up the corrections
casefile-confirm-rejection = Confirm the rejection
casefile-return-rejection = Send the proposal back
casefile-approve-heading = Approve the request
casefile-approve-intro = The rules as they stand today give this period:
casefile-approve = Approve the request
casefile-update-heading = Ask the applicant for documents or corrections
casefile-update-message = What is missing or wrong
casefile-update-message-hint = The applicant reads this in the letter. Say exactly what to send or correct.
casefile-update-scope = What the applicant may change
casefile-update-steps = Steps whose answers may change:
casefile-update-items = Documents that may be replaced or added:
casefile-update-days = Days to answer
casefile-update-days-hint = Usually 8 days. The last day is counted from today.
casefile-update-send = Send the request for an update
casefile-reject-heading = Propose a rejection
casefile-reject-intro = A rejection takes effect only when a supervisor of this police department, another person than you, confirms it.
casefile-reject-grounds = Grounds for the rejection
casefile-reject-reasoning = Reasoning
casefile-reject-propose = Propose the rejection
casefile-rules-heading = The rules as of today
casefile-rules-period = Period the rules give today:
casefile-rules-no-period = The rules give no period today (see the reasons below).
casefile-letters-heading = Letters sent
notice-case-update-requested = The request for an update was sent to the applicant's e-Mailbox.
notice-case-resumed = You took up the applicant's corrections. The status is "Request processing" again.
notice-case-approved = The request was approved. The decision is on its way to the applicant's e-Mailbox.
notice-case-rejection-proposed = The rejection was proposed. It takes effect when a supervisor confirms it.
notice-case-rejected = The rejection was confirmed. The decision is on its way to the applicant's e-Mailbox.
notice-case-rejection-returned = The proposed rejection was sent back to the inspector.
notice-case-moved-meanwhile = Nothing was changed: the case was changed meanwhile, or this is no longer possible. The page shows the case as it is now.
event-update-requested = The inspector asked for documents or corrections
event-update-sent = The applicant sent the corrections
event-update-lapsed = The deadline for the corrections passed without an answer
event-resumed = The inspector took up the corrections
event-approved = The request was approved
event-rejected = The request was rejected
event-rejection-proposed = An inspector proposed a rejection
event-rejection-returned = A supervisor sent the proposed rejection back
error-update-nothing-named = Name at least one step or document the applicant may change.
error-deadline-not-in-future = Give at least 1 day: the deadline must be after today.
error-deadline-too-long = Give at most { $max } days.
error-whole-number = Enter a whole number of days, for example 8.
error-rejection-no-ground = Select at least one ground for the rejection.
error-decision-rules-no-period = The request cannot be approved today: the rules give no period for it (for example, the passport is valid for too short a time). Ask the applicant for an update or propose a rejection.
error-required-message = Write what is missing or wrong.
error-required-reasoning = Write the reasoning for the rejection.

## The applicant's side
case-days-left = { $days ->
    [0] today is the last day
    [1] 1 day left
   *[other] { $days } days left
}
case-update-heading = What you need to do
case-update-intro = The inspector asked for documents or corrections (see the letter below). You can change only these parts; everything else stays as you submitted it. You do not pay again.
case-update-check-and-send = Check your answers and send the corrections
case-letters-heading = Letters about your request
review-resend-intro = When you send the corrections, the request goes back to the inspector. You do not pay again.
review-resend = Send the corrections
docs-read-only = The inspector did not ask for this document: it stays as submitted.
mailbox-kind-update-request = Request for documents or corrections
mailbox-kind-approval = Decision: request approved
mailbox-kind-rejection = Decision: request rejected
mail-update-reminder-subject = Your corrections are due on { $deadline }
mail-update-reminder-body = The police department asked you for documents or corrections. The last day to send them is { $deadline }. Open your request here:
    { $link }

## Letters (on the page and in the PDF)
letter-title-update-request = Request for documents or corrections
letter-title-approval = Decision: the request for temporary residence is approved
letter-title-rejection = Decision: the request for temporary residence is rejected
letter-date = Date of the letter
letter-number = Decision number
letter-message = What is missing or wrong
letter-deadline = Deadline
letter-deadline-text = Send the corrections by { $date }. If you do not answer by then, the police department may decide on your request as it is.
letter-how-heading = How to answer
letter-how-text = Sign in to eForeigner, open the request and change the parts listed below. Then check your answers and send the corrections. You do not pay again.
letter-scope = What you may change
letter-item = Document
letter-permit = Permit
letter-permit-temporary-residence = Temporary residence permit
letter-permit-single-permit = Permit for temporary residence and work (single permit)
letter-period = Period
letter-biometrics = Invitation to biometrics
letter-biometrics-text = You are invited to give your biometrics (fingerprints and a photograph) at the police department. Before the visit, pay the biometrics fees of { $amount }. Bring your passport and the payment receipts.
letter-minor = A child's appointment
letter-minor-text = Both parents must attend a child's biometrics appointment.
letter-grounds = Grounds for the rejection
letter-reasoning = Reasoning
letter-remedy = Legal remedy
letter-remedy-text = You may appeal against this decision to the Ministry of the Interior within the time limit the law sets, through the police department that made it. (To be confirmed: the portal's sources do not state the remedy or its time limit.)
letter-note = This letter was issued through the eForeigner portal. Check that it is genuine with the code above.
cases-mark-lapsed = Deadline passed
cases-mark-rejection-pending = Rejection waiting for confirmation
cases-mark-deadline = Corrections due by { $date }

## Biometrics appointments and the card
nav-biometrics = Biometrics slots
casefile-appointment = Biometrics appointment:
casefile-biometrics-taken = Record that biometrics were taken
casefile-card-ready = Record that the card is ready for collection
casefile-card-issued = Record that the card was handed over
notice-case-biometrics-taken = Recorded: biometrics taken. The card is in production.
notice-case-card-ready = Recorded: the card is ready. A notice is on its way to the applicant's e-Mailbox.
notice-case-card-issued = Recorded: the card was handed over.
event-biometrics-booked = The applicant booked a biometrics appointment
event-biometrics-taken = Biometrics were taken; the card is in production
event-card-ready = The card is ready for collection
event-card-issued = The card was handed over
slots-title = Biometrics appointment slots
slots-open-heading = Open slots for a day
slots-field-day = Day
slots-field-from = From (local time)
slots-field-until = Until (local time)
slots-field-minutes = Minutes per slot
slots-field-capacity = People per slot
slots-open = Open the slots
slots-list-heading = Slots of the next 60 days
slots-none = No slots are open yet.
slots-col-when = When
slots-col-places = Booked
slots-col-action = Action
slots-closed = Closed
slots-close = Close
slots-places = { $booked } of { $capacity }
notice-slots-opened = The slots were opened.
notice-slot-closed = The slot was closed. Bookings already made stay.
error-slot-day-out-of-range = Choose a day after today and within 180 days.
error-slot-end-before-start = The end must be after the start.
error-slot-length = A slot lasts 5 to 240 minutes.
error-slot-capacity = A slot takes 1 to 50 people.
error-time-invalid = Enter a time such as 08:30.
error-booking-locked = Your appointment is less than 24 hours away and can no longer be moved. If you cannot come, contact the police department.
error-slot-too-soon = Choose a time at least 24 hours from now.
error-slot-full = That time has just been fully booked or closed. Choose another.
error-choose-one-slot = Choose a time.
booking-title = Your biometrics appointment
booking-back = Back to your request
booking-intro = You give your fingerprints and a photograph at:
booking-current = Your appointment:
booking-calendar = Add to your calendar (.ics)
booking-none = There is no free time in the next 60 days yet. Come back later: the police department opens new times regularly.
booking-choose = Choose a time
booking-move = Choose a new time
booking-hint = You can move your appointment until 24 hours before it. Bring your passport and the payment receipts of the biometrics fees.
booking-free = { $free ->
    [1] 1 place left
   *[other] { $free } places left
}
booking-book = Book this time
booking-rebook = Move my appointment
booking-locked = Your appointment is less than 24 hours away and can no longer be moved.
booking-calendar-summary = Biometrics for the residence permit
case-biometrics-heading = Biometrics
case-book-biometrics = Book your biometrics appointment
case-move-biometrics = Change your appointment
notice-biometrics-booked = Your appointment is booked. We have sent you the time by e-mail.
mail-biometrics-booked-subject = Your biometrics appointment: { $date } at { $time }
mail-biometrics-booked-body = Your biometrics appointment is on { $date } at { $time }. Bring your passport and the payment receipts of the biometrics fees. You can change it until 24 hours before:
    { $link }
mail-biometrics-reminder-subject = Reminder: biometrics appointment on { $date } at { $time }
mail-biometrics-reminder-body = Your biometrics appointment is on { $date } at { $time }. Bring your passport and the payment receipts. Both parents attend a child's appointment.
    { $link }
letter-title-card-ready = Your residence permit card is ready
letter-card-ready = Collection
letter-card-ready-text = Your card is ready for collection at the police department. Each adult collects their card in person; a child's card is collected by both parents together.
mailbox-kind-card-ready = Notice: the card is ready

## Figures and estimates
nav-figures = Figures
figures-title = Figures of the police department
figures-csv = Download as CSV
figures-status-heading = Cases by status
figures-none = No cases yet.
figures-col-cases = Cases
figures-overdue = Overdue
figures-overdue-hint = Open cases (submitted, being processed or updated) received more than 120 days ago.
figures-basis-heading = Days from receipt to decision, by basis
figures-no-decisions = No decisions yet.
figures-col-decisions = Decisions
figures-col-median = Median days
case-estimate = How long it may take: at this police department, half of the requests on this basis were decided within { $median } days and 8 in 10 within { $p80 } days (the last 180 days, { $n } decisions).
case-estimate-none = How long it may take: there are not yet enough decisions on this basis at this police department to estimate it. On average a decision takes 3 to 4 months.

## The certificate of the initiated procedure
letter-title-certificate = Certificate of the initiated procedure for issuing a temporary residence permit
letter-ebs = Foreigner's registration number
letter-certificate = What this certificate is for
letter-certificate-text = This certificate confirms that the procedure for issuing your temporary residence permit has started. The foreigner's registration number above is what you or your employer need to exercise rights and obligations in Serbia.
mailbox-kind-certificate = Certificate of the initiated procedure

## A lost permit
case-lost-heading = Lost your permit?
case-lost-intro = If your residence permit card is lost or stolen, report it here without delay. It is declared invalid, and you then apply for a new one.
case-lost-link = Report the permit lost
case-permit-invalidated = This permit was declared invalid (reported lost) on
lost-title = Report your permit lost?
lost-body = Your permit will be declared invalid at once and listed on the public page of invalidated permits (its number and the date only). This cannot be undone, even if you find the card again.
lost-next = Then contact your police department to be issued a new permit.
lost-confirm = Yes, declare my permit invalid
lost-cancel = No, go back
notice-permit-invalidated = Your permit was declared invalid. We have sent you a confirmation by e-mail.
mail-permit-invalidated-subject = Your permit was declared invalid
mail-permit-invalidated-body = You reported your permit { $number } lost. It has been declared invalid and is listed on the public page of invalidated permits. Contact your police department to be issued a new permit.
invalidated-title = Invalidated residence permits
invalidated-intro = Permits declared invalid after their holders reported them lost (the Ministry of the Interior announces them on its website). Only the permit's number and the date are shown.
invalidated-none = No permit has been declared invalid.
invalidated-col-number = Permit number
invalidated-col-date = Declared invalid on
footer-verify = Check a document

## Police departments of officers (administrator)
nav-departments = Departments
departments-title = Officers and their police departments
departments-intro = An inspector or supervisor works only the cases of their police department. Choose each officer's department and save.
departments-none = There are no active inspectors or supervisors.
departments-col-officer = Officer
departments-col-role = Role
departments-col-department = Police department
departments-no-department = No department
departments-save = Save
notice-department-assigned = The officer's department was saved.
error-choose-one-department = Choose a police department from the list.
cases-filter-kind = Type of request
cases-filter-any-kind = Any type
cases-filter-basis = Basis
cases-filter-any-basis = Any basis
cases-filter-overdue = Only overdue cases (received more than 120 days ago, not decided)
