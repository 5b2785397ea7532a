//! Per-request context: the client, its session, its language and its CSRF token, set up by
//! one middleware and read by handlers through extractors.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use hmac::{Hmac, Mac};

use super::AppState;
use super::error::{ErrorPage, PageError};
use crate::i18n::Tr;
use eforeigner_domain::{Account, AccountStatus, Actor, Lang, Role, Session};

/// The signed-in user of a request.
#[derive(Clone, Debug)]
pub struct Auth {
    /// The session.
    pub session: Session,
    /// Its account.
    pub account: Account,
}

/// Everything known about a request before the handler runs.
#[derive(Clone, Debug)]
pub struct Ctx {
    /// The language to answer in.
    pub lang: Lang,
    /// Translator for `lang`.
    pub tr: Tr,
    /// The token forms must send back (`csrf_token`).
    pub csrf_token: String,
    /// The signed-in user, if any (shared: the context is cloned by every extractor).
    pub auth: Option<Arc<Auth>>,
    /// A session cookie came but the session has ended or expired.
    pub session_expired: bool,
    /// Client address.
    pub ip: String,
    /// Browser.
    pub user_agent: String,
    /// Where this page returns to (`next=` after a login, a language switch, a session
    /// extension); see [`return_path`].
    pub path: String,
    /// Demo mode (development mailbox link).
    pub demo: bool,
    /// When the request came, by the injected clock (tests control it).
    pub now: jiff::Timestamp,
    /// Cookie names and flags.
    pub cookies: CookieNames,
}

/// Names of the cookies, with the `__Host-` prefix where the origin is secure.
#[derive(Clone, Copy, Debug)]
pub struct CookieNames {
    /// Session cookie.
    pub session: &'static str,
    /// CSRF cookie.
    pub csrf: &'static str,
    /// Whether cookies carry `Secure`.
    pub secure: bool,
}

impl CookieNames {
    fn for_config(secure: bool) -> Self {
        if secure {
            Self {
                session: "__Host-session",
                csrf: "__Host-csrf",
                secure,
            }
        } else {
            Self {
                session: "session",
                csrf: "csrf",
                secure,
            }
        }
    }

    /// A `Set-Cookie` value: HttpOnly, SameSite=Lax, Path=/, Secure where possible.
    pub fn set(&self, name: &str, value: &str, max_age_secs: Option<i64>) -> String {
        let mut c = format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax");
        if self.secure {
            c.push_str("; Secure");
        }
        if let Some(age) = max_age_secs {
            c.push_str(&format!("; Max-Age={age}"));
        }
        c
    }
}

impl Ctx {
    /// Today's date in Serbia, when the request came.
    pub fn today(&self) -> jiff::civil::Date {
        eforeigner_domain::clock::serbian_date(self.now)
    }

    /// Who is acting, for audit and sign-in history.
    pub fn actor(&self) -> Actor {
        Actor {
            account_id: self.auth.as_ref().map(|a| a.account.id.clone()),
            ip: self.ip.clone(),
            user_agent: self.user_agent.clone(),
        }
    }

    /// Checks the CSRF token a form sent.
    pub fn check_csrf(&self, sent: &str) -> Result<(), PageError> {
        use subtle::ConstantTimeEq;
        if !sent.is_empty() && bool::from(sent.as_bytes().ct_eq(self.csrf_token.as_bytes())) {
            Ok(())
        } else {
            Err(PageError::Csrf)
        }
    }
}

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

/// The token a form must carry: HMAC of the CSRF cookie under the server's key (a signed
/// double-submit cookie, OWASP).
pub fn csrf_token_for(key: &[u8; 32], cookie_value: &str) -> String {
    let Ok(mut mac) = Hmac::<sha2::Sha256>::new_from_slice(key) else {
        return String::new();
    };
    mac.update(cookie_value.as_bytes());
    hex::encode(mac.finalize().into_bytes())
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
        let mut rendered = super::pages::render_error(&ctx, page, under_applications);
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

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or(PageError::Internal)
    }
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

/// A signed-in user (any status); others are sent to the login page and brought back.
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
            None => Err(login_redirect(&ctx)),
        }
    }
}

/// A signed-in applicant whose account is active: the gate of every service page.
/// Anyone else signed in gets the "Access denied" page, never a crash or a blank.
#[derive(Clone, Debug)]
pub struct ActiveApplicant(pub Ctx, pub Arc<Auth>);

impl<S: Send + Sync> FromRequestParts<S> for ActiveApplicant {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, s: &S) -> Result<Self, Self::Rejection> {
        let SignedIn(ctx, auth) = SignedIn::from_request_parts(parts, s).await?;
        match (auth.account.role, auth.account.status) {
            (Role::Applicant, AccountStatus::Active) => Ok(ActiveApplicant(ctx, auth)),
            (Role::Applicant, _) => Err(PageError::AwaitingVerification.into_response()),
            _ => Err(PageError::Forbidden.into_response()),
        }
    }
}

/// A signed-in, active verification officer (or supervisor, admin).
#[derive(Clone, Debug)]
pub struct Verifier(pub Ctx, pub Arc<Auth>);

impl<S: Send + Sync> FromRequestParts<S> for Verifier {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, s: &S) -> Result<Self, Self::Rejection> {
        let SignedIn(ctx, auth) = SignedIn::from_request_parts(parts, s).await?;
        if auth.account.role.can_verify_accounts() && auth.account.status == AccountStatus::Active {
            Ok(Verifier(ctx, auth))
        } else {
            Err(PageError::Forbidden.into_response())
        }
    }
}
