//! The administrator's page of police departments: every active inspector and supervisor
//! with their department, and a form to put each in another (or in none). An officer works
//! only the cases of their department.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use serde::{Deserialize, Serialize};

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::permit::AssignDepartments;
use crate::extract::{CheckedForm, Require};
use crate::forms::FormView;
use crate::html::csrf_errors;
use crate::i18n::names::department_name;
use crate::redirect::see_other;
use crate::templates::{Page, render};
use eforeigner_domain::{Account, AccountId, DomainError, FieldErrors};
use eforeigner_rules::municipalities::police_departments;

/// An officer's row.
pub struct OfficerRow {
    /// Account id.
    pub id: String,
    /// Name.
    pub name: String,
    /// E-mail.
    pub email: String,
    /// Role, in words.
    pub role: String,
    /// Department slug ("" for none).
    pub department: String,
}

/// `GET /admin/departments`.
#[derive(Template)]
#[template(path = "officer/departments.html")]
pub struct DepartmentsPage {
    /// Layout.
    pub p: Page,
    /// The officers.
    pub officers: Vec<OfficerRow>,
    /// Every department: slug, name.
    pub departments: Vec<(String, String)>,
    /// Errors of a refused form.
    pub f: FormView,
}

/// The form of one row.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct DepartmentForm {
    /// The department's slug ("" for none).
    pub department: String,
}

async fn page(
    state: &AppState,
    ctx: &Ctx,
    admin: &Account,
    f: FormView,
) -> Result<Response, PageError> {
    let officers = state
        .accounts
        .officers(admin)
        .await?
        .iter()
        .map(|a| OfficerRow {
            id: a.id.to_string(),
            name: format!("{} {}", a.profile.given_names, a.profile.surname),
            email: a.email.to_string(),
            role: ctx.tr.t(&format!("viewer-role-{}", a.role.as_str())),
            department: a.department.map(|d| d.slug.to_string()).unwrap_or_default(),
        })
        .collect();
    let departments = police_departments()
        .iter()
        .map(|d| (d.slug.to_string(), department_name(d, ctx.lang)))
        .collect();
    Ok(render(&DepartmentsPage {
        p: Page::new(ctx, "departments-title"),
        officers,
        departments,
        f,
    }))
}

/// `GET /admin/departments`.
pub async fn list(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<AssignDepartments>,
) -> Result<Response, PageError> {
    page(&state, &ctx, &auth.account, FormView::empty(&ctx.tr)).await
}

/// `POST /admin/officers/{id}/department`.
pub async fn assign(
    State(state): State<AppState>,
    Require(ctx, auth, _): Require<AssignDepartments>,
    Path(id): Path<AccountId>,
    form: CheckedForm<DepartmentForm>,
) -> Result<Response, PageError> {
    let refused = |errors: FieldErrors| {
        let f = FormView::with(&ctx.tr, std::collections::HashMap::new(), &errors);
        let (state, ctx, admin) = (&state, &ctx, &auth.account);
        async move {
            let mut r = page(state, ctx, admin, f).await?;
            *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok::<Response, PageError>(r)
        }
    };
    let Some(f) = form.fresh() else {
        return refused(csrf_errors()).await;
    };
    match state
        .accounts
        .set_department(&auth.account, &id, &f.department, &ctx.actor())
        .await
    {
        Ok(_) => Ok(see_other("/admin/departments?done=department-assigned")),
        Err(DomainError::Invalid(errors)) => refused(errors).await,
        Err(e) => Err(e.into()),
    }
}
