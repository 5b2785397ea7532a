//! HTML pages, one module per area: start page and utilities ([`home`]), registration and
//! e-mail confirmation ([`register`]), login and logout ([`login`]), password recovery
//! ([`password`]), the account area ([`account`]), the officers' verification queue
//! ([`officer`]) and static assets ([`assets`]).

pub mod account;
pub mod applications;
pub mod assets;
pub mod home;
pub mod login;
pub mod mailbox;
pub mod officer;
pub mod password;
pub mod register;
pub mod residence;

use std::collections::HashMap;

use axum::response::{IntoResponse, Redirect, Response};

use super::context::Ctx;
use super::error::ErrorPage;
use super::forms::FormView;
use super::templates::{Action, FormPage, FormSpec, MessagePage, Page, render};
use eforeigner_domain::{FieldErrors, Lang};

/// Renders the friendly page for an error, in the request's language. `under_applications`:
/// the request was for an address under `/applications/`, where "not found" is said in
/// the applicant's terms (a draft or file deleted in another window, a draft deleted after
/// 30 days), with the way back to "My applications"; an application of someone else gets
/// the same words, which say nothing about it.
pub fn render_error(ctx: &Ctx, page: ErrorPage, under_applications: bool) -> Response {
    let key = match page {
        ErrorPage::NotFound if under_applications => "application-not-found",
        _ => page.key(),
    };
    let mut actions = vec![Action::link(ctx.tr.t("error-go-home"), "/")];
    match page {
        ErrorPage::NotFound if under_applications => {
            actions.insert(
                0,
                Action::button_link(ctx.tr.t("apps-title"), "/applications"),
            );
        }
        ErrorPage::AwaitingVerification => {
            actions.insert(
                0,
                Action::button_link(ctx.tr.t("access-denied-see-status"), "/account"),
            );
        }
        ErrorPage::Csrf => {
            actions.insert(0, Action::button_link(ctx.tr.t("error-csrf-back"), "/"));
        }
        _ => {}
    }
    render(&MessagePage {
        p: Page::new(ctx, &format!("error-{key}-title")),
        heading: ctx.tr.t(&format!("error-{key}-title")),
        paragraphs: vec![ctx.tr.t(&format!("error-{key}-body"))],
        actions,
    })
}

/// A message page with a heading and paragraphs (message keys).
pub fn message(
    ctx: &Ctx,
    title_key: &str,
    paragraph_keys: &[&str],
    actions: Vec<Action>,
) -> Response {
    render(&MessagePage {
        p: Page::new(ctx, title_key),
        heading: ctx.tr.t(title_key),
        paragraphs: paragraph_keys.iter().map(|k| ctx.tr.t(k)).collect(),
        actions,
    })
}

/// Renders a form page with its values and errors; `title_key` titles page and heading.
pub fn form_page(
    ctx: &Ctx,
    title_key: &str,
    spec: FormSpec,
    values: HashMap<String, String>,
    errors: &FieldErrors,
) -> Response {
    let mut spec = spec;
    if spec.heading.is_empty() {
        spec.heading = ctx.tr.t(title_key);
    }
    let status = if errors.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let f = FormView::with(&ctx.tr, values, errors).ordered(spec.fields.iter().map(|fld| fld.name));
    let mut r = render(&FormPage {
        p: Page::new(ctx, title_key),
        spec,
        f,
    });
    if r.status() == axum::http::StatusCode::OK {
        *r.status_mut() = status;
    }
    r
}

/// The error a form shows when its CSRF token is missing or stale: the user's values stay.
pub fn csrf_errors() -> FieldErrors {
    let mut e = FieldErrors::default();
    e.add("form", "form_expired");
    e
}

/// Reads a one-field e-mail form (resend link, forgotten password): checks its CSRF token
/// and the address. `Err` is the form shown again with the problem and the value typed.
pub fn checked_email_form(
    ctx: &Ctx,
    f: &HashMap<String, String>,
    title_key: &str,
    spec: FormSpec,
) -> Result<String, Box<Response>> {
    if ctx
        .check_csrf(f.get("csrf_token").map(String::as_str).unwrap_or(""))
        .is_err()
    {
        return Err(Box::new(form_page(
            ctx,
            title_key,
            spec,
            keep_values(f),
            &csrf_errors(),
        )));
    }
    let email = f.get("email").cloned().unwrap_or_default();
    let mut errors = FieldErrors::default();
    eforeigner_domain::registration::check_email(&mut errors, "email", &email);
    if errors.is_empty() {
        Ok(email)
    } else {
        Err(Box::new(form_page(
            ctx,
            title_key,
            spec,
            keep_values(f),
            &errors,
        )))
    }
}

/// The form shown again with what was typed when the service answered `Throttled` (too many
/// requests from this connection), saying how long to wait; any other error as a page.
pub fn throttled_form(
    ctx: &Ctx,
    title_key: &str,
    spec: FormSpec,
    f: &HashMap<String, String>,
    e: eforeigner_domain::DomainError,
) -> Result<Response, super::error::PageError> {
    let eforeigner_domain::DomainError::Throttled { retry_after_secs } = e else {
        return Err(e.into());
    };
    let mut errors = FieldErrors::default();
    errors.add_with(
        "form",
        "too_many_requests",
        &[("seconds", retry_after_secs.to_string())],
    );
    let mut r = form_page(ctx, title_key, spec, keep_values(f), &errors);
    *r.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
    if let Ok(v) = axum::http::HeaderValue::from_str(&retry_after_secs.to_string()) {
        r.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
    }
    Ok(r)
}

/// Values to show again: everything typed except secrets and tokens.
pub fn keep_values(fields: &HashMap<String, String>) -> HashMap<String, String> {
    fields
        .iter()
        .filter(|(k, _)| {
            !matches!(
                k.as_str(),
                "password" | "current_password" | "new_password" | "csrf_token"
            )
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// A safe local redirect target (see [`local_path`]), or `/account`.
pub fn safe_next(next: Option<&String>) -> String {
    next.and_then(|n| local_path(n))
        .unwrap_or("/account")
        .to_string()
}

/// `raw` when it is a path on this site: it starts with one `/`, and every character is
/// visible ASCII other than `\`. Browsers drop tabs and line breaks from a URL and read
/// `\` as `/`, so `/\t/evil.example` or `/\\evil.example` would leave the site; line
/// breaks and other characters cannot stand in a `Location` header at all.
pub fn local_path(raw: &str) -> Option<&str> {
    let local = raw.starts_with('/')
        && !raw.starts_with("//")
        && raw.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    local.then_some(raw)
}

/// Redirect after a successful POST (303 so the browser GETs the target). A target that
/// cannot stand in a header (never one the portal makes) goes to the home page instead of
/// failing.
pub fn see_other(to: &str) -> Response {
    let to = if axum::http::HeaderValue::from_str(to).is_ok() {
        to
    } else {
        "/"
    };
    Redirect::to(to).into_response()
}

/// The `page` parameter of a list (read leniently by
/// [`eforeigner_domain::paging::PageNumber::parse`]).
#[derive(Debug, Default, serde::Deserialize)]
pub struct PageQuery {
    /// 1-based page number.
    pub page: Option<String>,
}

/// Whether a page in `lang` names municipalities in Cyrillic (Serbian Cyrillic and Russian
/// pages) or in Latin script.
fn cyrillic_names(lang: Lang) -> bool {
    matches!(lang, Lang::SrCyrl | Lang::Ru)
}

/// The municipalities of Serbia as the options of a list: code and name in the page's
/// script, in the order of the rules' list. One list for every form that asks for a
/// municipality (the application's "Reasons" step, the public fee page).
pub fn municipality_options(lang: Lang) -> Vec<(String, String)> {
    eforeigner_rules::municipalities::municipalities()
        .iter()
        .map(|m| (m.code.to_string(), m.name(cyrillic_names(lang)).to_string()))
        .collect()
}

/// A municipality's name in the page's script, or the code itself when it is not on the list.
pub fn municipality_name(code: &str, lang: Lang) -> String {
    eforeigner_rules::municipalities::find_municipality(code)
        .map(|m| m.name(cyrillic_names(lang)).to_string())
        .unwrap_or_else(|| code.to_string())
}

pub use crate::i18n::dates::{When, date_answer, date_text, when};

/// A stored file as a response: its type, a safe file name, inline or as an attachment, and
/// a CSP that lets nothing in it run (`sandbox`); never cached.
pub fn file_response(content_type: &str, name: &str, bytes: Vec<u8>, inline: bool) -> Response {
    use axum::http::{HeaderValue, header};
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = if inline { "inline" } else { "attachment" };
    let mut r = bytes.into_response();
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(content_type) {
        h.insert(header::CONTENT_TYPE, v);
    }
    if let Ok(v) = HeaderValue::from_str(&format!("{disposition}; filename=\"{safe}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        ),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_paths_of_this_site_are_redirect_targets() {
        for ok in ["/", "/account", "/applications/1?step=2#x", "/a%09b"] {
            assert_eq!(local_path(ok), Some(ok), "{ok}");
        }
        for bad in [
            "",
            "account",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/a\r\nSet-Cookie: x=1",
            "/a\u{b}b",
            "/a b",
            "/é",
            "https://evil.example/",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
        assert_eq!(safe_next(Some(&"/\t/evil.example".to_string())), "/account");
        assert_eq!(see_other("/a\r\nb").headers()["location"], "/");
    }

    proptest! {
        #[test]
        fn a_redirect_never_fails_and_never_leaves_the_site(raw in "\\PC{0,12}|/[\\t\\n\\r\\x0b /\\\\a-z]{0,8}") {
            let to = safe_next(Some(&raw));
            let r = see_other(&to);
            let location = r.headers()["location"].to_str().unwrap().to_string();
            prop_assert!(location.starts_with('/'));
            prop_assert!(!location.starts_with("//") && !location.contains('\\'));
        }
    }
}
