//! What every area's pages answer with: message pages, form pages (values kept, errors
//! beside their fields), the friendly error pages, stored files, and the lists the forms
//! offer (municipalities).

use std::collections::HashMap;

use axum::response::{IntoResponse, Response};

use crate::context::Ctx;
use crate::error::ErrorPage;
use crate::extract::CheckedForm;
use crate::forms::FormView;
use crate::templates::{Action, FormPage, FormSpec, MessagePage, Page, render};
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

/// A form of one e-mail address (resend the confirmation link, forgotten password).
#[derive(Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct EmailForm {
    /// The address typed.
    pub email: String,
}

/// Reads a one-field e-mail form: a stale token or a wrong address is the form shown
/// again (`Err`) with the problem and the value typed.
pub fn checked_email_form(
    ctx: &Ctx,
    form: &CheckedForm<EmailForm>,
    title_key: &str,
    spec: FormSpec,
) -> Result<String, Box<Response>> {
    let values = values_of(form.fields());
    let Some(f) = form.fresh() else {
        return Err(Box::new(form_page(
            ctx,
            title_key,
            spec,
            values,
            &csrf_errors(),
        )));
    };
    let mut errors = FieldErrors::default();
    eforeigner_domain::registration::check_email(&mut errors, "email", &f.email);
    if errors.is_empty() {
        Ok(f.email.clone())
    } else {
        Err(Box::new(form_page(ctx, title_key, spec, values, &errors)))
    }
}

/// The form shown again with what was typed when the service answered `Throttled` (too many
/// requests from this connection), saying how long to wait; any other error as a page.
pub fn throttled_form(
    ctx: &Ctx,
    title_key: &str,
    spec: FormSpec,
    values: HashMap<String, String>,
    e: eforeigner_domain::DomainError,
) -> Result<Response, crate::error::PageError> {
    let eforeigner_domain::DomainError::Throttled { retry_after_secs } = e else {
        return Err(e.into());
    };
    let mut errors = FieldErrors::default();
    errors.add_with(
        "form",
        "too_many_requests",
        &[("seconds", retry_after_secs.to_string())],
    );
    let mut r = form_page(ctx, title_key, spec, values, &errors);
    *r.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
    if let Ok(v) = axum::http::HeaderValue::from_str(&retry_after_secs.to_string()) {
        r.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
    }
    Ok(r)
}

/// The values of a form to show again: every field its struct serialises (secrets are
/// `#[serde(skip_serializing)]`, the CSRF token is not a field of it).
pub fn values_of<T: serde::Serialize>(form: &T) -> HashMap<String, String> {
    serde_urlencoded::to_string(form)
        .ok()
        .and_then(|s| serde_urlencoded::from_str::<Vec<(String, String)>>(&s).ok())
        .map(|pairs| pairs.into_iter().collect())
        .unwrap_or_default()
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
