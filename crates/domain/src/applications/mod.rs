//! The online application for temporary residence: drafts with their six steps, the case
//! after submission with its status history, payments and the e-Mailbox.
//!
//! - [`steps`] — the six steps of seed 002 as pure functions: which fields each asks, how
//!   answers are checked (always with the rules crate, never a second copy of a rule) and
//!   which status each step has.
//! - [`service`] — the operations (start, save a step, upload, submit, confirm a payment,
//!   issue the confirmation of receipt, sweep old drafts) over the store.

pub mod service;
pub mod steps;

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::{AccountId, ApplicationId, OwnerKey};

pub use service::{
    Applications, CaseAction, CaseFile, CaseView, Figures, FileTarget, ImportReport, OpenHours,
    Queue, RejectionAsk, UpdateAsk,
};
pub use steps::{StepId, StepState};

pub(crate) use crate::model::string_enum as code_enum;

/// Where a case stands: the rules crate's status, whose moves are in its one transition
/// table ([`eforeigner_rules::case::TRANSITIONS`]).
pub use eforeigner_rules::case::Status as ApplicationStatus;

pub use eforeigner_rules::residence::ApplicationKind;

pub use eforeigner_rules::decisions::DecisionNumber;

/// Parses `first` / `extension`.
pub fn parse_kind(s: &str) -> Option<ApplicationKind> {
    match s {
        "first" => Some(ApplicationKind::First),
        "extension" => Some(ApplicationKind::Extension),
        _ => None,
    }
}

/// The answers of a draft: per step, field name → value as typed (trimmed), plus which steps
/// were once completed (a completed step that no longer checks out "has a problem").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers {
    /// Step code → field → value.
    #[serde(default)]
    pub steps: BTreeMap<String, BTreeMap<String, String>>,
    /// Steps that were completed at least once.
    #[serde(default)]
    pub completed: BTreeSet<String>,
}

impl Answers {
    /// The answers of one step (empty when not started).
    pub fn step(&self, step: StepId) -> &BTreeMap<String, String> {
        static EMPTY: BTreeMap<String, String> = BTreeMap::new();
        self.steps.get(step.as_str()).unwrap_or(&EMPTY)
    }

    /// One answer, or "".
    pub fn get(&self, step: StepId, field: &str) -> &str {
        self.step(step).get(field).map(String::as_str).unwrap_or("")
    }
}

/// A draft or a case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Application {
    /// Id (UUID v7: sorts by creation).
    pub id: ApplicationId,
    /// The applicant's account.
    pub account_id: AccountId,
    /// First or extension.
    pub kind: ApplicationKind,
    /// Status.
    pub status: ApplicationStatus,
    /// The answers of the six steps.
    pub answers: Answers,
    /// Bumped by every write; a save based on an older version is refused (two tabs).
    pub version: i64,
    /// The case reference, given at submission (`TR-2026-48291736`).
    pub case_reference: Option<String>,
    /// The model-97 reference digits of this application's fee (without `97` and check).
    pub payment_reference: Option<String>,
    /// How the applicant pays.
    pub payment_method: Option<PaymentMethod>,
    /// The fee due with the request, in para (1/100 RSD).
    pub fee_due_para: Option<i64>,
    /// When the payment was confirmed.
    pub paid_at: Option<Timestamp>,
    /// When the applicant pressed Submit.
    pub submitted_at: Option<Timestamp>,
    /// When the request counted as received (submitted and paid): the date on the receipt.
    pub received_at: Option<Timestamp>,
    /// The public verification code of the confirmation of receipt.
    pub verify_code: Option<String>,
    /// A deadline that applies (e.g. corrections), ISO date.
    pub deadline: Option<jiff::civil::Date>,
    /// Created.
    pub created_at: Timestamp,
    /// Last written.
    pub updated_at: Timestamp,
    /// Drafts: deleted after this instant.
    pub expires_at: Option<Timestamp>,
    /// Drafts: when the "will be deleted" e-mail was queued.
    pub expiry_warned_at: Option<Timestamp>,
    /// The police department that handles the case (of the municipality of residence),
    /// set at submission.
    pub department: Option<crate::Department>,
    /// The inspector handling the case, once one took it.
    pub assignee_id: Option<AccountId>,
    /// While "Request updating": what the applicant may change (the last day is
    /// [`Self::deadline`]).
    pub update_scope: Option<UpdateScope>,
    /// When the deadline of an update passed without an answer (the case went back to its
    /// inspector, marked); cleared by the next request for an update.
    pub lapsed_at: Option<Timestamp>,
    /// When the applicant was reminded of the deadline of the open update.
    pub reminded_at: Option<Timestamp>,
    /// A rejection an inspector proposed, waiting for a supervisor.
    pub rejection_proposal: Option<RejectionProposal>,
}

impl Application {
    /// The police department of the municipality of residence the reasons step names (the
    /// one that handles the case).
    pub fn residence_department(&self) -> Option<crate::Department> {
        eforeigner_rules::municipalities::find_municipality(
            self.answers.get(StepId::Reasons, "residence_municipality"),
        )
        .map(|m| m.police_department)
    }

    /// Whether the applicant may change the answers of `step` now: any step of a draft; on
    /// "Request updating", only the steps (and the documents step when items are) the
    /// inspector named. Everything else is read-only.
    pub fn may_change(&self, step: StepId) -> bool {
        match self.status {
            ApplicationStatus::Draft => true,
            ApplicationStatus::Updating => self
                .update_scope
                .as_ref()
                .is_some_and(|s| s.opens_step(step)),
            _ => false,
        }
    }

    /// Whether the applicant may change the files of the document item `item` now: any of
    /// a draft's; on "Request updating", those the inspector named (or all when the whole
    /// documents step was named).
    pub fn may_change_item(&self, item: &str) -> bool {
        match self.status {
            ApplicationStatus::Draft => true,
            ApplicationStatus::Updating => self
                .update_scope
                .as_ref()
                .is_some_and(|s| s.opens_item(item) || s.steps.contains(&StepId::Documents)),
            _ => false,
        }
    }

    /// What a form of this draft is based on: a fingerprint of its kind and answers (16 hex
    /// digits of their SHA-256). A save or a submission based on other answers is refused as
    /// a change from another tab; a write that changed no answer (a payment confirmed
    /// meanwhile) is not, unlike [`Self::version`], which every write bumps.
    pub fn answers_stamp(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(self.kind.code().as_bytes());
        h.update(b"\n");
        // Maps and sets are ordered, so the same answers always give the same bytes.
        if let Ok(json) = serde_json::to_vec(&self.answers) {
            h.update(&json);
        }
        hex::encode(&h.finalize()[..8])
    }
}

crate::model::string_enum!(
    /// How the applicant pays the fee. Only the payment slip exists; a card provider
    /// plugs in beside it (see [`crate::payments`]).
    PaymentMethod {
        /// A payment slip (with its IPS QR code) paid at a bank, post office or by app.
        Slip = "slip",
    }
);

/// What a request for an update lets the applicant change: the steps named (their answers)
/// and, on the documents step, the items named (their files). Everything else stays as
/// submitted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateScope {
    /// The steps whose answers may change.
    #[serde(default)]
    pub steps: Vec<StepId>,
    /// The document items whose files may change (codes of the documents step).
    #[serde(default)]
    pub items: Vec<String>,
}

impl UpdateScope {
    /// Whether the answers of `step` may change.
    pub fn opens_step(&self, step: StepId) -> bool {
        self.steps.contains(&step) || (step == StepId::Documents && !self.items.is_empty())
    }

    /// Whether the files of the document item `item` may change.
    pub fn opens_item(&self, item: &str) -> bool {
        self.items.iter().any(|i| i == item)
    }
}

/// A rejection proposed by an inspector: it takes effect when a supervisor (another
/// person) confirms it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RejectionProposal {
    /// The codes of the grounds (seed 004, the rules catalogue's).
    pub grounds: Vec<String>,
    /// The inspector's reasoning.
    pub reasoning: String,
    /// Who proposed it.
    pub by: AccountId,
    /// When.
    pub at: Timestamp,
}

code_enum!(
    /// What a letter of a case is.
    LetterKind {
        /// A request for documents or corrections, with a deadline.
        UpdateRequest = "update-request",
        /// The decision approving the request.
        Approval = "approval",
        /// The decision rejecting the request.
        Rejection = "rejection",
        /// The notice that the card can be collected.
        CardReady = "card-ready",
        /// The certificate of the initiated procedure (with the foreigner's registration
        /// number), issued with the confirmation of receipt.
        Certificate = "certificate",
    }
);

impl LetterKind {
    /// Whether the letter is a decision (numbered).
    pub fn is_decision(self) -> bool {
        matches!(self, LetterKind::Approval | LetterKind::Rejection)
    }
}

/// What a letter says, as its PDF prints it (stored as JSON; every field optional so that
/// one shape serves every kind).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterBody {
    /// The inspector's message (update) or reasoning (rejection).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    /// Update: what may change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<UpdateScope>,
    /// Update: the last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<jiff::civil::Date>,
    /// Rejection: the codes of the grounds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grounds: Vec<String>,
    /// Approval: the permit's kind (`temporary_residence` or `single_permit`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permit: Option<String>,
    /// Approval: the first day of the permit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<jiff::civil::Date>,
    /// Approval: the last day of the permit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<jiff::civil::Date>,
    /// Approval: the biometrics fees, in para.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biometrics_fee_para: Option<i64>,
    /// Rejection: who confirmed it (a supervisor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confirmed_by: Option<AccountId>,
    /// Certificate: the foreigner's registration number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ebs: Option<String>,
}

/// A letter of a case: written with the move that sends it, delivered to the e-Mailbox as
/// a PDF by a job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseLetter {
    /// Id (also the id of its e-Mailbox document).
    pub id: String,
    /// The case.
    pub application_id: ApplicationId,
    /// What it is.
    pub kind: LetterKind,
    /// A decision's number (given by the store when the decision is written).
    pub number: Option<DecisionNumber>,
    /// Who wrote it.
    pub author_id: AccountId,
    /// What it says.
    pub body: LetterBody,
    /// When.
    pub created_at: Timestamp,
}

/// A biometrics appointment slot of a police department.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BiometricsSlot {
    /// Id.
    pub id: String,
    /// The department.
    pub department: crate::Department,
    /// When it starts.
    pub starts_at: Timestamp,
    /// When it ends.
    pub ends_at: Timestamp,
    /// How many people it takes.
    pub capacity: i64,
    /// How many booked it.
    pub booked: i64,
    /// Closed by a supervisor: it takes no booking.
    pub closed: bool,
}

impl BiometricsSlot {
    /// Places left.
    pub fn free(&self) -> i64 {
        if self.closed {
            0
        } else {
            (self.capacity - self.booked).max(0)
        }
    }
}

/// A case's biometrics booking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Booking {
    /// The case.
    pub application_id: ApplicationId,
    /// Its slot.
    pub slot: BiometricsSlot,
    /// When booked (or last moved).
    pub booked_at: Timestamp,
    /// When the reminder was sent.
    pub reminded_at: Option<Timestamp>,
}

/// An internal note on a case: for the officers of its department only.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseNote {
    /// Id.
    pub id: String,
    /// The case.
    pub application_id: ApplicationId,
    /// Who wrote it.
    pub author_id: AccountId,
    /// Their name (officers see each other's names; the applicant sees no note).
    pub author_name: String,
    /// The note.
    pub body: String,
    /// When.
    pub created_at: Timestamp,
}

/// One line of a case's history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationEvent {
    /// Id.
    pub id: String,
    /// The case.
    pub application_id: ApplicationId,
    /// When.
    pub at: Timestamp,
    /// Who (none: the system, e.g. a bank-statement import).
    pub actor_id: Option<AccountId>,
    /// Status before.
    pub from_status: Option<ApplicationStatus>,
    /// Status after.
    pub to_status: ApplicationStatus,
    /// What happened (`started`, `submitted`, `payment-confirmed`…): a translation key part.
    pub what: String,
    /// Why, in words given by an officer, or a code.
    pub why: Option<String>,
}

/// A payment line as recorded (bank statement, supervisor, later card).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaymentRecord {
    /// Id.
    pub id: String,
    /// `bank-statement`, `supervisor` (later `card:<provider>`).
    pub source: String,
    /// Idempotency key: the same line imported twice is recognised.
    pub source_key: String,
    /// Model-97 reference digits (without `97` and check).
    pub reference: String,
    /// Amount in para.
    pub amount_para: i64,
    /// Date paid, ISO.
    pub paid_on: String,
    /// Payer as the bank gave it.
    pub payer: String,
    /// `matched`, `amount-mismatch`, `unknown-reference`, `already-paid`.
    pub outcome: String,
    /// The application it was matched to.
    pub application_id: Option<ApplicationId>,
    /// Who recorded it (supervisor).
    pub recorded_by: Option<AccountId>,
    /// A note.
    pub note: Option<String>,
    /// When recorded.
    pub recorded_at: Timestamp,
    /// A line that needed attention: when a supervisor resolved it.
    pub resolved_at: Option<Timestamp>,
    /// Who resolved it.
    pub resolved_by: Option<AccountId>,
    /// How it was resolved.
    pub resolution_note: Option<String>,
}

impl PaymentRecord {
    /// Whether someone has to look at this line: an amount that did not match or an
    /// unknown reference, not resolved yet.
    pub fn needs_attention(&self) -> bool {
        self.resolved_at.is_none()
            && matches!(
                self.outcome.as_str(),
                "amount-mismatch" | "unknown-reference"
            )
    }
}

/// An official document in a user's e-Mailbox.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MailboxDocument {
    /// Id.
    pub id: String,
    /// Addressee.
    pub account_id: AccountId,
    /// The case it belongs to.
    pub application_id: Option<ApplicationId>,
    /// `receipt` (confirmation of request receipt)…: a translation key part.
    pub kind: String,
    /// The case reference, for the list.
    pub case_reference: Option<String>,
    /// Download name.
    pub file_name: String,
    /// `application/pdf`.
    pub content_type: String,
    /// Size.
    pub size_bytes: i64,
    /// Where the bytes are.
    pub storage_key: String,
    /// Public verification code printed on it.
    pub verify_code: Option<String>,
    /// Delivered.
    pub created_at: Timestamp,
    /// First opened by the addressee (delivery receipt).
    pub opened_at: Option<Timestamp>,
}

/// The owner key of an application's uploads.
pub fn upload_owner(application_id: &ApplicationId) -> OwnerKey {
    OwnerKey::Application(application_id.clone())
}
