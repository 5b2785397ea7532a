//! The connections behind the two busiest read-only pages, "My applications" and the
//! e-Mailbox: one small set per backend, kept apart from the main pool.
//!
//! Why not the main pool (measured in `bench/README.md`, applications section): each page
//! makes one query, and through sqlx's pool that query cost four times its own time — sqlx
//! 0.8 pings every connection when it goes back to the pool (one more round trip, with no
//! option to turn it off), its SQLite driver runs each connection on a thread of its own
//! (every query and its rows cross threads twice), and its `Any` layer copies every value.
//!
//! - **SQLite**: plain `rusqlite` connections to the same file, used on the calling thread.
//!   The list queries are index range scans of at most 21 rows that SQLite answers in tens
//!   of microseconds, less than the thread hand-offs they replace. They only read, so under
//!   WAL they never wait for a writer (`query_only` makes sure they cannot write).
//! - **PostgreSQL**: native sqlx connections (no `Any` layer) in a pool of our own that does
//!   not ping. A connection goes back to the pool only after its query finished; one whose
//!   query failed or was abandoned half-way (a client that went away) is closed instead, so
//!   a connection with unread replies is never lent again — the case sqlx's ping guards.
//!
//! Both kinds read through [`Columns`], so a row becomes the same struct whichever driver
//! returned it.

use std::path::PathBuf;
use std::str::FromStr;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use sqlx::Connection;
use sqlx::postgres::{PgConnection, PgRow};
use tokio::sync::Semaphore;

use eforeigner_domain::AccountId;
use eforeigner_domain::paging::Window;
use eforeigner_domain::store::StoreError;

/// How many idle connections each reader keeps (more are opened when busy, and closed after).
const KEEP_IDLE: usize = 8;
/// The most PostgreSQL read connections open at once (the main pool has 16 more).
const PG_MAX: usize = 8;
/// How long a SQLite read waits for a lock. Under WAL a reader waits only in rare cases
/// (another connection recovering the WAL after a crash); it waits on the calling thread,
/// so not for long.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(1);

/// A list query in each backend's SQL: the account as `$1`, the window's limit as `$2` and
/// its offset as `$3`.
#[derive(Clone, Copy, Debug)]
pub struct ListQuery {
    /// For SQLite.
    pub sqlite: &'static str,
    /// For PostgreSQL.
    pub postgres: &'static str,
}

impl ListQuery {
    /// The same SQL for both.
    pub const fn same(sql: &'static str) -> Self {
        Self {
            sqlite: sql,
            postgres: sql,
        }
    }

    /// The SQL for `backend`.
    pub fn sql(&self, backend: super::Backend) -> &'static str {
        match backend {
            super::Backend::Sqlite => self.sqlite,
            super::Backend::Postgres => self.postgres,
        }
    }
}

/// Reading a result row by column position, whichever driver returned it.
pub(super) trait Columns {
    /// A text column.
    fn text(&self, i: usize) -> Result<String, StoreError>;
    /// A text column that may be NULL.
    fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError>;
    /// An integer column.
    fn int(&self, i: usize) -> Result<i64, StoreError>;
    /// An integer column that may be NULL.
    fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError>;
}

impl Columns for rusqlite::Row<'_> {
    fn text(&self, i: usize) -> Result<String, StoreError> {
        self.get(i).map_err(StoreError::from)
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        self.get(i).map_err(StoreError::from)
    }
    fn int(&self, i: usize) -> Result<i64, StoreError> {
        self.get(i).map_err(StoreError::from)
    }
    fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        self.get(i).map_err(StoreError::from)
    }
}

impl Columns for PgRow {
    fn text(&self, i: usize) -> Result<String, StoreError> {
        Ok(sqlx::Row::try_get(self, i)?)
    }
    fn opt_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        Ok(sqlx::Row::try_get(self, i)?)
    }
    fn int(&self, i: usize) -> Result<i64, StoreError> {
        Ok(sqlx::Row::try_get(self, i)?)
    }
    fn opt_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        Ok(sqlx::Row::try_get(self, i)?)
    }
}

/// The read connections of one store.
#[derive(Debug)]
pub(super) enum Readers {
    /// SQLite: connections to this file.
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// Idle connections.
        idle: Mutex<Vec<rusqlite::Connection>>,
    },
    /// PostgreSQL: connections to this URL.
    Postgres {
        /// The database URL.
        url: String,
        /// Idle connections.
        idle: Mutex<Vec<PgConnection>>,
        /// Caps the connections in use.
        permits: Semaphore,
    },
}

impl Readers {
    /// Readers for a SQLite URL (the same file the main pool opened).
    pub(super) fn sqlite(url: &str) -> Result<Self, StoreError> {
        let options = sqlx::sqlite::SqliteConnectOptions::from_str(url)?;
        let path = options.get_filename().to_path_buf();
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        if in_memory || path.as_os_str().is_empty() {
            // Each connection to `:memory:` is a database of its own; the portal needs one
            // database that every connection sees.
            return Err(StoreError::from(sqlx::Error::Configuration(
                "SQLite needs a database file (an in-memory database is not shared between \
                 connections)"
                    .into(),
            )));
        }
        Ok(Self::Sqlite {
            path,
            idle: Mutex::default(),
        })
    }

    /// Readers for a PostgreSQL URL.
    pub(super) fn postgres(url: &str) -> Self {
        Self::Postgres {
            url: url.to_string(),
            idle: Mutex::default(),
            permits: Semaphore::new(PG_MAX),
        }
    }

    /// Runs one read query on SQLite. `sql` uses `$1`, `$2`… like the rest of the store.
    pub(super) fn sqlite_rows<T>(
        &self,
        sql: &str,
        params: &[&dyn rusqlite::ToSql],
        from_row: impl Fn(&rusqlite::Row<'_>) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        let Self::Sqlite { path, idle } = self else {
            return Err(StoreError::Corrupt(
                "SQLite read on a PostgreSQL store".into(),
            ));
        };
        let lent = idle.lock().unwrap_or_else(PoisonError::into_inner).pop();
        let conn = match lent {
            Some(conn) => conn,
            None => open_sqlite(path)?,
        };
        let rows = query_sqlite(&conn, sql, params, from_row)?;
        let mut idle = idle.lock().unwrap_or_else(PoisonError::into_inner);
        if idle.len() < KEEP_IDLE {
            idle.push(conn);
        }
        Ok(rows)
    }

    /// Lends a PostgreSQL connection; give it back with [`PgLent::give_back`] once its
    /// query has finished.
    pub(super) async fn lend_postgres(&self) -> Result<PgLent<'_>, StoreError> {
        let Self::Postgres { url, idle, permits } = self else {
            return Err(StoreError::Corrupt(
                "PostgreSQL read on a SQLite store".into(),
            ));
        };
        let permit = permits
            .acquire()
            .await
            .map_err(|_| StoreError::from(sqlx::Error::PoolClosed))?;
        let lent = idle.lock().unwrap_or_else(PoisonError::into_inner).pop();
        let conn = match lent {
            Some(conn) => conn,
            None => PgConnection::connect(url).await?,
        };
        Ok(PgLent {
            conn: Some(conn),
            idle,
            _permit: permit,
        })
    }
}

fn open_sqlite(path: &std::path::Path) -> Result<rusqlite::Connection, StoreError> {
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(SQLITE_BUSY_TIMEOUT)?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

fn query_sqlite<T>(
    conn: &rusqlite::Connection,
    sql: &str,
    params: &[&dyn rusqlite::ToSql],
    from_row: impl Fn(&rusqlite::Row<'_>) -> Result<T, StoreError>,
) -> Result<Vec<T>, StoreError> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(params)?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(from_row(row)?);
    }
    Ok(out)
}

impl super::SqlStore {
    /// Runs a list query on the read connections.
    pub(super) async fn read_list<T>(
        &self,
        query: ListQuery,
        account_id: &AccountId,
        window: Window,
        from_row: fn(&dyn Columns) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        let sql = query.sql(self.backend);
        match self.backend {
            super::Backend::Sqlite => self.readers.sqlite_rows(
                sql,
                &[&account_id.as_str(), &window.limit, &window.offset],
                |row| from_row(row),
            ),
            super::Backend::Postgres => {
                let mut lent = self.readers.lend_postgres().await?;
                let rows = sqlx::query(sql)
                    .bind(account_id.as_str())
                    .bind(window.limit)
                    .bind(window.offset)
                    .fetch_all(lent.conn()?)
                    .await?;
                lent.give_back();
                rows.iter().map(|row| from_row(row)).collect()
            }
        }
    }
}

/// A PostgreSQL read connection on loan. Dropped without [`PgLent::give_back`] (its query
/// failed, or the request was abandoned mid-query), the connection is closed, not reused.
pub(super) struct PgLent<'a> {
    conn: Option<PgConnection>,
    idle: &'a Mutex<Vec<PgConnection>>,
    _permit: tokio::sync::SemaphorePermit<'a>,
}

impl PgLent<'_> {
    /// The connection.
    pub(super) fn conn(&mut self) -> Result<&mut PgConnection, StoreError> {
        self.conn
            .as_mut()
            .ok_or_else(|| StoreError::Corrupt("read connection already given back".into()))
    }

    /// Returns the connection to the pool: its query has finished and its replies are read.
    pub(super) fn give_back(mut self) {
        if let Some(conn) = self.conn.take() {
            let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
            if idle.len() < KEEP_IDLE {
                idle.push(conn);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_memory_sqlite_is_refused_with_a_reason() {
        let Err(e) = Readers::sqlite("sqlite::memory:") else {
            panic!("an in-memory database was accepted");
        };
        assert!(e.to_string().contains("database file"), "{e}");
    }

    fn idle_postgres(readers: &Readers) -> usize {
        match readers {
            Readers::Postgres { idle, .. } => idle.lock().unwrap().len(),
            Readers::Sqlite { .. } => unreachable!(),
        }
    }

    /// Runs when `EFOREIGNER_TEST_DATABASE_URL` names a PostgreSQL server (`.ci/run` does).
    #[tokio::test]
    async fn postgres_connections_go_back_only_after_a_finished_query() {
        let Ok(url) = std::env::var("EFOREIGNER_TEST_DATABASE_URL") else {
            eprintln!("no EFOREIGNER_TEST_DATABASE_URL: PostgreSQL part not run");
            return;
        };
        if url.is_empty() {
            return;
        }
        let readers = Readers::postgres(&url);
        // A finished query: the connection goes back and is lent again.
        let mut lent = readers.lend_postgres().await.unwrap();
        let pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
            .fetch_one(lent.conn().unwrap())
            .await
            .unwrap();
        lent.give_back();
        assert_eq!(idle_postgres(&readers), 1);
        let mut lent = readers.lend_postgres().await.unwrap();
        let again: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
            .fetch_one(lent.conn().unwrap())
            .await
            .unwrap();
        assert_eq!(again, pid, "the idle connection was not reused");
        // A query abandoned half-way (the request went away): the connection is closed.
        let slow = async {
            sqlx::query("SELECT pg_sleep(5)")
                .execute(lent.conn().unwrap())
                .await
        };
        let cut = tokio::time::timeout(std::time::Duration::from_millis(100), slow).await;
        assert!(cut.is_err(), "the slow query was not cut off");
        drop(lent);
        assert_eq!(
            idle_postgres(&readers),
            0,
            "a connection mid-query went back"
        );
        // The next loan opens a fresh connection, which answers.
        let mut lent = readers.lend_postgres().await.unwrap();
        let fresh: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
            .fetch_one(lent.conn().unwrap())
            .await
            .unwrap();
        assert_ne!(fresh, pid);
        lent.give_back();
        assert_eq!(idle_postgres(&readers), 1);
    }

    #[test]
    fn sqlite_reader_reads_the_file_and_cannot_write() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("t.sqlite3");
        let setup = rusqlite::Connection::open(&file).unwrap();
        setup
            .execute_batch(
                "PRAGMA journal_mode=WAL; CREATE TABLE t (a TEXT, b INTEGER); \
                 INSERT INTO t VALUES ('x', 1), ('y', NULL), ('z', 3);",
            )
            .unwrap();
        let readers = Readers::sqlite(&format!("sqlite://{}?mode=rwc", file.display())).unwrap();
        let rows = readers
            .sqlite_rows(
                "SELECT a, b FROM t WHERE a <> $1 ORDER BY a LIMIT $2",
                &[&"x", &5_i64],
                |r| Ok((r.text(0)?, r.opt_int(1)?)),
            )
            .unwrap();
        assert_eq!(
            rows,
            vec![("y".to_string(), None), ("z".to_string(), Some(3))]
        );
        // A write made after the reader's connection was opened is seen by its next read.
        setup.execute("INSERT INTO t VALUES ('w', 4)", []).unwrap();
        let count = readers
            .sqlite_rows("SELECT count(*) FROM t", &[], |r| r.int(0))
            .unwrap();
        assert_eq!(count, vec![4]);
        let write = readers.sqlite_rows("DELETE FROM t RETURNING a", &[], |r| r.text(0));
        assert!(write.is_err(), "a reader wrote");
    }
}
