//! E-mail addresses as accepted for user accounts.
//!
//! A deliberately practical subset of RFC 5321/5322: `local@domain`, where the
//! local part is 1–64 characters of RFC 5322 `atext` (ASCII letters, digits
//! and ``!#$%&'*+/=?^_`{|}~-``) separated by single dots, and the domain is
//! 1–253 characters of dot-separated DNS labels (1–63 of `A-Z a-z 0-9 -`,
//! not starting or ending with `-`) with a top-level domain of at least two
//! letters (or an IDNA `xn--` label). Quoted local parts, IP-literal domains
//! and non-ASCII addresses are not accepted; international domains must be
//! entered in their `xn--` form. Whole address ≤ 254 characters (RFC 5321
//! path limit minus the angle brackets).

use std::fmt;

use serde::{Deserialize, Serialize};

/// Maximum length of the whole address.
const MAX_LEN: usize = 254;
/// Maximum length of the local part.
const MAX_LOCAL: usize = 64;
/// Maximum length of the domain.
const MAX_DOMAIN: usize = 253;
/// Maximum length of one domain label.
const MAX_LABEL: usize = 63;

/// Why a string is not an acceptable e-mail address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EmailError {
    /// Nothing was entered.
    #[error("no e-mail address was entered")]
    Empty,
    /// Not of the accepted form.
    #[error("this is not a valid e-mail address")]
    Invalid,
    /// The address, its local part or its domain is too long.
    #[error("the e-mail address is too long")]
    TooLong,
}

impl EmailError {
    /// Stable snake_case code: `email_empty`, `email_invalid` or `email_too_long`.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Empty => "email_empty",
            Self::Invalid => "email_invalid",
            Self::TooLong => "email_too_long",
        }
    }
}

/// A syntactically valid e-mail address: local part as typed, domain
/// lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email {
    value: String,
    /// Byte index of the `@`.
    at: usize,
}

/// RFC 5322 `atext` (ASCII only).
fn is_atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c)
}

/// Whether `label` is a valid DNS label.
fn is_label(label: &str) -> bool {
    (1..=MAX_LABEL).contains(&label.len())
        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

impl Email {
    /// Parses an address, trimming surrounding whitespace and lower-casing
    /// the domain.
    ///
    /// # Errors
    /// `email_empty` for blank input; `email_too_long` when the address
    /// exceeds 254, the local part 64 or the domain 253 characters;
    /// `email_invalid` for anything else that does not fit the rules in the
    /// module documentation.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(EmailError::Empty);
        }
        if trimmed.chars().count() > MAX_LEN {
            return Err(EmailError::TooLong);
        }
        let Some((local, domain)) = trimmed.split_once('@') else {
            return Err(EmailError::Invalid);
        };
        if domain.contains('@') || local.is_empty() || domain.is_empty() {
            return Err(EmailError::Invalid);
        }
        if local.chars().count() > MAX_LOCAL || domain.chars().count() > MAX_DOMAIN {
            return Err(EmailError::TooLong);
        }
        if !local
            .split('.')
            .all(|atom| !atom.is_empty() && atom.chars().all(is_atext))
        {
            // Covers leading, trailing and consecutive dots too.
            return Err(EmailError::Invalid);
        }
        let labels: Vec<&str> = domain.split('.').collect();
        let [.., tld] = labels.as_slice() else {
            return Err(EmailError::Invalid);
        };
        let tld_ok = tld.len() >= 2
            && (tld.chars().all(|c| c.is_ascii_alphabetic())
                || tld.to_ascii_lowercase().starts_with("xn--"));
        if labels.len() < 2 || !labels.iter().all(|l| is_label(l)) || !tld_ok {
            return Err(EmailError::Invalid);
        }
        Ok(Self {
            value: format!("{local}@{}", domain.to_ascii_lowercase()),
            at: local.len(),
        })
    }

    /// The address: local part as typed, domain lower-cased.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The part before the `@`, as typed.
    #[must_use]
    pub fn local_part(&self) -> &str {
        self.value.get(..self.at).unwrap_or_default()
    }

    /// The (lower-cased) part after the `@`.
    #[must_use]
    pub fn domain(&self) -> &str {
        self.value.get(self.at + 1..).unwrap_or_default()
    }

    /// The whole address in lower case: the key for usernames and look-ups,
    /// so that `Marko@Example.rs` and `marko@example.rs` are one account.
    #[must_use]
    pub fn normalized(&self) -> String {
        self.value.to_ascii_lowercase()
    }

    /// The same address in its [`normalized`](Self::normalized) form, still an `Email`
    /// (an account's username).
    #[must_use]
    pub fn into_normalized(self) -> Self {
        Self {
            value: self.value.to_ascii_lowercase(),
            at: self.at,
        }
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.value
    }
}

crate::identifiers::string_conversions!(Email, EmailError, |e| e.value.clone());

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn accepts_ordinary_addresses() -> Result<(), EmailError> {
        let e = Email::parse("  Marko.Markovic+eu@Example.CO.rs \n")?;
        assert_eq!(e.as_str(), "Marko.Markovic+eu@example.co.rs");
        assert_eq!(e.local_part(), "Marko.Markovic+eu");
        assert_eq!(e.domain(), "example.co.rs");
        assert_eq!(e.normalized(), "marko.markovic+eu@example.co.rs");
        assert_eq!(e.to_string(), "Marko.Markovic+eu@example.co.rs");
        assert!(Email::parse("a@b.cd").is_ok());
        assert!(Email::parse("o'brien@mail-server.example.org").is_ok());
        assert!(Email::parse("ivan@xn--90a3ac.xn--p1ai").is_ok());
        assert!(Email::parse("x@123.example.com").is_ok());
        Ok(())
    }

    #[test]
    fn rejects_invalid_addresses() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        assert_eq!(Email::parse("   "), Err(EmailError::Empty));
        for bad in [
            "marko",
            "marko@",
            "@example.com",
            "marko@@example.com",
            "marko@ivan@example.com",
            "marko markovic@example.com",
            "marko@example",
            "marko@example.c",
            "marko@example.c0m",
            "marko@example..com",
            "marko@.example.com",
            "marko@example.com.",
            "marko@-example.com",
            "marko@example-.com",
            "marko@exa_mple.com",
            ".marko@example.com",
            "marko.@example.com",
            "mar..ko@example.com",
            "mar\u{7}ko@example.com",
            "марко@example.com",
            "marko@пример.срб",
            "\"marko\"@example.com",
            "marko@[192.168.0.1]",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Invalid), "{bad}");
        }
    }

    #[test]
    fn length_limits() {
        let local64 = "a".repeat(64);
        assert!(Email::parse(&format!("{local64}@example.com")).is_ok());
        assert_eq!(
            Email::parse(&format!("a{local64}@example.com")),
            Err(EmailError::TooLong)
        );
        let label63 = "b".repeat(63);
        assert!(Email::parse(&format!("a@{label63}.com")).is_ok());
        assert_eq!(
            Email::parse(&format!("a@{label63}b.com")),
            Err(EmailError::Invalid)
        );
        // 64 + "@" + 63 + "." + 63 + "." + 57 + ".com" = 254 characters.
        let long = format!("{local64}@{label63}.{label63}.{}.com", "c".repeat(57));
        assert_eq!(long.len(), 254);
        assert!(Email::parse(&long).is_ok());
        let too_long = format!("{local64}@{label63}.{label63}.{}.com", "c".repeat(58));
        assert_eq!(Email::parse(&too_long), Err(EmailError::TooLong));
    }

    #[test]
    fn codes_are_stable() {
        assert_eq!(EmailError::Empty.code(), "email_empty");
        assert_eq!(EmailError::Invalid.code(), "email_invalid");
        assert_eq!(EmailError::TooLong.code(), "email_too_long");
    }

    fn valid_address() -> impl Strategy<Value = String> {
        (
            "[A-Za-z0-9_+-]{1,10}(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,10}){0,3}",
            "([A-Za-z0-9]([A-Za-z0-9-]{0,10}[A-Za-z0-9])?\\.){1,3}[A-Za-z]{2,6}",
        )
            .prop_map(|(local, domain)| format!("{local}@{domain}"))
    }

    proptest! {
        #[test]
        fn generated_valid_addresses_parse(addr in valid_address()) {
            let e = Email::parse(&addr)?;
            prop_assert_eq!(e.normalized(), addr.to_lowercase());
            let (local, domain) = addr.split_once('@').unwrap_or_default();
            prop_assert_eq!(e.local_part(), local);
            prop_assert_eq!(e.domain(), domain.to_lowercase());
            prop_assert_eq!(Email::parse(e.as_str())?, e);
        }

        #[test]
        fn strings_without_at_fail(s in "[^@]*") {
            prop_assert!(Email::parse(&s).is_err());
        }

        #[test]
        fn arbitrary_strings_never_panic(s in "\\PC{0,300}") {
            let _ = Email::parse(&s);
        }
    }
}
