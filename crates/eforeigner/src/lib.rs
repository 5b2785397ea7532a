//! eForeigner, the e-government portal for foreign citizens: the binary's library — the
//! command line ([`cli`]), the wiring of the crates into one application ([`app`]), its
//! configuration ([`config`]) and the background jobs ([`jobs`]). `main.rs` only parses the
//! command line.
//!
//! The other crates, one way only (web → domain → rules; store and documents are adapters
//! of the domain's ports), are re-exported under their short names for the tests and
//! benchmarks that drive a whole application: [`rules`], [`domain`], [`store`],
//! [`documents`], [`web`] (and its [`i18n`]).

pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod jobs;

pub use app::{App, RunningApp};
pub use config::Config;
/// Generated documents (PDFs, QR codes).
pub use eforeigner_documents as documents;
/// Business operations, the model and the ports.
pub use eforeigner_domain as domain;
/// The pure rules crate, for tools (benchmarks) that call the rules directly.
pub use eforeigner_rules as rules;
/// Persistence (SQLite, PostgreSQL, files).
pub use eforeigner_store as store;
/// The web edge.
pub use eforeigner_web as web;
/// Translations.
pub use eforeigner_web::i18n;
