//! Session and throttling policy (DESIGN.md §6): timeouts by role, the progressive delay
//! after failed logins, and the lock-out limit. Pure: times are parameters.

use jiff::SignedDuration;

use super::Role;

/// Idle and absolute lifetime of a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionLimits {
    /// Ends after this long without a request.
    pub idle: SignedDuration,
    /// Ends this long after login, whatever happens.
    pub absolute: SignedDuration,
    /// How long before the idle end the page warns (WCAG 2.2.1).
    pub warn_before: SignedDuration,
}

/// Applicants: 1 h idle, 24 h absolute. Officers: 15 min idle, 12 h absolute.
pub fn limits_for(role: Role) -> SessionLimits {
    if role.is_officer() {
        SessionLimits {
            idle: SignedDuration::from_mins(15),
            absolute: SignedDuration::from_hours(12),
            warn_before: SignedDuration::from_mins(2),
        }
    } else {
        SessionLimits {
            idle: SignedDuration::from_hours(1),
            absolute: SignedDuration::from_hours(24),
            warn_before: SignedDuration::from_mins(5),
        }
    }
}

/// After this many consecutive failures the password is locked until it is reset
/// (NIST SP 800-63B-4 allows at most 100).
pub const LOCK_AFTER_FAILURES: i64 = 100;

/// Failures of one e-mail address allowed before delays start.
const FREE_FAILURES_PER_ACCOUNT: i64 = 5;
/// Failures from one client address allowed before delays start (addresses are shared).
const FREE_FAILURES_PER_ADDRESS: i64 = 20;

/// What is throttled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThrottleScope {
    /// Attempts for one e-mail address.
    Account,
    /// Attempts from one client address.
    Address,
}

/// The wait imposed after `failures` consecutive failures: none at first, then doubling
/// from 1 s, capped at 15 minutes per account and 1 minute per address.
pub fn throttle_delay(scope: ThrottleScope, failures: i64) -> SignedDuration {
    let (free, cap) = match scope {
        ThrottleScope::Account => (FREE_FAILURES_PER_ACCOUNT, 15 * 60),
        ThrottleScope::Address => (FREE_FAILURES_PER_ADDRESS, 60),
    };
    if failures < free {
        return SignedDuration::ZERO;
    }
    let exponent = u32::try_from((failures - free).min(20)).unwrap_or(20);
    SignedDuration::from_secs(2_i64.pow(exponent).min(cap))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn officers_get_shorter_sessions() {
        assert_eq!(
            limits_for(Role::Applicant).idle,
            SignedDuration::from_hours(1)
        );
        assert_eq!(
            limits_for(Role::Applicant).absolute,
            SignedDuration::from_hours(24)
        );
        assert_eq!(
            limits_for(Role::Inspector).idle,
            SignedDuration::from_mins(15)
        );
        assert_eq!(
            limits_for(Role::VerificationOfficer).absolute,
            SignedDuration::from_hours(12)
        );
    }

    #[test]
    fn delay_grows_then_caps() {
        let a = ThrottleScope::Account;
        assert_eq!(throttle_delay(a, 4), SignedDuration::ZERO);
        assert_eq!(throttle_delay(a, 5), SignedDuration::from_secs(1));
        assert_eq!(throttle_delay(a, 6), SignedDuration::from_secs(2));
        assert_eq!(throttle_delay(a, 99), SignedDuration::from_secs(900));
        assert_eq!(
            throttle_delay(ThrottleScope::Address, 19),
            SignedDuration::ZERO
        );
        assert_eq!(
            throttle_delay(ThrottleScope::Address, 40),
            SignedDuration::from_secs(60)
        );
    }
}
