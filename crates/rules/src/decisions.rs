//! The rules of the back office's letters and decisions: which of the 11 grounds on which
//! a request for temporary residence is rejected (seed 004; the catalogue's data, each with
//! its source) apply to a case, how a decision is numbered, and the deadline of a request for an update (seed 002: "usually 8 days").
//!
//! Pure: the day a deadline counts from is passed in.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::residence::{ApplicationKind, PermitKind, RejectionGround, RejectionScope, catalogue};

/// The days an applicant has to answer a request for an update, unless the inspector sets
/// others (seed 002, "Tracking Application Status and Making Revisions": "a deadline
/// (usually 8 days)").
pub const UPDATE_DAYS: i64 = 8;
/// The fewest days an inspector may give.
pub const MIN_UPDATE_DAYS: i64 = 1;
/// The most days an inspector may give (the portal's own bound: the seeds set none).
pub const MAX_UPDATE_DAYS: i64 = 60;
/// The applicant is reminded this many days before the last day of an update.
pub const UPDATE_REMINDER_DAYS: i64 = 2;

/// Why a number of days for an update was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UpdateDaysError {
    /// Fewer than [`MIN_UPDATE_DAYS`]: the deadline would be today or past.
    #[error("the deadline must be after today")]
    NotInFuture,
    /// More than [`MAX_UPDATE_DAYS`].
    #[error("at most {MAX_UPDATE_DAYS} days")]
    TooLong,
}

impl UpdateDaysError {
    /// The stable code (translation key and API error code).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::NotInFuture => "deadline_not_in_future",
            Self::TooLong => "deadline_too_long",
        }
    }
}

/// The last day to answer a request for an update made on `today` with `days` days.
pub fn update_deadline(today: Date, days: i64) -> Result<Date, UpdateDaysError> {
    if days < MIN_UPDATE_DAYS {
        return Err(UpdateDaysError::NotInFuture);
    }
    if days > MAX_UPDATE_DAYS {
        return Err(UpdateDaysError::TooLong);
    }
    today
        .checked_add(jiff::Span::new().days(days))
        .map_err(|_| UpdateDaysError::TooLong)
}

/// Whole days from `today` to the last day `deadline` (0 on the last day itself, negative
/// once it passed).
#[must_use]
pub fn days_left(today: Date, deadline: Date) -> i64 {
    (deadline - today).get_days().into()
}

/// Whether the deadline `deadline` has passed on `today` (the last day still counts).
#[must_use]
pub fn deadline_passed(today: Date, deadline: Date) -> bool {
    today > deadline
}

/// Whether the applicant is due the reminder of a deadline on `today`: within
/// [`UPDATE_REMINDER_DAYS`] of the last day, and not past it.
#[must_use]
pub fn reminder_due(today: Date, deadline: Date) -> bool {
    let left = days_left(today, deadline);
    (0..=UPDATE_REMINDER_DAYS).contains(&left)
}

/// The rejection grounds of seed 004 (the catalogue's data, with their names in four
/// languages and their source) that apply to a request of `kind` for a permit of `permit`:
/// the general ones, and the single permit's own for a single permit (its extension's for
/// an extension).
#[must_use]
pub fn rejection_grounds_for(
    kind: ApplicationKind,
    permit: Option<PermitKind>,
) -> Vec<&'static RejectionGround> {
    catalogue()
        .rejection_grounds
        .iter()
        .filter(|g| match g.scope {
            RejectionScope::All => true,
            RejectionScope::SinglePermit => permit == Some(PermitKind::SinglePermit),
            RejectionScope::SinglePermitExtension => {
                permit == Some(PermitKind::SinglePermit) && kind == ApplicationKind::Extension
            }
        })
        .collect()
}

/// The number of a decision: its department's code, the year and the decision's place in
/// that department's year (from 1, without gaps or repeats), printed
/// `NOVI-SAD/2026/00042`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DecisionNumber {
    /// The department's slug.
    pub department: String,
    /// The year of the decision.
    pub year: i16,
    /// Its place in the department's year.
    pub seq: i64,
}

impl std::fmt::Display for DecisionNumber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}/{}/{:05}",
            self.department.to_uppercase().replace('_', "-"),
            self.year,
            self.seq
        )
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_single_permit_extension_may_be_rejected_on_every_ground() {
        let all = rejection_grounds_for(ApplicationKind::Extension, Some(PermitKind::SinglePermit));
        assert_eq!(all.len(), 11);
        let residence =
            rejection_grounds_for(ApplicationKind::First, Some(PermitKind::TemporaryResidence));
        assert!(residence.len() < 11);
        assert!(residence.iter().all(|g| g.scope == RejectionScope::All));
        let first_single =
            rejection_grounds_for(ApplicationKind::First, Some(PermitKind::SinglePermit));
        assert!(first_single.len() > residence.len() && first_single.len() < 11);
        assert!(all.iter().all(|g| g.source.is_known()));
    }

    #[test]
    fn an_update_gets_eight_days_by_default_and_never_a_past_deadline() {
        let today = date(2026, 12, 28);
        assert_eq!(update_deadline(today, UPDATE_DAYS), Ok(date(2027, 1, 5)));
        assert_eq!(update_deadline(today, 0), Err(UpdateDaysError::NotInFuture));
        assert_eq!(
            update_deadline(today, -3),
            Err(UpdateDaysError::NotInFuture)
        );
        assert_eq!(update_deadline(today, 61), Err(UpdateDaysError::TooLong));
        assert_eq!(days_left(today, date(2027, 1, 5)), 8);
        assert!(!deadline_passed(date(2027, 1, 5), date(2027, 1, 5)));
        assert!(deadline_passed(date(2027, 1, 6), date(2027, 1, 5)));
    }

    #[test]
    fn the_reminder_comes_in_the_last_days_only() {
        let last = date(2027, 1, 5);
        assert!(!reminder_due(date(2027, 1, 2), last));
        assert!(reminder_due(date(2027, 1, 3), last));
        assert!(reminder_due(last, last));
        assert!(!reminder_due(date(2027, 1, 6), last));
    }

    #[test]
    fn a_decision_number_reads_department_year_and_place() {
        let n = DecisionNumber {
            department: "novi_sad".into(),
            year: 2026,
            seq: 42,
        };
        assert_eq!(n.to_string(), "NOVI-SAD/2026/00042");
    }

    proptest! {
        #[test]
        fn a_deadline_given_is_always_after_today(days in -100i64..200, offset in 0i64..3000) {
            let today = date(2026, 1, 1).checked_add(jiff::Span::new().days(offset)).unwrap();
            match update_deadline(today, days) {
                Ok(d) => {
                    prop_assert!(d > today);
                    prop_assert_eq!(days_left(today, d), days);
                }
                Err(_) => prop_assert!(!(MIN_UPDATE_DAYS..=MAX_UPDATE_DAYS).contains(&days)),
            }
        }
    }
}
