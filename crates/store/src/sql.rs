//! The SQL implementation of the repository traits, for SQLite and PostgreSQL alike.

mod applications;
mod readers;

pub use self::applications::{APPLICATIONS_OF, MAILBOX_OF};
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
use eforeigner_domain::sessions::Counter;
use eforeigner_domain::store::{
    AccountRepo, AuditRepo, DevMail, Effects, Job, JobRepo, NewAudit, NewToken, SessionRepo,
    StoreError, ThrottleDecision, TokenRepo, UploadMove, UploadRepo, UploadsCheck,
};
use eforeigner_domain::{
    Account, AccountStatus, AuditEntry, HasEbs, IdDocType, Lang, Profile, RejectionReason, Role,
    Session, Sex, SignIn, TokenPurpose, Upload,
};

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

fn is_unique_violation(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Database(db) => {
            db.is_unique_violation() || db.message().contains("UNIQUE constraint failed")
        }
        _ => false,
    }
}

const ACCOUNT_COLUMNS: &str = "id, email, password_hash, role, status, given_names, surname, \
    date_of_birth, sex, citizenship, phone, has_ebs, ebs, id_doc_type, id_doc_number, \
    id_doc_expiry, language, email_confirmed_at, submitted_at, verified_at, verified_by, \
    rejection_reason, rejection_note, failed_logins, locked_at, created_at, updated_at";

fn account_from_row(row: &AnyRow) -> Result<Account, StoreError> {
    Ok(Account {
        id: row.try_get("id")?,
        email: row.try_get("email")?,
        password_hash: row.try_get("password_hash")?,
        role: parse_enum(row, "role", Role::parse)?,
        status: parse_enum(row, "status", AccountStatus::parse)?,
        profile: Profile {
            given_names: row.try_get("given_names")?,
            surname: row.try_get("surname")?,
            date_of_birth: opt_date(row, "date_of_birth")?,
            sex: opt_enum(row, "sex", Sex::parse)?,
            citizenship: row.try_get("citizenship")?,
            phone: row.try_get("phone")?,
            has_ebs: opt_enum(row, "has_ebs", HasEbs::parse)?,
            ebs: row.try_get("ebs")?,
            id_doc_type: opt_enum(row, "id_doc_type", IdDocType::parse)?,
            id_doc_number: row.try_get("id_doc_number")?,
            id_doc_expiry: opt_date(row, "id_doc_expiry")?,
        },
        language: parse_enum(row, "language", Lang::parse)?,
        email_confirmed_at: opt_ts(row, "email_confirmed_at")?,
        submitted_at: opt_ts(row, "submitted_at")?,
        verified_at: opt_ts(row, "verified_at")?,
        verified_by: row.try_get("verified_by")?,
        rejection_reason: opt_enum(row, "rejection_reason", RejectionReason::parse)?,
        rejection_note: row.try_get("rejection_note")?,
        failed_logins: row.try_get("failed_logins")?,
        locked_at: opt_ts(row, "locked_at")?,
        created_at: ts(row, "created_at")?,
        updated_at: ts(row, "updated_at")?,
    })
}

/// Binds every account column in `ACCOUNT_COLUMNS` order.
fn bind_account<'q>(
    q: sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>>,
    a: &'q Account,
) -> sqlx::query::Query<'q, Any, sqlx::any::AnyArguments<'q>> {
    let p = &a.profile;
    q.bind(&a.id)
        .bind(&a.email)
        .bind(&a.password_hash)
        .bind(a.role.as_str())
        .bind(a.status.as_str())
        .bind(&p.given_names)
        .bind(&p.surname)
        .bind(p.date_of_birth.map(|d| d.to_string()))
        .bind(p.sex.map(|s| s.as_str()))
        .bind(p.citizenship.as_deref())
        .bind(p.phone.as_deref())
        .bind(p.has_ebs.map(|s| s.as_str()))
        .bind(p.ebs.as_deref())
        .bind(p.id_doc_type.map(|s| s.as_str()))
        .bind(p.id_doc_number.as_deref())
        .bind(p.id_doc_expiry.map(|d| d.to_string()))
        .bind(a.language.tag())
        .bind(opt_micros(a.email_confirmed_at))
        .bind(opt_micros(a.submitted_at))
        .bind(opt_micros(a.verified_at))
        .bind(a.verified_by.as_deref())
        .bind(a.rejection_reason.map(|r| r.as_str()))
        .bind(a.rejection_note.as_deref())
        .bind(a.failed_logins)
        .bind(opt_micros(a.locked_at))
        .bind(micros(a.created_at))
        .bind(micros(a.updated_at))
}

const SESSION_COLUMNS: &str = "id, account_id, created_at, last_seen_at, idle_timeout_secs, \
    absolute_expires_at, ip, user_agent, ended_at";

fn session_from_row(row: &AnyRow) -> Result<Session, StoreError> {
    Ok(Session {
        id: row.try_get("id")?,
        account_id: row.try_get("account_id")?,
        created_at: ts(row, "created_at")?,
        last_seen_at: ts(row, "last_seen_at")?,
        idle_timeout_secs: row.try_get("idle_timeout_secs")?,
        absolute_expires_at: ts(row, "absolute_expires_at")?,
        ip: row.try_get("ip")?,
        user_agent: row.try_get("user_agent")?,
        ended_at: opt_ts(row, "ended_at")?,
    })
}

const UPLOAD_COLUMNS: &str = "id, owner_key, purpose, file_name, content_type, size_bytes, \
    sha256, storage_key, superseded_at, created_at";

/// One owner's current (not superseded) uploads, oldest first.
static CURRENT_UPLOADS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT {UPLOAD_COLUMNS} FROM uploads WHERE owner_key = $1 AND superseded_at IS NULL \
         ORDER BY created_at ASC, id ASC"
    )
});

/// The outbox claim (see `claim_job`): the job due first that no lease holds, leased.
macro_rules! claim_job_sql {
    ($lock:literal) => {
        concat!(
            "UPDATE outbox SET locked_until = $1, attempts = attempts + 1 \
             WHERE id = (SELECT id FROM outbox WHERE done_at IS NULL AND run_at <= $2 \
                         AND (locked_until IS NULL OR locked_until < $2) \
                         ORDER BY run_at ASC LIMIT 1",
            $lock,
            ") AND done_at IS NULL AND (locked_until IS NULL OR locked_until < $2) \
             RETURNING id, kind, payload, attempts"
        )
    };
}
const CLAIM_JOB_SQLITE: &str = claim_job_sql!("");
const CLAIM_JOB_POSTGRES: &str = claim_job_sql!(" FOR UPDATE SKIP LOCKED");

/// The current uploads of `owner_key`, read in `tx`.
async fn current_uploads(
    tx: &mut Transaction<'static, Any>,
    owner_key: &str,
) -> Result<Vec<Upload>, StoreError> {
    sqlx::query(&CURRENT_UPLOADS)
        .bind(owner_key)
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(upload_from_row)
        .collect()
}

/// Deletes the upload `id` of `owner_key` (on the pool or in a transaction); returns it.
async fn delete_upload_in<'c>(
    db: impl sqlx::Executor<'c, Database = Any>,
    owner_key: &str,
    id: &str,
) -> Result<Option<Upload>, StoreError> {
    let sql =
        format!("DELETE FROM uploads WHERE owner_key = $1 AND id = $2 RETURNING {UPLOAD_COLUMNS}");
    sqlx::query(&sql)
        .bind(owner_key)
        .bind(id)
        .fetch_optional(db)
        .await?
        .as_ref()
        .map(upload_from_row)
        .transpose()
}

/// Inserts `u` in `tx` if `admit` agrees with its owner's current uploads as `tx` sees them
/// (`Conflict` otherwise). The caller holds the lock that keeps the owner's set still.
async fn record_upload(
    tx: &mut Transaction<'static, Any>,
    u: &Upload,
    admit: &UploadsCheck<'_>,
) -> Result<(), StoreError> {
    if !admit(&current_uploads(tx, &u.owner_key).await?) {
        return Err(StoreError::Conflict);
    }
    let sql = format!(
        "INSERT INTO uploads ({UPLOAD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    );
    sqlx::query(&sql)
        .bind(&u.id)
        .bind(&u.owner_key)
        .bind(&u.purpose)
        .bind(&u.file_name)
        .bind(&u.content_type)
        .bind(u.size_bytes)
        .bind(&u.sha256)
        .bind(&u.storage_key)
        .bind(opt_micros(u.superseded_at))
        .bind(micros(u.created_at))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn upload_from_row(row: &AnyRow) -> Result<Upload, StoreError> {
    Ok(Upload {
        id: row.try_get("id")?,
        owner_key: row.try_get("owner_key")?,
        purpose: row.try_get("purpose")?,
        file_name: row.try_get("file_name")?,
        content_type: row.try_get("content_type")?,
        size_bytes: row.try_get("size_bytes")?,
        sha256: row.try_get("sha256")?,
        storage_key: row.try_get("storage_key")?,
        superseded_at: opt_ts(row, "superseded_at")?,
        created_at: ts(row, "created_at")?,
    })
}

/// The audit chain's hash: SHA-256 over the previous hash and this entry's fields, each
/// length-prefixed so that no two different entries serialise alike.
pub fn audit_hash(prev_hash: &str, seq: i64, at: i64, e: &NewAudit) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    let fields = [
        prev_hash.to_string(),
        seq.to_string(),
        at.to_string(),
        e.actor_id.clone().unwrap_or_default(),
        e.action.clone(),
        e.subject_id.clone().unwrap_or_default(),
        e.ip.clone().unwrap_or_default(),
        e.details.clone(),
    ];
    for f in fields {
        h.update((f.len() as u64).to_be_bytes());
        h.update(f.as_bytes());
    }
    hex::encode(h.finalize())
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
        if !effects.audit.is_empty() {
            self.append_audit_tx(tx, &effects.audit, at).await?;
        }
        Ok(())
    }

    async fn append_audit_tx(
        &self,
        tx: &mut Transaction<'static, Any>,
        entries: &[NewAudit],
        at: i64,
    ) -> Result<(), StoreError> {
        if self.backend == Backend::Postgres {
            // Serialises appenders so the chain stays linear; released at commit.
            sqlx::query("SELECT pg_advisory_xact_lock(7201)")
                .execute(&mut **tx)
                .await?;
        }
        let last = sqlx::query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
            .fetch_optional(&mut **tx)
            .await?;
        let (mut seq, mut prev) = match last {
            Some(row) => (
                row.try_get::<i64, _>("seq")?,
                row.try_get::<String, _>("hash")?,
            ),
            None => (0, String::new()),
        };
        for e in entries {
            seq += 1;
            let hash = audit_hash(&prev, seq, at, e);
            sqlx::query(
                "INSERT INTO audit_log (seq, at, actor_id, action, subject_id, ip, details, \
                 prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(seq)
            .bind(at)
            .bind(e.actor_id.as_deref())
            .bind(&e.action)
            .bind(e.subject_id.as_deref())
            .bind(e.ip.as_deref())
            .bind(&e.details)
            .bind(&prev)
            .bind(&hash)
            .execute(&mut **tx)
            .await?;
            prev = hash;
        }
        Ok(())
    }

    /// The rest of `redeem_token` once the token is used: applies `change` to the account
    /// and commits.
    async fn change_account_tx(
        &self,
        mut tx: Transaction<'static, Any>,
        account_id: &str,
        new_email: Option<String>,
        change: &(dyn Fn(Account, Option<String>) -> (Account, Effects) + Send + Sync),
    ) -> Result<Option<Account>, StoreError> {
        let sql = format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1");
        let account = sqlx::query(&sql)
            .bind(account_id)
            .fetch_optional(&mut *tx)
            .await?
            .as_ref()
            .map(account_from_row)
            .transpose()?
            .ok_or(StoreError::NotFound)?;
        let expected = account.updated_at;
        let (updated, effects) = change(account, new_email);
        update_account_tx(&mut tx, &updated, expected).await?;
        self.write_effects(&mut tx, &effects).await?;
        tx.commit().await?;
        Ok(Some(updated))
    }

    async fn move_uploads(
        &self,
        tx: &mut Transaction<'static, Any>,
        account_id: &str,
        uploads: &UploadMove,
        at: i64,
    ) -> Result<(), StoreError> {
        let owner = format!("account:{account_id}");
        if uploads.supersede_current {
            sqlx::query(
                "UPDATE uploads SET superseded_at = $1 WHERE owner_key = $2 AND superseded_at IS NULL",
            )
            .bind(at)
            .bind(&owner)
            .execute(&mut **tx)
            .await?;
        }
        if let Some(from) = &uploads.claim_from {
            sqlx::query("UPDATE uploads SET owner_key = $1 WHERE owner_key = $2")
                .bind(&owner)
                .bind(from)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }
}

#[async_trait]
impl AccountRepo for SqlStore {
    async fn insert_account(
        &self,
        account: &Account,
        token: Option<&NewToken>,
        uploads: &UploadMove,
        effects: &Effects,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        let sql = format!(
            "INSERT INTO accounts ({ACCOUNT_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, \
             $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, \
             $25, $26, $27)"
        );
        if let Err(e) = bind_account(sqlx::query(&sql), account)
            .execute(&mut *tx)
            .await
        {
            return Err(if is_unique_violation(&e) {
                StoreError::Conflict
            } else {
                e.into()
            });
        }
        if let Some(token) = token {
            insert_token_tx(&mut tx, token).await?;
        }
        self.move_uploads(&mut tx, &account.id, uploads, micros(effects.at))
            .await?;
        self.write_effects(&mut tx, effects).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn account(&self, id: &str) -> Result<Option<Account>, StoreError> {
        self.one_by(
            &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = $1"),
            id,
            account_from_row,
        )
        .await
    }

    async fn account_by_email(&self, email: &str) -> Result<Option<Account>, StoreError> {
        self.one_by(
            &format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE email = $1"),
            email,
            account_from_row,
        )
        .await
    }

    async fn update_account(
        &self,
        account: &Account,
        expected_updated_at: Timestamp,
        uploads: &UploadMove,
        effects: &Effects,
    ) -> Result<(), StoreError> {
        let written = async {
            let mut tx = self.write_tx().await?;
            update_account_tx(&mut tx, account, expected_updated_at).await?;
            self.move_uploads(&mut tx, &account.id, uploads, micros(effects.at))
                .await?;
            self.write_effects(&mut tx, effects).await?;
            tx.commit().await?;
            Ok(())
        }
        .await;
        // Also after a failure: a commit whose answer was lost may still have happened.
        self.sessions.forget_account(&account.id);
        written
    }

    async fn count_password_failure(
        &self,
        account_id: &str,
        lock_at: i64,
        now: Timestamp,
        effects: &(dyn Fn(i64, bool) -> Effects + Send + Sync),
    ) -> Result<i64, StoreError> {
        let written = async {
            let mut tx = self.write_tx().await?;
            // One statement increments and reads: no failure of many at once is lost. The
            // row's `updated_at` (the version other writes of the account compare) moves
            // only when the account is locked, so failures sent by someone else never
            // make its owner's own change fail.
            let row = sqlx::query(
                "UPDATE accounts SET failed_logins = failed_logins + 1 WHERE id = $1 \
                 RETURNING failed_logins, locked_at",
            )
            .bind(account_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            let count: i64 = row.try_get("failed_logins")?;
            let newly_locked = count >= lock_at && opt_ts(&row, "locked_at")?.is_none();
            if newly_locked {
                sqlx::query("UPDATE accounts SET locked_at = $1, updated_at = $1 WHERE id = $2")
                    .bind(micros(now))
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await?;
            }
            self.write_effects(&mut tx, &effects(count, newly_locked))
                .await?;
            tx.commit().await?;
            Ok(count)
        }
        .await;
        self.sessions.forget_account(account_id);
        written
    }

    async fn reset_password_failures(&self, account_id: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE accounts SET failed_logins = 0 WHERE id = $1 AND failed_logins <> 0")
            .bind(account_id)
            .execute(&self.pool)
            .await?;
        self.sessions.forget_account(account_id);
        Ok(())
    }

    async fn accounts_in_status(
        &self,
        status: AccountStatus,
        limit: i64,
    ) -> Result<Vec<Account>, StoreError> {
        let sql = format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE status = $1 \
             ORDER BY submitted_at ASC, created_at ASC LIMIT $2"
        );
        sqlx::query(&sql)
            .bind(status.as_str())
            .bind(limit)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(account_from_row)
            .collect()
    }
}

async fn update_account_tx(
    tx: &mut Transaction<'static, Any>,
    account: &Account,
    expected_updated_at: Timestamp,
) -> Result<(), StoreError> {
    let columns: Vec<&str> = ACCOUNT_COLUMNS.split(", ").map(str::trim).collect();
    let sets: Vec<String> = columns
        .iter()
        .enumerate()
        .skip(1)
        .map(|(i, c)| format!("{c} = ${}", i + 1))
        .collect();
    let sql = format!(
        "UPDATE accounts SET {} WHERE id = $1 AND updated_at = ${}",
        sets.join(", "),
        columns.len() + 1
    );
    let result = bind_account(sqlx::query(&sql), account)
        .bind(micros(expected_updated_at))
        .execute(&mut **tx)
        .await;
    match result {
        Ok(r) if r.rows_affected() == 1 => Ok(()),
        Ok(_) => Err(StoreError::Conflict),
        Err(e) if is_unique_violation(&e) => Err(StoreError::Conflict),
        Err(e) => Err(e.into()),
    }
}

async fn insert_token_tx(
    tx: &mut Transaction<'static, Any>,
    token: &NewToken,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO email_tokens (token_hash, account_id, purpose, new_email, created_at, \
         expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&token.token_hash)
    .bind(&token.account_id)
    .bind(token.purpose.as_str())
    .bind(token.new_email.as_deref())
    .bind(micros(token.created_at))
    .bind(micros(token.expires_at))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

#[async_trait]
impl TokenRepo for SqlStore {
    async fn insert_token(&self, token: &NewToken, effects: &Effects) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        insert_token_tx(&mut tx, token).await?;
        self.write_effects(&mut tx, effects).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn peek_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: Timestamp,
    ) -> Result<Option<String>, StoreError> {
        let row = sqlx::query(
            "SELECT account_id FROM email_tokens WHERE token_hash = $1 AND purpose = $2 \
             AND used_at IS NULL AND expires_at > $3",
        )
        .bind(token_hash)
        .bind(purpose.as_str())
        .bind(micros(now))
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.try_get("account_id")).transpose()?)
    }

    async fn redeem_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: Timestamp,
        change: &(dyn Fn(Account, Option<String>) -> (Account, Effects) + Send + Sync),
    ) -> Result<Option<Account>, StoreError> {
        let mut tx = self.write_tx().await?;
        let row = sqlx::query(
            "UPDATE email_tokens SET used_at = $1 WHERE token_hash = $2 AND purpose = $3 \
             AND used_at IS NULL AND expires_at > $1 RETURNING account_id, new_email",
        )
        .bind(micros(now))
        .bind(token_hash)
        .bind(purpose.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let account_id: String = row.try_get("account_id")?;
        let new_email: Option<String> = row.try_get("new_email")?;
        let written = self
            .change_account_tx(tx, &account_id, new_email, change)
            .await;
        self.sessions.forget_account(&account_id);
        written
    }

    async fn revoke_tokens(
        &self,
        account_id: &str,
        purpose: TokenPurpose,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE email_tokens SET used_at = $1 WHERE account_id = $2 AND purpose = $3 \
             AND used_at IS NULL",
        )
        .bind(micros(now))
        .bind(account_id)
        .bind(purpose.as_str())
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}

#[async_trait]
impl SessionRepo for SqlStore {
    async fn insert_session(
        &self,
        s: &Session,
        token_hash: &str,
        effects: &Effects,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query(
            "INSERT INTO sessions (id, token_hash, account_id, created_at, last_seen_at, \
             idle_timeout_secs, absolute_expires_at, ip, user_agent) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(&s.id)
        .bind(token_hash)
        .bind(&s.account_id)
        .bind(micros(s.created_at))
        .bind(micros(s.last_seen_at))
        .bind(s.idle_timeout_secs)
        .bind(micros(s.absolute_expires_at))
        .bind(&s.ip)
        .bind(&s.user_agent)
        .execute(&mut *tx)
        .await?;
        self.write_effects(&mut tx, effects).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn session_by_token(&self, token_hash: &str) -> Result<Option<Session>, StoreError> {
        self.one_by(
            &format!("SELECT {SESSION_COLUMNS} FROM sessions WHERE token_hash = $1"),
            token_hash,
            session_from_row,
        )
        .await
    }

    async fn session_and_account(
        &self,
        token_hash: &str,
    ) -> Result<Option<(Session, Account)>, StoreError> {
        if let Some(hit) = self.sessions.get(token_hash) {
            return Ok(Some(hit));
        }
        let generation = self.sessions.generation();
        let Some(session) = self.session_by_token(token_hash).await? else {
            return Ok(None);
        };
        let Some(account) = self.account(&session.account_id).await? else {
            return Ok(None);
        };
        if session.ended_at.is_none() {
            self.sessions
                .put(token_hash, generation, session.clone(), account.clone());
        }
        Ok(Some((session, account)))
    }

    async fn touch_session(&self, id: &str, now: Timestamp) -> Result<(), StoreError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND ended_at IS NULL")
            .bind(micros(now))
            .bind(id)
            .execute(&self.pool)
            .await?;
        self.sessions.touch(id, now);
        Ok(())
    }

    async fn end_session(
        &self,
        account_id: &str,
        id: &str,
        now: Timestamp,
        effects: &Effects,
    ) -> Result<bool, StoreError> {
        let ended = async {
            let mut tx = self.write_tx().await?;
            let r = sqlx::query(
                "UPDATE sessions SET ended_at = $1 WHERE id = $2 AND account_id = $3 \
                 AND ended_at IS NULL",
            )
            .bind(micros(now))
            .bind(id)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
            self.commit_if_changed(tx, r.rows_affected() > 0, effects)
                .await
        }
        .await;
        self.sessions.forget_account(account_id);
        ended
    }

    async fn end_all_sessions(
        &self,
        account_id: &str,
        keep: Option<&str>,
        now: Timestamp,
    ) -> Result<(), StoreError> {
        let ended = sqlx::query(
            "UPDATE sessions SET ended_at = $1 WHERE account_id = $2 AND ended_at IS NULL \
             AND id <> $3",
        )
        .bind(micros(now))
        .bind(account_id)
        .bind(keep.unwrap_or(""))
        .execute(&self.pool)
        .await;
        self.sessions.forget_account(account_id);
        ended?;
        Ok(())
    }

    async fn open_sessions(&self, account_id: &str) -> Result<Vec<Session>, StoreError> {
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM sessions WHERE account_id = $1 AND ended_at IS NULL \
             ORDER BY last_seen_at DESC"
        );
        sqlx::query(&sql)
            .bind(account_id)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(session_from_row)
            .collect()
    }

    async fn record_sign_in(&self, account_id: &str, s: &SignIn) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO sign_ins (id, account_id, at, ip, user_agent, method, succeeded) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(eforeigner_domain::clock::new_id())
        .bind(account_id)
        .bind(micros(s.at))
        .bind(&s.ip)
        .bind(&s.user_agent)
        .bind(&s.method)
        .bind(i64::from(s.succeeded))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn recent_sign_ins(
        &self,
        account_id: &str,
        limit: i64,
    ) -> Result<Vec<SignIn>, StoreError> {
        sqlx::query(
            "SELECT at, ip, user_agent, method, succeeded FROM sign_ins WHERE account_id = $1 \
             ORDER BY at DESC LIMIT $2",
        )
        .bind(account_id)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(SignIn {
                at: ts(r, "at")?,
                ip: r.try_get("ip")?,
                user_agent: r.try_get("user_agent")?,
                method: r.try_get("method")?,
                succeeded: r.try_get::<i64, _>("succeeded")? != 0,
            })
        })
        .collect()
    }

    async fn throttle_attempt(
        &self,
        keys: &[String],
        now: Timestamp,
        decide: &ThrottleDecision<'_>,
    ) -> Result<Result<(), Timestamp>, StoreError> {
        // Counters are taken in key order, so two attempts never wait for each other's.
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        let mut tx = self.write_tx().await?;
        let lock = match self.backend {
            Backend::Sqlite => "",
            Backend::Postgres => " FOR UPDATE",
        };
        let read = format!(
            "SELECT failures, last_failure_at FROM throttles WHERE throttle_key = $1{lock}"
        );
        let mut counts = vec![0_i64; keys.len()];
        let mut refused: Option<Timestamp> = None;
        for &i in &order {
            if self.backend == Backend::Postgres {
                // A row to hold, so that a first attempt is counted exactly once too.
                sqlx::query(
                    "INSERT INTO throttles (throttle_key, failures, last_failure_at) \
                     VALUES ($1, 0, $2) ON CONFLICT (throttle_key) DO NOTHING",
                )
                .bind(&keys[i])
                .bind(micros(Timestamp::UNIX_EPOCH))
                .execute(&mut *tx)
                .await?;
            }
            let counter = sqlx::query(&read)
                .bind(&keys[i])
                .fetch_optional(&mut *tx)
                .await?
                .map(|r| {
                    Ok::<_, StoreError>(Counter {
                        count: r.try_get("failures")?,
                        last_at: ts(&r, "last_failure_at")?,
                    })
                })
                .transpose()?
                .filter(|c| c.count > 0);
            match decide(i, counter) {
                Ok(count) => counts[i] = count,
                Err(until) => refused = Some(refused.map_or(until, |r| r.max(until))),
            }
        }
        if let Some(until) = refused {
            // Dropping the transaction rolls it back: nothing counted.
            return Ok(Err(until));
        }
        for &i in &order {
            sqlx::query(
                "INSERT INTO throttles (throttle_key, failures, last_failure_at) \
                 VALUES ($1, $2, $3) ON CONFLICT (throttle_key) DO UPDATE \
                 SET failures = $2, last_failure_at = $3",
            )
            .bind(&keys[i])
            .bind(counts[i])
            .bind(micros(now))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(Ok(()))
    }

    async fn throttle_refund(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE throttles SET failures = failures - 1 \
             WHERE throttle_key = $1 AND failures > 0",
        )
        .bind(key)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn throttle_clear(&self, key: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM throttles WHERE throttle_key = $1")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[async_trait]
impl UploadRepo for SqlStore {
    async fn insert_upload(
        &self,
        u: &Upload,
        admit: &UploadsCheck<'_>,
        effects: &Effects,
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        if self.backend == Backend::Postgres {
            // One owner's uploads one at a time until commit (SQLite's `BEGIN IMMEDIATE`
            // already serialises all writers); without it two inserts would each read the
            // set without the other's row.
            sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))::text")
                .bind(&u.owner_key)
                .execute(&mut *tx)
                .await?;
        }
        record_upload(&mut tx, u, admit).await?;
        self.write_effects(&mut tx, effects).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn uploads_of(&self, owner_key: &str) -> Result<Vec<Upload>, StoreError> {
        sqlx::query(&CURRENT_UPLOADS)
            .bind(owner_key)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(upload_from_row)
            .collect()
    }

    async fn upload(&self, id: &str) -> Result<Option<Upload>, StoreError> {
        self.one_by(
            &format!("SELECT {UPLOAD_COLUMNS} FROM uploads WHERE id = $1"),
            id,
            upload_from_row,
        )
        .await
    }

    async fn delete_upload(&self, owner_key: &str, id: &str) -> Result<Option<Upload>, StoreError> {
        delete_upload_in(&self.pool, owner_key, id).await
    }

    async fn delete_stale_uploads(
        &self,
        owner_prefix: &str,
        created_before: Timestamp,
        limit: i64,
    ) -> Result<Vec<String>, StoreError> {
        let rows = sqlx::query(
            "DELETE FROM uploads WHERE id IN (SELECT id FROM uploads \
             WHERE owner_key LIKE $1 AND created_at < $2 ORDER BY created_at LIMIT $3) \
             RETURNING storage_key",
        )
        .bind(format!("{}%", owner_prefix.replace(['%', '_'], "")))
        .bind(micros(created_before))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| Ok(r.try_get("storage_key")?)).collect()
    }

    async fn referenced_storage_keys(
        &self,
        keys: &[String],
    ) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut found = std::collections::HashSet::new();
        for batch in keys.chunks(200) {
            let marks: Vec<String> = (1..=batch.len()).map(|i| format!("${i}")).collect();
            let list = marks.join(", ");
            let sql = format!(
                "SELECT storage_key FROM uploads WHERE storage_key IN ({list}) \
                 UNION SELECT storage_key FROM mailbox_documents WHERE storage_key IN ({list})"
            );
            let mut q = sqlx::query(&sql);
            for k in batch {
                q = q.bind(k);
            }
            for row in q.fetch_all(&self.pool).await? {
                found.insert(row.try_get::<String, _>("storage_key")?);
            }
        }
        Ok(found)
    }
}

#[async_trait]
impl JobRepo for SqlStore {
    async fn claim_job(
        &self,
        now: Timestamp,
        lease: jiff::SignedDuration,
    ) -> Result<Option<Job>, StoreError> {
        let now_us = micros(now);
        let until = micros(now.saturating_add(lease).unwrap_or(now));
        // The repeated conditions in the outer WHERE make the claim safe when two workers
        // race for the same row: the loser's UPDATE re-checks them and matches nothing.
        // On PostgreSQL the candidate is also taken `FOR UPDATE SKIP LOCKED`, so workers
        // claiming at the same moment take different jobs instead of all but one losing
        // the same first row and coming back empty while jobs wait (SQLite runs one write
        // statement at a time, so its claims never overlap).
        let row = sqlx::query(match self.backend {
            Backend::Sqlite => CLAIM_JOB_SQLITE,
            Backend::Postgres => CLAIM_JOB_POSTGRES,
        })
        .bind(until)
        .bind(now_us)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(Job {
                id: r.try_get("id")?,
                kind: r.try_get("kind")?,
                payload: r.try_get("payload")?,
                attempts: r.try_get("attempts")?,
            })
        })
        .transpose()
    }

    async fn complete_job(&self, id: &str, now: Timestamp) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE outbox SET done_at = $1, locked_until = NULL, payload = '{}' WHERE id = $2",
        )
        .bind(micros(now))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn fail_job(
        &self,
        id: &str,
        error: &str,
        retry_at: Option<Timestamp>,
    ) -> Result<(), StoreError> {
        match retry_at {
            Some(at) => {
                sqlx::query(
                    "UPDATE outbox SET last_error = $1, run_at = $2, locked_until = NULL \
                     WHERE id = $3",
                )
                .bind(error)
                .bind(micros(at))
                .bind(id)
                .execute(&self.pool)
                .await?;
            }
            None => {
                // Given up: kept (with its error) for an operator, never run again.
                sqlx::query(
                    "UPDATE outbox SET last_error = $1, done_at = run_at, locked_until = NULL \
                     WHERE id = $2",
                )
                .bind(error)
                .bind(id)
                .execute(&self.pool)
                .await?;
            }
        }
        Ok(())
    }

    async fn pending_jobs(&self) -> Result<i64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM outbox WHERE done_at IS NULL")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get("n")?)
    }

    async fn insert_dev_mail(&self, m: &DevMail) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO dev_mails (id, to_addr, subject, body, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&m.id)
        .bind(&m.to)
        .bind(&m.subject)
        .bind(&m.body)
        .bind(micros(m.created_at))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn dev_mails(&self, limit: i64) -> Result<Vec<DevMail>, StoreError> {
        sqlx::query(
            "SELECT id, to_addr, subject, body, created_at FROM dev_mails \
             ORDER BY created_at DESC, id DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok(DevMail {
                id: r.try_get("id")?,
                to: r.try_get("to_addr")?,
                subject: r.try_get("subject")?,
                body: r.try_get("body")?,
                created_at: ts(r, "created_at")?,
            })
        })
        .collect()
    }
}

#[async_trait]
impl AuditRepo for SqlStore {
    async fn append_audit(&self, entries: &[NewAudit], now: Timestamp) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        self.append_audit_tx(&mut tx, entries, micros(now)).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn audit_entries(&self, limit: i64) -> Result<Vec<AuditEntry>, StoreError> {
        sqlx::query(
            "SELECT seq, at, actor_id, action, subject_id, ip, details, prev_hash, hash \
             FROM audit_log ORDER BY seq DESC LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(audit_from_row)
        .collect()
    }

    async fn verify_audit_chain(&self) -> Result<Result<i64, i64>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, at, actor_id, action, subject_id, ip, details, prev_hash, hash \
             FROM audit_log ORDER BY seq ASC",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut prev = String::new();
        for (expected_seq, row) in (1_i64..).zip(rows.iter()) {
            let e = audit_from_row(row)?;
            let recomputed = audit_hash(
                &prev,
                e.seq,
                micros(e.at),
                &NewAudit {
                    actor_id: e.actor_id.clone(),
                    action: e.action.clone(),
                    subject_id: e.subject_id.clone(),
                    ip: e.ip.clone(),
                    details: e.details.clone(),
                },
            );
            if e.seq != expected_seq || e.prev_hash != prev || e.hash != recomputed {
                return Ok(Err(e.seq));
            }
            prev = e.hash;
        }
        Ok(Ok(i64::try_from(rows.len()).unwrap_or(i64::MAX)))
    }
}

fn audit_from_row(r: &AnyRow) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        seq: r.try_get("seq")?,
        at: ts(r, "at")?,
        actor_id: r.try_get("actor_id")?,
        action: r.try_get("action")?,
        subject_id: r.try_get("subject_id")?,
        ip: r.try_get("ip")?,
        details: r.try_get("details")?,
        prev_hash: r.try_get("prev_hash")?,
        hash: r.try_get("hash")?,
    })
}
