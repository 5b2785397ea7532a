//! Resident memory of the portal's server process during a burst of uploads (measurement
//! 4), read from `/proc/<pid>/status`: `VmRSS` just before, then the peak — the kernel's
//! high-water mark `VmHWM`, reset to the current size first (`/proc/<pid>/clear_refs`,
//! "5"), and a thread that reads `VmRSS` every millisecond, in case the reset is not
//! allowed. The larger of the two counts.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

/// A field of `/proc/<pid>/status` in bytes (`VmRSS`, `VmHWM`).
pub fn status_bytes(pid: u32, field: &str) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status
        .lines()
        .find(|l| l.split_once(':').is_some_and(|(name, _)| name == field))?;
    let kib: u64 = line
        .split_once(':')?
        .1
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib * 1024)
}

/// The number of threads of process `pid` (`Threads` of `/proc/<pid>/status`).
pub fn threads(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("Threads:"))?
        .trim()
        .parse()
        .ok()
}

/// A running measurement of the peak.
pub struct Peak {
    pid: u32,
    before: u64,
    threads: u64,
    hwm_reset: bool,
    max: Arc<AtomicU64>,
    stop: Arc<AtomicBool>,
    sampler: std::thread::JoinHandle<()>,
}

/// What a burst did to the memory.
#[derive(Clone, Copy, Debug, Default)]
pub struct Rise {
    /// `VmRSS` before, bytes.
    pub before: u64,
    /// The peak during the burst: the larger of `VmHWM` (if reset) and the sampled maximum.
    pub peak: u64,
    /// The sampled maximum alone.
    pub sampled: u64,
    /// `VmRSS` right after the burst.
    pub after: u64,
    /// Whether `VmHWM` was reset before (otherwise the peak is the sampler's alone).
    pub hwm_reset: bool,
    /// The process's threads before and right after.
    pub threads: (u64, u64),
}

impl Rise {
    /// Peak minus before.
    pub fn rise(&self) -> u64 {
        self.peak.saturating_sub(self.before)
    }
}

/// Starts watching process `pid`: resets its high-water mark and starts the sampler.
pub fn start(pid: u32) -> anyhow::Result<Peak> {
    let hwm_reset = std::fs::write(format!("/proc/{pid}/clear_refs"), "5").is_ok();
    let before = status_bytes(pid, "VmRSS").ok_or_else(|| anyhow::anyhow!("no VmRSS of {pid}"))?;
    let max = Arc::new(AtomicU64::new(before));
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let (max, stop) = (max.clone(), stop.clone());
        std::thread::Builder::new()
            .name("rss-sampler".into())
            .spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    if let Some(rss) = status_bytes(pid, "VmRSS") {
                        max.fetch_max(rss, Ordering::Relaxed);
                    }
                    std::thread::sleep(Duration::from_millis(1));
                }
            })?
    };
    Ok(Peak {
        pid,
        before,
        threads: threads(pid).unwrap_or(0),
        hwm_reset,
        max,
        stop,
        sampler,
    })
}

impl Peak {
    /// Stops watching and reads the peak.
    pub fn finish(self) -> Rise {
        self.stop.store(true, Ordering::Relaxed);
        let _ = self.sampler.join();
        let sampled = self.max.load(Ordering::Relaxed);
        let hwm = if self.hwm_reset {
            status_bytes(self.pid, "VmHWM").unwrap_or(0)
        } else {
            0
        };
        Rise {
            before: self.before,
            peak: sampled.max(hwm),
            sampled,
            after: status_bytes(self.pid, "VmRSS").unwrap_or(0),
            hwm_reset: self.hwm_reset,
            threads: (self.threads, threads(self.pid).unwrap_or(0)),
        }
    }
}
