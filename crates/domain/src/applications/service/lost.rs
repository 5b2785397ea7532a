//! A lost permit (seed 004): the holder reports it from their account; the permit is
//! declared invalid and listed on the public page of invalidated permits — its number and
//! the date, nothing about the person. A permit's number is its approval decision's.

use jiff::Timestamp;
use serde_json::json;

use super::{Applications, audit, mail_job};
use crate::applications::{Application, ApplicationStatus, LetterKind};
use crate::audit::AuditAction;
use crate::paging::{PageNumber, Paged};
use crate::store::Effects;
use crate::{Account, Actor, ApplicationId, DomainError};

impl Applications {
    /// The number of the permit a case led to: its approval decision's number.
    async fn permit_number(&self, app: &Application) -> Result<Option<String>, DomainError> {
        Ok(self
            .store
            .case_letters(&app.id)
            .await?
            .into_iter()
            .find(|l| l.kind == LetterKind::Approval)
            .and_then(|l| l.number.map(|n| n.to_string())))
    }

    /// When the permit of the applicant's own case `id` was declared invalid.
    pub async fn permit_invalidated_at(
        &self,
        account: &Account,
        id: &ApplicationId,
    ) -> Result<Option<Timestamp>, DomainError> {
        let app = self.get(account, id).await?;
        Ok(self.store.permit_invalidated_at(&app.id).await?)
    }

    /// Whether the holder may report the permit of `app` lost: its card was issued.
    pub fn may_report_lost(app: &Application) -> bool {
        app.status == ApplicationStatus::CardIssued
    }

    /// The holder reports the permit of their case `id` lost: it is declared invalid now
    /// and listed publicly (number and date); the holder is told by e-mail. Reporting it
    /// again changes nothing. `Conflict` before the card was issued.
    pub async fn report_lost(
        &self,
        account: &Account,
        id: &ApplicationId,
        actor: &Actor,
    ) -> Result<String, DomainError> {
        let app = self.get(account, id).await?;
        if !Self::may_report_lost(&app) {
            return Err(DomainError::Conflict);
        }
        let number = self
            .permit_number(&app)
            .await?
            .ok_or(DomainError::Conflict)?;
        let now = self.now();
        let effects = Effects::at(now)
            .with_audit(audit(
                actor,
                AuditAction::PermitReportedLost,
                app.id.as_str(),
                json!({"number": number}),
            ))
            .with_job(mail_job(
                format!("permit-invalidated-{}", app.id),
                account.email.as_str(),
                account.language,
                "permit-invalidated",
                json!({"number": number}),
            ));
        self.store
            .invalidate_permit(&app.id, &number, now, &effects)
            .await?;
        Ok(number)
    }

    /// A page of the invalidated permits, newest first (public).
    pub async fn invalidated_permits(
        &self,
        page: PageNumber,
    ) -> Result<Paged<(String, Timestamp)>, DomainError> {
        let rows = self.store.invalidated_permits(page.window()).await?;
        Ok(page.page_of(rows))
    }
}
