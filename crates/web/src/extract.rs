//! What a handler may receive, each checked once here: who is signed in ([`SignedIn`]),
//! what they may do ([`Require`], which asks the domain's one permission table), and a
//! form whose CSRF token was checked ([`CsrfForm`], [`CheckedForm`]). No handler checks a
//! role or a token itself.
//!
//! Under `/api/` the refusals are the JSON envelope (401, 403); on pages they are the
//! login page (brought back afterwards) or the friendly "access denied" pages.

use std::collections::HashMap;
use std::marker::PhantomData;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;

use crate::context::{Auth, Ctx};
use crate::error::{ApiError, PageError};
use eforeigner_domain::access::{self, Permission, Refusal};

/// Whether the request is for the API. The API's router is nested under `/api`, which
/// takes the prefix off `parts.uri`; the original address is kept by axum.
fn is_api(parts: &Parts) -> bool {
    parts
        .extensions
        .get::<axum::extract::OriginalUri>()
        .map_or(&parts.uri, |o| &o.0)
        .path()
        .starts_with("/api/")
}

fn login_redirect(ctx: &Ctx) -> Response {
    let next: String = url::form_urlencoded::byte_serialize(ctx.path.as_bytes()).collect();
    let expired = if ctx.session_expired {
        "&expired=1"
    } else {
        ""
    };
    Redirect::to(&format!("/login/password?next={next}{expired}")).into_response()
}

/// A signed-in user (any role, any status: their own account pages). Others are sent to
/// the login page and brought back (401 under `/api/`).
#[derive(Clone, Debug)]
pub struct SignedIn(pub Ctx, pub Arc<Auth>);

impl<S: Send + Sync> FromRequestParts<S> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, s: &S) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, s)
            .await
            .map_err(IntoResponse::into_response)?;
        match ctx.auth.clone() {
            Some(auth) => Ok(SignedIn(ctx, auth)),
            None if is_api(parts) => Err(ApiError::new(
                &ctx.tr,
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "error-unauthenticated-body",
            )
            .into_response()),
            None => Err(login_redirect(&ctx)),
        }
    }
}

/// A permission as a type, so that a handler's signature says what it needs.
pub trait Permit: Send + Sync + 'static {
    /// The permission of the domain's table.
    const PERMISSION: Permission;
}

/// The permissions as types, for [`Require`].
pub mod permit {
    use super::{Permission, Permit};

    /// [`Permission::UseServices`]: an applicant whose account is active.
    #[derive(Clone, Copy, Debug)]
    pub struct UseServices;
    impl Permit for UseServices {
        const PERMISSION: Permission = Permission::UseServices;
    }

    /// [`Permission::VerifyAccounts`]: the verification queue.
    #[derive(Clone, Copy, Debug)]
    pub struct VerifyAccounts;
    impl Permit for VerifyAccounts {
        const PERMISSION: Permission = Permission::VerifyAccounts;
    }

    /// [`Permission::ConfirmPayments`]: the payments desk.
    #[derive(Clone, Copy, Debug)]
    pub struct ConfirmPayments;
    impl Permit for ConfirmPayments {
        const PERMISSION: Permission = Permission::ConfirmPayments;
    }

    /// [`Permission::HandleCases`]: the residence cases of one's department.
    #[derive(Clone, Copy, Debug)]
    pub struct HandleCases;
    impl Permit for HandleCases {
        const PERMISSION: Permission = Permission::HandleCases;
    }

    /// [`Permission::ReassignCases`]: give a case to another officer of the department.
    #[derive(Clone, Copy, Debug)]
    pub struct ReassignCases;
    impl Permit for ReassignCases {
        const PERMISSION: Permission = Permission::ReassignCases;
    }

    /// [`Permission::ConfirmRejections`]: confirm or send back a proposed rejection.
    #[derive(Clone, Copy, Debug)]
    pub struct ConfirmRejections;
    impl Permit for ConfirmRejections {
        const PERMISSION: Permission = Permission::ConfirmRejections;
    }

    /// [`Permission::ManageSlots`]: the department's biometrics slots.
    #[derive(Clone, Copy, Debug)]
    pub struct ManageSlots;
    impl Permit for ManageSlots {
        const PERMISSION: Permission = Permission::ManageSlots;
    }

    /// [`Permission::ViewFigures`]: the department's figures.
    #[derive(Clone, Copy, Debug)]
    pub struct ViewFigures;
    impl Permit for ViewFigures {
        const PERMISSION: Permission = Permission::ViewFigures;
    }

    /// [`Permission::AssignDepartments`]: put officers in police departments.
    #[derive(Clone, Copy, Debug)]
    pub struct AssignDepartments;
    impl Permit for AssignDepartments {
        const PERMISSION: Permission = Permission::AssignDepartments;
    }
}

/// A signed-in user whose account may do `P` now (the domain's
/// [`access::check`]). Anyone else: the login page if not signed in; "your account is
/// being checked" for an applicant not yet verified; "access denied" otherwise — never a
/// crash or a blank. Under `/api/`, the 401/403 envelope.
#[derive(Clone, Debug)]
pub struct Require<P: Permit>(pub Ctx, pub Arc<Auth>, pub PhantomData<P>);

impl<S: Send + Sync, P: Permit> FromRequestParts<S> for Require<P> {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, s: &S) -> Result<Self, Self::Rejection> {
        let SignedIn(ctx, auth) = SignedIn::from_request_parts(parts, s).await?;
        match access::check(&auth.account, P::PERMISSION) {
            Ok(()) => Ok(Require(ctx, auth, PhantomData)),
            Err(_) if is_api(parts) => Err(ApiError::new(
                &ctx.tr,
                StatusCode::FORBIDDEN,
                "forbidden",
                "error-forbidden-body",
            )
            .into_response()),
            Err(Refusal::AwaitingVerification) => {
                Err(PageError::AwaitingVerification.into_response())
            }
            Err(Refusal::NotGranted) => Err(PageError::Forbidden.into_response()),
        }
    }
}

/// The fields of a form whose fields depend on data (an application step's questions, a
/// checklist): every field by name, the last value of a repeated one winning. Fixed forms
/// deserialise into their own struct instead.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(transparent)]
pub struct Fields(pub HashMap<String, String>);

impl Fields {
    /// A field's value, or "".
    pub fn get(&self, name: &str) -> &str {
        self.0.get(name).map(String::as_str).unwrap_or("")
    }
}

/// A form that carries nothing but its CSRF token (a button: log out, open, confirm).
#[derive(Clone, Copy, Debug, Default, serde::Deserialize)]
pub struct NoFields {}

/// A form that carries where to go next (the session's "stay signed in" button).
#[derive(Clone, Debug, Default, serde::Deserialize)]
pub struct NextForm {
    /// A path on this site (checked by [`crate::redirect::safe_next`]).
    pub next: Option<String>,
}

/// Reads an URL-encoded body: the CSRF token it carries and the rest as `T`. `T` is read
/// leniently (serde defaults for what is missing): a form that lacks a field is the
/// handler's to explain to the user, field by field.
async fn read_form<S: Send + Sync, T: DeserializeOwned>(
    req: Request,
    s: &S,
) -> Result<(Ctx, T, bool), PageError> {
    let (mut parts, body) = req.into_parts();
    let ctx = Ctx::from_request_parts(&mut parts, s).await?;
    let bytes = Bytes::from_request(Request::from_parts(parts, body), s)
        .await
        .map_err(|_| PageError::BadRequest)?;
    #[derive(serde::Deserialize)]
    struct Token {
        #[serde(default)]
        csrf_token: String,
    }
    let token: Token = serde_urlencoded::from_bytes(&bytes).map_err(|_| PageError::BadRequest)?;
    let fields: T = serde_urlencoded::from_bytes(&bytes).map_err(|e| {
        tracing::debug!(error = %e, "form fields do not parse");
        PageError::BadRequest
    })?;
    let fresh = ctx.csrf_ok(&token.csrf_token);
    Ok((ctx, fields, fresh))
}

/// An URL-encoded form whose CSRF token is right; a missing or stale token answers with
/// the "form expired" page (403). For forms that should rather show the user's values
/// again, see [`CheckedForm`].
#[derive(Debug)]
pub struct CsrfForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for CsrfForm<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, s: &S) -> Result<Self, Self::Rejection> {
        match read_form(req, s).await? {
            (_, fields, true) => Ok(CsrfForm(fields)),
            (_, _, false) => Err(PageError::Csrf),
        }
    }
}

/// An URL-encoded form whose CSRF token was checked, either way: a form with a stale
/// token (the page was open for hours, or the session changed) is shown again with what
/// the user typed and a "the form expired, send it again" message, nothing lost.
#[derive(Debug)]
pub enum CheckedForm<T> {
    /// The token is right: act on the form.
    Fresh(T),
    /// The token is missing or stale: do nothing but show the form again.
    Expired(T),
}

impl<T> CheckedForm<T> {
    /// The fields, whether or not the token was right.
    pub fn fields(&self) -> &T {
        match self {
            CheckedForm::Fresh(t) | CheckedForm::Expired(t) => t,
        }
    }

    /// The fields if the token was right.
    pub fn fresh(&self) -> Option<&T> {
        match self {
            CheckedForm::Fresh(t) => Some(t),
            CheckedForm::Expired(_) => None,
        }
    }
}

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for CheckedForm<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, s: &S) -> Result<Self, Self::Rejection> {
        Ok(match read_form(req, s).await? {
            (_, fields, true) => CheckedForm::Fresh(fields),
            (_, fields, false) => CheckedForm::Expired(fields),
        })
    }
}
