//! Calendar helpers for residence periods (see the date conventions in the
//! [module documentation](super)).
//!
//! Month arithmetic is jiff's and clamps to the end of the month; results
//! saturate at jiff's date limits instead of failing.

use jiff::Span;
use jiff::civil::Date;

/// `date` plus `months` calendar months (negative: minus), clamped to the
/// last day of the target month, saturating at jiff's limits.
pub(crate) fn add_months(date: Date, months: i64) -> Date {
    match Span::new().try_months(months) {
        Ok(span) => date.saturating_add(span),
        Err(_) if months < 0 => Date::MIN,
        Err(_) => Date::MAX,
    }
}

/// `date` plus `years` calendar years (negative: minus); 29 February
/// becomes 28 February in a common year.
pub(crate) fn add_years(date: Date, years: i64) -> Date {
    match Span::new().try_years(years) {
        Ok(span) => date.saturating_add(span),
        Err(_) if years < 0 => Date::MIN,
        Err(_) => Date::MAX,
    }
}

/// `date` plus `days` days (negative: minus), saturating.
pub(crate) fn add_days(date: Date, days: i64) -> Date {
    match Span::new().try_days(days) {
        Ok(span) => date.saturating_add(span),
        Err(_) if days < 0 => Date::MIN,
        Err(_) => Date::MAX,
    }
}

/// Number of days from `from` to `to` (negative if `to` is earlier);
/// `days_between(d, d) == 0`.
pub(crate) fn days_between(from: Date, to: Date) -> i64 {
    from.duration_until(to).as_secs() / 86_400
}

/// The last day of a period that starts on `start` and lasts `months`
/// months: `start + months − 1 day` (jiff month arithmetic).
///
/// Examples: 2025-03-10 for 36 months ends 2028-03-09; 2024-01-31 for 1
/// month ends 2024-02-28 (2024-01-31 + 1 month is clamped to 2024-02-29);
/// 2024-02-29 for 12 months ends 2025-02-27. With `months == 0` the result
/// is the day before `start` (an empty period).
#[must_use]
pub fn period_end(start: Date, months: u16) -> Date {
    add_days(add_months(start, i64::from(months)), -1)
}

/// The latest day `end` such that `end + margin_months months ≤ valid_until`
/// (jiff month arithmetic): the last day a period may end when a document
/// valid until `valid_until` must stay valid `margin_months` months longer.
///
/// Because of end-of-month clamping this is not always `valid_until −
/// margin`: with `valid_until` = 2025-02-28 and 3 months, 2024-11-30 still
/// fits (2024-11-30 + 3 months = 2025-02-28), while 2025-02-28 − 3 months
/// is 2024-11-28.
#[must_use]
pub fn latest_end_with_margin(valid_until: Date, margin_months: u16) -> Date {
    let margin = i64::from(margin_months);
    let fits = |end: Date| add_months(end, margin) <= valid_until;
    let mut end = add_months(valid_until, -margin);
    // Clamping can only lose up to 3 days (31 → 28), so a few steps suffice.
    for _ in 0..4 {
        if fits(end) {
            break;
        }
        end = add_days(end, -1);
    }
    for _ in 0..4 {
        let next = add_days(end, 1);
        if next == end || !fits(next) {
            break;
        }
        end = next;
    }
    end
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn period_end_examples() {
        // seed-004: up to three years from the submission date.
        assert_eq!(period_end(date(2025, 3, 10), 36), date(2028, 3, 9));
        assert_eq!(period_end(date(2025, 1, 1), 12), date(2025, 12, 31));
        // End of month: 2024-01-31 + 1 month = 2024-02-29 (clamped), − 1 day.
        assert_eq!(period_end(date(2024, 1, 31), 1), date(2024, 2, 28));
        assert_eq!(period_end(date(2024, 1, 30), 1), date(2024, 2, 28));
        assert_eq!(period_end(date(2024, 1, 29), 1), date(2024, 2, 28));
        assert_eq!(period_end(date(2024, 2, 29), 12), date(2025, 2, 27));
        assert_eq!(period_end(date(2024, 3, 1), 1), date(2024, 3, 31));
        assert_eq!(period_end(date(2024, 3, 1), 0), date(2024, 2, 29));
        assert_eq!(period_end(Date::MAX, 36), date(9999, 12, 30));
    }

    #[test]
    fn latest_end_with_margin_examples() {
        // seed-004: passport valid at least three months beyond the period.
        assert_eq!(
            latest_end_with_margin(date(2025, 6, 15), 3),
            date(2025, 3, 15)
        );
        assert_eq!(
            latest_end_with_margin(date(2025, 2, 28), 3),
            date(2024, 11, 30)
        );
        assert_eq!(
            latest_end_with_margin(date(2025, 5, 31), 3),
            date(2025, 2, 28)
        );
        assert_eq!(
            latest_end_with_margin(date(2024, 5, 31), 3),
            date(2024, 2, 29)
        );
        assert_eq!(
            latest_end_with_margin(date(2025, 5, 31), 0),
            date(2025, 5, 31)
        );
    }

    #[test]
    fn helpers() {
        assert_eq!(days_between(date(2025, 1, 1), date(2025, 1, 1)), 0);
        assert_eq!(days_between(date(2025, 1, 1), date(2026, 1, 1)), 365);
        assert_eq!(days_between(date(2025, 1, 2), date(2025, 1, 1)), -1);
        assert_eq!(add_years(date(2028, 2, 29), -3), date(2025, 2, 28));
        assert_eq!(add_months(date(2024, 3, 31), -1), date(2024, 2, 29));
        assert_eq!(add_days(Date::MIN, -1), Date::MIN);
        assert_eq!(add_months(Date::MAX, i64::MAX), Date::MAX);
        assert_eq!(add_months(Date::MIN, i64::MIN), Date::MIN);
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (1900_i16..2200, 1_i8..=12, 1_i8..=31).prop_map(|(y, m, d)| {
            let first = date(y, m, 1);
            date(y, m, d.min(first.days_in_month()))
        })
    }

    proptest! {
        #[test]
        fn period_end_is_within_the_months(start in any_date(), months in 1_u16..=60) {
            let end = period_end(start, months);
            prop_assert!(end >= start);
            prop_assert!(end < add_months(start, i64::from(months)));
        }

        #[test]
        fn latest_end_is_the_latest_that_fits(until in any_date(), margin in 0_u16..=12) {
            let end = latest_end_with_margin(until, margin);
            prop_assert!(add_months(end, i64::from(margin)) <= until);
            prop_assert!(add_months(add_days(end, 1), i64::from(margin)) > until);
        }
    }
}
