//! Officers' verification of new accounts: the queue, the case, approval,
//! rejection and the applicant's correction.

use serde_json::json;

use super::register::FormFiles;
use super::{Accounts, FormRejected, RegisterError, audit, job_mail, owner_key};
use crate::access::{self, Permission};
use crate::audit::AuditAction;
use crate::registration::{RegistrationInput, check_identity};
use crate::store::{Effects, UploadMove};
use crate::uploads::IncomingFile;
use crate::{
    Account, AccountId, AccountStatus, Actor, DomainError, FieldErrors, Profile, RejectionReason,
    Upload,
};

impl Accounts {
    /// The account `account_id` if it waits for an officer's decision: `NotFound` when
    /// there is none, `Conflict` when it is not (or no longer) in the queue.
    async fn awaiting_verification(&self, account_id: &AccountId) -> Result<Account, DomainError> {
        let account = self
            .store
            .account(account_id)
            .await?
            .ok_or(DomainError::NotFound)?;
        if account.status != AccountStatus::AwaitingVerification
            || !access::is_verified_by_officers(account.role)
        {
            return Err(DomainError::Conflict);
        }
        Ok(account)
    }

    /// The verification queue: accounts awaiting verification, oldest first.
    pub async fn verification_queue(&self, officer: &Account) -> Result<Vec<Account>, DomainError> {
        require_verifier(officer)?;
        Ok(self
            .store
            .accounts_in_status(AccountStatus::AwaitingVerification, 500)
            .await?)
    }

    /// One account with its documents, for an officer's decision (the access is audited).
    pub async fn verification_case(
        &self,
        officer: &Account,
        account_id: &AccountId,
        actor: &Actor,
    ) -> Result<(Account, Vec<Upload>), DomainError> {
        require_verifier(officer)?;
        let account = self
            .store
            .account(account_id)
            .await?
            .ok_or(DomainError::NotFound)?;
        if !access::is_verified_by_officers(account.role) {
            return Err(DomainError::NotFound);
        }
        self.store
            .append_audit(
                &[audit(
                    actor,
                    AuditAction::PersonalDataViewed,
                    Some(account.id.as_str()),
                    json!({}),
                )],
                self.now(),
            )
            .await?;
        let docs = self.store.uploads_of(&owner_key(&account.id)).await?;
        Ok((account, docs))
    }

    /// Approves an account awaiting verification; an activation e-mail follows.
    pub async fn approve(
        &self,
        officer: &Account,
        account_id: &AccountId,
        actor: &Actor,
    ) -> Result<Account, DomainError> {
        require_verifier(officer)?;
        let account = self.awaiting_verification(account_id).await?;
        let now = self.now();
        let mut updated = account.clone();
        updated.status = AccountStatus::Active;
        updated.verified_at = Some(now);
        updated.verified_by = Some(officer.id.clone());
        updated.rejection_reason = None;
        updated.rejection_note = None;
        updated.updated_at = now;
        let effects = Effects::at(now)
            .with_job(job_mail(
                account.email.as_str(),
                account.language,
                "account-activated",
                json!({"name": account.profile.given_names, "link": format!("{}/login/password", self.public_url)}),
            ))
            .with_audit(audit(actor, AuditAction::VerificationApproved, Some(account.id.as_str()), json!({})));
        self.save(&updated, &account, &effects).await?;
        Ok(updated)
    }

    /// Rejects an account awaiting verification, with a reason and a note; the applicant is
    /// told by e-mail and may correct the data.
    pub async fn reject(
        &self,
        officer: &Account,
        account_id: &AccountId,
        reason: &str,
        note: &str,
        actor: &Actor,
    ) -> Result<Account, DomainError> {
        require_verifier(officer)?;
        let mut errors = FieldErrors::default();
        let reason = RejectionReason::parse(reason.trim());
        if reason.is_none() {
            errors.add("reason", "choose_one");
        }
        let note = note.trim();
        if reason == Some(RejectionReason::Other) && note.is_empty() {
            errors.add("note", "note_required_for_other");
        }
        if note.chars().count() > 1000 {
            errors.add_with("note", "too_long", &[("max", "1000".into())]);
        }
        errors.into_result()?;
        let account = self.awaiting_verification(account_id).await?;
        let now = self.now();
        let mut updated = account.clone();
        updated.status = AccountStatus::Rejected;
        updated.rejection_reason = reason;
        updated.rejection_note = (!note.is_empty()).then(|| note.to_string());
        updated.verified_by = Some(officer.id.clone());
        updated.updated_at = now;
        let reason_code = reason.map(|r| r.as_str()).unwrap_or("other");
        let effects = Effects::at(now)
            .with_job(job_mail(
                account.email.as_str(),
                account.language,
                "account-rejected",
                json!({"reason": reason_code, "note": note, "link": format!("{}/account/correct", self.public_url)}),
            ))
            .with_audit(audit(actor, AuditAction::VerificationRejected, Some(account.id.as_str()), json!({"reason": reason_code})));
        self.save(&updated, &account, &effects).await?;
        Ok(updated)
    }

    /// After a rejection: corrects the identity data and (optionally) replaces the documents;
    /// the account returns to the verification queue.
    pub async fn correct_registration(
        &self,
        account: &Account,
        input: &RegistrationInput,
        files: Vec<IncomingFile>,
        draft_token: Option<String>,
        actor: &Actor,
    ) -> Result<Account, RegisterError> {
        if account.status != AccountStatus::Rejected {
            return Err(DomainError::Conflict.into());
        }
        let FormFiles {
            draft_token,
            draft,
            kept,
            mut errors,
        } = self.receive_form_files(files, draft_token, actor).await?;
        let profile = check_identity(&mut errors, input, self.today());
        if !errors.is_empty() {
            return Err(RegisterError::Form(FormRejected {
                errors,
                draft_token,
                uploads: kept,
            }));
        }
        let now = self.now();
        let mut updated = account.clone();
        updated.profile = Profile {
            phone: account.profile.phone.clone(),
            ..profile
        };
        updated.status = AccountStatus::AwaitingVerification;
        updated.submitted_at = Some(now);
        updated.updated_at = now;
        let moves = if kept.is_empty() {
            UploadMove::default()
        } else {
            UploadMove {
                supersede_current: true,
                claim_from: Some(draft),
            }
        };
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::VerificationResubmitted,
            Some(account.id.as_str()),
            json!({"new_documents": kept.len()}),
        ));
        self.store
            .update_account(&updated, account.updated_at, &moves, &effects)
            .await
            .map_err(DomainError::from)?;
        Ok(updated)
    }
}

fn require_verifier(officer: &Account) -> Result<(), DomainError> {
    access::check(officer, Permission::VerifyAccounts).map_err(|_| DomainError::Forbidden)
}
