//! The one mapping from failures to HTTP. HTML handlers return [`PageError`], which the
//! context middleware renders as a friendly page in the user's language; API handlers
//! return [`ApiError`], the documented JSON envelope:
//!
//! ```json
//! {"error": {"code": "validation_failed", "message": "…",
//!            "fields": [{"field": "email", "code": "email_invalid", "message": "…"}]}}
//! ```
//!
//! Internal details are logged, never sent.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::i18n::Tr;
use eforeigner_domain::{DomainError, FieldErrors};

/// Which friendly page to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorPage {
    /// 404.
    NotFound,
    /// 403: not for this role.
    Forbidden,
    /// 403: the account is not active yet.
    AwaitingVerification,
    /// 403: the form's CSRF token is missing or wrong.
    Csrf,
    /// 400.
    BadRequest,
    /// 405: an address forms post to, opened with another method (a bookmark, a reload).
    MethodNotAllowed,
    /// 413.
    TooLarge,
    /// 429.
    Throttled,
    /// 500.
    Internal,
}

impl ErrorPage {
    /// Translation key prefix of the page (`error-<key>-title`, `error-<key>-body`).
    pub fn key(self) -> &'static str {
        match self {
            ErrorPage::NotFound => "not-found",
            ErrorPage::Forbidden => "forbidden",
            ErrorPage::AwaitingVerification => "access-denied",
            ErrorPage::Csrf => "csrf",
            ErrorPage::BadRequest => "bad-request",
            ErrorPage::MethodNotAllowed => "method",
            ErrorPage::TooLarge => "too-large",
            ErrorPage::Throttled => "throttled",
            ErrorPage::Internal => "internal",
        }
    }
}

/// A failure of an HTML handler.
#[derive(Debug)]
pub enum PageError {
    /// Nothing here (or not yours).
    NotFound,
    /// Not for this role.
    Forbidden,
    /// The account is not active yet.
    AwaitingVerification,
    /// Missing or wrong CSRF token.
    Csrf,
    /// Malformed request.
    BadRequest,
    /// The address takes another method (forms post to it).
    MethodNotAllowed,
    /// Body too large (or too many parts).
    TooLarge,
    /// Too many requests; the next may come after this many seconds.
    Throttled {
        /// Seconds to wait.
        retry_after_secs: i64,
    },
    /// Something internal failed.
    Internal,
    /// Not a failure to show as such: the answer is another page (e.g. a change sent to an
    /// application submitted meanwhile goes back to its case page, which says so).
    SeeOther(String),
}

impl From<eforeigner_domain::access::Refusal> for PageError {
    fn from(r: eforeigner_domain::access::Refusal) -> Self {
        match r {
            eforeigner_domain::access::Refusal::AwaitingVerification => {
                PageError::AwaitingVerification
            }
            eforeigner_domain::access::Refusal::NotGranted => PageError::Forbidden,
        }
    }
}

impl From<DomainError> for PageError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::NotFound | DomainError::InvalidToken => PageError::NotFound,
            DomainError::Forbidden => PageError::Forbidden,
            DomainError::Conflict | DomainError::NotDraft | DomainError::Invalid(_) => {
                PageError::BadRequest
            }
            DomainError::Internal(inner) => {
                tracing::error!(error = %inner, "internal error");
                PageError::Internal
            }
            DomainError::Throttled { retry_after_secs } => {
                PageError::Throttled { retry_after_secs }
            }
            other => {
                tracing::warn!(error = %other, "unexpected domain error on a page");
                PageError::BadRequest
            }
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, page) = match self {
            PageError::SeeOther(to) => return crate::redirect::see_other(&to),
            PageError::NotFound => (StatusCode::NOT_FOUND, ErrorPage::NotFound),
            PageError::Forbidden => (StatusCode::FORBIDDEN, ErrorPage::Forbidden),
            PageError::AwaitingVerification => {
                (StatusCode::FORBIDDEN, ErrorPage::AwaitingVerification)
            }
            PageError::Csrf => (StatusCode::FORBIDDEN, ErrorPage::Csrf),
            PageError::BadRequest => (StatusCode::BAD_REQUEST, ErrorPage::BadRequest),
            PageError::MethodNotAllowed => {
                (StatusCode::METHOD_NOT_ALLOWED, ErrorPage::MethodNotAllowed)
            }
            PageError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, ErrorPage::TooLarge),
            PageError::Throttled { retry_after_secs } => {
                let mut r =
                    (StatusCode::TOO_MANY_REQUESTS, ErrorPage::Throttled.key()).into_response();
                if let Ok(v) = HeaderValue::from_str(&retry_after_secs.to_string()) {
                    r.headers_mut().insert(header::RETRY_AFTER, v);
                }
                r.extensions_mut().insert(ErrorPage::Throttled);
                return r;
            }
            PageError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, ErrorPage::Internal),
        };
        // The body is replaced by the context middleware, which knows the language.
        let mut r = (status, page.key()).into_response();
        r.extensions_mut().insert(page);
        r
    }
}

/// One field problem in the JSON envelope.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiFieldError {
    /// Field name.
    pub field: String,
    /// Stable code.
    pub code: String,
    /// Message in the requested language.
    pub message: String,
}

/// The error object of the envelope.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiErrorBody {
    /// Stable code: `validation_failed`, `invalid_credentials`, `throttled`, `locked`,
    /// `email_not_confirmed`, `invalid_token`, `unauthenticated`, `forbidden`,
    /// `not_found`, `conflict`, `not_draft`, `invalid_json`, `bad_request`, `internal`.
    pub code: String,
    /// Message in the requested language.
    pub message: String,
    /// Field problems (for `validation_failed`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<ApiFieldError>,
}

/// The JSON error envelope.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiErrorEnvelope {
    /// The error.
    pub error: ApiErrorBody,
}

/// A failure of an API handler, already translated.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: ApiErrorEnvelope,
    retry_after: Option<i64>,
}

/// The message of a problem with the field `field`: as [`field_message`], except that
/// "required" and "choose one" name the field ("Enter your surname", "Select the type of
/// document"): a message of its own (`error-required-<field>`) where one is written, else
/// the generic one with the field's label quoted (`error-required-named`).
pub fn field_error_message(tr: &Tr, field: &str, code: &str, args: &[(String, String)]) -> String {
    if matches!(code, "required" | "choose_one") {
        let field_key = field.replace('_', "-");
        let code_key = code.replace('_', "-");
        let own = format!("error-{code_key}-{field_key}");
        if tr.i18n().has(&own) {
            return tr.t(&own);
        }
        let label = format!("field-{field_key}");
        if tr.i18n().has(&label) {
            return tr.t_args(
                &format!("error-{code_key}-named"),
                &[("label", tr.t(&label))],
            );
        }
    }
    field_message(tr, code, args)
}

/// Translates one field error (`error-<code>` with its arguments).
pub fn field_message(tr: &Tr, code: &str, args: &[(String, String)]) -> String {
    let args: Vec<(&str, String)> = args.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
    // `rule:<reason>`: a reason of the residence rules, told in the rules' own words.
    if let Some(reason) = code.strip_prefix("rule:")
        && let Some(rc) = eforeigner_rules::residence::ReasonCode::from_code(reason)
    {
        let shown: Vec<(&str, String)> = args
            .iter()
            .map(|(k, v)| (*k, crate::i18n::names::shown_arg(tr, k, v)))
            .collect();
        return tr.t_args(rc.message_key(), &shown);
    }
    tr.t_args(&format!("error-{}", code.replace('_', "-")), &args)
}

impl ApiError {
    /// An error with a code, a status and a translated message key.
    pub fn new(tr: &Tr, status: StatusCode, code: &str, message_key: &str) -> Self {
        Self {
            status,
            body: ApiErrorEnvelope {
                error: ApiErrorBody {
                    code: code.into(),
                    message: tr.t(message_key),
                    fields: vec![],
                },
            },
            retry_after: None,
        }
    }

    /// Field problems → 422 `validation_failed`.
    pub fn invalid(tr: &Tr, errors: &FieldErrors) -> Self {
        let mut e = Self::new(
            tr,
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation_failed",
            "error-summary-title",
        );
        e.body.error.fields = errors
            .0
            .iter()
            .map(|f| ApiFieldError {
                field: f.field.clone(),
                code: f.code.clone(),
                message: field_error_message(tr, &f.field, &f.code, &f.args),
            })
            .collect();
        e
    }

    /// Maps a domain error.
    pub fn from_domain(tr: &Tr, e: DomainError) -> Self {
        match e {
            DomainError::Invalid(errors) => Self::invalid(tr, &errors),
            DomainError::InvalidCredentials => Self::new(
                tr,
                StatusCode::UNAUTHORIZED,
                "invalid_credentials",
                "error-login-invalid",
            ),
            DomainError::Throttled { retry_after_secs } => {
                let mut err = Self::new(
                    tr,
                    StatusCode::TOO_MANY_REQUESTS,
                    "throttled",
                    "error-login-throttled",
                );
                err.body.error.message = tr.t_args(
                    "error-login-throttled",
                    &[("seconds", retry_after_secs.to_string())],
                );
                err.retry_after = Some(retry_after_secs);
                err
            }
            DomainError::Locked => {
                Self::new(tr, StatusCode::FORBIDDEN, "locked", "error-login-locked")
            }
            DomainError::EmailNotConfirmed => Self::new(
                tr,
                StatusCode::FORBIDDEN,
                "email_not_confirmed",
                "error-login-unconfirmed",
            ),
            DomainError::InvalidToken => {
                Self::new(tr, StatusCode::GONE, "invalid_token", "link-invalid-body")
            }
            DomainError::Forbidden => Self::new(
                tr,
                StatusCode::FORBIDDEN,
                "forbidden",
                "error-forbidden-body",
            ),
            DomainError::NotFound => Self::new(
                tr,
                StatusCode::NOT_FOUND,
                "not_found",
                "error-not-found-body",
            ),
            DomainError::Conflict => {
                Self::new(tr, StatusCode::CONFLICT, "conflict", "error-conflict-body")
            }
            DomainError::NotDraft => Self::new(
                tr,
                StatusCode::CONFLICT,
                "not_draft",
                "error-not-draft-body",
            ),
            DomainError::Internal(inner) => {
                tracing::error!(error = %inner, "internal error");
                Self::new(
                    tr,
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "error-internal-body",
                )
            }
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = (self.status, Json(self.body)).into_response();
        if let Some(secs) = self.retry_after
            && let Ok(v) = HeaderValue::from_str(&secs.to_string())
        {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
        r
    }
}
