//! The e-Mailbox (official documents addressed to the user; nothing deletable, the first
//! opening recorded as the delivery receipt), the public verification page of a
//! confirmation's code, and the supervisor's payment confirmations.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::applications::download;
use super::{PageQuery, When, see_other, when};
use crate::AppState;
use crate::context::{ActiveApplicant, Ctx, SignedIn};
use crate::error::PageError;
use crate::forms::FormView;
use crate::templates::{Field, Page, Pagination, human_size, render};
use eforeigner_domain::applications::steps::StepId;
use eforeigner_domain::applications::{ApplicationStatus, Applications};
use eforeigner_domain::paging::PageNumber;
use eforeigner_domain::payments::PaymentOutcome;
use eforeigner_domain::{AccountStatus, DomainError, FieldErrors, Role};

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
#[template(path = "applications/mailbox.html")]
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
    ActiveApplicant(ctx, auth): ActiveApplicant,
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
#[template(path = "applications/mailbox-doc.html")]
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
    ActiveApplicant(ctx, auth): ActiveApplicant,
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
    ActiveApplicant(ctx, auth): ActiveApplicant,
    Path(id): Path<String>,
    Form(f): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    ctx.check_csrf(f.get("csrf_token").map(String::as_str).unwrap_or(""))?;
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
    ActiveApplicant(_ctx, auth): ActiveApplicant,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    match state.applications.document_file(&auth.account, &id).await {
        Ok((doc, bytes)) => Ok(download(&doc.content_type, &doc.file_name, bytes.to_vec())),
        Err(DomainError::Conflict) => Ok(see_other(&format!("/mailbox/{id}"))),
        Err(e) => Err(e.into()),
    }
}

/// The public verification page.
#[derive(Template)]
#[template(path = "applications/verify.html")]
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
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, PageError> {
    let code = q.get("code").cloned().unwrap_or_default();
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

/// `POST /officer/payments/lines/{id}/resolve`: a supervisor resolves a payment line that
/// needed attention, with a note saying how.
pub async fn resolve_payment_line(
    State(state): State<AppState>,
    SignedIn(ctx, _auth): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    ctx.check_csrf(f.get("csrf_token").map(String::as_str).unwrap_or(""))?;
    let officer = is_supervisor(&ctx)?;
    let note = f.get("note").cloned().unwrap_or_default();
    match state
        .applications
        .resolve_payment_line(&officer, &id, &note, &ctx.actor())
        .await
    {
        Ok(()) => Ok(see_other("/officer/payments?done=payment-line-resolved")),
        Err(DomainError::Invalid(e)) => payments_page(&state, &ctx, &e, Some(&id)).await,
        Err(e) => Err(e.into()),
    }
}

/// A case awaiting payment in the supervisor's list.
pub struct AwaitingRow {
    /// Application id.
    pub id: String,
    /// Case reference.
    pub reference: String,
    /// Model-97 reference as written.
    pub payment_reference: String,
    /// Amount due.
    pub amount: String,
    /// Submitted.
    pub submitted: String,
    /// Its confirmation was just refused (the note is missing or too long): the row that
    /// carries the error.
    pub refused: bool,
}

/// The supervisor's payments page.
#[derive(Template)]
#[template(path = "applications/payments.html")]
pub struct PaymentsPage {
    /// Layout.
    pub p: Page,
    /// Cases awaiting payment.
    pub rows: Vec<AwaitingRow>,
    /// Payment lines that need attention.
    pub lines: Vec<LineRow>,
    /// Errors of the last confirmation or resolution.
    pub f: FormView,
}

/// A payment line that needs attention, in the supervisor's list.
pub struct LineRow {
    /// Payment record id.
    pub id: String,
    /// The reference as paid (model 97).
    pub reference: String,
    /// Amount paid.
    pub amount: String,
    /// Date paid.
    pub paid_on: String,
    /// Payer as the bank gave it.
    pub payer: String,
    /// What is wrong, in words.
    pub problem: String,
    /// Its resolution was just refused (the note is missing or too long).
    pub refused: bool,
}

fn is_supervisor(ctx: &Ctx) -> Result<eforeigner_domain::Account, PageError> {
    let auth = ctx.auth.clone().ok_or(PageError::Forbidden)?;
    if matches!(auth.account.role, Role::Supervisor | Role::Admin)
        && auth.account.status == AccountStatus::Active
    {
        Ok(auth.account.clone())
    } else {
        Err(PageError::Forbidden)
    }
}

/// The payments page; with `errors`, those of the confirmation of application `refused`.
async fn payments_page(
    state: &AppState,
    ctx: &Ctx,
    errors: &FieldErrors,
    refused: Option<&str>,
) -> Result<Response, PageError> {
    let officer = is_supervisor(ctx)?;
    let apps = state.applications.awaiting_payment(&officer).await?;
    let rows = apps
        .iter()
        .map(|a| AwaitingRow {
            id: a.id.clone(),
            reference: a.case_reference.clone().unwrap_or_default(),
            payment_reference: Applications::written_reference(a)
                .map(|r| r.written())
                .unwrap_or_default(),
            amount: a
                .fee_due_para
                .map(|p| crate::api::residence::rsd_text(p.unsigned_abs()))
                .unwrap_or_default(),
            submitted: a
                .submitted_at
                .map(|t| when(t, ctx.lang))
                .unwrap_or_default(),
            refused: !errors.is_empty() && refused == Some(a.id.as_str()),
        })
        .collect();
    let lines = state
        .applications
        .payment_lines_needing_attention(&officer)
        .await?
        .into_iter()
        .map(|l| LineRow {
            refused: !errors.is_empty() && refused == Some(l.id.as_str()),
            reference: eforeigner_rules::Reference97::compute(&l.reference)
                .map(|r| r.written())
                .unwrap_or_else(|_| l.reference.clone()),
            amount: crate::api::residence::rsd_text(l.amount_para.unsigned_abs()),
            paid_on: l.paid_on.clone(),
            payer: l.payer.clone(),
            problem: ctx.tr.text_of("payments-problem-", &l.outcome).to_string(),
            id: l.id,
        })
        .collect();
    let mut r = render(&PaymentsPage {
        p: Page::new(ctx, "payments-title"),
        rows,
        lines,
        f: FormView::with(&ctx.tr, HashMap::new(), errors),
    });
    if !errors.is_empty() {
        *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// `GET /officer/payments`.
pub async fn payments(
    State(state): State<AppState>,
    SignedIn(ctx, _auth): SignedIn,
) -> Result<Response, PageError> {
    payments_page(&state, &ctx, &FieldErrors::default(), None).await
}

/// `POST /officer/payments/{id}/confirm`.
pub async fn confirm_payment(
    State(state): State<AppState>,
    SignedIn(ctx, _auth): SignedIn,
    Path(id): Path<String>,
    Form(f): Form<HashMap<String, String>>,
) -> Result<Response, PageError> {
    ctx.check_csrf(f.get("csrf_token").map(String::as_str).unwrap_or(""))?;
    let officer = is_supervisor(&ctx)?;
    let note = f.get("note").cloned().unwrap_or_default();
    match state
        .applications
        .confirm_payment_by_supervisor(&officer, &id, &note, &ctx.actor())
        .await
    {
        Ok(PaymentOutcome::Matched { .. }) => {
            state.worker.wake();
            Ok(see_other("/officer/payments?done=payment-confirmed"))
        }
        Ok(_) => Ok(see_other("/officer/payments")),
        Err(DomainError::Invalid(e)) => payments_page(&state, &ctx, &e, Some(&id)).await,
        Err(e) => Err(e.into()),
    }
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
