//! The signed-in person's own account: e-mail, password, details, EBS, language,
//! sessions, sign-ins and their identity documents.

use bytes::Bytes;
use serde_json::json;

use super::{Accounts, audit, context_words, job_mail, owner_key};
use crate::access::{self, Permission};
use crate::audit::AuditAction;
use crate::clock::hash_secret;
use crate::registration::{check_email, check_password, check_phone};
use crate::store::{Effects, UploadMove};
use crate::{
    Account, AccountId, Actor, DomainError, Email, FieldErrors, Lang, Session, SignIn,
    TokenPurpose, Upload,
};

impl Accounts {
    /// Confirms a changed e-mail address.
    pub async fn confirm_email_change(
        &self,
        secret: &str,
        actor: &Actor,
    ) -> Result<Account, DomainError> {
        let now = self.now();
        let actor = actor.clone();
        let change = move |mut a: Account, new_email: Option<Email>| {
            let old = a.email.clone();
            let mut effects = Effects::at(now);
            if let Some(new_email) = new_email {
                a.email = new_email;
                effects = effects
                    .with_job(job_mail(
                        old.as_str(),
                        a.language,
                        "email-changed",
                        json!({}),
                    ))
                    .with_audit(audit(
                        &actor,
                        AuditAction::EmailChanged,
                        Some(a.id.as_str()),
                        json!({}),
                    ));
            }
            a.updated_at = now;
            (a, effects)
        };
        match self
            .store
            .redeem_token(
                &hash_secret(secret),
                TokenPurpose::ChangeEmail,
                now,
                &change,
            )
            .await
        {
            Ok(Some(a)) => Ok(a),
            Ok(None) => Err(DomainError::InvalidToken),
            // The new address is another account's (or, rarely, the account changed
            // between the token's redemption and its write: told the same, as before).
            Err(crate::store::StoreError::Taken { .. } | crate::store::StoreError::Stale) => {
                let mut errors = FieldErrors::default();
                errors.add("email", "email_taken");
                Err(DomainError::Invalid(errors))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Changes the password of a logged-in user (current one required); other sessions end.
    pub async fn change_password(
        &self,
        account: &Account,
        session_id: &str,
        current: &str,
        new_password: &str,
        actor: &Actor,
    ) -> Result<(), DomainError> {
        let mut errors = FieldErrors::default();
        self.check_current_password(account, current, actor, &mut errors, "current_password")
            .await?;
        check_password(
            &mut errors,
            "new_password",
            new_password,
            &context_words(account),
        );
        errors.into_result()?;
        let now = self.now();
        let mut updated = account.clone();
        updated.password_hash = self.hasher.hash(new_password).await?;
        updated.updated_at = now;
        let effects = Effects::at(now)
            .with_job(job_mail(
                account.email.as_str(),
                account.language,
                "password-changed",
                json!({}),
            ))
            .with_audit(audit(
                actor,
                AuditAction::PasswordChanged,
                Some(account.id.as_str()),
                json!({}),
            ));
        self.save(&updated, account, &effects).await?;
        self.store
            .end_all_sessions(&account.id, Some(session_id), now)
            .await?;
        Ok(())
    }

    /// Starts an e-mail change: a link goes to the new address, a notice to the old one.
    pub async fn change_email(
        &self,
        account: &Account,
        password: &str,
        new_email: &str,
        actor: &Actor,
    ) -> Result<(), DomainError> {
        let mut errors = FieldErrors::default();
        self.check_current_password(account, password, actor, &mut errors, "password")
            .await?;
        let email = check_email(&mut errors, "new_email", new_email);
        if let Some(e) = &email
            && e.normalized() == account.email.as_str()
        {
            errors.add("new_email", "email_same");
        }
        errors.into_result()?;
        let Some(email) = email else {
            return Err(DomainError::Conflict);
        };
        let now = self.now();
        if self
            .store
            .account_by_email(&email.normalized())
            .await?
            .is_some()
        {
            // Said nowhere: the same answer as for a free address.
            return Ok(());
        }
        self.store
            .revoke_tokens(&account.id, TokenPurpose::ChangeEmail, now)
            .await?;
        let (secret, token) = self.new_token(
            &account.id,
            TokenPurpose::ChangeEmail,
            Some(email.clone().into_normalized()),
        );
        let effects = Effects::at(now)
            .with_job(job_mail(
                &email.normalized(),
                account.language,
                "confirm-new-email",
                json!({"link": self.link("/confirm-email-change", &secret)}),
            ))
            .with_job(job_mail(
                account.email.as_str(),
                account.language,
                "email-change-requested",
                json!({}),
            ))
            .with_audit(audit(
                actor,
                AuditAction::EmailChangeRequested,
                Some(account.id.as_str()),
                json!({}),
            ));
        self.store.insert_token(&token, &effects).await?;
        Ok(())
    }

    /// Updates what verification does not fix: phone and language.
    pub async fn update_details(
        &self,
        account: &Account,
        phone: &str,
        language: Option<Lang>,
        actor: &Actor,
    ) -> Result<Account, DomainError> {
        let mut errors = FieldErrors::default();
        let phone = check_phone(&mut errors, phone);
        errors.into_result()?;
        let now = self.now();
        let mut updated = account.clone();
        updated.profile.phone = phone;
        if let Some(lang) = language {
            updated.language = lang;
        }
        updated.updated_at = now;
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::AccountDetailsChanged,
            Some(account.id.as_str()),
            json!({}),
        ));
        self.save(&updated, account, &effects).await?;
        Ok(updated)
    }

    /// Links the account to the foreigner's registration number (EBS) of the current
    /// permit, which an extension needs (seed 002). The number is checked (check digit,
    /// register 06/66); the inspector compares it with the permit on the case.
    pub async fn link_ebs(
        &self,
        account: &Account,
        raw: &str,
        actor: &Actor,
    ) -> Result<Account, DomainError> {
        let mut errors = FieldErrors::default();
        let ebs = if raw.trim().is_empty() {
            errors.add("ebs", "identifier_empty");
            None
        } else {
            match eforeigner_rules::Ebs::parse(raw) {
                Ok(n) => Some(n),
                Err(e) => {
                    errors.add_with("ebs", e.code(), &crate::registration::identifier_args(&e));
                    None
                }
            }
        };
        errors.into_result()?;
        let mut updated = account.clone();
        updated.profile.has_ebs = Some(crate::HasEbs::Yes);
        updated.profile.ebs = ebs;
        updated.updated_at = self.now();
        let effects = Effects::at(updated.updated_at).with_audit(audit(
            actor,
            AuditAction::AccountEbsLinked,
            Some(account.id.as_str()),
            json!({}),
        ));
        self.save(&updated, account, &effects).await?;
        Ok(updated)
    }

    /// Remembers the chosen language for pages and e-mails.
    pub async fn set_language(&self, account: &Account, lang: Lang) -> Result<(), DomainError> {
        if account.language == lang {
            return Ok(());
        }
        let mut updated = account.clone();
        updated.language = lang;
        updated.updated_at = self.now();
        self.store
            .update_account(
                &updated,
                account.updated_at,
                &UploadMove::default(),
                &Effects::at(self.now()),
            )
            .await?;
        Ok(())
    }

    /// The account's live sessions, most recent first.
    pub async fn sessions(&self, account: &Account) -> Result<Vec<Session>, DomainError> {
        let now = self.now();
        Ok(self
            .store
            .open_sessions(&account.id)
            .await?
            .into_iter()
            .filter(|s| s.is_live(now))
            .collect())
    }

    /// Recent sign-in attempts on the account.
    pub async fn sign_ins(&self, account: &Account) -> Result<Vec<SignIn>, DomainError> {
        Ok(self.store.recent_sign_ins(&account.id, 20).await?)
    }

    /// Ends one of the account's own sessions (`NotFound` for anyone else's).
    pub async fn end_session(
        &self,
        account: &Account,
        session_id: &str,
        actor: &Actor,
    ) -> Result<(), DomainError> {
        let now = self.now();
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::SessionEnded,
            Some(account.id.as_str()),
            json!({"session": session_id}),
        ));
        if self
            .store
            .end_session(&account.id, session_id, now, &effects)
            .await?
        {
            Ok(())
        } else {
            Err(DomainError::NotFound)
        }
    }

    /// The account's current identity documents.
    pub async fn documents_of(&self, account: &Account) -> Result<Vec<Upload>, DomainError> {
        Ok(self.store.uploads_of(&owner_key(&account.id)).await?)
    }

    /// Fetches a document for `viewer`: their own, or any for a verification officer (the
    /// access is audited). Anyone else gets `NotFound`, never a hint that it exists.
    pub async fn document_for(
        &self,
        viewer: &Account,
        upload_id: &str,
        actor: &Actor,
    ) -> Result<(Upload, Bytes), DomainError> {
        let upload = self
            .store
            .upload(upload_id)
            .await?
            .ok_or(DomainError::NotFound)?;
        let own = upload.owner_key == owner_key(&viewer.id);
        let officer = access::may(viewer, Permission::VerifyAccounts);
        let officer_may_see = officer && upload.owner_key.account().is_some();
        if !(own || officer_may_see) {
            return Err(DomainError::NotFound);
        }
        if !own {
            self.store
                .append_audit(
                    &[audit(
                        actor,
                        AuditAction::DocumentViewed,
                        upload.owner_key.account().map(AccountId::as_str),
                        json!({"upload": upload.id}),
                    )],
                    self.now(),
                )
                .await?;
        }
        let bytes = self.files.get(&upload.storage_key).await?;
        Ok((upload, bytes))
    }
}
