//! `applications-bench`: residence applications and the e-Mailbox (issue 4), measured in one
//! run on this machine, for SQLite and PostgreSQL in turn:
//!
//! 0. builds the portal on a fresh database and fills it by bulk SQL with 10,000 applicants,
//!    100,000 applications (with their history and payments) and 1,000,000 e-Mailbox
//!    documents (the fill time is reported);
//! 1. `GET /applications` and `GET /mailbox` of one signed-in applicant who owns 10
//!    applications and 100 documents, against a minimal axum handler, closed loops
//!    alternating round by round — target on SQLite: each page ≥ 30 % of the minimal rate
//!    (with `GET /services`, a signed-in page without a query of its own, for comparison);
//!    on PostgreSQL: each page ≥ 50 % of its list query alone (prepared, on connections
//!    like the portal's read connections, in the same rounds); there the same loads are
//!    then repeated with the database server pinned to a core of its own, for information;
//! 2. each page in an open loop at half its own maximum rate — target: p99 < 10 ms;
//! 3. uploads of 5 MB PDFs (`POST /applications/{id}/files`) in MB/s against writing the
//!    same bytes to disk (`std::fs` + fsync through the page cache, and `O_DIRECT` +
//!    fsync past it; also the portal's own `FileStore::put`), 10 alternating rounds —
//!    target: the median round ≥ 40 % of the faster disk rate;
//! 4. the resident memory of a portal in a process of its own (this binary, started again)
//!    while 32 uploads of 5 MB run at once — target: a rise of less than 64 MB;
//! 5. SQLite: what `synchronous = FULL` costs, the same writes (step saves, uploads) on a
//!    second portal with `NORMAL`, alternating round by round.
//!
//! Prints a Markdown table per backend and writes the numbers as JSON. Performance is
//! measured here, never asserted in tests: see `bench/README.md`.

// The closed-loop driver and the CPU accounting are shared with `eforeigner-bench`.
#[path = "../../cpu.rs"]
mod cpu;
#[path = "../../format.rs"]
mod format;
#[path = "../../load.rs"]
mod load;
#[path = "../../minimal.rs"]
mod minimal;
#[path = "../../portal_config.rs"]
mod portal_config;

mod fill;
mod pdf;
mod pgcpu;
mod pgquery;
mod pin;
mod report;
mod rss;
mod sqlite_sync;
mod web;

use std::path::{Path, PathBuf};
use std::str::FromStr as _;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use axum::body::Bytes;
use clap::{Parser, ValueEnum};
use eforeigner::App;
use eforeigner::domain::applications::service::{MAX_BYTES, MAX_FILES};
use eforeigner::domain::paging::{PageNumber, Window};
use eforeigner::domain::uploads::MAX_FILE_BYTES;
use eforeigner::domain::{AccountId, Role, SystemClock};
use eforeigner::store::files::FileStore;
use eforeigner::store::sql::{APPLICATIONS_OF, MAILBOX_OF};
use sqlx::{Connection as _, Row as _};
use tokio::net::TcpListener;

use crate::fill::{Db, Gen, Shape};
use crate::load::Op;
use crate::load::{Plan, drive};
use crate::portal_config::config;
use crate::report::{
    Breakdown, Diagnostics, Durability, Memory, Pages, PgFloor, PinnedRuns, Report, Runs, Uploads,
};
use crate::web::Browser;

/// The password of both accounts created through the service.
const PASSWORD: &str = "violet-compass-meadow-7193";
/// The applicant whose pages are measured.
const READER: &str = "reader@bench.eforeigner.test";
/// The applicant who uploads.
const UPLOADER: &str = "uploader@bench.eforeigner.test";
/// The applicant who uploads to the portal of measurement 4 (a process of its own, on the
/// same database as the others on PostgreSQL).
const MEMORY_UPLOADER: &str = "memory@bench.eforeigner.test";

/// What the pages read: the first page of each list (`PageNumber::FIRST.window()`).
const FIRST_PAGE: Window = PageNumber::FIRST.window();
const APPLICATIONS_LIMIT: i64 = FIRST_PAGE.limit;
const MAILBOX_LIMIT: i64 = FIRST_PAGE.limit;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Backend {
    /// The embedded SQLite file (the default deployment).
    Sqlite,
    /// PostgreSQL: a fresh database is created and dropped.
    Postgres,
}

impl Backend {
    fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// What to measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Measure {
    /// Fill, then (1) the two pages against the minimal handler and (2) half-rate p99.
    Pages,
    /// (3) Uploads against disk writes (no fill needed).
    Uploads,
    /// (4) Resident memory during a burst of concurrent uploads (no fill needed).
    Memory,
    /// (5) SQLite only: the portal on `synchronous = FULL` against `NORMAL`, writes
    /// alternating between two portals (no fill needed).
    Durability,
}

/// Residence applications and the e-Mailbox on a filled database: fill time, page rates
/// against a minimal handler (and, on PostgreSQL, against their query alone), p99 at half
/// rate, upload MB/s against disk writes, the server's memory during concurrent uploads,
/// and (SQLite) `synchronous = FULL` against `NORMAL`.
#[derive(Debug, Parser)]
#[command(name = "applications-bench", version)]
struct Args {
    /// Smoke run: 1,000 accounts, 2 s per load in 2 rounds, 0.2 s warm-ups, 3 s open
    /// loops, 2 rounds of 4 uploads (explicit flags win).
    #[arg(long)]
    quick: bool,
    /// Backends to measure, in this order (repeatable; default: sqlite, then postgres).
    #[arg(long, value_enum)]
    backend: Vec<Backend>,
    /// Run only these measurements (repeatable; default: all).
    #[arg(long, value_enum)]
    only: Vec<Measure>,
    /// Applicant accounts (default 10,000; 1,000 with --quick).
    #[arg(long)]
    accounts: Option<usize>,
    /// Applications per account.
    #[arg(long, default_value_t = 10)]
    applications_per_account: usize,
    /// E-Mailbox documents per account.
    #[arg(long, default_value_t = 100)]
    documents_per_account: usize,
    /// Counted seconds of each closed-loop load, summed over its rounds (default 10; 2
    /// with --quick).
    #[arg(long, value_name = "SECS")]
    duration_secs: Option<f64>,
    /// The four closed loops (two pages, minimal handler, `/services`) alternate in this
    /// many rounds (default 5; 2 with --quick).
    #[arg(long)]
    rounds: Option<u32>,
    /// Uncounted warm-up before every round and open loop (default 0.5; 0.2 with --quick).
    #[arg(long, value_name = "SECS")]
    warmup_secs: Option<f64>,
    /// Keep-alive clients of the closed loops (pages and minimal handler).
    #[arg(long, default_value_t = 16)]
    concurrency: usize,
    /// Counted seconds of each open loop at half rate (default 10; 3 with --quick).
    #[arg(long, value_name = "SECS")]
    half_rate_secs: Option<f64>,
    /// Share of the page's own closed-loop rate for the open loop.
    #[arg(long, default_value_t = 0.5)]
    half_rate_share: f64,
    /// Most connections the open loop's client keeps open, as wrk2 holds a fixed set: a
    /// request waits for a free one, and the wait counts in its latency (measured from
    /// the scheduled instant). 0: no limit, a new connection for every request that
    /// overlaps the others (the default until 2026-11-22; see bench/README.md).
    #[arg(long, value_name = "N", default_value_t = 64)]
    half_rate_connections: usize,
    /// Bytes per uploaded file (at most the portal's 5 MiB per file).
    #[arg(long, default_value_t = 5_000_000)]
    upload_bytes: usize,
    /// Files per round, for the uploads and for each disk baseline (default 40; 4 with
    /// --quick).
    #[arg(long)]
    upload_files: Option<usize>,
    /// Rounds of (upload, fsync, write path, direct write) (default 10; 2 with --quick).
    #[arg(long)]
    upload_rounds: Option<usize>,
    /// Uploads (and disk writers) at a time.
    #[arg(long, default_value_t = 2)]
    upload_concurrency: usize,
    /// (4) Uploads started at once.
    #[arg(long, default_value_t = 32)]
    memory_uploads: usize,
    /// (4) Bursts of those uploads (at most 4: burst `k` goes to checklist item `k`).
    #[arg(long, default_value_t = 3)]
    memory_bursts: usize,
    /// (5) Rounds of each workload, FULL and NORMAL alternating (default 10; 2 with
    /// --quick).
    #[arg(long)]
    durability_rounds: Option<usize>,
    /// (5) Clients saving draft steps.
    #[arg(long, default_value_t = 8)]
    durability_clients: usize,
    /// (5) Counted seconds of each step-saving round (default 1; 0.5 with --quick).
    #[arg(long, value_name = "SECS")]
    durability_secs: Option<f64>,
    /// (5) Uploads per round (2 at a time).
    #[arg(long, default_value_t = 20)]
    durability_upload_files: usize,
    /// (1) PostgreSQL: skip the extra rounds with the server pinned to a core of its own.
    #[arg(long)]
    no_pin: bool,
    /// PostgreSQL server to create the bench database on (any database of it; the bench
    /// creates `eforeigner_bench_<pid>` and drops it at the end).
    #[arg(
        long,
        env = "EFOREIGNER_BENCH_POSTGRES_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    postgres_url: String,
    /// Keep the data directory (SQLite file, uploaded files) and the PostgreSQL database
    /// after the run, for a look at them; their names are printed.
    #[arg(long)]
    keep: bool,
    /// Where the JSON (and a copy of the Markdown) of each backend's run is written.
    #[arg(long, default_value = "/work/target-bench/bench-results")]
    out_dir: PathBuf,
    /// Internal, for (4): serve a portal with its data in DIR in this process, print its URL
    /// on stdout, and stop when stdin closes.
    #[arg(long, hide = true, value_name = "DIR")]
    serve_portal: Option<PathBuf>,
    /// Internal, for (4): the PostgreSQL database of the portal of `--serve-portal`.
    #[arg(long, hide = true, value_name = "URL")]
    serve_database_url: Option<String>,
}

/// The settings after defaults.
struct Settings {
    shape: Shape,
    pages: bool,
    uploads: bool,
    rounds: u32,
    warmup: Duration,
    per_round: Duration,
    concurrency: usize,
    half_rate: Duration,
    half_share: f64,
    half_connections: Option<usize>,
    upload_bytes: usize,
    upload_files: usize,
    upload_rounds: usize,
    upload_concurrency: usize,
    postgres_url: String,
    keep: bool,
    memory: bool,
    memory_uploads: usize,
    memory_bursts: usize,
    durability: bool,
    durability_rounds: usize,
    durability_clients: usize,
    durability_per_round: Duration,
    durability_upload_files: usize,
    pin_postgres: bool,
}

fn secs(s: f64) -> anyhow::Result<Duration> {
    Duration::try_from_secs_f64(s).map_err(|e| anyhow::anyhow!("bad duration {s}: {e}"))
}

fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown", |(_, v)| v.trim());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    format!(
        "{cores} cores ({model}), Linux {}, load average at start {}",
        kernel.trim(),
        load.split_whitespace()
            .take(3)
            .collect::<Vec<_>>()
            .join(" ")
    )
}

fn today() -> String {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
        .to_string()
}

/// Creates a fresh database on the server of `admin_url`; returns its URL and name.
async fn create_database(admin_url: &str) -> anyhow::Result<(String, String)> {
    let name = format!("eforeigner_bench_{}", std::process::id());
    let mut conn = sqlx::PgConnection::connect(admin_url)
        .await
        .with_context(|| format!("connecting to {admin_url}"))?;
    sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await?;
    sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await?;
    let _ = conn.close().await;
    let (base, query) = match admin_url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (admin_url, String::new()),
    };
    let (server, _) = base
        .rsplit_once('/')
        .filter(|(s, _)| s.contains("://") && !s.ends_with('/'))
        .ok_or_else(|| anyhow::anyhow!("{admin_url} names no database"))?;
    Ok((format!("{server}/{name}{query}"), name))
}

async fn drop_database(admin_url: &str, name: &str) -> anyhow::Result<()> {
    let mut conn = sqlx::PgConnection::connect(admin_url).await?;
    sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await?;
    let _ = conn.close().await;
    Ok(())
}

/// The bench's own connection to the portal's database.
async fn connect(backend: Backend, data_dir: &Path, pg_url: Option<&str>) -> anyhow::Result<Db> {
    Ok(match (backend, pg_url) {
        (Backend::Postgres, Some(url)) => Db::Postgres(sqlx::PgConnection::connect(url).await?),
        _ => {
            let options = sqlx::sqlite::SqliteConnectOptions::from_str(&format!(
                "sqlite://{}",
                data_dir.join("eforeigner.sqlite3").display()
            ))?
            .busy_timeout(Duration::from_secs(30))
            // This connection only: the fill need not survive a crash of the machine.
            .synchronous(sqlx::sqlite::SqliteSynchronous::Off)
            .pragma("cache_size", "-131072");
            Db::Sqlite(sqlx::SqliteConnection::connect_with(&options).await?)
        }
    })
}

/// The mean time of `RUNS` runs of a list query (`$1` account, `$2` limit, first page)
/// through `executor` (a connection or a pool: the two are different types in sqlx).
macro_rules! mean_of {
    ($sql:expr, $account_id:expr, $limit:expr, $executor:expr) => {{
        let began = Instant::now();
        for _ in 0..RUNS {
            sqlx::query($sql)
                .bind($account_id)
                .bind($limit)
                .bind(FIRST_PAGE.offset)
                .fetch_all($executor)
                .await?;
        }
        began.elapsed() / RUNS
    }};
}

/// Query plans, the queries' own time, database size and server facts.
async fn diagnose(db: &mut Db, account_id: &str, data_dir: &Path) -> anyhow::Result<Diagnostics> {
    const RUNS: u32 = 300;
    let mut d = Diagnostics::default();
    match db {
        Db::Sqlite(c) => {
            for (sql, limit, plan) in [
                (
                    APPLICATIONS_OF.sqlite,
                    APPLICATIONS_LIMIT,
                    &mut d.plan_applications,
                ),
                (MAILBOX_OF.sqlite, MAILBOX_LIMIT, &mut d.plan_mailbox),
            ] {
                let rows = sqlx::query(&format!("EXPLAIN QUERY PLAN {sql}"))
                    .bind(account_id)
                    .bind(limit)
                    .bind(FIRST_PAGE.offset)
                    .fetch_all(&mut *c)
                    .await?;
                for r in rows {
                    plan.push(r.try_get::<String, _>("detail")?);
                }
            }
            for (sql, limit, mean) in [
                (
                    APPLICATIONS_OF.sqlite,
                    APPLICATIONS_LIMIT,
                    &mut d.query_applications,
                ),
                (MAILBOX_OF.sqlite, MAILBOX_LIMIT, &mut d.query_mailbox),
            ] {
                *mean = mean_of!(sql, account_id, limit, &mut *c);
            }
            let file = data_dir.join("eforeigner.sqlite3");
            // Where a query's time goes between the driver and the portal's store: the same
            // query through a pool of one connection, native (`SqlitePool`) and through
            // sqlx's `Any` layer (the portal's kind of pool).
            let url = format!("sqlite://{}", file.display());
            let native = sqlx::sqlite::SqlitePoolOptions::new()
                .max_connections(1)
                .test_before_acquire(false)
                .connect(&url)
                .await?;
            let any = sqlx::any::AnyPoolOptions::new()
                .max_connections(1)
                .test_before_acquire(false)
                .connect(&url)
                .await?;
            d.query_applications_native_pool = Some(mean_of!(
                APPLICATIONS_OF.sqlite,
                account_id,
                APPLICATIONS_LIMIT,
                &native
            ));
            d.query_applications_any_pool = Some(mean_of!(
                APPLICATIONS_OF.sqlite,
                account_id,
                APPLICATIONS_LIMIT,
                &any
            ));
            native.close().await;
            any.close().await;
            let version: String = sqlx::query_scalar("SELECT sqlite_version()")
                .fetch_one(&mut *c)
                .await?;
            d.db_bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            d.server = format!(
                "SQLite {version} (file in {}, WAL, synchronous = FULL, the portal's \
                 settings)",
                data_dir.display()
            );
        }
        Db::Postgres(c) => {
            for (sql, limit, plan) in [
                (
                    APPLICATIONS_OF.postgres,
                    APPLICATIONS_LIMIT,
                    &mut d.plan_applications,
                ),
                (MAILBOX_OF.postgres, MAILBOX_LIMIT, &mut d.plan_mailbox),
            ] {
                let rows = sqlx::query(&format!("EXPLAIN (ANALYZE, BUFFERS) {sql}"))
                    .bind(account_id)
                    .bind(limit)
                    .bind(FIRST_PAGE.offset)
                    .fetch_all(&mut *c)
                    .await?;
                for r in rows {
                    plan.push(r.try_get::<String, _>(0)?);
                }
            }
            for (sql, limit, mean) in [
                (
                    APPLICATIONS_OF.postgres,
                    APPLICATIONS_LIMIT,
                    &mut d.query_applications,
                ),
                (MAILBOX_OF.postgres, MAILBOX_LIMIT, &mut d.query_mailbox),
            ] {
                *mean = mean_of!(sql, account_id, limit, &mut *c);
            }
            let facts = sqlx::query(
                "SELECT version(), current_setting('shared_buffers'), \
                 current_setting('synchronous_commit'), pg_database_size(current_database())",
            )
            .fetch_one(&mut *c)
            .await?;
            let version: String = facts.try_get(0)?;
            d.db_bytes = u64::try_from(facts.try_get::<i64, _>(3)?).unwrap_or(0);
            d.server = format!(
                "{} (shared_buffers {}, synchronous_commit {}), same machine, over TCP",
                version.split(" on ").next().unwrap_or(&version),
                facts.try_get::<String, _>(1)?,
                facts.try_get::<String, _>(2)?
            );
        }
    }
    Ok(d)
}

/// Runs `sync` (outside any timed window), so that no round pays for the last one's dirty
/// pages.
async fn sync_disks() {
    let _ = tokio::process::Command::new("sync").status().await;
}

/// The mean time of `f` over `n` sequential calls, after `n / 10` uncounted ones.
async fn mean<F, Fut>(n: u32, mut f: F) -> anyhow::Result<Duration>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<()>>,
{
    for _ in 0..n / 10 {
        f().await?;
    }
    let began = Instant::now();
    for _ in 0..n {
        f().await?;
    }
    Ok(began.elapsed() / n.max(1))
}

/// One request at a time, nothing else running: the pages, the minimal handler, and the
/// parts of a page that touch the database, called in process through the portal's own
/// services and store (its pool, the `Any` driver, its row mapping).
async fn breakdown(
    app: &App,
    base: &str,
    minimal_url: &str,
    cookie: &str,
    session: &str,
    account_id: &str,
) -> anyhow::Result<Breakdown> {
    use eforeigner::store::ApplicationRepo as _;
    const N: u32 = 300;
    let client = web::client()?;
    let get = |url: String, cookie: String| {
        let client = client.clone();
        move || {
            let rb = client.get(url.as_str()).header("cookie", cookie.as_str());
            async move {
                let r = rb.send().await?;
                anyhow::ensure!(r.status() == 200, "HTTP {}", r.status());
                r.bytes().await?;
                Ok(())
            }
        }
    };
    Ok(Breakdown {
        minimal: mean(N, get(minimal_url.to_string(), String::new())).await?,
        applications: mean(N, get(format!("{base}/applications"), cookie.to_string())).await?,
        mailbox: mean(N, get(format!("{base}/mailbox"), cookie.to_string())).await?,
        authenticate: mean(N, || async {
            let found = app.accounts.authenticate(session).await?;
            anyhow::ensure!(found.is_some(), "session not found");
            Ok(())
        })
        .await?,
        applications_of: mean(N, || async {
            app.store
                .applications_of(&AccountId::new(account_id), FIRST_PAGE)
                .await?;
            Ok(())
        })
        .await?,
        mailbox_of: mean(N, || async {
            app.store
                .mailbox_of(&AccountId::new(account_id), FIRST_PAGE)
                .await?;
            Ok(())
        })
        .await?,
    })
}

async fn measure_pages(
    app: &App,
    base: &str,
    s: &Settings,
    owned: &(Vec<String>, Vec<String>),
    account_id: &str,
    pg_url: Option<&str>,
) -> anyhow::Result<Pages> {
    let b = Browser::new(base)?;
    b.login(READER, PASSWORD).await?;
    // A browser has its CSRF cookie after the first page; without it every request would
    // also mint one.
    let first = b.get("/applications").await?;
    anyhow::ensure!(
        first.status == 200,
        "GET /applications: HTTP {}",
        first.status
    );
    let cookie = b.cookie_header();
    anyhow::ensure!(
        cookie.contains("session=") && cookie.contains("csrf="),
        "cookies missing: {cookie}"
    );
    // The lists come a page at a time: every owned row must be on one of the pages.
    let apps = b.get("/applications").await?;
    let mail = b.get("/mailbox").await?;
    anyhow::ensure!(apps.status == 200 && mail.status == 200, "pages not 200");
    let (app_ids, doc_ids) = owned;
    let apps_all = b.all_pages("/applications").await?;
    let mail_all = b.all_pages("/mailbox").await?;
    let missing_apps = app_ids
        .iter()
        .filter(|id| !apps_all.contains(id.as_str()))
        .count();
    let missing_docs = doc_ids
        .iter()
        .filter(|id| !mail_all.contains(id.as_str()))
        .count();
    anyhow::ensure!(
        missing_apps == 0 && missing_docs == 0,
        "pages miss {missing_apps} of {} applications and {missing_docs} of {} documents",
        app_ids.len(),
        doc_ids.len()
    );

    let minimal = minimal::Minimal::start().await?;
    let session = b
        .cookie("session")
        .ok_or_else(|| anyhow::anyhow!("no session cookie"))?;
    let parts = breakdown(app, base, &minimal.url, &cookie, &session, account_id).await?;
    eprintln!("    one at a time: {parts:?}");

    // Every client signs in on its own, as the same applicant (one session per device):
    // with one session shared by all, every request that comes while the session's
    // `last_seen_at` update (every 10 s) waits for its commit would write it again.
    let c = s.concurrency;
    let mut cookies = vec![cookie.clone()];
    for _ in 1..c {
        let b = Browser::new(base)?;
        b.login(READER, PASSWORD).await?;
        let page = b.get("/applications").await?;
        anyhow::ensure!(
            page.status == 200,
            "GET /applications: HTTP {}",
            page.status
        );
        cookies.push(b.cookie_header());
    }
    let cookies = Arc::new(cookies);
    let plan = Plan {
        concurrency: c,
        warmup: s.warmup,
        duration: s.per_round,
    };
    let mut ops: Vec<(&str, Op)> = vec![
        (
            "(1a) GET /applications",
            web::page_op(
                format!("{base}/applications"),
                cookies.clone(),
                web::clients(c)?,
            ),
        ),
        (
            "(1b) GET /mailbox",
            web::page_op(format!("{base}/mailbox"), cookies.clone(), web::clients(c)?),
        ),
        (
            "(1c) minimal handler",
            web::page_op(
                minimal.url.clone(),
                Arc::new(vec![String::new()]),
                web::clients(c)?,
            ),
        ),
        (
            "(1d) GET /services",
            web::page_op(
                format!("{base}/services"),
                cookies.clone(),
                web::clients(c)?,
            ),
        ),
    ];
    // PostgreSQL: the database's own floor, each page's query alone, in the same rounds.
    let mut connection_kind = String::new();
    if let Some(url) = pg_url {
        let readers = pgquery::Readers::open(url).await?;
        connection_kind = readers.tls().await?;
        ops.extend([
            (
                "(1e) applications_of query alone",
                readers.op(
                    APPLICATIONS_OF.postgres,
                    account_id,
                    APPLICATIONS_LIMIT,
                    FIRST_PAGE.offset,
                ),
            ),
            (
                "(1f) mailbox_of query alone",
                readers.op(
                    MAILBOX_OF.postgres,
                    account_id,
                    MAILBOX_LIMIT,
                    FIRST_PAGE.offset,
                ),
            ),
            (
                "(1g) applications_of via the portal's store",
                pgquery::store_op(app.clone(), account_id, false),
            ),
            (
                "(1h) mailbox_of via the portal's store",
                pgquery::store_op(app.clone(), account_id, true),
            ),
        ]);
    }
    let mut runs = closed_rounds(&ops, plan, s.rounds, None).await?;
    let minimal_url = minimal.url.clone();
    let mut take = |i: usize| {
        runs.get_mut(i)
            .map(|r| std::mem::replace(r, Runs::new(c)))
            .unwrap_or_else(|| Runs::new(c))
    };
    let (applications, mailbox, minimal_runs, services) = (take(0), take(1), take(2), take(3));
    let query = (pg_url.is_some()).then(|| PgFloor {
        applications: take(4),
        mailbox: take(5),
        store_applications: take(6),
        store_mailbox: take(7),
        connection_kind: connection_kind.clone(),
        pinned: None,
    });

    // (2c), the minimal handler at the rate of (2a), tells what the machine itself adds
    // to the tail (other tenants, the scheduler, the load generator).
    let mut half = vec![];
    for (url, max) in [
        (format!("{base}/applications"), &applications),
        (format!("{base}/mailbox"), &mailbox),
        (minimal_url, &applications),
    ] {
        let rate = max.result.rate() * s.half_share;
        eprintln!("    (2) GET {url} open loop at {rate:.0}/s …");
        let cookies = cookies.clone();
        let h = web::open_loop(rate, s.warmup, s.half_rate, s.half_connections, move || {
            Ok(web::page_op(url, cookies, Arc::new(vec![web::client()?])))
        })
        .await?;
        eprintln!(
            "        {:.0}/s done, p50 {:.2} ms, p99 {:.2} ms, {} failed",
            h.result.rate(),
            h.result.percentile(0.5).unwrap_or_default().as_secs_f64() * 1e3,
            h.result.percentile(0.99).unwrap_or_default().as_secs_f64() * 1e3,
            h.result.not_ok
        );
        half.push(h);
    }
    // For information: the same closed loops with the database server on a core of its own.
    let mut query = query;
    if let Some(q) = query.as_mut().filter(|_| s.pin_postgres) {
        q.pinned = Some(pinned_rounds(&ops, plan, s.rounds).await);
    }
    minimal.stop().await;
    let half_minimal = half.pop().unwrap_or_default();
    let half_mailbox = half.pop().unwrap_or_default();
    let half_applications = half.pop().unwrap_or_default();
    Ok(Pages {
        applications,
        mailbox,
        minimal: minimal_runs,
        services,
        applications_bytes: apps.body.len(),
        mailbox_bytes: mail.body.len(),
        applications_rows: app_ids.len(),
        mailbox_rows: doc_ids.len(),
        half_applications,
        half_mailbox,
        half_minimal,
        rounds: s.rounds,
        half_connections: s.half_connections,
        warmup: s.warmup,
        per_round: s.per_round,
        breakdown: parts,
        query,
    })
}

/// Runs the closed loops `ops` in `rounds` rounds, alternating load by load within each
/// round; `tag` marks the progress lines.
async fn closed_rounds(
    ops: &[(&str, Op)],
    plan: Plan,
    rounds: u32,
    tag: Option<&str>,
) -> anyhow::Result<Vec<Runs>> {
    let mut runs: Vec<Runs> = ops.iter().map(|_| Runs::new(plan.concurrency)).collect();
    for round in 1..=rounds {
        for ((label, op), runs) in ops.iter().zip(runs.iter_mut()) {
            let pg = pgcpu::window(plan.warmup, plan.duration);
            let r = drive(plan, op.clone()).await?;
            let pg = pg.await?;
            eprintln!(
                "    {}{label} round {round}/{rounds}: {:.0}/s, p99 {:.2} ms{}",
                tag.unwrap_or(""),
                r.rate(),
                r.percentile(0.99).unwrap_or_default().as_secs_f64() * 1e3,
                if r.not_ok > 0 {
                    format!(", {} failed: {:?}", r.not_ok, r.first_problem)
                } else {
                    String::new()
                }
            );
            runs.add(r, pg);
        }
    }
    Ok(runs)
}

/// The pages, the minimal handler and the two queries alone again, with the PostgreSQL
/// server pinned to the last core and this process to the others; every process gets all
/// cores back afterwards. A failure to pin is reported, not fatal.
async fn pinned_rounds(ops: &[(&str, Op)], plan: Plan, rounds: u32) -> Result<PinnedRuns, String> {
    // 1a, 1b, 1c, 1e, 1f: what the ratios need.
    let wanted: Vec<(&str, Op)> = [0, 1, 2, 4, 5]
        .iter()
        .filter_map(|&i| ops.get(i).cloned())
        .collect();
    let pinned = pin::pin().map_err(|e| format!("{e:#}"))?;
    eprintln!(
        "    pinned: PostgreSQL ({} processes) to core {}, the bench to {}",
        pinned.server_pids.len(),
        pinned.server_core,
        pinned.bench_cores
    );
    let measured = closed_rounds(&wanted, plan, rounds, Some("[pinned] ")).await;
    pinned.undo();
    let mut runs = measured.map_err(|e| format!("{e:#}"))?;
    let mut take = |i: usize| {
        runs.get_mut(i)
            .map(|r| std::mem::replace(r, Runs::new(plan.concurrency)))
            .unwrap_or_else(|| Runs::new(plan.concurrency))
    };
    Ok(PinnedRuns {
        applications: take(0),
        mailbox: take(1),
        minimal: take(2),
        query_applications: take(3),
        query_mailbox: take(4),
        how: format!(
            "PostgreSQL's {} processes on core {} (`taskset`; new ones inherit it from the \
             postmaster), the bench process (portal and load generator) on core(s) {}",
            pinned.server_pids.len(),
            pinned.server_core,
            pinned.bench_cores
        ),
    })
}

async fn measure_uploads(
    base: &str,
    s: &Settings,
    data_dir: &Path,
    today: jiff::civil::Date,
) -> anyhow::Result<Uploads> {
    anyhow::ensure!(
        s.upload_bytes <= MAX_FILE_BYTES,
        "files of {} bytes exceed the portal's {MAX_FILE_BYTES} per file",
        s.upload_bytes
    );
    let per_draft = MAX_FILES.min(usize::try_from(MAX_BYTES).unwrap_or(0) / s.upload_bytes);
    anyhow::ensure!(per_draft > 0, "no file of that size fits a draft");
    let c = s.upload_concurrency.max(1);
    // The most files one worker uploads over all rounds, and the drafts that takes.
    let per_worker = s.upload_files.div_ceil(c) * s.upload_rounds;
    let drafts_each = per_worker.div_ceil(per_draft);

    let began = Instant::now();
    let b = Browser::new(base)?;
    b.login(UPLOADER, PASSWORD).await?;
    let mut drafts = vec![];
    for _ in 0..c {
        let mut mine = vec![];
        for _ in 0..drafts_each {
            mine.push(web::make_draft(&b, today, "Bench", "Uploader").await?);
        }
        drafts.push(mine);
    }
    let setup = began.elapsed();
    let csrf = b.csrf("/applications/new").await?;
    let pdf = Bytes::from(pdf::scan(s.upload_bytes, 0x5ca9)?);
    let plan = Arc::new(web::UploadPlan {
        base: base.to_string(),
        cookie: b.cookie_header(),
        csrf,
        drafts,
        per_draft,
        pdf: pdf.clone(),
    });
    eprintln!(
        "    {} drafts ready in {:.1} s",
        c * drafts_each,
        setup.as_secs_f64()
    );

    let baseline = data_dir.join("baseline");
    let store = FileStore::local(&baseline.join("store"))?;
    let fsync_dir = baseline.join("fsync");
    let direct_dir = baseline.join("direct");
    // The portal receives uploads into an aligned buffer; (3c) gets its bytes the same way.
    let received = {
        let mut b = eforeigner::store::files::upload_buffer(pdf.len());
        b.extend_from_slice(&pdf);
        b.freeze()
    };
    let upload = web::upload_op(plan, web::clients(c)?);
    let (mut up, mut st, mut fs, mut dr) = (Runs::new(c), Runs::new(c), Runs::new(c), Runs::new(c));
    let (mut up_off, mut st_off, mut fs_off, mut dr_off) = (vec![], vec![], vec![], vec![]);
    let files = s.upload_files;
    let mb = |r: &load::LoadResult| r.rate() * s.upload_bytes as f64 / 1e6;
    for round in 0..s.upload_rounds {
        // The loads take turns at going first: whatever the file system still does after
        // the previous round (freeing the deleted files' blocks, writing back) must not
        // always fall on the same one. Measured: with a fixed order of three the third load
        // lost about two thirds of its rate.
        for which in (0..4).map(|k| (k + round) % 4) {
            sync_disks().await;
            let (label, offsets, op, runs) = match which {
                0 => ("(3a) upload", &mut up_off, upload.clone(), &mut up),
                1 => (
                    "(3b) write + fsync",
                    &mut fs_off,
                    web::fsync_op(fsync_dir.clone(), round, pdf.clone()),
                    &mut fs,
                ),
                2 => (
                    "(3c) FileStore::put",
                    &mut st_off,
                    web::store_op(store.clone(), round, received.clone()),
                    &mut st,
                ),
                _ => (
                    "(3d) O_DIRECT write + fsync",
                    &mut dr_off,
                    web::direct_op(direct_dir.clone(), round, pdf.clone()),
                    &mut dr,
                ),
            };
            let (r, pg) = web::count_round(c, files, offsets, op).await?;
            eprintln!(
                "    {label} round {}/{}: {:.0} MB/s{}",
                round + 1,
                s.upload_rounds,
                mb(&r),
                r.first_problem
                    .as_ref()
                    .map(|p| format!(", {} failed: {p}", r.not_ok))
                    .unwrap_or_default()
            );
            runs.add(r, pg);
        }
        // Outside the timing: the baselines' files go, the uploads stay (they are the
        // portal's).
        let _ = std::fs::remove_dir_all(&baseline);
        std::fs::create_dir_all(baseline.join("store"))?;
    }
    let stored = count_files(&data_dir.join("files").join("applications"));
    Ok(Uploads {
        file_bytes: s.upload_bytes,
        files_per_round: files,
        rounds: s.upload_rounds,
        concurrency: c,
        drafts: c * drafts_each,
        per_draft,
        setup,
        upload: up,
        store: st,
        fsync: fs,
        direct: dr,
        verified: format!("{stored} files in the portal's file store"),
    })
}

/// (4) A portal in a process of its own (this binary, `--serve-portal`), so that its
/// resident memory is the server's alone: `memory_uploads` uploads of one file each, all
/// started at once, in `memory_bursts` bursts, each worker into a draft of its own (burst
/// `k` to checklist item `k`). SQLite: a fresh file in a directory of its own; PostgreSQL:
/// the bench database, with an applicant of its own.
async fn measure_memory(
    s: &Settings,
    pg_url: Option<&str>,
    today: jiff::civil::Date,
) -> anyhow::Result<Memory> {
    use tokio::io::AsyncBufReadExt as _;
    let dir = tempfile::Builder::new()
        .prefix("eforeigner-appbench-memory-")
        .tempdir()?;
    let mut command = tokio::process::Command::new(std::env::current_exe()?);
    command.arg("--serve-portal").arg(dir.path());
    if let Some(url) = pg_url {
        command.arg("--serve-database-url").arg(url);
    }
    let mut child = command
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .context("starting the portal of (4)")?;
    let pid = child
        .id()
        .ok_or_else(|| anyhow::anyhow!("the portal of (4) exited at once"))?;
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| anyhow::anyhow!("no stdout of the portal of (4)"))?;
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let base = tokio::time::timeout(Duration::from_secs(120), lines.next_line())
        .await
        .context("the portal of (4) did not start in 2 minutes")??
        .ok_or_else(|| anyhow::anyhow!("the portal of (4) stopped before it served"))?;
    let measured = bursts(&base, pid, s, today).await;
    // Closing stdin stops it; `kill_on_drop` is the fallback.
    drop(child.stdin.take());
    match tokio::time::timeout(Duration::from_secs(30), child.wait()).await {
        Ok(Ok(status)) if !status.success() => {
            eprintln!("    the portal of (4) ended with {status}");
        }
        Ok(_) => {}
        Err(_) => {
            let _ = child.kill().await;
        }
    }
    measured
}

/// The bursts of (4) against the portal at `base`, served by process `pid`.
async fn bursts(
    base: &str,
    pid: u32,
    s: &Settings,
    today: jiff::civil::Date,
) -> anyhow::Result<Memory> {
    let n = s.memory_uploads;
    let began = Instant::now();
    let b = Browser::new(base)?;
    b.login(MEMORY_UPLOADER, PASSWORD).await?;
    let mut drafts = vec![];
    for _ in 0..n {
        drafts.push(vec![web::make_draft(&b, today, "Bench", "Uploader").await?]);
    }
    let setup = began.elapsed();
    eprintln!(
        "    portal process {pid}: {n} drafts ready in {:.1} s",
        setup.as_secs_f64()
    );
    let plan = Arc::new(web::UploadPlan {
        base: base.to_string(),
        cookie: b.cookie_header(),
        csrf: b.csrf("/applications/new").await?,
        drafts,
        per_draft: MAX_FILES,
        pdf: Bytes::from(pdf::scan(s.upload_bytes, 0x3e3)?),
    });
    let op = web::upload_op(plan, web::clients(n)?);
    let mut m = Memory {
        uploads: n,
        file_bytes: s.upload_bytes,
        bursts: vec![],
        setup,
        idle: rss::status_bytes(pid, "VmRSS").unwrap_or(0),
    };
    for burst in 0..s.memory_bursts {
        sync_disks().await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        let peak = rss::start(pid)?;
        let (r, _) = web::count_round(n, n, &mut vec![burst as u64; n], op.clone()).await?;
        let rise = peak.finish();
        eprintln!(
            "    (4) burst {}/{}: {} ok in {:.0} ms, RSS {:.1} → peak {:.1} MB (+{:.1} MB; \
             sampled peak {:.1} MB), after {:.1} MB; threads {} → {}{}",
            burst + 1,
            s.memory_bursts,
            r.ok,
            r.window.as_secs_f64() * 1e3,
            rise.before as f64 / 1e6,
            rise.peak as f64 / 1e6,
            rise.rise() as f64 / 1e6,
            rise.sampled as f64 / 1e6,
            rise.after as f64 / 1e6,
            rise.threads.0,
            rise.threads.1,
            r.first_problem
                .as_ref()
                .map(|p| format!(", {} failed: {p}", r.not_ok))
                .unwrap_or_default()
        );
        anyhow::ensure!(
            r.not_ok == 0 && r.ok == n as u64,
            "burst {}: {} of {n} ok: {:?}",
            burst + 1,
            r.ok,
            r.first_problem
        );
        m.bursts.push((rise, r.window));
    }
    Ok(m)
}

/// The child process of (4): a portal on `dir` (or on `database_url`) with an applicant
/// whose profile the check step takes, served until stdin closes; its URL goes to stdout.
async fn serve_portal(dir: &Path, database_url: Option<String>) -> anyhow::Result<()> {
    use std::io::Write as _;
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let app = App::build(config(&listener, dir, database_url)?, Arc::new(SystemClock)).await?;
    let uploader = app
        .accounts
        .create_active_user(
            MEMORY_UPLOADER,
            Role::Applicant,
            PASSWORD,
            "Bench",
            "Uploader",
        )
        .await
        .context("creating the uploader of (4)")?;
    complete_profile(&app, &uploader).await?;
    let running = app.serve(listener).await?;
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", running.url())?;
        out.flush()?;
    }
    // Until the bench closes stdin (or goes away).
    let _ = tokio::task::spawn_blocking(|| {
        let mut sink = String::new();
        while std::io::stdin()
            .read_line(&mut sink)
            .is_ok_and(|read| read > 0)
        {
            sink.clear();
        }
    })
    .await;
    running.stop().await;
    Ok(())
}

/// A step-saving op and an upload op on one portal (for measurement 5).
struct WriteLoads {
    steps: Op,
    uploads: Op,
}

/// (5) Builds a portal on a fresh SQLite file in `dir`, with the uploader, `clients`
/// drafts for the step saves and the drafts for `upload_files` uploads, 2 at a time.
async fn write_portal(
    dir: &Path,
    s: &Settings,
    today: jiff::civil::Date,
) -> anyhow::Result<(eforeigner::RunningApp, WriteLoads, Option<i64>)> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let app = App::build(config(&listener, dir, None)?, Arc::new(SystemClock)).await?;
    let synchronous = app.store.sqlite_synchronous().await?;
    let uploader = app
        .accounts
        .create_active_user(UPLOADER, Role::Applicant, PASSWORD, "Bench", "Uploader")
        .await
        .context("creating the uploader")?;
    complete_profile(&app, &uploader).await?;
    let running = app.serve(listener).await?;
    let base = running.url();
    let b = Browser::new(&base)?;
    b.login(UPLOADER, PASSWORD).await?;
    let personal = web::personal_answers(today)?;
    let fields: Vec<(&str, &str)> = personal.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mut forms = vec![];
    for _ in 0..s.durability_clients {
        let draft = web::make_draft(&b, today, "Bench", "Uploader").await?;
        forms.push(web::step_form(&b, &draft, "personal", &fields).await?);
    }
    let per_draft = MAX_FILES.min(usize::try_from(MAX_BYTES).unwrap_or(0) / s.upload_bytes);
    anyhow::ensure!(per_draft > 0, "no file of that size fits a draft");
    let per_worker = s.durability_upload_files.div_ceil(2) * s.durability_rounds;
    let mut drafts = vec![];
    for _ in 0..2 {
        let mut mine = vec![];
        for _ in 0..per_worker.div_ceil(per_draft) {
            mine.push(web::make_draft(&b, today, "Bench", "Uploader").await?);
        }
        drafts.push(mine);
    }
    let plan = Arc::new(web::UploadPlan {
        base: base.clone(),
        cookie: b.cookie_header(),
        csrf: b.csrf("/applications/new").await?,
        drafts,
        per_draft,
        pdf: Bytes::from(pdf::scan(s.upload_bytes, 0x5f5)?),
    });
    let loads = WriteLoads {
        steps: web::step_save_op(
            &base,
            b.cookie_header(),
            Arc::new(forms),
            web::clients(s.durability_clients)?,
        ),
        uploads: web::upload_op(plan, web::clients(2)?),
    };
    Ok((running, loads, synchronous))
}

/// (5) SQLite: the same writes on two portals, one as it is (`synchronous = FULL`), one on
/// `NORMAL` (see `sqlite_sync.rs`), alternating round by round, which goes first switching
/// every round: saving a draft's step again (closed loop) and uploads of a file (40 per
/// round, 2 at a time).
async fn measure_durability(s: &Settings, today: jiff::civil::Date) -> anyhow::Result<Durability> {
    sqlite_sync::install()?;
    let full_dir = tempfile::Builder::new()
        .prefix("eforeigner-appbench-sync-full-")
        .tempdir()?;
    let normal_dir = tempfile::Builder::new()
        .prefix(&format!(
            "eforeigner-appbench-{}-",
            sqlite_sync::NORMAL_MARK
        ))
        .tempdir()?;
    let began = Instant::now();
    let (full, full_loads, full_sync) = write_portal(full_dir.path(), s, today).await?;
    let (normal, normal_loads, normal_sync) = write_portal(normal_dir.path(), s, today).await?;
    anyhow::ensure!(
        full_sync == Some(2) && normal_sync == Some(1),
        "synchronous: {full_sync:?} on the portal as it is (want 2, FULL), {normal_sync:?} on \
         the other (want 1, NORMAL)"
    );
    let setup = began.elapsed();
    eprintln!(
        "    two portals ready in {:.1} s (synchronous 2 and 1)",
        setup.as_secs_f64()
    );
    let c = s.durability_clients;
    let plan = Plan {
        concurrency: c,
        warmup: s.warmup,
        duration: s.durability_per_round,
    };
    let mut d = Durability {
        steps_full: Runs::new(c),
        steps_normal: Runs::new(c),
        uploads_full: Runs::new(2),
        uploads_normal: Runs::new(2),
        rounds: s.durability_rounds,
        upload_files: s.durability_upload_files,
        file_bytes: s.upload_bytes,
        setup,
    };
    let (mut full_off, mut normal_off) = (vec![], vec![]);
    for round in 0..s.durability_rounds {
        let order = if round % 2 == 0 {
            [true, false]
        } else {
            [false, true]
        };
        for is_full in order {
            let (loads, runs, name) = if is_full {
                (&full_loads, &mut d.steps_full, "FULL")
            } else {
                (&normal_loads, &mut d.steps_normal, "NORMAL")
            };
            sync_disks().await;
            let r = drive(plan, loads.steps.clone()).await?;
            eprintln!(
                "    (5a) step save, {name}, round {}/{}: {:.0}/s, p99 {:.2} ms{}",
                round + 1,
                s.durability_rounds,
                r.rate(),
                r.percentile(0.99).unwrap_or_default().as_secs_f64() * 1e3,
                r.first_problem
                    .as_ref()
                    .map(|p| format!(", {} failed: {p}", r.not_ok))
                    .unwrap_or_default()
            );
            runs.add(r, None);
        }
        for is_full in order {
            let (loads, runs, offsets, name) = if is_full {
                (&full_loads, &mut d.uploads_full, &mut full_off, "FULL")
            } else {
                (
                    &normal_loads,
                    &mut d.uploads_normal,
                    &mut normal_off,
                    "NORMAL",
                )
            };
            sync_disks().await;
            let (r, _) =
                web::count_round(2, s.durability_upload_files, offsets, loads.uploads.clone())
                    .await?;
            eprintln!(
                "    (5b) upload, {name}, round {}/{}: {:.0} MB/s{}",
                round + 1,
                s.durability_rounds,
                r.rate() * s.upload_bytes as f64 / 1e6,
                r.first_problem
                    .as_ref()
                    .map(|p| format!(", {} failed: {p}", r.not_ok))
                    .unwrap_or_default()
            );
            runs.add(r, None);
        }
    }
    full.stop().await;
    normal.stop().await;
    Ok(d)
}

fn count_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .flatten()
            .map(|e| {
                let p = e.path();
                if p.is_dir() { count_files(&p) } else { 1 }
            })
            .sum()
    })
}

/// Gives the uploader the personal data a verified registration has (the check step needs
/// the date of birth), through the store as `App::seed_demo` does for the demo applicant.
async fn complete_profile(app: &App, before: &eforeigner::domain::Account) -> anyhow::Result<()> {
    use eforeigner::domain::{HasEbs, IdDocType, Sex};
    use eforeigner::store::{AccountRepo as _, Effects, UploadMove};
    let mut a = before.clone();
    a.profile.date_of_birth = Some(jiff::civil::date(1990, 4, 12));
    a.profile.sex = Some(Sex::Female);
    a.profile.citizenship = Some("UA".into());
    a.profile.has_ebs = Some(HasEbs::No);
    a.profile.id_doc_type = Some(IdDocType::Passport);
    a.profile.id_doc_number = Some("FP123456".into());
    a.profile.id_doc_expiry = Some(jiff::civil::date(2031, 1, 1));
    a.updated_at = app.accounts.now();
    app.store
        .update_account(
            &a,
            before.updated_at,
            &UploadMove::default(),
            &Effects::at(a.updated_at),
        )
        .await?;
    Ok(())
}

/// Counts the upload rows in the database and their bytes.
async fn upload_rows(db: &mut Db) -> anyhow::Result<(i64, i64)> {
    let sql = "SELECT COUNT(*), CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) FROM uploads \
               WHERE owner_key LIKE 'application:%'";
    Ok(match db {
        Db::Sqlite(c) => sqlx::query_as(sql).fetch_one(&mut *c).await?,
        Db::Postgres(c) => sqlx::query_as(sql).fetch_one(&mut *c).await?,
    })
}

async fn measure(
    backend: Backend,
    s: &Settings,
    data_dir: &Path,
    pg_url: Option<String>,
) -> anyhow::Result<Report> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let config = config(&listener, data_dir, pg_url.clone())?;
    let app = App::build(config, Arc::new(SystemClock)).await?;
    let reader = app
        .accounts
        .create_active_user(READER, Role::Applicant, PASSWORD, "Bench", "Reader")
        .await
        .context("creating the reader")?;
    let uploader = app
        .accounts
        .create_active_user(UPLOADER, Role::Applicant, PASSWORD, "Bench", "Uploader")
        .await
        .context("creating the uploader")?;
    complete_profile(&app, &uploader).await?;

    let mut fill_report = None;
    let mut diagnostics = Diagnostics::default();
    let mut owned = (vec![], vec![]);
    let generator = Gen::new(
        s.shape,
        vec![reader.id.to_string(), uploader.id.to_string()],
        reader.password_hash.clone(),
    )?;
    if s.pages {
        let mut db = connect(backend, data_dir, pg_url.as_deref()).await?;
        eprintln!(
            "[{}] filling: {} accounts, {} applications, {} documents …",
            backend.name(),
            s.shape.accounts,
            s.shape.applications(),
            s.shape.documents()
        );
        let f = fill::fill(&mut db, &generator).await?;
        eprintln!(
            "    filled in {:.1} s (+ {:.1} s {})",
            f.total.as_secs_f64(),
            f.maintenance.1.as_secs_f64(),
            f.maintenance.0
        );
        fill_report = Some(f);
        owned = fill::owned(&mut db, reader.id.as_str()).await?;
        anyhow::ensure!(
            owned.0.len() == s.shape.apps_per_account && owned.1.len() == s.shape.docs_per_account,
            "the reader owns {} applications and {} documents",
            owned.0.len(),
            owned.1.len()
        );
        diagnostics = diagnose(&mut db, reader.id.as_str(), data_dir).await?;
        db.close().await;
    }

    let running = app.serve(listener).await?;
    let base = running.url();
    let mut pages = None;
    if s.pages {
        eprintln!("[{}] pages …", backend.name());
        pages = Some(
            measure_pages(
                &running.app,
                &base,
                s,
                &owned,
                reader.id.as_str(),
                pg_url.as_deref(),
            )
            .await?,
        );
    }
    let mut uploads = None;
    if s.uploads {
        eprintln!("[{}] uploads …", backend.name());
        let mut u = measure_uploads(&base, s, data_dir, generator.today()).await?;
        let mut db = connect(backend, data_dir, pg_url.as_deref()).await?;
        let (n, bytes) = upload_rows(&mut db).await?;
        db.close().await;
        u.verified = format!(
            "{n} upload rows ({:.0} MB) in the database, {}",
            bytes as f64 / 1e6,
            u.verified
        );
        if diagnostics.server.is_empty() {
            diagnostics.server = match backend {
                Backend::Sqlite => "SQLite (the portal's file)".into(),
                Backend::Postgres => "PostgreSQL".into(),
            };
        }
        uploads = Some(u);
    }
    let mut memory = None;
    if s.memory {
        eprintln!(
            "[{}] memory during {} uploads at once …",
            backend.name(),
            s.memory_uploads
        );
        memory = Some(measure_memory(s, pg_url.as_deref(), generator.today()).await?);
    }
    running.stop().await;
    let mut durability = None;
    if s.durability && backend == Backend::Sqlite {
        eprintln!("[{}] synchronous = FULL against NORMAL …", backend.name());
        durability = Some(measure_durability(s, generator.today()).await?);
    }
    Ok(Report {
        backend: backend.name(),
        machine: machine(),
        date: today(),
        shape: s.shape,
        fill: fill_report,
        diagnostics,
        pages,
        uploads,
        memory,
        durability,
    })
}

async fn run_backend(backend: Backend, s: &Settings) -> anyhow::Result<Report> {
    let data = tempfile::Builder::new()
        .prefix("eforeigner-appbench-")
        .tempdir()?;
    let pg = match backend {
        Backend::Postgres => Some(create_database(&s.postgres_url).await?),
        Backend::Sqlite => None,
    };
    let measured = measure(
        backend,
        s,
        data.path(),
        pg.as_ref().map(|(url, _)| url.clone()),
    )
    .await;
    if s.keep {
        eprintln!("kept: data directory {}", data.keep().display());
        if let Some((url, _)) = &pg {
            eprintln!("kept: database {url}");
        }
    } else if let Some((_, name)) = &pg {
        // The portal's pool is gone with `measure`; FORCE ends any connection left over.
        if let Err(e) = drop_database(&s.postgres_url, name).await {
            eprintln!("could not drop the bench database {name}: {e:#}");
        }
    }
    measured
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(dir) = &args.serve_portal {
        return serve_portal(dir, args.serve_database_url.clone()).await;
    }
    let quick = args.quick;
    let wanted = |m: Measure| args.only.is_empty() || args.only.contains(&m);
    let rounds = args.rounds.unwrap_or(if quick { 2 } else { 5 }).max(1);
    let duration = secs(args.duration_secs.unwrap_or(if quick { 2.0 } else { 10.0 }))?;
    let settings = Settings {
        shape: Shape {
            accounts: args
                .accounts
                .unwrap_or(if quick { 1_000 } else { 10_000 })
                .max(2),
            apps_per_account: args.applications_per_account.max(1),
            docs_per_account: args.documents_per_account,
        },
        pages: wanted(Measure::Pages),
        uploads: wanted(Measure::Uploads),
        rounds,
        warmup: secs(args.warmup_secs.unwrap_or(if quick { 0.2 } else { 0.5 }))?,
        per_round: duration / rounds,
        concurrency: args.concurrency.max(1),
        half_rate: secs(
            args.half_rate_secs
                .unwrap_or(if quick { 3.0 } else { 10.0 }),
        )?,
        half_share: args.half_rate_share,
        half_connections: (args.half_rate_connections > 0).then_some(args.half_rate_connections),
        upload_bytes: args.upload_bytes,
        upload_files: args
            .upload_files
            .unwrap_or(if quick { 4 } else { 40 })
            .max(1),
        upload_rounds: args
            .upload_rounds
            .unwrap_or(if quick { 2 } else { 10 })
            .max(1),
        upload_concurrency: args.upload_concurrency.max(1),
        postgres_url: args.postgres_url.clone(),
        keep: args.keep,
        memory: wanted(Measure::Memory),
        memory_uploads: args.memory_uploads.max(1),
        memory_bursts: args.memory_bursts.clamp(1, 4),
        durability: wanted(Measure::Durability),
        durability_rounds: args
            .durability_rounds
            .unwrap_or(if quick { 2 } else { 10 })
            .max(1),
        durability_clients: args.durability_clients.max(1),
        durability_per_round: secs(
            args.durability_secs
                .unwrap_or(if quick { 0.5 } else { 1.0 }),
        )?,
        durability_upload_files: args.durability_upload_files.max(2),
        pin_postgres: !args.no_pin,
    };
    let backends = if args.backend.is_empty() {
        vec![Backend::Sqlite, Backend::Postgres]
    } else {
        args.backend.clone()
    };
    eprintln!("machine: {}", machine());
    let mut failed = vec![];
    for backend in backends {
        let began = Instant::now();
        match run_backend(backend, &settings).await {
            Ok(report) => {
                eprintln!(
                    "[{}] done in {:.0} s",
                    backend.name(),
                    began.elapsed().as_secs_f64()
                );
                let md = report.markdown();
                println!("{md}");
                if let Err(e) = write_out(&args.out_dir, &report, &md) {
                    eprintln!("could not write the results: {e:#}");
                }
            }
            Err(e) => {
                eprintln!("[{}] failed: {e:#}", backend.name());
                failed.push(backend.name());
            }
        }
    }
    anyhow::ensure!(failed.is_empty(), "failed: {}", failed.join(", "));
    Ok(())
}

fn write_out(dir: &Path, report: &Report, md: &str) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let stem = dir.join(format!("applications-{}-{stamp}", report.backend));
    let json = stem.with_extension("json");
    std::fs::write(&json, serde_json::to_string_pretty(&report.json())?)?;
    std::fs::write(stem.with_extension("md"), md)?;
    eprintln!("numbers written to {}", json.display());
    Ok(())
}
