//! The public verification page: anyone holding a confirmation's code sees whether it is
//! genuine and a minimal summary of it (no personal data beyond initials, birth year and
//! the passport's last characters).

use std::collections::HashMap;

use crate::i18n::dates::when;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use eforeigner_domain::FieldErrors;
use eforeigner_domain::applications::ApplicationStatus;
use eforeigner_domain::applications::steps::StepId;

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::forms::FormView;
use crate::templates::{Field, Page, render};

/// The verification form's query.
#[derive(Debug, Default, serde::Deserialize)]
pub struct CodeQuery {
    /// The code as typed.
    pub code: Option<String>,
}

/// The public verification page.
#[derive(Template)]
#[template(path = "public/verify.html")]
pub struct VerifyPage {
    /// Layout.
    pub p: Page,
    /// The code field.
    pub field: Field,
    /// Value and error.
    pub f: FormView,
    /// Whether a code was asked.
    pub asked: bool,
    /// Whether it is genuine.
    pub genuine: bool,
    /// When genuine: label, value.
    pub facts: Vec<(String, String)>,
}

fn verify_page(
    ctx: &Ctx,
    code: &str,
    result: Option<Vec<(String, String)>>,
    asked: bool,
) -> Response {
    let mut values = HashMap::new();
    values.insert("code".to_string(), code.to_string());
    let mut errors = FieldErrors::default();
    if asked && result.is_none() {
        errors.add("code", "verify_not_found");
    }
    let genuine = result.is_some();
    let mut r = render(&VerifyPage {
        p: Page::new(ctx, "verify-title"),
        field: Field::input(&ctx.tr, "code", "text", "off"),
        f: FormView::with(&ctx.tr, values, &errors),
        asked,
        genuine,
        facts: result.unwrap_or_default(),
    });
    if asked && !genuine {
        *r.status_mut() = StatusCode::NOT_FOUND;
    }
    r
}

async fn verify_facts(
    state: &AppState,
    ctx: &Ctx,
    code: &str,
) -> Result<Option<Vec<(String, String)>>, PageError> {
    let Some((app, _account)) = state.applications.verify(code).await? else {
        return Ok(None);
    };
    let tr = &ctx.tr;
    let a = &app.answers;
    let pending = matches!(
        app.status,
        ApplicationStatus::Submitted
            | ApplicationStatus::Processing
            | ApplicationStatus::Updating
            | ApplicationStatus::Resending
    );
    // What a border check needs to tie the confirmation to the passport in front of the
    // officer, and no more: initials, the year of birth and the passport number's last
    // three characters; never the full name, date of birth, passport number or basis
    // (anyone holding the code sees this page).
    let holder = holder_summary(
        a.get(StepId::Personal, "given_names"),
        a.get(StepId::Personal, "surname"),
        a.get(StepId::Personal, "date_of_birth"),
        a.get(StepId::Personal, "passport_number"),
    );
    Ok(Some(vec![
        (
            tr.t("receipt-reference"),
            app.case_reference.clone().unwrap_or_default(),
        ),
        (tr.t("verify-holder-initials"), holder.initials),
        (tr.t("verify-holder-born"), holder.born),
        (tr.t("verify-passport-ends"), holder.passport_end),
        (
            tr.t("receipt-received"),
            app.received_at
                .map(|t| when(t, ctx.lang))
                .unwrap_or_default(),
        ),
        (
            tr.t("verify-state"),
            if pending {
                tr.t("verify-pending")
            } else {
                tr.t(&format!("app-status-{}", app.status.as_str()))
            },
        ),
    ]))
}

/// What the public verification page shows of the holder of a confirmation.
#[derive(Debug, PartialEq, Eq)]
struct HolderSummary {
    /// "A. P." for Ana Petrović (the first letter of each name).
    initials: String,
    /// The year of birth.
    born: String,
    /// "…913": the passport number's last three characters.
    passport_end: String,
}

fn holder_summary(given: &str, surname: &str, born: &str, passport: &str) -> HolderSummary {
    let initials = given
        .split_whitespace()
        .chain(surname.split_whitespace())
        .filter_map(|w| w.chars().next())
        .map(|c| format!("{}.", c.to_uppercase()))
        .collect::<Vec<_>>()
        .join(" ");
    let chars: Vec<char> = passport.trim().chars().collect();
    let passport_end = if chars.len() > 3 {
        format!("…{}", chars[chars.len() - 3..].iter().collect::<String>())
    } else {
        String::new()
    };
    HolderSummary {
        initials,
        born: born.get(..4).unwrap_or_default().to_string(),
        passport_end,
    }
}

/// `GET /verify?code=…`: anyone (e.g. a border officer) checks a confirmation's code.
pub async fn verify_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<CodeQuery>,
) -> Result<Response, PageError> {
    let code = q.code.unwrap_or_default();
    if code.trim().is_empty() {
        return Ok(verify_page(&ctx, "", None, false));
    }
    let facts = verify_facts(&state, &ctx, &code).await?;
    Ok(verify_page(&ctx, &code, facts, true))
}

/// `GET /verify/{code}`: the address printed under the QR code.
pub async fn verify_code(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(code): Path<String>,
) -> Result<Response, PageError> {
    let facts = verify_facts(&state, &ctx, &code).await?;
    Ok(verify_page(&ctx, &code, facts, true))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_public_page_shows_initials_a_year_and_three_characters() {
        assert_eq!(
            holder_summary("Ana Marija", "Petrović", "1991-03-14", "FX482913"),
            HolderSummary {
                initials: "A. M. P.".into(),
                born: "1991".into(),
                passport_end: "…913".into(),
            }
        );
        assert_eq!(
            holder_summary("Ђорђе", "šćepanović", "", "12"),
            HolderSummary {
                initials: "Ђ. Š.".into(),
                born: String::new(),
                passport_end: String::new(),
            }
        );
    }
}
