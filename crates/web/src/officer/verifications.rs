//! The verification officers' queue: accounts awaiting verification, oldest first, overdue
//! ones (over 24 hours) marked; one account's data beside its documents; approve or reject
//! with a reason from a list and free text.

use axum::extract::{Path, State};
use axum::response::Response;
use eforeigner_rules::countries;
use jiff::SignedDuration;

use crate::AppState;
use crate::account::profile_facts;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::permit::VerifyAccounts;
use crate::extract::{CheckedForm, CsrfForm, NoFields, Require};
use crate::forms::FormView;
use crate::html::{csrf_errors, values_of};
use crate::i18n::names::name_language;
use crate::redirect::see_other;
use crate::templates::{CasePage, Field, Page, QueuePage, QueueRow, UploadView, render};
use eforeigner_domain::{AccountId, AccountStatus, DomainError, RejectionReason};

/// Accounts must be checked within this time (seed 000: "within 24 hours at the latest").
pub const VERIFICATION_DEADLINE: SignedDuration = SignedDuration::from_hours(24);

fn waiting_text(ctx: &Ctx, waited: SignedDuration) -> String {
    let hours = waited.as_hours();
    if hours >= 1 {
        ctx.tr
            .t_args("queue-waiting-hours", &[("n", hours.to_string())])
    } else {
        ctx.tr.t_args(
            "queue-waiting-minutes",
            &[("n", (waited.as_mins()).max(0).to_string())],
        )
    }
}

/// `GET /officer/verifications`.
pub async fn queue(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<VerifyAccounts>,
) -> Result<Response, PageError> {
    let now = state.accounts.now();
    let nl = name_language(ctx.lang);
    let accounts = state.accounts.verification_queue(&auth.account).await?;
    let rows: Vec<QueueRow> = accounts
        .iter()
        .map(|a| {
            let since = a.submitted_at.unwrap_or(a.created_at);
            let waited = now.duration_since(since);
            QueueRow {
                id: a.id.to_string(),
                name: format!("{} {}", a.profile.given_names, a.profile.surname),
                citizenship: a
                    .profile
                    .citizenship
                    .as_deref()
                    .and_then(countries::find)
                    .map(|c| c.name(nl).to_string())
                    .unwrap_or_default(),
                waiting: waiting_text(&ctx, waited),
                overdue: waited > VERIFICATION_DEADLINE,
            }
        })
        .collect();
    let count_text = ctx
        .tr
        .t_args("queue-count", &[("n", rows.len().to_string())]);
    Ok(render(&QueuePage {
        p: Page::new(&ctx, "queue-title"),
        rows,
        count_text,
    }))
}

fn reject_fields(ctx: &Ctx) -> Vec<Field> {
    let reasons = RejectionReason::ALL
        .iter()
        .map(|r| {
            (
                r.as_str().to_string(),
                ctx.tr.t(&format!("rejection-reason-{}", r.as_str())),
            )
        })
        .collect();
    vec![
        Field::choice(&ctx.tr, "reason", "select", reasons),
        Field::input(&ctx.tr, "note", "textarea", "").optional(),
    ]
}

async fn case_page(
    state: &AppState,
    ctx: &Ctx,
    officer: &eforeigner_domain::Account,
    id: &AccountId,
    form: FormView,
) -> Result<Response, PageError> {
    let (account, docs) = state
        .accounts
        .verification_case(officer, id, &ctx.actor())
        .await?;
    let mut r = render(&CasePage {
        p: Page::new(ctx, "case-title"),
        id: account.id.to_string(),
        heading: format!(
            "{} {}",
            account.profile.given_names, account.profile.surname
        ),
        facts: profile_facts(ctx, &account),
        documents: docs.iter().map(UploadView::from).collect(),
        pending: account.status == AccountStatus::AwaitingVerification,
        reject_fields: reject_fields(ctx),
        f: form.clone(),
    });
    if form.has_errors() {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// `GET /officer/verifications/{id}`.
pub async fn case(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<VerifyAccounts>,
    Path(id): Path<AccountId>,
) -> Result<Response, PageError> {
    let form = FormView::empty(&ctx.tr);
    case_page(&state, &ctx, &auth.account, &id, form).await
}

/// `POST /officer/verifications/{id}/approve`.
pub async fn approve(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<VerifyAccounts>,
    Path(id): Path<AccountId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    match state
        .accounts
        .approve(&auth.account, &id, &ctx.actor())
        .await
    {
        Ok(_) => {
            state.worker.wake();
            Ok(see_other("/officer/verifications?done=account-approved"))
        }
        // Decided by another officer meanwhile: the queue shows what is left.
        Err(DomainError::Conflict) => Ok(see_other("/officer/verifications")),
        Err(e) => Err(e.into()),
    }
}

/// The rejection form: a reason from the list, and a note for the applicant.
#[derive(Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct RejectForm {
    /// The reason's code (the domain parses it).
    pub reason: String,
    /// Free text.
    pub note: String,
}

/// `POST /officer/verifications/{id}/reject`.
pub async fn reject(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<VerifyAccounts>,
    Path(id): Path<AccountId>,
    form: CheckedForm<RejectForm>,
) -> Result<Response, PageError> {
    let values = values_of(form.fields());
    let Some(f) = form.fresh() else {
        let form = FormView::with(&ctx.tr, values, &csrf_errors());
        return case_page(&state, &ctx, &auth.account, &id, form).await;
    };
    match state
        .accounts
        .reject(&auth.account, &id, &f.reason, &f.note, &ctx.actor())
        .await
    {
        Ok(_) => {
            state.worker.wake();
            Ok(see_other("/officer/verifications?done=account-rejected"))
        }
        Err(DomainError::Conflict) => Ok(see_other("/officer/verifications")),
        Err(DomainError::Invalid(errors)) => {
            let form = FormView::with(&ctx.tr, values, &errors);
            case_page(&state, &ctx, &auth.account, &id, form).await
        }
        Err(e) => Err(e.into()),
    }
}
