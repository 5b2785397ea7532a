//! Public self-help pages about temporary residence (no login): "Can I apply online?",
//! the catalogue of bases with their documents, the absence calculator, and the fees with a
//! payment-slip generator (IPS QR code, PDF download). They are GET forms: answering a
//! question changes nothing, so the answer has its own address and can be bookmarked.
//! Every decision comes from the rules crate through the same functions as the API.

use std::collections::HashMap;

use askama::Template;
use axum::extract::Query;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use eforeigner_rules::residence::{self, ApplicationKind, RuleParams};

use super::register::country_options;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::Fields;
use crate::forms::FormView;
use crate::templates::{
    AbsencesPage, CheckPage, FeesPage, Field, Page, ResidenceIndexPage, SlipView, TripRow, render,
};
use crate::views::residence::{
    AbsencesInput, CheckInput, DocumentView, GroundView, IpsQrInput, TripInput, absences_view,
    build_ips_qr, check_view, fees_view, ground_view, parse_absences, parse_check,
};
use eforeigner_domain::{FieldErrors, Lang};

type Params = Query<Fields>;

fn today(ctx: &Ctx) -> String {
    ctx.today().to_string()
}

fn basis_options(ctx: &Ctx) -> Vec<(String, String)> {
    residence::catalogue()
        .grounds()
        .map(|g| {
            (
                g.code().to_string(),
                crate::receipt::ground_name(g.code(), ctx.lang),
            )
        })
        .collect()
}

/// The bases of the catalogue (not their closer reasons), for "which basis was your visa D
/// issued for".
pub fn visa_basis_options(ctx: &Ctx) -> Vec<(String, String)> {
    let nl = crate::i18n::names::name_language(ctx.lang);
    residence::catalogue()
        .bases
        .iter()
        .map(|b| (b.code.to_string(), b.names.get(nl).to_string()))
        .collect()
}

fn yes_no(ctx: &Ctx) -> Vec<(String, String)> {
    vec![
        ("yes".into(), ctx.tr.t("answer-yes")),
        ("no".into(), ctx.tr.t("answer-no")),
    ]
}

/// `GET /residence`.
pub async fn index(ctx: Ctx) -> Response {
    render(&ResidenceIndexPage {
        p: Page::new(&ctx, "residence-index-title"),
    })
}

/// Documents that come from the same source, in the order first met.
#[derive(Clone, Debug)]
pub struct DocGroup {
    /// Where they come from, in the reader's language.
    pub source: String,
    /// Each document: name, condition code (`always`, `married_spouses`, …).
    pub items: Vec<(String, String)>,
}

/// The catalogue of bases.
#[derive(Template)]
#[template(path = "public/residence/bases.html")]
pub struct BasesPage {
    /// Layout.
    pub p: Page,
    /// Every ground, in the official order, with its documents grouped by source.
    pub grounds: Vec<GroundSection>,
}

/// A ground of the catalogue page with its documents grouped by source.
pub struct GroundSection {
    /// The ground.
    pub g: GroundView,
    /// Documents for a first request.
    pub first: Vec<DocGroup>,
    /// Documents for an extension.
    pub extension: Vec<DocGroup>,
}

/// `docs` grouped by source, groups in the order first met.
fn doc_groups(docs: &[DocumentView]) -> Vec<DocGroup> {
    let mut groups: Vec<DocGroup> = vec![];
    for d in docs {
        let item = (d.name.clone(), d.condition.clone());
        match groups.iter_mut().find(|g| g.source == d.source) {
            Some(g) => g.items.push(item),
            None => groups.push(DocGroup {
                source: d.source.clone(),
                items: vec![item],
            }),
        }
    }
    groups
}

/// `GET /residence/bases`: every basis and closer reason with its permit, channels, longest
/// validity and documents (for a first request and for an extension, each with its source).
pub async fn bases(ctx: Ctx) -> Response {
    let grounds: Vec<GroundSection> = residence::catalogue()
        .grounds()
        .map(|g| {
            let g = ground_view(&ctx.tr, &g);
            GroundSection {
                first: doc_groups(&g.documents),
                extension: doc_groups(&g.extension_documents),
                g,
            }
        })
        .collect();
    render(&BasesPage {
        p: Page::new(&ctx, "residence-bases-title"),
        grounds,
    })
}

/// The questions of "Can I apply online?", one short page each (GOV.UK "one thing per
/// page", grouped where the answers belong together).
const STEPS: [&[&str]; 4] = [
    &["kind", "channel"],
    &["basis"],
    &[
        "date_of_birth",
        "citizenship",
        "has_d_visa",
        "d_visa_basis",
        "applying_from_abroad",
    ],
    &[
        "submission_date",
        "passport_valid_until",
        "current_permit_valid_until",
        "basis_valid_until",
        "requested_until",
    ],
];

/// Every question's field name, in question order.
fn all_fields() -> impl Iterator<Item = &'static str> {
    STEPS.iter().flat_map(|step| step.iter().copied())
}

fn check_field(ctx: &Ctx, name: &'static str) -> Field {
    let tr = &ctx.tr;
    match name {
        "kind" => Field::choice(
            tr,
            "kind",
            "radios",
            vec![
                ("first".into(), tr.t("check-kind-first")),
                ("extension".into(), tr.t("check-kind-extension")),
            ],
        ),
        "channel" => Field::choice(
            tr,
            "channel",
            "radios",
            vec![
                ("online".into(), tr.t("check-channel-online")),
                ("in_person".into(), tr.t("check-channel-in-person")),
            ],
        ),
        "basis" => Field::choice(tr, "basis", "select", basis_options(ctx)),
        "date_of_birth" => Field::input(tr, "date_of_birth", "date", "bday"),
        "citizenship" => Field::choice(tr, "citizenship", "select", country_options(ctx.lang)),
        "has_d_visa" | "applying_from_abroad" => {
            Field::choice(tr, name, "radios", yes_no(ctx)).optional()
        }
        "d_visa_basis" => {
            Field::choice(tr, "d_visa_basis", "select", visa_basis_options(ctx)).optional()
        }
        "submission_date" | "passport_valid_until" => Field::input(tr, name, "date", "off"),
        _ => Field::input(tr, name, "date", "off").optional(),
    }
}

fn flag(q: &HashMap<String, String>, k: &str) -> Option<bool> {
    match q.get(k).map(String::as_str) {
        Some("yes") => Some(true),
        Some("no") => Some(false),
        _ => None,
    }
}

fn check_input(q: &HashMap<String, String>) -> CheckInput {
    let get = |k: &str| q.get(k).cloned().unwrap_or_default();
    let opt = |k: &str| q.get(k).cloned().filter(|v| !v.trim().is_empty());
    CheckInput {
        kind: get("kind"),
        basis: get("basis"),
        date_of_birth: get("date_of_birth"),
        citizenship: get("citizenship"),
        channel: get("channel"),
        submission_date: get("submission_date"),
        passport_valid_until: get("passport_valid_until"),
        requested_until: opt("requested_until"),
        basis_valid_until: opt("basis_valid_until"),
        current_permit_valid_until: opt("current_permit_valid_until"),
        has_d_visa: flag(q, "has_d_visa"),
        d_visa_basis: opt("d_visa_basis"),
        applying_from_abroad: flag(q, "applying_from_abroad"),
    }
}

/// A link that asks question `ask` (1-based) again, carrying every answer given so far.
fn answers_query(q: &HashMap<String, String>, ask: usize) -> String {
    let mut pairs: Vec<(&str, &str)> = all_fields()
        .filter_map(|f| q.get(f).map(|v| (f, v.as_str())))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let ask = ask.to_string();
    pairs.push(("ask", ask.as_str()));
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

/// `GET /residence/eligibility`: one short step of questions at a time (`step=1..4`; the
/// answers so far travel as hidden fields), then the plain answer, why, and the documents
/// to prepare. A link with every answer (no `step`) shows the answer at once.
pub async fn eligibility(ctx: Ctx, Query(Fields(q)): Params) -> Response {
    let mut values = q.clone();
    values
        .entry("submission_date".into())
        .or_insert_with(|| today(&ctx));
    values
        .entry("kind".into())
        .or_insert_with(|| "first".into());
    values
        .entry("channel".into())
        .or_insert_with(|| "online".into());
    let input = check_input(&values);
    let parsed = parse_check(&input);
    let all_errors = parsed.as_ref().err().cloned().unwrap_or_default();
    // Which step was submitted (0 = none yet, or a complete link without steps).
    let submitted: usize = q
        .get("step")
        .and_then(|s| s.parse().ok())
        .filter(|s| (1..=STEPS.len()).contains(s))
        .unwrap_or(0);
    let complete_link = submitted == 0 && q.contains_key("basis") && !q.contains_key("ask");
    let step_errors = |step: usize| {
        let fields = STEPS[step - 1];
        FieldErrors(
            all_errors
                .0
                .iter()
                .filter(|e| fields.contains(&e.field.as_str()))
                .cloned()
                .collect(),
        )
    };
    // Show the submitted step again if it has problems; otherwise the next one, or the answer.
    let asked_step: Option<usize> = q
        .get("ask")
        .and_then(|s| s.parse().ok())
        .filter(|s| (1..=STEPS.len()).contains(s));
    let (show_step, errors) = if let Some(ask) = asked_step {
        (Some(ask), FieldErrors::default())
    } else if complete_link {
        match &parsed {
            Ok(_) => (None, FieldErrors::default()),
            Err(e) => {
                let first = (1..=STEPS.len())
                    .find(|s| !step_errors(*s).is_empty())
                    .unwrap_or(1);
                let _ = e;
                (Some(first), step_errors(first))
            }
        }
    } else if submitted == 0 {
        (Some(1), FieldErrors::default())
    } else if !step_errors(submitted).is_empty() {
        (Some(submitted), step_errors(submitted))
    } else if q.contains_key("return") && parsed.is_ok() {
        // Came from a "Change" link and everything is answered: back to the answer.
        (None, FieldErrors::default())
    } else if submitted < STEPS.len() {
        (Some(submitted + 1), FieldErrors::default())
    } else {
        match &parsed {
            Ok(_) => (None, FieldErrors::default()),
            Err(_) => {
                let first = (1..=STEPS.len())
                    .find(|s| !step_errors(*s).is_empty())
                    .unwrap_or(1);
                (Some(first), step_errors(first))
            }
        }
    };
    let (mut answer, mut summary, mut documents, mut answers) = (None, None, vec![], vec![]);
    let (mut blockers, mut good_to_know) = (vec![], vec![]);
    if let (None, Ok(request)) = (show_step, &parsed) {
        let a = residence::check(request, &RuleParams::official());
        if let Some(g) = residence::find_ground(&request.basis) {
            documents = residence::documents_for(
                residence::catalogue(),
                &g,
                request.kind,
                request.applying_from_abroad,
            )
            .into_iter()
            .map(|d| {
                d.names
                    .get(crate::i18n::names::name_language(ctx.lang))
                    .to_string()
            })
            .collect();
        }
        let view = check_view(&ctx.tr, &a);
        let key = if !view.allowed {
            "check-answer-no"
        } else if view.channels.iter().any(|c| c == "online") {
            "check-answer-yes-online"
        } else {
            "check-answer-yes-in-person"
        };
        summary = Some(ctx.tr.t(key));
        (blockers, good_to_know) = view
            .reasons
            .iter()
            .cloned()
            .partition(|r| r.severity == residence::Severity::Blocking.code());
        answer = Some(view);
        // "Check your answers": each answer with a link back to its step.
        for (i, fields) in STEPS.iter().enumerate() {
            for name in *fields {
                let Some(value) = values.get(*name).filter(|v| !v.is_empty()) else {
                    continue;
                };
                let field = check_field(&ctx, name);
                let shown = field
                    .options
                    .iter()
                    .find(|(v, _)| v == value)
                    .map(|(_, t)| t.clone())
                    .unwrap_or_else(|| value.clone());
                let label = FormView::empty(&ctx.tr).label(name);
                answers.push((
                    label,
                    shown,
                    format!(
                        "/residence/eligibility?{}&return=1",
                        answers_query(&values, i + 1)
                    ),
                ));
            }
        }
    }
    let step = show_step.unwrap_or(0);
    let fields: Vec<Field> = match show_step {
        Some(s) => STEPS[s - 1].iter().map(|n| check_field(&ctx, n)).collect(),
        None => vec![],
    };
    let mut hidden: Vec<(String, String)> = match show_step {
        Some(s) => all_fields()
            .filter(|f| !STEPS[s - 1].contains(f))
            .filter_map(|f| {
                values
                    .get(f)
                    .filter(|v| !v.is_empty())
                    .map(|v| (f.to_string(), v.clone()))
            })
            .collect(),
        None => vec![],
    };
    if show_step.is_some() && q.contains_key("return") {
        hidden.push(("return".into(), "1".into()));
    }
    let back = match show_step {
        Some(s) if s > 1 => Some(format!(
            "/residence/eligibility?{}",
            answers_query(&values, s - 1)
        )),
        _ => None,
    };
    let mut page = Page::new(&ctx, "residence-check-title");
    if step > 0 {
        // Each question has its own title, so screen-reader users and tabs tell them apart.
        page.title = format!(
            "{} ({})",
            page.title,
            ctx.tr.t_args(
                "check-step",
                &[("n", step.to_string()), ("count", STEPS.len().to_string())]
            )
        );
    }
    // The error summary in the order of the questions on the page.
    let f = FormView::with(&ctx.tr, values, &errors).ordered(fields.iter().map(|f| f.name));
    let mut r = render(&CheckPage {
        p: page,
        step,
        steps: STEPS.len(),
        fields,
        hidden,
        back,
        f,
        answer,
        summary,
        blockers,
        good_to_know,
        documents,
        answers,
    });
    if !errors.is_empty() {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    r
}

/// The number of trip rows to show: what was sent, plus one when "add a trip" was pressed,
/// at least three.
fn trip_rows(q: &HashMap<String, String>) -> usize {
    let sent = (0..200)
        .take_while(|i| q.contains_key(&format!("departed_{i}")))
        .count();
    let add = usize::from(q.contains_key("add_trip"));
    (sent + add).max(3)
}

/// `GET /residence/absences`: trips abroad in, the count and the verdict out.
pub async fn absences(ctx: Ctx, Query(Fields(q)): Params) -> Response {
    let rows = trip_rows(&q);
    let mut values = q.clone();
    values
        .entry("application_date".into())
        .or_insert_with(|| today(&ctx));
    let asked = q.contains_key("application_date") && !q.contains_key("add_trip");
    let (mut errors, mut answer) = (FieldErrors::default(), None);
    if asked {
        // Empty rows are skipped; `rows_used[k]` is the form row of the k-th trip sent to
        // the rules, so that errors and "Trip N" point at the row the user filled in.
        let mut rows_used = vec![];
        let mut trips = vec![];
        for i in 0..rows {
            let d = q.get(&format!("departed_{i}")).cloned().unwrap_or_default();
            let r = q.get(&format!("returned_{i}")).cloned().unwrap_or_default();
            if !(d.trim().is_empty() && r.trim().is_empty()) {
                rows_used.push(i);
                trips.push(TripInput {
                    departed: d,
                    returned: r,
                });
            }
        }
        let row_of = |k: usize| rows_used.get(k).copied().unwrap_or(k);
        let input = AbsencesInput {
            application_date: q.get("application_date").cloned().unwrap_or_default(),
            trips,
        };
        match parse_absences(&input) {
            Ok(question) => {
                answer = Some(absences_view(
                    &ctx.tr,
                    &residence::check_absences(&question),
                ));
            }
            Err(e) => {
                // `trips[k].x` of the API is `x_<row>` in this form, and "Trip N" is the row
                // the user filled in.
                for fe in e.0 {
                    let (field, row) = match fe
                        .field
                        .strip_prefix("trips[")
                        .and_then(|rest| rest.split_once("]."))
                        .and_then(|(k, name)| k.parse::<usize>().ok().map(|k| (name, row_of(k))))
                    {
                        Some((name, row)) => (format!("{name}_{row}"), Some(row)),
                        None => (fe.field.clone(), None),
                    };
                    let args: Vec<(&str, String)> = fe
                        .args
                        .iter()
                        .map(|(k, v)| match (k.as_str(), row) {
                            ("trip", Some(row)) => (k.as_str(), (row + 1).to_string()),
                            _ => (k.as_str(), v.clone()),
                        })
                        .collect();
                    errors.add_with(&field, &fe.code, &args);
                }
            }
        }
    }
    let f = FormView::with(&ctx.tr, values, &errors);
    let trip_rows = (0..rows)
        .map(|i| TripRow {
            index: i,
            number: i + 1,
            departed: f.v(&format!("departed_{i}")).to_string(),
            returned: f.v(&format!("returned_{i}")).to_string(),
            departed_error: f.err(&format!("departed_{i}")),
            returned_error: f.err(&format!("returned_{i}")),
        })
        .collect();
    let mut r = render(&AbsencesPage {
        p: Page::new(&ctx, "residence-absences-title"),
        application_field: Field::input(&ctx.tr, "application_date", "date", "off"),
        f,
        trips: trip_rows,
        answer,
    });
    if !errors.is_empty() {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    r
}

fn fee_fields(ctx: &Ctx) -> Vec<Field> {
    let tr = &ctx.tr;
    let kinds = vec![
        ("first".into(), tr.t("check-kind-first")),
        ("extension".into(), tr.t("check-kind-extension")),
    ];
    vec![
        Field::choice(tr, "kind", "radios", kinds),
        Field::choice(tr, "basis", "select", basis_options(ctx)),
        Field::choice(
            tr,
            "municipality",
            "select",
            crate::html::municipality_options(ctx.lang),
        ),
        Field::input(tr, "payer", "text", "name").optional(),
    ]
}

/// What the fee form asked for, checked.
struct FeeRequest {
    kind: ApplicationKind,
    basis: String,
    municipality: String,
    payer: String,
}

fn fee_request(q: &HashMap<String, String>) -> Result<FeeRequest, FieldErrors> {
    let mut errors = FieldErrors::default();
    let kind = match q.get("kind").map(String::as_str).unwrap_or("first") {
        "extension" => ApplicationKind::Extension,
        "first" => ApplicationKind::First,
        _ => {
            errors.add("kind", "choose_one");
            ApplicationKind::First
        }
    };
    let basis = q.get("basis").cloned().unwrap_or_default();
    if residence::find_ground(&basis).is_none() {
        errors.add("basis", "choose_one");
    }
    let municipality = q
        .get("municipality")
        .map(|m| m.trim().to_string())
        .unwrap_or_default();
    if eforeigner_rules::municipalities::find_municipality(&municipality).is_none() {
        errors.add("municipality", "choose_one");
    }
    let payer = q
        .get("payer")
        .map(|p| p.trim().to_string())
        .unwrap_or_default();
    if payer.chars().count() > 70 {
        errors.add_with("payer", "too_long", &[("max", "70".into())]);
    }
    if errors.is_empty() {
        Ok(FeeRequest {
            kind,
            basis,
            municipality,
            payer,
        })
    } else {
        Err(errors)
    }
}

/// The slip of the fee due with the request (the residence fee and the application fee,
/// both to the same payee), and its IPS QR text.
fn slip(ctx: &Ctx, req: &FeeRequest) -> Option<SlipView> {
    let schedule = residence::fees_for(req.kind, &req.basis, ctx.today());
    let payee = schedule
        .items
        .iter()
        .find(|i| i.stage == residence::FeeStage::Submission)
        .and_then(|i| i.payee.as_ref())?;
    let reference = payee.reference(&req.municipality).ok()?;
    slip_for(
        ctx,
        req.kind,
        &req.basis,
        &reference,
        &req.payer,
        ctx.today(),
    )
}

/// The slip of the fees due with a request under `reference` (model 97), with the IPS QR
/// code: used by the public fee page (municipality reference) and by an application (its
/// own reference).
pub fn slip_for(
    ctx: &Ctx,
    kind: ApplicationKind,
    basis: &str,
    reference: &eforeigner_rules::Reference97,
    payer: &str,
    today: jiff::civil::Date,
) -> Option<SlipView> {
    let schedule = residence::fees_for(kind, basis, today);
    let view = fees_view(&ctx.tr, ctx.lang, &schedule, None);
    let first = view
        .items
        .iter()
        .find(|i| i.stage == "submission" && i.payee.is_some())?;
    let payee = first.payee.as_ref()?;
    // The model is its own box on the slip: the reference is printed without it.
    let reference = reference.to_string();
    let purpose = ctx.tr.t("slip-purpose-residence");
    let input = IpsQrInput {
        payee_account: payee.account.clone(),
        payee_name: payee.name.clone(),
        amount: view.total_at_submission.clone(),
        currency: None,
        payer: (!payer.is_empty()).then(|| payer.to_string()),
        payment_code: payee.payment_code.clone(),
        purpose: Some(purpose.clone()),
        model: Some(payee.model.clone()),
        reference: Some(reference.clone()),
    };
    let qr = build_ips_qr(&input).ok()?;
    let text = qr.to_qr_text();
    let svg = eforeigner_documents::qr_svg(&text).ok()?;
    use base64::Engine;
    // A Serbian Cyrillic page shows the payee (registered in Latin) in Cyrillic too: one
    // script on the page and the printed slip. The QR code keeps the registered name.
    let payee_name = match ctx.lang {
        Lang::SrCyrl => eforeigner_rules::text::latin_to_cyrillic(&payee.name),
        _ => payee.name.clone(),
    };
    Some(SlipView {
        payer: payer.to_string(),
        purpose,
        payee: payee_name,
        payment_code: payee.payment_code.clone(),
        amount: view.total_at_submission.clone(),
        account: payee.account.clone(),
        model: payee.model.clone(),
        reference,
        qr_text: text,
        qr_data_uri: format!(
            "data:image/svg+xml;base64,{}",
            base64::engine::general_purpose::STANDARD.encode(svg)
        ),
    })
}

/// `22230.00` as printed on the Serbian bank form (`22.230,00`, the currency in its own
/// box), whatever the page's language: the slip is the bank's form.
fn printed_amount(plain: &str) -> String {
    let (whole, frac) = plain.split_once('.').unwrap_or((plain, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{grouped},{frac}")
}

/// `GET /residence/fees`: the fees of a request and the payment slip with its QR code.
pub async fn fees(ctx: Ctx, Query(Fields(q)): Params) -> Response {
    let mut values = q.clone();
    values
        .entry("kind".into())
        .or_insert_with(|| "first".into());
    let asked = q.contains_key("basis");
    let (mut errors, mut fees, mut slip_view, mut query) =
        (FieldErrors::default(), None, None, String::new());
    if asked {
        match fee_request(&q) {
            Ok(req) => {
                let today = ctx.today();
                fees = Some(fees_view(
                    &ctx.tr,
                    ctx.lang,
                    &residence::fees_for(req.kind, &req.basis, today),
                    Some(&req.municipality),
                ));
                slip_view = slip(&ctx, &req);
                query = serde_urlencoded::to_string([
                    ("kind", req.kind.code()),
                    ("basis", req.basis.as_str()),
                    ("municipality", req.municipality.as_str()),
                    ("payer", req.payer.as_str()),
                    ("lang", ctx.lang.tag()),
                ])
                .unwrap_or_default();
            }
            Err(e) => errors = e,
        }
    }
    let fields = fee_fields(&ctx);
    let f = FormView::with(&ctx.tr, values, &errors).ordered(fields.iter().map(|f| f.name));
    let mut r = render(&FeesPage {
        p: Page::new(&ctx, "residence-fees-title"),
        fields,
        f,
        fees,
        slip: slip_view,
        pdf_query: query,
    });
    if !errors.is_empty() {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    r
}

/// `GET /residence/fees/slip.pdf`: the same slip as a PDF (fonts embedded: Cyrillic and
/// Latin diacritics render).
pub async fn slip_pdf(ctx: Ctx, Query(Fields(q)): Params) -> Result<Response, PageError> {
    let req = fee_request(&q).map_err(|_| PageError::BadRequest)?;
    let s = slip(&ctx, &req).ok_or(PageError::BadRequest)?;
    slip_pdf_response(&ctx, s)
}

/// The slip as a PDF download (fonts embedded: Cyrillic and Latin diacritics render).
pub fn slip_pdf_response(ctx: &Ctx, s: SlipView) -> Result<Response, PageError> {
    let tr = &ctx.tr;
    let data = eforeigner_documents::SlipData {
        payer: s.payer,
        purpose: s.purpose,
        payee: s.payee,
        payment_code: s.payment_code,
        currency: "RSD".into(),
        amount: printed_amount(&s.amount),
        payee_account: s.account,
        model: s.model,
        reference: s.reference,
        qr_text: s.qr_text,
        title: tr.t("slip-title"),
        labels: eforeigner_documents::SlipLabels {
            payer: tr.t("slip-payer"),
            purpose: tr.t("slip-purpose"),
            payee: tr.t("slip-payee"),
            payment_code: tr.t("slip-payment-code"),
            currency: tr.t("slip-currency"),
            amount: tr.t("slip-amount"),
            payee_account: tr.t("slip-account"),
            model_and_reference: tr.t("slip-model-reference"),
            scan_to_pay: tr.t("slip-scan"),
        },
    };
    let pdf = eforeigner_documents::payment_slip_pdf(&data).map_err(|e| {
        tracing::error!(error = %e, "slip PDF");
        PageError::Internal
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"payment-slip.pdf\"",
            ),
        ],
        pdf,
    )
        .into_response())
}
