//! The inspectors' back office: the queue of their police department's residence cases
//! (filtered by status and by "mine", oldest submission first, counts per status, paged),
//! one case with its answers, documents and history, and the moves the status machine
//! allows the officer now — only those, so no button is ever refused.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::applicant::applications::answer_sections;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::permit::{HandleCases, ReassignCases};
use crate::extract::{CheckedForm, CsrfForm, NoFields, Require};
use crate::forms::FormView;
use crate::html::municipality_name;
use crate::html::{csrf_errors, values_of};
use crate::i18n::dates::{date_text, when};
use crate::i18n::names::department_name;
use crate::receipt::ground_name;
use crate::redirect::see_other;
use crate::templates::{Page, Pagination, UploadView, render};
use crate::views::letters::{ground_text, item_name, letter_view, step_title};
use crate::views::residence::reason_view;
use eforeigner_domain::applications::steps::{self, StepId, StepInput};
use eforeigner_domain::applications::{ApplicationStatus, Applications, CaseAction, CaseFile};
use eforeigner_domain::paging::PageNumber;
use eforeigner_domain::store::CaseFilter;
use eforeigner_domain::{Account, ApplicationId, DomainError};

/// The statuses a queue can be filtered by: every status a case has after payment.
const QUEUE_STATUSES: &[ApplicationStatus] = &[
    ApplicationStatus::Submitted,
    ApplicationStatus::Processing,
    ApplicationStatus::Updating,
    ApplicationStatus::Resending,
    ApplicationStatus::Approved,
    ApplicationStatus::Rejected,
    ApplicationStatus::BiometricsScheduled,
    ApplicationStatus::CardInProduction,
    ApplicationStatus::CardReady,
    ApplicationStatus::CardIssued,
    ApplicationStatus::Withdrawn,
];

/// The queue's query: `?status=processing&mine=1&kind=first&basis=…&overdue=1&page=2`.
#[derive(Debug, Default, Deserialize)]
pub struct QueueQuery {
    status: Option<String>,
    mine: Option<String>,
    kind: Option<String>,
    basis: Option<String>,
    overdue: Option<String>,
    page: Option<String>,
}

/// One status in the filter and the counts.
pub struct StatusChoice {
    /// Machine code.
    pub code: &'static str,
    /// Its name.
    pub text: String,
    /// Cases in it.
    pub count: i64,
    /// Whether the filter shows it now.
    pub selected: bool,
}

/// A line of the queue.
pub struct CaseRow {
    /// Id.
    pub id: String,
    /// Case reference.
    pub reference: String,
    /// The basis, in words.
    pub ground: String,
    /// Status code (for the tag's colour).
    pub status: &'static str,
    /// Status in words.
    pub status_text: String,
    /// When submitted.
    pub submitted: String,
    /// Who handles it, in words ("You", "Not taken", "Another inspector").
    pub assignee: String,
    /// What needs attention (a deadline passed, a rejection waiting, the last day).
    pub marks: Vec<String>,
}

/// `GET /officer/cases`.
#[derive(Template)]
#[template(path = "officer/cases.html")]
pub struct QueuePage {
    /// Layout.
    pub p: Page,
    /// The department, in the reader's script.
    pub department: String,
    /// Filter choices with their counts.
    pub statuses: Vec<StatusChoice>,
    /// Whether only the officer's own cases are shown.
    pub mine: bool,
    /// Whether only overdue cases are shown.
    pub overdue: bool,
    /// The kind filtered by (`first`, `extension`, or "").
    pub kind: &'static str,
    /// The ground filtered by ("" for all).
    pub basis: String,
    /// Every ground: code, name.
    pub grounds: Vec<(String, String)>,
    /// All cases of the department (after payment).
    pub total: i64,
    /// This page's lines.
    pub rows: Vec<CaseRow>,
    /// Previous and next page.
    pub nav: Pagination,
}

/// A section of the answers.
pub struct AnswerSection {
    /// The step's title.
    pub title: String,
    /// Label, value.
    pub rows: Vec<(String, String)>,
}

/// A line of the history.
pub struct EventRow {
    /// When.
    pub at: String,
    /// What happened.
    pub what: String,
    /// Status after it.
    pub status: String,
}

/// What the officer may do on the case now, as the page's forms: exactly the service's
/// [`CaseAction`]s.
#[derive(Default)]
pub struct Actions {
    /// Take the case.
    pub take: bool,
    /// Take up the applicant's corrections.
    pub resume: bool,
    /// Ask for an update: the steps and the document items that can be named.
    pub update: bool,
    /// Approve.
    pub approve: bool,
    /// Propose a rejection: the grounds that apply (code, text).
    pub propose: bool,
    /// Confirm or send back the proposed rejection.
    pub confirm: bool,
    /// The steps an update can name (code, title).
    pub steps: Vec<(String, String)>,
    /// The document items an update can name (code, name).
    pub items: Vec<(String, String)>,
    /// The grounds a rejection can name (code, text).
    pub grounds: Vec<(String, String)>,
    /// The days an update gives unless changed.
    pub default_days: i64,
    /// The most days an update may give.
    pub max_days: i64,
    /// The counter's next step on the card (its path, its button).
    pub card_step: Option<(&'static str, String)>,
}

impl Actions {
    /// Whether there is nothing to do.
    pub fn is_empty(&self) -> bool {
        !(self.take
            || self.resume
            || self.update
            || self.approve
            || self.propose
            || self.confirm
            || self.card_step.is_some())
    }
}

/// A rejection waiting for a supervisor.
pub struct ProposalView {
    /// The grounds, in words.
    pub grounds: Vec<String>,
    /// The reasoning.
    pub reasoning: String,
    /// When proposed.
    pub at: String,
}

/// The rules as they stand today for the case.
pub struct RulesToday {
    /// The period they give today, in words (or that they give none).
    pub period: String,
    /// Their reasons.
    pub reasons: Vec<crate::views::residence::ReasonView>,
}

/// `GET /officer/cases/{id}`.
#[derive(Template)]
#[template(path = "officer/case-file.html")]
pub struct CaseFilePage {
    /// Layout.
    pub p: Page,
    /// Id.
    pub id: String,
    /// The case reference (the heading).
    pub reference: String,
    /// Status code.
    pub status: &'static str,
    /// Status in words.
    pub status_text: String,
    /// Facts of the case: label, value.
    pub facts: Vec<(String, String)>,
    /// The answers by step.
    pub sections: Vec<AnswerSection>,
    /// The documents.
    pub documents: Vec<UploadView>,
    /// The history, oldest first.
    pub history: Vec<EventRow>,
    /// What the officer may do now.
    pub actions: Actions,
    /// A rejection waiting for a supervisor.
    pub proposal: Option<ProposalView>,
    /// Whether an update's deadline passed without an answer.
    pub lapsed: bool,
    /// The last day of the open update, with the days left.
    pub deadline: String,
    /// The rules re-checked today.
    pub rules: RulesToday,
    /// The case's letters, newest first.
    pub letters: Vec<crate::views::letters::LetterView>,
    /// The biometrics appointment, in words.
    pub appointment: String,
    /// The department's internal notes, oldest first.
    pub notes: Vec<NoteRow>,
    /// The officers the case can be given to (a supervisor, a case taken and not decided).
    pub reassign: Vec<(String, String, bool)>,
    /// The note form's values and errors.
    pub f: FormView,
}

/// An internal note as the case page shows it.
pub struct NoteRow {
    /// When.
    pub at: String,
    /// Who wrote it.
    pub author: String,
    /// The note.
    pub body: String,
}

/// Who handles a case, as the officer reads it.
fn assignee_text(
    ctx: &Ctx,
    officer: &Account,
    assignee: Option<&eforeigner_domain::AccountId>,
) -> String {
    match assignee {
        None => ctx.tr.t("cases-assignee-none"),
        Some(a) if *a == officer.id => ctx.tr.t("cases-assignee-me"),
        Some(_) => ctx.tr.t("cases-assignee-other"),
    }
}

/// The page an officer without a department sees instead of a queue.
fn no_department(ctx: &Ctx) -> Response {
    crate::html::message(ctx, "cases-title", &["cases-no-department"], vec![])
}

/// `GET /officer/cases`.
pub async fn queue(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Query(q): Query<QueueQuery>,
) -> Result<Response, PageError> {
    if auth.account.department.is_none() {
        return Ok(no_department(&ctx));
    }
    let status = q.status.as_deref().and_then(ApplicationStatus::parse);
    let mine = q.mine.is_some();
    let kind = q
        .kind
        .as_deref()
        .and_then(eforeigner_domain::applications::parse_kind);
    let ground = q
        .basis
        .as_deref()
        .filter(|g| eforeigner_rules::residence::find_ground(g).is_some())
        .map(str::to_string);
    let overdue = q.overdue.is_some();
    let now = state.applications.now();
    let filter = CaseFilter {
        status,
        assignee: mine.then(|| auth.account.id.clone()),
        kind,
        ground: ground.clone(),
        received_before: overdue.then(|| {
            now.checked_sub(jiff::SignedDuration::from_hours(
                24 * eforeigner_rules::estimates::OVERDUE_DAYS,
            ))
            .unwrap_or(now)
        }),
    };
    let page = PageNumber::parse(q.page.as_deref());
    let queue = state
        .applications
        .queue(&auth.account, &filter, page)
        .await?;
    let count_of = |s: ApplicationStatus| {
        queue
            .counts
            .iter()
            .find(|(st, _)| *st == s)
            .map_or(0, |(_, n)| *n)
    };
    let statuses = QUEUE_STATUSES
        .iter()
        .map(|s| StatusChoice {
            code: s.as_str(),
            text: ctx.tr.t(&format!("app-status-{}", s.as_str())),
            count: count_of(*s),
            selected: status == Some(*s),
        })
        .collect();
    let rows = queue
        .cases
        .items
        .iter()
        .map(|c| CaseRow {
            id: c.id.to_string(),
            reference: c.case_reference.clone().unwrap_or_default(),
            ground: c
                .ground
                .as_deref()
                .map(|g| ground_name(g, ctx.lang))
                .unwrap_or_default(),
            status: c.status.as_str(),
            status_text: ctx.tr.t(&format!("app-status-{}", c.status.as_str())),
            submitted: c
                .submitted_at
                .map(|t| when(t, ctx.lang))
                .unwrap_or_default(),
            assignee: assignee_text(&ctx, &auth.account, c.assignee_id.as_ref()),
            marks: [
                (c.lapsed && c.status == ApplicationStatus::Processing)
                    .then(|| ctx.tr.t("cases-mark-lapsed")),
                c.rejection_pending
                    .then(|| ctx.tr.t("cases-mark-rejection-pending")),
                c.deadline
                    .filter(|_| c.status == ApplicationStatus::Updating)
                    .map(|d| {
                        ctx.tr
                            .t_args("cases-mark-deadline", &[("date", date_text(ctx.lang, d))])
                    }),
            ]
            .into_iter()
            .flatten()
            .collect(),
        })
        .collect();
    let mut path = String::from("/officer/cases");
    let mut params = vec![];
    if let Some(s) = status {
        params.push(format!("status={}", s.as_str()));
    }
    if mine {
        params.push("mine=1".to_string());
    }
    if let Some(k) = kind {
        params.push(format!("kind={}", k.code()));
    }
    if let Some(g) = &ground {
        params.push(format!("basis={g}"));
    }
    if overdue {
        params.push("overdue=1".to_string());
    }
    if !params.is_empty() {
        path = format!("{path}?{}", params.join("&"));
    }
    Ok(render(&QueuePage {
        p: Page::new(&ctx, "cases-title"),
        department: department_name(queue.department, ctx.lang),
        statuses,
        mine,
        overdue,
        kind: kind.map(|k| k.code()).unwrap_or(""),
        basis: ground.clone().unwrap_or_default(),
        grounds: eforeigner_rules::residence::catalogue()
            .grounds()
            .map(|g| (g.code().to_string(), ground_name(g.code(), ctx.lang)))
            .collect(),
        total: queue.counts.iter().map(|(_, n)| n).sum(),
        rows,
        nav: Pagination::of(&queue.cases, &path),
    }))
}

/// `GET /officer/cases/{id}`.
pub async fn case_file(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
) -> Result<Response, PageError> {
    let form = FormView::empty(&ctx.tr);
    case_page(&state, &ctx, &auth.account, &id, form).await
}

/// The note form: the text of a new internal note.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct NoteForm {
    /// The note.
    pub note: String,
}

/// `POST /officer/cases/{id}/notes`: adds an internal note; a refused note is shown again
/// with its text and the reason.
pub async fn add_note(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    form: CheckedForm<NoteForm>,
) -> Result<Response, PageError> {
    let values = values_of(form.fields());
    let Some(f) = form.fresh() else {
        return refused(&state, &ctx, &auth.account, &id, values, &csrf_errors()).await;
    };
    match state
        .applications
        .add_case_note(&auth.account, &id, &f.note, &ctx.actor())
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/officer/cases/{id}?done=case-note-added#notes"
        ))),
        Err(DomainError::Invalid(errors)) => {
            refused(&state, &ctx, &auth.account, &id, values, &errors).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The reassignment form: the officer the case goes to.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct ReassignForm {
    /// The officer's account id.
    pub to: String,
}

/// `POST /officer/cases/{id}/reassign`: a supervisor gives the case to another officer of
/// the department.
pub async fn reassign(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ReassignCases>,
    Path(id): Path<ApplicationId>,
    form: CheckedForm<ReassignForm>,
) -> Result<Response, PageError> {
    let values = values_of(form.fields());
    let Some(f) = form.fresh() else {
        return refused(&state, &ctx, &auth.account, &id, values, &csrf_errors()).await;
    };
    match state
        .applications
        .reassign(
            &auth.account,
            &id,
            &eforeigner_domain::AccountId::new(f.to.trim()),
            &ctx.actor(),
        )
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/officer/cases/{id}?done=case-reassigned"
        ))),
        Err(DomainError::Invalid(errors)) => {
            refused(&state, &ctx, &auth.account, &id, values, &errors).await
        }
        Err(DomainError::Conflict) => Ok(see_other(&format!("/officer/cases/{id}"))),
        Err(e) => Err(e.into()),
    }
}

/// The case page again after a refused form: what was typed, and why (422).
pub(crate) async fn refused(
    state: &AppState,
    ctx: &Ctx,
    officer: &Account,
    id: &ApplicationId,
    values: std::collections::HashMap<String, String>,
    errors: &eforeigner_domain::FieldErrors,
) -> Result<Response, PageError> {
    let form = FormView::with(&ctx.tr, values, errors);
    let mut r = case_page(state, ctx, officer, id, form).await?;
    *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    Ok(r)
}

/// The case page of `id` for `officer`, with the note form's values and errors.
async fn case_page(
    state: &AppState,
    ctx: &Ctx,
    officer: &Account,
    id: &ApplicationId,
    form: FormView,
) -> Result<Response, PageError> {
    let file = state
        .applications
        .open_case(officer, id, &ctx.actor())
        .await?;
    let app = &file.app;
    let tr = &ctx.tr;
    let applicant = &file.applicant.profile;
    let facts = vec![
        (
            tr.t("casefile-applicant"),
            format!("{} {}", applicant.given_names, applicant.surname),
        ),
        (
            tr.t("receipt-kind"),
            tr.t(&format!("app-kind-{}", app.kind.code())),
        ),
        (
            tr.t("receipt-basis"),
            ground_name(
                app.answers
                    .get(eforeigner_domain::applications::StepId::Reasons, "ground"),
                ctx.lang,
            ),
        ),
        (
            tr.t("casefile-municipality"),
            municipality_name(
                app.answers.get(
                    eforeigner_domain::applications::StepId::Reasons,
                    "residence_municipality",
                ),
                ctx.lang,
            ),
        ),
        (
            tr.t("case-submitted-at"),
            app.submitted_at
                .map(|t| when(t, ctx.lang))
                .unwrap_or_default(),
        ),
        (
            tr.t("case-paid-at"),
            app.paid_at
                .map(|t| when(t, ctx.lang))
                .unwrap_or_else(|| tr.t("case-not-paid")),
        ),
        (
            tr.t("casefile-assignee"),
            assignee_text(ctx, officer, app.assignee_id.as_ref()),
        ),
    ];
    let sections = answer_sections(state, ctx, &file.applicant, app, &file.uploads)
        .into_iter()
        .map(|s| AnswerSection {
            title: s.title,
            rows: s.rows.into_iter().chain(s.fixed).collect(),
        })
        .collect();
    let documents = file.uploads.iter().map(UploadView::from).collect();
    let history = file
        .events
        .iter()
        .map(|e| EventRow {
            at: when(e.at, ctx.lang),
            what: tr.t(&format!("event-{}", e.what)),
            status: tr.t(&format!("app-status-{}", e.to_status.as_str())),
        })
        .collect();
    let actions = actions(state, ctx, officer, &file).await?;
    let proposal = app.rejection_proposal.as_ref().map(|p| ProposalView {
        grounds: p.grounds.iter().map(|g| ground_text(tr, g)).collect(),
        reasoning: p.reasoning.clone(),
        at: when(p.at, ctx.lang),
    });
    let today = state.applications.today();
    let deadline = app
        .deadline
        .filter(|_| app.status == ApplicationStatus::Updating)
        .map(|d| {
            tr.t_args(
                "casefile-deadline-text",
                &[
                    ("date", date_text(ctx.lang, d)),
                    (
                        "days",
                        eforeigner_rules::decisions::days_left(today, d).to_string(),
                    ),
                ],
            )
        })
        .unwrap_or_default();
    let rules = match state
        .applications
        .rules_answer(&file.applicant, app)
        .await?
    {
        Some(answer) => RulesToday {
            period: match (answer.valid_from, answer.valid_until) {
                (Some(from), Some(until)) => tr.t_args(
                    "receipt-period-from-to",
                    &[
                        ("from", date_text(ctx.lang, from)),
                        ("until", date_text(ctx.lang, until)),
                    ],
                ),
                _ => tr.t("casefile-rules-no-period"),
            },
            reasons: answer.reasons.iter().map(|r| reason_view(tr, r)).collect(),
        },
        None => RulesToday {
            period: tr.t("casefile-rules-no-period"),
            reasons: vec![],
        },
    };
    let appointment = state
        .applications
        .case_booking(officer, &app.id)
        .await?
        .map(|b| crate::views::biometrics::slot_text(tr, &b.slot))
        .unwrap_or_default();
    let letters = file
        .letters
        .iter()
        .rev()
        .map(|l| letter_view(tr, &file.applicant, app, &file.uploads, l, today))
        .collect();
    let reassign = if Applications::reassignable(app) {
        state
            .applications
            .reassign_choices(officer)
            .await?
            .iter()
            .map(|a| {
                (
                    a.id.to_string(),
                    format!("{} {}", a.profile.given_names, a.profile.surname),
                    app.assignee_id.as_ref() == Some(&a.id),
                )
            })
            .collect()
    } else {
        vec![]
    };
    let notes = file
        .notes
        .iter()
        .map(|n| NoteRow {
            at: when(n.created_at, ctx.lang),
            author: n.author_name.clone(),
            body: n.body.clone(),
        })
        .collect();
    Ok(render(&CaseFilePage {
        p: Page::new(ctx, "casefile-title"),
        id: app.id.to_string(),
        reference: app.case_reference.clone().unwrap_or_default(),
        status: app.status.as_str(),
        status_text: tr.t(&format!("app-status-{}", app.status.as_str())),
        facts,
        sections,
        documents,
        history,
        actions,
        proposal,
        lapsed: app.lapsed_at.is_some() && app.status == ApplicationStatus::Processing,
        deadline,
        rules,
        letters,
        appointment,
        notes,
        reassign,
        f: form,
    }))
}

/// The forms the case page offers `officer` now, with what they can name.
async fn actions(
    state: &AppState,
    ctx: &Ctx,
    officer: &Account,
    file: &CaseFile,
) -> Result<Actions, PageError> {
    let app = &file.app;
    let tr = &ctx.tr;
    let mut a = Actions {
        default_days: eforeigner_rules::decisions::UPDATE_DAYS,
        max_days: eforeigner_rules::decisions::MAX_UPDATE_DAYS,
        ..Actions::default()
    };
    for action in Applications::case_actions(officer, app) {
        match action {
            CaseAction::Take => a.take = true,
            CaseAction::Resume => a.resume = true,
            CaseAction::RequestUpdate => a.update = true,
            CaseAction::Approve => a.approve = true,
            CaseAction::ProposeRejection => a.propose = true,
            CaseAction::ConfirmRejection | CaseAction::ReturnRejection => a.confirm = true,
            CaseAction::RecordBiometrics => {
                a.card_step = Some(("biometrics-taken", tr.t("casefile-biometrics-taken")));
            }
            CaseAction::CardReady => {
                a.card_step = Some(("card-ready", tr.t("casefile-card-ready")));
            }
            CaseAction::IssueCard => {
                a.card_step = Some(("card-issued", tr.t("casefile-card-issued")));
            }
        }
    }
    if a.update {
        let input = StepInput::of(
            &file.applicant,
            app,
            &file.uploads,
            state.applications.today(),
        );
        a.steps = StepId::ALL
            .iter()
            .filter(|s| **s != StepId::Fees)
            .map(|s| (s.as_str().to_string(), step_title(tr, *s)))
            .collect();
        a.items = steps::document_items(&input)
            .into_iter()
            .map(|i| (i.code.to_string(), item_name(tr, &input, i.code)))
            .collect();
    }
    if a.propose {
        a.grounds = state
            .applications
            .rejection_grounds(app)
            .await?
            .into_iter()
            .map(|g| (g.code.to_string(), ground_text(tr, g.code)))
            .collect();
    }
    Ok(a)
}

/// `GET /officer/cases/{id}/documents/{upload}`: a document of the case, shown in the
/// browser (images and PDFs), never guessed from its name.
pub async fn document(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path((id, upload)): Path<(ApplicationId, String)>,
) -> Result<Response, PageError> {
    let (u, bytes) = state
        .applications
        .case_document(&auth.account, &id, &upload, &ctx.actor())
        .await?;
    let mut r = bytes.into_response();
    let headers = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&u.content_type) {
        headers.insert(header::CONTENT_TYPE, v);
    }
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("inline"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(r)
}

/// `POST /officer/cases/{id}/take`.
pub async fn take(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    match state
        .applications
        .take(&auth.account, &id, &ctx.actor())
        .await
    {
        Ok(_) => Ok(see_other(&format!("/officer/cases/{id}?done=case-taken"))),
        Err(DomainError::Conflict) => Ok(see_other(&format!(
            "/officer/cases/{id}?done=case-not-taken"
        ))),
        Err(e) => Err(e.into()),
    }
}
