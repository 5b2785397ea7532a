//! The payments desk: fees awaiting confirmation, bank-statement lines that need
//! attention, and the supervisor's confirmation of a payment.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::permit::ConfirmPayments;
use crate::extract::{CsrfForm, Require};
use crate::forms::FormView;
use crate::i18n::dates::when;
use crate::redirect::see_other;
use crate::templates::{Page, render};
use eforeigner_domain::applications::Applications;
use eforeigner_domain::payments::PaymentOutcome;
use eforeigner_domain::{Account, ApplicationId, DomainError, FieldErrors};

/// A supervisor's form: a note saying how the payment was checked or resolved.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct NoteForm {
    /// The note (the domain requires it and limits its length).
    pub note: String,
}

/// `POST /officer/payments/lines/{id}/resolve`: a supervisor resolves a payment line that
/// needed attention, with a note saying how.
pub async fn resolve_payment_line(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ConfirmPayments>,
    Path(id): Path<String>,
    CsrfForm(f): CsrfForm<NoteForm>,
) -> Result<Response, PageError> {
    match state
        .applications
        .resolve_payment_line(&auth.account, &id, &f.note, &ctx.actor())
        .await
    {
        Ok(()) => Ok(see_other("/officer/payments?done=payment-line-resolved")),
        Err(DomainError::Invalid(e)) => {
            payments_page(&state, &ctx, &auth.account, &e, Some(&id)).await
        }
        Err(e) => Err(e.into()),
    }
}

/// A case awaiting payment in the supervisor's list.
pub struct AwaitingRow {
    /// Application id.
    pub id: String,
    /// Case reference.
    pub reference: String,
    /// Model-97 reference as written.
    pub payment_reference: String,
    /// Amount due.
    pub amount: String,
    /// Submitted.
    pub submitted: String,
    /// Its confirmation was just refused (the note is missing or too long): the row that
    /// carries the error.
    pub refused: bool,
}

/// The supervisor's payments page.
#[derive(Template)]
#[template(path = "officer/payments.html")]
pub struct PaymentsPage {
    /// Layout.
    pub p: Page,
    /// Cases awaiting payment.
    pub rows: Vec<AwaitingRow>,
    /// Payment lines that need attention.
    pub lines: Vec<LineRow>,
    /// Errors of the last confirmation or resolution.
    pub f: FormView,
}

/// A payment line that needs attention, in the supervisor's list.
pub struct LineRow {
    /// Payment record id.
    pub id: String,
    /// The reference as paid (model 97).
    pub reference: String,
    /// Amount paid.
    pub amount: String,
    /// Date paid.
    pub paid_on: String,
    /// Payer as the bank gave it.
    pub payer: String,
    /// What is wrong, in words.
    pub problem: String,
    /// Its resolution was just refused (the note is missing or too long).
    pub refused: bool,
}

/// The payments page; with `errors`, those of the confirmation of application `refused`.
async fn payments_page(
    state: &AppState,
    ctx: &Ctx,
    officer: &Account,
    errors: &FieldErrors,
    refused: Option<&str>,
) -> Result<Response, PageError> {
    let apps = state.applications.awaiting_payment(officer).await?;
    let rows = apps
        .iter()
        .map(|a| AwaitingRow {
            id: a.id.to_string(),
            reference: a.case_reference.clone().unwrap_or_default(),
            payment_reference: Applications::written_reference(a)
                .map(|r| r.written())
                .unwrap_or_default(),
            amount: a
                .fee_due_para
                .map(|p| crate::views::residence::rsd_text(p.unsigned_abs()))
                .unwrap_or_default(),
            submitted: a
                .submitted_at
                .map(|t| when(t, ctx.lang))
                .unwrap_or_default(),
            refused: !errors.is_empty() && refused == Some(a.id.as_str()),
        })
        .collect();
    let lines = state
        .applications
        .payment_lines_needing_attention(officer)
        .await?
        .into_iter()
        .map(|l| LineRow {
            refused: !errors.is_empty() && refused == Some(l.id.as_str()),
            reference: eforeigner_rules::Reference97::compute(&l.reference)
                .map(|r| r.written())
                .unwrap_or_else(|_| l.reference.clone()),
            amount: crate::views::residence::rsd_text(l.amount_para.unsigned_abs()),
            paid_on: l.paid_on.clone(),
            payer: l.payer.clone(),
            problem: ctx.tr.text_of("payments-problem-", &l.outcome).to_string(),
            id: l.id,
        })
        .collect();
    let mut r = render(&PaymentsPage {
        p: Page::new(ctx, "payments-title"),
        rows,
        lines,
        f: FormView::with(&ctx.tr, HashMap::new(), errors),
    });
    if !errors.is_empty() {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// `GET /officer/payments`.
pub async fn payments(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ConfirmPayments>,
) -> Result<Response, PageError> {
    payments_page(&state, &ctx, &auth.account, &FieldErrors::default(), None).await
}

/// `POST /officer/payments/{id}/confirm`.
pub async fn confirm_payment(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ConfirmPayments>,
    Path(id): Path<ApplicationId>,
    CsrfForm(f): CsrfForm<NoteForm>,
) -> Result<Response, PageError> {
    match state
        .applications
        .confirm_payment_by_supervisor(&auth.account, &id, &f.note, &ctx.actor())
        .await
    {
        Ok(PaymentOutcome::Matched { .. }) => {
            state.worker.wake();
            Ok(see_other("/officer/payments?done=payment-confirmed"))
        }
        Ok(_) => Ok(see_other("/officer/payments")),
        Err(DomainError::Invalid(e)) => {
            payments_page(&state, &ctx, &auth.account, &e, Some(id.as_str())).await
        }
        Err(e) => Err(e.into()),
    }
}
