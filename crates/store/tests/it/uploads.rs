//! Uploads: stale drafts' records swept, and the storage keys that records name.

use eforeigner_domain::{OwnerKey, Upload};
use eforeigner_store::*;
use jiff::{SignedDuration, Timestamp};

use crate::support::{TestStore, now};

/// Issue 14 B2 and B9: the records of stale registration drafts go (newer ones stay), and
/// the store says which storage keys a record names.
#[tokio::test]
async fn stale_draft_uploads_go_and_referenced_keys_are_known() {
    let t = TestStore::new().await;
    let s = &t.store;
    let n = now();
    let upload = |id: &str, owner: &str, at: Timestamp| Upload {
        id: id.into(),
        owner_key: OwnerKey::parse(owner).unwrap(),
        purpose: "identity-document".into(),
        file_name: format!("{id}.pdf"),
        content_type: "application/pdf".into(),
        size_bytes: 10,
        sha256: "00".into(),
        storage_key: format!("uploads/00/{id}"),
        superseded_at: None,
        created_at: at,
    };
    let old = n - SignedDuration::from_hours(25);
    for u in [
        upload("old1", "draft:aaa", old),
        upload("old2", "draft:bbb", old),
        upload("new1", "draft:aaa", n),
        upload("acct", "account:x", old),
    ] {
        s.insert_upload(&u, &|_| true, &Effects::at(n))
            .await
            .unwrap();
    }
    // Only the owners under the prefix: the account's record, as old, stays.
    let mut gone = s
        .delete_stale_uploads(
            OwnerKey::DRAFT_PREFIX,
            n - SignedDuration::from_hours(24),
            10,
        )
        .await
        .unwrap();
    gone.sort();
    assert_eq!(gone, ["uploads/00/old1", "uploads/00/old2"]);
    let keys: Vec<String> = ["old1", "new1", "acct", "nobody"]
        .iter()
        .map(|k| format!("uploads/00/{k}"))
        .collect();
    let mut named: Vec<String> = s
        .referenced_storage_keys(&keys)
        .await
        .unwrap()
        .into_iter()
        .collect();
    named.sort();
    assert_eq!(named, ["uploads/00/acct", "uploads/00/new1"]);
}
