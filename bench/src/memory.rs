//! Idle resident memory of the real server binary: start `eforeigner serve` on a free
//! loopback port with its data in a temporary directory, wait until `/healthz` answers 200,
//! let it sit idle, read `VmRSS` (and the peak, `VmHWM`) from `/proc/<pid>/status`, kill it.

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::Context as _;

/// Variables that would point the server somewhere other than a fresh SQLite file.
const CLEARED_VARS: &[&str] = &[
    "EFOREIGNER_DATABASE_URL",
    "EFOREIGNER_OBJECT_STORE_URL",
    "EFOREIGNER_SMTP_URL",
    "EFOREIGNER_PUBLIC_URL",
    "EFOREIGNER_SECRET",
];

/// How long the server may take to answer `/healthz`.
const STARTUP_LIMIT: Duration = Duration::from_secs(60);

/// Memory of the idle server.
#[derive(Clone, Copy, Debug)]
pub struct IdleMemory {
    /// Resident set size after the idle wait, in KiB (`VmRSS`).
    pub rss_kib: u64,
    /// Peak resident set size so far, in KiB (`VmHWM`).
    pub hwm_kib: u64,
    /// From spawn until `/healthz` first answered 200.
    pub startup: Duration,
}

/// Starts `binary serve`, waits for health, idles for `idle`, reads its memory, kills it.
pub async fn idle_rss(binary: &Path, idle: Duration) -> anyhow::Result<IdleMemory> {
    anyhow::ensure!(
        binary.is_file(),
        "server binary {} not found (build it with `CARGO_TARGET_DIR=/work/target-bench \
         cargo build --release -p eforeigner`, or pass --server-bin)",
        binary.display()
    );
    let data = tempfile::Builder::new()
        .prefix("eforeigner-bench-rss-")
        .tempdir()?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let log_path = data.path().join("server.log");
    let log = std::fs::File::create(&log_path)?;

    let mut command = tokio::process::Command::new(binary);
    command
        .arg("serve")
        .env("EFOREIGNER_DATA_DIR", data.path().join("data"))
        .env("EFOREIGNER_BIND", format!("127.0.0.1:{port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::from(log.try_clone()?))
        .stderr(Stdio::from(log))
        .kill_on_drop(true);
    for var in CLEARED_VARS {
        command.env_remove(var);
    }
    let began = Instant::now();
    let mut child = command
        .spawn()
        .with_context(|| format!("starting {}", binary.display()))?;
    let pid = child.id().context("the server exited at once")?;

    let result = async {
        let client = crate::scenarios::client()?;
        let health = format!("http://127.0.0.1:{port}/healthz");
        loop {
            if let Some(status) = child.try_wait()? {
                anyhow::bail!("the server exited with {status} before it was healthy");
            }
            if let Ok(r) = client.get(&health).send().await
                && r.status() == reqwest::StatusCode::OK
            {
                break;
            }
            anyhow::ensure!(
                began.elapsed() < STARTUP_LIMIT,
                "/healthz did not answer 200 within {STARTUP_LIMIT:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let startup = began.elapsed();
        // Drop the health-check connection so the server is truly idle.
        drop(client);
        tokio::time::sleep(idle).await;
        let status = tokio::fs::read_to_string(format!("/proc/{pid}/status")).await?;
        Ok(IdleMemory {
            rss_kib: status_kib(&status, "VmRSS:").context("no VmRSS in /proc status")?,
            hwm_kib: status_kib(&status, "VmHWM:").context("no VmHWM in /proc status")?,
            startup,
        })
    }
    .await;

    let _ = child.start_kill();
    let _ = child.wait().await;
    result.map_err(|e| {
        let log = std::fs::read_to_string(&log_path).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(10).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        e.context(format!("server log tail:\n{}", tail.join("\n")))
    })
}

/// A `Name:   1234 kB` line of `/proc/<pid>/status`, in KiB.
fn status_kib(status: &str, name: &str) -> Option<u64> {
    status
        .lines()
        .find_map(|l| l.strip_prefix(name))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::status_kib;

    #[test]
    fn reads_kib_from_proc_status() {
        let status = "Name:\teforeigner\nVmHWM:\t   31000 kB\nVmRSS:\t   25344 kB\n";
        assert_eq!(status_kib(status, "VmRSS:"), Some(25_344));
        assert_eq!(status_kib(status, "VmHWM:"), Some(31_000));
        assert_eq!(status_kib(status, "VmSwap:"), None);
    }
}
