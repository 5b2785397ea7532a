//! Drafts: starting one, saving a step (with the fee it decides), the answers kept
//! across a login, deleting and sweeping old drafts.

use eforeigner_rules::deadlines;
use std::collections::BTreeMap;

use eforeigner_rules::residence::{self, FeeStage, RuleParams};
use serde_json::json;

use super::{Applications, Saved, WRITE_ATTEMPTS, audit, mail_job, new_payment_reference};
use crate::applications::steps::{self, StepId, StepInput};
use crate::applications::{
    Answers, Application, ApplicationEvent, ApplicationKind, ApplicationStatus, PaymentMethod,
    upload_owner,
};
use crate::audit::AuditAction;
use crate::clock::{hash_secret, new_id, new_ordered_id};
use crate::paging::{PageNumber, Paged};
use crate::store::{ApplicationSummary, Effects, NewAudit, StoreError};
use crate::{Account, Actor, ApplicationId, DomainError, Upload};

impl Applications {
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
            id: ApplicationId::new(new_ordered_id()),
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
            expires_at: deadlines::draft_deleted_at(now),
            expiry_warned_at: None,
            department: None,
            assignee_id: None,
            update_scope: None,
            lapsed_at: None,
            reminded_at: None,
            rejection_proposal: None,
        };
        let event = self.event(&app, Some(&account.id), None, "started", None);
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::ApplicationStarted,
            app.id.as_str(),
            json!({"kind": kind.code()}),
        ));
        self.store
            .insert_application(&app, &event, &effects)
            .await?;
        Ok(app)
    }

    /// The application `id` if it belongs to `account` (`NotFound` otherwise: another
    /// applicant's case is not even confirmed to exist).
    pub async fn get(
        &self,
        account: &Account,
        id: &ApplicationId,
    ) -> Result<Application, DomainError> {
        match self.store.application(id).await? {
            Some(app) if app.account_id == account.id => Ok(app),
            _ => Err(DomainError::NotFound),
        }
    }

    /// The account's own application `id` while it is a draft: `NotDraft` once submitted.
    pub(super) async fn own_draft(
        &self,
        account: &Account,
        id: &ApplicationId,
    ) -> Result<Application, DomainError> {
        let app = self.get(account, id).await?;
        if app.status != ApplicationStatus::Draft {
            return Err(DomainError::NotDraft);
        }
        Ok(app)
    }

    /// The account's own application `id` while the applicant may change `step` of it (a
    /// draft, or the named parts of a request for an update): `NotDraft` otherwise.
    pub(super) async fn own_editable(
        &self,
        account: &Account,
        id: &ApplicationId,
        step: StepId,
    ) -> Result<Application, DomainError> {
        let app = self.get(account, id).await?;
        if !app.may_change(step) {
            return Err(DomainError::NotDraft);
        }
        Ok(app)
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
        id: &ApplicationId,
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
        id: &ApplicationId,
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
    pub(super) async fn while_answers_unchanged<T, F, Fut>(
        &self,
        account: &Account,
        id: &ApplicationId,
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
        id: &ApplicationId,
        step: StepId,
        values: BTreeMap<String, String>,
        based_on: &str,
        actor: &Actor,
    ) -> Result<Saved, DomainError> {
        let before = self.own_editable(account, id, step).await?;
        let uploads = self.uploads(&before).await?;
        let mut app = before.clone();
        let today = self.today();
        {
            let input = StepInput::of(account, &app, &uploads, today);
            if !steps::can_open(step, &input) {
                return Err(DomainError::Forbidden);
            }
        }
        if before.answers_stamp() != based_on {
            return Err(DomainError::Conflict);
        }
        // Keep only the fields the step asks (and a documents confirmation).
        let known: Vec<&'static str> = {
            let input = StepInput::of(account, &app, &uploads, today);
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
            let input = StepInput::of(account, &app, &uploads, today);
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
        if app.status == ApplicationStatus::Draft {
            app.expires_at = deadlines::draft_deleted_at(now);
            app.expiry_warned_at = None;
        }
        let effects = Effects::at(now).with_audit(audit(
            actor,
            AuditAction::ApplicationStepSaved,
            app.id.as_str(),
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
        app.payment_method = PaymentMethod::parse(app.answers.get(StepId::Fees, "payment_method"));
        if app.payment_reference.is_none() {
            let m = app
                .answers
                .get(StepId::Reasons, "residence_municipality")
                .to_string();
            app.payment_reference = Some(new_payment_reference(&m));
        }
    }

    /// Deletes a draft and its files.
    pub async fn delete_draft(
        &self,
        account: &Account,
        id: &ApplicationId,
        actor: &Actor,
    ) -> Result<(), DomainError> {
        let app = self.own_draft(account, id).await?;
        let effects = Effects::at(self.now()).with_audit(audit(
            actor,
            AuditAction::ApplicationDeleted,
            app.id.as_str(),
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

    /// Keeps the answers of a step sent after the session ended, under a browser token, so
    /// that after signing in again the same step shows them (nothing typed is lost).
    pub async fn keep_answers(
        &self,
        token: &str,
        application_id: &ApplicationId,
        step: StepId,
        values: &BTreeMap<String, String>,
    ) -> Result<(), DomainError> {
        if self.store.application(application_id).await?.is_none() {
            return Ok(());
        }
        let now = self.now();
        let json = serde_json::to_string(values).map_err(anyhow::Error::from)?;
        let expires = deadlines::kept_answers_until(now);
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
        application_id: &ApplicationId,
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
        let soon = deadlines::drafts_to_warn_before(now)
            .ok_or_else(|| anyhow::anyhow!("no time is that late"))?;
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
                account.email.as_str(),
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
                subject_id: Some(app.id.to_string()),
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
        let input = StepInput::of(account, app, &uploads, self.today());
        Ok(steps::rules_request(&input).map(|r| residence::check(&r, &RuleParams::official())))
    }
}
