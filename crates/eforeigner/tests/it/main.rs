//! Integration tests of the eForeigner server: one binary, each test with its own
//! application and database. Runs on SQLite by default and on PostgreSQL when
//! `EFOREIGNER_TEST_DATABASE_URL` is set (`.ci/run` does both).
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a failed step must stop the test loudly"
)]

mod access;
mod accounts;
mod api;
mod applications;
mod bad_input;
mod cases;
mod decisions;
mod hardening;
mod residence;
mod security;
mod store;
mod support;
