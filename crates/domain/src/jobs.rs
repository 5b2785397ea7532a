//! The outbox's jobs, typed: which kinds exist ([`JobKind`]), what each carries (one
//! payload struct per kind, [`JobPayload`]) and the one way to make the store's
//! [`NewJob`] from a payload ([`NewJob::of`]).
//!
//! The store keeps a job's kind and payload as text, and queued jobs outlive a release:
//! the kind strings ([`JobKind::as_str`]) and the payloads' JSON are a stored format and
//! must not change (a job queued by the previous version must still run after an
//! upgrade). The worker (in the binary) parses the kind back with [`JobKind::parse`] and
//! decodes the payload with [`JobPayload::from_json`].

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::Lang;
use crate::store::NewJob;

/// What a job does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// Render an e-mail in the recipient's language and deliver it ([`SendEmail`]).
    SendEmail,
    /// Write the confirmation of receipt into the applicant's e-Mailbox
    /// ([`IssueReceipt`]).
    IssueReceipt,
    /// Write a letter of a case (a request for an update, a decision) into the applicant's
    /// e-Mailbox ([`IssueLetter`]).
    IssueLetter,
}

impl JobKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [JobKind] = &[
        JobKind::SendEmail,
        JobKind::IssueReceipt,
        JobKind::IssueLetter,
    ];

    /// The stored text form (the `kind` column of the outbox).
    pub const fn as_str(self) -> &'static str {
        match self {
            JobKind::SendEmail => "send-email",
            JobKind::IssueReceipt => "issue-receipt",
            JobKind::IssueLetter => "issue-letter",
        }
    }

    /// Parses the stored text form; `None` for a kind this version does not know.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.as_str() == s)
    }
}

impl std::fmt::Display for JobKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// The data of one kind of job, stored as JSON in the job's payload.
pub trait JobPayload: Serialize + DeserializeOwned {
    /// The kind of job this payload belongs to.
    const KIND: JobKind;

    /// Decodes a stored payload.
    fn from_json(payload: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(payload)
    }
}

impl NewJob {
    /// A job of `payload`'s kind, with `id` (also its idempotency key: a fixed id makes
    /// the same job twice one job).
    pub fn of<P: JobPayload>(id: impl Into<String>, payload: &P) -> NewJob {
        let id = id.into();
        let payload = match serde_json::to_string(payload) {
            Ok(json) => json,
            // The payloads are plain structs with string keys, which always serialise; if
            // one ever does not, the job is still written with the change that caused it
            // (the caller has no way to undo that change here) and fails loudly when run,
            // since its payload does not decode.
            Err(e) => {
                tracing::error!(job = %id, kind = %P::KIND, error = %e, "job payload not serialisable");
                serde_json::Value::Null.to_string()
            }
        };
        NewJob {
            id,
            kind: P::KIND.as_str().into(),
            payload,
        }
    }
}

/// The payload of a [`JobKind::SendEmail`] job: which template, to whom, in which
/// language, with which arguments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SendEmail {
    /// The recipient's address.
    pub to: String,
    /// The language's tag ([`Lang::tag`]); kept as text so that a job with a tag this
    /// version no longer knows is still sent (in the default language).
    pub lang: String,
    /// The template: the messages `mail-<template>-subject` and `mail-<template>-body`.
    pub template: String,
    /// The messages' arguments (a link, a name, a date…).
    #[serde(default)]
    pub args: serde_json::Map<String, serde_json::Value>,
}

impl SendEmail {
    /// An e-mail of `template` to `to` in `lang`. `args` is a JSON object (as made by
    /// `json!({...})`); anything else gives no arguments.
    pub fn new(to: &str, lang: Lang, template: &str, args: serde_json::Value) -> Self {
        let args = match args {
            serde_json::Value::Object(map) => map,
            _ => serde_json::Map::new(),
        };
        SendEmail {
            to: to.into(),
            lang: lang.tag().into(),
            template: template.into(),
            args,
        }
    }
}

impl JobPayload for SendEmail {
    const KIND: JobKind = JobKind::SendEmail;
}

/// The payload of a [`JobKind::IssueReceipt`] job: the application whose confirmation of
/// receipt is due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueReceipt {
    /// The application's id.
    pub application_id: crate::ApplicationId,
}

impl JobPayload for IssueReceipt {
    const KIND: JobKind = JobKind::IssueReceipt;
}

/// The payload of a [`JobKind::IssueLetter`] job: the letter to deliver.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssueLetter {
    /// The letter's id.
    pub letter_id: String,
}

impl JobPayload for IssueLetter {
    const KIND: JobKind = JobKind::IssueLetter;
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn every_kind_round_trips_its_stored_text() {
        for kind in JobKind::ALL {
            assert_eq!(JobKind::parse(kind.as_str()), Some(*kind));
            assert_eq!(kind.to_string(), kind.as_str());
        }
        assert_eq!(JobKind::parse("send-mail"), None);
        assert_eq!(JobKind::parse(""), None);
    }

    #[test]
    fn the_stored_kinds_are_those_of_queued_jobs() {
        // Jobs queued by earlier versions carry these strings; they must keep running.
        assert_eq!(JobKind::SendEmail.as_str(), "send-email");
        assert_eq!(JobKind::IssueReceipt.as_str(), "issue-receipt");
        assert_eq!(JobKind::IssueLetter.as_str(), "issue-letter");
        assert_eq!(JobKind::ALL.len(), 3);
    }

    #[test]
    fn an_email_keeps_its_json_shape() -> anyhow::Result<()> {
        let mail = SendEmail::new(
            "ana@example.com",
            Lang::SrLatn,
            "document-waiting",
            json!({"link": "https://e.example/mailbox", "n": 3}),
        );
        let job = NewJob::of("j1", &mail);
        assert_eq!(job.id, "j1");
        assert_eq!(job.kind, "send-email");
        // The payload as earlier versions wrote it, by hand.
        let before = json!({
            "to": "ana@example.com",
            "lang": "sr-Latn",
            "template": "document-waiting",
            "args": {"link": "https://e.example/mailbox", "n": 3},
        });
        let written: serde_json::Value = serde_json::from_str(&job.payload)?;
        assert_eq!(written, before);
        assert_eq!(SendEmail::from_json(&before.to_string())?, mail);
        assert_eq!(SendEmail::from_json(&job.payload)?, mail);
        Ok(())
    }

    #[test]
    fn an_email_without_arguments_decodes() -> anyhow::Result<()> {
        let mail =
            SendEmail::from_json(r#"{"to":"a@b.rs","lang":"xx","template":"email-changed"}"#)?;
        assert!(mail.args.is_empty());
        assert_eq!(mail.lang, "xx");
        let none = SendEmail::new("a@b.rs", Lang::En, "email-changed", json!(null));
        assert!(none.args.is_empty());
        Ok(())
    }

    #[test]
    fn a_receipt_keeps_its_json_shape() -> anyhow::Result<()> {
        let receipt = IssueReceipt {
            application_id: crate::ApplicationId::new("0199-app"),
        };
        let job = NewJob::of("receipt-0199-app", &receipt);
        assert_eq!(job.kind, "issue-receipt");
        assert_eq!(job.payload, r#"{"application_id":"0199-app"}"#);
        assert_eq!(
            IssueReceipt::from_json(&json!({"application_id": "0199-app"}).to_string())?,
            receipt
        );
        Ok(())
    }

    #[test]
    fn a_payload_of_another_kind_does_not_decode() {
        assert!(IssueReceipt::from_json(r#"{"to":"a@b.rs"}"#).is_err());
        assert!(SendEmail::from_json(r#"{"application_id":"x"}"#).is_err());
        assert!(SendEmail::from_json("null").is_err());
    }
}
