//! The account story end to end through the pages: register with a real upload, confirm
//! from the e-mail, officer approves, log in, manage the account, recover the password,
//! rejection and correction.

use eforeigner::domain::{AccountStatus, Role};
use jiff::SignedDuration;

use crate::support::*;

#[tokio::test]
async fn register_confirm_verify_login_story() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = t.register(&b, "ana@example.org").await;
    r.assert_status(303);
    assert_eq!(r.location(), "/register/sent?to=ana%40example.org");
    // "Check your e-mail" names the address the link went to.
    b.get(&r.location())
        .await
        .assert_status(200)
        .assert_contains("We sent the link to ana@example.org")
        .assert_contains("24 hours");
    // Only an address is ever shown from the link.
    let odd = b.get("/register/sent?to=%3Cb%3Enot%20an%20address").await;
    odd.assert_status(200);
    assert!(!odd.body.contains("not an address"));

    // Not confirmed yet: cannot log in to services.
    let r = b.login("ana@example.org", PASSWORD).await;
    r.assert_status(422)
        .assert_contains("Confirm your e-mail address first");

    let mail = t.mail("ana@example.org", "Confirm your e-mail").await;
    let link = mail.link("/confirm-email?token=");
    assert!(mail.body().contains("Ana Marija"));
    let r = b.confirm_link(&link).await;
    r.assert_status(200)
        .assert_contains("awaiting verification");
    // The link is single-use.
    b.get(&link)
        .await
        .assert_status(410)
        .assert_contains("not valid");

    // Logged in but not active: the account page shows the state, services say access denied.
    b.login("ana@example.org", PASSWORD)
        .await
        .assert_status(303);
    b.get("/account")
        .await
        .assert_status(200)
        .assert_contains("Awaiting verification");
    let r = b.get("/services").await;
    r.assert_status(403).assert_contains("Access denied");
    assert!(r.body.contains("awaiting verification"));

    // The officer sees the queue, the data beside the document, and approves.
    let officer = t.officer().await;
    let q = officer.get("/officer/verifications").await;
    q.assert_status(200).assert_contains("Ana Marija Kovač");
    let account = t.account("ana@example.org").await;
    let case = officer
        .get(&format!("/officer/verifications/{}", account.id))
        .await;
    case.assert_status(200)
        .assert_contains("FP123456")
        .assert_contains("passport.png");
    let doc_id = case
        .body
        .split("/documents/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let doc = officer.get(&format!("/documents/{doc_id}")).await;
    doc.assert_status(200);
    assert_eq!(doc.header("content-type"), "image/png");
    assert!(doc.header("content-disposition").starts_with("inline"));
    let csrf = extract_csrf(&case.body).unwrap();
    officer
        .post_form(
            &format!("/officer/verifications/{}/approve", account.id),
            &[("csrf_token", &csrf)],
        )
        .await
        .assert_status(303);
    let activated = t.mail("ana@example.org", "Your account is active").await;
    assert!(activated.body().contains("/login/password"));

    b.get("/services")
        .await
        .assert_status(200)
        .assert_contains("Your account is active");
    b.get("/account").await.assert_contains("Active");
    // The applicant downloads their own document as an attachment.
    let own = b.get(&format!("/documents/{doc_id}")).await;
    own.assert_status(200);
    assert!(own.header("content-disposition").starts_with("attachment"));

    // Log out ends the session on the server.
    let cookie = b.session_cookie().unwrap();
    let csrf = b.csrf("/account").await;
    b.post_form("/logout", &[("csrf_token", &csrf)])
        .await
        .assert_status(200);
    let stale = Browser::new(&t.base);
    stale
        .cookies
        .lock()
        .unwrap()
        .insert("__Host-session".into(), cookie);
    assert_eq!(stale.get("/account").await.status, 303);
}

#[tokio::test]
async fn rejection_and_correction_without_registering_again() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.register(&b, "petar@example.org").await.assert_status(303);
    let link = t
        .mail("petar@example.org", "Confirm")
        .await
        .link("/confirm-email");
    b.confirm_link(&link).await.assert_status(200);
    let account = t.account("petar@example.org").await;

    let officer = t.officer().await;
    let path = format!("/officer/verifications/{}", account.id);
    let csrf = officer.csrf(&path).await;
    // "Other" needs a note: the form says so and keeps the choice.
    let r = officer
        .post_form(
            &format!("{path}/reject"),
            &[("csrf_token", &csrf), ("reason", "other"), ("note", "")],
        )
        .await;
    r.assert_status(422).assert_contains("Explain the reason");
    let r = officer
        .post_form(
            &format!("{path}/reject"),
            &[
                ("csrf_token", &csrf),
                ("reason", "unreadable-document"),
                ("note", "The photo is blurred."),
            ],
        )
        .await;
    r.assert_status(303);
    let mail = t.mail("petar@example.org", "needs a correction").await;
    assert!(
        mail.body().contains("The document cannot be read"),
        "{}",
        mail.body()
    );
    assert!(mail.body().contains("The photo is blurred."));

    b.login("petar@example.org", PASSWORD)
        .await
        .assert_status(303);
    b.get("/account")
        .await
        .assert_contains("Correction needed")
        .assert_contains("The photo is blurred.");
    let form = b.get("/account/correct").await;
    form.assert_status(200)
        .assert_contains("value=\"FP123456\"");
    let csrf = extract_csrf(&form.body).unwrap();
    let mut fields = registration_fields("petar@example.org");
    fields.retain(|(k, _)| !matches!(k.as_str(), "email" | "password" | "phone" | "consent"));
    fields.push(("csrf_token".into(), csrf));
    fields.push(("draft_token".into(), String::new()));
    let r = b
        .post_multipart(
            "/account/correct",
            &fields,
            &[("documents", "passport-sharp.pdf", pdf())],
        )
        .await;
    r.assert_status(303);
    let account = t.account("petar@example.org").await;
    assert_eq!(account.status, AccountStatus::AwaitingVerification);
    let docs = t.app().accounts.documents_of(&account).await.unwrap();
    assert_eq!(
        docs.iter()
            .map(|d| d.file_name.as_str())
            .collect::<Vec<_>>(),
        vec!["passport-sharp.pdf"]
    );
    officer
        .get("/officer/verifications")
        .await
        .assert_contains("Ana Marija");
}

#[tokio::test]
async fn password_recovery_ends_sessions_and_mails_the_change() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "mila@example.org").await;
    let other_device = t.browser();
    other_device
        .login("mila@example.org", PASSWORD)
        .await
        .assert_status(303);

    let anon = t.browser();
    let csrf = anon.csrf("/password/forgot").await;
    let known = anon
        .post_form(
            "/password/forgot",
            &[("csrf_token", &csrf), ("email", "mila@example.org")],
        )
        .await;
    let unknown = anon
        .post_form(
            "/password/forgot",
            &[("csrf_token", &csrf), ("email", "nobody@example.org")],
        )
        .await;
    known.assert_status(200);
    assert_eq!(known.status, unknown.status);
    assert_eq!(
        known.body.replace(&csrf, ""),
        unknown.body.replace(&csrf, ""),
        "same answer for unknown accounts"
    );

    let link = t
        .mail("mila@example.org", "Set a new password")
        .await
        .link("/password/reset?token=");
    let page = anon.get(&link).await;
    page.assert_status(200);
    let token = hidden(&page.body, "token").unwrap();
    let csrf = extract_csrf(&page.body).unwrap();
    // Policy applies: a common password is refused with the reason, the link still works.
    let r = anon
        .post_form(
            "/password/reset",
            &[
                ("csrf_token", &csrf),
                ("token", &token),
                ("password", "passwordpassword"),
            ],
        )
        .await;
    r.assert_status(422).assert_contains("too common");
    let new_password = "blue violin quietly melting";
    anon.post_form(
        "/password/reset",
        &[
            ("csrf_token", &csrf),
            ("token", &token),
            ("password", new_password),
        ],
    )
    .await
    .assert_status(200)
    .assert_contains("Your password has been changed");
    // Single use.
    anon.get(&link).await.assert_status(410);
    t.mail("mila@example.org", "Your password has been changed")
        .await;
    // All sessions ended.
    assert_eq!(b.get("/account").await.status, 303);
    assert_eq!(other_device.get("/account").await.status, 303);
    anon.login("mila@example.org", PASSWORD)
        .await
        .assert_status(422);
    anon.login("mila@example.org", new_password)
        .await
        .assert_status(303);
}

#[tokio::test]
async fn reset_link_expires_after_one_hour() {
    let t = TestApp::spawn().await;
    t.create_user("late@example.org", Role::Applicant).await;
    let b = t.browser();
    let csrf = b.csrf("/password/forgot").await;
    b.post_form(
        "/password/forgot",
        &[("csrf_token", &csrf), ("email", "late@example.org")],
    )
    .await
    .assert_status(200);
    let link = t
        .mail("late@example.org", "Set a new password")
        .await
        .link("/password/reset");
    t.advance(SignedDuration::from_mins(61));
    b.get(&link)
        .await
        .assert_status(410)
        .assert_contains("expired");
}

#[tokio::test]
async fn confirmation_link_expires_after_24_hours_and_can_be_resent() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.register(&b, "slow@example.org").await.assert_status(303);
    let old = t
        .mail("slow@example.org", "Confirm")
        .await
        .link("/confirm-email");
    t.advance(SignedDuration::from_hours(24) + SignedDuration::from_secs(1));
    b.get(&old).await.assert_status(410);
    let csrf = b.csrf("/confirm-email/resend").await;
    b.post_form(
        "/confirm-email/resend",
        &[("csrf_token", &csrf), ("email", "slow@example.org")],
    )
    .await
    .assert_status(200);
    let mut mails = vec![];
    for _ in 0..100 {
        t.flush_mail().await;
        mails = t.smtp.to("slow@example.org");
        if mails.len() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(mails.len(), 2);
    let fresh = mails[1].link("/confirm-email");
    assert_ne!(fresh, old);
    b.confirm_link(&fresh)
        .await
        .assert_status(200)
        .assert_contains("confirmed");
}

#[tokio::test]
async fn manage_account_password_email_details_and_sessions() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "jon@example.org").await;
    let mut phone = t.browser();
    phone.user_agent = "Mozilla/5.0 Chrome/130.0".into();
    phone
        .login("jon@example.org", PASSWORD)
        .await
        .assert_status(303);

    // Details: phone and language, names stay fixed.
    let csrf = b.csrf("/account/details").await;
    b.post_form(
        "/account/details",
        &[("csrf_token", &csrf), ("phone", "12"), ("language", "ru")],
    )
    .await
    .assert_status(422)
    .assert_contains("6 to 20 digits");
    b.post_form(
        "/account/details",
        &[
            ("csrf_token", &csrf),
            ("phone", "+381 11 222 3333"),
            ("language", "sr-Latn"),
        ],
    )
    .await
    .assert_status(303);
    let page = b.get("/account").await;
    page.assert_contains("+381 11 222 3333")
        .assert_contains("lang=\"sr-Latn\"");

    // Sessions: both listed; end the phone's session.
    let sessions = b.get("/account/sessions?lang=en").await;
    sessions
        .assert_status(200)
        .assert_contains("Chrome")
        .assert_contains("Firefox");
    let ids: Vec<String> = sessions
        .body
        .split("/account/sessions/")
        .skip(1)
        .map(|s| s.split('/').next().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 1, "only the other session has an end button");
    let csrf = extract_csrf(&sessions.body).unwrap();
    b.post_form(
        &format!("/account/sessions/{}/end", ids[0]),
        &[("csrf_token", &csrf)],
    )
    .await
    .assert_status(303);
    assert_eq!(phone.get("/account").await.status, 303);
    b.get("/account/sessions")
        .await
        .assert_contains("Succeeded");

    // Password change needs the current password and ends other sessions.
    let tablet = t.browser();
    tablet
        .login("jon@example.org", PASSWORD)
        .await
        .assert_status(303);
    let csrf = b.csrf("/account/password").await;
    b.post_form(
        "/account/password",
        &[
            ("csrf_token", &csrf),
            ("current_password", "wrong one entirely"),
            ("new_password", "lemon river lantern dance"),
        ],
    )
    .await
    .assert_status(422)
    .assert_contains("current password is not correct");
    b.post_form(
        "/account/password",
        &[
            ("csrf_token", &csrf),
            ("current_password", PASSWORD),
            ("new_password", "lemon river lantern dance"),
        ],
    )
    .await
    .assert_status(303);
    assert_eq!(b.get("/account").await.status, 200, "this session stays");
    assert_eq!(tablet.get("/account").await.status, 303, "others end");
    t.mail("jon@example.org", "").await;

    // E-mail change: confirmed through the new address; the old one is told.
    let csrf = b.csrf("/account/email").await;
    b.post_form(
        "/account/email",
        &[
            ("csrf_token", &csrf),
            ("new_email", "jon.new@example.org"),
            ("password", "lemon river lantern dance"),
        ],
    )
    .await
    .assert_status(303);
    let link = t
        .mail("jon.new@example.org", "")
        .await
        .link("/confirm-email-change");
    b.confirm_link(&link).await.assert_status(200);
    let account = t.account("jon.new@example.org").await;
    assert_eq!(account.email.as_str(), "jon.new@example.org");
    assert!(
        t.smtp.to("jon@example.org").len() >= 3,
        "old address notified"
    );
}

#[tokio::test]
async fn registering_an_existing_address_answers_the_same_and_tells_the_owner() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.register(&b, "twice@example.org").await.assert_status(303);
    t.mail("twice@example.org", "Confirm").await;
    let again = t.browser();
    let r = t.register(&again, "TWICE@example.org").await;
    r.assert_status(303);
    // The same answer as for an address not registered: the address typed, echoed.
    assert_eq!(r.location(), "/register/sent?to=TWICE%40example.org");
    t.mail("twice@example.org", "Someone tried to register")
        .await;
}

#[tokio::test]
async fn emails_are_sent_in_the_users_language() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    b.get("/?lang=sr-Cyrl")
        .await
        .assert_status(200)
        .assert_contains("lang=\"sr-Cyrl\"");
    t.register(&b, "vuk@example.org").await.assert_status(303);
    let mail = t.mail("vuk@example.org", "").await;
    let english = t
        .app()
        .i18n
        .t(eforeigner::domain::Lang::En, "mail-confirm-email-subject");
    let cyrillic = t.app().i18n.t(
        eforeigner::domain::Lang::SrCyrl,
        "mail-confirm-email-subject",
    );
    assert_eq!(mail.subject(), cyrillic);
    if cyrillic != english {
        assert!(
            mail.subject()
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
        );
    }
}

#[tokio::test]
async fn cli_created_users_are_active_and_demo_seed_is_idempotent() {
    let t = TestApp::spawn().await;
    let first = t.app().seed_demo().await.unwrap();
    let second = t.app().seed_demo().await.unwrap();
    assert_eq!(
        first.len(),
        9,
        "an applicant, a resident with a request, one with an approved request, six officer roles"
    );
    assert_eq!(first, second);
    for (email, role, password) in first {
        let b = t.browser();
        b.login(&email, &password).await.assert_status(303);
        let a = t.account(&email).await;
        assert_eq!(a.role, role);
        assert_eq!(a.status, AccountStatus::Active);
    }
}

#[tokio::test]
async fn command_line_migrates_and_creates_users_with_the_password_from_stdin() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let bin = env!("CARGO_BIN_EXE_eforeigner");
    let run = |args: &[&str], stdin: &str| {
        let mut child = Command::new(bin)
            .args(args)
            .env("EFOREIGNER_DATA_DIR", dir.path())
            .env_remove("EFOREIGNER_DATABASE_URL")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    let out = run(&["migrate"], "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "boss@example.org",
            "--role",
            "supervisor",
        ],
        "short\n",
    );
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("at least 15 characters"));
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "boss@example.org",
            "--role",
            "chief",
        ],
        "x",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown role"));
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "boss@example.org",
            "--role",
            "supervisor",
        ],
        "granite meadow falcon sunrise\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("created boss@example.org (supervisor)"));
    let out = run(
        &[
            "user",
            "create",
            "--email",
            "boss@example.org",
            "--role",
            "admin",
        ],
        "granite meadow falcon sunrise\n",
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("exists"));
}

/// Issue 14 D: officers land on their work queue after signing in; an action confirms
/// itself with a banner on the page it leads to (and the address cannot put any other
/// text there); the terms of use are one link away from the registration form.
#[tokio::test]
async fn officers_land_on_their_queue_and_actions_confirm_themselves() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.register(&b, "bannered@example.org")
        .await
        .assert_status(303);
    let link = t
        .mail("bannered@example.org", "Confirm")
        .await
        .link("/confirm-email");
    b.confirm_link(&link).await;
    // The verifier lands on the verification queue.
    t.create_user("landing@example.org", Role::VerificationOfficer)
        .await;
    let officer = t.browser();
    let r = officer.login("landing@example.org", PASSWORD).await;
    assert_eq!(r.location(), "/officer/verifications");
    let account = t.account("bannered@example.org").await;
    let csrf = officer
        .csrf(&format!("/officer/verifications/{}", account.id))
        .await;
    let r = officer
        .post_form(
            &format!("/officer/verifications/{}/approve", account.id),
            &[("csrf_token", &csrf)],
        )
        .await;
    assert_eq!(r.location(), "/officer/verifications?done=account-approved");
    officer
        .get(&r.location())
        .await
        .assert_contains("The account has been approved.");
    // A code without a message shows nothing; neither does text.
    let odd = officer.get("/officer/verifications?done=%3Cb%3Ehi").await;
    assert!(!odd.body.contains("notice--success"));
    // The applicant lands on their account; the terms are linked from registration.
    let r = b.login("bannered@example.org", PASSWORD).await;
    assert_eq!(r.location(), "/account");
    let page = t.browser().get("/register").await;
    page.assert_contains("href=\"/terms\"");
    t.browser()
        .get("/terms")
        .await
        .assert_status(200)
        .assert_contains("Terms of use and your personal data")
        .assert_contains("no advertising and no tracking");
}
