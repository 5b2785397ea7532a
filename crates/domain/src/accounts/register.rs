//! Registration with identity documents: the form's files kept across attempts,
//! the account created unconfirmed, and the e-mail confirmation.

use serde_json::json;

use super::{Accounts, FormRejected, IDENTITY_DOCUMENT, RegisterError, audit, job_mail};
use crate::audit::AuditAction;
use crate::clock::{hash_secret, new_id, new_secret};
use crate::registration::{RegistrationInput, check_registration};
use crate::sessions::ThrottleScope;
use crate::store::{Effects, StoreError, UploadMove};
use crate::uploads::{self, FileProblem, IncomingFile, MAX_REGISTRATION_FILES};
use crate::{
    Account, AccountId, AccountStatus, Actor, DomainError, Email, FieldErrors, Lang, OwnerKey,
    Role, TokenPurpose, Upload,
};

impl Accounts {
    /// Records the files received for `owner`, next to `existing` ones. Refused files are
    /// reported under `field` and their bytes deleted; valid ones are kept even when other
    /// fields fail.
    pub(super) async fn accept_files(
        &self,
        owner: &OwnerKey,
        existing: &mut Vec<Upload>,
        incoming: Vec<IncomingFile>,
        errors: &mut FieldErrors,
        field: &str,
    ) -> Result<(), DomainError> {
        for file in incoming {
            let name = file.file_name;
            let received = match file.received {
                Ok(r) => r,
                Err(problem) => {
                    refuse_registration_file(errors, field, problem, name);
                    continue;
                }
            };
            if let Err(refusal) = uploads::admit(&name, received.size, existing, REGISTRATION_QUOTA)
            {
                self.discard_file(&received.storage_key).await;
                refuse_registration_file(errors, field, registration_problem(refusal), name);
                continue;
            }
            let upload = received.into_upload(owner.clone(), IDENTITY_DOCUMENT, name, self.now());
            let size = upload.size_bytes;
            let recheck = |current: &[Upload]| {
                uploads::admit(&upload.file_name, size, current, REGISTRATION_QUOTA).is_ok()
            };
            match self
                .store
                .insert_upload(&upload, &recheck, &Effects::at(upload.created_at))
                .await
            {
                Ok(()) => {}
                Err(StoreError::Stale) => {
                    // Another request of the same form (another tab) got there first.
                    self.discard_file(&upload.storage_key).await;
                    *existing = self.store.uploads_of(owner).await?;
                    let refusal =
                        uploads::admit(&upload.file_name, size, existing, REGISTRATION_QUOTA)
                            .err()
                            .ok_or(DomainError::Conflict)?;
                    refuse_registration_file(
                        errors,
                        field,
                        registration_problem(refusal),
                        upload.file_name,
                    );
                    continue;
                }
                Err(e) => {
                    self.discard_file(&upload.storage_key).await;
                    return Err(e.into());
                }
            }
            existing.push(upload);
        }
        Ok(())
    }

    /// Deletes the bytes of a file no record names (refused).
    async fn discard_file(&self, storage_key: &str) {
        uploads::discard_key(self.files.as_ref(), storage_key).await;
    }

    /// Deletes the bytes of files received but not taken.
    pub async fn discard_incoming(&self, files: Vec<IncomingFile>) {
        uploads::discard(self.files.as_ref(), files).await;
    }

    /// The identity documents sent with a registration form (new, or a correction after a
    /// rejection): the form counts against the client address's quota (each may leave two
    /// 5 MB files behind for a day), then the files kept from earlier attempts under the
    /// form's draft token are read and the new ones added beside them.
    pub(super) async fn receive_form_files(
        &self,
        files: Vec<IncomingFile>,
        draft_token: Option<String>,
        actor: &Actor,
    ) -> Result<FormFiles, RegisterError> {
        if let Err(e) = self
            .throttle(&[(ThrottleScope::Registration, &actor.ip)])
            .await
        {
            self.discard_incoming(files).await;
            return Err(e.into());
        }
        let draft_token = draft_token
            .filter(|t| t.len() >= 32 && t.len() <= 64)
            .unwrap_or_else(new_secret);
        let draft = OwnerKey::draft(&draft_token);
        let mut kept = self
            .store
            .uploads_of(&draft)
            .await
            .map_err(DomainError::from)?;
        let mut errors = FieldErrors::default();
        self.accept_files(&draft, &mut kept, files, &mut errors, "documents")
            .await?;
        Ok(FormFiles {
            draft_token,
            draft,
            kept,
            errors,
        })
    }

    /// Registers a foreign citizen (seed 000). Files are kept under the draft token when the
    /// form has problems, so nothing uploaded is lost. An address already registered gets
    /// the same answer (no account enumeration); its owner is told by e-mail instead.
    pub async fn register(
        &self,
        input: &RegistrationInput,
        files: Vec<IncomingFile>,
        draft_token: Option<String>,
        lang: Lang,
        actor: &Actor,
    ) -> Result<(), RegisterError> {
        let FormFiles {
            draft_token,
            draft,
            kept,
            mut errors,
        } = self.receive_form_files(files, draft_token, actor).await?;
        if kept.is_empty() && errors.for_field("documents").is_none() {
            errors.add("documents", "documents_required");
        }
        let valid = match check_registration(input, self.today()) {
            Ok(v) if errors.is_empty() => v,
            Ok(_) => {
                return Err(RegisterError::Form(FormRejected {
                    errors,
                    draft_token,
                    uploads: kept,
                }));
            }
            Err(form_errors) => {
                errors.0.extend(form_errors.0);
                return Err(RegisterError::Form(FormRejected {
                    errors,
                    draft_token,
                    uploads: kept,
                }));
            }
        };
        let now = self.now();
        let email = valid.email.clone().into_normalized();
        let password_hash = self.hasher.hash(&valid.password).await?;
        let account = Account::new(
            AccountId::new(new_id()),
            email.clone(),
            password_hash,
            Role::Applicant,
            AccountStatus::PendingEmail,
            valid.profile,
            lang,
            now,
        );
        let (secret, token) = self.new_token(&account.id, TokenPurpose::ConfirmEmail, None);
        let effects = Effects::at(now)
            .with_job(job_mail(
                email.as_str(),
                lang,
                "confirm-email",
                json!({"name": account.profile.given_names, "link": self.link("/confirm-email", &secret)}),
            ))
            .with_audit(audit(actor, AuditAction::AccountRegistered, Some(account.id.as_str()), json!({"role": "applicant"})));
        let moves = UploadMove {
            supersede_current: false,
            claim_from: Some(draft),
        };
        match self
            .store
            .insert_account(&account, Some(&token), &moves, &effects)
            .await
        {
            Ok(()) => Ok(()),
            Err(crate::store::StoreError::Taken { .. }) => {
                let existing = self
                    .store
                    .account_by_email(email.as_str())
                    .await
                    .map_err(DomainError::from)?;
                for upload in kept {
                    self.discard_upload(&upload).await?;
                }
                if let Some(existing) = existing
                    && self
                        .mail_allowed("already-registered", existing.email.as_str())
                        .await?
                {
                    let effects = Effects::at(now)
                        .with_job(job_mail(
                            existing.email.as_str(),
                            existing.language,
                            "already-registered",
                            json!({"link": format!("{}/password/forgot", self.public_url)}),
                        ))
                        .with_audit(audit(
                            actor,
                            AuditAction::AccountRegistrationRepeated,
                            Some(existing.id.as_str()),
                            json!({}),
                        ));
                    self.store
                        .update_account(
                            &existing,
                            existing.updated_at,
                            &UploadMove::default(),
                            &effects,
                        )
                        .await
                        .map_err(DomainError::from)?;
                }
                Ok(())
            }
            Err(e) => Err(DomainError::from(e).into()),
        }
    }

    async fn discard_upload(&self, upload: &Upload) -> Result<(), DomainError> {
        if let Some(u) = self
            .store
            .delete_upload(&upload.owner_key, &upload.id)
            .await?
        {
            self.files.delete(&u.storage_key).await?;
        }
        Ok(())
    }

    /// Files kept for a registration draft.
    pub async fn draft_uploads(&self, draft_token: &str) -> Result<Vec<Upload>, DomainError> {
        Ok(self.store.uploads_of(&OwnerKey::draft(draft_token)).await?)
    }

    /// Checks and keeps files for a draft without submitting the form (used when the user
    /// removes a file: anything newly chosen in the same submission is kept too).
    pub async fn stash_draft_files(
        &self,
        draft_token: &str,
        files: Vec<IncomingFile>,
    ) -> Result<(Vec<Upload>, FieldErrors), DomainError> {
        let draft = OwnerKey::draft(draft_token);
        let mut kept = self.store.uploads_of(&draft).await?;
        let mut errors = FieldErrors::default();
        self.accept_files(&draft, &mut kept, files, &mut errors, "documents")
            .await?;
        Ok((kept, errors))
    }

    /// Removes one file of a registration draft.
    pub async fn remove_draft_upload(
        &self,
        draft_token: &str,
        upload_id: &str,
    ) -> Result<(), DomainError> {
        if let Some(u) = self
            .store
            .delete_upload(&OwnerKey::draft(draft_token), upload_id)
            .await?
        {
            self.files.delete(&u.storage_key).await?;
        }
        Ok(())
    }

    /// Sends a new confirmation link if the address waits for confirmation. Always answers
    /// the same, whether or not such an account exists.
    pub async fn resend_confirmation(&self, email: &str, actor: &Actor) -> Result<(), DomainError> {
        self.throttle(&[(ThrottleScope::MailFrom, &actor.ip)])
            .await?;
        let Ok(email) = eforeigner_rules::email::Email::parse(email) else {
            return Ok(());
        };
        let Some(account) = self.store.account_by_email(&email.normalized()).await? else {
            return Ok(());
        };
        if account.status != AccountStatus::PendingEmail
            || !self
                .mail_allowed("confirm-email", account.email.as_str())
                .await?
        {
            return Ok(());
        }
        let now = self.now();
        self.store
            .revoke_tokens(&account.id, TokenPurpose::ConfirmEmail, now)
            .await?;
        let (secret, token) = self.new_token(&account.id, TokenPurpose::ConfirmEmail, None);
        let effects = Effects::at(now)
            .with_job(job_mail(
                account.email.as_str(),
                account.language,
                "confirm-email",
                json!({"name": account.profile.given_names, "link": self.link("/confirm-email", &secret)}),
            ))
            .with_audit(audit(actor, AuditAction::EmailConfirmationResent, Some(account.id.as_str()), json!({})));
        self.store.insert_token(&token, &effects).await?;
        Ok(())
    }

    /// Whether a link is still usable (to show the right page before the user acts).
    pub async fn token_is_valid(
        &self,
        secret: &str,
        purpose: TokenPurpose,
    ) -> Result<bool, DomainError> {
        Ok(self
            .store
            .peek_token(&hash_secret(secret), purpose, self.now())
            .await?
            .is_some())
    }

    /// Confirms the address given at registration: the account joins the verification queue.
    pub async fn confirm_email(&self, secret: &str, actor: &Actor) -> Result<Account, DomainError> {
        let now = self.now();
        let actor = actor.clone();
        let change = move |mut a: Account, _new: Option<Email>| {
            let effects = Effects::at(now).with_audit(audit(
                &actor,
                AuditAction::EmailConfirmed,
                Some(a.id.as_str()),
                json!({}),
            ));
            if a.status == AccountStatus::PendingEmail {
                a.status = AccountStatus::AwaitingVerification;
                a.email_confirmed_at = Some(now);
                a.submitted_at = Some(now);
            }
            a.updated_at = now;
            (a, effects)
        };
        self.store
            .redeem_token(
                &hash_secret(secret),
                TokenPurpose::ConfirmEmail,
                now,
                &change,
            )
            .await?
            .ok_or(DomainError::InvalidToken)
    }
}

/// The identity document's files: [`MAX_REGISTRATION_FILES`], each within the per-file limit.
const REGISTRATION_QUOTA: uploads::Quota = uploads::Quota {
    files: MAX_REGISTRATION_FILES,
    bytes: i64::MAX,
};

/// The registration form's word for a refusal of the upload rules.
fn registration_problem(refusal: uploads::Refusal) -> FileProblem {
    match refusal {
        uploads::Refusal::DuplicateName => FileProblem::DuplicateName,
        uploads::Refusal::Full => FileProblem::TooMany,
    }
}

/// Adds the field error for a refused identity-document file.
fn refuse_registration_file(
    errors: &mut FieldErrors,
    field: &str,
    problem: FileProblem,
    name: String,
) {
    uploads::report(errors, field, problem, name, MAX_REGISTRATION_FILES);
}

/// What [`Accounts::receive_form_files`] found: the form's draft token (new when it had
/// none), the owner of its files, the files kept so far and the problems with the new ones.
pub(super) struct FormFiles {
    pub(super) draft_token: String,
    pub(super) draft: OwnerKey,
    pub(super) kept: Vec<Upload>,
    pub(super) errors: FieldErrors,
}
