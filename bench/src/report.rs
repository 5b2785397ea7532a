//! Machine facts from `/proc`, and the Markdown report of one run.

use std::fmt::Write as _;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::format::{ms, rate, verdict};
use crate::load::{LoadResult, Plan};
use crate::memory::IdleMemory;

/// Logins must reach this share of the raw Argon2id verification rate.
pub const LOGIN_TARGET: f64 = 0.90;
/// The login page must reach this share of the minimal handler's request rate.
pub const PAGE_TARGET: f64 = 0.30;
/// Cores used by other processes above which a run is flagged as not clean.
const OTHERS_CLEAN: f64 = 0.15;
/// Idle resident memory must stay below this many bytes (100 MB).
pub const RSS_TARGET_BYTES: u64 = 100_000_000;

/// What the machine is.
#[derive(Clone, Debug)]
pub struct Machine {
    /// Cores this process may use (what `nproc` prints).
    pub cores: usize,
    /// Processors listed in `/proc/cpuinfo`.
    pub cpuinfo_processors: usize,
    /// The first `model name` in `/proc/cpuinfo`.
    pub cpu_model: String,
    /// `/proc/sys/kernel/osrelease`.
    pub kernel: String,
}

impl Machine {
    /// Reads the facts; missing files give "unknown".
    pub fn detect() -> Self {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu_model = cpuinfo
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map_or_else(|| "unknown".to_string(), |(_, v)| v.trim().to_string());
        let cpuinfo_processors = cpuinfo
            .lines()
            .filter(|l| l.starts_with("processor"))
            .count();
        Self {
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            cpuinfo_processors,
            cpu_model,
            kernel: std::fs::read_to_string("/proc/sys/kernel/osrelease")
                .map_or_else(|_| "unknown".to_string(), |s| s.trim().to_string()),
        }
    }
}

/// The 1-, 5- and 15-minute load averages, as `/proc/loadavg` prints them.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|| "unknown".into())
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn utc_date() -> String {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// One load measurement with the plan it ran under.
#[derive(Clone, Debug)]
pub struct Run {
    /// How it was driven.
    pub plan: Plan,
    /// What came of it, pooled over the rounds.
    pub result: LoadResult,
    /// The rate of each round, in order.
    pub round_rates: Vec<f64>,
}

/// Rate per core this process kept busy: robust to other processes taking CPU time.
fn per_busy_core(run: &Run) -> Option<f64> {
    let cpu = run.result.cpu?;
    (cpu.own_cores > 0.0).then(|| run.result.rate() / cpu.own_cores)
}

/// `a / b` in per cent, normalised by the CPU time each got.
fn cpu_normalised(a: &Run, b: &Run) -> String {
    match (per_busy_core(a), per_busy_core(b)) {
        (Some(a), Some(b)) if b > 0.0 => format!("; per busy core {:.1} %", a / b * 100.0),
        _ => String::new(),
    }
}

/// `a / b` overall and the lowest and highest per-round ratio, in per cent.
fn ratios(a: &Run, b: &Run) -> Option<(f64, f64, f64)> {
    let overall = a.result.rate() / b.result.rate();
    if !overall.is_finite() {
        return None;
    }
    let per_round: Vec<f64> = a
        .round_rates
        .iter()
        .zip(&b.round_rates)
        .filter(|(_, b)| **b > 0.0)
        .map(|(a, b)| a / b)
        .collect();
    let low = per_round.iter().copied().fold(f64::INFINITY, f64::min);
    let high = per_round.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Some((overall * 100.0, low * 100.0, high * 100.0))
}

/// The login measurement and its setup.
#[derive(Clone, Debug)]
pub struct LoginRun {
    /// The logins.
    pub run: Run,
    /// Users created beforehand.
    pub users: usize,
    /// How long creating them took.
    pub creation: Duration,
}

/// Everything one invocation measured (`None`: not selected).
#[derive(Clone, Debug)]
pub struct Results {
    /// The machine.
    pub machine: Machine,
    /// Load average before the first measurement.
    pub load_before: String,
    /// Load average after the last one.
    pub load_after: String,
    /// Rounds each load was split into.
    pub rounds: u32,
    /// (1) Raw Argon2id verifications.
    pub argon2: Option<Run>,
    /// (2) Logins over HTTP.
    pub login: Option<LoginRun>,
    /// (3) `GET /login/password`.
    pub page: Option<Run>,
    /// (3) The minimal handler.
    pub minimal: Option<Run>,
    /// (4) Idle memory, or why it could not be measured.
    pub memory: Option<Result<IdleMemory, String>>,
}

/// A load row: result (with failures), per core, p50 / p99, CPU use.
fn load_cells(run: &Run, cores: usize) -> (String, String, String, String) {
    let r = &run.result;
    let mut result = format!("{} ({} ok", rate(r.rate()), r.ok);
    if r.not_ok > 0 {
        let _ = write!(
            result,
            ", {} failed: {}",
            r.not_ok,
            r.first_problem.as_deref().unwrap_or("?")
        );
    }
    result.push(')');
    let per_core = rate(r.rate() / cores.max(1) as f64);
    let latency = format!("{} / {}", ms(r.percentile(0.50)), ms(r.percentile(0.99)));
    let cpu = r.cpu.map_or_else(
        || "–".to_string(),
        |c| format!("{:.2} / {:.2}", c.own_cores, c.other_cores),
    );
    (result, per_core, latency, cpu)
}

impl Results {
    /// The report as Markdown.
    pub fn markdown(&self) -> String {
        let m = &self.machine;
        let cores = m.cores;
        let mut out = String::new();
        let _ = writeln!(out, "## eForeigner benchmark, {}\n", utc_date());
        let _ = writeln!(
            out,
            "- Machine: {} usable cores (`nproc`; /proc/cpuinfo lists {}), {}, Linux {}",
            cores, m.cpuinfo_processors, m.cpu_model, m.kernel
        );
        let _ = writeln!(
            out,
            "- Load average before: {}; after: {}",
            self.load_before, self.load_after
        );
        let _ = writeln!(
            out,
            "- CPU column: average cores busy during the counted window, in this process \
             (server + clients + Argon2 pool) and in all other processes (incl. steal); \
             others near 0 means the numbers are clean"
        );
        if let Some(run) = self
            .argon2
            .as_ref()
            .or(self.login.as_ref().map(|l| &l.run))
            .or(self.page.as_ref())
        {
            let _ = writeln!(
                out,
                "- Each load: closed loop, {} rounds of {:.1} s warm-up + {:.1} s counted \
                 ({:.1} s counted in all); (1)/(2) and (3a)/(3b) alternate round by round",
                self.rounds,
                run.plan.warmup.as_secs_f64(),
                run.plan.duration.as_secs_f64(),
                run.plan.duration.as_secs_f64() * f64::from(self.rounds)
            );
        }
        if let Some(l) = &self.login {
            let _ = writeln!(
                out,
                "- Setup: {} users created in {:.1} s (each creation hashes a password)",
                l.users,
                l.creation.as_secs_f64()
            );
        }
        let busiest_others = [&self.argon2, &self.page, &self.minimal]
            .into_iter()
            .flatten()
            .chain(self.login.as_ref().map(|l| &l.run))
            .filter_map(|r| r.result.cpu.map(|c| c.other_cores))
            .fold(0.0_f64, f64::max);
        if busiest_others > OTHERS_CLEAN {
            let _ = writeln!(
                out,
                "- **Warning:** other processes kept up to {busiest_others:.2} cores busy during \
                 a counted window; rates and ratios from this run are not clean (the side with \
                 more threads gets more of the CPU). Re-run on an idle machine."
            );
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "| # | Measurement | Result | Per core | p50 / p99 | CPU cores: bench / others | Target | Met? |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");

        if let Some(run) = &self.argon2 {
            let (result, per_core, latency, cpu) = load_cells(run, cores);
            let _ = writeln!(
                out,
                "| 1 | Argon2id verify (m=19456 KiB, t=2, p=1), {} in flight | {result} | {per_core} | {latency} | {cpu} | baseline for 2 | – |",
                run.plan.concurrency
            );
        }
        if let Some(login) = &self.login {
            let run = &login.run;
            let (result, per_core, latency, cpu) = load_cells(run, cores);
            let (share, met) = match self.argon2.as_ref().and_then(|a| ratios(run, a)) {
                Some((overall, low, high)) => (
                    format!(
                        "**{overall:.1} % of (1)** (rounds {low:.0}–{high:.0} %{})",
                        self.argon2
                            .as_ref()
                            .map_or_else(String::new, |a| cpu_normalised(run, a))
                    ),
                    verdict(overall >= LOGIN_TARGET * 100.0),
                ),
                None => ("(1) not measured".to_string(), "–"),
            };
            let _ = writeln!(
                out,
                "| 2 | Login `POST /api/v1/session`, {} clients, {} users | {result}; {share} | {per_core} | {latency} | {cpu} | ≥ {:.0} % of (1) | {met} |",
                run.plan.concurrency,
                login.users,
                LOGIN_TARGET * 100.0
            );
        }
        if let Some(run) = &self.page {
            let (result, per_core, latency, cpu) = load_cells(run, cores);
            let _ = writeln!(
                out,
                "| 3a | `GET /login/password` (portal), {} clients | {result} | {per_core} | {latency} | {cpu} | | |",
                run.plan.concurrency
            );
        }
        if let Some(run) = &self.minimal {
            let (result, per_core, latency, cpu) = load_cells(run, cores);
            let _ = writeln!(
                out,
                "| 3b | `GET /` minimal axum `\"ok\"` handler, {} clients | {result} | {per_core} | {latency} | {cpu} | | |",
                run.plan.concurrency
            );
        }
        if let (Some(page), Some(minimal)) = (&self.page, &self.minimal)
            && let Some((overall, low, high)) = ratios(page, minimal)
        {
            let _ = writeln!(
                out,
                "| 3 | Page rate / minimal rate | **{overall:.1} %** (rounds {low:.0}–{high:.0} %{}) | | | | ≥ {:.0} % | {} |",
                cpu_normalised(page, minimal),
                PAGE_TARGET * 100.0,
                verdict(overall >= PAGE_TARGET * 100.0)
            );
        }
        match &self.memory {
            Some(Ok(mem)) => {
                let bytes = mem.rss_kib * 1024;
                let _ = writeln!(
                    out,
                    "| 4 | Idle RSS of `eforeigner serve` (VmRSS) | {:.1} MB ({} KiB; peak VmHWM {:.1} MB; healthy after {:.2} s) | | | | < 100 MB | {} |",
                    bytes as f64 / 1e6,
                    mem.rss_kib,
                    (mem.hwm_kib * 1024) as f64 / 1e6,
                    mem.startup.as_secs_f64(),
                    verdict(bytes < RSS_TARGET_BYTES)
                );
            }
            Some(Err(why)) => {
                let why = why.replace('\n', " ").replace('|', "\\|");
                let _ = writeln!(
                    out,
                    "| 4 | Idle RSS of `eforeigner serve` | not measured: {why} | | | | < 100 MB | – |"
                );
            }
            None => {}
        }
        out
    }
}
