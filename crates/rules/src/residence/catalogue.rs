//! The catalogue of bases and closer reasons for temporary residence, with
//! the facts that go with each: the permit it leads to, how the request may
//! be submitted, the right to work, the longest validity, the documents to
//! attach — and the rejection grounds and D visa list.
//!
//! Compiled in from `data/residence/catalogue.json` (see
//! `data/residence/README.md`) and parsed once. Every fact carries a
//! [`Source`]: in the file, facts name a passage key and the passage table
//! gives document id and passage; parsing resolves the keys.
//!
//! A **ground** ([`Ground`]) is what an applicant selects: a closer reason
//! (`employment.employment_contract`) or, for a basis that seed-004 does not
//! subdivide, the basis itself (`investor`). Codes are stable snake_case;
//! closer reason codes are `basis.closer_reason`.
//!
//! Names are in English (the official English text of seed-004), Serbian
//! Latin and Cyrillic (administrative terms; the Cyrillic is the exact
//! transliteration of the Latin, checked by a test) and Russian.
//!
//! If the shipped file could not be parsed the catalogue would be empty
//! (every basis unknown); a unit test guarantees that it parses and is
//! complete.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::reasons::Source;
use super::{ApplicationKind, Channel, DataError};
use crate::countries::{self, NameLanguage};

/// The compiled-in catalogue.
const DATA: &str = include_str!("../../data/residence/catalogue.json");

/// The only `schema_version` this code reads.
const SCHEMA_VERSION: u32 = 1;

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| parse(DATA).unwrap_or_default());

/// The compiled-in catalogue.
#[must_use]
pub fn catalogue() -> &'static Catalogue {
    &CATALOGUE
}

/// The ground (closer reason, or basis without closer reasons) with this
/// code in the compiled-in catalogue; surrounding whitespace is ignored.
#[must_use]
pub fn find_ground(code: &str) -> Option<Ground<'static>> {
    catalogue().find(code)
}

/// A name in the four languages of the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Names {
    /// English.
    pub en: &'static str,
    /// Serbian, Latin script.
    #[serde(rename = "sr-Latn")]
    pub sr_latn: &'static str,
    /// Serbian, Cyrillic script (transliteration of [`sr_latn`](Self::sr_latn)).
    #[serde(rename = "sr-Cyrl")]
    pub sr_cyrl: &'static str,
    /// Russian.
    pub ru: &'static str,
}

impl Names {
    /// The name in `lang`.
    #[must_use]
    pub const fn get(&self, lang: NameLanguage) -> &'static str {
        match lang {
            NameLanguage::En => self.en,
            NameLanguage::SrLatn => self.sr_latn,
            NameLanguage::SrCyrl => self.sr_cyrl,
            NameLanguage::Ru => self.ru,
        }
    }
}

/// A fact together with its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Sourced<T> {
    /// The fact.
    pub value: T,
    /// Where it comes from.
    pub source: Source,
}

/// Which permit a ground leads to (seed-004: decided by the closer reason).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PermitKind {
    /// Permit for temporary residence and work — *jedinstvena dozvola*
    /// (`single_permit`).
    SinglePermit,
    /// Temporary residence permit — *dozvola za privremeni boravak*
    /// (`temporary_residence`).
    TemporaryResidence,
}

impl PermitKind {
    /// Stable snake_case code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::SinglePermit => "single_permit",
            Self::TemporaryResidence => "temporary_residence",
        }
    }
}

/// How a request on a ground may be submitted (seed-004).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channels {
    /// Exclusively electronically, on the portal (`online_only`).
    OnlineOnly,
    /// Electronically or in person (`online_or_in_person`).
    OnlineOrInPerson,
}

impl Channels {
    /// Stable snake_case code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::OnlineOnly => "online_only",
            Self::OnlineOrInPerson => "online_or_in_person",
        }
    }

    /// The channels allowed, online first.
    #[must_use]
    pub const fn allowed(self) -> &'static [Channel] {
        match self {
            Self::OnlineOnly => &[Channel::Online],
            Self::OnlineOrInPerson => &[Channel::Online, Channel::InPerson],
        }
    }

    /// Whether `channel` is allowed.
    #[must_use]
    pub fn allows(self, channel: Channel) -> bool {
        self.allowed().contains(&channel)
    }
}

/// The right to work that goes with a permit, exactly as seed-004 puts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RightToWork {
    /// "the right to stay and work in the Republic of Serbia during the
    /// validity period of the issued single permit" (`per_single_permit`).
    PerSinglePermit,
    /// The card notes whether the holder may work, "in accordance with the
    /// basis" of the approved temporary residence (`according_to_basis`).
    AccordingToBasis,
}

impl RightToWork {
    /// Stable snake_case code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::PerSinglePermit => "per_single_permit",
            Self::AccordingToBasis => "according_to_basis",
        }
    }
}

/// When a document has to be attached (the seeds' wording).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentCondition {
    /// Always (`always`).
    Always,
    /// Not when applying from abroad (`not_when_applying_from_abroad`;
    /// beli karton).
    NotWhenApplyingFromAbroad,
    /// Only if the inspector asks for it (`on_inspector_request`).
    OnInspectorRequest,
    /// For married spouses (`married_spouses`).
    MarriedSpouses,
    /// For partners in an extramarital union (`extramarital_union`).
    ExtramaritalUnion,
    /// For reunification with a child (`reunification_with_child`).
    ReunificationWithChild,
    /// For reunification with a parent or another relative
    /// (`other_kinship`).
    OtherKinship,
}

impl DocumentCondition {
    /// Stable snake_case code.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Always => "always",
            Self::NotWhenApplyingFromAbroad => "not_when_applying_from_abroad",
            Self::OnInspectorRequest => "on_inspector_request",
            Self::MarriedSpouses => "married_spouses",
            Self::ExtramaritalUnion => "extramarital_union",
            Self::ReunificationWithChild => "reunification_with_child",
            Self::OtherKinship => "other_kinship",
        }
    }
}

/// A document to attach to a request.
///
/// It is named for a first request, an extension or both, each with its own
/// source: the seeds list documents for first requests; that an extension
/// attaches them again is mostly the project's reading of seed-004 ("The
/// request for the approval/extension of temporary residence consists of the
/// prescribed form with which the prescribed documentation is submitted"),
/// and its [`Source::reading`] says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Document {
    /// Stable snake_case code, e.g. `passport_scan`.
    pub code: &'static str,
    /// Names in four languages.
    pub names: Names,
    /// When it is needed.
    pub condition: DocumentCondition,
    /// Why it is attached to a first request; `None`: not for one.
    pub first: Option<Source>,
    /// Why it is attached to an extension; `None`: not for one.
    pub extension: Option<Source>,
}

impl Document {
    /// Why it is attached to a request of `kind`, or `None` when it is not.
    #[must_use]
    pub const fn source_for(&self, kind: ApplicationKind) -> Option<Source> {
        match kind {
            ApplicationKind::First => self.first,
            ApplicationKind::Extension => self.extension,
        }
    }
}

/// A practical note about a ground (e.g. "the sole proprietorship must be
/// active").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Note {
    /// Stable snake_case code.
    pub code: &'static str,
    /// Texts in four languages.
    pub names: Names,
    /// Where it comes from.
    pub source: Source,
}

/// The facts that go with a ground.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Terms {
    /// The permit the ground leads to.
    pub permit: Sourced<PermitKind>,
    /// How the request may be submitted.
    pub channels: Sourced<Channels>,
    /// The right to work that goes with the permit.
    pub right_to_work: Sourced<RightToWork>,
    /// The longest validity in months (36 unless a seed says less).
    pub max_months: Sourced<u16>,
    /// Whether the permit cannot outlast the basis (end of studies, of a
    /// fixed-term contract): the request's `basis_valid_until` caps it.
    pub limited_by_basis_end: Sourced<bool>,
    /// Basis-specific documents, in addition to the general list (each with
    /// its sources; where the seeds list none for the basis, the document
    /// that shows the basis is the project's reading and its source says so).
    pub documents: Vec<Document>,
    /// Practical notes.
    pub notes: Vec<Note>,
}

/// A closer reason (sub-basis) of a basis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CloserReason {
    /// Stable code `basis.closer_reason`, e.g. `education.studying`.
    pub code: &'static str,
    /// Names in four languages.
    pub names: Names,
    /// Where seed-004 lists it.
    pub source: Source,
    /// Its facts.
    pub terms: Terms,
}

/// A basis of temporary residence.
///
/// Either it has closer reasons (`employment`, `education`,
/// `family_reunification`) or it is selected itself and has [`Terms`];
/// never both (checked when the data is read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Basis {
    /// Stable snake_case code, e.g. `employment`.
    pub code: &'static str,
    /// Names in four languages.
    pub names: Names,
    /// Where seed-004 lists it.
    pub source: Source,
    /// Its closer reasons, in the order of seed-004 (empty if none).
    pub closer_reasons: Vec<CloserReason>,
    /// Its facts, when it has no closer reasons.
    pub terms: Option<Terms>,
}

/// The code of a basis of the compiled-in catalogue (e.g. `employment`),
/// built by [`BasisCode::parse`]; serialises as the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BasisCode(&'static str);

impl BasisCode {
    /// The basis with this code (surrounding whitespace ignored), or `None`
    /// when the catalogue has no such basis (a closer reason's code is not a
    /// basis code).
    #[must_use]
    pub fn parse(code: &str) -> Option<Self> {
        catalogue().basis(code).map(|b| Self(b.code))
    }

    /// The code.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        self.0
    }
}

impl Serialize for BasisCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for BasisCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Self::parse(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown basis {code:?}")))
    }
}

/// What an applicant selects: a closer reason, or a basis without closer
/// reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ground<'a> {
    basis: &'a Basis,
    closer_reason: Option<&'a CloserReason>,
    terms: &'a Terms,
}

impl<'a> Ground<'a> {
    /// The ground's code: the closer reason's, or the basis's.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.closer_reason.map_or(self.basis.code, |c| c.code)
    }

    /// The ground's names: the closer reason's, or the basis's.
    #[must_use]
    pub fn names(&self) -> &'a Names {
        self.closer_reason.map_or(&self.basis.names, |c| &c.names)
    }

    /// The basis.
    #[must_use]
    pub fn basis(&self) -> &'a Basis {
        self.basis
    }

    /// The closer reason, if the basis has closer reasons.
    #[must_use]
    pub fn closer_reason(&self) -> Option<&'a CloserReason> {
        self.closer_reason
    }

    /// The ground's facts.
    #[must_use]
    pub fn terms(&self) -> &'a Terms {
        self.terms
    }
}

/// A source document of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct SourceDocument {
    /// Id used in [`Source::document`], e.g. `seed-004`.
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// Path of the copy the project keeps.
    pub file: &'static str,
    /// Whether it is an official text (seed-004) or a private guide.
    pub official: bool,
}

/// Citizenships that need a D visa before the first application (seed-002).
///
/// The guide says "some countries, such as …": the lists are examples, not
/// exhaustive, and come from a private guide.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DVisaRule {
    /// Upper-case alpha-2 codes that need a D visa first (KZ, UZ, TJ).
    pub required_for: Vec<&'static str>,
    /// Codes the guide names as not needing one (RU, BY, UA, IL).
    pub not_required_for: Vec<&'static str>,
    /// Where it comes from.
    pub source: Source,
}

impl DVisaRule {
    /// Whether the citizenship (any letter case, trimmed) is listed as
    /// needing a D visa.
    #[must_use]
    pub fn requires(&self, citizenship: &str) -> bool {
        let citizenship = citizenship.trim();
        self.required_for
            .iter()
            .any(|c| c.eq_ignore_ascii_case(citizenship))
    }
}

/// To which requests a rejection ground applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectionScope {
    /// Any request, first or extension (`all`).
    All,
    /// Requests for a single permit (`single_permit`).
    SinglePermit,
    /// Extensions of a single permit (`single_permit_extension`).
    SinglePermitExtension,
}

/// A ground on which a request is rejected (seed-004), for the inspector's
/// decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct RejectionGround {
    /// Stable snake_case code.
    pub code: &'static str,
    /// To which requests it applies.
    pub scope: RejectionScope,
    /// Texts in four languages.
    pub names: Names,
    /// Where seed-004 lists it.
    pub source: Source,
}

/// The whole catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Catalogue {
    /// The source documents cited.
    pub source_documents: Vec<SourceDocument>,
    /// The general list of documents for a first application (seed-002),
    /// common to all grounds.
    pub general_documents: Vec<Document>,
    /// The D visa rule.
    pub d_visa: DVisaRule,
    /// Rejection grounds, in the order of seed-004.
    pub rejection_grounds: Vec<RejectionGround>,
    /// Bases, in the order of seed-004.
    pub bases: Vec<Basis>,
}

impl Catalogue {
    /// Every selectable ground, in catalogue order.
    pub fn grounds(&self) -> impl Iterator<Item = Ground<'_>> {
        self.bases.iter().flat_map(|basis| {
            let own = basis.terms.as_ref().map(|terms| Ground {
                basis,
                closer_reason: None,
                terms,
            });
            own.into_iter()
                .chain(basis.closer_reasons.iter().map(move |c| Ground {
                    basis,
                    closer_reason: Some(c),
                    terms: &c.terms,
                }))
        })
    }

    /// The ground with this code (surrounding whitespace ignored).
    #[must_use]
    pub fn find(&self, code: &str) -> Option<Ground<'_>> {
        let code = code.trim();
        self.grounds().find(|g| g.code() == code)
    }

    /// The basis with this code.
    #[must_use]
    pub fn basis(&self, code: &str) -> Option<&Basis> {
        let code = code.trim();
        self.bases.iter().find(|b| b.code == code)
    }
}

/// The documents for a request on `ground`: the general list (seed-002) and
/// the ground's own, those named for `kind` ([`Document::source_for`]).
/// When `applying_from_abroad` is `Some(true)` the beli karton is left out.
/// Documents with other conditions (on request, married spouses, …) are
/// kept; show their [`condition`](Document::condition).
#[must_use]
pub fn documents_for<'a>(
    catalogue: &'a Catalogue,
    ground: &Ground<'a>,
    kind: ApplicationKind,
    applying_from_abroad: Option<bool>,
) -> Vec<&'a Document> {
    catalogue
        .general_documents
        .iter()
        .chain(ground.terms().documents.iter())
        .filter(|d| d.source_for(kind).is_some())
        .filter(|d| {
            !(d.condition == DocumentCondition::NotWhenApplyingFromAbroad
                && applying_from_abroad == Some(true))
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Reading the data file.

/// `{document, section, passage, reading}` in the passage table of each
/// data file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPassage<'a> {
    document: &'a str,
    section: &'a str,
    passage: &'a str,
    #[serde(default)]
    reading: bool,
}

impl RawPassage<'static> {
    /// The source, or an error when the document is not one of `documents`
    /// or the section is not one of the document's ([`SOURCE_SECTIONS`]).
    /// `project` passages are always the project's reading.
    ///
    /// [`SOURCE_SECTIONS`]: super::SOURCE_SECTIONS
    pub(super) fn source(&self, key: &str, documents: &[&str]) -> Result<Source, DataError> {
        if !documents.contains(&self.document) {
            return Err(DataError::new(format!(
                "passage {key:?}: unknown document {:?}",
                self.document
            )));
        }
        if !super::reasons::is_known_section(self.document, self.section) {
            return Err(DataError::new(format!(
                "passage {key:?}: unknown section {:?} of {:?}",
                self.section, self.document
            )));
        }
        Ok(Source {
            document: self.document,
            section: self.section,
            passage: self.passage,
            reading: self.reading || self.document == "project",
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSourceDocument<'a> {
    id: &'a str,
    title: &'a str,
    file: &'a str,
    official: bool,
}

/// Names as read (also used by the fee file).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNames<'a> {
    en: &'a str,
    #[serde(rename = "sr-Latn")]
    sr_latn: &'a str,
    #[serde(rename = "sr-Cyrl")]
    sr_cyrl: &'a str,
    ru: &'a str,
}

impl RawNames<'static> {
    /// The names, or an error naming `what` if one is empty.
    pub(super) fn names(&self, what: &str) -> Result<Names, DataError> {
        let names = Names {
            en: self.en,
            sr_latn: self.sr_latn,
            sr_cyrl: self.sr_cyrl,
            ru: self.ru,
        };
        if NameLanguage::ALL
            .iter()
            .any(|&lang| names.get(lang).trim().is_empty())
        {
            return Err(DataError::new(format!("{what}: empty name")));
        }
        Ok(names)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSourced<'a, T> {
    value: T,
    source: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument<'a> {
    code: &'a str,
    #[serde(borrow)]
    names: RawNames<'a>,
    condition: DocumentCondition,
    #[serde(default)]
    first: Option<&'a str>,
    #[serde(default)]
    extension: Option<&'a str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawNote<'a> {
    code: &'a str,
    #[serde(borrow)]
    names: RawNames<'a>,
    source: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerms<'a> {
    #[serde(borrow)]
    permit: RawSourced<'a, PermitKind>,
    #[serde(borrow)]
    channels: RawSourced<'a, Channels>,
    #[serde(borrow)]
    right_to_work: RawSourced<'a, RightToWork>,
    #[serde(borrow)]
    max_months: RawSourced<'a, u16>,
    #[serde(borrow)]
    limited_by_basis_end: RawSourced<'a, bool>,
    #[serde(borrow)]
    documents: Vec<RawDocument<'a>>,
    #[serde(borrow)]
    notes: Vec<RawNote<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCloserReason<'a> {
    code: &'a str,
    #[serde(borrow)]
    names: RawNames<'a>,
    source: &'a str,
    #[serde(borrow)]
    terms: RawTerms<'a>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBasis<'a> {
    code: &'a str,
    #[serde(borrow)]
    names: RawNames<'a>,
    source: &'a str,
    #[serde(borrow, default)]
    closer_reasons: Vec<RawCloserReason<'a>>,
    #[serde(borrow, default)]
    terms: Option<RawTerms<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDVisa<'a> {
    #[serde(borrow)]
    required_for: Vec<&'a str>,
    #[serde(borrow)]
    not_required_for: Vec<&'a str>,
    source: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRejectionGround<'a> {
    code: &'a str,
    scope: RejectionScope,
    #[serde(borrow)]
    names: RawNames<'a>,
    source: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalogue<'a> {
    schema_version: u32,
    #[serde(borrow)]
    source_documents: Vec<RawSourceDocument<'a>>,
    #[serde(borrow)]
    passages: BTreeMap<&'a str, RawPassage<'a>>,
    #[serde(borrow)]
    general_documents: Vec<RawDocument<'a>>,
    #[serde(borrow)]
    d_visa: RawDVisa<'a>,
    #[serde(borrow)]
    rejection_grounds: Vec<RawRejectionGround<'a>>,
    #[serde(borrow)]
    bases: Vec<RawBasis<'a>>,
}

/// Resolves passage keys and checks codes and names while converting.
struct Reader {
    passages: BTreeMap<&'static str, Source>,
    codes: HashSet<&'static str>,
}

impl Reader {
    fn source(&self, key: &str) -> Result<Source, DataError> {
        self.passages
            .get(key)
            .copied()
            .ok_or_else(|| DataError::new(format!("unknown passage key {key:?}")))
    }

    fn names(raw: &RawNames<'static>, what: &str) -> Result<Names, DataError> {
        raw.names(what)
    }

    fn sourced<T: Copy>(&self, raw: &RawSourced<'static, T>) -> Result<Sourced<T>, DataError> {
        Ok(Sourced {
            value: raw.value,
            source: self.source(raw.source)?,
        })
    }

    /// Checks that `code` is snake_case segments joined by dots and, when
    /// `unique`, that it was not seen before.
    fn code(&mut self, code: &'static str, unique: bool) -> Result<&'static str, DataError> {
        let well_formed = code.split('.').all(|segment| {
            !segment.is_empty()
                && segment.starts_with(|c: char| c.is_ascii_lowercase())
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        });
        if !well_formed {
            return Err(DataError::new(format!("malformed code {code:?}")));
        }
        if unique && !self.codes.insert(code) {
            return Err(DataError::new(format!("duplicate code {code:?}")));
        }
        Ok(code)
    }

    fn document(&mut self, raw: &RawDocument<'static>) -> Result<Document, DataError> {
        let first = raw.first.map(|k| self.source(k)).transpose()?;
        let extension = raw.extension.map(|k| self.source(k)).transpose()?;
        if first.is_none() && extension.is_none() {
            return Err(DataError::new(format!(
                "document {:?}: neither first nor extension",
                raw.code
            )));
        }
        Ok(Document {
            code: self.code(raw.code, false)?,
            names: Self::names(&raw.names, raw.code)?,
            condition: raw.condition,
            first,
            extension,
        })
    }

    fn terms(&mut self, raw: &RawTerms<'static>, ground: &str) -> Result<Terms, DataError> {
        let documents = raw
            .documents
            .iter()
            .map(|d| self.document(d))
            .collect::<Result<Vec<_>, _>>()?;
        let notes = raw
            .notes
            .iter()
            .map(|n| {
                Ok(Note {
                    code: self.code(n.code, false)?,
                    names: Self::names(&n.names, n.code)?,
                    source: self.source(n.source)?,
                })
            })
            .collect::<Result<Vec<_>, DataError>>()?;
        let terms = Terms {
            permit: self.sourced(&raw.permit)?,
            channels: self.sourced(&raw.channels)?,
            right_to_work: self.sourced(&raw.right_to_work)?,
            max_months: self.sourced(&raw.max_months)?,
            limited_by_basis_end: self.sourced(&raw.limited_by_basis_end)?,
            documents,
            notes,
        };
        if terms.max_months.value == 0 {
            return Err(DataError::new(format!("{ground}: max_months is 0")));
        }
        Ok(terms)
    }
}

/// Parses and checks the catalogue file.
fn parse(data: &'static str) -> Result<Catalogue, DataError> {
    let raw: RawCatalogue<'static> = serde_json::from_str(data)?;
    if raw.schema_version != SCHEMA_VERSION {
        return Err(DataError::new(format!(
            "schema_version {} is not {SCHEMA_VERSION}",
            raw.schema_version
        )));
    }
    let source_documents: Vec<SourceDocument> = raw
        .source_documents
        .iter()
        .map(|d| SourceDocument {
            id: d.id,
            title: d.title,
            file: d.file,
            official: d.official,
        })
        .collect();
    let document_ids: Vec<&'static str> = source_documents.iter().map(|d| d.id).collect();
    let mut passages = BTreeMap::new();
    for (&key, passage) in &raw.passages {
        passages.insert(key, passage.source(key, &document_ids)?);
    }
    let mut reader = Reader {
        passages,
        codes: HashSet::new(),
    };

    let general_documents = raw
        .general_documents
        .iter()
        .map(|d| reader.document(d))
        .collect::<Result<Vec<_>, _>>()?;

    for code in raw
        .d_visa
        .required_for
        .iter()
        .chain(&raw.d_visa.not_required_for)
    {
        if countries::find(code).is_none_or(|c| c.code != *code) {
            return Err(DataError::new(format!("d_visa: unknown country {code:?}")));
        }
    }
    let d_visa = DVisaRule {
        required_for: raw.d_visa.required_for.clone(),
        not_required_for: raw.d_visa.not_required_for.clone(),
        source: reader.source(raw.d_visa.source)?,
    };

    let mut rejection_codes = HashSet::new();
    let rejection_grounds = raw
        .rejection_grounds
        .iter()
        .map(|r| {
            if !rejection_codes.insert(r.code) {
                return Err(DataError::new(format!("duplicate rejection {:?}", r.code)));
            }
            Ok(RejectionGround {
                code: reader.code(r.code, false)?,
                scope: r.scope,
                names: Reader::names(&r.names, r.code)?,
                source: reader.source(r.source)?,
            })
        })
        .collect::<Result<Vec<_>, DataError>>()?;

    let mut bases = Vec::with_capacity(raw.bases.len());
    for b in &raw.bases {
        let code = reader.code(b.code, true)?;
        if code.contains('.') {
            return Err(DataError::new(format!(
                "basis code {code:?} contains a dot"
            )));
        }
        let terms = match (&b.terms, b.closer_reasons.is_empty()) {
            (Some(t), true) => Some(reader.terms(t, code)?),
            (None, false) => None,
            _ => {
                return Err(DataError::new(format!(
                    "basis {code:?}: needs either closer_reasons or terms"
                )));
            }
        };
        let mut closer_reasons = Vec::with_capacity(b.closer_reasons.len());
        for c in &b.closer_reasons {
            let c_code = reader.code(c.code, true)?;
            if c_code
                .strip_prefix(code)
                .and_then(|r| r.strip_prefix('.'))
                .is_none()
            {
                return Err(DataError::new(format!(
                    "closer reason {c_code:?} is not under {code:?}"
                )));
            }
            closer_reasons.push(CloserReason {
                code: c_code,
                names: Reader::names(&c.names, c_code)?,
                source: reader.source(c.source)?,
                terms: reader.terms(&c.terms, c_code)?,
            });
        }
        bases.push(Basis {
            code,
            names: Reader::names(&b.names, code)?,
            source: reader.source(b.source)?,
            closer_reasons,
            terms,
        });
    }

    Ok(Catalogue {
        source_documents,
        general_documents,
        d_visa,
        rejection_grounds,
        bases,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) use crate::text::latin_to_cyrillic as to_cyrillic;

    /// Every ground code of seed-004, in its order.
    const SEED_004_GROUNDS: [&str; 31] = [
        "employment.employment_contract",
        "employment.referred_person",
        "employment.intra_company_transfer",
        "employment.independent_professional",
        "employment.training_and_development",
        "employment.self_employment",
        "employment.accredited_foreign_journalist",
        "employment.project_with_state_authorities",
        "employment.volunteering",
        "employment.audiovisual_production",
        "education.studying",
        "education.schooling",
        "education.serbian_language",
        "education.student_exchange",
        "education.pupil_exchange",
        "education.scientific_research",
        "education.other_scientific_educational",
        "investor",
        "serbian_origin",
        "startup",
        "talent",
        "property_owner",
        "family_reunification.marriage_rs_citizen",
        "family_reunification.marriage_foreigner_temporary_residence",
        "family_reunification.marriage_foreigner_permanent_residence",
        "family_reunification.kinship_rs_citizen",
        "family_reunification.kinship_foreigner_temporary_residence",
        "family_reunification.kinship_foreigner_permanent_residence",
        "independent_stay",
        "religious_service",
        "medical_treatment",
    ];

    /// The six closer reasons of seed-004's first list (single permit).
    const SINGLE_PERMIT: [&str; 6] = [
        "employment.employment_contract",
        "employment.referred_person",
        "employment.intra_company_transfer",
        "employment.independent_professional",
        "employment.training_and_development",
        "employment.self_employment",
    ];

    #[test]
    fn shipped_catalogue_parses() {
        let parsed = parse(DATA);
        assert!(parsed.is_ok(), "{parsed:?}");
        assert_eq!(parsed.ok().as_ref(), Some(catalogue()));
    }

    #[test]
    fn every_seed_004_ground_is_there_in_order() {
        let codes: Vec<&str> = catalogue().grounds().map(|g| g.code()).collect();
        assert_eq!(codes, SEED_004_GROUNDS);
        let bases: Vec<&str> = catalogue().bases.iter().map(|b| b.code).collect();
        assert_eq!(
            bases,
            [
                "employment",
                "education",
                "investor",
                "serbian_origin",
                "startup",
                "talent",
                "property_owner",
                "family_reunification",
                "independent_stay",
                "religious_service",
                "medical_treatment"
            ]
        );
    }

    #[test]
    fn permits_channels_and_right_to_work_follow_seed_004() {
        for ground in catalogue().grounds() {
            let t = ground.terms();
            let single = SINGLE_PERMIT.contains(&ground.code());
            if single {
                assert_eq!(
                    t.permit.value,
                    PermitKind::SinglePermit,
                    "{}",
                    ground.code()
                );
                assert_eq!(t.channels.value, Channels::OnlineOnly);
                assert_eq!(t.right_to_work.value, RightToWork::PerSinglePermit);
            } else {
                assert_eq!(
                    t.permit.value,
                    PermitKind::TemporaryResidence,
                    "{}",
                    ground.code()
                );
                assert_eq!(t.channels.value, Channels::OnlineOrInPerson);
                assert_eq!(t.right_to_work.value, RightToWork::AccordingToBasis);
            }
            assert_eq!(t.permit.source.document, "seed-004");
            assert_eq!(t.channels.source.document, "seed-004");
            assert_eq!(t.right_to_work.source.document, "seed-004");
        }
    }

    #[test]
    fn durations_follow_the_seeds() {
        for ground in catalogue().grounds() {
            let t = ground.terms();
            let (months, limited) = match ground.code() {
                // seed-002: "on the grounds of talent, it is for one year".
                "talent" => (12, false),
                // seed-002: "for the duration of the studies".
                "education.studying" => (36, true),
                // seed-002: 3 years for an indefinite contract; fixed-term ends with it.
                "employment.employment_contract" => (36, true),
                _ => (36, false),
            };
            assert_eq!(t.max_months.value, months, "{}", ground.code());
            assert_eq!(t.limited_by_basis_end.value, limited, "{}", ground.code());
        }
        let talent = find_ground("talent").unwrap();
        assert_eq!(talent.terms().max_months.source.document, "seed-002");
        let investor = find_ground("investor").unwrap();
        assert_eq!(investor.terms().max_months.source.document, "seed-004");
    }

    #[test]
    fn general_documents_and_their_sources() {
        let general: Vec<&str> = catalogue()
            .general_documents
            .iter()
            .map(|d| d.code)
            .collect();
        assert_eq!(
            general,
            [
                "fee_payment_proof",
                "photograph",
                "passport_scan",
                "proof_of_financial_means",
                "beli_karton",
                "birth_certificate_translation"
            ]
        );
        for d in &catalogue().general_documents {
            // seed-002's general list is for first applications.
            let first = d.first.unwrap();
            assert_eq!(first.document, "seed-002", "{}", d.code);
            assert!(!first.reading, "{}", d.code);
            // seed-002: "When renewing a residence permit, a beli karton is
            // not needed"; the inspector's request is a first-application
            // note. The others go with an extension too, on the project's
            // reading of seed-004.
            match d.code {
                "beli_karton" | "birth_certificate_translation" => {
                    assert_eq!(d.extension, None, "{}", d.code);
                }
                _ => {
                    let ext = d.extension.unwrap();
                    assert_eq!(ext.document, "seed-004", "{}", d.code);
                    assert!(ext.reading, "{}", d.code);
                }
            }
        }
    }

    /// Every ground has a document that shows its basis, for a first
    /// request and for an extension; where the seeds list none, the document
    /// is marked as the project's reading.
    #[test]
    fn every_ground_has_a_document_that_fits_it() {
        let contract_grounds = [
            ("employment.employment_contract", "employment_contract"),
            ("employment.referred_person", "referral_documents"),
            (
                "employment.intra_company_transfer",
                "intra_company_transfer_act",
            ),
            ("employment.independent_professional", "service_contract"),
            ("employment.training_and_development", "training_contract"),
            ("employment.self_employment", "business_activity_proof"),
            (
                "employment.accredited_foreign_journalist",
                "journalist_accreditation",
            ),
            ("employment.volunteering", "volunteering_contract"),
            ("employment.audiovisual_production", "audiovisual_contract"),
            ("education.studying", "enrolment_certificate"),
            ("education.schooling", "school_enrolment_certificate"),
            ("property_owner", "property_ownership_proof"),
            ("talent", "talent_proof"),
        ];
        for (ground, document) in contract_grounds {
            let g = find_ground(ground).unwrap();
            assert!(
                g.terms().documents.iter().any(|d| d.code == document),
                "{ground} lacks {document}"
            );
        }
        for g in catalogue().grounds() {
            let own = &g.terms().documents;
            for kind in [ApplicationKind::First, ApplicationKind::Extension] {
                assert!(
                    own.iter().any(|d| d.source_for(kind).is_some()),
                    "{} has no document of its own for {kind:?}",
                    g.code()
                );
            }
            let listed_by_the_guide = g.code() == "employment.self_employment"
                || g.basis().code == "family_reunification";
            for d in own {
                for source in [d.first, d.extension].into_iter().flatten() {
                    assert!(source.is_known(), "{}", d.code);
                    if !listed_by_the_guide {
                        assert!(source.reading, "{}: {}", g.code(), d.code);
                    }
                }
            }
        }
        // No employment contract outside employment; no enrolment outside
        // education.
        for g in catalogue().grounds() {
            let codes: Vec<&str> = g.terms().documents.iter().map(|d| d.code).collect();
            if g.basis().code != "employment" {
                assert!(!codes.contains(&"employment_contract"), "{}", g.code());
            }
            if g.basis().code != "education" {
                assert!(!codes.contains(&"enrolment_certificate"), "{}", g.code());
            }
        }
    }

    /// seed-002 lists different documents for married spouses and for an
    /// extramarital union; a Serbian citizen has no residence permit, and a
    /// family member with permanent residence has a permanent one.
    #[test]
    fn family_documents_fit_the_relationship() {
        let codes = |ground: &str| -> Vec<(&'static str, DocumentCondition)> {
            find_ground(ground)
                .unwrap()
                .terms()
                .documents
                .iter()
                .map(|d| (d.code, d.condition))
                .collect()
        };
        for ground in [
            "family_reunification.marriage_rs_citizen",
            "family_reunification.marriage_foreigner_temporary_residence",
            "family_reunification.marriage_foreigner_permanent_residence",
        ] {
            let docs = codes(ground);
            assert!(docs.contains(&(
                "marriage_certificate_translation",
                DocumentCondition::MarriedSpouses
            )));
            assert!(docs.contains(&(
                "not_married_certificates",
                DocumentCondition::ExtramaritalUnion
            )));
            assert!(docs.contains(&(
                "two_witnesses_statement",
                DocumentCondition::ExtramaritalUnion
            )));
            assert!(
                !docs
                    .iter()
                    .any(|(c, _)| *c == "child_birth_certificate_translation")
            );
        }
        for ground in [
            "family_reunification.kinship_rs_citizen",
            "family_reunification.kinship_foreigner_temporary_residence",
            "family_reunification.kinship_foreigner_permanent_residence",
        ] {
            let docs = codes(ground);
            assert!(docs.contains(&(
                "child_birth_certificate_translation",
                DocumentCondition::ReunificationWithChild
            )));
            assert!(docs.contains(&("kinship_proof", DocumentCondition::OtherKinship)));
            assert!(!docs.iter().any(|(c, _)| c.starts_with("marriage")));
        }
        for (ground, id) in [
            (
                "family_reunification.marriage_rs_citizen",
                "family_member_serbian_id",
            ),
            (
                "family_reunification.kinship_rs_citizen",
                "family_member_serbian_id",
            ),
            (
                "family_reunification.marriage_foreigner_temporary_residence",
                "main_applicant_passport_and_permit",
            ),
            (
                "family_reunification.kinship_foreigner_temporary_residence",
                "main_applicant_passport_and_permit",
            ),
            (
                "family_reunification.marriage_foreigner_permanent_residence",
                "family_member_permanent_residence",
            ),
            (
                "family_reunification.kinship_foreigner_permanent_residence",
                "family_member_permanent_residence",
            ),
        ] {
            let docs = codes(ground);
            assert!(docs.iter().any(|(c, _)| *c == id), "{ground}");
            let others = [
                "family_member_serbian_id",
                "main_applicant_passport_and_permit",
                "family_member_permanent_residence",
            ];
            assert_eq!(
                docs.iter().filter(|(c, _)| others.contains(c)).count(),
                1,
                "{ground}"
            );
            // "after or simultaneously with the main applicant's submission"
            // only where the family member applies for temporary residence.
            let notes: Vec<&str> = find_ground(ground)
                .unwrap()
                .terms()
                .notes
                .iter()
                .map(|n| n.code)
                .collect();
            assert_eq!(
                notes.contains(&"after_or_with_main_applicant"),
                ground.ends_with("_temporary_residence"),
                "{ground}"
            );
        }
    }

    #[test]
    fn documents_for_a_request() {
        let c = catalogue();
        let studying = find_ground("education.studying").unwrap();
        let codes = |docs: Vec<&Document>| docs.iter().map(|d| d.code).collect::<Vec<_>>();
        let here = codes(documents_for(c, &studying, ApplicationKind::First, None));
        assert!(here.contains(&"beli_karton"));
        assert!(here.contains(&"enrolment_certificate"));
        assert_eq!(here.len(), 7);
        let abroad = codes(documents_for(
            c,
            &studying,
            ApplicationKind::First,
            Some(true),
        ));
        assert!(!abroad.contains(&"beli_karton"));
        assert_eq!(abroad.len(), 6);
        assert_eq!(
            codes(documents_for(
                c,
                &studying,
                ApplicationKind::Extension,
                None
            )),
            [
                "fee_payment_proof",
                "photograph",
                "passport_scan",
                "proof_of_financial_means",
                "enrolment_certificate"
            ]
        );

        let ip = find_ground("employment.self_employment").unwrap();
        let ext = documents_for(c, &ip, ApplicationKind::Extension, None);
        assert_eq!(
            codes(ext.clone()),
            [
                "fee_payment_proof",
                "photograph",
                "passport_scan",
                "proof_of_financial_means",
                "business_activity_proof",
                "account_turnover_6_months"
            ]
        );
        // seed-002 names the turnover for the renewal itself.
        let turnover = ext[5].source_for(ApplicationKind::Extension).unwrap();
        assert_eq!(turnover.document, "seed-002");
        assert!(!turnover.reading);
        assert_eq!(ext[5].source_for(ApplicationKind::First), None);
        let first = codes(documents_for(c, &ip, ApplicationKind::First, Some(false)));
        assert!(first.contains(&"business_activity_proof"));
        assert!(first.contains(&"beli_karton"));
        assert!(!first.contains(&"account_turnover_6_months"));

        let spouse = find_ground("family_reunification.marriage_rs_citizen").unwrap();
        let docs = codes(documents_for(c, &spouse, ApplicationKind::First, None));
        assert!(docs.contains(&"marriage_certificate_translation"));
        assert!(docs.contains(&"two_witnesses_statement"));
        assert!(!docs.contains(&"child_birth_certificate_translation"));
        let child = find_ground("family_reunification.kinship_rs_citizen").unwrap();
        let docs = codes(documents_for(c, &child, ApplicationKind::First, None));
        assert!(docs.contains(&"child_birth_certificate_translation"));
        assert!(!docs.contains(&"marriage_certificate_translation"));
        let docs = codes(documents_for(c, &child, ApplicationKind::Extension, None));
        assert!(docs.contains(&"family_member_serbian_id"));
        assert!(!docs.contains(&"beli_karton"));
    }

    #[test]
    fn cyrillic_is_the_transliteration_of_latin() {
        let c = catalogue();
        let mut all: Vec<&Names> = Vec::new();
        for b in &c.bases {
            all.push(&b.names);
            for cr in &b.closer_reasons {
                all.push(&cr.names);
            }
        }
        for g in c.grounds() {
            all.extend(g.terms().documents.iter().map(|d| &d.names));
            all.extend(g.terms().notes.iter().map(|n| &n.names));
        }
        all.extend(c.general_documents.iter().map(|d| &d.names));
        all.extend(c.rejection_grounds.iter().map(|r| &r.names));
        assert!(all.len() > 60);
        for names in all {
            assert_eq!(names.sr_cyrl, to_cyrillic(names.sr_latn), "{}", names.en);
            assert!(
                !names.sr_cyrl.chars().any(|ch| ch.is_ascii_lowercase()),
                "{}",
                names.sr_cyrl
            );
        }
        assert_eq!(to_cyrillic("Spajanje porodice"), "Спајање породице");
        assert_eq!(to_cyrillic("Džep, LJUBAV, Njiva"), "Џеп, ЉУБАВ, Њива");
    }

    #[test]
    fn names_by_language() {
        let g = find_ground("education.studying").unwrap();
        assert_eq!(g.names().get(NameLanguage::En), "Studying");
        assert_eq!(g.names().get(NameLanguage::SrLatn), "Studiranje");
        assert_eq!(g.names().get(NameLanguage::SrCyrl), "Студирање");
        assert!(!g.names().get(NameLanguage::Ru).is_empty());
        assert_eq!(g.basis().code, "education");
        assert!(g.closer_reason().is_some());
        let i = find_ground(" investor ").unwrap();
        assert!(i.closer_reason().is_none());
        assert_eq!(i.names().en, "Investor");
        assert!(find_ground("employment").is_none());
        assert!(find_ground("nope").is_none());
        assert!(catalogue().basis("employment").is_some());
    }

    #[test]
    fn basis_codes_parse_from_the_catalogue() {
        assert_eq!(
            BasisCode::parse(" employment ").unwrap().as_str(),
            "employment"
        );
        assert_eq!(BasisCode::parse("talent").unwrap().as_str(), "talent");
        assert!(BasisCode::parse("employment.employment_contract").is_none());
        assert!(BasisCode::parse("").is_none());
        let b: BasisCode = serde_json::from_str("\"education\"").unwrap();
        assert_eq!(serde_json::to_string(&b).unwrap(), "\"education\"");
        assert!(serde_json::from_str::<BasisCode>("\"nope\"").is_err());
    }

    #[test]
    fn d_visa_and_rejections() {
        let c = catalogue();
        assert_eq!(c.d_visa.required_for, ["KZ", "UZ", "TJ"]);
        assert_eq!(c.d_visa.not_required_for, ["RU", "BY", "UA", "IL"]);
        assert_eq!(c.d_visa.source.document, "seed-002");
        assert!(c.d_visa.requires("kz "));
        assert!(!c.d_visa.requires("RU"));
        assert_eq!(c.rejection_grounds.len(), 11);
        assert_eq!(c.rejection_grounds[0].code, "passport_validity_too_short");
        assert!(
            c.rejection_grounds
                .iter()
                .all(|r| r.source.document == "seed-004")
        );
        assert_eq!(c.source_documents.len(), 3);
        assert!(
            c.source_documents
                .iter()
                .any(|d| d.id == "seed-004" && d.official)
        );
    }

    #[test]
    fn every_fact_has_a_source_passage() {
        for g in catalogue().grounds() {
            let t = g.terms();
            for s in [
                t.permit.source,
                t.channels.source,
                t.right_to_work.source,
                t.max_months.source,
                t.limited_by_basis_end.source,
            ] {
                assert!(s.document.starts_with("seed-"), "{}", g.code());
                assert!(!s.passage.is_empty());
            }
        }
    }

    #[test]
    fn bad_data_is_rejected() {
        assert!(parse("{").is_err());
        assert!(
            parse(
                DATA.replacen("\"schema_version\": 1", "\"schema_version\": 2", 1)
                    .leak()
            )
            .is_err()
        );
        let unknown_passage = DATA.replacen(
            "\"source\": \"s004.single_permit_list\"",
            "\"source\": \"nope\"",
            1,
        );
        assert!(parse(unknown_passage.leak()).is_err());
        let bad_code = DATA.replacen("\"code\": \"investor\"", "\"code\": \"Investor\"", 1);
        assert!(parse(bad_code.leak()).is_err());
        let dup = DATA.replacen("\"code\": \"startup\"", "\"code\": \"investor\"", 1);
        assert!(parse(dup.leak()).is_err());
        let bad_country = DATA.replacen("\"KZ\"", "\"QQ\"", 1);
        assert!(parse(bad_country.leak()).is_err());
        let bad_section = DATA.replacen("\"section\": \"bases\"", "\"section\": \"nope\"", 1);
        assert!(parse(bad_section.leak()).is_err());
        let wrong_document = DATA.replacen(
            "\"section\": \"bases\"",
            "\"section\": \"general_documents\"",
            1,
        );
        assert!(parse(wrong_document.leak()).is_err());
        let for_nothing = DATA.replacen(
            "\"first\": \"s002.birth_certificate_on_request\"",
            "\"first\": null",
            1,
        );
        assert!(parse(for_nothing.leak()).is_err());
    }

    #[test]
    fn enum_codes_are_stable() {
        assert_eq!(PermitKind::SinglePermit.code(), "single_permit");
        assert_eq!(PermitKind::TemporaryResidence.code(), "temporary_residence");
        assert_eq!(Channels::OnlineOnly.code(), "online_only");
        assert_eq!(Channels::OnlineOrInPerson.code(), "online_or_in_person");
        assert!(!Channels::OnlineOnly.allows(Channel::InPerson));
        assert!(Channels::OnlineOrInPerson.allows(Channel::InPerson));
        assert_eq!(RightToWork::PerSinglePermit.code(), "per_single_permit");
        assert_eq!(RightToWork::AccordingToBasis.code(), "according_to_basis");
        assert_eq!(
            DocumentCondition::NotWhenApplyingFromAbroad.code(),
            "not_when_applying_from_abroad"
        );
        let json = serde_json::to_value(find_ground("talent").unwrap().terms()).unwrap();
        assert_eq!(json["permit"]["value"], "temporary_residence");
        assert_eq!(json["max_months"]["value"], 12);
        assert_eq!(json["documents"][0]["code"], "talent_proof");
        assert_eq!(json["documents"][0]["first"]["reading"], true);
        assert_eq!(DocumentCondition::OtherKinship.code(), "other_kinship");
    }
}
