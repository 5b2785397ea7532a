//! `rules-bench`: the throughput of the residence eligibility check (issue 3), measured in
//! one run on this machine:
//!
//! 1. in process: `rules::residence::check` on every core;
//! 2. over HTTP: `POST /api/v1/residence/check` against the real router (SQLite in a temp
//!    dir), and, as the yardstick, a minimal axum handler that answers a POST with a fixed
//!    JSON body, both with the same client and concurrency. Target: (2) ≥ 50 % of the
//!    minimal handler's rate.
//!
//! Prints a Markdown table; performance is measured here, never asserted in tests.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::routing::post;
use eforeigner::domain::SystemClock;
use eforeigner::rules::residence::{self, ApplicationKind, Channel, CheckRequest, RuleParams};
use eforeigner::{App, Config};
use tokio::net::TcpListener;

fn request() -> CheckRequest {
    CheckRequest {
        kind: ApplicationKind::Extension,
        basis: "employment.employment_contract".into(),
        date_of_birth: jiff::civil::date(1990, 4, 12),
        citizenship: "UA".into(),
        channel: Channel::Online,
        submission_date: jiff::civil::date(2026, 11, 21),
        passport_valid_until: jiff::civil::date(2029, 6, 1),
        requested_until: None,
        basis_valid_until: Some(jiff::civil::date(2028, 12, 31)),
        current_permit_valid_until: Some(jiff::civil::date(2027, 1, 15)),
        has_d_visa: None,
        d_visa_basis: None,
        applying_from_abroad: Some(false),
    }
}

const BODY: &str = r#"{"kind":"extension","basis":"employment.employment_contract","date_of_birth":"1990-04-12",
"citizenship":"UA","channel":"online","submission_date":"2026-11-21","passport_valid_until":"2029-06-01",
"basis_valid_until":"2028-12-31","current_permit_valid_until":"2027-01-15","applying_from_abroad":false}"#;

/// Calls the rules on `threads` OS threads for `secs`; returns checks per second.
fn in_process(threads: usize, secs: f64) -> f64 {
    let stop = Arc::new(AtomicBool::new(false));
    let count = Arc::new(AtomicU64::new(0));
    let req = request();
    let params = RuleParams::official();
    let handles: Vec<_> = (0..threads)
        .map(|_| {
            let (stop, count, req) = (stop.clone(), count.clone(), req.clone());
            std::thread::spawn(move || {
                let mut local = 0_u64;
                while !stop.load(Ordering::Relaxed) {
                    for _ in 0..100 {
                        std::hint::black_box(residence::check(std::hint::black_box(&req), &params));
                    }
                    local += 100;
                }
                count.fetch_add(local, Ordering::Relaxed);
            })
        })
        .collect();
    let start = Instant::now();
    std::thread::sleep(Duration::from_secs_f64(secs));
    stop.store(true, Ordering::Relaxed);
    for h in handles {
        let _ = h.join();
    }
    count.load(Ordering::Relaxed) as f64 / start.elapsed().as_secs_f64()
}

/// Result of an HTTP load.
struct Http {
    rate: f64,
    p50: Duration,
    p99: Duration,
    errors: u64,
}

/// `clients` concurrent keep-alive clients POST `BODY` to `url` for `secs`.
async fn http_load(url: String, clients: usize, secs: f64) -> anyhow::Result<Http> {
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(clients)
        .build()?;
    let deadline = Instant::now() + Duration::from_secs_f64(secs);
    let mut tasks = vec![];
    for _ in 0..clients {
        let (client, url) = (client.clone(), url.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = vec![];
            let mut errors = 0_u64;
            while Instant::now() < deadline {
                let t = Instant::now();
                let ok = client
                    .post(&url)
                    .header("content-type", "application/json")
                    .body(BODY)
                    .send()
                    .await
                    .map(|r| r.status().is_success());
                match ok {
                    Ok(true) => lat.push(t.elapsed()),
                    _ => errors += 1,
                }
            }
            (lat, errors)
        }));
    }
    let start = Instant::now();
    let mut all = vec![];
    let mut errors = 0;
    for t in tasks {
        let (lat, e) = t.await?;
        all.extend(lat);
        errors += e;
    }
    let elapsed = start.elapsed().as_secs_f64().max(secs);
    all.sort();
    let pct = |q: f64| {
        all.get(((all.len() as f64 - 1.0) * q) as usize)
            .copied()
            .unwrap_or_default()
    };
    Ok(Http {
        rate: all.len() as f64 / elapsed,
        p50: pct(0.5),
        p99: pct(0.99),
        errors,
    })
}

async fn serve(router: Router) -> anyhow::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        let _ = axum::serve(
            listener,
            router.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await;
    });
    Ok(addr)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let quick = std::env::args().any(|a| a == "--quick");
    let secs = if quick { 2.0 } else { 10.0 };
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let clients = 16;

    eprintln!("(1) in process, {cores} threads …");
    let in_proc = in_process(cores, secs);

    let data = tempfile::tempdir()?;
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let config = Config::local(listener.local_addr()?, data.path().to_path_buf());
    drop(listener);
    let app = App::build(config, Arc::new(SystemClock)).await?;
    let portal = serve(app.router()).await?;
    let minimal = serve(Router::new().route(
        "/",
        post(|| async {
            (
                [("content-type", "application/json")],
                r#"{"allowed":true}"#,
            )
        }),
    ))
    .await?;

    // Alternate the two HTTP loads (A B A B) so machine drift hits both alike.
    let (mut rules_runs, mut min_runs) = (vec![], vec![]);
    for round in 0..2 {
        eprintln!("(2) HTTP round {} …", round + 1);
        rules_runs.push(
            http_load(
                format!("http://{portal}/api/v1/residence/check"),
                clients,
                secs / 2.0,
            )
            .await?,
        );
        min_runs.push(http_load(format!("http://{minimal}/"), clients, secs / 2.0).await?);
    }
    let avg = |v: &[Http]| v.iter().map(|h| h.rate).sum::<f64>() / v.len() as f64;
    let (r, m) = (avg(&rules_runs), avg(&min_runs));
    let errors: u64 = rules_runs.iter().chain(&min_runs).map(|h| h.errors).sum();
    let last = |v: &[Http]| v.last().map(|h| (h.p50, h.p99)).unwrap_or_default();
    let ((rp50, rp99), (mp50, mp99)) = (last(&rules_runs), last(&min_runs));

    println!("## eForeigner rules benchmark\n");
    println!(
        "- {cores} cores; {secs} s per measurement; {clients} HTTP clients; errors: {errors}\n"
    );
    println!("| # | Measurement | Result | p50 / p99 | Target | Met? |");
    println!("|---|---|---|---|---|---|");
    println!(
        "| 1 | `residence::check` in process, {cores} threads | {in_proc:.0}/s ({:.0}/s per core) | | | |",
        in_proc / cores as f64
    );
    println!(
        "| 2a | `POST /api/v1/residence/check` | {r:.0}/s | {:.2} ms / {:.2} ms | | |",
        rp50.as_secs_f64() * 1e3,
        rp99.as_secs_f64() * 1e3
    );
    println!(
        "| 2b | minimal axum POST handler | {m:.0}/s | {:.2} ms / {:.2} ms | | |",
        mp50.as_secs_f64() * 1e3,
        mp99.as_secs_f64() * 1e3
    );
    println!(
        "| 2 | rules over HTTP / minimal | {:.1} % | | ≥ 50 % | {} |",
        r / m * 100.0,
        if r / m >= 0.5 { "**yes**" } else { "**no**" }
    );
    Ok(())
}
