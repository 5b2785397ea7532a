//! Password recovery: the reset link by e-mail and the new password.

use serde_json::json;

use super::{Accounts, audit, context_words, job_mail};
use crate::audit::AuditAction;
use crate::clock::hash_secret;
use crate::registration::check_password;
use crate::sessions::ThrottleScope;
use crate::store::Effects;
use crate::{Account, Actor, DomainError, Email, FieldErrors, TokenPurpose};

impl Accounts {
    /// Sends a password-reset link if the account exists; answers the same either way.
    pub async fn request_password_reset(
        &self,
        email: &str,
        actor: &Actor,
    ) -> Result<(), DomainError> {
        self.throttle(&[(ThrottleScope::MailFrom, &actor.ip)])
            .await?;
        let Ok(email) = eforeigner_rules::email::Email::parse(email) else {
            return Ok(());
        };
        let now = self.now();
        let Some(account) = self.store.account_by_email(&email.normalized()).await? else {
            self.store
                .append_audit(
                    &[audit(
                        actor,
                        AuditAction::PasswordResetRequested,
                        None,
                        json!({"known": false}),
                    )],
                    now,
                )
                .await?;
            return Ok(());
        };
        if !self
            .mail_allowed("reset-password", account.email.as_str())
            .await?
        {
            return Ok(());
        }
        self.store
            .revoke_tokens(&account.id, TokenPurpose::ResetPassword, now)
            .await?;
        let (secret, token) = self.new_token(&account.id, TokenPurpose::ResetPassword, None);
        let effects = Effects::at(now)
            .with_job(job_mail(
                account.email.as_str(),
                account.language,
                "reset-password",
                json!({"link": self.link("/password/reset", &secret)}),
            ))
            .with_audit(audit(
                actor,
                AuditAction::PasswordResetRequested,
                Some(account.id.as_str()),
                json!({"known": true}),
            ));
        self.store.insert_token(&token, &effects).await?;
        Ok(())
    }

    /// Sets a new password through a reset link: unlocks the account, ends every session.
    pub async fn reset_password(
        &self,
        secret: &str,
        new_password: &str,
        actor: &Actor,
    ) -> Result<Account, DomainError> {
        let now = self.now();
        let token_hash = hash_secret(secret);
        let Some(account_id) = self
            .store
            .peek_token(&token_hash, TokenPurpose::ResetPassword, now)
            .await?
        else {
            return Err(DomainError::InvalidToken);
        };
        let account = self
            .store
            .account(&account_id)
            .await?
            .ok_or(DomainError::InvalidToken)?;
        let mut errors = FieldErrors::default();
        check_password(
            &mut errors,
            "password",
            new_password,
            &context_words(&account),
        );
        errors.into_result()?;
        let hash = self.hasher.hash(new_password).await?;
        let actor = actor.clone();
        let change = move |mut a: Account, _: Option<Email>| {
            a.password_hash = hash.clone();
            a.failed_logins = 0;
            a.locked_at = None;
            a.updated_at = now;
            let effects = Effects::at(now)
                .with_job(job_mail(
                    a.email.as_str(),
                    a.language,
                    "password-changed",
                    json!({}),
                ))
                .with_audit(audit(
                    &actor,
                    AuditAction::PasswordReset,
                    Some(a.id.as_str()),
                    json!({}),
                ));
            (a, effects)
        };
        let account = self
            .store
            .redeem_token(&token_hash, TokenPurpose::ResetPassword, now, &change)
            .await?
            .ok_or(DomainError::InvalidToken)?;
        self.store.end_all_sessions(&account.id, None, now).await?;
        self.store
            .throttle_clear(&ThrottleScope::Account.key(account.email.as_str()))
            .await?;
        Ok(account)
    }
}
