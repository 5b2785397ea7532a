//! Integration tests of the store, one binary: the repository conformance suite (the same
//! behaviour on SQLite and on PostgreSQL, each test on a database of its own) and the
//! comparison of the two migration trees' schemas.
//!
//! Runs on SQLite by default and on PostgreSQL when `EFOREIGNER_TEST_DATABASE_URL` names a
//! server (`.ci/run` does both); the schema comparison needs both, and says so when it has
//! only SQLite.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a failed step must stop the test loudly"
)]

mod accounts;
mod applications;
mod jobs;
mod schema;
mod sessions;
mod support;
mod uploads;
