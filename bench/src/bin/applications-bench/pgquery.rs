//! PostgreSQL's own floor for a page (measurement 1e/1f): the page's list query alone, in
//! the same closed loop as the page, over connections like the portal's read connections
//! (`store::sql::readers`): native sqlx `PgConnection`s to the portal's URL (so the same
//! kind: TCP with TLS where the server offers it, or the Unix socket the URL names), at most
//! [`MAX`] at a time, kept between queries and never pinged, each statement prepared once
//! per connection (sqlx's statement cache) — and nothing else: no HTTP, no page, no row
//! mapping.

use std::sync::{Arc, Mutex, PoisonError};

use sqlx::Connection as _;
use sqlx::postgres::PgConnection;
use tokio::sync::Semaphore;

use crate::load::{Op, Outcome};

/// Connections at once: the portal's `PG_MAX` for its read connections.
pub const MAX: usize = 8;

/// A set of read connections like the portal's.
pub struct Readers {
    url: String,
    idle: Mutex<Vec<PgConnection>>,
    permits: Semaphore,
}

impl Readers {
    /// Opens [`MAX`] connections to `url` now (the portal's are open by the time it is
    /// measured too).
    pub async fn open(url: &str) -> anyhow::Result<Arc<Self>> {
        let mut idle = vec![];
        for _ in 0..MAX {
            idle.push(PgConnection::connect(url).await?);
        }
        Ok(Arc::new(Self {
            url: url.to_string(),
            idle: Mutex::new(idle),
            permits: Semaphore::new(MAX),
        }))
    }

    /// Whether this kind of connection is encrypted (`pg_stat_ssl`), and its protocol.
    pub async fn tls(&self) -> anyhow::Result<String> {
        let mut conn = PgConnection::connect(&self.url).await?;
        let row: Option<(bool, Option<String>)> =
            sqlx::query_as("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
                .fetch_optional(&mut conn)
                .await?;
        let _ = conn.close().await;
        Ok(match row {
            Some((true, v)) => format!("TLS ({})", v.unwrap_or_default()),
            _ => "no TLS".into(),
        })
    }

    /// One run of `sql` (`$1` account, `$2` limit, `$3` offset) that must return at least
    /// one row.
    pub fn op(self: &Arc<Self>, sql: &'static str, account: &str, limit: i64, offset: i64) -> Op {
        let (readers, account) = (self.clone(), Arc::new(account.to_string()));
        Arc::new(move |_, _| {
            let (readers, account) = (readers.clone(), account.clone());
            Box::pin(async move {
                let Ok(_permit) = readers.permits.acquire().await else {
                    return Outcome::Failed("closed".into());
                };
                let lent = readers
                    .idle
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .pop();
                let mut conn = match lent {
                    Some(c) => c,
                    None => match PgConnection::connect(&readers.url).await {
                        Ok(c) => c,
                        Err(e) => return Outcome::Failed(e.to_string()),
                    },
                };
                let rows = sqlx::query(sql)
                    .bind(account.as_str())
                    .bind(limit)
                    .bind(offset)
                    .fetch_all(&mut conn)
                    .await;
                match rows {
                    Ok(rows) => {
                        readers
                            .idle
                            .lock()
                            .unwrap_or_else(PoisonError::into_inner)
                            .push(conn);
                        if rows.is_empty() {
                            Outcome::Failed("no rows".into())
                        } else {
                            Outcome::Ok
                        }
                    }
                    Err(e) => Outcome::Failed(e.to_string()),
                }
            })
        })
    }
}

/// The same query through the portal's own store (`applications_of` / `mailbox_of`): the
/// portal's very read connections, plus its row mapping.
pub fn store_op(app: eforeigner::App, account: &str, mailbox: bool) -> Op {
    use eforeigner::store::ApplicationRepo as _;
    let account = Arc::new(eforeigner::domain::AccountId::new(account));
    Arc::new(move |_, _| {
        let (app, account) = (app.clone(), account.clone());
        Box::pin(async move {
            let rows = if mailbox {
                app.store
                    .mailbox_of(&account, crate::FIRST_PAGE)
                    .await
                    .map(|m| m.documents.len())
            } else {
                app.store
                    .applications_of(&account, crate::FIRST_PAGE)
                    .await
                    .map(|a| a.len())
            };
            match rows {
                Ok(0) => Outcome::Failed("no rows".into()),
                Ok(_) => Outcome::Ok,
                Err(e) => Outcome::Failed(e.to_string()),
            }
        })
    })
}
