//! The application service: every operation on drafts, cases, payments and the e-Mailbox,
//! with ownership checked here (an applicant reaches only their own), time from the
//! injected clock and every change written with its history, audit and jobs in one
//! transaction.

mod biometrics;
mod cases;
mod decisions;
mod drafts;
mod figures;
mod files;
mod lost;
mod mailbox;
mod payments;
mod submission;
mod updates;

use std::sync::Arc;

use jiff::Timestamp;
use rand::Rng;

use crate::access::{self, Permission};
use crate::applications::{Application, ApplicationEvent, ApplicationStatus};
use crate::audit::AuditAction;
use crate::clock::new_ordered_id;
use crate::jobs::SendEmail;
use crate::payments::{PaymentLine, PaymentOutcome};
use crate::ports::documents::DocumentRenderer;
use crate::ports::files::Files;
use crate::store::{Effects, NewAudit, NewJob, Store, StoreError, UploadsCheck};
use crate::uploads::{self};
use crate::{Account, AccountId, Actor, Clock, DomainError, FieldErrors};

pub use biometrics::OpenHours;
pub use cases::{CaseFile, CaseView, Queue};
pub use decisions::{CaseAction, RejectionAsk};
pub use figures::Figures;
pub use files::FileTarget;
pub use updates::{MAX_LETTER_CHARS, UpdateAsk};

pub use eforeigner_rules::deadlines::{DRAFT_KEPT, DRAFT_WARNING, KEPT_ANSWERS};
/// At most this many files per application.
pub const MAX_FILES: usize = 40;
/// At most this many bytes of files per application (the per-account quota of uploads).
pub const MAX_BYTES: i64 = 100 * 1024 * 1024;
/// [`MAX_FILES`] and [`MAX_BYTES`] as the upload rules take them.
const UPLOAD_QUOTA: uploads::Quota = uploads::Quota {
    files: MAX_FILES,
    bytes: MAX_BYTES,
};
/// How often a payment is weighed again when its application changed meanwhile, and how
/// often an applicant's save or submission is tried again when the draft changed meanwhile
/// without a change to its answers (a payment confirmed).
const WRITE_ATTEMPTS: usize = 5;

/// The result of saving a step: the draft as saved, and the step's problems (answers are
/// saved even when incomplete, so nothing typed is lost).
#[derive(Clone, Debug)]
pub struct Saved {
    /// The draft after the save.
    pub app: Application,
    /// What keeps the step from being complete.
    pub errors: FieldErrors,
}

/// What a bank-statement import did, line by line.
#[derive(Clone, Debug, Default)]
pub struct ImportReport {
    /// Every readable line with its outcome.
    pub lines: Vec<(PaymentLine, PaymentOutcome)>,
    /// Lines that could not be read.
    pub unreadable: Vec<crate::payments::StatementProblem>,
}

impl ImportReport {
    /// Lines someone has to look at: amounts that differ, unknown references, unreadable.
    pub fn needs_attention(&self) -> bool {
        !self.unreadable.is_empty()
            || self.lines.iter().any(|(_, o)| {
                matches!(
                    o,
                    PaymentOutcome::AmountMismatch { .. } | PaymentOutcome::UnknownReference
                )
            })
    }

    /// How many lines had `code` as outcome.
    pub fn count(&self, code: &str) -> usize {
        self.lines.iter().filter(|(_, o)| o.code() == code).count()
    }
}

/// The application service.
#[derive(Clone)]
pub struct Applications {
    store: Arc<dyn Store>,
    files: Arc<dyn Files>,
    clock: Arc<dyn Clock>,
    documents: Arc<dyn DocumentRenderer>,
    public_url: String,
}

use crate::accounts::audit as account_audit;

fn audit(
    actor: &Actor,
    action: AuditAction,
    subject: &str,
    details: serde_json::Value,
) -> NewAudit {
    account_audit(actor, action, Some(subject), details)
}

/// A mail job with a fixed id (idempotent: the same receipt never mails twice).
fn mail_job(
    id: String,
    to: &str,
    lang: crate::Lang,
    template: &str,
    args: serde_json::Value,
) -> NewJob {
    NewJob::of(id, &SendEmail::new(to, lang, template, args))
}

/// 12 characters of Crockford base32 (no I, L, O, U), grouped `XXXX-XXXX-XXXX`: 60 bits.
fn new_verify_code() -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut rng = rand::rng();
    let chars: Vec<char> = (0..12)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect();
    chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// A typed code in the stored form: upper case, groups of four, look-alikes mapped
/// (O → 0, I and L → 1). `None` when it cannot be a code.
pub fn normalize_verify_code(raw: &str) -> Option<String> {
    let chars: Vec<char> = raw
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    if chars.len() != 12 || chars.contains(&'U') {
        return None;
    }
    Some(
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-"),
    )
}

fn new_case_reference(year: i16) -> String {
    format!(
        "TR-{year}-{:08}",
        rand::rng().random_range(0..100_000_000u32)
    )
}

fn new_payment_reference(municipality: &str) -> String {
    format!(
        "{municipality}{:09}",
        rand::rng().random_range(0..1_000_000_000u32)
    )
}

impl Applications {
    /// Builds the service.
    pub fn new(
        store: Arc<dyn Store>,
        files: Arc<dyn Files>,
        clock: Arc<dyn Clock>,
        documents: Arc<dyn DocumentRenderer>,
        public_url: String,
    ) -> Self {
        Self {
            store,
            files,
            clock,
            documents,
            public_url,
        }
    }

    /// Now, by the injected clock.
    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }

    /// Today (UTC), by the injected clock.
    pub fn today(&self) -> jiff::civil::Date {
        crate::clock::serbian_date(self.clock.now())
    }

    fn event(
        &self,
        app: &Application,
        actor: Option<&AccountId>,
        from: Option<ApplicationStatus>,
        what: &str,
        why: Option<String>,
    ) -> ApplicationEvent {
        ApplicationEvent {
            id: new_ordered_id(),
            application_id: app.id.clone(),
            at: self.now(),
            actor_id: actor.cloned(),
            from_status: from,
            to_status: app.status,
            what: what.into(),
            why,
        }
    }

    fn ensure_supervisor(officer: &Account) -> Result<(), DomainError> {
        access::check(officer, Permission::ConfirmPayments).map_err(|_| DomainError::Forbidden)
    }

    fn ensure_applicant(account: &Account) -> Result<(), DomainError> {
        access::check(account, Permission::UseServices).map_err(|_| DomainError::Forbidden)
    }

    /// Writes `app`; a clash on a random reference (case or payment) is retried with a new
    /// one, a clash on the version is the caller's `Conflict`, and so is a `files_check`
    /// that refuses the files as they are inside the write (see
    /// [`ApplicationRepo::update_application`](crate::store::ApplicationRepo::update_application)).
    async fn write_with_retry(
        &self,
        app: &mut Application,
        expected_version: i64,
        events: &[ApplicationEvent],
        files_check: Option<&UploadsCheck<'_>>,
        effects: &Effects,
    ) -> Result<(), DomainError> {
        for _ in 0..5 {
            match self
                .store
                .update_application(app, expected_version, events, None, files_check, effects)
                .await
            {
                Ok(()) => return Ok(()),
                Err(StoreError::Precondition | StoreError::Stale) => {
                    return Err(DomainError::Conflict);
                }
                Err(StoreError::Taken { .. }) => {
                    let current = self.store.application(&app.id).await?;
                    if current.map(|c| c.version) != Some(expected_version) {
                        return Err(DomainError::Conflict);
                    }
                    // Same version: a reference was taken by another application.
                    if let Some(r) = &app.payment_reference
                        && app.paid_at.is_none()
                    {
                        let m = &r[..3.min(r.len())];
                        app.payment_reference = Some(new_payment_reference(m));
                    }
                    if app.case_reference.is_some() {
                        app.case_reference = Some(new_case_reference(self.today().year()));
                    }
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(DomainError::Conflict)
    }
}
