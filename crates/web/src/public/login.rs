//! Login (the three ways of the real portal; password is built, mobile approval and
//! qualified certificate say plainly that they are not available yet), logout and the
//! "stay signed in" button of the timeout warning.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::{CheckedForm, CsrfForm, NextForm, NoFields, SignedIn};
use crate::html::{csrf_errors, form_page, message, values_of};
use crate::redirect::{safe_next, see_other};
use crate::templates::{Action, Field, FormSpec};
use eforeigner_domain::{DomainError, FieldErrors};

/// `GET /login`: choose how to log in.
pub async fn choose(ctx: Ctx) -> Response {
    message(
        &ctx,
        "login-choose-title",
        &["login-choose-intro"],
        vec![
            Action::button_link(ctx.tr.t("login-method-password"), "/login/password"),
            Action::link(ctx.tr.t("login-method-mobile"), "/login/mobile"),
            Action::link(ctx.tr.t("login-method-certificate"), "/login/certificate"),
        ],
    )
}

/// `GET /login/mobile`: not built yet, and says so.
pub async fn mobile(ctx: Ctx) -> Response {
    message(
        &ctx,
        "login-mobile-title",
        &["login-not-available-yet", "login-mobile-body"],
        vec![Action::button_link(
            ctx.tr.t("login-method-password"),
            "/login/password",
        )],
    )
}

/// `GET /login/certificate`: not built yet, and says so.
pub async fn certificate(ctx: Ctx) -> Response {
    message(
        &ctx,
        "login-certificate-title",
        &["login-not-available-yet", "login-certificate-body"],
        vec![Action::button_link(
            ctx.tr.t("login-method-password"),
            "/login/password",
        )],
    )
}

fn spec(ctx: &Ctx, next: &str, expired: bool) -> FormSpec {
    let mut intro = vec![];
    if expired {
        intro.push(ctx.tr.t("login-session-expired"));
    }
    FormSpec {
        intro,
        action: "/login/password".into(),
        submit: ctx.tr.t("login-submit"),
        fields: vec![
            Field::input(&ctx.tr, "email", "email", "username").without_hint(),
            Field::input(&ctx.tr, "password", "password", "current-password"),
        ],
        hidden: vec![("next".into(), next.into())],
        links: vec![
            ("/password/forgot".into(), ctx.tr.t("login-forgot")),
            ("/register".into(), ctx.tr.t("nav-register")),
            ("/confirm-email/resend".into(), ctx.tr.t("resend-link")),
        ],
        ..FormSpec::default()
    }
}

/// The login page's query: where to go after, and whether a session just expired.
#[derive(Debug, Default, serde::Deserialize)]
pub struct LoginQuery {
    /// Where to go after signing in.
    pub next: Option<String>,
    /// Present when the session expired.
    pub expired: Option<String>,
}

/// `GET /login/password`.
pub async fn form(ctx: Ctx, Query(q): Query<LoginQuery>) -> Response {
    let next = q.next.unwrap_or_default();
    let expired = q.expired.is_some() || ctx.session_expired;
    form_page(
        &ctx,
        "login-title",
        spec(&ctx, &next, expired),
        HashMap::new(),
        &FieldErrors::default(),
    )
}

/// The login form.
#[derive(Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct LoginForm {
    /// The account's e-mail address.
    pub email: String,
    /// The password (never shown again).
    #[serde(skip_serializing)]
    pub password: String,
    /// Where to go after signing in.
    pub next: String,
}

/// `POST /login/password`: a new session (new id) on success, then back where the user was.
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    form: CheckedForm<LoginForm>,
) -> Result<Response, PageError> {
    let next = form.fields().next.clone();
    let values = values_of(form.fields());
    let page = |errors: &FieldErrors| {
        form_page(
            &ctx,
            "login-title",
            spec(&ctx, &next, false),
            values.clone(),
            errors,
        )
    };
    let Some(f) = form.fresh() else {
        return Ok(page(&csrf_errors()));
    };
    let email = f.email.as_str();
    let password = f.password.as_str();
    let mut errors = FieldErrors::default();
    if email.trim().is_empty() {
        errors.add("email", "required");
    }
    if password.is_empty() {
        errors.add("password", "required");
    }
    if !errors.is_empty() {
        return Ok(page(&errors));
    }
    match state.accounts.login(email, password, &ctx.actor()).await {
        Ok(logged_in) => {
            // Signing in as someone in a browser where someone is signed in ends the
            // session of the one before: one browser, one person.
            if let Some(before) = &ctx.auth {
                state.accounts.logout(&before.session, &ctx.actor()).await?;
            }
            state.worker.wake();
            let to = crate::redirect::local_path(&next)
                .unwrap_or(landing(logged_in.account.role))
                .to_string();
            let mut r = see_other(&to);
            let cookie = ctx
                .cookies
                .set(ctx.cookies.session, &logged_in.secret, None);
            if let Ok(v) = HeaderValue::from_str(&cookie) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            set_csrf_cookie(&ctx, &mut r, &eforeigner_domain::clock::new_secret());
            // Language chosen before login wins over the stored one and is remembered.
            if ctx.lang != logged_in.account.language {
                state
                    .accounts
                    .set_language(&logged_in.account, ctx.lang)
                    .await?;
            }
            Ok(r)
        }
        Err(e) => {
            let code = match &e {
                DomainError::InvalidCredentials => "login_invalid",
                DomainError::Throttled { .. } => "login_throttled",
                DomainError::Locked => "login_locked",
                DomainError::EmailNotConfirmed => "login_unconfirmed",
                _ => return Err(e.into()),
            };
            let mut errors = FieldErrors::default();
            let secs = match e {
                DomainError::Throttled { retry_after_secs } => retry_after_secs,
                _ => 0,
            };
            errors.add_with("email", code, &[("seconds", secs.to_string())]);
            let mut r = page(&errors);
            if secs > 0 {
                *r.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
                if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
                    r.headers_mut().insert(header::RETRY_AFTER, v);
                }
            }
            Ok(r)
        }
    }
}

/// Where a person lands after signing in when no page asked for the login: an officer on
/// the work queue of what their role may do (the permission table), everyone else on their
/// account.
fn landing(role: eforeigner_domain::Role) -> &'static str {
    use eforeigner_domain::access::{Permission, granted};
    if granted(role, Permission::ConfirmPayments) {
        "/officer/payments"
    } else if granted(role, Permission::HandleCases) {
        "/officer/cases"
    } else if granted(role, Permission::VerifyAccounts) {
        "/officer/verifications"
    } else {
        "/account"
    }
}

/// `POST /logout`.
pub async fn logout(
    State(state): State<AppState>,
    SignedIn(ctx, auth): SignedIn,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    state.accounts.logout(&auth.session, &ctx.actor()).await?;
    let csrf_cookie = eforeigner_domain::clock::new_secret();
    // The page after is drawn for the signed-out person, with forms of the new cookie.
    let signed_out = Ctx {
        auth: None,
        csrf_token: crate::context::csrf_token_for(&state.csrf_key, &csrf_cookie),
        ..ctx.clone()
    };
    let mut r = message(
        &signed_out,
        "logout-title",
        &["logout-body"],
        vec![Action::button_link(ctx.tr.t("nav-sign-in"), "/login")],
    );
    let clear = ctx.cookies.set(ctx.cookies.session, "", Some(0));
    if let Ok(v) = HeaderValue::from_str(&clear) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    set_csrf_cookie(&ctx, &mut r, &csrf_cookie);
    Ok(r.into_response())
}

/// A new CSRF cookie with a login or a logout, as the session id is new: a form token
/// taken before (in this browser, by another person, or leaked) is no longer accepted
/// after it. A session that merely expires keeps the cookie, so a form open at that moment
/// can still keep its answers for the next login.
fn set_csrf_cookie(ctx: &Ctx, r: &mut Response, value: &str) {
    let fresh = ctx.cookies.set(ctx.cookies.csrf, value, None);
    if let Ok(v) = HeaderValue::from_str(&fresh) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// `POST /session/extend`: any authenticated request extends the idle timeout; this one
/// exists for the warning's button and goes back to the page.
pub async fn extend(
    SignedIn(_, _): SignedIn,
    CsrfForm(f): CsrfForm<NextForm>,
) -> Result<Response, PageError> {
    Ok(see_other(&safe_next(f.next.as_ref())))
}
