//! The in-process measurements: the raw Argon2id verification rate, logins over HTTP and
//! page rendering against the real router (SQLite in a temporary directory), and a minimal
//! axum handler as the yardstick for what this machine's HTTP stack can do at all.

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use eforeigner::domain::accounts::PasswordHasher;
use eforeigner::domain::{Role, SystemClock};
use eforeigner::{App, RunningApp};
use tokio::net::TcpListener;

use crate::load::{Op, Outcome};

/// The password of every benchmark user (meets the 15-character policy, contains no name).
const PASSWORD: &str = "violet-compass-meadow-7193";

/// One verification of a known hash (with the right password), through the same
/// [`PasswordHasher`] (same parameters, same blocking pool) that logins use.
pub async fn argon2_verify() -> anyhow::Result<Op> {
    let hasher = PasswordHasher::new()?;
    let hash = Arc::new(hasher.hash(PASSWORD).await?);
    let op: Op = Arc::new(move |_, _| {
        let hasher = hasher.clone();
        let hash = hash.clone();
        Box::pin(async move {
            if hasher.verify(PASSWORD, Some(hash.as_str())).await {
                Outcome::Ok
            } else {
                Outcome::Failed("verification rejected the right password".into())
            }
        })
    });
    Ok(op)
}

/// The portal serving on a loopback port, with its data in a temporary directory.
pub struct Portal {
    /// The running application.
    pub running: RunningApp,
    /// E-mail addresses of the pre-created users (all with the same password).
    pub users: Vec<String>,
    /// How long creating the users took.
    pub user_creation: Duration,
    _data: tempfile::TempDir,
}

impl Portal {
    /// Builds the application on SQLite in a fresh temporary directory, creates `users`
    /// active applicants (`parallel` at a time; each creation hashes a password), and
    /// serves it on `127.0.0.1:0`.
    pub async fn start(users: usize, parallel: usize) -> anyhow::Result<Self> {
        let data = tempfile::Builder::new()
            .prefix("eforeigner-bench-")
            .tempdir()?;
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let config = crate::portal_config::config(&listener, data.path(), None)?;
        let app = App::build(config, Arc::new(SystemClock)).await?;

        let began = Instant::now();
        let permits = Arc::new(tokio::sync::Semaphore::new(parallel.max(1)));
        let mut creating = tokio::task::JoinSet::new();
        for i in 0..users {
            let accounts = app.accounts.clone();
            let permits = permits.clone();
            creating.spawn(async move {
                let _permit = permits.acquire_owned().await?;
                let email = format!("bench-{i:04}@bench.eforeigner.test");
                accounts
                    .create_active_user(&email, Role::Applicant, PASSWORD, "Bench", "Tester")
                    .await
                    .with_context(|| format!("creating {email}"))?;
                anyhow::Ok(email)
            });
        }
        let mut emails = Vec::with_capacity(users);
        while let Some(joined) = creating.join_next().await {
            emails.push(joined??);
        }
        emails.sort();
        let user_creation = began.elapsed();

        let running = app.serve(listener).await?;
        Ok(Self {
            running,
            users: emails,
            user_creation,
            _data: data,
        })
    }

    /// Stops the server; the temporary directory goes with `self`.
    pub async fn stop(self) {
        self.running.stop().await;
    }
}

/// A keep-alive HTTP client that ignores proxy settings from the environment.
pub fn client() -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .no_proxy()
        .tcp_nodelay(true)
        .timeout(Duration::from_secs(60))
        .build()?)
}

fn clients(n: usize) -> anyhow::Result<Arc<Vec<reqwest::Client>>> {
    Ok(Arc::new(
        (0..n).map(|_| client()).collect::<Result<_, _>>()?,
    ))
}

/// Reads the whole body (so the connection can be reused) and classifies the answer.
async fn finish(response: Result<reqwest::Response, reqwest::Error>) -> Outcome {
    match response {
        Ok(r) => {
            let status = r.status();
            match r.bytes().await {
                Ok(_) if status == reqwest::StatusCode::OK => Outcome::Ok,
                Ok(_) => Outcome::Status(status.as_u16()),
                Err(e) => Outcome::Failed(format!("reading body: {e}")),
            }
        }
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// One login with `POST /api/v1/session`, always with the right password, for one of
/// `concurrency` keep-alive clients. Worker `w` uses the users `w, w + C, w + 2C, …` in
/// turn, so no two clients log in as the same user at the same time.
pub fn login(portal: &Portal, concurrency: usize) -> anyhow::Result<Op> {
    anyhow::ensure!(!portal.users.is_empty(), "no users to log in with");
    let url = Arc::new(format!("{}/api/v1/session", portal.running.url()));
    let users = Arc::new(portal.users.clone());
    let clients = clients(concurrency.max(1))?;
    let stride = concurrency.max(1);
    let op: Op = Arc::new(move |worker, iteration| {
        let url = url.clone();
        let users = users.clone();
        let clients = clients.clone();
        Box::pin(async move {
            let Some(client) = clients.get(worker) else {
                return Outcome::Failed("no client for worker".into());
            };
            let index = (worker + iteration as usize * stride) % users.len();
            let Some(email) = users.get(index) else {
                return Outcome::Failed("no user".into());
            };
            let body = serde_json::json!({ "email": email, "password": PASSWORD });
            finish(client.post(url.as_str()).json(&body).send().await).await
        })
    });
    Ok(op)
}

/// One `GET url` for one of `concurrency` keep-alive clients.
pub fn get(url: String, concurrency: usize) -> anyhow::Result<Op> {
    let url = Arc::new(url);
    let clients = clients(concurrency.max(1))?;
    let op: Op = Arc::new(move |worker, _| {
        let url = url.clone();
        let clients = clients.clone();
        Box::pin(async move {
            let Some(client) = clients.get(worker) else {
                return Outcome::Failed("no client for worker".into());
            };
            finish(client.get(url.as_str()).send().await).await
        })
    });
    Ok(op)
}
