//! The route × role matrix: every route of the pages' router and every operation of the
//! API's OpenAPI document, requested by nobody and by a person of every role (and an
//! applicant not verified yet), must let in exactly whom its declared access and the
//! domain's permission table say: the handler ran, or the login page (401 under `/api/`),
//! or "awaiting verification", or "access denied". A page whose handler forgot its
//! extractor, or a table row changed by mistake, shows here as a cell that differs; the
//! whole matrix is also kept as a snapshot, so a change of who may do what is reviewed.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use eforeigner::domain::access;
use eforeigner::domain::{AccountStatus, Role};
use eforeigner::web::routes::{Access, Outcome};

use crate::support::{Browser, PASSWORD, Resp, TestApp};

/// A signed-in person (or nobody) and their browser.
struct Principal {
    name: &'static str,
    who: Option<(Role, AccountStatus)>,
    browser: Browser,
    /// The e-mail to sign in again with (after a request that ended the session).
    email: Option<String>,
}

/// One request to make: method, path pattern, declared access, whether under `/api/`.
struct Target {
    method: String,
    pattern: String,
    access: Access,
    api: bool,
}

/// The path with its `{parameters}` filled with values no record has: the gate comes
/// before any lookup, so "not found" counts as let in.
fn concrete(pattern: &str) -> String {
    pattern
        .split('/')
        .map(|seg| match seg {
            "{step}" => "personal",
            s if s.starts_with('{') => "0000",
            s => s,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Requests that end the session go last for each person.
fn ends_session(t: &Target) -> bool {
    matches!(
        (t.method.as_str(), t.pattern.as_str()),
        ("POST", "/logout") | ("DELETE", "/api/v1/session")
    )
}

fn outcome(r: &Resp, api: bool) -> Outcome {
    let to_login = r.status == 303 && r.location().starts_with("/login/password");
    match r.status {
        401 => Outcome::Login,
        _ if to_login => Outcome::Login,
        403 if api => Outcome::Forbidden,
        403 if r.body.contains("awaiting verification") => Outcome::AwaitingVerification,
        403 => {
            assert!(
                !r.body.contains("This form has expired"),
                "the CSRF token was refused: the matrix must test access, not CSRF"
            );
            Outcome::Forbidden
        }
        _ => Outcome::Allowed,
    }
}

fn name(o: Outcome) -> &'static str {
    match o {
        Outcome::Allowed => "ok",
        Outcome::Login => "login",
        Outcome::AwaitingVerification => "wait",
        Outcome::Forbidden => "403",
    }
}

fn access_name(a: Access) -> String {
    match a {
        Access::Public => "public".into(),
        Access::SignedIn => "signed-in".into(),
        Access::Permission(p) => p.as_str().into(),
    }
}

async fn request(p: &Principal, t: &Target) -> Resp {
    let path = concrete(&t.pattern);
    let method = reqwest::Method::from_bytes(t.method.as_bytes()).unwrap();
    if t.api {
        let body =
            matches!(t.method.as_str(), "POST" | "PATCH" | "PUT").then(|| serde_json::json!({}));
        p.browser.json(method, &path, body).await
    } else if method == reqwest::Method::POST {
        // The token of this browser's cookie now (a login renews it).
        let csrf = p.browser.csrf("/").await;
        p.browser
            .post_form(&path, &[("csrf_token", csrf.as_str())])
            .await
    } else {
        p.browser.get(&path).await
    }
}

async fn principals(t: &TestApp) -> Vec<Principal> {
    let mut out = vec![];
    out.push(Principal {
        name: "anonymous",
        who: None,
        browser: t.browser(),
        email: None,
    });

    // An applicant who registered and confirmed the e-mail: awaiting the officers' check.
    let waiting = t.browser();
    t.register(&waiting, "waiting@test.example")
        .await
        .assert_status(303);
    let link = t
        .mail("waiting@test.example", "Confirm")
        .await
        .link("/confirm-email");
    waiting.confirm_link(&link).await;
    waiting
        .login("waiting@test.example", PASSWORD)
        .await
        .assert_status(303);
    let account = t.account("waiting@test.example").await;
    assert_eq!(account.status, AccountStatus::AwaitingVerification);
    out.push(Principal {
        name: "applicant-waiting",
        who: Some((Role::Applicant, AccountStatus::AwaitingVerification)),
        browser: waiting,
        email: Some("waiting@test.example".into()),
    });

    for role in Role::ALL {
        let email = format!("{}@test.example", role.as_str());
        t.create_user(&email, *role).await;
        let b = t.browser();
        b.login(&email, PASSWORD).await.assert_status(303);
        out.push(Principal {
            name: role.as_str(),
            who: Some((*role, AccountStatus::Active)),
            browser: b,
            email: Some(email),
        });
    }
    out
}

async fn targets(t: &TestApp) -> Vec<Target> {
    let mut out: Vec<Target> = eforeigner::web::page_routes()
        .list()
        .iter()
        .map(|r| Target {
            method: r.method.to_string(),
            pattern: r.path.to_string(),
            access: r.access,
            api: false,
        })
        .collect();

    // Every operation the API documents must have its access declared, and nothing else.
    let doc = t.browser().get("/api/openapi.json").await.json();
    let mut documented = BTreeSet::new();
    for (path, ops) in doc["paths"].as_object().unwrap() {
        for method in ops.as_object().unwrap().keys() {
            if ["get", "post", "put", "patch", "delete"].contains(&method.as_str()) {
                documented.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    let declared: BTreeSet<(String, String)> = eforeigner::web::api::v1::ACCESS
        .iter()
        .map(|(m, p, _)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(
        documented, declared,
        "every API operation needs its access in api::v1::ACCESS (and only those)"
    );
    out.extend(
        eforeigner::web::api::v1::ACCESS
            .iter()
            .map(|(m, p, a)| Target {
                method: m.to_string(),
                pattern: p.to_string(),
                access: *a,
                api: true,
            }),
    );
    // Session-ending requests last, so each person stays signed in for the rest.
    out.sort_by_key(ends_session);
    out
}

#[tokio::test]
async fn every_route_lets_in_exactly_whom_the_permission_table_says() {
    let t = TestApp::spawn().await;
    let people = principals(&t).await;
    let targets = targets(&t).await;

    let mut table = String::new();
    let header: Vec<&str> = people.iter().map(|p| p.name).collect();
    writeln!(table, "route | access | {}", header.join(" | ")).unwrap();
    let mut wrong = vec![];
    for target in &targets {
        let mut cells = vec![];
        for p in &people {
            if ends_session(target)
                && let Some(email) = &p.email
            {
                // The request before may have ended the session: sign in again.
                p.browser.login(email, PASSWORD).await.assert_status(303);
            }
            let r = request(p, target).await;
            assert!(
                r.status < 500,
                "{} {} as {} answered {}",
                target.method,
                target.pattern,
                p.name,
                r.status
            );
            let got = outcome(&r, target.api);
            let expected = target.access.outcome(p.who, target.api);
            if got != expected {
                wrong.push(format!(
                    "{} {} as {}: expected {:?}, got {:?} ({} {})",
                    target.method,
                    target.pattern,
                    p.name,
                    expected,
                    got,
                    r.status,
                    r.location()
                ));
            }
            cells.push(name(got));
        }
        writeln!(
            table,
            "{} {} | {} | {}",
            target.method,
            target.pattern,
            access_name(target.access),
            cells.join(" | ")
        )
        .unwrap();
    }
    assert!(
        wrong.is_empty(),
        "routes that do not follow the table:\n{}",
        wrong.join("\n")
    );
    insta::assert_snapshot!(table);
}

/// The matrix test is only as good as its expectations: the expected outcome follows the
/// table, so taking a permission from a role changes what the role may reach.
#[test]
fn the_expected_outcome_follows_the_table() {
    use eforeigner::domain::access::Permission;
    let pay = Access::Permission(Permission::ConfirmPayments);
    let active = |r| Some((r, AccountStatus::Active));
    assert_eq!(
        pay.outcome(active(Role::Supervisor), false),
        Outcome::Allowed
    );
    assert_eq!(
        pay.outcome(active(Role::VerificationOfficer), false),
        Outcome::Forbidden
    );
    assert_eq!(pay.outcome(None, false), Outcome::Login);
    let services = Access::Permission(Permission::UseServices);
    assert_eq!(
        services.outcome(
            Some((Role::Applicant, AccountStatus::AwaitingVerification)),
            false
        ),
        Outcome::AwaitingVerification
    );
    assert_eq!(
        services.outcome(
            Some((Role::Applicant, AccountStatus::AwaitingVerification)),
            true
        ),
        Outcome::Forbidden
    );
    for (role, perms) in access::TABLE {
        for p in Permission::ALL {
            let expected = if perms.contains(p) {
                Outcome::Allowed
            } else {
                Outcome::Forbidden
            };
            assert_eq!(
                Access::Permission(*p).outcome(active(*role), false),
                expected
            );
        }
    }
}
