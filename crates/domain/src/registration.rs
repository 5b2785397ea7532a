//! Checking what a person typed into the registration form (seed 000), and the other
//! personal-data forms. Pure: `today` is a parameter. Every problem is reported at once,
//! per field, with a stable code, so the form can be shown again with all messages.

use std::str::FromStr;

use eforeigner_rules::countries::CitizenshipCode;
use eforeigner_rules::email::Email;
use eforeigner_rules::identifiers::Ebs;
use eforeigner_rules::password::{PasswordPolicy, check_new_password};
use jiff::civil::Date;
use serde::Deserialize;

use super::{FieldErrors, HasEbs, IdDocType, Lang, Profile, Sex};

/// The registration form as typed (all text, nothing trusted yet).
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RegistrationInput {
    /// Given name(s).
    pub given_names: String,
    /// Surname.
    pub surname: String,
    /// `YYYY-MM-DD` (or `DD.MM.YYYY`).
    pub date_of_birth: String,
    /// `female` or `male`.
    pub sex: String,
    /// ISO 3166-1 alpha-2 code.
    pub citizenship: String,
    /// E-mail address; it becomes the username.
    pub email: String,
    /// Password.
    pub password: String,
    /// Optional phone number.
    pub phone: String,
    /// `yes`, `no` or `forgotten`.
    pub has_ebs: String,
    /// The 13-digit foreigner's registration number, when `has_ebs` is `yes`.
    pub ebs: String,
    /// `passport` or `foreigner-id`.
    pub id_doc_type: String,
    /// Document number.
    pub id_doc_number: String,
    /// Document expiry date.
    pub id_doc_expiry: String,
    /// Consent to the terms (`on`, `true` or `yes`).
    pub consent: String,
}

/// A registration that passed every check.
#[derive(Clone, Debug)]
pub struct ValidRegistration {
    /// The username.
    pub email: Email,
    /// The accepted password (hashed before storing).
    pub password: String,
    /// Personal data.
    pub profile: Profile,
}

/// The password policy in force. Password is the only factor until mobile approval exists,
/// so NIST SP 800-63B-4 asks for at least 15 characters.
pub fn password_policy() -> PasswordPolicy {
    PasswordPolicy::single_factor()
}

/// Parses a date typed as `YYYY-MM-DD` or `DD.MM.YYYY`.
pub fn parse_date(raw: &str) -> Option<Date> {
    let raw = raw.trim();
    if let Ok(d) = Date::from_str(raw) {
        return Some(d);
    }
    let mut parts = raw.trim_end_matches('.').split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Date::new(
        y.trim().parse().ok()?,
        m.trim().parse().ok()?,
        d.trim().parse().ok()?,
    )
    .ok()
}

pub(crate) fn check_name(errors: &mut FieldErrors, field: &str, raw: &str) -> String {
    let value = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if value.is_empty() {
        errors.add(field, "required");
    } else if value.chars().count() > 100 {
        errors.add_with(field, "too_long", &[("max", "100".into())]);
    } else if !value
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '.' | '’'))
    {
        errors.add(field, "name_invalid_characters");
    }
    value
}

/// Checks an optional phone number: digits with spaces, `+`, `-`, `(`, `)`; 6–20 digits.
pub fn check_phone(errors: &mut FieldErrors, raw: &str) -> Option<String> {
    let value = raw.trim();
    if value.is_empty() {
        return None;
    }
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'));
    if !allowed || !(6..=20).contains(&digits) {
        errors.add("phone", "phone_invalid");
    }
    Some(value.to_string())
}

/// Message arguments of an identifier error.
pub fn identifier_args(
    e: &eforeigner_rules::identifiers::IdentifierError,
) -> Vec<(&'static str, String)> {
    match e {
        eforeigner_rules::identifiers::IdentifierError::WrongLength { expected, found } => {
            vec![
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ]
        }
        eforeigner_rules::identifiers::IdentifierError::EbsWrongRegister { found } => {
            vec![("found", format!("{found:02}"))]
        }
        eforeigner_rules::identifiers::IdentifierError::ReferenceTooLong { max } => {
            vec![("max", max.to_string())]
        }
        _ => vec![],
    }
}

/// Checks a new password against the policy, with the person's data as context words.
pub fn check_password(errors: &mut FieldErrors, field: &str, password: &str, context: &[&str]) {
    if password.is_empty() {
        errors.add(field, "required");
        return;
    }
    if let Err(problem) = check_new_password(password, &password_policy(), context) {
        let policy = password_policy();
        errors.add_with(
            field,
            problem.code(),
            &[
                ("min", policy.min_chars.to_string()),
                ("max", policy.max_chars.to_string()),
            ],
        );
    }
}

/// Checks an e-mail address field.
pub fn check_email(errors: &mut FieldErrors, field: &str, raw: &str) -> Option<Email> {
    if raw.trim().is_empty() {
        errors.add(field, "required");
        return None;
    }
    match Email::parse(raw) {
        Ok(e) => Some(e),
        Err(e) => {
            errors.add(field, e.code());
            None
        }
    }
}

/// Checks the identity part of the form (everything an officer verifies): names, birth,
/// sex, citizenship, registration number, document. Used at registration and correction.
pub fn check_identity(errors: &mut FieldErrors, input: &RegistrationInput, today: Date) -> Profile {
    let given_names = check_name(errors, "given_names", &input.given_names);
    let surname = check_name(errors, "surname", &input.surname);

    let date_of_birth = if input.date_of_birth.trim().is_empty() {
        errors.add("date_of_birth", "required");
        None
    } else {
        match parse_date(&input.date_of_birth) {
            None => {
                errors.add("date_of_birth", "date_invalid");
                None
            }
            Some(d) if d > today => {
                errors.add("date_of_birth", "date_of_birth_in_future");
                None
            }
            Some(d) if d.year() < 1900 => {
                errors.add("date_of_birth", "date_invalid");
                None
            }
            Some(d) => Some(d),
        }
    };

    let sex = Sex::parse(input.sex.trim());
    if sex.is_none() {
        errors.add("sex", "choose_one");
    }

    let citizenship = if input.citizenship.trim().is_empty() {
        errors.add("citizenship", "required");
        None
    } else {
        match CitizenshipCode::parse(&input.citizenship) {
            Ok(c) if c.as_str() == "RS" => {
                errors.add("citizenship", "citizenship_serbian");
                None
            }
            Ok(c) => Some(c.as_str().to_string()),
            Err(e) => {
                errors.add("citizenship", e.code());
                None
            }
        }
    };

    let has_ebs = HasEbs::parse(input.has_ebs.trim());
    let mut ebs = None;
    match has_ebs {
        None => errors.add("has_ebs", "choose_one"),
        Some(HasEbs::Yes) => {
            if input.ebs.trim().is_empty() {
                errors.add("ebs", "ebs_required");
            } else {
                match Ebs::parse(&input.ebs) {
                    Ok(n) => ebs = Some(n),
                    Err(e) => errors.add_with("ebs", e.code(), &identifier_args(&e)),
                }
            }
        }
        Some(_) => {}
    }

    let id_doc_type = IdDocType::parse(input.id_doc_type.trim());
    if id_doc_type.is_none() {
        errors.add("id_doc_type", "choose_one");
    }
    let number: String = input
        .id_doc_number
        .split_whitespace()
        .collect::<String>()
        .to_uppercase();
    if number.is_empty() {
        errors.add("id_doc_number", "required");
    } else if !(5..=20).contains(&number.len())
        || !number.chars().all(|c| c.is_ascii_alphanumeric())
    {
        errors.add("id_doc_number", "document_number_invalid");
    }
    let id_doc_expiry = if input.id_doc_expiry.trim().is_empty() {
        errors.add("id_doc_expiry", "required");
        None
    } else {
        match parse_date(&input.id_doc_expiry) {
            None => {
                errors.add("id_doc_expiry", "date_invalid");
                None
            }
            Some(d) if d < today => {
                errors.add("id_doc_expiry", "document_expired");
                None
            }
            Some(d) => Some(d),
        }
    };

    Profile {
        given_names,
        surname,
        date_of_birth,
        sex,
        citizenship,
        phone: None,
        has_ebs,
        ebs,
        id_doc_type,
        id_doc_number: Some(number),
        id_doc_expiry,
    }
}

/// Checks a whole registration. `Err` lists every problem found.
pub fn check_registration(
    input: &RegistrationInput,
    today: Date,
) -> Result<ValidRegistration, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut profile = check_identity(&mut errors, input, today);
    let email = check_email(&mut errors, "email", &input.email);
    let local = input.email.split('@').next().unwrap_or("").to_string();
    let context = [
        profile.given_names.as_str(),
        profile.surname.as_str(),
        local.as_str(),
        input.email.trim(),
    ];
    check_password(&mut errors, "password", &input.password, &context);
    profile.phone = check_phone(&mut errors, &input.phone);
    if !matches!(input.consent.trim(), "on" | "true" | "yes" | "1") {
        errors.add("consent", "consent_required");
    }
    match (errors.is_empty(), email) {
        (true, Some(email)) => Ok(ValidRegistration {
            email,
            password: input.password.clone(),
            profile,
        }),
        _ => Err(errors),
    }
}

/// The language to keep for a new account.
pub fn language_or_default(lang: Option<Lang>) -> Lang {
    lang.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> RegistrationInput {
        RegistrationInput {
            given_names: "Ana Marija".into(),
            surname: "Novak".into(),
            date_of_birth: "1990-04-12".into(),
            sex: "female".into(),
            citizenship: "ua".into(),
            email: "Ana.Novak@Example.org".into(),
            password: "correct horse battery staple".into(),
            phone: "+381 64 123 4567".into(),
            has_ebs: "no".into(),
            ebs: String::new(),
            id_doc_type: "passport".into(),
            id_doc_number: "fp 123456".into(),
            id_doc_expiry: "2030-01-01".into(),
            consent: "on".into(),
        }
    }

    fn today() -> Date {
        jiff::civil::date(2026, 11, 21)
    }

    fn codes(input: &RegistrationInput) -> Vec<(String, String)> {
        match check_registration(input, today()) {
            Ok(_) => vec![],
            Err(e) => e.0.into_iter().map(|e| (e.field, e.code)).collect(),
        }
    }

    #[test]
    fn a_complete_form_passes_and_is_normalised() {
        let Ok(r) = check_registration(&valid(), today()) else {
            unreachable!("valid form rejected: {:?}", codes(&valid()))
        };
        assert_eq!(r.profile.citizenship.as_deref(), Some("UA"));
        assert_eq!(r.profile.id_doc_number.as_deref(), Some("FP123456"));
        assert_eq!(r.email.normalized(), "ana.novak@example.org");
    }

    #[test]
    fn every_bad_field_is_reported_at_once() {
        let mut i = valid();
        i.date_of_birth = "2027-01-01".into();
        i.id_doc_expiry = "2026-11-20".into();
        i.email = "not-an-email".into();
        i.consent = String::new();
        let c = codes(&i);
        assert!(c.contains(&("date_of_birth".into(), "date_of_birth_in_future".into())));
        assert!(c.contains(&("id_doc_expiry".into(), "document_expired".into())));
        assert!(c.iter().any(|(f, _)| f == "email"));
        assert!(c.contains(&("consent".into(), "consent_required".into())));
    }

    #[test]
    fn document_expiring_today_is_still_valid() {
        let mut i = valid();
        i.id_doc_expiry = "21.11.2026".into();
        assert!(codes(&i).is_empty());
    }

    #[test]
    fn registration_number_is_required_on_yes_and_checked() {
        let mut i = valid();
        i.has_ebs = "yes".into();
        assert_eq!(
            codes(&i),
            vec![("ebs".to_string(), "ebs_required".to_string())]
        );
        i.ebs = "1234567890123".into();
        assert_eq!(codes(&i).len(), 1);
    }

    #[test]
    fn password_with_own_name_is_refused() {
        let mut i = valid();
        i.password = "novak-is-my-password-2024".into();
        assert_eq!(
            codes(&i),
            vec![(
                "password".to_string(),
                "password_contains_personal_data".to_string()
            )]
        );
    }

    #[test]
    fn serbian_citizens_are_sent_elsewhere() {
        let mut i = valid();
        i.citizenship = "RS".into();
        assert_eq!(
            codes(&i),
            vec![("citizenship".to_string(), "citizenship_serbian".to_string())]
        );
    }
}
