//! Countries for the "citizenship" field, with names in English, Serbian
//! (Latin and Cyrillic script) and Russian.
//!
//! The list is compiled in from `data/countries.tsv`: the ISO 3166-1 alpha-2
//! countries plus Kosovo (`XK`) as named by Unicode CLDR, and one project
//! addition, `XX` ("Stateless"), for stateless foreigners. See
//! `data/COUNTRIES-SOURCE.md` for the source, licence and how to regenerate.
//!
//! Codes are upper-case two-letter codes; look-ups accept any letter case.
//! A field value is validated with [`CitizenshipCode::parse`].

use std::fmt;
use std::sync::LazyLock;

/// The compiled-in table: header `code\ten\tsr-Latn\tsr-Cyrl\tru`, one row per country.
const DATA: &str = include_str!("../data/countries.tsv");

/// Code of the project's "stateless person" entry (not a CLDR country).
pub const STATELESS_CODE: &str = "XX";

/// A language in which country names are available.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameLanguage {
    /// English (`en`).
    En,
    /// Serbian in Latin script (`sr-Latn`).
    SrLatn,
    /// Serbian in Cyrillic script (`sr-Cyrl`).
    SrCyrl,
    /// Russian (`ru`).
    Ru,
}

impl NameLanguage {
    /// All languages, in the column order of the data file.
    pub const ALL: [NameLanguage; 4] = [Self::En, Self::SrLatn, Self::SrCyrl, Self::Ru];

    /// The BCP 47 tag of this language, as used in the data file's header:
    /// `en`, `sr-Latn`, `sr-Cyrl` or `ru`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::SrLatn => "sr-Latn",
            Self::SrCyrl => "sr-Cyrl",
            Self::Ru => "ru",
        }
    }

    /// Column index of this language's names in [`Country`].
    fn index(self) -> usize {
        match self {
            Self::En => 0,
            Self::SrLatn => 1,
            Self::SrCyrl => 2,
            Self::Ru => 3,
        }
    }
}

/// One selectable citizenship: a country (or the stateless entry) with its names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Country {
    /// Upper-case two-letter code (ISO 3166-1 alpha-2, or `XK` / `XX`).
    pub code: &'static str,
    /// Names in the order of [`NameLanguage::ALL`].
    names: [&'static str; 4],
}

impl Country {
    /// The country's name in `lang`.
    pub fn name(&self, lang: NameLanguage) -> &'static str {
        self.names[lang.index()]
    }

    /// Whether this is the project's "stateless person" entry ([`STATELESS_CODE`]).
    pub fn is_stateless(&self) -> bool {
        self.code == STATELESS_CODE
    }
}

static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| parse_table(DATA));

/// Parses the TSV table. The header row and malformed rows (wrong number of
/// fields, a code that is not two ASCII upper-case letters, an empty name, a
/// repeated code) are skipped; a unit test checks the shipped file has none.
fn parse_table(data: &'static str) -> Vec<Country> {
    let mut countries: Vec<Country> = Vec::new();
    for line in data.lines().skip(1) {
        let Some(country) = parse_row(line) else {
            continue;
        };
        if countries.iter().any(|c| c.code == country.code) {
            continue;
        }
        countries.push(country);
    }
    countries
}

/// Parses one data row, or `None` if it is malformed.
fn parse_row(line: &'static str) -> Option<Country> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut fields = line.split('\t');
    let code = fields.next()?;
    let names = [
        fields.next()?,
        fields.next()?,
        fields.next()?,
        fields.next()?,
    ];
    let well_formed = fields.next().is_none()
        && code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && names.iter().all(|n| !n.trim().is_empty());
    well_formed.then_some(Country { code, names })
}

/// All countries in data-file order: by code, with the stateless entry `XX` last.
pub fn all() -> &'static [Country] {
    &COUNTRIES
}

/// The country with this code, ignoring letter case and surrounding whitespace.
pub fn find(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    all().iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

/// All countries (including the stateless entry) sorted by their name in `lang`,
/// for a drop-down list.
///
/// The order is case-insensitive and follows the language's alphabet for its
/// own letters: Serbian Latin puts `č ć đ š ž` after `c d s z` (`c < č < ć`,
/// `d < đ`, `s < š`, `z < ž`; the digraphs `dž lj nj` are treated as two
/// letters), Serbian Cyrillic uses the order `а б в г д ђ е ж з и ј к л љ м н
/// њ о п р с т ћ у ф х ц ч џ ш`, and Russian puts `ё` after `е`. Other accented
/// Latin letters (`å`, `ç`, `é`, …) sort as their base letter. This is not
/// full Unicode collation, but is right for the names in the list.
pub fn sorted_for(lang: NameLanguage) -> Vec<&'static Country> {
    let mut keyed: Vec<(Vec<(u8, u32)>, &'static Country)> = all()
        .iter()
        .map(|c| (sort_key(c.name(lang), lang), c))
        .collect();
    keyed.sort_by(|(ka, a), (kb, b)| {
        ka.cmp(kb)
            .then_with(|| a.name(lang).cmp(b.name(lang)))
            .then_with(|| a.code.cmp(b.code))
    });
    keyed.into_iter().map(|(_, c)| c).collect()
}

/// The letters of each language's alphabet, in alphabetical order (lower case).
fn alphabet(lang: NameLanguage) -> &'static str {
    match lang {
        NameLanguage::En => "abcdefghijklmnopqrstuvwxyz",
        NameLanguage::SrLatn => "abcčćdđefghijklmnopqrsštuvwxyzž",
        NameLanguage::SrCyrl => "абвгдђежзијклљмнњопрстћуфхцчџш",
        NameLanguage::Ru => "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    }
}

/// Maps an accented Latin letter to its base letter; other characters unchanged.
fn fold_latin(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'š' => 's',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ž' => 'z',
        other => other,
    }
}

/// Sort key of a name: per character, `(0, code point)` for non-letters
/// (spaces and punctuation sort first), `(1, position)` for letters of the
/// language's alphabet (after case and accent folding), `(2, code point)` for
/// any other letter.
fn sort_key(name: &str, lang: NameLanguage) -> Vec<(u8, u32)> {
    let letters = alphabet(lang);
    let position = |c: char| letters.chars().position(|l| l == c);
    name.chars()
        .flat_map(char::to_lowercase)
        .map(|c| {
            if !c.is_alphanumeric() {
                return (0, u32::from(c));
            }
            let found = position(c).or_else(|| position(fold_latin(c)));
            match found.and_then(|p| u32::try_from(p).ok()) {
                Some(p) => (1, p),
                None => (2, u32::from(c)),
            }
        })
        .collect()
}

/// A validated citizenship: the upper-case code of a country in [`all`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CitizenshipCode(&'static str);

impl CitizenshipCode {
    /// Validates a citizenship code; letter case and surrounding whitespace
    /// are ignored (`"rs"`, `" RS "` → `RS`).
    ///
    /// # Errors
    ///
    /// [`UnknownCountry`] if the code is not in the country list.
    pub fn parse(code: &str) -> Result<CitizenshipCode, UnknownCountry> {
        find(code)
            .map(|c| CitizenshipCode(c.code))
            .ok_or(UnknownCountry)
    }

    /// The upper-case code, e.g. `"RS"`.
    pub fn as_str(&self) -> &'static str {
        self.0
    }

    /// The country this code stands for.
    pub fn country(&self) -> Option<&'static Country> {
        find(self.0)
    }
}

impl fmt::Display for CitizenshipCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl AsRef<str> for CitizenshipCode {
    fn as_ref(&self) -> &str {
        self.0
    }
}

/// The code is not in the country list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown country code")]
pub struct UnknownCountry;

impl UnknownCountry {
    /// Stable machine-readable error code: `"unknown_country"`.
    pub fn code(&self) -> &'static str {
        "unknown_country"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_sorted(lang: NameLanguage) -> Vec<&'static str> {
        sorted_for(lang).iter().map(|c| c.name(lang)).collect()
    }

    /// Whether both names are in `list` and `first` comes before `second`.
    fn before(list: &[&str], first: &str, second: &str) -> bool {
        let first = list.iter().position(|n| *n == first);
        let second = list.iter().position(|n| *n == second);
        matches!((first, second), (Some(f), Some(s)) if f < s)
    }

    #[test]
    fn shipped_file_has_no_malformed_rows() {
        let data_rows = DATA.lines().skip(1).filter(|l| !l.is_empty()).count();
        assert_eq!(
            all().len(),
            data_rows,
            "some rows were skipped as malformed"
        );
        assert_eq!(
            DATA.lines().next(),
            Some("code\ten\tsr-Latn\tsr-Cyrl\tru"),
            "header"
        );
        let header: Vec<&str> = NameLanguage::ALL.iter().map(|l| l.tag()).collect();
        assert_eq!(header, ["en", "sr-Latn", "sr-Cyrl", "ru"]);
    }

    #[test]
    fn has_at_least_240_countries_including_key_ones() {
        assert!(all().len() >= 240, "only {} countries", all().len());
        for code in ["RS", "RU", "UA", "CN", "US", "XK", "XX", "DE", "BA", "ME"] {
            assert!(find(code).is_some(), "{code} missing");
        }
        for code in ["EU", "EZ", "UN", "QO", "ZZ", "AC", "XA", "001", "150"] {
            assert!(find(code).is_none(), "{code} should not be a country");
        }
    }

    #[test]
    fn sorted_by_code_with_stateless_last() {
        let codes: Vec<&str> = all().iter().map(|c| c.code).collect();
        assert_eq!(codes.last(), Some(&STATELESS_CODE));
        assert_eq!(all().last().map(Country::is_stateless), Some(true));
        let countries = &codes[..codes.len() - 1];
        assert!(
            countries.windows(2).all(|w| w[0] < w[1]),
            "not sorted by code"
        );
        assert!(!countries.contains(&STATELESS_CODE));
    }

    #[test]
    fn russia_in_all_four_languages() {
        let name = |lang| find("RU").map(|c| c.name(lang));
        assert_eq!(name(NameLanguage::En), Some("Russia"));
        assert_eq!(name(NameLanguage::SrLatn), Some("Rusija"));
        assert_eq!(name(NameLanguage::SrCyrl), Some("Русија"));
        assert_eq!(name(NameLanguage::Ru), Some("Россия"));
    }

    #[test]
    fn stateless_names() {
        let name = |lang| find("xx").map(|c| c.name(lang));
        assert_eq!(name(NameLanguage::En), Some("Stateless"));
        assert_eq!(name(NameLanguage::SrLatn), Some("Bez državljanstva"));
        assert_eq!(name(NameLanguage::SrCyrl), Some("Без држављанства"));
        assert_eq!(name(NameLanguage::Ru), Some("Лицо без гражданства"));
    }

    #[test]
    fn lookup_is_case_insensitive() {
        for input in ["rs", "RS", "Rs", "rS", " rs "] {
            assert_eq!(find(input).map(|c| c.code), Some("RS"), "{input:?}");
            let code = CitizenshipCode::parse(input);
            assert_eq!(code.map(|c| c.as_str()), Ok("RS"), "{input:?}");
        }
        assert_eq!(find("xk").map(|c| c.name(NameLanguage::En)), Some("Kosovo"));
    }

    #[test]
    fn unknown_code_rejected() {
        for input in ["", "  ", "R", "RSS", "SRB", "QQ", "ZZ", "EU", "r5", "рс"] {
            let err = CitizenshipCode::parse(input);
            assert_eq!(err, Err(UnknownCountry), "{input:?}");
        }
        assert_eq!(UnknownCountry.code(), "unknown_country");
        assert_eq!(UnknownCountry.to_string(), "unknown country code");
    }

    #[test]
    fn citizenship_code_accessors() {
        let ua = CitizenshipCode::parse("ua");
        assert_eq!(ua.map(|c| c.as_str()), Ok("UA"));
        assert_eq!(ua.map(|c| c.to_string()), Ok("UA".to_owned()));
        assert_eq!(ua.as_ref().map(AsRef::as_ref), Ok("UA"));
        let name = ua
            .ok()
            .and_then(|c| c.country())
            .map(|c| c.name(NameLanguage::En));
        assert_eq!(name, Some("Ukraine"));
    }

    #[test]
    fn every_code_parses_and_every_name_is_nonempty() {
        for country in all() {
            let parsed = CitizenshipCode::parse(&country.code.to_lowercase());
            assert_eq!(parsed.map(|c| c.as_str()), Ok(country.code));
            for lang in NameLanguage::ALL {
                assert!(!country.name(lang).trim().is_empty());
            }
        }
    }

    #[test]
    fn sorted_for_is_a_permutation_in_every_language() {
        for lang in NameLanguage::ALL {
            let mut codes: Vec<&str> = sorted_for(lang).iter().map(|c| c.code).collect();
            codes.sort_unstable();
            let mut expected: Vec<&str> = all().iter().map(|c| c.code).collect();
            expected.sort_unstable();
            assert_eq!(codes, expected, "{lang:?}");
        }
    }

    #[test]
    fn sorting_english_folds_case_and_accents() {
        let names = names_sorted(NameLanguage::En);
        assert_eq!(names.first(), Some(&"Afghanistan"));
        assert!(before(&names, "Åland Islands", "Albania"));
        assert!(before(&names, "Russia", "Rwanda"));
        assert!(before(&names, "Serbia", "Stateless"));
        assert!(before(&names, "Stateless", "Sudan"));
        let lower: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        // Apart from accents, the order is the plain lower-case order.
        let folded: Vec<String> = lower
            .iter()
            .map(|n| n.chars().map(fold_latin).collect())
            .collect();
        let ascii_only: Vec<&String> = folded.iter().filter(|n| n.is_ascii()).collect();
        assert!(ascii_only.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn sorting_serbian_latin_puts_caron_letters_after_base() {
        let names = names_sorted(NameLanguage::SrLatn);
        // Every C… name before every Č… name; S… before Š…; Z… before Ž….
        for (base, accented) in [('C', 'Č'), ('S', 'Š'), ('Z', 'Ž'), ('D', 'Đ'), ('C', 'Ć')] {
            let last_base = names.iter().rposition(|n| n.starts_with(base));
            let first_accented = names.iter().position(|n| n.starts_with(accented));
            if let (Some(b), Some(a)) = (last_base, first_accented) {
                assert!(b < a, "{base}… should come before {accented}…");
            }
        }
        assert!(before(&names, "Crna Gora", "Čad"));
        assert!(before(&names, "Čad", "Danska"));
        assert!(before(&names, "Svazilend", "Španija"));
        assert!(before(&names, "Španija", "Tajland"));
        assert!(before(&names, "Srbija", "Sudan"));
    }

    #[test]
    fn sorting_serbian_cyrillic_follows_serbian_alphabet() {
        let names = names_sorted(NameLanguage::SrCyrl);
        assert!(before(&names, "Италија", "Јамајка"));
        assert!(before(&names, "Јапан", "Казахстан"));
        assert!(before(&names, "Србија", "Таџикистан"));
        assert!(before(&names, "Црна Гора", "Чад"));
        assert!(before(&names, "Чешка", "Швајцарска"));
    }

    #[test]
    fn sorting_russian() {
        let names = names_sorted(NameLanguage::Ru);
        assert_eq!(names.first(), Some(&"Австралия"));
        assert!(before(&names, "Россия", "Руанда"));
        assert!(before(&names, "Сербия", "Сингапур"));
        assert!(before(&names, "Эстония", "Япония"));
    }

    #[test]
    fn malformed_rows_are_skipped() {
        let table = "code\ten\tsr-Latn\tsr-Cyrl\tru\n\
                     AA\tA\tA\tA\tA\n\
                     bb\tB\tB\tB\tB\n\
                     CC\tC\tC\tC\n\
                     DD\tD\tD\tD\tD\textra\n\
                     EEE\tE\tE\tE\tE\n\
                     FF\tF\t \tF\tF\n\
                     AA\tDup\tDup\tDup\tDup\n\
                     \n\
                     GG\tG\tG\tG\tG\r\n";
        let codes: Vec<&str> = parse_table(table).iter().map(|c| c.code).collect();
        assert_eq!(codes, ["AA", "GG"]);
        let parsed = parse_table(table);
        assert_eq!(parsed.first().map(|c| c.name(NameLanguage::En)), Some("A"));
        assert_eq!(parsed.get(1).map(|c| c.name(NameLanguage::Ru)), Some("G"));
    }
}
