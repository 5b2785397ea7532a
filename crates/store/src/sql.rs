//! The SQL implementation of the repository traits, for SQLite and PostgreSQL alike: the
//! pool and its migrations, and what every repository shares (reading and binding columns,
//! the write transaction, its effects, the kind of a failed write). Each repository is a
//! module of its own.

mod accounts;
mod applications;
mod audit;
mod biometrics;
mod jobs;
mod readers;
mod sessions;
mod tokens;
mod uploads;

pub use self::applications::{APPLICATIONS_OF, MAILBOX_OF};
pub use self::audit::audit_hash;
pub use self::readers::ListQuery;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use jiff::Timestamp;
use jiff::civil::Date;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{Any, AnyPool, Row, Transaction};

use self::readers::Readers;
use crate::session_cache::SessionCache;
use eforeigner_domain::store::{Effects, StoreError};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database engine is behind the pool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// PostgreSQL server.
    Postgres,
}

/// The store: a connection pool and the backend it talks to.
#[derive(Clone, Debug)]
pub struct SqlStore {
    pool: AnyPool,
    backend: Backend,
    sessions: Arc<SessionCache>,
    /// The list pages' read connections (see [`readers`]).
    readers: Arc<Readers>,
}

fn micros(t: Timestamp) -> i64 {
    // jiff's range (years −9999..9999) fits i64 microseconds.
    t.as_microsecond()
}

fn from_micros(v: i64) -> Result<Timestamp, StoreError> {
    Timestamp::from_microsecond(v).map_err(|e| StoreError::Corrupt(e.to_string()))
}

fn opt_micros(t: Option<Timestamp>) -> Option<i64> {
    t.map(micros)
}

fn opt_ts(row: &AnyRow, col: &str) -> Result<Option<Timestamp>, StoreError> {
    row.try_get::<Option<i64>, _>(col)?
        .map(from_micros)
        .transpose()
}

fn ts(row: &AnyRow, col: &str) -> Result<Timestamp, StoreError> {
    from_micros(row.try_get::<i64, _>(col)?)
}

fn opt_date(row: &AnyRow, col: &str) -> Result<Option<Date>, StoreError> {
    row.try_get::<Option<String>, _>(col)?
        .map(|s| Date::from_str(&s).map_err(|e| StoreError::Corrupt(e.to_string())))
        .transpose()
}

fn parse_enum<T>(row: &AnyRow, col: &str, parse: fn(&str) -> Option<T>) -> Result<T, StoreError> {
    parsed(col, row.try_get(col)?, parse)
}

/// A stored code read back with `parse`; a value it refuses is a corrupt row.
fn parsed<T>(col: &str, text: String, parse: impl Fn(&str) -> Option<T>) -> Result<T, StoreError> {
    parse(&text).ok_or_else(|| StoreError::Corrupt(format!("{col}={text}")))
}

fn opt_enum<T>(
    row: &AnyRow,
    col: &str,
    parse: fn(&str) -> Option<T>,
) -> Result<Option<T>, StoreError> {
    row.try_get::<Option<String>, _>(col)?
        .map(|text| parsed(col, text, parse))
        .transpose()
}

/// A text column as an id (`AccountId::new`, `ApplicationId::new`): ids are opaque, so any
/// stored text is one.
fn id<T>(row: &AnyRow, col: &str, make: fn(String) -> T) -> Result<T, StoreError> {
    Ok(make(row.try_get(col)?))
}

/// A nullable text column as an id.
fn opt_id<T>(row: &AnyRow, col: &str, make: fn(String) -> T) -> Result<Option<T>, StoreError> {
    Ok(row.try_get::<Option<String>, _>(col)?.map(make))
}

/// A failed write as a [`StoreError`]: a unique or primary key violation is
/// [`StoreError::Taken`], anything else [`StoreError::Backend`].
///
/// The kind comes from the database's error code, as sqlx classifies it
/// (`ErrorKind::UniqueViolation`: SQLite's extended result codes `SQLITE_CONSTRAINT_UNIQUE`
/// 2067 and `SQLITE_CONSTRAINT_PRIMARYKEY` 1555, PostgreSQL's SQLSTATE 23505), never from
/// the message, which a trigger or a function can word as it likes.
fn classify(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Taken {
            constraint: match db.constraint() {
                // PostgreSQL names the constraint (or the unique index).
                Some(name) => name.to_string(),
                // SQLite names none; its message ends with the columns
                // ("UNIQUE constraint failed: accounts.email"), kept as the name only.
                None => db
                    .message()
                    .rsplit_once(": ")
                    .map_or(db.message(), |(_, columns)| columns)
                    .to_string(),
            },
        },
        _ => e.into(),
    }
}

impl SqlStore {
    /// Connects to `url` (`sqlite://…` or `postgres://…`) and runs the embedded migrations.
    /// Sessions and their accounts are cached for `session_cache` (see
    /// [`SessionCache`]; zero turns the cache off).
    pub async fn connect(url: &str, session_cache: Duration) -> Result<Self, StoreError> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        let max = match backend {
            // SQLite serialises writers anyway; a few readers suffice.
            Backend::Sqlite => 4,
            Backend::Postgres => 16,
        };
        let pool = AnyPoolOptions::new()
            .max_connections(max)
            // sqlx pings every connection before lending it by default: one more round trip
            // (a thread hand-off on SQLite, a network round trip on PostgreSQL) before every
            // query, the largest single cost of a signed-in page in the benchmark. sqlx
            // already pings each connection when it goes back to the pool (and discards it
            // if that fails), so the second ping only catches a connection that died while
            // idle (a PostgreSQL restart): that one fails its next query instead.
            .test_before_acquire(false)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        sqlx::query("PRAGMA foreign_keys = ON")
                            .execute(&mut *conn)
                            .await?;
                        sqlx::query("PRAGMA busy_timeout = 10000")
                            .execute(&mut *conn)
                            .await?;
                        // FULL: every commit waits for its WAL write to reach the disk, so
                        // a confirmation that went out is never rolled back by a power
                        // loss (NORMAL could lose the last commits). Measured in
                        // bench/README.md.
                        sqlx::query("PRAGMA synchronous = FULL")
                            .execute(&mut *conn)
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        if backend == Backend::Sqlite {
            // WAL lets readers proceed while one writer writes; it is a property of the file.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&pool)
                .await?;
        }
        let readers = match backend {
            Backend::Sqlite => Readers::sqlite(url)?,
            Backend::Postgres => Readers::postgres(url),
        };
        let store = Self {
            pool,
            backend,
            sessions: Arc::new(SessionCache::new(session_cache)),
            readers: Arc::new(readers),
        };
        store.migrate().await?;
        Ok(store)
    }

    /// Runs the migrations of this backend (idempotent).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self.backend {
            Backend::Sqlite => SQLITE_MIGRATIONS.run(&self.pool).await?,
            Backend::Postgres => POSTGRES_MIGRATIONS.run(&self.pool).await?,
        }
        Ok(())
    }

    /// The backend in use.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// SQLite's `synchronous` setting on the write connections (2 = FULL); `None` on
    /// PostgreSQL, which flushes every commit (`synchronous_commit` on).
    pub async fn sqlite_synchronous(&self) -> Result<Option<i64>, StoreError> {
        if self.backend != Backend::Sqlite {
            return Ok(None);
        }
        let row = sqlx::query("PRAGMA synchronous")
            .fetch_one(&self.pool)
            .await?;
        Ok(Some(row.try_get(0)?))
    }

    /// Whether the database answers (for `/healthz`).
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.pool).await.is_ok()
    }
}

#[async_trait]
impl eforeigner_domain::store::HealthRepo for SqlStore {
    async fn ping(&self) -> bool {
        SqlStore::ping(self).await
    }
}

impl SqlStore {
    /// The row that `sql` (with one parameter, `$1` = `value`) finds, if any, read by
    /// `from_row`: every lookup by a unique column.
    async fn one_by<T>(
        &self,
        sql: &str,
        value: &str,
        from_row: fn(&AnyRow) -> Result<T, StoreError>,
    ) -> Result<Option<T>, StoreError> {
        sqlx::query(sql)
            .bind(value)
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so a read-then-write transaction never fails half-way on a lock
    /// upgrade.
    async fn write_tx(&self) -> Result<Transaction<'static, Any>, StoreError> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// Commits `tx` with `effects` if the statement before changed a row (returns whether
    /// it did); otherwise drops it, which rolls it back.
    async fn commit_if_changed(
        &self,
        mut tx: Transaction<'static, Any>,
        changed: bool,
        effects: &Effects,
    ) -> Result<bool, StoreError> {
        if !changed {
            return Ok(false);
        }
        self.write_effects(&mut tx, effects).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn write_effects(
        &self,
        tx: &mut Transaction<'static, Any>,
        effects: &Effects,
    ) -> Result<(), StoreError> {
        let at = micros(effects.at);
        for job in &effects.jobs {
            sqlx::query(
                "INSERT INTO outbox (id, kind, payload, created_at, run_at, attempts) \
                 VALUES ($1, $2, $3, $4, $5, 0) ON CONFLICT (id) DO NOTHING",
            )
            .bind(&job.id)
            .bind(&job.kind)
            .bind(&job.payload)
            .bind(at)
            .bind(at)
            .execute(&mut **tx)
            .await?;
        }
        for letter in &effects.letters {
            self::applications::insert_letter(tx, letter).await?;
        }
        if !effects.audit.is_empty() {
            self.append_audit_tx(tx, &effects.audit, at).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use sqlx::{AnyConnection, Connection, Executor};

    use super::*;

    /// What `classify` makes of the error of `sql`, run on `conn` after `setup`.
    async fn classified(conn: &mut AnyConnection, setup: &str, sql: &str) -> StoreError {
        conn.execute(setup).await.unwrap();
        let e = conn.execute(sql).await.unwrap_err();
        classify(e)
    }

    fn taken(e: &StoreError) -> Option<&str> {
        match e {
            StoreError::Taken { constraint } => Some(constraint),
            _ => None,
        }
    }

    /// SQLite, through the `Any` driver as the store uses it: the kind comes from the
    /// extended result code (2067 unique, 1555 primary key), not from the message.
    #[tokio::test]
    async fn sqlite_unique_and_primary_key_violations_are_taken_others_are_not() {
        sqlx::any::install_default_drivers();
        let mut conn = AnyConnection::connect("sqlite::memory:").await.unwrap();
        conn.execute("PRAGMA foreign_keys = ON").await.unwrap();
        let setup = "CREATE TABLE t (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, \
                     a TEXT, b TEXT, n BIGINT CHECK (n >= 0), UNIQUE (a, b)); \
                     CREATE TABLE c (id TEXT PRIMARY KEY, t_id TEXT REFERENCES t(id)); \
                     INSERT INTO t (id, email, a, b) VALUES ('1', 'x@example.org', 'a', 'b')";

        let e = classified(
            &mut conn,
            setup,
            "INSERT INTO t (id, email) VALUES ('2', 'x@example.org')",
        )
        .await;
        assert_eq!(taken(&e), Some("t.email"), "{e:?}");
        let e = classified(
            &mut conn,
            "SELECT 1",
            "INSERT INTO t (id, email) VALUES ('1', 'y@example.org')",
        )
        .await;
        assert_eq!(taken(&e), Some("t.id"), "primary key: {e:?}");
        let e = classified(
            &mut conn,
            "SELECT 1",
            "INSERT INTO t (id, email, a, b) VALUES ('3', 'z@example.org', 'a', 'b')",
        )
        .await;
        assert_eq!(taken(&e), Some("t.a, t.b"), "{e:?}");
        // The same kind from an UPDATE.
        let e = classified(
            &mut conn,
            "INSERT INTO t (id, email) VALUES ('4', 'w@example.org')",
            "UPDATE t SET email = 'x@example.org' WHERE id = '4'",
        )
        .await;
        assert_eq!(taken(&e), Some("t.email"), "{e:?}");

        // Other constraints are failures of the database, not a taken value.
        for sql in [
            "INSERT INTO t (id) VALUES ('5')",
            "INSERT INTO t (id, email, n) VALUES ('6', 'n@example.org', -1)",
            "INSERT INTO c (id, t_id) VALUES ('1', 'nobody')",
        ] {
            let e = classified(&mut conn, "SELECT 1", sql).await;
            assert!(matches!(e, StoreError::Backend(_)), "{sql}: {e:?}");
        }
        // A message that reads like a unique violation is not one: the code decides.
        let e = classified(
            &mut conn,
            "CREATE TRIGGER t_mimic BEFORE DELETE ON t \
             BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: t.email'); END",
            "DELETE FROM t",
        )
        .await;
        assert!(matches!(e, StoreError::Backend(_)), "{e:?}");
        assert!(e.to_string().contains("UNIQUE constraint failed"), "{e}");
        // And an error that is not the database's at all.
        assert!(matches!(
            classify(sqlx::Error::RowNotFound),
            StoreError::Backend(_)
        ));
    }

    /// PostgreSQL (when `EFOREIGNER_TEST_DATABASE_URL` names one): SQLSTATE 23505 is
    /// taken, with the constraint's name; anything else, whatever its message, is not.
    #[tokio::test]
    async fn postgres_unique_violations_are_taken_by_sqlstate() {
        let Ok(url) = std::env::var("EFOREIGNER_TEST_DATABASE_URL") else {
            eprintln!("no EFOREIGNER_TEST_DATABASE_URL: PostgreSQL part not run");
            return;
        };
        if url.is_empty() {
            return;
        }
        sqlx::any::install_default_drivers();
        let mut conn = AnyConnection::connect(&url).await.unwrap();
        // Temporary tables: gone with the connection, seen by no other.
        let setup = "CREATE TEMP TABLE t (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, \
                     n BIGINT CHECK (n >= 0)); \
                     CREATE UNIQUE INDEX t_lower_email ON t (lower(email)); \
                     INSERT INTO t (id, email) VALUES ('1', 'x@example.org')";
        let e = classified(
            &mut conn,
            setup,
            "INSERT INTO t (id, email) VALUES ('2', 'x@example.org')",
        )
        .await;
        assert_eq!(taken(&e), Some("t_email_key"), "{e:?}");
        let e = classified(
            &mut conn,
            "SELECT 1",
            "INSERT INTO t (id, email) VALUES ('1', 'y@example.org')",
        )
        .await;
        assert_eq!(taken(&e), Some("t_pkey"), "{e:?}");
        let e = classified(
            &mut conn,
            "SELECT 1",
            "INSERT INTO t (id, email) VALUES ('3', 'X@example.org')",
        )
        .await;
        assert_eq!(taken(&e), Some("t_lower_email"), "a unique index: {e:?}");
        for sql in [
            "INSERT INTO t (id) VALUES ('5')",
            "INSERT INTO t (id, email, n) VALUES ('6', 'n@example.org', -1)",
            "DO $$ BEGIN RAISE EXCEPTION \
             'duplicate key value violates unique constraint \"t_email_key\"'; END $$",
        ] {
            let e = classified(&mut conn, "SELECT 1", sql).await;
            assert!(matches!(e, StoreError::Backend(_)), "{sql}: {e:?}");
        }
        // The code decides, whoever raises it.
        let e = classified(
            &mut conn,
            "SELECT 1",
            "DO $$ BEGIN RAISE EXCEPTION 'taken' USING ERRCODE = 'unique_violation', \
             CONSTRAINT = 'made_up'; END $$",
        )
        .await;
        assert_eq!(taken(&e), Some("made_up"), "{e:?}");
    }
}
