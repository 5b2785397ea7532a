//! The application service: every operation on drafts, cases, payments and the e-Mailbox,
//! with ownership checked here (an applicant reaches only their own), time from the
//! injected clock and every change written with its history, audit and jobs in one
//! transaction.

use std::collections::BTreeMap;
use std::sync::Arc;

use bytes::Bytes;
use eforeigner_rules::Reference97;
use eforeigner_rules::residence::{self, FeeStage, RuleParams};
use jiff::{SignedDuration, Timestamp};
use rand::Rng;
use serde_json::json;

use super::steps::{self, StepId, StepInput};
use super::{
    Answers, Application, ApplicationEvent, ApplicationKind, ApplicationStatus, MailboxDocument,
    PaymentRecord, upload_owner,
};
use crate::access::{self, Permission};
use crate::audit::AuditAction;
use crate::clock::{hash_secret, new_id, new_ordered_id};
use crate::jobs::{IssueReceipt, SendEmail};
use crate::paging::{PageNumber, Paged};
use crate::payments::{PaymentLine, PaymentOutcome};
use crate::ports::documents::DocumentRenderer;
use crate::ports::files::Files;
use crate::store::{
    ApplicationSummary, Effects, MailboxLine, NewAudit, NewJob, Store, StoreError, UploadsCheck,
};
use crate::uploads::{self, FileProblem, IncomingFile};
use crate::{Account, Actor, Clock, DomainError, FieldErrors, Upload};
use eforeigner_rules::case::{self, Move, Party};

/// Drafts are kept this long after their last change.
pub const DRAFT_KEPT: SignedDuration = SignedDuration::from_hours(30 * 24);
/// The applicant is told this long before a draft is deleted.
pub const DRAFT_WARNING: SignedDuration = SignedDuration::from_hours(7 * 24);
/// Answers typed when the session ended are kept this long for the next login.
pub const KEPT_ANSWERS: SignedDuration = SignedDuration::from_hours(2);
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
        actor: Option<&str>,
        from: Option<ApplicationStatus>,
        what: &str,
        why: Option<String>,
    ) -> ApplicationEvent {
        ApplicationEvent {
            id: new_ordered_id(),
            application_id: app.id.clone(),
            at: self.now(),
            actor_id: actor.map(str::to_owned),
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

    /// Starts a draft. Refused for minors (in person only, rules) and for an extension
    /// without the account linked to the current permit's EBS (seed 002).
    pub async fn start(
        &self,
        account: &Account,
        kind: ApplicationKind,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        Self::ensure_applicant(account)?;
        if steps::minor_reason(account, self.today()).is_some() {
            return Err(DomainError::Forbidden);
        }
        if kind == ApplicationKind::Extension && account.profile.ebs.is_none() {
            return Err(DomainError::Conflict);
        }
        let now = self.now();
        // Nothing is saved yet: the verified account's data is shown as prefilled values
        // when a step is first opened, so every step starts as "Not started".
        let answers = Answers::default();
        let app = Application {
            id: new_ordered_id(),
            account_id: account.id.clone(),
            kind,
            status: ApplicationStatus::Draft,
            answers,
            version: 1,
            case_reference: None,
            payment_reference: None,
            payment_method: None,
            fee_due_para: None,
            paid_at: None,
            submitted_at: None,
            received_at: None,
            verify_code: None,
            deadline: None,
            created_at: now,
            updated_at: now,
            expires_at: now.checked_add(DRAFT_KEPT).ok(),
            expiry_warned_at: None,
        };
        let event = self.event(&app, Some(&account.id), None, "started", None);
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::ApplicationStarted,
            &app.id,
            json!({"kind": kind.code()}),
        ));
        self.store
            .insert_application(&app, &event, &effects)
            .await?;
        Ok(app)
    }

    /// The application `id` if it belongs to `account` (`NotFound` otherwise: another
    /// applicant's case is not even confirmed to exist).
    pub async fn get(&self, account: &Account, id: &str) -> Result<Application, DomainError> {
        match self.store.application(id).await? {
            Some(app) if app.account_id == account.id => Ok(app),
            _ => Err(DomainError::NotFound),
        }
    }

    /// A page of an account's applications, newest first.
    pub async fn list(
        &self,
        account: &Account,
        page: PageNumber,
    ) -> Result<Paged<ApplicationSummary>, DomainError> {
        let rows = self
            .store
            .applications_of(&account.id, page.window())
            .await?;
        Ok(page.page_of(rows))
    }

    /// The history of an application of `account`.
    pub async fn history(
        &self,
        account: &Account,
        id: &str,
    ) -> Result<Vec<ApplicationEvent>, DomainError> {
        self.get(account, id).await?;
        Ok(self.store.events_of(id).await?)
    }

    /// The uploads of an application (ownership checked by the caller through `get`).
    pub async fn uploads(&self, app: &Application) -> Result<Vec<Upload>, DomainError> {
        Ok(self.store.uploads_of(&upload_owner(&app.id)).await?)
    }

    /// Saves the answers of one step (even incomplete ones) if the draft's answers are still
    /// those the form was based on (`based_on`, [`Application::answers_stamp`]); `Conflict`
    /// when they changed meanwhile (another tab or device).
    pub async fn save_step(
        &self,
        account: &Account,
        id: &str,
        step: StepId,
        values: BTreeMap<String, String>,
        based_on: &str,
        actor: &Actor,
    ) -> Result<Saved, DomainError> {
        self.while_answers_unchanged(account, id, based_on, || {
            self.save_step_once(account, id, step, values.clone(), based_on, actor)
        })
        .await
    }

    /// Runs `attempt` again when it lost its write to a change that left the answers as
    /// `based_on` (a payment confirmed meanwhile, a second click that submitted): the
    /// applicant changed nothing, so they are not told that something changed. A change of
    /// the answers stays the caller's `Conflict`.
    async fn while_answers_unchanged<T, F, Fut>(
        &self,
        account: &Account,
        id: &str,
        based_on: &str,
        attempt: F,
    ) -> Result<T, DomainError>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = Result<T, DomainError>>,
    {
        for _ in 1..WRITE_ATTEMPTS {
            match attempt().await {
                Err(DomainError::Conflict) => {
                    if self.get(account, id).await?.answers_stamp() != based_on {
                        return Err(DomainError::Conflict);
                    }
                }
                other => return other,
            }
        }
        attempt().await
    }

    /// One try of [`Self::save_step`]: `Conflict` when the answers are no longer `based_on`
    /// or the draft was written between this read and this write.
    async fn save_step_once(
        &self,
        account: &Account,
        id: &str,
        step: StepId,
        values: BTreeMap<String, String>,
        based_on: &str,
        actor: &Actor,
    ) -> Result<Saved, DomainError> {
        let before = self.get(account, id).await?;
        if before.status != ApplicationStatus::Draft {
            return Err(DomainError::NotDraft);
        }
        let uploads = self.uploads(&before).await?;
        let mut app = before.clone();
        let today = self.today();
        {
            let input = StepInput {
                account,
                kind: app.kind,
                answers: &app.answers,
                uploads: &uploads,
                today,
            };
            if !steps::can_open(step, &input) {
                return Err(DomainError::Forbidden);
            }
        }
        if before.answers_stamp() != based_on {
            return Err(DomainError::Conflict);
        }
        // Keep only the fields the step asks (and a documents confirmation).
        let known: Vec<&'static str> = {
            let input = StepInput {
                account,
                kind: app.kind,
                answers: &app.answers,
                uploads: &uploads,
                today,
            };
            let mut k: Vec<&'static str> =
                steps::fields(step, &input).iter().map(|f| f.name).collect();
            if step == StepId::Documents {
                k.push("confirmed");
            }
            if step == StepId::Details {
                // The ground may change in the same request chain; keep every detail key.
                k.extend(residence::details::all_field_keys());
            }
            k
        };
        let cleaned: BTreeMap<String, String> = values
            .into_iter()
            .filter(|(k, _)| known.contains(&k.as_str()))
            .map(|(k, v)| (k, v.trim().chars().take(4000).collect()))
            .collect();
        let old_municipality = app
            .answers
            .get(StepId::Reasons, "residence_municipality")
            .to_string();
        let old_ground = app.answers.get(StepId::Reasons, "ground").to_string();
        app.answers.steps.insert(step.as_str().into(), cleaned);
        // A new municipality or ground changes the fee reference or amount: a new one is
        // given on the fees step (only while unpaid).
        let reasons_changed = app.answers.get(StepId::Reasons, "residence_municipality")
            != old_municipality
            || app.answers.get(StepId::Reasons, "ground") != old_ground;
        if step == StepId::Reasons && reasons_changed && app.paid_at.is_none() {
            app.payment_reference = None;
            app.fee_due_para = None;
        }
        let errors = {
            let input = StepInput {
                account,
                kind: app.kind,
                answers: &app.answers,
                uploads: &uploads,
                today,
            };
            steps::check_step(step, &input).err().unwrap_or_default()
        };
        if errors.is_empty() {
            app.answers.completed.insert(step.as_str().into());
            if step == StepId::Fees {
                Self::assign_fee(&mut app, today);
            }
        }
        let now = self.now();
        app.version += 1;
        app.updated_at = now;
        app.expires_at = now.checked_add(DRAFT_KEPT).ok();
        app.expiry_warned_at = None;
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::ApplicationStepSaved,
            &app.id,
            json!({"step": step.as_str(), "complete": errors.is_empty()}),
        ));
        self.write_with_retry(&mut app, before.version, &[], None, &effects)
            .await?;
        Ok(Saved { app, errors })
    }

    /// Gives the draft its fee (the rules' submission total) and, once, its model-97
    /// reference: the municipality's code followed by nine random digits.
    fn assign_fee(app: &mut Application, today: jiff::civil::Date) {
        let ground = app.answers.get(StepId::Reasons, "ground").to_string();
        let schedule = residence::fees_for(app.kind, &ground, today);
        let due = i64::try_from(schedule.total_for(FeeStage::Submission).para()).unwrap_or(0);
        if app.paid_at.is_none() {
            app.fee_due_para = Some(due);
        }
        app.payment_method = Some(app.answers.get(StepId::Fees, "payment_method").to_string());
        if app.payment_reference.is_none() {
            let m = app
                .answers
                .get(StepId::Reasons, "residence_municipality")
                .to_string();
            app.payment_reference = Some(new_payment_reference(&m));
        }
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

    /// The draft `id` of `account` ready to take files: a draft whose documentation step
    /// can be opened, with its checklist and current files. Read while the files are still
    /// arriving (the upload handler does both at once); [`Self::add_files`] then checks each
    /// file against the files as they are when it is recorded.
    pub async fn file_target(
        &self,
        account: &Account,
        id: &str,
    ) -> Result<FileTarget, DomainError> {
        let app = self.get(account, id).await?;
        if app.status != ApplicationStatus::Draft {
            return Err(DomainError::NotDraft);
        }
        let existing = self.uploads(&app).await?;
        let input = StepInput {
            account,
            kind: app.kind,
            answers: &app.answers,
            uploads: &existing,
            today: self.today(),
        };
        if !steps::can_open(StepId::Documents, &input) {
            return Err(DomainError::Forbidden);
        }
        let items = steps::document_items(&input)
            .into_iter()
            .map(|i| i.code)
            .collect();
        Ok(FileTarget {
            app,
            existing,
            items,
        })
    }

    /// Adds files received for one checklist item of the documentation step of `target`
    /// (from [`Self::file_target`]): each is recorded, or refused (reported under the item's
    /// field) and its bytes deleted.
    pub async fn add_files(
        &self,
        target: FileTarget,
        item: &str,
        files: Vec<IncomingFile>,
        actor: &Actor,
    ) -> Result<Vec<Upload>, DomainError> {
        let FileTarget {
            app,
            mut existing,
            items,
        } = target;
        let field = format!("doc_{item}");
        let mut errors = FieldErrors::default();
        if !items.contains(&item) {
            self.discard_incoming(files).await;
            errors.add(&field, "choose_one");
            return Err(DomainError::Invalid(errors));
        }
        if files.is_empty() {
            errors.add(&field, "file_none_chosen");
        }
        let mut added = vec![];
        let mut files = files.into_iter();
        while let Some(file) = files.next() {
            let name = file.file_name;
            let received = match file.received {
                Ok(r) => r,
                Err(p) => {
                    uploads::report(&mut errors, &field, p, name, uploads::MAX_FILES_PER_FORM);
                    continue;
                }
            };
            // Names are unique within a checklist item: two items may each have a
            // "scan.pdf" (a passport scan and a lease), one item may not have it twice.
            let same_item: Vec<Upload> = existing
                .iter()
                .filter(|u| u.purpose == item)
                .cloned()
                .collect();
            if let Err(refusal) =
                uploads::admit_to_item(&name, received.size, &same_item, &existing, UPLOAD_QUOTA)
            {
                self.discard_file(&received.storage_key).await;
                refuse_file(&mut errors, &field, refusal, name);
                if refusal == uploads::Refusal::Full {
                    self.discard_incoming(files.collect()).await;
                    break;
                }
                continue;
            }
            let upload = Upload {
                id: new_ordered_id(),
                owner_key: upload_owner(&app.id),
                purpose: item.to_string(),
                file_name: name,
                content_type: received.kind.mime().into(),
                size_bytes: received.size,
                sha256: received.sha256,
                storage_key: received.storage_key,
                superseded_at: None,
                created_at: self.now(),
            };
            let size = upload.size_bytes;
            let effects = Effects::at(upload.created_at).with_audit(audit(
                actor,
                AuditAction::ApplicationFileAdded,
                &app.id,
                json!({"item": item, "upload": upload.id, "size": upload.size_bytes}),
            ));
            let recheck = |current: &[Upload]| {
                let same: Vec<Upload> = current
                    .iter()
                    .filter(|u| u.purpose == item)
                    .cloned()
                    .collect();
                uploads::admit_to_item(&upload.file_name, size, &same, current, UPLOAD_QUOTA)
                    .is_ok()
            };
            let recorded = self
                .store
                .add_draft_file(&app.id, &upload, &recheck, &effects)
                .await;
            match recorded {
                Ok(()) => {}
                Err(StoreError::Precondition) => {
                    // Submitted (or deleted) from another tab while this file arrived: the
                    // case keeps the files it was submitted with.
                    self.discard_file(&upload.storage_key).await;
                    self.discard_incoming(files.collect()).await;
                    return Err(DomainError::NotDraft);
                }
                Err(StoreError::Stale) => {
                    // Another upload to this draft (another tab) took the name or the last
                    // place while this file was written: the written file goes, and the
                    // applicant is told why from the draft's files as they are now.
                    self.discard_file(&upload.storage_key).await;
                    existing = self.uploads(&app).await?;
                    let same: Vec<Upload> = existing
                        .iter()
                        .filter(|u| u.purpose == item)
                        .cloned()
                        .collect();
                    let refusal = uploads::admit_to_item(
                        &upload.file_name,
                        size,
                        &same,
                        &existing,
                        UPLOAD_QUOTA,
                    )
                    .err()
                    .ok_or(DomainError::Conflict)?;
                    refuse_file(&mut errors, &field, refusal, upload.file_name);
                    continue;
                }
                Err(e) => {
                    self.discard_file(&upload.storage_key).await;
                    self.discard_incoming(files.collect()).await;
                    return Err(e.into());
                }
            }
            existing.push(upload.clone());
            added.push(upload);
        }
        if errors.is_empty() {
            Ok(added)
        } else {
            Err(DomainError::Invalid(errors))
        }
    }

    /// Deletes the bytes of a file no record names (refused).
    async fn discard_file(&self, storage_key: &str) {
        uploads::discard_key(self.files.as_ref(), storage_key).await;
    }

    /// Deletes the bytes of files received but not taken.
    pub async fn discard_incoming(&self, files: Vec<IncomingFile>) {
        uploads::discard(self.files.as_ref(), files).await;
    }

    /// Removes a file from a draft.
    pub async fn remove_file(
        &self,
        account: &Account,
        id: &str,
        upload_id: &str,
        actor: &Actor,
    ) -> Result<(), DomainError> {
        let app = self.get(account, id).await?;
        if app.status != ApplicationStatus::Draft {
            return Err(DomainError::NotDraft);
        }
        let effects = Effects::at(self.now()).with_audit(audit(
            actor,
            AuditAction::ApplicationFileRemoved,
            &app.id,
            json!({"upload": upload_id}),
        ));
        // The record goes only while the application is still a draft (checked again with
        // its row held): a submitted case keeps its files.
        let removed = match self
            .store
            .remove_draft_file(&app.id, upload_id, &effects)
            .await
        {
            Ok(removed) => removed,
            Err(StoreError::Precondition) => return Err(DomainError::NotDraft),
            Err(e) => return Err(e.into()),
        };
        if let Err(e) = self.files.delete(&removed.storage_key).await {
            tracing::warn!(error = %e, "file left behind after delete");
        }
        Ok(())
    }

    /// One file of an application of `account`, with its bytes.
    pub async fn file(
        &self,
        account: &Account,
        id: &str,
        upload_id: &str,
    ) -> Result<(Upload, Bytes), DomainError> {
        let app = self.get(account, id).await?;
        let upload = self
            .store
            .upload(upload_id)
            .await?
            .filter(|u| u.owner_key == upload_owner(&app.id))
            .ok_or(DomainError::NotFound)?;
        let bytes = self.files.get(&upload.storage_key).await?;
        Ok((upload, bytes))
    }

    /// Deletes a draft and its files.
    pub async fn delete_draft(
        &self,
        account: &Account,
        id: &str,
        actor: &Actor,
    ) -> Result<(), DomainError> {
        let app = self.get(account, id).await?;
        if app.status != ApplicationStatus::Draft {
            return Err(DomainError::NotDraft);
        }
        let effects = Effects::at(self.now()).with_audit(audit(
            actor,
            AuditAction::ApplicationDeleted,
            &app.id,
            json!({}),
        ));
        // Refused if it was submitted meanwhile (another tab): a case is never deleted.
        let keys = match self.store.delete_draft(&app.id, None, &effects).await {
            Ok(keys) => keys,
            Err(StoreError::Stale) => return Err(DomainError::NotDraft),
            Err(e) => return Err(e.into()),
        };
        for k in keys {
            if let Err(e) = self.files.delete(&k).await {
                tracing::warn!(error = %e, "file left behind after draft deletion");
            }
        }
        Ok(())
    }

    /// Problems that keep the draft from being submitted: incomplete steps, and blocking
    /// reasons of the rules on the whole request as of today.
    pub async fn submission_problems(
        &self,
        account: &Account,
        app: &Application,
    ) -> Result<Vec<(StepId, FieldErrors)>, DomainError> {
        let uploads = self.uploads(app).await?;
        let input = StepInput {
            account,
            kind: app.kind,
            answers: &app.answers,
            uploads: &uploads,
            today: self.today(),
        };
        Ok(steps::submission_problems(&input))
    }

    /// Submits a complete draft after the declaration, if its answers are still those the
    /// "Check your answers" page showed (`based_on`). Idempotent: submitting a case that is
    /// already submitted returns it unchanged (a double click never makes two cases).
    pub async fn submit(
        &self,
        account: &Account,
        id: &str,
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
        id: &str,
        declaration: bool,
        based_on: &str,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let before = self.get(account, id).await?;
        if before.status != ApplicationStatus::Draft {
            return if before.submitted_at.is_some() {
                Ok(before)
            } else {
                Err(DomainError::Forbidden)
            };
        }
        let mut errors = FieldErrors::default();
        if !declaration {
            errors.add("declaration", "declaration_required");
        }
        if !self.submission_problems(account, &before).await?.is_empty() {
            errors.add("steps", "steps_incomplete");
        }
        errors.into_result()?;
        if before.answers_stamp() != based_on {
            return Err(DomainError::Conflict);
        }
        let now = self.now();
        let mut app = before.clone();
        app.submitted_at = Some(now);
        app.case_reference = Some(new_case_reference(self.today().year()));
        app.expires_at = None;
        app.version += 1;
        app.updated_at = now;
        let mut effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::ApplicationSubmitted,
            &app.id,
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
            let input = StepInput {
                account,
                kind: before.kind,
                answers: &before.answers,
                uploads: current,
                today,
            };
            steps::submission_problems(&input).is_empty()
        };
        self.write_with_retry(&mut app, before.version, &events, Some(&complete), &effects)
            .await?;
        Ok(app)
    }

    /// Paid and submitted ("Request submitted", the status already set by the move): the
    /// receipt job, the time of receipt and the code for /verify.
    fn mark_received(&self, app: &mut Application, effects: &mut Effects) {
        app.received_at = Some(self.now());
        app.verify_code = Some(new_verify_code());
        effects.jobs.push(NewJob::of(
            format!("receipt-{}", app.id),
            &IssueReceipt {
                application_id: app.id.clone(),
            },
        ));
    }

    /// Confirms (or refuses) a payment line against the application with its reference.
    /// Idempotent by the line's key; an amount that differs is recorded and reported, never
    /// accepted.
    pub async fn confirm_payment(
        &self,
        line: &PaymentLine,
        recorded_by: Option<&str>,
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
        recorded_by: Option<&str>,
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
            recorded_by: recorded_by.map(str::to_owned),
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
        application_id: &str,
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

    /// Runs the receipt job: writes the confirmation of receipt PDF into the e-Mailbox and
    /// tells the applicant by e-mail (no personal data in the mail). Idempotent: the file
    /// key and the mailbox row are fixed per application.
    pub async fn issue_receipt(&self, job: &IssueReceipt) -> anyhow::Result<()> {
        let id = job.application_id.as_str();
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
            &account.email,
            account.language,
            "document-waiting",
            json!({"link": format!("{}/mailbox", self.public_url)}),
        ));
        self.store.insert_mailbox_document(&doc, &effects).await?;
        Ok(())
    }

    /// A page of the e-Mailbox of `account`, newest first, and the number of unread
    /// documents in all of it.
    pub async fn mailbox(
        &self,
        account: &Account,
        page: PageNumber,
    ) -> Result<(Paged<MailboxLine>, i64), DomainError> {
        let slice = self.store.mailbox_of(&account.id, page.window()).await?;
        Ok((page.page_of(slice.documents), slice.unread))
    }

    /// A document of `account`'s e-Mailbox, without opening it (nothing is recorded:
    /// looking at the list, or a browser fetching a link ahead, is not receiving).
    pub async fn mailbox_document(
        &self,
        account: &Account,
        doc_id: &str,
    ) -> Result<MailboxDocument, DomainError> {
        self.store
            .mailbox_document(doc_id)
            .await?
            .filter(|d| d.account_id == account.id)
            .ok_or(DomainError::NotFound)
    }

    /// Opens a document of `account`'s e-Mailbox: the first opening is recorded as the
    /// delivery receipt (when the addressee received it), once; later ones change nothing.
    /// Only a deliberate action of the addressee (a form's post) calls this.
    pub async fn open_document(
        &self,
        account: &Account,
        doc_id: &str,
        actor: &Actor,
    ) -> Result<MailboxDocument, DomainError> {
        let mut doc = self.mailbox_document(account, doc_id).await?;
        if doc.opened_at.is_none() {
            let now = self.now();
            let effects = Effects::at(now).with_audit(audit(
                actor,
                AuditAction::MailboxOpened,
                &doc.id,
                json!({"kind": doc.kind}),
            ));
            self.store.mark_opened(&doc.id, now, &effects).await?;
            doc.opened_at = Some(now);
        }
        Ok(doc)
    }

    /// The file of an opened document of `account`'s e-Mailbox; `Conflict` while it has not
    /// been opened ([`Self::open_document`]).
    pub async fn document_file(
        &self,
        account: &Account,
        doc_id: &str,
    ) -> Result<(MailboxDocument, Bytes), DomainError> {
        let doc = self.mailbox_document(account, doc_id).await?;
        if doc.opened_at.is_none() {
            return Err(DomainError::Conflict);
        }
        let bytes = self.files.get(&doc.storage_key).await?;
        Ok((doc, bytes))
    }

    /// The public check of a confirmation code: the application and its applicant.
    pub async fn verify(
        &self,
        raw_code: &str,
    ) -> Result<Option<(Application, Account)>, DomainError> {
        let Some(code) = normalize_verify_code(raw_code) else {
            return Ok(None);
        };
        let Some(app) = self.store.application_by_verify_code(&code).await? else {
            return Ok(None);
        };
        let account = self.store.account(&app.account_id).await?;
        Ok(account.map(|a| (app, a)))
    }

    /// Keeps the answers of a step sent after the session ended, under a browser token, so
    /// that after signing in again the same step shows them (nothing typed is lost).
    pub async fn keep_answers(
        &self,
        token: &str,
        application_id: &str,
        step: StepId,
        values: &BTreeMap<String, String>,
    ) -> Result<(), DomainError> {
        if self.store.application(application_id).await?.is_none() {
            return Ok(());
        }
        let now = self.now();
        let json = serde_json::to_string(values).map_err(anyhow::Error::from)?;
        let expires = now.checked_add(KEPT_ANSWERS).unwrap_or(now);
        self.store
            .keep_answers(
                &hash_secret(token),
                application_id,
                step.as_str(),
                &json,
                now,
                expires,
            )
            .await?;
        Ok(())
    }

    /// Takes the kept answers of an application of `account`, if this browser kept some.
    pub async fn take_kept_answers(
        &self,
        account: &Account,
        token: &str,
        application_id: &str,
    ) -> Result<Option<(StepId, BTreeMap<String, String>)>, DomainError> {
        self.get(account, application_id).await?;
        let Some((step, json)) = self
            .store
            .take_kept_answers(&hash_secret(token), application_id, self.now())
            .await?
        else {
            return Ok(None);
        };
        let values: BTreeMap<String, String> =
            serde_json::from_str(&json).map_err(anyhow::Error::from)?;
        Ok(StepId::parse(&step).map(|s| (s, values)))
    }

    /// Warns about drafts deleted within 7 days and deletes drafts past their date.
    /// Idempotent (the warning is marked on the draft in the same transaction); returns
    /// `(warned, deleted)`.
    pub async fn sweep_drafts(&self) -> anyhow::Result<(usize, usize)> {
        let now = self.now();
        let mut warned = 0;
        let soon = now.checked_add(DRAFT_WARNING)?;
        for app in self.store.drafts_expiring(soon, false, 200).await? {
            let Some(account) = self.store.account(&app.account_id).await? else {
                continue;
            };
            let date = app
                .expires_at
                .map(|t| crate::clock::serbian_date(t).to_string())
                .unwrap_or_default();
            let effects = Effects::at(now).with_job(mail_job(
                new_id(),
                &account.email,
                account.language,
                "draft-expiring",
                json!({"date": date, "link": format!("{}/applications/{}", self.public_url, app.id)}),
            ));
            // Only the warning's column changes: a warning must not make an open tab's save
            // fail, and of two sweeps at once only one warns.
            match self.store.mark_draft_warned(&app.id, soon, &effects).await {
                Ok(()) => warned += 1,
                Err(StoreError::Stale) => {}
                Err(e) => return Err(e.into()),
            }
        }
        let mut deleted = 0;
        for app in self.store.drafts_expiring(now, true, 200).await? {
            let effects = Effects::at(now).with_audit(NewAudit {
                actor_id: None,
                action: AuditAction::ApplicationExpired.as_str().into(),
                subject_id: Some(app.id.clone()),
                ip: None,
                details: "{}".into(),
            });
            match self.store.delete_draft(&app.id, Some(now), &effects).await {
                Ok(keys) => {
                    deleted += 1;
                    for k in keys {
                        let _ = self.files.delete(&k).await;
                    }
                }
                Err(StoreError::Stale) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok((warned, deleted))
    }

    /// The full check of the rules on the draft as of today (for "Check your answers").
    pub async fn rules_answer(
        &self,
        account: &Account,
        app: &Application,
    ) -> Result<Option<residence::CheckAnswer>, DomainError> {
        let uploads = self.uploads(app).await?;
        let input = StepInput {
            account,
            kind: app.kind,
            answers: &app.answers,
            uploads: &uploads,
            today: self.today(),
        };
        Ok(steps::rules_request(&input).map(|r| residence::check(&r, &RuleParams::official())))
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

/// The import report as printed by `eforeigner payments import`.
pub fn format_report(r: &ImportReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let amount = |p: i64| format!("{}.{:02}", p / 100, p % 100);
    for (line, outcome) in &r.lines {
        let detail = match outcome {
            PaymentOutcome::AmountMismatch { expected_para, .. } => format!(
                " (paid {} RSD, due {} RSD: NOT accepted)",
                amount(line.amount_para),
                amount(*expected_para)
            ),
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "{:<18} 97 {} {} RSD {} {}{}",
            outcome.code(),
            line.reference,
            amount(line.amount_para),
            line.paid_on,
            line.payer,
            detail
        );
    }
    for p in &r.unreadable {
        let _ = writeln!(out, "unreadable         line {}: {}", p.line, p.problem);
    }
    let _ = writeln!(
        out,
        "{} lines: {} matched, {} amount mismatch, {} unknown reference, {} already paid, {} duplicate, {} unreadable",
        r.lines.len() + r.unreadable.len(),
        r.count("matched"),
        r.count("amount-mismatch"),
        r.count("unknown-reference"),
        r.count("already-paid"),
        r.count("duplicate"),
        r.unreadable.len()
    );
    out
}

/// A draft ready to take files, from [`Applications::file_target`].
#[derive(Debug)]
pub struct FileTarget {
    app: Application,
    existing: Vec<Upload>,
    items: Vec<&'static str>,
}

/// Adds the field error for a file that may not join the draft's files.
fn refuse_file(errors: &mut FieldErrors, field: &str, refusal: uploads::Refusal, name: String) {
    match refusal {
        uploads::Refusal::DuplicateName => {
            errors.add_with(field, FileProblem::DuplicateName.code(), &[("name", name)]);
        }
        uploads::Refusal::Full => errors.add_with(
            field,
            "file_quota",
            &[
                ("files", MAX_FILES.to_string()),
                ("mb", (MAX_BYTES / 1024 / 1024).to_string()),
            ],
        ),
    }
}
