//! Accounts and e-mail tokens: unique addresses, optimistic updates, single-use tokens
//! whose effects share the write's transaction, password failures counted atomically.

use eforeigner_domain::{Account, AccountStatus, Email, Lang, TokenPurpose};
use eforeigner_store::*;
use jiff::SignedDuration;

use crate::support::{TestStore, account, now};

#[tokio::test]
async fn accounts_round_trip_unique_email_and_optimistic_updates() {
    let t = TestStore::new().await;
    let s = &t.store;
    let n = now();
    let a = account("s@example.org", n);
    s.insert_account(&a, None, &UploadMove::default(), &Effects::at(n))
        .await
        .unwrap();
    let back = s.account(&a.id).await.unwrap().unwrap();
    assert_eq!(back.profile, a.profile);
    assert_eq!(back.language, Lang::SrCyrl);
    assert_eq!(back.created_at, n);
    let dup = account("s@example.org", n);
    let refused = s
        .insert_account(&dup, None, &UploadMove::default(), &Effects::at(n))
        .await;
    // The constraint as each database names it (`accounts_email_key`, `accounts.email`).
    assert!(
        matches!(&refused, Err(StoreError::Taken { constraint }) if constraint.contains("email")),
        "{refused:?}"
    );

    let mut changed = back.clone();
    changed.status = AccountStatus::AwaitingVerification;
    changed.submitted_at = Some(n);
    changed.updated_at = n + SignedDuration::from_secs(1);
    s.update_account(
        &changed,
        back.updated_at,
        &UploadMove::default(),
        &Effects::at(n),
    )
    .await
    .unwrap();
    // A second writer holding the old version loses.
    let mut stale = back.clone();
    stale.profile.phone = Some("123456".into());
    assert!(matches!(
        s.update_account(
            &stale,
            back.updated_at,
            &UploadMove::default(),
            &Effects::at(n)
        )
        .await,
        Err(StoreError::Stale)
    ));
    // Another account's address is taken, whatever the version.
    let other = account("other@example.org", n);
    s.insert_account(&other, None, &UploadMove::default(), &Effects::at(n))
        .await
        .unwrap();
    let mut clash = other.clone();
    clash.email = Email::parse("s@example.org").unwrap();
    let refused = s
        .update_account(
            &clash,
            other.updated_at,
            &UploadMove::default(),
            &Effects::at(n),
        )
        .await;
    assert!(
        matches!(refused, Err(StoreError::Taken { .. })),
        "{refused:?}"
    );
    let queue = s
        .accounts_in_status(AccountStatus::AwaitingVerification, 10)
        .await
        .unwrap();
    assert_eq!(queue.len(), 1);
}

#[tokio::test]
async fn tokens_are_single_use_and_expire_and_effects_share_the_transaction() {
    let t = TestStore::new().await;
    let s = &t.store;
    let n = now();
    let a = account("tok@example.org", n);
    let token = NewToken {
        token_hash: "h1".into(),
        account_id: a.id.clone(),
        purpose: TokenPurpose::ConfirmEmail,
        new_email: None,
        created_at: n,
        expires_at: n + SignedDuration::from_hours(24),
    };
    let job = NewJob {
        id: uuid::Uuid::new_v4().to_string(),
        kind: "send-email".into(),
        payload: "{}".into(),
    };
    s.insert_account(
        &a,
        Some(&token),
        &UploadMove::default(),
        &Effects::at(n).with_job(job.clone()),
    )
    .await
    .unwrap();
    assert_eq!(s.pending_jobs().await.unwrap(), 1);
    assert_eq!(
        s.peek_token("h1", TokenPurpose::ResetPassword, n)
            .await
            .unwrap(),
        None,
        "purpose matters"
    );
    assert_eq!(
        s.peek_token("h1", TokenPurpose::ConfirmEmail, n)
            .await
            .unwrap(),
        Some(a.id.clone())
    );
    let later = n + SignedDuration::from_hours(25);
    let change = |mut acc: Account, _: Option<Email>| {
        acc.status = AccountStatus::AwaitingVerification;
        (acc, Effects::at(n))
    };
    assert!(
        s.redeem_token("h1", TokenPurpose::ConfirmEmail, later, &change)
            .await
            .unwrap()
            .is_none(),
        "expired"
    );
    let redeemed = s
        .redeem_token("h1", TokenPurpose::ConfirmEmail, n, &change)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(redeemed.status, AccountStatus::AwaitingVerification);
    assert!(
        s.redeem_token("h1", TokenPurpose::ConfirmEmail, n, &change)
            .await
            .unwrap()
            .is_none(),
        "used"
    );

    // A failing change rolls back the job written with it.
    let dup = account("tok@example.org", n);
    let job2 = NewJob {
        id: uuid::Uuid::new_v4().to_string(),
        kind: "send-email".into(),
        payload: "{}".into(),
    };
    assert!(
        s.insert_account(
            &dup,
            None,
            &UploadMove::default(),
            &Effects::at(n).with_job(job2)
        )
        .await
        .is_err()
    );
    assert_eq!(s.pending_jobs().await.unwrap(), 1);
}

/// Issue 14 B3: no failed password attempt is lost, however many arrive at once, and the
/// account is locked exactly once, by the failure that reaches the limit.
#[tokio::test]
async fn password_failures_are_counted_atomically_and_lock_once() {
    let t = TestStore::new().await;
    let s = t.store.clone();
    let n = now();
    let a = account("fails@example.org", n);
    s.insert_account(&a, None, &UploadMove::default(), &Effects::at(n))
        .await
        .unwrap();
    let locks = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = vec![];
    for _ in 0..39 {
        let (s, id, locks) = (s.clone(), a.id.clone(), locks.clone());
        tasks.push(tokio::spawn(async move {
            let effects = |_: i64, locked: bool| {
                if locked {
                    locks.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                }
                Effects::at(n)
            };
            s.count_password_failure(&id, 30, n, &effects)
                .await
                .unwrap()
        }));
    }
    let mut counts = vec![];
    for task in tasks {
        counts.push(task.await.unwrap());
    }
    counts.sort();
    assert_eq!(
        counts,
        (1..=39).collect::<Vec<i64>>(),
        "every failure counted once"
    );
    assert_eq!(locks.load(std::sync::atomic::Ordering::SeqCst), 1);
    let back = s.account(&a.id).await.unwrap().unwrap();
    assert_eq!(back.failed_logins, 39);
    assert!(back.locked_at.is_some());
    s.reset_password_failures(&a.id).await.unwrap();
    assert_eq!(s.account(&a.id).await.unwrap().unwrap().failed_logins, 0);
}
