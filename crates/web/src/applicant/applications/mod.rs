//! The online application for temporary residence: "My applications", starting a request,
//! the task list of six steps, each step's form, the documentation uploads, the fee with
//! its payment slip, "Check your answers", submission and the case page with its history.
//!
//! Every handler takes [`ActiveApplicant`] and goes through the application service, which
//! checks that the application belongs to the caller.

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use eforeigner_rules::countries;
use eforeigner_rules::residence::{self, ReasonCode};

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::permit::UseServices;
use crate::extract::{CheckedForm, CsrfForm, Fields, NoFields, Require};
use crate::forms::{FormView, MultipartForm};
use crate::html::PageQuery;
use crate::i18n::dates::{When, when};
use crate::i18n::names::{department_name, name_language};
use crate::receipt::ground_name;
use crate::redirect::see_other;
use crate::templates::{
    Action, Field, MessagePage, Page, Pagination, SlipView, UploadView, render,
};
use crate::views::residence::ReasonView;
use crate::views::residence::{FeesView, fees_view, reason_view, reason_view_long_dates};
use eforeigner_domain::access::{self, Permission};
use eforeigner_domain::applications::steps::{
    self, EDUCATION_LEVELS, FieldKind, Options, PAYMENT_METHODS, StepId, StepInput, StepState,
};
use eforeigner_domain::applications::{
    Application, ApplicationStatus, Applications, CaseView, PaymentMethod, parse_kind,
};
use eforeigner_domain::audit::AuditAction;
use eforeigner_domain::paging::PageNumber;
use eforeigner_domain::uploads;
use eforeigner_domain::{Account, ApplicationId, DomainError, FieldErrors, Upload};

/// The cookie that holds the token of answers kept when a session ended mid-step.
const KEPT_COOKIE: &str = "kept_answers";

fn dash() -> String {
    "—".into()
}

/// A field of a step as the form macro draws it.
fn field_for(ctx: &Ctx, f: &steps::StepField) -> Field {
    let tr = &ctx.tr;
    let nl = name_language(ctx.lang);
    let options: Vec<(String, String)> = match f.options {
        Options::None => vec![],
        Options::Countries => countries::sorted_for(nl)
            .into_iter()
            .filter(|c| c.code != "RS")
            .map(|c| (c.code.to_string(), c.name(nl).to_string()))
            .collect(),
        Options::Sex => ["female", "male"]
            .iter()
            .map(|s| (s.to_string(), tr.t(&format!("sex-{s}"))))
            .collect(),
        Options::Education => EDUCATION_LEVELS
            .iter()
            .map(|s| (s.to_string(), tr.t(&format!("education-{s}"))))
            .collect(),
        Options::YesNo => vec![
            ("yes".into(), tr.t("answer-yes")),
            ("no".into(), tr.t("answer-no")),
        ],
        Options::Location => vec![
            ("in-serbia".into(), tr.t("location-in-serbia")),
            ("abroad".into(), tr.t("location-abroad")),
        ],
        Options::Grounds => steps::online_grounds()
            .map(|g| (g.code().to_string(), ground_name(g.code(), ctx.lang)))
            .collect(),
        Options::Bases => crate::public::residence::visa_basis_options(ctx),
        Options::Municipalities => crate::html::municipality_options(ctx.lang),
        Options::PaymentMethods => PAYMENT_METHODS
            .iter()
            .map(|m| (m.to_string(), tr.t(&format!("payment-method-{m}"))))
            .collect(),
        Options::Detail(values) => values
            .iter()
            .map(|v| {
                (
                    v.to_string(),
                    tr.t(&format!(
                        "option-{}-{}",
                        f.name.replace('_', "-"),
                        v.replace('_', "-")
                    )),
                )
            })
            .collect(),
    };
    let kind = match f.kind {
        FieldKind::Text => "text",
        FieldKind::Textarea => "textarea",
        FieldKind::Date => "date",
        FieldKind::Select => "select",
        FieldKind::Radios => "radios",
    };
    let mut field = if options.is_empty() {
        Field::input(tr, f.name, kind, "off")
    } else {
        Field::choice(tr, f.name, kind, options)
    };
    if !f.required {
        field = field.optional();
    }
    field
}

fn step_title_key(step: StepId) -> String {
    format!("step-{}-title", step.as_str())
}

async fn load(
    state: &AppState,
    account: &Account,
    id: &ApplicationId,
) -> Result<(Application, Vec<Upload>), PageError> {
    let app = state.applications.get(account, id).await?;
    let uploads = state.applications.uploads(&app).await?;
    Ok((app, uploads))
}

fn input<'a>(
    state: &AppState,
    account: &'a Account,
    app: &'a Application,
    uploads: &'a [Upload],
) -> StepInput<'a> {
    StepInput {
        account,
        kind: app.kind,
        answers: &app.answers,
        uploads,
        today: state.applications.today(),
    }
}

// ---------------------------------------------------------------------------------------
// My applications and starting one.

/// A line of "My applications" (borrowing from the stored line and the translations where
/// it can: a copy of each would be an allocation per cell).
pub struct CaseRow<'a> {
    /// Id (the link is `/applications/<id>`).
    pub id: &'a str,
    /// Case reference or "Draft".
    pub reference: &'a str,
    /// First or extension, in words.
    pub kind: &'a str,
    /// The ground, in words.
    pub ground: String,
    /// Status code (CSS).
    pub status: &'static str,
    /// Status in words.
    pub status_text: &'a str,
    /// Started.
    pub started: When,
    /// Deadline or draft deletion date.
    pub deadline: String,
}

/// "My applications".
#[derive(Template)]
#[template(path = "applicant/applications/list.html")]
pub struct ListPage<'a> {
    /// Layout.
    pub p: Page,
    /// Cases of this page, newest first.
    pub rows: Vec<CaseRow<'a>>,
    /// Links to the other pages.
    pub nav: Pagination,
}

/// `GET /applications`.
pub async fn list(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let apps = state
        .applications
        .list(&auth.account, PageNumber::parse(q.page.as_deref()))
        .await?;
    let tr = &ctx.tr;
    let rows = apps
        .items
        .iter()
        .map(|a| CaseRow {
            id: a.id.as_str(),
            reference: a
                .case_reference
                .as_deref()
                .unwrap_or_else(|| tr.text("app-draft-reference")),
            kind: tr.text_of("app-kind-", a.kind.code()),
            ground: a
                .ground
                .as_deref()
                .map(|g| ground_name(g, ctx.lang))
                .unwrap_or_else(dash),
            status: a.status.as_str(),
            status_text: tr.text_of("app-status-", a.status.as_str()),
            started: When(a.created_at, ctx.lang),
            deadline: match (a.deadline, a.expires_at) {
                (Some(d), _) => crate::i18n::dates::date_text(ctx.lang, d),
                (None, Some(t)) if a.status == ApplicationStatus::Draft => tr.t_args(
                    "app-draft-deleted-on",
                    &[(
                        "date",
                        crate::i18n::dates::date_text(
                            ctx.lang,
                            eforeigner_domain::clock::serbian_date(t),
                        ),
                    )],
                ),
                _ => dash(),
            },
        })
        .collect();
    Ok(render(&ListPage {
        p: Page::new(&ctx, "apps-title"),
        rows,
        nav: Pagination::of(&apps, "/applications"),
    }))
}

fn start_spec(ctx: &Ctx) -> crate::templates::FormSpec {
    let tr = &ctx.tr;
    crate::templates::FormSpec {
        heading: tr.t("start-title"),
        intro: vec![tr.t("start-intro")],
        action: "/applications/new".into(),
        submit: tr.t("start-submit"),
        fields: vec![Field::choice(
            tr,
            "kind",
            "radios",
            vec![
                ("first".into(), tr.t("app-kind-first")),
                ("extension".into(), tr.t("app-kind-extension")),
            ],
        )],
        ..Default::default()
    }
}

/// `GET /applications/new`: first permit or extension. Minors are told the in-person route
/// at once.
pub async fn new_form(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
) -> Response {
    if let Some(r) = steps::minor_reason(&auth.account, state.applications.today()) {
        return minor_page(&ctx, &r);
    }
    crate::html::form_page(
        &ctx,
        "start-title",
        start_spec(&ctx),
        HashMap::new(),
        &FieldErrors::default(),
    )
}

fn minor_page(ctx: &Ctx, r: &residence::Reason) -> Response {
    let view = reason_view(&ctx.tr, r);
    let mut resp = render(&MessagePage {
        p: Page::new(ctx, "minor-title"),
        heading: ctx.tr.t("minor-title"),
        paragraphs: vec![view.message, ctx.tr.t("minor-in-person")],
        actions: vec![Action::link(ctx.tr.t("apps-back"), "/applications")],
    });
    *resp.status_mut() = StatusCode::FORBIDDEN;
    resp
}

/// The form that starts an application: which kind (first or extension).
#[derive(Debug, Default, serde::Deserialize, serde::Serialize)]
pub struct StartForm {
    /// `first` or `extension`, parsed by [`parse_kind`].
    #[serde(default)]
    pub kind: String,
}

/// `POST /applications/new`.
pub async fn start(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    form: CheckedForm<StartForm>,
) -> Result<Response, PageError> {
    let values = crate::html::values_of(form.fields());
    let Some(f) = form.fresh() else {
        return Ok(crate::html::form_page(
            &ctx,
            "start-title",
            start_spec(&ctx),
            values,
            &crate::html::csrf_errors(),
        ));
    };
    let Some(kind) = parse_kind(&f.kind) else {
        let mut e = FieldErrors::default();
        e.add("kind", "choose_one");
        return Ok(crate::html::form_page(
            &ctx,
            "start-title",
            start_spec(&ctx),
            values,
            &e,
        ));
    };
    if let Some(r) = steps::minor_reason(&auth.account, state.applications.today()) {
        return Ok(minor_page(&ctx, &r));
    }
    match state
        .applications
        .start(&auth.account, kind, &ctx.actor())
        .await
    {
        Ok(app) => Ok(see_other(&format!("/applications/{}", app.id))),
        // An extension without the permit's EBS on the account (seed 002).
        Err(DomainError::Conflict) => Ok(render(&MessagePage {
            p: Page::new(&ctx, "extension-needs-ebs-title"),
            heading: ctx.tr.t("extension-needs-ebs-title"),
            paragraphs: vec![
                ctx.tr.t("extension-needs-ebs-body"),
                ctx.tr.t("extension-needs-ebs-first"),
            ],
            actions: vec![
                Action::button_link(ctx.tr.t("extension-link-ebs"), "/account/ebs"),
                Action::post(
                    ctx.tr.t("extension-apply-as-first"),
                    "/applications/new",
                    vec![("kind".into(), "first".into())],
                )
                .secondary(),
            ],
        })),
        Err(e) => Err(e.into()),
    }
}

// ---------------------------------------------------------------------------------------
// Task list and case page.

/// A row of the task list.
pub struct TaskRow {
    /// Step number.
    pub number: usize,
    /// Step name.
    pub name: String,
    /// Link when it can be opened.
    pub href: Option<String>,
    /// State code (CSS).
    pub state: &'static str,
    /// State in words.
    pub state_text: String,
}

/// The task list of a draft.
#[derive(Template)]
#[template(path = "applicant/applications/tasks.html")]
pub struct TasksPage {
    /// Layout.
    pub p: Page,
    /// Application id.
    pub id: String,
    /// First or extension in words.
    pub kind: String,
    /// Steps.
    pub tasks: Vec<TaskRow>,
    /// How many are complete.
    pub done: usize,
    /// Whether "Check your answers" opens.
    pub ready: bool,
    /// The rules' answer to the Check step (D visa, beli karton, window), as messages.
    pub guidance: Vec<ReasonView>,
    /// When the draft is deleted if left alone.
    pub deleted_on: String,
}

/// One line of a case's history.
pub struct HistoryRow {
    /// When.
    pub at: String,
    /// What happened.
    pub what: String,
    /// Status after.
    pub status: String,
    /// Why.
    pub why: String,
}

/// A submitted case.
#[derive(Template)]
#[template(path = "applicant/applications/case.html")]
pub struct CasePage {
    /// Layout.
    pub p: Page,
    /// Id.
    pub id: String,
    /// Case reference.
    pub reference: String,
    /// Status code.
    pub status: String,
    /// Status in words.
    pub status_text: String,
    /// What happens next / what to do.
    pub next: String,
    /// Deadline.
    pub deadline: Option<String>,
    /// Facts: label, value.
    pub facts: Vec<(String, String)>,
    /// History, oldest first.
    pub history: Vec<HistoryRow>,
    /// Whether the payment slip is still useful.
    pub awaiting_payment: bool,
    /// The slip, while awaiting payment.
    pub slip: Option<SlipView>,
    /// Just submitted (confirmation panel).
    pub just_submitted: bool,
    /// A change was sent (from another tab) after the case was submitted, and not saved.
    pub locked: bool,
    /// The slip PDF's address.
    pub slip_href: String,
    /// An extension awaiting payment: which day it counts as made, and the last day.
    pub extension_deadline: Option<ReasonView>,
    /// Whether the applicant may still withdraw the request (before a decision).
    pub may_withdraw: bool,
    /// Who looked at the case: when, what, role and department (never names).
    pub views: Vec<ViewRow>,
    /// "Request updating": the days left to the deadline, in words.
    pub days_left: String,
    /// "Request updating": the parts the applicant may change (link, title).
    pub changes: Vec<(String, String)>,
    /// The case's letters, newest first (requests for updates, decisions).
    pub letters: Vec<crate::views::letters::LetterView>,
    /// The biometrics appointment, in words.
    pub appointment: String,
    /// The link to book (or move) the appointment, when possible now: its text.
    pub book_label: String,
    /// Before a decision: how long this department takes on this basis, in words.
    pub estimate: String,
    /// Whether the holder may report the permit lost now.
    pub may_report_lost: bool,
    /// When the permit was declared invalid, in words.
    pub invalidated: String,
}

/// One look an officer took at the case, as the applicant reads it.
pub struct ViewRow {
    /// When.
    pub at: String,
    /// What they did.
    pub what: String,
    /// Their role.
    pub role: String,
    /// Their police department.
    pub department: String,
}

/// The applicant's line for an officer's look at their case.
fn view_row(ctx: &Ctx, v: &CaseView) -> ViewRow {
    let what = match v.what {
        AuditAction::CaseTaken => "view-taken",
        AuditAction::CaseDocumentViewed => "view-document",
        _ => "view-opened",
    };
    let role = match v.role {
        Some(eforeigner_domain::Role::Inspector) => "viewer-role-inspector",
        Some(eforeigner_domain::Role::Supervisor) => "viewer-role-supervisor",
        _ => "viewer-role-officer",
    };
    ViewRow {
        at: when(v.at, ctx.lang),
        what: ctx.tr.t(what),
        role: ctx.tr.t(role),
        department: v
            .department
            .map(|d| department_name(d, ctx.lang))
            .unwrap_or_default(),
    }
}

/// The flags in the address of an application's page (set by the redirects after a
/// submission, or after a change refused because the draft was submitted meanwhile).
#[derive(Debug, Default, serde::Deserialize)]
pub struct CaseQuery {
    /// Just submitted: the confirmation banner.
    pub submitted: Option<String>,
    /// A change was refused: the draft is no longer one.
    pub locked: Option<String>,
}

/// The flags in the address of a step's form.
#[derive(Debug, Default, serde::Deserialize)]
pub struct StepQuery {
    /// Opened from "Check your answers": "Save and continue" goes back there.
    pub review: Option<String>,
}

/// `GET /applications/{id}`: the task list of a draft, or the case page.
pub async fn show(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
    Query(q): Query<CaseQuery>,
) -> Result<Response, PageError> {
    let (app, uploads) = load(&state, &auth.account, &id).await?;
    let tr = &ctx.tr;
    if app.status == ApplicationStatus::Draft {
        let inp = input(&state, &auth.account, &app, &uploads);
        let states = steps::states(&inp);
        let tasks = states
            .iter()
            .map(|(s, st)| TaskRow {
                number: s.number(),
                name: tr.t(&step_title_key(*s)),
                href: (*st != StepState::CannotStartYet)
                    .then(|| format!("/applications/{}/steps/{}", app.id, s.as_str())),
                state: st.as_str(),
                state_text: tr.t(&format!("task-{}", st.as_str())),
            })
            .collect::<Vec<_>>();
        let done = states
            .iter()
            .filter(|(_, st)| *st == StepState::Completed)
            .count();
        let guidance = if states[0].1 == StepState::Completed {
            guidance_for(tr, &app, &inp)
        } else {
            vec![]
        };
        return Ok(render(&TasksPage {
            p: Page::new(&ctx, "tasks-title"),
            id: app.id.to_string(),
            kind: tr.t(&format!("app-kind-{}", app.kind.code())),
            tasks,
            done,
            ready: done == StepId::ALL.len(),
            guidance,
            deleted_on: app
                .expires_at
                .map(|t| {
                    crate::i18n::dates::date_text(
                        ctx.lang,
                        eforeigner_domain::clock::serbian_date(t),
                    )
                })
                .unwrap_or_default(),
        }));
    }
    let views = state
        .applications
        .case_views(&auth.account, &id)
        .await?
        .iter()
        .map(|v| view_row(&ctx, v))
        .collect();
    let events = state.applications.history(&auth.account, &id).await?;
    let history = events
        .iter()
        .map(|e| HistoryRow {
            at: when(e.at, ctx.lang),
            what: tr.t(&format!("event-{}", e.what)),
            status: tr.t(&format!("app-status-{}", e.to_status.as_str())),
            why: e
                .why
                .as_deref()
                .map(|w| {
                    let key = format!("why-{w}");
                    if tr.i18n().has(&key) {
                        tr.t(&key)
                    } else {
                        w.to_string()
                    }
                })
                .unwrap_or_default(),
        })
        .collect();
    let a = &app.answers;
    let facts = vec![
        (
            tr.t("receipt-kind"),
            tr.t(&format!("app-kind-{}", app.kind.code())),
        ),
        (
            tr.t("receipt-basis"),
            ground_name(a.get(StepId::Reasons, "ground"), ctx.lang),
        ),
        (
            tr.t("case-submitted-at"),
            app.submitted_at
                .map(|t| when(t, ctx.lang))
                .unwrap_or_else(dash),
        ),
        (
            tr.t("case-paid-at"),
            app.paid_at
                .map(|t| when(t, ctx.lang))
                .unwrap_or_else(|| tr.t("case-not-paid")),
        ),
        (tr.t("case-files"), uploads.len().to_string()),
    ];
    let today = state.applications.today();
    let (days_left, changes) = match (&app.update_scope, app.deadline) {
        (Some(scope), Some(deadline)) if app.status == ApplicationStatus::Updating => {
            let left = eforeigner_rules::decisions::days_left(today, deadline);
            let mut changes: Vec<(String, String)> = StepId::ALL
                .iter()
                .filter(|s| scope.opens_step(**s))
                .map(|s| {
                    (
                        format!("/applications/{}/steps/{}", app.id, s.as_str()),
                        crate::views::letters::step_title(tr, *s),
                    )
                })
                .collect();
            changes.push((
                format!("/applications/{}/review", app.id),
                tr.t("case-update-check-and-send"),
            ));
            (
                tr.t_args("case-days-left", &[("days", left.to_string())]),
                changes,
            )
        }
        _ => (String::new(), vec![]),
    };
    let letters = state
        .applications
        .my_letters(&auth.account, &id)
        .await?
        .iter()
        .rev()
        .map(|l| crate::views::letters::letter_view(tr, &auth.account, &app, &uploads, l, today))
        .collect();
    let booking = state.applications.booking(&auth.account, &id).await?;
    let appointment = booking
        .as_ref()
        .map(|b| crate::views::biometrics::slot_text(tr, &b.slot))
        .unwrap_or_default();
    let book_label = match (
        state.applications.may_book(&app, booking.as_ref()),
        &booking,
    ) {
        (false, _) => String::new(),
        (true, None) => tr.t("case-book-biometrics"),
        (true, Some(_)) => tr.t("case-move-biometrics"),
    };
    let estimate = if matches!(
        app.status,
        ApplicationStatus::Submitted
            | ApplicationStatus::Processing
            | ApplicationStatus::Updating
            | ApplicationStatus::Resending
    ) {
        match state
            .applications
            .processing_estimate(&auth.account, &id)
            .await?
        {
            Some(e) => tr.t_args(
                "case-estimate",
                &[
                    ("median", e.median_days.to_string()),
                    ("p80", e.p80_days.to_string()),
                    ("n", e.decisions.to_string()),
                ],
            ),
            None => tr.t("case-estimate-none"),
        }
    } else {
        String::new()
    };
    let invalidated = state
        .applications
        .permit_invalidated_at(&auth.account, &id)
        .await?
        .map(|t| when(t, ctx.lang))
        .unwrap_or_default();
    let awaiting = app.status == ApplicationStatus::AwaitingPayment;
    let (slip, extension_deadline) = if awaiting {
        let inp = input(&state, &auth.account, &app, &uploads);
        (
            app_slip(&state, &ctx, &app),
            extension_deadline(tr, &app, &inp),
        )
    } else {
        (None, None)
    };
    Ok(render(&CasePage {
        p: Page::new(&ctx, "app-case-title"),
        id: app.id.to_string(),
        reference: app.case_reference.clone().unwrap_or_default(),
        status: app.status.as_str().into(),
        status_text: tr.t(&format!("app-status-{}", app.status.as_str())),
        next: tr.t(&format!("app-next-{}", app.status.as_str())),
        deadline: app
            .deadline
            .map(|d| crate::i18n::dates::date_text(ctx.lang, d)),
        facts,
        history,
        awaiting_payment: awaiting,
        slip,
        just_submitted: q.submitted.is_some(),
        locked: q.locked.is_some(),
        slip_href: format!("/applications/{}/slip.pdf", app.id),
        extension_deadline,
        may_withdraw: Applications::may_withdraw(&app),
        views,
        days_left,
        changes,
        letters,
        appointment,
        book_label,
        estimate,
        may_report_lost: Applications::may_report_lost(&app) && invalidated.is_empty(),
        invalidated,
    }))
}

/// For an extension: the day its request counts as made and the last day for it, as a
/// plain sentence with the dates written out (the rules' `extension_counts_when_paid`,
/// see [`residence::request_made_on`]). Before the fee is confirmed the payment decides
/// the day; a fee confirmed before Submit leaves Submit to decide it.
fn extension_deadline(
    tr: &crate::i18n::Tr,
    app: &Application,
    inp: &StepInput<'_>,
) -> Option<ReasonView> {
    if app.kind != residence::ApplicationKind::Extension {
        return None;
    }
    let answer = steps::rules_answer(inp)?;
    let reason = answer.reason(ReasonCode::ExtensionCountsWhenPaid)?;
    let mut view = reason_view_long_dates(tr, reason);
    if app.paid_at.is_some() && app.submitted_at.is_none() {
        let latest = reason
            .arg("latest_submission")
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())?;
        view.message = tr.t_args(
            "extension-paid-submit-by",
            &[(
                "latest_submission",
                crate::views::residence::long_date(tr, latest),
            )],
        );
    }
    Some(view)
}

// ---------------------------------------------------------------------------------------
// Steps.

/// An item of the documentation checklist with its files.
pub struct DocRow {
    /// Item code (upload purpose).
    pub code: String,
    /// Name.
    pub name: String,
    /// Whether a file is needed.
    pub required: bool,
    /// Its files.
    pub files: Vec<UploadView>,
    /// Field name for errors (`doc_<code>`).
    pub field: String,
    /// Whether its files may change now (all of a draft's; on a request for an update,
    /// the items named).
    pub open: bool,
}

/// One step's page.
#[derive(Template)]
#[template(path = "applicant/applications/step.html")]
pub struct StepPage {
    /// Layout.
    pub p: Page,
    /// Application id.
    pub id: String,
    /// Step code.
    pub step: String,
    /// "Step 2 of 6".
    pub counter: String,
    /// Fields.
    pub fields: Vec<Field>,
    /// Values and errors.
    pub f: FormView,
    /// The answers the form is based on ([`Application::answers_stamp`]).
    pub based_on: String,
    /// Shown when another tab or device saved meanwhile.
    pub conflict: bool,
    /// Shown when answers kept over a new login were put back.
    pub restored: bool,
    /// Opened from "Check your answers": saving returns there.
    pub review: bool,
    /// The rules' guidance so far (shown on the step after Check).
    pub guidance: Vec<ReasonView>,
    /// Hint under the period field: the longest period the rules allow.
    pub period_hint: Option<String>,
    /// Documentation step: the checklist.
    pub docs: Vec<DocRow>,
    /// Fees step: the fees.
    pub fees: Option<FeesView>,
    /// Fees step: the slip (once the step is saved).
    pub slip: Option<SlipView>,
    /// Notes of the ground (e.g. in-person route also exists).
    pub notes: Vec<String>,
    /// The slip PDF's address.
    pub slip_href: String,
    /// Fees step of an extension: which day it counts as made, and the last day.
    pub extension_deadline: Option<ReasonView>,
}

fn doc_rows(ctx: &Ctx, inp: &StepInput<'_>) -> Vec<DocRow> {
    let nl = name_language(ctx.lang);
    steps::document_items(inp)
        .into_iter()
        .map(|d| DocRow {
            code: d.code.to_string(),
            name: d
                .names
                .map(|n| n.get(nl).to_string())
                .unwrap_or_else(|| ctx.tr.t("doc-other-documents")),
            required: d.required,
            files: inp
                .uploads
                .iter()
                .filter(|u| u.purpose == d.code)
                .map(UploadView::from)
                .collect(),
            field: format!("doc_{}", d.code),
            open: true,
        })
        .collect()
}

/// `errors` with each problem of a checklist item (`doc_<code>`) naming its document in
/// the page's language, so that the error summary says which document ("Upload at least
/// one file for: Photograph…"), not the same words once per item.
fn documents_named(ctx: &Ctx, inp: &StepInput<'_>, errors: &FieldErrors) -> FieldErrors {
    let rows = doc_rows(ctx, inp);
    let mut named = errors.clone();
    for e in &mut named.0 {
        if let Some(row) = rows.iter().find(|r| r.field == e.field)
            && !e.args.iter().any(|(k, _)| k == "document")
        {
            e.args.push(("document".into(), row.name.clone()));
        }
    }
    named
}

/// The slip of an application's fee (reference assigned on the fees step).
fn app_slip(state: &AppState, ctx: &Ctx, app: &Application) -> Option<SlipView> {
    let reference = Applications::written_reference(app)?;
    let payer = format!(
        "{} {}",
        app.answers.get(StepId::Personal, "given_names"),
        app.answers.get(StepId::Personal, "surname")
    );
    crate::public::residence::slip_for(
        ctx,
        app.kind,
        app.answers.get(StepId::Reasons, "ground"),
        &reference,
        payer.trim(),
        state.applications.today(),
    )
}

/// How a step page is shown.
#[derive(Clone, Copy, Debug, Default)]
struct Flags {
    /// Another tab saved first.
    conflict: bool,
    /// Answers kept over a login were put back.
    restored: bool,
    /// Opened from "Check your answers".
    review: bool,
}

#[expect(clippy::too_many_arguments, reason = "one page, many parts")]
fn step_page(
    state: &AppState,
    ctx: &Ctx,
    account: &Account,
    app: &Application,
    uploads: &[Upload],
    step: StepId,
    values: HashMap<String, String>,
    errors: &FieldErrors,
    flags: Flags,
) -> Response {
    let Flags {
        conflict,
        restored,
        review,
    } = flags;
    let inp = input(state, account, app, uploads);
    let tr = &ctx.tr;
    let fields: Vec<Field> = steps::fields(step, &inp)
        .iter()
        .map(|f| field_for(ctx, f))
        .collect();
    let period_hint = (step == StepId::Reasons)
        .then(|| steps::longest_period(&inp))
        .flatten()
        .map(|(from, until)| {
            tr.t_args(
                "hint-period-longest",
                &[
                    ("from", crate::i18n::dates::date_text(ctx.lang, from)),
                    ("until", crate::i18n::dates::date_text(ctx.lang, until)),
                ],
            )
        });
    let (fees, slip) = if step == StepId::Fees {
        let ground = app.answers.get(StepId::Reasons, "ground");
        let schedule = residence::fees_for(app.kind, ground, state.applications.today());
        let municipality = app.answers.get(StepId::Reasons, "residence_municipality");
        (
            Some(fees_view(tr, ctx.lang, &schedule, Some(municipality))),
            app_slip(state, ctx, app),
        )
    } else {
        (None, None)
    };
    // Single-permit reasons are online only; the others may also be applied for in person.
    // A visa D holder is reminded of the visa's basis (seed-004).
    let notes = if step == StepId::Reasons {
        let chosen = residence::find_ground(app.answers.get(StepId::Reasons, "ground"));
        let mut notes = vec![match chosen.map(|g| g.terms().channels.value) {
            Some(residence::Channels::OnlineOnly) => tr.t("reasons-online-only"),
            Some(residence::Channels::OnlineOrInPerson) => tr.t("reasons-in-person-too"),
            None => tr.t("reasons-single-permit-note"),
        }];
        let visa_basis = app.answers.get(StepId::Check, "d_visa_basis");
        if app.kind == residence::ApplicationKind::First
            && app.answers.get(StepId::Check, "has_d_visa") == "yes"
            && let Some(b) = residence::catalogue().basis(visa_basis)
        {
            notes.push(tr.t_args(
                "reasons-d-visa-basis",
                &[("basis", b.names.get(name_language(ctx.lang)).to_string())],
            ));
        }
        notes
    } else {
        vec![]
    };
    // The error summary in the order of the page: the fields, or the checklist's items.
    let order: Vec<String> = if step == StepId::Documents {
        steps::document_items(&inp)
            .iter()
            .map(|d| format!("doc_{}", d.code))
            .chain(std::iter::once("documents".to_string()))
            .collect()
    } else {
        fields.iter().map(|f| f.name.to_string()).collect()
    };
    let status = if conflict {
        StatusCode::CONFLICT
    } else if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut r = render(&StepPage {
        p: Page::new(ctx, &step_title_key(step)),
        id: app.id.to_string(),
        step: step.as_str().into(),
        counter: tr.t_args(
            "step-counter",
            &[
                ("n", step.number().to_string()),
                ("total", StepId::ALL.len().to_string()),
            ],
        ),
        fields,
        f: FormView::with(tr, values, &documents_named(ctx, &inp, errors))
            .ordered(order.iter().map(String::as_str)),
        based_on: app.answers_stamp(),
        conflict,
        restored,
        review,
        guidance: if step == StepId::Personal {
            guidance_for(tr, app, &inp)
        } else {
            vec![]
        },
        period_hint,
        docs: if step == StepId::Documents {
            doc_rows(ctx, &inp)
                .into_iter()
                .map(|mut d| {
                    d.open = app.may_change_item(&d.code);
                    d
                })
                .collect()
        } else {
            vec![]
        },
        fees,
        slip,
        notes,
        slip_href: format!("/applications/{}/slip.pdf", app.id),
        extension_deadline: if step == StepId::Fees {
            extension_deadline(tr, app, &inp)
        } else {
            None
        },
    });
    if r.status() == StatusCode::OK {
        *r.status_mut() = status;
    }
    r
}

/// The rules' guidance for the answers so far: beli karton, period shortened by the
/// passport, the extension window (shown at once after the Check step and on the task list).
fn guidance_for(tr: &crate::i18n::Tr, app: &Application, inp: &StepInput<'_>) -> Vec<ReasonView> {
    let Some(a) = steps::rules_answer(inp) else {
        return vec![];
    };
    let mut out: Vec<ReasonView> = a
        .reasons
        .iter()
        .filter(|r| {
            matches!(
                r.code,
                ReasonCode::BeliKartonRequired | ReasonCode::PeriodShortenedByPassport
            )
        })
        .map(|r| reason_view(tr, r))
        .collect();
    if app.kind == residence::ApplicationKind::Extension
        && let (Some(from), Some(to)) = (a.earliest_submission, a.latest_submission)
    {
        out.push(ReasonView {
            code: "extension_window".into(),
            severity: residence::Severity::Info.code().into(),
            message: tr.t_args(
                "guidance-extension-window",
                &[
                    ("from", crate::i18n::dates::date_text(tr.lang, from)),
                    ("to", crate::i18n::dates::date_text(tr.lang, to)),
                ],
            ),
            source: String::new(),
        });
    }
    out
}

fn cookie_value(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn values_of(app: &Application, step: StepId) -> HashMap<String, String> {
    app.answers
        .step(step)
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// `GET /applications/{id}/steps/{step}`.
pub async fn step_form(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path((id, step)): Path<(ApplicationId, String)>,
    Query(q): Query<StepQuery>,
    headers: axum::http::HeaderMap,
) -> Result<Response, PageError> {
    let step = StepId::parse(&step).ok_or(PageError::NotFound)?;
    let (app, uploads) = load(&state, &auth.account, &id).await?;
    // A draft's steps, or the parts a request for an update opened; the rest is read-only.
    if !app.may_change(step) {
        return Ok(see_other(&format!("/applications/{id}")));
    }
    if !steps::can_open(step, &input(&state, &auth.account, &app, &uploads)) {
        return Ok(see_other(&format!("/applications/{id}")));
    }
    let mut values = values_of(&app, step);
    if values.is_empty() {
        values = steps::prefill(step, &auth.account).into_iter().collect();
    }
    let mut restored = false;
    if let Some(token) = cookie_value(&headers, KEPT_COOKIE)
        && let Some((kept_step, kept)) = state
            .applications
            .take_kept_answers(&auth.account, &token, &id)
            .await?
        && kept_step == step
    {
        values.extend(kept);
        restored = true;
    }
    let mut r = step_page(
        &state,
        &ctx,
        &auth.account,
        &app,
        &uploads,
        step,
        values,
        &FieldErrors::default(),
        Flags {
            restored,
            review: q.review.is_some(),
            ..Flags::default()
        },
    );
    if restored {
        let c = ctx.cookies.set(KEPT_COOKIE, "", Some(0));
        if let Ok(v) = HeaderValue::from_str(&c) {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    Ok(r)
}

/// `POST /applications/{id}/steps/{step}`: saves the step (even incomplete), then goes on
/// ("Save and continue"), back to the task list ("Save and come back later"), or shows the
/// problems. A session that ended keeps the answers for the next login.
pub async fn step_save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, step)): Path<(ApplicationId, String)>,
    CsrfForm(Fields(f)): CsrfForm<Fields>,
) -> Result<Response, PageError> {
    let step = StepId::parse(&step).ok_or(PageError::NotFound)?;
    let values: BTreeMap<String, String> = f
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "csrf_token" | "based_on" | "action" | "review"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let Some(auth) = ctx.auth.clone() else {
        // The session ended while the form was open: keep what was typed for this browser.
        let token = eforeigner_domain::clock::new_secret();
        state
            .applications
            .keep_answers(&token, &id, step, &values)
            .await?;
        let next: String = url::form_urlencoded::byte_serialize(
            format!("/applications/{id}/steps/{}", step.as_str()).as_bytes(),
        )
        .collect();
        let mut r = see_other(&format!("/login/password?next={next}&expired=1"));
        let c = ctx.cookies.set(KEPT_COOKIE, &token, Some(7200));
        if let Ok(v) = HeaderValue::from_str(&c) {
            r.headers_mut().append(header::SET_COOKIE, v);
        }
        return Ok(r);
    };
    access::check(&auth.account, Permission::UseServices).map_err(PageError::from)?;
    let based_on = f.get("based_on").map(String::as_str).unwrap_or("");
    let action = f.get("action").map(String::as_str).unwrap_or("continue");
    let review = f.get("review").map(String::as_str) == Some("1");
    let mut values = values;
    if step == StepId::Documents {
        values.insert("confirmed".into(), "yes".into());
    }
    let sent: HashMap<String, String> = f
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "csrf_token" | "based_on" | "action"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let go = Go {
        action,
        review,
        slip_shown: f.get("slip_shown").map(String::as_str) == Some("1"),
    };
    save_and_go(&state, &ctx, &auth, &id, step, values, based_on, sent, go).await
}

/// Where a step's form goes after it is saved.
struct Go<'a> {
    /// `continue`, `later` or `autosave`.
    action: &'a str,
    /// Opened from "Check your answers".
    review: bool,
    /// The fees step's form showed the payment slip.
    slip_shown: bool,
}

/// Saves a step of draft `id` (even incomplete), then goes on ("Save and continue"), back
/// to the task list ("Save and come back later"), answers the autosave, or shows the
/// problems. `sent` is what the form showed, kept when another tab saved first.
#[expect(
    clippy::too_many_arguments,
    reason = "one save, many parts of the form"
)]
async fn save_and_go(
    state: &AppState,
    ctx: &Ctx,
    auth: &crate::context::Auth,
    id: &ApplicationId,
    step: StepId,
    values: BTreeMap<String, String>,
    based_on: &str,
    sent: HashMap<String, String>,
    go: Go<'_>,
) -> Result<Response, PageError> {
    let review = go.review;
    match state
        .applications
        .save_step(&auth.account, id, step, values, based_on, &ctx.actor())
        .await
    {
        Ok(saved) => {
            if go.action == "later" {
                return Ok(see_other(&format!(
                    "/applications/{id}?done=saved-for-later"
                )));
            }
            if go.action == "autosave" {
                return Ok((StatusCode::OK, saved.app.answers_stamp()).into_response());
            }
            // The slip is shown before going on: the fee's reference is made when the
            // step is saved, and the applicant needs the slip to pay.
            if saved.errors.is_empty()
                && step == StepId::Fees
                && !go.slip_shown
                && saved.app.payment_method == Some(PaymentMethod::Slip)
            {
                let review = if review { "&review=1" } else { "" };
                return Ok(see_other(&format!(
                    "/applications/{id}/steps/fees?done=slip-ready{review}#slip"
                )));
            }
            if saved.errors.is_empty() && saved.app.status == ApplicationStatus::Updating {
                // Only the parts named are open: back to their list.
                return Ok(see_other(&format!("/applications/{id}")));
            }
            if saved.errors.is_empty() {
                let to = match step.next() {
                    // From "Check your answers": back there (GOV.UK pattern).
                    _ if review
                        && steps::all_complete(&input(
                            state,
                            &auth.account,
                            &saved.app,
                            &state.applications.uploads(&saved.app).await?,
                        )) =>
                    {
                        format!("/applications/{id}/review")
                    }
                    Some(n) => format!("/applications/{id}/steps/{}", n.as_str()),
                    None => format!("/applications/{id}/review"),
                };
                return Ok(see_other(&to));
            }
            let uploads = state.applications.uploads(&saved.app).await?;
            let values = values_of(&saved.app, step);
            Ok(step_page(
                state,
                ctx,
                &auth.account,
                &saved.app,
                &uploads,
                step,
                values,
                &saved.errors,
                Flags {
                    review,
                    ..Flags::default()
                },
            ))
        }
        Err(DomainError::Conflict) => {
            // Another tab or device saved first: say so, keep what this form sent, and let the
            // applicant save again over the newer answers.
            let (app, uploads) = load(state, &auth.account, id).await?;
            if !app.may_change(step) {
                return Err(locked(id));
            }
            Ok(step_page(
                state,
                ctx,
                &auth.account,
                &app,
                &uploads,
                step,
                sent,
                &FieldErrors::default(),
                Flags {
                    conflict: true,
                    review,
                    ..Flags::default()
                },
            ))
        }
        Err(e) => Err(draft_change_failed(id, e)),
    }
}

/// `POST /applications/{id}/documents`: the documentation step's one form. Every file
/// chosen in any item's field is uploaded (a file chosen and then "Save and continue"
/// pressed is never dropped), a "Remove" button removes its file, and then: "Upload"
/// shows the step again at its item, "Save and continue" and "Save and come back later"
/// save the step as any step's form does.
pub async fn documents_save(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    if !is_plain_id(id.as_str()) {
        return Err(PageError::NotFound);
    }
    let key_for = |file: &str| format!("applications/{id}/{file}");
    let mut form =
        MultipartForm::read_page(multipart, &ctx, "files", state.files.as_ref(), &key_for).await?;
    form.refuse_if_stale(state.files.as_ref()).await?;
    let mut errors = FieldErrors::default();
    let mut uploaded_to = None;
    for (field, files) in form.take_files_by_field() {
        let item = field.strip_prefix("files_").unwrap_or_default().to_string();
        // Read again for each item: the files as they are after the item before.
        let target = match state.applications.file_target(&auth.account, &id).await {
            Ok(t) => t,
            Err(e) => {
                uploads::discard(state.files.as_ref(), files).await;
                form.discard(state.files.as_ref()).await;
                return Err(draft_change_failed(&id, e));
            }
        };
        match state
            .applications
            .add_files(target, &item, files, &ctx.actor())
            .await
        {
            Ok(_) => uploaded_to = Some(item),
            Err(DomainError::Invalid(e)) => errors.0.extend(e.0),
            Err(e) => {
                form.discard(state.files.as_ref()).await;
                return Err(draft_change_failed(&id, e));
            }
        }
    }
    let remove = form.get("remove");
    if !remove.is_empty() {
        state
            .applications
            .remove_file(&auth.account, &id, remove, &ctx.actor())
            .await
            .map_err(|e| draft_change_failed(&id, e))?;
    }
    let action = form.get("action");
    if !errors.is_empty() {
        let (app, uploads) = load(&state, &auth.account, &id).await?;
        return Ok(step_page(
            &state,
            &ctx,
            &auth.account,
            &app,
            &uploads,
            StepId::Documents,
            HashMap::new(),
            &errors,
            Flags {
                review: form.get("review") == "1",
                ..Flags::default()
            },
        ));
    }
    if matches!(action, "continue" | "later") {
        let mut values = BTreeMap::new();
        values.insert("confirmed".to_string(), "yes".to_string());
        let go = Go {
            action,
            review: form.get("review") == "1",
            slip_shown: false,
        };
        let based_on = form.get("based_on").to_string();
        return save_and_go(
            &state,
            &ctx,
            &auth,
            &id,
            StepId::Documents,
            values,
            &based_on,
            HashMap::new(),
            go,
        )
        .await;
    }
    // "Upload" (or "Remove"): the step again, at the item.
    let item = action
        .strip_prefix("upload:")
        .map(str::to_string)
        .or(uploaded_to)
        .map(|i| format!("?done=files-uploaded#doc_{i}"))
        .unwrap_or_default();
    Ok(see_other(&format!(
        "/applications/{id}/steps/documents{item}"
    )))
}

/// Whether `id` can be an application's id (and so name a folder of files).
fn is_plain_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// Where a change sent to an application that is no longer a draft (submitted or deleted
/// from another tab meanwhile) goes: its page, which says the change was not saved.
fn locked(id: &ApplicationId) -> PageError {
    PageError::SeeOther(format!("/applications/{id}?locked=1"))
}

/// A failed change to the draft `id`, as a page answer.
fn draft_change_failed(id: &ApplicationId, e: DomainError) -> PageError {
    match e {
        DomainError::NotDraft => locked(id),
        other => other.into(),
    }
}

/// `POST /applications/{id}/files`: adds files to one checklist item.
pub async fn add_files(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
    multipart: Multipart,
) -> Result<Response, PageError> {
    // The draft is read while the files arrive (an upload spends milliseconds on the
    // wire). Its files are received into its own folder: an id that cannot name one is no
    // application's.
    if !is_plain_id(id.as_str()) {
        return Err(PageError::NotFound);
    }
    let key_for = |file: &str| format!("applications/{id}/{file}");
    let (form, target) = tokio::join!(
        MultipartForm::read_page(multipart, &ctx, "files", state.files.as_ref(), &key_for),
        async {
            state
                .applications
                .file_target(&auth.account, &id)
                .await
                .map_err(|e| draft_change_failed(&id, e))
        },
    );
    let mut form = form?;
    form.refuse_if_stale(state.files.as_ref()).await?;
    let target = match target {
        Ok(t) => t,
        Err(e) => {
            // Refused as a whole: nothing received is kept.
            form.discard(state.files.as_ref()).await;
            return Err(e);
        }
    };
    let item = form.get("item").to_string();
    match state
        .applications
        .add_files(target, &item, form.take_files(), &ctx.actor())
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/applications/{id}/steps/documents#doc_{item}"
        ))),
        Err(DomainError::Invalid(errors)) => {
            let (app, uploads) = load(&state, &auth.account, &id).await?;
            Ok(step_page(
                &state,
                &ctx,
                &auth.account,
                &app,
                &uploads,
                StepId::Documents,
                HashMap::new(),
                &errors,
                Flags::default(),
            ))
        }
        Err(e) => Err(draft_change_failed(&id, e)),
    }
}

/// `POST /applications/{id}/files/{upload}/delete`.
pub async fn delete_file(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path((id, upload)): Path<(ApplicationId, String)>,
    _form: CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    state
        .applications
        .remove_file(&auth.account, &id, &upload, &ctx.actor())
        .await
        .map_err(|e| draft_change_failed(&id, e))?;
    Ok(see_other(&format!("/applications/{id}/steps/documents")))
}

/// `GET /applications/{id}/files/{upload}`: the file, as a download (never rendered by the
/// browser in the portal's origin).
pub async fn file(
    State(state): State<AppState>,
    Require(_ctx, auth, _): Require<UseServices>,
    Path((id, upload)): Path<(ApplicationId, String)>,
) -> Result<Response, PageError> {
    let (u, bytes) = state.applications.file(&auth.account, &id, &upload).await?;
    Ok(download(&u.content_type, &u.file_name, bytes.to_vec()))
}

/// A download response (attachment, sandboxed, not cached).
pub fn download(content_type: &str, name: &str, bytes: Vec<u8>) -> Response {
    crate::html::file_response(content_type, name, bytes, false)
}

/// `GET /applications/{id}/slip.pdf`: this application's payment slip.
pub async fn slip_pdf(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
) -> Result<Response, PageError> {
    let app = state.applications.get(&auth.account, &id).await?;
    let slip = app_slip(&state, &ctx, &app).ok_or(PageError::NotFound)?;
    crate::public::residence::slip_pdf_response(&ctx, slip)
}

// ---------------------------------------------------------------------------------------
// Check your answers, submit, delete.

/// A section of "Check your answers".
pub struct ReviewSection {
    /// Step name.
    pub title: String,
    /// Label, value: answers, each with the change link.
    pub rows: Vec<(String, String)>,
    /// Label, value: facts the applicant cannot change (the fee and its reference).
    pub fixed: Vec<(String, String)>,
    /// Change link.
    pub change: String,
}

/// "Check your answers".
#[derive(Template)]
#[template(path = "applicant/applications/review.html")]
pub struct ReviewPage {
    /// Layout.
    pub p: Page,
    /// Id.
    pub id: String,
    /// Sections.
    pub sections: Vec<ReviewSection>,
    /// Values and errors (declaration).
    pub f: FormView,
    /// The answers the review shows ([`Application::answers_stamp`]).
    pub based_on: String,
    /// Whether every step is complete.
    pub ready: bool,
    /// An extension: which day it counts as made, and the last day.
    pub extension_deadline: Option<ReasonView>,
    /// Corrections asked for by an inspector: sent without paying again.
    pub resend: bool,
}

/// The answers of `app` by step, as "Check your answers" shows them (also the officers'
/// case page): each step's fields with the applicant's values in words, the documents by
/// item, and the fee with its reference.
pub(crate) fn answer_sections(
    state: &AppState,
    ctx: &Ctx,
    account: &Account,
    app: &Application,
    uploads: &[Upload],
) -> Vec<ReviewSection> {
    let inp = input(state, account, app, uploads);
    let tr = &ctx.tr;
    let nl = name_language(ctx.lang);
    let mut sections = vec![];
    for &step in StepId::ALL {
        // Only what may change now has a "Change" link (all of a draft's steps; the parts a
        // request for an update opened).
        let change = if app.may_change(step) {
            format!("/applications/{}/steps/{}?review=1", app.id, step.as_str())
        } else {
            String::new()
        };
        let rows: Vec<(String, String)> = match step {
            StepId::Documents => doc_rows(ctx, &inp)
                .into_iter()
                .filter(|d| !d.files.is_empty())
                .map(|d| {
                    (
                        d.name,
                        d.files
                            .iter()
                            .map(|f| f.name.clone())
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                })
                .collect(),
            _ => steps::fields(step, &inp)
                .iter()
                .map(|f| {
                    let v = app.answers.get(step, f.name);
                    let shown = match f.options {
                        _ if v.is_empty() => dash(),
                        Options::Countries => countries::find(v)
                            .map(|c| c.name(nl).to_string())
                            .unwrap_or_else(|| v.to_string()),
                        Options::Grounds => ground_name(v, ctx.lang),
                        Options::Municipalities => crate::html::municipality_name(v, ctx.lang),
                        Options::None => v.to_string(),
                        _ => field_for(ctx, f)
                            .options
                            .iter()
                            .find(|(k, _)| k == v)
                            .map(|(_, t)| t.clone())
                            .unwrap_or_else(|| v.to_string()),
                    };
                    (tr.t(&format!("field-{}", f.name.replace('_', "-"))), shown)
                })
                .collect(),
        };
        let mut fixed = vec![];
        if step == StepId::Fees
            && let (Some(r), Some(due)) = (Applications::written_reference(app), app.fee_due_para)
        {
            fixed.push((
                tr.t("review-amount"),
                crate::i18n::money::rsd(ctx.lang, due.unsigned_abs()),
            ));
            fixed.push((tr.t("review-reference"), r.written()));
        }
        sections.push(ReviewSection {
            title: format!("{}. {}", step.number(), tr.t(&step_title_key(step))),
            rows,
            fixed,
            change,
        });
    }
    sections
}

fn review_page(
    state: &AppState,
    ctx: &Ctx,
    account: &Account,
    app: &Application,
    uploads: &[Upload],
    errors: &FieldErrors,
) -> Response {
    let inp = input(state, account, app, uploads);
    let tr = &ctx.tr;
    let sections = answer_sections(state, ctx, account, app, uploads);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let mut r = render(&ReviewPage {
        p: Page::new(ctx, "review-title"),
        id: app.id.to_string(),
        sections,
        f: FormView::with(tr, HashMap::new(), errors),
        based_on: app.answers_stamp(),
        ready: steps::all_complete(&inp),
        extension_deadline: extension_deadline(tr, app, &inp),
        resend: app.status == ApplicationStatus::Updating,
    });
    if r.status() == StatusCode::OK {
        *r.status_mut() = status;
    }
    r
}

/// `GET /applications/{id}/review`.
pub async fn review(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
) -> Result<Response, PageError> {
    let (app, uploads) = load(&state, &auth.account, &id).await?;
    if !matches!(
        app.status,
        ApplicationStatus::Draft | ApplicationStatus::Updating
    ) {
        return Ok(see_other(&format!("/applications/{id}")));
    }
    Ok(review_page(
        &state,
        &ctx,
        &auth.account,
        &app,
        &uploads,
        &FieldErrors::default(),
    ))
}

/// "Check your answers"'s form: the declaration, and the version of the draft the page
/// showed (a change made meanwhile in another tab is shown before submitting).
#[derive(Debug, Default, serde::Deserialize)]
pub struct SubmitForm {
    /// `on` when the box is ticked.
    pub declaration: Option<String>,
    /// The draft's version when the page was shown.
    #[serde(default)]
    pub based_on: String,
}

/// `POST /applications/{id}/submit`: idempotent (a second click lands on the same case).
pub async fn submit(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
    CsrfForm(f): CsrfForm<SubmitForm>,
) -> Result<Response, PageError> {
    let declaration = f.declaration.as_deref() == Some("on");
    match state
        .applications
        .submit(&auth.account, &id, declaration, &f.based_on, &ctx.actor())
        .await
    {
        // Corrections sent: the case page says "Sending data in progress".
        Ok(app) if app.status == ApplicationStatus::Resending => {
            Ok(see_other(&format!("/applications/{}", app.id)))
        }
        Ok(app) => Ok(see_other(&format!("/applications/{}?submitted=1", app.id))),
        Err(DomainError::Invalid(errors)) => {
            let (app, uploads) = load(&state, &auth.account, &id).await?;
            Ok(review_page(
                &state,
                &ctx,
                &auth.account,
                &app,
                &uploads,
                &errors,
            ))
        }
        Err(DomainError::Conflict) => {
            let (app, uploads) = load(&state, &auth.account, &id).await?;
            let mut e = FieldErrors::default();
            e.add("declaration", "changed_meanwhile");
            Ok(review_page(&state, &ctx, &auth.account, &app, &uploads, &e))
        }
        Err(e) => Err(e.into()),
    }
}

/// `GET /applications/{id}/delete`: asks before deleting a draft.
pub async fn delete_form(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
) -> Result<Response, PageError> {
    let app = state.applications.get(&auth.account, &id).await?;
    if app.status != ApplicationStatus::Draft {
        // A submitted case is never deleted: a stale link shows the case.
        return Ok(see_other(&format!("/applications/{id}")));
    }
    Ok(render(&MessagePage {
        p: Page::new(&ctx, "delete-title"),
        heading: ctx.tr.t("delete-title"),
        paragraphs: vec![ctx.tr.t("delete-body")],
        actions: vec![
            Action::post(
                ctx.tr.t("delete-confirm"),
                &format!("/applications/{id}/delete"),
                vec![],
            ),
            Action::link(ctx.tr.t("delete-cancel"), &format!("/applications/{id}")),
        ],
    }))
}

/// `POST /applications/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
    _form: CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    state
        .applications
        .delete_draft(&auth.account, &id, &ctx.actor())
        .await
        .map_err(|e| draft_change_failed(&id, e))?;
    Ok(see_other("/applications?done=draft-deleted"))
}

/// `GET /applications/{id}/withdraw`: asks before withdrawing a request, and says what it
/// means.
pub async fn withdraw_form(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
) -> Result<Response, PageError> {
    let app = state.applications.get(&auth.account, &id).await?;
    if !Applications::may_withdraw(&app) {
        // Decided, withdrawn, or still a draft: a stale link shows the case as it is.
        return Ok(see_other(&format!("/applications/{id}")));
    }
    Ok(render(&MessagePage {
        p: Page::new(&ctx, "withdraw-title"),
        heading: ctx.tr.t("withdraw-title"),
        paragraphs: vec![ctx.tr.t("withdraw-body"), ctx.tr.t("withdraw-fees")],
        actions: vec![
            Action::post(
                ctx.tr.t("withdraw-confirm"),
                &format!("/applications/{id}/withdraw"),
                vec![],
            ),
            Action::link(ctx.tr.t("withdraw-cancel"), &format!("/applications/{id}")),
        ],
    }))
}

/// `POST /applications/{id}/withdraw`.
pub async fn withdraw(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
    _form: CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    match state
        .applications
        .withdraw(&auth.account, &id, &ctx.actor())
        .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/applications/{id}?done=request-withdrawn"
        ))),
        // Decided (or withdrawn) meanwhile: the case page shows where it stands.
        Err(DomainError::Conflict) => Ok(see_other(&format!("/applications/{id}"))),
        Err(e) => Err(e.into()),
    }
}
