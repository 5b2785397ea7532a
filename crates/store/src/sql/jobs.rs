//! SQL for the outbox (jobs claimed under a lease, completed or failed) and the
//! development mailbox.

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::Row;

use super::{Backend, SqlStore, micros, ts};
use eforeigner_domain::store::{DevMail, Job, JobRepo, StoreError};

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
