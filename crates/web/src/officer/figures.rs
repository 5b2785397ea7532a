//! The supervisor's figures of the department: cases per status, overdue cases, and the
//! median days from receipt to decision per basis — as a page and as CSV.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::AppState;
use crate::error::PageError;
use crate::extract::Require;
use crate::extract::permit::ViewFigures;
use crate::i18n::names::department_name;
use crate::receipt::ground_name;
use crate::templates::{Page, render};
use eforeigner_domain::applications::Figures;

/// `GET /officer/figures`.
#[derive(Template)]
#[template(path = "officer/figures.html")]
pub struct FiguresPage {
    /// Layout.
    pub p: Page,
    /// The department, in the reader's script.
    pub department: String,
    /// Status in words, cases.
    pub counts: Vec<(String, i64)>,
    /// Overdue open cases.
    pub overdue: i64,
    /// Basis in words, decisions, median days.
    pub per_basis: Vec<(String, usize, i64)>,
}

/// `GET /officer/figures`.
pub async fn page(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ViewFigures>,
) -> Result<Response, PageError> {
    let Some(_) = auth.account.department else {
        return Ok(crate::html::message(
            &ctx,
            "figures-title",
            &["cases-no-department"],
            vec![],
        ));
    };
    let f: Figures = state.applications.figures(&auth.account).await?;
    let tr = &ctx.tr;
    Ok(render(&FiguresPage {
        p: Page::new(&ctx, "figures-title"),
        department: department_name(f.department, ctx.lang),
        counts: f
            .counts
            .iter()
            .map(|(s, n)| (tr.t(&format!("app-status-{}", s.as_str())), *n))
            .collect(),
        overdue: f.overdue,
        per_basis: f
            .per_basis
            .iter()
            .map(|(g, n, m)| (ground_name(g, ctx.lang), *n, *m))
            .collect(),
    }))
}

/// A CSV field: quoted, inner quotes doubled; a leading `=`, `+`, `-` or `@` is prefixed
/// with `'` so that a spreadsheet does not run it as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// `GET /officer/figures.csv`: the same figures, one row each:
/// `section,code,name,cases,median_days`.
pub async fn csv(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ViewFigures>,
) -> Result<Response, PageError> {
    let mut out = String::from("section,code,name,cases,median_days\r\n");
    // An officer in no department has no figures: the header alone.
    if auth.account.department.is_none() {
        return Ok(csv_response(out));
    }
    let f = state.applications.figures(&auth.account).await?;
    let tr = &ctx.tr;
    for (s, n) in &f.counts {
        out.push_str(&format!(
            "status,{},{},{n},\r\n",
            csv_field(s.as_str()),
            csv_field(&tr.t(&format!("app-status-{}", s.as_str())))
        ));
    }
    out.push_str(&format!(
        "overdue,,{},{},\r\n",
        csv_field(&tr.t("figures-overdue")),
        f.overdue
    ));
    for (g, n, m) in &f.per_basis {
        out.push_str(&format!(
            "basis,{},{},{n},{m}\r\n",
            csv_field(g),
            csv_field(&ground_name(g, ctx.lang))
        ));
    }
    Ok(csv_response(out))
}

/// `body` as a CSV download.
fn csv_response(body: String) -> Response {
    let mut r = body.into_response();
    let headers = r.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"figures.csv\""),
    );
    r
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn a_csv_field_is_quoted_and_never_a_formula() {
        assert_eq!(csv_field("a \"b\", c"), "\"a \"\"b\"\", c\"");
        assert_eq!(csv_field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(csv_field("employment"), "\"employment\"");
    }
}
