//! Housekeeping of stored files, run hourly by the worker: files of registration forms that
//! were never completed, and files that no record names at all.
//!
//! An upload is written while it arrives and recorded after it is checked, so a crash (or a
//! `kill -9`) between the two leaves a file with no record: personal data that nothing
//! shows and nothing would ever delete. Files are only swept once they are older than
//! [`UNREFERENCED_GRACE`], far longer than any upload takes, so a file still arriving or
//! waiting for its record is never touched.

use eforeigner_rules::deadlines;
use std::sync::Arc;

use jiff::{SignedDuration, Timestamp};

use super::Clock;
use crate::audit::AuditAction;
use crate::ports::files::Files;
use crate::store::{NewAudit, Store};

/// Files of a registration form that was never completed (`draft:` owners) are kept this
/// long after they were uploaded, so that a person can correct the form and come back.
pub use eforeigner_rules::deadlines::REGISTRATION_DRAFT_KEPT;
/// A file that no record names is deleted once it is older than this.
pub const UNREFERENCED_GRACE: SignedDuration = SignedDuration::from_hours(1);
/// Records of registration drafts deleted per sweep (the next sweep goes on).
const BATCH: i64 = 500;

/// What one sweep removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SweepReport {
    /// Files of registration drafts older than [`REGISTRATION_DRAFT_KEPT`].
    pub draft_files: usize,
    /// Files no record named, older than [`UNREFERENCED_GRACE`].
    pub unreferenced_files: usize,
}

/// The file sweeps.
#[derive(Clone)]
pub struct Sweeper {
    store: Arc<dyn Store>,
    files: Arc<dyn Files>,
    clock: Arc<dyn Clock>,
}

impl Sweeper {
    /// Builds the sweeper.
    pub fn new(store: Arc<dyn Store>, files: Arc<dyn Files>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            files,
            clock,
        }
    }

    /// Runs both sweeps once.
    pub async fn sweep(&self) -> anyhow::Result<SweepReport> {
        let now = self.clock.now();
        let draft_files = self.registration_drafts(now).await?;
        let unreferenced_files = self.unreferenced(now).await?;
        if draft_files + unreferenced_files > 0 {
            let entry = NewAudit {
                action: AuditAction::FilesSwept.as_str().into(),
                details: serde_json::json!({
                    "registration_draft_files": draft_files,
                    "unreferenced_files": unreferenced_files,
                })
                .to_string(),
                ..NewAudit::default()
            };
            self.store.append_audit(&[entry], now).await?;
        }
        Ok(SweepReport {
            draft_files,
            unreferenced_files,
        })
    }

    /// Deletes the records and files of registration drafts older than
    /// [`REGISTRATION_DRAFT_KEPT`].
    async fn registration_drafts(&self, now: Timestamp) -> anyhow::Result<usize> {
        let before = deadlines::registration_files_older_than(now)
            .ok_or_else(|| anyhow::anyhow!("no time is that early"))?;
        let mut removed = 0;
        loop {
            let keys = self
                .store
                .delete_stale_uploads(crate::OwnerKey::DRAFT_PREFIX, before, BATCH)
                .await?;
            for key in &keys {
                self.files.delete(key).await?;
            }
            removed += keys.len();
            if keys.len() < BATCH as usize {
                return Ok(removed);
            }
        }
    }

    /// Deletes files older than [`UNREFERENCED_GRACE`] that no record names.
    async fn unreferenced(&self, now: Timestamp) -> anyhow::Result<usize> {
        let before = now.checked_sub(UNREFERENCED_GRACE)?;
        let old = self.files.keys_older_than("", before).await?;
        let named = self.store.referenced_storage_keys(&old).await?;
        let mut removed = 0;
        for key in old.iter().filter(|k| !named.contains(*k)) {
            self.files.delete(key).await?;
            removed += 1;
        }
        Ok(removed)
    }
}
