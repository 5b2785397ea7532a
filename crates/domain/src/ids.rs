//! Identifiers as types: an account's id cannot be passed where an application's is
//! meant, and the owner of an upload is one of three kinds, written and read in one place.
//!
//! Ids are opaque: they come from the id source ([`crate::clock::new_id`]) or from storage,
//! and a string from a URL becomes one only to be looked up (an unknown id finds nothing).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::clock::hash_secret;

macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps an id made by the id source, read from storage or taken from a request.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as text (stored, and shown in URLs).
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(id: String) -> Self {
                Self(id)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }
    };
}

id_type!(
    /// The id of an account (a UUID).
    AccountId
);

id_type!(
    /// The id of an application (a UUID v7: sorts by creation).
    ApplicationId
);

/// Whose files an upload is. Stored as text: `account:<id>`, `application:<id>` or
/// `draft:<hash of the registration form's draft token>`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum OwnerKey {
    /// An account's identity documents.
    Account(AccountId),
    /// An application's documents.
    Application(ApplicationId),
    /// The files of a registration form not yet completed (swept after a day,
    /// [`crate::sweep::REGISTRATION_DRAFT_KEPT`]); the hash of the form's draft token.
    Draft(String),
}

impl OwnerKey {
    /// The stored keys of registration drafts start with this (the sweep selects by it).
    pub const DRAFT_PREFIX: &'static str = "draft:";

    /// The key of the files of the registration form whose draft token is `token` (only
    /// its hash is kept).
    pub fn draft(token: &str) -> Self {
        OwnerKey::Draft(hash_secret(token))
    }

    /// Reads a stored key; `None` for text no key is written as.
    pub fn parse(stored: &str) -> Option<Self> {
        let (kind, rest) = stored.split_once(':')?;
        if rest.is_empty() {
            return None;
        }
        match kind {
            "account" => Some(OwnerKey::Account(AccountId::new(rest))),
            "application" => Some(OwnerKey::Application(ApplicationId::new(rest))),
            "draft" => Some(OwnerKey::Draft(rest.to_owned())),
            _ => None,
        }
    }

    /// The account, when these are an account's files.
    pub fn account(&self) -> Option<&AccountId> {
        match self {
            OwnerKey::Account(id) => Some(id),
            _ => None,
        }
    }
}

impl fmt::Display for OwnerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OwnerKey::Account(id) => write!(f, "account:{id}"),
            OwnerKey::Application(id) => write!(f, "application:{id}"),
            OwnerKey::Draft(hash) => write!(f, "{}{hash}", OwnerKey::DRAFT_PREFIX),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn owner_keys_are_written_as_before() {
        assert_eq!(
            OwnerKey::Account(AccountId::new("a1")).to_string(),
            "account:a1"
        );
        assert_eq!(
            OwnerKey::Application(ApplicationId::new("p1")).to_string(),
            "application:p1"
        );
        let draft = OwnerKey::draft("secret").to_string();
        assert!(draft.starts_with(OwnerKey::DRAFT_PREFIX));
        assert!(!draft.contains("secret"));
    }

    #[test]
    fn text_no_key_is_written_as_is_refused() {
        for bad in ["", "account:", "account", "user:x", ":x", "draft:"] {
            assert_eq!(OwnerKey::parse(bad), None, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn every_key_reads_back_as_itself(kind in 0..3u8, id in "[a-zA-Z0-9:_-]{1,40}") {
            let key = match kind {
                0 => OwnerKey::Account(AccountId::new(id)),
                1 => OwnerKey::Application(ApplicationId::new(id)),
                _ => OwnerKey::Draft(id),
            };
            prop_assert_eq!(OwnerKey::parse(&key.to_string()), Some(key));
        }
    }
}
