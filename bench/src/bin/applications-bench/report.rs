//! What one backend's run measured, as a Markdown table and as JSON.

use std::fmt::Write as _;
use std::time::Duration;

use eforeigner::domain::paging::PAGE_SIZE;
use serde_json::json;

use crate::fill::{FillReport, Shape};
use crate::format::{ms, rate, verdict};
use crate::load::LoadResult;
use crate::rss::Rise;
use crate::web::OpenResult;

/// The page rate must reach this share of the minimal handler's.
pub const PAGE_TARGET: f64 = 0.30;
/// p99 at half the page's own maximum rate must stay below this.
pub const HALF_RATE_P99_TARGET: Duration = Duration::from_millis(10);
/// PostgreSQL: the page rate must reach this share of its query's rate alone.
pub const PG_PAGE_TARGET: f64 = 0.50;
/// Uploads must reach this share of the faster disk baseline (median of the rounds).
pub const UPLOAD_TARGET: f64 = 0.40;
/// A burst of concurrent uploads must raise the resident memory by less than this.
pub const MEMORY_RISE_TARGET: u64 = 64_000_000;
/// Cores used by other processes above which a window is not clean.
const OTHERS_CLEAN: f64 = 0.15;

/// A closed-loop load pooled over its rounds.
#[derive(Clone, Debug)]
pub struct Runs {
    /// Workers.
    pub concurrency: usize,
    /// Pooled over the rounds.
    pub result: LoadResult,
    /// Rate of each round.
    pub round_rates: Vec<f64>,
    /// Cores the PostgreSQL server used, per round, with the round's window.
    pub pg_rounds: Vec<(f64, f64)>,
}

impl Runs {
    /// An empty series.
    pub fn new(concurrency: usize) -> Self {
        Self {
            concurrency,
            result: LoadResult::default(),
            round_rates: vec![],
            pg_rounds: vec![],
        }
    }

    /// Adds a round, with the cores the PostgreSQL server used in it.
    pub fn add(&mut self, round: LoadResult, pg: Option<f64>) {
        self.round_rates.push(round.rate());
        if let Some(pg) = pg {
            self.pg_rounds.push((round.window.as_secs_f64(), pg));
        }
        self.result.absorb(round);
    }

    /// Cores the PostgreSQL server used, averaged over the rounds by their windows.
    pub fn pg_cores(&self) -> Option<f64> {
        let secs: f64 = self.pg_rounds.iter().map(|(w, _)| w).sum();
        (secs > 0.0).then(|| self.pg_rounds.iter().map(|(w, c)| w * c).sum::<f64>() / secs)
    }
}

/// One request at a time: means of sequential calls.
#[derive(Clone, Debug, Default)]
pub struct Breakdown {
    /// `GET` the minimal handler.
    pub minimal: Duration,
    /// `GET /applications`.
    pub applications: Duration,
    /// `GET /mailbox`.
    pub mailbox: Duration,
    /// `Accounts::authenticate` (session and account), as every signed-in page does.
    pub authenticate: Duration,
    /// The store's `applications_of` through the portal's pool.
    pub applications_of: Duration,
    /// The store's `mailbox_of` through the portal's pool.
    pub mailbox_of: Duration,
}

/// PostgreSQL: each page's query alone, in the same rounds as the pages.
#[derive(Clone, Debug)]
pub struct PgFloor {
    /// `applications_of`'s query on connections like the portal's read connections.
    pub applications: Runs,
    /// `mailbox_of`'s query, the same way.
    pub mailbox: Runs,
    /// `applications_of` through the portal's store (its read connections, row mapping).
    pub store_applications: Runs,
    /// `mailbox_of` the same way.
    pub store_mailbox: Runs,
    /// The connections' kind (TLS or not).
    pub connection_kind: String,
    /// The same loads with the server pinned to a core of its own, or why not.
    pub pinned: Option<Result<PinnedRuns, String>>,
}

/// Closed loops with the PostgreSQL server on a core of its own.
#[derive(Clone, Debug)]
pub struct PinnedRuns {
    /// `GET /applications`.
    pub applications: Runs,
    /// `GET /mailbox`.
    pub mailbox: Runs,
    /// The minimal handler.
    pub minimal: Runs,
    /// `applications_of`'s query alone.
    pub query_applications: Runs,
    /// `mailbox_of`'s query alone.
    pub query_mailbox: Runs,
    /// What was pinned where.
    pub how: String,
}

/// Resident memory of the portal's server process during bursts of concurrent uploads.
#[derive(Clone, Debug)]
pub struct Memory {
    /// Uploads per burst, all started at once.
    pub uploads: usize,
    /// Bytes per file.
    pub file_bytes: usize,
    /// Each burst: the memory, and how long the burst took.
    pub bursts: Vec<(Rise, Duration)>,
    /// Making the drafts.
    pub setup: Duration,
    /// `VmRSS` of the server after the drafts were made, before the first burst.
    pub idle: u64,
}

impl Memory {
    /// The largest rise over the bursts.
    pub fn worst(&self) -> u64 {
        self.bursts.iter().map(|(r, _)| r.rise()).max().unwrap_or(0)
    }
}

/// SQLite: the same writes on `synchronous = FULL` (the portal) and on `NORMAL`.
#[derive(Clone, Debug)]
pub struct Durability {
    /// Saving a draft's step again, FULL.
    pub steps_full: Runs,
    /// See `steps_full`, NORMAL.
    pub steps_normal: Runs,
    /// Uploads, FULL.
    pub uploads_full: Runs,
    /// Uploads, NORMAL.
    pub uploads_normal: Runs,
    /// Rounds of each.
    pub rounds: usize,
    /// Uploads per round.
    pub upload_files: usize,
    /// Bytes per file.
    pub file_bytes: usize,
    /// Building the two portals and their drafts.
    pub setup: Duration,
}

/// The page measurements.
#[derive(Clone, Debug)]
pub struct Pages {
    /// `GET /applications`.
    pub applications: Runs,
    /// `GET /mailbox`.
    pub mailbox: Runs,
    /// The minimal handler.
    pub minimal: Runs,
    /// `GET /services`: signed in, no query of its own (the floor of a signed-in page).
    pub services: Runs,
    /// Body sizes of the two pages.
    pub applications_bytes: usize,
    /// See `applications_bytes`.
    pub mailbox_bytes: usize,
    /// Rows the pages were checked to show.
    pub applications_rows: usize,
    /// See `applications_rows`.
    pub mailbox_rows: usize,
    /// Open loop at half of each page's rate.
    pub half_applications: OpenResult,
    /// See `half_applications`.
    pub half_mailbox: OpenResult,
    /// The minimal handler in the same open loop at the rate of `half_applications`: what
    /// the machine adds to the tail by itself.
    pub half_minimal: OpenResult,
    /// Loads: rounds, warm-up, counted seconds per round.
    pub rounds: u32,
    /// The open loops' connection limit (`None`: a new connection per overlapping request).
    pub half_connections: Option<usize>,
    /// See `rounds`.
    pub warmup: Duration,
    /// See `rounds`.
    pub per_round: Duration,
    /// One request at a time.
    pub breakdown: Breakdown,
    /// PostgreSQL: the queries alone.
    pub query: Option<PgFloor>,
}

/// The upload measurements.
#[derive(Clone, Debug)]
pub struct Uploads {
    /// Bytes per file.
    pub file_bytes: usize,
    /// Files per round (each of the three).
    pub files_per_round: usize,
    /// Rounds.
    pub rounds: usize,
    /// Concurrent uploads (and writers).
    pub concurrency: usize,
    /// Drafts used, and how many files each takes.
    pub drafts: usize,
    /// See `drafts`.
    pub per_draft: usize,
    /// Creating the drafts through the pages.
    pub setup: Duration,
    /// Uploads over HTTP.
    pub upload: Runs,
    /// `FileStore::put`, the portal's write path.
    pub store: Runs,
    /// `std::fs` write + fsync.
    pub fsync: Runs,
    /// `O_DIRECT` write + fsync.
    pub direct: Runs,
    /// Upload rows and bytes found in the database afterwards, and files in the store.
    pub verified: String,
}

impl Uploads {
    /// The disk baseline of the target: the faster of the two ways of writing the bytes,
    /// with its row's number.
    pub fn disk(&self) -> (&'static str, &Runs) {
        if self.direct.result.rate() > self.fsync.result.rate() {
            ("3d", &self.direct)
        } else {
            ("3b", &self.fsync)
        }
    }
}

/// The database side.
#[derive(Clone, Debug, Default)]
pub struct Diagnostics {
    /// Query plan of `applications_of`.
    pub plan_applications: Vec<String>,
    /// Query plan of `mailbox_of`.
    pub plan_mailbox: Vec<String>,
    /// Mean time of the query alone on the bench's connection.
    pub query_applications: Duration,
    /// See `query_applications`.
    pub query_mailbox: Duration,
    /// SQLite: `applications_of`'s query through a native `SqlitePool` of one connection.
    pub query_applications_native_pool: Option<Duration>,
    /// SQLite: the same through an `AnyPool` of one connection (the portal's kind).
    pub query_applications_any_pool: Option<Duration>,
    /// Database size in bytes.
    pub db_bytes: u64,
    /// Server facts (PostgreSQL version and settings, SQLite version and file system).
    pub server: String,
}

/// One backend's run.
#[derive(Clone, Debug)]
pub struct Report {
    /// `sqlite` or `postgres`.
    pub backend: &'static str,
    /// Machine line.
    pub machine: String,
    /// UTC date.
    pub date: String,
    /// Shape of the data.
    pub shape: Shape,
    /// Fill, when the pages were measured.
    pub fill: Option<FillReport>,
    /// Rows per table after the fill (events, payments).
    pub diagnostics: Diagnostics,
    /// Pages.
    pub pages: Option<Pages>,
    /// Uploads.
    pub uploads: Option<Uploads>,
    /// Memory during a burst of uploads.
    pub memory: Option<Memory>,
    /// SQLite: FULL against NORMAL.
    pub durability: Option<Durability>,
}

/// Cores used by the bench process, the PostgreSQL server, and everything else.
fn cpu(r: &LoadResult, pg: Option<f64>) -> String {
    r.cpu.map_or_else(
        || "–".to_string(),
        |c| {
            let pg = pg.unwrap_or(0.0);
            format!(
                "{:.2} / {pg:.2} / {:.2}",
                c.own_cores,
                (c.other_cores - pg).max(0.0)
            )
        },
    )
}

fn counted(r: &LoadResult) -> String {
    let mut s = format!("{} ok", r.ok);
    if r.not_ok > 0 {
        let _ = write!(
            s,
            ", **{} failed**: {}",
            r.not_ok,
            r.first_problem.as_deref().unwrap_or("?")
        );
    }
    s
}

fn lat(r: &LoadResult) -> String {
    format!("{} / {}", ms(r.percentile(0.50)), ms(r.percentile(0.99)))
}

/// `a / b` pooled, and the lowest and highest per-round ratio, in per cent.
fn ratios(a: &Runs, b: &Runs) -> (f64, f64, f64) {
    let r = Ratio::of(a, b);
    (r.pooled, r.low, r.high)
}

/// `a / b` in per cent: round by round (the loads alternate), and pooled.
#[derive(Clone, Copy, Debug)]
pub struct Ratio {
    /// Median of the per-round ratios: the judged number.
    pub median: f64,
    /// Total rate over total rate.
    pub pooled: f64,
    /// Lowest per-round ratio.
    pub low: f64,
    /// Highest.
    pub high: f64,
    /// Rounds.
    pub rounds: usize,
}

impl Ratio {
    /// The ratio of two series measured in the same rounds.
    pub fn of(a: &Runs, b: &Runs) -> Self {
        Self::from_rates(
            &a.round_rates,
            &b.round_rates,
            a.result.rate() / b.result.rate() * 100.0,
        )
    }

    fn from_rates(a: &[f64], b: &[f64], pooled: f64) -> Self {
        let mut per_round: Vec<f64> = a
            .iter()
            .zip(b)
            .filter(|(_, b)| **b > 0.0)
            .map(|(a, b)| a / b * 100.0)
            .collect();
        per_round.sort_by(f64::total_cmp);
        let n = per_round.len();
        let median = match n {
            0 => f64::NAN,
            _ if n % 2 == 1 => per_round.get(n / 2).copied().unwrap_or(f64::NAN),
            _ => {
                (per_round.get(n / 2 - 1).copied().unwrap_or(f64::NAN)
                    + per_round.get(n / 2).copied().unwrap_or(f64::NAN))
                    / 2.0
            }
        };
        Self {
            median,
            pooled,
            low: per_round.first().copied().unwrap_or(f64::NAN),
            high: per_round.last().copied().unwrap_or(f64::NAN),
            rounds: n,
        }
    }

    /// `a` against the faster of `b` and `c` in each round.
    pub fn against_faster_each_round(a: &Runs, b: &Runs, c: &Runs) -> Self {
        let faster: Vec<f64> = b
            .round_rates
            .iter()
            .zip(&c.round_rates)
            .map(|(b, c)| b.max(*c))
            .collect();
        let pooled = a.result.rate() / b.result.rate().max(c.result.rate()) * 100.0;
        Self::from_rates(&a.round_rates, &faster, pooled)
    }

    /// "**m %** median of n rounds (pooled p %, rounds l–h %)".
    pub fn text(&self) -> String {
        format!(
            "**{:.1} %** median of {} rounds (pooled {:.1} %, rounds {:.0}–{:.0} %)",
            self.median, self.rounds, self.pooled, self.low, self.high
        )
    }

    fn json(&self) -> serde_json::Value {
        json!({
            "median_pct": self.median,
            "pooled_pct": self.pooled,
            "low_pct": self.low,
            "high_pct": self.high,
            "rounds": self.rounds,
        })
    }
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn mb_s(r: &LoadResult, file_bytes: usize) -> f64 {
    r.rate() * file_bytes as f64 / 1e6
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Report {
    fn rows_of(&self, table: &str) -> Option<u64> {
        self.fill
            .as_ref()?
            .tables
            .iter()
            .find(|t| t.table == table)
            .map(|t| t.rows)
    }

    fn busiest_others(&self) -> f64 {
        let mut all: Vec<(&LoadResult, Option<f64>)> = vec![];
        if let Some(p) = &self.pages {
            all.extend([
                (&p.applications.result, p.applications.pg_cores()),
                (&p.mailbox.result, p.mailbox.pg_cores()),
                (&p.minimal.result, p.minimal.pg_cores()),
                (&p.services.result, p.services.pg_cores()),
                (&p.half_applications.result, p.half_applications.pg_cores),
                (&p.half_mailbox.result, p.half_mailbox.pg_cores),
                (&p.half_minimal.result, p.half_minimal.pg_cores),
            ]);
        }
        if let Some(q) = self.pages.as_ref().and_then(|p| p.query.as_ref()) {
            all.extend([
                (&q.applications.result, q.applications.pg_cores()),
                (&q.mailbox.result, q.mailbox.pg_cores()),
                (
                    &q.store_applications.result,
                    q.store_applications.pg_cores(),
                ),
                (&q.store_mailbox.result, q.store_mailbox.pg_cores()),
            ]);
        }
        if let Some(u) = &self.uploads {
            all.extend([
                (&u.upload.result, u.upload.pg_cores()),
                (&u.store.result, u.store.pg_cores()),
                (&u.fsync.result, u.fsync.pg_cores()),
                (&u.direct.result, u.direct.pg_cores()),
            ]);
        }
        all.iter()
            .filter_map(|(r, pg)| r.cpu.map(|c| c.other_cores - pg.unwrap_or(0.0)))
            .fold(0.0, f64::max)
    }

    /// The report as Markdown.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let s = &self.shape;
        let _ = writeln!(
            out,
            "## eForeigner applications benchmark (issue 4), {}, {}\n",
            self.backend, self.date
        );
        let _ = writeln!(out, "- Machine: {}", self.machine);
        let _ = writeln!(out, "- Database: {}", self.diagnostics.server);
        if let Some(f) = &self.fill {
            let per: Vec<String> = f
                .tables
                .iter()
                .map(|t| {
                    format!(
                        "{} {} in {:.1} s",
                        t.table,
                        thousands(t.rows),
                        t.time.as_secs_f64()
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "- Data: {} applicant accounts ({} of them through `create_active_user`), {} \
                 applications ({} per account, with {} events and {} payments), {} mailbox \
                 documents ({} per account); {:.0} MB on disk",
                thousands(s.accounts as u64),
                2,
                thousands(s.applications() as u64),
                s.apps_per_account,
                thousands(self.rows_of("application_events").unwrap_or(0)),
                thousands(self.rows_of("payments").unwrap_or(0)),
                thousands(s.documents() as u64),
                s.docs_per_account,
                self.diagnostics.db_bytes as f64 / 1e6
            );
            let _ = writeln!(
                out,
                "- Fill: **{:.1} s** of bulk inserts ({}), then {:.1} s for {}",
                f.total.as_secs_f64(),
                per.join("; "),
                f.maintenance.1.as_secs_f64(),
                f.maintenance.0
            );
        }
        if let Some(p) = &self.pages {
            let _ = writeln!(
                out,
                "- Pages: closed loops, {} rounds of {:.1} s warm-up + {:.1} s counted, \
                 (1a) (1b) (1c) (1d) alternating round by round; open loops (2) {:.1} s warm-up + \
                 {:.1} s counted, requests on a fixed schedule from a dispatcher thread and a \
                 one-thread client runtime apart from the portal's, latency from the scheduled \
                 instant, {}",
                p.rounds,
                p.warmup.as_secs_f64(),
                p.per_round.as_secs_f64(),
                p.warmup.as_secs_f64(),
                p.half_applications.result.window.as_secs_f64(),
                match p.half_connections {
                    Some(n) => format!("at most {n} connections (a request waits for a free one)"),
                    None => "a new connection for every request that overlaps the others".into(),
                }
            );
        }
        if let Some(u) = &self.uploads {
            let _ = writeln!(
                out,
                "- Uploads: {} rounds of (3a) (3b) (3c) (3d), each {} files of {} bytes with {} at \
                 a time, `sync` before each; {} drafts made through the pages in {:.1} s \
                 ({} files each, the 100 MB quota); afterwards: {}",
                u.rounds,
                u.files_per_round,
                thousands(u.file_bytes as u64),
                u.concurrency,
                u.drafts,
                u.setup.as_secs_f64(),
                u.per_draft,
                u.verified
            );
        }
        if let Some(m) = &self.memory {
            let _ = writeln!(
                out,
                "- Memory: a portal in a process of its own; {} drafts made through the pages in \
                 {:.1} s, its VmRSS then {}; {} bursts of {} uploads at once, `sync` and 0.3 s \
                 of quiet before each",
                m.uploads,
                m.setup.as_secs_f64(),
                mb(m.idle),
                m.bursts.len(),
                m.uploads
            );
        }
        let others = self.busiest_others();
        if others > OTHERS_CLEAN {
            let _ = writeln!(
                out,
                "- **Warning:** other processes kept up to {others:.2} cores busy during a \
                 counted window; this run is not clean. Re-run on an idle machine."
            );
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "| # | Measurement | Result | p50 / p99 | CPU cores: bench / PostgreSQL / others | Target | Met? |"
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|---|");
        if let Some(f) = &self.fill {
            let _ = writeln!(
                out,
                "| 0 | Fill ({} rows in all) | {:.1} s (+ {:.1} s maintenance) | | | | |",
                thousands(f.tables.iter().map(|t| t.rows).sum()),
                f.total.as_secs_f64(),
                f.maintenance.1.as_secs_f64()
            );
        }
        if let Some(p) = &self.pages {
            let row = |out: &mut String, n: &str, what: String, r: &Runs| {
                let _ = writeln!(
                    out,
                    "| {n} | {what}, {} clients | {} ({}) | {} | {} | | |",
                    r.concurrency,
                    rate(r.result.rate()),
                    counted(&r.result),
                    lat(&r.result),
                    cpu(&r.result, r.pg_cores())
                );
            };
            row(
                &mut out,
                "1a",
                format!(
                    "`GET /applications` (first page: {} of the account's cases, {:.1} kB)",
                    p.applications_rows.min(PAGE_SIZE as usize),
                    p.applications_bytes as f64 / 1e3
                ),
                &p.applications,
            );
            row(
                &mut out,
                "1b",
                format!(
                    "`GET /mailbox` (first page: {} of the account's {} documents, {:.1} kB)",
                    p.mailbox_rows.min(PAGE_SIZE as usize),
                    p.mailbox_rows,
                    p.mailbox_bytes as f64 / 1e3
                ),
                &p.mailbox,
            );
            row(
                &mut out,
                "1c",
                "`GET /` minimal axum `\"ok\"` handler".to_string(),
                &p.minimal,
            );
            row(
                &mut out,
                "1d",
                "For comparison: `GET /services` (signed in, no query of its own)".to_string(),
                &p.services,
            );
            if let Some(q) = &p.query {
                row(
                    &mut out,
                    "1e",
                    format!(
                        "`applications_of`'s query alone, prepared, on {} connections like the \
                         portal's read connections ({})",
                        crate::pgquery::MAX,
                        q.connection_kind
                    ),
                    &q.applications,
                );
                row(
                    &mut out,
                    "1f",
                    "`mailbox_of`'s query alone, the same way".to_string(),
                    &q.mailbox,
                );
                row(
                    &mut out,
                    "1g",
                    "For comparison: `applications_of` through the portal's store (its own read \
                     connections and row mapping)"
                        .to_string(),
                    &q.store_applications,
                );
                row(
                    &mut out,
                    "1h",
                    "For comparison: `mailbox_of` through the portal's store".to_string(),
                    &q.store_mailbox,
                );
            }
            for (n, name, r) in [
                ("1", "/applications", &p.applications),
                ("1′", "/mailbox", &p.mailbox),
            ] {
                let ratio = Ratio::of(r, &p.minimal);
                // The 30 % target is SQLite's; PostgreSQL pages are judged against their
                // query alone (below).
                let (target, met) = if p.query.is_none() {
                    (
                        format!("≥ {:.0} %", PAGE_TARGET * 100.0),
                        verdict(ratio.median >= PAGE_TARGET * 100.0).to_string(),
                    )
                } else {
                    ("(SQLite's target)".to_string(), String::new())
                };
                let _ = writeln!(
                    out,
                    "| {n} | `{name}` rate / minimal rate | {} | | | {target} | {met} |",
                    ratio.text()
                );
            }
            if let Some(q) = &p.query {
                for (n, name, page, alone, store, rows) in [
                    (
                        "1*",
                        "/applications",
                        &p.applications,
                        &q.applications,
                        &q.store_applications,
                        ("1a", "1e", "1g"),
                    ),
                    (
                        "1′*",
                        "/mailbox",
                        &p.mailbox,
                        &q.mailbox,
                        &q.store_mailbox,
                        ("1b", "1f", "1h"),
                    ),
                ] {
                    let ratio = Ratio::of(page, alone);
                    let _ = writeln!(
                        out,
                        "| {n} | `{name}` rate / its query alone ({} / {}) | {} | | | ≥ {:.0} % | {} |",
                        rows.0,
                        rows.1,
                        ratio.text(),
                        PG_PAGE_TARGET * 100.0,
                        verdict(ratio.median >= PG_PAGE_TARGET * 100.0)
                    );
                    let _ = writeln!(
                        out,
                        "| | for comparison: `{name}` rate / the query through the portal's store \
                         ({} / {}) | {} | | | | |",
                        rows.0,
                        rows.2,
                        Ratio::of(page, store).text()
                    );
                }
            }
            let (overall, low, high) = ratios(&p.services, &p.minimal);
            let _ = writeln!(
                out,
                "| 1″ | For comparison: `/services` rate / minimal rate | {overall:.1} % (rounds \
                 {low:.0}–{high:.0} %) | | | | |"
            );
            for (n, name, h, max) in [
                (
                    "2a",
                    "`GET /applications`",
                    &p.half_applications,
                    &p.applications,
                ),
                ("2b", "`GET /mailbox`", &p.half_mailbox, &p.mailbox),
                (
                    "2c",
                    "For comparison: the minimal handler at the rate of 2a,",
                    &p.half_minimal,
                    &p.applications,
                ),
            ] {
                let r = &h.result;
                let p99 = r.percentile(0.99);
                let met = r.not_ok == 0 && p99.is_some_and(|d| d < HALF_RATE_P99_TARGET);
                let (target, verdict) = if n == "2c" {
                    (String::new(), String::new())
                } else {
                    (
                        format!("p99 < {} ms", HALF_RATE_P99_TARGET.as_millis()),
                        verdict(met).to_string(),
                    )
                };
                let from_send = |q: f64| {
                    let n = h.from_send.len();
                    (n > 0).then(|| {
                        h.from_send
                            .get(((q * n as f64).ceil() as usize).clamp(1, n) - 1)
                            .copied()
                            .unwrap_or_default()
                    })
                };
                let _ = writeln!(
                    out,
                    "| {n} | {name} open loop at {:.0} % of its max ({} of {}) | {} ({}; \
                     p99.9 {}, max {}; measured from the send instead of the schedule: p50 \
                     {}, p99 {}; up to {} in flight; send lag p99 {}) | {} | {} | {target} \
                     | {verdict} |",
                    h.target_rate / max.result.rate() * 100.0,
                    rate(h.target_rate),
                    rate(max.result.rate()),
                    rate(r.rate()),
                    counted(r),
                    ms(r.percentile(0.999)),
                    ms(r.latencies.last().copied()),
                    ms(from_send(0.5)),
                    ms(from_send(0.99)),
                    h.max_in_flight,
                    ms(Some(h.lag_p99)),
                    lat(r),
                    cpu(r, h.pg_cores),
                );
            }
        }
        if let Some(u) = &self.uploads {
            let mb = |r: &Runs| mb_s(&r.result, u.file_bytes);
            let row = |out: &mut String, n: &str, what: &str, r: &Runs| {
                let _ = writeln!(
                    out,
                    "| {n} | {what}, {} at a time | **{:.0} MB/s** ({:.1} files/s; {}) | {} \
                     | {} | | |",
                    u.concurrency,
                    mb(r),
                    r.result.rate(),
                    counted(&r.result),
                    lat(&r.result),
                    cpu(&r.result, r.pg_cores())
                );
            };
            row(
                &mut out,
                "3a",
                "Upload `POST /applications/{id}/files` (multipart, one PDF per request)",
                &u.upload,
            );
            row(
                &mut out,
                "3b",
                "Same bytes to disk with `std::fs` write + fsync (`sync_all`) per file",
                &u.fsync,
            );
            row(
                &mut out,
                "3c",
                "Same bytes through the portal's write path `FileStore::put` from an aligned \
                 buffer as uploads arrive in (direct write in place + fsync, on the blocking \
                 pool)",
                &u.store,
            );
            row(
                &mut out,
                "3d",
                "Same bytes to disk with an `O_DIRECT` write (padded to whole blocks, then \
                 `set_len`) + fsync per file",
                &u.direct,
            );
            let (faster, disk) = u.disk();
            let disk_name = format!(
                "Upload / disk, the faster of (3b) and (3d) over the run: ({faster}), round by round"
            );
            for (n, what, base, primary) in [
                ("3", disk_name.as_str(), disk, true),
                (
                    "3′",
                    "Upload / buffered write + fsync (3b)",
                    &u.fsync,
                    false,
                ),
                ("3″", "Upload / direct write + fsync (3d)", &u.direct, false),
                (
                    "3‴",
                    "Upload / the portal's write path alone (3c)",
                    &u.store,
                    false,
                ),
            ] {
                let ratio = Ratio::of(&u.upload, base);
                let (target, met) = if primary {
                    (
                        format!("≥ {:.0} %", UPLOAD_TARGET * 100.0),
                        verdict(ratio.median >= UPLOAD_TARGET * 100.0).to_string(),
                    )
                } else {
                    ("(for comparison)".to_string(), String::new())
                };
                let _ = writeln!(
                    out,
                    "| {n} | {what} | {} | | | {target} | {met} |",
                    ratio.text()
                );
            }
            let each = Ratio::against_faster_each_round(&u.upload, &u.fsync, &u.direct);
            let _ = writeln!(
                out,
                "| 3⁗ | Upload / the faster of (3b) and (3d) in each round | {} | | | (for \
                 comparison) | |",
                each.text()
            );
        }
        if let Some(m) = &self.memory {
            let worst = m.worst();
            for (k, (r, took)) in m.bursts.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "| 4.{} | Resident memory of the portal's server process (a process of its \
                     own), {} uploads of {} bytes started at once, burst {} | **+{}** (VmRSS {} \
                     before, peak {}, {} after; {:.0} ms; threads {} before, {} after; {}) | | \
                     | < {} in every burst | {} |",
                    k + 1,
                    m.uploads,
                    thousands(m.file_bytes as u64),
                    k + 1,
                    mb(r.rise()),
                    mb(r.before),
                    mb(r.peak),
                    mb(r.after),
                    took.as_secs_f64() * 1e3,
                    r.threads.0,
                    r.threads.1,
                    if r.hwm_reset {
                        "peak: VmHWM reset before, and VmRSS read every ms"
                    } else {
                        "peak: VmRSS read every ms (VmHWM could not be reset)"
                    },
                    mb(MEMORY_RISE_TARGET),
                    if k + 1 == m.bursts.len() {
                        verdict(worst < MEMORY_RISE_TARGET)
                    } else {
                        ""
                    }
                );
            }
        }
        if let Some(d) = &self.durability {
            let _ = writeln!(
                out,
                "\n**SQLite durability** ({} rounds, FULL and NORMAL alternating, which goes first \
                 switching every round; two portals, each on a fresh SQLite file, built in {:.1} s):\n\n\
                 | # | Workload | `synchronous = FULL` (the portal) | `NORMAL` | FULL / NORMAL |\n\
                 |---|---|---|---|---|",
                d.rounds,
                d.setup.as_secs_f64()
            );
            let steps = Ratio::of(&d.steps_full, &d.steps_normal);
            let _ = writeln!(
                out,
                "| 5a | Save a draft's step again (`POST …/steps/personal`, one write transaction: \
                 the draft and an audit entry), {} clients | {} ({}) | {} ({}) | {} |",
                d.steps_full.concurrency,
                rate(d.steps_full.result.rate()),
                lat(&d.steps_full.result),
                rate(d.steps_normal.result.rate()),
                lat(&d.steps_normal.result),
                steps.text()
            );
            let uploads = Ratio::of(&d.uploads_full, &d.uploads_normal);
            let _ = writeln!(
                out,
                "| 5b | Upload of a {}-byte PDF, 2 at a time, {} per round | {:.0} MB/s ({}) | \
                 {:.0} MB/s ({}) | {} |",
                thousands(d.file_bytes as u64),
                d.upload_files,
                mb_s(&d.uploads_full.result, d.file_bytes),
                lat(&d.uploads_full.result),
                mb_s(&d.uploads_normal.result, d.file_bytes),
                lat(&d.uploads_normal.result),
                uploads.text()
            );
        }
        if let Some(q) = self.pages.as_ref().and_then(|p| p.query.as_ref()) {
            match &q.pinned {
                Some(Ok(pin)) => {
                    let _ = writeln!(
                        out,
                        "\n**For information: PostgreSQL on a core of its own** ({}), the same \
                         closed loops again:\n\n\
                         | Load | rate | CPU cores: bench / PostgreSQL / others |\n|---|---|---|",
                        pin.how
                    );
                    for (name, r) in [
                        ("`GET /applications`", &pin.applications),
                        ("`GET /mailbox`", &pin.mailbox),
                        ("minimal handler", &pin.minimal),
                        ("`applications_of`'s query alone", &pin.query_applications),
                        ("`mailbox_of`'s query alone", &pin.query_mailbox),
                    ] {
                        let _ = writeln!(
                            out,
                            "| {name} | {} | {} |",
                            rate(r.result.rate()),
                            cpu(&r.result, r.pg_cores())
                        );
                    }
                    for (name, page, alone) in [
                        ("/applications", &pin.applications, &pin.query_applications),
                        ("/mailbox", &pin.mailbox, &pin.query_mailbox),
                    ] {
                        let _ = writeln!(
                            out,
                            "| `{name}` / its query alone | {} | |\n| `{name}` / minimal | {} | |",
                            Ratio::of(page, alone).text(),
                            Ratio::of(page, &pin.minimal).text()
                        );
                    }
                }
                Some(Err(why)) => {
                    let _ = writeln!(
                        out,
                        "\nPostgreSQL on a core of its own: not measured ({why})."
                    );
                }
                None => {}
            }
        }
        if let Some(p) = &self.pages {
            let b = &p.breakdown;
            let us = |d: Duration| d.as_secs_f64() * 1e6;
            let _ = writeln!(
                out,
                "\nOne request at a time (means of 300 sequential calls, nothing else running), \
                 in µs:\n\n\
                 | | whole request over HTTP | `authenticate` (session + account) | the list \
                 query via the portal's store | rest: HTTP, middleware, rendering |\n\
                 |---|---|---|---|---|\n\
                 | minimal handler | {:.0} | | | |\n\
                 | `GET /applications` | {:.0} | {:.0} | {:.0} (`applications_of`) | {:.0} |\n\
                 | `GET /mailbox` | {:.0} | {:.0} | {:.0} (`mailbox_of`) | {:.0} |",
                us(b.minimal),
                us(b.applications),
                us(b.authenticate),
                us(b.applications_of),
                us(b.applications) - us(b.authenticate) - us(b.applications_of),
                us(b.mailbox),
                us(b.authenticate),
                us(b.mailbox_of),
                us(b.mailbox) - us(b.authenticate) - us(b.mailbox_of),
            );
        }
        let d = &self.diagnostics;
        if !d.plan_applications.is_empty() {
            let _ = writeln!(
                out,
                "\nThe two queries alone, on the bench's own connection, mean of sequential runs \
                 for the signed-in applicant: `applications_of` {:.0} µs, `mailbox_of` {:.0} µs.",
                d.query_applications.as_secs_f64() * 1e6,
                d.query_mailbox.as_secs_f64() * 1e6
            );
            if let (Some(native), Some(any)) = (
                d.query_applications_native_pool,
                d.query_applications_any_pool,
            ) {
                let _ = writeln!(
                    out,
                    "\n`applications_of`'s query through a pool of one connection: native \
                     `SqlitePool` {:.0} µs, sqlx `AnyPool` (the portal's kind) {:.0} µs.",
                    native.as_secs_f64() * 1e6,
                    any.as_secs_f64() * 1e6
                );
            }
            let _ = writeln!(out, "\nPlan of `applications_of`:\n\n```");
            for l in &d.plan_applications {
                let _ = writeln!(out, "{l}");
            }
            let _ = writeln!(out, "```\n\nPlan of `mailbox_of`:\n\n```");
            for l in &d.plan_mailbox {
                let _ = writeln!(out, "{l}");
            }
            let _ = writeln!(out, "```");
        }
        out
    }

    /// The numbers as JSON.
    pub fn json(&self) -> serde_json::Value {
        let (load, runs) = (load_json, runs_json);
        let open = |h: &OpenResult| {
            json!({
                "target_rate_per_s": h.target_rate,
                "result": load(&h.result),
                "from_send_p50_ms": h.from_send.get(h.from_send.len() / 2).map(|d| d.as_secs_f64() * 1e3),
                "from_send_p99_ms": h.from_send.get((h.from_send.len() * 99).div_ceil(100).saturating_sub(1)).map(|d| d.as_secs_f64() * 1e3),
                "send_lag_p99_ms": h.lag_p99.as_secs_f64() * 1e3,
                "send_lag_max_ms": h.lag_max.as_secs_f64() * 1e3,
                "max_in_flight": h.max_in_flight,
                "postgres_cores": h.pg_cores,
            })
        };
        json!({
            "backend": self.backend,
            "date": self.date,
            "machine": self.machine,
            "database": self.diagnostics.server,
            "shape": {
                "accounts": self.shape.accounts,
                "applications_per_account": self.shape.apps_per_account,
                "documents_per_account": self.shape.docs_per_account,
            },
            "db_bytes": self.diagnostics.db_bytes,
            "fill": self.fill.as_ref().map(|f| json!({
                "total_s": f.total.as_secs_f64(),
                "tables": f.tables.iter().map(|t| json!({
                    "table": t.table, "rows": t.rows, "seconds": t.time.as_secs_f64(),
                })).collect::<Vec<_>>(),
                "maintenance": f.maintenance.0,
                "maintenance_s": f.maintenance.1.as_secs_f64(),
            })),
            "pages": self.pages.as_ref().map(|p| {
                let (a, _, _) = ratios(&p.applications, &p.minimal);
                let (m, _, _) = ratios(&p.mailbox, &p.minimal);
                json!({
                    "applications": runs(&p.applications),
                    "mailbox": runs(&p.mailbox),
                    "minimal": runs(&p.minimal),
                    "services": runs(&p.services),
                    "applications_bytes": p.applications_bytes,
                    "mailbox_bytes": p.mailbox_bytes,
                    "applications_share_pct": a,
                    "mailbox_share_pct": m,
                    "one_at_a_time_us": {
                        "minimal": p.breakdown.minimal.as_secs_f64() * 1e6,
                        "applications": p.breakdown.applications.as_secs_f64() * 1e6,
                        "mailbox": p.breakdown.mailbox.as_secs_f64() * 1e6,
                        "authenticate": p.breakdown.authenticate.as_secs_f64() * 1e6,
                        "applications_of": p.breakdown.applications_of.as_secs_f64() * 1e6,
                        "mailbox_of": p.breakdown.mailbox_of.as_secs_f64() * 1e6,
                    },
                    "applications_share_median_pct": Ratio::of(&p.applications, &p.minimal).median,
                    "mailbox_share_median_pct": Ratio::of(&p.mailbox, &p.minimal).median,
                    "postgres_query_alone": p.query.as_ref().map(|q| pg_floor_json(p, q)),
                    "half_rate_applications": open(&p.half_applications),
                    "half_rate_mailbox": open(&p.half_mailbox),
                    "half_rate_minimal": open(&p.half_minimal),
                })
            }),
            "uploads": self.uploads.as_ref().map(|u| {
                let (f, _, _) = ratios(&u.upload, &u.fsync);
                let (d, _, _) = ratios(&u.upload, &u.direct);
                let (s, _, _) = ratios(&u.upload, &u.store);
                let (disk, _, _) = ratios(&u.upload, u.disk().1);
                json!({
                    "file_bytes": u.file_bytes,
                    "files_per_round": u.files_per_round,
                    "rounds": u.rounds,
                    "concurrency": u.concurrency,
                    "upload": runs(&u.upload),
                    "upload_mb_s": mb_s(&u.upload.result, u.file_bytes),
                    "fsync": runs(&u.fsync),
                    "fsync_mb_s": mb_s(&u.fsync.result, u.file_bytes),
                    "store": runs(&u.store),
                    "store_mb_s": mb_s(&u.store.result, u.file_bytes),
                    "direct": runs(&u.direct),
                    "direct_mb_s": mb_s(&u.direct.result, u.file_bytes),
                    "upload_share_of_disk_pct": disk,
                    "upload_share_of_fsync_pct": f,
                    "upload_share_of_direct_pct": d,
                    "upload_share_of_store_pct": s,
                    "upload_over_disk": Ratio::of(&u.upload, u.disk().1).json(),
                    "upload_over_faster_each_round": Ratio::against_faster_each_round(&u.upload, &u.fsync, &u.direct).json(),
                    "verified": u.verified,
                })
            }),
            "memory": self.memory.as_ref().map(|m| {
                let rise = |(r, took): &(Rise, Duration)| json!({
                    "before_bytes": r.before,
                    "peak_bytes": r.peak,
                    "sampled_peak_bytes": r.sampled,
                    "after_bytes": r.after,
                    "rise_bytes": r.rise(),
                    "hwm_reset": r.hwm_reset,
                    "threads_before": r.threads.0,
                    "threads_after": r.threads.1,
                    "burst_ms": took.as_secs_f64() * 1e3,
                });
                json!({
                    "uploads_at_once": m.uploads,
                    "file_bytes": m.file_bytes,
                    "idle_rss_bytes": m.idle,
                    "bursts": m.bursts.iter().map(rise).collect::<Vec<_>>(),
                    "worst_rise_bytes": m.worst(),
                    "target_rise_bytes": MEMORY_RISE_TARGET,
                })
            }),
            "durability": self.durability.as_ref().map(|d| json!({
                "rounds": d.rounds,
                "steps_full": runs(&d.steps_full),
                "steps_normal": runs(&d.steps_normal),
                "steps_full_over_normal": Ratio::of(&d.steps_full, &d.steps_normal).json(),
                "uploads_full": runs(&d.uploads_full),
                "uploads_normal": runs(&d.uploads_normal),
                "uploads_full_over_normal": Ratio::of(&d.uploads_full, &d.uploads_normal).json(),
            })),
            "plans": {
                "applications_of": self.diagnostics.plan_applications,
                "mailbox_of": self.diagnostics.plan_mailbox,
                "applications_of_mean_us": self.diagnostics.query_applications.as_secs_f64() * 1e6,
                "mailbox_of_mean_us": self.diagnostics.query_mailbox.as_secs_f64() * 1e6,
            },
        })
    }
}

/// The PostgreSQL floor (queries alone, pinned rounds) as JSON.
fn pg_floor_json(p: &Pages, q: &PgFloor) -> serde_json::Value {
    let runs = runs_json;
    json!({
        "connection_kind": q.connection_kind,
        "applications_of": runs(&q.applications),
        "mailbox_of": runs(&q.mailbox),
        "applications_of_via_store": runs(&q.store_applications),
        "mailbox_of_via_store": runs(&q.store_mailbox),
        "applications_page_over_query": Ratio::of(&p.applications, &q.applications).json(),
        "mailbox_page_over_query": Ratio::of(&p.mailbox, &q.mailbox).json(),
        "applications_page_over_store": Ratio::of(&p.applications, &q.store_applications).json(),
        "mailbox_page_over_store": Ratio::of(&p.mailbox, &q.store_mailbox).json(),
        "pinned": match &q.pinned {
            Some(Ok(pin)) => json!({
                "how": pin.how,
                "applications": runs(&pin.applications),
                "mailbox": runs(&pin.mailbox),
                "minimal": runs(&pin.minimal),
                "applications_of": runs(&pin.query_applications),
                "mailbox_of": runs(&pin.query_mailbox),
                "applications_page_over_query": Ratio::of(&pin.applications, &pin.query_applications).json(),
                "mailbox_page_over_query": Ratio::of(&pin.mailbox, &pin.query_mailbox).json(),
                "applications_page_over_minimal": Ratio::of(&pin.applications, &pin.minimal).json(),
                "mailbox_page_over_minimal": Ratio::of(&pin.mailbox, &pin.minimal).json(),
            }),
            Some(Err(why)) => json!({ "not_measured": why }),
            None => serde_json::Value::Null,
        },
    })
}

/// A load's numbers as JSON.
fn load_json(r: &LoadResult) -> serde_json::Value {
    json!({
        "ok": r.ok,
        "failed": r.not_ok,
        "first_problem": r.first_problem,
        "rate_per_s": r.rate(),
        "window_s": r.window.as_secs_f64(),
        "p50_ms": r.percentile(0.5).map(|d| d.as_secs_f64() * 1e3),
        "p90_ms": r.percentile(0.9).map(|d| d.as_secs_f64() * 1e3),
        "p99_ms": r.percentile(0.99).map(|d| d.as_secs_f64() * 1e3),
        "p999_ms": r.percentile(0.999).map(|d| d.as_secs_f64() * 1e3),
        "max_ms": r.latencies.last().map(|d| d.as_secs_f64() * 1e3),
        "cpu_own_cores": r.cpu.map(|c| c.own_cores),
        "cpu_other_cores": r.cpu.map(|c| c.other_cores),
    })
}

/// A series of rounds as JSON.
fn runs_json(r: &Runs) -> serde_json::Value {
    json!({
        "concurrency": r.concurrency,
        "pooled": load_json(&r.result),
        "round_rates": r.round_rates,
        "postgres_cores": r.pg_cores(),
    })
}
