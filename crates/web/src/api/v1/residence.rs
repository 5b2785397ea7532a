//! `/api/v1/residence/*`: the residence rules as JSON (bases, the eligibility check, the
//! absences calculator, fees and the payment QR code), over the same views as the pages.

use axum::Json;
use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

use super::ApiJson;
use crate::context::Ctx;
use crate::error::{ApiError, ApiErrorEnvelope};
use crate::views::residence::*;
use eforeigner_domain::FieldErrors;
use eforeigner_rules::residence::{self, ApplicationKind, RuleParams};

/// The catalogue of bases and closer reasons.
#[utoipa::path(
    get, path = "/v1/residence/bases",
    params(("lang" = Option<String>, Query, description = "en, sr-Latn, sr-Cyrl or ru")),
    responses((status = 200, description = "Every ground, in the order of the official list.", body = BasesView))
)]
pub(crate) async fn bases(ctx: Ctx) -> Json<BasesView> {
    Json(BasesView {
        bases: residence::catalogue()
            .grounds()
            .map(|g| ground_view(&ctx.tr, &g))
            .collect(),
    })
}

/// Can this request be made, on which channel, for which period, and why.
#[utoipa::path(
    post, path = "/v1/residence/check", request_body = CheckInput,
    responses(
        (status = 200, description = "The answer, with its reasons and their sources.", body = CheckView),
        (status = 422, description = "`validation_failed` (every field problem in `fields`) or `invalid_json`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn check(
    ctx: Ctx,
    ApiJson(input): ApiJson<CheckInput>,
) -> Result<Json<CheckView>, ApiError> {
    let request = parse_check(&input).map_err(|e| ApiError::invalid(&ctx.tr, &e))?;
    let answer = residence::check(&request, &RuleParams::official());
    Ok(Json(check_view(&ctx.tr, &answer)))
}

/// Absences in the 3 years before an application for permanent residence.
#[utoipa::path(
    post, path = "/v1/residence/absences", request_body = AbsencesInput,
    responses(
        (status = 200, description = "The absences in the window and whether they are within the limits.", body = AbsencesView),
        (status = 422, description = "`validation_failed` (every field problem in `fields`) or `invalid_json`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn absences(
    ctx: Ctx,
    ApiJson(input): ApiJson<AbsencesInput>,
) -> Result<Json<AbsencesView>, ApiError> {
    let question = parse_absences(&input).map_err(|e| ApiError::invalid(&ctx.tr, &e))?;
    Ok(Json(absences_view(
        &ctx.tr,
        &residence::check_absences(&question),
    )))
}

/// The fees of a request, with payment details.
#[utoipa::path(
    get, path = "/v1/residence/fees", params(FeesQuery),
    responses(
        (status = 200, description = "The fees, with payment details.", body = FeesView),
        (status = 422, description = "`validation_failed`: every parameter problem in `fields`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn fees(ctx: Ctx, Query(q): Query<FeesQuery>) -> Result<Json<FeesView>, ApiError> {
    let mut errors = FieldErrors::default();
    let kind = match q.kind.trim() {
        "first" | "" => ApplicationKind::First,
        "extension" => ApplicationKind::Extension,
        _ => {
            errors.add("kind", "choose_one");
            ApplicationKind::First
        }
    };
    if residence::find_ground(q.basis.trim()).is_none() {
        errors.add("basis", "choose_one");
    }
    let on = optional_date(&mut errors, "on", q.on.as_deref());
    if let Some(m) = q.municipality.as_deref()
        && eforeigner_rules::municipalities::find_municipality(m).is_none()
    {
        errors.add("municipality", "municipality_invalid");
    }
    if !errors.is_empty() {
        return Err(ApiError::invalid(&ctx.tr, &errors));
    }
    let schedule = residence::fees_for(kind, q.basis.trim(), on.unwrap_or(ctx.today()));
    Ok(Json(fees_view(
        &ctx.tr,
        ctx.lang,
        &schedule,
        q.municipality.as_deref(),
    )))
}

/// The NBS IPS QR text of a payment order; with `Accept: image/svg+xml` or `image/png`, the
/// QR code itself.
#[utoipa::path(
    post, path = "/v1/payments/ips-qr", request_body = IpsQrInput,
    responses(
        (status = 200, description = "The IPS QR text as JSON; the QR code as SVG or PNG when `Accept` asks for `image/svg+xml` or `image/png`.",
            content(
                (IpsQrView = "application/json"),
                ("image/svg+xml"),
                ("image/png")
            )),
        (status = 422, description = "`validation_failed` (every field problem in `fields`) or `invalid_json`.", body = ApiErrorEnvelope),
        (status = 500, description = "`internal`: the QR image could not be made.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn ips_qr(
    ctx: Ctx,
    headers: HeaderMap,
    ApiJson(input): ApiJson<IpsQrInput>,
) -> Result<Response, ApiError> {
    let qr = build_ips_qr(&input).map_err(|e| ApiError::invalid(&ctx.tr, &e))?;
    let text = qr.to_qr_text();
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let internal = |e: eforeigner_documents::DocumentError| {
        ApiError::from_domain(
            &ctx.tr,
            eforeigner_domain::DomainError::Internal(anyhow::Error::new(e)),
        )
    };
    if accept.contains("image/svg+xml") {
        let svg = eforeigner_documents::qr_svg(&text).map_err(internal)?;
        return Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response());
    }
    if accept.contains("image/png") {
        let png = eforeigner_documents::qr_png(&text, 8).map_err(internal)?;
        return Ok(([(header::CONTENT_TYPE, "image/png")], png).into_response());
    }
    Ok((StatusCode::OK, Json(IpsQrView { qr_text: text })).into_response())
}
