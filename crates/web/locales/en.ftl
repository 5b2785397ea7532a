## Layout
service-name = eForeigner
skip-to-content = Skip to main content
nav-label = Main menu
nav-verifications = Verification queue
nav-services = Services
nav-account = Your account
nav-sign-out = Sign out
nav-sign-in = Sign in
nav-register = Create an account
nav-dev-mailbox = Development mailbox
language-switch-label = Language
timeout-title = You will be signed out soon
timeout-body = For your security, we sign you out after a period without activity. Anything you have not saved will be lost.
timeout-extend = Stay signed in
footer-text = eForeigner – the e-government portal for foreign citizens. Open source.
session-expires-at = Without activity, your session ends at
save = Save
back-to-account = Back to your account
optional = (optional)
select-placeholder = Choose…
error-summary-title = There is a problem
uploads-kept-title = Files already uploaded
uploads-remove = Remove

## Start page
home-title = Services for foreign citizens in Serbia
home-lead = Create one account to use the online services for foreign citizens: apply for temporary residence, follow your applications and receive official documents.
home-register = Create an account
home-have-account = Already have an account?
home-how-title = How it works
home-how-1 = Create an account with your e-mail address and upload your passport or foreigner's identity card.
home-how-2 = Confirm your e-mail address with the link we send you.
home-how-3 = An authorised officer checks your document, within 24 hours at the latest.
home-how-4 = When your account is active, you can use the services.

## Error pages
error-go-home = Go to the start page
error-not-found-title = Page not found
error-not-found-body = The page does not exist, or you do not have access to it. If you typed the address, check it.
error-forbidden-title = Access denied
error-forbidden-body = Your account does not have access to this page.
error-access-denied-title = Access denied – your account is awaiting verification
error-access-denied-body = You can use the services once an authorised officer has checked your identity document. This happens within 24 hours of confirming your e-mail address.
access-denied-see-status = See the status of your account
error-csrf-title = This form has expired
error-csrf-body = For your security, the form could not be sent. Go back, reload the page and try again.
error-csrf-back = Start again
error-bad-request-title = Something in the request was wrong
error-bad-request-body = The request could not be processed. Go back and try again.
error-method-title = This page cannot be opened from its address
error-method-body = This address is where a form is sent, so it has no page of its own. Go back to the page with the form, or start again from the home page.
error-too-large-title = The upload is too large
error-too-large-body = The form sent too much at once. Each file can be at most 5 MB, and a form can have at most 100 fields and files. Go back and try again.
error-throttled-title = Too many attempts
error-throttled-body = Please wait a little and try again.
error-internal-title = Sorry, there is a problem with the service
error-internal-body = Try again later. What you entered has not been lost if it was saved.
error-unauthenticated-body = You need to sign in first.
error-conflict-body = This was changed in the meantime, or the action is no longer possible. Reload and try again.
error-not-draft-body = This application has been submitted, so it can no longer be changed. The change was not saved.
error-invalid-json = The request body is not valid JSON of the expected shape.

## Field errors
error-required = This field is required.
error-too-long = Enter at most { $max } characters.
error-name-invalid-characters = Use only letters, spaces, hyphens and apostrophes.
error-date-invalid = Enter a real date, for example 2024-03-27.
error-date-of-birth-in-future = The date of birth must be in the past.
error-choose-one = Choose one of the options.
error-citizenship-serbian = This portal is for foreign citizens. Citizens of Serbia use the eGovernment portal.
error-unknown-country = Choose a country from the list.
error-ebs-required = Enter your foreigner's registration number, or answer No or Forgotten.
error-identifier-empty = Enter the number.
error-wrong-length = The number must have { $expected } digits; you entered { $found }.
error-not-digits = Use digits only.
error-invalid-date = The number does not contain a valid date of birth. Check it.
error-invalid-check-digit = The number is not valid: the last digit does not match. Check for a typing mistake.
error-ebs-wrong-register = This is not a foreigner's registration number (it must contain 06 or 66 after the date of birth).
error-invalid-format = The format is not valid.
error-reference-wrong-model = Only payment model 97 is accepted here.
error-reference-too-long = The reference can have at most { $max } digits.
error-document-number-invalid = Enter the document number as printed: 5 to 20 letters and digits.
error-document-expired = The document has expired. Register with a valid document.
error-email-empty = Enter your e-mail address.
error-email-invalid = Enter an e-mail address in the correct format, like name@example.com.
error-email-too-long = The e-mail address is too long.
error-email-taken = This e-mail address is already used by another account.
error-email-same = This is already your e-mail address.
error-password-too-short = The password must have at least { $min } characters. A few unrelated words make a strong one.
error-password-too-long = The password can have at most { $max } characters.
error-password-common = This password is too common and easy to guess. Choose another.
error-password-contains-personal-data = The password must not contain your name or e-mail address.
error-password-repetitive = The password must not be a repeated character or a simple sequence.
error-phone-invalid = Enter a phone number with 6 to 20 digits, for example +381 64 123 4567.
error-consent-required = You must accept the terms of use to create an account.
error-documents-required = Upload your identity document (one or two files).
error-file-empty = The file { $name } is empty.
error-file-too-large = The file { $name } is larger than { $mb } MB.
error-file-wrong-type = The file { $name } is not a PDF, JPEG or PNG.
error-file-bad-image = The image { $name } cannot be read or is too large in pixels.
error-file-duplicate-name = A file named { $name } is already uploaded. Rename one of them.
error-file-too-many = You can upload at most { $max } files; { $name } was not added.
error-form-expired = The form expired for security reasons. Check your answers and send it again.
error-current-password-wrong = The current password is not correct.
error-note-required-for-other = Explain the reason in the note.
error-login-invalid = The e-mail address or password is not correct.
error-login-throttled = Too many failed attempts. Try again in { $seconds } seconds.
error-login-locked = Your password is locked after too many failed attempts. Reset it with "Password forgotten?".
error-login-unconfirmed = Confirm your e-mail address first: open the link we sent you. You can ask for a new link.

## Field labels and hints
field-given-names = Given name(s)
field-surname = Surname
field-date-of-birth = Date of birth
field-sex = Sex
field-citizenship = Citizenship
field-has-ebs = Do you have a foreigner's registration number?
field-ebs = Foreigner's registration number
field-id-doc-type = Type of document
field-id-doc-number = Document number
field-id-doc-expiry = Valid until
field-documents = Scan or photo of the document
field-email = E-mail address
field-password = Password
field-phone = Phone number
field-consent = I accept the terms of use and the processing of my personal data for this service
field-current-password = Current password
field-new-password = New password
field-new-email = New e-mail address
field-language = Language for pages and e-mails
field-reason = Reason
field-note = Note for the applicant
hint-date-of-birth = As in your document, for example 27 April 1990. Choose it in the calendar or type the day, month and year.
hint-ebs = 13 digits. You received it when you registered your stay in Serbia for more than 90 days; it is in your passport. Required if you answered Yes.
hint-id-doc-number = As printed in the document.
hint-id-doc-expiry = For example 31 December 2030. Choose it in the calendar or type the day, month and year.
hint-documents = PDF, JPEG or PNG, at most 5 MB each, one or two files. For an identity card, both pages. If your passport carries your foreigner's registration number, add that page too.
hint-email = This will be your username. We will send you a link to confirm it.
hint-password = At least 15 characters. A few unrelated words are easy to remember and hard to guess. You can paste it.
hint-new-password = At least 15 characters. It must not be a common password or contain your name.
hint-phone = For example +381 64 123 4567.
hint-note = The applicant sees this note.
sex-female = Female
sex-male = Male
has-ebs-yes = Yes
has-ebs-no = No
has-ebs-forgotten = Forgotten
id-doc-type-passport = Passport
id-doc-type-foreigner-id = Foreigner's identity card

## Registration
register-title = Create an account
register-intro = Fill in your data as in your identity document. All fields are required unless marked optional.
register-intro-documents = An authorised officer checks your document within 24 hours of your e-mail confirmation.
register-submit = Create account
register-have-account = I already have an account
register-section-personal = Personal data
register-section-ebs = Foreigner's registration number
register-section-document = Identity document
register-section-account = Sign-in details
register-sent-title = Check your e-mail
register-sent-body = If the address can be registered, we have sent a link to confirm it. The link is valid for 24 hours.
register-sent-spam = The message may arrive in your Junk or Spam folder.
register-sent-next = After you confirm your address, an authorised officer checks your document within 24 hours. We will e-mail you when your account is active.
resend-link = Send the confirmation link again
confirm-title = Confirm your e-mail address
confirm-body = Press the button to confirm your e-mail address.
confirm-button = Confirm
link-invalid-title = This link is not valid
link-invalid-body = The link has expired or has already been used. Links can be used once: a confirmation link for 24 hours, a password link for 1 hour.
link-invalid-retry = Get a new link
confirmed-title = Your e-mail address is confirmed
confirmed-body = Your account is now awaiting verification. An authorised officer checks your document within 24 hours.
confirmed-next = We will e-mail you when your account is active. You can already sign in to see its status.
resend-title = Send the confirmation link again
resend-intro = Enter the e-mail address you registered with.
resend-submit = Send
resend-done-title = Check your e-mail
resend-done-body = If an account with this address is waiting for confirmation, we have sent a new link. Earlier links no longer work.

## Login
login-choose-title = Choose how to sign in
login-choose-intro = You can sign in in three ways.
login-method-password = Sign in with e-mail and password
login-method-mobile = Sign in with mobile phone (two-factor authentication)
login-method-certificate = Sign in with qualified electronic certificate
login-mobile-title = Sign in with mobile phone
login-certificate-title = Sign in with qualified electronic certificate
login-not-available-yet = This way of signing in is not available yet on eForeigner. Please sign in with your e-mail and password.
login-mobile-body = When it is available, you will type your username and confirm the sign-in in the mobile approval app.
login-certificate-body = When it is available, you will sign in with a qualified electronic certificate issued in Serbia (MUP, Pošta, PKS, Halcom, E-Smart).
login-title = Sign in
login-submit = Sign in
login-forgot = Password forgotten?
login-session-expired = Your session has ended. Sign in again to continue where you were.
logout-title = You are signed out
logout-body = Thank you for using eForeigner.

## Password recovery
forgot-title = Password recovery
forgot-intro = Enter the e-mail address you use to sign in. We will send you a link to set a new password.
forgot-submit = Send
forgot-exit = Back to sign in
forgot-sent-title = Check your e-mail
forgot-sent-body = If an account with this address exists, we have sent a link to set a new password. The link is valid for 1 hour and can be used once.
reset-title = Set a new password
reset-intro = Choose a new password. You will be signed out everywhere else.
reset-submit = Set password
reset-done-title = Your password has been changed
reset-done-body = You are signed out of all devices. Sign in with your new password.

## Account
account-title = Your account
account-status-heading = Status
account-correct-link = Correct your data
account-details-heading = Your data
account-documents-heading = Your identity documents
account-manage-heading = Manage your account
account-link-details = Change phone number or language
account-link-password = Change password
account-link-email = Change e-mail address
account-link-sessions = Active sessions and recent sign-ins
status-pending-email = Waiting for e-mail confirmation
status-pending-email-body = Open the link we sent to your e-mail address.
status-awaiting-verification = Awaiting verification
status-awaiting-verification-body = An authorised officer checks your identity document within 24 hours. We will e-mail you when your account is active. Until then, services are not available.
status-active = Active
status-active-body = Your account is verified. You can use the services.
status-rejected = Correction needed
status-rejected-body = The officer could not verify your account. Correct your data or upload a new document; you do not need to register again.
rejection-reason-label = Reason
rejection-note-label = Note from the officer
rejection-reason-unreadable-document = The document cannot be read
rejection-reason-data-mismatch = The data do not match the document
rejection-reason-expired-document = The document has expired
rejection-reason-missing-page = A page of the document is missing
rejection-reason-wrong-document = The file is not an identity document
rejection-reason-other = Other reason
notice-details-saved = Your data have been saved.
notice-password-changed = Your password has been changed. Other sessions have been ended.
notice-email-change-sent = We have sent a link to the new address. The change takes effect when you open it.
notice-session-ended = The session has been ended.
details-title = Change phone number or language
details-intro = Your name, date of birth, citizenship and document were checked by an officer and cannot be changed here.
password-change-title = Change password
password-change-intro = You will stay signed in here; all other sessions will end.
password-change-submit = Change password
email-change-title = Change e-mail address
email-change-intro = We will send a link to the new address. Your address changes when you open it.
email-change-submit = Send link
email-confirm-title = Confirm your new e-mail address
email-confirm-body = Press the button to use this address for your account.
email-changed-title = Your e-mail address has been changed
email-changed-body = Use the new address to sign in from now on.
email-taken-title = This address is already in use
email-taken-body = Another account uses this e-mail address, so it cannot be changed.
sessions-title = Active sessions and recent sign-ins
sessions-active-heading = Active sessions
sessions-col-started = Signed in
sessions-col-last = Last activity
sessions-col-from = From address
sessions-col-browser = Browser
sessions-col-action = Action
sessions-this-one = This session
sessions-end = End session
sessions-signins-heading = Recent sign-in attempts
sessions-col-when = When
sessions-col-result = Result
sign-in-succeeded = Succeeded
sign-in-failed = Failed
correct-title = Correct your data
correct-intro = Correct what the officer pointed out. Your account goes back to verification when you send the form.
correct-intro-documents = Upload new files only if the document needs replacing; otherwise the files you uploaded before are kept.
correct-submit = Send for verification
services-title = Services
services-intro = Your account is active.

## Verification officers
queue-title = Accounts awaiting verification
queue-intro = Oldest first. Accounts must be checked within 24 hours of e-mail confirmation.
queue-empty = No accounts are waiting.
queue-count = { $n ->
    [one] { $n } account waiting
   *[other] { $n } accounts waiting
}
queue-col-name = Name
queue-col-citizenship = Citizenship
queue-col-waiting = Waiting for
queue-col-state = Deadline
queue-overdue = Overdue
queue-on-time = Within 24 hours
queue-waiting-hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
queue-waiting-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
}
case-title = Verify an account
case-back = Back to the queue
case-data-heading = Entered data
case-documents-heading = Uploaded documents
case-document-alt = Uploaded document
case-open-document = Open
case-decision-heading = Decision
case-approve = Approve and activate the account
case-reject = Reject
case-already-decided = This account has already been decided.

## Development mailbox
devmail-title = Development mailbox
devmail-intro = Without an SMTP server, e-mails are kept here (demo mode only).
devmail-to = To:

## E-mails
mail-footer = eForeigner – the e-government portal for foreign citizens. This message was sent automatically; please do not reply.
mail-confirm-email-subject = Confirm your e-mail address
mail-confirm-email-body = Hello { $name },

    thank you for registering with eForeigner. Open this link to confirm your e-mail address (valid for 24 hours):

    { $link }

    After that, an authorised officer checks your identity document within 24 hours.
    If you did not register, ignore this message.
mail-already-registered-subject = Someone tried to register with your address
mail-already-registered-body = Someone tried to create an eForeigner account with this e-mail address, which already has an account.

    If it was you and you have forgotten your password, set a new one here:

    { $link }

    If it was not you, you do not need to do anything.
mail-account-locked-subject = Your password has been locked
mail-account-locked-body = After too many failed sign-in attempts, the password of your eForeigner account has been locked.

    Set a new password to unlock it:

    { $link }
mail-reset-password-subject = Set a new password
mail-reset-password-body = Someone asked to set a new password for your eForeigner account. Open this link within 1 hour:

    { $link }

    If it was not you, ignore this message; your password stays the same.
mail-password-changed-subject = Your password has been changed
mail-password-changed-body = The password of your eForeigner account has just been changed, and other sessions have been ended.

    If you did not do this, reset your password at once with "Password forgotten?".
mail-confirm-new-email-subject = Confirm your new e-mail address
mail-confirm-new-email-body = Open this link to use this address for your eForeigner account (valid for 24 hours):

    { $link }
mail-email-change-requested-subject = Your e-mail address is being changed
mail-email-change-requested-body = Someone asked to change the e-mail address of your eForeigner account. It changes only when the link sent to the new address is opened.

    If it was not you, change your password now.
mail-email-changed-subject = Your e-mail address has been changed
mail-email-changed-body = The e-mail address of your eForeigner account has been changed. From now on, messages go to the new address.

    If you did not do this, contact support at once.
mail-account-activated-subject = Your account is active
mail-account-activated-body = Hello { $name },

    an authorised officer has checked your document. Your eForeigner account is now active and you can use the services:

    { $link }
mail-account-rejected-subject = Your account needs a correction
mail-account-rejected-body = An authorised officer could not verify your eForeigner account.

    Reason: { $reason }
    Note: { $note }

    Sign in to correct your data or upload a new document; you do not need to register again:

    { $link }
error-municipality-invalid = Enter the three-digit code of a municipality in Serbia.
nav-residence = Residence guides
home-tools-title = Before you apply
home-tools-body = Check whether you can apply online, which documents you need and what it costs, without an account:

## Lists shown a page at a time
pagination-label = Pages
pagination-previous = Previous page
pagination-next = Next page
pagination-page = Page { $n }
pagination-empty = There is nothing on this page.
pagination-first = Go to the first page
error-too-many-requests = Too many requests from your connection. Try again in { $seconds } seconds.
register-sent-to = We sent the link to { $email }. If this address is wrong, register again with the right one.
error-required-named = Fill in “{ $label }”.
error-choose-one-named = Select an answer for “{ $label }”.
error-required-given-names = Enter your given names.
error-required-surname = Enter your surname.
error-required-date-of-birth = Enter your date of birth.
error-choose-one-sex = Select your sex.
error-required-citizenship = Select your citizenship.
error-choose-one-has-ebs = Select whether you have a foreigner's registration number.
error-choose-one-id-doc-type = Select the type of document.
error-required-id-doc-number = Enter the document number.
error-required-id-doc-expiry = Enter the date the document expires.
error-required-email = Enter your e-mail address.
error-required-password = Enter your password.
error-required-current-password = Enter your current password.
error-required-new-password = Enter a new password.
error-required-new-email = Enter the new e-mail address.
error-required-note = Write a note.
notice-corrected = Your corrected data and documents have been sent. An officer will check them within 24 hours.
notice-account-approved = The account has been approved. Its owner has been told by e-mail.
notice-account-rejected = The account has been rejected with the reason given. Its owner has been told by e-mail and can correct the data.
terms-title = Terms of use and your personal data
register-read-terms = Read the terms of use and how your personal data are used
terms-who = This portal is run for the public authorities that decide on the stay of foreign citizens in Serbia. The authority that runs this copy of the portal is responsible for your data; its name and contact address are given by the operator of this site.
terms-what = We use what you enter and upload only to run the services you ask for: to check your identity, to decide on your requests, to deliver official documents to your e-Mailbox and to write to you. Officers see your data only for their work, and every opening of a case is recorded.
terms-kept = Files of a registration form you did not finish are deleted after a day; application drafts 30 days after their last change (we e-mail you a week before). Submitted requests, their documents and your e-Mailbox are kept as the law on administrative records requires.
terms-cookies = The portal sets only the cookies it needs to work: your session, a security token for forms and the language you chose. There is no advertising and no tracking.
terms-security = Keep your password to yourself. If you think someone else used your account, change your password: every other session ends at once. Your account page lists your sessions and recent sign-ins.
terms-rights = You may see the data kept about you, have wrong data corrected, and complain to the Commissioner for Information of Public Importance and Personal Data Protection of the Republic of Serbia.
error-method-api = This address does not take this method. See /api/openapi.json for what it takes.
error-cross-site-api = A request that changes something must come from this site's own pages or from an API client, not from another site.
error-json-expected = The body must be JSON (Content-Type: application/json).
