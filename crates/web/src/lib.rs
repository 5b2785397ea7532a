//! eForeigner's web edge: axum routes for the HTML pages and the JSON API, and the
//! middleware that every request passes (security headers, cross-site checks, session,
//! CSRF cookie, language, metrics). It works over the domain's services; it never names
//! the store or its database.
//!
//! - [`context`] — who is asking, in which language, with which CSRF token.
//! - [`pages`] — server-rendered HTML (works without JavaScript).
//! - [`api`] — `/api/v1` JSON and the OpenAPI document.
//! - [`error`] — the one mapping from domain errors to HTTP (HTML page or JSON envelope).

pub mod api;
pub mod config;
pub mod context;
pub mod error;
pub mod forms;
pub mod i18n;
pub mod pages;
pub mod receipt;
pub mod security;
pub mod templates;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::middleware;
use axum::routing::{get, post};
use metrics_exporter_prometheus::PrometheusHandle;

pub use crate::config::WebConfig;
use crate::i18n::I18n;
use eforeigner_domain::accounts::Accounts;
use eforeigner_domain::ports::files::Files;
use eforeigner_domain::store::Store;

/// Largest request body: two 5 MB files plus the form fields.
pub const MAX_BODY_BYTES: usize = 11 * 1024 * 1024;

/// What every handler can reach. Cloned for every request (axum's `State`), so it is one
/// shared pointer: cloning the services themselves cost several allocations and reference
/// counts per request (seen in the page benchmark's profile).
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl AppState {
    /// The shared state of `services`.
    pub fn new(services: Services) -> Self {
        Self(Arc::new(services))
    }
}

impl std::ops::Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

/// The services and settings behind [`AppState`].
pub struct Services {
    /// The account service.
    pub accounts: Accounts,
    /// The application service.
    pub applications: eforeigner_domain::applications::Applications,
    /// Translations.
    pub i18n: Arc<I18n>,
    /// Settings.
    pub config: Arc<WebConfig>,
    /// The store (health check, development mailbox).
    pub store: Arc<dyn Store>,
    /// Wakes the outbox worker after writes that queue jobs.
    pub worker: JobsWaker,
    /// Prometheus metrics.
    pub metrics: Option<PrometheusHandle>,
    /// Key for signing CSRF tokens.
    pub csrf_key: Arc<[u8; 32]>,
    /// The file store, which uploads are received into while they arrive.
    pub files: Arc<dyn Files>,
}

/// Wakes the background worker at once (after a request wrote jobs) instead of at its next
/// tick.
#[derive(Clone, Debug, Default)]
pub struct JobsWaker(pub Arc<tokio::sync::Notify>);

impl JobsWaker {
    /// Wakes the worker.
    pub fn wake(&self) {
        self.0.notify_one();
    }
}

/// Builds the application's router.
pub fn router(state: AppState) -> Router {
    let pages = Router::new()
        .route("/", get(pages::home::home))
        .route("/language", post(pages::home::set_language))
        .route(
            "/register",
            get(pages::register::form).post(pages::register::submit),
        )
        .route("/register/sent", get(pages::register::sent))
        .route(
            "/confirm-email",
            get(pages::register::confirm_form).post(pages::register::confirm),
        )
        .route(
            "/confirm-email/resend",
            get(pages::register::resend_form).post(pages::register::resend),
        )
        .route(
            "/confirm-email-change",
            get(pages::account::confirm_email_change_form)
                .post(pages::account::confirm_email_change),
        )
        .route("/login", get(pages::login::choose))
        .route(
            "/login/password",
            get(pages::login::form).post(pages::login::submit),
        )
        .route("/login/mobile", get(pages::login::mobile))
        .route("/login/certificate", get(pages::login::certificate))
        .route("/logout", post(pages::login::logout))
        .route("/session/extend", post(pages::login::extend))
        .route(
            "/password/forgot",
            get(pages::password::forgot_form).post(pages::password::forgot),
        )
        .route(
            "/password/reset",
            get(pages::password::reset_form).post(pages::password::reset),
        )
        .route("/account", get(pages::account::overview))
        .route(
            "/account/details",
            get(pages::account::details_form).post(pages::account::details),
        )
        .route(
            "/account/password",
            get(pages::account::password_form).post(pages::account::password),
        )
        .route(
            "/account/email",
            get(pages::account::email_form).post(pages::account::email),
        )
        .route("/account/sessions", get(pages::account::sessions))
        .route(
            "/account/sessions/{id}/end",
            post(pages::account::end_session),
        )
        .route(
            "/account/correct",
            get(pages::account::correct_form).post(pages::account::correct),
        )
        .route("/documents/{id}", get(pages::account::document))
        .route(
            "/account/ebs",
            get(pages::account::ebs_form).post(pages::account::ebs),
        )
        .route("/applications", get(pages::applications::list))
        .route(
            "/applications/new",
            get(pages::applications::new_form).post(pages::applications::start),
        )
        .route("/applications/{id}", get(pages::applications::show))
        .route(
            "/applications/{id}/steps/{step}",
            get(pages::applications::step_form).post(pages::applications::step_save),
        )
        .route(
            "/applications/{id}/files",
            post(pages::applications::add_files),
        )
        .route(
            "/applications/{id}/documents",
            post(pages::applications::documents_save),
        )
        .route(
            "/applications/{id}/files/{upload}",
            get(pages::applications::file),
        )
        .route(
            "/applications/{id}/files/{upload}/delete",
            post(pages::applications::delete_file),
        )
        .route(
            "/applications/{id}/slip.pdf",
            get(pages::applications::slip_pdf),
        )
        .route(
            "/applications/{id}/review",
            get(pages::applications::review),
        )
        .route(
            "/applications/{id}/submit",
            post(pages::applications::submit),
        )
        .route(
            "/applications/{id}/delete",
            get(pages::applications::delete_form).post(pages::applications::delete),
        )
        .route("/mailbox", get(pages::mailbox::list))
        .route("/mailbox/{id}", get(pages::mailbox::show))
        .route("/mailbox/{id}/open", post(pages::mailbox::open))
        .route("/mailbox/{id}/file", get(pages::mailbox::file))
        .route("/verify", get(pages::mailbox::verify_form))
        .route("/verify/{code}", get(pages::mailbox::verify_code))
        .route("/officer/payments", get(pages::mailbox::payments))
        .route(
            "/officer/payments/{id}/confirm",
            post(pages::mailbox::confirm_payment),
        )
        .route(
            "/officer/payments/lines/{id}/resolve",
            post(pages::mailbox::resolve_payment_line),
        )
        .route("/services", get(pages::account::services))
        .route("/officer/verifications", get(pages::officer::queue))
        .route("/officer/verifications/{id}", get(pages::officer::case))
        .route(
            "/officer/verifications/{id}/approve",
            post(pages::officer::approve),
        )
        .route(
            "/officer/verifications/{id}/reject",
            post(pages::officer::reject),
        )
        .route("/terms", get(pages::home::terms))
        .route("/residence", get(pages::residence::index))
        .route("/residence/bases", get(pages::residence::bases))
        .route("/residence/eligibility", get(pages::residence::eligibility))
        .route("/residence/absences", get(pages::residence::absences))
        .route("/residence/fees", get(pages::residence::fees))
        .route("/residence/fees/slip.pdf", get(pages::residence::slip_pdf))
        .route("/dev/mailbox", get(pages::home::dev_mailbox))
        .route("/healthz", get(pages::home::healthz))
        .route("/metrics", get(pages::home::metrics))
        .route("/static/app.css", get(pages::assets::css))
        .route("/static/app.js", get(pages::assets::js))
        .route("/static/favicon.svg", get(pages::assets::favicon_svg))
        .route("/favicon.ico", get(pages::assets::favicon_ico));

    Router::new()
        .merge(pages)
        // The API router holds its routes at their full `/api/...` paths (and its own
        // fallback for `/api/*`), as its OpenAPI document names them.
        .merge(api::router())
        .fallback(pages::home::not_found)
        // A wrong method: a page that says so, or the API's JSON envelope under /api.
        .method_not_allowed_fallback(pages::home::method_not_allowed)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::cross_site_guard,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            context::context_layer,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .layer(middleware::from_fn(security::track_metrics))
        // HTML, CSS, JS and JSON compressed for clients that take it (gzip or Brotli); PDFs
        // and images are sent as they are.
        .layer(
            tower_http::compression::CompressionLayer::new().compress_when({
                use tower_http::compression::predicate::{NotForContentType, Predicate, SizeAbove};
                SizeAbove::new(256)
                    .and(NotForContentType::new("application/pdf"))
                    .and(NotForContentType::IMAGES)
            }),
        )
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}
