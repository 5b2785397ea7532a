//! Municipalities and cities of Serbia for the residence address, with the
//! code that is the payment reference (*poziv na broj*) of the Republic
//! administrative fee and the police department (*policijska uprava*) that
//! covers each of them.
//!
//! Compiled in from `data/municipalities.tsv` and
//! `data/police-departments.tsv` and parsed once; see
//! `data/MUNICIPALITIES-SOURCE.md` for the sources and what is unverified.
//! In short:
//!
//! - Belgrade is listed by its 17 city municipalities, Niš by its five,
//!   Novi Sad as Novi Sad and Petrovaradin; the other cities and the
//!   municipalities have one row each. Four northern Kosovo municipalities
//!   are included; the rest of Kosovo is not (see the source file).
//! - The 3-digit `code` is the municipality code used for public revenue
//!   payments (fee reference `97 CC-code`, e.g. Savski venac `016` →
//!   `97 50-016`, see [`Municipality::fee_reference`]). The list was taken
//!   from a secondary source, not from the official table, so every row is
//!   marked unverified ([`Municipality::verified`] is `false`) until it is
//!   checked against the MUP / Treasury table.
//! - The police department is the one of the administrative district the
//!   municipality belongs to, with the known exceptions (Novi Pazar, Tutin
//!   and Sjenica: Novi Pazar; Prijepolje, Priboj and Nova Varoš: Prijepolje).
//!   docs/domain.md (Standards) lists 27 departments; the data adds Prijepolje, which
//!   that list lacks (see the source file).
//!
//! [`municipalities`] is sorted by the Latin name in Serbian alphabetical
//! order ([`compare_serbian_latin`]): `č ć` after `c`, `dž đ` after `d`,
//! `lj` after `l`, `nj` after `n`, `š` after `s`, `ž` after `z`.
//!
//! If a shipped file could not be parsed the lists would be empty; a unit
//! test guarantees that they parse.

use std::cmp::Ordering;
use std::fmt;
use std::sync::LazyLock;

use serde::Serialize;

use crate::identifiers::Reference97;

/// The compiled-in municipality table.
const MUNICIPALITIES_DATA: &str = include_str!("../data/municipalities.tsv");

/// The compiled-in police department table.
const DEPARTMENTS_DATA: &str = include_str!("../data/police-departments.tsv");

/// The header row the municipality table must have.
const MUNICIPALITIES_HEADER: &str = "code\tname_latn\tname_cyrl\tpolice_department\tcode_status";

/// The header row the police department table must have.
const DEPARTMENTS_HEADER: &str = "slug\tname_latn\tname_cyrl\tfull_name_latn\tfull_name_cyrl";

/// A police department (*policijska uprava*) of the Ministry of the Interior,
/// where foreigners submit requests in person and give biometrics.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct PoliceDepartment {
    /// Stable ASCII slug, e.g. `beograd`, `novi_sad`, `sremska_mitrovica`.
    pub slug: &'static str,
    /// The seat, Serbian Latin script, e.g. `Novi Sad`.
    pub name_latn: &'static str,
    /// The seat, Serbian Cyrillic script, e.g. `Нови Сад`.
    pub name_cyrl: &'static str,
    /// The full name, Serbian Latin script, e.g. `Policijska uprava u Novom
    /// Sadu`.
    pub full_name_latn: &'static str,
    /// The full name, Serbian Cyrillic script.
    pub full_name_cyrl: &'static str,
}

impl PoliceDepartment {
    /// The seat's name in Cyrillic (`true`) or Latin (`false`) script.
    #[must_use]
    pub const fn name(&self, cyrillic: bool) -> &'static str {
        if cyrillic {
            self.name_cyrl
        } else {
            self.name_latn
        }
    }

    /// The full name in Cyrillic (`true`) or Latin (`false`) script.
    #[must_use]
    pub const fn full_name(&self, cyrillic: bool) -> &'static str {
        if cyrillic {
            self.full_name_cyrl
        } else {
            self.full_name_latn
        }
    }

    /// The municipalities this department covers, in [`municipalities`]
    /// order.
    pub fn municipalities(&self) -> impl Iterator<Item = &'static Municipality> + '_ {
        municipalities()
            .iter()
            .filter(move |m| m.police_department.slug == self.slug)
    }
}

/// A municipality, city or city municipality of the residence address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Municipality {
    /// The 3-digit municipality code for public revenue payments, e.g.
    /// `016`.
    pub code: &'static str,
    /// Name, Serbian Latin script, e.g. `Savski venac`. Names shared by two
    /// city municipalities carry the city: `Palilula (Beograd)`,
    /// `Palilula (Niš)`.
    pub name_latn: &'static str,
    /// Name, Serbian Cyrillic script (transliteration of the Latin).
    pub name_cyrl: &'static str,
    /// The police department that covers it.
    pub police_department: &'static PoliceDepartment,
    /// Whether the code has been checked against the official table (all
    /// `false` for now, see the module documentation).
    pub verified: bool,
}

impl Municipality {
    /// The name in Cyrillic (`true`) or Latin (`false`) script.
    #[must_use]
    pub const fn name(&self, cyrillic: bool) -> &'static str {
        if cyrillic {
            self.name_cyrl
        } else {
            self.name_latn
        }
    }

    /// The model-97 payment reference of the Republic administrative fee
    /// for a residence here: the code with its check digits, written
    /// `97 50-016` ([`Reference97::written`]). Always `Some` for the shipped
    /// data (codes are checked to be three digits when read).
    #[must_use]
    pub fn fee_reference(&self) -> Option<Reference97> {
        Reference97::compute(self.code).ok()
    }
}

static DEPARTMENTS: LazyLock<Vec<PoliceDepartment>> =
    LazyLock::new(|| parse_departments(DEPARTMENTS_DATA).unwrap_or_default());

static MUNICIPALITIES: LazyLock<Vec<Municipality>> = LazyLock::new(|| {
    parse_municipalities(MUNICIPALITIES_DATA, police_departments()).unwrap_or_default()
});

/// Every municipality, sorted by Latin name in Serbian alphabetical order
/// ([`compare_serbian_latin`]).
#[must_use]
pub fn municipalities() -> &'static [Municipality] {
    &MUNICIPALITIES
}

/// The municipality with this code (surrounding whitespace ignored).
#[must_use]
pub fn find_municipality(code: &str) -> Option<&'static Municipality> {
    let code = code.trim();
    municipalities().iter().find(|m| m.code == code)
}

/// Every police department, in the order of docs/domain.md (Standards) (Beograd first),
/// with Prijepolje last.
#[must_use]
pub fn police_departments() -> &'static [PoliceDepartment] {
    &DEPARTMENTS
}

/// The police department with this slug (surrounding whitespace ignored).
#[must_use]
pub fn find_police_department(slug: &str) -> Option<&'static PoliceDepartment> {
    let slug = slug.trim();
    police_departments().iter().find(|d| d.slug == slug)
}

// ---------------------------------------------------------------------------
// Serbian alphabetical order.

/// The letters of the Serbian Latin alphabet in order (lower case); `dž`,
/// `lj` and `nj` are single letters.
const SERBIAN_LATIN: [&str; 30] = [
    "a", "b", "c", "č", "ć", "d", "dž", "đ", "e", "f", "g", "h", "i", "j", "k", "l", "lj", "m",
    "n", "nj", "o", "p", "r", "s", "š", "t", "u", "v", "z", "ž",
];

/// Sort key of a string: per letter `(1, position in the alphabet)`,
/// `(0, code point)` for anything that is not alphanumeric (spaces and
/// punctuation sort first) and `(2, code point)` for other characters
/// (digits, `q w x y`, other scripts).
fn sort_key(s: &str) -> Vec<(u8, u32)> {
    let lower = s.to_lowercase();
    let mut key = Vec::with_capacity(lower.len());
    let mut rest = lower.as_str();
    while let Some(c) = rest.chars().next() {
        // Longest match first, so `dž`, `lj`, `nj` win over `d`, `l`, `n`.
        let letter = SERBIAN_LATIN
            .iter()
            .enumerate()
            .filter(|(_, l)| rest.starts_with(*l))
            .max_by_key(|(_, l)| l.len());
        if let Some((index, l)) = letter {
            key.push((1, u32::try_from(index).unwrap_or(u32::MAX)));
            rest = &rest[l.len()..];
        } else {
            let class = if c.is_alphanumeric() { 2 } else { 0 };
            key.push((class, u32::from(c)));
            rest = &rest[c.len_utf8()..];
        }
    }
    key
}

/// Compares two strings in Serbian Latin alphabetical order, ignoring
/// letter case: `a b c č ć d dž đ e f g h i j k l lj m n nj o p r s š t u v
/// z ž`. Spaces and punctuation sort before letters; other characters after
/// them, by code point. Strings equal in that order are compared as they
/// are, so the order is total.
///
/// The digraphs are always read as one letter (`nj` in a name where `n`
/// and `j` are separate letters would be misread); no name in the list has
/// that.
#[must_use]
pub fn compare_serbian_latin(a: &str, b: &str) -> Ordering {
    sort_key(a).cmp(&sort_key(b)).then_with(|| a.cmp(b))
}

// ---------------------------------------------------------------------------
// Reading the data files.

/// Why a compiled-in table could not be read (only ever seen by the unit
/// tests that check the shipped files).
#[derive(Debug, Clone, PartialEq, Eq)]
struct DataError(String);

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The data rows of a TSV table after checking its header, each split into
/// exactly `N` fields with the 1-based line number.
fn rows<const N: usize>(
    data: &'static str,
    header: &str,
) -> Result<Vec<(usize, [&'static str; N])>, DataError> {
    let mut lines = data.lines().map(|l| l.strip_suffix('\r').unwrap_or(l));
    if lines.next() != Some(header) {
        return Err(DataError(format!("the header is not {header:?}")));
    }
    lines
        .enumerate()
        .map(|(i, line)| {
            let number = i + 2;
            let fields: Vec<&'static str> = line.split('\t').collect();
            let fields: [&'static str; N] = fields.try_into().map_err(|f: Vec<&str>| {
                DataError(format!("line {number}: {} fields, not {N}", f.len()))
            })?;
            if let Some(f) = fields.iter().find(|f| f.trim() != **f || f.is_empty()) {
                return Err(DataError(format!(
                    "line {number}: empty field or surrounding white space in {f:?}"
                )));
            }
            Ok((number, fields))
        })
        .collect()
}

/// Parses and checks the police department table.
fn parse_departments(data: &'static str) -> Result<Vec<PoliceDepartment>, DataError> {
    let mut departments: Vec<PoliceDepartment> = Vec::new();
    for (line, [slug, name_latn, name_cyrl, full_name_latn, full_name_cyrl]) in
        rows::<5>(data, DEPARTMENTS_HEADER)?
    {
        let well_formed = slug.starts_with(|c: char| c.is_ascii_lowercase())
            && slug.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        if !well_formed {
            return Err(DataError(format!("line {line}: malformed slug {slug:?}")));
        }
        if departments.iter().any(|d| d.slug == slug) {
            return Err(DataError(format!("line {line}: duplicate slug {slug:?}")));
        }
        departments.push(PoliceDepartment {
            slug,
            name_latn,
            name_cyrl,
            full_name_latn,
            full_name_cyrl,
        });
    }
    Ok(departments)
}

/// Parses and checks the municipality table against `departments`, and
/// sorts it by Latin name.
fn parse_municipalities(
    data: &'static str,
    departments: &'static [PoliceDepartment],
) -> Result<Vec<Municipality>, DataError> {
    let mut list: Vec<Municipality> = Vec::new();
    for (line, [code, name_latn, name_cyrl, department, status]) in
        rows::<5>(data, MUNICIPALITIES_HEADER)?
    {
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(DataError(format!(
                "line {line}: code {code:?} is not 3 digits"
            )));
        }
        if list.iter().any(|m| m.code == code) {
            return Err(DataError(format!("line {line}: duplicate code {code}")));
        }
        if list.iter().any(|m| m.name_latn == name_latn) {
            return Err(DataError(format!(
                "line {line}: duplicate name {name_latn:?}"
            )));
        }
        let Some(police_department) = departments.iter().find(|d| d.slug == department) else {
            return Err(DataError(format!(
                "line {line}: unknown police department {department:?}"
            )));
        };
        let verified = match status {
            "verified" => true,
            "unverified" => false,
            other => {
                return Err(DataError(format!(
                    "line {line}: code_status {other:?} is neither verified nor unverified"
                )));
            }
        };
        list.push(Municipality {
            code,
            name_latn,
            name_cyrl,
            police_department,
            verified,
        });
    }
    list.sort_by(|a, b| compare_serbian_latin(a.name_latn, b.name_latn));
    Ok(list)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    use crate::text::latin_to_cyrillic as to_cyrillic;

    fn names() -> Vec<&'static str> {
        municipalities().iter().map(|m| m.name_latn).collect()
    }

    #[test]
    fn shipped_tables_parse() {
        let departments = parse_departments(DEPARTMENTS_DATA);
        assert!(departments.is_ok(), "{departments:?}");
        assert_eq!(departments.ok().as_deref(), Some(police_departments()));
        let list = parse_municipalities(MUNICIPALITIES_DATA, police_departments());
        assert!(list.is_ok(), "{list:?}");
        assert_eq!(list.ok().as_deref(), Some(municipalities()));
        // Every data line became a row.
        assert_eq!(
            municipalities().len(),
            MUNICIPALITIES_DATA.lines().count() - 1
        );
        assert_eq!(municipalities().len(), 170);
        assert_eq!(police_departments().len(), 28);
    }

    #[test]
    fn codes_are_three_digits_and_unique() {
        let mut codes: Vec<&str> = municipalities().iter().map(|m| m.code).collect();
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit()))
        );
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), municipalities().len());
    }

    #[test]
    fn every_department_exists_and_covers_something() {
        for m in municipalities() {
            assert_eq!(
                find_police_department(m.police_department.slug),
                Some(m.police_department),
                "{}",
                m.name_latn
            );
        }
        for d in police_departments() {
            assert!(
                d.municipalities().next().is_some(),
                "{} covers nothing",
                d.slug
            );
        }
        // docs/domain.md (Standards)'s 27, plus Prijepolje.
        let slugs: Vec<&str> = police_departments().iter().map(|d| d.slug).collect();
        assert_eq!(
            slugs,
            [
                "beograd",
                "novi_sad",
                "subotica",
                "zrenjanin",
                "kikinda",
                "pancevo",
                "sombor",
                "sremska_mitrovica",
                "sabac",
                "valjevo",
                "smederevo",
                "pozarevac",
                "kragujevac",
                "jagodina",
                "bor",
                "zajecar",
                "cacak",
                "kraljevo",
                "krusevac",
                "uzice",
                "novi_pazar",
                "prokuplje",
                "nis",
                "pirot",
                "leskovac",
                "vranje",
                "kosovska_mitrovica",
                "prijepolje",
            ]
        );
    }

    #[test]
    fn known_rows() {
        let belgrade: Vec<&str> = municipalities()
            .iter()
            .filter(|m| m.police_department.slug == "beograd")
            .map(|m| m.name_latn)
            .collect();
        assert_eq!(
            belgrade,
            [
                "Barajevo",
                "Čukarica",
                "Grocka",
                "Lazarevac",
                "Mladenovac",
                "Novi Beograd",
                "Obrenovac",
                "Palilula (Beograd)",
                "Rakovica",
                "Savski venac",
                "Sopot",
                "Stari grad",
                "Surčin",
                "Voždovac",
                "Vračar",
                "Zemun",
                "Zvezdara",
            ]
        );
        let savski_venac = find_municipality(" 016 ").unwrap();
        assert_eq!(savski_venac.name_latn, "Savski venac");
        assert_eq!(savski_venac.name(true), "Савски венац");
        assert_eq!(savski_venac.police_department.slug, "beograd");
        assert!(!savski_venac.verified);

        let novi_sad = find_municipality("223").unwrap();
        assert_eq!(novi_sad.name(false), "Novi Sad");
        assert_eq!(novi_sad.police_department.slug, "novi_sad");
        assert_eq!(novi_sad.police_department.name(true), "Нови Сад");
        assert_eq!(find_municipality("013").unwrap().name_latn, "Novi Beograd");

        for name in [
            "Crveni Krst",
            "Medijana",
            "Niška Banja",
            "Palilula (Niš)",
            "Pantelej",
        ] {
            let m = municipalities()
                .iter()
                .find(|m| m.name_latn == name)
                .unwrap();
            assert_eq!(m.police_department.slug, "nis", "{name}");
        }
        let nis = find_police_department("nis").unwrap();
        assert_eq!(nis.name_latn, "Niš");
        assert_eq!(nis.full_name(false), "Policijska uprava u Nišu");
        assert_eq!(nis.full_name(true), "Полицијска управа у Нишу");
        assert_eq!(nis.municipalities().count(), 11);

        let by_name = |name: &str| {
            municipalities()
                .iter()
                .find(|m| m.name_latn == name)
                .map(|m| m.police_department.slug)
        };
        assert_eq!(by_name("Sjenica"), Some("novi_pazar"));
        assert_eq!(by_name("Priboj"), Some("prijepolje"));
        assert_eq!(by_name("Zvečan"), Some("kosovska_mitrovica"));
        assert_eq!(by_name("Vršac"), Some("pancevo"));
        assert!(find_municipality("999").is_none());
        assert!(find_municipality("").is_none());
        assert!(find_police_department("nowhere").is_none());
    }

    #[test]
    fn codes_make_valid_model_97_references() {
        for m in municipalities() {
            let reference = m.fee_reference().unwrap();
            assert_eq!(reference.base(), m.code);
            let written = reference.written();
            assert_eq!(written, format!("97 {:02}-{}", reference.check(), m.code));
            assert_eq!(Reference97::parse(&written), Ok(reference.clone()));
            assert_eq!(Reference97::parse_qr(&reference.for_qr()), Ok(reference));
        }
        // docs/domain.md (Standards): municipality code 016 → "97 50-016".
        let r = find_municipality("016").unwrap().fee_reference().unwrap();
        assert_eq!(r.written(), "97 50-016");
        assert_eq!(r.for_qr(), "9750016");
    }

    #[test]
    fn cyrillic_is_the_transliteration_of_latin() {
        for m in municipalities() {
            assert_eq!(m.name_cyrl, to_cyrillic(m.name_latn), "{}", m.name_latn);
        }
        for d in police_departments() {
            assert_eq!(d.name_cyrl, to_cyrillic(d.name_latn), "{}", d.slug);
            assert_eq!(
                d.full_name_cyrl,
                to_cyrillic(d.full_name_latn),
                "{}",
                d.slug
            );
        }
        assert_eq!(
            to_cyrillic("Ljubovija, Knjaževac, Gadžin Han"),
            "Љубовија, Књажевац, Гаџин Хан"
        );
    }

    #[test]
    fn sorted_in_serbian_order() {
        let names = names();
        assert!(
            names
                .windows(2)
                .all(|w| compare_serbian_latin(w[0], w[1]) == Ordering::Less),
            "{names:?}"
        );
        let position = |name: &str| names.iter().position(|n| *n == name).unwrap();
        // c < č < ć < d
        assert!(position("Crveni Krst") < position("Čačak"));
        assert!(position("Čukarica") < position("Ćićevac"));
        assert!(position("Ćuprija") < position("Despotovac"));
        // lj after l, nj after n, š after s, ž after z
        assert!(position("Lučani") < position("Ljig"));
        assert!(position("Ljubovija") < position("Majdanpek"));
        assert!(position("Svrljig") < position("Šabac"));
        assert!(position("Zvezdara") < position("Žabalj"));
        assert_eq!(names.first(), Some(&"Ada"));
        assert_eq!(names.last(), Some(&"Žitorađa"));
    }

    #[test]
    fn serbian_collation() {
        use Ordering::{Equal, Greater, Less};
        assert_eq!(compare_serbian_latin("c", "č"), Less);
        assert_eq!(compare_serbian_latin("č", "ć"), Less);
        assert_eq!(compare_serbian_latin("dz", "dž"), Less);
        assert_eq!(compare_serbian_latin("džak", "đak"), Less);
        assert_eq!(compare_serbian_latin("du", "džak"), Less);
        assert_eq!(compare_serbian_latin("lu", "lj"), Less);
        assert_eq!(compare_serbian_latin("nz", "nj"), Less);
        assert_eq!(compare_serbian_latin("Nova", "nova"), Less);
        assert_eq!(compare_serbian_latin("ab", "Ab"), Greater);
        assert_eq!(compare_serbian_latin("a b", "ab"), Less);
        assert_eq!(compare_serbian_latin("zz", "ž"), Less);
        assert_eq!(compare_serbian_latin("Niš", "Niš"), Equal);
    }

    #[test]
    fn bad_data_is_rejected() {
        let deps = police_departments();
        let check = |data: String| parse_municipalities(data.leak(), deps);
        assert!(check(MUNICIPALITIES_DATA.to_owned()).is_ok());
        assert!(check(MUNICIPALITIES_DATA.replacen("code\t", "kod\t", 1)).is_err());
        assert!(check(MUNICIPALITIES_DATA.replacen("\n016\t", "\n16\t", 1)).is_err());
        assert!(check(MUNICIPALITIES_DATA.replacen("\n016\t", "\n015\t", 1)).is_err());
        assert!(check(MUNICIPALITIES_DATA.replacen("\tbeograd\t", "\tbelgrade\t", 1)).is_err());
        assert!(check(MUNICIPALITIES_DATA.replacen("\tunverified", "\tmaybe", 1)).is_err());
        assert!(check(MUNICIPALITIES_DATA.replacen("\tunverified", "", 1)).is_err());
        assert!(check(MUNICIPALITIES_DATA.replacen("Barajevo\t", " Barajevo\t", 1)).is_err());
        assert!(check(MUNICIPALITIES_DATA.replacen("Barajevo\t", "Ada\t", 1)).is_err());
        assert!(check(format!("{MUNICIPALITIES_DATA}\n")).is_err());
        assert_eq!(
            check(MUNICIPALITIES_DATA.replacen("\tunverified", "\tverified", 1))
                .map(|l| l.iter().filter(|m| m.verified).count()),
            Ok(1)
        );
        assert_eq!(
            check(MUNICIPALITIES_DATA.replace('\n', "\r\n")).map(|l| l.len()),
            Ok(170)
        );

        let check = |data: String| parse_departments(data.leak());
        assert!(check(DEPARTMENTS_DATA.to_owned()).is_ok());
        assert!(check(DEPARTMENTS_DATA.replacen("\nbor\t", "\nBor\t", 1)).is_err());
        assert!(check(DEPARTMENTS_DATA.replacen("\nbor\t", "\nnis\t", 1)).is_err());
        assert!(check(DEPARTMENTS_DATA.replacen("slug\t", "", 1)).is_err());
        assert!(check(String::new()).is_err());
        assert_eq!(DataError("x".into()).to_string(), "x");
    }

    proptest! {
        #[test]
        fn lookups_never_panic(s in "\\PC{0,8}") {
            let _ = find_municipality(&s);
            let _ = find_police_department(&s);
        }

        #[test]
        fn parsing_never_panics(body in "[0-9a-zA-Zčćžšđ \t\r\n()]{0,200}") {
            let data = format!("{MUNICIPALITIES_HEADER}\n{body}");
            let _ = parse_municipalities(data.leak(), police_departments());
            let data = format!("{DEPARTMENTS_HEADER}\n{body}");
            let _ = parse_departments(data.leak());
        }

        #[test]
        fn collation_is_a_total_order(a in "\\PC{0,6}", b in "\\PC{0,6}") {
            let ab = compare_serbian_latin(&a, &b);
            prop_assert_eq!(ab, compare_serbian_latin(&b, &a).reverse());
            prop_assert_eq!(ab == Ordering::Equal, a == b);
        }
    }
}
