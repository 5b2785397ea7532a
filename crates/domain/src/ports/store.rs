//! The persistence port: the repository traits the services work over, and the values
//! they exchange. The store crate (`eforeigner-store`) implements them for SQLite and
//! PostgreSQL; one conformance suite runs against both.
//!
//! Every mutating operation takes [`Effects`]: the outbox jobs and audit entries it causes,
//! written in the same transaction, so an e-mail is never sent for a change that was
//! rolled back and no change happens without its audit record.

use async_trait::async_trait;
use jiff::Timestamp;

use crate::applications::{
    Application, ApplicationEvent, ApplicationStatus, MailboxDocument, PaymentRecord,
};
use crate::paging::Window;
use crate::sessions::Counter;
use crate::{
    Account, AccountId, AccountStatus, ApplicationId, AuditEntry, OwnerKey, Session, SignIn,
    TokenPurpose, Upload,
};

/// Errors of the persistence layer.
///
/// Not a `std::error::Error` itself, so that any backend error converts into it with `?`
/// (as [`StoreError::Backend`]), the way `anyhow::Error` does: the store crate's SQL and
/// file errors need no wrapping at each call, and the domain never names them.
#[derive(Debug)]
pub enum StoreError {
    /// No such row.
    NotFound,
    /// A unique value is taken: the write broke a unique or primary key constraint. The
    /// kind is decided by the database's error code (SQLite's extended result codes 2067
    /// and 1555, PostgreSQL's SQLSTATE 23505), never by its message.
    Taken {
        /// The constraint (or index) the database names: PostgreSQL's constraint name
        /// (`accounts_email_key`); SQLite names none, so its message's column list
        /// (`accounts.email`). For reports only: no decision depends on it.
        constraint: String,
    },
    /// What the write was based on changed meanwhile: an optimistic check (a version, a
    /// status, a date the write is conditional on) matched no row, or the owner's files
    /// re-read inside the write were refused by the caller's rule; nothing was written.
    Stale,
    /// A condition the write depends on no longer held when it was checked inside the
    /// write's transaction (a draft submitted or deleted meanwhile, its files no longer
    /// complete); nothing was written.
    Precondition,
    /// A stored value could not be read back.
    Corrupt(String),
    /// The database (or its driver, its migrations) failed.
    Backend(Box<dyn std::error::Error + Send + Sync>),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::NotFound => f.write_str("not found"),
            StoreError::Taken { constraint } => write!(f, "unique value taken ({constraint})"),
            StoreError::Stale => f.write_str("changed meanwhile"),
            StoreError::Precondition => f.write_str("precondition no longer holds"),
            StoreError::Corrupt(what) => write!(f, "corrupt row: {what}"),
            StoreError::Backend(e) => write!(f, "database: {e}"),
        }
    }
}

impl<E: std::error::Error + Send + Sync + 'static> From<E> for StoreError {
    fn from(e: E) -> Self {
        StoreError::Backend(Box::new(e))
    }
}

impl From<StoreError> for anyhow::Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Backend(inner) => anyhow::anyhow!(inner),
            other => anyhow::anyhow!("{other}"),
        }
    }
}

/// A job for the outbox.
#[derive(Clone, Debug)]
pub struct NewJob {
    /// Job id (also the idempotency key: e-mails carry it as Message-ID).
    pub id: String,
    /// What to do (`send-email`).
    pub kind: String,
    /// JSON payload.
    pub payload: String,
}

/// A claimed job.
#[derive(Clone, Debug)]
pub struct Job {
    /// Id.
    pub id: String,
    /// Kind.
    pub kind: String,
    /// JSON payload.
    pub payload: String,
    /// Attempts so far, including this one.
    pub attempts: i64,
}

/// An audit record to append.
#[derive(Clone, Debug, Default)]
pub struct NewAudit {
    /// Who.
    pub actor_id: Option<AccountId>,
    /// What (`login.succeeded`…).
    pub action: String,
    /// About whom or what.
    pub subject_id: Option<String>,
    /// From where.
    pub ip: Option<String>,
    /// JSON with extra facts (no secrets).
    pub details: String,
}

/// The consequences of a change, written in its transaction.
#[derive(Clone, Debug, Default)]
pub struct Effects {
    /// When the change happens (audit time, job creation time).
    pub at: Timestamp,
    /// Outbox jobs.
    pub jobs: Vec<NewJob>,
    /// Audit entries.
    pub audit: Vec<NewAudit>,
    /// Letters of a case (a decision gets its number as it is written).
    pub letters: Vec<crate::applications::CaseLetter>,
}

impl Effects {
    /// No consequences yet, at `at`.
    pub fn at(at: Timestamp) -> Self {
        Self {
            at,
            jobs: vec![],
            audit: vec![],
            letters: vec![],
        }
    }

    /// Adds a letter of a case.
    pub fn with_letter(mut self, letter: crate::applications::CaseLetter) -> Self {
        self.letters.push(letter);
        self
    }

    /// Adds an audit entry.
    pub fn with_audit(mut self, entry: NewAudit) -> Self {
        self.audit.push(entry);
        self
    }

    /// Adds an outbox job.
    pub fn with_job(mut self, job: NewJob) -> Self {
        self.jobs.push(job);
        self
    }
}

/// A single-use link token to store (only its hash).
#[derive(Clone, Debug)]
pub struct NewToken {
    /// SHA-256 of the secret, hex.
    pub token_hash: String,
    /// Whose.
    pub account_id: AccountId,
    /// For what.
    pub purpose: TokenPurpose,
    /// For e-mail changes: the new address.
    pub new_email: Option<crate::Email>,
    /// Issued.
    pub created_at: Timestamp,
    /// Valid until.
    pub expires_at: Timestamp,
}

/// What to do with uploads when an account is written.
#[derive(Clone, Debug, Default)]
pub struct UploadMove {
    /// Mark the account's current uploads as superseded first.
    pub supersede_current: bool,
    /// Move the uploads of this draft owner to the account.
    pub claim_from: Option<OwnerKey>,
}

/// How a throttle decides on one more attempt: given the index of the key (in the list
/// passed) and its stored counter, the counter's new value, or the time before which the
/// attempt may not go ahead (see `domain::sessions::admit`).
pub type ThrottleDecision<'a> =
    dyn Fn(usize, Option<Counter>) -> Result<i64, Timestamp> + Send + Sync + 'a;

/// A message kept for the development mailbox (when no SMTP server is configured).
#[derive(Clone, Debug)]
pub struct DevMail {
    /// Id.
    pub id: String,
    /// Recipient.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub body: String,
    /// When.
    pub created_at: Timestamp,
}

/// Accounts.
#[async_trait]
pub trait AccountRepo: Send + Sync {
    /// Inserts a new account; `Taken` when the e-mail (or the id) is taken.
    async fn insert_account(
        &self,
        account: &Account,
        token: Option<&NewToken>,
        uploads: &UploadMove,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// The account with this id.
    async fn account(&self, id: &AccountId) -> Result<Option<Account>, StoreError>;
    /// The account with this normalised e-mail.
    async fn account_by_email(&self, email: &str) -> Result<Option<Account>, StoreError>;
    /// Whether an account holds this foreigner's registration number (EBS).
    async fn ebs_in_use(&self, ebs: &str) -> Result<bool, StoreError>;
    /// Writes `account` if nobody changed it since `expected_updated_at` (`Stale`
    /// otherwise; `Taken` when its new e-mail is another account's); moves uploads and
    /// writes effects in the same transaction.
    async fn update_account(
        &self,
        account: &Account,
        expected_updated_at: Timestamp,
        uploads: &UploadMove,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// Counts one more consecutive failed password attempt of the account, atomically (no
    /// failure of many sent at once is lost), and locks the account when the count reaches
    /// `lock_at` and it is not locked yet; `effects` gets the new count and whether this
    /// failure locked it, and gives what to write with it. Returns the new count.
    async fn count_password_failure(
        &self,
        account_id: &AccountId,
        lock_at: i64,
        now: Timestamp,
        effects: &(dyn Fn(i64, bool) -> Effects + Send + Sync),
    ) -> Result<i64, StoreError>;
    /// Sets the account's count of consecutive failed password attempts to zero.
    async fn reset_password_failures(&self, account_id: &AccountId) -> Result<(), StoreError>;
    /// Accounts in `status`, oldest submission first.
    async fn accounts_in_status(
        &self,
        status: AccountStatus,
        limit: i64,
    ) -> Result<Vec<Account>, StoreError>;
    /// The active accounts in one of `roles` (any department or none), by surname; at
    /// most `limit`.
    async fn staff(&self, roles: &[crate::Role], limit: i64) -> Result<Vec<Account>, StoreError>;
    /// The active accounts of `department` in one of `roles`, by surname.
    async fn department_staff(
        &self,
        department: crate::Department,
        roles: &[crate::Role],
    ) -> Result<Vec<Account>, StoreError>;
}

/// Single-use e-mail links.
#[async_trait]
pub trait TokenRepo: Send + Sync {
    /// Stores a token (and the jobs that deliver it).
    async fn insert_token(&self, token: &NewToken, effects: &Effects) -> Result<(), StoreError>;
    /// Whether an unused, unexpired token with this hash and purpose exists; returns its account.
    async fn peek_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: Timestamp,
    ) -> Result<Option<AccountId>, StoreError>;
    /// Marks the token used (once) and applies `change` to its account in one transaction.
    /// `change` gets the account and the token's `new_email`, and returns the new account
    /// and the effects; `None` from the store when the token is unknown, used or expired.
    async fn redeem_token(
        &self,
        token_hash: &str,
        purpose: TokenPurpose,
        now: Timestamp,
        change: &(dyn Fn(Account, Option<crate::Email>) -> (Account, Effects) + Send + Sync),
    ) -> Result<Option<Account>, StoreError>;
    /// Invalidates the account's unused tokens of a purpose (a new link replaces old ones).
    async fn revoke_tokens(
        &self,
        account_id: &AccountId,
        purpose: TokenPurpose,
        now: Timestamp,
    ) -> Result<(), StoreError>;
}

/// Sessions, sign-in history and throttling.
#[async_trait]
pub trait SessionRepo: Send + Sync {
    /// Stores a new session keyed by the hash of its secret.
    async fn insert_session(
        &self,
        session: &Session,
        token_hash: &str,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// The session whose secret hashes to `token_hash`.
    async fn session_by_token(&self, token_hash: &str) -> Result<Option<Session>, StoreError>;
    /// The session with this token hash (ended or not) and its account: what every
    /// signed-in request needs first. May be answered from a short-lived in-process cache
    /// that every change to the account or its sessions through this store clears.
    async fn session_and_account(
        &self,
        token_hash: &str,
    ) -> Result<Option<(Session, Account)>, StoreError>;
    /// Records activity.
    async fn touch_session(&self, id: &str, now: Timestamp) -> Result<(), StoreError>;
    /// Ends one session of an account (returns whether it existed and was live).
    async fn end_session(
        &self,
        account_id: &AccountId,
        id: &str,
        now: Timestamp,
        effects: &Effects,
    ) -> Result<bool, StoreError>;
    /// Ends every session of the account except `keep`.
    async fn end_all_sessions(
        &self,
        account_id: &AccountId,
        keep: Option<&str>,
        now: Timestamp,
    ) -> Result<(), StoreError>;
    /// Sessions of the account not ended (expiry is judged by the caller).
    async fn open_sessions(&self, account_id: &AccountId) -> Result<Vec<Session>, StoreError>;
    /// Records a sign-in attempt on an existing account.
    async fn record_sign_in(
        &self,
        account_id: &AccountId,
        sign_in: &SignIn,
    ) -> Result<(), StoreError>;
    /// The latest sign-in attempts, newest first.
    async fn recent_sign_ins(
        &self,
        account_id: &AccountId,
        limit: i64,
    ) -> Result<Vec<SignIn>, StoreError>;
    /// Counts one attempt against every one of `keys`, at `now`, in one transaction that
    /// holds their counters: `decide` gets each key's counter and gives its new value or a
    /// refusal. If any key refuses, nothing is counted and the answer is the latest time
    /// named by a refusal. So of many attempts sent at once, exactly as many go through as
    /// the policy allows.
    async fn throttle_attempt(
        &self,
        keys: &[String],
        now: Timestamp,
        decide: &ThrottleDecision<'_>,
    ) -> Result<Result<(), Timestamp>, StoreError>;
    /// Takes back one attempt counted on `key` (a password attempt that succeeded).
    async fn throttle_refund(&self, key: &str) -> Result<(), StoreError>;
    /// Clears a throttle key after success.
    async fn throttle_clear(&self, key: &str) -> Result<(), StoreError>;
}

/// A rule about an owner's whole set of current uploads (unique names, a quota, a complete
/// checklist), checked by the store inside a write's transaction.
pub type UploadsCheck<'a> = dyn for<'u> Fn(&'u [Upload]) -> bool + Send + Sync + 'a;

/// Uploaded files' records.
#[async_trait]
pub trait UploadRepo: Send + Sync {
    /// Records an upload, with its effects (the audit line) in the same transaction.
    ///
    /// `admit` is shown the owner's current uploads, read in the same transaction with the
    /// owner's uploads locked against other inserts; the upload is recorded only if it
    /// agrees, else `Stale` and nothing is written. So a rule about the whole set (unique
    /// names, a quota) holds when two uploads race, e.g. from two tabs.
    async fn insert_upload(
        &self,
        upload: &Upload,
        admit: &UploadsCheck<'_>,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// Current (not superseded) uploads of an owner, oldest first.
    async fn uploads_of(&self, owner_key: &OwnerKey) -> Result<Vec<Upload>, StoreError>;
    /// One upload by id (any owner; callers check ownership).
    async fn upload(&self, id: &str) -> Result<Option<Upload>, StoreError>;
    /// Deletes an upload record of this owner; returns it.
    async fn delete_upload(
        &self,
        owner_key: &OwnerKey,
        id: &str,
    ) -> Result<Option<Upload>, StoreError>;
    /// Deletes up to `limit` records of uploads whose owner key starts with `owner_prefix`
    /// and that were made before `created_before`; returns their storage keys (the caller
    /// removes the bytes).
    async fn delete_stale_uploads(
        &self,
        owner_prefix: &str,
        created_before: Timestamp,
        limit: i64,
    ) -> Result<Vec<String>, StoreError>;
    /// Which of `keys` a record (an upload, a mailbox document) names.
    async fn referenced_storage_keys(
        &self,
        keys: &[String],
    ) -> Result<std::collections::HashSet<String>, StoreError>;
}

/// The transactional outbox and the development mailbox.
#[async_trait]
pub trait JobRepo: Send + Sync {
    /// Claims one due job for `lease`; `None` when nothing is due.
    async fn claim_job(
        &self,
        now: Timestamp,
        lease: jiff::SignedDuration,
    ) -> Result<Option<Job>, StoreError>;
    /// Marks a job done and scrubs its payload (it may hold a link).
    async fn complete_job(&self, id: &str, now: Timestamp) -> Result<(), StoreError>;
    /// Records a failure; the job runs again at `retry_at`, or never when `None`.
    async fn fail_job(
        &self,
        id: &str,
        error: &str,
        retry_at: Option<Timestamp>,
    ) -> Result<(), StoreError>;
    /// Number of jobs not done yet.
    async fn pending_jobs(&self) -> Result<i64, StoreError>;
    /// Keeps a message for the development mailbox (idempotent by id).
    async fn insert_dev_mail(&self, mail: &DevMail) -> Result<(), StoreError>;
    /// The development mailbox, newest first.
    async fn dev_mails(&self, limit: i64) -> Result<Vec<DevMail>, StoreError>;
}

/// The append-only, hash-chained audit log.
#[async_trait]
pub trait AuditRepo: Send + Sync {
    /// Appends entries outside any other change (e.g. a failed login).
    async fn append_audit(&self, entries: &[NewAudit], now: Timestamp) -> Result<(), StoreError>;
    /// The latest entries, newest first.
    async fn audit_entries(&self, limit: i64) -> Result<Vec<AuditEntry>, StoreError>;
    /// The entries about `subject` whose action is one of `actions`, oldest first (at most
    /// `limit`).
    async fn audit_of(
        &self,
        subject: &str,
        actions: &[&str],
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError>;
    /// Recomputes the chain; returns the number of entries, or the first broken `seq`.
    async fn verify_audit_chain(&self) -> Result<Result<i64, i64>, StoreError>;
}

/// Some rows of an e-Mailbox and how many of all its documents are unread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailboxSlice {
    /// The documents asked for, newest first.
    pub documents: Vec<MailboxLine>,
    /// Unread documents in the whole mailbox.
    pub unread: i64,
}

/// A line of the e-Mailbox: only what the list shows (half the columns of a
/// [`MailboxDocument`]; every column read costs a copy per row).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailboxLine {
    /// Id.
    pub id: String,
    /// `receipt`…: a translation key part.
    pub kind: String,
    /// The case reference.
    pub case_reference: Option<String>,
    /// Size.
    pub size_bytes: i64,
    /// Delivered.
    pub created_at: Timestamp,
    /// First opened by the addressee.
    pub opened_at: Option<Timestamp>,
}

/// A line of a department's queue of cases (no answers: the queue stays fast).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseLine {
    /// Id.
    pub id: ApplicationId,
    /// First or extension.
    pub kind: crate::applications::ApplicationKind,
    /// Status.
    pub status: ApplicationStatus,
    /// Case reference.
    pub case_reference: Option<String>,
    /// The chosen ground code.
    pub ground: Option<String>,
    /// When the applicant submitted it.
    pub submitted_at: Option<Timestamp>,
    /// The inspector handling it.
    pub assignee_id: Option<AccountId>,
    /// The last day of an open request for an update.
    pub deadline: Option<jiff::civil::Date>,
    /// Whether a deadline passed without an answer (back with the inspector, marked).
    pub lapsed: bool,
    /// Whether a proposed rejection waits for a supervisor.
    pub rejection_pending: bool,
}

/// Which of a department's cases a queue shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseFilter {
    /// Only cases in this status (else every status after payment).
    pub status: Option<ApplicationStatus>,
    /// Only cases this inspector handles.
    pub assignee: Option<AccountId>,
    /// Only first requests or only extensions.
    pub kind: Option<crate::applications::ApplicationKind>,
    /// Only cases on this ground (its code).
    pub ground: Option<String>,
    /// Only open cases (submitted, processing, updating, resending) received before this
    /// instant: the overdue ones.
    pub received_before: Option<Timestamp>,
}

/// A line of "My applications" (no answers: the list stays fast with many cases).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationSummary {
    /// Id.
    pub id: ApplicationId,
    /// First or extension.
    pub kind: crate::applications::ApplicationKind,
    /// Status.
    pub status: ApplicationStatus,
    /// Case reference once submitted.
    pub case_reference: Option<String>,
    /// The chosen ground code, if any.
    pub ground: Option<String>,
    /// A deadline that applies.
    pub deadline: Option<jiff::civil::Date>,
    /// Drafts: deleted after.
    pub expires_at: Option<Timestamp>,
    /// Created.
    pub created_at: Timestamp,
}

/// Applications, their history, payments, the e-Mailbox and answers kept over a login.
#[async_trait]
pub trait ApplicationRepo: Send + Sync {
    /// Inserts a new draft with its first history line.
    async fn insert_application(
        &self,
        app: &Application,
        event: &ApplicationEvent,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// One application (any owner; callers check ownership).
    async fn application(&self, id: &ApplicationId) -> Result<Option<Application>, StoreError>;
    /// Writes `app` if its stored version is still `expected_version` (`Stale` otherwise;
    /// `Taken` for a taken case or payment reference, or a payment line recorded before),
    /// with history lines, the payment record and effects, in one transaction.
    ///
    /// With `files_check` (submission), the application's current files are read in the
    /// same transaction after its row is locked, so no file can be added or removed until
    /// it commits (see [`Self::add_draft_file`]); if `files_check` refuses them, nothing is
    /// written and the answer is `Precondition`.
    async fn update_application(
        &self,
        app: &Application,
        expected_version: i64,
        events: &[ApplicationEvent],
        payment: Option<&PaymentRecord>,
        files_check: Option<&UploadsCheck<'_>>,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// Records a file of the draft `application_id`, with its effects, in one transaction
    /// that holds the draft's row: `Precondition` if the application is no longer a draft
    /// (submitted or deleted meanwhile, e.g. from another tab), `Stale` if `admit`
    /// refuses the draft's current files (as [`UploadRepo::insert_upload`]); nothing is
    /// written then.
    async fn add_draft_file(
        &self,
        application_id: &ApplicationId,
        upload: &Upload,
        admit: &UploadsCheck<'_>,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// Removes a file of the draft `application_id` (its record; the caller removes the
    /// bytes) with its effects: `Precondition` if the application is no longer a draft,
    /// `NotFound` if the draft has no such file.
    async fn remove_draft_file(
        &self,
        application_id: &ApplicationId,
        upload_id: &str,
        effects: &Effects,
    ) -> Result<Upload, StoreError>;
    /// The rows `window` of an account's applications, newest first.
    async fn applications_of(
        &self,
        account_id: &AccountId,
        window: Window,
    ) -> Result<Vec<ApplicationSummary>, StoreError>;
    /// The rows `window` of `department`'s cases that `filter` lets through, oldest
    /// submission first. Drafts and cases awaiting payment are not the department's yet.
    async fn department_cases(
        &self,
        department: crate::Department,
        filter: &CaseFilter,
        window: Window,
    ) -> Result<Vec<CaseLine>, StoreError>;
    /// How many of `department`'s cases are in each status (statuses with none left out).
    async fn department_counts(
        &self,
        department: crate::Department,
    ) -> Result<Vec<(ApplicationStatus, i64)>, StoreError>;
    /// Adds an internal note to a case, with its effects (audit).
    async fn insert_case_note(
        &self,
        note: &crate::applications::CaseNote,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// The internal notes of a case, oldest first, with their authors' names.
    async fn case_notes(
        &self,
        application_id: &ApplicationId,
    ) -> Result<Vec<crate::applications::CaseNote>, StoreError>;
    /// The letters of a case (requests for updates and decisions), oldest first.
    async fn case_letters(
        &self,
        application_id: &ApplicationId,
    ) -> Result<Vec<crate::applications::CaseLetter>, StoreError>;
    /// One letter.
    async fn case_letter(
        &self,
        id: &str,
    ) -> Result<Option<crate::applications::CaseLetter>, StoreError>;
    /// Adds biometrics slots (a slot of the same department and start as an existing one is
    /// left out); how many were added.
    async fn insert_slots(
        &self,
        slots: &[crate::applications::BiometricsSlot],
        effects: &Effects,
    ) -> Result<usize, StoreError>;
    /// The slots of `department` starting in `[from, to)`, in time order.
    async fn department_slots(
        &self,
        department: crate::Department,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<crate::applications::BiometricsSlot>, StoreError>;
    /// Closes the slot `id` of `department` (no more bookings); whether it was open.
    async fn close_slot(
        &self,
        department: crate::Department,
        id: &str,
        effects: &Effects,
    ) -> Result<bool, StoreError>;
    /// The booking of a case.
    async fn booking_of(
        &self,
        application_id: &ApplicationId,
    ) -> Result<Option<crate::applications::Booking>, StoreError>;
    /// Books (or moves) the case `app`'s appointment to the slot `slot_id`, writing `app`
    /// (if still at `expected_version`: else `Stale`) with its `events` and `effects`, in
    /// one transaction: the slot's place is taken only if one is free and the slot open
    /// (else `Precondition`, nothing written), and a previous booking's place is given back.
    async fn book_slot(
        &self,
        app: &Application,
        expected_version: i64,
        events: &[ApplicationEvent],
        slot_id: &str,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// Bookings whose slot starts in `[from, to)` and whose applicant was not reminded.
    async fn bookings_to_remind(
        &self,
        from: Timestamp,
        to: Timestamp,
    ) -> Result<Vec<crate::applications::Booking>, StoreError>;
    /// Records the reminder of a booking, with its effects (the mail); whether it was not
    /// recorded before.
    async fn mark_reminded(
        &self,
        application_id: &ApplicationId,
        at: Timestamp,
        effects: &Effects,
    ) -> Result<bool, StoreError>;
    /// The decisions of `department` since `since`: each case's ground and the days from
    /// its receipt to its decision (approval or rejection).
    async fn decision_days(
        &self,
        department: crate::Department,
        since: Timestamp,
    ) -> Result<Vec<(Option<String>, i64)>, StoreError>;
    /// How many open cases of `department` (submitted, being processed or updated) were
    /// received before `before`.
    async fn overdue_cases(
        &self,
        department: crate::Department,
        before: Timestamp,
    ) -> Result<i64, StoreError>;
    /// Declares the permit of the case `application_id` (its number `number`) invalid at
    /// `at`, with `effects`; `false` when it already was.
    async fn invalidate_permit(
        &self,
        application_id: &ApplicationId,
        number: &str,
        at: Timestamp,
        effects: &Effects,
    ) -> Result<bool, StoreError>;
    /// When the permit of a case was declared invalid.
    async fn permit_invalidated_at(
        &self,
        application_id: &ApplicationId,
    ) -> Result<Option<Timestamp>, StoreError>;
    /// Invalidated permits, newest first: number and date.
    async fn invalidated_permits(
        &self,
        window: Window,
    ) -> Result<Vec<(String, Timestamp)>, StoreError>;
    /// The history of an application, oldest first.
    async fn events_of(
        &self,
        application_id: &ApplicationId,
    ) -> Result<Vec<ApplicationEvent>, StoreError>;
    /// The application whose fee reference is `reference`.
    async fn application_by_payment_reference(
        &self,
        reference: &str,
    ) -> Result<Option<Application>, StoreError>;
    /// The application whose confirmation carries `code`.
    async fn application_by_verify_code(
        &self,
        code: &str,
    ) -> Result<Option<Application>, StoreError>;
    /// Applications in a status, oldest change first.
    async fn applications_in_status(
        &self,
        status: ApplicationStatus,
        limit: i64,
    ) -> Result<Vec<Application>, StoreError>;
    /// Drafts whose deletion date is before `before`, not yet warned (for the warning), or
    /// all such drafts (`warned_too`), oldest first.
    async fn drafts_expiring(
        &self,
        before: Timestamp,
        include_warned: bool,
        limit: i64,
    ) -> Result<Vec<Application>, StoreError>;
    /// Marks a draft as warned about its deletion — only while it is a draft, not warned
    /// yet and still due before `deleted_before` (a save in the meantime moves the date);
    /// `Stale` otherwise, so two sweeps running at once send one warning.
    async fn mark_draft_warned(
        &self,
        id: &ApplicationId,
        deleted_before: Timestamp,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// Deletes a draft (only while it is a draft and, with `expired_before`, only if its
    /// deletion date is before then: a save in the meantime keeps it) with its uploads'
    /// records; returns the storage keys of the files to remove. `Stale` (nothing deleted)
    /// when it is no longer such a draft.
    async fn delete_draft(
        &self,
        id: &ApplicationId,
        expired_before: Option<Timestamp>,
        effects: &Effects,
    ) -> Result<Vec<String>, StoreError>;
    /// Records a payment line that matched nothing (or an amount that did not match);
    /// `Taken` when the same line was recorded before.
    async fn insert_payment(
        &self,
        payment: &PaymentRecord,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// A payment line by its idempotency key.
    async fn payment_by_key(&self, source_key: &str) -> Result<Option<PaymentRecord>, StoreError>;
    /// Payment lines that need attention (an amount that did not match, an unknown
    /// reference) and are not resolved, oldest first.
    async fn payments_needing_attention(
        &self,
        limit: i64,
    ) -> Result<Vec<PaymentRecord>, StoreError>;
    /// Marks the payment line `id` resolved by `by` with `note`; `NotFound` when there is
    /// no such unresolved line.
    async fn resolve_payment(
        &self,
        id: &str,
        by: &AccountId,
        note: &str,
        at: Timestamp,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// Delivers a document to an e-Mailbox; a second delivery of the same application and
    /// kind does nothing (returns `false`).
    async fn insert_mailbox_document(
        &self,
        doc: &MailboxDocument,
        effects: &Effects,
    ) -> Result<bool, StoreError>;
    /// The rows `window` of a user's e-Mailbox, newest first, with the number of unread
    /// documents in the whole mailbox.
    async fn mailbox_of(
        &self,
        account_id: &AccountId,
        window: Window,
    ) -> Result<MailboxSlice, StoreError>;
    /// One mailbox document (any owner; callers check ownership).
    async fn mailbox_document(&self, id: &str) -> Result<Option<MailboxDocument>, StoreError>;
    /// Records the first opening (delivery receipt); later openings change nothing.
    async fn mark_opened(
        &self,
        id: &str,
        at: Timestamp,
        effects: &Effects,
    ) -> Result<(), StoreError>;
    /// Keeps answers typed when the session had ended, under the hash of a browser token.
    async fn keep_answers(
        &self,
        token_hash: &str,
        application_id: &ApplicationId,
        step: &str,
        answers: &str,
        now: Timestamp,
        expires_at: Timestamp,
    ) -> Result<(), StoreError>;
    /// Takes (and deletes) kept answers for an application; `(step, answers JSON)`.
    async fn take_kept_answers(
        &self,
        token_hash: &str,
        application_id: &ApplicationId,
        now: Timestamp,
    ) -> Result<Option<(String, String)>, StoreError>;
}

/// Whether the database answers (the health check).
#[async_trait]
pub trait HealthRepo: Send + Sync {
    /// `true` when a trivial query succeeds.
    async fn ping(&self) -> bool;
}

/// Everything the services need from persistence.
pub trait Store:
    AccountRepo
    + TokenRepo
    + SessionRepo
    + UploadRepo
    + JobRepo
    + AuditRepo
    + ApplicationRepo
    + HealthRepo
{
}
impl<
    T: AccountRepo
        + TokenRepo
        + SessionRepo
        + UploadRepo
        + JobRepo
        + AuditRepo
        + ApplicationRepo
        + HealthRepo,
> Store for T
{
}
