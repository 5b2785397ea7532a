//! The words of official documents in a language: the "Confirmation of request receipt" as
//! the domain's document port asks for it ([`Documents`]), and the names of countries and
//! grounds in a language. The drawing is [`eforeigner_documents::receipt_pdf`]'s.

use crate::i18n::names::name_language;
use eforeigner_rules::countries::{self};
use eforeigner_rules::residence;

use std::sync::Arc;

use eforeigner_domain::applications::steps::{self, StepId, StepInput};
use eforeigner_domain::applications::{Application, CaseLetter};
use eforeigner_domain::ports::documents::DocumentRenderer;
use eforeigner_domain::{Account, Lang, Upload};

use crate::i18n::I18n;

/// The domain's document port: documents in their addressee's language.
pub struct Documents {
    /// Translations.
    pub i18n: Arc<I18n>,
    /// The portal's address (the verification links printed on documents).
    pub public_url: String,
}

impl DocumentRenderer for Documents {
    fn receipt_pdf(
        &self,
        account: &Account,
        app: &Application,
        uploads: &[Upload],
    ) -> anyhow::Result<Vec<u8>> {
        render(&self.i18n, account, app, uploads, &self.public_url)
    }

    fn letter_pdf(
        &self,
        account: &Account,
        app: &Application,
        letter: &CaseLetter,
    ) -> anyhow::Result<Vec<u8>> {
        let lang = account.language;
        let tr = crate::i18n::Tr::new(self.i18n.clone(), lang);
        // The letter's words are those of the case pages; the rest of the page is the
        // receipt's (who, which request, the check of genuineness).
        let mut data = receipt_data(&self.i18n, account, app, &[], &self.public_url);
        let today = eforeigner_domain::clock::serbian_date(letter.created_at);
        let view = crate::views::letters::letter_view(&tr, account, app, &[], letter, today);
        data.labels.title = view.title;
        data.labels.submitted_at = tr.t("letter-date");
        data.submitted_at = view.at;
        data.labels.note = tr.t("letter-note");
        if !view.number.is_empty() {
            data.sections.push((tr.t("letter-number"), view.number));
        }
        data.sections.extend(view.sections);
        data.labels.documents = view.list_heading;
        data.documents = view.list;
        Ok(eforeigner_documents::receipt_pdf(&data)?)
    }
}

/// The ground's name as "basis – closer reason" in `lang`.
pub fn ground_name(code: &str, lang: Lang) -> String {
    let Some(g) = residence::find_ground(code) else {
        return code.to_string();
    };
    let nl = name_language(lang);
    let basis = g.basis().names.get(nl);
    match g.closer_reason() {
        Some(c) => format!("{basis} – {}", c.names.get(nl)),
        None => basis.to_string(),
    }
}

/// Renders the PDF of `app` for its applicant.
fn render(
    i18n: &I18n,
    account: &Account,
    app: &Application,
    uploads: &[Upload],
    public_url: &str,
) -> anyhow::Result<Vec<u8>> {
    let data = receipt_data(i18n, account, app, uploads, public_url);
    Ok(eforeigner_documents::receipt_pdf(&data)?)
}

/// What the confirmation of receipt of `app` prints, in its applicant's language.
fn receipt_data(
    i18n: &I18n,
    account: &Account,
    app: &Application,
    uploads: &[Upload],
    public_url: &str,
) -> eforeigner_documents::ReceiptData {
    let lang = account.language;
    let t = |k: &str| i18n.t(lang, k);
    let a = &app.answers;
    let when = app
        .received_at
        .map(|t| crate::i18n::dates::when(t, lang))
        .unwrap_or_default();
    let citizenship = countries::find(a.get(StepId::Check, "citizenship"))
        .map(|c| c.name(name_language(lang)).to_string())
        .unwrap_or_default();
    // The rules at the date the request was received: the period it asks for, from its
    // first day to its last (the longest the rules allow when no end was asked).
    let received = app
        .received_at
        .or(app.submitted_at)
        .map(eforeigner_domain::clock::serbian_date);
    let input = received.map(|today| StepInput {
        account,
        kind: app.kind,
        answers: a,
        uploads,
        today,
    });
    let asked = a
        .get(StepId::Reasons, "requested_until")
        .parse::<jiff::civil::Date>()
        .ok();
    let period = match input.as_ref().and_then(steps::longest_period) {
        Some((from, longest)) => i18n.t_args(
            lang,
            "receipt-period-from-to",
            &[
                ("from", crate::i18n::dates::date_text(lang, from)),
                (
                    "until",
                    crate::i18n::dates::date_text(lang, asked.unwrap_or(longest)),
                ),
            ],
        ),
        None => t("receipt-period-longest"),
    };
    // The documents by checklist item: "Photograph: photo.png".
    let nl = name_language(lang);
    let documents = match &input {
        Some(input) => steps::document_items(input)
            .into_iter()
            .filter_map(|item| {
                let files: Vec<&str> = uploads
                    .iter()
                    .filter(|u| u.purpose == item.code)
                    .map(|u| u.file_name.as_str())
                    .collect();
                let name = item
                    .names
                    .map(|n| n.get(nl).to_string())
                    .unwrap_or_else(|| t("doc-other-documents"));
                (!files.is_empty()).then(|| format!("{name}: {}", files.join(", ")))
            })
            .collect(),
        None => uploads.iter().map(|u| u.file_name.clone()).collect(),
    };
    let code = app.verify_code.clone().unwrap_or_default();
    eforeigner_documents::ReceiptData {
        labels: eforeigner_documents::ReceiptLabels {
            issuer: t("receipt-issuer"),
            title: t("receipt-title"),
            reference: t("receipt-reference"),
            submitted_at: t("receipt-received"),
            applicant: t("receipt-applicant"),
            date_of_birth: t("field-date-of-birth"),
            citizenship: t("field-citizenship"),
            passport: t("receipt-passport"),
            kind: t("receipt-kind"),
            basis: t("receipt-basis"),
            period: t("receipt-period"),
            documents: t("receipt-documents"),
            verify: t("receipt-verify"),
            code: t("receipt-code"),
            note: t("receipt-note"),
            page: t("receipt-page"),
            language: lang.tag().to_string(),
        },
        reference: app.case_reference.clone().unwrap_or_default(),
        submitted_at: when,
        applicant: format!(
            "{} {}",
            a.get(StepId::Personal, "given_names"),
            a.get(StepId::Personal, "surname")
        ),
        date_of_birth: a
            .get(StepId::Personal, "date_of_birth")
            .parse::<jiff::civil::Date>()
            .map(|d| crate::i18n::dates::date_text(lang, d))
            .unwrap_or_default(),
        citizenship,
        passport: a.get(StepId::Personal, "passport_number").to_string(),
        kind: t(&format!("app-kind-{}", app.kind.code())),
        basis: ground_name(a.get(StepId::Reasons, "ground"), lang),
        period,
        sections: vec![],
        documents,
        verify_url: format!("{public_url}/verify/{code}"),
        short_code: code,
    }
}
