//! Serbian identifiers: personal numbers (JMBG, EBS), tax and company numbers
//! (PIB, MB), bank accounts and model-97 payment references.
//!
//! Every identifier is a newtype that can only be built by `parse` (or, for
//! [`Reference97`], `compute`); holding a value is proof that it passed every
//! check. All parsers trim surrounding whitespace and otherwise accept only the
//! documented forms. Every failure is an [`IdentifierError`] with a stable
//! [`code`](IdentifierError::code).
//!
//! All identifiers serialise (serde) as their canonical string and deserialise
//! through `parse`, so a deserialised value is just as trustworthy.

mod bank_account;
mod ebs;
mod jmbg;
mod mb;
mod pib;
mod reference97;

pub use bank_account::BankAccount;
pub use ebs::{Ebs, EbsRegister};
pub use jmbg::{Jmbg, Region, Sex};
pub use mb::Mb;
pub use pib::Pib;
pub use reference97::Reference97;

/// Why a string is not a valid identifier.
///
/// The [`code`](Self::code) is stable and is used as a translation key and
/// API error code; the fields carry data for the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum IdentifierError {
    /// Nothing was entered (only whitespace).
    #[error("no value was entered")]
    Empty,
    /// The number has the wrong number of digits.
    #[error("expected {expected} digits, found {found}")]
    WrongLength {
        /// How many digits the identifier must have.
        expected: usize,
        /// How many characters were entered (after trimming).
        found: usize,
    },
    /// Something other than an ASCII digit (or an allowed separator) was entered.
    #[error("only digits are allowed")]
    NotDigits,
    /// The date encoded in the number (JMBG, EBS) is not a real calendar date.
    #[error("the date in the number is not a real calendar date")]
    InvalidDate,
    /// The check digit(s) do not match the rest of the number.
    #[error("the check digit does not match; the number was probably mistyped")]
    InvalidCheckDigit,
    /// An EBS whose register digits are neither 06 nor 66.
    #[error("register {found:02} is not a foreigners' register (06 or 66)")]
    EbsWrongRegister {
        /// The register digits that were found.
        found: u8,
    },
    /// The separators or parts are not in the expected layout
    /// (e.g. a bank account that is not `bbb-nnnnnnnnnnnnn-kk`).
    #[error("the value is not in the expected format")]
    InvalidFormat,
    /// A payment reference with a model other than 97.
    #[error("only payment model 97 is supported")]
    ReferenceWrongModel,
    /// A payment reference longer than payment systems accept.
    #[error("the payment reference is longer than {max} digits")]
    ReferenceTooLong {
        /// The maximum number of digits (check digits included, separators not).
        max: usize,
    },
}

impl IdentifierError {
    /// Stable snake_case code, used as translation key and API error code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::Empty => "identifier_empty",
            Self::WrongLength { .. } => "wrong_length",
            Self::NotDigits => "not_digits",
            Self::InvalidDate => "invalid_date",
            Self::InvalidCheckDigit => "invalid_check_digit",
            Self::EbsWrongRegister { .. } => "ebs_wrong_register",
            Self::InvalidFormat => "invalid_format",
            Self::ReferenceWrongModel => "reference_wrong_model",
            Self::ReferenceTooLong { .. } => "reference_too_long",
        }
    }
}

/// Trims `input` and checks that it is exactly `N` ASCII digits; returns the
/// digit values.
///
/// Order of checks: empty, then non-digits, then length — so "12a" reports
/// `not_digits` rather than `wrong_length`.
fn fixed_digits<const N: usize>(input: &str) -> Result<[u8; N], IdentifierError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(IdentifierError::Empty);
    }
    let values = digit_values(trimmed)?;
    values
        .try_into()
        .map_err(|values: Vec<u8>| IdentifierError::WrongLength {
            expected: N,
            found: values.len(),
        })
}

/// The values of the ASCII digits of `s`, or `NotDigits` if anything else occurs.
fn digit_values(s: &str) -> Result<Vec<u8>, IdentifierError> {
    s.bytes()
        .map(|b| {
            if b.is_ascii_digit() {
                Ok(b - b'0')
            } else {
                Err(IdentifierError::NotDigits)
            }
        })
        .collect()
}

/// Renders digit values (0–9) as a string.
fn digits_to_string(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// Remainder modulo 97 of the decimal number written by `digits`, of any
/// length (processed digit by digit, so it never overflows).
fn mod97(digits: impl IntoIterator<Item = u8>) -> u32 {
    digits
        .into_iter()
        .fold(0_u32, |acc, d| (acc * 10 + u32::from(d)) % 97)
}

/// ISO 7064 MOD 97-10 check digits of `digits`: `98 − ((n × 100) mod 97)`,
/// always in 2..=98.
fn mod97_10_check(digits: &[u8]) -> u8 {
    let remainder = mod97(digits.iter().copied().chain([0, 0]));
    // remainder < 97, so the result is in 2..=98 and fits in u8.
    u8::try_from(98 - remainder).unwrap_or(0)
}

/// Generates `FromStr`, `TryFrom<&str>`, `TryFrom<String>` (all via `parse`)
/// and `From<$t> for String` (via the given method) for an identifier.
macro_rules! string_conversions {
    ($t:ty, $err:ty, $to_string:expr) => {
        impl ::std::str::FromStr for $t {
            type Err = $err;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::parse(s)
            }
        }
        impl TryFrom<&str> for $t {
            type Error = $err;
            fn try_from(s: &str) -> Result<Self, Self::Error> {
                Self::parse(s)
            }
        }
        impl TryFrom<String> for $t {
            type Error = $err;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                Self::parse(&s)
            }
        }
        impl From<$t> for String {
            fn from(value: $t) -> Self {
                let f: fn(&$t) -> String = $to_string;
                f(&value)
            }
        }
    };
}
pub(crate) use string_conversions;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        assert_eq!(IdentifierError::Empty.code(), "identifier_empty");
        assert_eq!(
            IdentifierError::WrongLength {
                expected: 13,
                found: 12
            }
            .code(),
            "wrong_length"
        );
        assert_eq!(IdentifierError::NotDigits.code(), "not_digits");
        assert_eq!(IdentifierError::InvalidDate.code(), "invalid_date");
        assert_eq!(
            IdentifierError::InvalidCheckDigit.code(),
            "invalid_check_digit"
        );
        assert_eq!(
            IdentifierError::EbsWrongRegister { found: 7 }.code(),
            "ebs_wrong_register"
        );
        assert_eq!(IdentifierError::InvalidFormat.code(), "invalid_format");
        assert_eq!(
            IdentifierError::ReferenceWrongModel.code(),
            "reference_wrong_model"
        );
        assert_eq!(
            IdentifierError::ReferenceTooLong { max: 23 }.code(),
            "reference_too_long"
        );
    }

    #[test]
    fn fixed_digits_order_of_checks() {
        assert_eq!(fixed_digits::<3>("  "), Err(IdentifierError::Empty));
        assert_eq!(fixed_digits::<3>("1a"), Err(IdentifierError::NotDigits));
        assert_eq!(fixed_digits::<3>("1 2"), Err(IdentifierError::NotDigits));
        assert_eq!(
            fixed_digits::<3>("1234"),
            Err(IdentifierError::WrongLength {
                expected: 3,
                found: 4
            })
        );
        assert_eq!(fixed_digits::<3>(" 123\n"), Ok([1, 2, 3]));
    }

    #[test]
    fn mod97_of_long_numbers() {
        // 10^30 mod 97: 10^2 ≡ 3, so 10^30 ≡ 3^15 = 14348907 ≡ 14348907 mod 97.
        let mut digits = vec![1];
        digits.extend([0; 30]);
        assert_eq!(mod97(digits), 14_348_907 % 97);
        assert_eq!(mod97([9, 7]), 0);
        assert_eq!(mod97_10_check(&[1, 2, 3, 4, 1, 2]), 14);
    }
}
