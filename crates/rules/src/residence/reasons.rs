//! Reasons: why a residence rule decided what it did.
//!
//! A [`Reason`] has a stable snake_case [`ReasonCode`], a [`Severity`]
//! (`blocking` refuses the request, `info` only explains), the [`Source`] of
//! the rule and arguments (key, value) for the message. No message texts live
//! here: the web layer looks them up by [`reason_message_key`]
//! (`residence-` followed by the code with `-` for `_`, a Fluent identifier).
//! Dates in arguments are ISO 8601 (`2025-03-31`).

use serde::{Serialize, Serializer};

/// Where a fact or rule comes from: a source document, the section (heading)
/// of the passage, a short reference to the passage, and whether the rule is
/// the project's own reading of it.
///
/// Document ids: `seed-004` (official MUP text), `seed-002` (private guide),
/// `design-md` (the project's design notes, secondary sources) and `project`
/// (a choice made by this project, e.g. input validation). Ids and section
/// keys are internal: readers see the documents' real titles and headings,
/// translated by the web layer (`source-document-<id>`,
/// `source-section-<id>-<section>`); every pair is listed in
/// [`SOURCE_SECTIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Source {
    /// The source document, e.g. `seed-004`.
    pub document: &'static str,
    /// The section (heading) of the document the passage stands in, a key of
    /// [`SOURCE_SECTIONS`] (empty for `project`).
    pub section: &'static str,
    /// The heading and a short quotation or paraphrase of the passage (for
    /// maintainers; not shown to readers, who see the title and heading).
    pub passage: &'static str,
    /// Whether the rule is the project's reading of the passage rather than
    /// what the passage says in so many words (always true for `project`).
    pub reading: bool,
}

impl Source {
    /// Whether the document id and section key are listed in
    /// [`SOURCE_SECTIONS`].
    #[must_use]
    pub fn is_known(&self) -> bool {
        is_known_section(self.document, self.section)
    }
}

/// Every source document the rules cite, with the sections (headings) a
/// passage may stand in. `project` has no sections (the empty key).
///
/// - `seed-004`, "Temporary Residence" (MUP, Portal for foreign citizens,
///   last updated 16.12.2024): `introduction` (the paragraph before the first
///   heading), `what_is_temporary_residence`, `bases` ("Basis for issuing a
///   temporary residence and work permit, i.e. a temporary residence
///   permit"), `issuance` ("Issuance of a temporary residence permit …"),
///   `rejection` ("Rejection of the request for temporary residence").
/// - `seed-002`, "Online Application for a Residence Permit in Serbia: A
///   Complete Guide": `key_questions`, `absences` ("Absence Restrictions and
///   Application Methods"), `issuance_costs` ("Issuance Times, Costs, and
///   General Rules"), `general_documents` ("Initial Application: General List
///   of Documents"), `self_employment`, `family_reunification`,
///   `online_application` ("The Online Application Algorithm"),
///   `status_tracking`, `biometrics`, `passport_replacement` ("Life with a
///   Residence Permit: Next Steps and Passport Replacement").
/// - `design-md`: `fees` (§4), `payment_details` (§5).
pub const SOURCE_SECTIONS: &[(&str, &[&str])] = &[
    (
        "seed-004",
        &[
            "introduction",
            "what_is_temporary_residence",
            "bases",
            "issuance",
            "rejection",
        ],
    ),
    (
        "seed-002",
        &[
            "key_questions",
            "absences",
            "issuance_costs",
            "general_documents",
            "self_employment",
            "family_reunification",
            "online_application",
            "status_tracking",
            "biometrics",
            "passport_replacement",
        ],
    ),
    ("design-md", &["fees", "payment_details"]),
    ("project", &[""]),
];

/// Whether `section` is a section of `document` in [`SOURCE_SECTIONS`].
#[must_use]
pub fn is_known_section(document: &str, section: &str) -> bool {
    SOURCE_SECTIONS
        .iter()
        .any(|(d, sections)| *d == document && sections.contains(&section))
}

/// How much a reason weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The request cannot go ahead as it is (`blocking`).
    Blocking,
    /// Information about the decision; the request can go ahead (`info`).
    Info,
}

impl Severity {
    /// Stable snake_case code: `blocking` or `info`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Blocking => "blocking",
            Self::Info => "info",
        }
    }
}

/// Sources of the rules implemented in code (the catalogue's facts carry
/// their own sources from the data file).
pub(crate) mod sources {
    use super::Source;

    /// A passage of seed-004 (official text).
    const fn official(section: &'static str, passage: &'static str) -> Source {
        Source {
            document: "seed-004",
            section,
            passage,
            reading: false,
        }
    }

    /// A passage of seed-002 (private guide); `reading`: the rule is the
    /// project's reading of it.
    const fn guide(section: &'static str, passage: &'static str, reading: bool) -> Source {
        Source {
            document: "seed-002",
            section,
            passage,
            reading,
        }
    }

    /// A choice of the project.
    const fn project(passage: &'static str) -> Source {
        Source {
            document: "project",
            section: "",
            passage,
            reading: true,
        }
    }

    /// The list of bases and closer reasons (seed-004).
    pub const BASES: Source = official(
        "bases",
        "Basis for issuing…: 'The request for the approval of temporary residence is submitted on one of the bases prescribed by law'",
    );
    /// Minors: legal representatives, in person only (seed-004).
    pub const MINOR_IN_PERSON: Source = official(
        "what_is_temporary_residence",
        "What is temporary residence?: a request for a minor 'is submitted by their legal representatives, exclusively in person to the competent authority'",
    );
    /// Single permit requests are online only (seed-004).
    pub const SINGLE_PERMIT_ONLINE: Source = official(
        "what_is_temporary_residence",
        "What is temporary residence?: a request for a single permit 'can be submitted exclusively electronically on this Portal'",
    );
    /// At most three years (seed-004).
    pub const MAX_THREE_YEARS: Source = official(
        "issuance",
        "Issuance…: temporary residence is granted 'for a maximum period of up to three years'",
    );
    /// A first permit runs from the submission date (seed-004).
    pub const FIRST_FROM_SUBMISSION: Source = official(
        "issuance",
        "Issuance…: 'calculated starting from the date of submission of the request'",
    );
    /// An extension runs from the day after the expiry (seed-004).
    pub const EXTENSION_FROM_DAY_AFTER: Source = official(
        "issuance",
        "Issuance…: extension 'calculated from the first day following the expiration date of the previously approved temporary residence'",
    );
    /// The extension window (seed-004).
    pub const EXTENSION_WINDOW: Source = official(
        "bases",
        "Basis for issuing…: extension 'no sooner than three months prior to the expiration of the validity period … and no later than the expiration'",
    );
    /// Which day an online extension counts as made (the project's reading
    /// of seed-002's online steps and seed-004's window).
    pub const EXTENSION_COUNTS_WHEN_PAID: Source = guide(
        "online_application",
        "The Online Application Algorithm: 'After successful payment, the application will be sent for review'; Key Questions: the stay is covered once the status is 'Request submitted' or the 'Confirmation of request receipt' arrives — so an online request counts as made on the later of Submit and the confirmed payment (the project's reading)",
        true,
    );
    /// Passport validity beyond the period (seed-004; also a rejection ground).
    pub const PASSPORT_MARGIN: Source = official(
        "bases",
        "Basis for issuing…: the personal document 'must be valid for at least three months longer than the period for which the temporary residence permit is requested'; Rejection: first ground",
    );
    /// D visa before the first application for some citizenships (seed-002).
    pub const D_VISA: Source = guide(
        "general_documents",
        "Initial Application: General List of Documents: 'Citizens of some countries, such as Kazakhstan, Uzbekistan, and Tajikistan, need to obtain a D visa before applying'",
        false,
    );
    /// A D visa holder applies on the visa's basis only (seed-004).
    pub const D_VISA_BASIS: Source = official(
        "bases",
        "Basis for issuing…: 'A foreign citizen who resides in the Republic of Serbia on the basis of a long-stay visa, visa D, can submit a request for temporary residence only on the same basis on which the visa D was issued'",
    );
    /// Beli karton for first applications only, not from abroad (seed-002).
    pub const BELI_KARTON: Source = guide(
        "key_questions",
        "Key Questions: beli karton 'for the first application'; 'When renewing … not needed'; General List: 'not required when applying from abroad'",
        false,
    );
    /// Absences before permanent residence (seed-002).
    pub const ABSENCES: Source = guide(
        "absences",
        "Absence Restrictions: 'In the three years preceding the application for permanent residence, the total absence … should not exceed 10 months, and any single absence should not exceed 6 months'",
        false,
    );
    /// Fee amounts (docs/domain.md (Rules), secondary sources).
    pub const FEES: Source = Source {
        document: "design-md",
        section: "fees",
        passage: "§4 Fees: breakdown 21,830 + 400 RSD and 1,788 + 2,080 RSD from secondary sources '(unverified, keep as dated data)'",
        reading: false,
    };
    /// Input validation decided by the project.
    pub const INPUT: Source =
        project("input validation: the value is outside what the rules can evaluate");
    /// The dates of a trip abroad (the project's input check of the absence
    /// calculator).
    pub const TRIP_DATES: Source = project(
        "absence calculator: a trip comes back on or after the day it left, and on or before the application date",
    );
    /// The citizenship list (`data/countries.tsv`, Unicode CLDR).
    pub const CITIZENSHIP: Source =
        project("data/countries.tsv: ISO 3166-1 alpha-2 codes (CLDR) plus XK and XX");

    /// Every source defined here (for the tests).
    #[cfg(test)]
    pub const ALL: &[Source] = &[
        BASES,
        MINOR_IN_PERSON,
        SINGLE_PERMIT_ONLINE,
        MAX_THREE_YEARS,
        FIRST_FROM_SUBMISSION,
        EXTENSION_FROM_DAY_AFTER,
        EXTENSION_WINDOW,
        EXTENSION_COUNTS_WHEN_PAID,
        PASSPORT_MARGIN,
        D_VISA,
        D_VISA_BASIS,
        BELI_KARTON,
        ABSENCES,
        FEES,
        INPUT,
        TRIP_DATES,
        CITIZENSHIP,
    ];
}

/// Defines [`ReasonCode`] from one table: variant, code, message key,
/// default severity and default source.
macro_rules! reason_codes {
    ($( $(#[doc = $doc:literal])* $variant:ident => $code:literal, $key:literal, $severity:ident, $source:expr; )*) => {
        /// A stable reason code. Its [`code`](Self::code) is the API value
        /// and, via [`message_key`](Self::message_key), the translation key.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ReasonCode {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl ReasonCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ReasonCode] = &[ $( Self::$variant, )* ];

            /// Stable snake_case code, e.g. `minor_in_person_only`.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self { $( Self::$variant => $code, )* }
            }

            /// The Fluent message key, e.g. `residence-minor-in-person-only`.
            #[must_use]
            pub const fn message_key(self) -> &'static str {
                match self { $( Self::$variant => $key, )* }
            }

            /// The severity a reason with this code has.
            #[must_use]
            pub const fn severity(self) -> Severity {
                match self { $( Self::$variant => Severity::$severity, )* }
            }

            /// The default source of the rule behind this code (a reason
            /// may carry a more precise one, e.g. the catalogue fact that
            /// limited a period).
            #[must_use]
            pub const fn default_source(self) -> Source {
                match self { $( Self::$variant => $source, )* }
            }
        }
    };
}

reason_codes! {
    /// The basis / closer reason code is not in the catalogue. Args: `basis`.
    UnknownBasis => "unknown_basis", "residence-unknown-basis", Blocking, sources::BASES;
    /// The citizenship is not a known country code. Args: `citizenship`.
    UnknownCitizenship => "unknown_citizenship", "residence-unknown-citizenship", Blocking, sources::CITIZENSHIP;
    /// The date of birth is after the submission date. Args: `date_of_birth`, `submission_date`.
    DateOfBirthInvalid => "date_of_birth_invalid", "residence-date-of-birth-invalid", Blocking, sources::INPUT;
    /// A minor's request can only be submitted in person, by the legal
    /// representatives. Args: `age`, `threshold`, `adult_on`.
    MinorInPersonOnly => "minor_in_person_only", "residence-minor-in-person-only", Blocking, sources::MINOR_IN_PERSON;
    /// A single permit request can only be submitted online. Args: `basis`.
    SinglePermitOnlineOnly => "single_permit_online_only", "residence-single-permit-online-only", Blocking, sources::SINGLE_PERMIT_ONLINE;
    /// An extension needs the expiry date of the current permit. No args.
    CurrentPermitRequired => "current_permit_required", "residence-current-permit-required", Blocking, sources::EXTENSION_FROM_DAY_AFTER;
    /// The extension is submitted before its window opens. Args:
    /// `submission_date`, `earliest_submission`, `latest_submission`.
    ExtensionTooEarly => "extension_too_early", "residence-extension-too-early", Blocking, sources::EXTENSION_WINDOW;
    /// The extension is submitted after the current permit expired. Args:
    /// `submission_date`, `earliest_submission`, `latest_submission`.
    ExtensionTooLate => "extension_too_late", "residence-extension-too-late", Blocking, sources::EXTENSION_WINDOW;
    /// An online extension counts as made on the day its fee payment is
    /// confirmed (when that is after Submit), so the payment must be
    /// confirmed by the expiry ([`request_made_on`](super::request_made_on)).
    /// Args: `earliest_submission`, `latest_submission`.
    ExtensionCountsWhenPaid => "extension_counts_when_paid", "residence-extension-counts-when-paid", Info, sources::EXTENSION_COUNTS_WHEN_PAID;
    /// A D visa is needed before the first application. Args: `citizenship`.
    DVisaRequired => "d_visa_required", "residence-d-visa-required", Blocking, sources::D_VISA;
    /// A D visa holder's first request is on another basis than the one the
    /// visa was issued for. Args: `basis` (the chosen ground's basis code),
    /// `d_visa_basis` (the visa's basis code).
    DVisaBasisMismatch => "d_visa_basis_mismatch", "residence-d-visa-basis-mismatch", Blocking, sources::D_VISA_BASIS;
    /// A D visa holder did not say which basis the visa was issued for, so the
    /// basis could not be compared. No args.
    DVisaBasisNotGiven => "d_visa_basis_not_given", "residence-d-visa-basis-not-given", Info, sources::D_VISA_BASIS;
    /// The requested end is before the start of the period. Args:
    /// `requested_until`, `valid_from`.
    RequestedUntilBeforeStart => "requested_until_before_start", "residence-requested-until-before-start", Blocking, sources::FIRST_FROM_SUBMISSION;
    /// The requested period is longer than the basis allows. Args:
    /// `requested_until`, `latest_until`, `limit` (`max_months` or `basis_end`), `max_months`.
    RequestedPeriodTooLong => "requested_period_too_long", "residence-requested-period-too-long", Blocking, sources::MAX_THREE_YEARS;
    /// The passport is not valid long enough beyond the period. Args:
    /// `passport_valid_until`, `required_valid_until`, `margin_months`, and
    /// `latest_until` when some shorter period would fit.
    PassportValidityTooShort => "passport_validity_too_short", "residence-passport-validity-too-short", Blocking, sources::PASSPORT_MARGIN;
    /// The basis (studies, contract) ends before the period would start.
    /// Args: `basis_valid_until`, `valid_from`.
    BasisEndedBeforeStart => "basis_ended_before_start", "residence-basis-ended-before-start", Blocking, sources::MAX_THREE_YEARS;
    /// The period was shortened so that the passport stays valid long
    /// enough. Args: `passport_valid_until`, `valid_until`, `margin_months`.
    PeriodShortenedByPassport => "period_shortened_by_passport", "residence-period-shortened-by-passport", Info, sources::PASSPORT_MARGIN;
    /// The basis allows fewer months than the general maximum (talent: 12).
    /// Args: `max_months`.
    PeriodLimitedByBasis => "period_limited_by_basis", "residence-period-limited-by-basis", Info, sources::MAX_THREE_YEARS;
    /// The period ends with the basis (end of studies or of a fixed-term
    /// contract). Args: `basis_valid_until`.
    PeriodLimitedByBasisEnd => "period_limited_by_basis_end", "residence-period-limited-by-basis-end", Info, sources::MAX_THREE_YEARS;
    /// The basis limits the period to its end, but no end date was given.
    /// No args.
    BasisEndNotGiven => "basis_end_not_given", "residence-basis-end-not-given", Info, sources::MAX_THREE_YEARS;
    /// A beli karton (registered address) is needed for a first application
    /// from within Serbia. No args.
    BeliKartonRequired => "beli_karton_required", "residence-beli-karton-required", Info, sources::BELI_KARTON;
    /// A trip comes back before it left (input check of the absence
    /// calculator). Args: `trip` (1-based), `departed`, `returned`.
    TripReturnBeforeDeparture => "trip_return_before_departure", "residence-trip-return-before-departure", Blocking, sources::TRIP_DATES;
    /// A trip comes back after the application date (input check of the
    /// absence calculator). Args: `trip` (1-based), `returned`,
    /// `application_date`.
    TripReturnAfterApplication => "trip_return_after_application", "residence-trip-return-after-application", Blocking, sources::TRIP_DATES;
    /// Total absence in the window exceeds the limit. Args: `total_months`,
    /// `total_days` (the total in months and days, see
    /// [`MonthsDays`](super::MonthsDays)), `total_days_absent` (days),
    /// `limit_months`.
    TotalAbsenceExceedsLimit => "total_absence_exceeds_limit", "residence-total-absence-exceeds-limit", Blocking, sources::ABSENCES;
    /// One absence exceeds the limit. Args: `first_day`, `last_day` (whole
    /// days abroad), `months`, `days` (its length), `days_absent`,
    /// `limit_months`, `latest_return` (the last return day that would have
    /// kept it within the limit).
    SingleAbsenceExceedsLimit => "single_absence_exceeds_limit", "residence-single-absence-exceeds-limit", Blocking, sources::ABSENCES;
    /// No fee tariff applies on the date. Args: `on`.
    FeeTariffMissing => "fee_tariff_missing", "residence-fee-tariff-missing", Blocking, sources::FEES;
    /// Some fee amounts come from unverified sources. Args: `items`
    /// (comma-separated item codes).
    FeeAmountUnverified => "fee_amount_unverified", "residence-fee-amount-unverified", Info, sources::FEES;
}

impl ReasonCode {
    /// The code for a snake_case string, if it is one of [`ReasonCode::ALL`].
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.code() == code)
    }
}

impl Serialize for ReasonCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// The translation (Fluent message) key of a reason code:
/// `residence-` followed by the code with `-` instead of `_`, e.g.
/// `minor_in_person_only` → `residence-minor-in-person-only`.
#[must_use]
pub const fn reason_message_key(code: ReasonCode) -> &'static str {
    code.message_key()
}

/// One reason of a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// The stable code.
    pub code: ReasonCode,
    /// Blocking or informational (always the code's [`ReasonCode::severity`]).
    pub severity: Severity,
    /// The source of the rule or fact behind the decision.
    pub source: Source,
    /// Arguments for the message, as (key, value); dates are ISO 8601.
    pub args: Vec<(String, String)>,
}

impl Reason {
    /// A reason with the code's severity and default source.
    #[must_use]
    pub fn new<K: Into<String>, V: Into<String>>(
        code: ReasonCode,
        args: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        Self {
            code,
            severity: code.severity(),
            source: code.default_source(),
            args: args
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// The same reason with a more precise source.
    #[must_use]
    pub fn with_source(mut self, source: Source) -> Self {
        self.source = source;
        self
    }

    /// Whether this reason refuses the request.
    #[must_use]
    pub fn is_blocking(&self) -> bool {
        self.severity == Severity::Blocking
    }

    /// The value of argument `key`, if present.
    #[must_use]
    pub fn arg(&self, key: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_round_trip() {
        let mut seen = HashSet::new();
        for &code in ReasonCode::ALL {
            let s = code.code();
            assert!(seen.insert(s), "duplicate {s}");
            assert!(
                s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                "{s}"
            );
            assert_eq!(ReasonCode::from_code(s), Some(code));
        }
        assert_eq!(ReasonCode::from_code("nope"), None);
    }

    #[test]
    fn message_keys_follow_the_code() {
        for &code in ReasonCode::ALL {
            assert_eq!(
                reason_message_key(code),
                format!("residence-{}", code.code().replace('_', "-"))
            );
        }
    }

    #[test]
    fn required_codes_exist() {
        for required in [
            "minor_in_person_only",
            "single_permit_online_only",
            "extension_too_early",
            "extension_too_late",
            "passport_validity_too_short",
            "d_visa_required",
            "unknown_basis",
            "current_permit_required",
            "requested_period_too_long",
            "period_shortened_by_passport",
            "beli_karton_required",
            "total_absence_exceeds_limit",
            "single_absence_exceeds_limit",
            "trip_return_before_departure",
            "trip_return_after_application",
            "d_visa_basis_mismatch",
            "extension_counts_when_paid",
        ] {
            assert!(ReasonCode::from_code(required).is_some(), "{required}");
        }
    }

    #[test]
    fn every_code_has_a_source_and_known_document() {
        for &code in ReasonCode::ALL {
            let source = code.default_source();
            assert!(source.is_known(), "{code:?}");
            assert!(!source.passage.is_empty(), "{code:?}");
        }
    }

    #[test]
    fn every_source_names_a_known_section() {
        for source in sources::ALL {
            assert!(source.is_known(), "{source:?}");
            assert_eq!(
                source.document == "project",
                source.section.is_empty(),
                "{source:?}"
            );
            if source.document == "project" {
                assert!(source.reading, "{source:?}");
            }
        }
        assert!(is_known_section("seed-004", "bases"));
        assert!(!is_known_section("seed-004", "absences"));
        assert!(!is_known_section("seed-001", ""));
        for (document, sections) in SOURCE_SECTIONS {
            let mut seen = HashSet::new();
            assert!(sections.iter().all(|s| seen.insert(*s)), "{document}");
        }
    }

    #[test]
    fn reason_serialises_with_codes() {
        let reason = Reason::new(ReasonCode::DVisaRequired, [("citizenship", "KZ")]);
        assert!(reason.is_blocking());
        assert_eq!(reason.arg("citizenship"), Some("KZ"));
        assert_eq!(reason.arg("other"), None);
        let json = serde_json::to_value(&reason).unwrap();
        assert_eq!(json["code"], "d_visa_required");
        assert_eq!(json["severity"], "blocking");
        assert_eq!(json["source"]["document"], "seed-002");
        assert_eq!(json["args"][0][0], "citizenship");
        let info = Reason::new(ReasonCode::BeliKartonRequired, Vec::<(&str, &str)>::new());
        assert_eq!(info.severity.code(), "info");
        assert!(!info.is_blocking());
    }
}
