//! Session and throttling policy (security baseline, `docs/security.md`): timeouts by
//! role, the progressive delay after failed password attempts, the quotas on e-mails and
//! registrations, and the lock-out limit. Pure: times are parameters.

use jiff::{SignedDuration, Timestamp};

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
    if crate::access::is_staff(role) {
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

/// What is throttled, each with its own key and policy ([`admit`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThrottleScope {
    /// Password attempts for one e-mail address (logins, and the current password asked
    /// again before a change of password or e-mail): 5 free, then a delay doubling from 1 s
    /// up to 15 minutes; only a success (or a password reset) clears it.
    Account,
    /// Password attempts from one client address: 20 free (addresses are shared), then a
    /// delay doubling from 1 s up to 1 minute; forgotten after an hour without one. A
    /// success takes back only its own attempt, so logging in to one's own account does not
    /// reset the count of failures against others.
    Address,
    /// E-mails of one kind (confirmation link, password reset, "someone tried to register
    /// with your address") to one address: at most 3 less than an hour apart.
    MailTo,
    /// Forms that send e-mail (resend the link, forgotten password) from one client
    /// address: at most 30 less than an hour apart.
    MailFrom,
    /// Registration forms sent from one client address (each may store two 5 MB files):
    /// at most 20 less than an hour apart.
    Registration,
}

/// How a [`ThrottleScope`] counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Policy {
    /// `free` attempts, then a wait after the last one that doubles from 1 s up to `cap`;
    /// with `forget_after`, the count starts again after that long without an attempt.
    Progressive {
        free: i64,
        cap: SignedDuration,
        forget_after: Option<SignedDuration>,
    },
    /// At most `max` events, each less than `within` after the one before; then none
    /// until `within` has passed since the last.
    Quota { max: i64, within: SignedDuration },
}

impl ThrottleScope {
    fn policy(self) -> Policy {
        match self {
            ThrottleScope::Account => Policy::Progressive {
                free: 5,
                cap: SignedDuration::from_mins(15),
                forget_after: None,
            },
            ThrottleScope::Address => Policy::Progressive {
                free: 20,
                cap: SignedDuration::from_mins(1),
                forget_after: Some(SignedDuration::from_hours(1)),
            },
            ThrottleScope::MailTo => Policy::Quota {
                max: 3,
                within: SignedDuration::from_hours(1),
            },
            ThrottleScope::MailFrom => Policy::Quota {
                max: 30,
                within: SignedDuration::from_hours(1),
            },
            ThrottleScope::Registration => Policy::Quota {
                max: 20,
                within: SignedDuration::from_hours(1),
            },
        }
    }

    /// The throttle key of `subject` (an e-mail address, a client address…) in this scope.
    pub fn key(self, subject: &str) -> String {
        let prefix = match self {
            ThrottleScope::Account => "email",
            ThrottleScope::Address => "ip",
            ThrottleScope::MailTo => "mail-to",
            ThrottleScope::MailFrom => "mail-from",
            ThrottleScope::Registration => "register-from",
        };
        format!("{prefix}:{subject}")
    }
}

/// A throttle's counter as stored: how many attempts count, and when the last one was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counter {
    /// Attempts (failures, e-mails…) that count.
    pub count: i64,
    /// The last of them.
    pub last_at: Timestamp,
}

/// Whether one more attempt in `scope` may go ahead at `now`, given the stored counter:
/// `Ok(count)` with the counter's new value (this attempt counted), or `Err(until)`, the
/// time before which it may not. Attempts are counted *before* the work they guard (the
/// password check): of many sent at once, only as many as the policy allows are let
/// through.
pub fn admit(
    scope: ThrottleScope,
    counter: Option<Counter>,
    now: Timestamp,
) -> Result<i64, Timestamp> {
    let Some(Counter { count, last_at }) = counter else {
        return Ok(1);
    };
    let since = now.duration_since(last_at);
    match scope.policy() {
        Policy::Progressive {
            free,
            cap,
            forget_after,
        } => {
            if forget_after.is_some_and(|f| since >= f) {
                return Ok(1);
            }
            let wait = progressive_delay(free, cap, count);
            if since < wait {
                return Err(last_at.saturating_add(wait).unwrap_or(last_at));
            }
            Ok(count.saturating_add(1))
        }
        Policy::Quota { max, within } => {
            if since >= within {
                Ok(1)
            } else if count < max {
                Ok(count + 1)
            } else {
                Err(last_at.saturating_add(within).unwrap_or(last_at))
            }
        }
    }
}

/// The wait after `count` attempts: none for the first `free`, then doubling from 1 s,
/// capped at `cap`.
fn progressive_delay(free: i64, cap: SignedDuration, count: i64) -> SignedDuration {
    if count < free {
        return SignedDuration::ZERO;
    }
    let exponent = u32::try_from((count - free).min(20)).unwrap_or(20);
    SignedDuration::from_secs(2_i64.pow(exponent)).min(cap)
}

/// Whole seconds from `now` until `until` (at least 1), for "try again in … seconds".
pub fn seconds_until(now: Timestamp, until: Timestamp) -> i64 {
    let secs = until.duration_since(now).as_secs();
    let rounded_up = if until.duration_since(now).subsec_nanos() > 0 {
        secs + 1
    } else {
        secs
    };
    rounded_up.max(1)
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

    fn at(secs: i64) -> Timestamp {
        Timestamp::from_second(1_800_000_000 + secs).unwrap()
    }

    fn counter(count: i64, last: i64) -> Option<Counter> {
        Some(Counter {
            count,
            last_at: at(last),
        })
    }

    #[test]
    fn password_attempts_get_a_growing_delay_after_the_free_ones() {
        let a = ThrottleScope::Account;
        assert_eq!(admit(a, None, at(0)), Ok(1));
        assert_eq!(admit(a, counter(4, 0), at(0)), Ok(5));
        // The sixth attempt waits 1 s after the fifth, the seventh 2 s after the sixth.
        assert_eq!(admit(a, counter(5, 0), at(0)), Err(at(1)));
        assert_eq!(admit(a, counter(5, 0), at(1)), Ok(6));
        assert_eq!(admit(a, counter(6, 10), at(11)), Err(at(12)));
        // Capped at 15 minutes, never forgotten by time alone.
        assert_eq!(admit(a, counter(99, 0), at(10)), Err(at(900)));
        assert_eq!(admit(a, counter(99, 0), at(86_400)), Ok(100));
    }

    #[test]
    fn an_address_gets_more_free_attempts_and_is_forgotten_after_an_hour() {
        let a = ThrottleScope::Address;
        assert_eq!(admit(a, counter(19, 0), at(0)), Ok(20));
        assert_eq!(admit(a, counter(20, 0), at(0)), Err(at(1)));
        assert_eq!(admit(a, counter(40, 0), at(30)), Err(at(60)));
        assert_eq!(admit(a, counter(40, 0), at(3_600)), Ok(1));
    }

    #[test]
    fn quotas_allow_a_few_then_none_until_an_hour_has_passed() {
        let m = ThrottleScope::MailTo;
        assert_eq!(admit(m, counter(2, 0), at(10)), Ok(3));
        assert_eq!(admit(m, counter(3, 10), at(20)), Err(at(3_610)));
        assert_eq!(admit(m, counter(3, 10), at(3_610)), Ok(1));
        assert_eq!(
            admit(ThrottleScope::Registration, counter(19, 0), at(1)),
            Ok(20)
        );
        assert_eq!(
            admit(ThrottleScope::Registration, counter(20, 0), at(1)),
            Err(at(3_600))
        );
    }

    #[test]
    fn seconds_are_rounded_up() {
        assert_eq!(seconds_until(at(0), at(0)), 1);
        assert_eq!(seconds_until(at(0), at(60)), 60);
        let later = at(60).checked_add(SignedDuration::from_millis(1)).unwrap();
        assert_eq!(seconds_until(at(0), later), 61);
    }

    #[test]
    fn keys_do_not_collide_between_scopes() {
        assert_eq!(ThrottleScope::Account.key("a@b.c"), "email:a@b.c");
        assert_ne!(
            ThrottleScope::MailTo.key("a@b.c"),
            ThrottleScope::Account.key("a@b.c")
        );
    }
}
