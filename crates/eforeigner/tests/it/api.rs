//! The JSON API: the account flows, the documented error envelope, and the OpenAPI document
//! (snapshot-tested so that any change to the contract is seen in review, and compared with
//! the router so that no route goes undescribed).

use std::collections::BTreeSet;

use reqwest::Method;
use serde_json::json;

use crate::support::*;

#[tokio::test]
async fn api_account_flow_and_error_envelope() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    // Registration over multipart.
    let mut fields = registration_fields("api@example.org");
    fields.push(("consent".into(), "true".into()));
    b.post_multipart(
        "/api/v1/registrations",
        &fields,
        &[("documents", "id.pdf", pdf())],
    )
    .await
    .assert_status(202);
    let token = t
        .mail("api@example.org", "Confirm")
        .await
        .link("token=")
        .split("token=")
        .nth(1)
        .unwrap()
        .to_string();

    // Login before confirmation: a stable code.
    let r = b
        .json(
            Method::POST,
            "/api/v1/session",
            Some(json!({"email": "api@example.org", "password": PASSWORD})),
        )
        .await;
    r.assert_status(403);
    assert_eq!(r.json()["error"]["code"], "email_not_confirmed");

    let r = b
        .json(
            Method::POST,
            "/api/v1/email/confirm",
            Some(json!({"token": token})),
        )
        .await;
    r.assert_status(200);
    assert_eq!(r.json()["status"], "awaiting-verification");
    let r = b
        .json(
            Method::POST,
            "/api/v1/email/confirm",
            Some(json!({"token": token})),
        )
        .await;
    r.assert_status(410);
    assert_eq!(r.json()["error"]["code"], "invalid_token");

    let r = b
        .json(
            Method::POST,
            "/api/v1/session",
            Some(json!({"email": "api@example.org", "password": PASSWORD})),
        )
        .await;
    r.assert_status(200);
    let me = b.json(Method::GET, "/api/v1/me", None).await;
    me.assert_status(200);
    assert_eq!(me.json()["email"], "api@example.org");

    // An officer decides over the API.
    t.officer().await;
    let officer = t.browser();
    officer
        .json(
            Method::POST,
            "/api/v1/session",
            Some(json!({"email": OFFICER_EMAIL, "password": PASSWORD})),
        )
        .await
        .assert_status(200);
    let queue = officer
        .json(Method::GET, "/api/v1/verifications", None)
        .await;
    queue.assert_status(200);
    let id = queue.json()[0]["id"].as_str().unwrap().to_string();
    let bad = officer
        .json(
            Method::POST,
            &format!("/api/v1/verifications/{id}/decision"),
            Some(json!({"decision": "reject", "reason": "nonsense"})),
        )
        .await;
    bad.assert_status(422);
    assert_eq!(bad.json()["error"]["fields"][0]["field"], "reason");
    let ok = officer
        .json(
            Method::POST,
            &format!("/api/v1/verifications/{id}/decision"),
            Some(json!({"decision": "approve"})),
        )
        .await;
    ok.assert_status(200);
    assert_eq!(ok.json()["status"], "active");

    // Validation errors list every field with a code and a message.
    let r = b
        .json(
            Method::POST,
            "/api/v1/me/password",
            Some(json!({"current_password": "nope", "new_password": "short"})),
        )
        .await;
    r.assert_status(422);
    insta::assert_json_snapshot!("password_change_validation_error", r.json());

    let sessions = b
        .json(Method::GET, "/api/v1/me/sessions", None)
        .await
        .json();
    assert_eq!(sessions.as_array().unwrap().len(), 1);
    assert_eq!(sessions[0]["current"], true);
    b.json(Method::DELETE, "/api/v1/session", None)
        .await
        .assert_status(204);
    let r = b.json(Method::GET, "/api/v1/me", None).await;
    r.assert_status(401);
    insta::assert_json_snapshot!("unauthenticated", r.json());
}

#[tokio::test]
async fn api_messages_follow_accept_language() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = b
        .get_with(
            "/api/v1/me",
            &[("accept-language", "sr-Latn,sr;q=0.9,en;q=0.5")],
        )
        .await;
    r.assert_status(401);
    let expected = t.app().i18n.t(
        eforeigner::domain::Lang::SrLatn,
        "error-unauthenticated-body",
    );
    assert_eq!(r.json()["error"]["message"], expected);
}

#[tokio::test]
async fn api_wrong_password_and_unknown_account_look_the_same() {
    let t = TestApp::spawn().await;
    t.create_user("who@example.org", eforeigner::domain::Role::Applicant)
        .await;
    let b = t.browser();
    let a = b
        .json(
            Method::POST,
            "/api/v1/session",
            Some(json!({"email": "who@example.org", "password": "wrong wrong wrong"})),
        )
        .await;
    let c = b
        .json(
            Method::POST,
            "/api/v1/session",
            Some(json!({"email": "nobody@example.org", "password": "wrong wrong wrong"})),
        )
        .await;
    assert_eq!((a.status, a.body.clone()), (c.status, c.body.clone()));
    assert_eq!(a.json()["error"]["code"], "invalid_credentials");
}

#[tokio::test]
async fn openapi_document_is_stable() {
    let t = TestApp::spawn().await;
    let r = t.browser().get("/api/openapi.json").await;
    r.assert_status(200);
    insta::assert_json_snapshot!("openapi", r.json());
}

/// Every route of the application's router under `/api` is an operation of the served
/// OpenAPI document, and every operation of the document is a route. The API router is built
/// from the handlers' `#[utoipa::path]` (utoipa-axum's `routes!`), but a plain `.route()`, in
/// the API router or among the pages, would still add a route the document does not know:
/// this names it.
#[tokio::test]
async fn every_api_route_is_documented() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let document = b.get("/api/openapi.json").await.json();
    let documented = documented_operations(&document);
    let routed = routed_operations(&t, &b).await;
    let list = |pairs: Vec<&(String, String)>| {
        pairs
            .iter()
            .map(|(method, path)| format!("\n  {method} {path}"))
            .collect::<String>()
    };
    let undocumented = list(routed.difference(&documented).collect());
    let unrouted = list(documented.difference(&routed).collect());
    assert!(
        undocumented.is_empty() && unrouted.is_empty(),
        "the router's API routes and /api/openapi.json disagree.\n\
         Routes missing from the document (register them with `routes!` and a \
         `#[utoipa::path]`, not a plain `.route()`):{undocumented}\n\
         Documented operations the router does not answer:{unrouted}"
    );
}

/// The `(METHOD, path)` pairs of an OpenAPI document.
fn documented_operations(document: &serde_json::Value) -> BTreeSet<(String, String)> {
    const METHODS: [&str; 8] = [
        "get", "put", "post", "delete", "options", "head", "patch", "trace",
    ];
    let paths = document["paths"]
        .as_object()
        .expect("the document has paths");
    paths
        .iter()
        .flat_map(|(path, item)| {
            METHODS
                .iter()
                .filter(|m| item.get(**m).is_some())
                .map(|m| (m.to_ascii_uppercase(), path.clone()))
        })
        .collect()
}

/// The `(METHOD, path)` pairs of the application's router under `/api`.
///
/// axum does not list a router's routes, but a router's `Debug` output names the path of
/// every route (in its path router, printed before its fallback router): the paths are read
/// there, from the very router the application serves. The methods of each path are the
/// router's own answer to a method it has no handler for: 405 with `Allow`. A path that
/// answers anything else takes every method (a service, not a handler) and is listed as
/// `ANY`, which no document names.
async fn routed_operations(t: &TestApp, b: &Browser) -> BTreeSet<(String, String)> {
    let debug = format!("{:?}", t.app().router());
    let (routes, _fallbacks) = debug.split_once("fallback_router").expect(
        "axum's Router prints its `fallback_router` after its routes; if that changed, \
         read the route paths from its Debug output anew",
    );
    // The paths are the quoted strings (no path has a quote in it).
    let paths: BTreeSet<&str> = routes
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| *s == "/api" || s.starts_with("/api/"))
        .collect();
    assert!(
        !paths.is_empty(),
        "no /api path in the router's Debug output: axum changed how a router prints; \
         read the route paths another way\n{}",
        &debug[..debug.len().min(2000)]
    );
    let probe = Method::from_bytes(b"PROBE").unwrap();
    let mut operations = BTreeSet::new();
    for path in paths {
        // A value for each parameter, e.g. `/api/v1/me/sessions/{id}`.
        let concrete: String = path
            .split('/')
            .map(|segment| {
                if segment.starts_with('{') {
                    "probe"
                } else {
                    segment
                }
            })
            .collect::<Vec<_>>()
            .join("/");
        // A JSON body, so that the cross-site guard of API writes lets the probe through.
        let r = b.json(probe.clone(), &concrete, Some(json!({}))).await;
        if r.status != 405 {
            operations.insert(("ANY".to_string(), path.to_string()));
            continue;
        }
        let allow = r.header("allow").to_ascii_uppercase();
        let methods: BTreeSet<&str> = allow.split(',').map(str::trim).collect();
        for method in &methods {
            // axum answers HEAD wherever GET is routed; the document names the GET.
            if *method == "HEAD" && methods.contains("GET") {
                continue;
            }
            operations.insert((method.to_string(), path.to_string()));
        }
    }
    operations
}

#[tokio::test]
async fn malformed_json_gets_the_envelope_never_a_500() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = b
        .json(Method::POST, "/api/v1/session", Some(json!({"email": 42})))
        .await;
    r.assert_status(422);
    assert_eq!(r.json()["error"]["code"], "invalid_json");
    let r = b
        .json(
            Method::POST,
            "/api/v1/identifiers/nothing-here",
            Some(json!({})),
        )
        .await;
    r.assert_status(404);
    assert_eq!(r.json()["error"]["code"], "not_found");
}

#[tokio::test]
async fn identifiers_are_validated_with_reasons_and_details() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let ok = |kind: &str, value: &str| {
        let b = b.clone();
        let (kind, value) = (kind.to_string(), value.to_string());
        async move {
            b.json(
                Method::POST,
                "/api/v1/identifiers/validate",
                Some(json!({"kind": kind, "value": value})),
            )
            .await
            .json()
        }
    };
    // Published examples (docs/domain.md (Standards)).
    let a = ok("account", "840-742221843-57").await;
    assert_eq!(a["valid"], true);
    assert_eq!(a["details"]["long_form"], "840000074222184357");
    let r = ok("reference97", "97 14-123412").await;
    assert_eq!(r["valid"], true);
    assert_eq!(r["details"]["qr_form"], "9714123412");
    let bad = ok("reference97", "97 15-123412").await;
    assert_eq!(bad["valid"], false);
    assert_eq!(bad["reasons"][0]["code"], "invalid_check_digit");
    let short = ok("ebs", "12345").await;
    assert_eq!(short["reasons"][0]["code"], "wrong_length");
    assert_eq!(
        short["reasons"][0]["message"],
        "The number must have 13 digits; you entered 5."
    );
    let r = b
        .json(
            Method::POST,
            "/api/v1/identifiers/validate",
            Some(json!({"kind": "iban", "value": "x"})),
        )
        .await;
    r.assert_status(422);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "kind");
}

#[tokio::test]
async fn health_and_prometheus_metrics() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    b.get("/healthz")
        .await
        .assert_status(200)
        .assert_contains("ok");
    b.get("/login").await.assert_status(200);
    let m = b.get("/metrics").await;
    m.assert_status(200);
    assert!(m.header("content-type").starts_with("text/plain"));
    m.assert_contains("http_requests_total")
        .assert_contains("outbox_pending_jobs");
}

/// Every refusal under `/api` is the documented JSON envelope (a wrong method, a write that
/// is not JSON, a cross-site write, a body over the limit), never plain text or an empty
/// body.
#[tokio::test]
async fn api_refusals_are_json_envelopes() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let code = |r: &Resp| r.json()["error"]["code"].as_str().unwrap_or("").to_string();
    let r = b
        .json(reqwest::Method::DELETE, "/api/v1/residence/check", None)
        .await;
    r.assert_status(405);
    assert_eq!(code(&r), "method_not_allowed");
    let r = b
        .post_form("/api/v1/password/forgot", &[("email", "a@b.example")])
        .await;
    r.assert_status(415);
    assert_eq!(code(&r), "json_expected");
    let r = b
        .post_form_with(
            "/api/v1/password/forgot",
            &[("email", "a@b.example")],
            &[("sec-fetch-site", "cross-site")],
        )
        .await;
    r.assert_status(403);
    assert_eq!(code(&r), "cross_site");
    let big = serde_json::json!({ "email": "x".repeat(12 * 1024 * 1024) });
    let r = b
        .json(reqwest::Method::POST, "/api/v1/password/forgot", Some(big))
        .await;
    r.assert_status(413);
    assert_eq!(code(&r), "too_large");
    // Pages keep their own friendly page.
    b.get_with("/applications/x/submit", &[])
        .await
        .assert_status(405);
}

/// Every answer carries a request id: the client's when it is a short safe token, else one
/// made by the portal (never a client's value that could forge a log line).
#[tokio::test]
async fn every_response_carries_a_request_id() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let made = b.get("/").await.header("x-request-id");
    assert_eq!(made.len(), 22, "{made:?}");
    let other = b
        .get("/api/v1/residence/bases")
        .await
        .header("x-request-id");
    assert_eq!(other.len(), 22);
    assert_ne!(made, other, "each request its own id");

    let kept = b
        .get_with("/healthz", &[("x-request-id", "proxy-7f3a.b_2")])
        .await
        .header("x-request-id");
    assert_eq!(kept, "proxy-7f3a.b_2");

    for unsafe_id in ["a b", &"x".repeat(65), "id\"quoted", "é"] {
        let r = b
            .get_with("/healthz", &[("x-request-id", unsafe_id)])
            .await
            .header("x-request-id");
        assert_ne!(r, unsafe_id);
        assert_eq!(r.len(), 22, "{unsafe_id:?} was replaced by a made id");
    }
}
