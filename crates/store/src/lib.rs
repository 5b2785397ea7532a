//! eForeigner's persistence: the domain's repository traits ([`eforeigner_domain::store`])
//! implemented for SQLite (the embedded default) and PostgreSQL, and its file port
//! ([`eforeigner_domain::ports::files`]) for a local directory and S3-compatible storage.
//!
//! - [`sql`] — one implementation, [`SqlStore`], speaks to both databases through sqlx's
//!   `Any` driver with the same SQL text (both accept `$1` placeholders, `ON CONFLICT` and
//!   `RETURNING`); migrations live per backend in `migrations/sqlite` and
//!   `migrations/postgres`, are embedded, and run at start.
//! - [`files`] — the file store.
//! - [`session_cache`] — the short-lived cache of sessions and their accounts.

pub mod files;
pub mod session_cache;
pub mod sql;

pub use eforeigner_domain::store::*;
pub use files::FileStore;
pub use sql::SqlStore;
