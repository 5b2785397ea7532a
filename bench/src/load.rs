//! A closed-loop load driver: `concurrency` workers each run one operation after another
//! until the measurement window ends. Only operations that *complete inside* the window
//! (after the warm-up) are counted, so the rate is the steady-state completion rate and the
//! operations cut off at either edge of the window balance out.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::cpu::{self, CpuUse};

/// What one operation came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The expected result (HTTP 200, or a verification that said "yes").
    Ok,
    /// An unexpected HTTP status.
    Status(u16),
    /// A transport error or a wrong answer.
    Failed(String),
}

/// A boxed operation future.
pub type OpFuture = Pin<Box<dyn Future<Output = Outcome> + Send>>;

/// One operation: called with the worker index and that worker's iteration number.
pub type Op = Arc<dyn Fn(usize, u64) -> OpFuture + Send + Sync>;

/// How long and how hard to drive.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Operations in flight at once.
    pub concurrency: usize,
    /// Time before the window during which completions are not counted.
    pub warmup: Duration,
    /// Length of the measurement window.
    pub duration: Duration,
}

/// The counted results of one run.
#[derive(Clone, Debug, Default)]
pub struct LoadResult {
    /// Operations that completed with [`Outcome::Ok`] inside the window.
    pub ok: u64,
    /// Operations that completed otherwise inside the window.
    pub not_ok: u64,
    /// One example of a non-OK outcome, for the report.
    pub first_problem: Option<String>,
    /// Latencies of the OK operations, sorted ascending.
    pub latencies: Vec<Duration>,
    /// The window length.
    pub window: Duration,
    /// Who used the CPU during the window.
    pub cpu: Option<CpuUse>,
}

impl LoadResult {
    /// OK operations per second.
    pub fn rate(&self) -> f64 {
        let secs = self.window.as_secs_f64();
        if secs > 0.0 {
            self.ok as f64 / secs
        } else {
            0.0
        }
    }

    /// Adds another run of the same operation (another round) to this one.
    pub fn absorb(&mut self, other: Self) {
        let (w_self, w_other) = (self.window.as_secs_f64(), other.window.as_secs_f64());
        self.cpu = match (self.cpu, other.cpu) {
            (Some(a), Some(b)) if w_self + w_other > 0.0 => {
                let mix = |x: f64, y: f64| (x * w_self + y * w_other) / (w_self + w_other);
                Some(CpuUse {
                    own_cores: mix(a.own_cores, b.own_cores),
                    other_cores: mix(a.other_cores, b.other_cores),
                })
            }
            (a, b) => a.or(b),
        };
        self.ok += other.ok;
        self.not_ok += other.not_ok;
        if self.first_problem.is_none() {
            self.first_problem = other.first_problem;
        }
        self.latencies.extend(other.latencies);
        self.latencies.sort_unstable();
        self.window += other.window;
    }

    /// The latency at quantile `q` (0 ≤ q ≤ 1) of the OK operations, nearest-rank.
    pub fn percentile(&self, q: f64) -> Option<Duration> {
        if self.latencies.is_empty() {
            return None;
        }
        let n = self.latencies.len();
        let rank = (q * n as f64).ceil() as usize;
        self.latencies.get(rank.clamp(1, n) - 1).copied()
    }
}

#[derive(Default)]
struct WorkerResult {
    ok: u64,
    not_ok: u64,
    first_problem: Option<String>,
    latencies: Vec<Duration>,
}

/// Runs `op` in a closed loop according to `plan` and counts the completions in the window.
pub async fn drive(plan: Plan, op: Op) -> anyhow::Result<LoadResult> {
    let concurrency = plan.concurrency.max(1);
    let start = Instant::now() + plan.warmup;
    let end = start + plan.duration;
    let sampler = tokio::spawn(async move {
        tokio::time::sleep_until(start.into()).await;
        let before = cpu::sample();
        tokio::time::sleep_until(end.into()).await;
        let after = cpu::sample();
        before.zip(after).and_then(|(b, a)| cpu::between(b, a))
    });
    let mut workers = tokio::task::JoinSet::new();
    for worker in 0..concurrency {
        let op = op.clone();
        workers.spawn(async move {
            let mut out = WorkerResult::default();
            let mut iteration = 0_u64;
            while Instant::now() < end {
                let began = Instant::now();
                let outcome = op(worker, iteration).await;
                let done = Instant::now();
                iteration += 1;
                if done < start || done > end {
                    continue;
                }
                match outcome {
                    Outcome::Ok => {
                        out.ok += 1;
                        out.latencies.push(done - began);
                    }
                    Outcome::Status(code) => {
                        out.not_ok += 1;
                        out.first_problem
                            .get_or_insert_with(|| format!("HTTP {code}"));
                    }
                    Outcome::Failed(why) => {
                        out.not_ok += 1;
                        out.first_problem.get_or_insert(why);
                    }
                }
            }
            out
        });
    }
    let mut total = LoadResult {
        window: plan.duration,
        ..LoadResult::default()
    };
    while let Some(joined) = workers.join_next().await {
        let w = joined?;
        total.ok += w.ok;
        total.not_ok += w.not_ok;
        if total.first_problem.is_none() {
            total.first_problem = w.first_problem;
        }
        total.latencies.extend(w.latencies);
    }
    total.latencies.sort_unstable();
    total.cpu = sampler.await?;
    Ok(total)
}
