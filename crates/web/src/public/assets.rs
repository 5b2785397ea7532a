//! Static assets, compiled into the binary: one stylesheet, one small script that only
//! enhances (timeout warning, show-password toggle, focus on the error summary), and the
//! icon. They change only with the binary: browsers may keep them for a day.

use axum::http::header;
use axum::response::IntoResponse;

/// How long browsers may keep an asset.
const CACHE: &str = "public, max-age=86400";

/// `/static/app.css`.
pub async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        include_str!("../../static/app.css"),
    )
}

/// `/static/app.js`.
pub async fn js() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        include_str!("../../static/app.js"),
    )
}

/// `/static/favicon.svg`: the icon of pages (linked from every page).
pub async fn favicon_svg() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, CACHE),
        ],
        include_str!("../../static/favicon.svg"),
    )
}

/// `/favicon.ico`: the same icon for browsers and tools that ask there (16 and 32 px).
pub async fn favicon_ico() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "image/x-icon"),
            (header::CACHE_CONTROL, CACHE),
        ],
        include_bytes!("../../static/favicon.ico").as_slice(),
    )
}
