## The online application for temporary residence, the e-Mailbox, verification, payments.

nav-applications = My applications
nav-mailbox = e-Mailbox
nav-payments = Payments

## My applications
apps-title = My applications
apps-start = Start a new application
apps-none = You have no applications yet.
apps-back = Back to My applications
apps-col-reference = Reference
apps-col-kind = Type
apps-col-ground = Basis
apps-col-status = Status
apps-col-started = Started
apps-col-deadline = Deadline
app-draft-reference = Draft
app-draft-deleted-on = Deleted on { $date } if not continued
app-kind-first = First temporary residence permit
app-kind-extension = Extension of my temporary residence permit

## Statuses in the portal's words, and what they mean
app-status-draft = Draft
app-status-awaiting-payment = Awaiting payment
app-status-submitted = Request submitted
app-status-processing = Request processing
app-status-updating = Request updating
app-status-resending = Sending data in progress
app-status-approved = Request approved
app-status-rejected = Request rejected
app-status-biometrics-scheduled = Biometrics scheduled
app-status-card-in-production = Card in production
app-status-card-ready = Card ready for pickup
app-status-card-issued = Card issued
app-status-withdrawn = Withdrawn
app-next-draft = Complete the six steps, check your answers and submit.
app-next-awaiting-payment = Pay the fee with the payment slip below. When the payment is confirmed, the request counts as received and the confirmation of receipt arrives in your e-Mailbox. This usually takes 1 to 3 working days after you pay.
app-next-submitted = Your request has been received. The confirmation of receipt in your e-Mailbox is your proof of lawful stay while the request is processed: keep it with your passport. An inspector will open your case; you do not need to do anything now.
app-next-processing = An inspector is working on your request. You will be told in your e-Mailbox if anything is needed.
app-next-updating = The inspector needs more documents or corrections. Read the letter in your e-Mailbox and send them before the deadline.
app-next-resending = Your corrections have been sent. You do not need to pay again.
app-next-approved = Your request has been approved. The invitation to biometrics is in your e-Mailbox.
app-next-rejected = Your request has been rejected. The decision in your e-Mailbox gives the reasons and how to appeal.
app-next-biometrics-scheduled = Go to the appointment with your passport and the fee receipts.
app-next-card-in-production = Your card is being made. You will be told when it is ready.
app-next-card-ready = Collect your card in person at the police department.
app-next-card-issued = Your card has been issued.
app-next-withdrawn = You withdrew this request.

## Starting
start-title = Apply for temporary residence
start-intro = Choose what you are applying for. You can save your answers and come back at any time within 30 days.
start-submit = Start
minor-title = This request must be made in person
minor-in-person = A request for a minor is submitted by the parents or legal representatives in person, at the police department for foreigners where the child lives. Bring the child's passport, birth certificate and the documents for the basis of residence.
extension-needs-ebs-title = Link your residence permit number first
extension-needs-ebs-body = An extension needs your account to be linked to the registration number (EBS) of your current permit. Without it, the request would be treated as a first application.
extension-needs-ebs-first = You can link the number now, or apply as a first application instead.
extension-link-ebs = Link my permit number
extension-apply-as-first = Apply as a first application
ebs-title = Link your residence permit number
ebs-intro = Enter the 13-digit registration number (EBS) printed on your current residence permit. The inspector compares it with your permit.
ebs-submit = Save and continue

## Task list
tasks-title = Your application
tasks-progress-before = Steps completed:
tasks-review = Check your answers and submit
tasks-review-later = When all six steps are complete you can check your answers and submit.
tasks-kept-until = This draft is kept until
tasks-delete = Delete this draft
task-not-started = Not started
task-in-progress = In progress
task-completed = Completed
task-cannot-start-yet = Cannot start yet
task-problem = There is a problem
guidance-title = What the rules say for you
guidance-extension-window = You can submit the extension from { $from } until { $to }.
extension-deadline-title = The last day for your extension
extension-paid-submit-by = Your fee payment is already confirmed, so your request counts as made on the day you press Submit. Your current permit expires on { $latest_submission }: submit by that day at the latest.
step-check-title = Check
step-personal-title = Personal data
step-reasons-title = Reasons for residence
step-details-title = Details of reasons
step-documents-title = Documentation
step-fees-title = Fees and payment
step-counter = Step { $n } of { $total }
step-back-to-tasks = Back to your application
step-save-continue = Save and continue
step-save-later = Save and come back later
step-conflict-title = This application was changed in another window
step-conflict-body = Someone saved this step in another tab or on another device after you opened it. Your answers below were not saved yet. Check them and select "Save and continue" to save them over the newer version.
step-restored = Your session ended before we could save this step. We kept what you entered: check it and save.
reasons-single-permit-note = Employment on the basis of a work contract and the other single-permit reasons can only be applied for online. For the other bases you can also apply in person at the police department.
reasons-online-only = The basis you chose leads to a single permit (residence and work): it can only be applied for online.
reasons-in-person-too = You can also apply for the basis you chose in person, at the police department for foreigners; online is usually faster.
reasons-d-visa-basis = Your visa D was issued for { $basis }: choose a reason under this basis. A visa D holder can apply only on the basis the visa was issued for.
error-d-visa-basis-required = Choose the basis your visa D was issued for.
hint-period-longest = Leave empty for the longest period the rules allow: from { $from } to { $until }.

## Fields of the steps
field-location = Where are you now?
location-in-serbia = In Serbia
location-abroad = Abroad
field-last-entry = Date of your last entry into Serbia
hint-last-entry = For example 1 October 2026. Needed if you are in Serbia.
hint-has-d-visa = Citizens of some countries (for example Kazakhstan, Uzbekistan and Tajikistan) need a type D visa before applying.
field-current-permit-expiry = Expiry date of your current permit
hint-current-permit-expiry = The last day your current temporary residence permit is valid.
field-birth-place = Place and country of birth
field-father-name = Father's name
field-mother-name = Mother's name
field-education = Education
education-none = No formal education
education-primary = Primary school
education-secondary = Secondary school
education-bachelor = University – bachelor's degree
education-master = University – master's degree
education-doctorate = Doctorate
field-new-passport = Do you have a new passport since your current permit was issued?
field-passport-number = Passport number
field-passport-country = Country that issued the passport
field-passport-issued = Date of issue
field-passport-expiry = Expiry date
hint-passport-expiry = The passport must stay valid at least 3 months longer than the period you ask for.
field-ground = Basis for residence
field-residence-municipality = Municipality of your residence
hint-residence-municipality = The municipality of your address in Serbia. It decides your police department and the reference of your fee.
field-payment-note = What you checked (kept with the payment record)
field-street = Street
field-house-number = House and flat number
field-postcode = Postcode
field-payment-method = How will you pay?
payment-method-slip = Payment slip (at a bank, post office or exchange office, or with your bank's app by scanning the QR code)
payment-card-later = Payment by card will be added later.

## Documentation
docs-intro = Upload each document as PDF, JPEG or PNG, at most 5 MB per file, with different file names. You can add more than one file per document.
docs-choose = Choose files
docs-upload = Upload
docs-progress = Upload progress
doc-other-documents = Other supporting documents

## Fees
fees-due-caption = Fees for this request
fees-col-item = Fee
fees-due-now = To pay now:

## Check your answers
review-title = Check your answers before submitting
review-change = Change
review-amount = Amount to pay
review-reference = Model and reference
review-declaration-title = Declaration
review-declaration = I declare that the information I have given is true and complete, and that the documents I uploaded are genuine.
review-submit = Submit the request
review-not-ready = Some steps are not complete yet. Go back to your application to complete them.

## The case
submitted-title = Request submitted
submitted-reference = Your reference number
app-case-title = Request
case-locked = This request has been submitted, so it can no longer be changed. The change you just sent was not saved.
error-application-not-found-title = Not found among your applications
error-application-not-found-body = What this address points to is not among your applications. A draft or a file that was deleted (in another window, or a draft after 30 days without changes) no longer exists, and nothing more can be saved to it.
case-status = Status
case-deadline = Deadline
case-details = Details
case-mailbox-link = Go to your e-Mailbox
case-history = History
history-when = When
history-what = What happened
history-status = Status
history-why = Why
case-submitted-at = Submitted
case-paid-at = Fee paid
case-not-paid = Not yet confirmed
case-files = Files uploaded
event-started = Application started
event-submitted = Request submitted; waiting for the payment
event-submitted-paid = Request submitted with the fee already paid
event-payment-confirmed = Payment confirmed; request received
event-payment-received = Payment received
event-receipt-delivered = Confirmation of receipt delivered to the e-Mailbox
why-bank-statement = Bank statement
why-supervisor = Confirmed by a supervisor
delete-title = Delete this draft?
delete-body = Your answers and uploaded files will be deleted. This cannot be undone.
delete-confirm = Yes, delete the draft
delete-cancel = No, go back

## e-Mailbox
mailbox-title = e-Mailbox
mailbox-intro = Official documents addressed to you. They stay here; nothing can be deleted.
mailbox-empty = Your e-Mailbox is empty.
mailbox-unread-count = { $n ->
    [one] { $n } unread document
   *[other] { $n } unread documents
}
mailbox-col-document = Document
mailbox-reference = Case reference
mailbox-delivered = Delivered
mailbox-opened = First opened
mailbox-size = Size
mailbox-unread = New
mailbox-back = Back to the e-Mailbox
mailbox-download = Download the PDF
mailbox-case-link = See the request
mailbox-kept = Nothing here can be deleted. The date you first opened a document is recorded as its delivery.
mailbox-kind-receipt = Confirmation of request receipt

## Verification
verify-title = Check a confirmation of receipt
verify-intro = Enter the code printed under the QR code of a confirmation of request receipt to see whether it is genuine.
field-code = Verification code
hint-code = 12 letters and digits, for example 7KQ4-M2XD-9PHT.
verify-submit = Check
verify-genuine = This confirmation is genuine
verify-state = State of the request
verify-pending = Received, being processed (the holder may stay while it is decided)

## Payments back office
payments-title = Payments awaiting confirmation
payments-intro = Requests whose fee is not confirmed yet. Bank statements confirm payments automatically; confirm one here only when you have seen the payment.
payments-none = No request is waiting for a payment.
payments-confirm = Confirm payment

## The confirmation of receipt (PDF)
receipt-issuer = Republic of Serbia · Ministry of Interior · eForeigner portal
receipt-title = Confirmation of request receipt
receipt-reference = Case reference
receipt-received = Received
receipt-applicant = Applicant
receipt-passport = Passport
receipt-kind = Type of request
receipt-basis = Basis
receipt-period = Period requested
receipt-period-longest = The longest period the rules allow
receipt-documents = Documents submitted
receipt-verify = Check that this confirmation is genuine: scan the code, or open the address and enter the code.
receipt-code = Verification code
receipt-note = This confirmation proves that the request for temporary residence was received. Keep it with your passport while the request is processed and show it at the border if asked. It is not a residence permit.
receipt-page = Page {"{"}n{"}"} of {"{"}total{"}"}

## E-mails (no personal data)
mail-document-waiting-subject = A new document is in your e-Mailbox
mail-document-waiting-body = A new official document is waiting for you in your eForeigner e-Mailbox. Sign in to read it:
    { $link }
mail-draft-expiring-subject = Your draft application will be deleted soon
mail-draft-expiring-body = Your draft application for temporary residence will be deleted on { $date } unless you continue it. Continue here:
    { $link }

## Errors
error-date-in-future = The date cannot be in the future.
error-date-of-birth-missing = Your date of birth is missing from your account. Enter it in the personal data step.
error-passport-expired = The passport has expired. Enter a valid passport.
error-expiry-before-issue = The expiry date must be after the date of issue.
error-postcode-invalid = Enter a postcode of 5 digits, or leave it empty.
error-document-missing = Upload at least one file for: { $document }.
error-documents-not-confirmed = Select "Save and continue" when your documents are uploaded.
error-file-none-chosen = Choose at least one file to upload.
error-file-quota = An application can have at most { $files } files and { $mb } MB in total.
error-declaration-required = Confirm the declaration to submit the request.
error-steps-incomplete = Some steps are not complete.
error-changed-meanwhile = The application was changed in another window. Check your answers again and submit.
error-verify-not-found = No confirmation has this code. Check the code for typing mistakes.

## Details of reasons (fields defined in the rules crate's details.json)
field-accreditation-number = Accreditation number
field-business-address = Registered address of the business
field-business-name = Name of the business (as registered with the APR)
field-business-pib = Tax identification number (PIB) of the business
field-business-register-number = Registration number (MB) of the business
field-cadastral-municipality = Cadastral municipality
field-cadastral-parcel = Cadastral parcel number
field-client-mb = Registration number (MB) of the client
field-client-name = Name of the client
field-client-pib = Tax identification number (PIB) of the client
field-company-mb = Registration number (MB) of the company
field-company-name = Name of the company
field-contract-end = End date of the contract
hint-contract-end = Needed for a fixed-term contract. The permit cannot last longer than the contract.
field-contract-type = Type of employment contract
option-contract-type-fixed-term = Fixed-term
option-contract-type-indefinite = Indefinite (permanent)
field-employer-mb = Registration number (MB) of the employer
hint-employer-mb = 8 digits, as registered with the Business Registers Agency (APR).
field-employer-name = Name of the employer
field-employer-pib = Tax identification number (PIB) of the employer
hint-employer-pib = 9 digits.
field-explanation = Anything else the inspector should know
hint-explanation = Optional. At most 2000 characters.
field-family-member-id = Family member's JMBG or registration number (EBS)
hint-family-member-id = 13 digits: the JMBG of a Serbian citizen, or the EBS of a foreigner.
field-family-member-name = Family member's full name
field-family-member-permit = Family member's residence permit (type and number)
field-field-of-talent = Field of your talent (science, art, culture, sport…)
field-health-institution = Health institution
field-host-organisation-mb = Registration number (MB) of the host organisation
field-host-organisation-name = Name of the host organisation
field-institution-name = Name of the school or university
field-job-title = Job title
field-media-outlet = Media outlet
field-production-company-name = Production company
field-production-title = Title of the production
field-profession = Profession
field-project-end = End date of the project
field-project-name = Name of the project
field-property-address = Address of the property
field-property-register-number = Real estate list number (list nepokretnosti)
field-recognition = Awards and recognition
field-relationship = Your relationship to the family member
option-relationship-spouse = Spouse
option-relationship-partner = Partner in an extramarital union
option-relationship-child = Child
option-relationship-parent = Parent
option-relationship-other = Other relative
field-religious-organisation = Church or religious community
field-state-authority = State authority
field-studies-end = Expected end of studies
hint-studies-end = The permit cannot last longer than your studies.
field-study-programme = Study programme
field-treatment-end = Expected end of treatment
error-date-not-future = The date must be after today.
mailbox-not-opened = Not opened yet
mailbox-open-explain = Opening the document records the date and time you received it (the delivery receipt). Then you can read and download it.
mailbox-open = Open the document
verify-holder-initials = Holder's initials
verify-holder-born = Year of birth
verify-passport-ends = Passport number ends with
payments-lines-title = Payment lines that need attention
payments-lines-intro = Lines of bank statements that were not accepted: the amount does not match the fee, or no request has the reference. They stay here, and are reported on every import, until you resolve them.
payments-lines-none = No payment line needs attention.
payments-col-paid-on = Paid on
payments-col-payer = Payer
payments-col-problem = Problem
payments-resolve = Mark as resolved
payments-problem-amount-mismatch = The amount does not match the fee of the request
payments-problem-unknown-reference = No request has this reference
field-resolution-note = How it was resolved (kept with the payment record)
notice-payment-confirmed = The payment has been confirmed. The applicant gets the confirmation of receipt in the e-Mailbox.
notice-payment-line-resolved = The payment line has been marked as resolved.
notice-draft-deleted = The draft has been deleted, with its files.
notice-saved-for-later = Your answers are saved. You can come back to this application at any time in the next 30 days.
notice-files-uploaded = The files have been uploaded.
notice-slip-ready = Your payment slip is ready below, with this application's own reference. Pay with it, then continue.
notice-document-opened = The document is open. The date and time you received it are recorded.
docs-file-hint = PDF, JPEG or PNG, at most 5 MB per file. You can choose several files; their names must differ within this document.
receipt-period-from-to = From { $from } to { $until }
