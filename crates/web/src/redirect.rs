//! Redirects: after a successful form (303 See Other), and to a `next=` the user brought,
//! which must stay on this site.

use axum::response::{IntoResponse, Redirect, Response};

/// Redirect after a successful POST (303 so the browser GETs the target). A target that
/// cannot stand in a header (never one the portal makes) goes to the home page instead of
/// failing.
pub fn see_other(to: &str) -> Response {
    let to = if axum::http::HeaderValue::from_str(to).is_ok() {
        to
    } else {
        "/"
    };
    Redirect::to(to).into_response()
}

/// `raw` when it is a path on this site: it starts with one `/`, and every character is
/// visible ASCII other than `\`. Browsers drop tabs and line breaks from a URL and read
/// `\` as `/`, so `/\t/evil.example` or `/\\evil.example` would leave the site; line
/// breaks and other characters cannot stand in a `Location` header at all.
pub fn local_path(raw: &str) -> Option<&str> {
    let local = raw.starts_with('/')
        && !raw.starts_with("//")
        && raw.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    local.then_some(raw)
}

/// A safe local redirect target (see [`local_path`]), or `/account`.
pub fn safe_next(next: Option<&String>) -> String {
    next.and_then(|n| local_path(n))
        .unwrap_or("/account")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn only_paths_of_this_site_are_redirect_targets() {
        for ok in ["/", "/account", "/applications/1?step=2#x", "/a%09b"] {
            assert_eq!(local_path(ok), Some(ok), "{ok}");
        }
        for bad in [
            "",
            "account",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/a\r\nSet-Cookie: x=1",
            "/a\u{b}b",
            "/a b",
            "/é",
            "https://evil.example/",
        ] {
            assert_eq!(local_path(bad), None, "{bad:?}");
        }
        assert_eq!(safe_next(Some(&"/\t/evil.example".to_string())), "/account");
        assert_eq!(see_other("/a\r\nb").headers()["location"], "/");
    }

    proptest! {
        #[test]
        fn a_redirect_never_fails_and_never_leaves_the_site(raw in "\\PC{0,12}|/[\\t\\n\\r\\x0b /\\\\a-z]{0,8}") {
            let to = safe_next(Some(&raw));
            let r = see_other(&to);
            let location = r.headers()["location"].to_str().unwrap().to_string();
            prop_assert!(location.starts_with('/'));
            prop_assert!(!location.starts_with("//") && !location.contains('\\'));
        }
    }
}
