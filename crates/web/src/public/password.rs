//! "Password forgotten?": a single-use link valid one hour, the same answer whether or not
//! the account exists; a new password ends every session and is confirmed by e-mail.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::response::Response;

use super::register::{TokenQuery, link_invalid};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::CheckedForm;
use crate::html::{
    EmailForm, checked_email_form, csrf_errors, form_page, message, throttled_form, values_of,
};
use crate::templates::{Action, Field, FormSpec};
use eforeigner_domain::{DomainError, FieldErrors, TokenPurpose};

fn forgot_spec(ctx: &Ctx) -> FormSpec {
    FormSpec {
        intro: vec![ctx.tr.t("forgot-intro")],
        action: "/password/forgot".into(),
        submit: ctx.tr.t("forgot-submit"),
        fields: vec![Field::input(&ctx.tr, "email", "email", "username").without_hint()],
        links: vec![("/login/password".into(), ctx.tr.t("forgot-exit"))],
        ..FormSpec::default()
    }
}

/// `GET /password/forgot`.
pub async fn forgot_form(ctx: Ctx) -> Response {
    form_page(
        &ctx,
        "forgot-title",
        forgot_spec(&ctx),
        HashMap::new(),
        &FieldErrors::default(),
    )
}

/// `POST /password/forgot`.
pub async fn forgot(
    State(state): State<AppState>,
    ctx: Ctx,
    form: CheckedForm<EmailForm>,
) -> Result<Response, PageError> {
    let email = match checked_email_form(&ctx, &form, "forgot-title", forgot_spec(&ctx)) {
        Ok(email) => email,
        Err(page) => return Ok(*page),
    };
    if let Err(e) = state
        .accounts
        .request_password_reset(&email, &ctx.actor())
        .await
    {
        return throttled_form(
            &ctx,
            "forgot-title",
            forgot_spec(&ctx),
            values_of(form.fields()),
            e,
        );
    }
    state.worker.wake();
    Ok(message(
        &ctx,
        "forgot-sent-title",
        &["forgot-sent-body", "register-sent-spam"],
        vec![],
    ))
}

fn reset_spec(ctx: &Ctx, token: &str) -> FormSpec {
    FormSpec {
        intro: vec![ctx.tr.t("reset-intro")],
        action: "/password/reset".into(),
        submit: ctx.tr.t("reset-submit"),
        fields: vec![Field::input(
            &ctx.tr,
            "password",
            "password",
            "new-password",
        )],
        hidden: vec![("token".into(), token.into())],
        ..FormSpec::default()
    }
}

/// `GET /password/reset?token=…`.
pub async fn reset_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, PageError> {
    if !state
        .accounts
        .token_is_valid(&q.token, TokenPurpose::ResetPassword)
        .await?
    {
        return Ok(link_invalid(&ctx, "/password/forgot"));
    }
    Ok(form_page(
        &ctx,
        "reset-title",
        reset_spec(&ctx, &q.token),
        HashMap::new(),
        &FieldErrors::default(),
    ))
}

/// The new-password form.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ResetForm {
    /// The link's token.
    pub token: String,
    /// The new password.
    pub password: String,
}

/// `POST /password/reset`.
pub async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    form: CheckedForm<ResetForm>,
) -> Result<Response, PageError> {
    let token = form.fields().token.clone();
    let Some(f) = form.fresh() else {
        return Ok(form_page(
            &ctx,
            "reset-title",
            reset_spec(&ctx, &token),
            HashMap::new(),
            &csrf_errors(),
        ));
    };
    match state
        .accounts
        .reset_password(&token, &f.password, &ctx.actor())
        .await
    {
        Ok(_) => {
            state.worker.wake();
            Ok(message(
                &ctx,
                "reset-done-title",
                &["reset-done-body"],
                vec![Action::button_link(
                    ctx.tr.t("nav-sign-in"),
                    "/login/password",
                )],
            ))
        }
        Err(DomainError::Invalid(errors)) => Ok(form_page(
            &ctx,
            "reset-title",
            reset_spec(&ctx, &token),
            HashMap::new(),
            &errors,
        )),
        Err(DomainError::InvalidToken) => Ok(link_invalid(&ctx, "/password/forgot")),
        Err(e) => Err(e.into()),
    }
}
