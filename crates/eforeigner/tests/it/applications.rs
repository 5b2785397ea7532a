//! The online application (issue 4): steps, uploads, fee and slip, submission, payment
//! import, the confirmation of receipt in the e-Mailbox, verification, access control and
//! the ways work must never be lost.

use eforeigner::domain::applications::{ApplicationStatus, StepId};
use eforeigner::domain::paging::PageNumber;
use eforeigner::domain::{Actor, ApplicationId, OwnerKey};
use eforeigner::store::{ApplicationRepo, UploadRepo};
use jiff::SignedDuration;

use crate::support::*;

fn actor() -> Actor {
    Actor {
        account_id: None,
        ip: "test".into(),
        user_agent: "test".into(),
    }
}

fn municipality() -> &'static str {
    eforeigner_rules::municipalities::municipalities()[0].code
}

/// Starts a draft and returns its path (`/applications/<id>`).
async fn start(b: &Browser, kind: &str) -> String {
    let csrf = b.csrf("/applications/new").await;
    let r = b
        .post_form(
            "/applications/new",
            &[("csrf_token", &csrf), ("kind", kind)],
        )
        .await;
    r.assert_status(303);
    r.location()
}

/// Saves a step; returns the response.
async fn save(b: &Browser, app: &str, step: &str, fields: &[(&str, &str)]) -> Resp {
    let page = b.get(&format!("{app}/steps/{step}")).await;
    page.assert_status(200);
    let csrf = extract_csrf(&page.body).unwrap();
    let based_on = hidden(&page.body, "based_on").unwrap();
    let mut all: Vec<(&str, &str)> = vec![("csrf_token", &csrf), ("based_on", &based_on)];
    all.extend_from_slice(fields);
    b.post_form(&format!("{app}/steps/{step}"), &all).await
}

async fn upload(b: &Browser, app: &str, item: &str, name: &str, bytes: Vec<u8>) -> Resp {
    let csrf = b.csrf(&format!("{app}/steps/documents")).await;
    upload_with(b, &csrf, app, item, name, bytes).await
}

/// Uploads one file to `item` of `app` with a form token taken earlier (a page opened
/// before something changed the draft, or another applicant's token).
async fn upload_with(
    b: &Browser,
    csrf: &str,
    app: &str,
    item: &str,
    name: &str,
    bytes: Vec<u8>,
) -> Resp {
    b.post_multipart(
        &format!("{app}/files"),
        &[
            ("csrf_token".into(), csrf.into()),
            ("item".into(), item.into()),
        ],
        &[("files", name, bytes)],
    )
    .await
}

const CHECK: &[(&str, &str)] = &[
    ("citizenship", "UA"),
    ("location", "in-serbia"),
    ("last_entry", "2026-10-01"),
    ("has_d_visa", "no"),
];

fn personal() -> Vec<(&'static str, &'static str)> {
    vec![
        ("given_names", "Ana Marija"),
        ("surname", "Kovač"),
        ("date_of_birth", "1990-04-12"),
        ("sex", "female"),
        ("birth_place", "Kyiv, Ukraine"),
        ("father_name", "Petro"),
        ("mother_name", "Olena"),
        ("education", "master"),
        ("passport_number", "FP123456"),
        ("passport_country", "UA"),
        ("passport_issued", "2021-01-01"),
        ("passport_expiry", "2031-01-01"),
    ]
}

/// Walks a first application for employment to the fees step; returns its path.
async fn employment_draft(t: &TestApp, b: &Browser) -> String {
    let app = start(b, "first").await;
    save(b, &app, "check", CHECK).await.assert_status(303);
    save(b, &app, "personal", &personal())
        .await
        .assert_status(303);
    save(
        b,
        &app,
        "reasons",
        &[
            ("ground", "employment.employment_contract"),
            ("residence_municipality", municipality()),
            ("street", "Bulevar kralja Aleksandra"),
            ("house_number", "73/5"),
            ("postcode", "11000"),
            ("requested_until", ""),
        ],
    )
    .await
    .assert_status(303);
    save(
        b,
        &app,
        "details",
        &[
            ("employer_name", "Čigra d.o.o."),
            ("employer_pib", "101134702"),
            ("employer_mb", "17162543"),
            ("contract_type", "indefinite"),
            ("contract_end", ""),
            ("job_title", "Software engineer"),
        ],
    )
    .await
    .assert_status(303);
    for item in [
        "photograph",
        "passport_scan",
        "proof_of_financial_means",
        "beli_karton",
        "employment_contract",
    ] {
        upload(b, &app, item, &format!("{item}.png"), png())
            .await
            .assert_status(303);
    }
    save(b, &app, "documents", &[]).await.assert_status(303);
    let _ = t;
    app
}

/// A new portal with the active applicant `email` signed in, and their draft ready to
/// submit (see [`ready_draft`]).
async fn applicant_with_ready_draft(email: &str) -> (TestApp, Browser, String) {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, email).await;
    let app = ready_draft(&t, &b).await;
    (t, b, app)
}

/// An employment draft with every step complete (the slip chosen), ready to submit.
async fn ready_draft(t: &TestApp, b: &Browser) -> String {
    let app = employment_draft(t, b).await;
    save(b, &app, "fees", &[("payment_method", "slip")])
        .await
        .assert_status(303);
    app
}

/// A bank statement with one line paying the fee of application `id` in full.
async fn statement_paying(t: &TestApp, id: &ApplicationId) -> String {
    let stored = t.app().store.application(id).await.unwrap().unwrap();
    let written =
        eforeigner_rules::Reference97::compute(stored.payment_reference.as_ref().unwrap()).unwrap();
    let due = stored.fee_due_para.unwrap();
    format!(
        "reference,amount,date,payer\n{},{}.{:02},2026-11-20,Ana Kovač\n",
        written.written(),
        due / 100,
        due % 100
    )
}

fn app_id(path: &str) -> ApplicationId {
    ApplicationId::new(path.trim_start_matches("/applications/"))
}

#[tokio::test]
async fn a_first_application_goes_from_start_to_request_submitted() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "ana@test.example").await;
    let app = employment_draft(&t, &b).await;

    // The chosen basis is a single permit: online only, and the page says so.
    b.get(&format!("{app}/steps/reasons"))
        .await
        .assert_contains("can only be applied for online");
    // Task list: five steps complete, fees not started.
    b.get(&app)
        .await
        .assert_status(200)
        .assert_contains("Completed")
        .assert_contains("Not started");

    // Fees: choose the slip; the application gets its own model-97 reference.
    save(&b, &app, "fees", &[("payment_method", "slip")])
        .await
        .assert_status(303);
    let fees = b.get(&format!("{app}/steps/fees")).await;
    fees.assert_status(200)
        .assert_contains("data:image/svg+xml;base64,");
    let stored = t
        .app()
        .store
        .application(&app_id(&app))
        .await
        .unwrap()
        .unwrap();
    let reference = stored.payment_reference.clone().unwrap();
    assert!(reference.starts_with(municipality()));
    let written = eforeigner_rules::Reference97::compute(&reference).unwrap();
    fees.assert_contains(&written.to_string());
    assert!(
        !fees.body.contains(&format!("97 {}", written.written())),
        "the model is printed once"
    );
    let slip = b.get(&format!("{app}/slip.pdf")).await;
    slip.assert_status(200);
    assert_eq!(slip.header("content-type"), "application/pdf");

    // Check your answers, then submit without and with the declaration.
    let review = b.get(&format!("{app}/review")).await;
    review
        .assert_status(200)
        .assert_contains("Čigra d.o.o.")
        .assert_contains("Change");
    let csrf = extract_csrf(&review.body).unwrap();
    let based_on = hidden(&review.body, "based_on").unwrap();
    b.post_form(
        &format!("{app}/submit"),
        &[("csrf_token", &csrf), ("based_on", &based_on)],
    )
    .await
    .assert_status(422)
    .assert_contains("Confirm the declaration");
    let r = b
        .post_form(
            &format!("{app}/submit"),
            &[
                ("csrf_token", &csrf),
                ("based_on", &based_on),
                ("declaration", "on"),
            ],
        )
        .await;
    r.assert_status(303);
    // A second click (the same form) lands on the same case.
    let again = b
        .post_form(
            &format!("{app}/submit"),
            &[
                ("csrf_token", &csrf),
                ("based_on", &based_on),
                ("declaration", "on"),
            ],
        )
        .await;
    again.assert_status(303);
    assert_eq!(again.location(), r.location());
    let account = t.account("ana@test.example").await;
    assert_eq!(
        t.app()
            .applications
            .list(&account, PageNumber::FIRST)
            .await
            .unwrap()
            .items
            .len(),
        1
    );

    let case = b.get(&r.location()).await;
    case.assert_status(200)
        .assert_contains("Request submitted")
        .assert_contains("Awaiting payment");

    // A statement with a wrong amount is reported, not accepted.
    let due = stored.fee_due_para.unwrap();
    let wrong = format!(
        "reference,amount,date,payer\n{},{}.00,2026-11-20,Ana Kovač\n",
        written.written(),
        due / 100 - 1
    );
    let report = t
        .app()
        .applications
        .import_statement(&wrong, &actor())
        .await
        .unwrap();
    assert!(report.needs_attention());
    assert_eq!(report.count("amount-mismatch"), 1);
    b.get(&app).await.assert_contains("Awaiting payment");
    // Imported again (after a crash, say): the line still needs attention, with the
    // amounts, until a supervisor resolves it; then it is a duplicate like any other.
    for _ in 0..2 {
        let again = t
            .app()
            .applications
            .import_statement(&wrong, &actor())
            .await
            .unwrap();
        assert!(again.needs_attention(), "{again:?}");
        assert_eq!(again.count("amount-mismatch"), 1);
        assert!(eforeigner::cli::format_report(&again).contains("NOT accepted"));
    }
    let supervisor = t
        .app()
        .accounts
        .find_by_email("boss@test.example")
        .await
        .unwrap();
    if supervisor.is_none() {
        t.create_user("boss@test.example", eforeigner::domain::Role::Supervisor)
            .await;
    }
    let boss = t.browser();
    boss.login("boss@test.example", PASSWORD)
        .await
        .assert_status(303);
    let page = boss.get("/officer/payments").await;
    page.assert_status(200)
        .assert_contains("Payment lines that need attention")
        .assert_contains("amount does not match");
    let line = t
        .app()
        .store
        .payments_needing_attention(10)
        .await
        .unwrap()
        .remove(0);
    let csrf = extract_csrf(&page.body).unwrap();
    boss.post_form(
        &format!("/officer/payments/lines/{}/resolve", line.id),
        &[("csrf_token", &csrf), ("note", "")],
    )
    .await
    .assert_status(422)
    .assert_contains("Write a note.");
    boss.post_form(
        &format!("/officer/payments/lines/{}/resolve", line.id),
        &[
            ("csrf_token", &csrf),
            ("note", "Refunded to the payer on 21 Nov"),
        ],
    )
    .await
    .assert_status(303);
    let resolved = t
        .app()
        .applications
        .import_statement(&wrong, &actor())
        .await
        .unwrap();
    assert!(!resolved.needs_attention());
    assert_eq!(resolved.count("duplicate"), 1);
    // An applicant cannot resolve lines.
    let odd = "reference,amount,date,payer\n97 14-123412,100.00,2026-11-20,X\n";
    t.app()
        .applications
        .import_statement(odd, &actor())
        .await
        .unwrap();
    let line = t
        .app()
        .store
        .payments_needing_attention(10)
        .await
        .unwrap()
        .remove(0);
    let csrf = b.csrf("/applications").await;
    b.post_form(
        &format!("/officer/payments/lines/{}/resolve", line.id),
        &[("csrf_token", &csrf), ("note", "mine")],
    )
    .await
    .assert_status(403);

    // The right amount confirms the payment; importing the file again changes nothing.
    let right = format!(
        "reference;amount;date;payer\n{};{},{:02};20.11.2026;Ana Kovač\n",
        written.written(),
        due / 100,
        due % 100
    );
    let report = t
        .app()
        .applications
        .import_statement(&right, &actor())
        .await
        .unwrap();
    assert_eq!(report.count("matched"), 1, "{report:?}");
    let report = t
        .app()
        .applications
        .import_statement(&right, &actor())
        .await
        .unwrap();
    assert_eq!(report.count("duplicate"), 1);

    // The receipt job puts the confirmation in the e-Mailbox and sends a mail without
    // personal data.
    let mail = t.mail("ana@test.example", "new document").await;
    assert!(!mail.body().contains("Kovač"));
    assert!(mail.body().contains("/mailbox"));
    let case = b.get(&app).await;
    case.assert_contains("Request submitted")
        .assert_contains("Payment confirmed");
    let mailbox = b.get("/mailbox").await;
    mailbox
        .assert_status(200)
        .assert_contains("Confirmation of request receipt")
        .assert_contains("New");
    let doc_href = mailbox
        .body
        .split("href=\"/mailbox/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    // Looking is not receiving: the page and a fetch of the file (a link prefetch) record
    // nothing; the file is there only once the addressee opens the document.
    let doc = b.get(&format!("/mailbox/{doc_href}")).await;
    doc.assert_status(200)
        .assert_contains("Not opened yet")
        .assert_contains("Open the document");
    let early = b.get(&format!("/mailbox/{doc_href}/file")).await;
    early.assert_status(303);
    assert_eq!(early.location(), format!("/mailbox/{doc_href}"));
    assert!(
        b.get("/mailbox").await.body.contains("tag--new"),
        "still unread after the page and the prefetch"
    );
    let opened = b
        .post_form(
            &format!("/mailbox/{doc_href}/open"),
            &[("csrf_token", &extract_csrf(&doc.body).unwrap())],
        )
        .await;
    opened.assert_status(303);
    b.get(&opened.location())
        .await
        .assert_contains("The document is open")
        .assert_contains("Download the PDF");
    let pdf = b.get(&format!("/mailbox/{doc_href}/file")).await;
    pdf.assert_status(200);
    assert!(pdf.header("content-disposition").starts_with("attachment"));
    let stored = t
        .app()
        .store
        .application(&app_id(&app))
        .await
        .unwrap()
        .unwrap();
    let code = stored.verify_code.clone().unwrap();
    let bytes = t
        .app()
        .applications
        .document_file(&account, &doc_href)
        .await
        .unwrap()
        .1;
    if let Some(text) = pdf_text(&bytes) {
        assert!(text.contains("Ana Marija Kovač"), "{text}");
        assert!(text.contains(&code), "{text}");
        assert!(
            text.contains(stored.case_reference.as_deref().unwrap()),
            "{text}"
        );
        assert!(text.contains("photograph.png"), "{text}");
        // The period with its dates, the documents by checklist item, times in Belgrade.
        assert!(text.contains("From ") && text.contains(" to "), "{text}");
        assert!(text.contains("Photograph"), "{text}");
        assert!(!text.contains("UTC"), "{text}");
    }
    // Opened: no longer unread (the certificate of the initiated procedure, delivered with
    // it and not opened, still is).
    b.get("/mailbox").await.assert_status(200);
    assert_eq!(
        b.get("/mailbox").await.body.matches("tag--new").count(),
        1,
        "opened documents are not marked new"
    );

    // Anyone can check the code (no login), typed loosely.
    let public = t.browser();
    public
        .get(&format!("/verify/{code}"))
        .await
        .assert_status(200)
        .assert_contains("This confirmation is genuine")
        .assert_contains("A. M. K.");
    // What a border check needs, no more: no full name, date of birth or passport number.
    let page = public.get(&format!("/verify/{code}")).await;
    assert!(!page.body.contains("Kovač"));
    public
        .get(&format!(
            "/verify?code={}",
            code.to_lowercase().replace('-', " ")
        ))
        .await
        .assert_status(200);
    public
        .get("/verify?code=AAAA-BBBB-CCCC")
        .await
        .assert_status(404)
        .assert_contains("No confirmation has this code");
}

#[tokio::test]
async fn another_applicant_reaches_nothing_of_mine() {
    let t = TestApp::spawn().await;
    let owner = t.browser();
    t.active_applicant(&owner, "owner@test.example").await;
    let app = employment_draft(&t, &owner).await;
    let upload_id = draft_uploads(&t, &app_id(&app)).await[0].id.clone();
    let other = t.browser();
    t.active_applicant(&other, "other@test.example").await;
    for path in [
        app.clone(),
        format!("{app}/steps/check"),
        format!("{app}/review"),
        format!("{app}/slip.pdf"),
        format!("{app}/delete"),
        format!("{app}/files/{upload_id}"),
    ] {
        // The same words as for an application that does not exist: nothing is told.
        other
            .get(&path)
            .await
            .assert_status(404)
            .assert_contains("Not found among your applications");
    }
    other
        .get("/applications/01900000-0000-7000-8000-000000000000")
        .await
        .assert_status(404)
        .assert_contains("Not found among your applications");
    other
        .get("/no-such-page")
        .await
        .assert_status(404)
        .assert_contains("Page not found");
    let csrf = other.csrf("/applications").await;
    for path in [
        format!("{app}/steps/check"),
        format!("{app}/submit"),
        format!("{app}/delete"),
        format!("{app}/files/{upload_id}/delete"),
    ] {
        let r = other
            .post_form(&path, &[("csrf_token", &csrf), ("based_on", "1")])
            .await;
        assert_eq!(r.status, 404, "{path}");
    }
    let r = upload_with(&other, &csrf, &app, "photograph", "x.png", png()).await;
    assert_eq!(r.status, 404);
    // The owner's file is still there, and the owner still reaches everything.
    owner
        .get(&format!("{app}/files/{upload_id}"))
        .await
        .assert_status(200);
    // Officers are not applicants; anonymous users are sent to sign in.
    let officer = t.officer().await;
    officer.get("/applications").await.assert_status(403);
    officer.get("/mailbox").await.assert_status(403);
    officer.get(&app).await.assert_status(403);
    let anon = t.browser();
    let r = anon.get(&app).await;
    r.assert_status(303);
    assert!(r.location().starts_with("/login/password?next="));
    // A verification officer is not a supervisor: no payments back office.
    officer.get("/officer/payments").await.assert_status(403);
}

#[tokio::test]
async fn a_mailbox_document_of_another_applicant_is_not_found() {
    let (t, owner, app) = applicant_with_ready_draft("owner@test.example").await;
    let review = owner.get(&format!("{app}/review")).await;
    let csrf = extract_csrf(&review.body).unwrap();
    let based_on = hidden(&review.body, "based_on").unwrap();
    owner
        .post_form(
            &format!("{app}/submit"),
            &[
                ("csrf_token", &csrf),
                ("based_on", &based_on),
                ("declaration", "on"),
            ],
        )
        .await
        .assert_status(303);
    // A supervisor confirms the payment in the back office.
    t.create_user("sup@test.example", eforeigner::domain::Role::Supervisor)
        .await;
    let sup = t.browser();
    sup.login("sup@test.example", PASSWORD)
        .await
        .assert_status(303);
    let page = sup.get("/officer/payments").await;
    page.assert_status(200);
    let csrf = extract_csrf(&page.body).unwrap();
    // Without a note: refused, the error on this case's row, where the summary links.
    sup.post_form(
        &format!("/officer/payments/{}/confirm", app_id(&app)),
        &[("csrf_token", &csrf), ("note", "")],
    )
    .await
    .assert_status(422)
    .assert_contains("href=\"#note\"")
    .assert_contains("id=\"note\" name=\"note\" aria-invalid=\"true\"");
    sup.post_form(
        &format!("/officer/payments/{}/confirm", app_id(&app)),
        &[
            ("csrf_token", &csrf),
            ("note", "Seen on the treasury statement"),
        ],
    )
    .await
    .assert_status(303);
    t.mail("owner@test.example", "new document").await;
    let doc_id = owner
        .get("/mailbox")
        .await
        .body
        .split("href=\"/mailbox/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let other = t.browser();
    t.active_applicant(&other, "other@test.example").await;
    other
        .get(&format!("/mailbox/{doc_id}"))
        .await
        .assert_status(404);
    other
        .get(&format!("/mailbox/{doc_id}/file"))
        .await
        .assert_status(404);
    assert!(!other.get("/mailbox").await.body.contains(&doc_id));
    // The other's look did not count as the owner's delivery receipt.
    owner.get("/mailbox").await.assert_contains("tag--new");
}

#[tokio::test]
async fn two_tabs_the_later_save_is_told_and_keeps_its_answers() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "tabs@test.example").await;
    let app = start(&b, "first").await;
    let page = b.get(&format!("{app}/steps/check")).await;
    let csrf = extract_csrf(&page.body).unwrap();
    let based_on = hidden(&page.body, "based_on").unwrap();
    let first = b
        .post_form(
            &format!("{app}/steps/check"),
            &[
                ("csrf_token", &csrf),
                ("based_on", &based_on),
                ("citizenship", "UA"),
                ("location", "abroad"),
            ],
        )
        .await;
    first.assert_status(303);
    let second = b
        .post_form(
            &format!("{app}/steps/check"),
            &[
                ("csrf_token", &csrf),
                ("based_on", &based_on),
                ("citizenship", "RU"),
                ("location", "in-serbia"),
                ("last_entry", "2026-09-09"),
            ],
        )
        .await;
    second
        .assert_status(409)
        .assert_contains("changed in another window")
        .assert_contains("2026-09-09");
    // The first save is what is stored; the second can now be saved over it.
    let newer = hidden(&second.body, "based_on").unwrap();
    assert_ne!(newer, based_on);
    b.post_form(
        &format!("{app}/steps/check"),
        &[
            ("csrf_token", &csrf),
            ("based_on", &newer),
            ("citizenship", "RU"),
            ("location", "in-serbia"),
            ("last_entry", "2026-09-09"),
            ("has_d_visa", "no"),
        ],
    )
    .await
    .assert_status(303);
}

#[tokio::test]
async fn a_session_that_ends_mid_step_keeps_the_answers_for_the_next_login() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "late@test.example").await;
    let app = start(&b, "first").await;
    let page = b.get(&format!("{app}/steps/check")).await;
    let csrf = extract_csrf(&page.body).unwrap();
    let based_on = hidden(&page.body, "based_on").unwrap();
    t.advance(SignedDuration::from_mins(61));
    let r = b
        .post_form(
            &format!("{app}/steps/check"),
            &[
                ("csrf_token", &csrf),
                ("based_on", &based_on),
                ("citizenship", "UA"),
                ("location", "in-serbia"),
                ("last_entry", "2026-08-08"),
            ],
        )
        .await;
    r.assert_status(303);
    assert!(r.location().starts_with("/login/password?next="));
    let login = b.login("late@test.example", PASSWORD).await;
    login.assert_status(303);
    let back = b.get(&format!("{app}/steps/check")).await;
    back.assert_status(200)
        .assert_contains("We kept what you entered")
        .assert_contains("2026-08-08");
    // Once shown, the kept answers are gone (saved only when the applicant saves).
    assert!(
        !b.get(&format!("{app}/steps/check"))
            .await
            .body
            .contains("We kept what you entered")
    );
}

/// The recorded (current) files of draft `id`.
async fn draft_uploads(t: &TestApp, id: &ApplicationId) -> Vec<eforeigner::domain::Upload> {
    t.app()
        .store
        .uploads_of(&OwnerKey::Application(id.clone()))
        .await
        .unwrap()
}

/// A first application for a talent, filled up to its documents.
async fn talent_draft(b: &Browser) -> String {
    let app = start(b, "first").await;
    save(b, &app, "check", CHECK).await.assert_status(303);
    save(b, &app, "personal", &personal())
        .await
        .assert_status(303);
    save(
        b,
        &app,
        "reasons",
        &[
            ("ground", "talent"),
            ("residence_municipality", municipality()),
            ("street", "Knez Mihailova"),
            ("house_number", "1"),
        ],
    )
    .await
    .assert_status(303);
    save(
        b,
        &app,
        "details",
        &[
            ("field_of_talent", "Violin"),
            ("recognition", "First prize"),
        ],
    )
    .await
    .assert_status(303);
    app
}

#[tokio::test]
async fn two_tabs_uploading_the_same_name_at_once_keep_one_file() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "tabs@test.example").await;
    let app = talent_draft(&b).await;
    let id = app_id(&app);
    // Large enough that each file takes a while to write: both uploads pass the first
    // check before either is recorded, so only the check in the recording transaction
    // can tell them apart (without it both were kept).
    let mut big = pdf();
    big.resize(2_000_000, b' ');
    for round in 0..3 {
        let (one, other) = (format!("scan-{round}.pdf"), format!("SCAN-{round}.PDF"));
        let (a, c) = tokio::join!(
            upload(&b, &app, "passport_scan", &one, big.clone()),
            upload(&b, &app, "passport_scan", &other, big.clone()),
        );
        let mut statuses = [a.status, c.status];
        statuses.sort();
        assert_eq!(statuses, [303, 422], "round {round}");
        let refused = if a.status == 422 { &a } else { &c };
        refused.assert_contains("already uploaded");
    }
    let uploads = draft_uploads(&t, &id).await;
    assert_eq!(uploads.len(), 3, "one file of each name: {uploads:?}");
    // The refused files were written before the race was lost; they are gone again.
    assert_eq!(
        t.stored_files(&format!("applications/{id}"), 3).await.len(),
        3
    );
}

#[tokio::test]
async fn a_rejected_file_loses_nothing_and_a_restart_mid_upload_leaves_no_trace() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "files@test.example").await;
    let app = talent_draft(&b).await;
    b.get(&format!("{app}/steps/reasons"))
        .await
        .assert_contains("also apply for the basis you chose in person");
    upload(&b, &app, "photograph", "photo.png", png())
        .await
        .assert_status(303);
    // Not a PDF/JPEG/PNG by content: refused with the reason; the photo stays.
    upload(
        &b,
        &app,
        "passport_scan",
        "passport.pdf",
        b"MZ not a pdf".to_vec(),
    )
    .await
    .assert_status(422)
    .assert_contains("is not a PDF, JPEG or PNG")
    .assert_contains("photo.png");
    // Names are unique within a checklist item, not across items: the same name in
    // another item is fine, twice in one item is refused.
    upload(&b, &app, "photograph", "PHOTO.png", png())
        .await
        .assert_status(422)
        .assert_contains("already uploaded");
    upload(&b, &app, "passport_scan", "photo.png", png())
        .await
        .assert_status(303);
    b.post_form(
        &format!(
            "{app}/files/{}/delete",
            draft_uploads(&t, &app_id(&app)).await[1].id
        ),
        &[(
            "csrf_token",
            &b.csrf(&format!("{app}/steps/documents")).await,
        )],
    )
    .await
    .assert_status(303);

    // A client that sends half a file and vanishes, then a server restart.
    let addr = t.running.addr;
    let csrf = b.csrf(&format!("{app}/steps/documents")).await;
    {
        use tokio::io::AsyncWriteExt;
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        let cookie = b.cookie_header();
        let head = format!(
            "POST {app}/files HTTP/1.1\r\nHost: {addr}\r\nCookie: {cookie}\r\nContent-Type: multipart/form-data; boundary=XX\r\nContent-Length: 3000000\r\nSec-Fetch-Site: same-origin\r\n\r\n--XX\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{csrf}\r\n--XX\r\nContent-Disposition: form-data; name=\"item\"\r\n\r\npassport_scan\r\n--XX\r\nContent-Disposition: form-data; name=\"files\"; filename=\"half.pdf\"\r\n\r\n%PDF-1.4\n"
        );
        s.write_all(head.as_bytes()).await.unwrap();
        // More than a segment: part of it is on disk when the client vanishes.
        s.write_all(&vec![b'a'; 1_500_000]).await.unwrap();
        s.flush().await.unwrap();
    }
    let id = app_id(&app);
    let t = t.restart().await;
    // Files are written while they arrive; of the refused and the broken-off ones nothing
    // stays in the store, only the photo's file.
    let folder = format!("applications/{id}");
    let kept = t.stored_files(&folder, 1).await;
    let uploads = draft_uploads(&t, &id).await;
    assert_eq!(uploads.len(), 1, "only the photo: no half file recorded");
    assert_eq!(uploads[0].file_name, "photo.png");
    assert_eq!(kept, [uploads[0].storage_key.rsplit('/').next().unwrap()]);
    let b = t.browser();
    b.login("files@test.example", PASSWORD)
        .await
        .assert_status(303);
    let page = b.get(&format!("{app}/steps/documents")).await;
    page.assert_status(200).assert_contains("photo.png");
    assert!(!page.body.contains("half.pdf"));
    upload(&b, &app, "passport_scan", "passport.pdf", pdf())
        .await
        .assert_status(303);
    assert_eq!(t.stored_files(&folder, 2).await.len(), 2);
}

/// A change from another tab that arrives after the draft was submitted: a file whose
/// upload began before the submission is not recorded against the case (its bytes go
/// too), and a later step save, file removal or deletion is refused with the case page
/// saying that the change was not saved.
#[tokio::test]
async fn a_change_from_another_tab_after_submission_leaves_the_case_as_submitted() {
    let (t, b, app) = applicant_with_ready_draft("late@test.example").await;
    let id = app_id(&app);
    let account = t.account("late@test.example").await;
    let ids = |files: Vec<eforeigner::domain::Upload>| {
        files.into_iter().map(|u| u.id).collect::<Vec<_>>()
    };
    let files = ids(draft_uploads(&t, &id).await);
    assert_eq!(files.len(), 5);
    // Tab 2 has its pages open (and an upload under way: the draft is read while the
    // bytes arrive) ...
    let documents = b.get(&format!("{app}/steps/documents")).await;
    let csrf = extract_csrf(&documents.body).unwrap();
    let personal_page = b.get(&format!("{app}/steps/personal")).await;
    let based_on = hidden(&personal_page.body, "based_on").unwrap();
    let target = t
        .app()
        .applications
        .file_target(&account, &id)
        .await
        .unwrap();
    // ... when tab 1 submits.
    let review = b.get(&format!("{app}/review")).await;
    b.post_form(
        &format!("{app}/submit"),
        &[
            ("csrf_token", &extract_csrf(&review.body).unwrap()),
            ("based_on", &hidden(&review.body, "based_on").unwrap()),
            ("declaration", "on"),
        ],
    )
    .await
    .assert_status(303);

    // The late file arrived (it was written while it came) before the service saw it.
    let late_key = format!("applications/{id}/late-file");
    t.app().files.put(&late_key, pdf().into()).await.unwrap();
    let late = t
        .app()
        .applications
        .add_files(
            target,
            "passport_scan",
            vec![eforeigner::domain::uploads::IncomingFile {
                file_name: "second-passport.pdf".into(),
                received: Ok(eforeigner::domain::uploads::Received {
                    storage_key: late_key,
                    size: pdf().len() as i64,
                    sha256: "00".into(),
                    kind: eforeigner::domain::uploads::FileKind::Pdf,
                }),
            }],
            &actor(),
        )
        .await;
    assert!(
        matches!(late, Err(eforeigner::domain::DomainError::NotDraft)),
        "{late:?}"
    );
    assert_eq!(
        ids(draft_uploads(&t, &id).await),
        files,
        "the case keeps its files"
    );
    assert_eq!(
        t.stored_files(&format!("applications/{id}"), 5).await.len(),
        5,
        "the late file's bytes are removed again"
    );

    // Through the pages: each change goes back to the case page, which says why.
    let locked = format!("{app}?locked=1");
    let r = upload_with(&b, &csrf, &app, "passport_scan", "late.pdf", pdf()).await;
    r.assert_status(303);
    assert_eq!(r.location(), locked);
    let r = b
        .post_form(
            &format!("{app}/files/{}/delete", files[0]),
            &[("csrf_token", &csrf)],
        )
        .await;
    r.assert_status(303);
    assert_eq!(r.location(), locked);
    let mut fields = vec![
        ("csrf_token", csrf.as_str()),
        ("based_on", based_on.as_str()),
    ];
    fields.extend(
        personal()
            .into_iter()
            .map(|(k, v)| (k, if k == "surname" { "Late" } else { v })),
    );
    let r = b.post_form(&format!("{app}/steps/personal"), &fields).await;
    r.assert_status(303);
    assert_eq!(r.location(), locked);
    let r = b
        .post_form(&format!("{app}/delete"), &[("csrf_token", &csrf)])
        .await;
    r.assert_status(303);
    assert_eq!(r.location(), locked);
    // A stale "Delete this draft" link shows the case.
    let r = b.get(&format!("{app}/delete")).await;
    r.assert_status(303);
    assert_eq!(r.location(), app);
    b.get(&locked)
        .await
        .assert_status(200)
        .assert_contains("can no longer be changed")
        .assert_contains("was not saved");
    assert!(!b.get(&app).await.body.contains("was not saved"));
    assert_eq!(ids(draft_uploads(&t, &id).await), files);
    let stored = t.app().store.application(&id).await.unwrap().unwrap();
    assert!(stored.submitted_at.is_some());
    assert_eq!(
        stored.answers.get(
            eforeigner::domain::applications::StepId::Personal,
            "surname"
        ),
        "Kovač"
    );
}

/// A payment line whose application changes between the import's read and its write (the
/// applicant saving a step of the draft, paid before submission) is applied to the
/// application as it is then, not dropped with an error half-way through the statement.
#[tokio::test]
async fn a_payment_imported_while_the_draft_changes_is_still_confirmed() {
    let (t, _, app) = applicant_with_ready_draft("busy@test.example").await;
    let id = app_id(&app);
    let stored = t.app().store.application(&id).await.unwrap().unwrap();
    let statement = statement_paying(&t, &id).await;

    // Another connection changes the draft (as a save does) and holds the change open
    // while the import reads the draft and then waits to write it.
    let held = t.hold_a_write_to(&id).await;
    let service = t.app().applications.clone();
    let import = tokio::spawn(async move { service.import_statement(&statement, &actor()).await });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !import.is_finished(),
        "the import waits for the other write"
    );
    release(held).await;
    let report = import.await.unwrap().unwrap();
    assert_eq!(report.count("matched"), 1, "{report:?}");
    let now = t.app().store.application(&id).await.unwrap().unwrap();
    assert!(now.paid_at.is_some());
    assert_eq!(
        now.version,
        stored.version + 2,
        "the other change and the payment"
    );
}

/// A draft deleted in one tab: an upload or a step saved from another tab's page is told,
/// in the applicant's terms, that the draft no longer exists, with the way to "My
/// applications"; nothing is recorded and the file is not kept.
#[tokio::test]
async fn a_change_to_a_draft_deleted_in_another_tab_says_the_draft_is_gone() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "gone@test.example").await;
    let app = employment_draft(&t, &b).await;
    let id = app_id(&app);
    // The first tab has the documents step and the personal data step open ...
    let documents = b.get(&format!("{app}/steps/documents")).await;
    let csrf = extract_csrf(&documents.body).unwrap();
    let personal_page = b.get(&format!("{app}/steps/personal")).await;
    let based_on = hidden(&personal_page.body, "based_on").unwrap();
    // ... when the second deletes the draft.
    b.post_form(&format!("{app}/delete"), &[("csrf_token", &csrf)])
        .await
        .assert_status(303);
    assert!(t.app().store.application(&id).await.unwrap().is_none());

    let r = upload_with(&b, &csrf, &app, "photograph", "late.png", png()).await;
    r.assert_status(404)
        .assert_contains("Not found among your applications")
        .assert_contains("A draft or a file that was deleted")
        .assert_contains("href=\"/applications\"");
    assert!(draft_uploads(&t, &id).await.is_empty());
    assert_eq!(
        t.stored_files(&format!("applications/{id}"), 0).await,
        Vec::<String>::new(),
        "the draft's files went with it, and the late one was not kept"
    );

    let mut fields = vec![
        ("csrf_token", csrf.as_str()),
        ("based_on", based_on.as_str()),
    ];
    fields.extend(personal());
    b.post_form(&format!("{app}/steps/personal"), &fields)
        .await
        .assert_status(404)
        .assert_contains("Not found among your applications");
    // In the applicant's language too.
    b.get(&format!("{app}?lang=sr-Cyrl"))
        .await
        .assert_status(404)
        .assert_contains("Није пронађено међу вашим захтевима");
}

/// A payment confirmed while the applicant has a step or "Check your answers" open changes
/// none of their answers: the save and the submission go through at the first click. A
/// change of the answers in another tab is still told, and nothing is submitted.
#[tokio::test]
async fn a_payment_confirmed_meanwhile_stops_neither_a_save_nor_the_submission() {
    let (t, b, app) = applicant_with_ready_draft("meanwhile@test.example").await;
    let id = app_id(&app);
    let submit = format!("{app}/submit");
    let form_of = |page: &Resp| {
        (
            extract_csrf(&page.body).unwrap(),
            hidden(&page.body, "based_on").unwrap(),
        )
    };

    // The review page is open in one tab when another tab changes the surname.
    let (csrf, stale) = form_of(&b.get(&format!("{app}/review")).await);
    let renamed: Vec<(&str, &str)> = personal()
        .into_iter()
        .map(|(k, v)| (k, if k == "surname" { "Kovačević" } else { v }))
        .collect();
    save(&b, &app, "personal", &renamed)
        .await
        .assert_status(303);
    b.post_form(
        &submit,
        &[
            ("csrf_token", &csrf),
            ("based_on", &stale),
            ("declaration", "on"),
        ],
    )
    .await
    .assert_contains("changed in another window");
    let draft = t.app().store.application(&id).await.unwrap().unwrap();
    assert_eq!(draft.status, ApplicationStatus::Draft);
    assert!(draft.submitted_at.is_none());

    // Review and a step open again, then the fee is paid (a bank statement is imported).
    let (csrf, review_stamp) = form_of(&b.get(&format!("{app}/review")).await);
    let (_, step_stamp) = form_of(&b.get(&format!("{app}/steps/personal")).await);
    assert_eq!(step_stamp, review_stamp, "one draft, one set of answers");
    let report = t
        .app()
        .applications
        .import_statement(&statement_paying(&t, &id).await, &actor())
        .await
        .unwrap();
    assert_eq!(report.count("matched"), 1, "{report:?}");
    let paid = t.app().store.application(&id).await.unwrap().unwrap();
    assert!(paid.paid_at.is_some());
    assert!(paid.version > draft.version, "the payment wrote the draft");

    // The step's form as it was: saved, on to the next step.
    let mut fields = vec![
        ("csrf_token", csrf.as_str()),
        ("based_on", step_stamp.as_str()),
    ];
    fields.extend(renamed.iter().copied());
    let r = b.post_form(&format!("{app}/steps/personal"), &fields).await;
    r.assert_status(303);
    assert_eq!(r.location(), format!("{app}/steps/reasons"));
    // The review's form: submitted at the first click, straight to "Request submitted"
    // since the fee is paid.
    let r = b
        .post_form(
            &submit,
            &[
                ("csrf_token", &csrf),
                ("based_on", &review_stamp),
                ("declaration", "on"),
            ],
        )
        .await;
    r.assert_status(303);
    assert_eq!(r.location(), format!("{app}?submitted=1"));
    let case = t.app().store.application(&id).await.unwrap().unwrap();
    assert_eq!(case.status, ApplicationStatus::Submitted);
    assert_eq!(case.answers.get(StepId::Personal, "surname"), "Kovačević");
}

/// A submission whose write is overtaken by a write that changed no answer (a payment
/// confirmed between the submission's read and its write) is weighed again, not refused.
#[tokio::test]
async fn a_submission_overtaken_by_a_write_that_changed_no_answer_is_tried_again() {
    let email = "overtaken@test.example";
    let (t, _, app) = applicant_with_ready_draft(email).await;
    let id = app_id(&app);
    let account = t.account(email).await;
    let draft = t.app().store.application(&id).await.unwrap().unwrap();
    let stamp = draft.answers_stamp();

    // Another connection writes the draft without touching its answers and holds the
    // write open while the submission reads the draft and then waits to write it.
    let held = t.hold_a_write_to(&id).await;
    let service = t.app().applications.clone();
    let submitting = id.clone();
    let submission = tokio::spawn(async move {
        service
            .submit(&account, &submitting, true, &stamp, &actor())
            .await
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !submission.is_finished(),
        "the submission waits for the other write"
    );
    release(held).await;
    let case = submission.await.unwrap().unwrap();
    assert_eq!(case.status, ApplicationStatus::AwaitingPayment);
    assert!(case.case_reference.is_some());
    let stored = t.app().store.application(&id).await.unwrap().unwrap();
    assert_eq!(
        stored.version,
        draft.version + 2,
        "the other write and the submission"
    );
}

/// A page shown in answer to a form's post returns to the page the form was on (after a
/// login when the session ended, a language switch, a session extension), never to the
/// post's own address, which may take no GET ("method not allowed").
#[tokio::test]
async fn after_a_post_the_way_back_is_the_form_s_page_not_the_post_address() {
    let (t, b, app) = applicant_with_ready_draft("back@test.example").await;
    let review_path = format!("{app}/review");
    let review = b.get(&review_path).await;
    let csrf = extract_csrf(&review.body).unwrap();
    let based_on = hidden(&review.body, "based_on").unwrap();
    let submit = format!("{app}/submit");
    let referer = format!("{}{review_path}", t.base);
    let fields = [
        ("csrf_token", csrf.as_str()),
        ("based_on", based_on.as_str()),
    ];
    // The post's own address takes no GET: opened from a bookmark, a page says so.
    b.get(&submit)
        .await
        .assert_status(405)
        .assert_contains("This page cannot be opened from its address")
        .assert_contains("Go back to the page with the form");
    // The API keeps its own answer (no HTML page).
    let api = b.get("/api/v1/residence/check").await;
    api.assert_status(405);
    assert!(!api.body.contains("<html"), "{}", api.body);

    // Without the declaration: the review page again; its language switch and session
    // extension return to the review page.
    let r = b
        .post_form_with(&submit, &fields, &[("referer", referer.as_str())])
        .await;
    r.assert_status(422);
    assert_eq!(hidden(&r.body, "next"), Some(review_path.clone()));
    // Without a `Referer`: the home page. Of a `Referer` only the path is taken.
    let r = b.post_form(&submit, &fields).await;
    assert_eq!(hidden(&r.body, "next").as_deref(), Some("/"));
    let r = b
        .post_form_with(
            &submit,
            &fields,
            &[("referer", "https://elsewhere.example/account?x=1")],
        )
        .await;
    assert_eq!(hidden(&r.body, "next").as_deref(), Some("/account?x=1"));

    // The session ends while the review page is open: the login brings the applicant
    // back to it, not to the submission's address.
    t.advance(SignedDuration::from_mins(61));
    let mut with_declaration = fields.to_vec();
    with_declaration.push(("declaration", "on"));
    let r = b
        .post_form_with(&submit, &with_declaration, &[("referer", referer.as_str())])
        .await;
    r.assert_status(303);
    let next: String = url::form_urlencoded::byte_serialize(review_path.as_bytes()).collect();
    assert_eq!(
        r.location(),
        format!("/login/password?next={next}&expired=1")
    );
    let csrf = b.csrf("/login/password").await;
    let r = b
        .post_form(
            "/login/password",
            &[
                ("email", "back@test.example"),
                ("password", PASSWORD),
                ("csrf_token", &csrf),
                ("next", &review_path),
            ],
        )
        .await;
    r.assert_status(303);
    assert_eq!(r.location(), review_path);
    b.get(&review_path)
        .await
        .assert_status(200)
        .assert_contains("Check your answers");
}

#[tokio::test]
async fn minors_extensions_without_ebs_and_out_of_order_steps_are_refused() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "ext@test.example").await;
    // An extension needs the permit's EBS: explained, with both ways on.
    let csrf = b.csrf("/applications/new").await;
    b.post_form(
        "/applications/new",
        &[("csrf_token", &csrf), ("kind", "extension")],
    )
    .await
    .assert_status(200)
    .assert_contains("treated as a first application")
    .assert_contains("/account/ebs");
    // A wrong EBS is refused, a right one links, then the extension starts.
    let csrf = b.csrf("/account/ebs").await;
    b.post_form("/account/ebs", &[("csrf_token", &csrf), ("ebs", "1234")])
        .await
        .assert_status(422);
    let ebs = {
        // Built like a JMBG with register 66 (see the rules' EBS tests).
        let base = "120499066512";
        let w = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        let s: u32 = base
            .chars()
            .zip(w)
            .map(|(c, w)| c.to_digit(10).unwrap() * w)
            .sum();
        let k = match 11 - (s % 11) {
            10 | 11 => 0,
            k => k,
        };
        format!("{base}{k}")
    };
    b.post_form("/account/ebs", &[("csrf_token", &csrf), ("ebs", &ebs)])
        .await
        .assert_status(303);
    let app = start(&b, "extension").await;
    // Steps open in order only.
    let r = b.get(&format!("{app}/steps/documents")).await;
    r.assert_status(303);
    let page = b.get(&format!("{app}/steps/check")).await;
    page.assert_status(200)
        .assert_contains("Expiry date of your current permit");
    // Outside the window (expiry in 8 months): the rules' reason on the field.
    save(
        &b,
        &app,
        "check",
        &[
            ("citizenship", "UA"),
            ("location", "in-serbia"),
            ("last_entry", "2026-01-01"),
            ("current_permit_expiry", "2027-08-01"),
        ],
    )
    .await
    .assert_status(422);
    let csrf = b.csrf("/applications").await;
    b.post_form(
        &format!("{app}/steps/reasons"),
        &[("csrf_token", &csrf), ("based_on", "99")],
    )
    .await
    .assert_status(403);
}

#[tokio::test]
async fn drafts_are_warned_about_and_deleted_after_thirty_days() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "old@test.example").await;
    let app = start(&b, "first").await;
    save(&b, &app, "check", CHECK).await.assert_status(303);
    // The app's background worker sweeps too (hourly by the test clock), so it may get to a
    // draft before the explicit call below: the checks are on what happened, not on which
    // of the two sweeps did it.
    let warnings = || {
        t.smtp
            .to("old@test.example")
            .iter()
            .filter(|m| m.subject().contains("deleted soon"))
            .count()
    };
    t.advance(SignedDuration::from_hours(24 * 24));
    // Two sweeps at once (as the worker's and this one may be) send one warning.
    let s = &t.app().applications;
    let (one, two) = tokio::join!(s.sweep_drafts(), s.sweep_drafts());
    let (one, two) = (one.unwrap(), two.unwrap());
    assert!(one.0 + two.0 <= 1, "warned twice: {one:?} {two:?}");
    assert_eq!(one.1 + two.1, 0, "deleted after 24 days");
    let mail = t.mail("old@test.example", "deleted soon").await;
    assert!(mail.body().contains(&app));
    // Warned once only.
    assert_eq!(t.app().applications.sweep_drafts().await.unwrap(), (0, 0));
    t.app().worker.run_due().await.unwrap();
    assert_eq!(warnings(), 1);
    t.advance(SignedDuration::from_hours(7 * 24));
    t.app().applications.sweep_drafts().await.unwrap();
    assert_eq!(t.app().applications.sweep_drafts().await.unwrap(), (0, 0));
    let b2 = t.browser();
    b2.login("old@test.example", PASSWORD).await;
    b2.get(&app).await.assert_status(404);
}

#[tokio::test]
async fn a_minor_is_told_the_in_person_route_and_cannot_start() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "young@test.example").await;
    // The verified date of birth makes the applicant 15.
    let before = t.account("young@test.example").await;
    let mut young = before.clone();
    young.profile.date_of_birth = Some(t.app().applications.today() - jiff::Span::new().years(15));
    young.updated_at = t.app().accounts.now();
    eforeigner::store::AccountRepo::update_account(
        &t.app().store,
        &young,
        before.updated_at,
        &eforeigner::store::UploadMove::default(),
        &eforeigner::store::Effects::at(young.updated_at),
    )
    .await
    .unwrap();
    b.get("/applications/new")
        .await
        .assert_status(403)
        .assert_contains("must be made in person")
        .assert_contains("legal representatives");
    let csrf = b.csrf("/applications").await;
    b.post_form(
        "/applications/new",
        &[("csrf_token", &csrf), ("kind", "first")],
    )
    .await
    .assert_status(403);
    assert!(
        t.app()
            .applications
            .list(&young, PageNumber::FIRST)
            .await
            .unwrap()
            .items
            .is_empty()
    );
}

/// Long lists come 20 rows a page with previous/next links; the unread count covers the
/// whole e-Mailbox; odd page numbers show something sensible; nobody else's rows show.
#[tokio::test]
async fn long_lists_come_a_page_at_a_time() {
    use eforeigner::domain::applications::MailboxDocument;
    use eforeigner::store::Effects;

    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "pages@test.example").await;
    let account = t.account("pages@test.example").await;
    let n = jiff::Timestamp::now();
    let store = &t.app().store;
    for i in 0..25i64 {
        let at = n + SignedDuration::from_secs(i);
        let doc = MailboxDocument {
            id: format!("doc-{i:02}"),
            account_id: account.id.clone(),
            application_id: None,
            kind: "receipt".into(),
            case_reference: Some(format!("TR-2026-{i:08}")),
            file_name: "r.pdf".into(),
            content_type: "application/pdf".into(),
            size_bytes: 10,
            storage_key: format!("k{i}"),
            verify_code: None,
            created_at: at,
            opened_at: (i % 5 == 0).then_some(at),
        };
        assert!(
            store
                .insert_mailbox_document(&doc, &Effects::at(at))
                .await
                .unwrap()
        );
    }
    let rows = |body: &str| body.matches("href=\"/mailbox/doc-").count();

    let first = b.get("/mailbox").await;
    first.assert_status(200);
    assert_eq!(rows(&first.body), 20);
    first
        .assert_contains("20 unread documents")
        .assert_contains("href=\"/mailbox/doc-24\"")
        .assert_contains("href=\"/mailbox?page=2\" rel=\"next\"")
        .assert_contains("Page 1");
    assert!(!first.body.contains("rel=\"prev\""));
    assert!(!first.body.contains("doc-04\""), "the oldest are on page 2");

    let second = b.get("/mailbox?page=2").await;
    assert_eq!(rows(&second.body), 5);
    second
        .assert_contains("20 unread documents")
        .assert_contains("href=\"/mailbox/doc-00\"")
        .assert_contains("href=\"/mailbox\" rel=\"prev\"");
    assert!(!second.body.contains("rel=\"next\""));

    let past = b.get("/mailbox?page=7").await;
    past.assert_status(200)
        .assert_contains("There is nothing on this page.")
        .assert_contains("<a href=\"/mailbox\">Go to the first page</a>");
    for odd in ["abc", "0", "-3", "99999999999"] {
        assert_eq!(
            rows(&b.get(&format!("/mailbox?page={odd}")).await.body),
            20,
            "{odd}"
        );
    }
    // The Serbian page says it in Serbian.
    b.get("/mailbox?page=2&lang=sr-Latn")
        .await
        .assert_contains("Prethodna stranica");

    // Nobody else sees them.
    let other = t.browser();
    t.active_applicant(&other, "nosy@test.example").await;
    let theirs = other.get("/mailbox").await;
    assert_eq!(rows(&theirs.body), 0);
    theirs.assert_contains("Your e-Mailbox is empty.");

    // "My applications" pages the same way (drafts through the pages).
    for _ in 0..21 {
        start(&b, "first").await;
    }
    let apps = b.get("/applications").await;
    assert_eq!(
        apps.body.matches("href=\"/applications/").count()
            - apps.body.matches("href=\"/applications/new\"").count(),
        20
    );
    apps.assert_contains("href=\"/applications?page=2\" rel=\"next\"");
    let apps2 = b.get("/applications?page=2").await;
    assert_eq!(
        apps2.body.matches("href=\"/applications/").count()
            - apps2.body.matches("href=\"/applications/new\"").count(),
        1
    );
}

/// Issue 14 B7: a file named "😀 名前 (Ω).png" was accepted, then the confirmation of
/// receipt failed for ever ("the character '名' cannot be printed"): the applicant never
/// got the proof of lawful stay. A person's text never stops a document now.
#[tokio::test]
async fn a_file_name_the_fonts_cannot_print_does_not_stop_the_receipt() {
    let (t, b, app) = applicant_with_ready_draft("emoji@test.example").await;
    upload(&b, &app, "photograph", "😀 名前 (Ω)\u{202E}gnp.png", png())
        .await
        .assert_status(303);
    let review = b.get(&format!("{app}/review")).await;
    b.post_form(
        &format!("{app}/submit"),
        &[
            ("csrf_token", &extract_csrf(&review.body).unwrap()),
            ("based_on", &hidden(&review.body, "based_on").unwrap()),
            ("declaration", "on"),
        ],
    )
    .await
    .assert_status(303);
    let id = app_id(&app);
    let statement = statement_paying(&t, &id).await;
    let report = t
        .app()
        .applications
        .import_statement(&statement, &actor())
        .await
        .unwrap();
    assert_eq!(report.count("matched"), 1);
    t.mail("emoji@test.example", "new document").await;
    let account = t.account("emoji@test.example").await;
    let docs = t
        .app()
        .store
        .mailbox_of(&account.id, PageNumber::parse(None).window())
        .await
        .unwrap();
    assert_eq!(
        docs.documents.len(),
        2,
        "the receipt and the certificate were delivered"
    );
    assert_eq!(docs.documents[0].kind, "receipt", "the receipt first");
    let doc = t
        .app()
        .applications
        .open_document(&account, &docs.documents[0].id, &actor())
        .await
        .unwrap();
    let bytes = t
        .app()
        .applications
        .document_file(&account, &doc.id)
        .await
        .unwrap()
        .1;
    if let Some(text) = pdf_text(&bytes) {
        assert!(text.contains("(Ω)gnp.png"), "{text}");
        assert!(!text.contains('\u{202E}'));
    }
}

/// Issue 14 C7: `eforeigner payments import` run without `EFOREIGNER_PUBLIC_URL` put
/// `http://127.0.0.1:8080` into the confirmation's QR code and link and into the e-mail,
/// whatever the portal's address. The command leaves the delivery to the running portal.
#[tokio::test]
async fn a_statement_imported_from_the_command_line_gets_the_portals_own_address() {
    let (t, b, app) = applicant_with_ready_draft("cli@test.example").await;
    let review = b.get(&format!("{app}/review")).await;
    b.post_form(
        &format!("{app}/submit"),
        &[
            ("csrf_token", &extract_csrf(&review.body).unwrap()),
            ("based_on", &hidden(&review.body, "based_on").unwrap()),
            ("declaration", "on"),
        ],
    )
    .await
    .assert_status(303);
    let statement = statement_paying(&t, &app_id(&app)).await;
    let file = t.app().config.data_dir.join("statement.csv");
    std::fs::write(&file, statement).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_eforeigner"))
        .args(["payments", "import"])
        .arg(&file)
        .env("EFOREIGNER_DATA_DIR", &t.app().config.data_dir)
        .env(
            "EFOREIGNER_DATABASE_URL",
            t.app().config.database_url.clone().unwrap(),
        )
        .env_remove("EFOREIGNER_PUBLIC_URL")
        .env_remove("EFOREIGNER_SMTP_URL")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("delivered by the running portal"),
        "{stdout}"
    );
    // The command's jobs are stamped with the real time; the test's clock catches up.
    t.advance(SignedDuration::from_mins(1));
    let mail = t.mail("cli@test.example", "new document").await;
    assert!(mail.body().contains(&t.base), "{}", mail.body());
    assert!(!mail.body().contains(":8080"));
    let account = t.account("cli@test.example").await;
    let docs = t
        .app()
        .store
        .mailbox_of(&account.id, PageNumber::parse(None).window())
        .await
        .unwrap();
    let doc = t
        .app()
        .applications
        .open_document(&account, &docs.documents[0].id, &actor())
        .await
        .unwrap();
    let bytes = t
        .app()
        .applications
        .document_file(&account, &doc.id)
        .await
        .unwrap()
        .1;
    if let Some(text) = pdf_text(&bytes) {
        assert!(text.contains(&format!("{}/verify/", t.base)), "{text}");
        assert!(!text.contains(":8080"), "{text}");
    }
}

/// Issue 14 C4, C5: on the documentation step, a file chosen in any item is uploaded by
/// whichever button is pressed ("Save and continue" dropped it without a word), the
/// summary names each document that still needs a file (it said "Upload at least one file
/// for this document" four times), and the items carry the uploads' own hint, not the
/// registration form's ("one or two files… both pages").
#[tokio::test]
async fn every_chosen_file_is_uploaded_whichever_button_is_pressed() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "docs@test.example").await;
    let app = talent_draft(&b).await;
    let id = app_id(&app);
    let page = b.get(&format!("{app}/steps/documents")).await;
    page.assert_status(200)
        .assert_contains("their names must differ within this document");
    assert!(
        !page.body.contains("both pages"),
        "no registration hint here"
    );
    let csrf = extract_csrf(&page.body).unwrap();
    let based_on = hidden(&page.body, "based_on").unwrap();
    let fields = |action: &str| {
        vec![
            ("csrf_token".to_string(), csrf.clone()),
            ("based_on".to_string(), based_on.clone()),
            ("action".to_string(), action.to_string()),
        ]
    };
    // A photo chosen, then "Save and continue" without "Upload": the photo is kept, and
    // the page says which documents still need a file, each by name, in the page's order.
    let r = b
        .post_multipart(
            &format!("{app}/documents"),
            &fields("continue"),
            &[("files_photograph", "photo.png", png())],
        )
        .await;
    r.assert_status(422)
        .assert_contains("photo.png")
        .assert_contains("Upload at least one file for: Scan of the passport");
    assert!(
        !r.body
            .contains("Upload at least one file for this document")
    );
    let start = r.body.find("id=\"error-summary\"").unwrap();
    let summary = &r.body[start..start + r.body[start..].find("</div>").unwrap()];
    let passport = summary.find("#doc_passport_scan").unwrap();
    let means = summary.find("#doc_proof_of_financial_means").unwrap();
    assert!(
        passport < means,
        "the summary follows the checklist's order"
    );
    assert_eq!(draft_uploads(&t, &id).await.len(), 1);
    // "Upload" of one item takes the files of every item.
    let r = b
        .post_multipart(
            &format!("{app}/documents"),
            &fields("upload:passport_scan"),
            &[
                ("files_passport_scan", "passport.pdf", pdf()),
                ("files_proof_of_financial_means", "bank.pdf", pdf()),
            ],
        )
        .await;
    r.assert_status(303);
    assert!(
        r.location()
            .ends_with("?done=files-uploaded#doc_passport_scan"),
        "{}",
        r.location()
    );
    b.get(&r.location())
        .await
        .assert_contains("The files have been uploaded.");
    assert_eq!(draft_uploads(&t, &id).await.len(), 3);
    // "Remove" removes its file and still takes a file chosen elsewhere.
    let photo = draft_uploads(&t, &id)
        .await
        .into_iter()
        .find(|u| u.file_name == "photo.png")
        .unwrap();
    let mut remove = fields("");
    remove.push(("remove".into(), photo.id.clone()));
    b.post_multipart(
        &format!("{app}/documents"),
        &remove,
        &[("files_photograph", "photo-2.png", png())],
    )
    .await
    .assert_status(303);
    let names: Vec<String> = draft_uploads(&t, &id)
        .await
        .into_iter()
        .map(|u| u.file_name)
        .collect();
    assert!(
        names.contains(&"photo-2.png".to_string()) && !names.contains(&"photo.png".to_string()),
        "{names:?}"
    );
    // A token from another page is refused and keeps nothing.
    let r = b
        .post_multipart(
            &format!("{app}/documents"),
            &[
                ("csrf_token".into(), "stale".into()),
                ("action".into(), "continue".into()),
            ],
            &[("files_other_documents", "x.pdf", pdf())],
        )
        .await;
    r.assert_status(403);
    assert_eq!(
        t.stored_files(&format!("applications/{id}"), 3).await.len(),
        3
    );
}

/// Issue 14 C6: "Save and continue" on the fees step went to "Check your answers" without
/// showing the slip (it appeared only on a revisit, below the buttons), and "Check your
/// answers" offered "Change" for the amount and the reference, which cannot change.
#[tokio::test]
async fn the_slip_is_shown_before_going_on_and_the_fee_is_not_changeable() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "slip@test.example").await;
    let app = employment_draft(&t, &b).await;
    let r = save(&b, &app, "fees", &[("payment_method", "slip")]).await;
    r.assert_status(303);
    assert!(
        r.location().contains("/steps/fees?done=slip-ready"),
        "{}",
        r.location()
    );
    let page = b.get(&r.location()).await;
    page.assert_status(200)
        .assert_contains("Your payment slip is ready below");
    // The slip comes before the step's buttons.
    let slip = page.body.find("id=\"slip\"").unwrap();
    let buttons = page.body.find("value=\"continue\"").unwrap();
    assert!(slip < buttons);
    let r = save(
        &b,
        &app,
        "fees",
        &[("payment_method", "slip"), ("slip_shown", "1")],
    )
    .await;
    r.assert_status(303);
    assert_eq!(r.location(), format!("{app}/review"));
    let review = b.get(&r.location()).await;
    let fees = review.body.split("6. ").nth(1).unwrap();
    let fees = &fees[..fees.find("</dl>").unwrap()];
    assert_eq!(
        fees.matches("Change").count(),
        1,
        "only the way of paying: {fees}"
    );
    assert!(fees.contains("Amount") || fees.contains("RSD"));
    let _ = t;
}

/// Issue 14 D: "Save and come back later" and deleting a draft confirm themselves.
#[tokio::test]
async fn saving_for_later_and_deleting_a_draft_say_so() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "later@test.example").await;
    let app = start(&b, "first").await;
    let r = save(
        &b,
        &app,
        "check",
        &[("citizenship", "UA"), ("action", "later")],
    )
    .await;
    assert_eq!(r.location(), format!("{app}?done=saved-for-later"));
    b.get(&r.location())
        .await
        .assert_contains("Your answers are saved.");
    let csrf = b.csrf(&format!("{app}/delete")).await;
    let r = b
        .post_form(&format!("{app}/delete"), &[("csrf_token", &csrf)])
        .await;
    assert_eq!(r.location(), "/applications?done=draft-deleted");
    b.get(&r.location())
        .await
        .assert_contains("The draft has been deleted");
    let _ = t;
}

/// An applicant with a linked EBS (needed for an extension), signed in on `b`.
async fn extension_applicant(t: &TestApp, b: &Browser, email: &str) {
    t.active_applicant(b, email).await;
    let ebs = {
        // Built like a JMBG with register 66 (see the rules' EBS tests).
        let base = "120499066512";
        let w = [7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
        let s: u32 = base
            .chars()
            .zip(w)
            .map(|(c, w)| c.to_digit(10).unwrap() * w)
            .sum();
        let k = match 11 - (s % 11) {
            10 | 11 => 0,
            k => k,
        };
        format!("{base}{k}")
    };
    let csrf = b.csrf("/account/ebs").await;
    b.post_form("/account/ebs", &[("csrf_token", &csrf), ("ebs", &ebs)])
        .await
        .assert_status(303);
}

/// `date` as the English pages write it out (`14 March 2027`).
fn long_en(date: jiff::civil::Date) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[usize::try_from(date.month() - 1).unwrap()],
        date.year()
    )
}

/// seed-004: a visa D holder applies only on the basis the visa was issued for. Step 1 asks
/// for it (a field error when it is missing, every answer kept); step 3 refuses a reason
/// under another basis, with the rules' message, and says which basis fits.
#[tokio::test]
async fn a_visa_d_holder_applies_on_the_visa_basis() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    t.active_applicant(&b, "visa@test.example").await;
    let app = start(&b, "first").await;
    let check = [
        ("citizenship", "KZ"),
        ("location", "in-serbia"),
        ("last_entry", "2026-10-01"),
        ("has_d_visa", "yes"),
    ];
    let r = save(&b, &app, "check", &check).await;
    r.assert_status(422)
        .assert_contains("href=\"#d_visa_basis\"")
        .assert_contains("id=\"d_visa_basis-error\"")
        .assert_contains("Choose the basis your visa D was issued for.")
        .assert_contains("<option value=\"KZ\" selected>")
        .assert_contains("value=\"2026-10-01\"");
    let mut with_basis = check.to_vec();
    with_basis.push(("d_visa_basis", "education"));
    save(&b, &app, "check", &with_basis)
        .await
        .assert_status(303);
    save(&b, &app, "personal", &personal())
        .await
        .assert_status(303);
    let reasons = [
        ("ground", "employment.employment_contract"),
        ("residence_municipality", municipality()),
        ("street", "Bulevar kralja Aleksandra"),
        ("house_number", "73/5"),
    ];
    let r = save(&b, &app, "reasons", &reasons).await;
    r.assert_status(422)
        .assert_contains("id=\"ground-error\"")
        .assert_contains("Your visa D was issued for Education, and a visa D holder can apply only on the basis the visa was issued for")
        .assert_contains("Your visa D was issued for Education: choose a reason under this basis.")
        .assert_contains("value=\"Bulevar kralja Aleksandra\"");
    let mut studying = reasons.to_vec();
    studying[0] = ("ground", "education.studying");
    save(&b, &app, "reasons", &studying)
        .await
        .assert_status(303);
    // Changing the visa's basis afterwards puts a problem on step 3.
    let mut other = check.to_vec();
    other.push(("d_visa_basis", "employment"));
    save(&b, &app, "check", &other).await.assert_status(303);
    let tasks = b.get(&app).await;
    tasks.assert_contains("There is a problem");
    // In Russian: the field and the message.
    let ru = b.get(&format!("{app}/steps/reasons?lang=ru")).await;
    ru.assert_contains("Ваша виза D выдана по основанию «Трудоустройство»");
}

/// An extension counts as made on the day its fee is confirmed (when that is after Submit):
/// the fees step, "Check your answers" and the case awaiting payment say so with the last
/// day written out.
#[tokio::test]
async fn an_extension_is_told_its_last_day_before_it_matters() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    extension_applicant(&t, &b, "renew@test.example").await;
    let today = t.app().applications.today();
    let expiry = today.checked_add(jiff::Span::new().days(45)).unwrap();
    let app = start(&b, "extension").await;
    let expiry_text = expiry.to_string();
    save(
        &b,
        &app,
        "check",
        &[
            ("citizenship", "UA"),
            ("location", "in-serbia"),
            ("last_entry", "2026-01-01"),
            ("current_permit_expiry", &expiry_text),
        ],
    )
    .await
    .assert_status(303);
    let mut p = personal();
    p.push(("new_passport", "no"));
    save(&b, &app, "personal", &p).await.assert_status(303);
    save(
        &b,
        &app,
        "reasons",
        &[
            ("ground", "talent"),
            ("residence_municipality", municipality()),
            ("street", "Knez Mihailova"),
            ("house_number", "1"),
        ],
    )
    .await
    .assert_status(303);
    save(
        &b,
        &app,
        "details",
        &[
            ("field_of_talent", "Violin"),
            ("recognition", "First prize"),
        ],
    )
    .await
    .assert_status(303);
    // The extension's own checklist: no beli karton, the talent's proof again.
    let docs = b.get(&format!("{app}/steps/documents")).await;
    docs.assert_contains("id=\"doc_talent_proof\"")
        .assert_contains("id=\"doc_passport_scan\"");
    assert!(!docs.body.contains("id=\"doc_beli_karton\""));
    for item in [
        "photograph",
        "passport_scan",
        "proof_of_financial_means",
        "talent_proof",
    ] {
        upload(&b, &app, item, &format!("{item}.png"), png())
            .await
            .assert_status(303);
    }
    save(&b, &app, "documents", &[]).await.assert_status(303);
    let sentence = format!("Your current permit expires on {}.", long_en(expiry));
    let fees = b.get(&format!("{app}/steps/fees")).await;
    fees.assert_status(200)
        .assert_contains("The last day for your extension")
        .assert_contains(&sentence)
        .assert_contains("the day your fee payment is confirmed");
    save(&b, &app, "fees", &[("payment_method", "slip")])
        .await
        .assert_status(303);
    let review = b.get(&format!("{app}/review")).await;
    review.assert_status(200).assert_contains(&sentence);
    let deadline = review.body.find(&sentence).unwrap();
    let declaration = review.body.find("id=\"declaration\"").unwrap();
    assert!(deadline < declaration, "told before Submit");
    // Submitted, awaiting payment: the case page says it again, by the slip.
    let csrf = extract_csrf(&review.body).unwrap();
    let based_on = hidden(&review.body, "based_on").unwrap();
    b.post_form(
        &format!("{app}/submit"),
        &[
            ("csrf_token", &csrf),
            ("based_on", &based_on),
            ("declaration", "on"),
        ],
    )
    .await
    .assert_status(303);
    let case = b.get(&app).await;
    case.assert_contains("Awaiting payment")
        .assert_contains(&sentence);
    let sr = b.get(&format!("{app}?lang=sr-Latn")).await;
    sr.assert_contains("Vaša sadašnja dozvola ističe");
    b.get("/applications?lang=en").await;
    // A first application is not told.
    let first = start(&b, "first").await;
    save(&b, &first, "check", CHECK).await.assert_status(303);
    let r = b.get(&format!("{first}/steps/personal")).await;
    assert!(!r.body.contains("The last day for your extension"));
}
