//! The words of a case's letters (a request for an update, a decision) in a language: one
//! view for the applicant's case page, the officer's case page and the PDF in the
//! e-Mailbox, so that all three say the same.

use eforeigner_domain::applications::steps::{self, StepId, StepInput};
use eforeigner_domain::applications::{Application, CaseLetter, LetterKind};
use eforeigner_domain::{Account, Upload};
use eforeigner_rules::residence;

use crate::i18n::Tr;
use crate::i18n::dates::{date_text, when};
use crate::i18n::names::name_language;

/// A letter as it is read.
#[derive(Clone, Debug, Default)]
pub struct LetterView {
    /// Its kind's code (`update-request`, `approval`, `rejection`).
    pub kind: &'static str,
    /// Its title.
    pub title: String,
    /// When it was written.
    pub at: String,
    /// A decision's number.
    pub number: String,
    /// Its parts: a heading and its text.
    pub sections: Vec<(String, String)>,
    /// The heading of its list (what may change, the grounds).
    pub list_heading: String,
    /// The list.
    pub list: Vec<String>,
}

/// The name of the document item `code` of the case, in the reader's language.
pub fn item_name(tr: &Tr, input: &StepInput<'_>, code: &str) -> String {
    steps::document_items(input)
        .into_iter()
        .find(|i| i.code == code)
        .map(|i| {
            i.names
                .map(|n| n.get(name_language(tr.lang)).to_string())
                .unwrap_or_else(|| tr.t("doc-other-documents"))
        })
        .unwrap_or_else(|| code.to_string())
}

/// The text of the rejection ground `code` (seed 004), in the reader's language.
pub fn ground_text(tr: &Tr, code: &str) -> String {
    residence::catalogue()
        .rejection_grounds
        .iter()
        .find(|g| g.code == code)
        .map(|g| g.names.get(name_language(tr.lang)).to_string())
        .unwrap_or_else(|| code.to_string())
}

/// The title of a step, numbered ("3. Reasons for residence").
pub fn step_title(tr: &Tr, step: StepId) -> String {
    format!(
        "{}. {}",
        step.number(),
        tr.t(&format!("step-{}-title", step.as_str()))
    )
}

/// `letter` of `app` (whose applicant is `account`, with `uploads`) in `tr`'s language;
/// `today` for the days left to an update's deadline.
pub fn letter_view(
    tr: &Tr,
    account: &Account,
    app: &Application,
    uploads: &[Upload],
    letter: &CaseLetter,
    today: jiff::civil::Date,
) -> LetterView {
    let lang = tr.lang;
    let body = &letter.body;
    let input = StepInput::of(account, app, uploads, today);
    let mut view = LetterView {
        kind: letter.kind.as_str(),
        title: tr.t(&format!("letter-title-{}", letter.kind.as_str())),
        at: when(letter.created_at, lang),
        number: letter
            .number
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        ..LetterView::default()
    };
    match letter.kind {
        LetterKind::UpdateRequest => {
            view.sections
                .push((tr.t("letter-message"), body.message.clone()));
            if let Some(deadline) = body.deadline {
                view.sections.push((
                    tr.t("letter-deadline"),
                    tr.t_args(
                        "letter-deadline-text",
                        &[("date", date_text(lang, deadline))],
                    ),
                ));
            }
            view.sections
                .push((tr.t("letter-how-heading"), tr.t("letter-how-text")));
            view.list_heading = tr.t("letter-scope");
            if let Some(scope) = &body.scope {
                view.list
                    .extend(scope.steps.iter().map(|s| step_title(tr, *s)));
                view.list.extend(
                    scope
                        .items
                        .iter()
                        .map(|i| format!("{}: {}", tr.t("letter-item"), item_name(tr, &input, i))),
                );
            }
        }
        LetterKind::Approval => {
            if let Some(permit) = &body.permit {
                view.sections.push((
                    tr.t("letter-permit"),
                    tr.t(&format!("letter-permit-{}", permit.replace('_', "-"))),
                ));
            }
            if let (Some(from), Some(until)) = (body.valid_from, body.valid_until) {
                view.sections.push((
                    tr.t("letter-period"),
                    tr.t_args(
                        "receipt-period-from-to",
                        &[
                            ("from", date_text(lang, from)),
                            ("until", date_text(lang, until)),
                        ],
                    ),
                ));
            }
            let fee = body.biometrics_fee_para.unwrap_or(0).unsigned_abs();
            view.sections.push((
                tr.t("letter-biometrics"),
                tr.t_args(
                    "letter-biometrics-text",
                    &[("amount", crate::i18n::money::rsd(lang, fee))],
                ),
            ));
            // Seed 002: both parents attend a child's biometrics appointment.
            if is_minor(app, today) {
                view.sections
                    .push((tr.t("letter-minor"), tr.t("letter-minor-text")));
            }
        }
        LetterKind::Certificate => {
            view.sections.push((
                tr.t("letter-ebs"),
                body.ebs.clone().unwrap_or_else(|| "—".to_string()),
            ));
            view.sections
                .push((tr.t("letter-certificate"), tr.t("letter-certificate-text")));
        }
        LetterKind::CardReady => {
            view.sections
                .push((tr.t("letter-card-ready"), tr.t("letter-card-ready-text")));
        }
        LetterKind::Rejection => {
            view.list_heading = tr.t("letter-grounds");
            view.list = body.grounds.iter().map(|g| ground_text(tr, g)).collect();
            view.sections
                .push((tr.t("letter-reasoning"), body.message.clone()));
            view.sections
                .push((tr.t("letter-remedy"), tr.t("letter-remedy-text")));
        }
    }
    view
}

/// Whether the applicant of `app` is a minor on `today` (the rules' threshold).
pub fn is_minor(app: &Application, today: jiff::civil::Date) -> bool {
    app.answers
        .get(StepId::Personal, "date_of_birth")
        .parse::<jiff::civil::Date>()
        .is_ok_and(|born| residence::is_minor(born, today, &residence::RuleParams::official()))
}
