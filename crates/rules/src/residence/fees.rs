//! Fees for a temporary residence request, as dated data.
//!
//! Compiled in from `data/residence/fees.json` (see
//! `data/residence/README.md`). A **tariff** is a set of fee items valid
//! from a date until the next tariff starts; [`fees_for`] picks the tariff in
//! force on a date.
//!
//! What the sources say, and how sure it is:
//!
//! - seed-002 (private guide): the main fee is "around 22,700 RSD", paid at
//!   the last step of the online application, and the biometrics fees
//!   "around 3,900 RSD", paid after the invitation to biometrics. These are
//!   kept as [`FeeEstimate`]s.
//! - docs/domain.md (Rules) (secondary sources): 21,830 RSD residence fee + 400 RSD
//!   application fee, then 1,788 RSD biometrics + 2,080 RSD card. These are
//!   the items; all are `verified: false` and a `fee_amount_unverified`
//!   reason says so. (21,830 + 400 = 22,230, not 22,700: the sources differ.)
//! - docs/domain.md (Standards): the recipient is "Republička administrativna taksa",
//!   account 840-742221843-57, model 97, reference = the municipality code
//!   of residence ([`Payee::reference`]), payment code 253 (likely). The
//!   recipient of the biometrics and card fees is unknown: those items have
//!   no payee.
//! - The tariff's start date is not given by any source: the shipped date
//!   (2024-12-16, the date of the official text seed-004) is a placeholder,
//!   marked `valid_from_verified: false`.
//! - The seeds do not distinguish fees by basis or between first requests
//!   and extensions; the items say which kinds they apply to (both).

use std::sync::LazyLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::catalogue::{Names, RawNames, catalogue};
use super::reasons::{Reason, ReasonCode, Source};
use super::{ApplicationKind, DataError};
use crate::identifiers::{BankAccount, IdentifierError, Reference97};

/// The compiled-in fee data.
const DATA: &str = include_str!("../../data/residence/fees.json");

/// The only `schema_version` this code reads.
const SCHEMA_VERSION: u32 = 1;

/// Digits of a municipality code used as payment reference.
const MUNICIPALITY_CODE_DIGITS: usize = 3;

static FEES: LazyLock<FeeData> = LazyLock::new(|| parse(DATA).unwrap_or_default());

/// An amount in Serbian dinars, held in para (1 RSD = 100 para).
///
/// For a payment QR code convert with [`para`](Self::para) into the
/// `ips_qr` module's amount type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct Rsd(u64);

impl Rsd {
    /// An amount of whole dinars.
    #[must_use]
    pub const fn from_dinars(dinars: u64) -> Self {
        Self(dinars.saturating_mul(100))
    }

    /// An amount in para.
    #[must_use]
    pub const fn from_para(para: u64) -> Self {
        Self(para)
    }

    /// The amount in para.
    #[must_use]
    pub const fn para(self) -> u64 {
        self.0
    }

    /// Whole dinars (para dropped).
    #[must_use]
    pub const fn dinars(self) -> u64 {
        self.0 / 100
    }

    /// The sum, saturating.
    #[must_use]
    pub const fn saturating_add(self, other: Self) -> Self {
        Self(self.0.saturating_add(other.0))
    }
}

/// When a fee is paid (seed-002).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeStage {
    /// With the request, at the last step of the online application
    /// (`submission`).
    Submission,
    /// After the invitation to biometrics (`biometrics`).
    Biometrics,
}

impl FeeStage {
    /// Stable snake_case code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Submission => "submission",
            Self::Biometrics => "biometrics",
        }
    }
}

/// Who a fee is paid to, and how.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Payee {
    /// Stable code, e.g. `republic_administrative_fee`.
    pub code: &'static str,
    /// Recipient name, e.g. "Republička administrativna taksa".
    pub name: &'static str,
    /// Recipient account.
    pub account: BankAccount,
    /// Payment model, `97`.
    pub model: &'static str,
    /// Payment code (*šifra plaćanja*), e.g. `253`.
    pub payment_code: &'static str,
    /// Whether the details are confirmed by an official source.
    pub verified: bool,
    /// Source of the recipient and account.
    pub source: Source,
    /// Source of the payment code.
    pub payment_code_source: Source,
}

impl Payee {
    /// The model-97 reference for a payer living in the municipality with
    /// this 3-digit code, e.g. `016` → `97 50-016`.
    ///
    /// # Errors
    /// `identifier_empty`, `not_digits` or `wrong_length` (not 3 digits).
    pub fn reference(&self, municipality_code: &str) -> Result<Reference97, IdentifierError> {
        let code = municipality_code.trim();
        if code.is_empty() {
            return Err(IdentifierError::Empty);
        }
        if !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IdentifierError::NotDigits);
        }
        if code.len() != MUNICIPALITY_CODE_DIGITS {
            return Err(IdentifierError::WrongLength {
                expected: MUNICIPALITY_CODE_DIGITS,
                found: code.chars().count(),
            });
        }
        Reference97::compute(code)
    }
}

/// One fee to pay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeeItem {
    /// Stable code: `residence_fee`, `application_fee`, `biometrics_fee`,
    /// `card_fee`.
    pub code: &'static str,
    /// Names in four languages.
    pub names: Names,
    /// When it is paid.
    pub stage: FeeStage,
    /// The amount.
    pub amount: Rsd,
    /// Who it is paid to, if known.
    pub payee: Option<Payee>,
    /// Whether the amount is confirmed by an official source (none is yet).
    pub verified: bool,
    /// Where the amount comes from.
    pub source: Source,
}

/// An approximate amount per stage given by a seed, for comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct FeeEstimate {
    /// The stage.
    pub stage: FeeStage,
    /// The approximate amount ("around …").
    pub approx_amount: Rsd,
    /// Where it comes from.
    pub source: Source,
}

/// The fees for a request on a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeeSchedule {
    /// Start of the tariff applied (`None` if none applies).
    pub tariff_valid_from: Option<Date>,
    /// Whether that start date is confirmed (the shipped one is not).
    pub tariff_valid_from_verified: bool,
    /// The items, submission fees first.
    pub items: Vec<FeeItem>,
    /// Sum of all items.
    pub total: Rsd,
    /// The seeds' approximate amounts per stage.
    pub estimates: Vec<FeeEstimate>,
    /// `unknown_basis`, `fee_tariff_missing` (blocking) and
    /// `fee_amount_unverified` (info).
    pub reasons: Vec<Reason>,
}

impl FeeSchedule {
    /// Sum of the items paid at `stage`.
    #[must_use]
    pub fn total_for(&self, stage: FeeStage) -> Rsd {
        self.items
            .iter()
            .filter(|i| i.stage == stage)
            .fold(Rsd::default(), |sum, i| sum.saturating_add(i.amount))
    }

    /// An empty schedule with one reason.
    fn refused(reason: Reason) -> Self {
        Self {
            tariff_valid_from: None,
            tariff_valid_from_verified: false,
            items: Vec::new(),
            total: Rsd::default(),
            estimates: Vec::new(),
            reasons: vec![reason],
        }
    }
}

/// The fees for a request of `kind` on the ground `basis` (a code of the
/// catalogue), by the tariff in force on `on`.
///
/// An unknown basis gives `unknown_basis`, a date before every tariff
/// `fee_tariff_missing`; both with no items. Unverified amounts add the
/// info reason `fee_amount_unverified` listing the item codes.
#[must_use]
pub fn fees_for(kind: ApplicationKind, basis: &str, on: Date) -> FeeSchedule {
    if catalogue().find(basis).is_none() {
        return FeeSchedule::refused(Reason::new(
            ReasonCode::UnknownBasis,
            [("basis", basis.trim())],
        ));
    }
    // Tariffs are sorted by start date (checked when read).
    let Some(tariff) = FEES.tariffs.iter().rev().find(|t| t.valid_from <= on) else {
        return FeeSchedule::refused(Reason::new(
            ReasonCode::FeeTariffMissing,
            [("on", on.to_string())],
        ));
    };
    let mut items: Vec<FeeItem> = tariff
        .items
        .iter()
        .filter(|i| i.kinds.contains(&kind))
        .map(|i| i.item.clone())
        .collect();
    items.sort_by_key(|i| i.stage == FeeStage::Biometrics);
    let total = items
        .iter()
        .fold(Rsd::default(), |sum, i| sum.saturating_add(i.amount));
    let unverified: Vec<&str> = items
        .iter()
        .filter(|i| !i.verified)
        .map(|i| i.code)
        .collect();
    let mut reasons = Vec::new();
    if !unverified.is_empty() {
        reasons.push(Reason::new(
            ReasonCode::FeeAmountUnverified,
            [("items", unverified.join(","))],
        ));
    }
    FeeSchedule {
        tariff_valid_from: Some(tariff.valid_from),
        tariff_valid_from_verified: tariff.valid_from_verified,
        items,
        total,
        estimates: tariff.estimates.clone(),
        reasons,
    }
}

// ---------------------------------------------------------------------------
// Reading the data file.

/// A tariff as read.
#[derive(Debug, Clone)]
struct Tariff {
    valid_from: Date,
    valid_from_verified: bool,
    items: Vec<TariffItem>,
    estimates: Vec<FeeEstimate>,
}

/// An item with the kinds of request it applies to.
#[derive(Debug, Clone)]
struct TariffItem {
    kinds: Vec<ApplicationKind>,
    item: FeeItem,
}

/// The whole fee file.
#[derive(Debug, Clone, Default)]
struct FeeData {
    tariffs: Vec<Tariff>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSourceDocument<'a> {
    id: &'a str,
    #[serde(rename = "title")]
    _title: &'a str,
    #[serde(rename = "file")]
    _file: &'a str,
    #[serde(rename = "official")]
    _official: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPayee<'a> {
    code: &'a str,
    name: &'a str,
    account: &'a str,
    model: &'a str,
    reference: &'a str,
    payment_code: &'a str,
    verified: bool,
    source: &'a str,
    payment_code_source: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem<'a> {
    code: &'a str,
    #[serde(borrow)]
    names: RawNames<'a>,
    stage: FeeStage,
    kinds: Vec<ApplicationKind>,
    amount_rsd: u64,
    payee: Option<&'a str>,
    verified: bool,
    source: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEstimate<'a> {
    stage: FeeStage,
    approx_amount_rsd: u64,
    source: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTariff<'a> {
    valid_from: &'a str,
    #[serde(rename = "valid_from_note")]
    _valid_from_note: &'a str,
    valid_from_verified: bool,
    #[serde(borrow)]
    items: Vec<RawItem<'a>>,
    #[serde(borrow)]
    seed_estimates: Vec<RawEstimate<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFees<'a> {
    schema_version: u32,
    #[serde(borrow)]
    source_documents: Vec<RawSourceDocument<'a>>,
    #[serde(borrow)]
    passages: std::collections::BTreeMap<&'a str, super::catalogue::RawPassage<'a>>,
    #[serde(borrow)]
    payees: Vec<RawPayee<'a>>,
    #[serde(borrow)]
    tariffs: Vec<RawTariff<'a>>,
    #[serde(borrow)]
    stage_sources: std::collections::BTreeMap<&'a str, &'a str>,
}

/// Parses and checks the fee file.
fn parse(data: &'static str) -> Result<FeeData, DataError> {
    let raw: RawFees<'static> = serde_json::from_str(data)?;
    if raw.schema_version != SCHEMA_VERSION {
        return Err(DataError::new("unsupported schema_version"));
    }
    let documents: Vec<&str> = raw.source_documents.iter().map(|d| d.id).collect();
    let source = |key: &str| -> Result<Source, DataError> {
        raw.passages
            .get(key)
            .ok_or_else(|| DataError::new(format!("unknown passage key {key:?}")))?
            .source(key, &documents)
    };
    for key in raw.stage_sources.values() {
        source(key)?;
    }

    let mut payees = Vec::with_capacity(raw.payees.len());
    for p in &raw.payees {
        if p.model != "97" || p.reference != "municipality_code_of_residence" {
            return Err(DataError::new(format!(
                "payee {:?}: unsupported reference",
                p.code
            )));
        }
        if p.payment_code.len() != 3 || !p.payment_code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DataError::new(format!(
                "payee {:?}: bad payment code",
                p.code
            )));
        }
        payees.push(Payee {
            code: p.code,
            name: p.name,
            account: BankAccount::parse(p.account)
                .map_err(|e| DataError::new(format!("payee {:?}: {}", p.code, e.code())))?,
            model: p.model,
            payment_code: p.payment_code,
            verified: p.verified,
            source: source(p.source)?,
            payment_code_source: source(p.payment_code_source)?,
        });
    }

    let mut tariffs: Vec<Tariff> = Vec::with_capacity(raw.tariffs.len());
    for t in &raw.tariffs {
        let valid_from: Date = t
            .valid_from
            .parse()
            .map_err(|_| DataError::new(format!("bad date {:?}", t.valid_from)))?;
        if tariffs
            .last()
            .is_some_and(|prev| prev.valid_from >= valid_from)
        {
            return Err(DataError::new("tariffs must be in increasing date order"));
        }
        let mut items = Vec::with_capacity(t.items.len());
        for i in &t.items {
            let payee = match i.payee {
                None => None,
                Some(code) => Some(
                    payees
                        .iter()
                        .find(|p| p.code == code)
                        .cloned()
                        .ok_or_else(|| DataError::new(format!("unknown payee {code:?}")))?,
                ),
            };
            if i.kinds.is_empty() || i.amount_rsd == 0 {
                return Err(DataError::new(format!(
                    "item {:?}: no kinds or amount",
                    i.code
                )));
            }
            items.push(TariffItem {
                kinds: i.kinds.clone(),
                item: FeeItem {
                    code: i.code,
                    names: i.names.names(i.code)?,
                    stage: i.stage,
                    amount: Rsd::from_dinars(i.amount_rsd),
                    payee,
                    verified: i.verified,
                    source: source(i.source)?,
                },
            });
        }
        let estimates = t
            .seed_estimates
            .iter()
            .map(|e| {
                Ok(FeeEstimate {
                    stage: e.stage,
                    approx_amount: Rsd::from_dinars(e.approx_amount_rsd),
                    source: source(e.source)?,
                })
            })
            .collect::<Result<Vec<_>, DataError>>()?;
        tariffs.push(Tariff {
            valid_from,
            valid_from_verified: t.valid_from_verified,
            items,
            estimates,
        });
    }
    Ok(FeeData { tariffs })
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::residence::Severity;
    use crate::residence::catalogue::tests::to_cyrillic;

    const FIRST_DAY: Date = date(2024, 12, 16);

    #[test]
    fn shipped_fees_parse() {
        let parsed = parse(DATA);
        assert!(parsed.is_ok(), "{parsed:?}");
        assert_eq!(FEES.tariffs.len(), 1);
        for t in &FEES.tariffs {
            for i in &t.items {
                assert_eq!(i.item.names.sr_cyrl, to_cyrillic(i.item.names.sr_latn));
            }
        }
    }

    /// docs/domain.md (Rules): 21,830 + 400 RSD at submission, 1,788 + 2,080 RSD at
    /// biometrics, all unverified.
    #[test]
    fn items_and_totals() {
        let s = fees_for(
            ApplicationKind::First,
            "education.studying",
            date(2025, 3, 10),
        );
        assert_eq!(s.tariff_valid_from, Some(FIRST_DAY));
        assert!(!s.tariff_valid_from_verified);
        let items: Vec<(&str, u64)> = s
            .items
            .iter()
            .map(|i| (i.code, i.amount.dinars()))
            .collect();
        assert_eq!(
            items,
            [
                ("residence_fee", 21_830),
                ("application_fee", 400),
                ("biometrics_fee", 1_788),
                ("card_fee", 2_080)
            ]
        );
        assert_eq!(s.total, Rsd::from_dinars(26_098));
        assert_eq!(s.total_for(FeeStage::Submission), Rsd::from_dinars(22_230));
        assert_eq!(s.total_for(FeeStage::Biometrics), Rsd::from_dinars(3_868));
        assert!(s.items.iter().all(|i| !i.verified));
        assert_eq!(s.reasons.len(), 1);
        let r = &s.reasons[0];
        assert_eq!(r.code, ReasonCode::FeeAmountUnverified);
        assert_eq!(r.severity, Severity::Info);
        assert_eq!(
            r.arg("items"),
            Some("residence_fee,application_fee,biometrics_fee,card_fee")
        );
        // seed-002's approximations are kept for comparison.
        let estimates: Vec<(FeeStage, u64)> = s
            .estimates
            .iter()
            .map(|e| (e.stage, e.approx_amount.dinars()))
            .collect();
        assert_eq!(
            estimates,
            [
                (FeeStage::Submission, 22_700),
                (FeeStage::Biometrics, 3_900)
            ]
        );
        assert!(s.estimates.iter().all(|e| e.source.document == "seed-002"));
        // Extensions: the seeds name no other fees.
        let e = fees_for(ApplicationKind::Extension, "talent", date(2025, 3, 10));
        assert_eq!(e.total, s.total);
    }

    /// docs/domain.md (Standards): Republička administrativna taksa, 840-742221843-57,
    /// model 97, municipality code as reference, payment code 253.
    #[test]
    fn payee_and_reference() {
        let s = fees_for(ApplicationKind::First, "investor", FIRST_DAY);
        let payee = s.items[0].payee.as_ref().unwrap();
        assert_eq!(payee.name, "Republička administrativna taksa");
        assert_eq!(payee.account.to_short(), "840-742221843-57");
        assert_eq!(payee.model, "97");
        assert_eq!(payee.payment_code, "253");
        assert!(!payee.verified);
        assert_eq!(payee.source.document, "design-md");
        assert_eq!(payee.reference("016").unwrap().written(), "97 50-016");
        assert_eq!(payee.reference(" 016 ").unwrap().for_qr(), "9750016");
        assert_eq!(payee.reference(""), Err(IdentifierError::Empty));
        assert_eq!(payee.reference("01a"), Err(IdentifierError::NotDigits));
        assert_eq!(
            payee.reference("0160"),
            Err(IdentifierError::WrongLength {
                expected: 3,
                found: 4
            })
        );
        // The biometrics and card fee recipient is unknown.
        assert!(s.items[2].payee.is_none());
        assert!(s.items[3].payee.is_none());
    }

    /// Tariff boundary: the day before, on and after its start.
    #[test]
    fn tariff_by_date() {
        let before = fees_for(ApplicationKind::First, "investor", date(2024, 12, 15));
        assert!(before.items.is_empty());
        assert_eq!(before.total, Rsd::default());
        assert_eq!(before.reasons[0].code, ReasonCode::FeeTariffMissing);
        assert_eq!(before.reasons[0].arg("on"), Some("2024-12-15"));
        assert!(before.reasons[0].is_blocking());
        for on in [FIRST_DAY, date(2024, 12, 17)] {
            assert_eq!(
                fees_for(ApplicationKind::First, "investor", on).tariff_valid_from,
                Some(FIRST_DAY)
            );
        }
    }

    #[test]
    fn unknown_basis() {
        let s = fees_for(ApplicationKind::First, "nope", FIRST_DAY);
        assert!(s.items.is_empty());
        assert_eq!(s.reasons[0].code, ReasonCode::UnknownBasis);
    }

    #[test]
    fn amounts() {
        assert_eq!(Rsd::from_dinars(22_700).para(), 2_270_000);
        assert_eq!(Rsd::from_para(102_512).dinars(), 1_025);
        assert_eq!(Rsd::from_para(102_512).para(), 102_512);
        assert_eq!(Rsd::from_dinars(u64::MAX).para(), u64::MAX);
        assert_eq!(FeeStage::Biometrics.code(), "biometrics");
        let s = fees_for(ApplicationKind::First, "investor", FIRST_DAY);
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["total"], 2_609_800);
        assert_eq!(json["items"][0]["payee"]["account"], "840000074222184357");
        assert_eq!(json["tariff_valid_from"], "2024-12-16");
    }

    #[test]
    fn bad_data_is_rejected() {
        assert!(parse("{").is_err());
        let bad_account = DATA.replacen(
            "\"account\": \"840-742221843-57\"",
            "\"account\": \"840-742221843-58\"",
            1,
        );
        assert!(parse(bad_account.leak()).is_err());
        let bad_date = DATA.replacen("\"2024-12-16\"", "\"2024-13-16\"", 1);
        assert!(parse(bad_date.leak()).is_err());
        let bad_payee = DATA.replacen(
            "\"payee\": \"republic_administrative_fee\"",
            "\"payee\": \"nobody\"",
            1,
        );
        assert!(parse(bad_payee.leak()).is_err());
        let bad_source = DATA.replacen("\"source\": \"s002.fees\"", "\"source\": \"nope\"", 1);
        assert!(parse(bad_source.leak()).is_err());
    }
}
