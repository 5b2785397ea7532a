//! The domain's data: accounts, roles, statuses, sessions, uploads.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::ids::{AccountId, OwnerKey};
/// The foreigner's registration number, as the rules crate parses it.
pub use eforeigner_rules::{Ebs, Email};

/// A police department (the rules crate's table): where an officer works, and which
/// handles a case (the one of the municipality of residence).
pub type Department = &'static eforeigner_rules::municipalities::PoliceDepartment;

/// The department whose slug (its stored form) is `slug`.
pub fn find_department(slug: &str) -> Option<Department> {
    eforeigner_rules::municipalities::find_police_department(slug)
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The stable text form (stored, and used in the API and translation keys).
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            /// Parses the stable text form.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.pad(self.as_str())
            }
        }
    };
}

pub(crate) use string_enum;

string_enum!(
    /// What a user is allowed to do.
    Role {
        /// A foreign citizen using the portal.
        Applicant = "applicant",
        /// Checks the documents of newly registered accounts.
        VerificationOfficer = "verification-officer",
        /// Creates accounts at a city or municipality counter.
        CounterOfficer = "counter-officer",
        /// Appoints counter officers of a municipality.
        MunicipalityAdmin = "municipality-admin",
        /// Reviews residence applications of a police department.
        Inspector = "inspector",
        /// Oversees queues, workload and the audit log.
        Supervisor = "supervisor",
        /// Runs the system.
        Admin = "admin",
    }
);

string_enum!(
    /// Where an account stands in its life.
    AccountStatus {
        /// Registered; the e-mail address is not confirmed yet.
        PendingEmail = "pending-email",
        /// E-mail confirmed; an officer has yet to check the identity document.
        AwaitingVerification = "awaiting-verification",
        /// Checked and usable for services.
        Active = "active",
        /// An officer found a problem; the applicant may correct and resubmit.
        Rejected = "rejected",
    }
);

/// Sex as recorded in the identity document: the one type, shared with the JMBG's rules.
pub use eforeigner_rules::identifiers::Sex;

string_enum!(
    /// The answer to "Do you have a foreigner's registration number?" (seed 000).
    HasEbs {
        /// Yes: the number is then required.
        Yes = "yes",
        /// No.
        No = "no",
        /// Forgotten.
        Forgotten = "forgotten",
    }
);

string_enum!(
    /// The identity document uploaded at registration.
    IdDocType {
        /// A passport.
        Passport = "passport",
        /// A foreigner's identity card.
        ForeignerId = "foreigner-id",
    }
);

string_enum!(
    /// Why an officer rejected a registration (plus free text).
    RejectionReason {
        /// The document image cannot be read.
        UnreadableDocument = "unreadable-document",
        /// Entered data differ from the document.
        DataMismatch = "data-mismatch",
        /// The document has expired.
        ExpiredDocument = "expired-document",
        /// A page is missing (both pages of an ID card are needed).
        MissingPage = "missing-page",
        /// The uploaded file is not an identity document.
        WrongDocument = "wrong-document",
        /// Another reason, explained in the note.
        Other = "other",
    }
);

/// The four languages of the portal.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default, utoipa::ToSchema,
)]
pub enum Lang {
    /// English.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Serbian, Latin script.
    #[serde(rename = "sr-Latn")]
    SrLatn,
    /// Serbian, Cyrillic script.
    #[serde(rename = "sr-Cyrl")]
    SrCyrl,
    /// Russian.
    #[serde(rename = "ru")]
    Ru,
}

impl Lang {
    /// Every language, in the order of the language switcher.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::SrLatn, Lang::SrCyrl, Lang::Ru];

    /// BCP 47 tag, as used in `lang=` attributes and cookies.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::SrLatn => "sr-Latn",
            Lang::SrCyrl => "sr-Cyrl",
            Lang::Ru => "ru",
        }
    }

    /// The language's own name, for the switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::SrLatn => "Srpski",
            Lang::SrCyrl => "Српски",
            Lang::Ru => "Русский",
        }
    }

    /// Parses a tag; `sr` alone means Cyrillic (the official script), case-insensitive.
    pub fn parse(tag: &str) -> Option<Self> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            "sr-latn" | "sr-latn-rs" => Some(Lang::SrLatn),
            "sr" | "sr-cyrl" | "sr-cyrl-rs" | "sr-rs" => Some(Lang::SrCyrl),
            "ru" | "ru-ru" => Some(Lang::Ru),
            other if other.starts_with("en-") => Some(Lang::En),
            other if other.starts_with("ru-") => Some(Lang::Ru),
            _ => None,
        }
    }

    /// Picks the best language from an `Accept-Language` header (by q-value).
    pub fn from_accept_language(header: &str) -> Option<Self> {
        let mut best: Option<(f32, Lang)> = None;
        for part in header.split(',') {
            let mut pieces = part.split(';');
            let tag = pieces.next().unwrap_or("").trim();
            let q = pieces
                .find_map(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.parse::<f32>().ok())
                })
                .unwrap_or(1.0);
            if let Some(lang) = Lang::parse(tag)
                && best.is_none_or(|(bq, _)| q > bq)
            {
                best = Some((q, lang));
            }
        }
        best.map(|(_, l)| l)
    }
}

/// Personal data of an account holder. Fields fixed by verification: names, date of birth,
/// sex, citizenship, registration number and identity document; the phone may change freely.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    /// Given name(s).
    pub given_names: String,
    /// Surname.
    pub surname: String,
    /// Date of birth.
    pub date_of_birth: Option<Date>,
    /// Sex.
    pub sex: Option<Sex>,
    /// Citizenship, ISO 3166-1 alpha-2.
    pub citizenship: Option<String>,
    /// Phone number (optional, free format checked loosely).
    pub phone: Option<String>,
    /// The answer to the registration-number question.
    pub has_ebs: Option<HasEbs>,
    /// The foreigner's registration number (EBS), when given.
    pub ebs: Option<Ebs>,
    /// Identity document type.
    pub id_doc_type: Option<IdDocType>,
    /// Identity document number.
    pub id_doc_number: Option<String>,
    /// Identity document expiry date.
    pub id_doc_expiry: Option<Date>,
}

/// A user account. Its `Debug` leaves out the password hash (an account printed in a log
/// or a panic message must not carry it).
#[derive(Clone)]
pub struct Account {
    /// Stable id.
    pub id: AccountId,
    /// The e-mail address, normalised (lower case); it is the username.
    pub email: Email,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// Role.
    pub role: Role,
    /// Life-cycle status.
    pub status: AccountStatus,
    /// Personal data.
    pub profile: Profile,
    /// Preferred language for pages and e-mails.
    pub language: Lang,
    /// When the e-mail address was confirmed.
    pub email_confirmed_at: Option<Timestamp>,
    /// When the account entered the verification queue (last time).
    pub submitted_at: Option<Timestamp>,
    /// When an officer approved it.
    pub verified_at: Option<Timestamp>,
    /// Which officer decided last.
    pub verified_by: Option<AccountId>,
    /// Why it was rejected, if it was.
    pub rejection_reason: Option<RejectionReason>,
    /// The officer's note with the rejection.
    pub rejection_note: Option<String>,
    /// Consecutive failed password logins.
    pub failed_logins: i64,
    /// Set when the password was locked after too many failures (reset unlocks).
    pub locked_at: Option<Timestamp>,
    /// The police department an officer works in (inspectors and supervisors see its
    /// cases only); none for applicants.
    pub department: Option<Department>,
    /// Created.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Account")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("password_hash", &"[redacted]")
            .field("role", &self.role)
            .field("status", &self.status)
            .field("profile", &self.profile)
            .field("language", &self.language)
            .field("email_confirmed_at", &self.email_confirmed_at)
            .field("submitted_at", &self.submitted_at)
            .field("verified_at", &self.verified_at)
            .field("verified_by", &self.verified_by)
            .field("rejection_reason", &self.rejection_reason)
            .field("rejection_note", &self.rejection_note)
            .field("failed_logins", &self.failed_logins)
            .field("locked_at", &self.locked_at)
            .field("department", &self.department.map(|d| d.slug))
            .field("created_at", &self.created_at)
            .field("updated_at", &self.updated_at)
            .finish()
    }
}

impl Account {
    /// A new account as created at `now`: no confirmation, verification, rejection or
    /// failed logins yet.
    #[expect(
        clippy::too_many_arguments,
        reason = "every argument is a required column"
    )]
    pub fn new(
        id: AccountId,
        email: Email,
        password_hash: String,
        role: Role,
        status: AccountStatus,
        profile: Profile,
        language: Lang,
        now: Timestamp,
    ) -> Self {
        Self {
            id,
            email,
            password_hash,
            role,
            status,
            profile,
            language,
            email_confirmed_at: None,
            submitted_at: None,
            verified_at: None,
            verified_by: None,
            rejection_reason: None,
            rejection_note: None,
            failed_logins: 0,
            locked_at: None,
            department: None,
            created_at: now,
            updated_at: now,
        }
    }
}

/// A server-side session.
#[derive(Clone, Debug)]
pub struct Session {
    /// Public id (shown in "active sessions"; not the secret).
    pub id: String,
    /// The account.
    pub account_id: AccountId,
    /// Started.
    pub created_at: Timestamp,
    /// Last request.
    pub last_seen_at: Timestamp,
    /// Idle timeout in seconds.
    pub idle_timeout_secs: i64,
    /// Hard end.
    pub absolute_expires_at: Timestamp,
    /// Client address at login.
    pub ip: String,
    /// Browser at login.
    pub user_agent: String,
    /// When it was ended (logout, revoked, password change).
    pub ended_at: Option<Timestamp>,
}

impl Session {
    /// When the session ends if nothing else happens.
    pub fn expires_at(&self) -> Timestamp {
        let idle = self
            .last_seen_at
            .saturating_add(jiff::SignedDuration::from_secs(self.idle_timeout_secs))
            .unwrap_or(self.last_seen_at);
        idle.min(self.absolute_expires_at)
    }

    /// Whether the session is still usable at `now`.
    pub fn is_live(&self, now: Timestamp) -> bool {
        self.ended_at.is_none() && now < self.expires_at()
    }
}

string_enum!(
    /// How a person proved who they are at a sign-in.
    SignInMethod {
        /// E-mail address and password.
        Password = "password",
    }
);

/// One sign-in attempt on an existing account (shown to its owner).
#[derive(Clone, Debug)]
pub struct SignIn {
    /// When.
    pub at: Timestamp,
    /// From which address.
    pub ip: String,
    /// With which browser.
    pub user_agent: String,
    /// How.
    pub method: SignInMethod,
    /// Whether it succeeded.
    pub succeeded: bool,
}

/// An uploaded file's record (the bytes live in the file store).
#[derive(Clone, Debug)]
pub struct Upload {
    /// Id.
    pub id: String,
    /// Whose files these are.
    pub owner_key: OwnerKey,
    /// What it is for (`identity-document`).
    pub purpose: String,
    /// The user's file name (shown, never used as a path).
    pub file_name: String,
    /// Type found from the content.
    pub content_type: String,
    /// Size.
    pub size_bytes: i64,
    /// SHA-256 of the content, hex.
    pub sha256: String,
    /// Server-generated storage key.
    pub storage_key: String,
    /// Set when replaced by a correction.
    pub superseded_at: Option<Timestamp>,
    /// Uploaded.
    pub created_at: Timestamp,
}

/// Kinds of single-use e-mail links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenPurpose {
    /// Confirms the address given at registration (24 h).
    ConfirmEmail,
    /// Sets a new password (1 h).
    ResetPassword,
    /// Confirms a changed address (24 h).
    ChangeEmail,
}

impl TokenPurpose {
    /// Stored text.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenPurpose::ConfirmEmail => "confirm-email",
            TokenPurpose::ResetPassword => "reset-password",
            TokenPurpose::ChangeEmail => "change-email",
        }
    }

    /// How long a link stays valid.
    pub fn lifetime(self) -> jiff::SignedDuration {
        match self {
            TokenPurpose::ResetPassword => jiff::SignedDuration::from_hours(1),
            _ => jiff::SignedDuration::from_hours(24),
        }
    }
}

/// An entry of the audit log.
#[derive(Clone, Debug)]
pub struct AuditEntry {
    /// Position in the chain.
    pub seq: i64,
    /// When (UTC).
    pub at: Timestamp,
    /// Who did it, if known.
    pub actor_id: Option<AccountId>,
    /// What happened (`login.succeeded`, `verification.approved`, …).
    pub action: String,
    /// Whom or what it concerned.
    pub subject_id: Option<String>,
    /// From which address.
    pub ip: Option<String>,
    /// Extra facts as JSON (never secrets or document contents).
    pub details: String,
    /// Hash of the previous entry.
    pub prev_hash: String,
    /// SHA-256 over this entry and `prev_hash`.
    pub hash: String,
}

/// Who is doing something, and from where (for audit and sign-in history).
#[derive(Clone, Debug, Default)]
pub struct Actor {
    /// The account, if logged in.
    pub account_id: Option<AccountId>,
    /// Client address.
    pub ip: String,
    /// Browser.
    pub user_agent: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_text<T: Serialize>(v: T) -> String {
        serde_json::to_value(v)
            .ok()
            .and_then(|j| j.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    #[test]
    fn an_account_printed_for_debugging_hides_its_password_hash() {
        let a = Account::new(
            AccountId::new("a1"),
            Email::parse("a@example.org").unwrap(),
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into(),
            Role::Applicant,
            AccountStatus::Active,
            Profile::default(),
            Lang::En,
            Timestamp::UNIX_EPOCH,
        );
        let shown = format!("{a:?}");
        assert!(!shown.contains("argon2"), "{shown}");
        assert!(shown.contains("[redacted]") && shown.contains("a@example.org"));
    }

    #[test]
    fn stored_text_and_api_text_agree() {
        for r in Role::ALL {
            assert_eq!(serde_text(*r), r.as_str());
            assert_eq!(Role::parse(r.as_str()), Some(*r));
        }
        for s in AccountStatus::ALL {
            assert_eq!(serde_text(*s), s.as_str());
        }
        for r in RejectionReason::ALL {
            assert_eq!(serde_text(*r), r.as_str());
        }
        for v in IdDocType::ALL {
            assert_eq!(serde_text(*v), v.as_str());
        }
        for l in Lang::ALL {
            assert_eq!(serde_text(l), l.tag());
            assert_eq!(Lang::parse(l.tag()), Some(l));
        }
    }

    #[test]
    fn accept_language_picks_the_best_supported() {
        assert_eq!(
            Lang::from_accept_language("de-DE,ru;q=0.8,en;q=0.5"),
            Some(Lang::Ru)
        );
        assert_eq!(Lang::from_accept_language("sr-Latn-RS"), Some(Lang::SrLatn));
        assert_eq!(Lang::from_accept_language("sr"), Some(Lang::SrCyrl));
        assert_eq!(Lang::from_accept_language("de, fr"), None);
    }
}
