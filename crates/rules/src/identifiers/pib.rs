//! PIB — *poreski identifikacioni broj*, the Serbian tax identification
//! number of companies and entrepreneurs: 9 digits, the last being the
//! ISO 7064 MOD 11,10 check digit of the first 8 (source: Poreska uprava;
//! ISO 7064, hybrid system MOD 11,10 — the same scheme as the Croatian OIB).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{IdentifierError, digits_to_string, fixed_digits, string_conversions};

/// ISO 7064 MOD 11,10 check digit of `digits`.
///
/// Start with `p = 10`; for each digit `d`: `s = (p + d) mod 10`, with 0
/// replaced by 10; `p = (2·s) mod 11`. The check digit `c` is the one that
/// makes `(p + c) mod 10 == 1`, i.e. `c = (11 − p) mod 10`.
///
/// Hand check for 10113470 (PIB 101134702, python-stdnum's example):
/// p: 10 →(1) s=1,p=2 →(0) s=2,p=4 →(1) s=5,p=10 →(1) s=1,p=2 →(3) s=5,p=10
/// →(4) s=4,p=8 →(7) s=5,p=10 →(0) s=10,p=9; c = (11 − 9) mod 10 = 2. ✓
fn check_digit(digits: &[u8]) -> u8 {
    let p = digits.iter().fold(10_u8, |p, &d| {
        let s = match (p + d) % 10 {
            0 => 10,
            s => s,
        };
        (2 * s) % 11
    });
    (11 - p) % 10
}

/// A valid PIB: 9 digits with a matching ISO 7064 MOD 11,10 check digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Pib(String);

impl Pib {
    /// Parses a PIB (surrounding whitespace trimmed, nothing else accepted).
    ///
    /// # Errors
    /// `identifier_empty`, `not_digits`, `wrong_length` (≠ 9) or
    /// `invalid_check_digit`.
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let digits = fixed_digits::<9>(input)?;
        if check_digit(&digits[..8]) != digits[8] {
            return Err(IdentifierError::InvalidCheckDigit);
        }
        Ok(Self(digits_to_string(&digits)))
    }

    /// The 9 digits.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Pib {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Pib {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

string_conversions!(Pib, IdentifierError, |p| p.0.clone());

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn known_pibs() -> Result<(), IdentifierError> {
        // Published PIBs of well-known Serbian companies and python-stdnum's
        // example; all verified by the algorithm above.
        for pib in [
            "101134702",
            "100002887",
            "104052135",
            "103920327",
            "100041150",
        ] {
            assert_eq!(Pib::parse(pib)?.as_str(), pib);
        }
        assert_eq!(Pib::parse(" 100002887 ")?.to_string(), "100002887");
        Ok(())
    }

    #[test]
    fn rejects_bad_pibs() {
        assert_eq!(
            Pib::parse("101134703"),
            Err(IdentifierError::InvalidCheckDigit)
        );
        assert_eq!(
            Pib::parse("10113470"),
            Err(IdentifierError::WrongLength {
                expected: 9,
                found: 8
            })
        );
        assert_eq!(Pib::parse("10113470x"), Err(IdentifierError::NotDigits));
        assert_eq!(Pib::parse(""), Err(IdentifierError::Empty));
    }

    fn valid_pib() -> impl Strategy<Value = [u8; 9]> {
        prop::array::uniform8(0_u8..=9).prop_map(|first| {
            let mut d = [0_u8; 9];
            d[..8].copy_from_slice(&first);
            d[8] = check_digit(&first);
            d
        })
    }

    proptest! {
        #[test]
        fn valid_pibs_parse_and_round_trip(d in valid_pib()) {
            let s = digits_to_string(&d);
            let pib = Pib::parse(&s)?;
            prop_assert_eq!(pib.to_string(), s);
            prop_assert_eq!(Pib::parse(pib.as_str())?, pib);
        }

        /// MOD 11,10 detects every single-digit substitution.
        #[test]
        fn one_changed_digit_is_rejected(d in valid_pib(), pos in 0_usize..9, delta in 1_u8..=9) {
            let mut changed = d;
            changed[pos] = (changed[pos] + delta) % 10;
            prop_assert_eq!(
                Pib::parse(&digits_to_string(&changed)),
                Err(IdentifierError::InvalidCheckDigit)
            );
        }
    }
}
