//! The outbox: exclusive claims, leases that expire, and claims that do not wait for one
//! another.

use eforeigner_store::*;
use jiff::SignedDuration;

use crate::support::{TestStore, account, now};

#[tokio::test]
async fn outbox_claims_are_exclusive_and_leases_expire() {
    let t = TestStore::new().await;
    let s = &t.store;
    let n = now();
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
    let t = TestStore::new().await;
    if t.store.backend() != sql::Backend::Postgres {
        return;
    }
    let s = &t.store;
    let n = now();
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
    let mut other = sqlx::AnyConnection::connect(&t.url).await.unwrap();
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
