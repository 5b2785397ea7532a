//! The back office's side of a case: a police department's queue, one case as an officer
//! of that department sees it (every opening recorded), and the moves the status machine
//! gives an inspector. An officer of another department, like anyone else, is told the
//! case does not exist.

use eforeigner_rules::case::{self, Move, Party};
use serde_json::json;

use super::{Applications, audit, mail_job};
use crate::access::{self, Permission};
use bytes::Bytes;

use crate::applications::{Application, ApplicationEvent, ApplicationStatus, CaseLetter, CaseNote};
use crate::audit::AuditAction;
use crate::clock::{new_id, new_ordered_id};
use crate::paging::{PageNumber, Paged};
use crate::store::{CaseFilter, CaseLine, Effects, StoreError};
use crate::{
    Account, AccountId, Actor, ApplicationId, Department, DomainError, FieldErrors, Role, Upload,
    find_department,
};

/// A case as its department's officers see it: the application, its applicant, its
/// documents and its history.
#[derive(Clone, Debug)]
pub struct CaseFile {
    /// The application.
    pub app: Application,
    /// The applicant's account.
    pub applicant: Account,
    /// The case's documents.
    pub uploads: Vec<Upload>,
    /// Its history, oldest first.
    pub events: Vec<ApplicationEvent>,
    /// The department's internal notes, oldest first (never shown to the applicant).
    pub notes: Vec<CaseNote>,
    /// The case's letters (requests for updates, decisions), oldest first.
    pub letters: Vec<CaseLetter>,
}

/// The longest internal note, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;

/// One look an officer took at a case, as its applicant is shown it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseView {
    /// When.
    pub at: jiff::Timestamp,
    /// What: the case opened, a document read, the case taken.
    pub what: AuditAction,
    /// In which role (none for entries written before roles were recorded).
    pub role: Option<Role>,
    /// Of which department.
    pub department: Option<Department>,
}

/// A page of a department's queue, with how many of its cases are in each status.
#[derive(Clone, Debug)]
pub struct Queue {
    /// The department.
    pub department: Department,
    /// The cases of this page, oldest submission first.
    pub cases: Paged<CaseLine>,
    /// Cases per status over the whole department (statuses with none left out).
    pub counts: Vec<(ApplicationStatus, i64)>,
}

impl Applications {
    /// The department whose cases `officer` works: `Forbidden` without the permission or a
    /// department.
    fn department_of(officer: &Account) -> Result<Department, DomainError> {
        access::check(officer, Permission::HandleCases).map_err(|_| DomainError::Forbidden)?;
        officer.department.ok_or(DomainError::Forbidden)
    }

    /// A page of the queue of `officer`'s department.
    pub async fn queue(
        &self,
        officer: &Account,
        filter: &CaseFilter,
        page: PageNumber,
    ) -> Result<Queue, DomainError> {
        let department = Self::department_of(officer)?;
        let rows = self
            .store
            .department_cases(department, filter, page.window())
            .await?;
        let counts = self.store.department_counts(department).await?;
        Ok(Queue {
            department,
            cases: page.page_of(rows),
            counts,
        })
    }

    /// The case `id` of `officer`'s department; `NotFound` for any other (a draft, a case
    /// awaiting payment, another department's), as for a case that does not exist.
    pub(super) async fn department_case(
        &self,
        officer: &Account,
        id: &ApplicationId,
    ) -> Result<Application, DomainError> {
        // An officer without a department, like one of another department, is told the
        // case does not exist.
        let Ok(department) = Self::department_of(officer) else {
            return Err(DomainError::NotFound);
        };
        match self.store.application(id).await? {
            Some(app)
                if app.department.map(|d| d.slug) == Some(department.slug)
                    && !matches!(
                        app.status,
                        ApplicationStatus::Draft | ApplicationStatus::AwaitingPayment
                    ) =>
            {
                Ok(app)
            }
            _ => Err(DomainError::NotFound),
        }
    }

    /// Opens the case `id` for `officer`; the opening is recorded in the audit log.
    pub async fn open_case(
        &self,
        officer: &Account,
        id: &ApplicationId,
        actor: &Actor,
    ) -> Result<CaseFile, DomainError> {
        let app = self.department_case(officer, id).await?;
        let applicant = self.applicant_of(&app).await?;
        let uploads = self.uploads(&app).await?;
        let events = self.store.events_of(&app.id).await?;
        let notes = self.store.case_notes(&app.id).await?;
        let letters = self.store.case_letters(&app.id).await?;
        self.store
            .append_audit(
                &[audit(
                    actor,
                    AuditAction::CaseOpened,
                    app.id.as_str(),
                    Self::officer_facts(officer),
                )],
                self.now(),
            )
            .await?;
        Ok(CaseFile {
            app,
            applicant,
            uploads,
            events,
            notes,
            letters,
        })
    }

    /// `officer` adds an internal note to the case `id` of their department (required, at
    /// most [`MAX_NOTE_CHARS`] characters, trimmed). The audit entry says a note was added,
    /// not what it says.
    pub async fn add_case_note(
        &self,
        officer: &Account,
        id: &ApplicationId,
        body: &str,
        actor: &Actor,
    ) -> Result<CaseNote, DomainError> {
        let app = self.department_case(officer, id).await?;
        let mut errors = FieldErrors::default();
        let body = super::updates::check_text(&mut errors, "note", body, MAX_NOTE_CHARS);
        errors.into_result()?;
        let note = CaseNote {
            id: new_ordered_id(),
            application_id: app.id.clone(),
            author_id: officer.id.clone(),
            author_name: format!(
                "{} {}",
                officer.profile.given_names, officer.profile.surname
            ),
            body: body.to_string(),
            created_at: self.now(),
        };
        let effects = Effects::at(note.created_at).with_audit(audit(
            actor,
            AuditAction::CaseNoteAdded,
            app.id.as_str(),
            Self::officer_facts(officer),
        ));
        self.store.insert_case_note(&note, &effects).await?;
        Ok(note)
    }

    /// A document of the case `id` of `officer`'s department, with its bytes; the reading
    /// is recorded in the audit log.
    pub async fn case_document(
        &self,
        officer: &Account,
        id: &ApplicationId,
        upload_id: &str,
        actor: &Actor,
    ) -> Result<(Upload, Bytes), DomainError> {
        let app = self.department_case(officer, id).await?;
        let upload = self
            .uploads(&app)
            .await?
            .into_iter()
            .find(|u| u.id == upload_id)
            .ok_or(DomainError::NotFound)?;
        self.store
            .append_audit(
                &[audit(
                    actor,
                    AuditAction::CaseDocumentViewed,
                    app.id.as_str(),
                    Self::officer_facts(officer),
                )],
                self.now(),
            )
            .await?;
        let bytes = self.files.get(&upload.storage_key).await?;
        Ok((upload, bytes))
    }

    /// What the audit entry of an officer's look at a case keeps about them, so that the
    /// applicant can be shown it: role and department, never the person.
    pub(super) fn officer_facts(officer: &Account) -> serde_json::Value {
        json!({
            "role": officer.role.as_str(),
            "department": officer.department.map(|d| d.slug),
        })
    }

    /// Every look officers took at the applicant's own case `id` (openings, documents read,
    /// the taking), oldest first: when, in which role and department — never who.
    pub async fn case_views(
        &self,
        account: &Account,
        id: &ApplicationId,
    ) -> Result<Vec<CaseView>, DomainError> {
        let app = self.get(account, id).await?;
        let actions = [
            AuditAction::CaseOpened,
            AuditAction::CaseDocumentViewed,
            AuditAction::CaseTaken,
        ];
        let names: Vec<&str> = actions.iter().map(|a| a.as_str()).collect();
        let entries = self.store.audit_of(app.id.as_str(), &names, 500).await?;
        Ok(entries
            .into_iter()
            .filter_map(|e| {
                let what = AuditAction::parse(&e.action)?;
                let facts: serde_json::Value = serde_json::from_str(&e.details).ok()?;
                Some(CaseView {
                    at: e.at,
                    what,
                    role: facts["role"].as_str().and_then(Role::parse),
                    department: facts["department"].as_str().and_then(find_department),
                })
            })
            .collect())
    }

    /// `officer` takes the submitted case `id`: it becomes theirs, "Request processing".
    /// Of two officers taking it at once, one does; the other gets `Conflict`.
    pub async fn take(
        &self,
        officer: &Account,
        id: &ApplicationId,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let before = self.department_case(officer, id).await?;
        let mut app = Self::moved(&before, Move::Take, Party::Inspector, self.now())?;
        app.assignee_id = Some(officer.id.clone());
        let effects = Effects::at(app.updated_at).with_audit(audit(
            actor,
            AuditAction::CaseTaken,
            app.id.as_str(),
            Self::officer_facts(officer),
        ));
        self.write_move(app, &before, Move::Take.as_str(), &officer.id, &effects)
            .await
    }

    /// `before` after `by_move` made by `by` at `now` (status, version, time), or
    /// `Conflict` when the status machine does not allow it from where the case is.
    pub(super) fn moved(
        before: &Application,
        by_move: Move,
        by: Party,
        now: jiff::Timestamp,
    ) -> Result<Application, DomainError> {
        let to = case::next(before.status, by_move, by).map_err(|_| DomainError::Conflict)?;
        let mut app = before.clone();
        app.status = to;
        app.version += 1;
        app.updated_at = now;
        Ok(app)
    }

    /// Writes `app` (changed from `before` by the account `by`) with its history event
    /// `what` (a move's text, or another change such as `reassigned`) and `effects`, if
    /// nobody wrote the case meanwhile: of two changes made at once, one is written and the
    /// other gets `Conflict`.
    pub(super) async fn write_move(
        &self,
        app: Application,
        before: &Application,
        what: &str,
        by: &AccountId,
        effects: &Effects,
    ) -> Result<Application, DomainError> {
        let event = self.event(&app, Some(by), Some(before.status), what, None);
        match self
            .store
            .update_application(&app, before.version, &[event], None, None, effects)
            .await
        {
            Ok(()) => Ok(app),
            Err(StoreError::Stale) => Err(DomainError::Conflict),
            Err(e) => Err(e.into()),
        }
    }

    /// The officers a case of `officer`'s department can be given to (its active
    /// inspectors and supervisors), when `officer` may reassign cases; else none.
    pub async fn reassign_choices(&self, officer: &Account) -> Result<Vec<Account>, DomainError> {
        if !access::may(officer, Permission::ReassignCases) {
            return Ok(vec![]);
        }
        let Some(department) = officer.department else {
            return Ok(vec![]);
        };
        Ok(self
            .store
            .department_staff(department, &[Role::Inspector, Role::Supervisor])
            .await?)
    }

    /// Whether `app` has a handler that a supervisor may change: taken, and not decided.
    pub fn reassignable(app: &Application) -> bool {
        app.assignee_id.is_some()
            && matches!(
                app.status,
                ApplicationStatus::Processing
                    | ApplicationStatus::Updating
                    | ApplicationStatus::Resending
            )
    }

    /// A supervisor gives the case `id` of their department to `to`, another active
    /// inspector or supervisor of the same department (field error `to` otherwise). The
    /// status stays; the history and the audit log record the change.
    pub async fn reassign(
        &self,
        supervisor: &Account,
        id: &ApplicationId,
        to: &AccountId,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        access::check(supervisor, Permission::ReassignCases).map_err(|_| DomainError::Forbidden)?;
        let before = self.department_case(supervisor, id).await?;
        if !Self::reassignable(&before) {
            return Err(DomainError::Conflict);
        }
        let choices = self.reassign_choices(supervisor).await?;
        let Some(target) = choices.iter().find(|a| a.id == *to) else {
            let mut errors = FieldErrors::default();
            errors.add("to", "choose_one");
            return Err(DomainError::Invalid(errors));
        };
        let now = self.now();
        let mut app = before.clone();
        app.assignee_id = Some(target.id.clone());
        app.version += 1;
        app.updated_at = now;
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::CaseReassigned,
            app.id.as_str(),
            json!({
                "role": supervisor.role.as_str(),
                "department": supervisor.department.map(|d| d.slug),
                "to": target.id.as_str(),
            }),
        ));
        self.write_move(app, &before, "reassigned", &supervisor.id, &effects)
            .await
    }

    /// Whether the applicant may withdraw `app` now (before a decision: the status machine
    /// says from which statuses).
    pub fn may_withdraw(app: &Application) -> bool {
        case::next(app.status, Move::Withdraw, Party::Applicant).is_ok()
    }

    /// The applicant withdraws their request `id` before a decision: "Withdrawn", for
    /// good. The applicant is told by e-mail (no personal data in it); the case leaves the
    /// department's open work. `Conflict` once a decision was made (or it was withdrawn).
    pub async fn withdraw(
        &self,
        account: &Account,
        id: &ApplicationId,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let before = self.get(account, id).await?;
        let app = Self::moved(&before, Move::Withdraw, Party::Applicant, self.now())?;
        let effects = Effects::at(app.updated_at)
            .with_audit(audit(
                actor,
                AuditAction::ApplicationWithdrawn,
                app.id.as_str(),
                json!({"from": before.status.as_str()}),
            ))
            .with_job(mail_job(
                new_id(),
                account.email.as_str(),
                account.language,
                "request-withdrawn",
                json!({
                    "reference": app.case_reference.clone().unwrap_or_default(),
                    "link": format!("{}/applications/{}", self.public_url, app.id),
                }),
            ));
        self.write_move(app, &before, Move::Withdraw.as_str(), &account.id, &effects)
            .await
    }
}
