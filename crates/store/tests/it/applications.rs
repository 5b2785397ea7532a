//! Applications: versions and unique references, history, payments, drafts and their
//! files, the e-Mailbox, kept answers and the list pages.

use eforeigner_domain::applications::{
    Answers, Application, ApplicationEvent, ApplicationKind, ApplicationStatus, MailboxDocument,
    PaymentRecord,
};
use eforeigner_domain::paging::Window;
use eforeigner_domain::{Account, AccountId, ApplicationId, Upload};
use eforeigner_store::*;
use jiff::{SignedDuration, Timestamp};

use crate::support::{TestStore, account, now};

fn draft(account_id: &AccountId, n: Timestamp) -> Application {
    let mut answers = Answers::default();
    answers
        .steps
        .entry("reasons".into())
        .or_default()
        .insert("ground".into(), "talent".into());
    Application {
        id: uuid::Uuid::now_v7().to_string().into(),
        account_id: account_id.clone(),
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
        department: None,
        assignee_id: None,
        update_scope: None,
        lapsed_at: None,
        reminded_at: None,
        rejection_proposal: None,
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
    let t = TestStore::new().await;
    let s = &t.store;
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
        Err(StoreError::Stale)
    ));
    // A payment reference is unique across applications.
    let mut other = draft(&acc.id, n);
    other.payment_reference = Some("016000000001".into());
    assert!(
        s.insert_application(&other, &event(&other, "started", n), &Effects::at(n))
            .await
            .is_err()
    );
    // … and a write that takes another's is told so (not a version clash).
    other.payment_reference = None;
    other.expires_at = None;
    s.insert_application(&other, &event(&other, "started", n), &Effects::at(n))
        .await
        .unwrap();
    let mut clash = other.clone();
    clash.version = 2;
    clash.payment_reference = Some("016000000001".into());
    let refused = s
        .update_application(&clash, 1, &[], None, None, &Effects::at(n))
        .await;
    assert!(
        matches!(&refused, Err(StoreError::Taken { constraint }) if constraint.contains("payment_reference")),
        "{refused:?}"
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
        Err(StoreError::Taken { .. })
    ));
    // Lines that need attention stay listed until resolved, once.
    let mut odd = payment("k2", "999", n);
    odd.outcome = "unknown-reference".into();
    s.insert_payment(&odd, &Effects::at(n)).await.unwrap();
    let listed = s.payments_needing_attention(10).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].needs_attention());
    s.resolve_payment(&odd.id, &"sup".into(), "refunded", n, &Effects::at(n))
        .await
        .unwrap();
    assert!(matches!(
        s.resolve_payment(&odd.id, &"sup".into(), "again", n, &Effects::at(n))
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
        Err(StoreError::Stale)
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
    // Warned once: a second sweep running at the same time is told `Stale`, and so
    // is a warning for a draft whose date a save has moved past the warning window.
    let soon = n + SignedDuration::from_hours(721);
    assert!(matches!(
        s.mark_draft_warned(&d.id, n, &Effects::at(n)).await,
        Err(StoreError::Stale)
    ));
    s.mark_draft_warned(&d.id, soon, &Effects::at(n))
        .await
        .unwrap();
    assert!(matches!(
        s.mark_draft_warned(&d.id, soon, &Effects::at(n)).await,
        Err(StoreError::Stale)
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
        Err(StoreError::Stale)
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
        owner_key: eforeigner_domain::applications::upload_owner(&app.id),
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
    let t = TestStore::new().await;
    let s = &t.store;
    let n = now();
    let (_, a) = account_with_draft(s, "files@example.org", n).await;
    let owner = eforeigner_domain::applications::upload_owner(&a.id);
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
    assert!(matches!(refused, Err(StoreError::Stale)), "{refused:?}");
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
        Err(StoreError::Stale)
    ));
    let files = s.uploads_of(&owner).await.unwrap();
    assert_eq!(
        files.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(),
        ["f1"]
    );
    // And no application at all: the same answer.
    assert!(matches!(
        s.add_draft_file(
            &"missing".into(),
            &file_of(&a, "f4", n),
            &|_| true,
            &Effects::at(n)
        )
        .await,
        Err(StoreError::Precondition)
    ));
}

#[tokio::test]
async fn mailbox_delivers_once_and_records_the_first_opening() {
    let t = TestStore::new().await;
    let s = &t.store;
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
        s.take_kept_answers("h1", &"other".into(), n)
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
    let t = TestStore::new().await;
    let s = &t.store;
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
        app_ids[..21]
            .iter()
            .map(ApplicationId::as_str)
            .collect::<Vec<_>>()
    );
    let rest = s.applications_of(&acc.id, window(20, 21)).await.unwrap();
    let ids: Vec<&str> = rest.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(
        ids,
        app_ids[20..]
            .iter()
            .map(ApplicationId::as_str)
            .collect::<Vec<_>>()
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
