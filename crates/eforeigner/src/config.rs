//! Configuration from environment variables (and command-line flags that override them).

use std::net::SocketAddr;
use std::path::PathBuf;

/// How long sessions are cached by default (see [`Config::session_cache`]).
pub const DEFAULT_SESSION_CACHE: std::time::Duration = std::time::Duration::from_secs(5);

/// Everything the portal needs to start. Built from the environment by [`Config::from_env`],
/// or directly by tests.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on (`EFOREIGNER_BIND`, default `127.0.0.1:8080`).
    pub bind: SocketAddr,
    /// Directory for the SQLite file and local uploads (`EFOREIGNER_DATA_DIR`, default `./data`).
    pub data_dir: PathBuf,
    /// `sqlite://…` or `postgres://…` (`EFOREIGNER_DATABASE_URL`); default: SQLite in the data dir.
    pub database_url: Option<String>,
    /// SMTP server for outgoing mail (`EFOREIGNER_SMTP_URL`, e.g. `smtp://127.0.0.1:2525`).
    /// Unset: mail is kept in the database and shown on the development mailbox page.
    pub smtp_url: Option<String>,
    /// Sender address of outgoing mail (`EFOREIGNER_MAIL_FROM`).
    pub mail_from: String,
    /// Base of links in e-mails (`EFOREIGNER_PUBLIC_URL`, default `http://<bind>`).
    pub public_url: String,
    /// Where uploads live (`EFOREIGNER_OBJECT_STORE_URL`): unset → `<data_dir>/files`;
    /// `s3://bucket/prefix` → S3-compatible storage configured by the usual `AWS_*` variables.
    pub object_store_url: Option<String>,
    /// Demo mode: seeds demo accounts and enables the development mailbox page.
    pub demo: bool,
    /// Secret for signing CSRF tokens (`EFOREIGNER_SECRET`); random per start when unset,
    /// which is fine for one process but must be shared by several `serve` processes.
    pub secret: Option<String>,
    /// How long a session and its account, once read, are kept in memory
    /// (`EFOREIGNER_SESSION_CACHE_MS`, default 5000; 0 = off). Changes made through this
    /// process clear it at once; changes by another `serve` process on the same database
    /// (a logout there) are seen here after at most this long.
    pub session_cache: std::time::Duration,
    /// Reverse proxies whose `X-Forwarded-For` is believed (`EFOREIGNER_TRUSTED_PROXIES`:
    /// addresses or CIDR ranges, separated by commas or spaces). The client address (for
    /// throttling, the sign-in list and the audit log) is then the last address in that
    /// header that is not one of them; from anyone else the header is ignored.
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// A bearer token that opens `/metrics` (`EFOREIGNER_METRICS_TOKEN`). Without it the
    /// metrics are served to loopback clients only.
    pub metrics_token: Option<String>,
}

/// The sender of outgoing mail unless `EFOREIGNER_MAIL_FROM` says otherwise.
pub const DEFAULT_MAIL_FROM: &str = "eForeigner <no-reply@eforeigner.localhost>";

impl Config {
    /// The portal on `bind` with everything in `data_dir` and nothing else configured:
    /// SQLite and local files, mail kept in the database, links to `http://<bind>`, no
    /// demo data. Tests and benchmarks start from this and set what they need.
    pub fn local(bind: SocketAddr, data_dir: PathBuf) -> Self {
        Self {
            bind,
            data_dir,
            database_url: None,
            smtp_url: None,
            mail_from: DEFAULT_MAIL_FROM.into(),
            public_url: format!("http://{bind}"),
            object_store_url: None,
            demo: false,
            secret: None,
            session_cache: DEFAULT_SESSION_CACHE,
            trusted_proxies: vec![],
            metrics_token: None,
        }
    }

    /// Reads the configuration from `EFOREIGNER_*` environment variables.
    pub fn from_env() -> anyhow::Result<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let bind: SocketAddr = var("EFOREIGNER_BIND")
            .unwrap_or_else(|| "127.0.0.1:8080".into())
            .parse()
            .map_err(|e| anyhow::anyhow!("EFOREIGNER_BIND is not an address: {e}"))?;
        Ok(Self {
            bind,
            data_dir: var("EFOREIGNER_DATA_DIR")
                .unwrap_or_else(|| "./data".into())
                .into(),
            database_url: var("EFOREIGNER_DATABASE_URL"),
            smtp_url: var("EFOREIGNER_SMTP_URL"),
            mail_from: var("EFOREIGNER_MAIL_FROM").unwrap_or_else(|| DEFAULT_MAIL_FROM.into()),
            public_url: var("EFOREIGNER_PUBLIC_URL")
                .unwrap_or_else(|| format!("http://{bind}"))
                .trim_end_matches('/')
                .to_string(),
            object_store_url: var("EFOREIGNER_OBJECT_STORE_URL"),
            demo: false,
            secret: var("EFOREIGNER_SECRET"),
            session_cache: match var("EFOREIGNER_SESSION_CACHE_MS") {
                Some(v) => std::time::Duration::from_millis(v.trim().parse().map_err(|e| {
                    anyhow::anyhow!("EFOREIGNER_SESSION_CACHE_MS is not a number: {e}")
                })?),
                None => DEFAULT_SESSION_CACHE,
            },
            trusted_proxies: eforeigner_web::config::parse_proxies(
                &var("EFOREIGNER_TRUSTED_PROXIES").unwrap_or_default(),
            )?,
            metrics_token: var("EFOREIGNER_METRICS_TOKEN"),
        })
    }

    /// The database URL to use: the configured one, or the SQLite file in the data directory.
    pub fn effective_database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("eforeigner.sqlite3").display()
            ),
        }
    }

    /// What the web edge needs of this configuration.
    pub fn web(&self) -> eforeigner_web::WebConfig {
        eforeigner_web::WebConfig {
            public_url: self.public_url.clone(),
            demo: self.demo,
            trusted_proxies: self.trusted_proxies.clone(),
            metrics_token: self.metrics_token.clone(),
        }
    }
}
