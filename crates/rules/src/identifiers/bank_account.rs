//! Serbian bank (current) account numbers — *broj tekućeg računa*.
//!
//! 18 digits: 3-digit bank code, 13-digit account number (left-padded with
//! zeros) and 2 check digits `98 − ((first 16 digits × 100) mod 97)`
//! (source: NBS, Odluka o platnom prometu / ISO 7064 MOD 97-10).
//!
//! Written either in the short form `840-742221843-57` (middle part without
//! leading zeros) or in the 18-digit long form `840000074222184357` used in
//! IPS QR codes and by machines.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{IdentifierError, digit_values, digits_to_string, mod97_10_check, string_conversions};

/// Total number of digits in the long form.
const LONG_LEN: usize = 18;
/// Digits of the middle (account number) part.
const ACCOUNT_LEN: usize = 13;

/// A valid Serbian bank account number.
///
/// Displays in the short form (`840-742221843-57`); serialises (serde) and
/// [`as_str`](Self::as_str) give the 18-digit long form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct BankAccount {
    /// The 18-digit long form.
    long: String,
}

impl BankAccount {
    /// Parses a bank account in either form (surrounding whitespace trimmed):
    ///
    /// - short form with dashes `840-742221843-57`: 3 digits, 1–13 digits,
    ///   2 digits (the middle part may also be fully padded to 13 digits);
    /// - long form `840000074222184357`: exactly 18 digits, no separators.
    ///
    /// # Errors
    /// `identifier_empty`; `not_digits` (anything but digits and, in the
    /// short form, two dashes); `invalid_format` (dashes, but not exactly
    /// three parts of 3, 1–13 and 2 digits); `wrong_length` (no dashes and
    /// not 18 digits); `invalid_check_digit`.
    pub fn parse(input: &str) -> Result<Self, IdentifierError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(IdentifierError::Empty);
        }
        let digits = if trimmed.contains('-') {
            let parts: Vec<&str> = trimmed.split('-').collect();
            let [bank, account, check] = parts.as_slice() else {
                return Err(IdentifierError::InvalidFormat);
            };
            let (bank, account, check) = (
                digit_values(bank)?,
                digit_values(account)?,
                digit_values(check)?,
            );
            if bank.len() != 3
                || account.is_empty()
                || account.len() > ACCOUNT_LEN
                || check.len() != 2
            {
                return Err(IdentifierError::InvalidFormat);
            }
            let mut digits = bank;
            digits.resize(3 + ACCOUNT_LEN - account.len(), 0);
            digits.extend(account);
            digits.extend(check);
            digits
        } else {
            let digits = digit_values(trimmed)?;
            if digits.len() != LONG_LEN {
                return Err(IdentifierError::WrongLength {
                    expected: LONG_LEN,
                    found: digits.len(),
                });
            }
            digits
        };
        let (body, check) = digits.split_at(16);
        if mod97_10_check(body) != check[0] * 10 + check[1] {
            return Err(IdentifierError::InvalidCheckDigit);
        }
        Ok(Self {
            long: digits_to_string(&digits),
        })
    }

    /// The 18-digit long form, e.g. `840000074222184357`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.long
    }

    /// The 18-digit long form as an owned string (same as [`as_str`](Self::as_str)).
    #[must_use]
    pub fn to_long(&self) -> String {
        self.long.clone()
    }

    /// The short form with dashes and the middle part without leading zeros,
    /// e.g. `840-742221843-57` (an all-zero middle part is written `0`).
    #[must_use]
    pub fn to_short(&self) -> String {
        let account = self.account_number().trim_start_matches('0');
        let account = if account.is_empty() { "0" } else { account };
        format!("{}-{}-{}", self.bank_code(), account, self.check_digits())
    }

    /// The 3-digit bank code, e.g. `840` (Uprava za trezor).
    #[must_use]
    pub fn bank_code(&self) -> &str {
        self.long.get(..3).unwrap_or_default()
    }

    /// The 13-digit zero-padded account number.
    #[must_use]
    pub fn account_number(&self) -> &str {
        self.long.get(3..16).unwrap_or_default()
    }

    /// The 2 check digits.
    #[must_use]
    pub fn check_digits(&self) -> &str {
        self.long.get(16..).unwrap_or_default()
    }
}

impl fmt::Display for BankAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_short())
    }
}

impl AsRef<str> for BankAccount {
    fn as_ref(&self) -> &str {
        &self.long
    }
}

string_conversions!(BankAccount, IdentifierError, |b| b.long.clone());

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn treasury_example() -> Result<(), IdentifierError> {
        // 98 − (8400000742221843 × 100 mod 97) = 98 − 41 = 57.
        let short = BankAccount::parse("840-742221843-57")?;
        assert_eq!(short.to_long(), "840000074222184357");
        assert_eq!(short.as_str(), "840000074222184357");
        assert_eq!(short.to_short(), "840-742221843-57");
        assert_eq!(short.to_string(), "840-742221843-57");
        assert_eq!(short.bank_code(), "840");
        assert_eq!(short.account_number(), "0000742221843");
        assert_eq!(short.check_digits(), "57");
        assert_eq!(BankAccount::parse("840000074222184357")?, short);
        assert_eq!(BankAccount::parse(" 840-0000742221843-57 ")?, short);
        assert_eq!(String::from(short), "840000074222184357");
        Ok(())
    }

    #[test]
    fn rejects_bad_accounts() {
        assert_eq!(
            BankAccount::parse("840-742221843-58"),
            Err(IdentifierError::InvalidCheckDigit)
        );
        assert_eq!(
            BankAccount::parse("840000074222184358"),
            Err(IdentifierError::InvalidCheckDigit)
        );
        assert_eq!(
            BankAccount::parse("84074222184357"),
            Err(IdentifierError::WrongLength {
                expected: 18,
                found: 14
            })
        );
        for bad in [
            "840-742221843",
            "840--742221843-57",
            "84-742221843-57",
            "840-742221843-5",
            "840-00000742221843-57",
            "840-742221843-57-",
        ] {
            assert_eq!(
                BankAccount::parse(bad),
                Err(IdentifierError::InvalidFormat),
                "{bad}"
            );
        }
        assert_eq!(
            BankAccount::parse("840 742221843 57"),
            Err(IdentifierError::NotDigits)
        );
        assert_eq!(
            BankAccount::parse("840-74222a843-57"),
            Err(IdentifierError::NotDigits)
        );
        assert_eq!(BankAccount::parse("  "), Err(IdentifierError::Empty));
    }

    fn valid_long() -> impl Strategy<Value = Vec<u8>> {
        (
            prop::collection::vec(0_u8..=9, 3),
            prop::collection::vec(0_u8..=9, 13),
        )
            .prop_map(|(bank, account)| {
                let mut d = bank;
                d.extend(account);
                let check = mod97_10_check(&d);
                d.extend([check / 10, check % 10]);
                d
            })
    }

    proptest! {
        #[test]
        fn long_and_short_round_trip(d in valid_long()) {
            let long = digits_to_string(&d);
            let a = BankAccount::parse(&long)?;
            prop_assert_eq!(a.to_long(), long);
            let b = BankAccount::parse(&a.to_short())?;
            prop_assert_eq!(&b, &a);
            let shown = a.to_string();
            prop_assert_eq!(BankAccount::parse(&shown)?, a);
        }

        /// MOD 97-10 detects every single-digit substitution.
        #[test]
        fn one_changed_digit_is_rejected(d in valid_long(), pos in 0_usize..18, delta in 1_u8..=9) {
            let mut changed = d;
            changed[pos] = (changed[pos] + delta) % 10;
            prop_assert_eq!(
                BankAccount::parse(&digits_to_string(&changed)),
                Err(IdentifierError::InvalidCheckDigit)
            );
        }

        #[test]
        fn arbitrary_strings_never_panic(s in "[0-9 -]{0,25}") {
            let _ = BankAccount::parse(&s);
        }
    }
}
