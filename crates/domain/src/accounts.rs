//! The account service: registration with identity documents, e-mail confirmation,
//! verification by officers, login and sessions, password recovery and account management.

use std::sync::Arc;

use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier as _, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use bytes::Bytes;
use jiff::{SignedDuration, Timestamp};
use serde_json::json;

use super::clock::{hash_secret, new_id, new_secret};
use super::registration::{
    RegistrationInput, check_email, check_identity, check_password, check_phone, check_registration,
};
use super::sessions::{LOCK_AFTER_FAILURES, ThrottleScope, admit, limits_for, seconds_until};
use super::uploads::{self, FileProblem, IncomingFile, MAX_REGISTRATION_FILES};
use super::{
    Account, AccountStatus, Actor, Clock, DomainError, FieldErrors, Lang, Profile, RejectionReason,
    Role, Session, SignIn, TokenPurpose, Upload,
};
use crate::access::{self, Permission};
use crate::audit::AuditAction;
use crate::jobs::SendEmail;
use crate::ports::files::Files;
use crate::store::{Effects, NewAudit, NewJob, NewToken, Store, StoreError, UploadMove};

/// Purpose of identity-document uploads.
pub const IDENTITY_DOCUMENT: &str = "identity-document";

/// Argon2id with the OWASP parameters (m = 19 MiB, t = 2, p = 1). Hashing runs on the
/// blocking thread pool so it never stalls the async runtime.
#[derive(Clone)]
pub struct PasswordHasher {
    argon: Argon2<'static>,
    dummy_hash: Arc<String>,
    /// At most one hash per core at a time: more in flight only adds page faults for the
    /// 19 MiB each allocates and scheduling, so extra logins wait their turn instead.
    permits: Arc<tokio::sync::Semaphore>,
    /// Argon2's working memory (19 MiB each with our parameters), kept between
    /// verifications instead of allocated, zeroed and page-faulted in for every login (that
    /// was about a fifth of a verification's CPU in the login benchmark). At most one per
    /// permit, so at most one per core stays allocated. Argon2 writes every block before it
    /// reads it, so nothing of one verification reaches the next.
    memory: Arc<std::sync::Mutex<Vec<Vec<argon2::Block>>>>,
}

impl PasswordHasher {
    /// The hasher with OWASP parameters; computes the dummy hash used for unknown accounts.
    pub fn new() -> anyhow::Result<Self> {
        let params = Params::new(19_456, 2, 1, None).map_err(|e| anyhow::anyhow!("{e}"))?;
        let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        let dummy = argon
            .hash_password(b"no account has this password", &salt)
            .map_err(|e| anyhow::anyhow!("{e}"))?
            .to_string();
        let cores = std::thread::available_parallelism()
            .map(std::num::NonZero::get)
            .unwrap_or(1);
        Ok(Self {
            argon,
            dummy_hash: Arc::new(dummy),
            permits: Arc::new(tokio::sync::Semaphore::new(cores)),
            memory: Arc::default(),
        })
    }

    /// Hashes a password (PHC string).
    pub async fn hash(&self, password: &str) -> Result<String, DomainError> {
        let argon = self.argon.clone();
        let password = password.to_owned();
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| DomainError::Internal(e.into()))?;
        tokio::task::spawn_blocking(move || {
            let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
            argon
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| DomainError::Internal(anyhow::anyhow!("hash: {e}")))
        })
        .await
        .map_err(|e| DomainError::Internal(e.into()))?
    }

    /// Verifies a password; with `None` it verifies against the dummy hash so that an
    /// unknown account takes as long as a wrong password.
    pub async fn verify(&self, password: &str, hash: Option<&str>) -> bool {
        let argon = self.argon.clone();
        let known = hash.is_some();
        let hash = hash.map_or_else(|| self.dummy_hash.as_str().to_owned(), str::to_owned);
        let password = password.to_owned();
        let Ok(_permit) = self.permits.acquire().await else {
            return false;
        };
        let memory = self.memory.clone();
        let ok = tokio::task::spawn_blocking(move || {
            let mut blocks = memory
                .lock()
                .map(|mut m| m.pop().unwrap_or_default())
                .unwrap_or_default();
            let ok = PasswordHash::new(&hash)
                .map(|parsed| {
                    verify_reusing_memory(&argon, password.as_bytes(), &parsed, &mut blocks)
                })
                .unwrap_or(false);
            if let Ok(mut m) = memory.lock() {
                m.push(blocks);
            }
            ok
        })
        .await
        .unwrap_or(false);
        ok && known
    }
}

/// Verifies `password` against `hash` like `PasswordVerifier::verify_password` (same
/// algorithm, version and parameters taken from the hash, constant-time comparison of the
/// output), computing in `blocks` (resized as needed; its old contents do not matter).
fn verify_reusing_memory(
    argon: &Argon2<'static>,
    password: &[u8],
    hash: &PasswordHash<'_>,
    blocks: &mut Vec<argon2::Block>,
) -> bool {
    let (Some(salt), Some(expected)) = (&hash.salt, &hash.hash) else {
        return false;
    };
    let Ok(params) = Params::try_from(hash) else {
        return false;
    };
    let Ok(algorithm) = Algorithm::try_from(hash.algorithm) else {
        return false;
    };
    let version = match hash.version.map(Version::try_from).transpose() {
        Ok(v) => v.unwrap_or_default(),
        Err(_) => return false,
    };
    // Hashes with other parameters than ours (none exist yet) take the ordinary path.
    if params.block_count() > 64 * 1024 {
        return argon.verify_password(password, hash).is_ok();
    }
    let mut salt_buf = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_buf) else {
        return false;
    };
    let hasher = Argon2::new(algorithm, version, params.clone());
    let mut out = vec![0u8; expected.len()];
    blocks.resize(params.block_count(), argon2::Block::default());
    if hasher
        .hash_password_into_with_memory(password, salt, &mut out, &mut blocks[..])
        .is_err()
    {
        return false;
    }
    // `Output`'s equality is constant-time.
    argon2::password_hash::Output::new(&out).is_ok_and(|o| &o == expected)
}

#[cfg(test)]
mod password_tests {
    use super::*;
    use proptest::prelude::*;

    fn small() -> Argon2<'static> {
        // Small memory so the property test is quick; the code path is the same.
        let params = Params::new(64, 2, 1, None).unwrap();
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    }

    fn phc(argon: &Argon2<'static>, password: &[u8]) -> String {
        let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
        argon.hash_password(password, &salt).unwrap().to_string()
    }

    /// The reused-memory path agrees with the crate's own verifier, also when the memory
    /// still holds another verification's state, for the real parameters too.
    #[test]
    fn reusing_memory_verifies_exactly_like_the_crate() {
        let real = PasswordHasher::new().unwrap().argon;
        let a = phc(&real, b"correct horse battery staple");
        let b = phc(&real, b"another password entirely");
        // One buffer for all: each verification starts from the last one's state.
        let mut mem = vec![];
        for _ in 0..2 {
            for (hash, right, wrong) in [
                (
                    &a,
                    &b"correct horse battery staple"[..],
                    &b"correct horse battery stapl"[..],
                ),
                (&b, &b"another password entirely"[..], &b""[..]),
            ] {
                let parsed = PasswordHash::new(hash).unwrap();
                assert!(verify_reusing_memory(&real, right, &parsed, &mut mem));
                assert!(!verify_reusing_memory(&real, wrong, &parsed, &mut mem));
                assert!(real.verify_password(right, &parsed).is_ok());
            }
        }
        // A hash that is not Argon2, or lacks its output, never verifies.
        let pbkdf =
            PasswordHash::new("$pbkdf2-sha256$i=1000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA").unwrap();
        assert!(!verify_reusing_memory(&real, b"x", &pbkdf, &mut mem));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn same_answer_as_the_crate(stored in ".{0,20}", tried in ".{0,20}") {
            let argon = small();
            let hash = phc(&argon, stored.as_bytes());
            let parsed = PasswordHash::new(&hash).unwrap();
            prop_assert_eq!(
                verify_reusing_memory(&argon, tried.as_bytes(), &parsed, &mut vec![]),
                argon.verify_password(tried.as_bytes(), &parsed).is_ok()
            );
            prop_assert!(verify_reusing_memory(&argon, stored.as_bytes(), &parsed, &mut vec![]));
        }
    }
}

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

fn owner_key(account_id: &str) -> String {
    format!("account:{account_id}")
}

/// The owner key of the files of a registration form not yet completed starts with this
/// (then the hash of the form's draft token); they are swept after a day
/// ([`super::sweep::REGISTRATION_DRAFT_KEPT`]).
pub const DRAFT_OWNER_PREFIX: &str = "draft:";

fn draft_key(draft_token: &str) -> String {
    format!("{DRAFT_OWNER_PREFIX}{}", hash_secret(draft_token))
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
        super::clock::serbian_date(self.clock.now())
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
        account_id: &str,
        purpose: TokenPurpose,
        new_email: Option<String>,
    ) -> (String, NewToken) {
        let secret = new_secret();
        let now = self.now();
        let token = NewToken {
            token_hash: hash_secret(&secret),
            account_id: account_id.into(),
            purpose,
            new_email,
            created_at: now,
            expires_at: now.saturating_add(purpose.lifetime()).unwrap_or(now),
        };
        (secret, token)
    }

    /// Records the files received for `owner`, next to `existing` ones. Refused files are
    /// reported under `field` and their bytes deleted; valid ones are kept even when other
    /// fields fail.
    async fn accept_files(
        &self,
        owner: &str,
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
            let upload = Upload {
                id: super::clock::new_ordered_id(),
                owner_key: owner.into(),
                purpose: IDENTITY_DOCUMENT.into(),
                file_name: name,
                content_type: received.kind.mime().into(),
                size_bytes: received.size,
                sha256: received.sha256,
                storage_key: received.storage_key,
                superseded_at: None,
                created_at: self.now(),
            };
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
        // Every registration form may leave two 5 MB files behind for a day: a client
        // address gets a quota of forms.
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
        let draft = draft_key(&draft_token);
        let mut kept = self
            .store
            .uploads_of(&draft)
            .await
            .map_err(DomainError::from)?;
        let mut errors = FieldErrors::default();
        self.accept_files(&draft, &mut kept, files, &mut errors, "documents")
            .await?;
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
        let email = valid.email.normalized();
        let password_hash = self.hasher.hash(&valid.password).await?;
        let account = Account::new(
            new_id(),
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
                &email,
                lang,
                "confirm-email",
                json!({"name": account.profile.given_names, "link": self.link("/confirm-email", &secret)}),
            ))
            .with_audit(audit(actor, AuditAction::AccountRegistered, Some(&account.id), json!({"role": "applicant"})));
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
                    .account_by_email(&email)
                    .await
                    .map_err(DomainError::from)?;
                for upload in kept {
                    self.discard_upload(&upload).await?;
                }
                if let Some(existing) = existing
                    && self
                        .mail_allowed("already-registered", &existing.email)
                        .await?
                {
                    let effects = Effects::at(now)
                        .with_job(job_mail(
                            &existing.email,
                            existing.language,
                            "already-registered",
                            json!({"link": format!("{}/password/forgot", self.public_url)}),
                        ))
                        .with_audit(audit(
                            actor,
                            AuditAction::AccountRegistrationRepeated,
                            Some(&existing.id),
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
        Ok(self.store.uploads_of(&draft_key(draft_token)).await?)
    }

    /// Checks and keeps files for a draft without submitting the form (used when the user
    /// removes a file: anything newly chosen in the same submission is kept too).
    pub async fn stash_draft_files(
        &self,
        draft_token: &str,
        files: Vec<IncomingFile>,
    ) -> Result<(Vec<Upload>, FieldErrors), DomainError> {
        let draft = draft_key(draft_token);
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
            .delete_upload(&draft_key(draft_token), upload_id)
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
            || !self.mail_allowed("confirm-email", &account.email).await?
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
                &account.email,
                account.language,
                "confirm-email",
                json!({"name": account.profile.given_names, "link": self.link("/confirm-email", &secret)}),
            ))
            .with_audit(audit(actor, AuditAction::EmailConfirmationResent, Some(&account.id), json!({})));
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
        let change = move |mut a: Account, _new: Option<String>| {
            let effects = Effects::at(now).with_audit(audit(
                &actor,
                AuditAction::EmailConfirmed,
                Some(&a.id),
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

    /// Confirms a changed e-mail address.
    pub async fn confirm_email_change(
        &self,
        secret: &str,
        actor: &Actor,
    ) -> Result<Account, DomainError> {
        let now = self.now();
        let actor = actor.clone();
        let change = move |mut a: Account, new_email: Option<String>| {
            let old = a.email.clone();
            let mut effects = Effects::at(now);
            if let Some(new_email) = new_email {
                a.email = new_email;
                effects = effects
                    .with_job(job_mail(&old, a.language, "email-changed", json!({})))
                    .with_audit(audit(
                        &actor,
                        AuditAction::EmailChanged,
                        Some(&a.id),
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

    /// Checks `password` for the account `typed` names (or a dummy, so that an unknown
    /// account costs the same), throttled per typed address and per client address: the
    /// attempt is counted first, so of many sent at once only as many are checked as the
    /// throttle allows. A failure on an existing account also counts towards its lock
    /// (atomically) and is audited; a success clears the account's throttle and takes back
    /// its own attempt from the client address's (never the failures against others).
    async fn check_password_throttled(
        &self,
        typed: &str,
        account: Option<&Account>,
        password: &str,
        actor: &Actor,
        method: &str,
    ) -> Result<bool, DomainError> {
        self.throttle(&[
            (ThrottleScope::Account, typed),
            (ThrottleScope::Address, &actor.ip),
        ])
        .await?;
        let ok = self
            .hasher
            .verify(password, account.map(|a| a.password_hash.as_str()))
            .await;
        let now = self.now();
        match account {
            Some(a) if ok => {
                self.store
                    .throttle_clear(&ThrottleScope::Account.key(typed))
                    .await?;
                self.store
                    .throttle_refund(&ThrottleScope::Address.key(&actor.ip))
                    .await?;
                if a.failed_logins != 0 {
                    self.store.reset_password_failures(&a.id).await?;
                }
            }
            Some(a) => {
                let (account_id, email, language) = (a.id.clone(), a.email.clone(), a.language);
                let public_url = self.public_url.clone();
                let method = method.to_string();
                let effects = move |count: i64, newly_locked: bool| {
                    let mut e = Effects::at(now).with_audit(audit(
                        actor,
                        AuditAction::LoginFailed,
                        Some(&account_id),
                        json!({"consecutive_failures": count, "method": method}),
                    ));
                    if newly_locked {
                        e = e
                            .with_job(job_mail(
                                &email,
                                language,
                                "account-locked",
                                json!({"link": format!("{public_url}/password/forgot")}),
                            ))
                            .with_audit(audit(
                                actor,
                                AuditAction::AccountLocked,
                                Some(&account_id),
                                json!({}),
                            ));
                    }
                    e
                };
                self.store
                    .count_password_failure(&a.id, LOCK_AFTER_FAILURES, now, &effects)
                    .await?;
            }
            None => {
                self.store
                    .append_audit(
                        &[audit(
                            actor,
                            AuditAction::LoginFailed,
                            None,
                            json!({"reason": "unknown_or_wrong", "method": method}),
                        )],
                        now,
                    )
                    .await?;
            }
        }
        Ok(ok && account.is_some())
    }

    /// Asks for the current password again before a change (password, e-mail): throttled
    /// and counted exactly like a login, so a stolen session cannot guess the password
    /// faster than the login form allows. A wrong password, or an attempt that must wait,
    /// is a problem of `field`.
    async fn check_current_password(
        &self,
        account: &Account,
        password: &str,
        actor: &Actor,
        errors: &mut FieldErrors,
        field: &str,
    ) -> Result<(), DomainError> {
        match self
            .check_password_throttled(
                &account.email,
                Some(account),
                password,
                actor,
                "reauthentication",
            )
            .await
        {
            Ok(true) => {}
            Ok(false) => errors.add(field, "current_password_wrong"),
            Err(DomainError::Throttled { retry_after_secs }) => errors.add_with(
                field,
                "login_throttled",
                &[("seconds", retry_after_secs.to_string())],
            ),
            Err(e) => return Err(e),
        }
        Ok(())
    }

    /// Logs in with e-mail and password. Unknown address and wrong password answer the same,
    /// after the same work. Attempts are throttled per address typed and per client address.
    pub async fn login(
        &self,
        email: &str,
        password: &str,
        actor: &Actor,
    ) -> Result<LoggedIn, DomainError> {
        let typed = email.trim().to_lowercase();
        let account = match eforeigner_rules::email::Email::parse(email) {
            Ok(e) => self.store.account_by_email(&e.normalized()).await?,
            Err(_) => None,
        };
        let ok = self
            .check_password_throttled(&typed, account.as_ref(), password, actor, "password")
            .await?;
        let now = self.now();
        let sign_in = |succeeded| SignIn {
            at: now,
            ip: actor.ip.clone(),
            user_agent: actor.user_agent.clone(),
            method: "password".into(),
            succeeded,
        };
        let account = match account {
            Some(a) if ok => a,
            other => {
                if let Some(a) = other {
                    self.store.record_sign_in(&a.id, &sign_in(false)).await?;
                }
                return Err(DomainError::InvalidCredentials);
            }
        };
        if account.locked_at.is_some() {
            return Err(DomainError::Locked);
        }
        if account.status == AccountStatus::PendingEmail {
            return Err(DomainError::EmailNotConfirmed);
        }
        let limits = limits_for(account.role);
        let secret = new_secret();
        let session = Session {
            id: new_id(),
            account_id: account.id.clone(),
            created_at: now,
            last_seen_at: now,
            idle_timeout_secs: limits.idle.as_secs(),
            absolute_expires_at: now.saturating_add(limits.absolute).unwrap_or(now),
            ip: actor.ip.clone(),
            user_agent: actor.user_agent.clone(),
            ended_at: None,
        };
        let actor = Actor {
            account_id: Some(account.id.clone()),
            ..actor.clone()
        };
        let effects = Effects::at(now).with_audit(audit(
            &actor,
            AuditAction::LoginSucceeded,
            Some(&account.id),
            json!({"method": "password"}),
        ));
        self.store
            .insert_session(&session, &hash_secret(&secret), &effects)
            .await?;
        self.store
            .record_sign_in(&account.id, &sign_in(true))
            .await?;
        Ok(LoggedIn {
            secret,
            session,
            account,
        })
    }

    /// Finds the live session for a cookie secret and records the activity. `Ok(None)` when
    /// unknown, ended or expired.
    pub async fn authenticate(
        &self,
        secret: &str,
    ) -> Result<Option<(Session, Account)>, DomainError> {
        let Some((mut session, account)) =
            self.store.session_and_account(&hash_secret(secret)).await?
        else {
            return Ok(None);
        };
        let now = self.now();
        if !session.is_live(now) {
            return Ok(None);
        }
        // Writing on every request would serialise readers on SQLite; ten seconds of
        // imprecision in an hour-long idle timeout does not matter.
        if now.duration_since(session.last_seen_at) > SignedDuration::from_secs(10) {
            self.store.touch_session(&session.id, now).await?;
            session.last_seen_at = now;
        }
        Ok(Some((session, account)))
    }

    /// Logs out: ends this session.
    pub async fn logout(&self, session: &Session, actor: &Actor) -> Result<(), DomainError> {
        let now = self.now();
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::Logout,
            Some(&session.account_id),
            json!({}),
        ));
        self.store
            .end_session(&session.account_id, &session.id, now, &effects)
            .await?;
        Ok(())
    }

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
        if !self.mail_allowed("reset-password", &account.email).await? {
            return Ok(());
        }
        self.store
            .revoke_tokens(&account.id, TokenPurpose::ResetPassword, now)
            .await?;
        let (secret, token) = self.new_token(&account.id, TokenPurpose::ResetPassword, None);
        let effects = Effects::at(now)
            .with_job(job_mail(
                &account.email,
                account.language,
                "reset-password",
                json!({"link": self.link("/password/reset", &secret)}),
            ))
            .with_audit(audit(
                actor,
                AuditAction::PasswordResetRequested,
                Some(&account.id),
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
        let change = move |mut a: Account, _: Option<String>| {
            a.password_hash = hash.clone();
            a.failed_logins = 0;
            a.locked_at = None;
            a.updated_at = now;
            let effects = Effects::at(now)
                .with_job(job_mail(
                    &a.email,
                    a.language,
                    "password-changed",
                    json!({}),
                ))
                .with_audit(audit(
                    &actor,
                    AuditAction::PasswordReset,
                    Some(&a.id),
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
            .throttle_clear(&ThrottleScope::Account.key(&account.email))
            .await?;
        Ok(account)
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
                &account.email,
                account.language,
                "password-changed",
                json!({}),
            ))
            .with_audit(audit(
                actor,
                AuditAction::PasswordChanged,
                Some(&account.id),
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
            && e.normalized() == account.email
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
            Some(email.normalized()),
        );
        let effects = Effects::at(now)
            .with_job(job_mail(
                &email.normalized(),
                account.language,
                "confirm-new-email",
                json!({"link": self.link("/confirm-email-change", &secret)}),
            ))
            .with_job(job_mail(
                &account.email,
                account.language,
                "email-change-requested",
                json!({}),
            ))
            .with_audit(audit(
                actor,
                AuditAction::EmailChangeRequested,
                Some(&account.id),
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
            Some(&account.id),
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
                Ok(n) => Some(n.as_str().to_string()),
                Err(e) => {
                    errors.add_with("ebs", e.code(), &super::registration::identifier_args(&e));
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
            Some(&account.id),
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
            Some(&account.id),
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
        let officer_may_see = officer && upload.owner_key.starts_with("account:");
        if !(own || officer_may_see) {
            return Err(DomainError::NotFound);
        }
        if !own {
            self.store
                .append_audit(
                    &[audit(
                        actor,
                        AuditAction::DocumentViewed,
                        upload.owner_key.strip_prefix("account:"),
                        json!({"upload": upload.id}),
                    )],
                    self.now(),
                )
                .await?;
        }
        let bytes = self.files.get(&upload.storage_key).await?;
        Ok((upload, bytes))
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
        account_id: &str,
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
                    Some(&account.id),
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
        account_id: &str,
        actor: &Actor,
    ) -> Result<Account, DomainError> {
        require_verifier(officer)?;
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
                &account.email,
                account.language,
                "account-activated",
                json!({"name": account.profile.given_names, "link": format!("{}/login/password", self.public_url)}),
            ))
            .with_audit(audit(actor, AuditAction::VerificationApproved, Some(&account.id), json!({})));
        self.save(&updated, &account, &effects).await?;
        Ok(updated)
    }

    /// Rejects an account awaiting verification, with a reason and a note; the applicant is
    /// told by e-mail and may correct the data.
    pub async fn reject(
        &self,
        officer: &Account,
        account_id: &str,
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
                &account.email,
                account.language,
                "account-rejected",
                json!({"reason": reason_code, "note": note, "link": format!("{}/account/correct", self.public_url)}),
            ))
            .with_audit(audit(actor, AuditAction::VerificationRejected, Some(&account.id), json!({"reason": reason_code})));
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
        // Every registration form may leave two 5 MB files behind for a day: a client
        // address gets a quota of forms.
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
        let draft = draft_key(&draft_token);
        let mut kept = self
            .store
            .uploads_of(&draft)
            .await
            .map_err(DomainError::from)?;
        let mut errors = FieldErrors::default();
        self.accept_files(&draft, &mut kept, files, &mut errors, "documents")
            .await?;
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
            Some(&account.id),
            json!({"new_documents": kept.len()}),
        ));
        self.store
            .update_account(&updated, account.updated_at, &moves, &effects)
            .await
            .map_err(DomainError::from)?;
        Ok(updated)
    }

    /// Creates a user that is active at once (command line and demo data): its e-mail and
    /// identity count as verified.
    pub async fn create_active_user(
        &self,
        email: &str,
        role: Role,
        password: &str,
        given_names: &str,
        surname: &str,
    ) -> Result<Account, DomainError> {
        let mut errors = FieldErrors::default();
        let parsed = check_email(&mut errors, "email", email);
        check_password(
            &mut errors,
            "password",
            password,
            &[given_names, surname, email.split('@').next().unwrap_or("")],
        );
        errors.into_result()?;
        let Some(parsed) = parsed else {
            return Err(DomainError::Conflict);
        };
        let now = self.now();
        let account = Account {
            email_confirmed_at: Some(now),
            submitted_at: Some(now),
            verified_at: Some(now),
            ..Account::new(
                new_id(),
                parsed.normalized(),
                self.hasher.hash(password).await?,
                role,
                AccountStatus::Active,
                Profile {
                    given_names: given_names.into(),
                    surname: surname.into(),
                    ..Profile::default()
                },
                Lang::En,
                now,
            )
        };
        let system = Actor {
            account_id: None,
            ip: "local".into(),
            user_agent: "cli".into(),
        };
        let effects = Effects::at(now).with_audit(audit(
            &system,
            AuditAction::AccountCreatedByOperator,
            Some(&account.id),
            json!({"role": role.as_str()}),
        ));
        self.store
            .insert_account(&account, None, &UploadMove::default(), &effects)
            .await?;
        Ok(account)
    }

    /// The account with this e-mail, if any (operator tools, tests).
    pub async fn find_by_email(&self, email: &str) -> Result<Option<Account>, DomainError> {
        Ok(self
            .store
            .account_by_email(&email.trim().to_lowercase())
            .await?)
    }
}

fn require_verifier(officer: &Account) -> Result<(), DomainError> {
    access::check(officer, Permission::VerifyAccounts).map_err(|_| DomainError::Forbidden)
}

fn context_words(account: &Account) -> Vec<&str> {
    vec![
        account.profile.given_names.as_str(),
        account.profile.surname.as_str(),
        account.email.split('@').next().unwrap_or(""),
        account.email.as_str(),
    ]
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
