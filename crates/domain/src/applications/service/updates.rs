//! "Request updating": the inspector asks for documents or corrections, naming the steps
//! and document items that may change and the deadline (seed 002: "usually 8 days"); the
//! letter goes to the e-Mailbox. The applicant changes only what was named and confirms
//! without paying again ("Sending data in progress"); the inspector takes it up again. A
//! deadline that passes without an answer returns the case to its inspector, marked; the
//! applicant is reminded before the last day.

use eforeigner_rules::case::{Move, Party};
use eforeigner_rules::decisions;
use serde_json::json;

use super::{Applications, audit, mail_job};
use crate::applications::steps::{self, StepId, StepInput};
use crate::applications::{
    Application, ApplicationStatus, CaseLetter, LetterBody, LetterKind, UpdateScope,
};
use crate::audit::AuditAction;
use crate::clock::new_ordered_id;
use crate::jobs::IssueLetter;
use crate::store::{Effects, NewJob, StoreError};
use crate::{Account, Actor, ApplicationId, DomainError, FieldErrors};

/// The longest message or reasoning of a letter, in characters.
pub const MAX_LETTER_CHARS: usize = 4000;

/// What an inspector asks for in a request for an update, as typed.
#[derive(Clone, Debug, Default)]
pub struct UpdateAsk {
    /// What is missing or wrong.
    pub message: String,
    /// The codes of the steps whose answers may change.
    pub steps: Vec<String>,
    /// The codes of the document items whose files may change.
    pub items: Vec<String>,
    /// The days to answer (empty: [`decisions::UPDATE_DAYS`]).
    pub days: String,
}

/// Checks a text an officer writes (a letter's, a note's): required, at most `max`
/// characters; returns it trimmed.
pub(super) fn check_text(errors: &mut FieldErrors, field: &str, text: &str, max: usize) -> String {
    let text = text.trim();
    if text.is_empty() {
        errors.add(field, "required");
    } else if text.chars().count() > max {
        errors.add_with(field, "too_long", &[("max", max.to_string())]);
    }
    text.to_string()
}

impl Applications {
    /// A letter of `app` by `author`, with the job that delivers it to the e-Mailbox (same
    /// transaction as the move that sends it). A decision asks the store for the next number
    /// of the case's department in the current year.
    pub(super) fn letter(
        &self,
        app: &Application,
        author: &Account,
        kind: LetterKind,
        body: LetterBody,
        effects: Effects,
    ) -> Effects {
        let number = kind.is_decision().then(|| decisions::DecisionNumber {
            department: app.department.map(|d| d.slug).unwrap_or("none").to_string(),
            year: self.today().year(),
            seq: 0,
        });
        let letter = CaseLetter {
            id: new_ordered_id(),
            application_id: app.id.clone(),
            kind,
            number,
            author_id: author.id.clone(),
            body,
            created_at: self.now(),
        };
        let job = NewJob::of(
            format!("letter-{}", letter.id),
            &IssueLetter {
                letter_id: letter.id.clone(),
            },
        );
        effects.with_letter(letter).with_job(job)
    }

    /// The case `id` of `officer`'s department, if `officer` is its handler: `Forbidden`
    /// for another officer of the department (a supervisor reassigns it first).
    pub(super) async fn handled_case(
        &self,
        officer: &Account,
        id: &ApplicationId,
    ) -> Result<Application, DomainError> {
        let app = self.department_case(officer, id).await?;
        if app.assignee_id.as_ref() != Some(&officer.id) {
            return Err(DomainError::Forbidden);
        }
        Ok(app)
    }

    /// The inspector handling the case `id` asks the applicant for documents or
    /// corrections: "Request updating" with the letter (message, what may change, the last
    /// day) in the e-Mailbox and an e-mail. Field errors: `message` (required, at most
    /// [`MAX_LETTER_CHARS`]), `scope` (nothing named), `steps` / `items` (not of this case),
    /// `days` (not a whole number, the deadline today or past, more than
    /// [`decisions::MAX_UPDATE_DAYS`]).
    pub async fn request_update(
        &self,
        officer: &Account,
        id: &ApplicationId,
        ask: &UpdateAsk,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let before = self.handled_case(officer, id).await?;
        let applicant = self.applicant_of(&before).await?;
        let uploads = self.uploads(&before).await?;
        let input = StepInput::of(&applicant, &before, &uploads, self.today());
        let known_items: Vec<&str> = steps::document_items(&input)
            .into_iter()
            .map(|i| i.code)
            .collect();
        let mut errors = FieldErrors::default();
        let message = check_text(&mut errors, "message", &ask.message, MAX_LETTER_CHARS);
        let mut scope = UpdateScope::default();
        for code in &ask.steps {
            // The fees were paid: the fee step never reopens (no second payment).
            match StepId::parse(code) {
                Some(step) if step != StepId::Fees => {
                    if !scope.steps.contains(&step) {
                        scope.steps.push(step);
                    }
                }
                _ => errors.add("steps", "choose_one"),
            }
        }
        for code in &ask.items {
            if known_items.contains(&code.as_str()) {
                if !scope.items.contains(code) {
                    scope.items.push(code.clone());
                }
            } else {
                errors.add("items", "choose_one");
            }
        }
        if scope.steps.is_empty() && scope.items.is_empty() {
            errors.add("scope", "update_nothing_named");
        }
        let days = match ask.days.trim() {
            "" => Some(decisions::UPDATE_DAYS),
            d => d.parse::<i64>().ok(),
        };
        let deadline = match days.map(|d| decisions::update_deadline(self.today(), d)) {
            Some(Ok(d)) => Some(d),
            Some(Err(e)) => {
                errors.add_with(
                    "days",
                    e.code(),
                    &[("max", decisions::MAX_UPDATE_DAYS.to_string())],
                );
                None
            }
            None => {
                errors.add("days", "whole_number");
                None
            }
        };
        errors.into_result()?;
        let mut app = Self::moved(&before, Move::RequestUpdate, Party::Inspector, self.now())?;
        app.deadline = deadline;
        app.update_scope = Some(scope.clone());
        app.lapsed_at = None;
        app.reminded_at = None;
        let effects = Effects::at(app.updated_at).with_audit(audit(
            actor,
            AuditAction::CaseUpdateRequested,
            app.id.as_str(),
            json!({
                "role": officer.role.as_str(),
                "department": officer.department.map(|d| d.slug),
                "deadline": deadline.map(|d| d.to_string()),
            }),
        ));
        let body = LetterBody {
            message,
            scope: Some(scope),
            deadline,
            ..LetterBody::default()
        };
        let effects = self.letter(&app, officer, LetterKind::UpdateRequest, body, effects);
        self.write_move(
            app,
            &before,
            Move::RequestUpdate.as_str(),
            &officer.id,
            &effects,
        )
        .await
    }

    /// The applicant of `app`.
    pub(super) async fn applicant_of(&self, app: &Application) -> Result<Account, DomainError> {
        self.store
            .account(&app.account_id)
            .await?
            .ok_or_else(|| DomainError::Internal(anyhow::anyhow!("a case without its applicant")))
    }

    /// The applicant confirms the corrections of a request for an update (every step
    /// complete again; no payment): "Sending data in progress", back to the inspector.
    /// Called by [`Self::submit`] for a case in "Request updating".
    pub(super) async fn send_update(
        &self,
        account: &Account,
        before: Application,
        declaration: bool,
        based_on: &str,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        self.check_sendable(account, &before, declaration, based_on)
            .await?;
        let mut app = Self::moved(&before, Move::SendUpdate, Party::Applicant, self.now())?;
        app.update_scope = None;
        app.deadline = None;
        let effects = Effects::at(app.updated_at).with_audit(audit(
            actor,
            AuditAction::CaseUpdateSent,
            app.id.as_str(),
            json!({}),
        ));
        self.write_move(
            app,
            &before,
            Move::SendUpdate.as_str(),
            &account.id,
            &effects,
        )
        .await
    }

    /// The inspector handling the case `id` takes up the applicant's corrections: back to
    /// "Request processing".
    pub async fn resume(
        &self,
        officer: &Account,
        id: &ApplicationId,
        actor: &Actor,
    ) -> Result<Application, DomainError> {
        let before = self.handled_case(officer, id).await?;
        let mut app = Self::moved(&before, Move::Resume, Party::Inspector, self.now())?;
        app.lapsed_at = None;
        let effects = Effects::at(app.updated_at).with_audit(audit(
            actor,
            AuditAction::CaseResumed,
            app.id.as_str(),
            Self::officer_facts(officer),
        ));
        self.write_move(app, &before, Move::Resume.as_str(), &officer.id, &effects)
            .await
    }

    /// The portal's daily look at open requests for updates: a deadline that passed
    /// returns the case to its inspector ("Request processing", marked lapsed; the
    /// inspector may decide on the file as it is), and an applicant in the last
    /// [`decisions::UPDATE_REMINDER_DAYS`] days is reminded once by e-mail. Returns how
    /// many lapsed and how many were reminded. A case changed meanwhile (the applicant
    /// answered) is left for the next run.
    pub async fn sweep_updates(&self) -> anyhow::Result<(usize, usize)> {
        let today = self.today();
        let (mut lapsed, mut reminded) = (0, 0);
        let open = self
            .store
            .applications_in_status(ApplicationStatus::Updating, 1000)
            .await?;
        for before in open {
            let Some(deadline) = before.deadline else {
                continue;
            };
            let now = self.now();
            if decisions::deadline_passed(today, deadline) {
                let Ok(mut app) = Self::moved(&before, Move::UpdateLapsed, Party::Scheduler, now)
                else {
                    continue;
                };
                app.update_scope = None;
                app.lapsed_at = Some(now);
                let event = self.event(
                    &app,
                    None,
                    Some(before.status),
                    Move::UpdateLapsed.as_str(),
                    None,
                );
                let effects = Effects::at(now).with_audit(crate::store::NewAudit {
                    action: AuditAction::CaseUpdateLapsed.as_str().into(),
                    subject_id: Some(app.id.to_string()),
                    details: json!({"deadline": deadline.to_string()}).to_string(),
                    ..crate::store::NewAudit::default()
                });
                match self
                    .store
                    .update_application(&app, before.version, &[event], None, None, &effects)
                    .await
                {
                    Ok(()) => lapsed += 1,
                    Err(StoreError::Stale) => {}
                    Err(e) => return Err(e.into()),
                }
            } else if decisions::reminder_due(today, deadline) && before.reminded_at.is_none() {
                let applicant = self.applicant_of(&before).await?;
                let mut app = before.clone();
                app.reminded_at = Some(now);
                app.version += 1;
                let effects = Effects::at(now).with_job(mail_job(
                    format!("update-reminder-{}-{deadline}", app.id),
                    applicant.email.as_str(),
                    applicant.language,
                    "update-reminder",
                    json!({
                        "deadline": deadline.to_string(),
                        "link": format!("{}/applications/{}", self.public_url, app.id),
                    }),
                ));
                match self
                    .store
                    .update_application(&app, before.version, &[], None, None, &effects)
                    .await
                {
                    Ok(()) => reminded += 1,
                    Err(StoreError::Stale) => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        Ok((lapsed, reminded))
    }
}
