//! The start page, the language switcher, the development mailbox, health and metrics.

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::CsrfForm;
use crate::i18n::dates::when;
use crate::redirect::{safe_next, see_other};
use crate::templates::{HomePage, MailRow, MailboxPage, Page, render};
use eforeigner_domain::Lang;

/// `GET /`.
pub async fn home(ctx: Ctx) -> Response {
    render(&HomePage {
        p: Page::new(&ctx, "home-title"),
    })
}

/// The language switcher's form.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct LanguageForm {
    /// The language's tag (`sr-Latn`); an unknown one means the default.
    pub lang: String,
    /// The page to return to.
    pub next: Option<String>,
}

/// `POST /language`: remembers the language (cookie, and the account when signed in) and
/// returns to the page.
pub async fn set_language(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<LanguageForm>,
) -> Result<Response, PageError> {
    let lang = Lang::parse(&f.lang).unwrap_or_default();
    if let Some(auth) = &ctx.auth {
        state.accounts.set_language(&auth.account, lang).await?;
    }
    // Drop a `lang=` query from the target so it does not override the choice.
    let next = safe_next(f.next.as_ref());
    let next = match next.split_once('?') {
        Some((path, query)) => {
            let rest: Vec<&str> = query
                .split('&')
                .filter(|p| !p.starts_with("lang="))
                .collect();
            if rest.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{}", rest.join("&"))
            }
        }
        None => next,
    };
    let mut r = see_other(&next);
    let c = format!(
        "lang={}; Path=/; SameSite=Lax; Max-Age=31536000",
        lang.tag()
    );
    if let Ok(v) = HeaderValue::from_str(&c) {
        r.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(r)
}

/// `GET /dev/mailbox`: messages kept when no SMTP server is configured (demo mode only).
pub async fn dev_mailbox(State(state): State<AppState>, ctx: Ctx) -> Result<Response, PageError> {
    if !state.config.demo {
        return Err(PageError::NotFound);
    }
    let mails = state
        .store
        .dev_mails(50)
        .await
        .map_err(eforeigner_domain::DomainError::from)?;
    Ok(render(&MailboxPage {
        p: Page::new(&ctx, "devmail-title"),
        mails: mails
            .into_iter()
            .map(|m| MailRow {
                to: m.to,
                subject: m.subject,
                body: m.body,
                at: when(m.created_at, ctx.lang),
            })
            .collect(),
    }))
}

/// `GET /healthz`: 200 when the database answers.
pub async fn healthz(State(state): State<AppState>) -> Response {
    if state.store.ping().await {
        (StatusCode::OK, "ok").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
    }
}

/// `GET /metrics`: Prometheus text format, for the operator only: with
/// `EFOREIGNER_METRICS_TOKEN` set, to requests that carry it as a bearer token; without
/// it, to clients on this machine that came through no proxy. Anyone else gets "not
/// found", as for an address that does not exist.
pub async fn metrics(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
) -> Response {
    if !may_read_metrics(state.config.metrics_token.as_deref(), &ctx.ip, &headers) {
        return PageError::NotFound.into_response();
    }
    let pending = state.store.pending_jobs().await.unwrap_or(-1);
    metrics::gauge!("outbox_pending_jobs").set(pending as f64);
    match &state.metrics {
        Some(handle) => (
            [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
            handle.render(),
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "metrics disabled").into_response(),
    }
}

/// Whether a request may read `/metrics` (see [`metrics`]).
fn may_read_metrics(token: Option<&str>, client: &str, headers: &axum::http::HeaderMap) -> bool {
    use subtle::ConstantTimeEq as _;
    match token {
        Some(token) => headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|sent| bool::from(sent.as_bytes().ct_eq(token.as_bytes()))),
        None => {
            let proxied =
                headers.contains_key("x-forwarded-for") || headers.contains_key(header::FORWARDED);
            !proxied
                && client
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
    }
}

/// `GET /terms`: the terms of use and how personal data are used (linked from the
/// registration form's consent and from every page's footer).
pub async fn terms(ctx: Ctx) -> Response {
    crate::html::message(
        &ctx,
        "terms-title",
        &[
            "terms-who",
            "terms-what",
            "terms-kept",
            "terms-cookies",
            "terms-security",
            "terms-rights",
        ],
        vec![],
    )
}

/// Any unknown path.
pub async fn not_found() -> PageError {
    PageError::NotFound
}

/// A page's address opened with a method it does not take, e.g. an upload's or a
/// submission's address opened from a bookmark: a page that says so, not a blank one.
/// Under `/api`, the API's JSON envelope.
pub async fn method_not_allowed(ctx: Ctx, uri: axum::http::Uri) -> Response {
    if uri.path().starts_with("/api/") {
        return crate::error::ApiError::new(
            &ctx.tr,
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed",
            "error-method-api",
        )
        .into_response();
    }
    PageError::MethodNotAllowed.into_response()
}
