//! Request tracing: every request gets an id (`x-request-id`), kept from the client or a
//! proxy when it is a short safe token, else made here; the id is sent back on the
//! response, and every log line written while the request is handled carries it with the
//! method and the route (the route's pattern, `/applications/{id}`, never the address
//! with its ids), so one request can be followed through the logs and quoted by a user.

use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::HeaderName;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use tower_http::request_id::{MakeRequestId, RequestId};
use tracing::Span;

/// The header that carries the request id, both ways.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Longest request id kept from a client.
const MAX_LEN: usize = 64;

/// Whether a request id sent by a client or proxy can be kept: 1 to 64 characters of
/// `A–Z a–z 0–9 . _ -`. Anything else (control characters that would forge log lines,
/// very long values) is replaced by an id made here.
pub fn acceptable(id: &[u8]) -> bool {
    !id.is_empty()
        && id.len() <= MAX_LEN
        && id
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Makes a new request id: 128 random bits, URL-safe base64.
#[derive(Clone, Copy, Debug, Default)]
pub struct MakeId;

impl MakeRequestId for MakeId {
    fn make_request_id<B>(&mut self, _: &axum::http::Request<B>) -> Option<RequestId> {
        let id: String = eforeigner_domain::clock::new_secret()
            .chars()
            .take(22)
            .collect();
        HeaderValue::from_str(&id).ok().map(RequestId::new)
    }
}

/// Drops a request id that is not [`acceptable`], so that one is made instead.
pub async fn drop_unsafe_id(mut req: Request, next: Next) -> Response {
    if let Some(v) = req.headers().get(&REQUEST_ID)
        && !acceptable(v.as_bytes())
    {
        req.headers_mut().remove(&REQUEST_ID);
    }
    next.run(req).await
}

/// The span of a request: method, route pattern and request id.
pub fn span(req: &axum::http::Request<Body>) -> Span {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("(no route)", MatchedPath::as_str);
    let id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    tracing::info_span!("request", method = %req.method(), route, request_id = id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn safe_ids_are_kept_and_others_are_not() {
        assert!(acceptable(b"abc-123_X.y"));
        assert!(acceptable(&[b'a'; 64]));
        assert!(!acceptable(&[b'a'; 65]));
        assert!(!acceptable(b""));
        assert!(!acceptable(b"a b"));
        assert!(!acceptable(b"a\nb"));
        assert!(!acceptable("é".as_bytes()));
    }

    #[test]
    fn made_ids_are_acceptable_and_differ() {
        let req = axum::http::Request::new(());
        let a = MakeId.make_request_id(&req).map(|r| r.into_header_value());
        let b = MakeId.make_request_id(&req).map(|r| r.into_header_value());
        let (Some(a), Some(b)) = (a, b) else {
            panic!("no id made");
        };
        assert!(acceptable(a.as_bytes()), "{a:?}");
        assert_eq!(a.len(), 22);
        assert_ne!(a, b);
    }

    proptest! {
        #[test]
        fn an_acceptable_id_is_a_valid_header_without_separators(id in proptest::collection::vec(any::<u8>(), 0..80)) {
            if acceptable(&id) {
                prop_assert!(HeaderValue::from_bytes(&id).is_ok());
                prop_assert!(!id.iter().any(|b| b.is_ascii_whitespace() || b.is_ascii_control()));
            }
        }
    }
}
