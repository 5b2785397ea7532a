//! The deadlines of the portal, as pure functions of the moment they count from: how long
//! a draft is kept and when its owner is warned, how long answers typed after a session
//! ended wait for the next login, how long a registration form's files wait for the form.
//!
//! Nothing here reads a clock: the caller passes the moment, so every deadline can be
//! tested at any date (a leap day, the end of a month) and reads the same in the web page,
//! the e-mail and the sweep that acts on it.

use jiff::{SignedDuration, Timestamp};

/// A draft is deleted this long after its last change (the portal's own rule; the seeds
/// set none): a month is long enough to gather documents, short enough not to keep
/// personal data nobody is using.
pub const DRAFT_KEPT: SignedDuration = SignedDuration::from_hours(30 * 24);

/// The owner of a draft is told by e-mail this long before it is deleted.
pub const DRAFT_WARNING: SignedDuration = SignedDuration::from_hours(7 * 24);

/// Answers typed when the session had ended are kept this long for the next login.
pub const KEPT_ANSWERS: SignedDuration = SignedDuration::from_hours(2);

/// The files of a registration form not completed are deleted this long after upload.
pub const REGISTRATION_DRAFT_KEPT: SignedDuration = SignedDuration::from_hours(24);

/// When a draft last changed at `last_change` is deleted; `None` only past the end of
/// time representable (year 9999).
#[must_use]
pub fn draft_deleted_at(last_change: Timestamp) -> Option<Timestamp> {
    last_change.checked_add(DRAFT_KEPT).ok()
}

/// Drafts deleted before this moment are warned about at `now`.
#[must_use]
pub fn drafts_to_warn_before(now: Timestamp) -> Option<Timestamp> {
    now.checked_add(DRAFT_WARNING).ok()
}

/// Until when answers kept at `now` wait for the next login.
#[must_use]
pub fn kept_answers_until(now: Timestamp) -> Timestamp {
    now.checked_add(KEPT_ANSWERS).unwrap_or(now)
}

/// Registration-form files uploaded before this moment are swept at `now`.
#[must_use]
pub fn registration_files_older_than(now: Timestamp) -> Option<Timestamp> {
    now.checked_sub(REGISTRATION_DRAFT_KEPT).ok()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn a_draft_is_kept_thirty_days_and_warned_about_in_its_last_week() {
        let saved = at("2026-01-31T10:00:00Z");
        let deleted = draft_deleted_at(saved).unwrap();
        assert_eq!(deleted, at("2026-03-02T10:00:00Z"));
        // Eight days before: not yet warned; six days before: warned.
        let eight_before = at("2026-02-22T10:00:00Z");
        assert!(deleted >= drafts_to_warn_before(eight_before).unwrap());
        let six_before = at("2026-02-24T10:00:00Z");
        assert!(deleted < drafts_to_warn_before(six_before).unwrap());
    }

    #[test]
    fn kept_answers_and_registration_files_have_short_lives() {
        let now = at("2026-12-07T18:00:00Z");
        assert_eq!(kept_answers_until(now), at("2026-12-07T20:00:00Z"));
        assert_eq!(
            registration_files_older_than(now),
            Some(at("2026-12-06T18:00:00Z"))
        );
        assert_eq!(kept_answers_until(Timestamp::MAX), Timestamp::MAX);
        assert_eq!(draft_deleted_at(Timestamp::MAX), None);
    }

    proptest! {
        #[test]
        fn the_warning_always_comes_before_the_deletion(secs in 0i64..4_000_000_000) {
            let saved = Timestamp::from_second(secs).unwrap();
            let deleted = draft_deleted_at(saved).unwrap();
            // At the moment of the last change the draft is not yet to be warned about;
            // a week before its deletion it is.
            prop_assert!(deleted >= drafts_to_warn_before(saved).unwrap());
            let week_before = deleted.checked_sub(DRAFT_WARNING).unwrap();
            prop_assert!(deleted <= drafts_to_warn_before(week_before).unwrap());
        }
    }
}
