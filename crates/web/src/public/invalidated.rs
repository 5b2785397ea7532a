//! The public list of invalidated permits (seed 004: a lost permit "is declared invalid,
//! and the same is announced on the official website"): each permit's number and the date
//! it was declared invalid, newest first, 20 to a page — nothing about its holder.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::html::PageQuery;
use crate::i18n::dates::date_text;
use crate::templates::{Page, Pagination, render};
use eforeigner_domain::paging::PageNumber;

/// `GET /invalidated-permits`.
#[derive(Template)]
#[template(path = "public/invalidated.html")]
pub struct InvalidatedPage {
    /// Layout.
    pub p: Page,
    /// Number, date.
    pub rows: Vec<(String, String)>,
    /// Previous and next page.
    pub nav: Pagination,
}

/// `GET /invalidated-permits`.
pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let page = state
        .applications
        .invalidated_permits(PageNumber::parse(q.page.as_deref()))
        .await?;
    let rows = page
        .items
        .iter()
        .map(|(n, at)| {
            (
                n.clone(),
                date_text(ctx.lang, eforeigner_domain::clock::serbian_date(*at)),
            )
        })
        .collect();
    Ok(render(&InvalidatedPage {
        p: Page::new(&ctx, "invalidated-title"),
        rows,
        nav: Pagination::of(&page, "/invalidated-permits"),
    }))
}
