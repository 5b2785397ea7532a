//! After "Request processing": the inspector asks for an update, the applicant changes only
//! what was named and sends it without paying, the inspector takes it up and approves
//! (a numbered decision in the e-Mailbox); a rejection proposed by an inspector takes effect
//! only when another person, a supervisor, confirms it; a deadline that passes returns the
//! case to the inspector; decision numbers never repeat, even when made at once.

use eforeigner::domain::applications::{RejectionAsk, UpdateAsk};
use eforeigner::domain::store::ApplicationRepo as _;
use eforeigner::domain::{Account, Actor, ApplicationId, DomainError};
use jiff::SignedDuration;

use crate::support::*;

const DEMO_PASSWORD: &str = "sunrise-lantern-harbour-42";
const INSPECTOR: &str = "inspector@demo.eforeigner.test";
const SUPERVISOR: &str = "supervisor@demo.eforeigner.test";
const APPLICANT: &str = eforeigner::demo::RESIDENT;

/// The demo portal with its paid case taken by the demo inspector.
async fn taken_case() -> (TestApp, ApplicationId) {
    let t = TestApp::spawn().await;
    t.app().seed_demo().await.unwrap();
    let applicant = t.account(APPLICANT).await;
    let id = t
        .app()
        .applications
        .list(&applicant, eforeigner::domain::paging::PageNumber::FIRST)
        .await
        .unwrap()
        .items[0]
        .id
        .clone();
    let inspector = t.account(INSPECTOR).await;
    t.app()
        .applications
        .take(&inspector, &id, &Actor::default())
        .await
        .unwrap();
    (t, id)
}

/// `first` and `n` copies of it (same status, handler and department; references of their
/// own), as more cases of the department.
async fn with_copies(
    t: &TestApp,
    first: &ApplicationId,
    n: usize,
    tag: &str,
) -> Vec<ApplicationId> {
    let store = &t.app().store;
    let original = store.application(first).await.unwrap().unwrap();
    let mut ids = vec![first.clone()];
    for i in 0..n {
        let mut copy = original.clone();
        copy.id = ApplicationId::new(format!("{}-{tag}{i}", original.id));
        copy.case_reference = Some(format!("TR-2026-{tag}{i:06}"));
        copy.payment_reference = Some(format!("016{tag}{i:06}"));
        copy.verify_code = None;
        let event = eforeigner::domain::applications::ApplicationEvent {
            id: format!("ev-{tag}{i}"),
            application_id: copy.id.clone(),
            at: copy.created_at,
            actor_id: None,
            from_status: None,
            to_status: copy.status,
            what: "started".into(),
            why: None,
        };
        store
            .insert_application(
                &copy,
                &event,
                &eforeigner::domain::store::Effects::at(copy.created_at),
            )
            .await
            .unwrap();
        ids.push(copy.id);
    }
    ids
}

async fn signed_in(t: &TestApp, email: &str) -> Browser {
    let b = t.browser();
    b.login(email, DEMO_PASSWORD).await.assert_status(303);
    b
}

/// Posts the case page's form `path` with `fields` (and the page's CSRF token).
async fn act(b: &Browser, id: &ApplicationId, path: &str, fields: &[(&str, &str)]) -> Resp {
    let csrf = b.csrf(&format!("/officer/cases/{id}")).await;
    let mut all = vec![("csrf_token", csrf.as_str())];
    all.extend_from_slice(fields);
    b.post_form(&format!("/officer/cases/{id}/{path}"), &all)
        .await
}

async fn status_of(t: &TestApp, id: &ApplicationId) -> String {
    t.app()
        .store
        .application(id)
        .await
        .unwrap()
        .unwrap()
        .status
        .as_str()
        .to_string()
}

/// The e-Mailbox document links of `b`'s account (newest first).
async fn mailbox_links(b: &Browser) -> Vec<String> {
    let page = b.get("/mailbox").await;
    page.body
        .split("href=\"/mailbox/")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|s| !s.is_empty() && !s.contains('?'))
        .map(str::to_string)
        .collect()
}

/// The e-Mailbox links of `b` once there are `n` (the jobs run meanwhile; the worker may
/// be running one already, woken by the request that wrote it).
async fn mailbox_with(t: &TestApp, b: &Browser, n: usize) -> Vec<String> {
    for _ in 0..100 {
        t.flush_mail().await;
        let links = mailbox_links(b).await;
        if links.len() >= n {
            return links;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the e-Mailbox never had {n} documents");
}

/// Opens the e-Mailbox document `doc` of `b` (the account `email`) and returns its PDF's
/// text (`None` without poppler).
async fn letter_text(t: &TestApp, b: &Browser, email: &str, doc: &str) -> Option<String> {
    let csrf = b.csrf(&format!("/mailbox/{doc}")).await;
    b.post_form(&format!("/mailbox/{doc}/open"), &[("csrf_token", &csrf)])
        .await;
    b.get(&format!("/mailbox/{doc}/file"))
        .await
        .assert_status(200);
    let account = t.account(email).await;
    let (_, bytes) = t
        .app()
        .applications
        .document_file(&account, doc)
        .await
        .unwrap();
    // Words only: the PDF wraps lines where it must.
    pdf_text(&bytes).map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[tokio::test]
async fn an_update_opens_only_what_was_named_and_is_sent_without_paying_then_approved() {
    let (t, id) = taken_case().await;
    let inspector = signed_in(&t, INSPECTOR).await;
    let page = inspector.get(&format!("/officer/cases/{id}")).await;
    page.assert_status(200)
        .assert_contains("Ask the applicant for documents or corrections")
        .assert_contains("Approve the request")
        .assert_contains("Propose a rejection")
        .assert_contains("The rules as of today");

    // Bad input: no message, nothing named, a deadline in the past. Nothing changes.
    let r = act(
        &inspector,
        &id,
        "update",
        &[("message", " "), ("days", "0")],
    )
    .await;
    r.assert_status(422)
        .assert_contains("Write what is missing or wrong.")
        .assert_contains("Name at least one step or document")
        .assert_contains("Give at least 1 day");
    let r = act(
        &inspector,
        &id,
        "update",
        &[
            ("message", "x"),
            ("items", "no_such_item"),
            ("days", "eight"),
        ],
    )
    .await;
    r.assert_status(422)
        .assert_contains("Enter a whole number of days");
    assert_eq!(status_of(&t, &id).await, "processing");

    // The request for an update: the passport scan only, 8 days.
    let r = act(
        &inspector,
        &id,
        "update",
        &[
            (
                "message",
                "The passport scan is unreadable. Upload a sharper scan.",
            ),
            ("items", "passport_scan"),
            ("days", "8"),
        ],
    )
    .await;
    r.assert_status(303);
    assert_eq!(
        r.location(),
        format!("/officer/cases/{id}?done=case-update-requested")
    );
    assert_eq!(status_of(&t, &id).await, "updating");
    inspector
        .get(&r.location())
        .await
        .assert_contains("8 days left")
        .assert_contains("Request for documents or corrections");

    // The letter reaches the e-Mailbox, with an e-mail.
    t.mail(APPLICANT, "").await;
    let applicant = signed_in(&t, APPLICANT).await;
    let links = mailbox_with(&t, &applicant, 3).await;
    assert_eq!(
        links.len(),
        3,
        "the receipt, the certificate and the letter: {links:?}"
    );
    // The certificate of the initiated procedure: the registration number the applicant
    // was given (the demo resident had none), valid by the rules' check digit.
    let given = t
        .account(APPLICANT)
        .await
        .profile
        .ebs
        .expect("an EBS given");
    assert!(eforeigner::domain::Ebs::parse(given.as_str()).is_ok());
    if let Some(text) = letter_text(&t, &applicant, APPLICANT, &links[2]).await {
        assert!(
            text.contains("Certificate of the initiated procedure"),
            "{text}"
        );
        assert!(text.contains(given.as_str()), "{text}");
    }
    if let Some(text) = letter_text(&t, &applicant, APPLICANT, &links[0]).await {
        assert!(
            text.contains("Request for documents or corrections"),
            "{text}"
        );
        assert!(text.contains("The passport scan is unreadable."), "{text}");
        assert!(text.contains("Scan of the passport"), "{text}");
    }

    // The applicant's case page: the letter, the days left, what to do.
    let own = applicant.get(&format!("/applications/{id}")).await;
    own.assert_status(200)
        .assert_contains("Request updating")
        .assert_contains("8 days left")
        .assert_contains("The passport scan is unreadable.")
        .assert_contains("Check your answers and send the corrections");
    // A step not named stays shut; the documents step opens with the named item only.
    let shut = applicant
        .get(&format!("/applications/{id}/steps/personal"))
        .await;
    shut.assert_status(303);
    let docs = applicant
        .get(&format!("/applications/{id}/steps/documents"))
        .await;
    docs.assert_status(200)
        .assert_contains("name=\"files_passport_scan\"")
        .assert_contains("The inspector did not ask for this document");
    // Another item's file cannot be added (nor one removed).
    let csrf = applicant
        .csrf(&format!("/applications/{id}/steps/documents"))
        .await;
    let refused = applicant
        .post_multipart(
            &format!("/applications/{id}/files"),
            &[
                ("csrf_token".into(), csrf.clone()),
                ("item".into(), "photograph".into()),
            ],
            &[("files", "other.png", png())],
        )
        .await;
    assert_ne!(refused.status, 303, "{}", refused.body);
    let files_before = t
        .app()
        .applications
        .uploads(&t.app().store.application(&id).await.unwrap().unwrap())
        .await
        .unwrap();
    let other = files_before
        .iter()
        .find(|u| u.purpose != "passport_scan")
        .unwrap();
    applicant
        .post_form(
            &format!("/applications/{id}/files/{}/delete", other.id),
            &[("csrf_token", &csrf)],
        )
        .await;
    let files_now = t
        .app()
        .applications
        .uploads(&t.app().store.application(&id).await.unwrap().unwrap())
        .await
        .unwrap();
    assert!(files_now.iter().any(|u| u.id == other.id), "not removed");

    // The named item takes a new file.
    applicant
        .post_multipart(
            &format!("/applications/{id}/files"),
            &[
                ("csrf_token".into(), csrf.clone()),
                ("item".into(), "passport_scan".into()),
            ],
            &[("files", "passport-sharp.png", png())],
        )
        .await
        .assert_status(303);

    // Check and send: no payment asked; "Sending data in progress".
    let review = applicant.get(&format!("/applications/{id}/review")).await;
    review
        .assert_status(200)
        .assert_contains("Send the corrections")
        .assert_contains("You do not pay again.");
    let based_on = hidden(&review.body, "based_on").unwrap();
    let csrf = extract_csrf(&review.body).unwrap();
    let sent = applicant
        .post_form(
            &format!("/applications/{id}/submit"),
            &[
                ("csrf_token", &csrf),
                ("based_on", &based_on),
                ("declaration", "on"),
            ],
        )
        .await;
    sent.assert_status(303);
    assert_eq!(status_of(&t, &id).await, "resending");
    let stored = t.app().store.application(&id).await.unwrap().unwrap();
    assert!(stored.update_scope.is_none());
    let payments_before = stored.paid_at;
    applicant
        .get(&format!("/applications/{id}"))
        .await
        .assert_contains("Sending data in progress")
        .assert_contains("The applicant sent the corrections");

    // The inspector takes it up and approves: a numbered decision.
    act(&inspector, &id, "resume", &[]).await.assert_status(303);
    assert_eq!(status_of(&t, &id).await, "processing");
    let r = act(&inspector, &id, "approve", &[]).await;
    r.assert_status(303);
    assert_eq!(
        r.location(),
        format!("/officer/cases/{id}?done=case-approved")
    );
    let stored = t.app().store.application(&id).await.unwrap().unwrap();
    assert_eq!(stored.status.as_str(), "approved");
    assert_eq!(stored.paid_at, payments_before, "no second payment");
    let letters = t.app().store.case_letters(&id).await.unwrap();
    assert_eq!(letters.len(), 2);
    let decision = letters.last().unwrap();
    let number = decision.number.as_ref().unwrap();
    // The demo's approved request holds the department's first number of the year.
    assert_eq!(number.seq, 2);
    assert_eq!(number.department, "beograd");
    assert!(decision.body.valid_until.is_some());

    let links = mailbox_with(&t, &applicant, 4).await;
    if let Some(text) = letter_text(&t, &applicant, APPLICANT, &links[0]).await {
        assert!(text.contains("is approved"), "{text}");
        assert!(text.contains(&number.to_string()), "{text}");
        assert!(text.contains("Invitation to biometrics"), "{text}");
    }
    applicant
        .get(&format!("/applications/{id}"))
        .await
        .assert_contains("Request approved")
        .assert_contains(&number.to_string());
}

#[tokio::test]
async fn a_rejection_takes_effect_only_when_another_person_a_supervisor_confirms_it() {
    let (t, id) = taken_case().await;
    let inspector = signed_in(&t, INSPECTOR).await;

    // Bad input: no ground, an unknown ground, no reasoning.
    let r = act(&inspector, &id, "reject", &[("reasoning", "")]).await;
    r.assert_status(422)
        .assert_contains("Select at least one ground for the rejection.")
        .assert_contains("Write the reasoning for the rejection.");
    act(
        &inspector,
        &id,
        "reject",
        &[("grounds", "bad_mood"), ("reasoning", "x")],
    )
    .await
    .assert_status(422);
    assert!(
        t.app()
            .store
            .application(&id)
            .await
            .unwrap()
            .unwrap()
            .rejection_proposal
            .is_none()
    );

    let r = act(
        &inspector,
        &id,
        "reject",
        &[
            ("grounds", "purpose_misuse_suspected"),
            ("grounds", "falsified_or_illegal_evidence"),
            (
                "reasoning",
                "The employment contract was not signed by the employer.",
            ),
        ],
    )
    .await;
    r.assert_status(303);
    assert_eq!(status_of(&t, &id).await, "processing", "not yet rejected");
    let page = inspector.get(&format!("/officer/cases/{id}")).await;
    page.assert_contains("Rejection proposed, waiting for a supervisor");
    assert!(
        !page.body.contains("Approve the request"),
        "no approval while pending"
    );
    // The inspector cannot confirm their own proposal (no permission: 403).
    act(&inspector, &id, "reject/confirm", &[])
        .await
        .assert_status(403);

    // A supervisor of the department (another person) confirms it.
    let supervisor: Account = t.account(SUPERVISOR).await;
    let sup = signed_in(&t, SUPERVISOR).await;
    sup.get(&format!("/officer/cases/{id}"))
        .await
        .assert_contains("Confirm the rejection");
    let r = act(&sup, &id, "reject/confirm", &[]).await;
    r.assert_status(303);
    assert_eq!(
        r.location(),
        format!("/officer/cases/{id}?done=case-rejected")
    );
    assert_eq!(status_of(&t, &id).await, "rejected");
    let letters = t.app().store.case_letters(&id).await.unwrap();
    let decision = letters.last().unwrap();
    assert_eq!(
        decision.body.grounds,
        ["purpose_misuse_suspected", "falsified_or_illegal_evidence"]
    );
    assert_eq!(decision.body.confirmed_by.as_ref(), Some(&supervisor.id));
    let applicant = signed_in(&t, APPLICANT).await;
    mailbox_with(&t, &applicant, 3).await;
    let own_page = applicant.get(&format!("/applications/{id}")).await;
    own_page
        .assert_contains("Request rejected")
        .assert_contains("Legal remedy")
        .assert_contains("To be confirmed")
        .assert_contains("The employment contract was not signed by the employer.");
    let links = mailbox_links(&applicant).await;
    if let Some(text) = letter_text(&t, &applicant, APPLICANT, &links[0]).await {
        assert!(text.contains("is rejected"), "{text}");
        assert!(text.contains("Legal remedy"), "{text}");
    }
}

#[tokio::test]
async fn a_supervisor_cannot_confirm_their_own_proposed_rejection() {
    let (t, id) = taken_case().await;
    let supervisor: Account = t.account(SUPERVISOR).await;
    let s = &t.app().applications;
    let actor = Actor::default();
    s.reassign(&supervisor, &id, &supervisor.id, &actor)
        .await
        .unwrap();
    s.propose_rejection(
        &supervisor,
        &id,
        &RejectionAsk {
            grounds: vec!["security_of_serbia".into()],
            reasoning: "Reasons of security.".into(),
        },
        &actor,
    )
    .await
    .unwrap();
    let r = s.confirm_rejection(&supervisor, &id, &actor).await;
    assert!(matches!(r, Err(DomainError::Conflict)), "{r:?}");
    assert_eq!(status_of(&t, &id).await, "processing");
    // Sent back by another supervisor: the proposal is gone, the case goes on.
    t.create_user("sup2@test.example", eforeigner::domain::Role::Supervisor)
        .await;
    let other = t.account("sup2@test.example").await;
    t.app()
        .accounts
        .assign_department(&other, supervisor.department, &actor)
        .await
        .unwrap();
    let other = t.account("sup2@test.example").await;
    s.return_rejection(&other, &id, &actor).await.unwrap();
    let stored = t.app().store.application(&id).await.unwrap().unwrap();
    assert!(stored.rejection_proposal.is_none());
    assert_eq!(stored.status.as_str(), "processing");
}

#[tokio::test]
async fn a_lapsed_deadline_returns_the_case_to_the_inspector_after_a_reminder() {
    let (t, id) = taken_case().await;
    let inspector = t.account(INSPECTOR).await;
    let s = &t.app().applications;
    s.request_update(
        &inspector,
        &id,
        &UpdateAsk {
            message: "Send the lease.".into(),
            steps: vec!["reasons".into()],
            items: vec![],
            days: "3".into(),
        },
        &Actor::default(),
    )
    .await
    .unwrap();
    // Not yet: nothing happens.
    assert_eq!(s.sweep_updates().await.unwrap(), (0, 0));
    // Two days before the last day: one reminder, once. (The portal's own worker sweeps
    // too, after the clock moved: whichever sweeps first sends it, the other finds it sent.)
    t.advance(SignedDuration::from_hours(24));
    let (lapsed, reminded) = s.sweep_updates().await.unwrap();
    assert_eq!(lapsed, 0);
    assert!(reminded <= 1);
    assert_eq!(s.sweep_updates().await.unwrap(), (0, 0));
    let mail = t.mail(APPLICANT, "corrections").await;
    assert!(mail.body().contains("/applications/"), "{}", mail.body());
    t.flush_mail().await;
    let reminders = t
        .smtp
        .to(APPLICANT)
        .iter()
        .filter(|m| m.subject().contains("corrections are due"))
        .count();
    assert_eq!(reminders, 1, "one reminder");
    assert!(
        t.app()
            .store
            .application(&id)
            .await
            .unwrap()
            .unwrap()
            .reminded_at
            .is_some()
    );
    // The day after the last day: back to the inspector, marked.
    t.advance(SignedDuration::from_hours(3 * 24));
    let (lapsed, _) = s.sweep_updates().await.unwrap();
    assert!(lapsed <= 1);
    assert_eq!(s.sweep_updates().await.unwrap(), (0, 0));
    let stored = t.app().store.application(&id).await.unwrap().unwrap();
    assert_eq!(stored.status.as_str(), "processing");
    assert!(stored.lapsed_at.is_some());
    let b = signed_in(&t, INSPECTOR).await;
    b.get(&format!("/officer/cases/{id}"))
        .await
        .assert_contains("passed without an answer");
    b.get("/officer/cases")
        .await
        .assert_contains("Deadline passed");
    // The applicant can no longer change anything.
    let applicant = t.account(APPLICANT).await;
    let late = s
        .save_step(
            &applicant,
            &id,
            eforeigner::domain::applications::StepId::Reasons,
            Default::default(),
            &stored.answers_stamp(),
            &Actor::default(),
        )
        .await;
    assert!(matches!(late, Err(DomainError::NotDraft)), "{late:?}");
}

#[tokio::test]
async fn decisions_made_at_once_get_consecutive_numbers_without_repeats() {
    let (t, first) = taken_case().await;
    let inspector = t.account(INSPECTOR).await;
    let store = &t.app().store;
    // More cases of the department: copies of the demo case, taken by the inspector.
    let ids = with_copies(&t, &first, 5, "copy").await;
    let s = &t.app().applications;
    let actor = Actor::default();
    let results =
        futures::future::join_all(ids.iter().map(|id| s.approve(&inspector, id, &actor))).await;
    for r in &results {
        assert!(r.is_ok(), "{r:?}");
    }
    let mut seqs = vec![];
    for id in &ids {
        let letters = store.case_letters(id).await.unwrap();
        seqs.push(letters[0].number.as_ref().unwrap().seq);
    }
    seqs.sort();
    // (The demo's approved request holds the first number.)
    assert_eq!(seqs, (2..=7).collect::<Vec<i64>>());
    // Approving again is refused; nothing doubled.
    assert!(matches!(
        s.approve(&inspector, &first, &actor).await,
        Err(DomainError::Conflict)
    ));
    assert_eq!(store.case_letters(&first).await.unwrap().len(), 1);
}

#[tokio::test]
async fn another_departments_officer_and_other_people_cannot_act_on_a_case() {
    let (t, id) = taken_case().await;
    // An inspector of another department: not found, for every move.
    t.create_user("ns@test.example", eforeigner::domain::Role::Inspector)
        .await;
    let ns = t.account("ns@test.example").await;
    t.app()
        .accounts
        .assign_department(
            &ns,
            Some(eforeigner::domain::find_department("novi_sad").unwrap()),
            &Actor::default(),
        )
        .await
        .unwrap();
    let b = t.browser();
    b.login("ns@test.example", PASSWORD)
        .await
        .assert_status(303);
    let csrf = b.csrf("/officer/cases").await;
    for path in ["update", "resume", "approve", "reject"] {
        b.post_form(
            &format!("/officer/cases/{id}/{path}"),
            &[
                ("csrf_token", &csrf),
                ("message", "x"),
                ("items", "passport_scan"),
            ],
        )
        .await
        .assert_status(404);
    }
    // The department's supervisor, not the handler: not offered, refused.
    let supervisor = t.account(SUPERVISOR).await;
    let r = t
        .app()
        .applications
        .approve(&supervisor, &id, &Actor::default())
        .await;
    assert!(matches!(r, Err(DomainError::Forbidden)), "{r:?}");
    // The applicant and anonymous: no officer route.
    let applicant = signed_in(&t, APPLICANT).await;
    let csrf = applicant.csrf("/applications").await;
    applicant
        .post_form(
            &format!("/officer/cases/{id}/approve"),
            &[("csrf_token", &csrf)],
        )
        .await
        .assert_status(403);
    assert_eq!(status_of(&t, &id).await, "processing");
}

#[tokio::test]
async fn the_api_lists_cases_and_makes_the_same_moves_under_the_same_rules() {
    use reqwest::Method;
    use serde_json::json;

    let t = TestApp::spawn().await;
    t.app().seed_demo().await.unwrap();
    let api_login = |email: &'static str| {
        let b = t.browser();
        async move {
            b.json(
                Method::POST,
                "/api/v1/session",
                Some(json!({"email": email, "password": DEMO_PASSWORD})),
            )
            .await
            .assert_status(200);
            b
        }
    };
    let inspector = api_login(INSPECTOR).await;
    let r = inspector
        .json(Method::GET, "/api/v1/cases?status=submitted", None)
        .await;
    r.assert_status(200);
    let page = r.json();
    assert_eq!(page["department"], "beograd");
    assert_eq!(page["counts"]["submitted"], 1);
    let id = page["cases"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(page["cases"][0]["taken"], false);

    let r = inspector
        .json(Method::GET, &format!("/api/v1/cases/{id}"), None)
        .await;
    r.assert_status(200);
    assert_eq!(r.json()["actions"], json!(["take"]));
    let r = inspector
        .json(
            Method::POST,
            &format!("/api/v1/cases/{id}/take"),
            Some(json!({})),
        )
        .await;
    r.assert_status(200);
    assert_eq!(r.json()["status"], "processing");
    assert_eq!(
        r.json()["actions"],
        json!(["request-update", "approve", "propose-rejection"])
    );

    // The same rules: a bad request for an update, field by field; nothing changes.
    let r = inspector
        .json(
            Method::POST,
            &format!("/api/v1/cases/{id}/update-request"),
            Some(json!({"message": "", "steps": ["fees"], "days": 0})),
        )
        .await;
    r.assert_status(422);
    let body = r.json();
    assert_eq!(body["error"]["code"], "validation_failed");
    let fields: Vec<&str> = body["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    for f in ["message", "steps", "days"] {
        assert!(fields.contains(&f), "{f} in {fields:?}");
    }
    let r = inspector
        .json(
            Method::POST,
            &format!("/api/v1/cases/{id}/update-request"),
            Some(json!({"message": "Send a new photograph.", "items": ["photograph"]})),
        )
        .await;
    r.assert_status(200);
    assert_eq!(r.json()["status"], "updating");
    assert_eq!(r.json()["letters"][0]["kind"], "update-request");
    assert_eq!(r.json()["letters"][0]["items"], json!(["photograph"]));

    // The applicant's view: the open items and the letter; never an internal note.
    t.app()
        .applications
        .add_case_note(
            &t.account(INSPECTOR).await,
            &ApplicationId::new(id.clone()),
            "Secret remark for the department.",
            &Actor::default(),
        )
        .await
        .unwrap();
    let applicant = api_login(APPLICANT).await;
    let r = applicant
        .json(Method::GET, &format!("/api/v1/applications/{id}"), None)
        .await;
    r.assert_status(200);
    assert_eq!(r.json()["status"], "updating");
    assert_eq!(r.json()["open_items"], json!(["photograph"]));
    assert!(!r.body.contains("Secret remark"));
    // The applicant reaches no officer route; another department's inspector sees nothing.
    applicant
        .json(Method::GET, &format!("/api/v1/cases/{id}"), None)
        .await
        .assert_status(403);
    t.create_user("ns@test.example", eforeigner::domain::Role::Inspector)
        .await;
    let ns = t.account("ns@test.example").await;
    t.app()
        .accounts
        .assign_department(
            &ns,
            Some(eforeigner::domain::find_department("novi_sad").unwrap()),
            &Actor::default(),
        )
        .await
        .unwrap();
    let other = t.browser();
    other
        .json(
            Method::POST,
            "/api/v1/session",
            Some(json!({"email": "ns@test.example", "password": PASSWORD})),
        )
        .await
        .assert_status(200);
    for (method, path) in [
        (Method::GET, format!("/api/v1/cases/{id}")),
        (Method::POST, format!("/api/v1/cases/{id}/approve")),
        (Method::POST, format!("/api/v1/cases/{id}/resume")),
    ] {
        let body = (method == Method::POST).then(|| json!({}));
        let r = other.json(method, &path, body).await;
        r.assert_status(404);
        assert_eq!(r.json()["error"]["code"], "not_found");
    }
    other
        .json(Method::GET, &format!("/api/v1/applications/{id}"), None)
        .await
        .assert_status(403);
    // A move not possible now: 409, nothing doubled.
    let r = inspector
        .json(
            Method::POST,
            &format!("/api/v1/cases/{id}/approve"),
            Some(json!({})),
        )
        .await;
    r.assert_status(409);
    assert_eq!(r.json()["error"]["code"], "conflict");
}

/// The demo case approved by the demo inspector, and the demo supervisor's slots of
/// Belgrade on the day after tomorrow: 08:00–09:00 in slots of 30 minutes for `capacity`.
async fn approved_with_slots(capacity: &str) -> (TestApp, ApplicationId) {
    let (t, id) = taken_case().await;
    let inspector = t.account(INSPECTOR).await;
    let s = &t.app().applications;
    s.approve(&inspector, &id, &Actor::default()).await.unwrap();
    let supervisor = t.account(SUPERVISOR).await;
    let day = s
        .today()
        .checked_add(jiff::Span::new().days(2))
        .unwrap()
        .to_string();
    let added = s
        .open_slots(
            &supervisor,
            &eforeigner::domain::applications::OpenHours {
                day,
                from: "08:00".into(),
                until: "09:00".into(),
                minutes: "30".into(),
                capacity: capacity.into(),
            },
            &Actor::default(),
        )
        .await
        .unwrap();
    assert_eq!(added, 2);
    (t, id)
}

#[tokio::test]
async fn the_applicant_books_moves_until_a_day_before_and_the_counter_issues_the_card() {
    let (t, id) = approved_with_slots("4").await;
    let applicant = signed_in(&t, APPLICANT).await;
    let own = applicant.get(&format!("/applications/{id}")).await;
    own.assert_contains("Book your biometrics appointment");
    let page = applicant
        .get(&format!("/applications/{id}/biometrics"))
        .await;
    page.assert_status(200).assert_contains("4 places left");
    let slots: Vec<String> = page
        .body
        .split("name=\"slot\" value=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .collect();
    // The two opened here come first (the demo's own slots start later those days).
    assert!(slots.len() >= 2);
    let csrf = extract_csrf(&page.body).unwrap();
    // Nothing chosen: a clear message, nothing booked.
    applicant
        .post_form(
            &format!("/applications/{id}/biometrics"),
            &[("csrf_token", &csrf)],
        )
        .await
        .assert_status(422)
        .assert_contains("Choose a time.");
    let r = applicant
        .post_form(
            &format!("/applications/{id}/biometrics"),
            &[("csrf_token", &csrf), ("slot", &slots[0])],
        )
        .await;
    r.assert_status(303);
    assert_eq!(status_of(&t, &id).await, "biometrics-scheduled");
    t.mail(APPLICANT, "biometrics appointment").await;
    let ics = applicant
        .get(&format!("/applications/{id}/biometrics.ics"))
        .await;
    ics.assert_status(200).assert_contains("BEGIN:VEVENT");
    assert!(ics.header("content-type").starts_with("text/calendar"));
    // Moving it gives the first place back.
    applicant
        .post_form(
            &format!("/applications/{id}/biometrics"),
            &[("csrf_token", &csrf), ("slot", &slots[1])],
        )
        .await
        .assert_status(303);
    let supervisor = t.account(SUPERVISOR).await;
    let listed = t
        .app()
        .applications
        .department_slots(&supervisor)
        .await
        .unwrap();
    assert_eq!(
        listed[..2].iter().map(|s| s.booked).collect::<Vec<_>>(),
        [0, 1]
    );
    // Less than 24 hours before: no more moving; the reminder the day before, once.
    t.advance(SignedDuration::from_hours(24 + 10));
    // (The applicant's session has ended by now: the service is asked directly.)
    let locked = t
        .app()
        .applications
        .book(
            &t.account(APPLICANT).await,
            &id,
            &slots[0],
            &Actor::default(),
        )
        .await;
    assert!(
        matches!(&locked, Err(DomainError::Invalid(e)) if e.0[0].code == "booking_locked"),
        "{locked:?}"
    );
    let applicant = signed_in(&t, APPLICANT).await;
    // (The portal's own worker sweeps too: one of the two sends the reminder, once.)
    assert!(t.app().applications.sweep_bookings().await.unwrap() <= 1);
    assert_eq!(t.app().applications.sweep_bookings().await.unwrap(), 0);
    t.mail(APPLICANT, "Reminder").await;
    t.flush_mail().await;
    assert_eq!(
        t.smtp
            .to(APPLICANT)
            .iter()
            .filter(|m| m.subject().contains("Reminder"))
            .count(),
        1,
        "one reminder"
    );

    // The counter: biometrics taken, card ready (a notice in the e-Mailbox), card issued.
    let inspector = signed_in(&t, INSPECTOR).await;
    inspector
        .get(&format!("/officer/cases/{id}"))
        .await
        .assert_contains("Record that biometrics were taken");
    for (path, status) in [
        ("biometrics-taken", "card-in-production"),
        ("card-ready", "card-ready"),
        ("card-issued", "card-issued"),
    ] {
        act(&inspector, &id, path, &[]).await.assert_status(303);
        assert_eq!(status_of(&t, &id).await, status);
    }
    mailbox_with(&t, &applicant, 4).await;
    applicant
        .get("/mailbox")
        .await
        .assert_contains("Notice: the card is ready");
    // A final status: nothing more to do.
    inspector
        .get(&format!("/officer/cases/{id}"))
        .await
        .assert_contains("There is nothing for you to do on this case now.");

    // The card is lost: the holder reports it; the permit is listed publicly by its number
    // and date only; reporting again changes nothing.
    let own = applicant.get(&format!("/applications/{id}")).await;
    own.assert_contains("Report the permit lost");
    let csrf = applicant.csrf(&format!("/applications/{id}/lost")).await;
    let r = applicant
        .post_form(
            &format!("/applications/{id}/lost"),
            &[("csrf_token", &csrf)],
        )
        .await;
    r.assert_status(303);
    let number = t.app().store.case_letters(&id).await.unwrap()[0]
        .number
        .as_ref()
        .unwrap()
        .to_string();
    let public = t.browser().get("/invalidated-permits").await;
    public.assert_status(200).assert_contains(&number);
    assert!(
        !public.body.contains("Oksana"),
        "no name on the public page"
    );
    applicant
        .get(&format!("/applications/{id}"))
        .await
        .assert_contains("This permit was declared invalid");
    t.mail(APPLICANT, "declared invalid").await;
    let again = t
        .app()
        .applications
        .report_lost(&t.account(APPLICANT).await, &id, &Actor::default())
        .await;
    assert!(again.is_ok());
    assert_eq!(
        t.app()
            .store
            .invalidated_permits(eforeigner::domain::paging::PageNumber::FIRST.window())
            .await
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn many_people_booking_at_once_never_exceed_a_slots_capacity() {
    let (t, first) = approved_with_slots("3").await;
    let applicant = t.account(APPLICANT).await;
    // Ten approved cases of the same applicant (copies), all booking one slot of 3.
    let ids = with_copies(&t, &first, 9, "b").await;
    let s = &t.app().applications;
    let slot = s.bookable_slots(&applicant, &first).await.unwrap()[0]
        .id
        .clone();
    let actor = Actor::default();
    let results =
        futures::future::join_all(ids.iter().map(|id| s.book(&applicant, id, &slot, &actor))).await;
    let booked = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(booked, 3, "{results:?}");
    for r in results.iter().filter(|r| r.is_err()) {
        assert!(
            matches!(r, Err(DomainError::Invalid(e)) if e.0.iter().any(|f| f.code == "slot_full")),
            "{r:?}"
        );
    }
    let supervisor = t.account(SUPERVISOR).await;
    let listed = s.department_slots(&supervisor).await.unwrap();
    assert_eq!(listed.iter().find(|x| x.id == slot).unwrap().booked, 3);
    // A closed slot takes no booking.
    s.close_slot(&supervisor, &listed[1].id, &actor)
        .await
        .unwrap();
    let r = s.book(&applicant, &ids[9], &listed[1].id, &actor).await;
    assert!(matches!(r, Err(DomainError::Invalid(_))), "{r:?}");
}

#[tokio::test]
async fn decisions_make_the_figures_and_the_applicants_estimate() {
    let (t, first) = taken_case().await;
    let ids = with_copies(&t, &first, 6, "f").await;
    let applicant = signed_in(&t, APPLICANT).await;
    // No decision yet: not enough data.
    applicant
        .get(&format!("/applications/{}", ids[6]))
        .await
        .assert_contains("not yet enough decisions");
    // Twelve days later, six of the seven are approved.
    t.advance(SignedDuration::from_hours(12 * 24));
    let inspector = t.account(INSPECTOR).await;
    for id in &ids[..6] {
        t.app()
            .applications
            .approve(&inspector, id, &Actor::default())
            .await
            .unwrap();
    }
    let applicant = signed_in(&t, APPLICANT).await;
    applicant
        .get(&format!("/applications/{}", ids[6]))
        .await
        .assert_contains("within 12 days")
        .assert_contains("7 decisions");
    // The supervisor's figures and their CSV; an inspector has neither.
    let sup = signed_in(&t, SUPERVISOR).await;
    sup.get("/officer/figures")
        .await
        .assert_status(200)
        .assert_contains("Request approved")
        .assert_contains("Employment");
    let csv = sup.get("/officer/figures.csv").await;
    csv.assert_status(200);
    assert!(csv.header("content-type").starts_with("text/csv"));
    assert!(
        csv.body
            .starts_with("section,code,name,cases,median_days\r\n")
    );
    assert!(
        csv.body
            .contains("basis,\"employment.employment_contract\",")
            && csv.body.contains(",7,12\r\n"),
        "{}",
        csv.body
    );
    assert!(
        csv.body
            .contains("status,\"approved\",\"Request approved\",7,")
    );
    signed_in(&t, INSPECTOR)
        .await
        .get("/officer/figures")
        .await
        .assert_status(403);
}

#[tokio::test]
async fn an_administrator_puts_officers_in_departments_from_a_page() {
    let t = TestApp::spawn().await;
    t.create_user("admin@test.example", eforeigner::domain::Role::Admin)
        .await;
    t.create_user("insp@test.example", eforeigner::domain::Role::Inspector)
        .await;
    let officer = t.account("insp@test.example").await;
    assert!(officer.department.is_none());
    let admin = t.browser();
    admin
        .login("admin@test.example", PASSWORD)
        .await
        .assert_status(303);
    let page = admin.get("/admin/departments").await;
    page.assert_status(200)
        .assert_contains("insp@test.example")
        .assert_contains("No department");
    let csrf = extract_csrf(&page.body).unwrap();
    let path = format!("/admin/officers/{}/department", officer.id);
    admin
        .post_form(&path, &[("csrf_token", &csrf), ("department", "atlantis")])
        .await
        .assert_status(422)
        .assert_contains("Choose a police department from the list.");
    assert!(t.account("insp@test.example").await.department.is_none());
    let r = admin
        .post_form(&path, &[("csrf_token", &csrf), ("department", "novi_sad")])
        .await;
    r.assert_status(303);
    assert_eq!(
        t.account("insp@test.example")
            .await
            .department
            .map(|d| d.slug),
        Some("novi_sad")
    );
    // An applicant's account cannot be put in a department.
    t.create_user("someone@test.example", eforeigner::domain::Role::Applicant)
        .await;
    let someone = t.account("someone@test.example").await;
    admin
        .post_form(
            &format!("/admin/officers/{}/department", someone.id),
            &[("csrf_token", &csrf), ("department", "novi_sad")],
        )
        .await
        .assert_status(404);
}

#[tokio::test]
async fn the_queue_filters_by_kind_basis_and_overdue() {
    let (t, id) = taken_case().await;
    let reference = t
        .app()
        .store
        .application(&id)
        .await
        .unwrap()
        .unwrap()
        .case_reference
        .unwrap();
    let b = signed_in(&t, INSPECTOR).await;
    b.get("/officer/cases?kind=first&basis=employment.employment_contract")
        .await
        .assert_status(200)
        .assert_contains(&reference);
    let none = b.get("/officer/cases?kind=extension").await;
    assert!(!none.body.contains(&reference));
    let none = b.get("/officer/cases?basis=education.studying").await;
    assert!(!none.body.contains(&reference));
    let none = b.get("/officer/cases?overdue=1").await;
    assert!(
        !none.body.contains(&reference),
        "received today: not overdue"
    );
    // 121 days later, still undecided: overdue.
    t.advance(SignedDuration::from_hours(121 * 24));
    let b = signed_in(&t, INSPECTOR).await;
    b.get("/officer/cases?overdue=1")
        .await
        .assert_contains(&reference);
    // Filters keep in the paging links' address; an unknown basis is ignored.
    b.get("/officer/cases?basis=no.such&overdue=1")
        .await
        .assert_contains(&reference);
}

#[tokio::test]
async fn a_supervisor_opens_and_lists_slots_through_the_api_and_the_applicant_books_one() {
    use reqwest::Method;
    use serde_json::json;

    let (t, id) = taken_case().await;
    t.app()
        .applications
        .approve(&t.account(INSPECTOR).await, &id, &Actor::default())
        .await
        .unwrap();
    let sup = t.browser();
    sup.json(
        Method::POST,
        "/api/v1/session",
        Some(json!({"email": SUPERVISOR, "password": DEMO_PASSWORD})),
    )
    .await
    .assert_status(200);
    // (A day the demo data opened no slots on.)
    let day = t
        .app()
        .applications
        .today()
        .checked_add(jiff::Span::new().days(6))
        .unwrap()
        .to_string();
    let bad = sup
        .json(
            Method::POST,
            "/api/v1/biometrics/slots",
            Some(json!({"day": day, "from": "10:00", "until": "09:00", "minutes": 30, "capacity": 2})),
        )
        .await;
    bad.assert_status(422);
    assert_eq!(bad.json()["error"]["fields"][0]["field"], "until");
    let r = sup
        .json(
            Method::POST,
            "/api/v1/biometrics/slots",
            Some(json!({"day": day, "from": "09:00", "until": "10:00", "minutes": 30, "capacity": 2})),
        )
        .await;
    r.assert_status(200);
    assert_eq!(r.json(), json!(2));
    let listed = sup
        .json(Method::GET, "/api/v1/biometrics/slots", None)
        .await;
    // The two opened here, beside the demo's own.
    assert!(listed.json().as_array().unwrap().len() >= 2);

    let applicant = t.browser();
    applicant
        .json(
            Method::POST,
            "/api/v1/session",
            Some(json!({"email": APPLICANT, "password": DEMO_PASSWORD})),
        )
        .await
        .assert_status(200);
    let slots = applicant
        .json(
            Method::GET,
            &format!("/api/v1/applications/{id}/slots"),
            None,
        )
        .await;
    slots.assert_status(200);
    let slot = slots.json()[0]["id"].as_str().unwrap().to_string();
    let r = applicant
        .json(
            Method::POST,
            &format!("/api/v1/applications/{id}/booking"),
            Some(json!({"slot": "no-such-slot"})),
        )
        .await;
    r.assert_status(422);
    let r = applicant
        .json(
            Method::POST,
            &format!("/api/v1/applications/{id}/booking"),
            Some(json!({"slot": slot})),
        )
        .await;
    r.assert_status(200);
    assert_eq!(r.json()["status"], "biometrics-scheduled");
    assert_eq!(r.json()["appointment"]["id"], slot.as_str());
    // The counter's step through the API; an unknown step is refused by name.
    let inspector = t.browser();
    inspector
        .json(
            Method::POST,
            "/api/v1/session",
            Some(json!({"email": INSPECTOR, "password": DEMO_PASSWORD})),
        )
        .await
        .assert_status(200);
    inspector
        .json(
            Method::POST,
            &format!("/api/v1/cases/{id}/card-step"),
            Some(json!({"step": "teleport"})),
        )
        .await
        .assert_status(422);
    let r = inspector
        .json(
            Method::POST,
            &format!("/api/v1/cases/{id}/card-step"),
            Some(json!({"step": "biometrics-taken"})),
        )
        .await;
    r.assert_status(200);
    assert_eq!(r.json()["status"], "card-in-production");
    assert_eq!(r.json()["actions"], json!(["card-ready"]));
}

/// A decision that fails inside its transaction (here: its letter's id clashes with an
/// existing letter's, after the number was counted) leaves nothing behind — no status, no
/// event, no number used, no job — as a crash before the commit would; the next decision
/// gets the number the failed one would have had.
#[tokio::test]
async fn a_decision_that_fails_inside_its_transaction_leaves_nothing_behind() {
    use eforeigner::domain::applications::{
        ApplicationEvent, ApplicationStatus, CaseLetter, DecisionNumber, LetterBody, LetterKind,
    };
    use eforeigner::domain::store::{Effects, JobRepo as _, NewJob};

    let (t, id) = taken_case().await;
    let store = &t.app().store;
    let inspector = t.account(INSPECTOR).await;
    // An update request first: a letter whose id the failing decision will reuse.
    t.app()
        .applications
        .request_update(
            &inspector,
            &id,
            &UpdateAsk {
                message: "Send the lease.".into(),
                steps: vec!["reasons".into()],
                items: vec![],
                days: String::new(),
            },
            &Actor::default(),
        )
        .await
        .unwrap();
    // Every job done, so that any job left afterwards would be the failed decision's.
    for _ in 0..50 {
        t.flush_mail().await;
        if store.pending_jobs().await.unwrap() == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(store.pending_jobs().await.unwrap(), 0);
    let taken = store.case_letters(&id).await.unwrap()[0].id.clone();
    let before = store.application(&id).await.unwrap().unwrap();
    let events_before = store.events_of(&id).await.unwrap().len();

    let mut moved = before.clone();
    moved.status = ApplicationStatus::Approved;
    moved.version += 1;
    let now = t.app().applications.now();
    let event = ApplicationEvent {
        id: "ev-failing".into(),
        application_id: id.clone(),
        at: now,
        actor_id: Some(inspector.id.clone()),
        from_status: Some(before.status),
        to_status: moved.status,
        what: "approved".into(),
        why: None,
    };
    let letter = CaseLetter {
        id: taken,
        application_id: id.clone(),
        kind: LetterKind::Approval,
        number: Some(DecisionNumber {
            department: "beograd".into(),
            year: t.app().applications.today().year(),
            seq: 0,
        }),
        author_id: inspector.id.clone(),
        body: LetterBody::default(),
        created_at: now,
    };
    let effects = Effects::at(now).with_letter(letter).with_job(NewJob {
        id: "job-of-the-failing-decision".into(),
        kind: "issue-letter".into(),
        payload: "{}".into(),
    });
    let failed = store
        .update_application(&moved, before.version, &[event], None, None, &effects)
        .await;
    assert!(failed.is_err(), "{failed:?}");

    let after = store.application(&id).await.unwrap().unwrap();
    assert_eq!(after.status, before.status);
    assert_eq!(after.version, before.version);
    assert_eq!(store.events_of(&id).await.unwrap().len(), events_before);
    assert_eq!(
        store.pending_jobs().await.unwrap(),
        0,
        "no job of the failed decision"
    );
    assert_eq!(store.case_letters(&id).await.unwrap().len(), 1);
    // The number was not used up: the real decision (after the applicant's answer) is the
    // department's first of the year.
    let s = &t.app().applications;
    let lapsed = t.app().store.application(&id).await.unwrap().unwrap();
    assert_eq!(lapsed.status, ApplicationStatus::Updating);
    let applicant = t.account(APPLICANT).await;
    let stamp = lapsed.answers_stamp();
    s.submit(&applicant, &id, true, &stamp, &Actor::default())
        .await
        .unwrap();
    s.resume(&inspector, &id, &Actor::default()).await.unwrap();
    s.approve(&inspector, &id, &Actor::default()).await.unwrap();
    let letters = store.case_letters(&id).await.unwrap();
    let number = letters.last().unwrap().number.as_ref().unwrap();
    // The demo's approved request holds number 1: this is the second, none was lost.
    assert_eq!(number.seq, 2);
}
