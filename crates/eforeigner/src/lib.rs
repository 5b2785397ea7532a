//! eForeigner: the e-government portal for foreign citizens.
//!
//! The crate is laid out the way data flows, one way only:
//! - [`web`] — axum: HTML pages, the JSON API, sessions, CSRF, security headers, i18n.
//! - [`domain`] — business operations (accounts, sessions, verification, audit) over
//!   repository traits; the clock and the id source are injected.
//! - [`store`] — persistence behind those traits: SQLite (default) and PostgreSQL,
//!   embedded migrations, and the file store for uploads.
//! - [`jobs`] — the transactional outbox worker (e-mail).
//! - `eforeigner_rules` (a separate crate) — pure rules: identifiers, password policy.
//!
//! [`app`] wires them together; `main.rs` only parses the command line.

pub mod app;
pub mod cli;
pub mod config;
pub mod documents;
pub mod domain;
pub mod i18n;
pub mod jobs;
pub mod store;
pub mod web;

pub use app::{App, RunningApp};
pub use config::Config;
/// The pure rules crate, for tools (benchmarks) that call the rules directly.
pub use eforeigner_rules as rules;
