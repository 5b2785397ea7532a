//! In-process cache of signed-in sessions and their accounts.
//!
//! Every signed-in request starts by finding its session and account; without a cache that
//! is two queries before the page does anything of its own (measured in
//! `bench/README.md`: the floor of every signed-in page). The cache keeps what the database
//! answered for a short time (`ttl`). It never decides whether a session is alive: the
//! caller checks the cached session against its clock exactly as it checks a fresh one.
//!
//! Correctness: every write of this process to an account or a session goes through the
//! store, which calls [`SessionCache::forget_account`] after its commit, so within one
//! process nothing stale is ever served. A reader that fetched from the database while
//! such a write committed does not put its (possibly old) answer in the cache: entries are
//! only stored when no invalidation happened since the fetch began (`generation`). Other
//! processes (a second `serve` on the same PostgreSQL) are not told; their changes (a
//! logout, a suspension) are seen here after at most `ttl`, which is why `ttl` is short and
//! configurable, and 0 turns the cache off.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use jiff::Timestamp;

use eforeigner_domain::{Account, AccountId, Session};

/// Entries kept at most; when full, expired entries go first, then everything.
const CAPACITY: usize = 20_000;

struct Entry {
    session: Session,
    account: Account,
    fetched: Instant,
}

#[derive(Default)]
struct Inner {
    generation: u64,
    entries: HashMap<String, Entry>,
}

/// Sessions with their accounts by token hash, for `ttl` after they were read.
pub struct SessionCache {
    ttl: Duration,
    inner: Mutex<Inner>,
}

impl std::fmt::Debug for SessionCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionCache")
            .field("ttl", &self.ttl)
            .finish_non_exhaustive()
    }
}

impl SessionCache {
    /// A cache whose entries live `ttl` (zero: nothing is ever kept).
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // A panic while holding the lock cannot leave the map half-updated in a way that
        // matters (every operation is a single insert/remove), so a poisoned lock is used.
        self.inner
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The cached session and account for `token_hash`, if read less than `ttl` ago.
    pub fn get(&self, token_hash: &str) -> Option<(Session, Account)> {
        if self.ttl.is_zero() {
            return None;
        }
        let inner = self.lock();
        let e = inner.entries.get(token_hash)?;
        (e.fetched.elapsed() < self.ttl).then(|| (e.session.clone(), e.account.clone()))
    }

    /// The current generation: read it before fetching, hand it to [`Self::put`].
    pub fn generation(&self) -> u64 {
        self.lock().generation
    }

    /// Keeps what was fetched, unless something was invalidated since `generation` was
    /// read (the fetch may then have seen the state before that change).
    pub fn put(&self, token_hash: &str, generation: u64, session: Session, account: Account) {
        if self.ttl.is_zero() {
            return;
        }
        let mut inner = self.lock();
        if inner.generation != generation {
            return;
        }
        if inner.entries.len() >= CAPACITY {
            let ttl = self.ttl;
            inner.entries.retain(|_, e| e.fetched.elapsed() < ttl);
            if inner.entries.len() >= CAPACITY {
                inner.entries.clear();
            }
        }
        inner.entries.insert(
            token_hash.to_owned(),
            Entry {
                session,
                account,
                fetched: Instant::now(),
            },
        );
    }

    /// Records in the cached copy that session `id` was seen at `at` (the database row was
    /// just updated the same way).
    pub fn touch(&self, id: &str, at: Timestamp) {
        let mut inner = self.lock();
        for e in inner.entries.values_mut() {
            if e.session.id == id {
                e.session.last_seen_at = at;
            }
        }
    }

    /// Drops every entry of `account_id` and stops reads in flight from caching: called
    /// after any committed change to the account or one of its sessions.
    pub fn forget_account(&self, account_id: &AccountId) {
        let mut inner = self.lock();
        inner.generation = inner.generation.wrapping_add(1);
        inner.entries.retain(|_, e| e.account.id != *account_id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eforeigner_domain::{AccountStatus, Lang, Profile, Role};

    fn pair(account_id: &str, session_id: &str) -> (Session, Account) {
        let t = Timestamp::UNIX_EPOCH;
        let session = Session {
            id: session_id.into(),
            account_id: account_id.into(),
            created_at: t,
            last_seen_at: t,
            idle_timeout_secs: 3600,
            absolute_expires_at: t,
            ip: String::new(),
            user_agent: String::new(),
            ended_at: None,
        };
        let account = Account::new(
            account_id.into(),
            eforeigner_domain::Email::parse(&format!("{account_id}@example.test")).unwrap(),
            String::new(),
            Role::Applicant,
            AccountStatus::Active,
            Profile::default(),
            Lang::En,
            t,
        );
        (session, account)
    }

    #[test]
    fn keeps_for_ttl_and_forgets_by_account() {
        let cache = SessionCache::new(Duration::from_secs(60));
        let (s, a) = pair("a1", "s1");
        let g = cache.generation();
        cache.put("t1", g, s, a);
        let (s2, a2) = pair("a2", "s2");
        cache.put("t2", cache.generation(), s2, a2);
        assert_eq!(cache.get("t1").map(|(s, _)| s.id), Some("s1".into()));
        cache.touch("s1", Timestamp::from_second(100).unwrap());
        assert_eq!(
            cache.get("t1").map(|(s, _)| s.last_seen_at.as_second()),
            Some(100)
        );
        cache.forget_account(&"a1".into());
        assert!(cache.get("t1").is_none());
        assert!(cache.get("t2").is_some(), "other accounts stay");
    }

    #[test]
    fn a_read_that_raced_a_write_is_not_kept() {
        let cache = SessionCache::new(Duration::from_secs(60));
        let g = cache.generation();
        // A write commits and invalidates while the read is in flight…
        cache.forget_account(&"a1".into());
        // …so the read's (possibly old) answer is not cached.
        let (s, a) = pair("a1", "s1");
        cache.put("t1", g, s, a);
        assert!(cache.get("t1").is_none());
    }

    #[test]
    fn zero_ttl_keeps_nothing_and_entries_expire() {
        let off = SessionCache::new(Duration::ZERO);
        let (s, a) = pair("a1", "s1");
        off.put("t1", off.generation(), s.clone(), a.clone());
        assert!(off.get("t1").is_none());
        let short = SessionCache::new(Duration::from_millis(1));
        short.put("t1", short.generation(), s, a);
        std::thread::sleep(Duration::from_millis(5));
        assert!(short.get("t1").is_none());
    }
}
