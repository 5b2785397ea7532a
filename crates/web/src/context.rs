//! Per-request context: the client, its session, its language and its CSRF token, set up by
//! one middleware and read by handlers through extractors.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use hmac::{Hmac, Mac};

use super::error::PageError;
use crate::i18n::Tr;
use eforeigner_domain::{Account, Actor, Lang, Session};

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
    pub(crate) fn for_config(secure: bool) -> Self {
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

    /// Whether the CSRF token a form sent is this request's (constant-time). Only the form
    /// extractors ([`crate::extract`], [`crate::forms`]) ask.
    pub(crate) fn csrf_ok(&self, sent: &str) -> bool {
        use subtle::ConstantTimeEq;
        !sent.is_empty() && bool::from(sent.as_bytes().ct_eq(self.csrf_token.as_bytes()))
    }
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
