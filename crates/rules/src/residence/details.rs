//! Step 4 of the application, "Details of reasons": the fields asked for
//! each ground (closer reason, or basis without closer reasons) and their
//! check.
//!
//! Compiled in from `data/residence/details.json` (see
//! `data/residence/README.md`) and parsed once. The file defines every field
//! once — key, [`DetailKind`], options, length — and named field sets that
//! say which fields a ground asks, in which order and how they are
//! [`Required`]; every set cites its [`Source`]. Every ground ends with the
//! optional free-text `explanation`; an unknown ground asks only that.
//!
//! Field keys are snake_case and mean the same in every ground, so the web
//! layer can translate `field-<key>` and `hint-<key>` (with `-` for `_`) and
//! `<key>-<option>` for choice options once ([`all_field_keys`],
//! [`all_choice_options`]). Two refinements per ground are allowed: a ground
//! may offer only some of a choice's options (marriage: `spouse`,
//! `partner`), and `family_member_id` is a JMBG for a family member who is a
//! Serbian citizen and an EBS for a foreigner.
//!
//! [`check_details`] normalises the answers (trimmed; identifiers as their
//! canonical digits; line breaks of a textarea as `\n`) and reports every
//! problem at once with a stable code, reusing the codes the web layer
//! already translates:
//!
//! | code | when | args |
//! |---|---|---|
//! | `required` | a required field is empty | |
//! | `too_long` | text longer than its `max_len` characters | `max` |
//! | `date_invalid` | not a real date written `YYYY-MM-DD` | |
//! | `date_not_future` | a date that must be after today is not (new) | |
//! | `choose_one` | not one of the ground's options | |
//! | identifier codes | [`IdentifierError::code`]: `wrong_length`, `not_digits`, `invalid_date`, `invalid_check_digit`, `ebs_wrong_register`, … | `expected`, `found` (wrong length); `found` (register, two digits) |
//!
//! A field required only when another field has a value
//! ([`Required::When`]) is asked only then: otherwise its value is dropped
//! unchecked (the end of an indefinite contract means nothing).
//!
//! The end of the basis — the end of a fixed-term contract, of studies, of
//! medical treatment, of a project — comes back as
//! [`DetailsAnswer::basis_valid_until`], for the eligibility check's
//! `basis_valid_until`.
//!
//! If the shipped file could not be parsed every ground would ask nothing; a
//! unit test guarantees that it parses and covers every ground of the
//! catalogue.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::DataError;
use super::catalogue::find_ground;
use super::reasons::Source;
use crate::identifiers::{Ebs, IdentifierError, Jmbg, Mb, Pib};

/// The compiled-in field definitions.
const DATA: &str = include_str!("../../data/residence/details.json");

/// The only `schema_version` this code reads.
const SCHEMA_VERSION: u32 = 1;

/// Default maximum length of a `text` field, in characters.
pub const TEXT_MAX_LEN: usize = 200;

/// Maximum length of a `textarea` field, in characters.
pub const TEXTAREA_MAX_LEN: usize = 2000;

static DETAILS: LazyLock<Details> = LazyLock::new(|| parse(DATA).unwrap_or_default());

/// What kind of value a field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DetailKind {
    /// One line of text, at most [`TEXT_MAX_LEN`] characters unless the
    /// field says less (`text`).
    Text,
    /// Free text over several lines, at most [`TEXTAREA_MAX_LEN`]
    /// characters (`textarea`).
    Textarea,
    /// A calendar date written `YYYY-MM-DD` (`date`).
    Date,
    /// A tax identification number, [`Pib`] (`pib`).
    Pib,
    /// A company registration number, [`Mb`] (`mb`).
    Mb,
    /// A Serbian citizen's personal number, [`Jmbg`] (`jmbg`).
    Jmbg,
    /// A foreigner's registration number, [`Ebs`] (`ebs`).
    Ebs,
    /// One of the field's options (`choice`).
    Choice,
}

impl DetailKind {
    /// Stable snake_case code, e.g. `textarea`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Textarea => "textarea",
            Self::Date => "date",
            Self::Pib => "pib",
            Self::Mb => "mb",
            Self::Jmbg => "jmbg",
            Self::Ebs => "ebs",
            Self::Choice => "choice",
        }
    }

    /// The longest value accepted, in characters: the digits of an
    /// identifier, 10 for a date, the longest option of a choice.
    const fn default_max_len(self) -> usize {
        match self {
            Self::Text => TEXT_MAX_LEN,
            Self::Textarea => TEXTAREA_MAX_LEN,
            Self::Date => 10,
            Self::Pib => 9,
            Self::Mb => 8,
            Self::Jmbg | Self::Ebs => 13,
            // Replaced by the longest option when read.
            Self::Choice => 0,
        }
    }

    /// Whether the kind is a personal number (JMBG or EBS).
    const fn is_personal_number(self) -> bool {
        matches!(self, Self::Jmbg | Self::Ebs)
    }
}

/// Whether a field must be filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Required {
    /// Always (`always`).
    Always,
    /// Never; an empty field is left out of the answer (`optional`).
    Optional,
    /// When the choice field `field` has the option `equals`; otherwise the
    /// field is not asked and its value is dropped (`when`).
    When {
        /// Key of a choice field asked before this one in the same ground.
        field: &'static str,
        /// The option that makes this field required.
        equals: &'static str,
    },
}

/// A field of step 4 for a ground.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DetailField {
    /// Stable snake_case key, the same in every ground, e.g. `employer_pib`.
    pub key: &'static str,
    /// The kind of value.
    pub kind: DetailKind,
    /// The options a `choice` field offers for this ground, in display
    /// order (empty for other kinds). Values are snake_case.
    pub options: Vec<&'static str>,
    /// Whether it must be filled in.
    pub required: Required,
    /// The longest value accepted, in characters (for the form's
    /// `maxlength`); only text and textarea report `too_long`, identifiers
    /// and dates have their own errors.
    pub max_len: usize,
    /// For dates: whether the date must be after today.
    pub after_today: bool,
    /// For dates: whether the date is the end of the basis (contract,
    /// studies, treatment, project), returned as
    /// [`DetailsAnswer::basis_valid_until`].
    pub basis_end: bool,
    /// Why the ground asks it.
    pub source: Source,
}

/// The checked answers of step 4.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct DetailsAnswer {
    /// The ground's fields that were filled in, normalised: trimmed,
    /// identifiers as their canonical digits, textarea line breaks as `\n`.
    /// Fields not asked, or not asked for the ground, are left out.
    pub values: BTreeMap<String, String>,
    /// The end of the basis (a fixed-term contract's end, the end of
    /// studies or treatment, a project's end), for the eligibility check's
    /// `basis_valid_until`.
    pub basis_valid_until: Option<Date>,
}

/// A problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct DetailProblem {
    /// The field's key.
    pub field: String,
    /// Stable snake_case code (see the module documentation); the web layer
    /// translates `error-<code>` with `-` for `_`.
    pub code: String,
    /// Arguments for the message, e.g. `("max", "200")`.
    pub args: Vec<(String, String)>,
}

impl DetailProblem {
    /// A problem without arguments.
    fn new(field: &str, code: &str) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
            args: Vec::new(),
        }
    }

    /// A problem from an identifier error, with the same arguments the web
    /// layer passes for identifiers elsewhere.
    fn identifier(field: &str, e: IdentifierError) -> Self {
        let args = match e {
            IdentifierError::WrongLength { expected, found } => vec![
                ("expected".to_owned(), expected.to_string()),
                ("found".to_owned(), found.to_string()),
            ],
            IdentifierError::EbsWrongRegister { found } => {
                vec![("found".to_owned(), format!("{found:02}"))]
            }
            IdentifierError::ReferenceTooLong { max } => {
                vec![("max".to_owned(), max.to_string())]
            }
            _ => Vec::new(),
        };
        Self {
            field: field.to_owned(),
            code: e.code().to_owned(),
            args,
        }
    }
}

/// The fields step 4 asks for a ground (closer reason code such as
/// `employment.employment_contract`, or basis code such as `investor`;
/// surrounding whitespace ignored), in display order, `explanation` last.
/// An unknown ground asks only `explanation`.
#[must_use]
pub fn details_for(ground_code: &str) -> &'static [DetailField] {
    let details: &'static Details = &DETAILS;
    details
        .grounds
        .get(ground_code.trim())
        .unwrap_or(&details.fallback)
}

/// Every field key that any ground asks, sorted (for translation checks).
pub fn all_field_keys() -> impl Iterator<Item = &'static str> {
    let details: &'static Details = &DETAILS;
    details.keys.iter().copied()
}

/// Every `(key, option)` of the choice fields, sorted by key, options in
/// their display order (for translation checks: `<key>-<option>`).
pub fn all_choice_options() -> impl Iterator<Item = (&'static str, &'static str)> {
    let details: &'static Details = &DETAILS;
    details.options.iter().copied()
}

/// Checks the answers of step 4 for a ground (see the module
/// documentation). Keys that are not fields of the ground are ignored.
///
/// # Errors
/// Every problem found, in field order.
pub fn check_details(
    ground_code: &str,
    input: &BTreeMap<String, String>,
    today: Date,
) -> Result<DetailsAnswer, Vec<DetailProblem>> {
    let mut answer = DetailsAnswer::default();
    let mut problems = Vec::new();
    for field in details_for(ground_code) {
        let asked = match field.required {
            Required::When {
                field: other,
                equals,
            } => input.get(other).map(|v| v.trim()) == Some(equals),
            Required::Always | Required::Optional => true,
        };
        if !asked {
            continue;
        }
        let raw = input.get(field.key).map_or("", |v| v.trim());
        if raw.is_empty() {
            if field.required != Required::Optional {
                problems.push(DetailProblem::new(field.key, "required"));
            }
            continue;
        }
        match check_value(field, raw, today) {
            Ok((value, date)) => {
                if field.basis_end {
                    answer.basis_valid_until = date;
                }
                answer.values.insert(field.key.to_owned(), value);
            }
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(answer)
    } else {
        Err(problems)
    }
}

/// Checks one non-empty, trimmed value; returns it normalised, and the date
/// for a date field.
fn check_value(
    field: &DetailField,
    value: &str,
    today: Date,
) -> Result<(String, Option<Date>), DetailProblem> {
    let key = field.key;
    let too_long = |text: &str| {
        (text.chars().count() > field.max_len).then(|| DetailProblem {
            field: key.to_owned(),
            code: "too_long".to_owned(),
            args: vec![("max".to_owned(), field.max_len.to_string())],
        })
    };
    let identifier = |e| DetailProblem::identifier(key, e);
    let normalised = match field.kind {
        DetailKind::Text => value.to_owned(),
        DetailKind::Textarea => value.replace("\r\n", "\n").replace('\r', "\n"),
        DetailKind::Date => {
            let date =
                parse_iso_date(value).ok_or_else(|| DetailProblem::new(key, "date_invalid"))?;
            if field.after_today && date <= today {
                return Err(DetailProblem::new(key, "date_not_future"));
            }
            return Ok((value.to_owned(), Some(date)));
        }
        DetailKind::Pib => Pib::parse(value).map_err(identifier)?.as_str().to_owned(),
        DetailKind::Mb => Mb::parse(value).map_err(identifier)?.as_str().to_owned(),
        DetailKind::Jmbg => Jmbg::parse(value).map_err(identifier)?.as_str().to_owned(),
        DetailKind::Ebs => Ebs::parse(value).map_err(identifier)?.as_str().to_owned(),
        DetailKind::Choice => {
            if !field.options.contains(&value) {
                return Err(DetailProblem::new(key, "choose_one"));
            }
            value.to_owned()
        }
    };
    if matches!(field.kind, DetailKind::Text | DetailKind::Textarea)
        && let Some(problem) = too_long(&normalised)
    {
        return Err(problem);
    }
    Ok((normalised, None))
}

/// A date written exactly `YYYY-MM-DD` that exists in the calendar.
fn parse_iso_date(value: &str) -> Option<Date> {
    let bytes = value.as_bytes();
    let shaped = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped {
        return None;
    }
    value.parse().ok()
}

// ---------------------------------------------------------------------------
// The parsed data.

/// Every ground's fields, with the look-up tables.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Details {
    /// Ground code → its fields, `explanation` last.
    grounds: BTreeMap<&'static str, Vec<DetailField>>,
    /// The fields of an unknown ground: `explanation` only.
    fallback: Vec<DetailField>,
    /// Every field key, sorted.
    keys: Vec<&'static str>,
    /// Every `(key, option)` of the choice fields.
    options: Vec<(&'static str, &'static str)>,
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
struct RawField<'a> {
    kind: DetailKind,
    #[serde(borrow, default)]
    options: Vec<&'a str>,
    #[serde(default)]
    max_len: Option<usize>,
    #[serde(default)]
    after_today: bool,
    #[serde(default)]
    basis_end: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case")]
enum RawRequired<'a> {
    Always,
    Optional,
    When { field: &'a str, equals: &'a str },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUse<'a> {
    key: &'a str,
    #[serde(borrow)]
    required: RawRequired<'a>,
    #[serde(default)]
    kind: Option<DetailKind>,
    #[serde(borrow, default)]
    options: Option<Vec<&'a str>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFieldSet<'a> {
    source: &'a str,
    #[serde(borrow)]
    fields: Vec<RawUse<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExplanation<'a> {
    key: &'a str,
    source: &'a str,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDetails<'a> {
    schema_version: u32,
    #[serde(borrow)]
    source_documents: Vec<RawSourceDocument<'a>>,
    #[serde(borrow)]
    passages: BTreeMap<&'a str, super::catalogue::RawPassage<'a>>,
    #[serde(borrow)]
    fields: BTreeMap<&'a str, RawField<'a>>,
    #[serde(borrow)]
    field_sets: BTreeMap<&'a str, RawFieldSet<'a>>,
    #[serde(borrow)]
    explanation: RawExplanation<'a>,
    #[serde(borrow)]
    grounds: BTreeMap<&'a str, &'a str>,
}

/// Whether `s` is a snake_case identifier (`a-z`, digits, `_`, starting
/// with a letter).
fn is_snake_case(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Parses and checks the details file.
fn parse(data: &'static str) -> Result<Details, DataError> {
    let raw: RawDetails<'static> = serde_json::from_str(data)?;
    if raw.schema_version != SCHEMA_VERSION {
        return Err(DataError::new(format!(
            "schema_version {} is not {SCHEMA_VERSION}",
            raw.schema_version
        )));
    }
    let documents: Vec<&str> = raw.source_documents.iter().map(|d| d.id).collect();
    let mut passages: BTreeMap<&'static str, Source> = BTreeMap::new();
    for (&key, p) in &raw.passages {
        passages.insert(key, p.source(key, &documents)?);
    }
    let source = |key: &str| {
        passages
            .get(key)
            .copied()
            .ok_or_else(|| DataError::new(format!("unknown passage key {key:?}")))
    };

    // The field definitions.
    let mut definitions: BTreeMap<&'static str, DetailField> = BTreeMap::new();
    for (&key, f) in &raw.fields {
        if !is_snake_case(key) {
            return Err(DataError::new(format!("malformed field key {key:?}")));
        }
        let is_choice = f.kind == DetailKind::Choice;
        if is_choice == f.options.is_empty() {
            return Err(DataError::new(format!(
                "{key}: options are given exactly for a choice"
            )));
        }
        let mut seen = BTreeSet::new();
        if let Some(o) = f
            .options
            .iter()
            .find(|o| !is_snake_case(o) || !seen.insert(**o))
        {
            return Err(DataError::new(format!(
                "{key}: malformed or repeated option {o:?}"
            )));
        }
        if (f.after_today || f.basis_end) && f.kind != DetailKind::Date {
            return Err(DataError::new(format!(
                "{key}: after_today and basis_end are for dates"
            )));
        }
        let max_len = match (f.kind, f.max_len) {
            (DetailKind::Choice, None) => f.options.iter().map(|o| o.len()).max().unwrap_or(0),
            (kind, None) => kind.default_max_len(),
            (DetailKind::Text, Some(n)) if (1..=TEXT_MAX_LEN).contains(&n) => n,
            (_, Some(n)) => {
                return Err(DataError::new(format!(
                    "{key}: max_len {n} (only a text field may set one, 1 to {TEXT_MAX_LEN})"
                )));
            }
        };
        definitions.insert(
            key,
            DetailField {
                key,
                kind: f.kind,
                options: f.options.clone(),
                required: Required::Optional,
                max_len,
                after_today: f.after_today,
                basis_end: f.basis_end,
                source: Source::default(),
            },
        );
    }

    // The explanation, appended to every ground.
    let explanation = {
        let key = raw.explanation.key;
        let def = definitions
            .get(key)
            .ok_or_else(|| DataError::new(format!("explanation: unknown field {key:?}")))?;
        if def.kind != DetailKind::Textarea {
            return Err(DataError::new("explanation: must be a textarea"));
        }
        DetailField {
            required: Required::Optional,
            source: source(raw.explanation.source)?,
            ..def.clone()
        }
    };

    // The field sets.
    let mut sets: BTreeMap<&'static str, Vec<DetailField>> = BTreeMap::new();
    for (&name, set) in &raw.field_sets {
        let set_source = source(set.source)?;
        let mut fields: Vec<DetailField> = Vec::with_capacity(set.fields.len() + 1);
        for u in &set.fields {
            let what = format!("field set {name:?}, field {:?}", u.key);
            let def = definitions
                .get(u.key)
                .ok_or_else(|| DataError::new(format!("{what}: unknown field")))?;
            if u.key == explanation.key || fields.iter().any(|f| f.key == u.key) {
                return Err(DataError::new(format!(
                    "{what}: listed twice, or the explanation (every ground gets it)"
                )));
            }
            let kind = match u.kind {
                None => def.kind,
                Some(k) if k.is_personal_number() && def.kind.is_personal_number() => k,
                Some(_) => {
                    return Err(DataError::new(format!(
                        "{what}: only a personal number may change its kind (jmbg, ebs)"
                    )));
                }
            };
            let options = match &u.options {
                None => def.options.clone(),
                Some(subset) => {
                    let ok = def.kind == DetailKind::Choice
                        && !subset.is_empty()
                        && subset.iter().all(|o| def.options.contains(o))
                        && subset.iter().collect::<BTreeSet<_>>().len() == subset.len();
                    if !ok {
                        return Err(DataError::new(format!(
                            "{what}: options must be a non-empty subset of the field's"
                        )));
                    }
                    subset.clone()
                }
            };
            let required = match u.required {
                RawRequired::Always => Required::Always,
                RawRequired::Optional => Required::Optional,
                RawRequired::When { field, equals } => {
                    let controlling = fields.iter().find(|f| f.key == field);
                    match controlling {
                        Some(c)
                            if c.kind == DetailKind::Choice && c.required == Required::Always =>
                        {
                            let Some(&equals) = c.options.iter().find(|o| **o == equals) else {
                                return Err(DataError::new(format!(
                                    "{what}: {field} has no option {equals:?}"
                                )));
                            };
                            Required::When {
                                field: c.key,
                                equals,
                            }
                        }
                        _ => {
                            return Err(DataError::new(format!(
                                "{what}: {field:?} is not a required choice asked before it"
                            )));
                        }
                    }
                }
            };
            fields.push(DetailField {
                kind,
                options,
                required,
                source: set_source,
                ..def.clone()
            });
        }
        if fields.iter().filter(|f| f.basis_end).count() > 1 {
            return Err(DataError::new(format!(
                "field set {name:?}: more than one basis_end date"
            )));
        }
        fields.push(explanation.clone());
        sets.insert(name, fields);
    }

    // The grounds.
    let mut grounds = BTreeMap::new();
    let mut used_sets = BTreeSet::new();
    for (&ground, &set) in &raw.grounds {
        if find_ground(ground).is_none_or(|g| g.code() != ground) {
            return Err(DataError::new(format!(
                "ground {ground:?} is not in the catalogue"
            )));
        }
        let fields = sets.get(set).ok_or_else(|| {
            DataError::new(format!("ground {ground:?}: unknown field set {set:?}"))
        })?;
        used_sets.insert(set);
        grounds.insert(ground, fields.clone());
    }
    if let Some(unused) = sets.keys().find(|s| !used_sets.contains(*s)) {
        return Err(DataError::new(format!("field set {unused:?} is not used")));
    }

    // Every defined field is asked somewhere; the look-up tables.
    let asked: BTreeSet<&'static str> = grounds
        .values()
        .flat_map(|fields| fields.iter().map(|f| f.key))
        .collect();
    if let Some(unused) = definitions.keys().find(|k| !asked.contains(*k)) {
        return Err(DataError::new(format!("field {unused:?} is not asked")));
    }
    let keys: Vec<&'static str> = definitions.keys().copied().collect();
    let options = definitions
        .values()
        .flat_map(|f| f.options.iter().map(move |o| (f.key, *o)))
        .collect();
    Ok(Details {
        grounds,
        fallback: vec![explanation],
        keys,
        options,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::residence::catalogue;

    const TODAY: Date = jiff::civil::date(2025, 6, 15);

    fn input(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn keys(ground: &str) -> Vec<&'static str> {
        details_for(ground).iter().map(|f| f.key).collect()
    }

    /// The problems as `(field, code)`.
    fn codes(result: Result<DetailsAnswer, Vec<DetailProblem>>) -> Vec<(String, String)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.field, p.code))
            .collect()
    }

    fn pair(field: &str, code: &str) -> (String, String) {
        (field.to_owned(), code.to_owned())
    }

    fn employment() -> BTreeMap<String, String> {
        input(&[
            ("employer_name", "  Telekom Srbija a.d. "),
            ("employer_pib", " 100002887 "),
            ("employer_mb", "17162543"),
            ("job_title", "Engineer"),
            ("contract_type", "indefinite"),
        ])
    }

    #[test]
    fn shipped_details_parse() {
        let parsed = parse(DATA);
        assert!(parsed.is_ok(), "{parsed:?}");
        assert_eq!(parsed.ok().as_ref(), Some(&*DETAILS));
    }

    #[test]
    fn every_catalogue_ground_has_its_fields() {
        let grounds: Vec<&str> = catalogue().grounds().map(|g| g.code()).collect();
        assert_eq!(grounds.len(), 31);
        for ground in &grounds {
            assert!(DETAILS.grounds.contains_key(ground), "{ground}");
            let fields = details_for(ground);
            let last = fields.last().unwrap();
            assert_eq!(last.key, "explanation", "{ground}");
            assert_eq!(last.kind, DetailKind::Textarea);
            assert_eq!(last.required, Required::Optional);
            assert_eq!(last.max_len, 2000);
            assert_eq!(fields.iter().filter(|f| f.key == "explanation").count(), 1);
            for f in fields {
                assert!(
                    f.source.document == "seed-002"
                        || f.source.document == "seed-004"
                        || f.source.document == "project"
                );
                assert!(!f.source.passage.is_empty());
            }
        }
        assert_eq!(DETAILS.grounds.len(), grounds.len());
        assert_eq!(keys("nope"), ["explanation"]);
        assert_eq!(keys(""), ["explanation"]);
        assert_eq!(keys("serbian_origin"), ["explanation"]);
        assert_eq!(keys("independent_stay"), ["explanation"]);
        assert_eq!(
            keys(" investor "),
            ["company_name", "company_mb", "explanation"]
        );
    }

    #[test]
    fn field_lists_of_the_grounds() {
        let employer = [
            "employer_name",
            "employer_pib",
            "employer_mb",
            "job_title",
            "contract_type",
            "contract_end",
            "explanation",
        ];
        for g in [
            "employment.employment_contract",
            "employment.referred_person",
            "employment.intra_company_transfer",
            "employment.training_and_development",
        ] {
            assert_eq!(keys(g), employer, "{g}");
        }
        assert_eq!(
            keys("employment.self_employment"),
            [
                "business_name",
                "business_register_number",
                "business_pib",
                "business_address",
                "explanation"
            ]
        );
        assert_eq!(
            keys("education.studying"),
            [
                "institution_name",
                "study_programme",
                "studies_end",
                "explanation"
            ]
        );
        let family = ["family_member_name", "family_member_id", "relationship"];
        assert_eq!(
            keys("family_reunification.marriage_rs_citizen")[..3],
            family
        );
        assert!(!keys("family_reunification.kinship_rs_citizen").contains(&"family_member_permit"));
        assert!(
            keys("family_reunification.kinship_foreigner_permanent_residence")
                .contains(&"family_member_permit")
        );
        assert_eq!(
            keys("property_owner"),
            [
                "property_address",
                "cadastral_municipality",
                "cadastral_parcel",
                "property_register_number",
                "explanation"
            ]
        );
        assert_eq!(
            keys("talent"),
            ["field_of_talent", "recognition", "explanation"]
        );
        assert_eq!(
            keys("religious_service"),
            ["religious_organisation", "explanation"]
        );
        assert_eq!(
            keys("medical_treatment"),
            ["health_institution", "treatment_end", "explanation"]
        );
        // Study programme is optional outside university studies.
        let programme = |g: &str| {
            details_for(g)
                .iter()
                .find(|f| f.key == "study_programme")
                .map(|f| f.required)
        };
        assert_eq!(programme("education.studying"), Some(Required::Always));
        assert_eq!(
            programme("education.student_exchange"),
            Some(Required::Always)
        );
        assert_eq!(programme("education.schooling"), Some(Required::Optional));
        assert_eq!(
            programme("education.serbian_language"),
            Some(Required::Optional)
        );
        // Sources.
        let pib = &details_for("employment.employment_contract")[1];
        assert_eq!(pib.kind, DetailKind::Pib);
        assert_eq!(pib.source.document, "seed-002");
        assert_eq!(details_for("talent")[0].source.document, "project");
    }

    #[test]
    fn keys_and_options_for_translations() {
        let all: Vec<&str> = all_field_keys().collect();
        assert_eq!(all.len(), 42);
        assert!(all.windows(2).all(|w| w[0] < w[1]));
        assert!(all.iter().all(|k| is_snake_case(k)));
        for k in [
            "employer_name",
            "employer_pib",
            "employer_mb",
            "contract_type",
            "contract_end",
            "job_title",
            "business_register_number",
            "family_member_id",
            "relationship",
            "family_member_permit",
            "cadastral_parcel",
            "property_register_number",
            "recognition",
            "explanation",
        ] {
            assert!(all.contains(&k), "{k}");
        }
        // Every key asked by a ground is in the list, and vice versa.
        let asked: BTreeSet<&str> = DETAILS.grounds.values().flatten().map(|f| f.key).collect();
        assert_eq!(asked.into_iter().collect::<Vec<_>>(), all);
        let options: Vec<(&str, &str)> = all_choice_options().collect();
        assert_eq!(
            options,
            [
                ("contract_type", "fixed_term"),
                ("contract_type", "indefinite"),
                ("relationship", "spouse"),
                ("relationship", "partner"),
                ("relationship", "child"),
                ("relationship", "parent"),
                ("relationship", "other"),
            ]
        );
        assert_eq!(DetailKind::Textarea.code(), "textarea");
        assert_eq!(DetailKind::Choice.code(), "choice");
        let json = serde_json::to_value(&details_for("employment.employment_contract")[5]).unwrap();
        assert_eq!(json["kind"], "date");
        assert_eq!(json["required"]["when"]["field"], "contract_type");
        assert_eq!(json["required"]["when"]["equals"], "fixed_term");
    }

    #[test]
    fn employment_indefinite() {
        let answer = check_details("employment.employment_contract", &employment(), TODAY).unwrap();
        assert_eq!(answer.values["employer_name"], "Telekom Srbija a.d.");
        assert_eq!(answer.values["employer_pib"], "100002887");
        assert_eq!(answer.values["contract_type"], "indefinite");
        assert_eq!(answer.values.len(), 5);
        assert_eq!(answer.basis_valid_until, None);

        // The end of an indefinite contract is not asked: dropped, unchecked.
        let mut i = employment();
        i.insert("contract_end".into(), "garbage".into());
        i.insert("unknown_key".into(), "ignored".into());
        i.insert("studies_end".into(), "2030-01-01".into());
        let answer = check_details("employment.employment_contract", &i, TODAY).unwrap();
        assert!(!answer.values.contains_key("contract_end"));
        assert!(!answer.values.contains_key("unknown_key"));
        assert!(!answer.values.contains_key("studies_end"));
        assert_eq!(answer.basis_valid_until, None);
    }

    #[test]
    fn employment_fixed_term() {
        let mut i = employment();
        i.insert("contract_type".into(), "fixed_term".into());
        assert_eq!(
            codes(check_details("employment.referred_person", &i, TODAY)),
            [pair("contract_end", "required")]
        );
        for (end, code) in [
            ("2025-06-15", Some("date_not_future")),
            ("2025-01-01", Some("date_not_future")),
            ("2025-06-16", None),
            ("2025-02-30", Some("date_invalid")),
            ("16.06.2026", Some("date_invalid")),
            ("2026-6-16", Some("date_invalid")),
            ("+02026-06-16", Some("date_invalid")),
        ] {
            i.insert("contract_end".into(), format!(" {end} "));
            let result = check_details("employment.employment_contract", &i, TODAY);
            match code {
                Some(code) => assert_eq!(codes(result), [pair("contract_end", code)], "{end}"),
                None => {
                    let answer = result.unwrap();
                    assert_eq!(answer.values["contract_end"], end);
                    assert_eq!(
                        answer.basis_valid_until,
                        Some(jiff::civil::date(2025, 6, 16))
                    );
                }
            }
        }
        i.insert("contract_type".into(), "temporary".into());
        assert_eq!(
            codes(check_details("employment.employment_contract", &i, TODAY)),
            [pair("contract_type", "choose_one")]
        );
    }

    #[test]
    fn required_fields_are_reported_in_order() {
        let empty = BTreeMap::new();
        assert_eq!(
            codes(check_details(
                "employment.employment_contract",
                &empty,
                TODAY
            )),
            [
                pair("employer_name", "required"),
                pair("employer_pib", "required"),
                pair("employer_mb", "required"),
                pair("job_title", "required"),
                pair("contract_type", "required"),
            ]
        );
        let blank = input(&[("business_name", "   "), ("business_pib", "\t")]);
        assert_eq!(
            codes(check_details("employment.self_employment", &blank, TODAY)).len(),
            4
        );
        // Grounds with only the explanation accept nothing at all.
        assert_eq!(
            check_details("serbian_origin", &empty, TODAY),
            Ok(DetailsAnswer::default())
        );
        let answer = check_details(
            "serbian_origin",
            &input(&[("explanation", "  My grandparents\r\nwere born in Užice.  ")]),
            TODAY,
        )
        .unwrap();
        assert_eq!(
            answer.values["explanation"],
            "My grandparents\nwere born in Užice."
        );
        assert_eq!(
            check_details("nope", &input(&[("employer_name", "x")]), TODAY),
            Ok(DetailsAnswer::default())
        );
    }

    #[test]
    fn identifiers_are_validated() {
        let mut i = employment();
        i.insert("employer_pib".into(), "101134703".into());
        i.insert("employer_mb".into(), "1716254".into());
        let problems = check_details("employment.employment_contract", &i, TODAY).unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(
            problems[0],
            DetailProblem::new("employer_pib", "invalid_check_digit")
        );
        assert_eq!(
            problems[1],
            DetailProblem {
                field: "employer_mb".into(),
                code: "wrong_length".into(),
                args: vec![
                    ("expected".into(), "8".into()),
                    ("found".into(), "7".into())
                ],
            }
        );
        i.insert("employer_pib".into(), "10113470x".into());
        i.insert("employer_mb".into(), "07004044".into());
        assert_eq!(
            codes(check_details("employment.employment_contract", &i, TODAY)),
            [pair("employer_pib", "not_digits")]
        );

        let ip = input(&[
            ("business_name", "Čigra"),
            ("business_register_number", " 20084693"),
            ("business_pib", "104052135 "),
            ("business_address", "Knez Mihailova 1, Beograd"),
        ]);
        let answer = check_details("employment.self_employment", &ip, TODAY).unwrap();
        assert_eq!(answer.values["business_register_number"], "20084693");
        assert_eq!(answer.values["business_pib"], "104052135");

        // An optional identifier is checked when given.
        let mut pro = input(&[
            ("client_name", "NIS a.d."),
            ("client_pib", "103920327"),
            ("profession", "Architect"),
            ("contract_end", "2026-01-31"),
        ]);
        let answer = check_details("employment.independent_professional", &pro, TODAY).unwrap();
        assert_eq!(
            answer.basis_valid_until,
            Some(jiff::civil::date(2026, 1, 31))
        );
        pro.insert("client_mb".into(), "17162544".into());
        assert_eq!(
            codes(check_details(
                "employment.independent_professional",
                &pro,
                TODAY
            )),
            [pair("client_mb", "invalid_check_digit")]
        );
    }

    #[test]
    fn family_member_number_depends_on_the_ground() {
        let citizen = input(&[
            ("family_member_name", "Jovana Petrović"),
            ("family_member_id", "0101990710008"),
            ("relationship", "spouse"),
        ]);
        let answer =
            check_details("family_reunification.marriage_rs_citizen", &citizen, TODAY).unwrap();
        assert_eq!(answer.values["family_member_id"], "0101990710008");
        assert!(!answer.values.contains_key("family_member_permit"));

        // A foreigner's EBS; the permit is required.
        let foreigner = "family_reunification.marriage_foreigner_temporary_residence";
        let problems = check_details(foreigner, &citizen, TODAY).unwrap_err();
        assert_eq!(
            problems,
            [
                DetailProblem {
                    field: "family_member_id".into(),
                    code: "ebs_wrong_register".into(),
                    args: vec![("found".into(), "71".into())],
                },
                DetailProblem::new("family_member_permit", "required"),
            ]
        );
        let mut f = citizen.clone();
        f.insert("family_member_id".into(), "0101990061239".into());
        f.insert(
            "family_member_permit".into(),
            "Temporary residence no. 123".into(),
        );
        let answer = check_details(foreigner, &f, TODAY).unwrap();
        assert_eq!(answer.values["family_member_id"], "0101990061239");

        let jmbg_field = &details_for("family_reunification.kinship_rs_citizen")[1];
        assert_eq!(jmbg_field.kind, DetailKind::Jmbg);
        let ebs_field =
            &details_for("family_reunification.kinship_foreigner_permanent_residence")[1];
        assert_eq!(ebs_field.kind, DetailKind::Ebs);
        assert_eq!(
            codes(check_details(
                "family_reunification.kinship_rs_citizen",
                &input(&[
                    ("family_member_name", "Marko"),
                    ("family_member_id", "0101990710007"),
                    ("relationship", "parent"),
                ]),
                TODAY
            )),
            [pair("family_member_id", "invalid_check_digit")]
        );

        // Relationship options per closer reason.
        let mut kin = citizen.clone();
        assert_eq!(
            codes(check_details(
                "family_reunification.kinship_rs_citizen",
                &kin,
                TODAY
            )),
            [pair("relationship", "choose_one")]
        );
        kin.insert("relationship".into(), "child".into());
        assert!(check_details("family_reunification.kinship_rs_citizen", &kin, TODAY).is_ok());
        assert_eq!(
            codes(check_details(
                "family_reunification.marriage_rs_citizen",
                &kin,
                TODAY
            )),
            [pair("relationship", "choose_one")]
        );
        let options = |g: &str| details_for(g)[2].options.clone();
        assert_eq!(
            options("family_reunification.marriage_rs_citizen"),
            ["spouse", "partner"]
        );
        assert_eq!(
            options("family_reunification.kinship_foreigner_temporary_residence"),
            ["child", "parent", "other"]
        );
    }

    #[test]
    fn studies_and_treatment_give_the_basis_end() {
        let studies = input(&[
            ("institution_name", "Univerzitet u Beogradu"),
            ("study_programme", "Computer science"),
            ("studies_end", "2028-09-30"),
        ]);
        let answer = check_details("education.studying", &studies, TODAY).unwrap();
        assert_eq!(
            answer.basis_valid_until,
            Some(jiff::civil::date(2028, 9, 30))
        );
        let mut no_programme = studies.clone();
        no_programme.remove("study_programme");
        assert_eq!(
            codes(check_details("education.studying", &no_programme, TODAY)),
            [pair("study_programme", "required")]
        );
        assert!(check_details("education.serbian_language", &no_programme, TODAY).is_ok());

        let treatment = input(&[
            ("health_institution", "Klinički centar Srbije"),
            ("treatment_end", "2025-06-14"),
        ]);
        assert_eq!(
            codes(check_details("medical_treatment", &treatment, TODAY)),
            [pair("treatment_end", "date_not_future")]
        );
        let answer = check_details(
            "medical_treatment",
            &treatment,
            jiff::civil::date(2025, 6, 13),
        )
        .unwrap();
        assert_eq!(
            answer.basis_valid_until,
            Some(jiff::civil::date(2025, 6, 14))
        );
    }

    #[test]
    fn lengths_are_limited() {
        let long = "ž".repeat(201);
        let i = input(&[("religious_organisation", &long)]);
        let problems = check_details("religious_service", &i, TODAY).unwrap_err();
        assert_eq!(
            problems,
            [DetailProblem {
                field: "religious_organisation".into(),
                code: "too_long".into(),
                args: vec![("max".into(), "200".into())],
            }]
        );
        let exactly = "ž".repeat(200);
        assert!(
            check_details(
                "religious_service",
                &input(&[("religious_organisation", &exactly)]),
                TODAY
            )
            .is_ok()
        );

        let mut explanation = input(&[("religious_organisation", "SPC")]);
        explanation.insert("explanation".into(), "a".repeat(2001));
        assert_eq!(
            check_details("religious_service", &explanation, TODAY).unwrap_err()[0].args,
            [("max".to_owned(), "2000".to_owned())]
        );
        explanation.insert("explanation".into(), "a".repeat(2000));
        assert!(check_details("religious_service", &explanation, TODAY).is_ok());

        let parcel = details_for("property_owner")
            .iter()
            .find(|f| f.key == "cadastral_parcel")
            .unwrap();
        assert_eq!(parcel.max_len, 50);
        let pib = &details_for("employment.employment_contract")[1];
        assert_eq!(pib.max_len, 9);
        let choice = &details_for("employment.employment_contract")[4];
        assert_eq!(choice.max_len, "fixed_term".len());
    }

    #[test]
    fn other_grounds() {
        let ok = |g: &str, pairs: &[(&str, &str)]| check_details(g, &input(pairs), TODAY);
        assert!(
            ok(
                "investor",
                &[
                    ("company_name", "Ulagač d.o.o."),
                    ("company_mb", "20053658")
                ]
            )
            .is_ok()
        );
        assert_eq!(
            codes(ok("investor", &[("company_name", "Ulagač d.o.o.")])),
            [pair("company_mb", "required")]
        );
        assert!(ok("startup", &[("company_name", "Novi start")]).is_ok());
        assert!(
            ok(
                "talent",
                &[
                    ("field_of_talent", "Violin"),
                    ("recognition", "First prize, 2024")
                ]
            )
            .is_ok()
        );
        assert_eq!(
            codes(ok("property_owner", &[("property_address", "Bulevar 1")])),
            [
                pair("cadastral_municipality", "required"),
                pair("cadastral_parcel", "required"),
                pair("property_register_number", "required"),
            ]
        );
        assert!(
            ok(
                "employment.accredited_foreign_journalist",
                &[("media_outlet", "BBC")]
            )
            .is_ok()
        );
        assert_eq!(
            codes(ok(
                "employment.project_with_state_authorities",
                &[
                    ("state_authority", "Ministry"),
                    ("project_name", "P"),
                    ("project_end", "2020-01-01")
                ]
            )),
            [pair("project_end", "date_not_future")]
        );
        assert!(
            ok(
                "employment.volunteering",
                &[("host_organisation_name", "Crveni krst")]
            )
            .is_ok()
        );
        assert!(
            ok(
                "employment.audiovisual_production",
                &[
                    ("production_company_name", "Film d.o.o."),
                    ("production_title", "Film")
                ]
            )
            .is_ok()
        );
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            parse_iso_date("2024-02-29"),
            Some(jiff::civil::date(2024, 2, 29))
        );
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "20240229",
            "2024/02/29",
            "",
            "2024-02-2９",
        ] {
            assert_eq!(parse_iso_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn bad_data_is_rejected() {
        let bad = |from: &str, to: &str| {
            let changed = DATA.replacen(from, to, 1);
            assert_ne!(changed, DATA, "{from}");
            parse(changed.leak()).is_err()
        };
        assert!(parse("{").is_err());
        assert!(bad("\"schema_version\": 1", "\"schema_version\": 2"));
        assert!(bad(
            "\"source\": \"s002.employment_term\"",
            "\"source\": \"nope\""
        ));
        assert!(bad(
            "\"document\": \"seed-002\"",
            "\"document\": \"seed-009\""
        ));
        assert!(bad("\"employer_name\": {", "\"Employer_name\": {"));
        assert!(bad("\"kind\": \"pib\"", "\"kind\": \"iban\""));
        assert!(bad(
            "\"options\": [\n        \"fixed_term\"",
            "\"options\": [\n        \"Fixed_term\""
        ));
        assert!(bad("\"indefinite\"\n      ]", "\"fixed_term\"\n      ]"));
        assert!(bad(
            "\"kind\": \"text\"\n    }",
            "\"kind\": \"text\",\n      \"after_today\": true\n    }"
        ));
        assert!(bad("\"max_len\": 50", "\"max_len\": 500"));
        assert!(bad("\"key\": \"employer_mb\"", "\"key\": \"employer_pib\""));
        assert!(bad("\"key\": \"employer_mb\"", "\"key\": \"explanation\""));
        assert!(bad("\"key\": \"employer_mb\"", "\"key\": \"nope\""));
        assert!(bad("\"equals\": \"fixed_term\"", "\"equals\": \"open\""));
        assert!(bad(
            "\"field\": \"contract_type\"",
            "\"field\": \"job_title\""
        ));
        assert!(bad("\"kind\": \"ebs\"", "\"kind\": \"pib\""));
        assert!(bad(
            "\"spouse\",\n            \"partner\"",
            "\"spouse\",\n            \"sibling\""
        ));
        assert!(bad(
            "\"investor\": \"investor\"",
            "\"investors\": \"investor\""
        ));
        assert!(bad(
            "\"investor\": \"investor\"",
            "\"investor\": \"startup\""
        ));
        assert!(bad("\"talent\": \"talent\"", "\"talent\": \"nope\""));
        assert!(bad(
            "\"key\": \"explanation\",",
            "\"key\": \"recognition\","
        ));
        assert!(bad(
            "\"key\": \"treatment_end\",",
            "\"key\": \"health_institution\","
        ));
        assert!(bad(
            "\"key\": \"client_mb\",\n          \"required\": \"optional\"",
            "\"key\": \"project_end\",\n          \"required\": \"optional\""
        ));
    }

    proptest! {
        #[test]
        fn check_never_panics(
            ground in prop::sample::select(
                catalogue()
                    .grounds()
                    .map(|g| g.code().to_owned())
                    .chain(["nope".to_owned(), String::new()])
                    .collect::<Vec<_>>()
            ),
            pairs in prop::collection::vec(
                (
                    prop::sample::select(
                        all_field_keys()
                            .map(str::to_owned)
                            .chain(["other".to_owned()])
                            .collect::<Vec<_>>()
                    ),
                    prop_oneof![
                        "\\PC{0,30}",
                        "[0-9 ]{0,14}",
                        "20[0-9]{2}-[01][0-9]-[0-3][0-9]",
                        Just("fixed_term".to_owned()),
                        Just("spouse".to_owned()),
                    ],
                ),
                0..12,
            ),
            days in -400_000_i32..400_000,
        ) {
            let today = jiff::civil::date(2000, 1, 1)
                .checked_add(jiff::Span::new().days(days))
                .unwrap_or(jiff::civil::date(2000, 1, 1));
            let map: BTreeMap<String, String> = pairs.into_iter().collect();
            let fields = details_for(&ground);
            match check_details(&ground, &map, today) {
                Ok(answer) => {
                    for (k, v) in &answer.values {
                        prop_assert!(fields.iter().any(|f| f.key == k));
                        prop_assert_eq!(v.trim(), v.as_str());
                        prop_assert!(!v.is_empty());
                    }
                    if let Some(end) = answer.basis_valid_until {
                        prop_assert!(end > today);
                    }
                }
                Err(problems) => {
                    prop_assert!(!problems.is_empty());
                    for p in &problems {
                        prop_assert!(fields.iter().any(|f| f.key == p.field));
                    }
                }
            }
        }
    }
}
