//! The store conformance suite: the same repository behaviour on SQLite and PostgreSQL
//! (the backend is chosen by `EFOREIGNER_TEST_DATABASE_URL`, as in the rest of the suite).

use eforeigner::domain::{
    Account, AccountStatus, Lang, Profile, Role, Session, TokenPurpose, Upload,
};
use eforeigner::store::*;
use jiff::{SignedDuration, Timestamp};

use crate::support::TestApp;

fn account(email: &str, now: Timestamp) -> Account {
    Account::new(
        uuid::Uuid::new_v4().to_string(),
        email.into(),
        "$argon2id$v=19$m=19456,t=2,p=1$x$y".into(),
        Role::Applicant,
        AccountStatus::PendingEmail,
        Profile {
            given_names: "Đorđe".into(),
            surname: "Šćepanović".into(),
            date_of_birth: Some(jiff::civil::date(1985, 2, 28)),
            ..Profile::default()
        },
        Lang::SrCyrl,
        now,
    )
}

fn session(id: &str, account_id: &str, n: Timestamp) -> Session {
    Session {
        id: id.into(),
        account_id: account_id.into(),
        created_at: n,
        last_seen_at: n,
        idle_timeout_secs: 3600,
        absolute_expires_at: n + SignedDuration::from_hours(24),
        ip: "127.0.0.1".into(),
        user_agent: "ua".into(),
        ended_at: None,
    }
}

fn now() -> Timestamp {
    // Whole microseconds: what the store keeps.
    Timestamp::from_microsecond(Timestamp::now().as_microsecond()).unwrap()
}

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

#[tokio::test]
async fn accounts_round_trip_unique_email_and_optimistic_updates() {
    let t = TestApp::spawn().await;
    let s = &t.app().store;
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
    assert!(matches!(
        s.insert_account(&dup, None, &UploadMove::default(), &Effects::at(n))
            .await,
        Err(StoreError::Conflict)
    ));

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
        Err(StoreError::Conflict)
    ));
    let queue = s
        .accounts_in_status(AccountStatus::AwaitingVerification, 10)
        .await
        .unwrap();
    assert_eq!(queue.len(), 1);
}

#[tokio::test]
async fn tokens_are_single_use_and_expire_and_effects_share_the_transaction() {
    let t = TestApp::spawn().await;
    let s = &t.app().store;
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
    let change = |mut acc: Account, _: Option<String>| {
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

#[tokio::test]
async fn outbox_claims_are_exclusive_and_leases_expire() {
    let t = TestApp::spawn().await;
    let s = &t.app().store;
    // Stop the app's own worker from racing this test: use a far future "now" only here.
    let n = now() + SignedDuration::from_hours(1000);
    let a = account("job@example.org", n);
    let jobs: Vec<NewJob> = (0..8)
        .map(|i| NewJob {
            id: format!("job-{i}-{}", uuid::Uuid::new_v4()),
            kind: "noop".into(),
            payload: "{}".into(),
        })
        .collect();
    let mut effects = Effects::at(n);
    for j in &jobs {
        effects = effects.with_job(j.clone());
    }
    s.insert_account(&a, None, &UploadMove::default(), &effects)
        .await
        .unwrap();
    let lease = SignedDuration::from_mins(2);
    // Twice as many workers as jobs, all at once: each job is claimed once, and none is
    // left waiting while a worker comes back empty.
    let claims = futures::future::join_all((0..16).map(|_| s.claim_job(n, lease))).await;
    let mut ids: Vec<String> = claims
        .into_iter()
        .filter_map(|c| c.unwrap())
        .map(|j| j.id)
        .collect();
    ids.sort();
    ids.dedup();
    // The app's worker may hold some (it runs with the real clock, which is earlier: it
    // cannot see jobs due in 1000 hours), so every job is claimed exactly once here.
    assert_eq!(ids.len(), 8);
    assert!(s.claim_job(n, lease).await.unwrap().is_none());
    // After the lease runs out an unfinished job comes back, with its attempt counted.
    let again = s
        .claim_job(n + SignedDuration::from_mins(3), lease)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.attempts, 2);
    s.complete_job(&again.id, n).await.unwrap();
    let other = ids.iter().find(|i| **i != again.id).unwrap();
    s.fail_job(other, "boom", None).await.unwrap();
    assert_eq!(s.pending_jobs().await.unwrap(), 6);
}

/// On PostgreSQL several workers claim at once: a claim does not wait for (or lose to) a
/// job another worker is claiming at that moment, it takes the next one. (SQLite runs one
/// write at a time, so there is no such moment there.)
#[tokio::test]
async fn a_claim_takes_the_next_job_while_another_worker_holds_the_first() {
    use sqlx::Connection;
    let t = TestApp::spawn().await;
    let url = t.app().config.database_url.clone().unwrap();
    if !url.starts_with("postgres") {
        return;
    }
    let s = &t.app().store;
    let n = now() + SignedDuration::from_hours(1000);
    let mut ids = vec![];
    for (i, at) in [n, n + SignedDuration::from_secs(1)]
        .into_iter()
        .enumerate()
    {
        let job = NewJob {
            id: format!("job-{i}-{}", uuid::Uuid::new_v4()),
            kind: "noop".into(),
            payload: "{}".into(),
        };
        ids.push(job.id.clone());
        let a = account(&format!("job{i}@example.org"), at);
        s.insert_account(
            &a,
            None,
            &UploadMove::default(),
            &Effects::at(at).with_job(job),
        )
        .await
        .unwrap();
    }
    // Another worker is in the middle of claiming the first job.
    let mut other = sqlx::AnyConnection::connect(&url).await.unwrap();
    let mut tx = other.begin().await.unwrap();
    sqlx::query("SELECT id FROM outbox WHERE id = $1 FOR UPDATE")
        .bind(&ids[0])
        .execute(&mut *tx)
        .await
        .unwrap();
    let lease = SignedDuration::from_mins(2);
    let later = n + SignedDuration::from_secs(2);
    let claimed =
        tokio::time::timeout(std::time::Duration::from_secs(5), s.claim_job(later, lease))
            .await
            .expect("the claim does not wait for the other worker")
            .unwrap()
            .unwrap();
    assert_eq!(claimed.id, ids[1]);
    tx.rollback().await.unwrap();
    assert_eq!(s.claim_job(later, lease).await.unwrap().unwrap().id, ids[0]);
}

#[tokio::test]
async fn sessions_throttles_uploads_and_audit_chain() {
    let t = TestApp::spawn().await;
    let s = &t.app().store;
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
        !s.end_session("someone-else", "s1", n, &Effects::at(n))
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
        owner_key: "draft:abc".into(),
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
    assert!(matches!(refused, Err(StoreError::Conflict)), "{refused:?}");
    assert!(s.uploads_of("draft:abc").await.unwrap().is_empty());
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
    assert!(matches!(refused, Err(StoreError::Conflict)), "{refused:?}");
    assert_eq!(*seen.lock().unwrap(), ["u1"]);
    assert_eq!(s.uploads_of("draft:abc").await.unwrap().len(), 1);
    let mut b2 = a.clone();
    b2.updated_at = n + SignedDuration::from_secs(1);
    s.update_account(
        &b2,
        a.updated_at,
        &UploadMove {
            supersede_current: true,
            claim_from: Some("draft:abc".into()),
        },
        &Effects::at(n),
    )
    .await
    .unwrap();
    let owned = s.uploads_of(&format!("account:{}", a.id)).await.unwrap();
    assert_eq!(owned.len(), 1);
    assert_eq!(owned[0].file_name, "pasoš.pdf");
    assert!(
        s.delete_upload("account:other", "u1")
            .await
            .unwrap()
            .is_none()
    );

    let entry = |action: &str| NewAudit {
        actor_id: None,
        action: action.into(),
        subject_id: Some(a.id.clone()),
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
    use eforeigner::domain::sessions::{Counter, ThrottleScope, admit};
    let t = TestApp::spawn().await;
    let s = t.app().store.clone();
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

/// Issue 14 B3: no failed password attempt is lost, however many arrive at once, and the
/// account is locked exactly once, by the failure that reaches the limit.
#[tokio::test]
async fn password_failures_are_counted_atomically_and_lock_once() {
    let t = TestApp::spawn().await;
    let s = t.app().store.clone();
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

/// Issue 14 B2 and B9: the records of stale registration drafts go (newer ones stay), and
/// the store says which storage keys a record names.
#[tokio::test]
async fn stale_draft_uploads_go_and_referenced_keys_are_known() {
    let t = TestApp::spawn().await;
    let s = &t.app().store;
    let n = now();
    let upload = |id: &str, owner: &str, at: Timestamp| Upload {
        id: id.into(),
        owner_key: owner.into(),
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
        upload("old1", "sweeptest:aaa", old),
        upload("old2", "sweeptest:bbb", old),
        upload("new1", "sweeptest:aaa", n),
        upload("acct", "account:x", old),
    ] {
        s.insert_upload(&u, &|_| true, &Effects::at(n))
            .await
            .unwrap();
    }
    // (Owner keys of a prefix of the test's own: the app's hourly sweep of `draft:` runs
    // in the background.)
    let mut gone = s
        .delete_stale_uploads("sweeptest:", n - SignedDuration::from_hours(24), 10)
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

mod applications_repo {
    use eforeigner::domain::applications::{
        Answers, Application, ApplicationEvent, ApplicationKind, ApplicationStatus,
        MailboxDocument, PaymentRecord,
    };
    use eforeigner::domain::paging::Window;

    use super::*;

    fn draft(account_id: &str, n: Timestamp) -> Application {
        let mut answers = Answers::default();
        answers
            .steps
            .entry("reasons".into())
            .or_default()
            .insert("ground".into(), "talent".into());
        Application {
            id: uuid::Uuid::now_v7().to_string(),
            account_id: account_id.into(),
            kind: ApplicationKind::First,
            status: ApplicationStatus::Draft,
            answers,
            version: 1,
            case_reference: None,
            payment_reference: None,
            payment_method: None,
            fee_due_para: None,
            paid_at: None,
            submitted_at: None,
            received_at: None,
            verify_code: None,
            deadline: None,
            created_at: n,
            updated_at: n,
            expires_at: Some(n + SignedDuration::from_hours(720)),
            expiry_warned_at: None,
        }
    }

    /// An account of `email` with one stored draft.
    async fn account_with_draft(s: &SqlStore, email: &str, n: Timestamp) -> (Account, Application) {
        let acc = account(email, n);
        s.insert_account(&acc, None, &UploadMove::default(), &Effects::at(n))
            .await
            .unwrap();
        let a = draft(&acc.id, n);
        s.insert_application(&a, &event(&a, "started", n), &Effects::at(n))
            .await
            .unwrap();
        (acc, a)
    }

    fn window(offset: i64, limit: i64) -> Window {
        Window { offset, limit }
    }

    fn event(app: &Application, what: &str, n: Timestamp) -> ApplicationEvent {
        ApplicationEvent {
            id: uuid::Uuid::now_v7().to_string(),
            application_id: app.id.clone(),
            at: n,
            actor_id: None,
            from_status: None,
            to_status: app.status,
            what: what.into(),
            why: Some("Ćirilica ok".into()),
        }
    }

    fn payment(key: &str, reference: &str, n: Timestamp) -> PaymentRecord {
        PaymentRecord {
            resolved_at: None,
            resolved_by: None,
            resolution_note: None,
            id: uuid::Uuid::new_v4().to_string(),
            source: "bank-statement".into(),
            source_key: key.into(),
            reference: reference.into(),
            amount_para: 2_223_000,
            paid_on: "2026-11-20".into(),
            payer: "Ана Петровић".into(),
            outcome: "matched".into(),
            application_id: None,
            recorded_by: None,
            note: None,
            recorded_at: n,
        }
    }

    #[tokio::test]
    async fn applications_versions_references_history_and_drafts() {
        let t = TestApp::spawn().await;
        let s = &t.app().store;
        let n = now();
        let (acc, a) = account_with_draft(s, "apps@example.org", n).await;
        assert_eq!(s.application(&a.id).await.unwrap().unwrap(), a);
        let list = s.applications_of(&acc.id, window(0, 10)).await.unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].ground.as_deref(), Some("talent"));

        // Optimistic: a write based on an old version is refused.
        let mut b = a.clone();
        b.version = 2;
        b.payment_reference = Some("016000000001".into());
        s.update_application(&b, 1, &[], None, None, &Effects::at(n))
            .await
            .unwrap();
        let mut stale = a.clone();
        stale.version = 2;
        assert!(matches!(
            s.update_application(&stale, 1, &[], None, None, &Effects::at(n))
                .await,
            Err(StoreError::Conflict)
        ));
        // A payment reference is unique across applications.
        let mut other = draft(&acc.id, n);
        other.payment_reference = Some("016000000001".into());
        assert!(
            s.insert_application(&other, &event(&other, "started", n), &Effects::at(n))
                .await
                .is_err()
        );
        assert_eq!(
            s.application_by_payment_reference("016000000001")
                .await
                .unwrap()
                .unwrap()
                .id,
            a.id
        );

        // History in order, with the payment recorded in the same transaction.
        let mut c = b.clone();
        c.version = 3;
        c.status = ApplicationStatus::Submitted;
        c.verify_code = Some("ABCD-EFGH-JKMN".into());
        let p = payment("k1", "016000000001", n);
        s.update_application(
            &c,
            2,
            &[event(&c, "payment-confirmed", n)],
            Some(&p),
            None,
            &Effects::at(n),
        )
        .await
        .unwrap();
        let ev = s.events_of(&a.id).await.unwrap();
        assert_eq!(
            ev.iter().map(|e| e.what.as_str()).collect::<Vec<_>>(),
            ["started", "payment-confirmed"]
        );
        assert_eq!(ev[1].why.as_deref(), Some("Ćirilica ok"));
        assert_eq!(
            s.payment_by_key("k1").await.unwrap().unwrap().payer,
            "Ана Петровић"
        );
        assert!(matches!(
            s.insert_payment(&payment("k1", "x", n), &Effects::at(n))
                .await,
            Err(StoreError::Conflict)
        ));
        // Lines that need attention stay listed until resolved, once.
        let mut odd = payment("k2", "999", n);
        odd.outcome = "unknown-reference".into();
        s.insert_payment(&odd, &Effects::at(n)).await.unwrap();
        let listed = s.payments_needing_attention(10).await.unwrap();
        assert_eq!(listed.len(), 1);
        assert!(listed[0].needs_attention());
        s.resolve_payment(&odd.id, "sup", "refunded", n, &Effects::at(n))
            .await
            .unwrap();
        assert!(matches!(
            s.resolve_payment(&odd.id, "sup", "again", n, &Effects::at(n))
                .await,
            Err(StoreError::NotFound)
        ));
        assert!(s.payments_needing_attention(10).await.unwrap().is_empty());
        let back = s.payment_by_key("k2").await.unwrap().unwrap();
        assert_eq!(back.resolution_note.as_deref(), Some("refunded"));
        assert!(!back.needs_attention());
        assert_eq!(
            s.application_by_verify_code("ABCD-EFGH-JKMN")
                .await
                .unwrap()
                .unwrap()
                .id,
            a.id
        );
        // Only drafts can be deleted.
        assert!(matches!(
            s.delete_draft(&a.id, None, &Effects::at(n)).await,
            Err(StoreError::Conflict)
        ));
        let d = draft(&acc.id, n);
        s.insert_application(&d, &event(&d, "started", n), &Effects::at(n))
            .await
            .unwrap();
        let expiring = s
            .drafts_expiring(n + SignedDuration::from_hours(721), false, 10)
            .await
            .unwrap();
        assert_eq!(expiring.len(), 1);
        // Warned once: a second sweep running at the same time is told `Conflict`, and so
        // is a warning for a draft whose date a save has moved past the warning window.
        let soon = n + SignedDuration::from_hours(721);
        assert!(matches!(
            s.mark_draft_warned(&d.id, n, &Effects::at(n)).await,
            Err(StoreError::Conflict)
        ));
        s.mark_draft_warned(&d.id, soon, &Effects::at(n))
            .await
            .unwrap();
        assert!(matches!(
            s.mark_draft_warned(&d.id, soon, &Effects::at(n)).await,
            Err(StoreError::Conflict)
        ));
        assert_eq!(
            s.application(&d.id)
                .await
                .unwrap()
                .unwrap()
                .expiry_warned_at,
            Some(n)
        );
        assert!(s.drafts_expiring(soon, false, 10).await.unwrap().is_empty());
        // The sweep deletes only past the deletion date.
        assert!(matches!(
            s.delete_draft(&d.id, Some(n), &Effects::at(n)).await,
            Err(StoreError::Conflict)
        ));
        assert!(s.application(&d.id).await.unwrap().is_some());
        s.delete_draft(&d.id, Some(soon), &Effects::at(n))
            .await
            .unwrap();
        assert!(s.application(&d.id).await.unwrap().is_none());
    }

    fn file_of(app: &Application, id: &str, n: Timestamp) -> Upload {
        Upload {
            id: id.into(),
            owner_key: eforeigner::domain::applications::upload_owner(&app.id),
            purpose: "passport".into(),
            file_name: format!("{id}.pdf"),
            content_type: "application/pdf".into(),
            size_bytes: 10,
            sha256: "00".into(),
            storage_key: format!("applications/{}/{id}", app.id),
            superseded_at: None,
            created_at: n,
        }
    }

    /// A draft's files change only while it is a draft, and a submission's write sees the
    /// files as they stay: the store checks both inside the write's transaction.
    #[tokio::test]
    async fn draft_files_change_only_while_a_draft_and_submission_sees_them() {
        let t = TestApp::spawn().await;
        let s = &t.app().store;
        let n = now();
        let (_, a) = account_with_draft(s, "files@example.org", n).await;
        let owner = eforeigner::domain::applications::upload_owner(&a.id);
        s.add_draft_file(
            &a.id,
            &file_of(&a, "f1", n),
            &|c| c.is_empty(),
            &Effects::at(n),
        )
        .await
        .unwrap();
        // `admit` sees the draft's current files; a refusal writes nothing.
        let refused = s
            .add_draft_file(
                &a.id,
                &file_of(&a, "f2", n),
                &|c| c.is_empty(),
                &Effects::at(n),
            )
            .await;
        assert!(matches!(refused, Err(StoreError::Conflict)), "{refused:?}");
        s.add_draft_file(
            &a.id,
            &file_of(&a, "f2", n),
            &|c| c.len() == 1,
            &Effects::at(n),
        )
        .await
        .unwrap();
        // No such file of this draft (an id of another owner included).
        assert!(matches!(
            s.remove_draft_file(&a.id, "nope", &Effects::at(n)).await,
            Err(StoreError::NotFound)
        ));
        let removed = s
            .remove_draft_file(&a.id, "f2", &Effects::at(n))
            .await
            .unwrap();
        assert_eq!(removed.storage_key, format!("applications/{}/f2", a.id));
        assert_eq!(s.uploads_of(&owner).await.unwrap().len(), 1);

        // A submission whose check refuses the files as they are: nothing is written.
        let mut sub = a.clone();
        sub.version = 2;
        sub.status = ApplicationStatus::AwaitingPayment;
        sub.submitted_at = Some(n);
        let seen = std::sync::Mutex::new(vec![]);
        let refused = s
            .update_application(
                &sub,
                1,
                &[event(&sub, "submitted", n)],
                None,
                Some(&|c: &[Upload]| {
                    seen.lock().unwrap().extend(c.iter().map(|u| u.id.clone()));
                    c.len() == 2
                }),
                &Effects::at(n),
            )
            .await;
        assert!(
            matches!(refused, Err(StoreError::Precondition)),
            "{refused:?}"
        );
        assert_eq!(*seen.lock().unwrap(), ["f1"]);
        let stored = s.application(&a.id).await.unwrap().unwrap();
        assert_eq!(
            (stored.version, stored.status),
            (1, ApplicationStatus::Draft)
        );
        assert_eq!(s.events_of(&a.id).await.unwrap().len(), 1);
        s.update_application(
            &sub,
            1,
            &[event(&sub, "submitted", n)],
            None,
            Some(&|c: &[Upload]| c.len() == 1),
            &Effects::at(n),
        )
        .await
        .unwrap();

        // Submitted: its files stay as they were submitted, and it is not deleted.
        let late = s
            .add_draft_file(&a.id, &file_of(&a, "f3", n), &|_| true, &Effects::at(n))
            .await;
        assert!(matches!(late, Err(StoreError::Precondition)), "{late:?}");
        let late = s.remove_draft_file(&a.id, "f1", &Effects::at(n)).await;
        assert!(matches!(late, Err(StoreError::Precondition)), "{late:?}");
        assert!(matches!(
            s.delete_draft(&a.id, None, &Effects::at(n)).await,
            Err(StoreError::Conflict)
        ));
        let files = s.uploads_of(&owner).await.unwrap();
        assert_eq!(
            files.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(),
            ["f1"]
        );
        // And no application at all: the same answer.
        assert!(matches!(
            s.add_draft_file("missing", &file_of(&a, "f4", n), &|_| true, &Effects::at(n))
                .await,
            Err(StoreError::Precondition)
        ));
    }

    #[tokio::test]
    async fn mailbox_delivers_once_and_records_the_first_opening() {
        let t = TestApp::spawn().await;
        let s = &t.app().store;
        let n = now();
        let (acc, a) = account_with_draft(s, "mail@example.org", n).await;
        let doc = MailboxDocument {
            id: uuid::Uuid::now_v7().to_string(),
            account_id: acc.id.clone(),
            application_id: Some(a.id.clone()),
            kind: "receipt".into(),
            case_reference: Some("TR-2026-00000001".into()),
            file_name: "r.pdf".into(),
            content_type: "application/pdf".into(),
            size_bytes: 10,
            storage_key: "k".into(),
            verify_code: None,
            created_at: n,
            opened_at: None,
        };
        assert!(
            s.insert_mailbox_document(&doc, &Effects::at(n))
                .await
                .unwrap()
        );
        let again = MailboxDocument {
            id: uuid::Uuid::now_v7().to_string(),
            ..doc.clone()
        };
        assert!(
            !s.insert_mailbox_document(&again, &Effects::at(n))
                .await
                .unwrap()
        );
        assert_eq!(
            s.mailbox_of(&acc.id, window(0, 10))
                .await
                .unwrap()
                .documents
                .len(),
            1
        );
        let later = n + SignedDuration::from_hours(1);
        s.mark_opened(&doc.id, n, &Effects::at(n)).await.unwrap();
        s.mark_opened(&doc.id, later, &Effects::at(later))
            .await
            .unwrap();
        assert_eq!(
            s.mailbox_document(&doc.id)
                .await
                .unwrap()
                .unwrap()
                .opened_at,
            Some(n)
        );
        // Kept answers: taken once, only for their application, not after expiry.
        s.keep_answers("h1", &a.id, "check", "{}", n, later)
            .await
            .unwrap();
        assert!(
            s.take_kept_answers("h1", "other", n)
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(
            s.take_kept_answers("h1", &a.id, n).await.unwrap(),
            Some(("check".into(), "{}".into()))
        );
        assert!(s.take_kept_answers("h1", &a.id, n).await.unwrap().is_none());
        s.keep_answers("h2", &a.id, "check", "{}", n, later)
            .await
            .unwrap();
        assert!(
            s.take_kept_answers("h2", &a.id, later + SignedDuration::from_secs(1))
                .await
                .unwrap()
                .is_none()
        );
    }

    /// "My applications" and the e-Mailbox read a window of an account's rows, newest
    /// first, and the unread count covers the whole mailbox.
    #[tokio::test]
    async fn lists_come_newest_first_a_window_at_a_time() {
        let t = TestApp::spawn().await;
        let s = &t.app().store;
        let n = now();
        let acc = account("lists@example.org", n);
        let other = account("other-lists@example.org", n);
        for a in [&acc, &other] {
            s.insert_account(a, None, &UploadMove::default(), &Effects::at(n))
                .await
                .unwrap();
        }
        let mut app_ids = vec![];
        let mut doc_ids = vec![];
        for i in 0..23i64 {
            let at = n + SignedDuration::from_secs(i);
            let a = Application {
                created_at: at,
                updated_at: at,
                ..draft(&acc.id, at)
            };
            s.insert_application(&a, &event(&a, "started", at), &Effects::at(at))
                .await
                .unwrap();
            app_ids.push(a.id.clone());
            let doc = MailboxDocument {
                id: uuid::Uuid::now_v7().to_string(),
                account_id: acc.id.clone(),
                application_id: None,
                kind: "receipt".into(),
                case_reference: None,
                file_name: format!("r{i}.pdf"),
                content_type: "application/pdf".into(),
                size_bytes: 10,
                storage_key: format!("k{i}"),
                verify_code: None,
                created_at: at,
                opened_at: (i < 5).then_some(at),
            };
            assert!(
                s.insert_mailbox_document(&doc, &Effects::at(at))
                    .await
                    .unwrap()
            );
            doc_ids.push(doc.id.clone());
        }
        // The other account's rows never show.
        let theirs = draft(&other.id, n);
        s.insert_application(&theirs, &event(&theirs, "started", n), &Effects::at(n))
            .await
            .unwrap();
        app_ids.reverse();
        doc_ids.reverse();

        let first = s.applications_of(&acc.id, window(0, 21)).await.unwrap();
        let ids: Vec<&str> = first.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            app_ids[..21].iter().map(String::as_str).collect::<Vec<_>>()
        );
        let rest = s.applications_of(&acc.id, window(20, 21)).await.unwrap();
        let ids: Vec<&str> = rest.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            app_ids[20..].iter().map(String::as_str).collect::<Vec<_>>()
        );

        let page = s.mailbox_of(&acc.id, window(0, 21)).await.unwrap();
        let ids: Vec<&str> = page.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            doc_ids[..21].iter().map(String::as_str).collect::<Vec<_>>()
        );
        assert_eq!(page.unread, 18);
        let last = s.mailbox_of(&acc.id, window(20, 21)).await.unwrap();
        assert_eq!(last.documents.len(), 3);
        assert_eq!(last.unread, 18);
        let past = s.mailbox_of(&acc.id, window(40, 21)).await.unwrap();
        assert!(past.documents.is_empty());
        assert_eq!(past.unread, 18, "counted also past the end");
        let none = s.mailbox_of(&other.id, window(0, 21)).await.unwrap();
        assert_eq!((none.documents.len(), none.unread), (0, 0));
    }
}

/// The session cache (on by default, 5 s) must never answer with what this process has
/// changed since: every write to the account or its sessions is seen at once.
#[tokio::test]
async fn session_lookup_sees_every_change_at_once() {
    let t = TestApp::spawn().await;
    let s = &t.app().store;
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
    let change = |mut acc: Account, _: Option<String>| {
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
