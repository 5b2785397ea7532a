//! The supervisor's page of the department's biometrics slots: open a day's slots (from,
//! until, minutes per slot, people per slot), see the next days' slots with their bookings,
//! close a slot.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::permit::ManageSlots;
use crate::extract::{CheckedForm, CsrfForm, NoFields, Require};
use crate::forms::FormView;
use crate::html::{csrf_errors, values_of};
use crate::i18n::names::department_name;
use crate::redirect::see_other;
use crate::templates::{Page, render};
use crate::views::biometrics::slot_text;
use eforeigner_domain::applications::OpenHours;
use eforeigner_domain::{Account, DomainError, FieldErrors};

/// A slot as the page lists it.
pub struct SlotRow {
    /// Id.
    pub id: String,
    /// Its day and hours.
    pub when: String,
    /// Booked of capacity, in words.
    pub places: String,
    /// Closed.
    pub closed: bool,
}

/// `GET /officer/biometrics`.
#[derive(Template)]
#[template(path = "officer/biometrics.html")]
pub struct SlotsPage {
    /// Layout.
    pub p: Page,
    /// The department, in the reader's script.
    pub department: String,
    /// The next days' slots.
    pub slots: Vec<SlotRow>,
    /// The form's values and errors.
    pub f: FormView,
}

/// The opening hours form.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct HoursForm {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// `HH:MM`.
    pub from: String,
    /// `HH:MM`.
    pub until: String,
    /// Minutes per slot.
    pub minutes: String,
    /// People per slot.
    pub capacity: String,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    supervisor: &Account,
    f: FormView,
) -> Result<Response, PageError> {
    let Some(department) = supervisor.department else {
        return Ok(crate::html::message(
            ctx,
            "cases-title",
            &["cases-no-department"],
            vec![],
        ));
    };
    let slots = state
        .applications
        .department_slots(supervisor)
        .await?
        .iter()
        .map(|s| SlotRow {
            id: s.id.clone(),
            when: slot_text(&ctx.tr, s),
            places: ctx.tr.t_args(
                "slots-places",
                &[
                    ("booked", s.booked.to_string()),
                    ("capacity", s.capacity.to_string()),
                ],
            ),
            closed: s.closed,
        })
        .collect();
    Ok(render(&SlotsPage {
        p: Page::new(ctx, "slots-title"),
        department: department_name(department, ctx.lang),
        slots,
        f,
    }))
}

/// `GET /officer/biometrics`.
pub async fn slots(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ManageSlots>,
) -> Result<Response, PageError> {
    let mut values = std::collections::HashMap::new();
    values.insert("minutes".to_string(), "30".to_string());
    values.insert("capacity".to_string(), "4".to_string());
    values.insert("from".to_string(), "08:00".to_string());
    values.insert("until".to_string(), "12:00".to_string());
    let f = FormView::with(&ctx.tr, values, &FieldErrors::default());
    page(&state, &ctx, &auth.account, f).await
}

/// `POST /officer/biometrics/slots`: opens a day's slots.
pub async fn open_slots(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ManageSlots>,
    form: CheckedForm<HoursForm>,
) -> Result<Response, PageError> {
    let values = values_of(form.fields());
    let refused = |errors: FieldErrors| {
        let f = FormView::with(&ctx.tr, values.clone(), &errors);
        let (state, ctx, account) = (&state, &ctx, &auth.account);
        async move {
            let mut r = page(state, ctx, account, f).await?;
            *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok::<Response, PageError>(r)
        }
    };
    let Some(f) = form.fresh() else {
        return refused(csrf_errors()).await;
    };
    if auth.account.department.is_none() {
        // Nothing to open: the page says why.
        return page(&state, &ctx, &auth.account, FormView::empty(&ctx.tr)).await;
    }
    let hours = OpenHours {
        day: f.day.clone(),
        from: f.from.clone(),
        until: f.until.clone(),
        minutes: f.minutes.clone(),
        capacity: f.capacity.clone(),
    };
    match state
        .applications
        .open_slots(&auth.account, &hours, &ctx.actor())
        .await
    {
        Ok(_) => Ok(see_other("/officer/biometrics?done=slots-opened")),
        Err(DomainError::Invalid(errors)) => refused(errors).await,
        Err(e) => Err(e.into()),
    }
}

/// `POST /officer/biometrics/slots/{slot}/close`.
pub async fn close_slot(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<ManageSlots>,
    Path(slot): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    if auth.account.department.is_none() {
        return page(&state, &ctx, &auth.account, FormView::empty(&ctx.tr)).await;
    }
    state
        .applications
        .close_slot(&auth.account, &slot, &ctx.actor())
        .await?;
    Ok(see_other("/officer/biometrics?done=slot-closed"))
}
