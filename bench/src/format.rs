//! How the benchmark reports write rates, durations and verdicts (shared by the binaries).

use std::time::Duration;

/// A rate per second: whole numbers from 1,000 up, one decimal below.
pub fn rate(r: f64) -> String {
    if r >= 1_000.0 {
        format!("{r:.0}/s")
    } else {
        format!("{r:.1}/s")
    }
}

/// A duration in milliseconds (two decimals below 10 ms), or a dash.
pub fn ms(d: Option<Duration>) -> String {
    match d {
        Some(d) if d < Duration::from_millis(10) => format!("{:.2} ms", d.as_secs_f64() * 1e3),
        Some(d) => format!("{:.1} ms", d.as_secs_f64() * 1e3),
        None => "–".into(),
    }
}

/// "yes" or "no", bold.
pub fn verdict(met: bool) -> &'static str {
    if met { "**yes**" } else { "**no**" }
}
