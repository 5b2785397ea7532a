//! Bad input gets a clear message next to the field and in the summary, and nothing the
//! user entered or uploaded is lost (issue 2, "Bad input").

use crate::support::*;

async fn register_with(
    t: &TestApp,
    b: &Browser,
    change: &[(&str, &str)],
    files: &[(&str, &str, Vec<u8>)],
) -> Resp {
    let csrf = b.csrf("/register").await;
    let mut fields = registration_fields("bad@example.org");
    for (k, v) in change {
        fields.retain(|(f, _)| f != k);
        fields.push((k.to_string(), v.to_string()));
    }
    fields.push(("csrf_token".into(), csrf));
    let _ = t;
    b.post_multipart("/register", &fields, files).await
}

fn assert_kept(r: &Resp) {
    // Everything typed stays (except the password), in the form.
    r.assert_contains("value=\"Ana Marija\"")
        .assert_contains("value=\"FP123456\"")
        .assert_contains("value=\"2031-01-01\"");
    r.assert_contains("<option value=\"UA\" selected>");
    r.assert_contains("id=\"error-summary\"");
    assert!(!r.body.contains(PASSWORD), "the password is never echoed");
}

#[tokio::test]
async fn a_6_mb_file_is_refused_with_its_name() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let mut big = pdf();
    big.resize(6 * 1024 * 1024, b' ');
    let r = register_with(&t, &b, &[], &[("documents", "huge.pdf", big)]).await;
    r.assert_status(422)
        .assert_contains("The file huge.pdf is larger than 5 MB.");
    assert_kept(&r);
}

#[tokio::test]
async fn an_executable_renamed_pdf_is_refused() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00This program cannot be run in DOS mode".to_vec();
    let r = register_with(&t, &b, &[], &[("documents", "passport.pdf", exe)]).await;
    r.assert_status(422)
        .assert_contains("The file passport.pdf is not a PDF, JPEG or PNG.");
    assert_kept(&r);
}

#[tokio::test]
async fn a_third_file_and_a_duplicate_name_are_refused_and_good_files_kept() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let files = [
        ("documents", "page1.png", png()),
        ("documents", "PAGE1.png", png()),
        ("documents", "page2.pdf", pdf()),
        ("documents", "page3.pdf", pdf()),
    ];
    // The surname is missing too, so the form comes back; the good files are kept.
    let r = register_with(&t, &b, &[("surname", "")], &files).await;
    r.assert_status(422)
        .assert_contains("A file named PAGE1.png is already uploaded")
        .assert_contains("at most 2 files; page3.pdf was not added")
        .assert_contains("Enter your surname.");
    r.assert_contains("page1.png").assert_contains("page2.pdf");
    let draft = hidden(&r.body, "draft_token").unwrap();
    assert!(draft.len() >= 32);
    // Fix the surname without uploading again: the kept files complete the registration.
    let csrf = extract_csrf(&r.body).unwrap();
    let mut fields = registration_fields("bad@example.org");
    fields.push(("csrf_token".into(), csrf));
    fields.push(("draft_token".into(), draft));
    b.post_multipart("/register", &fields, &[])
        .await
        .assert_status(303);
    let account = t.account("bad@example.org").await;
    let docs = t.app().accounts.documents_of(&account).await.unwrap();
    assert_eq!(
        docs.iter()
            .map(|d| d.file_name.as_str())
            .collect::<Vec<_>>(),
        vec!["page1.png", "page2.pdf"]
    );
}

#[tokio::test]
async fn removing_a_kept_file_keeps_the_rest_of_the_form() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = register_with(
        &t,
        &b,
        &[("email", "not-an-email")],
        &[("documents", "a.png", png()), ("documents", "b.pdf", pdf())],
    )
    .await;
    r.assert_status(422).assert_contains("correct format");
    let draft = hidden(&r.body, "draft_token").unwrap();
    let upload_id = r
        .body
        .split("name=\"remove_upload\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let csrf = extract_csrf(&r.body).unwrap();
    let mut fields = registration_fields("not-an-email");
    fields.push(("csrf_token".into(), csrf));
    fields.push(("draft_token".into(), draft));
    fields.push(("remove_upload".into(), upload_id));
    let r = b.post_multipart("/register", &fields, &[]).await;
    r.assert_status(200);
    assert!(!r.body.contains(">a.png<"));
    r.assert_contains("b.pdf")
        .assert_contains("value=\"not-an-email\"");
}

#[tokio::test]
async fn identifiers_dates_and_email_are_checked_with_clear_messages() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = register_with(
        &t,
        &b,
        &[
            ("has_ebs", "yes"),
            ("ebs", "1234567890123"),
            ("date_of_birth", "2099-01-01"),
            ("id_doc_expiry", "2001-01-01"),
            ("email", "ana@@example"),
            ("consent", ""),
        ],
        &[("documents", "p.png", png())],
    )
    .await;
    r.assert_status(422)
        .assert_contains("The date of birth must be in the past.")
        .assert_contains("The document has expired.")
        .assert_contains("correct format, like name@example.com")
        .assert_contains("You must accept the terms of use");
    // Inline next to the field, and linked from the summary.
    r.assert_contains("id=\"date_of_birth-error\"")
        .assert_contains("href=\"#date_of_birth\"");
    r.assert_contains("aria-describedby=\"date_of_birth-hint date_of_birth-error\"");
    // The registration number is reported with its own reason.
    assert!(r.body.contains("id=\"ebs-error\""));
    r.assert_contains("value=\"1234567890123\"");
}

#[tokio::test]
async fn messages_come_in_the_users_language() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    b.get("/?lang=ru").await;
    let r = register_with(
        &t,
        &b,
        &[("email", "wrong")],
        &[("documents", "p.png", png())],
    )
    .await;
    r.assert_status(422).assert_contains("lang=\"ru\"");
    let expected = t
        .app()
        .i18n
        .t(eforeigner::domain::Lang::Ru, "error-email-invalid");
    r.assert_contains(&expected.replace('\'', "&#x27;").replace('"', "&quot;"));
}

#[tokio::test]
async fn expired_or_reused_links_say_so_and_offer_a_new_one() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    b.get("/confirm-email?token=made-up")
        .await
        .assert_status(410)
        .assert_contains("/confirm-email/resend");
    b.get("/password/reset?token=made-up")
        .await
        .assert_status(410)
        .assert_contains("/password/forgot");
    let csrf = b.csrf("/password/forgot").await;
    b.post_form(
        "/password/reset",
        &[
            ("csrf_token", &csrf),
            ("token", "made-up"),
            ("password", "long enough new password"),
        ],
    )
    .await
    .assert_status(410);
}

/// Issue 14 C9 and D: the error summary follows the order of the fields, and each message
/// names its field ("Enter your surname", "Select the type of document"), never nine
/// "This field is required."; the registration number is not marked "(optional)" since
/// it is required when the answer is Yes.
#[tokio::test]
async fn the_error_summary_names_each_field_in_the_forms_order() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let csrf = b.csrf("/register").await;
    let page = b.get("/register").await;
    let ebs = page.body.split("for=\"ebs\"").nth(1).unwrap();
    assert!(!ebs[..ebs.find("</label>").unwrap()].contains("optional"));
    let fields = vec![
        ("csrf_token".to_string(), csrf),
        ("consent".to_string(), "on".to_string()),
    ];
    let r = b.post_multipart("/register", &fields, &[]).await;
    r.assert_status(422);
    assert!(!r.body.contains("This field is required"));
    let start = r.body.find("id=\"error-summary\"").unwrap();
    let summary = &r.body[start..start + r.body[start..].find("</div>").unwrap()];
    let order: Vec<usize> = [
        "Enter your given names.",
        "Enter your surname.",
        "Enter your date of birth.",
        "Select your sex.",
        "Select your citizenship.",
        "Select whether you have a foreigner",
        "Select the type of document.",
        "Enter the document number.",
        "Enter the date the document expires.",
        "Upload your identity document",
        "Enter your e-mail address.",
        "Enter your password.",
    ]
    .iter()
    .map(|m| {
        summary
            .find(m)
            .unwrap_or_else(|| panic!("{m} not in the summary:\n{summary}"))
    })
    .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "the summary follows the form:\n{summary}");
}
