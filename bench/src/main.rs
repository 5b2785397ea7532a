//! `eforeigner-bench`: measures, in one run on this machine,
//!
//! 1. the raw Argon2id verification rate on all cores,
//! 2. login throughput over HTTP against the in-process portal (and its share of 1),
//! 3. `GET /login/password` throughput against a minimal axum handler,
//! 4. the idle resident memory of the real `eforeigner serve` binary,
//!
//! and prints a Markdown table. Progress goes to stderr, the report to stdout.
//! Performance is measured here, never asserted: see `bench/README.md`.

mod cpu;
mod load;
mod memory;
mod report;
mod scenarios;

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, ValueEnum};

use crate::load::Plan;
use crate::report::{LoginRun, Machine, Results, Run};
use crate::scenarios::{Minimal, Portal};

/// One of the four measurements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Measure {
    /// (1) Raw Argon2id verification rate.
    Argon2,
    /// (2) Logins over HTTP.
    Login,
    /// (3) Login page against a minimal handler.
    Pages,
    /// (4) Idle resident memory of the server binary.
    Memory,
}

/// Benchmarks of the eForeigner portal on this machine; prints a Markdown table.
#[derive(Debug, Parser)]
#[command(name = "eforeigner-bench", version)]
struct Args {
    /// Smoke run: 2 s windows, 0.5 s warm-up, 40 users, 2 s idle wait (explicit flags win).
    #[arg(long)]
    quick: bool,
    /// Counted seconds of each load (default 10; 2 with --quick).
    #[arg(long, value_name = "SECS")]
    duration_secs: Option<f64>,
    /// Uncounted warm-up seconds before each load (default 1; 0.5 with --quick).
    #[arg(long, value_name = "SECS")]
    warmup_secs: Option<f64>,
    /// Users created for the login load (default 200; 40 with --quick).
    #[arg(long)]
    users: Option<usize>,
    /// Verifications in flight for (1) (default: cores × 2).
    #[arg(long)]
    argon2_concurrency: Option<usize>,
    /// Login clients for (2) (default: cores × 4).
    #[arg(long)]
    login_concurrency: Option<usize>,
    /// Clients for (3), for both the page and the minimal handler.
    #[arg(long, default_value_t = 16)]
    page_concurrency: usize,
    /// Seconds the server sits idle before its memory is read (default 5; 2 with --quick).
    #[arg(long, value_name = "SECS")]
    idle_secs: Option<f64>,
    /// The release server binary for (4).
    #[arg(
        long,
        env = "EFOREIGNER_BENCH_SERVER_BIN",
        default_value = "/work/target-bench/release/eforeigner"
    )]
    server_bin: PathBuf,
    /// Run only these measurements (repeatable; default: all).
    #[arg(long, value_enum)]
    only: Vec<Measure>,
}

fn secs(s: f64) -> anyhow::Result<Duration> {
    Duration::try_from_secs_f64(s).map_err(|e| anyhow::anyhow!("bad duration {s}: {e}"))
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let machine = Machine::detect();
    let cores = machine.cores;
    let wanted = |m: Measure| args.only.is_empty() || args.only.contains(&m);

    let duration = secs(
        args.duration_secs
            .unwrap_or(if args.quick { 2.0 } else { 10.0 }),
    )?;
    let warmup = secs(
        args.warmup_secs
            .unwrap_or(if args.quick { 0.5 } else { 1.0 }),
    )?;
    let idle = secs(args.idle_secs.unwrap_or(if args.quick { 2.0 } else { 5.0 }))?;
    let users = args.users.unwrap_or(if args.quick { 40 } else { 200 });
    let plan = |concurrency: usize| Plan {
        concurrency,
        warmup,
        duration,
    };

    let load_before = report::load_average();
    eprintln!(
        "machine: {cores} cores, {}; load average {load_before}",
        machine.cpu_model
    );

    let mut argon2 = None;
    if wanted(Measure::Argon2) {
        let p = plan(args.argon2_concurrency.unwrap_or(cores * 2));
        eprintln!("(1) Argon2id verify, {} in flight …", p.concurrency);
        let result = scenarios::argon2_verify(p).await?;
        eprintln!("    {:.1}/s", result.rate());
        argon2 = Some(Run { plan: p, result });
    }

    let (mut login, mut page, mut minimal) = (None, None, None);
    if wanted(Measure::Login) || wanted(Measure::Pages) {
        let to_create = if wanted(Measure::Login) { users } else { 0 };
        eprintln!("starting the portal (SQLite in a temp dir), creating {to_create} users …");
        let portal = Portal::start(to_create, cores * 2).await?;
        eprintln!(
            "    created in {:.1} s; serving at {}",
            portal.user_creation.as_secs_f64(),
            portal.running.url()
        );
        if wanted(Measure::Login) {
            let p = plan(args.login_concurrency.unwrap_or(cores * 4));
            eprintln!("(2) logins, {} clients …", p.concurrency);
            let result = scenarios::logins(&portal, p).await?;
            eprintln!("    {:.1}/s", result.rate());
            login = Some(LoginRun {
                run: Run { plan: p, result },
                users: portal.users.len(),
                creation: portal.user_creation,
            });
        }
        if wanted(Measure::Pages) {
            let p = plan(args.page_concurrency);
            eprintln!("(3a) GET /login/password, {} clients …", p.concurrency);
            let url = format!("{}/login/password", portal.running.url());
            let result = scenarios::gets(url, p).await?;
            eprintln!("    {:.0}/s", result.rate());
            page = Some(Run { plan: p, result });
        }
        portal.stop().await;
        if wanted(Measure::Pages) {
            let p = plan(args.page_concurrency);
            eprintln!("(3b) minimal axum handler, {} clients …", p.concurrency);
            let server = Minimal::start().await?;
            let result = scenarios::gets(server.url.clone(), p).await;
            server.stop().await;
            let result = result?;
            eprintln!("    {:.0}/s", result.rate());
            minimal = Some(Run { plan: p, result });
        }
    }

    let mut memory = None;
    if wanted(Measure::Memory) {
        eprintln!(
            "(4) idle memory of {} ({:.1} s idle) …",
            args.server_bin.display(),
            idle.as_secs_f64()
        );
        let measured = memory::idle_rss(&args.server_bin, idle)
            .await
            .map_err(|e| format!("{e:#}"));
        match &measured {
            Ok(m) => eprintln!("    VmRSS {} KiB", m.rss_kib),
            Err(e) => eprintln!("    failed: {e}"),
        }
        memory = Some(measured);
    }

    let results = Results {
        machine,
        load_before,
        load_after: report::load_average(),
        argon2,
        login,
        page,
        minimal,
        memory,
    };
    print!("{}", results.markdown());
    Ok(())
}
