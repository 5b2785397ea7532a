//! The inspectors' back office: a department's queue, a case, taking it; who may see
//! which case; two officers taking one case at once. The case comes from the demo data
//! (`serve --demo`): a first permit for employment, submitted and paid, in Belgrade.

use eforeigner::domain::store::{ApplicationRepo as _, AuditRepo as _};
use eforeigner::domain::{Account, Actor, ApplicationId, DomainError, Role};

use crate::support::*;

const DEMO_PASSWORD: &str = "sunrise-lantern-harbour-42";
const INSPECTOR: &str = "inspector@demo.eforeigner.test";
const SUPERVISOR: &str = "supervisor@demo.eforeigner.test";
const APPLICANT: &str = eforeigner::demo::RESIDENT;

/// A portal with the demo data, and the demo case's id and reference.
async fn with_demo_case() -> (TestApp, ApplicationId, String) {
    let t = TestApp::spawn().await;
    t.app().seed_demo().await.unwrap();
    let applicant = t.account(APPLICANT).await;
    let cases = t
        .app()
        .applications
        .list(&applicant, eforeigner::domain::paging::PageNumber::FIRST)
        .await
        .unwrap()
        .items;
    assert_eq!(cases.len(), 1, "the demo resident has one request");
    let case = &cases[0];
    assert_eq!(case.status.as_str(), "submitted", "paid: Request submitted");
    // The first demo applicant keeps no request (to walk the application from its start).
    let first = t.account("applicant@demo.eforeigner.test").await;
    let none = t
        .app()
        .applications
        .list(&first, eforeigner::domain::paging::PageNumber::FIRST)
        .await
        .unwrap();
    assert!(none.items.is_empty());
    // Seeding again (a restart with --demo) adds nothing.
    t.app().seed_demo().await.unwrap();
    assert_eq!(
        t.app()
            .applications
            .list(&applicant, eforeigner::domain::paging::PageNumber::FIRST)
            .await
            .unwrap()
            .items
            .len(),
        1
    );
    (t, case.id.clone(), case.case_reference.clone().unwrap())
}

/// A browser signed in as `email` (a demo account).
async fn signed_in(t: &TestApp, email: &str) -> Browser {
    let b = t.browser();
    b.login(email, DEMO_PASSWORD).await.assert_status(303);
    b
}

/// An inspector of `department` (a slug), signed in.
async fn inspector_of(t: &TestApp, email: &str, department: Option<&str>) -> Browser {
    t.create_user(email, Role::Inspector).await;
    let account = t.account(email).await;
    let department = department.map(|d| eforeigner::domain::find_department(d).unwrap());
    t.app()
        .accounts
        .assign_department(&account, department, &Actor::default())
        .await
        .unwrap();
    let b = t.browser();
    b.login(email, PASSWORD).await.assert_status(303);
    b
}

/// The id of the first document a case page links to.
fn first_document(html: &str, id: &ApplicationId) -> String {
    let link = format!("/officer/cases/{id}/documents/");
    let (_, after) = html.split_once(&link).expect("a document link");
    after.split('"').next().unwrap().to_string()
}

async fn take(b: &Browser, id: &ApplicationId) -> Resp {
    let csrf = b.csrf(&format!("/officer/cases/{id}")).await;
    b.post_form(
        &format!("/officer/cases/{id}/take"),
        &[("csrf_token", &csrf)],
    )
    .await
}

#[tokio::test]
async fn an_inspector_takes_a_case_of_their_department_and_the_applicant_sees_it() {
    let (t, id, reference) = with_demo_case().await;
    signed_in(&t, APPLICANT)
        .await
        .get(&format!("/applications/{id}"))
        .await
        .assert_contains("No officer has opened your request yet.");
    let inspector = signed_in(&t, INSPECTOR).await;

    // The queue of the department lists the case, with its status and counts.
    inspector
        .get("/officer/cases")
        .await
        .assert_status(200)
        .assert_contains(&reference)
        .assert_contains("Policijska uprava za grad Beograd")
        .assert_contains("Not taken yet")
        .assert_contains("Request submitted (1)");
    inspector
        .get("/officer/cases?status=processing")
        .await
        .assert_status(200)
        .assert_contains("No cases match this filter.");

    // The case: the answers, the documents shown in the page, the move allowed now.
    let page = inspector.get(&format!("/officer/cases/{id}")).await;
    page.assert_status(200)
        .assert_contains("Take the case")
        .assert_contains("Savski venac")
        .assert_contains("Software engineer")
        .assert_contains(&format!("/officer/cases/{id}/documents/"));
    let doc = first_document(&page.body, &id);
    let shown = inspector
        .get(&format!("/officer/cases/{id}/documents/{doc}"))
        .await;
    shown.assert_status(200);
    assert_eq!(shown.header("content-type"), "image/png");

    // Taking it: "Request processing", handled by the inspector; no second Take button.
    let r = take(&inspector, &id).await;
    r.assert_status(303);
    assert_eq!(r.location(), format!("/officer/cases/{id}?done=case-taken"));
    let after = inspector.get(&r.location()).await;
    after
        .assert_status(200)
        .assert_contains("You took the case.")
        .assert_contains("Request processing")
        .assert_contains("Ask the applicant for documents or corrections")
        .assert_contains("Approve the request");
    assert!(!after.body.contains("Take the case"));
    inspector
        .get("/officer/cases?mine=1")
        .await
        .assert_contains(&reference)
        .assert_contains("You");

    // The applicant sees the new status and the event, and who looked at the case: by
    // role and department, never by name.
    let applicant = signed_in(&t, APPLICANT).await;
    let own = applicant.get(&format!("/applications/{id}")).await;
    own.assert_status(200)
        .assert_contains("Request processing")
        .assert_contains("An inspector took the request")
        .assert_contains("Who has looked at your request")
        .assert_contains("Opened the request")
        .assert_contains("Opened a document")
        .assert_contains("Took the request")
        .assert_contains("Policijska uprava za grad Beograd");
    let inspector_account = t.account(INSPECTOR).await;
    assert!(
        !own.body.contains(&inspector_account.profile.given_names),
        "no officer's name on the applicant's page"
    );

    // Every opening of the case and the taking are in the audit log.
    let actions: Vec<String> = t
        .app()
        .store
        .audit_entries(200)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.subject_id.as_deref() == Some(id.as_str()))
        .map(|e| e.action)
        .collect();
    assert!(actions.iter().any(|a| a == "case.opened"), "{actions:?}");
    assert!(actions.iter().any(|a| a == "case.taken"), "{actions:?}");
    assert!(
        actions.iter().any(|a| a == "case.document_viewed"),
        "{actions:?}"
    );
}

#[tokio::test]
async fn an_officer_of_another_department_is_told_the_case_does_not_exist() {
    let (t, id, reference) = with_demo_case().await;
    let elsewhere = inspector_of(&t, "ns@test.example", Some("novi_sad")).await;
    let queue = elsewhere.get("/officer/cases").await;
    queue.assert_status(200).assert_contains("Novom Sadu");
    assert!(!queue.body.contains(&reference));
    elsewhere
        .get(&format!("/officer/cases/{id}"))
        .await
        .assert_status(404);
    let csrf = elsewhere.csrf("/officer/cases").await;
    elsewhere
        .post_form(
            &format!("/officer/cases/{id}/take"),
            &[("csrf_token", &csrf)],
        )
        .await
        .assert_status(404);

    // A document of the case, by its real id, is not found either.
    let inspector = signed_in(&t, INSPECTOR).await;
    let page = inspector.get(&format!("/officer/cases/{id}")).await;
    let doc = first_document(&page.body, &id);
    elsewhere
        .get(&format!("/officer/cases/{id}/documents/{doc}"))
        .await
        .assert_status(404);

    // An inspector in no department sees why the queue is empty, and no case.
    let nowhere = inspector_of(&t, "none@test.example", None).await;
    nowhere
        .get("/officer/cases")
        .await
        .assert_status(200)
        .assert_contains("You are not assigned to a police department yet");
    nowhere
        .get(&format!("/officer/cases/{id}"))
        .await
        .assert_status(404);

    // The case is untouched.
    let stored = t
        .app()
        .applications
        .get(&t.account(APPLICANT).await, &id)
        .await
        .unwrap();
    assert_eq!(stored.status.as_str(), "submitted");
    assert_eq!(stored.assignee_id, None);
}

#[tokio::test]
async fn of_two_officers_taking_one_case_at_once_one_takes_it() {
    let (t, id, _) = with_demo_case().await;
    let inspector: Account = t.account(INSPECTOR).await;
    let supervisor: Account = t.account(SUPERVISOR).await;
    let s = &t.app().applications;
    let actor = Actor::default();
    let (a, b) = tokio::join!(
        s.take(&inspector, &id, &actor),
        s.take(&supervisor, &id, &actor)
    );
    let won: Vec<_> = [&a, &b].into_iter().filter(|r| r.is_ok()).collect();
    assert_eq!(won.len(), 1, "{a:?} {b:?}");
    let lost = if a.is_ok() { &b } else { &a };
    assert!(matches!(lost, Err(DomainError::Conflict)), "{lost:?}");
    let winner = if a.is_ok() { &inspector } else { &supervisor };
    let stored = s.get(&t.account(APPLICANT).await, &id).await.unwrap();
    assert_eq!(stored.status.as_str(), "processing");
    assert_eq!(stored.assignee_id.as_ref(), Some(&winner.id));
    let taken = s
        .history(&t.account(APPLICANT).await, &id)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.what == "taken")
        .count();
    assert_eq!(taken, 1, "one event, not two");

    // In the browser, the one who lost is told, and the page shows the case as it is.
    let late = signed_in(&t, SUPERVISOR).await;
    let r = take(&late, &id).await;
    r.assert_status(303);
    assert_eq!(
        r.location(),
        format!("/officer/cases/{id}?done=case-not-taken")
    );
    late.get(&r.location())
        .await
        .assert_contains("The case was not taken")
        .assert_contains("Request processing");
}

#[tokio::test]
async fn the_applicant_withdraws_a_request_before_a_decision_and_only_their_own() {
    let (t, id, reference) = with_demo_case().await;
    // Taken by an inspector first: still before a decision.
    let inspector = signed_in(&t, INSPECTOR).await;
    take(&inspector, &id).await.assert_status(303);

    // Another applicant cannot reach it, nor withdraw it.
    let other = signed_in(&t, "applicant@demo.eforeigner.test").await;
    other
        .get(&format!("/applications/{id}/withdraw"))
        .await
        .assert_status(404);
    let csrf = other.csrf("/applications").await;
    other
        .post_form(
            &format!("/applications/{id}/withdraw"),
            &[("csrf_token", &csrf)],
        )
        .await
        .assert_status(404);

    let resident = signed_in(&t, APPLICANT).await;
    resident
        .get(&format!("/applications/{id}"))
        .await
        .assert_contains("Withdraw the request");
    let csrf = resident.csrf(&format!("/applications/{id}/withdraw")).await;
    resident
        .get(&format!("/applications/{id}/withdraw"))
        .await
        .assert_status(200)
        .assert_contains("Withdraw this request?")
        .assert_contains("cannot be undone");
    let r = resident
        .post_form(
            &format!("/applications/{id}/withdraw"),
            &[("csrf_token", &csrf)],
        )
        .await;
    r.assert_status(303);
    assert_eq!(
        r.location(),
        format!("/applications/{id}?done=request-withdrawn")
    );
    let page = resident.get(&r.location()).await;
    page.assert_contains("You withdrew the request.")
        .assert_contains("Withdrawn")
        .assert_contains("The applicant withdrew the request");
    assert!(!page.body.contains("Withdraw the request"));
    let mail = t.mail(APPLICANT, "You withdrew your request").await;
    assert!(mail.body().contains(&reference), "{}", mail.body());

    // Once withdrawn, a second withdrawal changes nothing and a stale link shows the case.
    let again = resident
        .post_form(
            &format!("/applications/{id}/withdraw"),
            &[("csrf_token", &csrf)],
        )
        .await;
    again.assert_status(303);
    assert_eq!(again.location(), format!("/applications/{id}"));
    let events = t
        .app()
        .applications
        .history(&t.account(APPLICANT).await, &id)
        .await
        .unwrap();
    assert_eq!(events.iter().filter(|e| e.what == "withdrawn").count(), 1);

    // The inspector sees it withdrawn, with nothing left to do.
    inspector
        .get(&format!("/officer/cases/{id}"))
        .await
        .assert_contains("Withdrawn")
        .assert_contains("There is nothing for you to do on this case now.");
}

#[tokio::test]
async fn internal_notes_are_for_the_departments_officers_and_never_reach_the_applicant() {
    let (t, id, _) = with_demo_case().await;
    let inspector = signed_in(&t, INSPECTOR).await;
    let note_path = format!("/officer/cases/{id}/notes");
    let post_note = async |b: &Browser, text: &str| {
        let csrf = b.csrf(&format!("/officer/cases/{id}")).await;
        b.post_form(&note_path, &[("csrf_token", &csrf), ("note", text)])
            .await
    };

    // Refused notes: a clear message, the text kept, nothing saved.
    let empty = post_note(&inspector, "   ").await;
    empty.assert_status(422).assert_contains("Write a note.");
    let long = format!("Checked the contract. {}", "x".repeat(2000));
    let refused = post_note(&inspector, &long).await;
    refused
        .assert_status(422)
        .assert_contains("Enter at most 2000 characters.")
        .assert_contains("Checked the contract. xxxxxxxx");
    assert!(t.app().store.case_notes(&id).await.unwrap().is_empty());

    // A note: on the case page, with its author, for every officer of the department.
    let secret = "Employer confirmed by phone; contract genuine.";
    let r = post_note(&inspector, secret).await;
    r.assert_status(303);
    assert_eq!(
        r.location(),
        format!("/officer/cases/{id}?done=case-note-added#notes")
    );
    let supervisor = signed_in(&t, SUPERVISOR).await;
    supervisor
        .get(&format!("/officer/cases/{id}"))
        .await
        .assert_contains(secret)
        .assert_contains("Ivan Inspector");

    // Never on the applicant's pages; not written into the audit log either.
    let applicant = signed_in(&t, APPLICANT).await;
    for path in [
        format!("/applications/{id}"),
        "/applications".to_string(),
        "/mailbox".to_string(),
    ] {
        let page = applicant.get(&path).await;
        assert!(!page.body.contains("Employer confirmed"), "{path}");
    }
    let logged = t.app().store.audit_entries(500).await.unwrap();
    assert!(logged.iter().any(|e| e.action == "case.note_added"));
    assert!(
        !logged
            .iter()
            .any(|e| e.details.contains("Employer confirmed"))
    );

    // An officer of another department cannot add one.
    let elsewhere = inspector_of(&t, "ns2@test.example", Some("novi_sad")).await;
    let csrf = elsewhere.csrf("/officer/cases").await;
    elsewhere
        .post_form(&note_path, &[("csrf_token", &csrf), ("note", "hello")])
        .await
        .assert_status(404);
    assert_eq!(t.app().store.case_notes(&id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_supervisor_gives_a_taken_case_to_another_officer_of_the_department_only() {
    let (t, id, reference) = with_demo_case().await;
    let supervisor = signed_in(&t, SUPERVISOR).await;
    let reassign = async |b: &Browser, to: &str| {
        let csrf = b.csrf(&format!("/officer/cases/{id}")).await;
        b.post_form(
            &format!("/officer/cases/{id}/reassign"),
            &[("csrf_token", &csrf), ("to", to)],
        )
        .await
    };
    let second = inspector_of(&t, "bg2@test.example", Some("beograd")).await;
    let second_id = t.account("bg2@test.example").await.id;
    let elsewhere_id = {
        inspector_of(&t, "ns3@test.example", Some("novi_sad")).await;
        t.account("ns3@test.example").await.id
    };

    // Not taken yet: nothing to reassign.
    assert!(
        !supervisor
            .get(&format!("/officer/cases/{id}"))
            .await
            .body
            .contains("Reassign the case")
    );
    let early = reassign(&supervisor, second_id.as_str()).await;
    early.assert_status(303);
    assert_eq!(early.location(), format!("/officer/cases/{id}"));

    let inspector = signed_in(&t, INSPECTOR).await;
    take(&inspector, &id).await.assert_status(303);

    // An inspector may not reassign (the permission table), whatever they post.
    reassign(&inspector, second_id.as_str())
        .await
        .assert_status(403);

    // Not to an officer of another department.
    let refused = reassign(&supervisor, elsewhere_id.as_str()).await;
    refused
        .assert_status(422)
        .assert_contains("Select an officer of this police department.");
    let stored = t
        .app()
        .applications
        .get(&t.account(APPLICANT).await, &id)
        .await
        .unwrap();
    assert_eq!(stored.assignee_id, Some(t.account(INSPECTOR).await.id));

    // To another inspector of Belgrade: theirs now, the status unchanged, in the history.
    let page = supervisor.get(&format!("/officer/cases/{id}")).await;
    page.assert_contains("Reassign the case")
        .assert_contains("Test Person");
    let r = reassign(&supervisor, second_id.as_str()).await;
    r.assert_status(303);
    assert_eq!(
        r.location(),
        format!("/officer/cases/{id}?done=case-reassigned")
    );
    let stored = t
        .app()
        .applications
        .get(&t.account(APPLICANT).await, &id)
        .await
        .unwrap();
    assert_eq!(stored.assignee_id, Some(second_id));
    assert_eq!(stored.status.as_str(), "processing");
    second
        .get("/officer/cases?mine=1")
        .await
        .assert_contains(&reference);
    signed_in(&t, APPLICANT)
        .await
        .get(&format!("/applications/{id}"))
        .await
        .assert_contains("A supervisor gave the request to another inspector");
}
