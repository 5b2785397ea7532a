//! The inspector's moves on a case after taking it, as forms of the case page: asking the
//! applicant for an update (message, the steps and document items that may change, the
//! days), taking up the corrections, approving, proposing a rejection on seed 004's
//! grounds — and the supervisor's confirmation (or return) of a proposed rejection. A
//! refused form shows the case page again with what was typed and why (422); a move made
//! meanwhile by someone else says so.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::permit::{ConfirmRejections, HandleCases};
use crate::extract::{CheckedForm, CsrfForm, NoFields, Require};
use crate::html::csrf_errors;
use crate::officer::cases::refused;
use crate::redirect::see_other;
use eforeigner_domain::applications::{RejectionAsk, UpdateAsk};
use eforeigner_domain::{ApplicationId, DomainError};

/// A form's fields as sent: repeated names (checkboxes) keep every value.
type Pairs = Vec<(String, String)>;

/// Every value of `name` in `pairs`.
fn all_of(pairs: &Pairs, name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// The first value of `name` in `pairs`, or "".
fn one_of(pairs: &Pairs, name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// What the page shows again after a refusal: text fields by name, a ticked box as
/// `name:value` → `on`.
fn shown_again(pairs: &Pairs, boxes: &[&str]) -> HashMap<String, String> {
    pairs
        .iter()
        .filter(|(k, _)| k != "csrf_token")
        .map(|(k, v)| {
            if boxes.contains(&k.as_str()) {
                (format!("{k}:{v}"), "on".to_string())
            } else {
                (k.clone(), v.clone())
            }
        })
        .collect()
}

/// Where a move goes once made, or what the officer is told when it was refused.
async fn answer<T>(
    state: &AppState,
    ctx: &Ctx,
    id: &ApplicationId,
    result: Result<T, DomainError>,
    done: &str,
    values: HashMap<String, String>,
) -> Result<Response, PageError> {
    match result {
        Ok(_) => {
            // The letter's job, written with the move, runs now rather than at the next tick.
            state.worker.wake();
            Ok(see_other(&format!("/officer/cases/{id}?done={done}")))
        }
        Err(DomainError::Invalid(errors)) => {
            let officer = ctx.auth.as_ref().map(|a| a.account.clone());
            match officer {
                Some(officer) => refused(state, ctx, &officer, id, values, &errors).await,
                None => Err(PageError::NotFound),
            }
        }
        // Someone else moved the case meanwhile (or the move is no longer offered): the
        // page as it is now, saying so.
        Err(DomainError::Conflict) => Ok(see_other(&format!(
            "/officer/cases/{id}?done=case-moved-meanwhile"
        ))),
        Err(e) => Err(e.into()),
    }
}

/// `POST /officer/cases/{id}/update`: asks the applicant for documents or corrections.
pub async fn request_update(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    form: CheckedForm<Pairs>,
) -> Result<Response, PageError> {
    let values = shown_again(form.fields(), &["steps", "items"]);
    let Some(f) = form.fresh() else {
        return refused(&state, &ctx, &auth.account, &id, values, &csrf_errors()).await;
    };
    let ask = UpdateAsk {
        message: one_of(f, "message"),
        steps: all_of(f, "steps"),
        items: all_of(f, "items"),
        days: one_of(f, "days"),
    };
    let result = state
        .applications
        .request_update(&auth.account, &id, &ask, &ctx.actor())
        .await;
    answer(&state, &ctx, &id, result, "case-update-requested", values).await
}

/// `POST /officer/cases/{id}/resume`: takes up the applicant's corrections.
pub async fn resume(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    let result = state
        .applications
        .resume(&auth.account, &id, &ctx.actor())
        .await;
    answer(&state, &ctx, &id, result, "case-resumed", HashMap::new()).await
}

/// `POST /officer/cases/{id}/approve`: approves the request.
pub async fn approve(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    let result = state
        .applications
        .approve(&auth.account, &id, &ctx.actor())
        .await;
    answer(&state, &ctx, &id, result, "case-approved", HashMap::new()).await
}

/// `POST /officer/cases/{id}/reject`: proposes a rejection for a supervisor to confirm.
pub async fn propose_rejection(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    form: CheckedForm<Pairs>,
) -> Result<Response, PageError> {
    let values = shown_again(form.fields(), &["grounds"]);
    let Some(f) = form.fresh() else {
        return refused(&state, &ctx, &auth.account, &id, values, &csrf_errors()).await;
    };
    let ask = RejectionAsk {
        grounds: all_of(f, "grounds"),
        reasoning: one_of(f, "reasoning"),
    };
    let result = state
        .applications
        .propose_rejection(&auth.account, &id, &ask, &ctx.actor())
        .await;
    answer(&state, &ctx, &id, result, "case-rejection-proposed", values).await
}

/// A card step of the counter (biometrics taken, card ready, card issued).
async fn card_step(
    state: AppState,
    ctx: Ctx,
    officer: &eforeigner_domain::Account,
    id: ApplicationId,
    step: eforeigner_rules::case::Move,
    done: &str,
) -> Result<Response, PageError> {
    let result = state
        .applications
        .card_step(officer, &id, step, &ctx.actor())
        .await;
    answer(&state, &ctx, &id, result, done, HashMap::new()).await
}

/// `POST /officer/cases/{id}/biometrics-taken`: the card goes into production.
pub async fn biometrics_taken(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    use eforeigner_rules::case::Move;
    card_step(
        state,
        ctx,
        &auth.account,
        id,
        Move::RecordBiometrics,
        "case-biometrics-taken",
    )
    .await
}

/// `POST /officer/cases/{id}/card-ready`: the card can be collected (a notice goes to the
/// e-Mailbox).
pub async fn card_ready(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    use eforeigner_rules::case::Move;
    card_step(
        state,
        ctx,
        &auth.account,
        id,
        Move::CardReady,
        "case-card-ready",
    )
    .await
}

/// `POST /officer/cases/{id}/card-issued`: the card was handed over.
pub async fn card_issued(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    use eforeigner_rules::case::Move;
    card_step(
        state,
        ctx,
        &auth.account,
        id,
        Move::IssueCard,
        "case-card-issued",
    )
    .await
}

/// `POST /officer/cases/{id}/reject/confirm`: a supervisor confirms a proposed rejection.
pub async fn confirm_rejection(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ConfirmRejections>,
    Path(id): Path<ApplicationId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    let result = state
        .applications
        .confirm_rejection(&auth.account, &id, &ctx.actor())
        .await;
    answer(&state, &ctx, &id, result, "case-rejected", HashMap::new()).await
}

/// `POST /officer/cases/{id}/reject/return`: a supervisor sends a proposed rejection back.
pub async fn return_rejection(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ConfirmRejections>,
    Path(id): Path<ApplicationId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    let result = state
        .applications
        .return_rejection(&auth.account, &id, &ctx.actor())
        .await;
    answer(
        &state,
        &ctx,
        &id,
        result,
        "case-rejection-returned",
        HashMap::new(),
    )
    .await
}
