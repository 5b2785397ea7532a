//! Absences before an application for permanent residence.
//!
//! Seed-002 (a private guide): "In the three years preceding the
//! application for permanent residence, the total absence from the country
//! should not exceed 10 months, and any single absence should not exceed 6
//! months." [`check_absences`] measures a list of trips against that, with
//! these conventions:
//!
//! - **Window.** The three years before the application date `A`:
//!   `[A − 3 years, A − 1 day]`, both inclusive (jiff year arithmetic: from
//!   `A` = 2028-02-29 the window starts 2025-02-28). The application day
//!   itself is not in the window.
//! - **Days absent.** The day of departure and the day of return count as
//!   days in Serbia (the person was in the country for part of each); a
//!   trip is absent on the days strictly between them, `returned −
//!   departed − 1` days. A day trip, or a return the next day, is no
//!   absence.
//! - **Cut at the window.** Only absent days inside the window count, for
//!   the total and for the length of a single absence: a trip that started
//!   before the window counts from the window's first day.
//! - **Overlaps.** Absent days are a set: overlapping trips are merged, and
//!   absent days that follow each other without a day in Serbia between them
//!   form one absence. A return and a new departure on the same day keep the
//!   absences apart (that day was spent in Serbia).
//! - **Months as days.** A month is counted as 30 days: the total limit is
//!   [`MAX_TOTAL_ABSENCE_DAYS`] = 300 days, a single absence at most
//!   [`MAX_SINGLE_ABSENCE_DAYS`] = 180 days, and only *more* than that
//!   exceeds the limit. A total over several trips has no calendar anchor, so
//!   a fixed number of days is the only consistent measure; 30-day months
//!   are the shortest common reading (calendar months would allow 181–184
//!   days for six months), so this check warns rather than reassures at the
//!   margin. The guide itself is approximate; this is an aid, not a
//!   decision.
//! - **Invalid trips.** A trip that returns before it departs, or returns
//!   after the application date, is reported (`trip_dates_invalid`) and
//!   left out; the answer is then not within limits. A trip that has not
//!   ended cannot be entered: [`Trip::returned`] is required (someone who
//!   is abroad enters the planned return date, which must not be after the
//!   application date).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::dates::{add_days, add_years, days_between};
use super::reasons::{Reason, ReasonCode};

/// Length of the window before the application date, in years.
pub const WINDOW_YEARS: u8 = 3;
/// Most days absent in total within the window: 10 months of 30 days.
pub const MAX_TOTAL_ABSENCE_DAYS: u32 = 300;
/// Most days of one absence: 6 months of 30 days.
pub const MAX_SINGLE_ABSENCE_DAYS: u32 = 180;

/// One trip out of Serbia.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Trip {
    /// The day of leaving Serbia (counts as a day in Serbia).
    pub departed: Date,
    /// The day of coming back (counts as a day in Serbia).
    pub returned: Date,
}

/// One continuous absence within the window, after cutting and merging.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Absence {
    /// First whole day abroad (within the window).
    pub first_day: Date,
    /// Last whole day abroad (within the window).
    pub last_day: Date,
    /// Number of days, `last_day − first_day + 1`.
    pub days: u32,
}

/// The result of [`check_absences`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AbsenceAnswer {
    /// First day of the window (application date − 3 years).
    pub window_start: Date,
    /// Last day of the window (the day before the application date).
    pub window_end: Date,
    /// Days absent within the window.
    pub total_days_absent: u32,
    /// Days of the longest single absence within the window.
    pub longest_absence_days: u32,
    /// The absences, in date order.
    pub absences: Vec<Absence>,
    /// Whether all trips were valid and both limits are kept.
    pub within_limits: bool,
    /// `trip_dates_invalid`, `total_absence_exceeds_limit`,
    /// `single_absence_exceeds_limit` (all blocking).
    pub reasons: Vec<Reason>,
}

/// Measures `trips` against the absence limits for a permanent residence
/// application on `application_date` (see the module documentation).
#[must_use]
pub fn check_absences(application_date: Date, trips: &[Trip]) -> AbsenceAnswer {
    let window_start = add_years(application_date, -i64::from(WINDOW_YEARS));
    let window_end = add_days(application_date, -1);
    let mut reasons = Vec::new();

    // Absent days of each valid trip, cut to the window.
    let mut spans: Vec<(Date, Date)> = Vec::with_capacity(trips.len());
    for (index, trip) in trips.iter().enumerate() {
        if trip.returned < trip.departed || trip.returned > application_date {
            reasons.push(Reason::new(
                ReasonCode::TripDatesInvalid,
                [
                    ("trip", (index + 1).to_string()),
                    ("departed", trip.departed.to_string()),
                    ("returned", trip.returned.to_string()),
                ],
            ));
            continue;
        }
        let first = add_days(trip.departed, 1).max(window_start);
        let last = add_days(trip.returned, -1).min(window_end);
        if first <= last {
            spans.push((first, last));
        }
    }

    // Merge overlapping and touching spans.
    spans.sort_unstable();
    let mut merged: Vec<(Date, Date)> = Vec::with_capacity(spans.len());
    for (first, last) in spans {
        match merged.last_mut() {
            Some((_, prev_last)) if first <= add_days(*prev_last, 1) => {
                *prev_last = (*prev_last).max(last);
            }
            _ => merged.push((first, last)),
        }
    }
    let absences: Vec<Absence> = merged
        .into_iter()
        .map(|(first_day, last_day)| Absence {
            first_day,
            last_day,
            days: u32::try_from(days_between(first_day, last_day) + 1).unwrap_or(u32::MAX),
        })
        .collect();

    let total_days_absent: u32 = absences.iter().map(|a| a.days).sum();
    let longest_absence_days = absences.iter().map(|a| a.days).max().unwrap_or(0);
    if total_days_absent > MAX_TOTAL_ABSENCE_DAYS {
        reasons.push(Reason::new(
            ReasonCode::TotalAbsenceExceedsLimit,
            [
                ("total_days_absent", total_days_absent.to_string()),
                ("limit_days", MAX_TOTAL_ABSENCE_DAYS.to_string()),
            ],
        ));
    }
    for absence in absences.iter().filter(|a| a.days > MAX_SINGLE_ABSENCE_DAYS) {
        reasons.push(Reason::new(
            ReasonCode::SingleAbsenceExceedsLimit,
            [
                ("first_day", absence.first_day.to_string()),
                ("last_day", absence.last_day.to_string()),
                ("days", absence.days.to_string()),
                ("limit_days", MAX_SINGLE_ABSENCE_DAYS.to_string()),
            ],
        ));
    }

    AbsenceAnswer {
        window_start,
        window_end,
        total_days_absent,
        longest_absence_days,
        absences,
        within_limits: !reasons.iter().any(Reason::is_blocking),
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use proptest::prelude::*;

    use super::*;

    const A: Date = date(2025, 6, 1);

    fn trip(departed: Date, returned: Date) -> Trip {
        Trip { departed, returned }
    }

    /// A trip with `days` whole days abroad, leaving on `departed`.
    fn absent(departed: Date, days: i64) -> Trip {
        trip(departed, add_days(departed, days + 1))
    }

    fn codes(a: &AbsenceAnswer) -> Vec<&'static str> {
        a.reasons.iter().map(|r| r.code.code()).collect()
    }

    #[test]
    fn window_is_three_years_before_the_application() {
        let a = check_absences(A, &[]);
        assert_eq!(a.window_start, date(2022, 6, 1));
        assert_eq!(a.window_end, date(2025, 5, 31));
        assert_eq!(a.total_days_absent, 0);
        assert_eq!(a.longest_absence_days, 0);
        assert!(a.within_limits);
        assert!(a.reasons.is_empty());
        let leap = check_absences(date(2028, 2, 29), &[]);
        assert_eq!(leap.window_start, date(2025, 2, 28));
    }

    #[test]
    fn departure_and_return_days_are_in_serbia() {
        let a = check_absences(A, &[trip(date(2024, 1, 1), date(2024, 1, 1))]);
        assert_eq!(a.total_days_absent, 0);
        let a = check_absences(A, &[trip(date(2024, 1, 1), date(2024, 1, 2))]);
        assert_eq!(a.total_days_absent, 0);
        let a = check_absences(A, &[trip(date(2024, 1, 1), date(2024, 1, 3))]);
        assert_eq!(a.total_days_absent, 1);
        assert_eq!(
            a.absences,
            [Absence {
                first_day: date(2024, 1, 2),
                last_day: date(2024, 1, 2),
                days: 1
            }]
        );
        // 2024 is a leap year: 1 Jan → 1 Mar is 59 days between.
        let a = check_absences(A, &[trip(date(2024, 1, 1), date(2024, 3, 1))]);
        assert_eq!(a.total_days_absent, 59);
    }

    /// seed-002: "any single absence should not exceed 6 months" (180 days).
    #[test]
    fn single_absence_boundaries() {
        for (days, ok) in [(179, true), (180, true), (181, false)] {
            let a = check_absences(A, &[absent(date(2023, 1, 10), days)]);
            assert_eq!(a.longest_absence_days, u32::try_from(days).unwrap());
            assert_eq!(a.within_limits, ok, "{days}");
            if !ok {
                assert_eq!(codes(&a), ["single_absence_exceeds_limit"]);
                let r = &a.reasons[0];
                assert_eq!(r.arg("days"), Some("181"));
                assert_eq!(r.arg("first_day"), Some("2023-01-11"));
                assert_eq!(r.arg("limit_days"), Some("180"));
                assert_eq!(r.source.document, "seed-002");
            }
        }
    }

    /// seed-002: "the total absence … should not exceed 10 months" (300 days).
    #[test]
    fn total_absence_boundaries() {
        for (last_days, ok) in [(119, true), (120, true), (121, false)] {
            let trips = [
                absent(date(2022, 7, 1), 180),
                absent(date(2024, 7, 1), last_days),
            ];
            let a = check_absences(A, &trips);
            assert_eq!(a.total_days_absent, u32::try_from(180 + last_days).unwrap());
            assert_eq!(a.longest_absence_days, 180);
            assert_eq!(a.within_limits, ok, "{last_days}");
            if !ok {
                assert_eq!(codes(&a), ["total_absence_exceeds_limit"]);
                assert_eq!(a.reasons[0].arg("total_days_absent"), Some("301"));
            }
        }
    }

    #[test]
    fn trips_are_cut_at_the_window() {
        // Window starts 2022-06-01. Absent days 2022-05-02 ..= 2022-06-10:
        // only 2022-06-01 ..= 2022-06-10 count.
        let a = check_absences(A, &[trip(date(2022, 5, 1), date(2022, 6, 11))]);
        assert_eq!(a.total_days_absent, 10);
        assert_eq!(a.absences[0].first_day, date(2022, 6, 1));
        // Entirely before the window: the last absent day is 2022-05-31.
        let a = check_absences(A, &[trip(date(2022, 1, 1), date(2022, 6, 1))]);
        assert_eq!(a.total_days_absent, 0);
        // Returning on 2022-06-02: one absent day (2022-06-01) in the window.
        let a = check_absences(A, &[trip(date(2022, 1, 1), date(2022, 6, 2))]);
        assert_eq!(a.total_days_absent, 1);
        // Returning on the application day: absent up to the window's end.
        let a = check_absences(A, &[trip(date(2025, 5, 20), A)]);
        assert!(a.within_limits);
        assert_eq!(a.absences[0].last_day, date(2025, 5, 31));
        assert_eq!(a.total_days_absent, 11);
    }

    #[test]
    fn overlapping_and_touching_trips_merge() {
        let a = check_absences(
            A,
            &[
                trip(date(2024, 1, 1), date(2024, 1, 20)),
                trip(date(2024, 1, 10), date(2024, 2, 1)),
            ],
        );
        assert_eq!(a.absences.len(), 1);
        assert_eq!(a.total_days_absent, 30); // 2024-01-02 ..= 2024-01-31
        // Absent through 01-19, then 01-20 onwards: one absence.
        let a = check_absences(
            A,
            &[
                trip(date(2024, 1, 1), date(2024, 1, 20)),
                trip(date(2024, 1, 19), date(2024, 1, 25)),
            ],
        );
        assert_eq!(a.absences.len(), 1);
        assert_eq!(a.total_days_absent, 23);
        // Back and off again on the same day: two absences.
        let a = check_absences(
            A,
            &[
                trip(date(2024, 1, 1), date(2024, 1, 20)),
                trip(date(2024, 1, 20), date(2024, 1, 25)),
            ],
        );
        assert_eq!(a.absences.len(), 2);
        assert_eq!(a.total_days_absent, 18 + 4);
        assert_eq!(a.longest_absence_days, 18);
        // A trip inside another changes nothing.
        let a = check_absences(
            A,
            &[
                trip(date(2024, 1, 1), date(2024, 3, 1)),
                trip(date(2024, 1, 5), date(2024, 1, 7)),
            ],
        );
        assert_eq!(a.total_days_absent, 59);
    }

    #[test]
    fn invalid_trips_are_reported_and_left_out() {
        let a = check_absences(
            A,
            &[
                trip(date(2024, 1, 10), date(2024, 1, 9)),
                trip(date(2024, 2, 1), date(2024, 2, 5)),
                trip(date(2025, 5, 30), date(2025, 6, 2)),
            ],
        );
        assert!(!a.within_limits);
        assert_eq!(codes(&a), ["trip_dates_invalid", "trip_dates_invalid"]);
        assert_eq!(a.reasons[0].arg("trip"), Some("1"));
        assert_eq!(a.reasons[1].arg("trip"), Some("3"));
        assert_eq!(a.reasons[1].arg("returned"), Some("2025-06-02"));
        assert_eq!(a.total_days_absent, 3);
        // Boundary: returning the day before / on / after the application day.
        for (returned, ok) in [
            (date(2025, 5, 31), true),
            (date(2025, 6, 1), true),
            (date(2025, 6, 2), false),
        ] {
            let a = check_absences(A, &[trip(date(2025, 5, 1), returned)]);
            assert_eq!(a.within_limits, ok, "{returned}");
        }
    }

    #[test]
    fn answer_serialises() {
        let a = check_absences(A, &[absent(date(2024, 1, 1), 200)]);
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["window_start"], "2022-06-01");
        assert_eq!(json["within_limits"], false);
        assert_eq!(json["reasons"][0]["code"], "single_absence_exceeds_limit");
    }

    fn any_trip() -> impl Strategy<Value = Trip> {
        (0_i64..1500, 0_i64..300).prop_map(|(start, len)| {
            let departed = add_days(date(2021, 6, 1), start);
            trip(departed, add_days(departed, len))
        })
    }

    proptest! {
        #[test]
        fn totals_are_consistent(trips in prop::collection::vec(any_trip(), 0..8)) {
            let a = check_absences(A, &trips);
            prop_assert!(a.total_days_absent >= a.longest_absence_days);
            let window_days = u32::try_from(days_between(a.window_start, a.window_end) + 1).unwrap();
            prop_assert!(a.total_days_absent <= window_days);
            prop_assert_eq!(a.total_days_absent, a.absences.iter().map(|x| x.days).sum::<u32>());
            for pair in a.absences.windows(2) {
                // Separated by at least one day in Serbia.
                prop_assert!(add_days(pair[0].last_day, 1) < pair[1].first_day);
            }
            for x in &a.absences {
                prop_assert!(x.first_day >= a.window_start && x.last_day <= a.window_end);
            }
            let mut reversed = trips.clone();
            reversed.reverse();
            let b = check_absences(A, &reversed);
            prop_assert_eq!(a.total_days_absent, b.total_days_absent);
            prop_assert_eq!(&a.absences, &b.absences);
        }

        #[test]
        fn adding_a_trip_never_lowers_the_total(
            trips in prop::collection::vec(any_trip(), 0..6),
            extra in any_trip(),
        ) {
            let before = check_absences(A, &trips);
            let mut more = trips.clone();
            more.push(extra);
            let after = check_absences(A, &more);
            prop_assert!(after.total_days_absent >= before.total_days_absent);
            prop_assert!(after.longest_absence_days >= before.longest_absence_days);
        }
    }
}
