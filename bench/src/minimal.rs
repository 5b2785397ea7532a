//! The baseline of the page benchmarks: a minimal axum handler on its own listener, shared
//! by `eforeigner-bench` and `applications-bench`.

use std::net::SocketAddr;

use axum::Router;
use tokio::net::TcpListener;

/// The yardstick: `GET /` answered by `|| async { "ok" }` with no middleware, served the
/// same way as the portal (axum, connect info, loopback).
pub struct Minimal {
    /// Base URL.
    pub url: String,
    server: tokio::task::JoinHandle<()>,
}

impl Minimal {
    /// Serves the minimal router on `127.0.0.1:0`.
    pub async fn start() -> anyhow::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}/", listener.local_addr()?);
        let router = Router::new().route("/", axum::routing::get(|| async { "ok" }));
        let server = tokio::spawn(async move {
            let service = router.into_make_service_with_connect_info::<SocketAddr>();
            if let Err(e) = axum::serve(listener, service).await {
                eprintln!("minimal server stopped: {e}");
            }
        });
        Ok(Self { url, server })
    }

    /// Stops serving.
    pub async fn stop(self) {
        self.server.abort();
        let _ = self.server.await;
    }
}
