//! Test support: an application on port 0 with its own database (a SQLite file, or a fresh
//! PostgreSQL database when `EFOREIGNER_TEST_DATABASE_URL` is set), a manual clock, a real
//! SMTP sink on a local port that the app's mailer talks to over TCP, and a small browser
//! that keeps cookies and reads CSRF tokens from pages.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use eforeigner::domain::{Account, ManualClock, Role};
use eforeigner::{App, Config, RunningApp};
use jiff::SignedDuration;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A message received by the SMTP sink.
#[derive(Clone, Debug)]
pub struct Mail {
    pub to: Vec<String>,
    pub data: String,
}

impl Mail {
    pub fn subject(&self) -> String {
        // Unfold the header (continuation lines start with white space), then decode.
        let head = self.data.split("\r\n\r\n").next().unwrap_or("");
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded
            .lines()
            .find_map(|l| l.strip_prefix("Subject: "))
            .map(decode_header)
            .unwrap_or_default()
    }

    /// The body, with quoted-printable soft breaks and escapes undone.
    pub fn body(&self) -> String {
        let body = self
            .data
            .split("\r\n\r\n")
            .skip(1)
            .collect::<Vec<_>>()
            .join("\r\n\r\n");
        if self.data.contains("quoted-printable") {
            decode_qp(&body)
        } else if self.data.contains("Content-Transfer-Encoding: base64") {
            use base64::Engine;
            let joined: String = body.split_whitespace().collect();
            String::from_utf8(
                base64::engine::general_purpose::STANDARD
                    .decode(joined)
                    .unwrap_or_default(),
            )
            .unwrap_or_default()
        } else {
            body
        }
    }

    /// The first link in the body that contains `path`.
    pub fn link(&self, path: &str) -> String {
        let body = self.body();
        body.split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(path))
            .unwrap_or_else(|| panic!("no link with {path} in mail:\n{body}"))
            .to_string()
    }
}

fn decode_qp(s: &str) -> String {
    let s = s.replace("=\r\n", "").replace("=\n", "");
    let bytes = s.as_bytes();
    let mut out = vec![];
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).replace("\r\n", "\n")
}

fn decode_header(h: &str) -> String {
    // RFC 2047 encoded words (=?utf-8?b?…?=), possibly several; bytes are joined before
    // UTF-8 decoding because a character may be split between words.
    use base64::Engine;
    if !h.contains("=?") {
        return h.to_string();
    }
    let mut bytes = vec![];
    for word in h.split_whitespace() {
        let lower = word.to_ascii_lowercase();
        if let Some(rest) = lower.strip_prefix("=?utf-8?b?") {
            let payload = &word[word.len() - rest.len()..];
            let payload = payload.trim_end_matches("?=");
            bytes.extend(
                base64::engine::general_purpose::STANDARD
                    .decode(payload)
                    .unwrap_or_default(),
            );
        } else if let Some(rest) = lower.strip_prefix("=?utf-8?q?") {
            let payload = &word[word.len() - rest.len()..];
            bytes.extend(decode_qp(&payload.trim_end_matches("?=").replace('_', " ")).into_bytes());
        } else {
            bytes.extend(word.as_bytes());
        }
    }
    String::from_utf8_lossy(&bytes).to_string()
}

/// A minimal but real SMTP server (RFC 5321 subset) that keeps every message.
#[derive(Clone)]
pub struct SmtpSink {
    pub port: u16,
    pub mails: Arc<Mutex<Vec<Mail>>>,
}

impl SmtpSink {
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let mails = Arc::new(Mutex::new(vec![]));
        let store = mails.clone();
        tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let store = store.clone();
                tokio::spawn(async move {
                    let (r, mut w) = socket.into_split();
                    let mut r = BufReader::new(r);
                    let _ = w.write_all(b"220 sink ESMTP\r\n").await;
                    let mut to = vec![];
                    let mut line = String::new();
                    loop {
                        line.clear();
                        if r.read_line(&mut line).await.unwrap_or(0) == 0 {
                            break;
                        }
                        let upper = line.to_ascii_uppercase();
                        if upper.starts_with("EHLO") {
                            let _ = w.write_all(b"250-sink\r\n250 8BITMIME\r\n").await;
                        } else if upper.starts_with("HELO")
                            || upper.starts_with("MAIL FROM")
                            || upper.starts_with("RSET")
                            || upper.starts_with("NOOP")
                        {
                            let _ = w.write_all(b"250 OK\r\n").await;
                        } else if upper.starts_with("RCPT TO") {
                            let addr = line.trim()[8..]
                                .trim()
                                .trim_start_matches('<')
                                .trim_end_matches('>')
                                .to_string();
                            to.push(addr);
                            let _ = w.write_all(b"250 OK\r\n").await;
                        } else if upper.starts_with("DATA") {
                            let _ = w.write_all(b"354 go ahead\r\n").await;
                            let mut data = String::new();
                            loop {
                                line.clear();
                                if r.read_line(&mut line).await.unwrap_or(0) == 0 || line == ".\r\n"
                                {
                                    break;
                                }
                                data.push_str(
                                    line.strip_prefix('.')
                                        .filter(|_| line.starts_with(".."))
                                        .unwrap_or(&line),
                                );
                            }
                            store.lock().unwrap().push(Mail {
                                to: std::mem::take(&mut to),
                                data,
                            });
                            let _ = w.write_all(b"250 queued\r\n").await;
                        } else if upper.starts_with("QUIT") {
                            let _ = w.write_all(b"221 bye\r\n").await;
                            break;
                        } else {
                            let _ = w.write_all(b"502 not implemented\r\n").await;
                        }
                    }
                });
            }
        });
        Self { port, mails }
    }

    pub fn all(&self) -> Vec<Mail> {
        self.mails.lock().unwrap().clone()
    }

    pub fn to(&self, addr: &str) -> Vec<Mail> {
        self.all()
            .into_iter()
            .filter(|m| m.to.iter().any(|t| t.eq_ignore_ascii_case(addr)))
            .collect()
    }
}

/// One application under test.
pub struct TestApp {
    pub running: RunningApp,
    pub clock: ManualClock,
    pub smtp: SmtpSink,
    pub base: String,
    _dir: tempfile::TempDir,
}

impl TestApp {
    /// The files kept in the local file store under `folder` (names, sorted), once no
    /// refused upload is still being cleaned up (waits up to 2 s for the count to settle at
    /// `expected`, then returns what is there).
    pub async fn stored_files(&self, folder: &str, expected: usize) -> Vec<String> {
        let dir = self._dir.path().join("files").join(folder);
        let mut names = vec![];
        for _ in 0..200 {
            names = std::fs::read_dir(&dir)
                .map(|d| {
                    d.flatten()
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .collect()
                })
                .unwrap_or_default();
            if names.len() == expected {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        names.sort();
        names
    }
}

pub const PASSWORD: &str = "correct horse battery staple";
pub const OFFICER_EMAIL: &str = "officer@test.example";

async fn database_url(dir: &std::path::Path) -> String {
    match std::env::var("EFOREIGNER_TEST_DATABASE_URL") {
        Ok(base) if !base.is_empty() => {
            use sqlx::Connection;
            let name = format!("eft_{}", uuid::Uuid::new_v4().simple());
            let mut conn = sqlx::postgres::PgConnection::connect(&base)
                .await
                .expect("PostgreSQL reachable");
            sqlx::Executor::execute(&mut conn, format!("CREATE DATABASE {name}").as_str())
                .await
                .unwrap();
            let (prefix, _) = base.rsplit_once('/').expect("URL with a database");
            format!("{prefix}/{name}")
        }
        _ => format!("sqlite://{}?mode=rwc", dir.join("test.sqlite3").display()),
    }
}

impl TestApp {
    pub async fn spawn() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let smtp = SmtpSink::start().await;
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let config = Config {
            database_url: Some(database_url(dir.path()).await),
            smtp_url: Some(format!("smtp://127.0.0.1:{}", smtp.port)),
            mail_from: "eForeigner <no-reply@test.example>".into(),
            ..Config::local(addr, dir.path().to_path_buf())
        };
        let clock = ManualClock::new(jiff::Timestamp::now());
        let app = App::build(config, Arc::new(clock.clone())).await.unwrap();
        let running = app.serve(listener).await.unwrap();
        let base = running.url();
        Self {
            running,
            clock,
            smtp,
            base,
            _dir: dir,
        }
    }

    pub fn app(&self) -> &App {
        &self.running.app
    }

    pub fn browser(&self) -> Browser {
        Browser::new(&self.base)
    }

    pub fn advance(&self, by: SignedDuration) {
        self.clock.advance(by);
    }

    /// Delivers queued mail now and waits for a message to `to` whose subject contains
    /// `subject`.
    pub async fn mail(&self, to: &str, subject: &str) -> Mail {
        for _ in 0..100 {
            self.app().worker.run_due().await.unwrap();
            if let Some(m) = self
                .smtp
                .to(to)
                .into_iter()
                .rev()
                .find(|m| m.subject().contains(subject))
            {
                return m;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "no mail to {to} with subject containing {subject:?}; have: {:?}",
            self.smtp
                .all()
                .iter()
                .map(|m| (m.to.clone(), m.subject()))
                .collect::<Vec<_>>()
        )
    }

    /// Delivers queued mail now.
    pub async fn flush_mail(&self) {
        self.app().worker.run_due().await.unwrap();
    }

    pub async fn create_user(&self, email: &str, role: Role) {
        self.app()
            .accounts
            .create_active_user(email, role, PASSWORD, "Test", "Person")
            .await
            .unwrap();
    }

    /// Registers an applicant through the page with a real PNG upload.
    pub async fn register(&self, b: &Browser, email: &str) -> Resp {
        let csrf = b.csrf("/register").await;
        let mut fields = registration_fields(email);
        fields.push(("csrf_token".into(), csrf));
        b.post_multipart(
            "/register",
            &fields,
            &[("documents", "passport.png", png())],
        )
        .await
    }

    /// Registers, confirms the e-mail and lets an officer approve: an active applicant,
    /// signed in with `b`.
    pub async fn active_applicant(&self, b: &Browser, email: &str) {
        self.register(b, email).await.assert_status(303);
        let link = self.mail(email, "Confirm").await.link("/confirm-email");
        b.confirm_link(&link).await;
        let officer = self.officer().await;
        let account = self.account(email).await;
        let csrf = officer
            .csrf(&format!("/officer/verifications/{}", account.id))
            .await;
        officer
            .post_form(
                &format!("/officer/verifications/{}/approve", account.id),
                &[("csrf_token", &csrf)],
            )
            .await
            .assert_status(303);
        b.login(email, PASSWORD).await.assert_status(303);
    }

    /// The account registered with `email` (it must exist).
    pub async fn account(&self, email: &str) -> Account {
        self.app()
            .accounts
            .find_by_email(email)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("no account {email}"))
    }

    /// Another connection that has written application `id` (its version bumped, no
    /// answer changed, as a payment or a save does) and holds the write open until
    /// [`release`] is called with it: whatever reads the application meanwhile and then
    /// writes it must wait, and then finds it changed.
    pub async fn hold_a_write_to(
        &self,
        id: &eforeigner::domain::ApplicationId,
    ) -> sqlx::AnyConnection {
        use sqlx::Connection;
        let url = self.app().config.database_url.clone().unwrap();
        let mut other = sqlx::AnyConnection::connect(&url).await.unwrap();
        sqlx::query("BEGIN").execute(&mut other).await.unwrap();
        sqlx::query("UPDATE applications SET version = version + 1 WHERE id = $1")
            .bind(id.as_str())
            .execute(&mut other)
            .await
            .unwrap();
        other
    }

    /// A signed-in verification officer (created on first use).
    pub async fn officer(&self) -> Browser {
        if self
            .app()
            .accounts
            .find_by_email(OFFICER_EMAIL)
            .await
            .unwrap()
            .is_none()
        {
            self.create_user(OFFICER_EMAIL, Role::VerificationOfficer)
                .await;
        }
        let b = self.browser();
        b.login(OFFICER_EMAIL, PASSWORD).await.assert_status(303);
        b
    }
}

pub fn registration_fields(email: &str) -> Vec<(String, String)> {
    [
        ("given_names", "Ana Marija"),
        ("surname", "Kovač"),
        ("date_of_birth", "1990-04-12"),
        ("sex", "female"),
        ("citizenship", "UA"),
        ("email", email),
        ("password", PASSWORD),
        ("phone", "+381 64 123 4567"),
        ("has_ebs", "no"),
        ("ebs", ""),
        ("id_doc_type", "passport"),
        ("id_doc_number", "FP123456"),
        ("id_doc_expiry", "2031-01-01"),
        ("consent", "on"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

/// Commits the write held by [`TestApp::hold_a_write_to`].
pub async fn release(mut held: sqlx::AnyConnection) {
    sqlx::query("COMMIT").execute(&mut held).await.unwrap();
}

/// A small valid PNG (1×1): the demo's.
pub fn png() -> Vec<u8> {
    eforeigner::demo::PNG.to_vec()
}

/// A minimal PDF.
pub fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".to_vec()
}

/// An HTTP response, read whole.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Resp {
    #[track_caller]
    pub fn assert_status(&self, status: u16) -> &Self {
        assert_eq!(
            self.status,
            status,
            "body:\n{}",
            &self.body[..self.body.len().min(3000)]
        );
        self
    }

    pub fn location(&self) -> String {
        self.headers
            .get("location")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default()
    }

    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap_or("").to_string())
            .unwrap_or_default()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    #[track_caller]
    pub fn assert_contains(&self, text: &str) -> &Self {
        assert!(
            self.body.contains(text),
            "expected {text:?} in:\n{}",
            self.body
        );
        self
    }
}

/// A client that keeps cookies like a browser (without the `Secure` restriction, since
/// tests talk plain HTTP to 127.0.0.1, which browsers also treat as secure).
#[derive(Clone)]
pub struct Browser {
    base: String,
    client: reqwest::Client,
    pub cookies: Arc<Mutex<HashMap<String, String>>>,
    pub user_agent: String,
}

impl Browser {
    pub fn new(base: &str) -> Self {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap();
        Self {
            base: base.into(),
            client,
            cookies: Arc::default(),
            user_agent: "Mozilla/5.0 Firefox/130.0".into(),
        }
    }

    pub fn cookie_header(&self) -> String {
        self.cookies
            .lock()
            .unwrap()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    async fn finish(&self, rb: reqwest::RequestBuilder) -> Resp {
        let r = rb
            .header("cookie", self.cookie_header())
            .header("user-agent", &self.user_agent)
            .send()
            .await
            .unwrap();
        for v in r.headers().get_all("set-cookie") {
            let s = v.to_str().unwrap();
            let pair = s.split(';').next().unwrap();
            let (k, val) = pair.split_once('=').unwrap();
            let mut jar = self.cookies.lock().unwrap();
            if val.is_empty() || s.contains("Max-Age=0") {
                jar.remove(k);
            } else {
                jar.insert(k.to_string(), val.to_string());
            }
        }
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let body = r.text().await.unwrap();
        Resp {
            status,
            headers,
            body,
        }
    }

    pub fn url(&self, path: &str) -> String {
        if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{path}", self.base)
        }
    }

    pub async fn get(&self, path: &str) -> Resp {
        self.finish(self.client.get(self.url(path))).await
    }

    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Resp {
        let mut rb = self.client.get(self.url(path));
        for (k, v) in headers {
            rb = rb.header(*k, *v);
        }
        self.finish(rb).await
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Resp {
        self.finish(self.client.post(self.url(path)).form(fields))
            .await
    }

    pub async fn post_form_with(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Resp {
        let mut rb = self.client.post(self.url(path)).form(fields);
        for (k, v) in headers {
            rb = rb.header(*k, *v);
        }
        self.finish(rb).await
    }

    pub async fn post_multipart(
        &self,
        path: &str,
        fields: &[(String, String)],
        files: &[(&str, &str, Vec<u8>)],
    ) -> Resp {
        let mut form = reqwest::multipart::Form::new();
        for (k, v) in fields {
            form = form.text(k.clone(), v.clone());
        }
        for (field, name, bytes) in files {
            form = form.part(
                field.to_string(),
                reqwest::multipart::Part::bytes(bytes.clone()).file_name(name.to_string()),
            );
        }
        self.finish(self.client.post(self.url(path)).multipart(form))
            .await
    }

    pub async fn json(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<serde_json::Value>,
    ) -> Resp {
        let mut rb = self.client.request(method, self.url(path));
        if let Some(b) = body {
            rb = rb.json(&b);
        }
        self.finish(rb).await
    }

    /// POSTs JSON asking for a given media type.
    pub async fn finish_json_accept(
        &self,
        path: &str,
        body: serde_json::Value,
        accept: &str,
    ) -> Resp {
        self.finish(
            self.client
                .post(self.url(path))
                .json(&body)
                .header("accept", accept),
        )
        .await
    }

    /// POSTs JSON and returns the raw response bytes.
    pub async fn post_json_bytes(
        &self,
        path: &str,
        body: serde_json::Value,
        accept: &str,
    ) -> Vec<u8> {
        let r = self
            .client
            .post(self.url(path))
            .json(&body)
            .header("accept", accept)
            .header("cookie", self.cookie_header())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), 200);
        r.bytes().await.unwrap().to_vec()
    }

    /// The CSRF token of the form on `path`.
    pub async fn csrf(&self, path: &str) -> String {
        let page = self.get(path).await;
        extract_csrf(&page.body)
            .unwrap_or_else(|| panic!("no csrf token on {path} ({}):\n{}", page.status, page.body))
    }

    pub async fn login(&self, email: &str, password: &str) -> Resp {
        let csrf = self.csrf("/login/password").await;
        self.post_form(
            "/login/password",
            &[
                ("email", email),
                ("password", password),
                ("csrf_token", &csrf),
            ],
        )
        .await
    }

    /// Opens a confirmation link and presses its button.
    pub async fn confirm_link(&self, link: &str) -> Resp {
        let page = self.get(link).await;
        page.assert_status(200);
        let csrf = extract_csrf(&page.body).unwrap();
        let token = link.split("token=").nth(1).unwrap().to_string();
        let path = link
            .split('?')
            .next()
            .unwrap()
            .rsplit_once('/')
            .map(|(_, p)| format!("/{p}"))
            .unwrap();
        self.post_form(&path, &[("csrf_token", &csrf), ("token", &token)])
            .await
    }

    pub fn session_cookie(&self) -> Option<String> {
        self.cookies
            .lock()
            .unwrap()
            .iter()
            .find(|(k, _)| k.ends_with("session"))
            .map(|(_, v)| v.clone())
    }
}

pub fn extract_csrf(html: &str) -> Option<String> {
    let i = html.find("name=\"csrf_token\" value=\"")?;
    let rest = &html[i + "name=\"csrf_token\" value=\"".len()..];
    Some(rest[..rest.find('"')?].to_string())
}

/// The value of a hidden input.
pub fn hidden(html: &str, name: &str) -> Option<String> {
    let pat = format!("name=\"{name}\" value=\"");
    let i = html.find(&pat)?;
    let rest = &html[i + pat.len()..];
    Some(rest[..rest.find('"')?].to_string())
}

/// The text of a PDF by `pdftotext`, or `None` when poppler-utils is missing (allowed only
/// outside CI: `.ci/run` sets `EFOREIGNER_REQUIRE_TOOLS`).
pub fn pdf_text(bytes: &[u8]) -> Option<String> {
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("EFOREIGNER_REQUIRE_TOOLS").is_none(),
            "pdftotext is missing but EFOREIGNER_REQUIRE_TOOLS is set (CI)"
        );
        eprintln!("pdftotext not installed: PDF text checked in .ci/run only");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.pdf");
    std::fs::write(&path, bytes).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

impl TestApp {
    /// Stops the server and starts a new one on the same database and files (a restart).
    pub async fn restart(self) -> Self {
        let config = (*self.running.app.config).clone();
        let clock = self.clock.clone();
        let smtp = self.smtp;
        let dir = self._dir;
        self.running.stop().await;
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let config = Config {
            bind: addr,
            public_url: format!("http://{addr}"),
            ..config
        };
        let app = App::build(config, Arc::new(clock.clone())).await.unwrap();
        let running = app.serve(listener).await.unwrap();
        let base = running.url();
        Self {
            running,
            clock,
            smtp,
            base,
            _dir: dir,
        }
    }
}
