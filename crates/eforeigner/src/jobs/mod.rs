//! Background work from the transactional outbox: every job row was written in the same
//! transaction as the change that caused it; the worker claims due jobs with a lease, runs
//! them, and retries failures with back-off. Jobs are idempotent: an e-mail carries its job
//! id as Message-ID, so a retry after a crash is recognisable as the same message.

pub mod mail;

use std::sync::Arc;
use std::time::Duration;

use jiff::SignedDuration;
use tokio::sync::Notify;

use crate::domain::Clock;
use crate::domain::jobs::{IssueLetter, IssueReceipt, JobKind, JobPayload, SendEmail};
use crate::store::{Job, Store};
pub use mail::Mailer;

/// How long a claimed job is reserved for one worker.
const LEASE: SignedDuration = SignedDuration::from_mins(2);
/// Attempts before a job is given up (and kept with its error).
const MAX_ATTEMPTS: i64 = 10;

/// The outbox worker.
#[derive(Clone)]
pub struct Worker {
    store: Arc<dyn Store>,
    mailer: Arc<Mailer>,
    clock: Arc<dyn Clock>,
    wake: Arc<Notify>,
    applications: Option<crate::domain::applications::Applications>,
    sweeper: Option<crate::domain::sweep::Sweeper>,
    last_sweep: Arc<std::sync::Mutex<Option<jiff::Timestamp>>>,
}

impl Worker {
    /// Builds the worker.
    pub fn new(store: Arc<dyn Store>, mailer: Arc<Mailer>, clock: Arc<dyn Clock>) -> Self {
        Self {
            store,
            mailer,
            clock,
            wake: Arc::new(Notify::new()),
            applications: None,
            sweeper: None,
            last_sweep: Arc::new(std::sync::Mutex::new(None)),
        }
    }

    /// Lets the worker run the application jobs (confirmation of receipt) and the hourly
    /// sweep of old drafts.
    pub fn with_applications(
        mut self,
        applications: crate::domain::applications::Applications,
    ) -> Self {
        self.applications = Some(applications);
        self
    }

    /// Lets the worker run the hourly sweep of stored files.
    pub fn with_sweeper(mut self, sweeper: crate::domain::sweep::Sweeper) -> Self {
        self.sweeper = Some(sweeper);
        self
    }

    /// Runs the sweeps (old drafts; stale and unreferenced files) if an hour has passed
    /// since the last one (or they never ran).
    pub async fn sweep_if_due(&self) -> anyhow::Result<()> {
        let now = self.clock.now();
        let due = {
            let last = self
                .last_sweep
                .lock()
                .map_err(|_| anyhow::anyhow!("poisoned"))?;
            last.is_none_or(|t| now.duration_since(t) >= SignedDuration::from_hours(1))
        };
        if due {
            if let Some(apps) = &self.applications {
                apps.sweep_drafts().await?;
                apps.sweep_updates().await?;
                apps.sweep_bookings().await?;
            }
            if let Some(sweeper) = &self.sweeper {
                sweeper.sweep().await?;
            }
            if let Ok(mut last) = self.last_sweep.lock() {
                *last = Some(now);
            }
        }
        Ok(())
    }

    /// Wakes the worker now (called after a request wrote jobs) instead of at the next tick.
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    /// What the web edge wakes the worker with.
    pub fn waker(&self) -> eforeigner_web::JobsWaker {
        eforeigner_web::JobsWaker(self.wake.clone())
    }

    /// Runs every due job once; returns how many ran (succeeded or not).
    pub async fn run_due(&self) -> anyhow::Result<usize> {
        let mut ran = 0;
        while let Some(job) = self.store.claim_job(self.clock.now(), LEASE).await? {
            ran += 1;
            match self.run_job(&job).await {
                Ok(()) => self.store.complete_job(&job.id, self.clock.now()).await?,
                Err(e) => {
                    tracing::warn!(job = %job.id, attempt = job.attempts, error = %e, "job failed");
                    let retry_at = (job.attempts < MAX_ATTEMPTS).then(|| {
                        let backoff =
                            SignedDuration::from_secs(2_i64.pow(job.attempts.clamp(0, 12) as u32));
                        self.clock
                            .now()
                            .saturating_add(backoff)
                            .unwrap_or(self.clock.now())
                    });
                    self.store
                        .fail_job(&job.id, &e.to_string(), retry_at)
                        .await?;
                }
            }
        }
        Ok(ran)
    }

    /// Runs one claimed job: its kind says which handler, its payload is decoded into that
    /// kind's type. A kind this version does not know, or a payload that does not decode,
    /// fails the job (it is retried, then kept with its error).
    async fn run_job(&self, job: &Job) -> anyhow::Result<()> {
        let kind = JobKind::parse(&job.kind)
            .ok_or_else(|| anyhow::anyhow!("unknown job kind {}", job.kind))?;
        match kind {
            JobKind::SendEmail => {
                let mail = decode::<SendEmail>(job)?;
                self.mailer.send_job(&job.id, mail).await
            }
            JobKind::IssueReceipt => {
                let receipt = decode::<IssueReceipt>(job)?;
                match &self.applications {
                    Some(apps) => apps.issue_receipt(&receipt).await,
                    None => Err(anyhow::anyhow!("no application service")),
                }
            }
            JobKind::IssueLetter => {
                let letter = decode::<IssueLetter>(job)?;
                match &self.applications {
                    Some(apps) => apps.issue_letter(&letter).await,
                    None => Err(anyhow::anyhow!("no application service")),
                }
            }
        }
    }

    /// Runs until `shutdown` fires: on every wake-up and at least once a second.
    pub async fn run(self, mut shutdown: tokio::sync::watch::Receiver<bool>) {
        loop {
            if let Err(e) = self.sweep_if_due().await {
                tracing::error!(error = %e, "draft sweep");
            }
            if let Err(e) = self.run_due().await {
                tracing::error!(error = %e, "outbox worker");
            }
            tokio::select! {
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                _ = shutdown.changed() => return,
            }
        }
    }
}

/// The payload of `job` as its kind's type.
fn decode<P: JobPayload>(job: &Job) -> anyhow::Result<P> {
    P::from_json(&job.payload)
        .map_err(|e| anyhow::anyhow!("{} job with an unreadable payload: {e}", P::KIND))
}
