//! Rules for choosing a new password, after NIST SP 800-63B-4 (§3.1.1.2,
//! "Password verifiers"):
//!
//! - a minimum length of 15 characters when the password is the only
//!   authentication factor, 8 when a second factor is used;
//! - a maximum of at least 64 characters is allowed (we allow 128);
//! - length is counted in Unicode characters (scalar values) and the password
//!   is not trimmed or otherwise altered; any character, including spaces, is
//!   allowed;
//! - **no** composition rules (no "must contain a digit");
//! - the password is compared against a blocklist of commonly used and
//!   breached passwords, against context-specific words (the user's name,
//!   e-mail) and against repetitive or sequential patterns.
//!
//! The blocklist (`data/common-passwords.txt`, see `data/README.md`) comes
//! from the MIT-licensed zxcvbn frequency lists.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// The shipped blocklist: lower-case, one per line, 8+ characters.
static COMMON_PASSWORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../data/common-passwords.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect()
});

/// Context words shorter than this (in characters) are ignored: too many
/// passwords would contain "ana" or "li" by accident.
const MIN_CONTEXT_WORD_CHARS: usize = 4;

/// Length limits for new passwords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PasswordPolicy {
    /// Minimum length in characters (Unicode scalar values).
    pub min_chars: usize,
    /// Maximum length in characters (Unicode scalar values).
    pub max_chars: usize,
}

impl PasswordPolicy {
    /// The maximum length used by both constructors (NIST: at least 64).
    pub const MAX_CHARS: usize = 128;

    /// The password is the only factor: at least 15 characters.
    #[must_use]
    pub const fn single_factor() -> Self {
        Self {
            min_chars: 15,
            max_chars: Self::MAX_CHARS,
        }
    }

    /// The account also has a second factor: at least 8 characters.
    #[must_use]
    pub const fn with_second_factor() -> Self {
        Self {
            min_chars: 8,
            max_chars: Self::MAX_CHARS,
        }
    }
}

/// Why a new password is not accepted. Checked in this order: length,
/// common, context, repetitive; only the first problem is reported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    /// Fewer than `min` characters.
    #[error("the password must have at least {min} characters")]
    TooShort {
        /// The policy's minimum.
        min: usize,
    },
    /// More than `max` characters.
    #[error("the password must have at most {max} characters")]
    TooLong {
        /// The policy's maximum.
        max: usize,
    },
    /// On the list of common or breached passwords (case-insensitive).
    #[error("this password is too common")]
    Common,
    /// Contains personal data such as the user's name or e-mail address.
    #[error("the password must not contain \"{word}\"")]
    ContainsContext {
        /// The offending word, lower-cased.
        word: String,
    },
    /// One character repeated, a short group repeated, or a simple sequence.
    #[error("the password is too repetitive or sequential")]
    Repetitive,
}

impl PasswordProblem {
    /// Stable snake_case code (translation key / API error code).
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::TooShort { .. } => "password_too_short",
            Self::TooLong { .. } => "password_too_long",
            Self::Common => "password_common",
            Self::ContainsContext { .. } => "password_contains_personal_data",
            Self::Repetitive => "password_repetitive",
        }
    }
}

/// Checks a new password against the policy, the blocklist, the context
/// words and repetition rules, in that order.
///
/// `context_words` are user-specific strings the password must not contain,
/// e.g. given name, surname and e-mail address. Each is lower-cased and also
/// split at non-alphanumeric characters; for an e-mail address only the local
/// part is split (so `marko.markovic@example.com` forbids the whole address,
/// `marko.markovic`, `marko` and `markovic`, but not `example`). Words and
/// pieces shorter than 4 characters are ignored.
///
/// # Errors
/// The first [`PasswordProblem`] found.
pub fn check_new_password(
    password: &str,
    policy: &PasswordPolicy,
    context_words: &[&str],
) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < policy.min_chars {
        return Err(PasswordProblem::TooShort {
            min: policy.min_chars,
        });
    }
    if chars > policy.max_chars {
        return Err(PasswordProblem::TooLong {
            max: policy.max_chars,
        });
    }
    let lower = password.to_lowercase();
    if COMMON_PASSWORDS.contains(lower.as_str()) {
        return Err(PasswordProblem::Common);
    }
    if let Some(word) = context_words
        .iter()
        .flat_map(|w| context_candidates(w))
        .find(|w| lower.contains(w.as_str()))
    {
        return Err(PasswordProblem::ContainsContext { word });
    }
    if is_repetitive(&lower) {
        return Err(PasswordProblem::Repetitive);
    }
    Ok(())
}

/// Whether `password` (compared in lower case) is on the shipped blocklist.
#[must_use]
pub fn is_common_password(password: &str) -> bool {
    COMMON_PASSWORDS.contains(password.to_lowercase().as_str())
}

/// Number of entries in the shipped blocklist.
#[must_use]
pub fn common_password_count() -> usize {
    COMMON_PASSWORDS.len()
}

/// The lower-cased strings a password must not contain for one context word.
fn context_candidates(word: &str) -> Vec<String> {
    let whole = word.trim().to_lowercase();
    let splittable = match whole.split_once('@') {
        Some((local, _domain)) => local.to_owned(),
        None => whole.clone(),
    };
    let mut candidates = vec![whole.clone()];
    if splittable != whole {
        candidates.push(splittable.clone());
    }
    candidates.extend(
        splittable
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_owned),
    );
    candidates.retain(|c| c.chars().count() >= MIN_CONTEXT_WORD_CHARS);
    candidates.dedup();
    candidates
}

/// The next character in a "simple sequence": digits and ASCII letters wrap
/// (`9` → `0`, `z` → `a`), anything else is the next code point.
fn successor(c: char) -> Option<char> {
    match c {
        '9' => Some('0'),
        'z' => Some('a'),
        _ => char::from_u32(u32::from(c) + 1),
    }
}

/// Whether `s` (already lower-cased) is a repetition of a group of 1–4
/// characters (`aaaa…`, `abab…`, `abcdabcd…`) or an ascending or descending
/// run of consecutive characters (`12345…`, `zyxw…`, `1234567890123…`).
fn is_repetitive(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    if chars.len() < 2 {
        return false;
    }
    let repeated_group = (1..=4).any(|group| {
        chars.len() >= 2 * group && chars.iter().skip(group).zip(&chars).all(|(a, b)| a == b)
    });
    let ascending = chars.windows(2).all(|w| successor(w[0]) == Some(w[1]));
    let descending = chars.windows(2).all(|w| successor(w[1]) == Some(w[0]));
    repeated_group || ascending || descending
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    const SINGLE: PasswordPolicy = PasswordPolicy::single_factor();
    const SECOND: PasswordPolicy = PasswordPolicy::with_second_factor();

    #[test]
    fn policies() {
        assert_eq!(SINGLE.min_chars, 15);
        assert_eq!(SECOND.min_chars, 8);
        assert_eq!(SINGLE.max_chars, 128);
        assert_eq!(SECOND.max_chars, 128);
    }

    #[test]
    fn the_blocklist_is_loaded() {
        assert!(common_password_count() > 10_000);
        assert!(is_common_password("PassWordPassWord"));
        assert!(is_common_password("password"));
        assert!(!is_common_password("correct horse battery staple"));
        assert!(COMMON_PASSWORDS.iter().all(|p| p.chars().count() >= 8));
        assert!(
            COMMON_PASSWORDS
                .iter()
                .all(|p| p.to_lowercase() == *p && p.trim() == *p)
        );
    }

    #[test]
    fn too_short() {
        assert_eq!(
            check_new_password("password", &SINGLE, &[]),
            Err(PasswordProblem::TooShort { min: 15 })
        );
        assert_eq!(
            check_new_password("kratka", &SECOND, &[]),
            Err(PasswordProblem::TooShort { min: 8 })
        );
    }

    #[test]
    fn common() {
        assert_eq!(
            check_new_password("passwordpassword", &SINGLE, &[]),
            Err(PasswordProblem::Common)
        );
        assert_eq!(
            check_new_password("PasswordPassword", &SINGLE, &[]),
            Err(PasswordProblem::Common)
        );
        // "password" is long enough with a second factor, but common.
        assert_eq!(
            check_new_password("Password", &SECOND, &[]),
            Err(PasswordProblem::Common)
        );
    }

    #[test]
    fn passphrase_is_accepted() {
        let p = "correct horse battery staple";
        assert_eq!(p.chars().count(), 28);
        assert_eq!(check_new_password(p, &SINGLE, &[]), Ok(()));
    }

    #[test]
    fn long_passwords() {
        let unit = "Xq7#mLp2vR9!kTz4";
        let p64 = unit.repeat(4);
        assert_eq!(p64.chars().count(), 64);
        assert_eq!(check_new_password(&p64, &SINGLE, &[]), Ok(()));
        let p128 = unit.repeat(8);
        assert_eq!(check_new_password(&p128, &SINGLE, &[]), Ok(()));
        let p129 = format!("{p128}a");
        assert_eq!(
            check_new_password(&p129, &SINGLE, &[]),
            Err(PasswordProblem::TooLong { max: 128 })
        );
    }

    #[test]
    fn personal_data() {
        assert_eq!(
            check_new_password("Marko1234567890x", &SINGLE, &["marko"]),
            Err(PasswordProblem::ContainsContext {
                word: "marko".to_owned()
            })
        );
        // Case-insensitive in both directions.
        assert_eq!(
            check_new_password("xxMARKOVIĆ-lozinka-1", &SINGLE, &["Petar", "Marković"]),
            Err(PasswordProblem::ContainsContext {
                word: "marković".to_owned()
            })
        );
        // The e-mail address itself, and its local part and pieces.
        let email = "jelena.petrovic@example.com";
        assert!(matches!(
            check_new_password(email, &SINGLE, &[email]),
            Err(PasswordProblem::ContainsContext { .. })
        ));
        assert_eq!(
            check_new_password("moja petrovic lozinka", &SINGLE, &[email]),
            Err(PasswordProblem::ContainsContext {
                word: "petrovic".to_owned()
            })
        );
        // The domain alone is not personal data.
        assert_eq!(
            check_new_password("example of a long one", &SINGLE, &[email]),
            Ok(())
        );
        // Words under 4 characters are ignored.
        assert_eq!(
            check_new_password("ana voli dugačke lozinke", &SINGLE, &["Ana", "Li"]),
            Ok(())
        );
        // Multi-word names are also checked piece by piece.
        assert_eq!(
            check_new_password("volim marija šetnje", &SINGLE, &["Ana Marija"]),
            Err(PasswordProblem::ContainsContext {
                word: "marija".to_owned()
            })
        );
    }

    #[test]
    fn repetitive() {
        // Also on the blocklist, which is checked first.
        assert_eq!(
            check_new_password("123456789012345", &SINGLE, &[]),
            Err(PasswordProblem::Common)
        );
        assert!(is_repetitive("123456789012345"));
        for p in [
            "aaaaaaaaaaaaaaa",
            "234567890123456",
            "abcdefghijklmno",
            "ONMLKJIHGFEDCBA",
            "ababababababababab",
            "abcdabcdabcdabcd",
            "xyzabcdefghijklm",
        ] {
            assert_eq!(
                check_new_password(p, &SINGLE, &[]),
                Err(PasswordProblem::Repetitive),
                "{p}"
            );
        }
        // A five-character group repeated is not caught by this rule.
        assert_eq!(check_new_password("abcdeabcdeabcde", &SINGLE, &[]), Ok(()));
    }

    #[test]
    fn unicode_length_is_counted_in_chars() {
        let p = "ћирилица лозинка дуга";
        assert_eq!(p.chars().count(), 21);
        assert!(p.len() > 21);
        assert_eq!(check_new_password(p, &SINGLE, &[]), Ok(()));
        // 14 Cyrillic letters are 28 bytes but still too short.
        assert_eq!(
            check_new_password("ћириличнатајна", &SINGLE, &[]),
            Err(PasswordProblem::TooShort { min: 15 })
        );
    }

    #[test]
    fn order_length_before_common_before_context() {
        // Too short wins over common.
        assert_eq!(
            check_new_password("password", &SINGLE, &["password"]),
            Err(PasswordProblem::TooShort { min: 15 })
        );
        // Common wins over context.
        assert_eq!(
            check_new_password("passwordpassword", &SINGLE, &["password"]),
            Err(PasswordProblem::Common)
        );
        // Context wins over repetitive.
        assert_eq!(
            check_new_password("aaaaaaaaaaaaaaaa", &SINGLE, &["aaaa"]),
            Err(PasswordProblem::ContainsContext {
                word: "aaaa".to_owned()
            })
        );
    }

    #[test]
    fn codes_are_stable() {
        assert_eq!(
            PasswordProblem::TooShort { min: 1 }.code(),
            "password_too_short"
        );
        assert_eq!(
            PasswordProblem::TooLong { max: 1 }.code(),
            "password_too_long"
        );
        assert_eq!(PasswordProblem::Common.code(), "password_common");
        assert_eq!(
            PasswordProblem::ContainsContext {
                word: String::new()
            }
            .code(),
            "password_contains_personal_data"
        );
        assert_eq!(PasswordProblem::Repetitive.code(), "password_repetitive");
    }

    proptest! {
        #[test]
        fn length_bounds_follow_the_policy(p in "\\PC{0,140}") {
            let n = p.chars().count();
            let result = check_new_password(&p, &SINGLE, &[]);
            if n < 15 {
                prop_assert_eq!(result, Err(PasswordProblem::TooShort { min: 15 }));
            } else if n > 128 {
                prop_assert_eq!(result, Err(PasswordProblem::TooLong { max: 128 }));
            } else {
                let length_problem = matches!(
                    result,
                    Err(PasswordProblem::TooShort { .. } | PasswordProblem::TooLong { .. })
                );
                prop_assert!(!length_problem);
            }
        }

        #[test]
        fn single_repeated_characters_are_rejected(c in any::<char>(), n in 15_usize..=128) {
            let p: String = std::iter::repeat_n(c, n).collect();
            // Lower-casing may change the length for a few characters
            // (e.g. 'İ'); the result must still not be accepted.
            prop_assert!(check_new_password(&p, &SINGLE, &[]).is_err());
        }

        #[test]
        fn a_context_word_inside_is_rejected(
            prefix in "[a-z0-9 ]{8}",
            word in "[a-z]{4,10}",
            suffix in "[a-z0-9 ]{8}",
        ) {
            let p = format!("{prefix}{}{suffix}", word.to_uppercase());
            let result = check_new_password(&p, &SINGLE, &[&word]);
            let rejected = matches!(
                result,
                Err(PasswordProblem::ContainsContext { .. } | PasswordProblem::Common)
            );
            prop_assert!(rejected, "{:?}", result);
        }
    }
}
