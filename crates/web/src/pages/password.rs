//! "Password forgotten?": a single-use link valid one hour, the same answer whether or not
//! the account exists; a new password ends every session and is confirmed by e-mail.

use std::collections::HashMap;

use axum::Form;
use axum::extract::{Query, State};
use axum::response::Response;

use super::register::{TokenQuery, link_invalid};
use super::{csrf_errors, form_page, message};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
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
    Form(f): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let email = match super::checked_email_form(&ctx, &f, "forgot-title", forgot_spec(&ctx)) {
        Ok(email) => email,
        Err(page) => return Ok(*page),
    };
    if let Err(e) = state
        .accounts
        .request_password_reset(&email, &ctx.actor())
        .await
    {
        return super::throttled_form(&ctx, "forgot-title", forgot_spec(&ctx), &f, e);
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

/// `POST /password/reset`.
pub async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(f): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let token = f.get("token").cloned().unwrap_or_default();
    if ctx
        .check_csrf(f.get("csrf_token").map(String::as_str).unwrap_or(""))
        .is_err()
    {
        return Ok(form_page(
            &ctx,
            "reset-title",
            reset_spec(&ctx, &token),
            HashMap::new(),
            &csrf_errors(),
        ));
    }
    let password = f.get("password").cloned().unwrap_or_default();
    match state
        .accounts
        .reset_password(&token, &password, &ctx.actor())
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
