//! How names and codes of the rules crate are shown in a portal language: the language of
//! the rules' name tables for a page language, and a reason's arguments as its message
//! shows them.

use eforeigner_rules::countries::NameLanguage;
use eforeigner_rules::residence;

use super::Tr;
use eforeigner_domain::Lang;

/// The names of the rules crate in a portal language.
pub fn name_language(lang: Lang) -> NameLanguage {
    match lang {
        Lang::En => NameLanguage::En,
        Lang::SrLatn => NameLanguage::SrLatn,
        Lang::SrCyrl => NameLanguage::SrCyrl,
        Lang::Ru => NameLanguage::Ru,
    }
}

/// An argument of a reason as its message shows it: a basis code (`basis`, `d_visa_basis`)
/// becomes the basis name in the reader's language; anything else is kept.
pub fn shown_arg(tr: &Tr, key: &str, value: &str) -> String {
    match key {
        "basis" | "d_visa_basis" => residence::catalogue()
            .basis(value)
            .map(|b| b.names.get(name_language(tr.lang)).to_string())
            .unwrap_or_else(|| value.to_string()),
        _ => value.to_string(),
    }
}

/// A police department's full name in the reader's script (Cyrillic for Serbian Cyrillic,
/// else Latin).
pub fn department_name(department: eforeigner_domain::Department, lang: Lang) -> String {
    department
        .full_name(matches!(lang, Lang::SrCyrl))
        .to_string()
}
