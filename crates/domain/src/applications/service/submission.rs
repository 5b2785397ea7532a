//! Submission: the last check of every step, the case reference, and the receipt
//! issued into the e-Mailbox.

use bytes::Bytes;
use serde_json::json;

use super::{Applications, audit, mail_job, new_case_reference, new_verify_code};
use crate::applications::steps::{self, StepId, StepInput};
use crate::applications::{
    Application, ApplicationStatus, CaseLetter, LetterBody, LetterKind, MailboxDocument,
};
use crate::audit::AuditAction;
use crate::clock::new_ordered_id;
use crate::jobs::IssueReceipt;
use crate::store::{Effects, NewJob};
use crate::{Account, Actor, ApplicationId, DomainError, FieldErrors, Upload};
use eforeigner_rules::case::{self, Move, Party};

impl Applications {
    /// Problems that keep the draft from being submitted: incomplete steps, and blocking
    /// reasons of the rules on the whole request as of today.
    pub async fn submission_problems(
        &self,
        account: &Account,
        app: &Application,
    ) -> Result<Vec<(StepId, FieldErrors)>, DomainError> {
        let uploads = self.uploads(app).await?;
        let input = StepInput::of(account, app, &uploads, self.today());
        Ok(steps::submission_problems(&input))
    }

    /// Submits a complete draft after the declaration, if its answers are still those the
    /// "Check your answers" page showed (`based_on`). Idempotent: submitting a case that is
    /// already submitted returns it unchanged (a double click never makes two cases).
    pub async fn submit(
        &self,
        account: &Account,
        id: &ApplicationId,
        declaration: bool,
        based_on: &str,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        // A second click that lost the race, like a payment confirmed meanwhile, changed no
        // answer: the next attempt finds the case submitted and returns it.
        self.while_answers_unchanged(account, id, based_on, || {
            self.submit_once(account, id, declaration, based_on, actor)
        })
        .await
    }

    /// One try of [`Self::submit`].
    async fn submit_once(
        &self,
        account: &Account,
        id: &ApplicationId,
        declaration: bool,
        based_on: &str,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let before = self.get(account, id).await?;
        if before.status == ApplicationStatus::Updating {
            return self
                .send_update(account, before, declaration, based_on, actor)
                .await;
        }
        if before.status != ApplicationStatus::Draft {
            return if before.submitted_at.is_some() {
                Ok(before)
            } else {
                Err(DomainError::Forbidden)
            };
        }
        self.check_sendable(account, &before, declaration, based_on)
            .await?;
        let now = self.now();
        let mut app = before.clone();
        app.submitted_at = Some(now);
        app.case_reference = Some(new_case_reference(self.today().year()));
        app.expires_at = None;
        app.department = before.residence_department();
        app.version += 1;
        app.updated_at = now;
        let mut effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::ApplicationSubmitted,
            app.id.as_str(),
            json!({}),
        ));
        let by_move = if app.paid_at.is_some() {
            Move::SubmitPaid
        } else {
            Move::Submit
        };
        app.status = case::next(before.status, by_move, Party::Applicant)
            .map_err(|_| DomainError::NotDraft)?;
        if app.status == ApplicationStatus::Submitted {
            self.mark_received(&mut app, &mut effects);
        }
        let events = vec![self.event(
            &app,
            Some(&account.id),
            Some(before.status),
            by_move.as_str(),
            None,
        )];
        // The files are checked again inside the write, with the row held: a file removed
        // (or added past the quota) in another tab since the check above stops the
        // submission instead of going into the case.
        let today = self.today();
        let complete = |current: &[Upload]| {
            let input = StepInput::of(account, &before, current, today);
            steps::submission_problems(&input).is_empty()
        };
        self.write_with_retry(&mut app, before.version, &events, Some(&complete), &effects)
            .await?;
        Ok(app)
    }

    /// Whether `app` may be sent as the "Check your answers" page showed it (`based_on`):
    /// the declaration made and every step complete (field errors), the answers unchanged
    /// meanwhile (`Conflict`). For a submission and for the corrections of an update alike.
    pub(super) async fn check_sendable(
        &self,
        account: &Account,
        app: &Application,
        declaration: bool,
        based_on: &str,
    ) -> Result<(), DomainError> {
        let mut errors = FieldErrors::default();
        if !declaration {
            errors.add("declaration", "declaration_required");
        }
        if !self.submission_problems(account, app).await?.is_empty() {
            errors.add("steps", "steps_incomplete");
        }
        errors.into_result()?;
        if app.answers_stamp() != based_on {
            return Err(DomainError::Conflict);
        }
        Ok(())
    }

    /// Paid and submitted ("Request submitted", the status already set by the move): the
    /// receipt job, the time of receipt and the code for /verify.
    pub(super) fn mark_received(&self, app: &mut Application, effects: &mut Effects) {
        app.received_at = Some(self.now());
        app.verify_code = Some(new_verify_code());
        effects.jobs.push(NewJob::of(
            format!("receipt-{}", app.id),
            &IssueReceipt {
                application_id: app.id.clone(),
            },
        ));
    }

    /// Runs the receipt job: writes the confirmation of receipt PDF into the e-Mailbox and
    /// tells the applicant by e-mail (no personal data in the mail). Idempotent: the file
    /// key and the mailbox row are fixed per application.
    pub async fn issue_receipt(&self, job: &IssueReceipt) -> anyhow::Result<()> {
        let id = &job.application_id;
        let app = self
            .store
            .application(id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no application {id}"))?;
        let account = self
            .store
            .account(&app.account_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no account"))?;
        let uploads = self.uploads(&app).await?;
        let pdf = self.documents.receipt_pdf(&account, &app, &uploads)?;
        let storage_key = format!("mailbox/{}/receipt.pdf", app.id);
        self.files
            .put(&storage_key, Bytes::from(pdf.clone()))
            .await?;
        let now = self.now();
        let doc = MailboxDocument {
            id: new_ordered_id(),
            account_id: account.id.clone(),
            application_id: Some(app.id.clone()),
            kind: "receipt".into(),
            case_reference: app.case_reference.clone(),
            file_name: format!(
                "confirmation-{}.pdf",
                app.case_reference.as_deref().unwrap_or("request")
            ),
            content_type: "application/pdf".into(),
            size_bytes: i64::try_from(pdf.len()).unwrap_or(0),
            storage_key,
            verify_code: app.verify_code.clone(),
            created_at: now,
            opened_at: None,
        };
        let effects = Effects::at(now).with_job(mail_job(
            format!("mail-receipt-{}", app.id),
            account.email.as_str(),
            account.language,
            "document-waiting",
            json!({"link": format!("{}/mailbox", self.public_url)}),
        ));
        self.store.insert_mailbox_document(&doc, &effects).await?;
        self.issue_certificate(&account, &app, now).await
    }

    /// The certificate of the initiated procedure (seed 004), delivered with the
    /// confirmation of receipt: the foreigner's registration number, which "the foreign
    /// citizen or their employer" needs. An applicant without one is given a new, valid
    /// number (the rules' check digit; register 66), which the account then holds.
    /// Idempotent: the document's id is fixed per case, and a number once given is kept.
    /// Listed just before `receipt_at`, the confirmation's time.
    async fn issue_certificate(
        &self,
        account: &Account,
        app: &Application,
        receipt_at: jiff::Timestamp,
    ) -> anyhow::Result<()> {
        let account = self.ensure_ebs(account, app).await?;
        let letter = CaseLetter {
            id: format!("certificate-{}", app.id),
            application_id: app.id.clone(),
            kind: LetterKind::Certificate,
            number: None,
            // Issued by the portal to the applicant: not an officer's letter.
            author_id: account.id.clone(),
            body: LetterBody {
                ebs: account.profile.ebs.as_ref().map(|e| e.as_str().to_string()),
                ..LetterBody::default()
            },
            created_at: app.received_at.unwrap_or_else(|| self.now()),
        };
        let pdf = self.documents.letter_pdf(&account, app, &letter)?;
        let storage_key = format!("mailbox/{}/certificate.pdf", app.id);
        self.files
            .put(&storage_key, Bytes::from(pdf.clone()))
            .await?;
        let doc = MailboxDocument {
            id: letter.id.clone(),
            account_id: account.id.clone(),
            application_id: Some(app.id.clone()),
            kind: LetterKind::Certificate.as_str().into(),
            case_reference: app.case_reference.clone(),
            file_name: format!(
                "certificate-{}.pdf",
                app.case_reference.as_deref().unwrap_or("request")
            ),
            content_type: "application/pdf".into(),
            size_bytes: i64::try_from(pdf.len()).unwrap_or(0),
            storage_key,
            verify_code: None,
            // Listed just after the confirmation of receipt (the e-Mailbox is newest first).
            created_at: receipt_at
                .checked_sub(jiff::SignedDuration::from_micros(1))
                .unwrap_or(receipt_at),
            opened_at: None,
        };
        self.store
            .insert_mailbox_document(&doc, &Effects::at(self.now()))
            .await?;
        Ok(())
    }

    /// `account` holding a foreigner's registration number: its own, or a new one for the
    /// date of birth (the account's, else the request's), not held by another account.
    async fn ensure_ebs(&self, account: &Account, app: &Application) -> anyhow::Result<Account> {
        if account.profile.ebs.is_some() {
            return Ok(account.clone());
        }
        let born = account.profile.date_of_birth.or_else(|| {
            app.answers
                .get(StepId::Personal, "date_of_birth")
                .parse::<jiff::civil::Date>()
                .ok()
        });
        let Some(born) = born else {
            return Ok(account.clone());
        };
        for _ in 0..20 {
            let serial = rand::Rng::random_range(&mut rand::rng(), 0..1000u16);
            let Some(ebs) =
                eforeigner_rules::Ebs::assign(born, eforeigner_rules::EbsRegister::Other, serial)
            else {
                return Ok(account.clone());
            };
            if self.store.ebs_in_use(ebs.as_str()).await? {
                continue;
            }
            let mut updated = account.clone();
            updated.profile.has_ebs = Some(crate::HasEbs::Yes);
            updated.profile.ebs = Some(ebs);
            updated.updated_at = self.now();
            let effects = Effects::at(updated.updated_at).with_audit(crate::store::NewAudit {
                action: AuditAction::AccountEbsAssigned.as_str().into(),
                subject_id: Some(account.id.to_string()),
                details: json!({"application": app.id.as_str()}).to_string(),
                ..crate::store::NewAudit::default()
            });
            self.store
                .update_account(
                    &updated,
                    account.updated_at,
                    &crate::store::UploadMove::default(),
                    &effects,
                )
                .await?;
            return Ok(updated);
        }
        anyhow::bail!("no free registration number for {born}")
    }
}
