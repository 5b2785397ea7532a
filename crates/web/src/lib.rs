//! eForeigner's web edge: axum routes for the HTML pages and the JSON API, and the
//! middleware that every request passes (security headers, cross-site checks, session,
//! CSRF cookie, language, metrics). It works over the domain's services; it never names
//! the store or its database.
//!
//! The pages, one folder per area, templates mirroring them (`templates/<area>/`):
//! - [`public`] — open to everyone (start page, registration, login, residence guide,
//!   verification of a document's code, assets, health);
//! - [`account`] — anyone signed in: their own account;
//! - [`applicant`] — an active applicant's e-services (applications, e-Mailbox);
//! - [`officer`] — the back office (verification queue, payments desk);
//! - [`api`] — `/api/v1` JSON and its OpenAPI document.
//!
//! What they stand on, from the bottom: [`i18n`] and [`config`]; [`context`] (who is
//! asking, in which language); [`error`] (the one mapping to HTTP) and [`redirect`];
//! [`views`] (data shared by pages and API) and [`templates`]; [`forms`] and [`extract`]
//! (what a handler receives, checked once: signed in, permission, CSRF); [`html`] (message,
//! form and error pages); [`middleware`]; [`routes`] (the table the route × role test
//! walks).

pub mod account;
pub mod api;
pub mod applicant;
pub mod config;
pub mod context;
pub mod error;
pub mod extract;
pub mod forms;
pub mod html;
pub mod i18n;
pub mod middleware;
pub mod officer;
pub mod public;
pub mod receipt;
pub mod redirect;
pub mod routes;
pub mod templates;
pub mod views;

use std::sync::Arc;

use axum::Router;
use axum::extract::DefaultBodyLimit;
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

/// Every page route, area by area (the API's are in [`api::v1::router`]).
pub fn page_routes() -> routes::Routes {
    public::routes()
        .merge(account::routes())
        .merge(applicant::routes())
        .merge(officer::routes())
}

/// Builds the application's router.
pub fn router(state: AppState) -> Router {
    let pages = page_routes().into_router();
    Router::new()
        .merge(pages)
        // The API router holds its routes at their full `/api/...` paths (and its own
        // fallback for `/api/*`), as its OpenAPI document names them.
        .merge(api::v1::router())
        .fallback(public::home::not_found)
        // A wrong method: a page that says so, or the API's JSON envelope under /api.
        .method_not_allowed_fallback(public::home::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::security::cross_site_guard,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::session::context_layer,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::security::headers,
        ))
        .layer(axum::middleware::from_fn(
            middleware::security::track_metrics,
        ))
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
        // Outermost, in the order a request meets them: an unsafe id sent by the client is
        // dropped, an id is made if there is none, the response carries it back, and the
        // request runs inside a span with its id.
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(middleware::trace::span)
                .on_response(
                    tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO),
                ),
        )
        .layer(tower_http::request_id::PropagateRequestIdLayer::new(
            middleware::trace::REQUEST_ID,
        ))
        .layer(tower_http::request_id::SetRequestIdLayer::new(
            middleware::trace::REQUEST_ID,
            middleware::trace::MakeId,
        ))
        .layer(axum::middleware::from_fn(middleware::trace::drop_unsafe_id))
        .with_state(state)
}
