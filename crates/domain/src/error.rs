//! Errors of the domain layer.

use serde::Serialize;

/// One problem with one input field: a stable code (also the translation key suffix) and
/// arguments for the message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Name of the form or API field.
    pub field: String,
    /// Stable error code, e.g. `invalid_check_digit`.
    pub code: String,
    /// Named arguments for the translated message.
    pub args: Vec<(String, String)>,
}

/// The problems found in one submitted form.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    /// Records a problem with `field`.
    pub fn add(&mut self, field: &str, code: &str) {
        self.add_with(field, code, &[]);
    }

    /// Records a problem with `field`, with message arguments.
    pub fn add_with(&mut self, field: &str, code: &str, args: &[(&str, String)]) {
        self.0.push(FieldError {
            field: field.into(),
            code: code.into(),
            args: args
                .iter()
                .map(|(k, v)| ((*k).to_string(), v.clone()))
                .collect(),
        });
    }

    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first problem with `field`, if any.
    pub fn for_field(&self, field: &str) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }

    /// `Ok(())` when empty, otherwise the errors as a [`DomainError`].
    pub fn into_result(self) -> Result<(), DomainError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(DomainError::Invalid(self))
        }
    }
}

impl DomainError {
    /// The one field error `code` on `field`.
    pub fn invalid(field: &str, code: &str) -> Self {
        let mut errors = FieldErrors::default();
        errors.add(field, code);
        DomainError::Invalid(errors)
    }
}

/// What a business operation can fail with. Each variant maps to one stable API error code.
#[derive(Debug, thiserror::Error)]
pub enum DomainError {
    /// The input was wrong; each field says why.
    #[error("invalid input")]
    Invalid(FieldErrors),
    /// Wrong e-mail or password (deliberately not saying which).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many failed attempts; try again after this many seconds.
    #[error("too many attempts")]
    Throttled {
        /// Seconds until the next attempt is allowed.
        retry_after_secs: i64,
    },
    /// The password is locked after too many failures; a reset unlocks it.
    #[error("account locked")]
    Locked,
    /// The e-mail address is not confirmed yet.
    #[error("email not confirmed")]
    EmailNotConfirmed,
    /// The link is unknown, used or expired.
    #[error("invalid or expired link")]
    InvalidToken,
    /// The account may not do this (not active, wrong role, not the owner).
    #[error("forbidden")]
    Forbidden,
    /// The object does not exist (or is not visible to the caller).
    #[error("not found")]
    NotFound,
    /// The object changed meanwhile (state does not allow the operation).
    #[error("conflict")]
    Conflict,
    /// The application is no longer a draft (submitted, e.g. from another tab, or deleted):
    /// its answers and files cannot change any more.
    #[error("not a draft")]
    NotDraft,
    /// Storage or another internal part failed; details are logged, never shown.
    #[error("internal error: {0}")]
    Internal(#[from] anyhow::Error),
}

impl From<crate::store::StoreError> for DomainError {
    fn from(e: crate::store::StoreError) -> Self {
        match e {
            crate::store::StoreError::NotFound => DomainError::NotFound,
            crate::store::StoreError::Taken { .. }
            | crate::store::StoreError::Stale
            | crate::store::StoreError::Precondition => DomainError::Conflict,
            other => DomainError::Internal(other.into()),
        }
    }
}
