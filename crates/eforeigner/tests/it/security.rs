//! Security rules of docs/security.md, each with a test that tries to break it.

use eforeigner::domain::Role;
use jiff::SignedDuration;

use crate::support::*;

#[tokio::test]
async fn officer_pages_are_closed_to_applicants_and_anonymous_users() {
    let t = TestApp::spawn().await;
    let applicant = t.browser();
    t.active_applicant(&applicant, "app@example.org").await;
    let victim = t.account("app@example.org").await;
    for path in [
        "/officer/verifications",
        &format!("/officer/verifications/{}", victim.id),
    ] {
        applicant.get(path).await.assert_status(403);
        let anon = t.browser();
        let r = anon.get(path).await;
        r.assert_status(303);
        assert!(r.location().starts_with("/login/password?next="));
    }
    // An applicant cannot approve anyone, even with a valid CSRF token.
    let csrf = applicant.csrf("/account").await;
    applicant
        .post_form(
            &format!("/officer/verifications/{}/approve", victim.id),
            &[("csrf_token", &csrf)],
        )
        .await
        .assert_status(403);
    // Other officer roles (e.g. an inspector) do not verify accounts.
    t.create_user("inspector@example.org", Role::Inspector)
        .await;
    let inspector = t.browser();
    inspector
        .login("inspector@example.org", PASSWORD)
        .await
        .assert_status(303);
    inspector
        .get("/officer/verifications")
        .await
        .assert_status(403);
    // And the API says the same.
    applicant
        .json(reqwest::Method::GET, "/api/v1/verifications", None)
        .await
        .assert_status(403);
}

#[tokio::test]
async fn applicant_pages_are_closed_to_officers() {
    let t = TestApp::spawn().await;
    let officer = t.officer().await;
    officer.get("/services").await.assert_status(403);
}

#[tokio::test]
async fn an_applicant_cannot_fetch_another_accounts_document() {
    let t = TestApp::spawn().await;
    let owner = t.browser();
    t.active_applicant(&owner, "owner@example.org").await;
    let account = t.account("owner@example.org").await;
    let doc = t
        .app()
        .accounts
        .documents_of(&account)
        .await
        .unwrap()
        .remove(0);
    owner
        .get(&format!("/documents/{}", doc.id))
        .await
        .assert_status(200);

    let thief = t.browser();
    t.active_applicant(&thief, "thief@example.org").await;
    thief
        .get(&format!("/documents/{}", doc.id))
        .await
        .assert_status(404);
    t.browser()
        .get(&format!("/documents/{}", doc.id))
        .await
        .assert_status(303);
    // Draft uploads of a registration in progress are nobody's to fetch either.
    let b = t.browser();
    let csrf = b.csrf("/register").await;
    let mut fields = registration_fields("draft@example.org");
    fields.retain(|(k, _)| k != "surname");
    fields.push(("csrf_token".into(), csrf));
    let r = b
        .post_multipart("/register", &fields, &[("documents", "a.png", png())])
        .await;
    r.assert_status(422);
    let draft_upload = r
        .body
        .split("name=\"remove_upload\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    thief
        .get(&format!("/documents/{draft_upload}"))
        .await
        .assert_status(404);
}

#[tokio::test]
async fn state_changes_without_csrf_token_are_refused_and_values_kept() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "csrf@example.org").await;
    // No token on a form: refused with the form shown again, values kept.
    let r = b
        .post_form(
            "/account/details",
            &[("phone", "+381 11 555 0000"), ("language", "en")],
        )
        .await;
    r.assert_status(422)
        .assert_contains("The form expired")
        .assert_contains("+381 11 555 0000");
    let a = t.account("csrf@example.org").await;
    assert_ne!(a.profile.phone.as_deref(), Some("+381 11 555 0000"));
    // A token from another browser does not work either.
    let other = t.browser();
    let foreign = other.csrf("/login/password").await;
    b.post_form("/logout", &[("csrf_token", &foreign)])
        .await
        .assert_status(403);
    b.get("/account").await.assert_status(200);
    // Registration without token: values and message shown, nothing created.
    let mut fields = registration_fields("nocsrf@example.org");
    fields.push(("csrf_token".into(), "forged".into()));
    let r = b
        .post_multipart("/register", &fields, &[("documents", "p.png", png())])
        .await;
    r.assert_status(422)
        .assert_contains("The form expired")
        .assert_contains("value=\"Kovač\"");
    assert!(
        t.app()
            .accounts
            .find_by_email("nocsrf@example.org")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn cross_site_requests_are_refused() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let csrf = b.csrf("/login/password").await;
    let fields = [
        ("email", "x@example.org"),
        ("password", "whatever it is"),
        ("csrf_token", csrf.as_str()),
    ];
    b.post_form_with(
        "/login/password",
        &fields,
        &[("origin", "https://evil.example")],
    )
    .await
    .assert_status(403);
    b.post_form_with(
        "/login/password",
        &fields,
        &[("sec-fetch-site", "cross-site")],
    )
    .await
    .assert_status(403);
    // A form post to the JSON API (what another site could send) is refused.
    b.post_form(
        "/api/v1/session",
        &[("email", "x@example.org"), ("password", "p")],
    )
    .await
    .assert_status(415);
    // GET never changes state: logout by GET does not exist.
    b.get("/logout").await.assert_status(405);
}

#[tokio::test]
async fn security_headers_and_cookie_flags() {
    let t = TestApp::spawn().await;
    t.create_user("c@example.org", Role::Applicant).await;
    let b = t.browser();
    let r = b.get("/login/password").await;
    let csp = r.header("content-security-policy");
    for part in [
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "script-src 'self'",
    ] {
        assert!(csp.contains(part), "{csp}");
    }
    assert_eq!(r.header("x-content-type-options"), "nosniff");
    assert_eq!(r.header("referrer-policy"), "same-origin");
    assert_eq!(r.header("cache-control"), "no-store");
    let csrf_cookie = r
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("__Host-csrf"))
        .unwrap();
    assert!(
        csrf_cookie.contains("HttpOnly")
            && csrf_cookie.contains("Secure")
            && csrf_cookie.contains("SameSite=Lax")
            && csrf_cookie.contains("Path=/")
    );

    let csrf = extract_csrf(&r.body).unwrap();
    let login = b
        .post_form(
            "/login/password",
            &[
                ("email", "c@example.org"),
                ("password", PASSWORD),
                ("csrf_token", &csrf),
            ],
        )
        .await;
    login.assert_status(303);
    let session_cookie = login
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("__Host-session="))
        .unwrap();
    for flag in ["HttpOnly", "Secure", "SameSite=Lax", "Path=/"] {
        assert!(session_cookie.contains(flag), "{session_cookie}");
    }
    assert!(!session_cookie.contains("Domain="));
    // 256-bit random id, base64url.
    let value = session_cookie
        .split(';')
        .next()
        .unwrap()
        .split('=')
        .nth(1)
        .unwrap();
    assert_eq!(value.len(), 43);
}

#[tokio::test]
async fn session_id_is_renewed_at_login() {
    let t = TestApp::spawn().await;
    t.create_user("fix@example.org", Role::Applicant).await;
    let attacker = t.browser();
    attacker
        .login("fix@example.org", PASSWORD)
        .await
        .assert_status(303);
    let planted = attacker.session_cookie().unwrap();
    // The victim's browser carries a planted session id; logging in must not keep it.
    let victim = t.browser();
    victim
        .cookies
        .lock()
        .unwrap()
        .insert("__Host-session".into(), planted.clone());
    victim
        .login("fix@example.org", PASSWORD)
        .await
        .assert_status(303);
    assert_ne!(victim.session_cookie().unwrap(), planted);
    // An invented id is never accepted.
    let forger = t.browser();
    forger
        .cookies
        .lock()
        .unwrap()
        .insert("__Host-session".into(), "A".repeat(43));
    forger.get("/account").await.assert_status(303);
}

#[tokio::test]
async fn idle_and_absolute_timeouts_for_applicants_and_officers() {
    let t = TestApp::spawn().await;
    t.create_user("idle@example.org", Role::Applicant).await;
    let b = t.browser();
    b.login("idle@example.org", PASSWORD)
        .await
        .assert_status(303);
    // The page warns before the idle timeout and says when the session ends.
    let page = b.get("/account").await;
    page.assert_contains("id=\"timeout-warning\"")
        .assert_contains("data-warn-seconds=\"300\"")
        .assert_contains("Stay signed in");
    t.advance(SignedDuration::from_mins(59));
    b.get("/account").await.assert_status(200);
    // Activity extends the idle timeout...
    t.advance(SignedDuration::from_mins(59));
    b.get("/account").await.assert_status(200);
    // ...but not beyond 1 hour of inactivity.
    t.advance(SignedDuration::from_mins(61));
    let r = b.get("/account").await;
    r.assert_status(303);
    assert!(r.location().contains("expired=1"), "{}", r.location());
    let login = b.get(&r.location()).await;
    login.assert_contains("Your session has ended");

    // Absolute: 24 hours even with activity.
    b.login("idle@example.org", PASSWORD)
        .await
        .assert_status(303);
    for _ in 0..26 {
        t.advance(SignedDuration::from_mins(55));
        b.get("/account").await.assert_status(200);
    }
    // 23 h 50 min so far; 15 more minutes pass 24 h.
    t.advance(SignedDuration::from_mins(15));
    assert_eq!(
        b.get("/account").await.status,
        303,
        "ended after 24 h in all"
    );

    // Officers: 15 minutes idle.
    let officer = t.officer().await;
    officer
        .get("/officer/verifications")
        .await
        .assert_status(200)
        .assert_contains("data-warn-seconds=\"120\"");
    t.advance(SignedDuration::from_mins(16));
    officer
        .get("/officer/verifications")
        .await
        .assert_status(303);
}

#[tokio::test]
async fn login_does_not_reveal_whether_an_account_exists() {
    let t = TestApp::spawn().await;
    t.create_user("real@example.org", Role::Applicant).await;
    let b = t.browser();
    let wrong = b.login("real@example.org", "not the right password").await;
    let missing = b.login("ghost@example.org", "not the right password").await;
    wrong.assert_status(422);
    assert_eq!(wrong.status, missing.status);
    let strip = |s: &str| {
        s.replace("real@example.org", "")
            .replace("ghost@example.org", "")
    };
    let (w, m) = (strip(&wrong.body), strip(&missing.body));
    let csrf_w = extract_csrf(&w).unwrap();
    let csrf_m = extract_csrf(&m).unwrap();
    assert_eq!(w.replace(&csrf_w, ""), m.replace(&csrf_m, ""));
}

#[tokio::test]
async fn unknown_accounts_take_as_long_as_wrong_passwords() {
    let t = TestApp::spawn().await;
    t.create_user("timing@example.org", Role::Applicant).await;
    let b = t.browser();
    let mut known = vec![];
    let mut unknown = vec![];
    for i in 0..4 {
        let start = std::time::Instant::now();
        b.login("timing@example.org", &format!("wrong password number {i}"))
            .await;
        known.push(start.elapsed());
        let start = std::time::Instant::now();
        b.login(&format!("nobody{i}@example.org"), "wrong password again")
            .await;
        unknown.push(start.elapsed());
    }
    known.sort();
    unknown.sort();
    // Both do one Argon2id verification: medians within a factor of 3 (no hash at all
    // would be ~100× faster).
    let (k, u) = (known[2].as_secs_f64(), unknown[2].as_secs_f64());
    assert!(
        u > k / 3.0 && u < k * 3.0,
        "known {k:.4}s vs unknown {u:.4}s"
    );
}

#[tokio::test]
async fn failed_logins_are_throttled_per_account_and_per_address() {
    let t = TestApp::spawn().await;
    t.create_user("victim@example.org", Role::Applicant).await;
    let b = t.browser();
    for _ in 0..5 {
        b.login("victim@example.org", "guessing the password")
            .await
            .assert_status(422);
    }
    // Sixth attempt within the delay: refused before checking the password, even a right one.
    let r = b.login("victim@example.org", PASSWORD).await;
    r.assert_status(429)
        .assert_contains("Too many failed attempts");
    assert!(!r.header("retry-after").is_empty());
    // The same for an address nobody registered (no enumeration through throttling).
    for _ in 0..5 {
        b.login("nobody@example.org", "guessing the password").await;
    }
    b.login("nobody@example.org", "guessing the password")
        .await
        .assert_status(429);
    // After the delay the right password works and clears the counter.
    t.advance(SignedDuration::from_secs(2));
    b.login("victim@example.org", PASSWORD)
        .await
        .assert_status(303);

    // Per address: many accounts from one address slow down too.
    let spray = t.browser();
    t.advance(SignedDuration::from_mins(30));
    let mut statuses = vec![];
    for i in 0..25 {
        statuses.push(
            spray
                .login(&format!("user{i}@example.org"), "spray password 1")
                .await
                .status,
        );
    }
    assert!(statuses.contains(&429), "{statuses:?}");
}

#[tokio::test]
async fn password_locks_after_100_consecutive_failures_and_reset_unlocks() {
    let t = TestApp::spawn().await;
    t.create_user("lock@example.org", Role::Applicant).await;
    let accounts = &t.app().accounts;
    let actor = eforeigner::domain::Actor {
        account_id: None,
        ip: "10.0.0.1".into(),
        user_agent: "test".into(),
    };
    for i in 0..100 {
        // Move past every throttling delay so each attempt is really checked.
        t.advance(SignedDuration::from_mins(16));
        let e = accounts
            .login("lock@example.org", &format!("wrong guess {i}"), &actor)
            .await
            .unwrap_err();
        assert!(
            matches!(e, eforeigner::domain::DomainError::InvalidCredentials),
            "{e:?}"
        );
    }
    t.advance(SignedDuration::from_mins(16));
    let e = accounts
        .login("lock@example.org", PASSWORD, &actor)
        .await
        .unwrap_err();
    assert!(
        matches!(e, eforeigner::domain::DomainError::Locked),
        "{e:?}"
    );
    let mail = t.mail("lock@example.org", "locked").await;
    let b = t.browser();
    let csrf = b.csrf("/password/forgot").await;
    b.post_form(
        "/password/forgot",
        &[("csrf_token", &csrf), ("email", "lock@example.org")],
    )
    .await;
    let link = t
        .mail("lock@example.org", "Set a new password")
        .await
        .link("/password/reset");
    assert!(mail.body().contains("/password/forgot"));
    let page = b.get(&link).await;
    let token = hidden(&page.body, "token").unwrap();
    let csrf = extract_csrf(&page.body).unwrap();
    b.post_form(
        "/password/reset",
        &[
            ("csrf_token", &csrf),
            ("token", &token),
            ("password", "fresh start with new words"),
        ],
    )
    .await
    .assert_status(200);
    b.login("lock@example.org", "fresh start with new words")
        .await
        .assert_status(303);
}

#[tokio::test]
async fn audit_log_records_authentication_and_decisions_and_is_tamper_evident() {
    use eforeigner::store::AuditRepo;
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "audit@example.org").await;
    b.login("audit@example.org", "a wrong password here").await;
    let entries = t.app().store.audit_entries(100).await.unwrap();
    let actions: Vec<&str> = entries.iter().map(|e| e.action.as_str()).collect();
    for a in [
        "account.registered",
        "email.confirmed",
        "login.succeeded",
        "login.failed",
        "verification.approved",
        "personal_data.viewed",
    ] {
        assert!(actions.contains(&a), "{a} missing in {actions:?}");
    }
    let approval = entries
        .iter()
        .find(|e| e.action == "verification.approved")
        .unwrap();
    assert!(approval.actor_id.is_some() && approval.subject_id.is_some() && approval.ip.is_some());
    for e in &entries {
        assert!(!e.details.contains(PASSWORD), "no secrets in the audit log");
    }
    assert_eq!(
        t.app().store.verify_audit_chain().await.unwrap(),
        Ok(entries.len() as i64)
    );
    // The database refuses to change history.
    let url = t.app().config.effective_database_url();
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    assert!(
        sqlx::query("UPDATE audit_log SET action = 'x'")
            .execute(&pool)
            .await
            .is_err()
    );
    assert!(
        sqlx::query("DELETE FROM audit_log")
            .execute(&pool)
            .await
            .is_err()
    );
}

/// Issue 14 B8: `next` is followed only to a path of this site, and a `next` that cannot
/// stand in a header never turns a successful login (or a language switch, or a session
/// extension) into a 500.
#[tokio::test]
async fn redirect_targets_stay_on_the_site_and_never_fail() {
    let t = TestApp::spawn().await;
    t.create_user("next@example.org", Role::Applicant).await;
    let hostile = [
        "/\t/evil.example",
        "/\\evil.example",
        "//evil.example",
        "/a\r\nSet-Cookie: x=1",
        "/a\nb",
        "/a\u{b}b",
        "https://evil.example/",
    ];
    for next in hostile {
        let b = t.browser();
        let csrf = b.csrf("/login/password").await;
        let r = b
            .post_form(
                "/login/password",
                &[
                    ("email", "next@example.org"),
                    ("password", PASSWORD),
                    ("csrf_token", &csrf),
                    ("next", next),
                ],
            )
            .await;
        r.assert_status(303);
        assert_eq!(r.location(), "/account", "login with next={next:?}");
        assert!(b.session_cookie().is_some());
        let csrf = b.csrf("/account").await;
        let r = b
            .post_form(
                "/language",
                &[("csrf_token", &csrf), ("lang", "en"), ("next", next)],
            )
            .await;
        r.assert_status(303);
        assert_eq!(r.location(), "/account", "language with next={next:?}");
        let r = b
            .post_form("/session/extend", &[("csrf_token", &csrf), ("next", next)])
            .await;
        r.assert_status(303);
        assert_eq!(r.location(), "/account", "extend with next={next:?}");
    }
    // A path of the site is followed, with its query.
    let b = t.browser();
    let csrf = b.csrf("/login/password").await;
    let r = b
        .post_form(
            "/login/password",
            &[
                ("email", "next@example.org"),
                ("password", PASSWORD),
                ("csrf_token", &csrf),
                ("next", "/residence/fees?municipality=016"),
            ],
        )
        .await;
    assert_eq!(r.location(), "/residence/fees?municipality=016");
}

/// Issue 14 D: pages, styles and scripts are compressed for clients that take it (PDFs and
/// images are not), and there is an icon.
#[tokio::test]
async fn pages_are_compressed_and_there_is_an_icon() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    for path in ["/", "/static/app.css", "/static/app.js", "/residence/bases"] {
        let r = b.get_with(path, &[("accept-encoding", "br, gzip")]).await;
        r.assert_status(200);
        assert_eq!(r.header("content-encoding"), "br", "{path}");
        let r = b.get_with(path, &[("accept-encoding", "gzip")]).await;
        assert_eq!(r.header("content-encoding"), "gzip", "{path}");
    }
    let plain = b.get("/").await;
    assert_eq!(plain.header("content-encoding"), "");
    let icon = b.get("/favicon.ico").await;
    icon.assert_status(200);
    assert_eq!(icon.header("content-type"), "image/x-icon");
    let svg = b.get("/static/favicon.svg").await;
    svg.assert_status(200);
    b.get("/").await.assert_contains("rel=\"icon\"");
}
