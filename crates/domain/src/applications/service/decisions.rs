//! Decisions on a case, each a numbered letter in the e-Mailbox: approval (the permit's kind
//! and period from the rules at the decision date, the biometrics fees), and rejection on
//! the grounds of seed 004, proposed by the inspector and taking effect when a supervisor —
//! another person — confirms it. Also the job that delivers any letter of a case.

use bytes::Bytes;
use eforeigner_rules::case::{self, Move, Party};
use eforeigner_rules::residence::{self, FeeStage};
use serde_json::json;

use super::updates::{MAX_LETTER_CHARS, check_text};
use super::{Applications, audit, mail_job};
use crate::access::{self, Permission};
use crate::applications::steps::StepId;
use crate::applications::{
    Application, CaseLetter, LetterBody, LetterKind, MailboxDocument, RejectionProposal,
};
use crate::audit::AuditAction;
use crate::jobs::IssueLetter;
use crate::store::Effects;
use crate::{Account, Actor, ApplicationId, DomainError, FieldErrors};

/// What an officer may do on a case now: the case page offers exactly these, and the
/// service refuses anything else.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseAction {
    /// Take the submitted case.
    Take,
    /// Ask the applicant for documents or corrections.
    RequestUpdate,
    /// Take up the applicant's corrections.
    Resume,
    /// Approve.
    Approve,
    /// Propose a rejection (for a supervisor to confirm).
    ProposeRejection,
    /// Confirm the rejection another officer proposed.
    ConfirmRejection,
    /// Send a proposed rejection back to its inspector.
    ReturnRejection,
    /// Record that biometrics were taken (any officer of the department, at the visit).
    RecordBiometrics,
    /// Record that the card is ready for collection.
    CardReady,
    /// Record that the card was handed over.
    IssueCard,
}

/// What an inspector's proposed rejection says, as typed.
#[derive(Clone, Debug, Default)]
pub struct RejectionAsk {
    /// The codes of the grounds.
    pub grounds: Vec<String>,
    /// The reasoning.
    pub reasoning: String,
}

impl Applications {
    /// The actions `officer` may take on `app` now: the status machine's moves for an
    /// inspector, for the case's handler only (anyone of the department may take a
    /// submitted case); a pending rejection blocks the other decisions and is for a
    /// supervisor who did not propose it.
    pub fn case_actions(officer: &Account, app: &Application) -> Vec<CaseAction> {
        let handler = app.assignee_id.as_ref() == Some(&officer.id);
        let pending = app.rejection_proposal.as_ref();
        let mut actions = vec![];
        for m in case::moves_for(app.status, Party::Inspector) {
            match m {
                Move::Take => actions.push(CaseAction::Take),
                Move::RequestUpdate if handler && pending.is_none() => {
                    actions.push(CaseAction::RequestUpdate);
                }
                Move::Resume if handler => actions.push(CaseAction::Resume),
                Move::Approve if handler && pending.is_none() => {
                    actions.push(CaseAction::Approve);
                    actions.push(CaseAction::ProposeRejection);
                }
                // The counter's steps: whoever of the department is at the counter.
                Move::RecordBiometrics => actions.push(CaseAction::RecordBiometrics),
                Move::CardReady => actions.push(CaseAction::CardReady),
                Move::IssueCard => actions.push(CaseAction::IssueCard),
                _ => {}
            }
        }
        if let Some(p) = pending
            && case::next(app.status, Move::ConfirmRejection, Party::Supervisor).is_ok()
            && access::may(officer, Permission::ConfirmRejections)
            && p.by != officer.id
        {
            actions.push(CaseAction::ConfirmRejection);
            actions.push(CaseAction::ReturnRejection);
        }
        actions
    }

    /// `Conflict` unless `action` is one `officer` may take on `app` now.
    fn ensure_action(
        officer: &Account,
        app: &Application,
        action: CaseAction,
    ) -> Result<(), DomainError> {
        if Self::case_actions(officer, app).contains(&action) {
            Ok(())
        } else {
            Err(DomainError::Conflict)
        }
    }

    /// The letters of `app`, oldest first: for a case the caller has already reached
    /// through its access check (the case a move of theirs returned).
    pub async fn letters_of(&self, app: &Application) -> Result<Vec<CaseLetter>, DomainError> {
        Ok(self.store.case_letters(&app.id).await?)
    }

    /// The letters of the applicant's own case `id`, oldest first.
    pub async fn my_letters(
        &self,
        account: &Account,
        id: &ApplicationId,
    ) -> Result<Vec<CaseLetter>, DomainError> {
        let app = self.get(account, id).await?;
        Ok(self.store.case_letters(&app.id).await?)
    }

    /// The inspector handling the case `id` approves it: "Request approved", with the
    /// decision (numbered) in the e-Mailbox: the permit's kind and period from the rules
    /// as they stand today (field error `rules` when they give no period today: the
    /// passport too short, the basis ended…), the invitation to biometrics and its fees.
    pub async fn approve(
        &self,
        officer: &Account,
        id: &ApplicationId,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let before = self.handled_case(officer, id).await?;
        Self::ensure_action(officer, &before, CaseAction::Approve)?;
        let applicant = self.applicant_of(&before).await?;
        let today = self.today();
        let answer = self.rules_answer(&applicant, &before).await?;
        let Some((kind, from, until)) =
            answer.and_then(|a| Some((a.permit_kind?, a.valid_from?, a.valid_until?)))
        else {
            return Err(DomainError::invalid("rules", "decision_rules_no_period"));
        };
        let ground = before.answers.get(StepId::Reasons, "ground");
        let fees = residence::fees_for(before.kind, ground, today);
        let biometrics = i64::try_from(fees.total_for(FeeStage::Biometrics).para()).unwrap_or(0);
        let app = Self::moved(&before, Move::Approve, Party::Inspector, self.now())?;
        let effects = Effects::at(app.updated_at).with_audit(audit(
            actor,
            AuditAction::CaseApproved,
            app.id.as_str(),
            Self::officer_facts(officer),
        ));
        let body = LetterBody {
            permit: Some(kind.code().to_string()),
            valid_from: Some(from),
            valid_until: Some(until),
            biometrics_fee_para: Some(biometrics),
            ..LetterBody::default()
        };
        let effects = self.letter(&app, officer, LetterKind::Approval, body, effects);
        self.write_move(app, &before, Move::Approve.as_str(), &officer.id, &effects)
            .await
    }

    /// The rejection grounds that apply to `app` (by its kind and its ground's permit).
    pub async fn rejection_grounds(
        &self,
        app: &Application,
    ) -> Result<Vec<&'static residence::RejectionGround>, DomainError> {
        let permit = residence::find_ground(app.answers.get(StepId::Reasons, "ground"))
            .map(|g| g.terms().permit.value);
        Ok(eforeigner_rules::decisions::rejection_grounds_for(
            app.kind, permit,
        ))
    }

    /// The inspector handling the case `id` proposes to reject it, on `ask`'s grounds with
    /// its reasoning; the status stays until a supervisor confirms. Field errors: `grounds`
    /// (none, or not one of seed 004's), `reasoning` (required, at most
    /// [`super::updates::MAX_LETTER_CHARS`]).
    pub async fn propose_rejection(
        &self,
        officer: &Account,
        id: &ApplicationId,
        ask: &RejectionAsk,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let before = self.handled_case(officer, id).await?;
        Self::ensure_action(officer, &before, CaseAction::ProposeRejection)?;
        let allowed = self.rejection_grounds(&before).await?;
        let mut errors = FieldErrors::default();
        let mut grounds: Vec<String> = vec![];
        for code in &ask.grounds {
            if !allowed.iter().any(|g| g.code == code) {
                errors.add("grounds", "choose_one");
            } else if !grounds.contains(code) {
                grounds.push(code.clone());
            }
        }
        if ask.grounds.is_empty() {
            errors.add("grounds", "rejection_no_ground");
        }
        let reasoning = check_text(&mut errors, "reasoning", &ask.reasoning, MAX_LETTER_CHARS);
        errors.into_result()?;
        // In the order of the source.
        grounds.sort_by_key(|c| allowed.iter().position(|g| g.code == c));
        let now = self.now();
        let mut app = before.clone();
        app.rejection_proposal = Some(RejectionProposal {
            grounds: grounds.clone(),
            reasoning,
            by: officer.id.clone(),
            at: now,
        });
        app.version += 1;
        app.updated_at = now;
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::CaseRejectionProposed,
            app.id.as_str(),
            json!({
                "role": officer.role.as_str(),
                "department": officer.department.map(|d| d.slug),
                "grounds": grounds,
            }),
        ));
        self.write_move(app, &before, "rejection-proposed", &officer.id, &effects)
            .await
    }

    /// A supervisor of the department sends a proposed rejection back to its inspector:
    /// the proposal is dropped, the case stays where it is.
    pub async fn return_rejection(
        &self,
        supervisor: &Account,
        id: &ApplicationId,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let before = self.department_case(supervisor, id).await?;
        Self::ensure_action(supervisor, &before, CaseAction::ReturnRejection)?;
        let now = self.now();
        let mut app = before.clone();
        app.rejection_proposal = None;
        app.version += 1;
        app.updated_at = now;
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::CaseRejectionReturned,
            app.id.as_str(),
            Self::officer_facts(supervisor),
        ));
        self.write_move(app, &before, "rejection-returned", &supervisor.id, &effects)
            .await
    }

    /// A supervisor of the department — not the inspector who proposed it — confirms the
    /// proposed rejection of the case `id`: "Rejected", with the decision (numbered: the
    /// grounds, the reasoning, the legal remedy) in the e-Mailbox. `Conflict` without a
    /// proposal; the proposer is refused (`Conflict`: the action is not offered to them).
    pub async fn confirm_rejection(
        &self,
        supervisor: &Account,
        id: &ApplicationId,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let before = self.department_case(supervisor, id).await?;
        Self::ensure_action(supervisor, &before, CaseAction::ConfirmRejection)?;
        let Some(proposal) = before.rejection_proposal.clone() else {
            return Err(DomainError::Conflict);
        };
        let app = Self::moved(
            &before,
            Move::ConfirmRejection,
            Party::Supervisor,
            self.now(),
        )?;
        let effects = Effects::at(app.updated_at).with_audit(audit(
            actor,
            AuditAction::CaseRejected,
            app.id.as_str(),
            json!({
                "role": supervisor.role.as_str(),
                "department": supervisor.department.map(|d| d.slug),
                "proposed_by": proposal.by.as_str(),
            }),
        ));
        let body = LetterBody {
            message: proposal.reasoning.clone(),
            grounds: proposal.grounds.clone(),
            confirmed_by: Some(supervisor.id.clone()),
            ..LetterBody::default()
        };
        let effects = self.letter(&app, supervisor, LetterKind::Rejection, body, effects);
        self.write_move(
            app,
            &before,
            Move::ConfirmRejection.as_str(),
            &supervisor.id,
            &effects,
        )
        .await
    }

    /// Runs a letter's job: writes its PDF into the applicant's e-Mailbox (the document's
    /// id is the letter's, so a second run adds nothing) and tells the applicant by e-mail
    /// (no personal data in the mail).
    pub async fn issue_letter(&self, job: &IssueLetter) -> anyhow::Result<()> {
        let letter = self
            .store
            .case_letter(&job.letter_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no letter {}", job.letter_id))?;
        let app = self
            .store
            .application(&letter.application_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no application {}", letter.application_id))?;
        let account = self
            .store
            .account(&app.account_id)
            .await?
            .ok_or_else(|| anyhow::anyhow!("no account"))?;
        let pdf = self.documents.letter_pdf(&account, &app, &letter)?;
        let storage_key = format!("mailbox/{}/letter-{}.pdf", app.id, letter.id);
        self.files
            .put(&storage_key, Bytes::from(pdf.clone()))
            .await?;
        let reference = app.case_reference.clone().unwrap_or_default();
        let name = match &letter.number {
            Some(n) => n.to_string().replace('/', "-"),
            None => format!("{reference}-{}", letter.created_at.as_millisecond()),
        };
        let doc = MailboxDocument {
            id: letter.id.clone(),
            account_id: account.id.clone(),
            application_id: Some(app.id.clone()),
            kind: letter.kind.as_str().into(),
            case_reference: app.case_reference.clone(),
            file_name: format!("{}-{name}.pdf", letter.kind.as_str()),
            content_type: "application/pdf".into(),
            size_bytes: i64::try_from(pdf.len()).unwrap_or(0),
            storage_key,
            verify_code: None,
            created_at: self.now(),
            opened_at: None,
        };
        let effects = Effects::at(self.now()).with_job(mail_job(
            format!("mail-letter-{}", letter.id),
            account.email.as_str(),
            account.language,
            "document-waiting",
            json!({"link": format!("{}/mailbox", self.public_url)}),
        ));
        self.store.insert_mailbox_document(&doc, &effects).await?;
        Ok(())
    }
}
