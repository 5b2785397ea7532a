//! The rules of biometrics appointments: how a supervisor's opening hours become slots, until
//! when a booking may be moved (24 hours before it), and when the reminder is due (the day
//! before). Seed 002, "Biometrics": after the invitation the applicant pays the fees and
//! goes to the police department on the appointed day; both parents attend a child's
//! appointment.
//!
//! Pure: times are civil (the department's local time) or instants passed in; nothing here
//! reads a clock.

use jiff::civil::{Date, DateTime, Time};
use jiff::{SignedDuration, Timestamp};

/// A booking may be made or moved until this long before the slot starts.
pub const CHANGE_CUTOFF: SignedDuration = SignedDuration::from_hours(24);
/// The shortest slot, in minutes.
pub const MIN_SLOT_MINUTES: i64 = 5;
/// The longest slot, in minutes.
pub const MAX_SLOT_MINUTES: i64 = 240;
/// The most people one slot may take.
pub const MAX_CAPACITY: i64 = 50;
/// How far ahead slots may be opened, in days.
pub const MAX_DAYS_AHEAD: i64 = 180;

/// Why opening hours were refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SlotPlanError {
    /// The day is today or past (an appointment needs notice), or too far ahead.
    #[error("the day must be after today and within {MAX_DAYS_AHEAD} days")]
    DayOutOfRange,
    /// The end is not after the start.
    #[error("the end must be after the start")]
    EndBeforeStart,
    /// The slot length is out of bounds.
    #[error("a slot lasts {MIN_SLOT_MINUTES} to {MAX_SLOT_MINUTES} minutes")]
    SlotLength,
    /// The capacity is out of bounds.
    #[error("a slot takes 1 to {MAX_CAPACITY} people")]
    Capacity,
}

impl SlotPlanError {
    /// The stable code (the field error's).
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::DayOutOfRange => "slot_day_out_of_range",
            Self::EndBeforeStart => "slot_end_before_start",
            Self::SlotLength => "slot_length",
            Self::Capacity => "slot_capacity",
        }
    }

    /// The form field it belongs to.
    #[must_use]
    pub const fn field(self) -> &'static str {
        match self {
            Self::DayOutOfRange => "day",
            Self::EndBeforeStart => "until",
            Self::SlotLength => "minutes",
            Self::Capacity => "capacity",
        }
    }
}

/// The slots of `day` from `from` to `until` (local times), each `minutes` long (a last
/// piece shorter than `minutes` is left out), for a supervisor opening them on `today`.
pub fn plan_slots(
    today: Date,
    day: Date,
    from: Time,
    until: Time,
    minutes: i64,
    capacity: i64,
) -> Result<Vec<(DateTime, DateTime)>, SlotPlanError> {
    let ahead = (day - today).get_days();
    if day <= today || i64::from(ahead) > MAX_DAYS_AHEAD {
        return Err(SlotPlanError::DayOutOfRange);
    }
    if until <= from {
        return Err(SlotPlanError::EndBeforeStart);
    }
    if !(MIN_SLOT_MINUTES..=MAX_SLOT_MINUTES).contains(&minutes) {
        return Err(SlotPlanError::SlotLength);
    }
    if !(1..=MAX_CAPACITY).contains(&capacity) {
        return Err(SlotPlanError::Capacity);
    }
    let step = SignedDuration::from_mins(minutes);
    let end = day.to_datetime(until);
    let mut start = day.to_datetime(from);
    let mut slots = vec![];
    while let Ok(next) = start.checked_add(step) {
        if next > end {
            break;
        }
        slots.push((start, next));
        start = next;
    }
    Ok(slots)
}

/// Whether a booking of a slot starting at `starts_at` may be made or moved at `now`.
#[must_use]
pub fn may_change(now: Timestamp, starts_at: Timestamp) -> bool {
    now.checked_add(CHANGE_CUTOFF)
        .is_ok_and(|limit| limit <= starts_at)
}

/// Whether the reminder of an appointment on `day` is due on `today`: the day before (or
/// the day itself, if it was missed).
#[must_use]
pub fn reminder_due(today: Date, day: Date) -> bool {
    let left = (day - today).get_days();
    (0..=1).contains(&left)
}

#[cfg(test)]
mod tests {
    use jiff::civil::{date, time};
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn opening_hours_become_slots_of_the_length_asked() {
        let slots = plan_slots(
            date(2026, 12, 7),
            date(2026, 12, 9),
            time(8, 0, 0, 0),
            time(10, 0, 0, 0),
            30,
            4,
        )
        .unwrap();
        assert_eq!(slots.len(), 4);
        assert_eq!(slots[0].0, date(2026, 12, 9).at(8, 0, 0, 0));
        assert_eq!(slots[3].1, date(2026, 12, 9).at(10, 0, 0, 0));
        // A last piece shorter than a slot is left out.
        let uneven = plan_slots(
            date(2026, 12, 7),
            date(2026, 12, 9),
            time(8, 0, 0, 0),
            time(9, 50, 0, 0),
            30,
            1,
        )
        .unwrap();
        assert_eq!(uneven.len(), 3);
    }

    #[test]
    fn bad_opening_hours_are_refused_with_their_field() {
        let today = date(2026, 12, 7);
        let (f, u) = (time(8, 0, 0, 0), time(10, 0, 0, 0));
        assert_eq!(
            plan_slots(today, today, f, u, 30, 4),
            Err(SlotPlanError::DayOutOfRange)
        );
        assert_eq!(
            plan_slots(today, date(2027, 12, 7), f, u, 30, 4),
            Err(SlotPlanError::DayOutOfRange)
        );
        assert_eq!(
            plan_slots(today, date(2026, 12, 8), u, f, 30, 4),
            Err(SlotPlanError::EndBeforeStart)
        );
        assert_eq!(
            plan_slots(today, date(2026, 12, 8), f, u, 2, 4),
            Err(SlotPlanError::SlotLength)
        );
        assert_eq!(
            plan_slots(today, date(2026, 12, 8), f, u, 30, 0),
            Err(SlotPlanError::Capacity)
        );
        assert_eq!(SlotPlanError::Capacity.field(), "capacity");
    }

    #[test]
    fn a_booking_moves_until_a_day_before_and_is_recalled_the_day_before() {
        let start: Timestamp = "2026-12-10T08:00:00Z".parse().unwrap();
        assert!(may_change("2026-12-09T08:00:00Z".parse().unwrap(), start));
        assert!(!may_change("2026-12-09T08:00:01Z".parse().unwrap(), start));
        assert!(!reminder_due(date(2026, 12, 8), date(2026, 12, 10)));
        assert!(reminder_due(date(2026, 12, 9), date(2026, 12, 10)));
        assert!(reminder_due(date(2026, 12, 10), date(2026, 12, 10)));
        assert!(!reminder_due(date(2026, 12, 11), date(2026, 12, 10)));
    }

    proptest! {
        #[test]
        fn slots_never_overlap_and_stay_within_the_hours(
            from_h in 6i8..12, len in 1i8..8, minutes in 5i64..120, ahead in 1i32..100
        ) {
            let today = date(2026, 1, 1);
            let day = today.checked_add(jiff::Span::new().days(ahead)).unwrap();
            let (from, until) = (time(from_h, 0, 0, 0), time(from_h + len, 0, 0, 0));
            let slots = plan_slots(today, day, from, until, minutes, 3).unwrap();
            for w in slots.windows(2) {
                prop_assert_eq!(w[0].1, w[1].0);
            }
            for (s, e) in &slots {
                prop_assert!(*s >= day.to_datetime(from) && *e <= day.to_datetime(until));
                prop_assert_eq!(e.duration_since(*s), SignedDuration::from_mins(minutes));
            }
        }
    }
}
