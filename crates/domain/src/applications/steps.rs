//! The six steps of the online application (seed 002): Check; Personal data; Reasons for
//! residence; Details of reasons; Documentation; Fees/Payment.
//!
//! Everything here is pure: the answers, the account, the uploads and "today" come in as
//! [`StepInput`]. Each step declares its fields once ([`fields`]); the web layer draws them
//! and [`check_step`] checks them. Every residence decision is the rules crate's
//! ([`eforeigner_rules::residence::check`], `details`, `fees_for`, `documents_for`): this
//! module only maps its reasons onto the field they concern.

use std::collections::BTreeMap;

use eforeigner_rules::countries::CitizenshipCode;
use eforeigner_rules::residence::{
    self, ApplicationKind, BasisCode, Channel, CheckAnswer, CheckRequest, DocumentCondition,
    Reason, ReasonCode, RuleParams,
};
use jiff::civil::Date;

use super::{Answers, PaymentMethod, code_enum};
use crate::registration::{check_name, parse_date};
use crate::{Account, FieldErrors, Upload};

code_enum!(
    /// One of the six steps.
    StepId {
        /// Citizenship, last entry, where the applicant is.
        Check = "check",
        /// Personal data, parents, education, passport.
        Personal = "personal",
        /// Basis, address, period.
        Reasons = "reasons",
        /// The fields the basis needs.
        Details = "details",
        /// The documents of the basis.
        Documents = "documents",
        /// Fees and how to pay.
        Fees = "fees",
    }
);

code_enum!(
    /// A step's status on the task list (GOV.UK task list pattern).
    StepState {
        /// Nothing entered yet.
        NotStarted = "not-started",
        /// Saved, not complete.
        InProgress = "in-progress",
        /// Complete and checked.
        Completed = "completed",
        /// An earlier step is not complete.
        CannotStartYet = "cannot-start-yet",
        /// It was complete, but a later change (or an inspector) found a problem.
        Problem = "problem",
    }
);

impl StepId {
    /// The step after this one.
    pub fn next(self) -> Option<StepId> {
        let i = Self::ALL.iter().position(|s| *s == self)?;
        Self::ALL.get(i + 1).copied()
    }

    /// 1-based number.
    pub fn number(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }
}

/// How a field is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines.
    Textarea,
    /// A date (`YYYY-MM-DD`).
    Date,
    /// A drop-down.
    Select,
    /// Radio buttons.
    Radios,
}

/// Where a choice's options come from (the web layer names them in the user's language).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Options {
    /// Free input.
    None,
    /// Every country but Serbia.
    Countries,
    /// `female`, `male`.
    Sex,
    /// Levels of education.
    Education,
    /// `yes`, `no`.
    YesNo,
    /// `in-serbia`, `abroad`.
    Location,
    /// The grounds that may be applied for online.
    Grounds,
    /// The bases of the catalogue (not their closer reasons).
    Bases,
    /// Municipalities of Serbia.
    Municipalities,
    /// Payment methods.
    PaymentMethods,
    /// Options given by the details data of a ground.
    Detail(&'static [&'static str]),
}

/// One field of a step.
#[derive(Clone, Debug)]
pub struct StepField {
    /// Name (form field, answer key, translation key `field-<name>`).
    pub name: &'static str,
    /// How it is drawn.
    pub kind: FieldKind,
    /// Whether it is required (optional ones are marked so).
    pub required: bool,
    /// Options of a choice.
    pub options: Options,
}

const fn field(name: &'static str, kind: FieldKind, required: bool, options: Options) -> StepField {
    StepField {
        name,
        kind,
        required,
        options,
    }
}

/// Levels of education asked in step 2.
pub const EDUCATION_LEVELS: &[&str] = &[
    "none",
    "primary",
    "secondary",
    "bachelor",
    "master",
    "doctorate",
];

/// The choices of the fees step's `payment_method` ([`PaymentMethod`]).
pub const PAYMENT_METHODS: &[&str] = &[PaymentMethod::Slip.as_str()];

/// Everything a step's rules look at.
#[derive(Clone, Copy, Debug)]
pub struct StepInput<'a> {
    /// The applicant's (verified) account.
    pub account: &'a Account,
    /// First or extension.
    pub kind: ApplicationKind,
    /// The answers so far.
    pub answers: &'a Answers,
    /// The application's uploads.
    pub uploads: &'a [Upload],
    /// Today (submission date for the rules).
    pub today: Date,
}

impl<'a> StepInput<'a> {
    /// What the steps of `app` look at, with its `uploads`, on `today`.
    pub fn of(
        account: &'a Account,
        app: &'a super::Application,
        uploads: &'a [Upload],
        today: Date,
    ) -> Self {
        Self {
            account,
            kind: app.kind,
            answers: &app.answers,
            uploads,
            today,
        }
    }
}

/// The fields of a step, in order.
pub fn fields(step: StepId, input: &StepInput<'_>) -> Vec<StepField> {
    use FieldKind::*;
    match step {
        StepId::Check => {
            let mut f = vec![
                field("citizenship", Select, true, Options::Countries),
                field("location", Radios, true, Options::Location),
                field("last_entry", Date, true, Options::None),
                field("has_d_visa", Radios, false, Options::YesNo),
            ];
            // seed-004: a D visa holder's first request is on the visa's basis only.
            if input.kind == ApplicationKind::First {
                f.push(field("d_visa_basis", Select, false, Options::Bases));
            }
            if input.kind == ApplicationKind::Extension {
                f.push(field("current_permit_expiry", Date, true, Options::None));
            }
            f
        }
        StepId::Personal => {
            let mut f = vec![
                field("given_names", Text, true, Options::None),
                field("surname", Text, true, Options::None),
                field("date_of_birth", Date, true, Options::None),
                field("sex", Radios, true, Options::Sex),
                field("birth_place", Text, true, Options::None),
                field("father_name", Text, true, Options::None),
                field("mother_name", Text, true, Options::None),
                field("education", Select, true, Options::Education),
            ];
            if input.kind == ApplicationKind::Extension {
                f.push(field("new_passport", Radios, true, Options::YesNo));
            }
            f.extend([
                field("passport_number", Text, true, Options::None),
                field("passport_country", Select, true, Options::Countries),
                field("passport_issued", Date, true, Options::None),
                field("passport_expiry", Date, true, Options::None),
            ]);
            f
        }
        StepId::Reasons => vec![
            field("ground", Select, true, Options::Grounds),
            field(
                "residence_municipality",
                Select,
                true,
                Options::Municipalities,
            ),
            field("street", Text, true, Options::None),
            field("house_number", Text, true, Options::None),
            field("postcode", Text, false, Options::None),
            field("requested_until", Date, false, Options::None),
        ],
        StepId::Details => {
            let ground = input.answers.get(StepId::Reasons, "ground");
            residence::details::details_for(ground)
                .iter()
                .map(|d| {
                    let (kind, options) = match d.kind {
                        residence::details::DetailKind::Textarea => (Textarea, Options::None),
                        residence::details::DetailKind::Date => (Date, Options::None),
                        residence::details::DetailKind::Choice => {
                            (Radios, Options::Detail(d.options.as_slice()))
                        }
                        _ => (Text, Options::None),
                    };
                    let required = matches!(d.required, residence::details::Required::Always);
                    field(d.key, kind, required, options)
                })
                .collect()
        }
        StepId::Documents => vec![],
        StepId::Fees => vec![field(
            "payment_method",
            Radios,
            true,
            Options::PaymentMethods,
        )],
    }
}

/// The grounds an applicant may choose online (the catalogue's channels), in catalogue order.
pub fn online_grounds() -> impl Iterator<Item = residence::Ground<'static>> {
    residence::catalogue()
        .grounds()
        .filter(|g| g.terms().channels.value.allows(Channel::Online))
}

fn date_field(
    errors: &mut FieldErrors,
    values: &BTreeMap<String, String>,
    name: &str,
    required: bool,
) -> Option<Date> {
    let raw = values.get(name).map(|s| s.trim()).unwrap_or("");
    if raw.is_empty() {
        if required {
            errors.add(name, "required");
        }
        return None;
    }
    match parse_date(raw) {
        Some(d) if (1900..=2200).contains(&d.year()) => Some(d),
        _ => {
            errors.add(name, "date_invalid");
            None
        }
    }
}

fn text_field(
    errors: &mut FieldErrors,
    values: &BTreeMap<String, String>,
    name: &str,
    required: bool,
    max: usize,
) -> String {
    let v = values.get(name).map(|s| s.trim()).unwrap_or("").to_string();
    if v.is_empty() && required {
        errors.add(name, "required");
    } else if v.chars().count() > max {
        errors.add_with(name, "too_long", &[("max", max.to_string())]);
    }
    v
}

fn choice_field(
    errors: &mut FieldErrors,
    values: &BTreeMap<String, String>,
    name: &str,
    allowed: &[&str],
) -> Option<String> {
    let v = values.get(name).map(|s| s.trim()).unwrap_or("");
    if allowed.contains(&v) {
        Some(v.to_string())
    } else {
        errors.add(name, "choose_one");
        None
    }
}

fn country_field(
    errors: &mut FieldErrors,
    values: &BTreeMap<String, String>,
    name: &str,
    allow_serbia: bool,
) -> Option<String> {
    let v = values.get(name).map(|s| s.trim()).unwrap_or("");
    if v.is_empty() {
        errors.add(name, "required");
        return None;
    }
    match CitizenshipCode::parse(v) {
        Ok(c) if c.as_str() == "RS" && !allow_serbia => {
            errors.add(name, "citizenship_serbian");
            None
        }
        Ok(c) => Some(c.as_str().to_string()),
        Err(e) => {
            errors.add(name, e.code());
            None
        }
    }
}

/// Adds a rules reason as a field error (`rule:<code>`, shown with the rules' own message).
fn add_reason(errors: &mut FieldErrors, field: &str, r: &Reason) {
    let args: Vec<(&str, String)> = r
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    errors.add_with(field, &format!("rule:{}", r.code.code()), &args);
}

/// The date of birth the rules use: the one in step 2, else the verified account's.
fn date_of_birth(input: &StepInput<'_>) -> Option<Date> {
    parse_date(input.answers.get(StepId::Personal, "date_of_birth"))
        .or(input.account.profile.date_of_birth)
}

/// The last day of the basis (fixed-term contract, studies…), from valid details.
pub fn basis_valid_until(input: &StepInput<'_>) -> Option<Date> {
    let ground = input.answers.get(StepId::Reasons, "ground");
    residence::details::check_details(ground, input.answers.step(StepId::Details), input.today)
        .ok()
        .and_then(|d| d.basis_valid_until)
}

/// The rules' request built from what is known so far. Unknown parts are filled so that
/// they raise no reason (a far passport expiry, a neutral ground) — callers only read the
/// reasons that concern the step they check.
pub fn rules_request(input: &StepInput<'_>) -> Option<CheckRequest> {
    let a = input.answers;
    let ground = a.get(StepId::Reasons, "ground");
    let basis = if residence::find_ground(ground).is_some() {
        ground.to_string()
    } else {
        "employment.employment_contract".to_string()
    };
    let far = Date::new(2199, 12, 31).ok()?;
    Some(CheckRequest {
        kind: input.kind,
        basis,
        date_of_birth: date_of_birth(input)?,
        citizenship: a.get(StepId::Check, "citizenship").to_string(),
        channel: Channel::Online,
        submission_date: input.today,
        passport_valid_until: parse_date(a.get(StepId::Personal, "passport_expiry")).unwrap_or(far),
        requested_until: parse_date(a.get(StepId::Reasons, "requested_until")),
        basis_valid_until: basis_valid_until(input),
        current_permit_valid_until: parse_date(a.get(StepId::Check, "current_permit_expiry")),
        has_d_visa: Some(a.get(StepId::Check, "has_d_visa") == "yes"),
        d_visa_basis: BasisCode::parse(a.get(StepId::Check, "d_visa_basis")),
        applying_from_abroad: Some(a.get(StepId::Check, "location") == "abroad"),
    })
}

/// The rules' answer for the answers so far.
pub fn rules_answer(input: &StepInput<'_>) -> Option<CheckAnswer> {
    rules_request(input).map(|r| residence::check(&r, &RuleParams::official()))
}

/// The longest period the rules allow with the answers so far (requested period left out).
pub fn longest_period(input: &StepInput<'_>) -> Option<(Date, Date)> {
    let mut req = rules_request(input)?;
    req.requested_until = None;
    let answer = residence::check(&req, &RuleParams::official());
    Some((answer.valid_from?, answer.valid_until?))
}

/// Whether the account holder is a minor today (then only the in-person route exists).
pub fn minor_reason(account: &Account, today: Date) -> Option<Reason> {
    let dob = account.profile.date_of_birth?;
    let req = CheckRequest {
        kind: ApplicationKind::First,
        basis: "talent".into(),
        date_of_birth: dob,
        citizenship: account.profile.citizenship.clone().unwrap_or_default(),
        channel: Channel::Online,
        submission_date: today,
        passport_valid_until: Date::new(2199, 12, 31).ok()?,
        requested_until: None,
        basis_valid_until: None,
        current_permit_valid_until: None,
        has_d_visa: Some(true),
        d_visa_basis: None,
        applying_from_abroad: Some(true),
    };
    residence::check(&req, &RuleParams::official())
        .reason(ReasonCode::MinorInPersonOnly)
        .cloned()
}

/// One item of the documentation checklist.
#[derive(Clone, Debug)]
pub struct DocumentItem {
    /// Code (upload purpose).
    pub code: &'static str,
    /// Name in four languages; `None` for "other documents".
    pub names: Option<&'static residence::Names>,
    /// Whether at least one file is needed.
    pub required: bool,
}

/// The code of the always-present optional item for anything else.
pub const OTHER_DOCUMENTS: &str = "other_documents";

/// The documentation checklist of the chosen ground (catalogue), for this applicant.
pub fn document_items(input: &StepInput<'_>) -> Vec<DocumentItem> {
    let a = input.answers;
    let Some(ground) = residence::find_ground(a.get(StepId::Reasons, "ground")) else {
        return vec![];
    };
    let abroad = a.get(StepId::Check, "location") == "abroad";
    let relationship = a.get(StepId::Details, "relationship");
    let mut items: Vec<DocumentItem> =
        residence::documents_for(residence::catalogue(), &ground, input.kind, Some(abroad))
            .into_iter()
            .filter(|d| match d.condition {
                DocumentCondition::MarriedSpouses => relationship == "spouse",
                DocumentCondition::ExtramaritalUnion => relationship == "partner",
                DocumentCondition::ReunificationWithChild => relationship == "child",
                DocumentCondition::OtherKinship => {
                    relationship == "parent" || relationship == "other"
                }
                _ => true,
            })
            .map(|d| DocumentItem {
                code: d.code,
                names: Some(&d.names),
                required: d.condition != DocumentCondition::OnInspectorRequest
                    && d.code != "fee_payment_proof",
            })
            .collect();
    items.dedup_by_key(|i| i.code);
    items.push(DocumentItem {
        code: OTHER_DOCUMENTS,
        names: None,
        required: false,
    });
    items
}

/// Checks one step. `Ok` means the step is complete.
pub fn check_step(step: StepId, input: &StepInput<'_>) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::default();
    let values = input.answers.step(step);
    match step {
        StepId::Check => {
            country_field(&mut errors, values, "citizenship", false);
            let location = choice_field(&mut errors, values, "location", &["in-serbia", "abroad"]);
            let entry = date_field(
                &mut errors,
                values,
                "last_entry",
                location.as_deref() == Some("in-serbia"),
            );
            if entry.is_some_and(|d| d > input.today) {
                errors.add("last_entry", "date_in_future");
            }
            let visa = values.get("has_d_visa").map(String::as_str).unwrap_or("");
            if !visa.is_empty() && visa != "yes" && visa != "no" {
                errors.add("has_d_visa", "choose_one");
            }
            // A visa D holder's first request is on the visa's basis (seed-004): ask which.
            let visa_basis = values.get("d_visa_basis").map(|s| s.trim()).unwrap_or("");
            if input.kind == ApplicationKind::First {
                if visa == "yes" && visa_basis.is_empty() {
                    errors.add("d_visa_basis", "d_visa_basis_required");
                } else if !visa_basis.is_empty() && BasisCode::parse(visa_basis).is_none() {
                    errors.add("d_visa_basis", "choose_one");
                }
            }
            if input.kind == ApplicationKind::Extension {
                date_field(&mut errors, values, "current_permit_expiry", true);
            }
            if errors.is_empty() {
                let Some(answer) = rules_answer(input) else {
                    errors.add("citizenship", "date_of_birth_missing");
                    return Err(errors);
                };
                for r in answer.reasons.iter().filter(|r| r.is_blocking()) {
                    match r.code {
                        ReasonCode::DVisaRequired => add_reason(&mut errors, "has_d_visa", r),
                        ReasonCode::UnknownCitizenship => add_reason(&mut errors, "citizenship", r),
                        ReasonCode::CurrentPermitRequired
                        | ReasonCode::ExtensionTooEarly
                        | ReasonCode::ExtensionTooLate => {
                            add_reason(&mut errors, "current_permit_expiry", r)
                        }
                        ReasonCode::MinorInPersonOnly | ReasonCode::DateOfBirthInvalid => {
                            add_reason(&mut errors, "location", r)
                        }
                        _ => {}
                    }
                }
            }
        }
        StepId::Personal => {
            check_name(
                &mut errors,
                "given_names",
                values.get("given_names").map(String::as_str).unwrap_or(""),
            );
            check_name(
                &mut errors,
                "surname",
                values.get("surname").map(String::as_str).unwrap_or(""),
            );
            if let Some(d) = date_field(&mut errors, values, "date_of_birth", true)
                && d > input.today
            {
                errors.add("date_of_birth", "date_of_birth_in_future");
            }
            choice_field(&mut errors, values, "sex", &["female", "male"]);
            text_field(&mut errors, values, "birth_place", true, 100);
            check_name(
                &mut errors,
                "father_name",
                values.get("father_name").map(String::as_str).unwrap_or(""),
            );
            check_name(
                &mut errors,
                "mother_name",
                values.get("mother_name").map(String::as_str).unwrap_or(""),
            );
            choice_field(&mut errors, values, "education", EDUCATION_LEVELS);
            if input.kind == ApplicationKind::Extension {
                choice_field(&mut errors, values, "new_passport", &["yes", "no"]);
            }
            let number = text_field(&mut errors, values, "passport_number", true, 20);
            let number_ok = (5..=20).contains(&number.len())
                && number.chars().all(|c| c.is_ascii_alphanumeric());
            if !number.is_empty() && !number_ok {
                errors.add("passport_number", "document_number_invalid");
            }
            country_field(&mut errors, values, "passport_country", false);
            let issued = date_field(&mut errors, values, "passport_issued", true);
            if issued.is_some_and(|d| d > input.today) {
                errors.add("passport_issued", "date_in_future");
            }
            let expiry = date_field(&mut errors, values, "passport_expiry", true);
            if expiry.is_some_and(|d| d <= input.today) {
                errors.add("passport_expiry", "passport_expired");
            }
            if let (Some(i), Some(e)) = (issued, expiry)
                && e <= i
            {
                errors.add("passport_expiry", "expiry_before_issue");
            }
        }
        StepId::Reasons => {
            let ground = values.get("ground").map(String::as_str).unwrap_or("");
            if !online_grounds().any(|g| g.code() == ground) {
                errors.add("ground", "choose_one");
            }
            let m = values
                .get("residence_municipality")
                .map(String::as_str)
                .unwrap_or("");
            if eforeigner_rules::municipalities::find_municipality(m).is_none() {
                errors.add("residence_municipality", "choose_one");
            }
            text_field(&mut errors, values, "street", true, 150);
            text_field(&mut errors, values, "house_number", true, 20);
            let postcode = text_field(&mut errors, values, "postcode", false, 5);
            let postcode_ok = postcode.len() == 5 && postcode.chars().all(|c| c.is_ascii_digit());
            if !postcode.is_empty() && !postcode_ok {
                errors.add("postcode", "postcode_invalid");
            }
            date_field(&mut errors, values, "requested_until", false);
            if errors.is_empty()
                && let Some(answer) = rules_answer(input)
            {
                for r in answer.reasons.iter().filter(|r| r.is_blocking()) {
                    match r.code {
                        ReasonCode::RequestedPeriodTooLong
                        | ReasonCode::RequestedUntilBeforeStart
                        | ReasonCode::PassportValidityTooShort => {
                            add_reason(&mut errors, "requested_until", r)
                        }
                        ReasonCode::SinglePermitOnlineOnly
                        | ReasonCode::UnknownBasis
                        | ReasonCode::DVisaBasisMismatch => add_reason(&mut errors, "ground", r),
                        _ => {}
                    }
                }
            }
        }
        StepId::Details => {
            let ground = input.answers.get(StepId::Reasons, "ground");
            if let Err(problems) = residence::details::check_details(ground, values, input.today) {
                for p in problems {
                    let args: Vec<(&str, String)> = p
                        .args
                        .iter()
                        .map(|(k, v)| (k.as_str(), v.clone()))
                        .collect();
                    errors.add_with(&p.field, &p.code, &args);
                }
            } else if let Some(answer) = rules_answer(input)
                && let Some(r) = answer.reason(ReasonCode::BasisEndedBeforeStart)
            {
                let field = if values.contains_key("studies_end") {
                    "studies_end"
                } else {
                    "contract_end"
                };
                add_reason(&mut errors, field, r);
            }
        }
        StepId::Documents => {
            for item in document_items(input) {
                if item.required && !input.uploads.iter().any(|u| u.purpose == item.code) {
                    errors.add(&format!("doc_{}", item.code), "document_missing");
                }
            }
            if values.get("confirmed").map(String::as_str) != Some("yes") && errors.is_empty() {
                errors.add("documents", "documents_not_confirmed");
            }
        }
        StepId::Fees => {
            choice_field(&mut errors, values, "payment_method", PAYMENT_METHODS);
        }
    }
    errors.into_result().map_err(|e| match e {
        crate::DomainError::Invalid(f) => f,
        _ => FieldErrors::default(),
    })
}

/// Whether a step holds anything yet.
fn started(step: StepId, input: &StepInput<'_>) -> bool {
    let has_answers = input
        .answers
        .steps
        .get(step.as_str())
        .is_some_and(|m| m.values().any(|v| !v.trim().is_empty()));
    match step {
        StepId::Documents => has_answers || !input.uploads.is_empty(),
        _ => has_answers,
    }
}

/// The status of every step, in order. A step can be opened only when every earlier one is
/// complete.
pub fn states(input: &StepInput<'_>) -> Vec<(StepId, StepState)> {
    let mut out = Vec::with_capacity(StepId::ALL.len());
    let mut earlier_complete = true;
    for &step in StepId::ALL {
        let is_started = started(step, input);
        let state = if !earlier_complete {
            if is_started && input.answers.completed.contains(step.as_str()) {
                StepState::Problem
            } else {
                StepState::CannotStartYet
            }
        } else if !is_started {
            StepState::NotStarted
        } else if check_step(step, input).is_ok() {
            StepState::Completed
        } else if input.answers.completed.contains(step.as_str()) {
            StepState::Problem
        } else {
            StepState::InProgress
        };
        earlier_complete = earlier_complete && state == StepState::Completed;
        out.push((step, state));
    }
    out
}

/// Whether a step may be opened (every earlier step complete).
pub fn can_open(step: StepId, input: &StepInput<'_>) -> bool {
    states(input)
        .iter()
        .take_while(|(s, _)| *s != step)
        .all(|(_, st)| *st == StepState::Completed)
}

/// What keeps a request from being submitted: each step that does not check out, with its
/// problems (incomplete answers, missing files, blocking reasons of the rules as of
/// `input.today`). Empty when it can be submitted.
pub fn submission_problems(input: &StepInput<'_>) -> Vec<(StepId, FieldErrors)> {
    StepId::ALL
        .iter()
        .filter_map(|s| check_step(*s, input).err().map(|e| (*s, e)))
        .collect()
}

/// Whether all six steps are complete (then "Check your answers" opens).
pub fn all_complete(input: &StepInput<'_>) -> bool {
    states(input)
        .iter()
        .all(|(_, st)| *st == StepState::Completed)
}

/// Values to prefill a step with, from the verified account (only where nothing is saved).
pub fn prefill(step: StepId, account: &Account) -> BTreeMap<String, String> {
    let p = &account.profile;
    let mut m = BTreeMap::new();
    match step {
        StepId::Check => {
            if let Some(c) = &p.citizenship {
                m.insert("citizenship".into(), c.clone());
            }
        }
        StepId::Personal => {
            m.insert("given_names".into(), p.given_names.clone());
            m.insert("surname".into(), p.surname.clone());
            if let Some(d) = p.date_of_birth {
                m.insert("date_of_birth".into(), d.to_string());
            }
            if let Some(s) = p.sex {
                m.insert("sex".into(), s.as_str().into());
            }
            if p.id_doc_type == Some(crate::IdDocType::Passport) {
                if let Some(n) = &p.id_doc_number {
                    m.insert("passport_number".into(), n.clone());
                }
                if let Some(d) = p.id_doc_expiry {
                    m.insert("passport_expiry".into(), d.to_string());
                }
                if let Some(c) = &p.citizenship {
                    m.insert("passport_country".into(), c.clone());
                }
            }
        }
        _ => {}
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AccountStatus, Lang, Profile, Role};

    fn account() -> Account {
        Account::new(
            crate::AccountId::new("a"),
            crate::Email::parse("a@example.com").unwrap(),
            String::new(),
            Role::Applicant,
            AccountStatus::Active,
            Profile {
                given_names: "Ana".into(),
                surname: "Petrović".into(),
                date_of_birth: Date::new(1990, 5, 1).ok(),
                citizenship: Some("RU".into()),
                ..Profile::default()
            },
            Lang::En,
            jiff::Timestamp::UNIX_EPOCH,
        )
    }

    fn answers(pairs: &[(StepId, &str, &str)]) -> Answers {
        let mut a = Answers::default();
        for (s, k, v) in pairs {
            a.steps
                .entry(s.as_str().into())
                .or_default()
                .insert((*k).into(), (*v).into());
        }
        a
    }

    fn today() -> Date {
        Date::new(2026, 11, 21).unwrap()
    }

    #[test]
    fn nothing_entered_means_first_step_open_and_the_rest_waiting() {
        let acc = account();
        let a = Answers::default();
        let input = StepInput {
            account: &acc,
            kind: ApplicationKind::First,
            answers: &a,
            uploads: &[],
            today: today(),
        };
        let s = states(&input);
        assert_eq!(s[0], (StepId::Check, StepState::NotStarted));
        assert!(
            s[1..]
                .iter()
                .all(|(_, st)| *st == StepState::CannotStartYet)
        );
        assert!(can_open(StepId::Check, &input));
        assert!(!can_open(StepId::Personal, &input));
    }

    #[test]
    fn d_visa_rule_comes_from_the_rules_and_lands_on_its_field() {
        let acc = account();
        let a = answers(&[
            (StepId::Check, "citizenship", "KZ"),
            (StepId::Check, "location", "in-serbia"),
            (StepId::Check, "last_entry", "2026-10-01"),
            (StepId::Check, "has_d_visa", "no"),
        ]);
        let input = StepInput {
            account: &acc,
            kind: ApplicationKind::First,
            answers: &a,
            uploads: &[],
            today: today(),
        };
        let e = check_step(StepId::Check, &input).unwrap_err();
        assert_eq!(e.0[0].field, "has_d_visa");
        assert_eq!(e.0[0].code, "rule:d_visa_required");
        assert_eq!(states(&input)[0].1, StepState::InProgress);
    }

    #[test]
    fn extension_outside_the_window_is_refused_on_the_expiry_field() {
        let acc = account();
        let a = answers(&[
            (StepId::Check, "citizenship", "RU"),
            (StepId::Check, "location", "in-serbia"),
            (StepId::Check, "last_entry", "2026-10-01"),
            (StepId::Check, "current_permit_expiry", "2027-06-01"),
        ]);
        let input = StepInput {
            account: &acc,
            kind: ApplicationKind::Extension,
            answers: &a,
            uploads: &[],
            today: today(),
        };
        let e = check_step(StepId::Check, &input).unwrap_err();
        assert_eq!(e.0[0].field, "current_permit_expiry");
        assert_eq!(e.0[0].code, "rule:extension_too_early");
    }

    #[test]
    fn a_completed_step_that_no_longer_checks_out_has_a_problem() {
        let acc = account();
        let mut a = answers(&[
            (StepId::Check, "citizenship", "RU"),
            (StepId::Check, "location", "abroad"),
        ]);
        let input = StepInput {
            account: &acc,
            kind: ApplicationKind::First,
            answers: &a,
            uploads: &[],
            today: today(),
        };
        assert_eq!(states(&input)[0].1, StepState::Completed);
        a.completed.insert("check".into());
        a.steps
            .get_mut("check")
            .unwrap()
            .insert("citizenship".into(), "ZZ".into());
        let input = StepInput {
            account: &acc,
            kind: ApplicationKind::First,
            answers: &a,
            uploads: &[],
            today: today(),
        };
        assert_eq!(states(&input)[0].1, StepState::Problem);
    }

    /// seed-004: a visa D holder's first request is on the visa's basis. Step 1 asks which
    /// basis; step 3 refuses a ground under another one, on the ground field.
    #[test]
    fn a_visa_d_holder_is_held_to_the_visa_basis() {
        let acc = account();
        let mut a = answers(&[
            (StepId::Check, "citizenship", "KZ"),
            (StepId::Check, "location", "in-serbia"),
            (StepId::Check, "last_entry", "2026-10-01"),
            (StepId::Check, "has_d_visa", "yes"),
            (StepId::Reasons, "ground", "employment.employment_contract"),
            (StepId::Reasons, "residence_municipality", "016"),
            (StepId::Reasons, "street", "Knez Mihailova"),
            (StepId::Reasons, "house_number", "1"),
        ]);
        fn input<'a>(acc: &'a Account, a: &'a Answers, kind: ApplicationKind) -> StepInput<'a> {
            StepInput {
                account: acc,
                kind,
                answers: a,
                uploads: &[],
                today: today(),
            }
        }
        let empty = Answers::default();
        let names = |kind| -> Vec<&str> {
            fields(StepId::Check, &input(&acc, &empty, kind))
                .iter()
                .map(|f| f.name)
                .collect()
        };
        assert!(names(ApplicationKind::First).contains(&"d_visa_basis"));
        assert!(!names(ApplicationKind::Extension).contains(&"d_visa_basis"));
        let e = check_step(StepId::Check, &input(&acc, &a, ApplicationKind::First)).unwrap_err();
        assert_eq!(e.0[0].field, "d_visa_basis");
        assert_eq!(e.0[0].code, "d_visa_basis_required");
        a.steps.get_mut("check").unwrap().insert(
            "d_visa_basis".into(),
            "employment.employment_contract".into(),
        );
        let e = check_step(StepId::Check, &input(&acc, &a, ApplicationKind::First)).unwrap_err();
        assert_eq!(e.0[0].code, "choose_one", "a closer reason is not a basis");
        a.steps
            .get_mut("check")
            .unwrap()
            .insert("d_visa_basis".into(), "education".into());
        assert!(check_step(StepId::Check, &input(&acc, &a, ApplicationKind::First)).is_ok());
        let e = check_step(StepId::Reasons, &input(&acc, &a, ApplicationKind::First)).unwrap_err();
        assert_eq!(e.0[0].field, "ground");
        assert_eq!(e.0[0].code, "rule:d_visa_basis_mismatch");
        a.steps
            .get_mut("reasons")
            .unwrap()
            .insert("ground".into(), "education.studying".into());
        assert!(check_step(StepId::Reasons, &input(&acc, &a, ApplicationKind::First)).is_ok());
        // No visa: any basis.
        a.steps
            .get_mut("check")
            .unwrap()
            .insert("has_d_visa".into(), "no".into());
        a.steps
            .get_mut("reasons")
            .unwrap()
            .insert("ground".into(), "employment.employment_contract".into());
        assert!(check_step(StepId::Reasons, &input(&acc, &a, ApplicationKind::First)).is_ok());
    }

    /// The checklist follows the relationship: a marriage certificate for a spouse, the
    /// witnesses' statement for a partner, a proof of kinship for a parent.
    #[test]
    fn family_checklists_follow_the_relationship() {
        let acc = account();
        let codes = |ground: &str, relationship: &str, kind| -> Vec<&'static str> {
            let a = answers(&[
                (StepId::Check, "location", "in-serbia"),
                (StepId::Reasons, "ground", ground),
                (StepId::Details, "relationship", relationship),
            ]);
            document_items(&StepInput {
                account: &acc,
                kind,
                answers: &a,
                uploads: &[],
                today: today(),
            })
            .iter()
            .map(|d| d.code)
            .collect()
        };
        let first = ApplicationKind::First;
        let spouse = codes("family_reunification.marriage_rs_citizen", "spouse", first);
        assert!(spouse.contains(&"marriage_certificate_translation"));
        assert!(!spouse.contains(&"two_witnesses_statement"));
        assert!(spouse.contains(&"family_member_serbian_id"));
        let partner = codes("family_reunification.marriage_rs_citizen", "partner", first);
        assert!(partner.contains(&"two_witnesses_statement"));
        assert!(partner.contains(&"not_married_certificates"));
        assert!(!partner.contains(&"marriage_certificate_translation"));
        let parent = codes(
            "family_reunification.kinship_foreigner_temporary_residence",
            "parent",
            first,
        );
        assert!(parent.contains(&"kinship_proof"));
        assert!(!parent.contains(&"child_birth_certificate_translation"));
        let child = codes(
            "family_reunification.kinship_foreigner_temporary_residence",
            "child",
            first,
        );
        assert!(child.contains(&"child_birth_certificate_translation"));
        assert!(!child.contains(&"kinship_proof"));
        let renewal = codes(
            "family_reunification.marriage_rs_citizen",
            "spouse",
            ApplicationKind::Extension,
        );
        assert!(renewal.contains(&"marriage_certificate_translation"));
        assert!(!renewal.contains(&"beli_karton"));
        let contract = codes("employment.employment_contract", "", first);
        assert!(contract.contains(&"employment_contract"));
    }

    #[test]
    fn minors_are_found_from_the_account() {
        let mut acc = account();
        acc.profile.date_of_birth = Date::new(2010, 1, 1).ok();
        assert!(minor_reason(&acc, today()).is_some());
        acc.profile.date_of_birth = Date::new(1990, 1, 1).ok();
        assert!(minor_reason(&acc, today()).is_none());
    }

    #[test]
    fn only_online_grounds_are_offered() {
        assert!(online_grounds().any(|g| g.code() == "employment.employment_contract"));
        assert!(online_grounds().count() > 10);
    }
}
