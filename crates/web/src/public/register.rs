//! Registration of a foreign citizen with e-mail, password and identity document (seed 000),
//! and the e-mail confirmation link.

use std::collections::HashMap;

use axum::extract::{Multipart, Query, State};
use axum::response::Response;
use eforeigner_rules::countries::{self, NameLanguage};

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::{CheckedForm, CsrfForm};
use crate::forms::{MultipartForm, registration_file_key};
use crate::html::{
    EmailForm, checked_email_form, csrf_errors, form_page, keep_values, message, throttled_form,
    values_of,
};
use crate::i18n::Tr;
use crate::redirect::see_other;
use crate::templates::{Action, Field, FormSpec, UploadView};
use eforeigner_domain::accounts::{FormRejected, RegisterError};
use eforeigner_domain::registration::RegistrationInput;
use eforeigner_domain::{DomainError, FieldErrors, HasEbs, IdDocType, Lang, Sex, Upload};

/// The country names' language for a page language.
pub fn name_language(lang: Lang) -> NameLanguage {
    crate::i18n::names::name_language(lang)
}

/// Options of the citizenship select, sorted by name in the page language (Serbia left out:
/// this portal is for foreign citizens).
pub fn country_options(lang: Lang) -> Vec<(String, String)> {
    let nl = name_language(lang);
    countries::sorted_for(nl)
        .into_iter()
        .filter(|c| c.code != "RS")
        .map(|c| (c.code.to_string(), c.name(nl).to_string()))
        .collect()
}

fn options<T: Copy>(
    tr: &Tr,
    all: &[T],
    text: fn(T) -> &'static str,
    prefix: &str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| {
            (
                text(*v).to_string(),
                tr.t(&format!("{prefix}-{}", text(*v))),
            )
        })
        .collect()
}

/// The identity fields (registration and correction share them).
pub fn identity_fields(tr: &Tr, lang: Lang) -> Vec<Field> {
    vec![
        Field::section(tr, "register-section-personal"),
        Field::input(tr, "given_names", "text", "given-name"),
        Field::input(tr, "surname", "text", "family-name"),
        Field::input(tr, "date_of_birth", "date", "bday"),
        Field::choice(
            tr,
            "sex",
            "radios",
            options(tr, Sex::ALL, Sex::as_str, "sex"),
        ),
        Field::choice(tr, "citizenship", "select", country_options(lang)),
        Field::section(tr, "register-section-ebs"),
        Field::choice(
            tr,
            "has_ebs",
            "radios",
            options(tr, HasEbs::ALL, HasEbs::as_str, "has-ebs"),
        ),
        // Not "(optional)": it is needed when the answer above is Yes (its hint says so).
        Field::input(tr, "ebs", "text", "off"),
        Field::section(tr, "register-section-document"),
        Field::choice(
            tr,
            "id_doc_type",
            "radios",
            options(tr, IdDocType::ALL, IdDocType::as_str, "id-doc-type"),
        ),
        Field::input(tr, "id_doc_number", "text", "off"),
        Field::input(tr, "id_doc_expiry", "date", "off"),
        Field::input(tr, "documents", "file", ""),
    ]
}

fn spec(ctx: &Ctx, draft_token: &str, uploads: &[Upload]) -> FormSpec {
    let tr = &ctx.tr;
    let mut fields = identity_fields(tr, ctx.lang);
    fields.extend([
        Field::section(tr, "register-section-account"),
        Field::input(tr, "email", "email", "email"),
        Field::input(tr, "password", "password", "new-password"),
        Field::input(tr, "phone", "tel", "tel").optional(),
        Field::input(tr, "consent", "checkbox", ""),
    ]);
    FormSpec {
        intro: vec![tr.t("register-intro"), tr.t("register-intro-documents")],
        action: "/register".into(),
        multipart: true,
        submit: tr.t("register-submit"),
        fields,
        hidden: vec![("draft_token".into(), draft_token.into())],
        uploads: uploads.iter().map(UploadView::from).collect(),
        links: vec![
            ("/terms".into(), tr.t("register-read-terms")),
            ("/login".into(), tr.t("register-have-account")),
        ],
        ..FormSpec::default()
    }
}

/// Reads the registration fields from a submitted form.
pub fn registration_input(form: &MultipartForm) -> RegistrationInput {
    let g = |k: &str| form.get(k).to_string();
    RegistrationInput {
        given_names: g("given_names"),
        surname: g("surname"),
        date_of_birth: g("date_of_birth"),
        sex: g("sex"),
        citizenship: g("citizenship"),
        email: g("email"),
        password: g("password"),
        phone: g("phone"),
        has_ebs: g("has_ebs"),
        ebs: g("ebs"),
        id_doc_type: g("id_doc_type"),
        id_doc_number: g("id_doc_number"),
        id_doc_expiry: g("id_doc_expiry"),
        consent: g("consent"),
    }
}

/// `GET /register`.
pub async fn form(ctx: Ctx) -> Response {
    form_page(
        &ctx,
        "register-title",
        spec(&ctx, "", &[]),
        HashMap::new(),
        &FieldErrors::default(),
    )
}

/// `POST /register` (multipart). Files that pass are kept under a draft token whatever else
/// is wrong, and listed when the form is shown again.
pub async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: Multipart,
) -> Result<Response, PageError> {
    let mut form = MultipartForm::read_page(
        multipart,
        &ctx,
        "documents",
        state.files.as_ref(),
        &registration_file_key,
    )
    .await?;
    let values = keep_values(&form.fields);
    let draft = form.get("draft_token").to_string();
    let draft = (!draft.is_empty()).then_some(draft);
    let spec_for = |token: &str, uploads: &[Upload]| spec(&ctx, token, uploads);
    if let Some(page) =
        draft_form_interruption(&state, &ctx, &mut form, &draft, "register-title", &spec_for)
            .await?
    {
        return Ok(page);
    }
    let input = registration_input(&form);
    let email = input.email.clone();
    let result = state
        .accounts
        .register(
            &input,
            form.take_files(),
            draft.clone(),
            ctx.lang,
            &ctx.actor(),
        )
        .await;
    state.worker.wake();
    match result {
        Ok(()) => {
            // "Check your e-mail" names the address the link went to.
            let to: String =
                url::form_urlencoded::byte_serialize(email.trim().as_bytes()).collect();
            Ok(see_other(&format!("/register/sent?to={to}")))
        }
        Err(RegisterError::Form(FormRejected {
            errors,
            draft_token,
            uploads,
        })) => Ok(form_page(
            &ctx,
            "register-title",
            spec(&ctx, &draft_token, &uploads),
            values,
            &errors,
        )),
        Err(RegisterError::Domain(e)) => {
            throttled_draft_form(&state, &ctx, &draft, "register-title", &spec_for, values, e).await
        }
    }
}

/// The two ways a form with kept uploads ends before its own logic runs: a stale CSRF token
/// (shown again with everything typed and the kept files), or the "Remove" button of a kept
/// file (removed; the form shown again, new files kept too). `None` when neither applies.
pub async fn draft_form_interruption(
    state: &AppState,
    ctx: &Ctx,
    form: &mut MultipartForm,
    draft: &Option<String>,
    title_key: &str,
    spec_for: &(dyn Fn(&str, &[Upload]) -> FormSpec + Send + Sync),
) -> Result<Option<Response>, PageError> {
    let values = keep_values(&form.fields);
    if !form.fresh {
        // Nothing of a form refused as a whole is kept: its new files go.
        form.discard(state.files.as_ref()).await;
        let uploads = match draft {
            Some(d) => state.accounts.draft_uploads(d).await?,
            None => vec![],
        };
        let token = draft.clone().unwrap_or_default();
        let page = form_page(
            ctx,
            title_key,
            spec_for(&token, &uploads),
            values,
            &csrf_errors(),
        );
        return Ok(Some(page));
    }
    let remove = form.get("remove_upload");
    if remove.is_empty() {
        return Ok(None);
    }
    // "Remove" is a button of the same form, so everything typed comes along and stays.
    let token = draft
        .clone()
        .unwrap_or_else(eforeigner_domain::clock::new_secret);
    state.accounts.remove_draft_upload(&token, remove).await?;
    let (uploads, errors) = state
        .accounts
        .stash_draft_files(&token, form.take_files())
        .await?;
    Ok(Some(form_page(
        ctx,
        title_key,
        spec_for(&token, &uploads),
        values,
        &errors,
    )))
}

/// A registration form the service refused as a whole: `Throttled` (too many forms from
/// this connection) shows it again with the files kept before and how long to wait; any
/// other error is a page.
pub async fn throttled_draft_form(
    state: &AppState,
    ctx: &Ctx,
    draft: &Option<String>,
    title_key: &str,
    spec_for: &(dyn Fn(&str, &[Upload]) -> FormSpec + Send + Sync),
    values: HashMap<String, String>,
    e: DomainError,
) -> Result<Response, PageError> {
    let DomainError::Throttled { retry_after_secs } = e else {
        return Err(e.into());
    };
    let uploads = match draft {
        Some(d) => state.accounts.draft_uploads(d).await?,
        None => vec![],
    };
    let mut errors = FieldErrors::default();
    errors.add_with(
        "form",
        "too_many_requests",
        &[("seconds", retry_after_secs.to_string())],
    );
    let token = draft.clone().unwrap_or_default();
    let mut r = form_page(ctx, title_key, spec_for(&token, &uploads), values, &errors);
    *r.status_mut() = axum::http::StatusCode::TOO_MANY_REQUESTS;
    Ok(r)
}

/// The "check your e-mail" page's query.
#[derive(Debug, Default, serde::Deserialize)]
pub struct SentQuery {
    /// The address the link went to.
    pub to: Option<String>,
}

/// `GET /register/sent`: "check your e-mail".
pub async fn sent(ctx: Ctx, Query(q): Query<SentQuery>) -> Response {
    let mut paragraphs = vec![];
    // The address typed, when the form sent it along: the person sees where to look (and a
    // typing mistake). Only an address that could be one is shown.
    if let Some(to) =
        q.to.as_deref()
            .and_then(|t| eforeigner_rules::email::Email::parse(t).ok())
    {
        paragraphs.push(
            ctx.tr
                .t_args("register-sent-to", &[("email", to.normalized())]),
        );
    }
    paragraphs.extend(
        [
            "register-sent-body",
            "register-sent-spam",
            "register-sent-next",
        ]
        .iter()
        .map(|k| ctx.tr.t(k)),
    );
    crate::templates::render(&crate::templates::MessagePage {
        p: crate::templates::Page::new(&ctx, "register-sent-title"),
        heading: ctx.tr.t("register-sent-title"),
        paragraphs,
        actions: vec![Action::link(
            ctx.tr.t("resend-link"),
            "/confirm-email/resend",
        )],
    })
}

/// The `token` query parameter of e-mail links.
#[derive(Debug, serde::Deserialize)]
pub struct TokenQuery {
    /// The secret from the link.
    #[serde(default)]
    pub token: String,
}

/// `GET /confirm-email?token=…`: a page with a button, so that mail scanners that follow
/// links do not use up the single-use link.
pub async fn confirm_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<TokenQuery>,
) -> Result<Response, PageError> {
    if !state
        .accounts
        .token_is_valid(&q.token, eforeigner_domain::TokenPurpose::ConfirmEmail)
        .await?
    {
        return Ok(link_invalid(&ctx, "/confirm-email/resend"));
    }
    Ok(message(
        &ctx,
        "confirm-title",
        &["confirm-body"],
        vec![Action::post(
            ctx.tr.t("confirm-button"),
            "/confirm-email",
            vec![("token".into(), q.token)],
        )],
    ))
}

/// The page for an unknown, used or expired link.
pub fn link_invalid(ctx: &Ctx, retry: &str) -> Response {
    let mut r = message(
        ctx,
        "link-invalid-title",
        &["link-invalid-body"],
        vec![Action::button_link(ctx.tr.t("link-invalid-retry"), retry)],
    );
    *r.status_mut() = axum::http::StatusCode::GONE;
    r
}

/// `POST /confirm-email`.
pub async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    CsrfForm(f): CsrfForm<TokenQuery>,
) -> Result<Response, PageError> {
    match state.accounts.confirm_email(&f.token, &ctx.actor()).await {
        Ok(_) => Ok(message(
            &ctx,
            "confirmed-title",
            &["confirmed-body", "confirmed-next"],
            vec![Action::button_link(
                ctx.tr.t("nav-sign-in"),
                "/login/password",
            )],
        )),
        Err(eforeigner_domain::DomainError::InvalidToken) => {
            Ok(link_invalid(&ctx, "/confirm-email/resend"))
        }
        Err(e) => Err(e.into()),
    }
}

fn resend_spec(ctx: &Ctx) -> FormSpec {
    FormSpec {
        intro: vec![ctx.tr.t("resend-intro")],
        action: "/confirm-email/resend".into(),
        submit: ctx.tr.t("resend-submit"),
        fields: vec![Field::input(&ctx.tr, "email", "email", "email").without_hint()],
        ..FormSpec::default()
    }
}

/// `GET /confirm-email/resend`.
pub async fn resend_form(ctx: Ctx) -> Response {
    form_page(
        &ctx,
        "resend-title",
        resend_spec(&ctx),
        HashMap::new(),
        &FieldErrors::default(),
    )
}

/// `POST /confirm-email/resend`: the same answer whether or not the address is registered.
pub async fn resend(
    State(state): State<AppState>,
    ctx: Ctx,
    form: CheckedForm<EmailForm>,
) -> Result<Response, PageError> {
    let email = match checked_email_form(&ctx, &form, "resend-title", resend_spec(&ctx)) {
        Ok(email) => email,
        Err(page) => return Ok(*page),
    };
    if let Err(e) = state
        .accounts
        .resend_confirmation(&email, &ctx.actor())
        .await
    {
        return throttled_form(
            &ctx,
            "resend-title",
            resend_spec(&ctx),
            values_of(form.fields()),
            e,
        );
    }
    state.worker.wake();
    Ok(message(
        &ctx,
        "resend-done-title",
        &["resend-done-body"],
        vec![],
    ))
}
