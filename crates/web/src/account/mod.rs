//! The account area, for everyone signed in (applicants and staff alike): status, personal
//! data, password, e-mail, sessions and sign-ins, the correction after a rejection, and
//! one's own documents (which verification officers may also open).

use crate::routes::{Access, Routes};

/// The account routes.
pub fn routes() -> Routes {
    Routes::new(Access::SignedIn)
        .get("/account", overview)
        .form("/account/details", details_form, details)
        .form("/account/password", password_form, password)
        .form("/account/email", email_form, email)
        .get("/account/sessions", sessions)
        .post("/account/sessions/{id}/end", end_session)
        .form("/account/correct", correct_form, correct)
        .get("/documents/{id}", document)
        // The link in the e-mail works in any browser: the token is the proof.
        .access(Access::Public)
        .form(
            "/confirm-email-change",
            confirm_email_change_form,
            confirm_email_change,
        )
}

use std::collections::HashMap;

use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::Response;
use eforeigner_rules::countries;

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::{CheckedForm, CsrfForm, NoFields, SignedIn};
use crate::forms::MultipartForm;
use crate::html::{csrf_errors, form_page, keep_values, message, values_of};
use crate::i18n::dates::when;
use crate::public::register::{
    TokenQuery, draft_form_interruption, identity_fields, link_invalid, name_language,
    registration_input,
};
use crate::redirect::see_other;
use crate::templates::{
    AccountPage, Action, Field, FormSpec, Page, SessionRow, SessionsPage, SignInRow, UploadView,
    render,
};
use eforeigner_domain::access::{self, Permission};
use eforeigner_domain::accounts::{FormRejected, RegisterError};
use eforeigner_domain::{
    Account, AccountStatus, DomainError, FieldErrors, Lang, TokenPurpose, Upload,
};

/// The personal data shown on the account page and to officers: label, value.
pub fn profile_facts(ctx: &Ctx, a: &Account) -> Vec<(String, String)> {
    let tr = &ctx.tr;
    let p = &a.profile;
    let nl = name_language(ctx.lang);
    let dash = || "—".to_string();
    vec![
        (tr.t("field-given-names"), p.given_names.clone()),
        (tr.t("field-surname"), p.surname.clone()),
        (
            tr.t("field-date-of-birth"),
            p.date_of_birth.map(|d| d.to_string()).unwrap_or_else(dash),
        ),
        (
            tr.t("field-sex"),
            p.sex
                .map(|s| tr.t(&format!("sex-{}", s.as_str())))
                .unwrap_or_else(dash),
        ),
        (
            tr.t("field-citizenship"),
            p.citizenship
                .as_deref()
                .map(|c| {
                    countries::find(c)
                        .map(|c| c.name(nl).to_string())
                        .unwrap_or_else(|| c.to_string())
                })
                .unwrap_or_else(dash),
        ),
        (
            tr.t("field-ebs"),
            p.ebs.as_ref().map_or_else(dash, |e| e.as_str().to_string()),
        ),
        (
            tr.t("field-id-doc-type"),
            p.id_doc_type
                .map(|t| tr.t(&format!("id-doc-type-{}", t.as_str())))
                .unwrap_or_else(dash),
        ),
        (
            tr.t("field-id-doc-number"),
            p.id_doc_number.clone().unwrap_or_else(dash),
        ),
        (
            tr.t("field-id-doc-expiry"),
            p.id_doc_expiry.map(|d| d.to_string()).unwrap_or_else(dash),
        ),
        (tr.t("field-email"), a.email.to_string()),
        (tr.t("field-phone"), p.phone.clone().unwrap_or_else(dash)),
        (tr.t("field-language"), a.language.native_name().to_string()),
    ]
}

/// `GET /account`.
pub async fn overview(
    State(state): State<AppState>,
    SignedIn(ctx, auth): SignedIn,
) -> Result<Response, PageError> {
    let a = &auth.account;
    let tr = &ctx.tr;
    let status = a.status.as_str();
    let mut status_text = vec![tr.t(&format!("status-{status}-body"))];
    if a.status == AccountStatus::Rejected {
        if let Some(reason) = a.rejection_reason {
            status_text.push(format!(
                "{}: {}",
                tr.t("rejection-reason-label"),
                tr.t(&format!("rejection-reason-{}", reason.as_str()))
            ));
        }
        if let Some(note) = &a.rejection_note {
            status_text.push(format!("{}: {note}", tr.t("rejection-note-label")));
        }
    }
    let documents = state.accounts.documents_of(a).await?;
    let p = Page::new(&ctx, "account-title");
    Ok(render(&AccountPage {
        p,
        status,
        status_label: tr.t(&format!("status-{status}")),
        status_text,
        can_correct: a.status == AccountStatus::Rejected,
        facts: profile_facts(&ctx, a),
        documents: documents.iter().map(UploadView::from).collect(),
    }))
}

fn details_spec(ctx: &Ctx) -> FormSpec {
    let langs = Lang::ALL
        .iter()
        .map(|l| (l.tag().to_string(), l.native_name().to_string()))
        .collect();
    FormSpec {
        intro: vec![ctx.tr.t("details-intro")],
        action: "/account/details".into(),
        submit: ctx.tr.t("save"),
        fields: vec![
            Field::input(&ctx.tr, "phone", "tel", "tel").optional(),
            Field::choice(&ctx.tr, "language", "select", langs),
        ],
        links: vec![("/account".into(), ctx.tr.t("back-to-account"))],
        ..FormSpec::default()
    }
}

/// `GET /account/details`.
pub async fn details_form(SignedIn(ctx, auth): SignedIn) -> Response {
    let mut values = HashMap::new();
    values.insert(
        "phone".into(),
        auth.account.profile.phone.clone().unwrap_or_default(),
    );
    values.insert("language".into(), auth.account.language.tag().into());
    form_page(
        &ctx,
        "details-title",
        details_spec(&ctx),
        values,
        &FieldErrors::default(),
    )
}

/// The personal details form.
#[derive(Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct DetailsForm {
    /// Phone number (optional).
    pub phone: String,
    /// The language's tag.
    pub language: String,
}

/// `POST /account/details`.
pub async fn details(
    State(state): State<AppState>,
    SignedIn(ctx, auth): SignedIn,
    form: CheckedForm<DetailsForm>,
) -> Result<Response, PageError> {
    let Some(f) = form.fresh() else {
        return Ok(form_page(
            &ctx,
            "details-title",
            details_spec(&ctx),
            values_of(form.fields()),
            &csrf_errors(),
        ));
    };
    let lang = Lang::parse(&f.language);
    match state
        .accounts
        .update_details(&auth.account, &f.phone, lang, &ctx.actor())
        .await
    {
        Ok(updated) => {
            let mut r = see_other("/account?done=details-saved");
            let c = format!(
                "lang={}; Path=/; SameSite=Lax; Max-Age=31536000",
                updated.language.tag()
            );
            if let Ok(v) = HeaderValue::from_str(&c) {
                r.headers_mut().append(header::SET_COOKIE, v);
            }
            Ok(r)
        }
        Err(DomainError::Invalid(errors)) => Ok(form_page(
            &ctx,
            "details-title",
            details_spec(&ctx),
            values_of(f),
            &errors,
        )),
        Err(e) => Err(e.into()),
    }
}

fn password_spec(ctx: &Ctx) -> FormSpec {
    FormSpec {
        action: "/account/password".into(),
        submit: ctx.tr.t("password-change-submit"),
        fields: vec![
            Field::input(&ctx.tr, "current_password", "password", "current-password"),
            Field::input(&ctx.tr, "new_password", "password", "new-password"),
        ],
        intro: vec![ctx.tr.t("password-change-intro")],
        links: vec![("/account".into(), ctx.tr.t("back-to-account"))],
        ..FormSpec::default()
    }
}

/// `GET /account/password`.
pub async fn password_form(SignedIn(ctx, _): SignedIn) -> Response {
    form_page(
        &ctx,
        "password-change-title",
        password_spec(&ctx),
        HashMap::new(),
        &FieldErrors::default(),
    )
}

/// The change-password form (nothing of it is ever shown again).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    /// The password now.
    pub current_password: String,
    /// The new one.
    pub new_password: String,
}

/// `POST /account/password`: current password required; every other session ends.
pub async fn password(
    State(state): State<AppState>,
    SignedIn(ctx, auth): SignedIn,
    form: CheckedForm<PasswordForm>,
) -> Result<Response, PageError> {
    let Some(f) = form.fresh() else {
        return Ok(form_page(
            &ctx,
            "password-change-title",
            password_spec(&ctx),
            HashMap::new(),
            &csrf_errors(),
        ));
    };
    match state
        .accounts
        .change_password(
            &auth.account,
            &auth.session.id,
            &f.current_password,
            &f.new_password,
            &ctx.actor(),
        )
        .await
    {
        Ok(()) => {
            state.worker.wake();
            Ok(see_other("/account?done=password-changed"))
        }
        Err(DomainError::Invalid(errors)) => Ok(form_page(
            &ctx,
            "password-change-title",
            password_spec(&ctx),
            HashMap::new(),
            &errors,
        )),
        Err(e) => Err(e.into()),
    }
}

fn email_spec(ctx: &Ctx) -> FormSpec {
    FormSpec {
        intro: vec![ctx.tr.t("email-change-intro")],
        action: "/account/email".into(),
        submit: ctx.tr.t("email-change-submit"),
        fields: vec![
            Field::input(&ctx.tr, "new_email", "email", "email"),
            Field::input(&ctx.tr, "password", "password", "current-password"),
        ],
        links: vec![("/account".into(), ctx.tr.t("back-to-account"))],
        ..FormSpec::default()
    }
}

/// `GET /account/email`.
pub async fn email_form(SignedIn(ctx, _): SignedIn) -> Response {
    form_page(
        &ctx,
        "email-change-title",
        email_spec(&ctx),
        HashMap::new(),
        &FieldErrors::default(),
    )
}

/// The change-e-mail form.
#[derive(Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct EmailChangeForm {
    /// The new address.
    pub new_email: String,
    /// The password, to show it is the owner (never shown again).
    #[serde(skip_serializing)]
    pub password: String,
}

/// `POST /account/email`: the new address must be confirmed through a link sent to it.
pub async fn email(
    State(state): State<AppState>,
    SignedIn(ctx, auth): SignedIn,
    form: CheckedForm<EmailChangeForm>,
) -> Result<Response, PageError> {
    let Some(f) = form.fresh() else {
        return Ok(form_page(
            &ctx,
            "email-change-title",
            email_spec(&ctx),
            values_of(form.fields()),
            &csrf_errors(),
        ));
    };
    match state
        .accounts
        .change_email(&auth.account, &f.password, &f.new_email, &ctx.actor())
        .await
    {
        Ok(()) => {
            state.worker.wake();
            Ok(see_other("/account?done=email-change-sent"))
        }
        Err(DomainError::Invalid(errors)) => Ok(form_page(
            &ctx,
            "email-change-title",
            email_spec(&ctx),
            values_of(f),
            &errors,
        )),
        Err(e) => Err(e.into()),
    }
}

/// `GET /confirm-email-change?token=…`.
pub async fn confirm_email_change_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, PageError> {
    if !state
        .accounts
        .token_is_valid(&q.token, TokenPurpose::ChangeEmail)
        .await?
    {
        return Ok(link_invalid(&ctx, "/account/email"));
    }
    Ok(message(
        &ctx,
        "email-confirm-title",
        &["email-confirm-body"],
        vec![Action::post(
            ctx.tr.t("confirm-button"),
            "/confirm-email-change",
            vec![("token".into(), q.token)],
        )],
    ))
}

/// `POST /confirm-email-change`.
pub async fn confirm_email_change(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<TokenQuery>,
) -> Result<Response, PageError> {
    match state
        .accounts
        .confirm_email_change(&f.token, &ctx.actor())
        .await
    {
        Ok(_) => {
            state.worker.wake();
            Ok(message(
                &ctx,
                "email-changed-title",
                &["email-changed-body"],
                vec![Action::button_link(ctx.tr.t("nav-account"), "/account")],
            ))
        }
        Err(DomainError::InvalidToken) => Ok(link_invalid(&ctx, "/account/email")),
        Err(DomainError::Invalid(_)) => Ok(message(
            &ctx,
            "email-taken-title",
            &["email-taken-body"],
            vec![],
        )),
        Err(e) => Err(e.into()),
    }
}

fn short_browser(ua: &str) -> String {
    let name = ["Firefox", "Edg", "Chrome", "Safari"]
        .into_iter()
        .find(|b| ua.contains(b))
        .unwrap_or("");
    let name = if name == "Edg" { "Edge" } else { name };
    if name.is_empty() {
        ua.chars().take(40).collect()
    } else {
        name.to_string()
    }
}

/// `GET /account/sessions`: active sessions (end any) and recent sign-ins.
pub async fn sessions(
    State(state): State<AppState>,
    SignedIn(ctx, auth): SignedIn,
) -> Result<Response, PageError> {
    let sessions = state.accounts.sessions(&auth.account).await?;
    let sign_ins = state.accounts.sign_ins(&auth.account).await?;
    let p = Page::new(&ctx, "sessions-title");
    Ok(render(&SessionsPage {
        p,
        sessions: sessions
            .iter()
            .map(|s| SessionRow {
                id: s.id.clone(),
                started: when(s.created_at, ctx.lang),
                last_seen: when(s.last_seen_at, ctx.lang),
                ip: s.ip.clone(),
                browser: short_browser(&s.user_agent),
                current: s.id == auth.session.id,
            })
            .collect(),
        sign_ins: sign_ins
            .iter()
            .map(|s| SignInRow {
                at: when(s.at, ctx.lang),
                ip: s.ip.clone(),
                browser: short_browser(&s.user_agent),
                result: ctx.tr.t(if s.succeeded {
                    "sign-in-succeeded"
                } else {
                    "sign-in-failed"
                }),
            })
            .collect(),
    }))
}

/// `POST /account/sessions/{id}/end`: only one's own sessions.
pub async fn end_session(
    State(state): State<AppState>,
    SignedIn(ctx, auth): SignedIn,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<Response, PageError> {
    state
        .accounts
        .end_session(&auth.account, &id, &ctx.actor())
        .await?;
    Ok(see_other("/account/sessions?done=session-ended"))
}

fn correct_spec(ctx: &Ctx, draft: &str, uploads: &[Upload]) -> FormSpec {
    FormSpec {
        intro: vec![
            ctx.tr.t("correct-intro"),
            ctx.tr.t("correct-intro-documents"),
        ],
        action: "/account/correct".into(),
        multipart: true,
        submit: ctx.tr.t("correct-submit"),
        fields: identity_fields(&ctx.tr, ctx.lang),
        hidden: vec![("draft_token".into(), draft.into())],
        uploads: uploads.iter().map(UploadView::from).collect(),
        ..FormSpec::default()
    }
}

fn profile_values(a: &Account) -> HashMap<String, String> {
    let p = &a.profile;
    let mut v = HashMap::new();
    let mut put = |k: &str, s: Option<String>| {
        v.insert(k.to_string(), s.unwrap_or_default());
    };
    put("given_names", Some(p.given_names.clone()));
    put("surname", Some(p.surname.clone()));
    put("date_of_birth", p.date_of_birth.map(|d| d.to_string()));
    put("sex", p.sex.map(|s| s.as_str().to_string()));
    put("citizenship", p.citizenship.clone());
    put("has_ebs", p.has_ebs.map(|s| s.as_str().to_string()));
    put("ebs", p.ebs.as_ref().map(|e| e.as_str().to_string()));
    put("id_doc_type", p.id_doc_type.map(|s| s.as_str().to_string()));
    put("id_doc_number", p.id_doc_number.clone());
    put("id_doc_expiry", p.id_doc_expiry.map(|d| d.to_string()));
    v
}

/// `GET /account/correct`: after a rejection, the entered data, ready to correct.
pub async fn correct_form(SignedIn(ctx, auth): SignedIn) -> Result<Response, PageError> {
    if auth.account.status != AccountStatus::Rejected {
        return Ok(see_other("/account"));
    }
    Ok(form_page(
        &ctx,
        "correct-title",
        correct_spec(&ctx, "", &[]),
        profile_values(&auth.account),
        &FieldErrors::default(),
    ))
}

/// `POST /account/correct` (multipart): new data and, optionally, new documents.
pub async fn correct(
    State(state): State<AppState>,
    SignedIn(ctx, auth): SignedIn,
    multipart: Multipart,
) -> Result<Response, PageError> {
    if auth.account.status != AccountStatus::Rejected {
        return Ok(see_other("/account"));
    }
    let mut form = MultipartForm::read_page(
        multipart,
        &ctx,
        "documents",
        state.files.as_ref(),
        &crate::forms::registration_file_key,
    )
    .await?;
    let values = keep_values(&form.fields);
    let draft = Some(form.get("draft_token").to_string()).filter(|d| !d.is_empty());
    let spec_for = |token: &str, uploads: &[Upload]| correct_spec(&ctx, token, uploads);
    if let Some(page) =
        draft_form_interruption(&state, &ctx, &mut form, &draft, "correct-title", &spec_for).await?
    {
        return Ok(page);
    }
    let input = registration_input(&form);
    match state
        .accounts
        .correct_registration(
            &auth.account,
            &input,
            form.take_files(),
            draft.clone(),
            &ctx.actor(),
        )
        .await
    {
        Ok(_) => Ok(see_other("/account?done=corrected")),
        Err(RegisterError::Form(FormRejected {
            errors,
            draft_token,
            uploads,
        })) => Ok(form_page(
            &ctx,
            "correct-title",
            correct_spec(&ctx, &draft_token, &uploads),
            values,
            &errors,
        )),
        Err(RegisterError::Domain(e)) => {
            crate::public::register::throttled_draft_form(
                &state,
                &ctx,
                &draft,
                "correct-title",
                &spec_for,
                values,
                e,
            )
            .await
        }
    }
}

/// `GET /documents/{id}`: one's own upload (as a download), or any for a verification
/// officer (images inline, with a CSP that lets nothing in them run). Anyone else: 404.
pub async fn document(
    State(state): State<AppState>,
    SignedIn(ctx, auth): SignedIn,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let (upload, bytes) = state
        .accounts
        .document_for(&auth.account, &id, &ctx.actor())
        .await?;
    // Images are shown inline to officers (beside the entered data); everything else, and
    // everything for applicants, is a download.
    let inline = access::may(&auth.account, Permission::VerifyAccounts)
        && upload.content_type.starts_with("image/");
    Ok(crate::html::file_response(
        &upload.content_type,
        &upload.file_name,
        bytes.to_vec(),
        inline,
    ))
}
