//! `POST /api/v1/identifiers/validate`: checks a JMBG, foreigner's registration number,
//! bank account, model-97 payment reference, PIB or MB with the rules crate, and explains
//! the answer.

use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::ApiJson;
use crate::context::Ctx;
use crate::error::ApiErrorEnvelope;
use crate::views::residence::ReasonView;
use eforeigner_domain::registration::identifier_args;
use eforeigner_rules::identifiers::{
    BankAccount, Ebs, IdentifierError, Jmbg, Mb, Pib, Reference97,
};

/// What to validate.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ValidateRequest {
    /// `jmbg`, `ebs`, `account`, `reference97`, `pib` or `mb`.
    pub kind: String,
    /// The value as typed.
    pub value: String,
}

/// Facts read from a valid identifier.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct IdentifierDetails {
    /// Date of birth (JMBG, EBS), `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    /// `male` or `female` (JMBG).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<String>,
    /// Region code (JMBG), e.g. `central_serbia`, or register (EBS): `permanently_settled`, `other`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Long (18-digit) form of a bank account.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub long_form: Option<String>,
    /// QR form of a payment reference (`97` + check + reference).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qr_form: Option<String>,
}

/// The answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ValidateResponse {
    /// Whether the value is valid.
    pub valid: bool,
    /// The value in its canonical written form (when valid).
    pub normalized: Option<String>,
    /// Why not (empty when valid).
    pub reasons: Vec<ReasonView>,
    /// Facts read from the value.
    pub details: IdentifierDetails,
}

/// The message key naming where the rule of an identifier comes from (its standard or
/// register, in the reader's language; rules the project could not verify say so).
fn source_key(kind: &str) -> &'static str {
    match kind {
        "jmbg" => "identifier-source-jmbg",
        "ebs" => "identifier-source-ebs",
        "account" => "identifier-source-account",
        "reference97" => "identifier-source-reference97",
        "pib" => "identifier-source-pib",
        _ => "identifier-source-mb",
    }
}

fn check(
    kind: &str,
    value: &str,
) -> Result<Result<(String, IdentifierDetails), IdentifierError>, ()> {
    let mut d = IdentifierDetails::default();
    let r = match kind {
        "jmbg" => Jmbg::parse(value).map(|j| {
            d.date_of_birth = Some(j.date_of_birth().to_string());
            d.sex = Some(j.sex().code().into());
            d.region = Some(j.region().code().into());
            j.as_str().to_string()
        }),
        "ebs" => Ebs::parse(value).map(|e| {
            d.date_of_birth = Some(e.date_of_birth().to_string());
            d.region = Some(e.register().code().into());
            e.as_str().to_string()
        }),
        "account" => BankAccount::parse(value).map(|a| {
            d.long_form = Some(a.to_long());
            a.to_short()
        }),
        "reference97" => Reference97::parse(value).map(|r| {
            d.qr_form = Some(r.for_qr());
            r.written()
        }),
        "pib" => Pib::parse(value).map(|p| p.as_str().to_string()),
        "mb" => Mb::parse(value).map(|m| m.as_str().to_string()),
        _ => return Err(()),
    };
    Ok(r.map(|n| (n, d)))
}

/// Validate an identifier.
#[utoipa::path(
    post, path = "/v1/identifiers/validate", request_body = ValidateRequest,
    responses(
        (status = 200, description = "Valid or not, with the reasons and what the value tells.", body = ValidateResponse),
        (status = 422, description = "`validation_failed` (an unknown `kind`) or `invalid_json`.", body = ApiErrorEnvelope)
    )
)]
pub(crate) async fn validate(
    ctx: Ctx,
    ApiJson(body): ApiJson<ValidateRequest>,
) -> Result<Json<ValidateResponse>, crate::error::ApiError> {
    let kind = body.kind.trim().to_ascii_lowercase();
    match check(&kind, &body.value) {
        Err(()) => {
            let mut errors = eforeigner_domain::FieldErrors::default();
            errors.add("kind", "choose_one");
            Err(crate::error::ApiError::invalid(&ctx.tr, &errors))
        }
        Ok(Ok((normalized, details))) => Ok(Json(ValidateResponse {
            valid: true,
            normalized: Some(normalized),
            reasons: vec![],
            details,
        })),
        Ok(Err(e)) => {
            let args: Vec<(String, String)> = identifier_args(&e)
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
            let message = crate::error::field_message(&ctx.tr, e.code(), &args);
            Ok(Json(ValidateResponse {
                valid: false,
                normalized: None,
                reasons: vec![ReasonView {
                    code: e.code().into(),
                    severity: "blocking".into(),
                    message,
                    source: ctx.tr.t(source_key(&kind)),
                }],
                details: IdentifierDetails::default(),
            }))
        }
    }
}
