//! The residence-rules API: catalogue, eligibility, absences, fees, IPS QR (issue 3).

use reqwest::Method;
use serde_json::{Value, json};

use crate::support::*;

async fn post(b: &Browser, path: &str, body: Value) -> Resp {
    b.json(Method::POST, path, Some(body)).await
}

fn codes(v: &Value) -> Vec<String> {
    v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_string())
        .collect()
}

fn first_employment() -> Value {
    json!({
        "kind": "first", "basis": "employment.employment_contract", "date_of_birth": "1990-04-12",
        "citizenship": "UA", "channel": "online", "submission_date": "2026-11-21",
        "passport_valid_until": "2035-01-01"
    })
}

#[tokio::test]
async fn catalogue_lists_every_basis_in_the_requested_language() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = b.get("/api/v1/residence/bases?lang=sr-Cyrl").await;
    r.assert_status(200);
    let bases = r.json()["bases"].as_array().unwrap().clone();
    assert_eq!(bases.len(), 31, "every ground of seed 004");
    let contract = bases
        .iter()
        .find(|g| g["code"] == "employment.employment_contract")
        .unwrap();
    assert_eq!(contract["permit"], "single_permit");
    assert_eq!(contract["channels"], "online_only");
    assert!(
        contract["name"]
            .as_str()
            .unwrap()
            .chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
    );
    let talent = bases.iter().find(|g| g["code"] == "talent").unwrap();
    assert_eq!(talent["max_months"], 12);
    assert!(
        !talent["documents"].as_array().unwrap().is_empty(),
        "the general list applies to every basis"
    );
}

#[tokio::test]
async fn eligibility_answers_with_period_and_reasons() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    // First permit from the submission date, 36 months − 1 day (seed 004).
    let r = post(&b, "/api/v1/residence/check", first_employment()).await;
    r.assert_status(200);
    let v = r.json();
    assert_eq!(v["allowed"], true);
    assert_eq!(v["valid_from"], "2026-11-21");
    assert_eq!(v["valid_until"], "2029-11-20");
    assert_eq!(v["beli_karton_required"], true);
    assert!(codes(&v).contains(&"beli_karton_required".to_string()));

    // Single permit reasons are online only.
    let mut q = first_employment();
    q["channel"] = json!("in_person");
    let v = post(&b, "/api/v1/residence/check", q).await.json();
    assert_eq!(v["allowed"], false);
    assert!(codes(&v).contains(&"single_permit_online_only".to_string()));
    // The source by its real title, not an internal id.
    let source = v["reasons"][0]["source"].as_str().unwrap();
    assert!(
        source.starts_with("Temporary Residence — Portal for Foreign Citizens"),
        "{source}"
    );
    assert_eq!(v["reasons"][0]["severity"], "blocking");

    // A minor cannot apply online.
    let mut q = first_employment();
    q["basis"] = json!("education.studying");
    q["date_of_birth"] = json!("2010-01-01");
    let v = post(&b, "/api/v1/residence/check", q).await.json();
    assert!(
        codes(&v).contains(&"minor_in_person_only".to_string()),
        "{v}"
    );

    // Extension window: the day before it opens is too early.
    let mut q = first_employment();
    q["kind"] = json!("extension");
    q["current_permit_valid_until"] = json!("2027-02-22");
    let v = post(&b, "/api/v1/residence/check", q.clone()).await.json();
    assert!(
        codes(&v).contains(&"extension_too_early".to_string()),
        "{v}"
    );
    assert_eq!(v["earliest_submission"], "2026-11-22");
    q["current_permit_valid_until"] = json!("2027-02-21");
    let v = post(&b, "/api/v1/residence/check", q).await.json();
    assert_eq!(v["allowed"], true, "{v}");
    assert_eq!(
        v["valid_from"], "2027-02-22",
        "extension runs from the day after expiry"
    );

    // A requested period the passport does not cover is refused, with the dates in words.
    let mut q = first_employment();
    q["passport_valid_until"] = json!("2027-06-01");
    q["requested_until"] = json!("2027-12-31");
    let v = post(&b, "/api/v1/residence/check", q).await.json();
    assert_eq!(v["allowed"], false);
    let reason = v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "passport_validity_too_short")
        .unwrap();
    assert!(
        reason["message"].as_str().unwrap().contains("2027-06-01"),
        "{reason}"
    );

    // D visa first for citizens of Kazakhstan (seed 002).
    let mut q = first_employment();
    q["citizenship"] = json!("KZ");
    let v = post(&b, "/api/v1/residence/check", q).await.json();
    assert!(codes(&v).contains(&"d_visa_required".to_string()));
}

#[tokio::test]
async fn invalid_check_input_is_422_with_every_field() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = post(&b, "/api/v1/residence/check", json!({"kind": "forever", "basis": "nope", "date_of_birth": "31.02.1990", "citizenship": "XQ", "channel": "", "submission_date": "", "passport_valid_until": "2030-01-01"})).await;
    r.assert_status(422);
    let fields: Vec<String> = r.json()["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_string())
        .collect();
    for f in [
        "kind",
        "channel",
        "basis",
        "citizenship",
        "date_of_birth",
        "submission_date",
    ] {
        assert!(fields.contains(&f.to_string()), "{f} missing in {fields:?}");
    }
}

#[tokio::test]
async fn absences_are_counted_in_the_three_year_window() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = post(
        &b,
        "/api/v1/residence/absences",
        json!({
            "application_date": "2026-11-21",
            "trips": [
                {"departed": "2023-10-01", "returned": "2024-01-10"},
                {"departed": "2025-01-01", "returned": "2025-08-01"}
            ]
        }),
    )
    .await;
    r.assert_status(200);
    let v = r.json();
    assert_eq!(v["window_start"], "2023-11-21");
    assert_eq!(v["within_limits"], false);
    assert!(
        codes(&v).contains(&"single_absence_exceeds_limit".to_string()),
        "{v}"
    );
    // 2025-01-02 ..= 2025-07-31: 7 calendar months (to 2025-08-01) less a day.
    assert_eq!(v["longest"], json!({"months": 6, "days": 30}));
    assert_eq!(v["absences"][1]["days"], 211);
    let reason = v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "single_absence_exceeds_limit")
        .unwrap();
    assert!(
        reason["message"]
            .as_str()
            .unwrap()
            .contains("6 months and 30 days"),
        "{reason}"
    );
    assert!(
        reason["message"].as_str().unwrap().contains("2025-07-02"),
        "the last return that kept it within 6 months: {reason}"
    );
    let r = post(
        &b,
        "/api/v1/residence/absences",
        json!({"application_date": "2026-11-21", "trips": [{"departed": "x", "returned": ""}]}),
    )
    .await;
    r.assert_status(422);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "trips[0].departed");
}

#[tokio::test]
async fn fees_come_with_payment_details() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = b.get("/api/v1/residence/fees?basis=employment.employment_contract&kind=first&municipality=016").await;
    r.assert_status(200);
    let v = r.json();
    let first = &v["items"][0];
    assert_eq!(first["payee"]["account"], "840-742221843-57");
    assert_eq!(first["payee"]["reference"], "50-016");
    assert_eq!(first["payee"]["payment_code"], "253");
    assert_eq!(v["total_at_submission"], "22230.00");
    b.get("/api/v1/residence/fees?basis=nope")
        .await
        .assert_status(422);
    // Three digits are not enough: the code must name a municipality of Serbia, since it
    // becomes the payment reference.
    for code in ["999", "16", "abc"] {
        let r = b
            .get(&format!(
                "/api/v1/residence/fees?basis=employment.employment_contract&municipality={code}"
            ))
            .await;
        r.assert_status(422);
        let v = r.json();
        assert_eq!(
            v["error"]["fields"][0]["field"], "municipality",
            "{code}: {v}"
        );
        assert_eq!(
            v["error"]["fields"][0]["code"], "municipality_invalid",
            "{code}: {v}"
        );
    }
}

#[tokio::test]
async fn ips_qr_text_and_images() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    // The published example (docs/domain.md, Standards), exactly.
    let example = json!({"payee_account": "840000000095584510", "payee_name": "Čigra doo", "amount": "1025,12", "payment_code": "289"});
    let r = post(&b, "/api/v1/payments/ips-qr", example.clone()).await;
    r.assert_status(200);
    assert_eq!(
        r.json()["qr_text"],
        "K:PR|V:01|C:1|R:840000000095584510|N:Čigra doo|I:RSD1025,12|SF:289"
    );
    let fee = json!({"payee_account": "840-742221843-57", "payee_name": "Republička administrativna taksa", "amount": "22230.00",
        "payer": "Ана Петровић", "payment_code": "253", "purpose": "Taksa za privremeni boravak", "reference": "97 14-123412"});
    let text = post(&b, "/api/v1/payments/ips-qr", fee.clone())
        .await
        .json()["qr_text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.ends_with("|RO:9714123412"), "{text}");
    let svg = b
        .finish_json_accept("/api/v1/payments/ips-qr", fee.clone(), "image/svg+xml")
        .await;
    assert_eq!(svg.header("content-type"), "image/svg+xml");
    assert!(svg.body.contains("<svg"));
    let png = b
        .post_json_bytes("/api/v1/payments/ips-qr", fee, "image/png")
        .await;
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // An independent decoder reads it back (zbarimg, installed by .ci/run).
    if let Ok(out) = std::process::Command::new("zbarimg")
        .arg("--version")
        .output()
        && out.status.success()
    {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("qr.png");
        std::fs::write(&path, &png).unwrap();
        let out = std::process::Command::new("zbarimg")
            .args(["--raw", "-q"])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim_end(), text);
    } else {
        assert!(
            std::env::var_os("EFOREIGNER_REQUIRE_TOOLS").is_none(),
            "a decoding tool is missing but EFOREIGNER_REQUIRE_TOOLS is set (CI)"
        );
        eprintln!("zbarimg not installed: decoding checked in .ci/run only");
    }
    let bad = post(&b, "/api/v1/payments/ips-qr", json!({"payee_account": "840-742221843-58", "payee_name": "", "amount": "0", "payment_code": "999"})).await;
    bad.assert_status(422);
    let fields: Vec<String> = bad.json()["error"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_string())
        .collect();
    assert!(
        fields.contains(&"payee_account".to_string()) && fields.contains(&"amount".to_string()),
        "{fields:?}"
    );
}

#[tokio::test]
async fn public_pages_answer_in_four_languages_without_login() {
    let t = TestApp::spawn().await;
    for lang in ["en", "sr-Latn", "sr-Cyrl", "ru"] {
        let b = t.browser();
        for path in [
            "/residence",
            "/residence/bases",
            "/residence/eligibility",
            "/residence/absences",
            "/residence/fees",
        ] {
            let r = b.get(&format!("{path}?lang={lang}")).await;
            r.assert_status(200)
                .assert_contains(&format!("<html lang=\"{lang}\">"));
        }
    }
}

#[tokio::test]
async fn eligibility_page_gives_a_plain_answer_and_keeps_the_answers() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let ok = b.get("/residence/eligibility?kind=first&basis=employment.employment_contract&channel=online&date_of_birth=1990-01-01&citizenship=UA&submission_date=2026-11-21&passport_valid_until=2035-01-01").await;
    ok.assert_status(200)
        .assert_contains("answer--yes")
        .assert_contains("Yes, you can apply online.")
        .assert_contains("2029-11-20");
    let no = b.get("/residence/eligibility?kind=first&basis=employment.employment_contract&channel=in_person&date_of_birth=1990-01-01&citizenship=UA&submission_date=2026-11-21&passport_valid_until=2035-01-01").await;
    no.assert_contains("answer--no")
        .assert_contains("online only");
    let bad = b.get("/residence/eligibility?kind=first&basis=talent&channel=online&date_of_birth=1990-01-01&citizenship=UA&submission_date=2026-11-21&passport_valid_until=").await;
    bad.assert_status(422)
        .assert_contains("id=\"passport_valid_until-error\"")
        .assert_contains("name=\"basis\" value=\"talent\"")
        .assert_contains("Question 4 of 4");
}

#[tokio::test]
async fn eligibility_questions_come_one_step_at_a_time() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let s1 = b.get("/residence/eligibility").await;
    s1.assert_status(200)
        .assert_contains("Question 1 of 4")
        .assert_contains("name=\"step\" value=\"1\"");
    assert!(!s1.body.contains("id=\"basis\""), "one step at a time");
    let s2 = b
        .get("/residence/eligibility?step=1&kind=first&channel=online")
        .await;
    s2.assert_contains("Question 2 of 4")
        .assert_contains("id=\"basis\"")
        .assert_contains("name=\"kind\" value=\"first\"");
    // A step with a problem is shown again with the message.
    let again = b
        .get("/residence/eligibility?step=2&kind=first&channel=online&basis=")
        .await;
    again
        .assert_status(422)
        .assert_contains("Question 2 of 4")
        .assert_contains("id=\"basis-error\"");
    let s3 = b
        .get("/residence/eligibility?step=2&kind=first&channel=online&basis=talent")
        .await;
    s3.assert_contains("Question 3 of 4")
        .assert_contains("id=\"date_of_birth\"");
    let s4 = b.get("/residence/eligibility?step=3&kind=first&channel=online&basis=talent&date_of_birth=1990-01-01&citizenship=RU").await;
    s4.assert_contains("Question 4 of 4")
        .assert_contains("id=\"passport_valid_until\"");
    let answer = b
        .get("/residence/eligibility?step=4&kind=first&channel=online&basis=talent&date_of_birth=1990-01-01&citizenship=RU&submission_date=2026-11-21&passport_valid_until=2035-01-01")
        .await;
    answer
        .assert_status(200)
        .assert_contains("answer--yes")
        .assert_contains("2027-11-20")
        .assert_contains("Your answers");
    // Each answer has a link back to its question, answers kept.
    let links: Vec<String> = answer
        .body
        .split("href=\"/residence/eligibility?")
        .skip(1)
        .map(|l| l.split('"').next().unwrap().replace("&#38;", "&"))
        .collect();
    let change = links
        .iter()
        .find(|l| l.contains("&ask=2&"))
        .expect("a change link for the basis")
        .clone();
    assert_eq!(
        links.iter().filter(|l| l.contains("&ask=1&")).count(),
        2,
        "kind and channel: {links:?}"
    );
    let back_to_basis = b.get(&format!("/residence/eligibility?{change}")).await;
    back_to_basis
        .assert_status(200)
        .assert_contains("Question 2 of 4")
        .assert_contains("<option value=\"talent\" selected>")
        .assert_contains("name=\"return\" value=\"1\"");
    // Answering the changed question goes straight back to the answer.
    let back = b
        .get(&format!(
            "/residence/eligibility?{}",
            change
                .replace("ask=2", "step=2")
                .replace("basis=talent", "basis=investor")
        ))
        .await;
    back.assert_status(200)
        .assert_contains("class=\"answer")
        .assert_contains("Your answers");
}

#[tokio::test]
async fn absence_calculator_adds_rows_and_explains() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let more = b.get("/residence/absences?application_date=2026-11-21&departed_0=2024-01-01&returned_0=2024-02-01&departed_1=&returned_1=&departed_2=&returned_2=&add_trip=1").await;
    more.assert_status(200)
        .assert_contains("id=\"departed_3\"")
        .assert_contains("value=\"2024-02-01\"");
    assert!(
        !more.body.contains("class=\"answer"),
        "adding a row does not calculate"
    );
    let r = b.get("/residence/absences?application_date=2026-11-21&departed_0=2024-01-01&returned_0=2024-09-01").await;
    r.assert_contains("answer--no").assert_contains("243 days");
    let bad = b.get("/residence/absences?application_date=2026-11-21&departed_0=2024-01-01&returned_0=nonsense").await;
    bad.assert_status(422)
        .assert_contains("id=\"returned_0-error\"");
}

#[tokio::test]
async fn fee_page_shows_the_slip_and_the_pdf_renders_cyrillic() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let q = "kind=first&basis=talent&municipality=016&payer=%D0%90%D0%BD%D0%B0+%D0%9F%D0%B5%D1%82%D1%80%D0%BE%D0%B2%D0%B8%D1%9B";
    let page = b.get(&format!("/residence/fees?{q}")).await;
    // Amounts in the page language's one form (English here).
    page.assert_status(200)
        .assert_contains("22,230.00\u{a0}RSD")
        .assert_contains("97 50-016")
        .assert_contains("data:image/svg+xml;base64,")
        .assert_contains("Ана Петровић");
    let pdf_path = format!("/residence/fees/slip.pdf?{q}");
    let pdf = reqwest::get(format!("{}{pdf_path}", t.base)).await.unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok()
    {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("slip.pdf");
        std::fs::write(&path, &bytes).unwrap();
        let out = std::process::Command::new("pdftotext")
            .arg(&path)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Ана Петровић"), "{text}");
        assert!(text.contains("Republička administrativna taksa"), "{text}");
        // The printed slip is the bank's form: the Serbian amount.
        assert!(text.contains("22.230,00"), "{text}");
    } else {
        assert!(
            std::env::var_os("EFOREIGNER_REQUIRE_TOOLS").is_none(),
            "a decoding tool is missing but EFOREIGNER_REQUIRE_TOOLS is set (CI)"
        );
        eprintln!("pdftotext not installed: PDF text checked in .ci/run only");
    }
    // Issue 14 D: in Serbian Cyrillic the page and the printed slip are in one script (the
    // payee, registered in Latin, too), and amounts take the Serbian form.
    let cyr = b.get(&format!("/residence/fees?{q}&lang=sr-Cyrl")).await;
    cyr.assert_status(200)
        .assert_contains("Републичка административна такса")
        .assert_contains("22.230,00\u{a0}RSD");
    assert!(!cyr.body.contains("Republička"));
    let ru = b.get(&format!("/residence/fees?{q}&lang=ru")).await;
    ru.assert_contains("22\u{a0}230,00\u{a0}RSD");
    b.get("/residence/fees?lang=en").await;
    // The municipality is chosen from the list; a code not on it (typed into the address,
    // or from an old link) is refused with the list's message, the other answers kept.
    for code in ["16", "999"] {
        b.get(&format!(
            "/residence/fees?kind=first&basis=talent&municipality={code}&payer=Ana"
        ))
        .await
        .assert_status(422)
        .assert_contains("Select an answer for “Municipality of your residence”.")
        .assert_contains(r#"<option value="talent" selected>"#)
        .assert_contains(r#"value="Ana""#);
    }
    b.get("/residence/fees")
        .await
        .assert_status(200)
        .assert_contains(r#"<select id="municipality" name="municipality""#)
        .assert_contains(r#"<option value="016">"#);
}

#[tokio::test]
async fn absence_errors_point_at_the_row_that_was_filled() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = b.get("/residence/absences?application_date=2026-11-21&departed_0=&returned_0=&departed_1=2024-03-01&returned_1=").await;
    r.assert_status(422)
        .assert_contains("id=\"returned_1-error\"")
        .assert_contains("href=\"#returned_1\"");
    assert!(!r.body.contains("id=\"returned_0-error\""));
    let r = b.get("/residence/absences?application_date=2026-11-21&departed_0=&returned_0=&departed_1=2024-03-10&returned_1=2024-03-01").await;
    r.assert_contains("Trip 2:");
}

/// Calendar months as the law counts them: two absences of exactly five months are ten
/// months (304 days), within the limit; one day more is over it.
#[tokio::test]
async fn absences_add_up_in_calendar_months() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let trips = json!([
        {"departed": "2023-01-15", "returned": "2023-06-16"},
        {"departed": "2024-03-01", "returned": "2024-08-02"}
    ]);
    let v = post(
        &b,
        "/api/v1/residence/absences",
        json!({"application_date": "2025-06-01", "trips": trips}),
    )
    .await
    .json();
    assert_eq!(v["total"], json!({"months": 10, "days": 0}));
    assert_eq!(v["total_days_absent"], 304);
    assert_eq!(v["within_limits"], true, "{v}");
    let mut more = trips.as_array().unwrap().clone();
    more.push(json!({"departed": "2025-01-10", "returned": "2025-01-12"}));
    let v = post(
        &b,
        "/api/v1/residence/absences",
        json!({"application_date": "2025-06-01", "trips": more}),
    )
    .await
    .json();
    assert_eq!(v["total"], json!({"months": 10, "days": 1}));
    assert_eq!(codes(&v), ["total_absence_exceeds_limit"]);
    // The page says so in months and days, and explains how.
    let r = b.get("/residence/absences?application_date=2025-06-01&departed_0=2023-01-15&returned_0=2023-06-16&departed_1=2024-03-01&returned_1=2024-08-02").await;
    r.assert_status(200)
        .assert_contains("answer--yes")
        .assert_contains("10 months and 0 days (304 days)")
        .assert_contains("15 January, 6 months of absence end on 15 July");
    let ru = b.get("/residence/absences?lang=ru&application_date=2025-06-01&departed_0=2023-01-15&returned_0=2023-06-16").await;
    ru.assert_contains("5 месяцев и 0 дней");
}

/// A return before the departure is a mistake in the input, not a verdict: the API answers
/// 422 with the field and the rules' message, like any other bad input.
#[tokio::test]
async fn the_absence_api_refuses_a_return_before_the_departure() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = post(
        &b,
        "/api/v1/residence/absences",
        json!({"application_date": "2026-11-21", "trips": [
            {"departed": "2024-01-01", "returned": "2024-01-05"},
            {"departed": "2024-03-10", "returned": "2024-03-01"},
            {"departed": "2026-11-01", "returned": "2026-12-01"}
        ]}),
    )
    .await;
    r.assert_status(422);
    let v = r.json();
    assert_eq!(v["error"]["code"], "validation_failed");
    let fields = v["error"]["fields"].as_array().unwrap();
    assert_eq!(fields.len(), 2, "{v}");
    assert_eq!(fields[0]["field"], "trips[1].returned");
    assert_eq!(fields[0]["code"], "rule:trip_return_before_departure");
    assert_eq!(
        fields[0]["message"],
        "Trip 2: the return (2024-03-01) is before the departure (2024-03-10). Check the two dates."
    );
    assert_eq!(fields[1]["field"], "trips[2].returned");
    assert_eq!(fields[1]["code"], "rule:trip_return_after_application");
    // A trip with the same day twice is fine (a day trip: no absence).
    let r = post(
        &b,
        "/api/v1/residence/absences",
        json!({"application_date": "2026-11-21", "trips": [{"departed": "2024-01-01", "returned": "2024-01-01"}]}),
    )
    .await;
    r.assert_status(200);
    assert_eq!(r.json()["total_days_absent"], 0);
}

/// GOV.UK error pattern: the summary first, the message at the row, every trip kept, and no
/// verdict computed from impossible dates.
#[tokio::test]
async fn a_return_before_the_departure_is_a_field_error_and_keeps_every_trip() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let r = b.get("/residence/absences?application_date=2026-11-21&departed_0=2024-01-01&returned_0=2024-02-01&departed_1=2024-03-10&returned_1=2024-03-01&departed_2=2025-05-01&returned_2=2025-05-20&departed_3=&returned_3=").await;
    r.assert_status(422)
        .assert_contains("id=\"error-summary\"")
        .assert_contains("href=\"#returned_1\"")
        .assert_contains("id=\"returned_1-error\"")
        .assert_contains("Trip 2: the return (2024-03-01) is before the departure (2024-03-10)");
    let summary = r.body.find("id=\"error-summary\"").unwrap();
    let form = r.body.find("id=\"form\"").unwrap();
    assert!(summary < form, "the error summary comes first");
    assert!(
        !r.body.contains("class=\"answer"),
        "no verdict from impossible dates"
    );
    assert!(!r.body.contains("over the limits"));
    for value in [
        "2024-01-01",
        "2024-02-01",
        "2024-03-10",
        "2024-03-01",
        "2025-05-01",
        "2025-05-20",
    ] {
        r.assert_contains(&format!("value=\"{value}\""));
    }
    r.assert_contains("id=\"departed_3\"");
    // In Serbian Cyrillic too.
    let r = b.get("/residence/absences?lang=sr-Cyrl&application_date=2026-11-21&departed_0=2024-03-10&returned_0=2024-03-01").await;
    r.assert_status(422)
        .assert_contains("Путовање 1: повратак (2024-03-01) је пре одласка (2024-03-10)");
}

/// Every public residence page and the rules API cite their sources by the documents'
/// real titles in the reader's language, never by the project's internal labels.
#[tokio::test]
async fn public_pages_and_the_rules_api_cite_sources_by_their_titles() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let internal = [
        "seed-00",
        "seed 00",
        "design-md",
        "DESIGN.md",
        "project's reading",
        "project&#39;s reading",
        "project’s reading",
        "none_in_seeds",
        "s004.",
        "s002.",
    ];
    let titles = [
        (
            "en",
            "Temporary Residence — Portal for Foreign Citizens",
            "How this portal applies the rule",
        ),
        (
            "sr-Latn",
            "Privremeni boravak — Portal za strane državljane",
            "Kako ovaj portal primenjuje pravilo",
        ),
        (
            "sr-Cyrl",
            "Привремени боравак — Портал за стране држављане",
            "Како овај портал примењује правило",
        ),
        (
            "ru",
            "«Временное проживание» — Портал для иностранных граждан",
            "Как этот портал применяет правило",
        ),
    ];
    for (lang, official, reading) in titles {
        let pages = [
            "/residence".to_string(),
            "/residence/bases".to_string(),
            "/residence/eligibility?kind=extension&basis=employment.employment_contract&channel=in_person&date_of_birth=1990-01-01&citizenship=KZ&has_d_visa=no&submission_date=2026-11-21&passport_valid_until=2035-01-01&current_permit_valid_until=2027-01-10".to_string(),
            "/residence/eligibility?kind=first&basis=education.studying&channel=online&date_of_birth=1990-01-01&citizenship=KZ&submission_date=2026-11-21&passport_valid_until=2035-01-01".to_string(),
            "/residence/absences?application_date=2026-11-21&departed_0=2024-01-01&returned_0=2025-03-01".to_string(),
            "/residence/fees?kind=first&basis=talent&municipality=016".to_string(),
        ];
        for page in pages {
            let sep = if page.contains('?') { '&' } else { '?' };
            let r = b.get(&format!("{page}{sep}lang={lang}")).await;
            r.assert_status(200);
            for label in internal {
                assert!(!r.body.contains(label), "{lang} {page}: {label}");
            }
        }
        let bases = b.get(&format!("/residence/bases?lang={lang}")).await;
        bases.assert_contains(official).assert_contains(reading);
        for api in [
            format!("/api/v1/residence/bases?lang={lang}"),
            format!("/api/v1/residence/fees?basis=talent&kind=first&lang={lang}"),
        ] {
            let text = b.get(&api).await.body;
            for label in internal {
                assert!(!text.contains(label), "{api}: {label}");
            }
        }
    }
    let mut q = first_employment();
    q["citizenship"] = json!("KZ");
    let r = post(&b, "/api/v1/residence/check?lang=en", q).await;
    let text = r.body.clone();
    for label in internal {
        assert!(!text.contains(label), "check: {label}");
    }
    let reason = r.json()["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "d_visa_required")
        .unwrap()
        .clone();
    assert_eq!(
        reason["source"],
        "Online Application for a Residence Permit in Serbia: A Complete Guide (a private guide), section “Initial Application: General List of Documents”"
    );
    let v = post(
        &b,
        "/api/v1/identifiers/validate?lang=en",
        json!({"kind": "jmbg", "value": "0101990710007"}),
    )
    .await
    .body;
    assert!(!v.contains("DESIGN.md"), "{v}");
}

/// "Can I apply online?": what stops the request is said apart from what is good to know.
#[tokio::test]
async fn the_eligibility_answer_separates_blockers_from_good_to_know() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    // In person on a single permit ground: blocked; the beli karton is good to know.
    let r = b.get("/residence/eligibility?kind=first&basis=employment.employment_contract&channel=in_person&date_of_birth=1990-01-01&citizenship=UA&submission_date=2026-11-21&passport_valid_until=2035-01-01").await;
    r.assert_status(200)
        .assert_contains("What stops this request")
        .assert_contains("Good to know");
    let blockers = r.body.find("What stops this request").unwrap();
    let good = r.body.find("Good to know").unwrap();
    let online_only = r.body.find("can be requested online only").unwrap();
    let beli = r.body.find("beli karton").unwrap();
    assert!(
        blockers < online_only && online_only < good,
        "the blocker under its heading"
    );
    assert!(
        good < beli,
        "the beli karton is good to know, not a blocker"
    );
    // Nothing blocks: no "What stops" heading at all.
    let r = b.get("/residence/eligibility?kind=first&basis=talent&channel=online&date_of_birth=1990-01-01&citizenship=UA&submission_date=2026-11-21&passport_valid_until=2035-01-01").await;
    r.assert_contains("answer--yes")
        .assert_contains("Good to know");
    assert!(!r.body.contains("What stops this request"));
    // The API gives each reason its severity.
    let v = post(&b, "/api/v1/residence/check", first_employment())
        .await
        .json();
    assert!(
        v["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["severity"] == "info"),
        "{v}"
    );
}

/// seed-004: a visa D holder applies only on the basis the visa was issued for.
#[tokio::test]
async fn the_rules_refuse_a_ground_other_than_the_visa_d_basis() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let mut q = first_employment();
    q["citizenship"] = json!("KZ");
    q["has_d_visa"] = json!(true);
    q["d_visa_basis"] = json!("education");
    let v = post(&b, "/api/v1/residence/check", q.clone()).await.json();
    assert_eq!(v["allowed"], false);
    let reason = v["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["code"] == "d_visa_basis_mismatch")
        .unwrap()
        .clone();
    assert_eq!(reason["severity"], "blocking");
    assert!(
        reason["message"].as_str().unwrap().contains("Education"),
        "{reason}"
    );
    assert!(
        reason["source"]
            .as_str()
            .unwrap()
            .contains("Basis for issuing a temporary residence and work permit"),
        "{reason}"
    );
    q["d_visa_basis"] = json!("employment");
    let v = post(&b, "/api/v1/residence/check", q.clone()).await.json();
    assert_eq!(v["allowed"], true, "{v}");
    q["d_visa_basis"] = json!("employment.employment_contract");
    let r = post(&b, "/api/v1/residence/check", q).await;
    r.assert_status(422);
    assert_eq!(r.json()["error"]["fields"][0]["field"], "d_visa_basis");
    // The public page asks for it and says why.
    let r = b.get("/residence/eligibility?step=2&kind=first&channel=online&basis=employment.employment_contract").await;
    r.assert_contains("id=\"d_visa_basis\"");
    let r = b.get("/residence/eligibility?kind=first&basis=employment.employment_contract&channel=online&date_of_birth=1990-01-01&citizenship=KZ&has_d_visa=yes&d_visa_basis=education&submission_date=2026-11-21&passport_valid_until=2035-01-01").await;
    r.assert_contains("answer--no")
        .assert_contains("Your visa D was issued for Education");
}

/// Documents fit the basis: an employment contract for employment; a marriage certificate
/// for spouses and the witnesses' statement for an extramarital union; and an extension has
/// its own list.
#[tokio::test]
async fn the_checklists_fit_the_basis() {
    let t = TestApp::spawn().await;
    let b = t.browser();
    let bases = b.get("/api/v1/residence/bases").await.json();
    let ground = |code: &str| {
        bases["bases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["code"] == code)
            .unwrap()
            .clone()
    };
    let codes = |g: &serde_json::Value, list: &str| -> Vec<String> {
        g[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    let contract = ground("employment.employment_contract");
    assert!(codes(&contract, "documents").contains(&"employment_contract".to_string()));
    assert!(codes(&contract, "extension_documents").contains(&"employment_contract".to_string()));
    assert!(!codes(&contract, "extension_documents").contains(&"beli_karton".to_string()));
    let doc = contract["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "employment_contract")
        .unwrap()
        .clone();
    assert!(
        doc["source"]
            .as_str()
            .unwrap()
            .starts_with("How this portal applies the rule"),
        "{doc}"
    );
    let spouse = ground("family_reunification.marriage_rs_citizen");
    let docs = spouse["documents"].as_array().unwrap();
    let condition = |code: &str| {
        docs.iter()
            .find(|d| d["code"] == code)
            .map(|d| d["condition"].as_str().unwrap().to_string())
    };
    assert_eq!(
        condition("marriage_certificate_translation").as_deref(),
        Some("married_spouses")
    );
    assert_eq!(
        condition("two_witnesses_statement").as_deref(),
        Some("extramarital_union")
    );
    assert_eq!(
        condition("family_member_serbian_id").as_deref(),
        Some("always")
    );
    assert_eq!(condition("main_applicant_passport_and_permit"), None);
    let ip = ground("employment.self_employment");
    assert!(codes(&ip, "extension_documents").contains(&"account_turnover_6_months".to_string()));
    let page = b.get("/residence/bases").await;
    page.assert_contains("Documents to attach to an extension")
        .assert_contains("Employment contract, or another contract under the Labour Law")
        .assert_contains("for partners in an extramarital union");
}
