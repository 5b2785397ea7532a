## Reasons given by the residence rules (one per rule code)
residence-unknown-basis = "{ $basis }" is not a basis of temporary residence in the catalogue.
residence-unknown-citizenship = Choose a country from the list.
residence-date-of-birth-invalid = The date of birth { $date_of_birth } must be before the submission date { $submission_date }.
residence-d-visa-required = Citizens of this country need a long-stay visa D before they apply for temporary residence.
residence-d-visa-basis-mismatch = Your visa D was issued for { $d_visa_basis }, and a visa D holder can apply only on the basis the visa was issued for: choose a reason under { $d_visa_basis } (you chose { $basis }).
residence-d-visa-basis-not-given = With a visa D you can apply only on the basis the visa was issued for. Say which basis that is for an exact answer.
residence-single-permit-online-only = This reason leads to a single permit (temporary residence and work), which can be requested online only.
residence-minor-in-person-only = A request for a minor (under { $threshold }) is submitted by the legal representatives, in person only. Online requests are possible from { $adult_on }.
residence-beli-karton-required = For a first application you need a "beli karton" (registration of your address in Serbia) for the address you give, and a new one each time you enter Serbia until the decision.
residence-current-permit-required = For an extension, enter the expiry date of your current permit.
residence-extension-too-early = An extension can be submitted from { $earliest_submission } (3 months before your permit expires) until { $latest_submission }.
residence-extension-too-late = Your permit expired on { $latest_submission }, so it can no longer be extended. Submit a first application instead.
residence-extension-counts-when-paid = Your current permit expires on { $latest_submission }. An online request counts as made on the later of two days: the day you press Submit and the day your fee payment is confirmed (the date on your Confirmation of request receipt). That day must be between { $earliest_submission } and { $latest_submission }, so pay well before the last day: a payment by slip is confirmed only when the bank's statement reaches the portal.
residence-period-limited-by-basis = On this basis a permit is granted for at most { $max_months } months.
residence-basis-end-not-given = The permit cannot last longer than the contract or the studies. Give their end date for an exact answer.
residence-basis-ended-before-start = The contract or studies end on { $basis_valid_until }, before the permit would start on { $valid_from }.
residence-period-limited-by-basis-end = The permit cannot last beyond the end of the contract or studies, { $basis_valid_until }.
residence-requested-until-before-start = The requested end date { $requested_until } is before the start of the permit, { $valid_from }.
residence-requested-period-too-long = The requested end date { $requested_until } is later than the latest possible one, { $latest_until }.
residence-passport-validity-too-short = Your passport must be valid until at least { $required_valid_until } ({ $margin_months } months after the end of the permit); it is valid until { $passport_valid_until }.
residence-period-shortened-by-passport = Because your passport is valid until { $passport_valid_until }, the permit can last only until { $valid_until }.
residence-trip-return-before-departure = Trip { $trip }: the return ({ $returned }) is before the departure ({ $departed }). Check the two dates.
residence-trip-return-after-application = Trip { $trip }: the return ({ $returned }) is after the date of the application ({ $application_date }). Only the 3 years before the application are counted: enter a return on or before that date, or a later application date.
residence-total-absence-exceeds-limit = In the 3 years before the application you were away { $total_months ->
    [one] { $total_months } month
   *[other] { $total_months } months
} and { $total_days ->
    [one] { $total_days } day
   *[other] { $total_days } days
} in total ({ $total_days_absent } days away); at most { $limit_months } months are allowed.
residence-single-absence-exceeds-limit = The absence from { $first_day } to { $last_day } lasted { $months ->
    [one] { $months } month
   *[other] { $months } months
} and { $days ->
    [one] { $days } day
   *[other] { $days } days
} ({ $days_absent } days away); one absence may last at most { $limit_months } months. Coming back by { $latest_return } would have kept it within the limit.
residence-fee-tariff-missing = No fee tariff is known for { $on }.
residence-fee-amount-unverified = These amounts come from public guides and may have changed. Check them with the police department before you pay.

## Public self-help pages about temporary residence
residence-index-title = Temporary residence: guides and tools
residence-index-lead = Check before you apply: whether you can apply online, which documents you need, what it costs, and whether your absences allow permanent residence later. No account needed.
residence-check-title = Can I apply online?
residence-check-teaser = Answer a few questions and see whether, how and for how long you can apply.
residence-bases-title = Bases of temporary residence
residence-bases-teaser = Every basis and closer reason, the permit it leads to, and the documents to attach.
residence-absences-title = Absence calculator for permanent residence
residence-absences-teaser = Add your trips abroad and see whether they fit the limits.
residence-fees-title = Fees and payment slip
residence-fees-teaser = See the fees and print a payment slip with a QR code your bank's app can scan.
residence-bases-lead = The request for temporary residence is submitted on one basis and closer reason. It decides whether you get a single permit (residence and work) or a temporary residence permit, and whether you can apply only online.
residence-bases-source = Sources: the official list of the Ministry of the Interior (Temporary Residence — Portal for Foreign Citizens, last updated 16.12.2024) for the bases, and a private guide for the documents. Where neither names a document for a basis, the list says so: “How this portal applies the rule”.
bases-permit = Permit
bases-channels = How to apply
bases-right-to-work = Right to work
bases-max-validity = Longest validity
bases-months = { $n ->
    [one] { $n } month
   *[other] { $n } months
}
bases-limited-by-end = (not beyond the end of the contract or studies)
bases-documents = Documents to attach
bases-extension-documents = Documents to attach to an extension
bases-documents-note = Documents marked “How this portal applies the rule” are not listed by the sources for that basis: they show what the basis rests on (a contract, an enrolment, a decision). The police department may ask for others.
permit-single_permit = Single permit (temporary residence and work)
permit-temporary_residence = Temporary residence permit
channels-online_only = Online only
channels-online_or_in_person = Online, or in person at the police department
right-to-work-per_single_permit = Yes, as stated in the single permit
right-to-work-according_to_basis = According to the basis; the card notes whether you may work
condition-not_when_applying_from_abroad = not when applying from abroad
condition-on_inspector_request = only if the inspector asks
condition-married_spouses = for married spouses
condition-extramarital_union = for partners in an extramarital union
condition-reunification_with_child = for reunification with a child
condition-other_kinship = for a parent or another relative
residence-check-lead = The answer comes from the rules of the Ministry of the Interior. It is guidance, not a decision.
check-kind-first = First request
check-kind-extension = Extension of my permit
check-channel-online = Online, on this portal
check-channel-in-person = In person, at the police department
check-submit = Check
check-answer-yes-online = Yes, you can apply online.
check-answer-yes-in-person = You can apply, in person only.
check-answer-no = Not as asked. See why below.
check-valid-from = Permit valid from
check-valid-until = Permit valid until (at most)
check-earliest = Submit no sooner than
check-latest = Submit no later than
check-blockers = What stops this request
check-good-to-know = Good to know
check-documents = Documents to prepare
source = Source
answer-yes = Yes
answer-no = No
field-kind = What do you want to apply for?
field-basis = Basis and closer reason
field-channel = How do you want to apply?
field-submission-date = Date of submission
field-passport-valid-until = Passport valid until
field-current-permit-valid-until = Current permit valid until
field-basis-valid-until = Contract or studies end on
field-requested-until = Permit wanted until
field-has-d-visa = Do you hold a long-stay visa D?
field-d-visa-basis = If you hold a visa D: the basis it was issued for
hint-d-visa-basis = A visa D holder applies for temporary residence only on the basis the visa was issued for.
field-applying-from-abroad = Are you applying from abroad?
hint-current-permit-valid-until = Only for an extension.
hint-basis-valid-until = For a fixed-term contract or studies.
hint-requested-until = Leave empty for the longest possible period.
residence-absences-lead = For permanent residence, in the 3 years before you apply you may be away from Serbia at most 10 months in total, and at most 6 months at a time.
absences-how-title = How the time away is counted
absences-how-window = The 3 years before the date of your application are counted. The day you leave and the day you come back count as days in Serbia: the days in between are your absence. A trip that began before these 3 years counts only from their first day; overlapping trips count once.
absences-how-months = Each absence is measured in calendar months, as Serbian law counts a period of months: it ends on the day with the same number as the day you left, or on the month's last day when the month has no such day. If you leave on 15 January, 6 months of absence end on 15 July: come back by 16 July to stay within 6 months. If you leave on 31 August, they end on 28 February (29 in a leap year).
absences-how-total = For the total, the whole months of every absence are added up, and the days left over from all absences are counted 30 to a month. Exactly 6 or 10 months is still within the limit; one day more is over it. This is an aid, not a decision.
absences-how-source = The limits come from a private guide (Online Application for a Residence Permit in Serbia: A Complete Guide, “Absence Restrictions and Application Methods”). Counting the months as the law counts periods is how this portal applies them.
field-application-date = Date of the application for permanent residence
absences-trips = Trips abroad
absences-trip = Trip { $n }
absences-departed = Left Serbia on
absences-returned = Came back on
absences-add-trip = Add another trip
absences-submit = Calculate
absences-within = Your absences are within the limits.
absences-over = Your absences are over the limits.
absences-window = Counted period
absences-total = Time away in total
absences-total-limit = at most 10 months
absences-longest-limit = at most 6 months
absences-months-days = { $months ->
    [one] { $months } month
   *[other] { $months } months
} and { $days ->
    [one] { $days } day
   *[other] { $days } days
}
absences-list = Your absences
absences-col-days-abroad = Days abroad
absences-col-length = Length
absences-col-days = Days
absences-longest = Longest absence
absences-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
residence-fees-lead = The fees are paid with the request, at the last step of the online application, and after the invitation to biometrics. The amounts come from public sources and may have changed; check them before you pay.
field-municipality = Municipality of your residence
hint-municipality = Its code becomes part of the payment reference (for example 016).
field-payer = Payer's name and address
fees-submit = Show fees and payment slip
fees-list-title = Fees
fees-col-fee = Fee
fees-col-when = When
fees-col-amount = Amount
fees-col-payee = Paid to
fees-stage-submission = With the request
fees-stage-biometrics = After the invitation to biometrics
fees-reference = reference
fees-payee-unknown = Told with the invitation
fees-total-submission = Due with the request
slip-heading = Payment slip for the fees due with the request
slip-title = PAYMENT ORDER
slip-payer = Payer
slip-purpose = Purpose of payment
slip-payee = Recipient
slip-payment-code = Payment code
slip-currency = Currency
slip-amount = Amount
slip-account = Recipient's account
slip-model-reference = Model and reference number
slip-scan = Scan the QR code with your bank's mobile app to fill in the payment, or print the slip and pay at a bank, post office or exchange office.
slip-qr-alt = IPS QR code of this payment
slip-download = Download the slip (PDF)
slip-purpose-residence = Taksa za privremeni boravak
check-step = Question { $n } of { $count }
check-continue = Continue
check-back = Back
check-your-answers = Your answers
check-change = Change
check-again = Start again
## Where a rule comes from: the sources by their real titles
source-project = How this portal applies the rule
source-reading = How this portal applies the rule, based on: { $citation }
source-citation = { $title }, section “{ $section }”
source-document-seed-004 = Temporary Residence — Portal for Foreign Citizens (Ministry of the Interior), last updated 16.12.2024
source-document-seed-002 = Online Application for a Residence Permit in Serbia: A Complete Guide (a private guide)
source-document-design-md = Secondary public sources gathered by this portal (amounts not confirmed by an official tariff)
source-section-seed-004-introduction = Temporary Residence
source-section-seed-004-what-is-temporary-residence = What is temporary residence?
source-section-seed-004-bases = Basis for issuing a temporary residence and work permit, i.e. a temporary residence permit
source-section-seed-004-issuance = Issuance of a temporary residence permit, i.e. a temporary residence and work permit
source-section-seed-004-rejection = Rejection of the request for temporary residence
source-section-seed-002-key-questions = Key Questions about Residence Permits: Beli Karton, Visa Runs, and Travel
source-section-seed-002-absences = Absence Restrictions and Application Methods
source-section-seed-002-issuance-costs = Issuance Times, Costs, and General Rules
source-section-seed-002-general-documents = Initial Application: General List of Documents
source-section-seed-002-self-employment = Documents for ‘Self-Employment’ (Sole Proprietor)
source-section-seed-002-family-reunification = Documents for ‘Family Reunification’
source-section-seed-002-online-application = The Online Application Algorithm: From Registration to Payment
source-section-seed-002-status-tracking = Tracking Application Status and Making Revisions
source-section-seed-002-biometrics = Biometrics: Paying Fees and Visiting the MUP
source-section-seed-002-passport-replacement = Life with a Residence Permit: Next Steps and Passport Replacement
source-section-design-md-fees = Fee amounts
source-section-design-md-payment-details = Payment details
## Where the check of an identifier comes from
identifier-source-jmbg = Law on the Unique Master Citizen Number: the check digit
identifier-source-ebs = Foreigner's registration number (EBS), built like the JMBG; that its check digit is computed the same way is how this portal applies the rule (not confirmed)
identifier-source-account = National Bank of Serbia: bank account number, check digits ISO 7064 MOD 97-10
identifier-source-reference97 = National Bank of Serbia: payment reference, model 97 (ISO 7064 MOD 97-10)
identifier-source-pib = Tax Administration: tax identification number (PIB), ISO 7064 MOD 11,10
identifier-source-mb = Statistical Office and Business Registers Agency: registration number (MB), weighted modulo 11 (not confirmed)
## Dates written out
date-long-1 = { $day } January { $year }
date-long-2 = { $day } February { $year }
date-long-3 = { $day } March { $year }
date-long-4 = { $day } April { $year }
date-long-5 = { $day } May { $year }
date-long-6 = { $day } June { $year }
date-long-7 = { $day } July { $year }
date-long-8 = { $day } August { $year }
date-long-9 = { $day } September { $year }
date-long-10 = { $day } October { $year }
date-long-11 = { $day } November { $year }
date-long-12 = { $day } December { $year }
