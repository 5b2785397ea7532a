//! The "Confirmation of request receipt": what it says, in the applicant's language. The
//! drawing is [`crate::documents::receipt_pdf`]'s.

use eforeigner_rules::countries::{self, NameLanguage};
use eforeigner_rules::residence;

use super::Application;
use super::steps::StepId;
use crate::domain::{Account, Lang, Upload};
use crate::i18n::I18n;

/// The names of the rules crate in a portal language.
pub fn name_language(lang: Lang) -> NameLanguage {
    match lang {
        Lang::En => NameLanguage::En,
        Lang::SrLatn => NameLanguage::SrLatn,
        Lang::SrCyrl => NameLanguage::SrCyrl,
        Lang::Ru => NameLanguage::Ru,
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
pub fn render(
    i18n: &I18n,
    account: &Account,
    app: &Application,
    uploads: &[Upload],
    public_url: &str,
) -> anyhow::Result<Vec<u8>> {
    let lang = account.language;
    let t = |k: &str| i18n.t(lang, k);
    let a = &app.answers;
    let when = app
        .received_at
        .map(|t| {
            t.to_zoned(jiff::tz::TimeZone::UTC)
                .strftime("%Y-%m-%d %H:%M UTC")
                .to_string()
        })
        .unwrap_or_default();
    let citizenship = countries::find(a.get(StepId::Check, "citizenship"))
        .map(|c| c.name(name_language(lang)).to_string())
        .unwrap_or_default();
    let period = match (
        app.received_at
            .map(|t| t.to_zoned(jiff::tz::TimeZone::UTC).date()),
        a.get(StepId::Reasons, "requested_until"),
    ) {
        (_, until) if !until.is_empty() => i18n.t_args(
            lang,
            "receipt-period-until",
            &[("until", until.to_string())],
        ),
        _ => t("receipt-period-longest"),
    };
    let code = app.verify_code.clone().unwrap_or_default();
    let data = crate::documents::ReceiptData {
        labels: crate::documents::ReceiptLabels {
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
        date_of_birth: a.get(StepId::Personal, "date_of_birth").to_string(),
        citizenship,
        passport: a.get(StepId::Personal, "passport_number").to_string(),
        kind: t(&format!("app-kind-{}", app.kind.code())),
        basis: ground_name(a.get(StepId::Reasons, "ground"), lang),
        period,
        documents: uploads.iter().map(|u| u.file_name.clone()).collect(),
        verify_url: format!("{public_url}/verify/{code}"),
        short_code: code,
    };
    Ok(crate::documents::receipt_pdf(&data)?)
}
