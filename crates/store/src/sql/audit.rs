//! SQL for the audit log: a hash chain, appended to in the writes' transactions and
//! verified end to end.

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::{Backend, SqlStore, micros, opt_id, ts};
use eforeigner_domain::store::{AuditRepo, NewAudit, StoreError};
use eforeigner_domain::{AccountId, AuditEntry};

/// The audit chain's hash: SHA-256 over the previous hash and this entry's fields, each
/// length-prefixed so that no two different entries serialise alike.
pub fn audit_hash(prev_hash: &str, seq: i64, at: i64, e: &NewAudit) -> String {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    let fields = [
        prev_hash.to_string(),
        seq.to_string(),
        at.to_string(),
        e.actor_id
            .as_ref()
            .map(AccountId::to_string)
            .unwrap_or_default(),
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
    /// Appends `entries` to the chain in `tx`, all at `at` (microseconds).
    pub(super) async fn append_audit_tx(
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
            .bind(e.actor_id.as_ref().map(AccountId::as_str))
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

    async fn audit_of(
        &self,
        subject: &str,
        actions: &[&str],
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        if actions.is_empty() {
            return Ok(vec![]);
        }
        let placeholders: Vec<String> = (0..actions.len()).map(|i| format!("${}", i + 2)).collect();
        let sql = format!(
            "SELECT seq, at, actor_id, action, subject_id, ip, details, prev_hash, hash \
             FROM audit_log WHERE subject_id = $1 AND action IN ({}) ORDER BY seq LIMIT ${}",
            placeholders.join(", "),
            actions.len() + 2
        );
        let mut q = sqlx::query(&sql).bind(subject);
        for a in actions {
            q = q.bind(*a);
        }
        q.bind(limit)
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
        actor_id: opt_id(r, "actor_id", AccountId::new)?,
        action: r.try_get("action")?,
        subject_id: r.try_get("subject_id")?,
        ip: r.try_get("ip")?,
        details: r.try_get("details")?,
        prev_hash: r.try_get("prev_hash")?,
        hash: r.try_get("hash")?,
    })
}
