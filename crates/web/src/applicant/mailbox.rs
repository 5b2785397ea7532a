//! The e-Mailbox: official documents addressed to the user; nothing deletable, the first
//! opening recorded as the delivery receipt.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;

use super::applications::download;
use crate::AppState;
use crate::error::PageError;
use crate::extract::permit::UseServices;
use crate::extract::{CsrfForm, NoFields, Require};
use crate::html::PageQuery;
use crate::i18n::dates::{When, when};
use crate::redirect::see_other;
use crate::templates::{Page, Pagination, human_size, render};
use eforeigner_domain::DomainError;
use eforeigner_domain::paging::PageNumber;

/// A document in the list (borrowing from the stored line and the translations: a page
/// shows twenty, and each copy would be an allocation).
pub struct DocRow<'a> {
    /// Id (the link is `/mailbox/<id>`).
    pub id: &'a str,
    /// Title in words.
    pub title: &'a str,
    /// Case reference.
    pub reference: &'a str,
    /// Delivered.
    pub delivered: When,
    /// Opened (`None`: unread).
    pub opened: Option<When>,
}

/// The e-Mailbox.
#[derive(Template)]
#[template(path = "applicant/mailbox.html")]
pub struct MailboxListPage<'a> {
    /// Layout.
    pub p: Page,
    /// Documents of this page, newest first.
    pub docs: Vec<DocRow<'a>>,
    /// Unread documents in the whole mailbox.
    pub unread: i64,
    /// Links to the other pages.
    pub nav: Pagination,
}

/// `GET /mailbox[?page=N]`.
pub async fn list(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let (docs, unread) = state
        .applications
        .mailbox(&auth.account, PageNumber::parse(q.page.as_deref()))
        .await?;
    let tr = &ctx.tr;
    let rows: Vec<DocRow> = docs
        .items
        .iter()
        .map(|d| DocRow {
            id: &d.id,
            title: tr.text_of("mailbox-kind-", &d.kind),
            reference: d.case_reference.as_deref().unwrap_or_default(),
            delivered: When(d.created_at, ctx.lang),
            opened: d.opened_at.map(|t| When(t, ctx.lang)),
        })
        .collect();
    Ok(render(&MailboxListPage {
        p: Page::new(&ctx, "mailbox-title"),
        docs: rows,
        unread,
        nav: Pagination::of(&docs, "/mailbox"),
    }))
}

/// One document.
#[derive(Template)]
#[template(path = "applicant/mailbox-doc.html")]
pub struct MailboxDocPage {
    /// Layout.
    pub p: Page,
    /// Title.
    pub heading: String,
    /// Facts: label, value.
    pub facts: Vec<(String, String)>,
    /// The address that opens it (a form's post), while it is not opened.
    pub open_action: Option<String>,
    /// Download link, once opened.
    pub download: Option<String>,
    /// Case link.
    pub case_href: Option<String>,
}

/// `GET /mailbox/{id}`: a document's page. Looking does not open it: a document not yet
/// opened shows what it is and a button that opens it (and records the delivery receipt);
/// an opened one its download.
pub async fn show(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let doc = state
        .applications
        .mailbox_document(&auth.account, &id)
        .await?;
    let tr = &ctx.tr;
    let mut facts = vec![
        (
            tr.t("mailbox-reference"),
            doc.case_reference.clone().unwrap_or_default(),
        ),
        (tr.t("mailbox-delivered"), when(doc.created_at, ctx.lang)),
        (
            tr.t("mailbox-opened"),
            doc.opened_at
                .map(|t| when(t, ctx.lang))
                .unwrap_or_else(|| tr.t("mailbox-not-opened")),
        ),
        (tr.t("mailbox-size"), human_size(doc.size_bytes)),
    ];
    if let Some(code) = &doc.verify_code {
        facts.push((tr.t("receipt-code"), code.clone()));
    }
    let opened = doc.opened_at.is_some();
    Ok(render(&MailboxDocPage {
        p: Page::new(&ctx, "mailbox-title"),
        heading: tr.t(&format!("mailbox-kind-{}", doc.kind)),
        facts,
        open_action: (!opened).then(|| format!("/mailbox/{}/open", doc.id)),
        download: opened.then(|| format!("/mailbox/{}/file", doc.id)),
        case_href: doc.application_id.map(|a| format!("/applications/{a}")),
    }))
}

/// `POST /mailbox/{id}/open`: opens the document; the first opening is the delivery
/// receipt.
pub async fn open(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    state
        .applications
        .open_document(&auth.account, &id, &ctx.actor())
        .await?;
    Ok(see_other(&format!("/mailbox/{id}?done=document-opened")))
}

/// `GET /mailbox/{id}/file`: the PDF of an opened document; one not opened yet goes to
/// its page, where it is opened.
pub async fn file(
    State(state): State<AppState>,
    Require(_ctx, auth, _): Require<UseServices>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    match state.applications.document_file(&auth.account, &id).await {
        Ok((doc, bytes)) => Ok(download(&doc.content_type, &doc.file_name, bytes.to_vec())),
        Err(DomainError::Conflict) => Ok(see_other(&format!("/mailbox/{id}"))),
        Err(e) => Err(e.into()),
    }
}
