//! The clock and the id/token source, injected into services so tests control time.

use std::sync::{Arc, Mutex};

use jiff::{SignedDuration, Timestamp};
use rand::RngCore;

/// Source of the current time.
pub trait Clock: Send + Sync + 'static {
    /// The current instant.
    fn now(&self) -> Timestamp;
}

/// The real clock.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        Timestamp::now()
    }
}

/// A clock that only moves when told to (tests, benchmarks).
#[derive(Clone, Debug)]
pub struct ManualClock(Arc<Mutex<Timestamp>>);

impl ManualClock {
    /// A clock standing at `at`.
    pub fn new(at: Timestamp) -> Self {
        Self(Arc::new(Mutex::new(at)))
    }

    /// Moves the clock forward.
    pub fn advance(&self, by: SignedDuration) {
        let mut t = self.0.lock().unwrap_or_else(|e| e.into_inner());
        *t = t.saturating_add(by).unwrap_or(*t);
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Timestamp {
        *self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Serbia's time zone (Europe/Belgrade: UTC+1, +2 in summer), from the time-zone database
/// compiled into the binary (`tzdb-bundle-always`), so a machine without one still shows
/// Serbian times.
pub fn serbia() -> &'static jiff::tz::TimeZone {
    static SERBIA: std::sync::LazyLock<jiff::tz::TimeZone> = std::sync::LazyLock::new(|| {
        jiff::tz::TimeZone::get("Europe/Belgrade").unwrap_or_else(|e| {
            tracing::error!(error = %e, "no Europe/Belgrade in the time-zone database");
            jiff::tz::TimeZone::fixed(jiff::tz::offset(1))
        })
    });
    &SERBIA
}

/// The date in Serbia at `t`: what "today" means for every rule (a deadline, an
/// extension window, an age).
pub fn serbian_date(t: Timestamp) -> jiff::civil::Date {
    t.to_zoned(serbia().clone()).date()
}

/// A fresh random identifier (UUID v4 text).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A fresh identifier that sorts by creation (UUID v7), for rows shown in the order made.
pub fn new_ordered_id() -> String {
    uuid::Uuid::now_v7().to_string()
}

/// A fresh 256-bit random secret, URL-safe base64 (for links and session cookies).
pub fn new_secret() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// SHA-256 of a secret, hex: only this is stored, so a database leak yields no usable token.
pub fn hash_secret(secret: &str) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(secret.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn today_is_the_date_in_belgrade() {
        // 23:30 UTC on 31 December is already New Year's Day in Belgrade (UTC+1)…
        let t: Timestamp = "2026-12-31T23:30:00Z".parse().unwrap();
        assert_eq!(serbian_date(t), jiff::civil::date(2027, 1, 1));
        // …and 22:30 UTC on 30 June is 00:30 on 1 July in summer (UTC+2).
        let t: Timestamp = "2026-06-30T22:30:00Z".parse().unwrap();
        assert_eq!(serbian_date(t), jiff::civil::date(2026, 7, 1));
        let t: Timestamp = "2026-06-30T21:30:00Z".parse().unwrap();
        assert_eq!(serbian_date(t), jiff::civil::date(2026, 6, 30));
    }
}
