//! Temporary residence in Serbia: the catalogue of bases, the eligibility and
//! period rules, the absence check for permanent residence and the fees.
//!
//! Sources (the seed documents under `shared/seeds/`):
//!
//! - **seed-004** — MUP, Portal for foreign citizens, "Temporary Residence"
//!   (official text, last updated 16.12.2024): bases and closer reasons,
//!   single permit versus temporary residence permit, online only versus
//!   online or in person, minors, three years at most, start of the period,
//!   extension window, passport validity, rejection grounds.
//! - **seed-002** — a private guide to the online application: durations by
//!   basis, D visa, beli karton, absences before permanent residence,
//!   document lists, fees. Where it disagrees with seed-004 (e.g. minors:
//!   it says 16, the official text says minors), the official text wins and
//!   the number stays a parameter ([`RuleParams`]).
//! - **design-md** — the project's `docs/domain.md` (Rules, Standards) for the fee breakdown,
//!   recipient account and payment code (secondary sources, unverified).
//! - **project** — how this portal applies the rules where the seeds say
//!   nothing or leave a choice (input checks, the document that shows a
//!   basis the seeds give no list for, extension checklists, the counting of
//!   absences in calendar months, the day an online extension counts as
//!   made). A fact based on a seed passage but read by the project carries
//!   that passage with [`Source::reading`] set.
//!
//! Every [`Source`] names its document and the section (heading) of the
//! passage ([`SOURCE_SECTIONS`]); readers are shown the documents' real
//! titles and headings in their language, never these ids.
//!
//! Facts are data compiled in from `data/residence/catalogue.json`,
//! `data/residence/fees.json` and `data/residence/details.json` (the fields
//! of step 4, "Details of reasons", see [`details`]; all described in
//! `data/residence/README.md`); every fact
//! carries its [`Source`]. Every decision returns [`Reason`]s with a stable
//! [`ReasonCode`], a [`Severity`], a [`Source`] and arguments; the web layer
//! translates them with [`reason_message_key`].
//!
//! Dates are [`jiff::civil::Date`] parameters; "today" is never read here.
//!
//! # Date conventions
//!
//! - Month and year arithmetic is jiff's: a day that does not exist in the
//!   target month is clamped to the month's last day (2024-03-31 − 1 month =
//!   2024-02-29), like the usual rule for periods in months in
//!   administrative procedure (the day with the same number, or the last day
//!   of the month when there is none) — a convention, not checked against
//!   the law's text.
//! - A permit valid from day `S` for `N` months ends on `S + N months − 1
//!   day` ([`period_end`]). At month ends this is never longer than `N`
//!   calendar months, and can be a day or more shorter: 2024-01-31 + 1 month
//!   = 2024-02-29, so a one-month permit from 2024-01-31 ends 2024-02-28
//!   (and so does one from 2024-01-30).
//! - Dates at the edge of jiff's range (year 9999) saturate instead of
//!   failing.

mod absences;
mod catalogue;
mod dates;
pub mod details;
mod eligibility;
mod fees;
mod reasons;

use serde::{Deserialize, Serialize};

pub use absences::{
    Absence, AbsenceAnswer, AbsenceQuestion, DAYS_PER_MONTH_IN_A_TOTAL, MAX_SINGLE_ABSENCE_MONTHS,
    MAX_TOTAL_ABSENCE_MONTHS, MonthsDays, Trip, TripProblem, WINDOW_YEARS, check_absences,
};
pub use catalogue::{
    Basis, BasisCode, Catalogue, Channels, CloserReason, DVisaRule, Document, DocumentCondition,
    Ground, Names, Note, PermitKind, RejectionGround, RejectionScope, RightToWork, SourceDocument,
    Sourced, Terms, catalogue, documents_for, find_ground,
};
pub use dates::{latest_end_with_margin, period_end};
pub use details::{
    DetailField, DetailKind, DetailProblem, DetailsAnswer, Required, all_choice_options,
    all_field_keys, check_details, details_for,
};
pub use eligibility::{
    CheckAnswer, CheckRequest, ExtensionWindow, RuleParams, check, is_minor, request_made_on,
};
pub use fees::{FeeEstimate, FeeItem, FeeSchedule, FeeStage, Payee, Rsd, fees_for};
pub use reasons::{
    Reason, ReasonCode, SOURCE_SECTIONS, Severity, Source, is_known_section, reason_message_key,
};

/// Whether a request is the first one on a basis or the extension of a
/// permit already granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ApplicationKind {
    /// A first request for temporary residence (`first`).
    First,
    /// The extension of an approved temporary residence (`extension`).
    Extension,
}

impl ApplicationKind {
    /// Stable snake_case code: `first` or `extension`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::First => "first",
            Self::Extension => "extension",
        }
    }
}

/// How a request is submitted (seed-004).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Electronically, on the portal (`online`).
    Online,
    /// In person, at the police department for foreigners (`in_person`).
    InPerson,
}

impl Channel {
    /// Stable snake_case code: `online` or `in_person`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Online => "online",
            Self::InPerson => "in_person",
        }
    }
}

/// Why a compiled-in data file could not be read (only ever seen by the
/// unit tests that check the shipped files).
#[derive(Debug, Clone, PartialEq, Eq)]
struct DataError(String);

impl DataError {
    /// An error with this message.
    fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }
}

impl From<serde_json::Error> for DataError {
    fn from(e: serde_json::Error) -> Self {
        Self(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_and_channel_codes_are_stable() {
        assert_eq!(ApplicationKind::First.code(), "first");
        assert_eq!(ApplicationKind::Extension.code(), "extension");
        assert_eq!(Channel::Online.code(), "online");
        assert_eq!(Channel::InPerson.code(), "in_person");
    }
}
