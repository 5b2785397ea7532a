//! Static assets, compiled into the binary: one stylesheet and one small script that only
//! enhances (timeout warning, show-password toggle, focus on the error summary).

use axum::http::header;
use axum::response::IntoResponse;

/// `/static/app.css`.
pub async fn css() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../../static/app.css"),
    )
}

/// `/static/app.js`.
pub async fn js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../../../static/app.js"),
    )
}
