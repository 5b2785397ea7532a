//! The account service: registration with identity documents, e-mail confirmation,
//! verification by officers, login and sessions, password recovery and account management.

mod hasher;
mod login;
mod operator;
mod recovery;
mod register;
mod settings;
mod verification;

use std::sync::Arc;

use jiff::Timestamp;
use serde_json::json;

use crate::audit::AuditAction;
use crate::clock::{hash_secret, new_id, new_secret};
use crate::jobs::SendEmail;
use crate::ports::files::Files;
use crate::sessions::{ThrottleScope, admit, seconds_until};
use crate::store::{Effects, NewAudit, NewJob, NewToken, Store, UploadMove};
use crate::{
    Account, AccountId, Actor, Clock, DomainError, Email, FieldErrors, Lang, OwnerKey, Session,
    TokenPurpose, Upload,
};

pub use hasher::PasswordHasher;

/// Purpose of identity-document uploads.
pub const IDENTITY_DOCUMENT: &str = "identity-document";

/// A failed registration or correction: what was wrong, and what the form must show again.
#[derive(Debug)]
pub struct FormRejected {
    /// The problems, per field.
    pub errors: FieldErrors,
    /// The draft token that keeps uploaded files across attempts.
    pub draft_token: String,
    /// Files already uploaded and kept.
    pub uploads: Vec<Upload>,
}

/// Why a registration did not complete.
#[derive(Debug)]
pub enum RegisterError {
    /// The form has problems (files already uploaded are kept).
    Form(FormRejected),
    /// Something internal failed.
    Domain(DomainError),
}

impl From<DomainError> for RegisterError {
    fn from(e: DomainError) -> Self {
        RegisterError::Domain(e)
    }
}

/// A successful login: the cookie secret and the session.
#[derive(Debug)]
pub struct LoggedIn {
    /// The secret for the session cookie (shown once, stored only hashed).
    pub secret: String,
    /// The session.
    pub session: Session,
    /// The account.
    pub account: Account,
}

/// The account service.
#[derive(Clone)]
pub struct Accounts {
    store: Arc<dyn Store>,
    files: Arc<dyn Files>,
    clock: Arc<dyn Clock>,
    hasher: PasswordHasher,
    public_url: String,
}

/// A `send-email` job for the outbox, with a new id.
fn job_mail(to: &str, lang: Lang, template: &str, args: serde_json::Value) -> NewJob {
    NewJob::of(new_id(), &SendEmail::new(to, lang, template, args))
}

/// An audit entry of `actor`.
pub(crate) fn audit(
    actor: &Actor,
    action: AuditAction,
    subject: Option<&str>,
    details: serde_json::Value,
) -> NewAudit {
    NewAudit {
        actor_id: actor.account_id.clone(),
        action: action.as_str().into(),
        subject_id: subject.map(str::to_owned),
        ip: Some(actor.ip.clone()),
        details: details.to_string(),
    }
}

/// The owner of an account's identity documents.
fn owner_key(account_id: &AccountId) -> OwnerKey {
    OwnerKey::Account(account_id.clone())
}

impl Accounts {
    /// Builds the service.
    pub fn new(
        store: Arc<dyn Store>,
        files: Arc<dyn Files>,
        clock: Arc<dyn Clock>,
        hasher: PasswordHasher,
        public_url: String,
    ) -> Self {
        Self {
            store,
            files,
            clock,
            hasher,
            public_url,
        }
    }

    /// The current time of the injected clock.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    fn today(&self) -> jiff::civil::Date {
        crate::clock::serbian_date(self.clock.now())
    }

    /// Writes `updated` over `before` (optimistic: `Conflict` if it changed meanwhile) with
    /// the change's effects, leaving uploads as they are.
    async fn save(
        &self,
        updated: &Account,
        before: &Account,
        effects: &Effects,
    ) -> Result<(), DomainError> {
        self.store
            .update_account(updated, before.updated_at, &UploadMove::default(), effects)
            .await?;
        Ok(())
    }

    fn link(&self, path: &str, token: &str) -> String {
        format!("{}{path}?token={token}", self.public_url)
    }

    fn new_token(
        &self,
        account_id: &AccountId,
        purpose: TokenPurpose,
        new_email: Option<Email>,
    ) -> (String, NewToken) {
        let secret = new_secret();
        let now = self.now();
        let token = NewToken {
            token_hash: hash_secret(&secret),
            account_id: account_id.clone(),
            purpose,
            new_email,
            created_at: now,
            expires_at: now.saturating_add(purpose.lifetime()).unwrap_or(now),
        };
        (secret, token)
    }

    /// Counts one attempt on each `(scope, subject)` before the work it guards, as
    /// [`admit`] decides: `Throttled` (nothing counted) when one of them must wait.
    pub(crate) async fn throttle(
        &self,
        throttles: &[(ThrottleScope, &str)],
    ) -> Result<(), DomainError> {
        let now = self.now();
        let keys: Vec<String> = throttles.iter().map(|(s, k)| s.key(k)).collect();
        let decide = |i: usize, counter| admit(throttles[i].0, counter, now);
        match self.store.throttle_attempt(&keys, now, &decide).await? {
            Ok(()) => Ok(()),
            Err(until) => Err(DomainError::Throttled {
                retry_after_secs: seconds_until(now, until),
            }),
        }
    }

    /// Whether one more e-mail of `kind` may go to `to` now ([`ThrottleScope::MailTo`]):
    /// when not, the mail is left out, said nowhere (the answer to the form is the same),
    /// and the suppression is audited.
    async fn mail_allowed(&self, kind: &str, to: &str) -> Result<bool, DomainError> {
        let subject = format!("{kind}:{to}");
        match self.throttle(&[(ThrottleScope::MailTo, &subject)]).await {
            Ok(()) => Ok(true),
            Err(DomainError::Throttled { .. }) => {
                let entry = NewAudit {
                    action: AuditAction::MailSuppressed.as_str().into(),
                    details: json!({"kind": kind}).to_string(),
                    ..NewAudit::default()
                };
                self.store.append_audit(&[entry], self.now()).await?;
                Ok(false)
            }
            Err(e) => Err(e),
        }
    }
}

fn context_words(account: &Account) -> Vec<&str> {
    vec![
        account.profile.given_names.as_str(),
        account.profile.surname.as_str(),
        account.email.local_part(),
        account.email.as_str(),
    ]
}
