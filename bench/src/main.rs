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
mod format;
mod load;
mod memory;
mod minimal;
mod portal_config;
mod report;
mod scenarios;

use std::path::PathBuf;
use std::time::Duration;

use clap::{Parser, ValueEnum};

use crate::load::{LoadResult, Op, Plan, drive};
use crate::minimal::Minimal;
use crate::report::{LoginRun, Machine, Results, Run};
use crate::scenarios::Portal;

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
    /// Smoke run: 2 s per load in 2 rounds, 0.2 s warm-ups, 40 users, 2 s idle wait
    /// (explicit flags win).
    #[arg(long)]
    quick: bool,
    /// Counted seconds of each load, summed over its rounds (default 10; 2 with --quick).
    #[arg(long, value_name = "SECS")]
    duration_secs: Option<f64>,
    /// Loads that are compared ((1) with (2), the page with the minimal handler) run in
    /// this many alternating rounds, so drift in the machine's speed hits both alike
    /// (default 5; 2 with --quick).
    #[arg(long)]
    rounds: Option<u32>,
    /// Uncounted warm-up seconds before each round (default 0.5; 0.2 with --quick).
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

/// Which load a phase of [`alternate`] drives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    Argon2,
    Login,
    Page,
    Minimal,
}

impl Phase {
    fn label(self) -> &'static str {
        match self {
            Self::Argon2 => "(1) Argon2id verify",
            Self::Login => "(2) login",
            Self::Page => "(3a) GET /login/password",
            Self::Minimal => "(3b) minimal handler",
        }
    }
}

/// Runs the phases in turn, `rounds` times (A B A B …), so that drift in the machine's
/// speed during the run hits all of them alike. Returns, per phase, the pooled result.
async fn alternate(
    rounds: u32,
    phases: Vec<(Phase, Plan, Op)>,
) -> anyhow::Result<Vec<(Phase, Run)>> {
    let mut out: Vec<(Phase, Run)> = phases
        .iter()
        .map(|(phase, plan, _)| {
            (
                *phase,
                Run {
                    plan: *plan,
                    result: LoadResult::default(),
                    round_rates: vec![],
                },
            )
        })
        .collect();
    for round in 1..=rounds {
        for ((phase, plan, op), (_, run)) in phases.iter().zip(out.iter_mut()) {
            let result = drive(*plan, op.clone()).await?;
            eprintln!(
                "{} round {round}/{rounds}: {:.1}/s with {} in flight",
                phase.label(),
                result.rate(),
                plan.concurrency
            );
            run.round_rates.push(result.rate());
            run.result.absorb(result);
        }
    }
    Ok(out)
}

fn take(runs: &mut Vec<(Phase, Run)>, phase: Phase) -> Option<Run> {
    let at = runs.iter().position(|(p, _)| *p == phase)?;
    Some(runs.remove(at).1)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let machine = Machine::detect();
    let cores = machine.cores;
    let wanted = |m: Measure| args.only.is_empty() || args.only.contains(&m);

    let quick = args.quick;
    let duration = secs(args.duration_secs.unwrap_or(if quick { 2.0 } else { 10.0 }))?;
    let rounds = args.rounds.unwrap_or(if quick { 2 } else { 5 }).max(1);
    let warmup = secs(args.warmup_secs.unwrap_or(if quick { 0.2 } else { 0.5 }))?;
    let idle = secs(args.idle_secs.unwrap_or(if quick { 2.0 } else { 5.0 }))?;
    let users = args.users.unwrap_or(if quick { 40 } else { 200 });
    let plan = |concurrency: usize| Plan {
        concurrency,
        warmup,
        duration: duration / rounds,
    };

    let load_before = report::load_average();
    eprintln!(
        "machine: {cores} cores, {}; load average {load_before}",
        machine.cpu_model
    );

    let portal = if wanted(Measure::Login) || wanted(Measure::Pages) {
        let to_create = if wanted(Measure::Login) { users } else { 0 };
        eprintln!("starting the portal (SQLite in a temp dir), creating {to_create} users …");
        let portal = Portal::start(to_create, cores * 2).await?;
        eprintln!(
            "    created in {:.1} s; serving at {}",
            portal.user_creation.as_secs_f64(),
            portal.running.url()
        );
        Some(portal)
    } else {
        None
    };

    // (1) and (2), alternating.
    let mut phases = vec![];
    if wanted(Measure::Argon2) {
        let c = args.argon2_concurrency.unwrap_or(cores * 2);
        phases.push((Phase::Argon2, plan(c), scenarios::argon2_verify().await?));
    }
    if let Some(portal) = portal.as_ref().filter(|_| wanted(Measure::Login)) {
        let c = args.login_concurrency.unwrap_or(cores * 4);
        phases.push((Phase::Login, plan(c), scenarios::login(portal, c)?));
    }
    let mut runs = alternate(rounds, phases).await?;
    let argon2 = take(&mut runs, Phase::Argon2);
    let login = take(&mut runs, Phase::Login).map(|run| LoginRun {
        run,
        users: portal.as_ref().map_or(0, |p| p.users.len()),
        creation: portal.as_ref().map_or(Duration::ZERO, |p| p.user_creation),
    });

    // (3), alternating.
    let (mut page, mut minimal) = (None, None);
    if let Some(portal) = portal.as_ref().filter(|_| wanted(Measure::Pages)) {
        let server = Minimal::start().await?;
        let c = args.page_concurrency;
        let url = format!("{}/login/password", portal.running.url());
        let phases = vec![
            (Phase::Page, plan(c), scenarios::get(url, c)?),
            (
                Phase::Minimal,
                plan(c),
                scenarios::get(server.url.clone(), c)?,
            ),
        ];
        let measured = alternate(rounds, phases).await;
        server.stop().await;
        let mut runs = measured?;
        page = take(&mut runs, Phase::Page);
        minimal = take(&mut runs, Phase::Minimal);
    }
    if let Some(portal) = portal {
        portal.stop().await;
    }

    // (4)
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
        rounds,
        argon2,
        login,
        page,
        minimal,
        memory,
    };
    print!("{}", results.markdown());
    Ok(())
}
