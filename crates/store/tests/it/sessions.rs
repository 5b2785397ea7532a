//! Sessions, throttle counters and the session cache; with them the owner's uploads and
//! the audit chain, as a signed-in request touches them.

use eforeigner_domain::{Account, AccountStatus, Email, OwnerKey, TokenPurpose, Upload};
use eforeigner_store::*;
use jiff::SignedDuration;

use crate::support::{TestStore, account, now, session};

#[tokio::test]
async fn sessions_throttles_uploads_and_audit_chain() {
    let t = TestStore::new().await;
    let s = &t.store;
    let n = now();
    let a = account("sess@example.org", n);
    s.insert_account(&a, None, &UploadMove::default(), &Effects::at(n))
        .await
        .unwrap();
    let mk = |id: &str| session(id, &a.id, n);
    s.insert_session(&mk("s1"), "th1", &Effects::at(n))
        .await
        .unwrap();
    s.insert_session(&mk("s2"), "th2", &Effects::at(n))
        .await
        .unwrap();
    assert_eq!(s.session_by_token("th1").await.unwrap().unwrap().id, "s1");
    assert!(
        !s.end_session(&"someone-else".into(), "s1", n, &Effects::at(n))
            .await
            .unwrap(),
        "only the owner ends it"
    );
    assert!(
        s.end_session(&a.id, "s1", n, &Effects::at(n))
            .await
            .unwrap()
    );
    s.end_all_sessions(&a.id, Some("s2"), n).await.unwrap();
    assert_eq!(s.open_sessions(&a.id).await.unwrap().len(), 1);

    let up = Upload {
        id: "u1".into(),
        owner_key: OwnerKey::Draft("abc".into()),
        purpose: "identity-document".into(),
        file_name: "pasoš.pdf".into(),
        content_type: "application/pdf".into(),
        size_bytes: 10,
        sha256: "00".into(),
        storage_key: "k".into(),
        superseded_at: None,
        created_at: n,
    };
    // `admit` sees the owner's current uploads; when it refuses, nothing is written.
    let refused = s.insert_upload(&up, &|_| false, &Effects::at(n)).await;
    assert!(matches!(refused, Err(StoreError::Stale)), "{refused:?}");
    assert!(
        s.uploads_of(&OwnerKey::Draft("abc".into()))
            .await
            .unwrap()
            .is_empty()
    );
    s.insert_upload(&up, &|current| current.is_empty(), &Effects::at(n))
        .await
        .unwrap();
    let mut second = up.clone();
    second.id = "u2".into();
    let seen = std::sync::Mutex::new(vec![]);
    let refused = s
        .insert_upload(
            &second,
            &|current| {
                seen.lock()
                    .unwrap()
                    .extend(current.iter().map(|u| u.id.clone()));
                false
            },
            &Effects::at(n),
        )
        .await;
    assert!(matches!(refused, Err(StoreError::Stale)), "{refused:?}");
    assert_eq!(*seen.lock().unwrap(), ["u1"]);
    assert_eq!(
        s.uploads_of(&OwnerKey::Draft("abc".into()))
            .await
            .unwrap()
            .len(),
        1
    );
    let mut b2 = a.clone();
    b2.updated_at = n + SignedDuration::from_secs(1);
    s.update_account(
        &b2,
        a.updated_at,
        &UploadMove {
            supersede_current: true,
            claim_from: Some(OwnerKey::Draft("abc".into())),
        },
        &Effects::at(n),
    )
    .await
    .unwrap();
    let owned = s
        .uploads_of(&OwnerKey::Account(a.id.clone()))
        .await
        .unwrap();
    assert_eq!(owned.len(), 1);
    assert_eq!(owned[0].file_name, "pasoš.pdf");
    assert!(
        s.delete_upload(&OwnerKey::Account("other".into()), "u1")
            .await
            .unwrap()
            .is_none()
    );

    let entry = |action: &str| NewAudit {
        actor_id: None,
        action: action.into(),
        subject_id: Some(a.id.to_string()),
        ip: Some("127.0.0.1".into()),
        details: "{}".into(),
    };
    let before = s.audit_entries(1000).await.unwrap().len() as i64;
    let appends = (0..5).map(|i| {
        let e = entry(&format!("test.{i}"));
        async move { s.append_audit(&[e], n).await }
    });
    for r in futures::future::join_all(appends).await {
        r.unwrap();
    }
    assert_eq!(s.verify_audit_chain().await.unwrap(), Ok(before + 5));
}

/// Issue 14 B3: attempts are counted before the work they guard, in one transaction per
/// attempt, so of many sent at once exactly as many go through as the policy allows; a
/// refusal counts nothing on any key.
#[tokio::test]
async fn throttle_attempts_are_counted_exactly_under_concurrency() {
    use eforeigner_domain::sessions::{Counter, ThrottleScope, admit};
    let t = TestStore::new().await;
    let s = t.store.clone();
    let n = now();
    let keys = vec![
        "email:race@example.org".to_string(),
        "ip:10.0.0.1".to_string(),
    ];
    let scopes = [ThrottleScope::Account, ThrottleScope::Address];
    let mut tasks = vec![];
    for _ in 0..40 {
        let s = s.clone();
        let keys = keys.clone();
        tasks.push(tokio::spawn(async move {
            let decide = |i: usize, c: Option<Counter>| admit(scopes[i], c, n);
            s.throttle_attempt(&keys, n, &decide).await.unwrap()
        }));
    }
    let mut passed = 0;
    for task in tasks {
        if task.await.unwrap().is_ok() {
            passed += 1;
        }
    }
    assert_eq!(
        passed, 5,
        "5 free attempts per account, whatever the concurrency"
    );
    // Refused attempts counted nothing, on the address either: 5 of its 20 are used.
    let decide = |_: usize, c: Option<Counter>| admit(ThrottleScope::Address, c, n);
    for _ in 0..15 {
        assert_eq!(
            s.throttle_attempt(&keys[1..], n, &decide).await.unwrap(),
            Ok(())
        );
    }
    assert!(
        s.throttle_attempt(&keys[1..], n, &decide)
            .await
            .unwrap()
            .is_err()
    );
    // A refund takes one back; a clear forgets the key.
    s.throttle_refund(&keys[1]).await.unwrap();
    assert_eq!(
        s.throttle_attempt(&keys[1..], n, &decide).await.unwrap(),
        Ok(())
    );
    s.throttle_clear(&keys[0]).await.unwrap();
    let decide = |_: usize, c: Option<Counter>| admit(ThrottleScope::Account, c, n);
    assert_eq!(
        s.throttle_attempt(&keys[..1], n, &decide).await.unwrap(),
        Ok(())
    );
}

/// The session cache (on by default, 5 s) must never answer with what this process has
/// changed since: every write to the account or its sessions is seen at once.
#[tokio::test]
async fn session_lookup_sees_every_change_at_once() {
    let t = TestStore::new().await;
    let s = &t.store;
    let n = now();
    let mut a = account("cache@example.org", n);
    let token = NewToken {
        token_hash: "cache-token".into(),
        account_id: a.id.clone(),
        purpose: TokenPurpose::ConfirmEmail,
        new_email: None,
        created_at: n,
        expires_at: n + SignedDuration::from_hours(24),
    };
    s.insert_account(&a, Some(&token), &UploadMove::default(), &Effects::at(n))
        .await
        .unwrap();
    let mk = |id: &str| session(id, &a.id, n);
    for (id, hash) in [("c1", "ch1"), ("c2", "ch2"), ("c3", "ch3")] {
        s.insert_session(&mk(id), hash, &Effects::at(n))
            .await
            .unwrap();
    }
    let lookup =
        |hash: &'static str| async move { s.session_and_account(hash).await.unwrap().unwrap() };
    assert!(s.session_and_account("nobody").await.unwrap().is_none());
    let (sess, acc) = lookup("ch1").await;
    assert_eq!(
        (sess.id.as_str(), acc.status),
        ("c1", AccountStatus::PendingEmail)
    );

    // Touching is reflected (the idle timeout is computed from it).
    let later = n + SignedDuration::from_secs(30);
    s.touch_session("c1", later).await.unwrap();
    assert_eq!(lookup("ch1").await.0.last_seen_at, later);

    // An account update (an officer rejects it).
    let before = a.updated_at;
    a.status = AccountStatus::Rejected;
    a.updated_at = n + SignedDuration::from_secs(1);
    s.update_account(&a, before, &UploadMove::default(), &Effects::at(n))
        .await
        .unwrap();
    assert_eq!(lookup("ch1").await.1.status, AccountStatus::Rejected);

    // A change through a redeemed token.
    let change = |mut acc: Account, _: Option<Email>| {
        acc.status = AccountStatus::Active;
        acc.updated_at += SignedDuration::from_secs(1);
        (acc, Effects::at(n))
    };
    s.redeem_token("cache-token", TokenPurpose::ConfirmEmail, n, &change)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(lookup("ch2").await.1.status, AccountStatus::Active);

    // Ending one session, then all but one.
    assert!(
        s.end_session(&a.id, "c1", n, &Effects::at(n))
            .await
            .unwrap()
    );
    assert!(lookup("ch1").await.0.ended_at.is_some());
    assert!(lookup("ch2").await.0.ended_at.is_none());
    s.end_all_sessions(&a.id, Some("c3"), n).await.unwrap();
    assert!(lookup("ch2").await.0.ended_at.is_some());
    assert!(lookup("ch3").await.0.ended_at.is_none());
}
