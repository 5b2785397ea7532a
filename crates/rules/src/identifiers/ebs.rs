//! EBS — *evidencijski broj stranca*, the foreigner's registration number
//! assigned by the Ministry of the Interior to foreigners who have no JMBG.
//!
//! Built like a JMBG (`DDMMYYYRRBBBK`, see [`super::Jmbg`]); the register
//! digits RR are 06 for permanently settled foreigners and 66 for the others.
//!
//! **Unverified:** we found no published normative text for the EBS check
//! digit; we assume it is the JMBG rule (including "10 or 11 becomes 0"),
//! because the number is built like a JMBG. Revisit when the MUP
//! specification is available.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::jmbg::{date_of_birth, verify_check_digit};
use super::{IdentifierError, digits_to_string, fixed_digits, string_conversions};

/// The register an EBS belongs to (its RR digits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EbsRegister {
    /// RR = 06: foreigners with permanent residence (*stalno nastanjeni*).
    PermanentlySettled,
    /// RR = 66: all other foreigners (e.g. temporary residence).
    Other,
}

impl EbsRegister {
    /// The RR digits as a number: 6 or 66.
    #[must_use]
    pub const fn digits(self) -> u8 {
        match self {
            Self::PermanentlySettled => 6,
            Self::Other => 66,
        }
    }

    /// Stable snake_case code: `permanently_settled` or `other`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::PermanentlySettled => "permanently_settled",
            Self::Other => "other",
        }
    }
}

/// A valid EBS: 13 digits, register 06 or 66, real date, matching check digit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Ebs {
    value: String,
    register: EbsRegister,
    date_of_birth: Date,
}

impl Ebs {
    /// Parses an EBS. Surrounding whitespace is trimmed; internal spaces are
    /// not accepted.
    ///
    /// Checks, in order: empty (`identifier_empty`), digits only
    /// (`not_digits`), 13 digits (`wrong_length`), register 06/66
    /// (`ebs_wrong_register`), real date (`invalid_date`), check digit
    /// (`invalid_check_digit`).
    ///
    /// # Errors
    /// The first check that fails, as an [`IdentifierError`].
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let digits = fixed_digits::<13>(input)?;
        let register = match digits[7] * 10 + digits[8] {
            6 => EbsRegister::PermanentlySettled,
            66 => EbsRegister::Other,
            found => return Err(IdentifierError::EbsWrongRegister { found }),
        };
        let date_of_birth = date_of_birth(&digits)?;
        verify_check_digit(&digits)?;
        Ok(Self {
            value: digits_to_string(&digits),
            register,
            date_of_birth,
        })
    }

    /// A new EBS for a person born on `date_of_birth`, in `register`, with the serial
    /// `serial` (the BBB digits, 0–999): the check digit computed by the same rule
    /// [`Self::parse`] checks. `None` for a serial over 999 or a birth year outside
    /// 1800–2099 (the years a JMBG-shaped number can write).
    #[must_use]
    pub fn assign(date_of_birth: Date, register: EbsRegister, serial: u16) -> Option<Self> {
        if serial > 999 || !(1800..=2099).contains(&date_of_birth.year()) {
            return None;
        }
        let yyy = u16::try_from(date_of_birth.year().rem_euclid(1000)).ok()?;
        let mut digits = [0u8; 13];
        let put = |digits: &mut [u8; 13], at: usize, value: u16, width: usize| {
            let mut v = value;
            for i in (0..width).rev() {
                digits[at + i] = u8::try_from(v % 10).unwrap_or(0);
                v /= 10;
            }
        };
        put(
            &mut digits,
            0,
            u16::from(date_of_birth.day().unsigned_abs()),
            2,
        );
        put(
            &mut digits,
            2,
            u16::from(date_of_birth.month().unsigned_abs()),
            2,
        );
        put(&mut digits, 4, yyy, 3);
        put(&mut digits, 7, u16::from(register.digits()), 2);
        put(&mut digits, 9, serial, 3);
        digits[12] = super::jmbg::check_digit(&digits[..12]);
        Self::parse(&digits_to_string(&digits)).ok()
    }

    /// The 13 digits.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// The register (06 or 66).
    #[must_use]
    pub const fn register(&self) -> EbsRegister {
        self.register
    }

    /// Whether the holder is a permanently settled foreigner (register 06).
    #[must_use]
    pub const fn is_permanent(&self) -> bool {
        matches!(self.register, EbsRegister::PermanentlySettled)
    }

    /// Date of birth from `DDMMYYY` (same century rule as JMBG).
    #[must_use]
    pub const fn date_of_birth(&self) -> Date {
        self.date_of_birth
    }
}

impl fmt::Display for Ebs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value)
    }
}

impl AsRef<str> for Ebs {
    fn as_ref(&self) -> &str {
        &self.value
    }
}

string_conversions!(Ebs, IdentifierError, |e| e.value.clone());

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use proptest::prelude::*;

    use super::super::jmbg::check_digit;
    use super::super::jmbg::tests::valid_digits;
    use super::*;

    // 0101990 06 123 K: digits a..f = 0 1 0 1 9 9, g..l = 0 0 6 1 2 3;
    // 7(0+0)+6(1+0)+5(0+6)+4(1+1)+3(9+2)+2(9+3) = 6+30+8+33+24 = 101;
    // 101 mod 11 = 2; K = 11 − 2 = 9.
    #[test]
    fn parses_permanent_and_other() -> Result<(), IdentifierError> {
        let e = Ebs::parse("0101990061239")?;
        assert_eq!(e.register(), EbsRegister::PermanentlySettled);
        assert!(e.is_permanent());
        assert_eq!(e.date_of_birth(), date(1990, 1, 1));
        assert_eq!(e.to_string(), "0101990061239");

        let mut digits = [0, 1, 0, 1, 9, 9, 0, 6, 6, 1, 2, 3, 0];
        digits[12] = check_digit(&digits[..12]);
        let other = Ebs::parse(&digits_to_string(&digits))?;
        assert_eq!(other.register(), EbsRegister::Other);
        assert!(!other.is_permanent());
        assert_eq!(other.register().digits(), 66);
        Ok(())
    }

    #[test]
    fn rejects_other_registers_and_bad_numbers() {
        // A valid JMBG from Belgrade (71) is not an EBS.
        assert_eq!(
            Ebs::parse("0101990710008"),
            Err(IdentifierError::EbsWrongRegister { found: 71 })
        );
        assert_eq!(
            Ebs::parse("0101990061238"),
            Err(IdentifierError::InvalidCheckDigit)
        );
        assert_eq!(
            Ebs::parse("3002990061231"),
            Err(IdentifierError::InvalidDate)
        );
        assert_eq!(
            Ebs::parse("01019900612 39"),
            Err(IdentifierError::NotDigits)
        );
    }

    fn valid_ebs_digits() -> impl Strategy<Value = [u8; 13]> {
        (valid_digits(), any::<bool>()).prop_map(|(mut d, permanent)| {
            d[7] = if permanent { 0 } else { 6 };
            d[8] = 6;
            d[12] = check_digit(&d[..12]);
            d
        })
    }

    proptest! {
        #[test]
        fn valid_numbers_parse(digits in valid_ebs_digits()) {
            let s = digits_to_string(&digits);
            let e = Ebs::parse(&s)?;
            prop_assert_eq!(e.as_str(), s.as_str());
            prop_assert_eq!(e.is_permanent(), digits[7] == 0);
            let shown = e.to_string();
            prop_assert_eq!(Ebs::parse(&shown)?, e);
        }

        #[test]
        fn other_registers_are_rejected(digits in valid_digits()) {
            let rr = digits[7] * 10 + digits[8];
            prop_assume!(rr != 6 && rr != 66);
            prop_assert_eq!(
                Ebs::parse(&digits_to_string(&digits)),
                Err(IdentifierError::EbsWrongRegister { found: rr })
            );
        }

        #[test]
        fn changed_check_digit_is_rejected(digits in valid_ebs_digits(), delta in 1_u8..=9) {
            let mut changed = digits;
            changed[12] = (changed[12] + delta) % 10;
            prop_assert_eq!(
                Ebs::parse(&digits_to_string(&changed)),
                Err(IdentifierError::InvalidCheckDigit)
            );
        }
    }

    #[test]
    fn an_assigned_number_parses_back_with_its_date_and_register() {
        let born = jiff::civil::date(1991, 3, 14);
        for serial in [0, 1, 427, 999] {
            let ebs = Ebs::assign(born, EbsRegister::Other, serial).unwrap();
            assert_eq!(Ebs::parse(ebs.as_str()), Ok(ebs.clone()));
            assert_eq!(ebs.date_of_birth(), born);
            assert_eq!(ebs.register(), EbsRegister::Other);
            assert!(ebs.as_str().starts_with("140399166"));
        }
        assert!(Ebs::assign(born, EbsRegister::Other, 1000).is_none());
        assert!(Ebs::assign(jiff::civil::date(2100, 1, 1), EbsRegister::Other, 1).is_none());
    }
}
