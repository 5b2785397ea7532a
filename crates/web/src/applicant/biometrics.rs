//! The applicant's biometrics appointment: the slots of their police department they may
//! book (at least 24 hours ahead, with a free place), booking one or moving the booking
//! until 24 hours before it, and the appointment as a calendar file (.ics).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::permit::UseServices;
use crate::extract::{CheckedForm, Require};
use crate::forms::FormView;
use crate::html::{csrf_errors, values_of};
use crate::i18n::names::department_name;
use crate::redirect::see_other;
use crate::templates::{Page, render};
use crate::views::biometrics::{ics, slot_text};
use eforeigner_domain::{Account, ApplicationId, DomainError, FieldErrors};

/// `GET /applications/{id}/biometrics`.
#[derive(Template)]
#[template(path = "applicant/biometrics.html")]
pub struct BookingPage {
    /// Layout.
    pub p: Page,
    /// The case's id.
    pub id: String,
    /// The police department, in the reader's script.
    pub department: String,
    /// The current appointment, in words.
    pub current: String,
    /// Whether a booking may be made or moved now.
    pub may_book: bool,
    /// The slots that can be booked: id, day and hours, places left.
    pub slots: Vec<(String, String, String)>,
    /// Whether the applicant is a minor (both parents attend).
    pub minor: bool,
    /// The form's values and errors.
    pub f: FormView,
}

/// The booking form.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct BookForm {
    /// The chosen slot's id.
    pub slot: String,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    account: &Account,
    id: &ApplicationId,
    f: FormView,
) -> Result<Response, PageError> {
    let app = state.applications.get(account, id).await?;
    let booking = state.applications.booking(account, id).await?;
    let may_book = state.applications.may_book(&app, booking.as_ref());
    if !may_book && booking.is_none() {
        return Ok(see_other(&format!("/applications/{id}")));
    }
    let tr = &ctx.tr;
    let slots = if may_book {
        state
            .applications
            .bookable_slots(account, id)
            .await?
            .iter()
            .filter(|s| booking.as_ref().is_none_or(|b| b.slot.id != s.id))
            .map(|s| {
                (
                    s.id.clone(),
                    slot_text(tr, s),
                    tr.t_args("booking-free", &[("free", s.free().to_string())]),
                )
            })
            .collect()
    } else {
        vec![]
    };
    Ok(render(&BookingPage {
        p: Page::new(ctx, "booking-title"),
        id: id.to_string(),
        department: app
            .department
            .map(|d| department_name(d, ctx.lang))
            .unwrap_or_default(),
        current: booking
            .as_ref()
            .map(|b| slot_text(tr, &b.slot))
            .unwrap_or_default(),
        may_book,
        slots,
        minor: crate::views::letters::is_minor(&app, state.applications.today()),
        f,
    }))
}

/// `GET /applications/{id}/biometrics`.
pub async fn form(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
) -> Result<Response, PageError> {
    let f = FormView::empty(&ctx.tr);
    page(&state, &ctx, &auth.account, &id, f).await
}

/// `POST /applications/{id}/biometrics`: books the chosen slot (or moves the booking).
pub async fn book(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
    form: CheckedForm<BookForm>,
) -> Result<Response, PageError> {
    let values = values_of(form.fields());
    let refused = |errors: FieldErrors| {
        let f = FormView::with(&ctx.tr, values.clone(), &errors);
        let (state, ctx, account, id) = (&state, &ctx, &auth.account, &id);
        async move {
            let mut r = page(state, ctx, account, id, f).await?;
            *r.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
            Ok::<Response, PageError>(r)
        }
    };
    let Some(f) = form.fresh() else {
        return refused(csrf_errors()).await;
    };
    if f.slot.trim().is_empty() {
        let mut errors = FieldErrors::default();
        errors.add("slot", "choose_one");
        return refused(errors).await;
    }
    match state
        .applications
        .book(&auth.account, &id, f.slot.trim(), &ctx.actor())
        .await
    {
        Ok(_) => {
            state.worker.wake();
            Ok(see_other(&format!(
                "/applications/{id}?done=biometrics-booked"
            )))
        }
        Err(DomainError::Invalid(errors)) => refused(errors).await,
        Err(DomainError::Conflict) => Ok(see_other(&format!("/applications/{id}"))),
        Err(e) => Err(e.into()),
    }
}

/// `GET /applications/{id}/biometrics.ics`: the appointment as a calendar file.
pub async fn calendar(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<UseServices>,
    Path(id): Path<ApplicationId>,
) -> Result<Response, PageError> {
    let booking = state
        .applications
        .booking(&auth.account, &id)
        .await?
        .ok_or(PageError::NotFound)?;
    let location = department_name(booking.slot.department, ctx.lang);
    let body = ics(
        &format!("{id}-biometrics@eforeigner"),
        &booking.slot,
        &ctx.tr.t("booking-calendar-summary"),
        &location,
        state.applications.now(),
    );
    let mut r = body.into_response();
    let headers = r.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"biometrics.ics\""),
    );
    Ok(r)
}
