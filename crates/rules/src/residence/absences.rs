//! Absences before an application for permanent residence.
//!
//! Seed-002 (a private guide): "In the three years preceding the
//! application for permanent residence, the total absence from the country
//! should not exceed 10 months, and any single absence should not exceed 6
//! months." [`check_absences`] measures a list of trips against that. The
//! trips come in as an [`AbsenceQuestion`], built by
//! [`AbsenceQuestion::parse`]: a trip that comes back before it left, or
//! after the application date, is refused there with a reason
//! (`trip_return_before_departure`, `trip_return_after_application`) and
//! never reaches the count.
//!
//! # How the count is made
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
//!   before the window counts from the window's first day (as if it had
//!   left the day before).
//! - **Overlaps.** Absent days are a set: overlapping trips are merged, and
//!   absent days that follow each other without a day in Serbia between them
//!   form one absence. A return and a new departure on the same day keep the
//!   absences apart (that day was spent in Serbia).
//! - **One absence, in calendar months.** An absence is a period that runs
//!   from the day after the departure (the day of the event, not counted) to
//!   its last whole day abroad, and it is measured as Serbian law counts a
//!   period of months (Law on General Administrative Procedure, art. 80; Law
//!   on Obligations, art. 77): a period of `N` months from the event on day
//!   `D` ends on the day of the `N`-th month after that has the same number
//!   as `D`, or on that month's last day when it has no such day. So an
//!   absence after leaving on 15 January reaches 6 months on 15 July; one
//!   after leaving on 31 August reaches 6 months on 28 February (29 in a
//!   leap year). Its length ([`MonthsDays::of_absence`]) is the whole months
//!   it spans that way plus the days after the last whole month; it exceeds
//!   6 months exactly when its last day abroad is after the day 6 months
//!   end, i.e. when the return is more than one day after that day.
//! - **Several absences, added up.** The whole calendar months of each
//!   absence are added, and so are the remaining days; the days left over
//!   have no calendar anchor (they belong to different absences), so they
//!   are counted 30 to a month, the classic civil-law rule for periods that
//!   need not run continuously ([`MonthsDays::total`]). Two absences of
//!   exactly 5 calendar months each make 10 months, whatever the number of
//!   days in those months. The total exceeds 10 months when it is more than
//!   10 months and 0 days.
//! - **Limits.** Only *more* than 6 months (one absence) or 10 months (in
//!   total) exceeds the limit: exactly 6 or 10 months is within it.
//!
//! The guide itself is approximate and not the law on permanent residence;
//! this is an aid, not a decision. That the months are counted like the
//! law's periods, and that left-over days add up at 30 to a month, is the
//! project's reading.

use std::cmp::Ordering;

use jiff::civil::Date;
use serde::Serialize;

use super::dates::{add_days, add_months, add_years, days_between};
use super::reasons::{Reason, ReasonCode};

/// Length of the window before the application date, in years.
pub const WINDOW_YEARS: u8 = 3;
/// Most months of absence in total within the window (seed-002).
pub const MAX_TOTAL_ABSENCE_MONTHS: u32 = 10;
/// Most months of one absence (seed-002).
pub const MAX_SINGLE_ABSENCE_MONTHS: u32 = 6;
/// How many left-over days make a month when absences are added up.
pub const DAYS_PER_MONTH_IN_A_TOTAL: u32 = 30;

/// A length in calendar months and days.
///
/// Ordered by months, then days (derive order): `5 months 30 days` is less
/// than `6 months 0 days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize)]
pub struct MonthsDays {
    /// Whole months.
    pub months: u32,
    /// Days after the whole months (at most 30 for one absence; below 30
    /// in a [`total`](Self::total)).
    pub days: u32,
}

impl MonthsDays {
    /// `months` months and no days.
    #[must_use]
    pub const fn months(months: u32) -> Self {
        Self { months, days: 0 }
    }

    /// The length of a period that starts the day after `event` and ends on
    /// `last` (inclusive), counted as the law counts months: the largest `m`
    /// with `event + m months ≤ last` (jiff month arithmetic, clamped to the
    /// month's last day), then the days from `event + m months` to `last`.
    /// Zero when `last ≤ event`.
    ///
    /// Examples: event 2025-01-15, last 2025-07-15 → 6 months 0 days;
    /// event 2024-01-31, last 2024-02-29 → 1 month; event 2025-01-31, last
    /// 2025-03-30 → 1 month (to 2025-02-28) and 30 days.
    #[must_use]
    pub fn between(event: Date, last: Date) -> Self {
        if last <= event {
            return Self::default();
        }
        let estimate = (i64::from(last.year()) - i64::from(event.year())) * 12
            + i64::from(last.month())
            - i64::from(event.month());
        let mut months = estimate.max(0);
        // The estimate lands in `last`'s month; clamping or a later day
        // number can put it after `last`, never more than one month.
        while months > 0 && add_months(event, months) > last {
            months -= 1;
        }
        let anchor = add_months(event, months);
        Self {
            months: u32::try_from(months).unwrap_or(u32::MAX),
            days: u32::try_from(days_between(anchor, last)).unwrap_or(0),
        }
    }

    /// The length of one absence whose whole days abroad run from `first` to
    /// `last`: the period from the event on the day before `first` (the
    /// departure) to `last`.
    #[must_use]
    pub fn of_absence(first: Date, last: Date) -> Self {
        Self::between(add_days(first, -1), last)
    }

    /// Several lengths added up: months with months, days with days, then
    /// every [`DAYS_PER_MONTH_IN_A_TOTAL`] days make a month.
    #[must_use]
    pub fn total(parts: impl IntoIterator<Item = Self>) -> Self {
        let (months, days) = parts.into_iter().fold((0_u64, 0_u64), |(m, d), p| {
            (m + u64::from(p.months), d + u64::from(p.days))
        });
        let per = u64::from(DAYS_PER_MONTH_IN_A_TOTAL);
        Self {
            months: u32::try_from(months + days / per).unwrap_or(u32::MAX),
            days: u32::try_from(days % per).unwrap_or(0),
        }
    }
}

/// One trip out of Serbia: it comes back on or after the day it left
/// (built by [`Trip::new`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Trip {
    departed: Date,
    returned: Date,
}

impl Trip {
    /// A trip leaving on `departed` and coming back on `returned`, or `None`
    /// when it comes back before it left.
    #[must_use]
    pub fn new(departed: Date, returned: Date) -> Option<Self> {
        (returned >= departed).then_some(Self { departed, returned })
    }

    /// The day of leaving Serbia (counts as a day in Serbia).
    #[must_use]
    pub const fn departed(&self) -> Date {
        self.departed
    }

    /// The day of coming back (counts as a day in Serbia).
    #[must_use]
    pub const fn returned(&self) -> Date {
        self.returned
    }
}

/// A trip's dates that cannot be counted, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TripProblem {
    /// The trip's position in the list given, 0-based.
    pub trip: usize,
    /// `trip_return_before_departure` or `trip_return_after_application`,
    /// about the return date; its `trip` argument is 1-based.
    pub reason: Reason,
}

/// An absence question whose trips can be counted: every trip comes back on
/// or after the day it left, and on or before the application date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AbsenceQuestion {
    application_date: Date,
    trips: Vec<Trip>,
}

impl AbsenceQuestion {
    /// Reads the application date and the trips (departure, return), or
    /// every trip's problem. A trip that is still going on cannot be entered:
    /// someone abroad enters the planned return, which must not be after the
    /// application date.
    ///
    /// # Errors
    ///
    /// One [`TripProblem`] for each trip that comes back before it left or
    /// after `application_date`.
    pub fn parse(application_date: Date, trips: &[(Date, Date)]) -> Result<Self, Vec<TripProblem>> {
        let mut problems = Vec::new();
        let mut parsed = Vec::with_capacity(trips.len());
        for (index, &(departed, returned)) in trips.iter().enumerate() {
            let number = (index + 1).to_string();
            match Trip::new(departed, returned) {
                None => problems.push(TripProblem {
                    trip: index,
                    reason: Reason::new(
                        ReasonCode::TripReturnBeforeDeparture,
                        [
                            ("trip", number),
                            ("departed", departed.to_string()),
                            ("returned", returned.to_string()),
                        ],
                    ),
                }),
                Some(_) if returned > application_date => problems.push(TripProblem {
                    trip: index,
                    reason: Reason::new(
                        ReasonCode::TripReturnAfterApplication,
                        [
                            ("trip", number),
                            ("returned", returned.to_string()),
                            ("application_date", application_date.to_string()),
                        ],
                    ),
                }),
                Some(trip) => parsed.push(trip),
            }
        }
        if problems.is_empty() {
            Ok(Self {
                application_date,
                trips: parsed,
            })
        } else {
            Err(problems)
        }
    }

    /// The date of the application for permanent residence.
    #[must_use]
    pub const fn application_date(&self) -> Date {
        self.application_date
    }

    /// The trips, in the order given.
    #[must_use]
    pub fn trips(&self) -> &[Trip] {
        &self.trips
    }
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
    /// Its length in calendar months and days ([`MonthsDays::of_absence`]).
    pub length: MonthsDays,
}

impl Absence {
    /// The last return day that keeps this absence within `months` months:
    /// the day after the one on which `months` months from the departure end.
    #[must_use]
    pub fn latest_return_within(&self, months: u32) -> Date {
        let departed = add_days(self.first_day, -1);
        add_days(add_months(departed, i64::from(months)), 1)
    }
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
    /// The absences added up in months and days ([`MonthsDays::total`]).
    pub total: MonthsDays,
    /// Days of the absence with the most days.
    pub longest_absence_days: u32,
    /// The length of the longest absence in months and days.
    pub longest: MonthsDays,
    /// The absences, in date order.
    pub absences: Vec<Absence>,
    /// Whether both limits are kept.
    pub within_limits: bool,
    /// `total_absence_exceeds_limit`, `single_absence_exceeds_limit` (both
    /// blocking).
    pub reasons: Vec<Reason>,
}

/// Measures the trips of `question` against the absence limits (see the
/// module documentation).
#[must_use]
pub fn check_absences(question: &AbsenceQuestion) -> AbsenceAnswer {
    let application_date = question.application_date;
    let window_start = add_years(application_date, -i64::from(WINDOW_YEARS));
    let window_end = add_days(application_date, -1);

    // Absent days of each trip, cut to the window.
    let mut spans: Vec<(Date, Date)> = question
        .trips
        .iter()
        .filter_map(|trip| {
            let first = add_days(trip.departed, 1).max(window_start);
            let last = add_days(trip.returned, -1).min(window_end);
            (first <= last).then_some((first, last))
        })
        .collect();

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
            length: MonthsDays::of_absence(first_day, last_day),
        })
        .collect();

    let total_days_absent: u32 = absences.iter().map(|a| a.days).sum();
    let total = MonthsDays::total(absences.iter().map(|a| a.length));
    let longest_absence_days = absences.iter().map(|a| a.days).max().unwrap_or(0);
    let longest = absences.iter().map(|a| a.length).max().unwrap_or_default();

    let mut reasons = Vec::new();
    let total_limit = MonthsDays::months(MAX_TOTAL_ABSENCE_MONTHS);
    if total.cmp(&total_limit) == Ordering::Greater {
        reasons.push(Reason::new(
            ReasonCode::TotalAbsenceExceedsLimit,
            [
                ("total_months", total.months.to_string()),
                ("total_days", total.days.to_string()),
                ("total_days_absent", total_days_absent.to_string()),
                ("limit_months", MAX_TOTAL_ABSENCE_MONTHS.to_string()),
            ],
        ));
    }
    let single_limit = MonthsDays::months(MAX_SINGLE_ABSENCE_MONTHS);
    for absence in absences.iter().filter(|a| a.length > single_limit) {
        reasons.push(Reason::new(
            ReasonCode::SingleAbsenceExceedsLimit,
            [
                ("first_day", absence.first_day.to_string()),
                ("last_day", absence.last_day.to_string()),
                ("months", absence.length.months.to_string()),
                ("days", absence.length.days.to_string()),
                ("days_absent", absence.days.to_string()),
                ("limit_months", MAX_SINGLE_ABSENCE_MONTHS.to_string()),
                (
                    "latest_return",
                    absence
                        .latest_return_within(MAX_SINGLE_ABSENCE_MONTHS)
                        .to_string(),
                ),
            ],
        ));
    }

    AbsenceAnswer {
        window_start,
        window_end,
        total_days_absent,
        total,
        longest_absence_days,
        longest,
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

    fn trip(departed: Date, returned: Date) -> (Date, Date) {
        (departed, returned)
    }

    /// A trip with `days` whole days abroad, leaving on `departed`.
    fn absent(departed: Date, days: i64) -> (Date, Date) {
        trip(departed, add_days(departed, days + 1))
    }

    fn check(application: Date, trips: &[(Date, Date)]) -> AbsenceAnswer {
        check_absences(&AbsenceQuestion::parse(application, trips).unwrap())
    }

    fn codes(a: &AbsenceAnswer) -> Vec<&'static str> {
        a.reasons.iter().map(|r| r.code.code()).collect()
    }

    const fn md(months: u32, days: u32) -> MonthsDays {
        MonthsDays { months, days }
    }

    #[test]
    fn window_is_three_years_before_the_application() {
        let a = check(A, &[]);
        assert_eq!(a.window_start, date(2022, 6, 1));
        assert_eq!(a.window_end, date(2025, 5, 31));
        assert_eq!(a.total_days_absent, 0);
        assert_eq!(a.total, md(0, 0));
        assert_eq!(a.longest_absence_days, 0);
        assert!(a.within_limits);
        assert!(a.reasons.is_empty());
        let leap = check(date(2028, 2, 29), &[]);
        assert_eq!(leap.window_start, date(2025, 2, 28));
    }

    #[test]
    fn departure_and_return_days_are_in_serbia() {
        let a = check(A, &[trip(date(2024, 1, 1), date(2024, 1, 1))]);
        assert_eq!(a.total_days_absent, 0);
        let a = check(A, &[trip(date(2024, 1, 1), date(2024, 1, 2))]);
        assert_eq!(a.total_days_absent, 0);
        let a = check(A, &[trip(date(2024, 1, 1), date(2024, 1, 3))]);
        assert_eq!(a.total_days_absent, 1);
        assert_eq!(
            a.absences,
            [Absence {
                first_day: date(2024, 1, 2),
                last_day: date(2024, 1, 2),
                days: 1,
                length: md(0, 1),
            }]
        );
        // 2024 is a leap year: 1 Jan → 1 Mar is 59 days between, one
        // calendar month (2 Jan – 1 Feb) and 28 days.
        let a = check(A, &[trip(date(2024, 1, 1), date(2024, 3, 1))]);
        assert_eq!(a.total_days_absent, 59);
        assert_eq!(a.total, md(1, 28));
    }

    /// The law's months: the period of N months from the event on day D ends
    /// on the day with D's number N months later, or the month's last day.
    #[test]
    fn months_end_on_the_same_day_number_or_the_last_day() {
        // 31 January + 1 month: 29 February in a leap year, 28 otherwise.
        assert_eq!(
            MonthsDays::between(date(2024, 1, 31), date(2024, 2, 29)),
            md(1, 0)
        );
        assert_eq!(
            MonthsDays::between(date(2024, 1, 31), date(2024, 2, 28)),
            md(0, 28)
        );
        assert_eq!(
            MonthsDays::between(date(2025, 1, 31), date(2025, 2, 28)),
            md(1, 0)
        );
        assert_eq!(
            MonthsDays::between(date(2025, 1, 31), date(2025, 3, 1)),
            md(1, 1)
        );
        // After the clamped month the count goes on from 28 February.
        assert_eq!(
            MonthsDays::between(date(2025, 1, 31), date(2025, 3, 30)),
            md(1, 30)
        );
        assert_eq!(
            MonthsDays::between(date(2025, 1, 31), date(2025, 3, 31)),
            md(2, 0)
        );
        // 29 February + 12 months: 28 February of the common year.
        assert_eq!(
            MonthsDays::between(date(2024, 2, 29), date(2025, 2, 28)),
            md(12, 0)
        );
        assert_eq!(
            MonthsDays::between(date(2024, 2, 29), date(2025, 2, 27)),
            md(11, 29)
        );
        // A 30-day month, and the turn of the year.
        assert_eq!(
            MonthsDays::between(date(2025, 3, 31), date(2025, 4, 30)),
            md(1, 0)
        );
        assert_eq!(
            MonthsDays::between(date(2024, 12, 15), date(2025, 1, 14)),
            md(0, 30)
        );
        assert_eq!(
            MonthsDays::between(date(2024, 12, 15), date(2025, 1, 15)),
            md(1, 0)
        );
        // Nothing, or a single day.
        assert_eq!(
            MonthsDays::between(date(2025, 1, 1), date(2025, 1, 1)),
            md(0, 0)
        );
        assert_eq!(
            MonthsDays::between(date(2025, 1, 2), date(2025, 1, 1)),
            md(0, 0)
        );
        assert_eq!(
            MonthsDays::between(date(2025, 1, 1), date(2025, 1, 2)),
            md(0, 1)
        );
    }

    #[test]
    fn totals_carry_days_at_thirty() {
        assert_eq!(MonthsDays::total([]), md(0, 0));
        assert_eq!(MonthsDays::total([md(5, 0), md(5, 0)]), md(10, 0));
        assert_eq!(MonthsDays::total([md(3, 20), md(4, 15)]), md(8, 5));
        assert_eq!(MonthsDays::total([md(5, 30)]), md(6, 0));
        assert_eq!(MonthsDays::total([md(0, 29), md(0, 1)]), md(1, 0));
        assert!(md(5, 30) < md(6, 0));
        assert!(md(6, 1) > md(6, 0));
    }

    /// seed-002: "any single absence should not exceed 6 months". Leaving
    /// on 15 January 2024, 6 months of absence end on 15 July 2024: coming
    /// back on 16 July is within, on 17 July it is 6 months and 1 day.
    #[test]
    fn single_absence_boundaries() {
        for (returned, length, ok) in [
            (date(2024, 7, 15), md(5, 29), true),
            (date(2024, 7, 16), md(6, 0), true),
            (date(2024, 7, 17), md(6, 1), false),
        ] {
            let a = check(A, &[trip(date(2024, 1, 15), returned)]);
            assert_eq!(a.longest, length, "{returned}");
            assert_eq!(a.within_limits, ok, "{returned}");
            if !ok {
                assert_eq!(codes(&a), ["single_absence_exceeds_limit"]);
                let r = &a.reasons[0];
                assert_eq!(r.arg("months"), Some("6"));
                assert_eq!(r.arg("days"), Some("1"));
                assert_eq!(r.arg("days_absent"), Some("183"));
                assert_eq!(r.arg("first_day"), Some("2024-01-16"));
                assert_eq!(r.arg("last_day"), Some("2024-07-16"));
                assert_eq!(r.arg("limit_months"), Some("6"));
                assert_eq!(r.arg("latest_return"), Some("2024-07-16"));
                assert_eq!(r.source.document, "seed-002");
            }
        }
    }

    /// Six months of absence are 181 to 184 days depending on the months:
    /// the count follows the calendar, not a fixed number of days.
    #[test]
    fn six_months_follow_the_calendar() {
        for (departed, latest_ok_return, days) in [
            // 31 Aug 2024 + 6 months = 28 Feb 2025: 1 Sep – 28 Feb, 181 days.
            (date(2024, 8, 31), date(2025, 3, 1), 181),
            // 31 Aug 2023 + 6 months = 29 Feb 2024 (leap year): 182 days.
            (date(2023, 8, 31), date(2024, 3, 1), 182),
            // 29 Feb 2024 + 6 months = 29 Aug 2024: 1 Mar – 29 Aug, 182 days.
            (date(2024, 2, 29), date(2024, 8, 30), 182),
            // 31 Mar + 6 months = 30 Sep: 1 Apr – 30 Sep, 183 days.
            (date(2024, 3, 31), date(2024, 10, 1), 183),
            // 1 May + 6 months = 1 Nov: 2 May – 1 Nov, 184 days.
            (date(2024, 5, 1), date(2024, 11, 2), 184),
        ] {
            let ok = check(A, &[trip(departed, latest_ok_return)]);
            assert!(ok.within_limits, "{departed}");
            assert_eq!(ok.longest, md(6, 0), "{departed}");
            assert_eq!(ok.total_days_absent, days, "{departed}");
            let over = check(A, &[trip(departed, add_days(latest_ok_return, 1))]);
            assert!(!over.within_limits, "{departed}");
            assert_eq!(
                over.reasons[0].arg("latest_return"),
                Some(&*latest_ok_return.to_string())
            );
        }
    }

    /// seed-002: "the total absence … should not exceed 10 months".
    #[test]
    fn total_absence_boundaries() {
        // Two absences of exactly 5 calendar months (151 + 153 = 304 days)
        // are 10 months: within the limit.
        let five_and_five = [
            trip(date(2023, 1, 15), date(2023, 6, 16)),
            trip(date(2024, 3, 1), date(2024, 8, 2)),
        ];
        let a = check(A, &five_and_five);
        assert_eq!(a.absences[0].length, md(5, 0));
        assert_eq!(a.absences[1].length, md(5, 0));
        assert_eq!(a.total, md(10, 0));
        assert_eq!(a.total_days_absent, 304);
        assert!(a.within_limits);
        // One more day abroad anywhere is over.
        let mut more = five_and_five.to_vec();
        more.push(trip(date(2025, 1, 10), date(2025, 1, 12)));
        let a = check(A, &more);
        assert_eq!(a.total, md(10, 1));
        assert_eq!(codes(&a), ["total_absence_exceeds_limit"]);
        let r = &a.reasons[0];
        assert_eq!(r.arg("total_months"), Some("10"));
        assert_eq!(r.arg("total_days"), Some("1"));
        assert_eq!(r.arg("total_days_absent"), Some("305"));
        assert_eq!(r.arg("limit_months"), Some("10"));
        // Left-over days add up at 30 to a month: 4 months 20 days + 5
        // months 10 days = 10 months.
        let a = check(
            A,
            &[
                trip(date(2023, 1, 15), date(2023, 6, 5)),
                trip(date(2024, 3, 1), date(2024, 8, 12)),
            ],
        );
        assert_eq!(a.absences[0].length, md(4, 20));
        assert_eq!(a.absences[1].length, md(5, 10));
        assert_eq!(a.total, md(10, 0));
        assert!(a.within_limits);
    }

    #[test]
    fn trips_are_cut_at_the_window() {
        // Window starts 2022-06-01. Absent days 2022-05-02 ..= 2022-06-10:
        // only 2022-06-01 ..= 2022-06-10 count.
        let a = check(A, &[trip(date(2022, 5, 1), date(2022, 6, 11))]);
        assert_eq!(a.total_days_absent, 10);
        assert_eq!(a.absences[0].first_day, date(2022, 6, 1));
        assert_eq!(a.total, md(0, 10));
        // Entirely before the window: the last absent day is 2022-05-31.
        let a = check(A, &[trip(date(2022, 1, 1), date(2022, 6, 1))]);
        assert_eq!(a.total_days_absent, 0);
        // Returning on 2022-06-02: one absent day (2022-06-01) in the window.
        let a = check(A, &[trip(date(2022, 1, 1), date(2022, 6, 2))]);
        assert_eq!(a.total_days_absent, 1);
        // A long absence cut at the window counts from its first day, as if
        // it had left on 2022-05-31: 6 months end on 2022-11-30.
        let a = check(A, &[trip(date(2021, 1, 1), date(2022, 12, 1))]);
        assert_eq!(a.longest, md(6, 0));
        assert!(a.within_limits);
        let a = check(A, &[trip(date(2021, 1, 1), date(2022, 12, 2))]);
        assert_eq!(a.longest, md(6, 1));
        assert!(!a.within_limits);
        // Returning on the application day: absent up to the window's end.
        let a = check(A, &[trip(date(2025, 5, 20), A)]);
        assert!(a.within_limits);
        assert_eq!(a.absences[0].last_day, date(2025, 5, 31));
        assert_eq!(a.total_days_absent, 11);
    }

    #[test]
    fn overlapping_and_touching_trips_merge() {
        let a = check(
            A,
            &[
                trip(date(2024, 1, 1), date(2024, 1, 20)),
                trip(date(2024, 1, 10), date(2024, 2, 1)),
            ],
        );
        assert_eq!(a.absences.len(), 1);
        assert_eq!(a.total_days_absent, 30); // 2024-01-02 ..= 2024-01-31
        assert_eq!(a.absences[0].length, md(0, 30));
        // In a total, 30 left-over days make a month.
        assert_eq!(a.total, md(1, 0));
        // Absent through 01-19, then 01-20 onwards: one absence.
        let a = check(
            A,
            &[
                trip(date(2024, 1, 1), date(2024, 1, 20)),
                trip(date(2024, 1, 19), date(2024, 1, 25)),
            ],
        );
        assert_eq!(a.absences.len(), 1);
        assert_eq!(a.total_days_absent, 23);
        // Back and off again on the same day: two absences.
        let a = check(
            A,
            &[
                trip(date(2024, 1, 1), date(2024, 1, 20)),
                trip(date(2024, 1, 20), date(2024, 1, 25)),
            ],
        );
        assert_eq!(a.absences.len(), 2);
        assert_eq!(a.total_days_absent, 18 + 4);
        assert_eq!(a.longest_absence_days, 18);
        assert_eq!(a.longest, md(0, 18));
        // A trip inside another changes nothing.
        let a = check(
            A,
            &[
                trip(date(2024, 1, 1), date(2024, 3, 1)),
                trip(date(2024, 1, 5), date(2024, 1, 7)),
            ],
        );
        assert_eq!(a.total_days_absent, 59);
    }

    #[test]
    fn impossible_trips_are_refused_before_counting() {
        let problems = AbsenceQuestion::parse(
            A,
            &[
                trip(date(2024, 1, 10), date(2024, 1, 9)),
                trip(date(2024, 2, 1), date(2024, 2, 5)),
                trip(date(2025, 5, 30), date(2025, 6, 2)),
            ],
        )
        .unwrap_err();
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].trip, 0);
        assert_eq!(
            problems[0].reason.code,
            ReasonCode::TripReturnBeforeDeparture
        );
        assert_eq!(problems[0].reason.arg("trip"), Some("1"));
        assert_eq!(problems[0].reason.arg("departed"), Some("2024-01-10"));
        assert_eq!(problems[0].reason.arg("returned"), Some("2024-01-09"));
        assert!(problems[0].reason.is_blocking());
        assert_eq!(problems[0].reason.source.document, "project");
        assert_eq!(problems[1].trip, 2);
        assert_eq!(
            problems[1].reason.code,
            ReasonCode::TripReturnAfterApplication
        );
        assert_eq!(
            problems[1].reason.arg("application_date"),
            Some("2025-06-01")
        );
        // Boundary: returning the day before / on / after the application day.
        for (returned, ok) in [
            (date(2025, 5, 31), true),
            (date(2025, 6, 1), true),
            (date(2025, 6, 2), false),
        ] {
            let q = AbsenceQuestion::parse(A, &[trip(date(2025, 5, 1), returned)]);
            assert_eq!(q.is_ok(), ok, "{returned}");
        }
        assert!(Trip::new(date(2024, 1, 1), date(2024, 1, 1)).is_some());
        assert!(Trip::new(date(2024, 1, 2), date(2024, 1, 1)).is_none());
        let q = AbsenceQuestion::parse(A, &[trip(date(2024, 1, 1), date(2024, 1, 5))]).unwrap();
        assert_eq!(q.application_date(), A);
        assert_eq!(q.trips()[0].departed(), date(2024, 1, 1));
        assert_eq!(q.trips()[0].returned(), date(2024, 1, 5));
    }

    #[test]
    fn answer_serialises() {
        let a = check(A, &[absent(date(2024, 1, 1), 200)]);
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["window_start"], "2022-06-01");
        assert_eq!(json["within_limits"], false);
        assert_eq!(json["longest"]["months"], 6);
        assert_eq!(json["reasons"][0]["code"], "single_absence_exceeds_limit");
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (1990_i16..2060, 1_i8..=12, 1_i8..=31).prop_map(|(y, m, d)| {
            let first = date(y, m, 1);
            date(y, m, d.min(first.days_in_month()))
        })
    }

    fn any_trip() -> impl Strategy<Value = (Date, Date)> {
        (0_i64..1500, 0_i64..300).prop_map(|(start, len)| {
            let departed = add_days(date(2021, 6, 1), start).min(A);
            trip(departed, add_days(departed, len).min(A))
        })
    }

    /// A length as days of 30-day months, the scale totals compare on.
    fn scale(x: MonthsDays) -> u64 {
        u64::from(x.months) * 30 + u64::from(x.days)
    }

    proptest! {
        /// The months are the law's: `event + m months ≤ last < event +
        /// (m + 1) months`, and the days are the rest.
        #[test]
        fn length_is_whole_months_then_days(event in any_date(), len in 1_i64..2000) {
            let last = add_days(event, len);
            let x = MonthsDays::between(event, last);
            let anchor = add_months(event, i64::from(x.months));
            prop_assert!(anchor <= last);
            prop_assert!(add_months(event, i64::from(x.months) + 1) > last);
            prop_assert_eq!(i64::from(x.days), days_between(anchor, last));
            prop_assert!(x.days <= 30);
        }

        /// One absence exceeds N months exactly when its last day is after
        /// the day N months from the departure end.
        #[test]
        fn single_limit_is_the_calendar_rule(event in any_date(), len in 1_i64..400, n in 1_u32..12) {
            let last = add_days(event, len);
            let exceeds = MonthsDays::between(event, last) > MonthsDays::months(n);
            prop_assert_eq!(exceeds, last > add_months(event, i64::from(n)));
        }

        /// A longer absence is never shorter in months and days.
        #[test]
        fn length_grows_with_the_end(event in any_date(), len in 1_i64..2000) {
            let a = MonthsDays::between(event, add_days(event, len));
            let b = MonthsDays::between(event, add_days(event, len + 1));
            prop_assert!(b > a);
            prop_assert!(scale(b) >= scale(a));
        }

        #[test]
        fn totals_are_consistent(trips in prop::collection::vec(any_trip(), 0..8)) {
            let a = check(A, &trips);
            prop_assert!(a.total_days_absent >= a.longest_absence_days);
            let window_days = u32::try_from(days_between(a.window_start, a.window_end) + 1).unwrap();
            prop_assert!(a.total_days_absent <= window_days);
            prop_assert_eq!(a.total_days_absent, a.absences.iter().map(|x| x.days).sum::<u32>());
            prop_assert!(a.total.days < 30);
            prop_assert_eq!(scale(a.total), a.absences.iter().map(|x| scale(x.length)).sum::<u64>());
            prop_assert!(a.total >= a.longest);
            for pair in a.absences.windows(2) {
                // Separated by at least one day in Serbia.
                prop_assert!(add_days(pair[0].last_day, 1) < pair[1].first_day);
            }
            for x in &a.absences {
                prop_assert!(x.first_day >= a.window_start && x.last_day <= a.window_end);
                prop_assert_eq!(x.length, MonthsDays::of_absence(x.first_day, x.last_day));
            }
            let over_single = a.absences.iter().any(|x| x.length > MonthsDays::months(6));
            let over_total = a.total > MonthsDays::months(10);
            prop_assert_eq!(a.within_limits, !over_single && !over_total);
            let mut reversed = trips.clone();
            reversed.reverse();
            let b = check(A, &reversed);
            prop_assert_eq!(a.total, b.total);
            prop_assert_eq!(&a.absences, &b.absences);
        }

        #[test]
        fn adding_a_trip_never_lowers_the_total(
            trips in prop::collection::vec(any_trip(), 0..6),
            extra in any_trip(),
        ) {
            let before = check(A, &trips);
            let mut more = trips.clone();
            more.push(extra);
            let after = check(A, &more);
            prop_assert!(after.total_days_absent >= before.total_days_absent);
            prop_assert!(after.longest_absence_days >= before.longest_absence_days);
            prop_assert!(after.total >= before.total);
            prop_assert!(after.longest >= before.longest);
            prop_assert!(before.within_limits || !after.within_limits);
        }
    }
}
