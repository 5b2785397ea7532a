//! Payments: a bank statement matched to fees, lines that need a person, and the
//! supervisor's confirmation.

use eforeigner_rules::Reference97;
use serde_json::json;

use super::{Applications, ImportReport, WRITE_ATTEMPTS, audit};
use crate::applications::{Application, ApplicationStatus, PaymentRecord};
use crate::audit::AuditAction;
use crate::clock::new_id;
use crate::payments::{PaymentLine, PaymentOutcome};
use crate::store::{Effects, StoreError};
use crate::{Account, AccountId, Actor, ApplicationId, DomainError, FieldErrors};
use eforeigner_rules::case::{self, Move, Party};

impl Applications {
    /// Confirms (or refuses) a payment line against the application with its reference.
    /// Idempotent by the line's key; an amount that differs is recorded and reported, never
    /// accepted.
    pub async fn confirm_payment(
        &self,
        line: &PaymentLine,
        recorded_by: Option<&AccountId>,
        note: Option<&str>,
        actor: &Actor,
    ) -> Result<PaymentOutcome, DomainError> {
        // The application can change between the read and the write (its applicant saves
        // a step of a draft paid before submission, or submits it): the payment is then
        // weighed again against the application as it is now, so a bank statement is
        // never stopped half-way by someone's ordinary work.
        for _ in 0..WRITE_ATTEMPTS {
            match self
                .confirm_payment_once(line, recorded_by, note, actor)
                .await
            {
                Err(DomainError::Conflict) => {}
                other => return other,
            }
        }
        Err(DomainError::Conflict)
    }

    /// One attempt of [`Self::confirm_payment`]: `Conflict` when the application changed
    /// after it was read.
    async fn confirm_payment_once(
        &self,
        line: &PaymentLine,
        recorded_by: Option<&AccountId>,
        note: Option<&str>,
        actor: &Actor,
    ) -> Result<PaymentOutcome, DomainError> {
        if let Some(seen) = self.store.payment_by_key(&line.source_key).await? {
            return self.seen_before(&seen).await;
        }
        let now = self.now();
        let mut record = PaymentRecord {
            id: new_id(),
            source: line.source.clone(),
            source_key: line.source_key.clone(),
            reference: line.reference.clone(),
            amount_para: line.amount_para,
            paid_on: line.paid_on.to_string(),
            payer: line.payer.clone(),
            outcome: String::new(),
            application_id: None,
            recorded_by: recorded_by.cloned(),
            note: note.map(str::to_owned),
            recorded_at: now,
            resolved_at: None,
            resolved_by: None,
            resolution_note: None,
        };
        let audit_entry = |outcome: &PaymentOutcome| {
            audit(
                actor,
                AuditAction::PaymentRecorded,
                &record.reference,
                json!({"source": line.source, "outcome": outcome.code(), "amount_para": line.amount_para}),
            )
        };
        let Some(before) = self
            .store
            .application_by_payment_reference(&line.reference)
            .await?
        else {
            let outcome = PaymentOutcome::UnknownReference;
            record.outcome = outcome.code().into();
            let effects = Effects::at(now).with_audit(audit_entry(&outcome));
            return self.record_only(&record, &effects, outcome).await;
        };
        record.application_id = Some(before.id.clone());
        if before.paid_at.is_some() {
            let outcome = PaymentOutcome::AlreadyPaid {
                application_id: before.id.clone(),
            };
            record.outcome = outcome.code().into();
            let effects = Effects::at(now).with_audit(audit_entry(&outcome));
            return self.record_only(&record, &effects, outcome).await;
        }
        let expected = before.fee_due_para.unwrap_or(0);
        if expected != line.amount_para {
            let outcome = PaymentOutcome::AmountMismatch {
                application_id: before.id.clone(),
                expected_para: expected,
            };
            record.outcome = outcome.code().into();
            let effects = Effects::at(now).with_audit(audit_entry(&outcome));
            return self.record_only(&record, &effects, outcome).await;
        }
        let outcome = PaymentOutcome::Matched {
            application_id: before.id.clone(),
        };
        record.outcome = outcome.code().into();
        let mut app = before.clone();
        app.paid_at = Some(now);
        app.version += 1;
        app.updated_at = now;
        let mut effects = Effects::at(now).with_audit(audit_entry(&outcome));
        let why = Some(line.source.clone());
        // A case waiting for its fee moves on; a draft paid early only records the payment
        // (its submission then moves it straight to "Request submitted").
        let moved = case::next(before.status, Move::ConfirmPayment, Party::PaymentDesk);
        let event = if let Ok(to) = moved {
            app.status = to;
            self.mark_received(&mut app, &mut effects);
            self.event(
                &app,
                recorded_by,
                Some(before.status),
                Move::ConfirmPayment.as_str(),
                why,
            )
        } else {
            self.event(
                &app,
                recorded_by,
                Some(before.status),
                "payment-received",
                why,
            )
        };
        match self
            .store
            .update_application(
                &app,
                before.version,
                &[event],
                Some(&record),
                None,
                &effects,
            )
            .await
        {
            Ok(()) => Ok(outcome),
            // The line recorded meanwhile (by another import) shows as the application
            // changed, or as the line taken.
            Err(StoreError::Taken { .. } | StoreError::Stale) => {
                if self.store.payment_by_key(&line.source_key).await?.is_some() {
                    Ok(PaymentOutcome::Duplicate)
                } else {
                    Err(DomainError::Conflict)
                }
            }
            Err(e) => Err(e.into()),
        }
    }

    /// The outcome of a line imported before: a line that needs attention says so again,
    /// on every import, until a supervisor resolves it ([`Self::resolve_payment_line`]);
    /// any other is a `duplicate`.
    async fn seen_before(&self, seen: &PaymentRecord) -> Result<PaymentOutcome, DomainError> {
        if !seen.needs_attention() {
            return Ok(PaymentOutcome::Duplicate);
        }
        let Some(application_id) = seen.application_id.clone() else {
            return Ok(PaymentOutcome::UnknownReference);
        };
        let expected_para = self
            .store
            .application(&application_id)
            .await?
            .and_then(|a| a.fee_due_para)
            .unwrap_or(0);
        Ok(PaymentOutcome::AmountMismatch {
            application_id,
            expected_para,
        })
    }

    /// Payment lines that need attention and are not resolved (supervisor's back office).
    pub async fn payment_lines_needing_attention(
        &self,
        officer: &Account,
    ) -> Result<Vec<PaymentRecord>, DomainError> {
        Self::ensure_supervisor(officer)?;
        Ok(self.store.payments_needing_attention(500).await?)
    }

    /// A supervisor marks a payment line that needed attention as resolved, saying how
    /// (refunded, paid the difference, matched by hand…).
    pub async fn resolve_payment_line(
        &self,
        officer: &Account,
        payment_id: &str,
        note: &str,
        actor: &Actor,
    ) -> Result<(), DomainError> {
        Self::ensure_supervisor(officer)?;
        let note = check_note(note)?;
        let now = self.now();
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::PaymentResolved,
            payment_id,
            json!({}),
        ));
        self.store
            .resolve_payment(payment_id, &officer.id, note, now, &effects)
            .await?;
        Ok(())
    }

    async fn record_only(
        &self,
        record: &PaymentRecord,
        effects: &Effects,
        outcome: PaymentOutcome,
    ) -> Result<PaymentOutcome, DomainError> {
        match self.store.insert_payment(record, effects).await {
            Ok(()) => Ok(outcome),
            Err(StoreError::Taken { .. }) => Ok(PaymentOutcome::Duplicate),
            Err(e) => Err(e.into()),
        }
    }

    /// Imports a bank statement (CSV with reference, amount, date, payer): each line is
    /// confirmed as by [`Self::confirm_payment`]. Idempotent: a line seen before is a
    /// `duplicate`; an amount that does not match is reported and never accepted.
    pub async fn import_statement(
        &self,
        text: &str,
        actor: &Actor,
    ) -> Result<ImportReport, DomainError> {
        let (lines, problems) = crate::payments::parse_statement(text);
        let mut report = ImportReport {
            unreadable: problems,
            ..ImportReport::default()
        };
        for line in lines {
            let outcome = self.confirm_payment(&line, None, None, actor).await?;
            report.lines.push((line, outcome));
        }
        Ok(report)
    }

    /// Applications waiting for payment (supervisor's back office).
    pub async fn awaiting_payment(
        &self,
        officer: &Account,
    ) -> Result<Vec<Application>, DomainError> {
        Self::ensure_supervisor(officer)?;
        Ok(self
            .store
            .applications_in_status(ApplicationStatus::AwaitingPayment, 500)
            .await?)
    }

    /// A supervisor confirms the payment of an application awaiting it (e.g. a payment
    /// seen on the treasury's statement but not yet imported).
    pub async fn confirm_payment_by_supervisor(
        &self,
        officer: &Account,
        application_id: &ApplicationId,
        note: &str,
        actor: &Actor,
    ) -> Result<PaymentOutcome, DomainError> {
        Self::ensure_supervisor(officer)?;
        let note = check_note(note)?;
        let app = self
            .store
            .application(application_id)
            .await?
            .ok_or(DomainError::NotFound)?;
        let (Some(reference), Some(due)) = (app.payment_reference.clone(), app.fee_due_para) else {
            return Err(DomainError::Conflict);
        };
        let line = PaymentLine {
            source: "supervisor".into(),
            source_key: format!("supervisor:{}", app.id),
            reference,
            amount_para: due,
            paid_on: self.today(),
            payer: String::new(),
        };
        self.confirm_payment(&line, Some(&officer.id), Some(note), actor)
            .await
    }

    /// The written model-97 reference of an application's fee (`97 NN-…`).
    pub fn written_reference(app: &Application) -> Option<Reference97> {
        app.payment_reference
            .as_deref()
            .and_then(|r| Reference97::compute(r).ok())
    }
}

/// A supervisor's note (required, at most 500 characters), trimmed.
fn check_note(note: &str) -> Result<&str, DomainError> {
    let mut errors = FieldErrors::default();
    let note = note.trim();
    if note.is_empty() {
        errors.add("note", "required");
    } else if note.chars().count() > 500 {
        errors.add_with("note", "too_long", &[("max", "500".into())]);
    }
    errors.into_result()?;
    Ok(note)
}
