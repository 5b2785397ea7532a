//! The JSON API (`/api/v1`): the account flows and the residence rules for other clients,
//! over the same services as the pages. Authentication is the same server-side session
//! cookie; writes must be JSON (or multipart for the registration), which other sites cannot
//! send. Errors use the envelope of [`crate::error`]. The OpenAPI document is at
//! `/api/openapi.json`; it is made from the same declarations as the router (see
//! [`router`]), so no route goes undescribed.

use std::sync::Arc;

use axum::extract::{Extension, Multipart, Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub mod cases;
pub mod identifiers;
pub mod residence;

use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, ApiErrorEnvelope, PageError};
use crate::extract::permit::VerifyAccounts;
use crate::extract::{Require, SignedIn};
use crate::forms::MultipartForm;
use crate::routes::Access;
use eforeigner_domain::access::Permission;
use eforeigner_domain::accounts::RegisterError;
use eforeigner_domain::{
    Account, AccountId, AccountStatus, DomainError, Lang, Role, Session, SignIn,
};

/// The API's routes, at their full paths under `/api` (merged into the application's
/// router), with `/api/openapi.json` serving their description.
///
/// Every route is registered with `routes!`, which takes its method and path from the
/// handler's `#[utoipa::path]` and adds that operation to the document: the router and the
/// document are made from the same declarations. A route added with a plain `.route()`
/// would be missing from the document; the test `every_api_route_is_documented` compares
/// the application's router with the served document and names any such route.
pub fn router() -> Router<AppState> {
    let (router, document) = documented_routes().split_for_parts();
    // The document is the one made with this very router; the handler reads it from here.
    router.layer(Extension(ApiDocument(Arc::new(document))))
}

/// The routes and their description, paths relative to `/api` and nested there.
fn documented_routes() -> OpenApiRouter<AppState> {
    // One `routes!` per path: utoipa-axum registers every handler of one call on every
    // path of that call, so only handlers of the same path (other methods) may share one.
    let api = OpenApiRouter::default()
        .routes(routes!(openapi))
        .routes(routes!(register))
        .routes(routes!(confirm_email))
        .routes(routes!(resend_confirmation))
        .routes(routes!(login, logout))
        .routes(routes!(me, update_me))
        .routes(routes!(change_password))
        .routes(routes!(change_email))
        .routes(routes!(sessions))
        .routes(routes!(end_session))
        .routes(routes!(sign_ins))
        .routes(routes!(forgot_password))
        .routes(routes!(reset_password))
        .routes(routes!(verification_queue))
        .routes(routes!(decide))
        .routes(routes!(cases::list))
        .routes(routes!(cases::show))
        .routes(routes!(cases::take))
        .routes(routes!(cases::request_update))
        .routes(routes!(cases::resume))
        .routes(routes!(cases::approve))
        .routes(routes!(cases::propose_rejection))
        .routes(routes!(cases::confirm_rejection))
        .routes(routes!(cases::return_rejection))
        .routes(routes!(cases::mine))
        .routes(routes!(cases::slots))
        .routes(routes!(cases::book))
        .routes(routes!(cases::card_step))
        .routes(routes!(cases::department_slots, cases::open_slots))
        .routes(routes!(identifiers::validate))
        .routes(routes!(residence::bases))
        .routes(routes!(residence::check))
        .routes(routes!(residence::absences))
        .routes(routes!(residence::fees))
        .routes(routes!(residence::ips_qr))
        .fallback(api_not_found);
    OpenApiRouter::with_openapi(ApiDoc::openapi()).nest("/api", api)
}

/// Who may reach each API operation (method, path as the OpenAPI document writes it). The
/// handlers enforce it with their extractors (`SignedIn`, `Require<P>`); the route × role
/// test holds every documented operation to this table, and fails on one missing here.
pub const ACCESS: &[(&str, &str, Access)] = &[
    ("GET", "/api/openapi.json", Access::Public),
    ("POST", "/api/v1/registrations", Access::Public),
    ("POST", "/api/v1/email/confirm", Access::Public),
    ("POST", "/api/v1/email/resend", Access::Public),
    ("POST", "/api/v1/session", Access::Public),
    ("DELETE", "/api/v1/session", Access::SignedIn),
    ("GET", "/api/v1/me", Access::SignedIn),
    ("PATCH", "/api/v1/me", Access::SignedIn),
    ("POST", "/api/v1/me/password", Access::SignedIn),
    ("POST", "/api/v1/me/email", Access::SignedIn),
    ("GET", "/api/v1/me/sessions", Access::SignedIn),
    ("DELETE", "/api/v1/me/sessions/{id}", Access::SignedIn),
    ("GET", "/api/v1/me/sign-ins", Access::SignedIn),
    ("POST", "/api/v1/password/forgot", Access::Public),
    ("POST", "/api/v1/password/reset", Access::Public),
    (
        "GET",
        "/api/v1/verifications",
        Access::Permission(Permission::VerifyAccounts),
    ),
    (
        "POST",
        "/api/v1/verifications/{id}/decision",
        Access::Permission(Permission::VerifyAccounts),
    ),
    (
        "GET",
        "/api/v1/cases",
        Access::Permission(Permission::HandleCases),
    ),
    (
        "GET",
        "/api/v1/cases/{id}",
        Access::Permission(Permission::HandleCases),
    ),
    (
        "POST",
        "/api/v1/cases/{id}/take",
        Access::Permission(Permission::HandleCases),
    ),
    (
        "POST",
        "/api/v1/cases/{id}/update-request",
        Access::Permission(Permission::HandleCases),
    ),
    (
        "POST",
        "/api/v1/cases/{id}/resume",
        Access::Permission(Permission::HandleCases),
    ),
    (
        "POST",
        "/api/v1/cases/{id}/approve",
        Access::Permission(Permission::HandleCases),
    ),
    (
        "POST",
        "/api/v1/cases/{id}/rejection",
        Access::Permission(Permission::HandleCases),
    ),
    (
        "POST",
        "/api/v1/cases/{id}/rejection/confirm",
        Access::Permission(Permission::ConfirmRejections),
    ),
    (
        "POST",
        "/api/v1/cases/{id}/rejection/return",
        Access::Permission(Permission::ConfirmRejections),
    ),
    (
        "GET",
        "/api/v1/applications/{id}",
        Access::Permission(Permission::UseServices),
    ),
    (
        "GET",
        "/api/v1/applications/{id}/slots",
        Access::Permission(Permission::UseServices),
    ),
    (
        "POST",
        "/api/v1/applications/{id}/booking",
        Access::Permission(Permission::UseServices),
    ),
    (
        "POST",
        "/api/v1/cases/{id}/card-step",
        Access::Permission(Permission::HandleCases),
    ),
    (
        "GET",
        "/api/v1/biometrics/slots",
        Access::Permission(Permission::ManageSlots),
    ),
    (
        "POST",
        "/api/v1/biometrics/slots",
        Access::Permission(Permission::ManageSlots),
    ),
    ("POST", "/api/v1/identifiers/validate", Access::Public),
    ("GET", "/api/v1/residence/bases", Access::Public),
    ("POST", "/api/v1/residence/check", Access::Public),
    ("POST", "/api/v1/residence/absences", Access::Public),
    ("GET", "/api/v1/residence/fees", Access::Public),
    ("POST", "/api/v1/payments/ips-qr", Access::Public),
];

/// The parts of the OpenAPI description that belong to no route: the title and the error
/// envelope. The paths and the schemas they use are added by [`router`].
#[derive(OpenApi)]
#[openapi(
    info(
        title = "eForeigner API",
        version = "1",
        description = "Accounts, residence rules and residence cases of the eForeigner portal. Every error answer \
            of the handlers is an ApiErrorEnvelope with a stable code."
    ),
    components(schemas(ApiErrorEnvelope))
)]
struct ApiDoc;

/// The description made with the router, shared by its requests.
#[derive(Clone)]
struct ApiDocument(Arc<utoipa::openapi::OpenApi>);

/// This document: the OpenAPI description of every route under `/api`.
#[utoipa::path(get, path = "/openapi.json",
    responses((status = 200, description = "OpenAPI 3.1 document", content_type = "application/json")))]
async fn openapi(Extension(document): Extension<ApiDocument>) -> Response {
    Json(document.0.as_ref()).into_response()
}

async fn api_not_found(ctx: Ctx) -> ApiError {
    ApiError::from_domain(&ctx.tr, DomainError::NotFound)
}

/// A JSON body whose rejection (wrong content, wrong shape) answers with the error
/// envelope (422 `invalid_json`) instead of plain text.
pub(crate) struct ApiJson<T>(pub(crate) T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> axum::extract::FromRequest<S> for ApiJson<T> {
    type Rejection = Response;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let ctx = req.extensions().get::<Ctx>().cloned();
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => {
                tracing::debug!(error = %rejection.body_text(), "rejected JSON body");
                Err(match ctx {
                    // A body over the limit is "too large", not "not JSON".
                    Some(ctx) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                        ApiError::new(
                            &ctx.tr,
                            StatusCode::PAYLOAD_TOO_LARGE,
                            "too_large",
                            "error-too-large-body",
                        )
                        .into_response()
                    }
                    Some(ctx) => ApiError::new(
                        &ctx.tr,
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "invalid_json",
                        "error-invalid-json",
                    )
                    .into_response(),
                    None => rejection.into_response(),
                })
            }
        }
    }
}

fn err(ctx: &Ctx) -> impl Fn(DomainError) -> ApiError + '_ {
    move |e| ApiError::from_domain(&ctx.tr, e)
}

/// An account as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountView {
    /// Id.
    pub id: String,
    /// E-mail (the username).
    pub email: String,
    /// Role.
    pub role: Role,
    /// Status.
    pub status: AccountStatus,
    /// Given name(s).
    pub given_names: String,
    /// Surname.
    pub surname: String,
    /// `YYYY-MM-DD`.
    pub date_of_birth: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub citizenship: Option<String>,
    /// Phone.
    pub phone: Option<String>,
    /// Preferred language.
    pub language: Lang,
    /// Rejection reason code, when rejected.
    pub rejection_reason: Option<String>,
    /// Officer's note, when rejected.
    pub rejection_note: Option<String>,
}

impl From<&Account> for AccountView {
    fn from(a: &Account) -> Self {
        Self {
            id: a.id.to_string(),
            email: a.email.to_string(),
            role: a.role,
            status: a.status,
            given_names: a.profile.given_names.clone(),
            surname: a.profile.surname.clone(),
            date_of_birth: a.profile.date_of_birth.map(|d| d.to_string()),
            citizenship: a.profile.citizenship.clone(),
            phone: a.profile.phone.clone(),
            language: a.language,
            rejection_reason: a.rejection_reason.map(|r| r.as_str().to_string()),
            rejection_note: a.rejection_note.clone(),
        }
    }
}

/// A session as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionView {
    /// Id (for ending it).
    pub id: String,
    /// Started (RFC 3339).
    pub created_at: String,
    /// Last activity.
    pub last_seen_at: String,
    /// Ends at, unless extended by activity.
    pub expires_at: String,
    /// Address at login.
    pub ip: String,
    /// Browser at login.
    pub user_agent: String,
    /// The session of this request.
    pub current: bool,
}

fn session_view(s: &Session, current: &str) -> SessionView {
    SessionView {
        id: s.id.clone(),
        created_at: s.created_at.to_string(),
        last_seen_at: s.last_seen_at.to_string(),
        expires_at: s.expires_at().to_string(),
        ip: s.ip.clone(),
        user_agent: s.user_agent.clone(),
        current: s.id == current,
    }
}

/// A sign-in attempt.
#[derive(Debug, Serialize, ToSchema)]
pub struct SignInView {
    /// When.
    pub at: String,
    /// From where.
    pub ip: String,
    /// Browser.
    pub user_agent: String,
    /// How.
    pub method: String,
    /// Whether it succeeded.
    pub succeeded: bool,
}

impl From<&SignIn> for SignInView {
    fn from(s: &SignIn) -> Self {
        Self {
            at: s.at.to_string(),
            ip: s.ip.clone(),
            user_agent: s.user_agent.clone(),
            method: s.method.to_string(),
            succeeded: s.succeeded,
        }
    }
}

/// "Accepted; look at your e-mail" (the same whether or not an account exists).
#[derive(Debug, Serialize, ToSchema)]
pub struct Accepted {
    /// Message in the requested language.
    pub message: String,
}

/// Login.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginRequest {
    /// E-mail.
    pub email: String,
    /// Password.
    pub password: String,
}

/// An e-mail address.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EmailRequest {
    /// E-mail.
    pub email: String,
}

/// A token from an e-mail link.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenRequest {
    /// The `token` parameter of the link.
    pub token: String,
}

/// A password reset.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ResetRequest {
    /// The `token` parameter of the link.
    pub token: String,
    /// The new password.
    pub password: String,
}

/// A password change.
#[derive(Debug, Deserialize, ToSchema)]
pub struct PasswordChange {
    /// Current password.
    pub current_password: String,
    /// New password.
    pub new_password: String,
}

/// An e-mail change.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EmailChange {
    /// New address (a link is sent there).
    pub new_email: String,
    /// Current password.
    pub password: String,
}

/// Changeable personal data.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DetailsChange {
    /// Phone ("" removes it); absent keeps it.
    pub phone: Option<String>,
    /// Preferred language.
    pub language: Option<Lang>,
}

/// An officer's decision.
#[derive(Debug, Deserialize, ToSchema)]
pub struct Decision {
    /// `approve` or `reject`.
    pub decision: String,
    /// Rejection reason code (with `reject`).
    #[serde(default)]
    pub reason: String,
    /// Free text (required for reason `other`).
    #[serde(default)]
    pub note: String,
}

fn accepted(ctx: &Ctx, key: &str) -> Response {
    (
        StatusCode::ACCEPTED,
        Json(Accepted {
            message: ctx.tr.t(key),
        }),
    )
        .into_response()
}

/// Register a foreign citizen (multipart: the fields of `RegistrationInput` and one or two
/// `documents` files).
#[utoipa::path(
    post, path = "/v1/registrations",
    request_body(content = eforeigner_domain::registration::RegistrationInput, content_type = "multipart/form-data"),
    responses(
        (status = 202, description = "Received; what comes next is sent by e-mail (the same answer whether or not the address is taken).", body = Accepted),
        (status = 400, description = "`bad_request`: the multipart body cannot be read.", body = ApiErrorEnvelope),
        (status = 413, description = "`too_large`: a file, or the whole body, is too large.", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed`: every field problem in `fields`.", body = ApiErrorEnvelope),
        (status = 429, description = "`throttled`: too many requests from this address; wait as `Retry-After` says.", body = ApiErrorEnvelope,
            headers(("Retry-After" = String, description = "Seconds to wait."))),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: Multipart,
) -> Result<Response, ApiError> {
    let mut form = MultipartForm::read(
        multipart,
        "documents",
        state.files.as_ref(),
        &crate::forms::registration_file_key,
    )
    .await
    .map_err(|e| match e {
        PageError::TooLarge => ApiError::new(
            &ctx.tr,
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_large",
            "error-too-large-body",
        ),
        _ => ApiError::new(
            &ctx.tr,
            StatusCode::BAD_REQUEST,
            "bad_request",
            "error-bad-request-body",
        ),
    })?;
    let input = crate::public::register::registration_input(&form);
    let result = state
        .accounts
        .register(&input, form.take_files(), None, ctx.lang, &ctx.actor())
        .await;
    state.worker.wake();
    match result {
        Ok(()) => Ok(accepted(&ctx, "register-sent-body")),
        Err(RegisterError::Form(rejected)) => Err(ApiError::invalid(&ctx.tr, &rejected.errors)),
        Err(RegisterError::Domain(e)) => Err(err(&ctx)(e)),
    }
}

/// Confirm the e-mail address with the token of the link.
#[utoipa::path(
    post, path = "/v1/email/confirm", request_body = TokenRequest,
    responses(
        (status = 200, description = "The confirmed account.", body = AccountView),
        (status = 410, description = "`invalid_token`: the link is unknown, used or expired.", body = ApiErrorEnvelope),
        (status = 422, description = "`invalid_json`: the body is not the JSON described.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn confirm_email(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<TokenRequest>,
) -> Result<Json<AccountView>, ApiError> {
    let account = state
        .accounts
        .confirm_email(&body.token, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    Ok(Json(AccountView::from(&account)))
}

/// Send the confirmation link again.
#[utoipa::path(
    post, path = "/v1/email/resend", request_body = EmailRequest,
    responses(
        (status = 202, description = "Accepted (the same answer whether or not an account waits for confirmation).", body = Accepted),
        (status = 422, description = "`invalid_json`: the body is not the JSON described.", body = ApiErrorEnvelope),
        (status = 429, description = "`throttled`: too many requests from this address; wait as `Retry-After` says.", body = ApiErrorEnvelope,
            headers(("Retry-After" = String, description = "Seconds to wait."))),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn resend_confirmation(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<EmailRequest>,
) -> Result<Response, ApiError> {
    state
        .accounts
        .resend_confirmation(&body.email, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    state.worker.wake();
    Ok(accepted(&ctx, "resend-done-body"))
}

/// Log in; the session cookie comes back in `Set-Cookie`.
#[utoipa::path(
    post, path = "/v1/session", request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in; the session cookie comes in `Set-Cookie`.", body = AccountView,
            headers(("Set-Cookie" = String, description = "The session cookie."))),
        (status = 401, description = "`invalid_credentials` (the same for an unknown address).", body = ApiErrorEnvelope),
        (status = 403, description = "`locked` or `email_not_confirmed`.", body = ApiErrorEnvelope),
        (status = 422, description = "`invalid_json`: the body is not the JSON described.", body = ApiErrorEnvelope),
        (status = 429, description = "`throttled`: too many failed attempts; wait as `Retry-After` says.", body = ApiErrorEnvelope,
            headers(("Retry-After" = String, description = "Seconds to wait."))),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let logged_in = state
        .accounts
        .login(&body.email, &body.password, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    let mut r = Json(AccountView::from(&logged_in.account)).into_response();
    if let Ok(v) = HeaderValue::from_str(&ctx.cookies.set(
        ctx.cookies.session,
        &logged_in.secret,
        None,
    )) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

/// Log out.
#[utoipa::path(
    delete, path = "/v1/session",
    responses(
        (status = 204, description = "Signed out; `Set-Cookie` clears the session cookie."),
        (status = 401, description = "`unauthenticated`: no valid session cookie.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn logout(State(state): State<AppState>, user: SignedIn) -> Result<Response, ApiError> {
    let SignedIn(ctx, auth) = user;
    state
        .accounts
        .logout(&auth.session, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    let mut r = StatusCode::NO_CONTENT.into_response();
    if let Ok(v) = HeaderValue::from_str(&ctx.cookies.set(ctx.cookies.session, "", Some(0))) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

/// The signed-in account.
#[utoipa::path(
    get, path = "/v1/me",
    responses(
        (status = 200, description = "The signed-in account.", body = AccountView),
        (status = 401, description = "`unauthenticated`: no valid session cookie.", body = ApiErrorEnvelope)
    )
)]
async fn me(user: SignedIn) -> Json<AccountView> {
    let SignedIn(_, auth) = user;
    Json(AccountView::from(&auth.account))
}

/// Change phone or language.
#[utoipa::path(
    patch, path = "/v1/me", request_body = DetailsChange,
    responses(
        (status = 200, description = "The account as changed.", body = AccountView),
        (status = 401, description = "`unauthenticated`: no valid session cookie.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: the account changed meanwhile; read it and try again.", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed` (every field problem in `fields`) or `invalid_json`.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn update_me(
    State(state): State<AppState>,
    user: SignedIn,
    ApiJson(body): ApiJson<DetailsChange>,
) -> Result<Json<AccountView>, ApiError> {
    let SignedIn(ctx, auth) = user;
    let phone = body
        .phone
        .unwrap_or_else(|| auth.account.profile.phone.clone().unwrap_or_default());
    let updated = state
        .accounts
        .update_details(&auth.account, &phone, body.language, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    Ok(Json(AccountView::from(&updated)))
}

/// Change the password (other sessions end).
#[utoipa::path(
    post, path = "/v1/me/password", request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed; the account's other sessions have ended."),
        (status = 401, description = "`unauthenticated`: no valid session cookie.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: the account changed meanwhile; read it and try again.", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed` (a wrong current password, too many attempts or a weak new password are field problems) or `invalid_json`.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn change_password(
    State(state): State<AppState>,
    user: SignedIn,
    ApiJson(body): ApiJson<PasswordChange>,
) -> Result<StatusCode, ApiError> {
    let SignedIn(ctx, auth) = user;
    state
        .accounts
        .change_password(
            &auth.account,
            &auth.session.id,
            &body.current_password,
            &body.new_password,
            &ctx.actor(),
        )
        .await
        .map_err(err(&ctx))?;
    state.worker.wake();
    Ok(StatusCode::NO_CONTENT)
}

/// Start an e-mail change (a link goes to the new address).
#[utoipa::path(
    post, path = "/v1/me/email", request_body = EmailChange,
    responses(
        (status = 202, description = "Accepted: a link goes to the new address (the same answer when it is taken).", body = Accepted),
        (status = 401, description = "`unauthenticated`: no valid session cookie.", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed` (every field problem in `fields`) or `invalid_json`.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn change_email(
    State(state): State<AppState>,
    user: SignedIn,
    ApiJson(body): ApiJson<EmailChange>,
) -> Result<Response, ApiError> {
    let SignedIn(ctx, auth) = user;
    state
        .accounts
        .change_email(&auth.account, &body.password, &body.new_email, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    state.worker.wake();
    Ok(accepted(&ctx, "notice-email-change-sent"))
}

/// Active sessions.
#[utoipa::path(
    get, path = "/v1/me/sessions",
    responses(
        (status = 200, description = "The account's active sessions.", body = [SessionView]),
        (status = 401, description = "`unauthenticated`: no valid session cookie.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn sessions(
    State(state): State<AppState>,
    user: SignedIn,
) -> Result<Json<Vec<SessionView>>, ApiError> {
    let SignedIn(ctx, auth) = user;
    let list = state
        .accounts
        .sessions(&auth.account)
        .await
        .map_err(err(&ctx))?;
    Ok(Json(
        list.iter()
            .map(|s| session_view(s, &auth.session.id))
            .collect(),
    ))
}

/// End one of one's sessions.
#[utoipa::path(
    delete, path = "/v1/me/sessions/{id}", params(("id" = String, Path, description = "Session id")),
    responses(
        (status = 204, description = "Ended."),
        (status = 401, description = "`unauthenticated`: no valid session cookie.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`: no such session of this account.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn end_session(
    State(state): State<AppState>,
    user: SignedIn,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let SignedIn(ctx, auth) = user;
    state
        .accounts
        .end_session(&auth.account, &id, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Recent sign-in attempts.
#[utoipa::path(
    get, path = "/v1/me/sign-ins",
    responses(
        (status = 200, description = "Recent sign-in attempts, newest first.", body = [SignInView]),
        (status = 401, description = "`unauthenticated`: no valid session cookie.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn sign_ins(
    State(state): State<AppState>,
    user: SignedIn,
) -> Result<Json<Vec<SignInView>>, ApiError> {
    let SignedIn(ctx, auth) = user;
    let list = state
        .accounts
        .sign_ins(&auth.account)
        .await
        .map_err(err(&ctx))?;
    Ok(Json(list.iter().map(SignInView::from).collect()))
}

/// Ask for a password-reset link (same answer whether or not the account exists).
#[utoipa::path(
    post, path = "/v1/password/forgot", request_body = EmailRequest,
    responses(
        (status = 202, description = "Accepted (the same answer whether or not the account exists).", body = Accepted),
        (status = 422, description = "`validation_failed` (every field problem in `fields`) or `invalid_json`.", body = ApiErrorEnvelope),
        (status = 429, description = "`throttled`: too many requests from this address; wait as `Retry-After` says.", body = ApiErrorEnvelope,
            headers(("Retry-After" = String, description = "Seconds to wait."))),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn forgot_password(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<EmailRequest>,
) -> Result<Response, ApiError> {
    let mut errors = eforeigner_domain::FieldErrors::default();
    eforeigner_domain::registration::check_email(&mut errors, "email", &body.email);
    if !errors.is_empty() {
        return Err(ApiError::invalid(&ctx.tr, &errors));
    }
    state
        .accounts
        .request_password_reset(&body.email, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    state.worker.wake();
    Ok(accepted(&ctx, "forgot-sent-body"))
}

/// Set a new password with the token of the link.
#[utoipa::path(
    post, path = "/v1/password/reset", request_body = ResetRequest,
    responses(
        (status = 204, description = "Changed; every session of the account has ended."),
        (status = 410, description = "`invalid_token`: the link is unknown, used or expired.", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed` (every field problem in `fields`) or `invalid_json`.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn reset_password(
    State(state): State<AppState>,
    ctx: Ctx,
    ApiJson(body): ApiJson<ResetRequest>,
) -> Result<StatusCode, ApiError> {
    state
        .accounts
        .reset_password(&body.token, &body.password, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    state.worker.wake();
    Ok(StatusCode::NO_CONTENT)
}

/// Accounts awaiting verification, oldest first (verification officers).
#[utoipa::path(
    get, path = "/v1/verifications",
    responses(
        (status = 200, description = "Accounts awaiting verification, oldest first.", body = [AccountView]),
        (status = 401, description = "`unauthenticated`: no valid session cookie.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not an active verification officer.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn verification_queue(
    State(state): State<AppState>,
    user: Require<VerifyAccounts>,
) -> Result<Json<Vec<AccountView>>, ApiError> {
    let Require(ctx, auth, _) = user;
    let list = state
        .accounts
        .verification_queue(&auth.account)
        .await
        .map_err(err(&ctx))?;
    Ok(Json(list.iter().map(AccountView::from).collect()))
}

/// Approve or reject an account awaiting verification (verification officers).
#[utoipa::path(
    post, path = "/v1/verifications/{id}/decision", request_body = Decision,
    params(("id" = String, Path, description = "Account id")),
    responses(
        (status = 200, description = "The account as decided.", body = AccountView),
        (status = 401, description = "`unauthenticated`: no valid session cookie.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not an active verification officer.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`: no such account.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: the account is not awaiting verification (any more).", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed` (every field problem in `fields`) or `invalid_json`.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
async fn decide(
    State(state): State<AppState>,
    user: Require<VerifyAccounts>,
    Path(id): Path<AccountId>,
    ApiJson(body): ApiJson<Decision>,
) -> Result<Json<AccountView>, ApiError> {
    let Require(ctx, auth, _) = user;
    let actor = ctx.actor();
    let result = match body.decision.as_str() {
        "approve" => state.accounts.approve(&auth.account, &id, &actor).await,
        "reject" => {
            state
                .accounts
                .reject(&auth.account, &id, &body.reason, &body.note, &actor)
                .await
        }
        _ => {
            let mut errors = eforeigner_domain::FieldErrors::default();
            errors.add("decision", "choose_one");
            Err(DomainError::Invalid(errors))
        }
    };
    let account = result.map_err(err(&ctx))?;
    state.worker.wake();
    Ok(Json(AccountView::from(&account)))
}
