//! The e-Mailbox: the applicant's documents, their receipt recorded, and the public
//! check of a document by its code (/verify).

use bytes::Bytes;
use serde_json::json;

use super::{Applications, audit, normalize_verify_code};
use crate::applications::{Application, MailboxDocument};
use crate::audit::AuditAction;
use crate::paging::{PageNumber, Paged};
use crate::store::{Effects, MailboxLine};
use crate::{Account, Actor, DomainError};

impl Applications {
    /// A page of the e-Mailbox of `account`, newest first, and the number of unread
    /// documents in all of it.
    pub async fn mailbox(
        &self,
        account: &Account,
        page: PageNumber,
    ) -> Result<(Paged<MailboxLine>, i64), DomainError> {
        let slice = self.store.mailbox_of(&account.id, page.window()).await?;
        Ok((page.page_of(slice.documents), slice.unread))
    }

    /// A document of `account`'s e-Mailbox, without opening it (nothing is recorded:
    /// looking at the list, or a browser fetching a link ahead, is not receiving).
    pub async fn mailbox_document(
        &self,
        account: &Account,
        doc_id: &str,
    ) -> Result<MailboxDocument, DomainError> {
        self.store
            .mailbox_document(doc_id)
            .await?
            .filter(|d| d.account_id == account.id)
            .ok_or(DomainError::NotFound)
    }

    /// Opens a document of `account`'s e-Mailbox: the first opening is recorded as the
    /// delivery receipt (when the addressee received it), once; later ones change nothing.
    /// Only a deliberate action of the addressee (a form's post) calls this.
    pub async fn open_document(
        &self,
        account: &Account,
        doc_id: &str,
        actor: &Actor,
    ) -> Result<MailboxDocument, DomainError> {
        let mut doc = self.mailbox_document(account, doc_id).await?;
        if doc.opened_at.is_none() {
            let now = self.now();
            let effects = Effects::at(now).with_audit(audit(
                actor,
                AuditAction::MailboxOpened,
                &doc.id,
                json!({"kind": doc.kind}),
            ));
            self.store.mark_opened(&doc.id, now, &effects).await?;
            doc.opened_at = Some(now);
        }
        Ok(doc)
    }

    /// The file of an opened document of `account`'s e-Mailbox; `Conflict` while it has not
    /// been opened ([`Self::open_document`]).
    pub async fn document_file(
        &self,
        account: &Account,
        doc_id: &str,
    ) -> Result<(MailboxDocument, Bytes), DomainError> {
        let doc = self.mailbox_document(account, doc_id).await?;
        if doc.opened_at.is_none() {
            return Err(DomainError::Conflict);
        }
        let bytes = self.files.get(&doc.storage_key).await?;
        Ok((doc, bytes))
    }

    /// The public check of a confirmation code: the application and its applicant.
    pub async fn verify(
        &self,
        raw_code: &str,
    ) -> Result<Option<(Application, Account)>, DomainError> {
        let Some(code) = normalize_verify_code(raw_code) else {
            return Ok(None);
        };
        let Some(app) = self.store.application_by_verify_code(&code).await? else {
            return Ok(None);
        };
        let account = self.store.account(&app.account_id).await?;
        Ok(account.map(|a| (app, a)))
    }
}
