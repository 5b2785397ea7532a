//! Payment reference (*poziv na broj*) in model 97.
//!
//! Model 97 protects the reference with two check digits computed by
//! ISO 7064 MOD 97-10: `check = 98 − ((reference × 100) mod 97)` (source: NBS,
//! Odluka o platnom prometu / ISO 7064 MOD 97-10). It is written
//! `97 CC-reference`, e.g. `97 14-123412` or, for public revenues paid by
//! municipality code 016, `97 50-016`.
//!
//! For this project the reference is digits only; dashes may separate groups
//! (`97 50-016-12345`), are kept for display and ignored by the check. (The
//! ISO 7064 letter mapping A=10..Z=35 is not supported: Serbian payment
//! systems use digits.) The arithmetic is done digit by digit, so any length
//! works; the length is limited to what the IPS QR `RO` field holds
//! (25 characters including the model, so 23 digits for check + reference).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{IdentifierError, digit_values, mod97_10_check, string_conversions};

/// The payment model this type implements.
const MODEL: &str = "97";
/// Maximum digits of check + reference (IPS QR `RO` tag: 25 with the model).
const MAX_DIGITS: usize = 23;

/// A model-97 payment reference with correct check digits.
///
/// Displays as `14-123412` (check, dash, reference as grouped by the user);
/// serialises (serde) the same way.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Reference97 {
    check: u8,
    /// Digits, possibly grouped by single inner dashes.
    base: String,
}

/// Validates a reference body (digits in dash-separated groups) and returns
/// its digits.
fn base_digits(base: &str) -> Result<Vec<u8>, IdentifierError> {
    if base.is_empty() {
        return Err(IdentifierError::Empty);
    }
    let mut digits = Vec::with_capacity(base.len());
    for group in base.split('-') {
        if group.is_empty() {
            return Err(IdentifierError::InvalidFormat);
        }
        digits.extend(digit_values(group)?);
    }
    if digits.len() + 2 > MAX_DIGITS {
        return Err(IdentifierError::ReferenceTooLong { max: MAX_DIGITS });
    }
    Ok(digits)
}

impl Reference97 {
    /// Computes the check digits for a reference body such as `123412` or
    /// `016-12345` (surrounding whitespace trimmed).
    ///
    /// # Errors
    /// `identifier_empty`; `not_digits`; `invalid_format` (empty group, i.e.
    /// leading, trailing or doubled dash); `reference_too_long` (more than 21
    /// digits).
    pub fn compute(base: &str) -> Result<Self, IdentifierError> {
        let base = base.trim();
        let digits = base_digits(base)?;
        Ok(Self {
            check: mod97_10_check(&digits),
            base: base.to_owned(),
        })
    }

    /// Parses and verifies a written reference: `97 14-123412`, `14-123412`
    /// or `14123412` (surrounding whitespace trimmed). If a part separated
    /// by whitespace precedes it, that part is the model and must be `97`.
    ///
    /// # Errors
    /// `identifier_empty`; `reference_wrong_model`; `not_digits`;
    /// `invalid_format` (more than two whitespace-separated parts, check not
    /// two digits, empty groups); `reference_too_long`; `invalid_check_digit`.
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let parts: Vec<&str> = input.split_whitespace().collect();
        let reference = match parts.as_slice() {
            [] => return Err(IdentifierError::Empty),
            [reference] => *reference,
            [model, reference] => {
                if *model != MODEL {
                    return Err(IdentifierError::ReferenceWrongModel);
                }
                *reference
            }
            _ => return Err(IdentifierError::InvalidFormat),
        };
        let (check, base) = match reference.split_once('-') {
            Some((check, base)) => (check, base),
            None => {
                if !reference.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(IdentifierError::NotDigits);
                }
                if reference.len() < 3 {
                    return Err(IdentifierError::InvalidFormat);
                }
                reference.split_at(2)
            }
        };
        Self::verified(check, base)
    }

    /// Parses the IPS QR form `9714123412`: model `97`, two check digits and
    /// the reference without separators (surrounding whitespace trimmed).
    ///
    /// # Errors
    /// As [`parse`](Self::parse); a string not starting with `97` gives
    /// `reference_wrong_model`.
    pub fn parse_qr(input: &str) -> Result<Self, IdentifierError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(IdentifierError::Empty);
        }
        if !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Err(IdentifierError::NotDigits);
        }
        let Some(rest) = trimmed.strip_prefix(MODEL) else {
            return Err(IdentifierError::ReferenceWrongModel);
        };
        if rest.len() < 3 {
            return Err(IdentifierError::InvalidFormat);
        }
        let (check, base) = rest.split_at(2);
        Self::verified(check, base)
    }

    /// Builds from written check digits and body, verifying the check.
    fn verified(check: &str, base: &str) -> Result<Self, IdentifierError> {
        let check = match digit_values(check)?.as_slice() {
            [a, b] => a * 10 + b,
            _ => return Err(IdentifierError::InvalidFormat),
        };
        if base.is_empty() {
            return Err(IdentifierError::InvalidFormat);
        }
        let computed = Self::compute(base)?;
        if computed.check == check {
            Ok(computed)
        } else {
            Err(IdentifierError::InvalidCheckDigit)
        }
    }

    /// The model, always `97`.
    #[must_use]
    pub const fn model(&self) -> &'static str {
        MODEL
    }

    /// The check digits (2..=98; written with two digits).
    #[must_use]
    pub const fn check(&self) -> u8 {
        self.check
    }

    /// The reference body as grouped, e.g. `123412` or `016-12345`.
    #[must_use]
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The full written form with the model, e.g. `97 14-123412`.
    #[must_use]
    pub fn written(&self) -> String {
        format!("{MODEL} {self}")
    }

    /// The IPS QR (`RO` tag) form: model, check and reference without
    /// spaces or dashes, e.g. `9714123412`.
    #[must_use]
    pub fn for_qr(&self) -> String {
        let body: String = self.base.chars().filter(|c| *c != '-').collect();
        format!("{MODEL}{:02}{body}", self.check)
    }
}

impl fmt::Display for Reference97 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}-{}", self.check, self.base)
    }
}

string_conversions!(Reference97, IdentifierError, |r| r.to_string());

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::identifiers::digits_to_string;

    #[test]
    fn published_examples() -> Result<(), IdentifierError> {
        // 123412 × 100 mod 97 = 84 → 98 − 84 = 14.
        let r = Reference97::compute("123412")?;
        assert_eq!(r.check(), 14);
        assert_eq!(r.to_string(), "14-123412");
        assert_eq!(r.written(), "97 14-123412");
        assert_eq!(r.for_qr(), "9714123412");
        assert_eq!(r.model(), "97");
        assert_eq!(r.base(), "123412");
        for written in ["97 14-123412", "14-123412", "14123412", "  97   14-123412 "] {
            assert_eq!(Reference97::parse(written)?, r, "{written}");
        }
        assert_eq!(Reference97::parse_qr("9714123412")?, r);

        // Municipality code 016: 1600 mod 97 = 48 → 98 − 48 = 50.
        let m = Reference97::compute("016")?;
        assert_eq!(m.written(), "97 50-016");
        assert_eq!(Reference97::parse("97 50-016")?, m);
        Ok(())
    }

    #[test]
    fn grouping_is_kept_and_ignored_by_the_check() -> Result<(), IdentifierError> {
        let grouped = Reference97::compute("016-12345")?;
        let plain = Reference97::compute("01612345")?;
        assert_eq!(grouped.check(), plain.check());
        assert_eq!(grouped.for_qr(), plain.for_qr());
        assert_eq!(
            grouped.to_string(),
            format!("{:02}-016-12345", plain.check())
        );
        assert_eq!(Reference97::parse(&grouped.written())?, grouped);
        Ok(())
    }

    #[test]
    fn rejects_bad_references() {
        assert_eq!(
            Reference97::parse("97 15-123412"),
            Err(IdentifierError::InvalidCheckDigit)
        );
        assert_eq!(
            Reference97::parse("11 14-123412"),
            Err(IdentifierError::ReferenceWrongModel)
        );
        assert_eq!(
            Reference97::parse("97 14 123412"),
            Err(IdentifierError::InvalidFormat)
        );
        assert_eq!(
            Reference97::parse("1-4123412"),
            Err(IdentifierError::InvalidFormat)
        );
        assert_eq!(
            Reference97::parse("14-12--3412"),
            Err(IdentifierError::InvalidFormat)
        );
        assert_eq!(
            Reference97::parse("14-"),
            Err(IdentifierError::InvalidFormat)
        );
        assert_eq!(
            Reference97::parse("14"),
            Err(IdentifierError::InvalidFormat)
        );
        assert_eq!(
            Reference97::parse("14-12341A"),
            Err(IdentifierError::NotDigits)
        );
        assert_eq!(Reference97::parse(" "), Err(IdentifierError::Empty));
        assert_eq!(
            Reference97::compute("1234567890123456789012"),
            Err(IdentifierError::ReferenceTooLong { max: 23 })
        );
        assert!(Reference97::compute("123456789012345678901").is_ok());
        assert_eq!(
            Reference97::parse_qr("9814123412"),
            Err(IdentifierError::ReferenceWrongModel)
        );
    }

    proptest! {
        #[test]
        fn computed_references_round_trip(digits in prop::collection::vec(0_u8..=9, 1..=21)) {
            let base = digits_to_string(&digits);
            let r = Reference97::compute(&base)?;
            prop_assert!((2..=98).contains(&r.check()));
            prop_assert_eq!(Reference97::parse(&r.to_string())?, r.clone());
            prop_assert_eq!(Reference97::parse(&r.written())?, r.clone());
            prop_assert_eq!(Reference97::parse_qr(&r.for_qr())?, r.clone());
            prop_assert_eq!(Reference97::try_from(String::from(r.clone()))?, r);
        }

        /// MOD 97-10 detects every single-digit substitution.
        #[test]
        fn one_changed_digit_is_rejected(
            digits in prop::collection::vec(0_u8..=9, 1..=21),
            pos in any::<prop::sample::Index>(),
            delta in 1_u8..=9,
        ) {
            let r = Reference97::compute(&digits_to_string(&digits))?;
            let mut all = vec![r.check() / 10, r.check() % 10];
            all.extend(&digits);
            let i = pos.index(all.len());
            all[i] = (all[i] + delta) % 10;
            let (check, base) = all.split_at(2);
            let written = format!("{}-{}", digits_to_string(check), digits_to_string(base));
            prop_assert_eq!(
                Reference97::parse(&written),
                Err(IdentifierError::InvalidCheckDigit)
            );
        }
    }
}
