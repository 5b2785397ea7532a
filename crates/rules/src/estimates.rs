//! How long a police department takes to decide: the median and the 80th percentile of the
//! days from a request's receipt to its decision, over a window of recent decisions, and
//! when there are too few decisions to say anything. Also when an open case counts as
//! overdue on the supervisor's figures.
//!
//! The portal's own rules (the seeds give an average only: seed 002, "On average, it takes
//! 3-4 months from submission to approval"). Percentiles are nearest-rank: the value at
//! rank ⌈p·n⌉ of the sorted days, always a real case's figure.

/// The window of decisions an applicant's estimate looks at, in days.
pub const WINDOW_DAYS: i64 = 180;
/// Fewer decisions than this give no estimate ("not enough data").
pub const MIN_DECISIONS: usize = 5;
/// An open case received more than this many days ago is overdue (seed 002's "3-4 months"
/// on average: past four months is past the usual).
pub const OVERDUE_DAYS: i64 = 120;

/// A processing-time estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// Half of the decisions took at most this many days.
    pub median_days: i64,
    /// Eight in ten took at most this many days.
    pub p80_days: i64,
    /// How many decisions it rests on.
    pub decisions: usize,
}

/// The value at nearest rank `⌈percent·n/100⌉` of `sorted` (ascending, not empty).
fn nearest_rank(sorted: &[i64], percent: usize) -> i64 {
    let n = sorted.len();
    let rank = (percent * n).div_ceil(100).clamp(1, n);
    sorted[rank - 1]
}

/// The estimate from the days each decision took; `None` below [`MIN_DECISIONS`].
#[must_use]
pub fn estimate(days: &[i64]) -> Option<Estimate> {
    if days.len() < MIN_DECISIONS {
        return None;
    }
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    Some(Estimate {
        median_days: nearest_rank(&sorted, 50),
        p80_days: nearest_rank(&sorted, 80),
        decisions: sorted.len(),
    })
}

/// The median of `days` (nearest rank), or `None` for none.
#[must_use]
pub fn median(days: &[i64]) -> Option<i64> {
    if days.is_empty() {
        return None;
    }
    let mut sorted = days.to_vec();
    sorted.sort_unstable();
    Some(nearest_rank(&sorted, 50))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn too_few_decisions_give_no_estimate() {
        assert_eq!(estimate(&[10, 20, 30, 40]), None);
        assert_eq!(
            estimate(&[50, 10, 40, 20, 30]),
            Some(Estimate {
                median_days: 30,
                p80_days: 40,
                decisions: 5
            })
        );
        assert_eq!(median(&[]), None);
        assert_eq!(median(&[7, 1, 4, 9]), Some(4));
    }

    proptest! {
        #[test]
        fn the_estimate_is_real_figures_in_order(days in proptest::collection::vec(0i64..400, 5..60)) {
            let e = estimate(&days).unwrap();
            prop_assert!(days.contains(&e.median_days) && days.contains(&e.p80_days));
            prop_assert!(e.median_days <= e.p80_days);
            let at_most = days.iter().filter(|d| **d <= e.p80_days).count();
            prop_assert!(at_most * 10 >= days.len() * 8);
            prop_assert_eq!(e.decisions, days.len());
        }
    }
}
