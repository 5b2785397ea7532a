//! The back office and the applicant's case in the JSON API: a department's cases by status,
//! one case with the actions its officer may take now, the moves (take, ask for an update,
//! take it up, approve, propose, confirm or send back a rejection), and the applicant's view
//! of their own case with its letters. The same services, permission table and rules as the
//! pages; statuses are the machine codes (`submitted`, `processing`, `updating`,
//! `resending`, `approved`, `rejected`, …). Internal notes are never in these answers.

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{ApiJson, err};
use crate::AppState;
use crate::error::{ApiError, ApiErrorEnvelope};
use crate::extract::Require;
use crate::extract::permit::{ConfirmRejections, HandleCases, ManageSlots, UseServices};
use eforeigner_domain::applications::{
    Application, ApplicationStatus, Applications, BiometricsSlot, CaseAction, CaseLetter,
    RejectionAsk, UpdateAsk,
};
use eforeigner_domain::paging::PageNumber;
use eforeigner_domain::store::{CaseFilter, CaseLine};
use eforeigner_domain::{Account, ApplicationId};

/// The query of the cases list.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CasesQuery {
    /// Only cases in this status (machine code).
    pub status: Option<String>,
    /// `true`: only the cases the caller handles.
    pub mine: Option<bool>,
    /// Page number, from 1 (20 cases a page).
    pub page: Option<u32>,
}

/// A line of a department's cases.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseLineView {
    /// Id.
    pub id: String,
    /// Case reference.
    pub reference: Option<String>,
    /// Status (machine code).
    pub status: String,
    /// `first` or `extension`.
    pub kind: String,
    /// The ground's code.
    pub ground: Option<String>,
    /// When submitted (RFC 3339).
    pub submitted_at: Option<String>,
    /// Whether the caller handles it.
    pub mine: bool,
    /// Whether someone handles it.
    pub taken: bool,
    /// The last day of an open request for an update.
    pub deadline: Option<String>,
    /// Whether an update's deadline passed without an answer.
    pub lapsed: bool,
    /// Whether a proposed rejection waits for a supervisor.
    pub rejection_pending: bool,
}

/// A page of a department's cases.
#[derive(Debug, Serialize, ToSchema)]
pub struct CasesPage {
    /// The department's slug (none: the caller belongs to no department yet, and sees no
    /// case).
    pub department: Option<String>,
    /// Cases per status over the whole department (statuses with none left out).
    pub counts: std::collections::BTreeMap<String, i64>,
    /// This page's cases, oldest submission first.
    pub cases: Vec<CaseLineView>,
    /// The page number.
    pub page: u32,
    /// Whether a further page has cases.
    pub has_next: bool,
}

/// A letter of a case (a request for an update, a decision).
#[derive(Debug, Serialize, ToSchema)]
pub struct LetterView {
    /// Id (also its e-Mailbox document's).
    pub id: String,
    /// `update-request`, `approval` or `rejection`.
    pub kind: String,
    /// A decision's number.
    pub number: Option<String>,
    /// When written (RFC 3339).
    pub created_at: String,
    /// The inspector's message (update) or reasoning (rejection).
    pub message: Option<String>,
    /// Update: the last day.
    pub deadline: Option<String>,
    /// Update: the steps that may change.
    pub steps: Vec<String>,
    /// Update: the document items that may change.
    pub items: Vec<String>,
    /// Rejection: the grounds' codes.
    pub grounds: Vec<String>,
    /// Approval: the permit (`temporary_residence`, `single_permit`).
    pub permit: Option<String>,
    /// Approval: the first day.
    pub valid_from: Option<String>,
    /// Approval: the last day.
    pub valid_until: Option<String>,
    /// Approval: the biometrics fees, in para.
    pub biometrics_fee_para: Option<i64>,
}

impl From<&CaseLetter> for LetterView {
    fn from(l: &CaseLetter) -> Self {
        let b = &l.body;
        let scope = b.scope.clone().unwrap_or_default();
        Self {
            id: l.id.clone(),
            kind: l.kind.as_str().to_string(),
            number: l.number.as_ref().map(ToString::to_string),
            created_at: l.created_at.to_string(),
            message: (!b.message.is_empty()).then(|| b.message.clone()),
            deadline: b.deadline.map(|d| d.to_string()),
            steps: scope.steps.iter().map(|s| s.as_str().to_string()).collect(),
            items: scope.items,
            grounds: b.grounds.clone(),
            permit: b.permit.clone(),
            valid_from: b.valid_from.map(|d| d.to_string()),
            valid_until: b.valid_until.map(|d| d.to_string()),
            biometrics_fee_para: b.biometrics_fee_para,
        }
    }
}

/// A case as its department's officer sees it in the API.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseFileView {
    /// Id.
    pub id: String,
    /// Case reference.
    pub reference: Option<String>,
    /// Status (machine code).
    pub status: String,
    /// Whether the caller handles it.
    pub mine: bool,
    /// The last day of an open request for an update.
    pub deadline: Option<String>,
    /// Whether an update's deadline passed without an answer.
    pub lapsed: bool,
    /// A proposed rejection waiting for a supervisor: its grounds.
    pub rejection_pending: Option<Vec<String>>,
    /// What the caller may do now: `take`, `request-update`, `resume`, `approve`,
    /// `propose-rejection`, `confirm-rejection`, `return-rejection`, `biometrics-taken`,
    /// `card-ready`, `card-issued`.
    pub actions: Vec<String>,
    /// The letters, oldest first.
    pub letters: Vec<LetterView>,
}

/// The applicant's own case in the API.
#[derive(Debug, Serialize, ToSchema)]
pub struct MyCaseView {
    /// Id.
    pub id: String,
    /// Case reference.
    pub reference: Option<String>,
    /// Status (machine code).
    pub status: String,
    /// The last day of an open request for an update.
    pub deadline: Option<String>,
    /// While `updating`: the steps the applicant may change.
    pub open_steps: Vec<String>,
    /// While `updating`: the document items the applicant may change.
    pub open_items: Vec<String>,
    /// The letters, oldest first.
    pub letters: Vec<LetterView>,
    /// The biometrics appointment.
    pub appointment: Option<SlotView>,
}

/// A biometrics slot.
#[derive(Debug, Serialize, ToSchema)]
pub struct SlotView {
    /// Id (to book it).
    pub id: String,
    /// Start (RFC 3339).
    pub starts_at: String,
    /// End (RFC 3339).
    pub ends_at: String,
    /// Places left.
    pub free: i64,
}

impl From<&BiometricsSlot> for SlotView {
    fn from(s: &BiometricsSlot) -> Self {
        Self {
            id: s.id.clone(),
            starts_at: s.starts_at.to_string(),
            ends_at: s.ends_at.to_string(),
            free: s.free(),
        }
    }
}

/// A department's slot as its supervisor sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct DepartmentSlotView {
    /// Id.
    pub id: String,
    /// Start (RFC 3339).
    pub starts_at: String,
    /// End (RFC 3339).
    pub ends_at: String,
    /// People it takes.
    pub capacity: i64,
    /// People booked.
    pub booked: i64,
    /// Closed to new bookings.
    pub closed: bool,
}

/// Opening hours of one day, to become slots.
#[derive(Debug, Deserialize, ToSchema)]
pub struct OpenHoursBody {
    /// The day, `YYYY-MM-DD` (after today, within 180 days).
    pub day: String,
    /// From, `HH:MM` (local time).
    pub from: String,
    /// Until, `HH:MM`.
    pub until: String,
    /// Minutes per slot (5–240).
    pub minutes: i64,
    /// People per slot (1–50).
    pub capacity: i64,
}

/// A booking.
#[derive(Debug, Deserialize, ToSchema)]
pub struct BookingBody {
    /// The slot's id.
    pub slot: String,
}

/// A card step at the counter.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CardStepBody {
    /// `biometrics-taken`, `card-ready` or `card-issued`.
    pub step: String,
}

/// A request for an update.
#[derive(Debug, Deserialize, ToSchema)]
pub struct UpdateRequestBody {
    /// What is missing or wrong (required, at most 4000 characters).
    pub message: String,
    /// Step codes whose answers may change (not `fees`).
    #[serde(default)]
    pub steps: Vec<String>,
    /// Document item codes whose files may change.
    #[serde(default)]
    pub items: Vec<String>,
    /// Days to answer (default 8, 1 to 60).
    pub days: Option<i64>,
}

/// A proposed rejection.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RejectionBody {
    /// Ground codes (seed 004; those that apply to the case).
    pub grounds: Vec<String>,
    /// The reasoning (required).
    pub reasoning: String,
}

fn action_code(a: CaseAction) -> &'static str {
    match a {
        CaseAction::Take => "take",
        CaseAction::RequestUpdate => "request-update",
        CaseAction::Resume => "resume",
        CaseAction::Approve => "approve",
        CaseAction::ProposeRejection => "propose-rejection",
        CaseAction::ConfirmRejection => "confirm-rejection",
        CaseAction::ReturnRejection => "return-rejection",
        CaseAction::RecordBiometrics => "biometrics-taken",
        CaseAction::CardReady => "card-ready",
        CaseAction::IssueCard => "card-issued",
    }
}

fn line_view(officer: &Account, c: &CaseLine) -> CaseLineView {
    CaseLineView {
        id: c.id.to_string(),
        reference: c.case_reference.clone(),
        status: c.status.as_str().to_string(),
        kind: c.kind.code().to_string(),
        ground: c.ground.clone(),
        submitted_at: c.submitted_at.map(|t| t.to_string()),
        mine: c.assignee_id.as_ref() == Some(&officer.id),
        taken: c.assignee_id.is_some(),
        deadline: c.deadline.map(|d| d.to_string()),
        lapsed: c.lapsed,
        rejection_pending: c.rejection_pending,
    }
}

fn case_view(officer: &Account, app: &Application, letters: &[CaseLetter]) -> CaseFileView {
    CaseFileView {
        id: app.id.to_string(),
        reference: app.case_reference.clone(),
        status: app.status.as_str().to_string(),
        mine: app.assignee_id.as_ref() == Some(&officer.id),
        deadline: app
            .deadline
            .filter(|_| app.status == ApplicationStatus::Updating)
            .map(|d| d.to_string()),
        lapsed: app.lapsed_at.is_some() && app.status == ApplicationStatus::Processing,
        rejection_pending: app.rejection_proposal.as_ref().map(|p| p.grounds.clone()),
        actions: Applications::case_actions(officer, app)
            .into_iter()
            .map(|a| action_code(a).to_string())
            .collect(),
        letters: letters.iter().map(LetterView::from).collect(),
    }
}

/// The cases of the caller's police department, oldest submission first, 20 a page.
#[utoipa::path(
    get, path = "/v1/cases", params(CasesQuery),
    responses(
        (status = 200, description = "A page of the department's cases, with the counts per status.", body = CasesPage),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not an active inspector or supervisor of a department.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn list(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Query(q): Query<CasesQuery>,
) -> Result<Json<CasesPage>, ApiError> {
    if auth.account.department.is_none() {
        return Ok(Json(CasesPage {
            department: None,
            counts: std::collections::BTreeMap::new(),
            cases: vec![],
            page: 1,
            has_next: false,
        }));
    }
    let filter = CaseFilter {
        status: q.status.as_deref().and_then(ApplicationStatus::parse),
        assignee: q.mine.unwrap_or(false).then(|| auth.account.id.clone()),
        ..CaseFilter::default()
    };
    let page = PageNumber::parse(q.page.map(|p| p.to_string()).as_deref());
    let queue = state
        .applications
        .queue(&auth.account, &filter, page)
        .await
        .map_err(err(&ctx))?;
    Ok(Json(CasesPage {
        department: Some(queue.department.slug.to_string()),
        counts: queue
            .counts
            .iter()
            .map(|(s, n)| (s.as_str().to_string(), *n))
            .collect(),
        cases: queue
            .cases
            .items
            .iter()
            .map(|c| line_view(&auth.account, c))
            .collect(),
        page: queue.cases.page.get(),
        has_next: queue.cases.has_next,
    }))
}

/// One case of the caller's department (the opening is recorded, as on the page).
#[utoipa::path(
    get, path = "/v1/cases/{id}",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case, the actions the caller may take now, its letters.", body = CaseFileView),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`: no such case in the caller's department.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn show(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
) -> Result<Json<CaseFileView>, ApiError> {
    let file = state
        .applications
        .open_case(&auth.account, &id, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    Ok(Json(case_view(&auth.account, &file.app, &file.letters)))
}

/// The case as it stands after a move, for the caller.
async fn after_move(
    state: &AppState,
    ctx: &crate::context::Ctx,
    officer: &Account,
    app: Application,
) -> Result<Json<CaseFileView>, ApiError> {
    state.worker.wake();
    let letters = state
        .applications
        .letters_of(&app)
        .await
        .map_err(err(ctx))?;
    Ok(Json(case_view(officer, &app, &letters)))
}

/// Take a submitted case: it becomes the caller's, `processing`.
#[utoipa::path(
    post, path = "/v1/cases/{id}/take",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case after the move.", body = CaseFileView),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: taken by someone else, or its status changed.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn take(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
) -> Result<Json<CaseFileView>, ApiError> {
    let app = state
        .applications
        .take(&auth.account, &id, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    after_move(&state, &ctx, &auth.account, app).await
}

/// Ask the applicant for documents or corrections (the case's handler): `updating`, with a
/// letter in the e-Mailbox.
#[utoipa::path(
    post, path = "/v1/cases/{id}/update-request", request_body = UpdateRequestBody,
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case after the move.", body = CaseFileView),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not the case's handler.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: not possible from the case's status now.", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed`: `message`, `scope`, `steps`, `items`, `days`.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn request_update(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    ApiJson(body): ApiJson<UpdateRequestBody>,
) -> Result<Json<CaseFileView>, ApiError> {
    let ask = UpdateAsk {
        message: body.message,
        steps: body.steps,
        items: body.items,
        days: body.days.map(|d| d.to_string()).unwrap_or_default(),
    };
    let app = state
        .applications
        .request_update(&auth.account, &id, &ask, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    after_move(&state, &ctx, &auth.account, app).await
}

/// Take up the applicant's corrections (the case's handler): `processing`.
#[utoipa::path(
    post, path = "/v1/cases/{id}/resume",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case after the move.", body = CaseFileView),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not the case's handler.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: not possible from the case's status now.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn resume(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
) -> Result<Json<CaseFileView>, ApiError> {
    let app = state
        .applications
        .resume(&auth.account, &id, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    after_move(&state, &ctx, &auth.account, app).await
}

/// Approve (the case's handler): `approved`, with the numbered decision.
#[utoipa::path(
    post, path = "/v1/cases/{id}/approve",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case after the move.", body = CaseFileView),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not the case's handler.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: not possible now (status, a pending rejection).", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed`: `rules` (the rules give no period today).", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn approve(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
) -> Result<Json<CaseFileView>, ApiError> {
    let app = state
        .applications
        .approve(&auth.account, &id, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    after_move(&state, &ctx, &auth.account, app).await
}

/// Propose a rejection (the case's handler); it takes effect when a supervisor confirms.
#[utoipa::path(
    post, path = "/v1/cases/{id}/rejection", request_body = RejectionBody,
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case after the move.", body = CaseFileView),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not the case's handler.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: not possible now.", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed`: `grounds`, `reasoning`.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn propose_rejection(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    ApiJson(body): ApiJson<RejectionBody>,
) -> Result<Json<CaseFileView>, ApiError> {
    let ask = RejectionAsk {
        grounds: body.grounds,
        reasoning: body.reasoning,
    };
    let app = state
        .applications
        .propose_rejection(&auth.account, &id, &ask, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    after_move(&state, &ctx, &auth.account, app).await
}

/// Confirm a proposed rejection (a supervisor of the department, not its proposer):
/// `rejected`, with the numbered decision.
#[utoipa::path(
    post, path = "/v1/cases/{id}/rejection/confirm",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case after the move.", body = CaseFileView),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not a supervisor.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: no proposal, or the caller proposed it.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn confirm_rejection(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ConfirmRejections>,
    Path(id): Path<ApplicationId>,
) -> Result<Json<CaseFileView>, ApiError> {
    let app = state
        .applications
        .confirm_rejection(&auth.account, &id, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    after_move(&state, &ctx, &auth.account, app).await
}

/// Send a proposed rejection back to its inspector (a supervisor of the department).
#[utoipa::path(
    post, path = "/v1/cases/{id}/rejection/return",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case after the move.", body = CaseFileView),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not a supervisor.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: no proposal, or the caller proposed it.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn return_rejection(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ConfirmRejections>,
    Path(id): Path<ApplicationId>,
) -> Result<Json<CaseFileView>, ApiError> {
    let app = state
        .applications
        .return_rejection(&auth.account, &id, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    after_move(&state, &ctx, &auth.account, app).await
}

/// The applicant's own case: its status, an open request for an update, its letters.
#[utoipa::path(
    get, path = "/v1/applications/{id}",
    params(("id" = String, Path, description = "Application id")),
    responses(
        (status = 200, description = "The applicant's case.", body = MyCaseView),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not an active applicant.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`: no such application of the caller's.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn mine(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
) -> Result<Json<MyCaseView>, ApiError> {
    let app = state
        .applications
        .get(&auth.account, &id)
        .await
        .map_err(err(&ctx))?;
    my_case_view(&state, &ctx, &auth.account, &app)
        .await
        .map(Json)
}

/// The applicant's view of their case `app`.
async fn my_case_view(
    state: &AppState,
    ctx: &crate::context::Ctx,
    account: &Account,
    app: &Application,
) -> Result<MyCaseView, ApiError> {
    let letters = state
        .applications
        .my_letters(account, &app.id)
        .await
        .map_err(err(ctx))?;
    let booking = state
        .applications
        .booking(account, &app.id)
        .await
        .map_err(err(ctx))?;
    let scope = app
        .update_scope
        .clone()
        .filter(|_| app.status == ApplicationStatus::Updating)
        .unwrap_or_default();
    Ok(MyCaseView {
        id: app.id.to_string(),
        reference: app.case_reference.clone(),
        status: app.status.as_str().to_string(),
        deadline: app
            .deadline
            .filter(|_| app.status == ApplicationStatus::Updating)
            .map(|d| d.to_string()),
        open_steps: scope.steps.iter().map(|s| s.as_str().to_string()).collect(),
        open_items: scope.items,
        letters: letters.iter().map(LetterView::from).collect(),
        appointment: booking.as_ref().map(|b| SlotView::from(&b.slot)),
    })
}

/// The biometrics slots the applicant of an approved case may book now (at least 24 hours
/// ahead, with a free place).
#[utoipa::path(
    get, path = "/v1/applications/{id}/slots",
    params(("id" = String, Path, description = "Application id")),
    responses(
        (status = 200, description = "Bookable slots, in time order.", body = [SlotView]),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn slots(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
) -> Result<Json<Vec<SlotView>>, ApiError> {
    let slots = state
        .applications
        .bookable_slots(&auth.account, &id)
        .await
        .map_err(err(&ctx))?;
    Ok(Json(slots.iter().map(SlotView::from).collect()))
}

/// Book a biometrics slot for an approved case, or move the booking (until 24 hours
/// before it).
#[utoipa::path(
    post, path = "/v1/applications/{id}/booking", request_body = BookingBody,
    params(("id" = String, Path, description = "Application id")),
    responses(
        (status = 200, description = "The case with its appointment.", body = MyCaseView),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: the case cannot be booked now.", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed`: `slot` (`choose_one`, `slot_full`, `slot_too_soon`, `booking_locked`).", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn book(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
    ApiJson(body): ApiJson<BookingBody>,
) -> Result<Json<MyCaseView>, ApiError> {
    let app = state
        .applications
        .book(&auth.account, &id, body.slot.trim(), &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    state.worker.wake();
    my_case_view(&state, &ctx, &auth.account, &app)
        .await
        .map(Json)
}

/// A step at the counter (any officer of the department): `biometrics-taken` (the card
/// goes into production), `card-ready` (a notice in the e-Mailbox), `card-issued`.
#[utoipa::path(
    post, path = "/v1/cases/{id}/card-step", request_body = CardStepBody,
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The case after the move.", body = CaseFileView),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`.", body = ApiErrorEnvelope),
        (status = 404, description = "`not_found`.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: not possible from the case's status now.", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed`: `step`.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn card_step(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<HandleCases>,
    Path(id): Path<ApplicationId>,
    ApiJson(body): ApiJson<CardStepBody>,
) -> Result<Json<CaseFileView>, ApiError> {
    use eforeigner_rules::case::Move;
    let step = match body.step.as_str() {
        "biometrics-taken" => Move::RecordBiometrics,
        "card-ready" => Move::CardReady,
        "card-issued" => Move::IssueCard,
        _ => {
            let mut errors = eforeigner_domain::FieldErrors::default();
            errors.add("step", "choose_one");
            return Err(err(&ctx)(eforeigner_domain::DomainError::Invalid(errors)));
        }
    };
    let app = state
        .applications
        .card_step(&auth.account, &id, step, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    after_move(&state, &ctx, &auth.account, app).await
}

/// The department's slots of the next 60 days (supervisors).
#[utoipa::path(
    get, path = "/v1/biometrics/slots",
    responses(
        (status = 200, description = "The slots, in time order (none without a department).", body = [DepartmentSlotView]),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not a supervisor.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn department_slots(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ManageSlots>,
) -> Result<Json<Vec<DepartmentSlotView>>, ApiError> {
    if auth.account.department.is_none() {
        return Ok(Json(vec![]));
    }
    let slots = state
        .applications
        .department_slots(&auth.account)
        .await
        .map_err(err(&ctx))?;
    Ok(Json(
        slots
            .iter()
            .map(|s| DepartmentSlotView {
                id: s.id.clone(),
                starts_at: s.starts_at.to_string(),
                ends_at: s.ends_at.to_string(),
                capacity: s.capacity,
                booked: s.booked,
                closed: s.closed,
            })
            .collect(),
    ))
}

/// Open a day's slots (supervisors); slots already open at the same start stay.
#[utoipa::path(
    post, path = "/v1/biometrics/slots", request_body = OpenHoursBody,
    responses(
        (status = 200, description = "How many slots were added.", body = usize),
        (status = 401, description = "`unauthenticated`.", body = ApiErrorEnvelope),
        (status = 403, description = "`forbidden`: not a supervisor.", body = ApiErrorEnvelope),
        (status = 409, description = "`conflict`: the caller belongs to no department.", body = ApiErrorEnvelope),
        (status = 422, description = "`validation_failed`: `day`, `from`, `until`, `minutes`, `capacity`.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn open_slots(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ManageSlots>,
    ApiJson(body): ApiJson<OpenHoursBody>,
) -> Result<Json<usize>, ApiError> {
    if auth.account.department.is_none() {
        return Err(err(&ctx)(eforeigner_domain::DomainError::Conflict));
    }
    let hours = eforeigner_domain::applications::OpenHours {
        day: body.day,
        from: body.from,
        until: body.until,
        minutes: body.minutes.to_string(),
        capacity: body.capacity.to_string(),
    };
    let added = state
        .applications
        .open_slots(&auth.account, &hours, &ctx.actor())
        .await
        .map_err(err(&ctx))?;
    Ok(Json(added))
}
