//! Who used the CPU during a measurement window: this process versus everything else on
//! the machine, from `/proc/self/stat` and `/proc/stat` (both in the same clock ticks, so
//! no tick rate needs to be known). A benchmark on a shared 2-core machine is only as good
//! as the share of the cores it actually got; the report shows it next to every rate.

/// A reading of the counters.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    own_ticks: u64,
    busy_ticks: u64,
    total_ticks: u64,
    cpus: usize,
}

/// Average cores in use over a window.
#[derive(Clone, Copy, Debug)]
pub struct CpuUse {
    /// By this process (all its threads: server, clients, blocking pool).
    pub own_cores: f64,
    /// By every other process, plus time stolen by the hypervisor.
    pub other_cores: f64,
}

/// Reads the counters now; `None` where `/proc` is not there or not as expected.
pub fn sample() -> Option<Sample> {
    let own = std::fs::read_to_string("/proc/self/stat").ok()?;
    let (_, after_comm) = own.rsplit_once(')')?;
    let fields: Vec<&str> = after_comm.split_whitespace().collect();
    // Fields 14 (utime) and 15 (stime) of proc(5); index 0 here is field 3.
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;

    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let mut lines = stat.lines();
    let all: Vec<u64> = lines
        .next()?
        .strip_prefix("cpu ")?
        .split_whitespace()
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let cpus = lines
        .filter(|l| l.starts_with("cpu") && l.as_bytes().get(3).is_some_and(u8::is_ascii_digit))
        .count();
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    let at = |i: usize| all.get(i).copied().unwrap_or(0);
    let busy = at(0) + at(1) + at(2) + at(5) + at(6) + at(7);
    let total = busy + at(3) + at(4);
    Some(Sample {
        own_ticks: utime + stime,
        busy_ticks: busy,
        total_ticks: total,
        cpus,
    })
}

/// Average use between two samples.
pub fn between(before: Sample, after: Sample) -> Option<CpuUse> {
    let total = after.total_ticks.checked_sub(before.total_ticks)?;
    if total == 0 {
        return None;
    }
    let per_core = |ticks: u64| ticks as f64 / total as f64 * after.cpus as f64;
    let own = per_core(after.own_ticks.saturating_sub(before.own_ticks));
    let busy = per_core(after.busy_ticks.saturating_sub(before.busy_ticks));
    Some(CpuUse {
        own_cores: own,
        other_cores: (busy - own).max(0.0),
    })
}
