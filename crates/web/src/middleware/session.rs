//! The middleware that sets up every request's [`Ctx`]: the client's address (through
//! trusted proxies), its session, its language and its CSRF cookie; after the handler, it
//! renders error pages in the user's language and sets the cookies it decided on.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::context::{Auth, CookieNames, Ctx, csrf_token_for};
use crate::error::{ErrorPage, PageError};
use crate::i18n::Tr;
use eforeigner_domain::Lang;

fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn query_lang(query: Option<&str>) -> Option<Lang> {
    query?
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "lang")
        .and_then(|(_, v)| Lang::parse(v))
}

/// Where a page returns to: for a `GET` its own address (path and query); for a form's
/// post, the page the form was on (the path and query of its `Referer`, never its origin),
/// because the post's own address may take no `GET` (an upload, a submission): returning
/// there after a login or a language switch would answer "method not allowed". Without a
/// `Referer`, the home page.
fn return_path(req: &Request) -> String {
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        return req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".into());
    }
    req.headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok())
        .map(|u| match u.query() {
            Some(q) => format!("{}?{q}", u.path()),
            None => u.path().to_string(),
        })
        .unwrap_or_else(|| "/".into())
}

/// Whether `path` is a static asset: the same for everyone, so no session is looked up and
/// no cookie set for it.
pub fn is_asset(path: &str) -> bool {
    path.starts_with("/static/") || path == "/favicon.ico"
}

/// Middleware: resolves session, language and CSRF cookie, runs the handler, then renders
/// error pages in the user's language and sets the cookies it decided on.
pub async fn context_layer(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let names = CookieNames::for_config(state.config.secure_cookies());
    let headers = req.headers();
    // Behind a reverse proxy the peer is the proxy: the client is what the trusted proxies
    // say (`EFOREIGNER_TRUSTED_PROXIES`), never what a client says of itself.
    let ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| {
            let forwarded = headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok());
            state
                .config
                .client_address(c.0.ip(), forwarded.collect::<Vec<_>>().into_iter())
                .to_string()
        })
        .unwrap_or_else(|| "unknown".into());
    let user_agent: String = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .chars()
        .take(200)
        .collect();

    let mut set_cookies: Vec<String> = vec![];
    // Static files are the same for everyone: no session lookup for them.
    let is_static = is_asset(req.uri().path());
    let session_cookie = cookie(headers, names.session).filter(|_| !is_static);
    let (auth, session_expired) = match session_cookie {
        Some(secret) => match state.accounts.authenticate(secret).await {
            Ok(Some((session, account))) => (Some(Arc::new(Auth { session, account })), false),
            Ok(None) => {
                set_cookies.push(names.set(names.session, "", Some(0)));
                (None, true)
            }
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                return PageError::Internal.into_response();
            }
        },
        None => (None, false),
    };

    // The API authenticates writes by content type and Origin, static files need nothing:
    // neither gets (or pays for) a CSRF cookie.
    let path = req.uri().path();
    let forms_possible = !path.starts_with("/api/") && !is_asset(path);
    let csrf_token = match cookie(headers, names.csrf).filter(|v| v.len() >= 32 && v.len() <= 64) {
        Some(v) => csrf_token_for(&state.csrf_key, v),
        None if forms_possible => {
            let v = eforeigner_domain::clock::new_secret();
            set_cookies.push(names.set(names.csrf, &v, None));
            csrf_token_for(&state.csrf_key, &v)
        }
        None => String::new(),
    };

    let from_query = query_lang(req.uri().query());
    if let Some(l) = from_query {
        set_cookies.push(format!(
            "lang={}; Path=/; SameSite=Lax; Max-Age=31536000",
            l.tag()
        ));
    }
    let lang = from_query
        .or_else(|| cookie(headers, "lang").and_then(Lang::parse))
        .or_else(|| auth.as_ref().map(|a| a.account.language))
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default();

    let ctx = Ctx {
        lang,
        tr: Tr::new(state.i18n.clone(), lang),
        csrf_token,
        auth,
        session_expired,
        ip,
        user_agent,
        path: return_path(&req),
        demo: state.config.demo,
        now: state.accounts.now(),
        cookies: names,
    };
    req.extensions_mut().insert(ctx.clone());
    let is_api = req.uri().path().starts_with("/api/");
    let under_applications = req.uri().path().starts_with("/applications/");

    let mut response = next.run(req).await;
    if let Some(page) = response.extensions().get::<ErrorPage>().cloned()
        && !is_api
    {
        let status = response.status();
        let mut rendered = crate::html::render_error(&ctx, page, under_applications);
        *rendered.status_mut() = status;
        for (k, v) in response.headers() {
            if k == header::RETRY_AFTER || k == header::SET_COOKIE {
                rendered.headers_mut().append(k, v.clone());
            }
        }
        response = rendered;
    }
    for c in set_cookies {
        if let Ok(v) = HeaderValue::from_str(&c) {
            response.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    response
}
