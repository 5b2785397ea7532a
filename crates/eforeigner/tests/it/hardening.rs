//! Issue 14 B: what an outside probe broke (memory, disk, throttling, mail flooding, crash
//! leftovers, sessions and tokens), each with a test that fails without its fix.

use std::time::Duration;

use eforeigner::domain::Role;
use eforeigner::store::{AuditRepo, UploadRepo};
use jiff::SignedDuration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::support::*;

/// The portal's own binary, started as an operator would (SQLite in a fresh data
/// directory), on a free port.
struct Served {
    child: std::process::Child,
    addr: String,
    _dir: tempfile::TempDir,
}

impl Served {
    async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let addr = format!("127.0.0.1:{port}");
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_eforeigner"))
            .arg("serve")
            .env("EFOREIGNER_DATA_DIR", dir.path())
            .env("EFOREIGNER_BIND", &addr)
            .env_remove("EFOREIGNER_DATABASE_URL")
            .env_remove("EFOREIGNER_SMTP_URL")
            .env("RUST_LOG", "warn")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let served = Self {
            child,
            addr,
            _dir: dir,
        };
        for _ in 0..300 {
            if tokio::net::TcpStream::connect(&served.addr).await.is_ok() {
                return served;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the portal did not start on {}", served.addr);
    }

    fn files(&self) -> std::path::PathBuf {
        self._dir.path().join("files")
    }

    /// A status line of `/proc/<pid>/status` in kB (`VmRSS`, `VmHWM`).
    fn memory_kb(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{field}:")))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap()
    }

    /// Sends `head` then `body` on a new connection (write errors ignored: the server may
    /// answer and close before the body is all sent) and returns the whole response.
    async fn raw(&self, head: String, body: Vec<u8>) -> String {
        let mut s = tokio::net::TcpStream::connect(&self.addr).await.unwrap();
        let (mut r, mut w) = s.split();
        let send = async {
            let _ = w.write_all(head.as_bytes()).await;
            let _ = w.write_all(&body).await;
        };
        let receive = async {
            let mut out = Vec::new();
            let _ = tokio::time::timeout(Duration::from_secs(60), r.read_to_end(&mut out)).await;
            out
        };
        let ((), out) = tokio::join!(send, receive);
        String::from_utf8_lossy(&out).into_owned()
    }

    fn kill(mut self) -> tempfile::TempDir {
        let _ = self.child.kill();
        let _ = self.child.wait();
        std::mem::replace(&mut self._dir, tempfile::tempdir().unwrap())
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// B1: a body of 140,000 tiny file parts (≈10 MB, under the body limit) reserved a 5 MB
/// buffer per part: one request reached 1.5 GB and six aborted the process. Now the parts
/// are counted and refused past a bound, with a short answer, and memory stays low.
#[tokio::test]
async fn a_flood_of_tiny_parts_gets_a_short_refusal_and_memory_stays_low() {
    let served = Served::start().await;
    let part =
        b"--B\r\nContent-Disposition: form-data; name=\"documents\"; filename=\"a\"\r\n\r\nX\r\n";
    let mut body = Vec::with_capacity(part.len() * 140_000 + 8);
    for _ in 0..140_000 {
        body.extend_from_slice(part);
    }
    body.extend_from_slice(b"--B--\r\n");
    let head = |path: &str| {
        format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            served.addr,
            body.len()
        )
    };
    // Six at once. The server answers as soon as the parts pass the bound and closes
    // without reading the rest, so a client still sending may see the connection reset
    // before it reads the answer: the answer itself is checked below with a body sent
    // whole.
    let mut requests = vec![];
    for i in 0..6 {
        let path = if i % 2 == 0 {
            "/api/v1/registrations"
        } else {
            "/register"
        };
        requests.push(served.raw(head(path), body.clone()));
    }
    for a in futures::future::join_all(requests).await {
        assert!(a.len() < 40_000, "a short answer, not {} bytes", a.len());
        if let Some(status) = a.split_whitespace().nth(1) {
            assert!(
                status == "413" || status == "403",
                "{}",
                &a[..a.len().min(300)]
            );
        }
    }
    // A body just past the bound, sent whole: a short refusal, in JSON from the API.
    let mut small = Vec::new();
    for _ in 0..101 {
        small.extend_from_slice(part);
    }
    small.extend_from_slice(b"--B--\r\n");
    let small_head = |path: &str| {
        format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; boundary=B\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            served.addr,
            small.len()
        )
    };
    let api = served
        .raw(small_head("/api/v1/registrations"), small.clone())
        .await;
    assert!(api.starts_with("HTTP/1.1 413"), "{api}");
    assert!(api.contains("\"code\":\"too_large\""), "{api}");
    assert!(api.len() < 2_000, "{} bytes", api.len());
    let peak_mb = served.memory_kb("VmHWM") / 1024;
    assert!(peak_mb < 200, "peak resident memory {peak_mb} MB");
    // Still answering.
    let ok = served
        .raw(
            format!(
                "GET /healthz HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                served.addr
            ),
            vec![],
        )
        .await;
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    // Nothing of it was kept on disk.
    let kept = walk(&served.files());
    assert!(kept.is_empty(), "{kept:?}");
}

/// Every file under `dir`, recursively.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// B9: a `kill -9` while a 5 MB upload is being written left the file with no record,
/// through a restart, for ever. Files that no record names are swept after a grace period.
#[tokio::test]
async fn a_file_left_by_a_kill_mid_upload_is_swept_after_the_grace_period() {
    let served = Served::start().await;
    // A registration form (its token and cookie), then 5 MB sent slowly.
    let page = served
        .raw(
            format!(
                "GET /register HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                served.addr
            ),
            vec![],
        )
        .await;
    let cookie = page
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: "))
        .and_then(|c| c.split(';').next())
        .unwrap()
        .to_string();
    let csrf = extract_csrf(&page).unwrap();
    let mut s = tokio::net::TcpStream::connect(&served.addr).await.unwrap();
    let head = format!(
        "POST /register HTTP/1.1\r\nHost: {}\r\nCookie: {cookie}\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: 5300000\r\n\r\n--XX\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{csrf}\r\n--XX\r\nContent-Disposition: form-data; name=\"documents\"; filename=\"passport.pdf\"\r\n\r\n%PDF-1.4\n",
        served.addr
    );
    s.write_all(head.as_bytes()).await.unwrap();
    s.write_all(&vec![b'a'; 2_000_000]).await.unwrap();
    s.flush().await.unwrap();
    // Once part of the file is on disk, the process is killed (SIGKILL: nothing runs).
    let files = served.files();
    for _ in 0..200 {
        if !walk(&files).is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let dir = served.kill();
    let left = walk(&dir.path().join("files"));
    assert_eq!(left.len(), 1, "the half-written file is there: {left:?}");

    // Restarted on the same data; an hour later the sweep removes it.
    let config =
        eforeigner::Config::local("127.0.0.1:0".parse().unwrap(), dir.path().to_path_buf());
    let clock = eforeigner::domain::ManualClock::new(jiff::Timestamp::now());
    let app = eforeigner::App::build(config, std::sync::Arc::new(clock.clone()))
        .await
        .unwrap();
    let report = app.sweeper.sweep().await.unwrap();
    assert_eq!(report.unreferenced_files, 0, "not within the grace period");
    assert_eq!(walk(&dir.path().join("files")).len(), 1);
    clock.advance(SignedDuration::from_mins(61));
    let report = app.sweeper.sweep().await.unwrap();
    assert_eq!(report.unreferenced_files, 1);
    assert!(walk(&dir.path().join("files")).is_empty());
    let audit = app.store.audit_entries(5).await.unwrap();
    assert!(audit.iter().any(|e| e.action == "files.swept"));
}

/// B2: the files of a registration form that was never completed stayed for ever (and the
/// API never told the draft token, so they could not even be used). They go after a day,
/// and one client address can send only so many registration forms.
#[tokio::test]
async fn registration_drafts_are_swept_and_registrations_per_address_are_limited() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let csrf = b.csrf("/register").await;
    let mut fields = registration_fields("draft@example.org");
    fields.retain(|(k, _)| k != "surname");
    fields.push(("csrf_token".into(), csrf));
    b.post_multipart("/register", &fields, &[("documents", "a.png", png())])
        .await
        .assert_status(422);
    let drafts = |t: &TestApp| {
        let app = t.app().clone();
        async move {
            let keys = walk(&app.config.data_dir.join("files/uploads"));
            keys.len()
        }
    };
    assert_eq!(drafts(&t).await, 1);
    // Still there the next morning; gone after a day.
    t.advance(SignedDuration::from_hours(23));
    t.app().sweeper.sweep().await.unwrap();
    assert_eq!(drafts(&t).await, 1);
    t.advance(SignedDuration::from_hours(2));
    // (The worker's own hourly sweep may get there first: the file is gone either way.)
    t.app().sweeper.sweep().await.unwrap();
    assert_eq!(drafts(&t).await, 0);
    let audit = t.app().store.audit_entries(50).await.unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.action == "files.swept"
                && e.details.contains("\"registration_draft_files\":1"))
    );

    // At most 20 registration forms an hour from one address; the 21st is refused with
    // the time to wait, and keeps nothing.
    for i in 0..20 {
        let b = t.browser();
        let csrf = b.csrf("/register").await;
        let mut fields = registration_fields(&format!("r{i}@example.org"));
        fields.retain(|(k, _)| k != "surname");
        fields.push(("csrf_token".into(), csrf));
        b.post_multipart("/register", &fields, &[])
            .await
            .assert_status(422);
    }
    let b = t.browser();
    let csrf = b.csrf("/register").await;
    let mut fields = registration_fields("late@example.org");
    fields.push(("csrf_token".into(), csrf));
    let r = b
        .post_multipart("/register", &fields, &[("documents", "b.png", png())])
        .await;
    r.assert_status(429)
        .assert_contains("Too many requests from your connection");
    assert_eq!(drafts(&t).await, 0, "the refused form's file is not kept");
    assert!(
        t.app()
            .accounts
            .find_by_email("late@example.org")
            .await
            .unwrap()
            .is_none()
    );
    // The API says the same.
    let r = b
        .post_multipart("/api/v1/registrations", &fields, &[])
        .await;
    r.assert_status(429);
    // An hour later the address may register again.
    t.advance(SignedDuration::from_mins(61));
    let csrf = b.csrf("/register").await;
    let mut fields = registration_fields("late@example.org");
    fields.push(("csrf_token".into(), csrf));
    b.post_multipart("/register", &fields, &[("documents", "b.png", png())])
        .await
        .assert_status(303);
}

/// B3: 40 wrong passwords sent at once for one account were all checked (29 on
/// PostgreSQL), where 5 should be; and the failure count lost updates.
#[tokio::test]
async fn concurrent_wrong_passwords_are_checked_only_as_far_as_the_throttle_allows() {
    let t = TestApp::spawn().await;
    t.create_user("race@example.org", Role::Applicant).await;
    let mut attempts = vec![];
    for i in 0..40 {
        let b = t.browser();
        attempts.push(async move {
            let csrf = b.csrf("/login/password").await;
            b.post_form(
                "/login/password",
                &[
                    ("email", "race@example.org"),
                    ("password", &format!("wrong guess number {i}")),
                    ("csrf_token", &csrf),
                ],
            )
            .await
            .status
        });
    }
    let statuses = futures::future::join_all(attempts).await;
    let checked = statuses.iter().filter(|s| **s == 422).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert_eq!((checked, throttled), (5, 35), "{statuses:?}");
    assert_eq!(t.account("race@example.org").await.failed_logins, 5);
}

/// B4: one successful login (to the attacker's own account) reset the client address's
/// count of failures against all others: unlimited spraying, 19 at a time.
#[tokio::test]
async fn a_successful_login_does_not_reset_the_failures_of_the_address() {
    let t = TestApp::spawn().await;
    t.create_user("mine@example.org", Role::Applicant).await;
    let attempt = |email: String, password: String| {
        let b = t.browser();
        async move {
            let csrf = b.csrf("/login/password").await;
            b.post_form(
                "/login/password",
                &[
                    ("email", &email),
                    ("password", &password),
                    ("csrf_token", &csrf),
                ],
            )
            .await
            .status
        }
    };
    for i in 0..19 {
        assert_eq!(
            attempt(format!("victim{i}@example.org"), "guess-guess-guess".into()).await,
            422
        );
    }
    assert_eq!(
        attempt("mine@example.org".into(), PASSWORD.into()).await,
        303
    );
    // One more failure is free (the 20th); the next must wait.
    assert_eq!(
        attempt("victim20@example.org".into(), "guess-guess-guess".into()).await,
        422
    );
    assert_eq!(
        attempt("victim21@example.org".into(), "guess-guess-guess".into()).await,
        429
    );
}

/// B5: the current password asked before a change of password or e-mail could be guessed
/// 70 times a second with a stolen session, uncounted.
#[tokio::test]
async fn the_current_password_asked_again_is_throttled_and_counted() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.create_user("stolen@example.org", Role::Applicant).await;
    b.login("stolen@example.org", PASSWORD)
        .await
        .assert_status(303);
    let mut last = None;
    for i in 0..6 {
        let csrf = b.csrf("/account/password").await;
        let r = b
            .post_form(
                "/account/password",
                &[
                    ("csrf_token", &csrf),
                    ("current_password", &format!("guess number {i} here")),
                    ("new_password", "a brand new passphrase for me"),
                ],
            )
            .await;
        r.assert_status(422);
        last = Some(r);
    }
    last.unwrap().assert_contains("Too many failed attempts");
    assert_eq!(t.account("stolen@example.org").await.failed_logins, 5);
    // The e-mail change asks through the same throttle.
    let csrf = b.csrf("/account/email").await;
    b.post_form(
        "/account/email",
        &[
            ("csrf_token", &csrf),
            ("password", PASSWORD),
            ("new_email", "thief@example.org"),
        ],
    )
    .await
    .assert_status(422)
    .assert_contains("Too many failed attempts");
}

/// B6: no limit on reset, resend and "someone tried to register" mails: 300 reached one
/// address in seconds. Each kind goes at most 3 times an hour to one address, and one
/// client address may ask 30 times an hour; the answer to the form never changes.
#[tokio::test]
async fn mails_to_one_address_are_limited_and_the_answer_stays_the_same() {
    let t = TestApp::spawn().await;
    t.create_user("flood@example.org", Role::Applicant).await;
    for _ in 0..8 {
        let b = t.browser();
        let csrf = b.csrf("/password/forgot").await;
        b.post_form(
            "/password/forgot",
            &[("csrf_token", &csrf), ("email", "flood@example.org")],
        )
        .await
        .assert_status(200)
        .assert_contains("If an account with this address exists");
    }
    // Someone registering with the address again and again.
    for _ in 0..5 {
        let b = t.browser();
        t.register(&b, "flood@example.org").await.assert_status(303);
    }
    t.flush_mail().await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    t.flush_mail().await;
    let count = |subject: &str| {
        t.smtp
            .to("flood@example.org")
            .iter()
            .filter(|m| m.subject().contains(subject))
            .count()
    };
    assert_eq!(count("Set a new password"), 3);
    assert_eq!(count("Someone tried to register"), 3);
    // An hour later, one more may go.
    t.advance(SignedDuration::from_mins(61));
    let b = t.browser();
    let csrf = b.csrf("/password/forgot").await;
    b.post_form(
        "/password/forgot",
        &[("csrf_token", &csrf), ("email", "flood@example.org")],
    )
    .await
    .assert_status(200);
    for _ in 0..100 {
        t.flush_mail().await;
        if count("Set a new password") == 4 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(count("Set a new password"), 4);
    // One client asking for many addresses: 30 an hour, then the form says to wait.
    let mut last = 0;
    for i in 0..31 {
        let b = t.browser();
        let csrf = b.csrf("/confirm-email/resend").await;
        last = b
            .post_form(
                "/confirm-email/resend",
                &[
                    ("csrf_token", &csrf),
                    ("email", &format!("n{i}@example.org")),
                ],
            )
            .await
            .status;
    }
    assert_eq!(last, 429);
}

/// B11: signing in as another person in the same browser ended nobody's session, and a
/// form token stayed good across logins. Now a login ends the session before it and both
/// a login and a logout renew the form token's cookie.
#[tokio::test]
async fn a_login_ends_the_session_before_it_and_renews_the_form_token() {
    let t = TestApp::spawn().await;
    t.create_user("first@example.org", Role::Applicant).await;
    t.create_user("second@example.org", Role::Applicant).await;
    let b = t.browser();
    b.login("first@example.org", PASSWORD)
        .await
        .assert_status(303);
    let first = t.account("first@example.org").await;
    let old_token = b.csrf("/account/details").await;
    b.login("second@example.org", PASSWORD)
        .await
        .assert_status(303);
    let open = t.app().accounts.sessions(&first).await.unwrap();
    assert!(
        open.is_empty(),
        "the first person's session ended: {open:?}"
    );
    // A token of before the login is refused (the form comes back, values kept).
    b.post_form(
        "/account/details",
        &[
            ("csrf_token", &old_token),
            ("phone", "+381 11 222 3333"),
            ("language", "en"),
        ],
    )
    .await
    .assert_status(422)
    .assert_contains("The form expired");
    // After a logout, too.
    let token = b.csrf("/account/details").await;
    let logout = b.csrf("/account").await;
    b.post_form("/logout", &[("csrf_token", &logout)])
        .await
        .assert_status(200);
    b.login("second@example.org", PASSWORD)
        .await
        .assert_status(303);
    b.post_form(
        "/account/details",
        &[
            ("csrf_token", &token),
            ("phone", "+381 11 222 3333"),
            ("language", "en"),
        ],
    )
    .await
    .assert_status(422);
}

/// B11: `/metrics` was public. It is served to this machine only (no proxy in between), or
/// to whoever carries the configured token.
#[tokio::test]
async fn metrics_are_for_the_operator_only() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    b.get("/metrics").await.assert_status(200);
    b.get_with("/metrics", &[("x-forwarded-for", "203.0.113.7")])
        .await
        .assert_status(404);
    // With a token configured, only the token opens it.
    let mut config = (*t.app().config).clone();
    config.metrics_token = Some("scrape-secret-1".into());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    config.bind = listener.local_addr().unwrap();
    let app = eforeigner::App::build(config, std::sync::Arc::new(t.clock.clone()))
        .await
        .unwrap();
    let running = app.serve(listener).await.unwrap();
    let other = Browser::new(&running.url());
    other.get("/metrics").await.assert_status(404);
    other
        .get_with("/metrics", &[("authorization", "Bearer wrong")])
        .await
        .assert_status(404);
    other
        .get_with("/metrics", &[("authorization", "Bearer scrape-secret-1")])
        .await
        .assert_status(200)
        .assert_contains("http_requests");
    running.stop().await;
}

/// Issue 14 F: behind a reverse proxy, `X-Forwarded-For` is believed only from the
/// configured proxies; from anyone else it is the client's own word and ignored.
#[tokio::test]
async fn forwarded_addresses_count_only_from_trusted_proxies() {
    let t = TestApp::spawn().await;
    t.create_user("proxied@example.org", Role::Applicant).await;
    let login = |b: Browser| async move {
        let csrf = b.csrf("/login/password").await;
        b.post_form_with(
            "/login/password",
            &[
                ("email", "proxied@example.org"),
                ("password", PASSWORD),
                ("csrf_token", &csrf),
            ],
            &[("x-forwarded-for", "198.51.100.23")],
        )
        .await
        .assert_status(303);
    };
    login(t.browser()).await;
    let account = t.account("proxied@example.org").await;
    let ips: Vec<String> = t
        .app()
        .accounts
        .sign_ins(&account)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.ip)
        .collect();
    assert_eq!(ips, ["127.0.0.1"], "not believed from an untrusted peer");

    let mut config = (*t.app().config).clone();
    config.trusted_proxies = eforeigner::web::config::parse_proxies("127.0.0.0/8").unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    config.bind = listener.local_addr().unwrap();
    let app = eforeigner::App::build(config, std::sync::Arc::new(t.clock.clone()))
        .await
        .unwrap();
    let running = app.serve(listener).await.unwrap();
    t.advance(SignedDuration::from_secs(1));
    login(Browser::new(&running.url())).await;
    let ips: Vec<String> = t
        .app()
        .accounts
        .sign_ins(&account)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.ip)
        .collect();
    assert_eq!(
        ips[0], "198.51.100.23",
        "believed from the trusted proxy: {ips:?}"
    );
    running.stop().await;
}

/// The upload records of registration drafts are what the sweep goes by: a kept file of
/// a completed registration (the account's) is never swept.
#[tokio::test]
async fn an_accounts_documents_are_never_swept() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.register(&b, "kept@example.org").await.assert_status(303);
    let account = t.account("kept@example.org").await;
    t.advance(SignedDuration::from_hours(48));
    let report = t.app().sweeper.sweep().await.unwrap();
    assert_eq!(report.draft_files + report.unreferenced_files, 0);
    let docs = t
        .app()
        .store
        .uploads_of(&eforeigner::domain::OwnerKey::Account(account.id.clone()))
        .await
        .unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(
        walk(&t.app().config.data_dir.join("files/uploads")).len(),
        1
    );
}
