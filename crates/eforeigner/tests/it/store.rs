//! The store as the application wires it. The repository conformance suite (the same
//! behaviour on SQLite and PostgreSQL) is the store crate's own: `crates/store/tests/it/`.

use crate::support::TestApp;

/// Issue 14 F: a confirmation that went out is never rolled back by a power loss: SQLite
/// waits for every commit's WAL write (`synchronous = FULL`).
#[tokio::test]
async fn sqlite_commits_are_durable() {
    let t = TestApp::spawn().await;
    match t.app().store.backend() {
        eforeigner::store::sql::Backend::Sqlite => {
            assert_eq!(t.app().store.sqlite_synchronous().await.unwrap(), Some(2));
        }
        eforeigner::store::sql::Backend::Postgres => {
            assert_eq!(t.app().store.sqlite_synchronous().await.unwrap(), None);
        }
    }
}
