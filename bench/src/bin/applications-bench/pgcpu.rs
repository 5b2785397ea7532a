//! The CPU the PostgreSQL server's processes use during a window. On this machine the
//! server shares the cores with the bench; its time is part of what a page costs, so the
//! report shows it apart from "other processes" (which must stay near zero for a clean run).

use std::time::{Duration, Instant};

/// A reading: ticks of all `postgres` processes, and of the whole machine.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    postgres: u64,
    total: u64,
    cpus: usize,
}

/// Reads the counters now; `None` where `/proc` is not as expected.
pub fn sample() -> Option<Sample> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let mut lines = stat.lines();
    let total: u64 = lines
        .next()?
        .strip_prefix("cpu ")?
        .split_whitespace()
        .take(8)
        .filter_map(|v| v.parse::<u64>().ok())
        .sum();
    let cpus = lines
        .filter(|l| l.starts_with("cpu") && l.as_bytes().get(3).is_some_and(u8::is_ascii_digit))
        .count();
    let mut postgres = 0;
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(s) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        let Some((head, rest)) = s.rsplit_once(')') else {
            continue;
        };
        if !head.ends_with("(postgres") {
            continue;
        }
        let fields: Vec<&str> = rest.split_whitespace().collect();
        // utime and stime: fields 14 and 15 of proc(5); index 0 here is field 3.
        let ticks = |i: usize| {
            fields
                .get(i)
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(0)
        };
        postgres += ticks(11) + ticks(12);
    }
    Some(Sample {
        postgres,
        total,
        cpus,
    })
}

/// Average cores the `postgres` processes used between two readings.
pub fn cores(before: Option<Sample>, after: Option<Sample>) -> Option<f64> {
    let (before, after) = (before?, after?);
    let total = after.total.checked_sub(before.total)?;
    (total > 0).then(|| {
        after.postgres.saturating_sub(before.postgres) as f64 / total as f64 * after.cpus as f64
    })
}

/// Average cores the `postgres` processes used from `warmup` after now for `duration`
/// (the same window [`crate::load::drive`] counts). Processes that end inside the window
/// take their ticks with them; the portal's pool keeps its connections, so none do.
pub fn window(warmup: Duration, duration: Duration) -> tokio::task::JoinHandle<Option<f64>> {
    let start = Instant::now() + warmup;
    let end = start + duration;
    tokio::spawn(async move {
        tokio::time::sleep_until(start.into()).await;
        let before = sample();
        tokio::time::sleep_until(end.into()).await;
        cores(before, sample())
    })
}
