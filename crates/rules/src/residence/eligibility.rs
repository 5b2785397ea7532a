//! Eligibility and validity period of a temporary residence request.
//!
//! [`check`] applies these rules, each with its source:
//!
//! | rule | code | source |
//! |---|---|---|
//! | the ground must be in the catalogue | `unknown_basis` | seed-004 |
//! | single permit grounds: online only | `single_permit_online_only` | seed-004 |
//! | minors (age < [`RuleParams::minor_age_threshold`] on the submission date): in person only, by the legal representatives | `minor_in_person_only` | seed-004 |
//! | first request: D visa first for the citizenships of the data file (KZ, UZ, TJ) unless `has_d_visa == Some(true)` | `d_visa_required` | seed-002 |
//! | first request of a D visa holder: only on the basis the visa was issued for (`d_visa_basis`; the chosen ground's basis must be it) | `d_visa_basis_mismatch`, `d_visa_basis_not_given` (info) | seed-004 |
//! | first request from within Serbia (`applying_from_abroad != Some(true)`): beli karton; never for extensions | `beli_karton_required` (info) | seed-002 |
//! | an extension needs the current permit's expiry | `current_permit_required` | seed-004 |
//! | extension window: expiry − 3 months ≤ submission ≤ expiry, both inclusive ([`ExtensionWindow`]) | `extension_too_early`, `extension_too_late` | seed-004 |
//! | an online extension counts as made when its fee payment is confirmed ([`request_made_on`]) | `extension_counts_when_paid` (info) | seed-002, the project's reading |
//! | first permit from the submission date; extension from the day after the expiry | — | seed-004 |
//! | at most [`RuleParams::max_months`] (36), fewer by basis (talent 12) | `requested_period_too_long`, `period_limited_by_basis` (info) | seed-004, seed-002 |
//! | studies, employment contract: not beyond `basis_valid_until` | `requested_period_too_long`, `period_limited_by_basis_end` (info), `basis_end_not_given` (info), `basis_ended_before_start` | seed-002 |
//! | passport valid ≥ 3 months beyond the end: without `requested_until` the period is shortened to fit; a `requested_until` that does not fit is refused | `period_shortened_by_passport` (info), `passport_validity_too_short` | seed-004 |
//!
//! Input checks: `unknown_citizenship` (not a code of
//! [`countries`](crate::countries)), `date_of_birth_invalid` (born after
//! the submission date), `requested_until_before_start`.
//!
//! The period is `[valid_from, valid_until]`, both inclusive, with
//! `valid_until ≤ valid_from + N months − 1 day` ([`period_end`]); the
//! passport condition is `valid_until + 3 months ≤ passport_valid_until`
//! ([`latest_end_with_margin`]). All reasons found are reported, not only
//! the first.
//!
//! **Minors and single permits.** seed-004 makes single permit requests
//! online only and minors' requests in person only; taken together a minor
//! has no channel for a single permit ground. Both reasons are then reported
//! and [`CheckAnswer::channels`] is empty. (The minor rule stands in
//! seed-004's paragraph on temporary residence permits; applying it to every
//! request is the conservative reading.)
//!
//! # Which day an online request counts as made
//!
//! seed-004 opens the extension window "no sooner than three months prior to
//! the expiration … and no later than the expiration", and lets a foreign
//! citizen who submits "in a timely manner" stay until the procedure ends.
//! Online, the request reaches the authority only once the fee is paid
//! (seed-002: "After successful payment, the application will be sent for
//! review"); the portal records it as received, moves it to "Request
//! submitted" and issues the "Confirmation of request receipt" — the
//! applicant's proof of a timely request — on the day the payment is
//! confirmed, if that is after Submit. So a request counts as made on the
//! later of the day Submit was pressed and the day the fee payment was
//! confirmed ([`request_made_on`]); that day must fall within the window.
//! This is the project's reading: it never tells an applicant they are in
//! time when their confirmation would show a later day. [`check`]'s
//! `submission_date` is that day; for an online extension it adds the
//! `extension_counts_when_paid` note with the last day.
//!
//! [`period_end`]: super::period_end
//! [`latest_end_with_margin`]: super::latest_end_with_margin

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::catalogue::{BasisCode, Channels, PermitKind, Terms, catalogue};
use super::dates::{add_days, add_months, add_years, latest_end_with_margin, period_end};
use super::reasons::{Reason, ReasonCode, Source, sources};
use super::{ApplicationKind, Channel};
use crate::countries::CitizenshipCode;

/// Parameters of the rules, defaulting to the official values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RuleParams {
    /// Below this age (in whole years on the submission date) the applicant
    /// is a minor. Default 18: seed-004 says "minor" (Serbian law: under
    /// 18). Seed-002 (a private guide) says 16; the official text wins.
    pub minor_age_threshold: u8,
    /// The longest validity in months (seed-004: "up to three years", 36).
    pub max_months: u16,
    /// How many months the passport must stay valid after the period
    /// (seed-004: 3).
    pub passport_margin_months: u16,
    /// How many months before the expiry an extension may be submitted
    /// (seed-004: 3).
    pub extension_window_months: u16,
}

impl RuleParams {
    /// The values of the official text (seed-004): 18, 36, 3, 3.
    #[must_use]
    pub const fn official() -> Self {
        Self {
            minor_age_threshold: 18,
            max_months: 36,
            passport_margin_months: 3,
            extension_window_months: 3,
        }
    }
}

impl Default for RuleParams {
    fn default() -> Self {
        Self::official()
    }
}

/// What the applicant is asking for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CheckRequest {
    /// First request or extension.
    pub kind: ApplicationKind,
    /// The ground's code (closer reason, or basis without closer reasons),
    /// e.g. `education.studying`, `talent`.
    pub basis: String,
    /// The applicant's date of birth.
    pub date_of_birth: Date,
    /// Citizenship as an ISO 3166-1 alpha-2 code (any case), or `XK`/`XX`.
    pub citizenship: String,
    /// How the request is (to be) submitted.
    pub channel: Channel,
    /// The submission date.
    pub submission_date: Date,
    /// The last day the passport (or identity document) is valid.
    pub passport_valid_until: Date,
    /// The last day of the period the applicant asks for; `None`: as long
    /// as the rules allow.
    pub requested_until: Option<Date>,
    /// The last day of the basis (end of studies, of a fixed-term contract),
    /// if it has one. Used for grounds that are `limited_by_basis_end`.
    pub basis_valid_until: Option<Date>,
    /// The last day of the current permit; required for an extension.
    pub current_permit_valid_until: Option<Date>,
    /// Whether the applicant holds a D visa; `None` counts as no.
    pub has_d_visa: Option<bool>,
    /// The basis the D visa was issued for (asked when `has_d_visa` is
    /// `Some(true)`).
    #[serde(default)]
    pub d_visa_basis: Option<BasisCode>,
    /// Whether the first request is made from abroad; `None` counts as no.
    pub applying_from_abroad: Option<bool>,
}

/// The decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckAnswer {
    /// Whether no reason is blocking.
    pub allowed: bool,
    /// The permit the ground leads to (`None` for an unknown ground).
    pub permit_kind: Option<PermitKind>,
    /// The channels this applicant may use for this ground (may be empty,
    /// see the module documentation on minors and single permits).
    pub channels: Vec<Channel>,
    /// First day of the period: the submission date, or the day after the
    /// current permit's expiry (`None` if it cannot be known).
    pub valid_from: Option<Date>,
    /// Last day of the period the request leads to, once blocking reasons
    /// about channels, D visa or timing are resolved; `None` when no period
    /// fits (passport too short, basis ended, requested period refused …).
    pub valid_until: Option<Date>,
    /// Extension: first day the request may be submitted.
    pub earliest_submission: Option<Date>,
    /// Extension: last day the request may be submitted (the expiry).
    pub latest_submission: Option<Date>,
    /// Whether a beli karton must be attached (first request from within
    /// Serbia).
    pub beli_karton_required: bool,
    /// Every reason found, blocking and informational.
    pub reasons: Vec<Reason>,
}

impl CheckAnswer {
    /// Whether a reason with this code is present.
    #[must_use]
    pub fn has(&self, code: ReasonCode) -> bool {
        self.reasons.iter().any(|r| r.code == code)
    }

    /// The first reason with this code.
    #[must_use]
    pub fn reason(&self, code: ReasonCode) -> Option<&Reason> {
        self.reasons.iter().find(|r| r.code == code)
    }
}

/// The days on which an extension may be submitted: from `expiry −
/// extension_window_months` to `expiry`, both inclusive (seed-004).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ExtensionWindow {
    /// The first day.
    pub earliest: Date,
    /// The last day: the expiry of the current permit.
    pub latest: Date,
}

impl ExtensionWindow {
    /// The window of a permit that expires on `expiry`.
    #[must_use]
    pub fn of(expiry: Date, params: &RuleParams) -> Self {
        Self {
            earliest: add_months(expiry, -i64::from(params.extension_window_months)),
            latest: expiry,
        }
    }

    /// Why a request made on `made_on` is outside the window
    /// (`extension_too_early`, `extension_too_late`), or `None` when inside.
    #[must_use]
    pub fn refusal(&self, made_on: Date) -> Option<Reason> {
        let code = if made_on < self.earliest {
            ReasonCode::ExtensionTooEarly
        } else if made_on > self.latest {
            ReasonCode::ExtensionTooLate
        } else {
            return None;
        };
        Some(Reason::new(
            code,
            [
                ("submission_date", iso(made_on)),
                ("earliest_submission", iso(self.earliest)),
                ("latest_submission", iso(self.latest)),
            ],
        ))
    }
}

/// The day an online request counts as made (see the module
/// documentation): the later of `submitted_on` (the day Submit was pressed)
/// and `fee_confirmed_on` (the day the fee payment was confirmed); `None`
/// while the payment is not confirmed.
///
/// Submitted on 2027-03-12 and paid on 2027-03-16: made on 2027-03-16. Paid
/// on 2027-03-01 (before Submit) and submitted on 2027-03-12: made on
/// 2027-03-12.
#[must_use]
pub fn request_made_on(submitted_on: Date, fee_confirmed_on: Option<Date>) -> Option<Date> {
    fee_confirmed_on.map(|paid| paid.max(submitted_on))
}

/// A date as an argument value (ISO 8601).
fn iso(date: Date) -> String {
    date.to_string()
}

/// Checks a request against the rules (see the module documentation).
#[must_use]
pub fn check(request: &CheckRequest, params: &RuleParams) -> CheckAnswer {
    let mut reasons = Vec::new();
    let Some(ground) = catalogue().find(&request.basis) else {
        reasons.push(Reason::new(
            ReasonCode::UnknownBasis,
            [("basis", request.basis.trim().to_owned())],
        ));
        return CheckAnswer {
            allowed: false,
            permit_kind: None,
            channels: Vec::new(),
            valid_from: None,
            valid_until: None,
            earliest_submission: None,
            latest_submission: None,
            beli_karton_required: false,
            reasons,
        };
    };
    let terms = ground.terms();
    let first = request.kind == ApplicationKind::First;

    // Citizenship and D visa (seed-002: first requests only).
    match CitizenshipCode::parse(&request.citizenship) {
        Err(_) => reasons.push(Reason::new(
            ReasonCode::UnknownCitizenship,
            [("citizenship", request.citizenship.trim().to_owned())],
        )),
        Ok(code) => {
            let d_visa = &catalogue().d_visa;
            if first && d_visa.requires(code.as_str()) && request.has_d_visa != Some(true) {
                reasons.push(
                    Reason::new(ReasonCode::DVisaRequired, [("citizenship", code.as_str())])
                        .with_source(d_visa.source),
                );
            }
        }
    }

    // A D visa holder applies only on the basis the visa was issued for
    // (seed-004, a first request: the visa leads to temporary residence).
    if first && request.has_d_visa == Some(true) {
        let basis = ground.basis().code;
        match request.d_visa_basis {
            None => reasons.push(Reason::new(
                ReasonCode::DVisaBasisNotGiven,
                Vec::<(&str, String)>::new(),
            )),
            Some(visa) if visa.as_str() != basis => reasons.push(Reason::new(
                ReasonCode::DVisaBasisMismatch,
                [("basis", basis), ("d_visa_basis", visa.as_str())],
            )),
            Some(_) => {}
        }
    }

    // Channels: the ground's, narrowed to in person for minors (seed-004).
    let minor = minor_status(request, params, &mut reasons);
    let channels: Vec<Channel> = terms
        .channels
        .value
        .allowed()
        .iter()
        .copied()
        .filter(|&c| !minor || c == Channel::InPerson)
        .collect();
    let none_left = channels.is_empty();
    if terms.channels.value == Channels::OnlineOnly
        && (request.channel == Channel::InPerson || none_left)
    {
        reasons.push(
            Reason::new(
                ReasonCode::SinglePermitOnlineOnly,
                [("basis", ground.code())],
            )
            .with_source(terms.channels.source),
        );
    }
    if minor && (request.channel == Channel::Online || none_left) {
        let adult_on = add_years(request.date_of_birth, i64::from(params.minor_age_threshold));
        reasons.push(Reason::new(
            ReasonCode::MinorInPersonOnly,
            [
                (
                    "age",
                    age_on(request.date_of_birth, request.submission_date).to_string(),
                ),
                ("threshold", params.minor_age_threshold.to_string()),
                ("adult_on", iso(adult_on)),
            ],
        ));
    }

    // Beli karton (seed-002): first requests from within Serbia only.
    let beli_karton_required = first && request.applying_from_abroad != Some(true);
    if beli_karton_required {
        reasons.push(Reason::new(
            ReasonCode::BeliKartonRequired,
            Vec::<(&str, String)>::new(),
        ));
    }

    // Start of the period and, for extensions, the submission window.
    let mut earliest_submission = None;
    let mut latest_submission = None;
    let valid_from = if first {
        Some(request.submission_date)
    } else if let Some(expiry) = request.current_permit_valid_until {
        let window = ExtensionWindow::of(expiry, params);
        earliest_submission = Some(window.earliest);
        latest_submission = Some(window.latest);
        reasons.extend(window.refusal(request.submission_date));
        if request.channel == Channel::Online {
            reasons.push(Reason::new(
                ReasonCode::ExtensionCountsWhenPaid,
                [
                    ("earliest_submission", iso(window.earliest)),
                    ("latest_submission", iso(window.latest)),
                ],
            ));
        }
        Some(add_days(expiry, 1))
    } else {
        reasons.push(Reason::new(
            ReasonCode::CurrentPermitRequired,
            Vec::<(&str, String)>::new(),
        ));
        None
    };

    let valid_until =
        valid_from.and_then(|from| period_until(request, params, terms, from, &mut reasons));

    CheckAnswer {
        allowed: !reasons.iter().any(Reason::is_blocking),
        permit_kind: Some(terms.permit.value),
        channels,
        valid_from,
        valid_until,
        earliest_submission,
        latest_submission,
        beli_karton_required,
        reasons,
    }
}

/// Age in whole years on `on` (0 if `on` is before the birth).
fn age_on(date_of_birth: Date, on: Date) -> i64 {
    let mut age = i64::from(on.year()) - i64::from(date_of_birth.year());
    if add_years(date_of_birth, age) > on {
        age -= 1;
    }
    age.max(0)
}

/// Whether the applicant is a minor on the submission date: the submission
/// date is before `date_of_birth + threshold years` (jiff: a 29 February
/// birthday reaches the age on 28 February in a common year). A birth after
/// the submission date is reported and not counted as minor.
fn minor_status(request: &CheckRequest, params: &RuleParams, reasons: &mut Vec<Reason>) -> bool {
    if request.date_of_birth > request.submission_date {
        reasons.push(Reason::new(
            ReasonCode::DateOfBirthInvalid,
            [
                ("date_of_birth", iso(request.date_of_birth)),
                ("submission_date", iso(request.submission_date)),
            ],
        ));
        return false;
    }
    is_minor(request.date_of_birth, request.submission_date, params)
}

/// Whether a person born on `date_of_birth` is a minor on `on` (younger than
/// [`RuleParams::minor_age_threshold`] whole years).
#[must_use]
pub fn is_minor(date_of_birth: Date, on: Date, params: &RuleParams) -> bool {
    on < add_years(date_of_birth, i64::from(params.minor_age_threshold))
}

/// The last day of the period starting `from`, or `None` when no period
/// fits; pushes the reasons that explain it.
fn period_until(
    request: &CheckRequest,
    params: &RuleParams,
    terms: &Terms,
    from: Date,
    reasons: &mut Vec<Reason>,
) -> Option<Date> {
    // The cap from months: the general maximum, or less by basis.
    let basis_months = terms.max_months.value;
    let months = params.max_months.min(basis_months).max(1);
    let mut cap = period_end(from, months);
    let mut limit = "max_months";
    let mut cap_reason = (basis_months < params.max_months).then(|| {
        Reason::new(
            ReasonCode::PeriodLimitedByBasis,
            [("max_months", basis_months.to_string())],
        )
        .with_source(terms.max_months.source)
    });
    let mut limit_source: Source = if basis_months < params.max_months {
        terms.max_months.source
    } else {
        sources::MAX_THREE_YEARS
    };

    // The cap from the end of the basis (studies, fixed-term contract).
    if terms.limited_by_basis_end.value {
        let flag_source = terms.limited_by_basis_end.source;
        match request.basis_valid_until {
            None => reasons.push(
                Reason::new(ReasonCode::BasisEndNotGiven, Vec::<(&str, String)>::new())
                    .with_source(flag_source),
            ),
            Some(end) if end < from => {
                reasons.push(
                    Reason::new(
                        ReasonCode::BasisEndedBeforeStart,
                        [("basis_valid_until", iso(end)), ("valid_from", iso(from))],
                    )
                    .with_source(flag_source),
                );
                return None;
            }
            Some(end) if end < cap => {
                cap = end;
                limit = "basis_end";
                limit_source = flag_source;
                cap_reason = Some(
                    Reason::new(
                        ReasonCode::PeriodLimitedByBasisEnd,
                        [("basis_valid_until", iso(end))],
                    )
                    .with_source(flag_source),
                );
            }
            Some(_) => {}
        }
    }

    // The cap from the passport (seed-004).
    let margin = params.passport_margin_months;
    let passport = request.passport_valid_until;
    let passport_cap = latest_end_with_margin(passport, margin);
    let passport_args = |required: Date| {
        let mut args = vec![
            ("passport_valid_until", iso(passport)),
            ("required_valid_until", iso(required)),
            ("margin_months", margin.to_string()),
        ];
        if passport_cap >= from {
            args.push(("latest_until", iso(passport_cap)));
        }
        args
    };

    if let Some(requested) = request.requested_until {
        if requested < from {
            reasons.push(Reason::new(
                ReasonCode::RequestedUntilBeforeStart,
                [
                    ("requested_until", iso(requested)),
                    ("valid_from", iso(from)),
                ],
            ));
            return None;
        }
        let mut fits = true;
        if requested > cap {
            fits = false;
            reasons.push(
                Reason::new(
                    ReasonCode::RequestedPeriodTooLong,
                    [
                        ("requested_until", iso(requested)),
                        ("latest_until", iso(cap)),
                        ("limit", limit.to_owned()),
                        ("max_months", months.to_string()),
                    ],
                )
                .with_source(limit_source),
            );
        }
        if requested > passport_cap {
            fits = false;
            reasons.push(Reason::new(
                ReasonCode::PassportValidityTooShort,
                passport_args(add_months(requested, i64::from(margin))),
            ));
        }
        return fits.then_some(requested);
    }

    if passport_cap < from {
        reasons.push(Reason::new(
            ReasonCode::PassportValidityTooShort,
            passport_args(add_months(from, i64::from(margin))),
        ));
        return None;
    }
    if passport_cap < cap {
        reasons.push(Reason::new(
            ReasonCode::PeriodShortenedByPassport,
            [
                ("passport_valid_until", iso(passport)),
                ("valid_until", iso(passport_cap)),
                ("margin_months", margin.to_string()),
            ],
        ));
        return Some(passport_cap);
    }
    reasons.extend(cap_reason);
    Some(cap)
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use proptest::prelude::*;

    use super::*;
    use crate::residence::Severity;

    const P: RuleParams = RuleParams::official();

    /// An adult Russian citizen's first online request on a temporary
    /// residence ground, submitted 2025-03-10 with a passport valid long
    /// enough for the full 36 months.
    fn first(basis: &str) -> CheckRequest {
        CheckRequest {
            kind: ApplicationKind::First,
            basis: basis.to_owned(),
            date_of_birth: date(1990, 5, 17),
            citizenship: "RU".to_owned(),
            channel: Channel::Online,
            submission_date: date(2025, 3, 10),
            passport_valid_until: date(2030, 1, 1),
            requested_until: None,
            basis_valid_until: None,
            current_permit_valid_until: None,
            has_d_visa: None,
            d_visa_basis: None,
            applying_from_abroad: None,
        }
    }

    /// An extension of a permit expiring 2025-06-30, submitted 2025-05-01.
    fn extension(basis: &str) -> CheckRequest {
        CheckRequest {
            kind: ApplicationKind::Extension,
            current_permit_valid_until: Some(date(2025, 6, 30)),
            submission_date: date(2025, 5, 1),
            ..first(basis)
        }
    }

    fn codes(answer: &CheckAnswer) -> Vec<&'static str> {
        answer.reasons.iter().map(|r| r.code.code()).collect()
    }

    fn blocking(answer: &CheckAnswer) -> Vec<&'static str> {
        answer
            .reasons
            .iter()
            .filter(|r| r.severity == Severity::Blocking)
            .map(|r| r.code.code())
            .collect()
    }

    #[test]
    fn plain_first_request() {
        let a = check(&first("investor"), &P);
        assert!(a.allowed, "{:?}", a.reasons);
        assert_eq!(a.permit_kind, Some(PermitKind::TemporaryResidence));
        assert_eq!(a.channels, [Channel::Online, Channel::InPerson]);
        // seed-004: from the submission date, up to three years.
        assert_eq!(a.valid_from, Some(date(2025, 3, 10)));
        assert_eq!(a.valid_until, Some(date(2028, 3, 9)));
        assert_eq!(a.earliest_submission, None);
        assert_eq!(a.latest_submission, None);
        // seed-002: beli karton for a first request from within Serbia.
        assert!(a.beli_karton_required);
        assert_eq!(codes(&a), ["beli_karton_required"]);
    }

    #[test]
    fn unknown_basis() {
        let a = check(&first("employment"), &P);
        assert!(!a.allowed);
        assert_eq!(codes(&a), ["unknown_basis"]);
        assert_eq!(a.reasons[0].arg("basis"), Some("employment"));
        assert_eq!(a.permit_kind, None);
        assert!(a.channels.is_empty());
    }

    #[test]
    fn unknown_citizenship_and_bad_birth_date() {
        let mut r = first("investor");
        r.citizenship = "QQ".to_owned();
        r.date_of_birth = date(2025, 3, 11);
        let a = check(&r, &P);
        assert_eq!(
            blocking(&a),
            ["unknown_citizenship", "date_of_birth_invalid"]
        );
        r.citizenship = " ru ".to_owned();
        r.date_of_birth = date(2025, 3, 10);
        assert!(!check(&r, &P).has(ReasonCode::UnknownCitizenship));
    }

    /// seed-004: single permit requests "can be submitted exclusively
    /// electronically".
    #[test]
    fn single_permit_is_online_only() {
        let mut r = first("employment.employment_contract");
        let a = check(&r, &P);
        assert!(a.allowed);
        assert_eq!(a.permit_kind, Some(PermitKind::SinglePermit));
        assert_eq!(a.channels, [Channel::Online]);
        r.channel = Channel::InPerson;
        let a = check(&r, &P);
        assert_eq!(blocking(&a), ["single_permit_online_only"]);
        assert_eq!(
            a.reason(ReasonCode::SinglePermitOnlineOnly)
                .unwrap()
                .source
                .document,
            "seed-004"
        );
        // A temporary residence ground may be submitted in person.
        let mut r = first("employment.volunteering");
        r.channel = Channel::InPerson;
        assert!(check(&r, &P).allowed);
    }

    /// seed-004: a minor's request "is submitted by their legal
    /// representatives, exclusively in person". Boundary: the 18th birthday.
    #[test]
    fn minors_in_person_only_at_the_boundary() {
        // Born 2007-03-10: 18 on 2025-03-10, the submission date.
        let cases = [
            (date(2007, 3, 11), true),  // the day before the 18th birthday
            (date(2007, 3, 10), false), // on the 18th birthday
            (date(2007, 3, 9), false),  // the day after
        ];
        for (dob, minor) in cases {
            let mut r = first("education.schooling");
            r.date_of_birth = dob;
            let a = check(&r, &P);
            assert_eq!(a.has(ReasonCode::MinorInPersonOnly), minor, "{dob}");
            assert_eq!(a.allowed, !minor, "{dob}");
            let expected: &[Channel] = if minor {
                &[Channel::InPerson]
            } else {
                &[Channel::Online, Channel::InPerson]
            };
            assert_eq!(a.channels, expected, "{dob}");
            r.channel = Channel::InPerson;
            assert!(check(&r, &P).allowed, "{dob}");
        }
        let mut r = first("education.schooling");
        r.date_of_birth = date(2007, 3, 11);
        let a = check(&r, &P);
        let reason = a.reason(ReasonCode::MinorInPersonOnly).unwrap();
        assert_eq!(reason.arg("age"), Some("17"));
        assert_eq!(reason.arg("threshold"), Some("18"));
        assert_eq!(reason.arg("adult_on"), Some("2025-03-11"));
    }

    /// seed-002 says 16 — a private guide; the threshold is a parameter.
    #[test]
    fn minor_threshold_is_a_parameter() {
        let mut r = first("education.schooling");
        r.date_of_birth = date(2008, 3, 10); // 17 on the submission date
        assert!(!check(&r, &P).allowed);
        let guide = RuleParams {
            minor_age_threshold: 16,
            ..P
        };
        assert!(check(&r, &guide).allowed);
    }

    #[test]
    fn leap_day_birthday_reaches_age_on_28_february() {
        let mut r = first("investor");
        r.date_of_birth = date(2008, 2, 29);
        r.submission_date = date(2026, 2, 27);
        assert!(check(&r, &P).has(ReasonCode::MinorInPersonOnly));
        r.submission_date = date(2026, 2, 28);
        assert!(!check(&r, &P).has(ReasonCode::MinorInPersonOnly));
    }

    #[test]
    fn minor_on_a_single_permit_ground_has_no_channel() {
        let mut r = first("employment.referred_person");
        r.date_of_birth = date(2009, 1, 1);
        for channel in [Channel::Online, Channel::InPerson] {
            r.channel = channel;
            let a = check(&r, &P);
            assert!(a.channels.is_empty());
            assert_eq!(
                blocking(&a),
                ["single_permit_online_only", "minor_in_person_only"]
            );
        }
    }

    /// seed-002: "Citizens of … Kazakhstan, Uzbekistan, and Tajikistan,
    /// need to obtain a D visa before applying"; Russia etc. do not.
    #[test]
    fn d_visa_for_first_requests() {
        for (citizenship, has_visa, kind, required) in [
            ("KZ", None, ApplicationKind::First, true),
            ("uz", Some(false), ApplicationKind::First, true),
            ("TJ", Some(true), ApplicationKind::First, false),
            ("KZ", None, ApplicationKind::Extension, false),
            ("RU", None, ApplicationKind::First, false),
            ("BY", None, ApplicationKind::First, false),
            ("DE", None, ApplicationKind::First, false),
        ] {
            let mut r = extension("investor");
            r.kind = kind;
            r.citizenship = citizenship.to_owned();
            r.has_d_visa = has_visa;
            let a = check(&r, &P);
            assert_eq!(
                a.has(ReasonCode::DVisaRequired),
                required,
                "{citizenship} {kind:?}"
            );
            if required {
                let reason = a.reason(ReasonCode::DVisaRequired).unwrap();
                assert_eq!(
                    reason.arg("citizenship"),
                    Some(&*citizenship.to_uppercase())
                );
                assert_eq!(reason.source.document, "seed-002");
                assert!(!a.allowed);
            }
        }
    }

    /// seed-004: a D visa holder "can submit a request for temporary
    /// residence only on the same basis on which the visa D was issued".
    #[test]
    fn d_visa_holders_apply_on_the_visa_basis() {
        let basis = |code: &str| BasisCode::parse(code);
        for (ground, visa, has_visa, kind, expected) in [
            // The same basis, any closer reason of it.
            (
                "employment.employment_contract",
                basis("employment"),
                Some(true),
                ApplicationKind::First,
                None,
            ),
            (
                "employment.volunteering",
                basis("employment"),
                Some(true),
                ApplicationKind::First,
                None,
            ),
            (
                "talent",
                basis("talent"),
                Some(true),
                ApplicationKind::First,
                None,
            ),
            // Another basis.
            (
                "education.studying",
                basis("employment"),
                Some(true),
                ApplicationKind::First,
                Some(ReasonCode::DVisaBasisMismatch),
            ),
            (
                "investor",
                basis("startup"),
                Some(true),
                ApplicationKind::First,
                Some(ReasonCode::DVisaBasisMismatch),
            ),
            // Not said.
            (
                "investor",
                None,
                Some(true),
                ApplicationKind::First,
                Some(ReasonCode::DVisaBasisNotGiven),
            ),
            // No visa, or an extension: nothing to compare.
            (
                "investor",
                basis("startup"),
                Some(false),
                ApplicationKind::First,
                None,
            ),
            (
                "investor",
                basis("startup"),
                None,
                ApplicationKind::First,
                None,
            ),
            (
                "investor",
                basis("startup"),
                Some(true),
                ApplicationKind::Extension,
                None,
            ),
        ] {
            let mut r = extension(ground);
            r.kind = kind;
            r.has_d_visa = has_visa;
            r.d_visa_basis = visa;
            let a = check(&r, &P);
            let found: Vec<ReasonCode> = a
                .reasons
                .iter()
                .map(|x| x.code)
                .filter(|c| {
                    matches!(
                        c,
                        ReasonCode::DVisaBasisMismatch | ReasonCode::DVisaBasisNotGiven
                    )
                })
                .collect();
            assert_eq!(
                found,
                expected.into_iter().collect::<Vec<_>>(),
                "{ground} {visa:?}"
            );
            if expected == Some(ReasonCode::DVisaBasisMismatch) {
                let reason = a.reason(ReasonCode::DVisaBasisMismatch).unwrap();
                assert!(reason.is_blocking());
                assert!(!a.allowed);
                assert_eq!(reason.arg("d_visa_basis"), visa.map(BasisCode::as_str));
                assert_eq!(reason.arg("basis"), find_ground_basis(ground));
                assert_eq!(reason.source.document, "seed-004");
                assert_eq!(reason.source.section, "bases");
            }
            if expected == Some(ReasonCode::DVisaBasisNotGiven) {
                assert!(a.allowed);
            }
        }
        let json = serde_json::json!({
            "kind": "first", "basis": "talent", "date_of_birth": "1990-01-01",
            "citizenship": "KZ", "channel": "online", "submission_date": "2025-03-10",
            "passport_valid_until": "2030-01-01", "requested_until": null,
            "basis_valid_until": null, "current_permit_valid_until": null,
            "has_d_visa": true, "d_visa_basis": "talent", "applying_from_abroad": true
        });
        let r: CheckRequest = serde_json::from_value(json).unwrap();
        assert_eq!(r.d_visa_basis, basis("talent"));
        assert!(check(&r, &P).allowed);
    }

    fn find_ground_basis(ground: &str) -> Option<&'static str> {
        catalogue().find(ground).map(|g| g.basis().code)
    }

    /// The project's reading: an online request counts as made on the later
    /// of Submit and the confirmed payment; that day must be in the window.
    #[test]
    fn an_online_extension_counts_when_its_fee_is_confirmed() {
        assert_eq!(request_made_on(date(2027, 3, 12), None), None);
        assert_eq!(
            request_made_on(date(2027, 3, 12), Some(date(2027, 3, 16))),
            Some(date(2027, 3, 16))
        );
        assert_eq!(
            request_made_on(date(2027, 3, 12), Some(date(2027, 3, 1))),
            Some(date(2027, 3, 12))
        );
        let window = ExtensionWindow::of(date(2027, 3, 14), &P);
        assert_eq!(window.earliest, date(2026, 12, 14));
        assert_eq!(window.latest, date(2027, 3, 14));
        // Submitted on 12 March, paid on 14 March: in time; on 15 March: late.
        for (paid, late) in [(date(2027, 3, 14), false), (date(2027, 3, 15), true)] {
            let made = request_made_on(date(2027, 3, 12), Some(paid)).unwrap();
            let refusal = window.refusal(made);
            assert_eq!(refusal.is_some(), late, "{paid}");
            if let Some(r) = refusal {
                assert_eq!(r.code, ReasonCode::ExtensionTooLate);
                assert_eq!(r.arg("submission_date"), Some("2027-03-15"));
            }
        }
        assert_eq!(
            window.refusal(date(2026, 12, 13)).map(|r| r.code),
            Some(ReasonCode::ExtensionTooEarly)
        );
        // The check tells an online extension; not an in-person one, and
        // not a first request.
        let a = check(&extension("investor"), &P);
        let note = a.reason(ReasonCode::ExtensionCountsWhenPaid).unwrap();
        assert_eq!(note.severity, Severity::Info);
        assert_eq!(note.arg("latest_submission"), Some("2025-06-30"));
        assert_eq!(note.arg("earliest_submission"), Some("2025-03-30"));
        assert!(note.source.reading);
        assert!(a.allowed);
        let mut r = extension("investor");
        r.channel = Channel::InPerson;
        assert!(!check(&r, &P).has(ReasonCode::ExtensionCountsWhenPaid));
        assert!(!check(&first("investor"), &P).has(ReasonCode::ExtensionCountsWhenPaid));
    }

    /// seed-002: beli karton for the first application, not for renewals,
    /// not when applying from abroad.
    #[test]
    fn beli_karton() {
        for (kind, abroad, required) in [
            (ApplicationKind::First, None, true),
            (ApplicationKind::First, Some(false), true),
            (ApplicationKind::First, Some(true), false),
            (ApplicationKind::Extension, None, false),
            (ApplicationKind::Extension, Some(false), false),
        ] {
            let mut r = extension("investor");
            r.kind = kind;
            r.applying_from_abroad = abroad;
            let a = check(&r, &P);
            assert_eq!(a.beli_karton_required, required, "{kind:?} {abroad:?}");
            assert_eq!(a.has(ReasonCode::BeliKartonRequired), required);
            if required {
                let reason = a.reason(ReasonCode::BeliKartonRequired).unwrap();
                assert_eq!(reason.severity, Severity::Info);
                assert!(a.allowed);
            }
        }
    }

    /// seed-004: extension "no sooner than three months prior to the
    /// expiration … and no later than the expiration". Expiry 2025-06-30:
    /// window 2025-03-30 ..= 2025-06-30.
    #[test]
    fn extension_window_boundaries() {
        for (submitted, code) in [
            (date(2025, 3, 29), Some(ReasonCode::ExtensionTooEarly)),
            (date(2025, 3, 30), None),
            (date(2025, 3, 31), None),
            (date(2025, 6, 29), None),
            (date(2025, 6, 30), None),
            (date(2025, 7, 1), Some(ReasonCode::ExtensionTooLate)),
        ] {
            let mut r = extension("investor");
            r.submission_date = submitted;
            let a = check(&r, &P);
            assert_eq!(a.earliest_submission, Some(date(2025, 3, 30)));
            assert_eq!(a.latest_submission, Some(date(2025, 6, 30)));
            assert_eq!(a.allowed, code.is_none(), "{submitted}");
            if let Some(code) = code {
                let reason = a.reason(code).unwrap();
                assert_eq!(reason.arg("submission_date"), Some(&*submitted.to_string()));
                assert_eq!(reason.arg("earliest_submission"), Some("2025-03-30"));
                assert_eq!(reason.arg("latest_submission"), Some("2025-06-30"));
            }
        }
    }

    #[test]
    fn extension_window_at_month_end() {
        // 2025-05-31 − 3 months = 2025-02-28 (clamped).
        let mut r = extension("investor");
        r.current_permit_valid_until = Some(date(2025, 5, 31));
        r.submission_date = date(2025, 2, 27);
        let a = check(&r, &P);
        assert_eq!(a.earliest_submission, Some(date(2025, 2, 28)));
        assert!(a.has(ReasonCode::ExtensionTooEarly));
        r.submission_date = date(2025, 2, 28);
        assert!(check(&r, &P).allowed);
    }

    /// seed-004: extension "calculated from the first day following the
    /// expiration date".
    #[test]
    fn extension_period_starts_the_day_after_expiry() {
        let a = check(&extension("investor"), &P);
        assert!(a.allowed, "{:?}", a.reasons);
        assert_eq!(a.valid_from, Some(date(2025, 7, 1)));
        assert_eq!(a.valid_until, Some(date(2028, 6, 30)));
        assert!(!a.beli_karton_required);
        assert_eq!(codes(&a), ["extension_counts_when_paid"]);
        // Year end: expiry 2025-12-31 → from 2026-01-01.
        let mut r = extension("investor");
        r.current_permit_valid_until = Some(date(2025, 12, 31));
        r.submission_date = date(2025, 12, 1);
        r.passport_valid_until = date(2035, 1, 1);
        let a = check(&r, &P);
        assert_eq!(a.valid_from, Some(date(2026, 1, 1)));
        assert_eq!(a.valid_until, Some(date(2028, 12, 31)));
    }

    #[test]
    fn extension_needs_the_current_permit() {
        let mut r = extension("investor");
        r.current_permit_valid_until = None;
        let a = check(&r, &P);
        assert_eq!(blocking(&a), ["current_permit_required"]);
        assert_eq!(a.valid_from, None);
        assert_eq!(a.valid_until, None);
    }

    /// seed-004: up to three years; boundary at from + 36 months − 1 day.
    #[test]
    fn requested_period_boundaries() {
        for (requested, too_long) in [
            (date(2028, 3, 8), false),
            (date(2028, 3, 9), false),
            (date(2028, 3, 10), true),
        ] {
            let mut r = first("investor");
            r.requested_until = Some(requested);
            let a = check(&r, &P);
            assert_eq!(
                a.has(ReasonCode::RequestedPeriodTooLong),
                too_long,
                "{requested}"
            );
            assert_eq!(a.allowed, !too_long);
            assert_eq!(a.valid_until, (!too_long).then_some(requested));
            if too_long {
                let reason = a.reason(ReasonCode::RequestedPeriodTooLong).unwrap();
                assert_eq!(reason.arg("latest_until"), Some("2028-03-09"));
                assert_eq!(reason.arg("limit"), Some("max_months"));
                assert_eq!(reason.arg("max_months"), Some("36"));
            }
        }
        // A period of a single day is fine; the day before the start is not.
        let mut r = first("investor");
        r.requested_until = Some(date(2025, 3, 10));
        assert!(check(&r, &P).allowed);
        r.requested_until = Some(date(2025, 3, 9));
        let a = check(&r, &P);
        assert_eq!(blocking(&a), ["requested_until_before_start"]);
        assert_eq!(a.valid_until, None);
    }

    /// seed-002: talent "is for one year".
    #[test]
    fn talent_is_limited_to_twelve_months() {
        let a = check(&first("talent"), &P);
        assert!(a.allowed);
        assert_eq!(a.valid_until, Some(date(2026, 3, 9)));
        let reason = a.reason(ReasonCode::PeriodLimitedByBasis).unwrap();
        assert_eq!(reason.arg("max_months"), Some("12"));
        assert_eq!(reason.source.document, "seed-002");
        for (requested, ok) in [
            (date(2026, 3, 8), true),
            (date(2026, 3, 9), true),
            (date(2026, 3, 10), false),
        ] {
            let mut r = first("talent");
            r.requested_until = Some(requested);
            let a = check(&r, &P);
            assert_eq!(a.allowed, ok, "{requested}");
            assert!(!a.has(ReasonCode::PeriodLimitedByBasis));
            if !ok {
                let reason = a.reason(ReasonCode::RequestedPeriodTooLong).unwrap();
                assert_eq!(reason.arg("max_months"), Some("12"));
                assert_eq!(reason.source.document, "seed-002");
            }
        }
    }

    /// seed-002: studies "for the duration of the studies".
    #[test]
    fn studies_end_with_the_basis() {
        let mut r = first("education.studying");
        let a = check(&r, &P);
        assert!(a.allowed);
        assert!(a.has(ReasonCode::BasisEndNotGiven));
        assert_eq!(a.valid_until, Some(date(2028, 3, 9)));

        for (end, until, limited) in [
            (date(2026, 9, 30), date(2026, 9, 30), true),
            (date(2028, 3, 8), date(2028, 3, 8), true),
            (date(2028, 3, 9), date(2028, 3, 9), false),
            (date(2028, 3, 10), date(2028, 3, 9), false),
        ] {
            r.basis_valid_until = Some(end);
            let a = check(&r, &P);
            assert!(a.allowed);
            assert_eq!(a.valid_until, Some(until), "{end}");
            assert_eq!(a.has(ReasonCode::PeriodLimitedByBasisEnd), limited, "{end}");
        }

        // Requested beyond the end of studies.
        r.basis_valid_until = Some(date(2026, 9, 30));
        r.requested_until = Some(date(2026, 10, 1));
        let a = check(&r, &P);
        let reason = a.reason(ReasonCode::RequestedPeriodTooLong).unwrap();
        assert_eq!(reason.arg("limit"), Some("basis_end"));
        assert_eq!(reason.arg("latest_until"), Some("2026-09-30"));
        r.requested_until = Some(date(2026, 9, 30));
        assert!(check(&r, &P).allowed);

        // Studies that end the day before the start; on the start day.
        r.requested_until = None;
        r.basis_valid_until = Some(date(2025, 3, 9));
        let a = check(&r, &P);
        assert_eq!(blocking(&a), ["basis_ended_before_start"]);
        assert_eq!(a.valid_until, None);
        r.basis_valid_until = Some(date(2025, 3, 10));
        assert_eq!(check(&r, &P).valid_until, Some(date(2025, 3, 10)));

        // The basis end is ignored for grounds not limited by it.
        let mut r = first("investor");
        r.basis_valid_until = Some(date(2026, 1, 1));
        assert_eq!(check(&r, &P).valid_until, Some(date(2028, 3, 9)));
    }

    /// seed-004: passport valid at least three months longer than the
    /// period. Full period ends 2028-03-09 → passport needed to 2028-06-09.
    #[test]
    fn passport_shortens_the_period_at_the_boundary() {
        for (passport, until, shortened) in [
            (date(2028, 6, 8), date(2028, 3, 8), true),
            (date(2028, 6, 9), date(2028, 3, 9), false),
            (date(2028, 6, 10), date(2028, 3, 9), false),
        ] {
            let mut r = first("investor");
            r.passport_valid_until = passport;
            let a = check(&r, &P);
            assert!(a.allowed, "{passport}");
            assert_eq!(a.valid_until, Some(until), "{passport}");
            assert_eq!(a.has(ReasonCode::PeriodShortenedByPassport), shortened);
            if shortened {
                let reason = a.reason(ReasonCode::PeriodShortenedByPassport).unwrap();
                assert_eq!(reason.arg("valid_until"), Some("2028-03-08"));
                assert_eq!(reason.severity, Severity::Info);
            }
        }
    }

    #[test]
    fn passport_too_short_for_any_period() {
        // Start 2025-03-10: the passport must be valid until 2025-06-10.
        for (passport, ok) in [
            (date(2025, 6, 9), false),
            (date(2025, 6, 10), true),
            (date(2025, 6, 11), true),
        ] {
            let mut r = first("investor");
            r.passport_valid_until = passport;
            let a = check(&r, &P);
            assert_eq!(a.allowed, ok, "{passport}");
            if ok {
                assert_eq!(a.valid_until, Some(latest_end_with_margin(passport, 3)));
            } else {
                let reason = a.reason(ReasonCode::PassportValidityTooShort).unwrap();
                assert_eq!(reason.arg("required_valid_until"), Some("2025-06-10"));
                assert_eq!(reason.arg("latest_until"), None);
                assert_eq!(a.valid_until, None);
            }
        }
    }

    /// seed-004: a requested period the passport does not cover by three
    /// months is refused (rejection ground 1), not shortened.
    #[test]
    fn requested_period_and_passport_boundaries() {
        for (requested, ok) in [
            (date(2026, 3, 14), true),
            (date(2026, 3, 15), true),
            (date(2026, 3, 16), false),
        ] {
            let mut r = first("investor");
            r.passport_valid_until = date(2026, 6, 15);
            r.requested_until = Some(requested);
            let a = check(&r, &P);
            assert_eq!(a.allowed, ok, "{requested}");
            assert!(!a.has(ReasonCode::PeriodShortenedByPassport));
            if !ok {
                let reason = a.reason(ReasonCode::PassportValidityTooShort).unwrap();
                assert_eq!(reason.arg("required_valid_until"), Some("2026-06-16"));
                assert_eq!(reason.arg("latest_until"), Some("2026-03-15"));
                assert_eq!(a.valid_until, None);
            }
        }
    }

    #[test]
    fn all_reasons_are_reported_together() {
        let r = CheckRequest {
            kind: ApplicationKind::First,
            basis: "employment.self_employment".to_owned(),
            date_of_birth: date(2010, 1, 1),
            citizenship: "KZ".to_owned(),
            channel: Channel::InPerson,
            submission_date: date(2025, 3, 10),
            passport_valid_until: date(2025, 5, 1),
            requested_until: None,
            basis_valid_until: None,
            current_permit_valid_until: None,
            has_d_visa: Some(false),
            d_visa_basis: None,
            applying_from_abroad: Some(false),
        };
        let a = check(&r, &P);
        assert_eq!(
            codes(&a),
            [
                "d_visa_required",
                "single_permit_online_only",
                "minor_in_person_only",
                "beli_karton_required",
                "passport_validity_too_short"
            ]
        );
    }

    #[test]
    fn answer_serialises() {
        let a = check(&first("talent"), &P);
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["allowed"], true);
        assert_eq!(json["permit_kind"], "temporary_residence");
        assert_eq!(json["channels"][1], "in_person");
        assert_eq!(json["valid_until"], "2026-03-09");
        assert_eq!(json["reasons"][0]["code"], "beli_karton_required");
        let request: CheckRequest =
            serde_json::from_value(serde_json::to_value(first("talent")).unwrap()).unwrap();
        assert_eq!(request, first("talent"));
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (2000_i16..2040, 1_i8..=12, 1_i8..=28).prop_map(|(y, m, d)| date(y, m, d))
    }

    fn any_ground() -> impl Strategy<Value = &'static str> {
        let codes: Vec<&'static str> = catalogue().grounds().map(|g| g.code()).collect();
        prop::sample::select(codes)
    }

    proptest! {
        /// Whenever a period results it is non-empty, within the maximum and
        /// covered by the passport with the margin.
        #[test]
        fn periods_respect_every_limit(
            basis in any_ground(),
            extension in any::<bool>(),
            submission in any_date(),
            expiry_offset in -200_i64..200,
            passport_offset in -100_i64..2000,
            requested_offset in prop::option::of(-10_i64..1200),
            basis_end_offset in prop::option::of(-10_i64..1200),
        ) {
            let r = CheckRequest {
                kind: if extension { ApplicationKind::Extension } else { ApplicationKind::First },
                basis: basis.to_owned(),
                date_of_birth: date(1980, 1, 1),
                citizenship: "RU".to_owned(),
                channel: Channel::Online,
                submission_date: submission,
                passport_valid_until: add_days(submission, passport_offset),
                requested_until: requested_offset.map(|d| add_days(submission, d)),
                basis_valid_until: basis_end_offset.map(|d| add_days(submission, d)),
                current_permit_valid_until: Some(add_days(submission, expiry_offset)),
                has_d_visa: None,
                d_visa_basis: None,
                applying_from_abroad: None,
            };
            let a = check(&r, &P);
            prop_assert_eq!(a.allowed, !a.reasons.iter().any(Reason::is_blocking));
            if let (Some(from), Some(until)) = (a.valid_from, a.valid_until) {
                prop_assert!(until >= from);
                prop_assert!(until <= period_end(from, 36));
                prop_assert!(add_months(until, 3) <= r.passport_valid_until);
                let terms = catalogue().find(basis).unwrap().terms();
                prop_assert!(until <= period_end(from, terms.max_months.value));
                if let (true, Some(end)) = (terms.limited_by_basis_end.value, r.basis_valid_until) {
                    prop_assert!(until <= end);
                }
                if let Some(requested) = r.requested_until {
                    prop_assert_eq!(until, requested);
                }
            }
        }
    }
}
