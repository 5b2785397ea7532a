//! Amounts of money as people read them, one way per language: `22,230.00 RSD` (English),
//! `22.230,00 RSD` (Serbian), `22 230,00 RSD` (Russian, a no-break space between
//! thousands). Machine-readable amounts (the API's JSON, the IPS QR code) are not written
//! through here.

use eforeigner_domain::Lang;

/// `para` (hundredths of a dinar) with the currency, in `lang`'s form.
pub fn rsd(lang: Lang, para: u64) -> String {
    let (thousands, decimal) = match lang {
        Lang::En => (',', '.'),
        Lang::SrLatn | Lang::SrCyrl => ('.', ','),
        Lang::Ru => ('\u{a0}', ','),
    };
    let whole = (para / 100).to_string();
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(thousands);
        }
        grouped.push(c);
    }
    format!("{grouped}{decimal}{:02}\u{a0}RSD", para % 100)
}

/// [`rsd`] of an amount written plainly (`22230.00`, as the API and the fee data give it);
/// the text itself when it is not one.
pub fn rsd_plain(lang: Lang, plain: &str) -> String {
    let (whole, cents) = plain.split_once('.').unwrap_or((plain, "00"));
    match (whole.parse::<u64>(), cents.parse::<u64>()) {
        (Ok(w), Ok(c)) if cents.len() == 2 => rsd(lang, w * 100 + c),
        _ => plain.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_form_per_language() {
        assert_eq!(rsd(Lang::En, 2_223_000), "22,230.00\u{a0}RSD");
        assert_eq!(rsd(Lang::SrLatn, 2_223_000), "22.230,00\u{a0}RSD");
        assert_eq!(rsd(Lang::SrCyrl, 40_000), "400,00\u{a0}RSD");
        assert_eq!(
            rsd(Lang::Ru, 123_456_789),
            "1\u{a0}234\u{a0}567,89\u{a0}RSD"
        );
        assert_eq!(rsd_plain(Lang::En, "22230.00"), "22,230.00\u{a0}RSD");
        assert_eq!(rsd_plain(Lang::En, "about 1,700 EUR"), "about 1,700 EUR");
    }
}
