//! The draft's documents: files added to a step's items under the quota, removed and
//! read back.

use bytes::Bytes;
use serde_json::json;

use super::{Applications, MAX_BYTES, MAX_FILES, UPLOAD_QUOTA, audit};
use crate::applications::steps::{self, StepId, StepInput};
use crate::applications::{Application, upload_owner};
use crate::audit::AuditAction;
use crate::store::{Effects, StoreError};
use crate::uploads::{self, FileProblem, IncomingFile};
use crate::{Account, Actor, ApplicationId, DomainError, FieldErrors, Upload};

impl Applications {
    /// The draft `id` of `account` ready to take files: a draft whose documentation step
    /// can be opened, with its checklist and current files. Read while the files are still
    /// arriving (the upload handler does both at once); [`Self::add_files`] then checks each
    /// file against the files as they are when it is recorded.
    pub async fn file_target(
        &self,
        account: &Account,
        id: &ApplicationId,
    ) -> Result<FileTarget, DomainError> {
        let app = self.own_editable(account, id, StepId::Documents).await?;
        let existing = self.uploads(&app).await?;
        let input = StepInput::of(account, &app, &existing, self.today());
        if !steps::can_open(StepId::Documents, &input) {
            return Err(DomainError::Forbidden);
        }
        // On a request for an update, only the items the inspector named take files.
        let items = steps::document_items(&input)
            .into_iter()
            .map(|i| i.code)
            .filter(|code| app.may_change_item(code))
            .collect();
        Ok(FileTarget {
            app,
            existing,
            items,
        })
    }

    /// Adds files received for one checklist item of the documentation step of `target`
    /// (from [`Self::file_target`]): each is recorded, or refused (reported under the item's
    /// field) and its bytes deleted.
    pub async fn add_files(
        &self,
        target: FileTarget,
        item: &str,
        files: Vec<IncomingFile>,
        actor: &Actor,
    ) -> Result<Vec<Upload>, DomainError> {
        let FileTarget {
            app,
            mut existing,
            items,
        } = target;
        let field = format!("doc_{item}");
        let mut errors = FieldErrors::default();
        if !items.contains(&item) {
            self.discard_incoming(files).await;
            errors.add(&field, "choose_one");
            return Err(DomainError::Invalid(errors));
        }
        if files.is_empty() {
            errors.add(&field, "file_none_chosen");
        }
        let mut added = vec![];
        let mut files = files.into_iter();
        while let Some(file) = files.next() {
            let name = file.file_name;
            let received = match file.received {
                Ok(r) => r,
                Err(p) => {
                    uploads::report(&mut errors, &field, p, name, uploads::MAX_FILES_PER_FORM);
                    continue;
                }
            };
            // Names are unique within a checklist item: two items may each have a
            // "scan.pdf" (a passport scan and a lease), one item may not have it twice.
            let same_item: Vec<Upload> = existing
                .iter()
                .filter(|u| u.purpose == item)
                .cloned()
                .collect();
            if let Err(refusal) =
                uploads::admit_to_item(&name, received.size, &same_item, &existing, UPLOAD_QUOTA)
            {
                self.discard_file(&received.storage_key).await;
                refuse_file(&mut errors, &field, refusal, name);
                if refusal == uploads::Refusal::Full {
                    self.discard_incoming(files.collect()).await;
                    break;
                }
                continue;
            }
            let upload = received.into_upload(upload_owner(&app.id), item, name, self.now());
            let size = upload.size_bytes;
            let effects = Effects::at(upload.created_at).with_audit(audit(
                actor,
                AuditAction::ApplicationFileAdded,
                app.id.as_str(),
                json!({"item": item, "upload": upload.id, "size": upload.size_bytes}),
            ));
            let recheck = |current: &[Upload]| {
                let same: Vec<Upload> = current
                    .iter()
                    .filter(|u| u.purpose == item)
                    .cloned()
                    .collect();
                uploads::admit_to_item(&upload.file_name, size, &same, current, UPLOAD_QUOTA)
                    .is_ok()
            };
            let recorded = self
                .store
                .add_draft_file(&app.id, &upload, &recheck, &effects)
                .await;
            match recorded {
                Ok(()) => {}
                Err(StoreError::Precondition) => {
                    // Submitted (or deleted) from another tab while this file arrived: the
                    // case keeps the files it was submitted with.
                    self.discard_file(&upload.storage_key).await;
                    self.discard_incoming(files.collect()).await;
                    return Err(DomainError::NotDraft);
                }
                Err(StoreError::Stale) => {
                    // Another upload to this draft (another tab) took the name or the last
                    // place while this file was written: the written file goes, and the
                    // applicant is told why from the draft's files as they are now.
                    self.discard_file(&upload.storage_key).await;
                    existing = self.uploads(&app).await?;
                    let same: Vec<Upload> = existing
                        .iter()
                        .filter(|u| u.purpose == item)
                        .cloned()
                        .collect();
                    let refusal = uploads::admit_to_item(
                        &upload.file_name,
                        size,
                        &same,
                        &existing,
                        UPLOAD_QUOTA,
                    )
                    .err()
                    .ok_or(DomainError::Conflict)?;
                    refuse_file(&mut errors, &field, refusal, upload.file_name);
                    continue;
                }
                Err(e) => {
                    self.discard_file(&upload.storage_key).await;
                    self.discard_incoming(files.collect()).await;
                    return Err(e.into());
                }
            }
            existing.push(upload.clone());
            added.push(upload);
        }
        if errors.is_empty() {
            Ok(added)
        } else {
            Err(DomainError::Invalid(errors))
        }
    }

    /// Deletes the bytes of a file no record names (refused).
    async fn discard_file(&self, storage_key: &str) {
        uploads::discard_key(self.files.as_ref(), storage_key).await;
    }

    /// Deletes the bytes of files received but not taken.
    pub async fn discard_incoming(&self, files: Vec<IncomingFile>) {
        uploads::discard(self.files.as_ref(), files).await;
    }

    /// Removes a file from a draft.
    pub async fn remove_file(
        &self,
        account: &Account,
        id: &ApplicationId,
        upload_id: &str,
        actor: &Actor,
    ) -> Result<(), DomainError> {
        let app = self.own_editable(account, id, StepId::Documents).await?;
        // On a request for an update, only the files of the items named may go.
        if app.status != crate::applications::ApplicationStatus::Draft {
            let upload = self
                .uploads(&app)
                .await?
                .into_iter()
                .find(|u| u.id == upload_id)
                .ok_or(DomainError::NotFound)?;
            if !app.may_change_item(&upload.purpose) {
                return Err(DomainError::NotDraft);
            }
        }
        let effects = Effects::at(self.now()).with_audit(audit(
            actor,
            AuditAction::ApplicationFileRemoved,
            app.id.as_str(),
            json!({"upload": upload_id}),
        ));
        // The record goes only while the application is still a draft (checked again with
        // its row held): a submitted case keeps its files.
        let removed = match self
            .store
            .remove_draft_file(&app.id, upload_id, &effects)
            .await
        {
            Ok(removed) => removed,
            Err(StoreError::Precondition) => return Err(DomainError::NotDraft),
            Err(e) => return Err(e.into()),
        };
        if let Err(e) = self.files.delete(&removed.storage_key).await {
            tracing::warn!(error = %e, "file left behind after delete");
        }
        Ok(())
    }

    /// One file of an application of `account`, with its bytes.
    pub async fn file(
        &self,
        account: &Account,
        id: &ApplicationId,
        upload_id: &str,
    ) -> Result<(Upload, Bytes), DomainError> {
        let app = self.get(account, id).await?;
        let upload = self
            .store
            .upload(upload_id)
            .await?
            .filter(|u| u.owner_key == upload_owner(&app.id))
            .ok_or(DomainError::NotFound)?;
        let bytes = self.files.get(&upload.storage_key).await?;
        Ok((upload, bytes))
    }
}

/// A draft ready to take files, from [`Applications::file_target`].
#[derive(Debug)]
pub struct FileTarget {
    app: Application,
    existing: Vec<Upload>,
    items: Vec<&'static str>,
}

/// Adds the field error for a file that may not join the draft's files.
fn refuse_file(errors: &mut FieldErrors, field: &str, refusal: uploads::Refusal, name: String) {
    match refusal {
        uploads::Refusal::DuplicateName => {
            errors.add_with(field, FileProblem::DuplicateName.code(), &[("name", name)]);
        }
        uploads::Refusal::Full => errors.add_with(
            field,
            "file_quota",
            &[
                ("files", MAX_FILES.to_string()),
                ("mb", (MAX_BYTES / 1024 / 1024).to_string()),
            ],
        ),
    }
}
