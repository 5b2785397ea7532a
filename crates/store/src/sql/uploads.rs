//! SQL for uploads: an owner's files, recorded under the owner's rule for the whole set,
//! and the sweeps of files no record names.

use async_trait::async_trait;
use jiff::Timestamp;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::{Backend, SqlStore, micros, opt_micros, opt_ts, parse_enum, ts};
use eforeigner_domain::store::{Effects, StoreError, UploadRepo, UploadsCheck};
use eforeigner_domain::{OwnerKey, Upload};

const UPLOAD_COLUMNS: &str = "id, owner_key, purpose, file_name, content_type, size_bytes, \
    sha256, storage_key, superseded_at, created_at";

/// One owner's current (not superseded) uploads, oldest first.
static CURRENT_UPLOADS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    format!(
        "SELECT {UPLOAD_COLUMNS} FROM uploads WHERE owner_key = $1 AND superseded_at IS NULL \
         ORDER BY created_at ASC, id ASC"
    )
});

/// The current uploads of `owner_key`, read in `tx`.
pub(super) async fn current_uploads(
    tx: &mut Transaction<'static, Any>,
    owner_key: &OwnerKey,
) -> Result<Vec<Upload>, StoreError> {
    sqlx::query(&CURRENT_UPLOADS)
        .bind(owner_key.to_string())
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(upload_from_row)
        .collect()
}

/// Deletes the upload `id` of `owner_key` (on the pool or in a transaction); returns it.
pub(super) async fn delete_upload_in<'c>(
    db: impl sqlx::Executor<'c, Database = Any>,
    owner_key: &OwnerKey,
    id: &str,
) -> Result<Option<Upload>, StoreError> {
    let sql =
        format!("DELETE FROM uploads WHERE owner_key = $1 AND id = $2 RETURNING {UPLOAD_COLUMNS}");
    sqlx::query(&sql)
        .bind(owner_key.to_string())
        .bind(id)
        .fetch_optional(db)
        .await?
        .as_ref()
        .map(upload_from_row)
        .transpose()
}

/// Inserts `u` in `tx` if `admit` agrees with its owner's current uploads as `tx` sees them
/// (`Stale` otherwise). The caller holds the lock that keeps the owner's set still.
pub(super) async fn record_upload(
    tx: &mut Transaction<'static, Any>,
    u: &Upload,
    admit: &UploadsCheck<'_>,
) -> Result<(), StoreError> {
    if !admit(&current_uploads(tx, &u.owner_key).await?) {
        return Err(StoreError::Stale);
    }
    let sql = format!(
        "INSERT INTO uploads ({UPLOAD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    );
    sqlx::query(&sql)
        .bind(&u.id)
        .bind(u.owner_key.to_string())
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
        owner_key: parse_enum(row, "owner_key", OwnerKey::parse)?,
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
                .bind(u.owner_key.to_string())
                .execute(&mut *tx)
                .await?;
        }
        record_upload(&mut tx, u, admit).await?;
        self.write_effects(&mut tx, effects).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn uploads_of(&self, owner_key: &OwnerKey) -> Result<Vec<Upload>, StoreError> {
        sqlx::query(&CURRENT_UPLOADS)
            .bind(owner_key.to_string())
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

    async fn delete_upload(
        &self,
        owner_key: &OwnerKey,
        id: &str,
    ) -> Result<Option<Upload>, StoreError> {
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
