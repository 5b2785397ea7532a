//! The page templates (askama, compiled in; HTML-escaped by default) and the view data
//! they show. Every page extends `base.html`: header, language switcher, session timeout
//! warning, notices. Forms are described by a [`FormSpec`] and drawn by one macro, so
//! every form shows labels, hints, inline errors and the error summary the same way.

use askama::Template;
use axum::response::{Html, IntoResponse, Response};

use crate::context::Ctx;
use crate::error::PageError;
use crate::forms::FormView;
use crate::i18n::Tr;
use eforeigner_domain::Lang;
use eforeigner_domain::access::{self, Permission};

/// The signed-in user as the header shows it.
#[derive(Clone, Debug)]
pub struct NavUser {
    /// Whether to show the verification queue.
    pub is_verifier: bool,
    /// Whether to show "My applications" and the e-Mailbox.
    pub is_applicant: bool,
    /// Whether to show the payments back office.
    pub is_supervisor: bool,
    /// Whether to show the department's cases.
    pub handles_cases: bool,
    /// Opens and closes the department's biometrics slots.
    pub manages_slots: bool,
    /// Sees the department's figures.
    pub views_figures: bool,
    /// Puts officers in police departments.
    pub assigns_departments: bool,
}

/// What the layout needs.
#[derive(Clone, Debug)]
pub struct Page {
    /// Translator.
    pub tr: Tr,
    /// `lang` attribute.
    pub lang_tag: &'static str,
    /// Page title (also in `<title>`).
    pub title: String,
    /// CSRF token for forms.
    pub csrf: String,
    /// Signed-in user.
    pub user: Option<NavUser>,
    /// This page's path (to come back after a language switch).
    pub path: String,
    /// A one-off confirmation message.
    pub notice: Option<String>,
    /// When the session ends if idle (Unix seconds), for the timeout warning.
    pub expires_at: Option<i64>,
    /// The same as text, for the footer (readable without JavaScript).
    pub expires_at_text: Option<String>,
    /// Seconds before the end at which to warn.
    pub warn_secs: i64,
    /// Demo mode.
    pub demo: bool,
}

/// The confirmation banner a page shows after an action that redirected to it with
/// `?done=<code>` ("Draft deleted", "Payment confirmed"…): the message `notice-<code>`.
/// Only codes with a message show anything, so the address cannot put text on the page.
fn done_notice(ctx: &Ctx) -> Option<String> {
    let query = ctx.path.split_once('?')?.1;
    let code = query
        .split('&')
        .filter_map(|p| p.split_once('='))
        .find(|(k, _)| *k == "done")?
        .1;
    let valid = !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let key = format!("notice-{code}");
    (valid && ctx.tr.i18n().has(&key)).then(|| ctx.tr.t(&key))
}

impl Page {
    /// The layout data for a request, titled by the message `title_key`.
    pub fn new(ctx: &Ctx, title_key: &str) -> Self {
        let user = ctx.auth.as_ref().map(|a| NavUser {
            is_verifier: access::may(&a.account, Permission::VerifyAccounts),
            // An applicant still being checked sees the links, which explain the wait.
            is_applicant: access::granted(a.account.role, Permission::UseServices),
            is_supervisor: access::may(&a.account, Permission::ConfirmPayments),
            handles_cases: access::may(&a.account, Permission::HandleCases),
            manages_slots: access::may(&a.account, Permission::ManageSlots),
            views_figures: access::may(&a.account, Permission::ViewFigures),
            assigns_departments: access::may(&a.account, Permission::AssignDepartments),
        });
        let session = ctx.auth.as_ref().map(|a| &a.session);
        let expires = session.map(|s| s.expires_at());
        Self {
            tr: ctx.tr.clone(),
            lang_tag: ctx.lang.tag(),
            title: ctx.tr.t(title_key),
            csrf: ctx.csrf_token.clone(),
            user,
            path: ctx.path.clone(),
            notice: done_notice(ctx),
            expires_at: expires.map(|t| t.as_second()),
            expires_at_text: expires.map(|t| crate::i18n::dates::when(t, ctx.lang)),
            warn_secs: ctx
                .auth
                .as_ref()
                .map(|a| {
                    eforeigner_domain::sessions::limits_for(a.account.role)
                        .warn_before
                        .as_secs()
                })
                .unwrap_or(0),
            demo: ctx.demo,
        }
    }

    /// With a notice.
    pub fn notice(mut self, key: &str) -> Self {
        self.notice = Some(self.tr.t(key));
        self
    }

    /// An amount written plainly (`22230.00`) as this page's language writes it, with the
    /// currency (`22,230.00 RSD`, `22.230,00 RSD`…).
    pub fn rsd(&self, plain: &str) -> String {
        crate::i18n::money::rsd_plain(self.tr.lang, plain)
    }

    /// A Serbian name held in Latin script (a payee, an institution) as this page writes
    /// it: in Cyrillic on a Serbian Cyrillic page (one script on the page), as it is on
    /// any other.
    pub fn serbian(&self, latin: &str) -> String {
        match self.tr.lang {
            eforeigner_domain::Lang::SrCyrl => eforeigner_rules::text::latin_to_cyrillic(latin),
            _ => latin.to_string(),
        }
    }

    /// A message.
    pub fn t<'a>(&'a self, key: &'a str) -> &'a str {
        self.tr.text(key)
    }

    /// The message `key` with a number `n` (plural forms).
    pub fn tn(&self, key: &str, n: impl std::fmt::Display) -> String {
        self.tr.t_args(key, &[("n", n.to_string())])
    }

    /// The message `<prefix><value>`, for codes shown in words (`permit-single_permit`).
    pub fn tp(&self, prefix: &str, value: &str) -> String {
        self.tr.t(&format!("{prefix}{value}"))
    }

    /// The language switcher's entries: tag, own name, whether current.
    pub fn langs(&self) -> Vec<(&'static str, &'static str, bool)> {
        Lang::ALL
            .iter()
            .map(|l| (l.tag(), l.native_name(), l.tag() == self.lang_tag))
            .collect()
    }
}

/// Room reserved for a rendered page.
const PAGE_BYTES: usize = 12 * 1024;

/// Renders a page, or the friendly error page if the template fails.
pub fn render<T: Template>(t: &T) -> Response {
    // askama's own estimate (`SIZE_HINT`) counts a loop's body once, so a list page outgrew
    // it and was copied as it grew; our pages are 5–10 kB.
    let mut html = String::with_capacity(T::SIZE_HINT.max(PAGE_BYTES));
    match t.render_into(&mut html) {
        Ok(()) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            PageError::Internal.into_response()
        }
    }
}

/// One field of a form.
#[derive(Clone, Debug)]
pub struct Field {
    /// Name (and id).
    pub name: &'static str,
    /// `text`, `email`, `password`, `date`, `tel`, `select`, `radios`, `checkbox`, `file`,
    /// `textarea` or `section` (a sub-heading).
    pub kind: &'static str,
    /// `autocomplete` attribute.
    pub autocomplete: &'static str,
    /// Whether required (optional ones say so).
    pub required: bool,
    /// Options of selects and radios: value, text.
    pub options: Vec<(String, String)>,
    /// Text of the empty select option.
    pub placeholder: String,
    /// Label of a section.
    pub label: String,
    /// "(optional)" in the page language.
    pub optional_text: String,
    /// Whether to show the field's hint (`hint-<name>`).
    pub show_hint: bool,
}

impl Field {
    /// A required input.
    pub fn input(
        tr: &Tr,
        name: &'static str,
        kind: &'static str,
        autocomplete: &'static str,
    ) -> Self {
        Self {
            name,
            kind,
            autocomplete,
            required: true,
            options: vec![],
            placeholder: tr.t("select-placeholder"),
            label: String::new(),
            optional_text: tr.t("optional"),
            show_hint: true,
        }
    }

    /// Leaves out the hint (e.g. the e-mail field of the login form).
    pub fn without_hint(mut self) -> Self {
        self.show_hint = false;
        self
    }

    /// Marks the field optional.
    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    /// A choice (select or radios).
    pub fn choice(
        tr: &Tr,
        name: &'static str,
        kind: &'static str,
        options: Vec<(String, String)>,
    ) -> Self {
        Self {
            options,
            ..Self::input(tr, name, kind, "")
        }
    }

    /// A sub-heading.
    pub fn section(tr: &Tr, label_key: &str) -> Self {
        Self {
            label: tr.t(label_key),
            ..Self::input(tr, "", "section", "")
        }
    }
}

/// A kept upload as shown in a form.
#[derive(Clone, Debug)]
pub struct UploadView {
    /// Id.
    pub id: String,
    /// File name.
    pub name: String,
    /// Human size.
    pub size: String,
    /// Whether it can be shown inline as an image.
    pub is_image: bool,
}

/// Human-readable file size.
pub fn human_size(bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", (bytes + 1023) / 1024)
    }
}

impl From<&eforeigner_domain::Upload> for UploadView {
    fn from(u: &eforeigner_domain::Upload) -> Self {
        Self {
            id: u.id.clone(),
            name: u.file_name.clone(),
            size: human_size(u.size_bytes),
            is_image: u.content_type.starts_with("image/"),
        }
    }
}

/// A whole form page.
#[derive(Clone, Debug, Default)]
pub struct FormSpec {
    /// `<h1>`.
    pub heading: String,
    /// Paragraphs under the heading.
    pub intro: Vec<String>,
    /// Where it posts.
    pub action: String,
    /// `multipart/form-data` (file uploads).
    pub multipart: bool,
    /// Submit button text.
    pub submit: String,
    /// Fields in order.
    pub fields: Vec<Field>,
    /// Hidden fields.
    pub hidden: Vec<(String, String)>,
    /// Uploads kept from earlier attempts.
    pub uploads: Vec<UploadView>,
    /// Links under the form: href, text.
    pub links: Vec<(String, String)>,
}

/// A page with one form.
#[derive(Template)]
#[template(path = "layout/form.html")]
pub struct FormPage {
    /// Layout.
    pub p: Page,
    /// The form.
    pub spec: FormSpec,
    /// Values and errors.
    pub f: FormView,
}

/// A button or link on a message page.
#[derive(Clone, Debug)]
pub struct Action {
    /// Text.
    pub label: String,
    /// Target.
    pub href: String,
    /// Whether it is a POST form (with CSRF token).
    pub post: bool,
    /// Hidden fields of a POST.
    pub hidden: Vec<(String, String)>,
    /// Styled as the main button.
    pub primary: bool,
}

impl Action {
    /// A link.
    pub fn link(label: String, href: &str) -> Self {
        Self {
            label,
            href: href.into(),
            post: false,
            hidden: vec![],
            primary: false,
        }
    }

    /// A link styled as the main button.
    pub fn button_link(label: String, href: &str) -> Self {
        Self {
            primary: true,
            ..Self::link(label, href)
        }
    }

    /// A POST button.
    pub fn post(label: String, href: &str, hidden: Vec<(String, String)>) -> Self {
        Self {
            label,
            href: href.into(),
            post: true,
            hidden,
            primary: true,
        }
    }

    /// The same action styled as a secondary button (a page has one primary button).
    #[must_use]
    pub fn secondary(self) -> Self {
        Self {
            primary: false,
            ..self
        }
    }
}

/// A page that says something, with optional actions.
#[derive(Template)]
#[template(path = "layout/message.html")]
pub struct MessagePage {
    /// Layout.
    pub p: Page,
    /// `<h1>`.
    pub heading: String,
    /// Paragraphs.
    pub paragraphs: Vec<String>,
    /// Buttons and links.
    pub actions: Vec<Action>,
}

/// The start page.
#[derive(Template)]
#[template(path = "public/home.html")]
pub struct HomePage {
    /// Layout.
    pub p: Page,
}

/// "Your account".
#[derive(Template)]
#[template(path = "account/overview.html")]
pub struct AccountPage {
    /// Layout.
    pub p: Page,
    /// Status code (CSS class).
    pub status: &'static str,
    /// Status in words.
    pub status_label: String,
    /// What the status means and what to do.
    pub status_text: Vec<String>,
    /// Whether the correction form is open.
    pub can_correct: bool,
    /// Label, value.
    pub facts: Vec<(String, String)>,
    /// Current identity documents.
    pub documents: Vec<UploadView>,
}

/// A row of the sessions table.
#[derive(Clone, Debug)]
pub struct SessionRow {
    /// Id.
    pub id: String,
    /// Started.
    pub started: String,
    /// Last activity.
    pub last_seen: String,
    /// Address.
    pub ip: String,
    /// Browser.
    pub browser: String,
    /// This request's session.
    pub current: bool,
}

/// A row of the sign-in history.
#[derive(Clone, Debug)]
pub struct SignInRow {
    /// When.
    pub at: String,
    /// Address.
    pub ip: String,
    /// Browser.
    pub browser: String,
    /// Succeeded or failed, in words.
    pub result: String,
}

/// Sessions and sign-ins.
#[derive(Template)]
#[template(path = "account/sessions.html")]
pub struct SessionsPage {
    /// Layout.
    pub p: Page,
    /// Live sessions.
    pub sessions: Vec<SessionRow>,
    /// Recent sign-ins.
    pub sign_ins: Vec<SignInRow>,
}

/// A row of the verification queue.
#[derive(Clone, Debug)]
pub struct QueueRow {
    /// Account id.
    pub id: String,
    /// Full name.
    pub name: String,
    /// Citizenship in words.
    pub citizenship: String,
    /// How long it waits, in words.
    pub waiting: String,
    /// Waiting more than 24 hours.
    pub overdue: bool,
}

/// The verification queue.
#[derive(Template)]
#[template(path = "officer/verifications.html")]
pub struct QueuePage {
    /// Layout.
    pub p: Page,
    /// Rows, oldest first.
    pub rows: Vec<QueueRow>,
    /// "N accounts waiting".
    pub count_text: String,
}

/// One account under verification.
#[derive(Template)]
#[template(path = "officer/verification.html")]
pub struct CasePage {
    /// Layout.
    pub p: Page,
    /// Account id.
    pub id: String,
    /// Name as heading.
    pub heading: String,
    /// Entered data: label, value.
    pub facts: Vec<(String, String)>,
    /// Uploaded documents.
    pub documents: Vec<UploadView>,
    /// Still awaiting a decision.
    pub pending: bool,
    /// The rejection form's fields.
    pub reject_fields: Vec<Field>,
    /// Its values and errors.
    pub f: FormView,
}

/// A message of the development mailbox.
#[derive(Clone, Debug)]
pub struct MailRow {
    /// Recipient.
    pub to: String,
    /// Subject.
    pub subject: String,
    /// Body.
    pub body: String,
    /// When.
    pub at: String,
}

/// The development mailbox.
#[derive(Template)]
#[template(path = "public/dev-mailbox.html")]
pub struct MailboxPage {
    /// Layout.
    pub p: Page,
    /// Messages, newest first.
    pub mails: Vec<MailRow>,
}

/// `/residence`: the self-help tools.
#[derive(Template)]
#[template(path = "public/residence/index.html")]
pub struct ResidenceIndexPage {
    /// Layout.
    pub p: Page,
}

/// "Can I apply online?".
#[derive(Template)]
#[template(path = "public/residence/check.html")]
pub struct CheckPage {
    /// Layout.
    pub p: Page,
    /// The step shown (1-based), 0 with the answer.
    pub step: usize,
    /// How many steps there are.
    pub steps: usize,
    /// The questions of this step.
    pub fields: Vec<Field>,
    /// Answers of the other steps, carried along.
    pub hidden: Vec<(String, String)>,
    /// The previous step, with the answers.
    pub back: Option<String>,
    /// With the answer: label, answer, link to change it.
    pub answers: Vec<(String, String, String)>,
    /// Answers and errors.
    pub f: FormView,
    /// The rules' answer, once asked.
    pub answer: Option<crate::views::residence::CheckView>,
    /// The answer in one sentence.
    pub summary: Option<String>,
    /// What stops the request as asked (the blocking reasons).
    pub blockers: Vec<crate::views::residence::ReasonView>,
    /// What is good to know (the informational reasons).
    pub good_to_know: Vec<crate::views::residence::ReasonView>,
    /// Documents to prepare.
    pub documents: Vec<String>,
}

/// One trip row of the absence calculator.
#[derive(Clone, Debug)]
pub struct TripRow {
    /// 0-based index (field names).
    pub index: usize,
    /// 1-based number (labels).
    pub number: usize,
    /// Departure typed.
    pub departed: String,
    /// Return typed.
    pub returned: String,
    /// Error of the departure field.
    pub departed_error: String,
    /// Error of the return field.
    pub returned_error: String,
}

/// The absence calculator.
#[derive(Template)]
#[template(path = "public/residence/absences.html")]
pub struct AbsencesPage {
    /// Layout.
    pub p: Page,
    /// The application date field.
    pub application_field: Field,
    /// Values and errors.
    pub f: FormView,
    /// Trip rows.
    pub trips: Vec<TripRow>,
    /// The answer, once asked.
    pub answer: Option<crate::views::residence::AbsencesView>,
}

/// A payment slip as the page shows it.
#[derive(Clone, Debug)]
pub struct SlipView {
    /// Payer.
    pub payer: String,
    /// Purpose.
    pub purpose: String,
    /// Payee.
    pub payee: String,
    /// Payment code.
    pub payment_code: String,
    /// Amount, plainly (`22230.00`); pages and the PDF write it as their language and the
    /// bank form want.
    pub amount: String,
    /// Payee account.
    pub account: String,
    /// Model.
    pub model: String,
    /// Reference.
    pub reference: String,
    /// The IPS QR text.
    pub qr_text: String,
    /// The QR code as a data URI (SVG).
    pub qr_data_uri: String,
}

/// Fees and the payment-slip generator.
#[derive(Template)]
#[template(path = "public/residence/fees.html")]
pub struct FeesPage {
    /// Layout.
    pub p: Page,
    /// The questions.
    pub fields: Vec<Field>,
    /// Values and errors.
    pub f: FormView,
    /// The fees, once asked.
    pub fees: Option<crate::views::residence::FeesView>,
    /// The slip of the fees due with the request.
    pub slip: Option<SlipView>,
    /// Query string of the PDF link.
    pub pdf_query: String,
}

/// Links between the pages of a list (GOV.UK "pagination": previous, the current page,
/// next), rendered by the `pagination` macro.
#[derive(Clone, Debug, Default)]
pub struct Pagination {
    /// The current page number.
    pub page: u32,
    /// Link to the previous page, if any.
    pub previous: Option<String>,
    /// Link to the next page, if any.
    pub next: Option<String>,
}

impl Pagination {
    /// The links of `paged`, a list at `path`.
    pub fn of<T>(paged: &eforeigner_domain::paging::Paged<T>, path: &str) -> Self {
        let n = paged.page.get();
        let link = |to: u32| {
            let sep = if path.contains('?') { '&' } else { '?' };
            if to == 1 {
                path.to_string()
            } else {
                format!("{path}{sep}page={to}")
            }
        };
        Self {
            page: n,
            previous: paged.has_previous().then(|| link(n - 1)),
            next: paged.has_next.then(|| link(n + 1)),
        }
    }

    /// Whether there is anything to show (more than one page).
    pub fn shown(&self) -> bool {
        self.previous.is_some() || self.next.is_some()
    }
}
