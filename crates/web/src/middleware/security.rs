//! Security middleware: response headers (CSP, HSTS, nosniff, Referrer-Policy, no caching of
//! personal pages), the cross-site request guard for state-changing requests, and request
//! metrics.

use std::time::Instant;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::error::PageError;

/// The Content-Security-Policy of every page: our own scripts and styles only.
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// Adds the security headers (a handler may set its own CSP or caching first).
pub async fn headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/static/");
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    // Room for the headers below at once: growing the map one header at a time moved it
    // (and its allocation) three times per response.
    h.reserve(8);
    let mut set = |name: header::HeaderName, value: &'static str| {
        if !h.contains_key(&name) {
            h.insert(name, HeaderValue::from_static(value));
        }
    };
    set(header::CONTENT_SECURITY_POLICY, CSP);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    // Links in e-mails carry single-use tokens: never send them to another site. (Not
    // `no-referrer`: with it, browsers send `Origin: null` on our own form posts.)
    set(header::REFERRER_POLICY, "same-origin");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
    );
    set(
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    if is_static {
        set(header::CACHE_CONTROL, "public, max-age=3600");
    } else {
        set(header::CACHE_CONTROL, "no-store");
    }
    if state.config.public_url.starts_with("https://") {
        set(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=63072000; includeSubDomains",
        );
    }
    r
}

/// Refuses state-changing requests that a browser marks as coming from another site
/// (`Sec-Fetch-Site: cross-site`, or an `Origin` that is not ours). Forms also carry a CSRF
/// token; API writes must be JSON, which other sites cannot send without CORS.
pub async fn cross_site_guard(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let unsafe_method = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if unsafe_method {
        let h = req.headers();
        let api = req.uri().path().starts_with("/api/");
        // Pages get the friendly page; the API its JSON envelope.
        let refuse = |status: StatusCode, code: &str, key: &str| -> Response {
            match req
                .extensions()
                .get::<crate::context::Ctx>()
                .filter(|_| api)
            {
                Some(ctx) => {
                    crate::error::ApiError::new(&ctx.tr, status, code, key).into_response()
                }
                None => PageError::Csrf.into_response(),
            }
        };
        if h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site") {
            return refuse(StatusCode::FORBIDDEN, "cross_site", "error-cross-site-api");
        }
        let same_origin =
            h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("same-origin");
        if let Some(origin) = h.get(header::ORIGIN).and_then(|v| v.to_str().ok())
            && !(origin == "null" && same_origin)
        {
            let host = h
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let ours = origin == state.config.public_url
                || origin == format!("http://{host}")
                || origin == format!("https://{host}");
            if !ours {
                return refuse(StatusCode::FORBIDDEN, "cross_site", "error-cross-site-api");
            }
        }
        if api {
            let ct = h
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            let body_less = h.get(header::CONTENT_LENGTH).is_none_or(|v| v == "0")
                && h.get(header::TRANSFER_ENCODING).is_none();
            let allowed = ct.starts_with("application/json")
                || ct.starts_with("multipart/form-data")
                || (body_less && *req.method() == Method::DELETE);
            if !allowed {
                return refuse(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    "json_expected",
                    "error-json-expected",
                );
            }
        }
    }
    next.run(req).await
}

/// Counts requests and their latency for `/metrics`.
pub async fn track_metrics(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().to_string();
    let response = next.run(req).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!("http_requests_total", "method" => method, "status" => status).increment(1);
    metrics::histogram!("http_request_duration_seconds").record(start.elapsed().as_secs_f64());
    response
}
