//! The portal's configuration as every benchmark runs it: on a listener the benchmark
//! bound, with its data in a directory of its own, on SQLite or on a PostgreSQL URL, with no
//! mail server and no demo data.

use std::path::Path;

use eforeigner::Config;
use tokio::net::TcpListener;

/// The configuration for `listener` and `dir` (and `database_url`, or SQLite in `dir`).
pub fn config(
    listener: &TcpListener,
    dir: &Path,
    database_url: Option<String>,
) -> anyhow::Result<Config> {
    Ok(Config {
        database_url,
        mail_from: "eForeigner bench <bench@eforeigner.localhost>".into(),
        ..Config::local(listener.local_addr()?, dir.to_path_buf())
    })
}
