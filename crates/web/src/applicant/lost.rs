//! Reporting a lost permit (seed 004): the holder confirms, the permit is declared invalid
//! and listed publicly (number and date only).

use axum::extract::{Path, State};
use axum::response::Response;

use crate::AppState;
use crate::error::PageError;
use crate::extract::permit::UseServices;
use crate::extract::{CsrfForm, NoFields, Require};
use crate::redirect::see_other;
use crate::templates::{Action, MessagePage, Page, render};
use eforeigner_domain::applications::Applications;
use eforeigner_domain::{ApplicationId, DomainError};

/// `GET /applications/{id}/lost`: asks before declaring the permit invalid.
pub async fn form(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
) -> Result<Response, PageError> {
    let app = state.applications.get(&auth.account, &id).await?;
    let invalid = state
        .applications
        .permit_invalidated_at(&auth.account, &id)
        .await?;
    if !Applications::may_report_lost(&app) || invalid.is_some() {
        return Ok(see_other(&format!("/applications/{id}")));
    }
    Ok(render(&MessagePage {
        p: Page::new(&ctx, "lost-title"),
        heading: ctx.tr.t("lost-title"),
        paragraphs: vec![ctx.tr.t("lost-body"), ctx.tr.t("lost-next")],
        actions: vec![
            Action::post(
                ctx.tr.t("lost-confirm"),
                &format!("/applications/{id}/lost"),
                vec![],
            ),
            Action::link(ctx.tr.t("lost-cancel"), &format!("/applications/{id}")),
        ],
    }))
}

/// `POST /applications/{id}/lost`.
pub async fn report(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
    _form: CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    match state
        .applications
        .report_lost(&auth.account, &id, &ctx.actor())
        .await
    {
        Ok(_) => {
            state.worker.wake();
            Ok(see_other(&format!(
                "/applications/{id}?done=permit-invalidated"
            )))
        }
        Err(DomainError::Conflict) => Ok(see_other(&format!("/applications/{id}"))),
        Err(e) => Err(e.into()),
    }
}
