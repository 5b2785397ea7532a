//! Pins the PostgreSQL server to a core of its own, and this process (portal and load
//! generator) to the others, with `taskset` (which needs the right to change the server's
//! affinity: root, or the `postgres` user). New server processes are forked by the
//! postmaster and inherit its affinity; new threads of this process inherit the pinned
//! thread's. [`Pinned::undo`] gives every process all cores back.

use std::process::Command;

/// What was pinned, to undo.
#[derive(Debug)]
pub struct Pinned {
    /// The core the server got.
    pub server_core: usize,
    /// The cores this process got (`0-2` style).
    pub bench_cores: String,
    /// Server processes pinned.
    pub server_pids: Vec<u32>,
    all: String,
}

/// The pids of the running `postgres` processes.
fn postgres_pids() -> Vec<u32> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return vec![];
    };
    entries
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|c| c.trim() == "postgres")
        })
        .collect()
}

fn taskset(cores: &str, pid: u32) -> anyhow::Result<()> {
    let out = Command::new("taskset")
        .args(["-a", "-p", "-c", cores, &pid.to_string()])
        .output()?;
    anyhow::ensure!(
        out.status.success(),
        "taskset -a -p -c {cores} {pid}: {}",
        String::from_utf8_lossy(&out.stderr).trim()
    );
    Ok(())
}

/// Pins the server's processes to the last core and this process to the others.
pub fn pin() -> anyhow::Result<Pinned> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    anyhow::ensure!(cores >= 2, "one core: nothing to pin to");
    let server_core = cores - 1;
    let bench_cores = if server_core == 1 {
        "0".to_string()
    } else {
        format!("0-{}", server_core - 1)
    };
    let all = format!("0-{server_core}");
    let server_pids = postgres_pids();
    anyhow::ensure!(!server_pids.is_empty(), "no postgres process found");
    let pinned = Pinned {
        server_core,
        bench_cores,
        server_pids,
        all,
    };
    for pid in &pinned.server_pids {
        if let Err(e) = taskset(&server_core.to_string(), *pid) {
            // A process that ended meanwhile is fine; any other failure is not.
            if std::path::Path::new(&format!("/proc/{pid}")).exists() {
                pinned.undo();
                return Err(e);
            }
        }
    }
    if let Err(e) = taskset(&pinned.bench_cores, std::process::id()) {
        pinned.undo();
        return Err(e);
    }
    Ok(pinned)
}

impl Pinned {
    /// All cores to every server process (also those started while pinned) and to this
    /// process.
    pub fn undo(&self) {
        let mut pids = postgres_pids();
        pids.push(std::process::id());
        for pid in pids {
            if let Err(e) = taskset(&self.all, pid) {
                eprintln!("could not unpin {pid}: {e:#}");
            }
        }
    }
}
