//! The services page (the gate of the e-services) and linking one's EBS (the number of
//! one's current permit) to the account.

use std::collections::HashMap;

use axum::extract::State;
use axum::response::Response;

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::permit::UseServices;
use crate::extract::{CheckedForm, Require};
use crate::html::{csrf_errors, form_page, message, values_of};
use crate::redirect::see_other;
use crate::templates::{Action, Field, FormSpec};
use eforeigner_domain::{DomainError, FieldErrors};

/// `GET /services`: the e-services of an active applicant. Everyone signed in but not
/// active meets the "Access denied" page (the gate is [`Require`]).
pub async fn services(Require(ctx, _, _): Require<UseServices>) -> Response {
    message(
        &ctx,
        "services-title",
        &["services-intro"],
        vec![
            Action::button_link(ctx.tr.t("apps-title"), "/applications"),
            Action::link(ctx.tr.t("mailbox-title"), "/mailbox"),
            Action::link(ctx.tr.t("nav-account"), "/account"),
        ],
    )
}

fn ebs_spec(ctx: &Ctx) -> FormSpec {
    FormSpec {
        heading: ctx.tr.t("ebs-title"),
        intro: vec![ctx.tr.t("ebs-intro")],
        action: "/account/ebs".into(),
        submit: ctx.tr.t("ebs-submit"),
        fields: vec![Field::input(&ctx.tr, "ebs", "text", "off")],
        ..Default::default()
    }
}

/// `GET /account/ebs`: link the account to the current permit's registration number.
pub async fn ebs_form(Require(ctx, auth, _): Require<UseServices>) -> Response {
    let mut values = HashMap::new();
    if let Some(e) = &auth.account.profile.ebs {
        values.insert("ebs".to_string(), e.as_str().to_string());
    }
    form_page(
        &ctx,
        "ebs-title",
        ebs_spec(&ctx),
        values,
        &FieldErrors::default(),
    )
}

/// The EBS form.
#[derive(Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct EbsForm {
    /// The registration number (EBS) of the current permit, as typed.
    pub ebs: String,
}

/// `POST /account/ebs`.
pub async fn ebs(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    form: CheckedForm<EbsForm>,
) -> Result<Response, PageError> {
    let values = values_of(form.fields());
    let Some(f) = form.fresh() else {
        return Ok(form_page(
            &ctx,
            "ebs-title",
            ebs_spec(&ctx),
            values,
            &csrf_errors(),
        ));
    };
    match state
        .accounts
        .link_ebs(&auth.account, &f.ebs, &ctx.actor())
        .await
    {
        Ok(_) => Ok(see_other("/applications/new")),
        Err(DomainError::Invalid(e)) => {
            Ok(form_page(&ctx, "ebs-title", ebs_spec(&ctx), values, &e))
        }
        Err(e) => Err(e.into()),
    }
}
