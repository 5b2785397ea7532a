//! Test support: a store on a database of its own (a SQLite file in a temporary directory,
//! or a fresh PostgreSQL database when `EFOREIGNER_TEST_DATABASE_URL` is set), and the rows
//! the suites start from.

use std::time::Duration;

use eforeigner_domain::{Account, AccountId, AccountStatus, Email, Lang, Profile, Role, Session};
use eforeigner_store::SqlStore;
use jiff::{SignedDuration, Timestamp};
use sqlx::Connection;

/// The session cache as the application runs it by default (five seconds), so the suite
/// sees what the cache would hide.
const SESSION_CACHE: Duration = Duration::from_secs(5);

/// The PostgreSQL server the tests may use (`EFOREIGNER_TEST_DATABASE_URL`), if any.
pub fn postgres_url() -> Option<String> {
    std::env::var("EFOREIGNER_TEST_DATABASE_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

/// A new, empty PostgreSQL database on the server of `base` (named `prefix` and a random
/// suffix); returns its URL.
pub async fn fresh_postgres_database(base: &str, prefix: &str) -> String {
    let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
    let mut conn = sqlx::postgres::PgConnection::connect(base)
        .await
        .expect("PostgreSQL reachable");
    sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE {name}").as_str())
        .await
        .unwrap();
    conn.close().await.unwrap();
    let (server, _) = base.rsplit_once('/').expect("URL with a database");
    format!("{server}/{name}")
}

/// A store on a database of its own, migrated.
pub struct TestStore {
    pub store: SqlStore,
    /// The database's URL, for a second connection of a test's own.
    pub url: String,
    _dir: tempfile::TempDir,
}

impl TestStore {
    pub async fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = match postgres_url() {
            Some(base) => fresh_postgres_database(&base, "efst").await,
            None => format!(
                "sqlite://{}?mode=rwc",
                dir.path().join("test.sqlite3").display()
            ),
        };
        let store = SqlStore::connect(&url, SESSION_CACHE).await.unwrap();
        Self {
            store,
            url,
            _dir: dir,
        }
    }
}

/// Now, in whole microseconds: what the store keeps.
pub fn now() -> Timestamp {
    Timestamp::from_microsecond(Timestamp::now().as_microsecond()).unwrap()
}

/// A new applicant account of `email`, with a name in Serbian Latin script.
pub fn account(email: &str, now: Timestamp) -> Account {
    Account::new(
        uuid::Uuid::new_v4().to_string().into(),
        Email::parse(email).unwrap(),
        "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
        Role::Applicant,
        AccountStatus::PendingEmail,
        Profile {
            given_names: "Đorđe".into(),
            surname: "Šćepanović".into(),
            date_of_birth: Some(jiff::civil::date(1985, 2, 28)),
            ..Profile::default()
        },
        Lang::SrCyrl,
        now,
    )
}

/// An open session `id` of `account_id`, begun at `n`.
pub fn session(id: &str, account_id: &AccountId, n: Timestamp) -> Session {
    Session {
        id: id.into(),
        account_id: account_id.clone(),
        created_at: n,
        last_seen_at: n,
        idle_timeout_secs: 3600,
        absolute_expires_at: n + SignedDuration::from_hours(24),
        ip: "127.0.0.1".into(),
        user_agent: "ua".into(),
        ended_at: None,
    }
}
