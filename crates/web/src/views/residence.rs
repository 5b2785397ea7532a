//! The residence rules as views shared by the public pages and the API: the catalogue of
//! bases, the eligibility and period check, the absence check for permanent residence, the
//! fees, and the NBS IPS QR payment code. Every decision comes from `eforeigner_rules`;
//! this module only reads input, translates reasons and shapes the data both show.

use eforeigner_rules::countries::NameLanguage;
use eforeigner_rules::identifiers::{BankAccount, Reference97};
use eforeigner_rules::ips_qr::{Amount, IpsQr, PaymentCode, PaymentReference};
use eforeigner_rules::residence::{
    self, AbsenceAnswer, AbsenceQuestion, ApplicationKind, BasisCode, Channel, CheckAnswer,
    CheckRequest, Document, FeeSchedule, Ground, MonthsDays, Reason, Source,
};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::i18n::Tr;
use crate::i18n::names::{name_language, shown_arg};
use eforeigner_domain::registration::parse_date;
use eforeigner_domain::{FieldErrors, Lang};

/// One reason of an answer.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct ReasonView {
    /// Stable code.
    pub code: String,
    /// `blocking` (the request cannot go ahead as it is) or `info` (good to know).
    pub severity: String,
    /// Message in the requested language.
    pub message: String,
    /// Where the rule comes from.
    pub source: String,
}

/// Where a rule or fact comes from, in the reader's language: the source document's real
/// title and the heading of the passage, never the project's internal ids; a rule that is
/// the project's own reading says so ("How this portal applies the rule").
pub fn cite(tr: &Tr, source: &Source) -> String {
    if source.document == "project" {
        return tr.t("source-project");
    }
    let title = tr.t(&format!("source-document-{}", source.document));
    let citation = if source.section.is_empty() {
        title
    } else {
        tr.t_args(
            "source-citation",
            &[
                ("title", title),
                (
                    "section",
                    tr.t(&format!(
                        "source-section-{}-{}",
                        source.document,
                        source.section.replace('_', "-")
                    )),
                ),
            ],
        )
    };
    if source.reading {
        tr.t_args("source-reading", &[("citation", citation)])
    } else {
        citation
    }
}

/// The arguments of a reason as its message shows them ([`shown_arg`]).
pub fn reason_args(tr: &Tr, r: &Reason) -> Vec<(String, String)> {
    r.args
        .iter()
        .map(|(k, v)| (k.clone(), shown_arg(tr, k, v)))
        .collect()
}

/// A date written out in the reader's language (`14 March 2027`, `14. mart 2027.`,
/// `14 марта 2027 г.`).
pub fn long_date(tr: &Tr, date: Date) -> String {
    tr.t_args(
        &format!("date-long-{}", date.month()),
        &[
            ("day", date.day().to_string()),
            ("year", date.year().to_string()),
        ],
    )
}

/// A reason of a rules answer, translated, with its dates written out ([`long_date`]) for a
/// plain sentence.
pub fn reason_view_long_dates(tr: &Tr, r: &Reason) -> ReasonView {
    let mut long = r.clone();
    for (_, v) in &mut long.args {
        if let Ok(d) = v.parse::<Date>() {
            *v = long_date(tr, d);
        }
    }
    reason_view(tr, &long)
}

/// A reason of a rules answer, translated.
pub fn reason_view(tr: &Tr, r: &Reason) -> ReasonView {
    let args = reason_args(tr, r);
    let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    ReasonView {
        code: r.code.code().to_string(),
        severity: r.severity.code().to_string(),
        message: tr.t_args(residence::reason_message_key(r.code), &args),
        source: cite(tr, &r.source),
    }
}

/// One document to attach.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentView {
    /// Stable code.
    pub code: String,
    /// Name in the requested language.
    pub name: String,
    /// When it is needed (`always`, `not_when_applying_from_abroad`, `on_inspector_request`,
    /// `married_spouses`, `extramarital_union`, `reunification_with_child`, `other_kinship`).
    pub condition: String,
    /// Why it is asked for, in the requested language: the source's title and heading, or
    /// that it is how this portal applies the rules.
    pub source: String,
}

/// The documents of a request of `kind` on `g`, in `tr`'s language.
pub fn document_views(tr: &Tr, g: &Ground<'_>, kind: ApplicationKind) -> Vec<DocumentView> {
    let nl = name_language(tr.lang);
    residence::documents_for(residence::catalogue(), g, kind, None)
        .into_iter()
        .map(|d: &Document| DocumentView {
            code: d.code.into(),
            name: d.names.get(nl).into(),
            condition: d.condition.code().into(),
            source: d.source_for(kind).map(|s| cite(tr, &s)).unwrap_or_default(),
        })
        .collect()
}

/// A basis or closer reason of the catalogue.
#[derive(Debug, Serialize, ToSchema)]
pub struct GroundView {
    /// Stable code, e.g. `employment.employment_contract`.
    pub code: String,
    /// The basis code, e.g. `employment`.
    pub basis: String,
    /// The basis name in the requested language.
    pub basis_name: String,
    /// The name in the requested language.
    pub name: String,
    /// `single_permit` or `temporary_residence`.
    pub permit: String,
    /// `online_only` or `online_or_in_person`.
    pub channels: String,
    /// `per_single_permit` or `according_to_basis`.
    pub right_to_work: String,
    /// Longest validity in months.
    pub max_months: u16,
    /// Not beyond the end of the contract or studies.
    pub limited_by_basis_end: bool,
    /// Documents for a first application (the general list plus the basis-specific ones).
    pub documents: Vec<DocumentView>,
    /// Documents for an extension.
    pub extension_documents: Vec<DocumentView>,
    /// Practical notes in the requested language.
    pub notes: Vec<String>,
    /// Where the basis is listed.
    pub source: String,
}

/// Builds the catalogue view of one ground in `tr`'s language.
pub fn ground_view(tr: &Tr, g: &Ground<'_>) -> GroundView {
    let nl: NameLanguage = name_language(tr.lang);
    let t = g.terms();
    GroundView {
        code: g.code().into(),
        basis: g.basis().code.into(),
        basis_name: g.basis().names.get(nl).into(),
        name: g.names().get(nl).into(),
        permit: t.permit.value.code().into(),
        channels: t.channels.value.code().into(),
        right_to_work: t.right_to_work.value.code().into(),
        max_months: t.max_months.value,
        limited_by_basis_end: t.limited_by_basis_end.value,
        documents: document_views(tr, g, ApplicationKind::First),
        extension_documents: document_views(tr, g, ApplicationKind::Extension),
        notes: t
            .notes
            .iter()
            .map(|n| n.names.get(nl).to_string())
            .collect(),
        source: cite(tr, &g.basis().source),
    }
}

/// The catalogue.
#[derive(Debug, Serialize, ToSchema)]
pub struct BasesView {
    /// Every ground, in the order of the official list (seed 004).
    pub bases: Vec<GroundView>,
}

/// The eligibility question.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct CheckInput {
    /// `first` or `extension`.
    pub kind: String,
    /// Ground code from the catalogue.
    pub basis: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: String,
    /// ISO 3166-1 alpha-2.
    pub citizenship: String,
    /// `online` or `in_person`.
    pub channel: String,
    /// `YYYY-MM-DD`.
    pub submission_date: String,
    /// `YYYY-MM-DD`.
    pub passport_valid_until: String,
    /// `YYYY-MM-DD`, optional.
    pub requested_until: Option<String>,
    /// End of the contract or studies, optional.
    pub basis_valid_until: Option<String>,
    /// Expiry of the current permit (extension).
    pub current_permit_valid_until: Option<String>,
    /// Holds a D visa.
    pub has_d_visa: Option<bool>,
    /// The basis the D visa was issued for (a basis code, e.g. `employment`), when
    /// `has_d_visa` is true: a D visa holder applies only on that basis.
    pub d_visa_basis: Option<String>,
    /// Applies from abroad.
    pub applying_from_abroad: Option<bool>,
}

/// The eligibility answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct CheckView {
    /// Whether the request can be made as asked.
    pub allowed: bool,
    /// `single_permit` or `temporary_residence`.
    pub permit_kind: Option<String>,
    /// Channels on which it can be made.
    pub channels: Vec<String>,
    /// First day of the permit.
    pub valid_from: Option<String>,
    /// Last day of the permit.
    pub valid_until: Option<String>,
    /// Extension: first day to submit.
    pub earliest_submission: Option<String>,
    /// Extension: last day to submit.
    pub latest_submission: Option<String>,
    /// Whether a beli karton is needed.
    pub beli_karton_required: bool,
    /// Why, with codes, messages and sources.
    pub reasons: Vec<ReasonView>,
}

fn required_date(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<Date> {
    if raw.trim().is_empty() {
        errors.add(field, "required");
        return None;
    }
    let d = parse_date(raw);
    if d.is_none() {
        errors.add(field, "date_invalid");
    }
    d
}

pub(crate) fn optional_date(
    errors: &mut FieldErrors,
    field: &str,
    raw: Option<&str>,
) -> Option<Date> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(s) => {
            let d = parse_date(s);
            if d.is_none() {
                errors.add(field, "date_invalid");
            }
            d
        }
    }
}

/// Reads a check request; every field problem is reported at once.
pub fn parse_check(input: &CheckInput) -> Result<CheckRequest, FieldErrors> {
    let mut errors = FieldErrors::default();
    let kind = match input.kind.trim() {
        "first" => Some(ApplicationKind::First),
        "extension" => Some(ApplicationKind::Extension),
        _ => {
            errors.add("kind", "choose_one");
            None
        }
    };
    let channel = match input.channel.trim() {
        "online" => Some(Channel::Online),
        "in_person" | "in-person" => Some(Channel::InPerson),
        _ => {
            errors.add("channel", "choose_one");
            None
        }
    };
    if residence::find_ground(input.basis.trim()).is_none() {
        errors.add("basis", "choose_one");
    }
    if eforeigner_rules::countries::CitizenshipCode::parse(&input.citizenship).is_err() {
        errors.add("citizenship", "unknown_country");
    }
    let date_of_birth = required_date(&mut errors, "date_of_birth", &input.date_of_birth);
    let submission_date = required_date(&mut errors, "submission_date", &input.submission_date);
    let passport = required_date(
        &mut errors,
        "passport_valid_until",
        &input.passport_valid_until,
    );
    let requested_until = optional_date(
        &mut errors,
        "requested_until",
        input.requested_until.as_deref(),
    );
    let basis_valid_until = optional_date(
        &mut errors,
        "basis_valid_until",
        input.basis_valid_until.as_deref(),
    );
    let current = optional_date(
        &mut errors,
        "current_permit_valid_until",
        input.current_permit_valid_until.as_deref(),
    );
    let d_visa_basis = match input.d_visa_basis.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(code) => {
            let parsed = BasisCode::parse(code);
            if parsed.is_none() {
                errors.add("d_visa_basis", "choose_one");
            }
            parsed
        }
    };
    match (kind, channel, date_of_birth, submission_date, passport) {
        (
            Some(kind),
            Some(channel),
            Some(date_of_birth),
            Some(submission_date),
            Some(passport_valid_until),
        ) if errors.is_empty() => Ok(CheckRequest {
            kind,
            basis: input.basis.trim().to_string(),
            date_of_birth,
            citizenship: input.citizenship.trim().to_ascii_uppercase(),
            channel,
            submission_date,
            passport_valid_until,
            requested_until,
            basis_valid_until,
            current_permit_valid_until: current,
            has_d_visa: input.has_d_visa,
            d_visa_basis,
            applying_from_abroad: input.applying_from_abroad,
        }),
        _ => Err(errors),
    }
}

/// Shapes a check answer.
pub fn check_view(tr: &Tr, a: &CheckAnswer) -> CheckView {
    CheckView {
        allowed: a.allowed,
        permit_kind: a.permit_kind.map(|p| p.code().to_string()),
        channels: a.channels.iter().map(|c| c.code().to_string()).collect(),
        valid_from: a.valid_from.map(|d| d.to_string()),
        valid_until: a.valid_until.map(|d| d.to_string()),
        earliest_submission: a.earliest_submission.map(|d| d.to_string()),
        latest_submission: a.latest_submission.map(|d| d.to_string()),
        beli_karton_required: a.beli_karton_required,
        reasons: a.reasons.iter().map(|r| reason_view(tr, r)).collect(),
    }
}

/// A trip abroad.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct TripInput {
    /// Day of departure, `YYYY-MM-DD`.
    pub departed: String,
    /// Day of return, `YYYY-MM-DD`.
    pub returned: String,
}

/// The absence question.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct AbsencesInput {
    /// `YYYY-MM-DD`.
    pub application_date: String,
    /// Trips abroad.
    pub trips: Vec<TripInput>,
}

/// A length in calendar months and days.
#[derive(Debug, Serialize, ToSchema)]
pub struct MonthsDaysView {
    /// Whole months.
    pub months: u32,
    /// Days after the whole months.
    pub days: u32,
}

impl From<MonthsDays> for MonthsDaysView {
    fn from(x: MonthsDays) -> Self {
        Self {
            months: x.months,
            days: x.days,
        }
    }
}

/// One continuous absence in the window.
#[derive(Debug, Serialize, ToSchema)]
pub struct AbsenceView {
    /// First whole day abroad.
    pub first_day: String,
    /// Last whole day abroad.
    pub last_day: String,
    /// Days abroad.
    pub days: u32,
    /// Its length as the law counts months.
    pub length: MonthsDaysView,
}

/// The absence answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct AbsencesView {
    /// First day of the 3-year window.
    pub window_start: String,
    /// Last day of the window (the day before the application).
    pub window_end: String,
    /// Days away in the window.
    pub total_days_absent: u32,
    /// The absences added up: whole months of each, and the days left over at 30 to a
    /// month. At most 10 months.
    pub total: MonthsDaysView,
    /// The longest single absence, in days.
    pub longest_absence_days: u32,
    /// The longest single absence in calendar months and days. At most 6 months.
    pub longest: MonthsDaysView,
    /// Each absence, in date order.
    pub absences: Vec<AbsenceView>,
    /// No absence over 6 months and at most 10 months in total.
    pub within_limits: bool,
    /// Why.
    pub reasons: Vec<ReasonView>,
}

/// Reads an absence question. A date that is not one is a field problem (`trips[i].departed`
/// style field names); so is a trip that comes back before it left or after the application
/// date (`rule:trip_return_before_departure`, `rule:trip_return_after_application` on
/// `trips[i].returned`, with the rules' message).
pub fn parse_absences(input: &AbsencesInput) -> Result<AbsenceQuestion, FieldErrors> {
    let mut errors = FieldErrors::default();
    let date = required_date(&mut errors, "application_date", &input.application_date);
    let mut trips = vec![];
    // Index in `input.trips` of each trip read.
    let mut positions = vec![];
    for (i, t) in input.trips.iter().enumerate() {
        let d = required_date(&mut errors, &format!("trips[{i}].departed"), &t.departed);
        let r = required_date(&mut errors, &format!("trips[{i}].returned"), &t.returned);
        if let (Some(departed), Some(returned)) = (d, r) {
            trips.push((departed, returned));
            positions.push(i);
        }
    }
    if input.trips.len() > 200 {
        errors.add_with("trips", "too_long", &[("max", "200".into())]);
    }
    let Some(date) = date else {
        return Err(errors);
    };
    match AbsenceQuestion::parse(date, &trips) {
        Ok(question) if errors.is_empty() => Ok(question),
        Ok(_) => Err(errors),
        Err(problems) => {
            for p in problems {
                let i = positions.get(p.trip).copied().unwrap_or(p.trip);
                let mut args: Vec<(&str, String)> = p
                    .reason
                    .args
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.clone()))
                    .collect();
                for (k, v) in &mut args {
                    if *k == "trip" {
                        *v = (i + 1).to_string();
                    }
                }
                errors.add_with(
                    &format!("trips[{i}].returned"),
                    &format!("rule:{}", p.reason.code.code()),
                    &args,
                );
            }
            Err(errors)
        }
    }
}

/// Shapes an absence answer.
pub fn absences_view(tr: &Tr, a: &AbsenceAnswer) -> AbsencesView {
    AbsencesView {
        window_start: a.window_start.to_string(),
        window_end: a.window_end.to_string(),
        total_days_absent: a.total_days_absent,
        total: a.total.into(),
        longest_absence_days: a.longest_absence_days,
        longest: a.longest.into(),
        absences: a
            .absences
            .iter()
            .map(|x| AbsenceView {
                first_day: x.first_day.to_string(),
                last_day: x.last_day.to_string(),
                days: x.days,
                length: x.length.into(),
            })
            .collect(),
        within_limits: a.within_limits,
        reasons: a.reasons.iter().map(|r| reason_view(tr, r)).collect(),
    }
}

/// Query of the fee list.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[serde(default)]
pub struct FeesQuery {
    /// Ground code.
    pub basis: String,
    /// `first` or `extension`.
    pub kind: String,
    /// Tariff date (`YYYY-MM-DD`, default today).
    pub on: Option<String>,
    /// Code of the municipality of residence (three digits, one of Serbia's municipalities),
    /// which forms the payment reference.
    pub municipality: Option<String>,
}

/// The payee of a fee.
#[derive(Debug, Serialize, ToSchema)]
pub struct PayeeView {
    /// Name.
    pub name: String,
    /// Account, short form.
    pub account: String,
    /// Account, 18 digits.
    pub account_long: String,
    /// Payment model.
    pub model: String,
    /// Reference (with a municipality code), e.g. `50-016`.
    pub reference: Option<String>,
    /// Payment code.
    pub payment_code: String,
}

/// One fee.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeeView {
    /// Code.
    pub code: String,
    /// Name in the requested language.
    pub name: String,
    /// `submission` or `biometrics`.
    pub stage: String,
    /// Amount in RSD, `21830.00`.
    pub amount: String,
    /// Who to pay (unknown for some fees).
    pub payee: Option<PayeeView>,
    /// Whether the amount is confirmed by an official source.
    pub verified: bool,
    /// Where the amount comes from.
    pub source: String,
}

/// The fees of a request.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeesView {
    /// Tariff date.
    pub tariff_valid_from: Option<String>,
    /// Fees.
    pub items: Vec<FeeView>,
    /// Total of every fee, RSD.
    pub total: String,
    /// Total due with the request, RSD.
    pub total_at_submission: String,
    /// Notes.
    pub reasons: Vec<ReasonView>,
}

/// RSD from para as `21830.00`.
pub fn rsd_text(para: u64) -> String {
    format!("{}.{:02}", para / 100, para % 100)
}

/// Shapes a fee schedule; `municipality` forms the model-97 reference.
pub fn fees_view(tr: &Tr, lang: Lang, f: &FeeSchedule, municipality: Option<&str>) -> FeesView {
    let nl = name_language(lang);
    FeesView {
        tariff_valid_from: f.tariff_valid_from.map(|d| d.to_string()),
        items: f
            .items
            .iter()
            .map(|i| FeeView {
                code: i.code.into(),
                name: i.names.get(nl).into(),
                stage: i.stage.code().into(),
                amount: rsd_text(i.amount.para()),
                payee: i.payee.as_ref().map(|p| PayeeView {
                    name: p.name.into(),
                    account: p.account.to_short(),
                    account_long: p.account.to_long(),
                    model: p.model.into(),
                    reference: municipality
                        .and_then(|m| p.reference(m).ok())
                        .map(|r| r.to_string()),
                    payment_code: p.payment_code.into(),
                }),
                verified: i.verified,
                source: cite(tr, &i.source),
            })
            .collect(),
        total: rsd_text(f.total.para()),
        total_at_submission: rsd_text(f.total_for(residence::FeeStage::Submission).para()),
        reasons: f.reasons.iter().map(|r| reason_view(tr, r)).collect(),
    }
}

/// A payment order to encode.
#[derive(Debug, Default, Deserialize, Serialize, ToSchema)]
#[serde(default)]
pub struct IpsQrInput {
    /// Payee account (short or 18-digit form).
    pub payee_account: String,
    /// Payee name (and address), at most 70 characters.
    pub payee_name: String,
    /// Amount, e.g. `22230.00` or `22230,00`.
    pub amount: String,
    /// Only `RSD`.
    pub currency: Option<String>,
    /// Payer name and address.
    pub payer: Option<String>,
    /// Three-digit payment code, e.g. `253`.
    pub payment_code: String,
    /// Purpose, at most 35 characters.
    pub purpose: Option<String>,
    /// `97` (default when a reference is given) or `00`.
    pub model: Option<String>,
    /// Reference, e.g. `14-123412`.
    pub reference: Option<String>,
}

/// The IPS QR text.
#[derive(Debug, Serialize, ToSchema)]
pub struct IpsQrView {
    /// The text to encode in the QR code.
    pub qr_text: String,
}

/// Builds the IPS QR value from the input; every field problem is reported.
pub fn build_ips_qr(input: &IpsQrInput) -> Result<IpsQr, FieldErrors> {
    let mut errors = FieldErrors::default();
    let account = BankAccount::parse(&input.payee_account)
        .map_err(|e| errors.add("payee_account", e.code()))
        .ok();
    let amount = Amount::parse(&input.amount)
        .map_err(|e| errors.add("amount", e.code()))
        .ok();
    let code = PaymentCode::parse(&input.payment_code)
        .map_err(|e| errors.add("payment_code", e.code()))
        .ok();
    let reference = match (
        input.model.as_deref().map(str::trim),
        input.reference.as_deref().map(str::trim),
    ) {
        (_, None | Some("")) => None,
        (None | Some("") | Some("97"), Some(r)) => Reference97::parse(r)
            .map(PaymentReference::Model97)
            .map_err(|e| errors.add("reference", e.code()))
            .ok(),
        (Some(m), Some(r)) => PaymentReference::parse_qr(&format!("{m}{r}"))
            .map_err(|e| errors.add("reference", e.code()))
            .ok(),
    };
    let (Some(account), Some(amount), Some(code)) = (account, amount, code) else {
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut b = IpsQr::builder(account, input.payee_name.clone(), amount, code);
    if let Some(c) = &input.currency {
        b = b.currency(c.clone());
    }
    if let Some(p) = &input.payer {
        b = b.payer(p.clone());
    }
    if let Some(p) = &input.purpose {
        b = b.purpose(p.clone());
    }
    if let Some(r) = reference {
        b = b.reference(r);
    }
    b.build().map_err(|e| {
        let field = match e.code() {
            c if c.starts_with("payee_name") => "payee_name",
            c if c.starts_with("payer") => "payer",
            c if c.starts_with("purpose") => "purpose",
            c if c.starts_with("amount") => "amount",
            "currency_not_supported" => "currency",
            c if c.starts_with("reference") => "reference",
            _ => "payee_name",
        };
        let mut errors = FieldErrors::default();
        errors.add(field, e.code());
        errors
    })
}
